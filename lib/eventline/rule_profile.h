// lib/eventline/rule_profile.h: what each rule costs the Matcher, counted
// only in a build configured with -DEVENTLINE_RULE_PROFILE=ON (the
// `profile` preset). In any other build the hooks below are empty inline
// classes and the functions report nothing: the release binary pays
// nothing (docs/scale.md, "session 23, h-cost"; bench/README.md).
//
// Counted per rule (each thread its own table, summed when reported):
// proposals by the prefilter (trigger index, sets, words), admissions (the
// rule passed its required-word and end-string tests and was searched),
// RE2 searches with the bytes handed to them (pos to endpos: an anchored
// search usually reads far fewer), their matches, the rows kept, and
// steady_clock time: the whole of the rule's turn in FindAll, the RE2 calls
// in it, the compilations in it; the same for its vetoes, which are also
// counted per distinct veto text. Stages (the trigger index and sets of a
// kind) are timed as a whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventline {

struct Rule;

// One rule's (or veto's, or stage's) counts, summed over threads.
struct RuleCost {
  std::uint64_t proposed = 0;  // FindAll turns: the prefilter proposed the rule
  std::uint64_t admitted = 0;  // turns past the required-word and end tests
  std::uint64_t searches = 0, bytes = 0, found = 0;  // RE2 calls, span bytes, matches
  std::uint64_t kept = 0;                            // matches returned (rows' raw material)
  std::uint64_t compiles = 0;
  std::uint64_t veto_searches = 0, veto_bytes = 0;
  std::uint64_t ns = 0;          // the whole turn (or stage)
  std::uint64_t search_ns = 0;   // in RE2 calls, compilation excluded
  std::uint64_t compile_ns = 0;  // compiling the rule's programs (or the veto's)
  std::uint64_t veto_ns = 0;     // the vetoes' RE2 calls and compilations
  // Bytes allocated by operator new inside the rule's (or veto's) RE2 calls
  // and compilations: programs and DFA states, what a long run's memory
  // grows by until --memory-limit drops it (the counter build only).
  std::uint64_t heap = 0;
};

// True in a build with EVENTLINE_RULE_PROFILE.
[[nodiscard]] bool RuleProfileEnabled();
// The counts of rule `id` (or of the veto whose text is `id`, or of a
// stage such as "(event prefilter)"); zeros when not seen.
[[nodiscard]] RuleCost RuleProfileOf(std::string_view id);
// Forgets every count (the calling thread's and those of ended threads).
void RuleProfileReset();
// The tables, sorted by time: rules, vetoes, stages; `top` rows of each
// (0: all). Counts of threads still running are not included, except the
// calling thread's.
[[nodiscard]] std::string RuleProfileReport(std::size_t top);

namespace profile {

#ifdef EVENTLINE_RULE_PROFILE
// A rule's turn in FindAll / FindTimeRules.
class RuleScope {
 public:
  explicit RuleScope(const Rule* rule);
  ~RuleScope();
  RuleScope(const RuleScope&) = delete;
  RuleScope& operator=(const RuleScope&) = delete;
  void Admit();  // searched (past the words and end tests)
  void Keep();   // a match returned

 private:
  void* prev_;
  std::int64_t t0_;
};
// A veto's searches, inside a RuleScope.
class VetoScope {
 public:
  explicit VetoScope(const std::string* pattern);
  ~VetoScope();
  VetoScope(const VetoScope&) = delete;
  VetoScope& operator=(const VetoScope&) = delete;

 private:
  void* prev_;
};
// One RE2 call over `bytes` bytes, counted for the current rule or veto.
class SearchScope {
 public:
  explicit SearchScope(std::size_t bytes);
  ~SearchScope();
  SearchScope(const SearchScope&) = delete;
  SearchScope& operator=(const SearchScope&) = delete;
  bool Found(bool found) {
    found_ = found;
    return found;
  }

 private:
  std::size_t bytes_;
  std::int64_t t0_, compile0_;
  std::uint64_t heap0_;
  bool found_ = false;
};
// A pattern's compilation, counted for the current rule or veto.
class CompileScope {
 public:
  CompileScope();
  ~CompileScope();
  CompileScope(const CompileScope&) = delete;
  CompileScope& operator=(const CompileScope&) = delete;

 private:
  std::int64_t t0_;
};
// A stage timed as a whole (`name`: a string literal).
class StageScope {
 public:
  explicit StageScope(const char* name);
  ~StageScope();
  StageScope(const StageScope&) = delete;
  StageScope& operator=(const StageScope&) = delete;

 private:
  const char* name_;
  std::int64_t t0_;
};
#else
struct RuleScope {
  explicit RuleScope(const Rule* /*rule*/) {}
  void Admit() {}
  void Keep() {}
};
struct VetoScope {
  explicit VetoScope(const std::string* /*pattern*/) {}
};
struct SearchScope {
  explicit SearchScope(std::size_t /*bytes*/) {}
  static bool Found(bool found) { return found; }
};
struct CompileScope {
  CompileScope() {}  // user-provided: no unused-variable warning at the hooks
};
struct StageScope {
  explicit StageScope(const char* /*name*/) {}
};
#endif

}  // namespace profile
}  // namespace eventline
