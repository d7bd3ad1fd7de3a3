// lib/eventline/rules.h: rule files -> RuleSet (plain data) + diagnostics.
//
// Rule files are YAML under a rules directory (format: docs/rules.md):
//   types.yaml            the event types table (ACLED/CAMEO/PLOVER codes)
//   lexicons/NAME.txt     word lists, referenced from patterns as {NAME}
//   events/*.yaml         kind: event rules
//   time/*.yaml           kind: time rules (symbolic `value`, resolved by dates.h)
//   cues/*.yaml           kind: cue rules (modality and attribution)
// Later directories override rules of earlier ones with the same id.
//
// Loading never throws: every problem goes to the sink with file:line:col and
// a stable code; rules with errors are left out. Callers must stop when the
// sink has errors. yaml-cpp stays inside rules.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eventline/civil_date.h"
#include "eventline/diagnostics.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace eventline {

enum class RuleKind { kEvent, kTime, kCue };
[[nodiscard]] std::string_view ToString(RuleKind k);  // "event", "time", "cue"

// One example or counter-example sentence carried by a rule.
struct Example {
  std::string text;
  std::optional<Date> pub_date;  // reference date; default kDefaultExampleDate
  // Expected output fields, by output column name (event: schema v1 columns
  // such as event_type, actor, location, fatalities, modality, date_start;
  // time: date_text, date_start, date_end, date_precision; cue: modality, source).
  std::vector<std::pair<std::string, std::string>> expect;
  SourceLocation at;  // the example's text in the rule file
};

// Reference date for examples that do not give one: a Thursday.
inline constexpr std::string_view kDefaultExampleDate = "2022-08-18";

struct Rule {
  RuleKind kind = RuleKind::kEvent;
  std::string id;
  SourceLocation at;                // the rule's `id`
  std::string pattern_source;       // as written, with {LEXICON} references
  std::string pattern;              // lexicons expanded: RE2 syntax
  SourceLocation pattern_at;        // first character of the pattern scalar
  std::vector<std::string> unless;  // expanded veto patterns
  bool case_sensitive = false;      // default: match case-insensitively
  int priority = 0;                 // higher wins when two rules claim one trigger
  // `requires: document_event` (event rules): a back-off rule. Its matches
  // are kept only in a document that also has a match of a rule without
  // this requirement (docs/rules.md, "Back-off rules").
  bool requires_document_event = false;
  std::string event_type;  // kind event
  std::string value;       // kind time: symbolic value (see docs/dates.md)
  std::string cue;         // kind cue: claimed, denied, expected, negated, hypothetical, source
  std::map<std::string, std::string> options;  // other documented scalar fields
  std::vector<Example> examples;
  std::vector<Example> counter_examples;
  // The loader's compiled `pattern` and `unless` entries (parallel to
  // `unless`; null or absent when not compiled), built with the options the
  // Matcher uses, so Matcher::Compile reuses them instead of compiling each
  // pattern a second time. Immutable and shared by copies of the rule; the
  // Matcher ignores one whose text no longer equals the pattern.
  std::shared_ptr<const re2::RE2> compiled;
  std::vector<std::shared_ptr<const re2::RE2>> unless_compiled;
  // What the loader's check learnt about `pattern`, whether it compiled it or
  // found it in the known-patterns table (then `compiled` is null and the
  // Matcher compiles the pattern on first use): RE2's number of capturing
  // groups (-1: the loader did not check this rule) and its named groups.
  int capture_groups = -1;
  std::map<std::string, int> named_captures;  // name -> group index
  // Where a match of `pattern` can begin (prefilter.h, DerivePatternStarts
  // in matcher.h): derived by the build for the shipped rule files and
  // stored with them, else by the Matcher at the rule's first use.
  // starts: -1 not derived, 0 anywhere (no leading strings), 1 at one of
  // `leading`; starts_at_boundary: and only at a word boundary.
  int starts = -1;
  bool starts_at_boundary = false;
  std::vector<std::string> leading;
  // Words every match contains, its trigger's included (RequiredWords in
  // prefilter.h), derived with `starts`: a sentence without them is not
  // searched.
  std::vector<std::vector<std::string>> required;
  // Strings one of which every match ends with, lower-cased as `required`
  // (RequiredWords' `ends`), derived with `starts`; empty: not known. No
  // match can end after the last of them in a sentence.
  std::vector<std::string> ends;
  // The leading strings of the rule's trigger (of TriggerPattern), derived
  // with `starts`: trigger_starts -1 not derived, 0 none, 1 `trigger_leading`.
  int trigger_starts = -1;
  std::vector<std::string> trigger_leading;
  // The trigger is the whole pattern (its triggers sit in alternatives) and
  // `trigger_leading` holds the leading strings of its trigger bodies
  // instead (TriggerBodyLeading in prefilter.h, docs/scale.md, "session 28,
  // h-speed40"): the index proposes the rule where a body begins.
  bool trigger_body = false;
  // For a pattern without leading strings, its start window
  // (DeriveStartWindow in prefilter.h), derived with `starts`: window -1 not
  // derived, 0 none, 1 every match begins at most `window_runs` whitespace
  // runs before one of `window_leading`.
  int window = -1;
  int window_runs = 0;
  std::vector<std::string> window_leading;
  // Per `unless` entry (parallel to it, or empty when not derived), derived
  // with `starts`: where its matches can begin (`starts` as above, -1 not
  // derived), whether only at a word boundary, its leading strings and the
  // words every match of it holds. Rules share long vetoes, whose
  // derivation at run time cost ~1 M instructions each (docs/scale.md).
  struct VetoStarts {
    int starts = -1;
    bool at_boundary = false;
    std::vector<std::string> leading;
    std::vector<std::vector<std::string>> required;
    std::vector<std::string> ends;  // as the rule's `ends`
  };
  std::vector<VetoStarts> unless_starts;
};

