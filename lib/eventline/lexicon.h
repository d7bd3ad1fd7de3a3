// lib/eventline/lexicon.h: {NAME} lexicon references in rule patterns.
//
// A lexicon is a list of literal entries (rules/lexicons/NAME.txt). In a
// pattern, {NAME} (upper case, [A-Z_][A-Z0-9_]*) expands to a non-capturing
// group of the entries, each escaped for RE2, longest first, with every run
// of whitespace inside an entry matching \s+. A brace preceded by an odd
// number of backslashes is literal. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eventline {

using LexiconMap = std::map<std::string, std::vector<std::string>, std::less<>>;

// One {name} reference in a pattern. `upper` is false for {lower_case}
// spellings, which RE2 would read as literal text; callers report those only
// when the upper-cased name is a lexicon.
struct LexiconRef {
  std::size_t offset = 0;  // of the '{' in the pattern
  std::size_t length = 0;  // through the '}'
  std::string name;        // as written, without braces
  bool upper = true;
};

[[nodiscard]] std::vector<LexiconRef> FindLexiconRefs(std::string_view pattern);

// "(?:entry1|entry2|…)" for `entries`: escaped, longest first, spaces -> \s+.
[[nodiscard]] std::string LexiconAlternation(const std::vector<std::string>& entries);

// The same texts as LexiconAlternation(entries) when matched
// case-insensitively: the entries ASCII-lower-cased and deduplicated, so
// that case variants ("Nato", "NATO") do not force the flat list. Empty when
// an entry is not ASCII.
[[nodiscard]] std::string FoldedLexiconAlternation(const std::vector<std::string>& entries);

// Whether the pattern text at `offset` is matched case-insensitively: the
// rule's option (`case_sensitive`) changed by the (?i)/(?-i) flags of the
// groups open there. False when in doubt (a construct not read here).
[[nodiscard]] bool CaseFoldedAt(std::string_view pattern, std::size_t offset, bool case_sensitive);

// NAME -> LexiconAlternation(entries), computed once per load; and, under
// kFoldedKeyPrefix + NAME, FoldedLexiconAlternation(entries) when it differs.
using AlternationMap = std::map<std::string, std::string, std::less<>>;
inline constexpr const char* kFoldedKeyPrefix = "i:";
[[nodiscard]] AlternationMap BuildAlternations(const LexiconMap& lexicons);

// Expands every upper-case {NAME} found in `alternations`; unknown ones are
// left as written and appended to `unknown` (when not null). Lower-case
// {name} references are left alone. A reference matched case-insensitively
// (CaseFoldedAt with the rule's `case_sensitive`) gets the folded form.
[[nodiscard]] std::string ExpandLexicons(std::string_view pattern,
                                         const AlternationMap& alternations,
                                         std::vector<LexiconRef>* unknown,
                                         bool case_sensitive = true);

// Lexicon name of a file stem: upper-cased; empty when the stem is not
// [A-Za-z_][A-Za-z0-9_]*.
[[nodiscard]] std::string LexiconNameOf(std::string_view stem);

}  // namespace eventline
