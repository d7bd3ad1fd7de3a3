// lib/eventline/matcher.h: a RuleSet compiled into RE2, with an RE2::Set
// prefilter per rule kind.
//
// Compile once, then share: a Matcher is immutable after Compile and safe to
// use from many threads at once. It keeps a reference to nothing in the
// RuleSet except `const Rule*` pointers, so the RuleSet must outlive it.
// Match offsets are absolute byte offsets into the text passed in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eventline/diagnostics.h"
#include "eventline/rules.h"

namespace eventline {

class TraceSink;

struct Capture {
  std::string_view
      name;  // capture group name (points into the compiled rule; lives as long as the Matcher)
  std::size_t begin = 0, end = 0;  // absolute byte offsets; begin == end for an unset group
  [[nodiscard]] bool set() const { return end > begin; }
};

struct Match {
  const Rule* rule = nullptr;
  std::size_t begin = 0, end = 0;  // the whole match
  std::vector<Capture> captures;   // named groups only, in pattern order
  [[nodiscard]] const Capture* Get(std::string_view name) const;
};

class Matcher {
 public:
  // Compiles every rule; RE2 errors, empty-matching patterns, bad capture
  // names and over-budget programs go to `sink` with the pattern's position.
  // Returns nullptr when any error was reported.
  // `known`: the build's table of the shipped patterns (KnownPattern), whose
  // kKnownFull* flags say which programs to compile with the full budget at
  // once; without it each program tries the lean budget first.
  [[nodiscard]] static std::unique_ptr<Matcher> Compile(const RuleSet& rules, DiagnosticSink& sink,
                                                        KnownPatterns known = {});

  Matcher(const Matcher&) = delete;  // owns RE2 objects, which cannot be copied
  Matcher& operator=(const Matcher&) = delete;
  ~Matcher();

  // All matches of rules of `kind` in text[begin, end): for each rule the
  // set prefilter admits, leftmost non-overlapping matches, minus those an
  // `unless` pattern vetoes. Appends to `out`, ordered by (begin, rule order).
  // `tier` narrows event rules to those without or with
  // `requires: document_event` (back-off rules), so a caller can run the
  // back-off rules only in documents that the other rules vouch for.
  enum class Tier { kAll, kSpecific, kBackoff };
  // `line_start`: a second offset where `^` holds, as at the text's start (a
  // body's first sentence under a title set before it, docs/rules.md): a
  // sentence beginning there is matched over the text from it on, which
  // holds the same bytes as the text read alone; offsets stay absolute.
  // `trace`, when given, receives each match an `unless` pattern vetoes
  // (TraceSink::Unless; `eventline explain`).
  void FindAll(RuleKind kind, std::string_view text, std::size_t begin, std::size_t end,
               std::vector<Match>& out, Tier tier = Tier::kAll, std::size_t line_start = 0,
               TraceSink* trace = nullptr) const;

  // Empties `matches` (of FindAll) and keeps their capture buffers for the
  // time rules' next matches on this thread: FindTimes calls it once per
  // sentence instead of clear(), which freed one buffer per match.
  static void Recycle(std::vector<Match>& matches);

  // How many patterns have been compiled on first use so far (the loader's
  // checked patterns are compiled only when a sentence needs them).
  [[nodiscard]] std::size_t lazily_compiled() const;
  // How many of those compilations tried the lean RE2 budget first and did
  // not fit it (then compiled again with the full one): none for a form
  // that Compile's `known` table flags (kKnownFull*).
  [[nodiscard]] std::size_t lean_failures() const;

  // Frees every compiled pattern and trigger set with the DFA state caches
  // RE2 grows as it meets new text (most of a long run's memory); patterns
  // compile again on first use, the sets at once. Matches are unchanged.
  // Not thread-safe: no FindAll may run meanwhile.
  void ReleaseCaches();
  [[nodiscard]] std::size_t releases() const;  // ReleaseCaches calls so far