// A pattern the build has already checked (tools/known_patterns.cpp runs the
// loader over the shipped rules and writes these into the eventline binary):
// the loader trusts a pattern whose key is here instead of compiling it, and
// the Matcher compiles it only when a document first needs it. The key is
// PatternKey of the expanded pattern; `named` lists "index:name" pairs
// separated by ';'.
struct KnownPattern {
  std::uint64_t key_high = 0, key_low = 0;
  std::uint32_t flags = 0;  // kKnownCanMatchEmpty, kKnownFull*
  int groups = 0;           // RE2::NumberOfCapturingGroups
  const char* named = "";
};
inline constexpr std::uint32_t kKnownCanMatchEmpty = 1;  // the W001 probe matched empty
// The program of a form of the pattern does not fit kPatternRe2LeanMem
// (CompilePattern's lean attempt fails): the pattern as written, its
// AsciiFoldPattern form, its LowerCasePattern form (matcher.h). The Matcher
// compiles a form so flagged with the full budget at once instead of
// parsing it twice (docs/scale.md, "session 32, h-speed49"). Set only for
// the patterns whose form as written does not fit; the budget changes no
// match.
inline constexpr std::uint32_t kKnownFullExact = 2;
inline constexpr std::uint32_t kKnownFullFold = 4;
inline constexpr std::uint32_t kKnownFullLowered = 8;
// A table of KnownPattern sorted by (key_high, key_low).
using KnownPatterns = std::span<const KnownPattern>;
// XXH3-128 of the expanded pattern, seeded with the case sensitivity.
[[nodiscard]] std::pair<std::uint64_t, std::uint64_t> PatternKey(bool case_sensitive,
                                                                 std::string_view expanded);
[[nodiscard]] const KnownPattern* FindKnownPattern(KnownPatterns known, bool case_sensitive,
                                                   std::string_view expanded);
// True when `re` matches the empty string in one of the loader's probe texts
// (W001: such a pattern can match the empty string).
[[nodiscard]] bool CanMatchEmpty(const re2::RE2& re);