  // A partial release: drops the `n` compiled patterns (rules, vetoes,
  // trigger admission tests) used most recently, by the clock Tick
  // advances, with their DFA caches; the others and the trigger lookups
  // stay. The caches of the patterns in use hold most of the memory, while
  // the many patterns used now and then hold little each but cost a
  // compilation each when dropped (docs/scale.md, "Memory"). Returns how
  // many were dropped. Not thread-safe, as ReleaseCaches; not counted in
  // releases().
  std::size_t ReleaseRecent(std::size_t n);
  [[nodiscard]] std::size_t compiled_patterns() const;  // programs held now
  // Advances the use clock (between windows of documents). Not thread-safe.
  void Tick();

  struct Impl;

 private:
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The prefilter text of a pattern (lexicons already expanded): the body of
// its (?P<trigger>...) group as a non-capturing group, keeping a leading flag
// group such as "(?s)"; the whole pattern when there is no trigger group or
// when a match could skip it (the group, or one around it, is optional or
// inside an alternation). Exposed for tests.
[[nodiscard]] std::string TriggerPattern(std::string_view pattern);

// `pattern` with its case-folded ASCII letters k, s and the classes \w, \W
// outside character classes written so that RE2 folds them within ASCII only
// (`k` -> `(?-i:[Kk])`, `\w` -> `(?-i:\w)`): under RE2's case folding they
// also match KELVIN SIGN (U+212A) and LONG S (U+017F), which cost every
// pattern multi-byte branches (12 % of the shipped programs' instructions,
// a fifth of their compile time). On a text holding neither character the
// result matches exactly what `pattern` matches; the Matcher runs `pattern`
// itself on any other. Empty when nothing changes (or the pattern is not
// understood). `case_sensitive`: the RE2 option the pattern compiles with.
// Exposed for tests.
[[nodiscard]] std::string AsciiFoldPattern(std::string_view pattern, bool case_sensitive);

// `pattern` (case-folded: `case_sensitive` false) written to match,
// without case folding, the ASCII-lower-cased text: its ASCII letters
// lower-cased outside classes, its classes closed under case with the
// capitals dropped, any other non-ASCII character but caseless
// punctuation kept folded in (?i:...). On a text holding neither U+212A
// nor U+017F, it matches over the lower-cased text exactly where and as
// `pattern` matches over the text, groups included: ASCII lower-casing
// keeps every byte offset. Without folding RE2 parses a letter as a plain
// literal instead of building a folded class for it (a third of the
// compile time of the shipped patterns). Empty when not applicable: case
// sensitive, folding switched off anywhere ((?-i), a construct not read
// here (\p, \x, \Q, [:name:], \W inside a class, ...). Exposed for tests.
[[nodiscard]] std::string LowerCasePattern(std::string_view pattern, bool case_sensitive);

// Whether `text` holds a character RE2 folds to an ASCII letter (U+212A,
// U+017F): there, AsciiFoldPattern's result may match differently.
[[nodiscard]] bool HoldsNonAsciiFold(std::string_view text);

// The kKnownFull* flags of `pattern`, compiled with the Matcher's options
// for `case_sensitive`, for tools/known_patterns.cpp: 0 when its program as
// written fits kPatternRe2LeanMem, else kKnownFullExact and the flag of each
// of its AsciiFoldPattern and LowerCasePattern forms that does not fit
// either. Compiles up to three programs. Exposed for tests.
[[nodiscard]] std::uint32_t FullBudgetFlags(const std::string& pattern, bool case_sensitive);

// Where matches of rule.pattern can begin, as the Matcher derives it at the
// rule's first use when the rule does not carry it: sets rule.starts,
// rule.starts_at_boundary and rule.leading. The build stores the result with
// the shipped rule files (tools/known_patterns.cpp).
void DerivePatternStarts(Rule& rule);

}  // namespace eventline