// A rule file the build has already loaded (issue 7, cold start):
// tools/known_patterns.cpp loads the shipped rules, and every rule file that
// loaded with no diagnostic at all is stored as its parsed rules
// (SerializeRules), keyed by RuleFileKey of its bytes and of the lexicons and
// types it was parsed against. The loader deserializes a file whose key is
// here instead of parsing its YAML; any other file (a user's rules, a file
// edited since the build) is parsed and checked as before.
struct KnownRuleFile {
  std::uint64_t key_high = 0, key_low = 0;
  const char* data = nullptr;  // SerializeRules output
  std::size_t size = 0;
};
// A table of KnownRuleFile sorted by (key_high, key_low).
using KnownRuleFiles = std::span<const KnownRuleFile>;

struct EventType {
  std::string name;
  std::string acled_event_type, acled_sub_event_type, cameo, plover, description;
  SourceLocation at;
};

struct RuleSet {
  std::vector<Rule> rules;  // all kinds, in load order (directory, file name, position)
  std::vector<EventType> types;
  std::map<std::string, std::vector<std::string>, std::less<>> lexicons;  // NAME -> entries

  [[nodiscard]] const EventType* FindType(std::string_view name) const;
};

// Loads every rule directory in order; later ones override same-id rules
// (and same-name lexicons and types). Stops reporting after kMaxRuleErrors
// errors (one E022 says so). Patterns found in `known` are not compiled
// (see KnownPattern); all others are.
// Rule files found in `known_files` are not parsed (see KnownRuleFile).
[[nodiscard]] RuleSet LoadRules(const std::vector<std::string>& dirs, DiagnosticSink& sink,
                                KnownPatterns known = {}, KnownRuleFiles known_files = {});

// The known rule files' pieces, shared by LoadRules and tools/known_patterns.cpp.
//
// XXH3-128 of what a rule file's parse depends on besides its text: the
// lexicons (names and entries) and the types (every field but `at`, which
// differs between the source tree and an installed copy) of `context`.
[[nodiscard]] std::pair<std::uint64_t, std::uint64_t> RuleContextKey(const RuleSet& context);
// XXH3-128 of a rule file's bytes and its context key.
[[nodiscard]] std::pair<std::uint64_t, std::uint64_t> RuleFileKey(
    std::pair<std::uint64_t, std::uint64_t> context_key, std::string_view text);
[[nodiscard]] const KnownRuleFile* FindKnownRuleFile(KnownRuleFiles known,
                                                     std::pair<std::uint64_t, std::uint64_t> key);
// The rules of one file as a compact length-prefixed binary: every field but
// `compiled` and `unless_compiled`, and no file names (all SourceLocations
// of a file's rules name that file; the loader fills them in).
[[nodiscard]] std::string SerializeRules(std::span<const Rule> rules);
// SerializeRules' output -> rules whose SourceLocations name `file`, with
// `compiled` null and `unless_compiled` one null per `unless` entry (as a
// load with known patterns gives). False (and `out` empty) on corrupt data.
[[nodiscard]] bool DeserializeRules(std::string_view data, const std::string& file,
                                    std::vector<Rule>& out);
// One cacheable file of a checked load (tools/known_patterns.cpp, tests).
struct RuleFileCacheEntry {
  std::pair<std::uint64_t, std::uint64_t> key;
  std::string file;  // as loaded (Rule::at.file)
  std::string data;  // SerializeRules
};
// The rule files of `loaded` (LoadRules' result) that had no diagnostic in
// `diagnostics` (all of that load's), read again from their paths to key
// them; sorted by key. Files whose text cannot be read are left out.
[[nodiscard]] std::vector<RuleFileCacheEntry> BuildRuleFileCache(
    const RuleSet& loaded, std::span<const Diagnostic> diagnostics);

inline constexpr std::size_t kMaxRuleErrors = 20;
// RE2 program budget per pattern; over it: E012. A program may hold at most
// kPatternMaxInst instructions: what RE2 allows with set_max_mem(kPatternMaxMem)
// (2/3 of the budget for the program, 4 bytes of slack per 8-byte instruction).
inline constexpr std::int64_t kPatternMaxMem = 8 << 20;
inline constexpr int kPatternMaxInst = static_cast<int>(kPatternMaxMem * 2 / 3 / 4 / 8);
// RE2::Options::set_max_mem of a rule or 'unless' pattern whose program does
// not fit kPatternRe2LeanMem, and of every pattern searched over a sentence
// longer than 1,024 bytes (matcher.cpp, kWideText): room for the
// program plus RE2's lazily built DFA state caches. With 8 MB the caches of the
// largest cue patterns (claimed.said: source noun phrase before "said") filled
// and reset, and RE2 fell back to its NFA: 10x slower matching. Memory is taken
// only as states are built.
inline constexpr std::int64_t kPatternRe2Mem = 64 << 20;
// The budget a pattern is compiled with first (CompilePattern,
// pattern_budget.h); kPatternRe2Mem only when its program does not fit. At
// 128 kB a program holds up to ~2,700 instructions (all but a few of the
// shipped patterns) and what is left is its DFA state cache, which RE2 resets
// in place when full; for the larger of those programs nothing is left, and
// RE2 searches with its NFA or BitState, which on sentence-sized texts cost
// no more than building DFA states (docs/scale.md, "session 23, h-mem"). With
// every pattern at 64 MB the caches grew with the text read (208 MB on 20 MB
// of news) and the run had to release and recompile them.
inline constexpr std::int64_t kPatternRe2LeanMem = 128 << 10;
// The first budget of a time rule's pattern and of its 'unless' patterns.
// At 128 kB the reverse program of a time pattern of 400-2,000 instructions
// (the lexicon-built month, weekday and unit slots) had no room for its DFA:
// an unanchored search (a rule without leading strings) found where its
// match ends on the forward DFA, then ran the NFA to find where it begins,
// at ~11,000 instructions a call, 15 % of `eventline dates` on the date
// table. At 512 kB those searches stay on the DFA; there are a few hundred
// time patterns, and their caches take memory only as states are built
// (docs/scale.md, "session 32, h-speed48").
inline constexpr std::int64_t kTimeRe2LeanMem = 512 << 10;

// The pieces LoadRules is made of, exposed for tests and the fuzzer. Each
// parses text already in memory; `file_name` is used only in messages.
//
// One lexicon file -> its entries (comments and blanks dropped, duplicates
// removed, in file order). E017 when there is no entry.
[[nodiscard]] std::vector<std::string> ParseLexiconText(std::string_view text,
                                                        std::string_view file_name,
                                                        DiagnosticSink& sink);
// A types.yaml -> its types.
[[nodiscard]] std::vector<EventType> ParseTypesText(std::string_view text,
                                                    std::string_view file_name,
                                                    DiagnosticSink& sink);
// One rule file -> its valid rules, checked against `context.lexicons` and
// `context.types` (types empty: any event type is accepted). Patterns are
// expanded and compiled once to check them (RE2 errors, budget, capture
// names, empty matches). Duplicate ids are checked by LoadRules, not here.
[[nodiscard]] std::vector<Rule> ParseRuleText(std::string_view text, std::string_view file_name,
                                              const RuleSet& context, DiagnosticSink& sink,
                                              KnownPatterns known = {});

// Capture names allowed as slots in rules of `kind` (time: any lower-case
// name, so this returns an empty list and IsSlotName decides).
[[nodiscard]] bool IsSlotName(RuleKind kind, std::string_view name);
// The slot a capture fills: event and cue captures may repeat a slot in
// alternatives with a numeric suffix ("trigger2", "actor3"), since RE2 does
// not allow two groups of one name; the suffix is dropped here. Time
// captures are returned unchanged.
[[nodiscard]] std::string_view SlotOf(RuleKind kind, std::string_view name);

}  // namespace eventline
