#include "eventline/matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eventline/pattern_budget.h"
#include "eventline/prefilter.h"
#include "eventline/rule_profile.h"
#include "eventline/trace.h"

namespace eventline {

const Capture* Match::Get(std::string_view name) const {
  const Capture* unset = nullptr;
  for (const auto& c : captures) {
    if (c.name != name) continue;
    if (c.set()) return &c;  // a slot repeated in alternatives: the one that matched
    if (!unset) unset = &c;
  }
  return unset;
}

namespace {

// One group of a pattern, found by a light scan (escapes and character
// classes are skipped; RE2 has already accepted the pattern).
struct Group {
  std::size_t open = 0, close = 0;  // '(' and ')' offsets
  int parent = -1;                  // -1: the top level
  bool alternation = false;         // a '|' directly inside
  bool optional = false;            // followed by ?, * or {0
  std::string name;                 // for (?P<name>...)
};

struct Scan {
  std::vector<Group> groups;
  bool top_alternation = false;
  bool ok = true;
};

Scan ScanGroups(std::string_view p) {
  Scan s;
  std::vector<int> stack;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {  // \Q...\E literal
        const std::size_t e = p.find("\\E", i + 2);
        i = e == std::string_view::npos ? p.size() : e + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (c == '[') {
      i = CharClassEnd(p, i);
      continue;
    }
    if (c == '(') {
      Group g;
      g.open = i;
      g.parent = stack.empty() ? -1 : stack.back();
      if (p.substr(i, 4) == "(?P<") {
        const std::size_t e = p.find('>', i + 4);
        if (e != std::string_view::npos) g.name = std::string(p.substr(i + 4, e - i - 4));
      }
      stack.push_back(static_cast<int>(s.groups.size()));
      s.groups.push_back(std::move(g));
      continue;
    }
    if (c == ')') {
      if (stack.empty()) {
        s.ok = false;
        return s;
      }
      Group& g = s.groups[static_cast<std::size_t>(stack.back())];
      stack.pop_back();
      g.close = i;
      if (i + 1 < p.size()) {
        const char q = p[i + 1];
        g.optional = q == '?' || q == '*' || (q == '{' && i + 2 < p.size() && p[i + 2] == '0');
      }
      continue;
    }
    if (c == '|') {
      if (stack.empty()) {
        s.top_alternation = true;
      } else {
        s.groups[static_cast<std::size_t>(stack.back())].alternation = true;
      }
    }
  }
  if (!stack.empty()) s.ok = false;
  return s;
}

// Any flag group that changes matching for the rest of the pattern, e.g. a
// leading "(?i)" or "(?s)", must carry over to the trigger sub-pattern.
std::string LeadingFlags(std::string_view p) {
  if (p.substr(0, 2) != "(?") return {};
  const std::size_t e = p.find(')');
  if (e == std::string_view::npos) return {};
  const std::string_view inner = p.substr(2, e - 2);
  if (inner.find_first_not_of("imsU-") != std::string_view::npos) return {};
  return std::string(p.substr(0, e + 1));
}

// A std::once_flag whose done state is read first: after the first call,
// CallOnce is one acquire load instead of std::call_once's pthread_once call
// and its thread-local setup (each RE2 call, each candidate rule and each
// FindAll went through one or more).
class Once {
 public:
  template <class F>
  friend void CallOnce(Once& once, F&& f) {
    if (once.done_.load(std::memory_order_acquire)) return;
    std::call_once(once.flag_, [&] {
      std::forward<F>(f)();
      once.done_.store(true, std::memory_order_release);
    });
  }

 private:
  std::once_flag flag_;
  std::atomic<bool> done_{false};
};

// Whether the running FindAll's text holds a character RE2 folds to an
// ASCII letter (HoldsNonAsciiFold): then LazyRe2 hands out the pattern as
// written instead of its ASCII-fold form. True outside FindAll.
thread_local bool t_exact_fold = true;

// Whether the running FindAll's sentence is longer than kWideText: then
// LazyRe2 hands out programs compiled with the full budget (kPatternRe2Mem),
// whose DFA caches have room for a long search. A lean program's small cache
// fills within one such search and RE2 falls back to its NFA, which on a
// text of hundreds of kB was twice as slow (docs/scale.md, "session 23, h-mem").
thread_local bool t_wide_text = false;
constexpr std::size_t kWideText = 1024;

// Sets a thread-local flag (t_wide_text, t_exact_fold) for one FindAll and
// restores its previous value on leaving.
class FlagScope {
 public:
  FlagScope(bool& flag, bool value) : flag_(flag), prev_(flag) { flag_ = value; }
  ~FlagScope() { flag_ = prev_; }
  FlagScope(const FlagScope&) = delete;
  FlagScope& operator=(const FlagScope&) = delete;

 private:
  bool& flag_;
  bool prev_;
};

// A rule's RE2, compiled when first used: the loader has checked every
// pattern (or found it in the known-patterns table), so a cold start
// compiles none of them and a run compiles only those the set prefilter
// proposes. Safe from many threads (std::call_once); used like a pointer.
// Two programs: AsciiFoldPattern's form, for texts without KELVIN SIGN and
// LONG S (nearly all: smaller and cheaper to compile), and the pattern as
// written, compiled only when a text holding one of them needs it.
class LazyRe2 {
 public:
  LazyRe2() : state_(std::make_unique<State>()) {}  // assigned before use
  // `known`: the build's table (KnownPattern), whose kKnownFull* flags
  // send a form of `pattern` to the full budget at once (Build);
  // `lean_failures` counts the lean attempts that failed.
  LazyRe2(std::string pattern, const RE2::Options& options, std::atomic<std::size_t>* counter,
          KnownPatterns known = {}, std::atomic<std::size_t>* lean_failures = nullptr)
      : state_(std::make_unique<State>()) {
    state_->pattern = std::move(pattern);
    state_->options = options;
    state_->counter = counter;
    state_->known = known;
    state_->lean_failures = lean_failures;
  }
  explicit LazyRe2(std::shared_ptr<const RE2> compiled) : state_(std::make_unique<State>()) {
    state_->pattern = compiled->pattern();
    state_->options = compiled->options();
    state_->exact = std::move(compiled);
  }
  const RE2* get() const {
    State& s = Pick();
    const RE2* re = nullptr;
    if (t_exact_fold) {
      re = Exact(s);
    } else {
      CallOnce(s.once, [&s] {
        const std::string lean = AsciiFoldPattern(s.pattern, s.options.case_sensitive());
        if (!lean.empty()) {
          const profile::CompileScope prof;
          auto compiled = Build(s, lean, s.options, kKnownFullFold);
          if (compiled->ok()) s.re = std::move(compiled);
          if (s.counter) s.counter->fetch_add(1, std::memory_order_relaxed);
        }
        if (!s.re) {  // nothing to fold: one program
          Exact(s);
          s.re = s.exact;
        }
      });
      re = s.re.get();
    }
    Stamp(*state_);
    return re;
  }
  // LowerCasePattern's program, for texts without U+212A and U+017F,
  // lower-cased; null when the pattern has no such form (then get()).
  const RE2* lowered() const {
    State& s = Pick();
    CallOnce(s.lowered_once, [&s] {
      const std::string low = LowerCasePattern(s.pattern, s.options.case_sensitive());
      if (low.empty()) return;
      RE2::Options o = s.options;
      o.set_case_sensitive(true);
      const profile::CompileScope prof;
      auto compiled = Build(s, low, o, kKnownFullLowered);
      if (s.counter) s.counter->fetch_add(1, std::memory_order_relaxed);
      if (compiled->ok()) s.lowered = std::move(compiled);
    });
    if (s.lowered == nullptr) return nullptr;
    Stamp(*state_);
    return s.lowered.get();
  }
  const RE2* operator->() const { return get(); }
  const RE2& operator*() const { return *get(); }

  // Drops the compiled programs and their DFA caches; the next get()
  // compiles afresh. A program shared with the loader is dropped too (the
  // next one is private). Not thread-safe: no get() may run meanwhile.
  void Release() {
    if (!compiled()) return;
    auto fresh = std::make_unique<State>();
    fresh->pattern = std::move(state_->pattern);
    fresh->options = state_->options;
    fresh->counter = state_->counter;
    fresh->known = state_->known;
    fresh->lean_failures = state_->lean_failures;
    fresh->epoch = state_->epoch;
    fresh->lean_mem = state_->lean_mem;
    fresh->full.store(state_->full.load(std::memory_order_relaxed), std::memory_order_relaxed);
    state_ = std::move(fresh);
  }

  // Stamps each use with the value of `epoch` (the Matcher's clock).
  void Track(const std::atomic<std::uint32_t>* epoch) { state_->epoch = epoch; }
  // The first budget of the programs compiled from now on (CompilePattern's
  // lean_mem; kTimeRe2LeanMem for time rules). Before the first get().
  void SetLeanMem(std::int64_t lean_mem) { state_->lean_mem = lean_mem; }
  // Not thread-safe (as Release): whether a program is held, and the epoch
  // of its last use.
  [[nodiscard]] bool compiled() const {
    const State& s = *state_;
    return Holds(s) || (s.wide != nullptr && Holds(*s.wide));
  }
  [[nodiscard]] std::uint32_t last_use() const {
    return state_->last_use.load(std::memory_order_relaxed);
  }

 private:
  struct State {
    std::string pattern;
    RE2::Options options;
    std::atomic<std::size_t>* counter = nullptr;        // the Matcher's count of lazy compilations
    KnownPatterns known;                                // the build's table, or empty
    std::atomic<std::size_t>* lean_failures = nullptr;  // the Matcher's count of them
    const std::atomic<std::uint32_t>* epoch = nullptr;  // the Matcher's clock
    std::atomic<std::uint32_t> last_use{0};             // its value at the last get()
    std::int64_t lean_mem = kPatternRe2LeanMem;         // CompilePattern's first budget
    // Set when a program of this pattern did not fit kPatternRe2LeanMem:
    // compiled with the full budget from then on, releases included.
    std::atomic<bool> full{false};
    Once once;
    std::shared_ptr<const RE2> re;  // AsciiFoldPattern's form (or `exact` when the same)
    Once exact_once;
    std::shared_ptr<const RE2> exact;  // `pattern` as written
    Once lowered_once;
    std::shared_ptr<const RE2> lowered;  // LowerCasePattern's form, when it has one
    // The same programs with the full budget, for long texts (t_wide_text):
    // made at the first long text, dropped by Release with the rest.
    Once wide_once;
    std::unique_ptr<State> wide;
  };

  static bool Holds(const State& s) {
    return s.re != nullptr || s.exact != nullptr || s.lowered != nullptr;
  }

  // The state whose programs serve the running FindAll.
  State& Pick() const {
    State& s = *state_;
    if (!t_wide_text) return s;
    CallOnce(s.wide_once, [&s] {
      auto w = std::make_unique<State>();
      w->pattern = s.pattern;
      w->options = s.options;
      w->counter = s.counter;
      w->lean_failures = s.lean_failures;
      w->full.store(true, std::memory_order_relaxed);
      s.wide = std::move(w);
    });
    return *s.wide;
  }

  // The clock's value at the last use, for a partial release
  // (Matcher::ReleaseRecent): written once per tick, no lock.
  static void Stamp(State& s) {
    if (s.epoch != nullptr) {
      const std::uint32_t e = s.epoch->load(std::memory_order_relaxed);
      if (s.last_use.load(std::memory_order_relaxed) != e) {
        s.last_use.store(e, std::memory_order_relaxed);
      }
    }
  }

  // CompilePattern, with the full budget at once when a program of this
  // pattern did not fit the lean one before, or when the build's table says
  // that form `p` (`form`: a kKnownFull* flag) does not: its lean attempt
  // would parse the pattern, fail and parse it again (13 programs of a
  // 20 MB run, the largest; docs/scale.md, "session 32, h-speed49").
  static std::shared_ptr<const RE2> Build(State& s, const std::string& p, const RE2::Options& o,
                                          std::uint32_t form) {
    bool full = s.full.load(std::memory_order_relaxed);
    if (!full && !s.known.empty()) {
      const KnownPattern* k = FindKnownPattern(s.known, s.options.case_sensitive(), s.pattern);
      full = k != nullptr && (k->flags & form) != 0;
    }
    const bool full_first = full;
    auto re = CompilePattern(p, o, full, &full, s.lean_mem);
    if (full) s.full.store(true, std::memory_order_relaxed);
    if (full && !full_first && s.lean_failures) {
      s.lean_failures->fetch_add(1, std::memory_order_relaxed);
    }
    return re;
  }

  static const RE2* Exact(State& s) {
    CallOnce(s.exact_once, [&s] {
      if (s.exact) return;
      const profile::CompileScope prof;
      s.exact = Build(s, s.pattern, s.options, kKnownFullExact);
      if (s.counter) s.counter->fetch_add(1, std::memory_order_relaxed);
    });
    return s.exact.get();
  }

  std::unique_ptr<State> state_;
};

// A set of byte pairs of a text, hashed into 4,096 bits: the words a rule
// needs (RequiredWords) are first tested against the pairs of the sentence,
// which rejects most absent words without a search. Collisions only let a
// word through to the search.
constexpr std::size_t kPairBits = 4096;
std::uint32_t PairKey(unsigned char a, unsigned char b) {
  return ((static_cast<std::uint32_t>(a) & 63U) << 6) | (static_cast<std::uint32_t>(b) & 63U);
}

// Up to four byte pairs of a word (first, last and two between); n == 0 for
// a word of fewer than two bytes (searched for directly).
struct WordPairs {
  std::array<std::uint16_t, 4> keys{};
  std::uint8_t n = 0;
};

WordPairs PairKeys(std::string_view w) {
  WordPairs p;
  if (w.size() < 2) return p;
  const std::size_t last = w.size() - 2;
  for (const std::size_t at : {std::size_t{0}, last, last / 3, 2 * last / 3}) {
    const auto k = static_cast<std::uint16_t>(
        PairKey(static_cast<unsigned char>(w[at]), static_cast<unsigned char>(w[at + 1])));
    if (std::find(p.keys.begin(), p.keys.begin() + p.n, k) == p.keys.begin() + p.n) {
      p.keys[p.n++] = k;
    }
  }
  return p;
}

// One word of a requirement in FindAll's flat runs: its pairs and its id.
struct ReqWord {
  WordPairs pairs;
  std::uint32_t word = 0;
};

// Gives each word (pairs[i] of words[i]) the rarest of its byte pairs
// among `words`, rarest first, up to the four WordPairs holds, instead of
// its first, last and two between: the pairs test (every key of a word
// must be among the sentence's pairs) stops at the first absent key, and a
// pair that few words hold ("kd", "sx") is absent from most sentences more
// often than one most words hold ("ed", "in"). Each key is still a pair of
// the word, so a sentence that holds the word holds them all: the test
// rejects no word the search would find. Ties: the lower key first.
void RarestPairs(const std::vector<std::string>& words, std::vector<WordPairs>& pairs) {
  const auto key_at = [](const std::string& w, std::size_t i) {
    return static_cast<std::uint16_t>(
        PairKey(static_cast<unsigned char>(w[i - 1]), static_cast<unsigned char>(w[i])));
  };
  std::vector<std::uint32_t> count(kPairBits, 0);
  for (const std::string& w : words) {
    for (std::size_t i = 1; i < w.size(); ++i) ++count[key_at(w, i)];
  }
  std::vector<std::uint16_t> keys;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    keys.clear();
    for (std::size_t i = 1; i < w.size(); ++i) keys.push_back(key_at(w, i));
    std::sort(keys.begin(), keys.end(), [&count](std::uint16_t a, std::uint16_t b) {
      return count[a] != count[b] ? count[a] < count[b] : a < b;
    });
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    WordPairs& p = pairs[k];
    p.n = static_cast<std::uint8_t>(std::min(keys.size(), p.keys.size()));
    std::copy_n(keys.begin(), p.n, p.keys.begin());
  }
}

// One distinct `unless` pattern (case flag and text) of the Matcher's pool.
struct Veto {
  const std::string* pattern = nullptr;  // the first rule's copy of the text
  // That rule's derivation of it (Rule::unless_starts), when the build made
  // one; else it is derived at the first test.
  const Rule::VetoStarts* derived = nullptr;
  LazyRe2 re;
  // Where its matches can begin (null: anywhere) and whether only at a word
  // boundary, derived at its first test (LeadingStrings). With them the veto
  // runs anchored there instead of as an unanchored search, which needs
  // RE2's reverse program to find where a match begins. Derived once per
  // distinct text: the derivation of a lexicon-expanded veto costs ~0.8 M
  // instructions, and rules share vetoes (docs/scale.md).
  mutable Once starts_once;
  mutable std::unique_ptr<WordPrefilter> starts;
  mutable bool boundary = false;
  // Words every match of it holds (RequiredWords), derived with the starts:
  // in a sentence without them the veto is neither compiled nor run.
  mutable std::vector<std::vector<std::string>> required;
  mutable std::vector<std::vector<WordPairs>> required_pairs;  // PairKeys of each word
  // Strings one of which every match ends with (VetoStarts::ends), with
  // their PairKeys, derived with the starts; empty: not known or too many.
  mutable std::vector<std::string> ends;
  mutable std::vector<WordPairs> end_pairs;
  // The leading strings `starts` was built from (empty when it is null).
  mutable std::vector<std::string> leading;
  // Without starts but with ends: the bytes its matches can begin with
  // (FirstBytes), as CompiledRule::first.
  mutable std::optional<std::array<std::uint64_t, 4>> first;
};

struct CompiledRule {
  const Rule* rule = nullptr;
  std::size_t order = 0;  // position in the RuleSet
  LazyRe2 re;             // shares the Rule's program when the loader compiled it
  // The rule's vetoes, owned by the Matcher's pool: rules share a veto text
  // (the accident and cyber vetoes repeat on dozens of rules), and each
  // distinct text compiles once, keeps one DFA cache and derives its starts
  // once.
  std::vector<const Veto*> unless;
  int groups = 0;                  // NumberOfCapturingGroups()
  std::vector<int> named;          // group indices of named groups, in pattern order
  std::vector<std::string> names;  // parallel to `named`
  // Where a match can begin (the pattern's leading strings), built at first
  // use; null when they cannot be derived. With them, the pattern runs
  // anchored at those positions only instead of as an unanchored search.
  mutable Once starts_once;
  mutable std::unique_ptr<WordPrefilter> starts;
  // The pattern begins with \b outside any alternation: a match begins at
  // a word boundary.
  mutable bool starts_at_boundary = false;
  // Strings one of which every match ends with (Rule::ends), with their
  // PairKeys, set with `starts`; empty: not known.
  mutable std::vector<std::string> ends;
  mutable std::vector<WordPairs> end_pairs;
  // Every match begins at the text's start (AtTextStartOnly): tried there only.
  mutable bool text_start = false;
  // Without starts: the start window (DeriveStartWindow), whose `leading`
  // strings begin the rest of every match at most `window_runs` whitespace
  // runs after the match's start; null when none is derived.
  mutable std::unique_ptr<WordPrefilter> window;
  mutable int window_runs = 0;
  // For a rule the trigger index proposed: whether the RE2::Set of
  // `\b(?:TRIGGER)` would have admitted it (docs/rules.md), decided at its
  // first match in a sentence. Set up at the rule's first match.
  mutable Once admit_once;
  mutable int trigger_group = -1;   // capture index of the trigger; -1: the whole match
  mutable bool admit_fast = false;  // no ^, $, \A, \z in the trigger pattern
  // The trigger is the whole pattern, searched without \b (WholeTriggerOffBoundary):
  // any match admits.
  mutable bool admit_any = false;
  mutable LazyRe2 admit_re;                           // \b(?:TRIGGER), as the set held it
  const std::atomic<std::uint32_t>* epoch = nullptr;  // the Matcher's use clock
};

RE2::Options PatternOptions(bool case_sensitive) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(kPatternRe2Mem);
  o.set_case_sensitive(case_sensitive);
  return o;
}

// The loader's compiled program when it was built from `pattern` with the
// same options; else null (compile again).
std::shared_ptr<const RE2> Reuse(const std::shared_ptr<const RE2>& compiled,
                                 const std::string& pattern, const RE2::Options& options) {
  if (!compiled || !compiled->ok() || compiled->pattern() != pattern) return nullptr;
  const RE2::Options& o = compiled->options();
  // max_mem is not compared: CompilePattern chose it, and it changes no match.
  if (o.encoding() != options.encoding() || o.case_sensitive() != options.case_sensitive() ||
      o.posix_syntax() != options.posix_syntax() || o.longest_match() != options.longest_match() ||
      o.literal() != options.literal() || o.never_nl() != options.never_nl() ||
      o.dot_nl() != options.dot_nl() || o.never_capture() != options.never_capture() ||
      o.perl_classes() != options.perl_classes() || o.word_boundary() != options.word_boundary() ||
      o.one_line() != options.one_line()) {
    return nullptr;
  }
  return compiled;
}

}  // namespace

namespace {

// Copies the escape at p[i] ('\\') to `out`; the index of its last byte, or
// npos when it is cut off. \w and \W under folding become ASCII-only.
std::size_t CopyEscape(std::string_view p, std::size_t i, bool fold, std::string& out,
                       bool& changed) {
  if (i + 1 >= p.size()) return std::string_view::npos;
  const char n = p[i + 1];
  std::size_t last = i + 1;
  if ((n == 'p' || n == 'P' || n == 'x') && i + 2 < p.size()) {
    if (p[i + 2] == '{') {
      last = p.find('}', i + 2);
    } else {
      last = n == 'x' ? i + 3 : i + 2;  // \xHH, \pL
    }
    if (last >= p.size()) return std::string_view::npos;
  } else if (fold && (n == 'w' || n == 'W')) {
    out += "(?-i:\\";
    out += n;
    out += ')';
    changed = true;
    return last;
  }
  out.append(p.substr(i, last + 1 - i));
  return last;
}

// The index of the '}' closing a repetition {n}, {n,} or {n,m} at p[i]
// ('{'); npos when p[i] is a literal brace.
std::size_t RepeatEnd(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  const auto digits = [&] {
    const std::size_t from = j;
    while (j < p.size() && p[j] >= '0' && p[j] <= '9') ++j;
    return j > from;
  };
  if (!digits()) return std::string_view::npos;
  if (j < p.size() && p[j] == ',') {
    ++j;
    digits();
  }
  return j < p.size() && p[j] == '}' ? j : std::string_view::npos;
}

}  // namespace

bool HoldsNonAsciiFold(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

std::string AsciiFoldPattern(std::string_view p, bool case_sensitive) {
  // Bytes the loop below acts on; a run of other bytes is copied at once
  // (lexicon-expanded patterns are tens of kB of plain words and '|').
  static constexpr auto kActs = [] {
    std::array<bool, 256> acts{};
    for (const unsigned char c : std::string_view("\\[(){kKsS")) acts[c] = true;
    return acts;
  }();
  std::string out;
  out.reserve(p.size() + p.size() / 4);
  bool changed = false;
  bool fold = !case_sensitive;
  std::vector<char> saved;  // the folding to restore at each ')'
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!kActs[static_cast<unsigned char>(p[i])]) {
      std::size_t j = i + 1;
      while (j < p.size() && !kActs[static_cast<unsigned char>(p[j])]) ++j;
      out.append(p.data() + i, j - i);
      i = j - 1;
      continue;
    }
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') return {};  // \Q...\E: not handled
      i = CopyEscape(p, i, fold, out, changed);
      if (i == std::string_view::npos) return {};
      continue;
    }
    if (c == '[') {  // a class folds as written: left alone
      const std::size_t e = CharClassEnd(p, i);
      if (e >= p.size()) return {};
      out.append(p.substr(i, e + 1 - i));
      i = e;
      continue;
    }
    if (c == '(') {
      saved.push_back(static_cast<char>(fold));
      if (i + 1 < p.size() && p[i + 1] == '?') {
        std::size_t j = i + 2;
        if (j < p.size() && p[j] == 'P') {  // (?P<name>
          j = p.find('>', j);
          if (j == std::string_view::npos) return {};
          out.append(p.substr(i, j + 1 - i));
          i = j;
          continue;
        }
        bool negate = false, f = fold;
        for (; j < p.size() && p[j] != ':' && p[j] != ')'; ++j) {
          if (p[j] == '-') {
            negate = true;
          } else if (p[j] == 'i') {
            f = !negate;
          } else if (p[j] != 'm' && p[j] != 's' && p[j] != 'U') {
            return {};
          }
        }
        if (j >= p.size()) return {};
        out.append(p.substr(i, j + 1 - i));
        if (p[j] == ')') saved.pop_back();  // (?i): to the end of the enclosing group
        fold = f;
        i = j;
        continue;
      }
      out += c;
      continue;
    }
    if (c == ')') {
      if (saved.empty()) return {};
      fold = saved.back() != 0;
      saved.pop_back();
      out += c;
      continue;
    }
    if (c == '{') {
      if (const std::size_t e = RepeatEnd(p, i); e != std::string_view::npos) {
        out.append(p.substr(i, e + 1 - i));
        i = e;
        continue;
      }
    }
    if (fold && (c == 'k' || c == 'K' || c == 's' || c == 'S')) {
      out += (c == 'k' || c == 'K') ? "(?-i:[Kk])" : "(?-i:[Ss])";
      changed = true;
      continue;
    }
    out += c;
  }
  if (!saved.empty() || !changed) return {};
  return out;
}

namespace {

// A non-ASCII character with no case variants that the lowered form may
// keep as written (curly quotes, dashes and other general punctuation).
bool CaselessPunctuation(std::uint32_t cp) { return cp >= 0x2010 && cp <= 0x205E; }

// The code point of the UTF-8 sequence at p[i] and its length; 0 when
// the sequence is not one LowerCasePattern reads (length 0).
std::uint32_t DecodeAt(std::string_view p, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(p[i + k]); };
  len = 0;
  const unsigned char c = b(0);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > p.size()) return 0;
  std::uint32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (b(k) & 0x3F);
  }
  len = n;
  return cp;
}

// The class p[open..close] ('[' to ']') of a case-folded pattern as a
// class without folding over lower-cased text: the ASCII bytes it holds,
// closed under case, less the capitals (the text has none), and its
// caseless punctuation. Empty when it holds anything else (\W, \S, \D,
// \p, other non-ASCII characters, [:name:]).
std::string LowerClass(std::string_view p, std::size_t open, std::size_t close) {
  std::array<bool, 128> in{};
  std::string other;
  std::size_t i = open + 1;
  const bool negated = i < close && p[i] == '^';
  if (negated) ++i;
  const auto item = [&](std::size_t& at, std::uint32_t& cp, bool& set) -> bool {
    set = false;
    if (p[at] == '\\') {
      if (at + 1 >= close) return false;
      const char e = p[at + 1];
      at += 2;
      if (e == 'w' || e == 's' || e == 'd') {
        for (int c = 0; c < 128; ++c) {
          const bool w = std::isalnum(c) != 0 || c == '_';
          const bool sp = c == ' ' || (c >= '\t' && c <= '\r' && c != '\v');
          if ((e == 'w' && w) || (e == 's' && sp) || (e == 'd' && c >= '0' && c <= '9')) {
            in[static_cast<std::size_t>(c)] = true;
          }
        }
        set = true;
        return true;
      }
      if (e == 'n')
        cp = '\n';
      else if (e == 't')
        cp = '\t';
      else if (e == 'r')
        cp = '\r';
      else if (e == 'f')
        cp = '\f';
      else if (static_cast<unsigned char>(e) < 0x80 &&
               std::isalnum(static_cast<unsigned char>(e)) == 0)
        cp = static_cast<unsigned char>(e);
      else
        return false;
      return true;
    }
    if (p[at] == '[' && at + 1 < close && p[at + 1] == ':') return false;
    std::size_t len = 0;
    cp = DecodeAt(p, at, len);
    if (len == 0) return false;
    at += len;
    return true;
  };
  while (i < close) {
    std::uint32_t lo = 0;
    bool set = false;
    const std::size_t at0 = i;
    if (!item(i, lo, set)) return {};
    if (set) continue;
    std::uint32_t hi = lo;
    if (i + 1 < close && p[i] == '-') {
      std::size_t j = i + 1;
      bool set2 = false;
      if (!item(j, hi, set2) || set2 || hi < lo) return {};
      i = j;
    }
    if (hi >= 0x80) {
      if (lo < 0x80 || !CaselessPunctuation(lo) || !CaselessPunctuation(hi)) return {};
      other.append(p.substr(at0, i - at0));
      continue;
    }
    for (std::uint32_t c = lo; c <= hi; ++c) in[c] = true;
  }
  for (int c = 'A'; c <= 'Z'; ++c) {
    if (in[static_cast<std::size_t>(c)]) in[static_cast<std::size_t>(c - 'A' + 'a')] = true;
  }
  for (int c = 'a'; c <= 'z'; ++c) {
    if (in[static_cast<std::size_t>(c)]) in[static_cast<std::size_t>(c - 'a' + 'A')] = false;
  }
  std::string out = negated ? "[^" : "[";
  bool any = !other.empty();
  for (int c = 0; c < 128; ++c) {
    if (!in[static_cast<std::size_t>(c)]) continue;
    int e = c;
    while (e + 1 < 128 && in[static_cast<std::size_t>(e + 1)]) ++e;
    const auto put = [&out](int b) {
      if (std::isalnum(b) != 0) {
        out += static_cast<char>(b);
      } else {
        out += fmt::format("\\x{:02X}", b);
      }
    };
    put(c);
    if (e > c) {
      out += '-';
      put(e);
    }
    any = true;
    c = e;
  }
  if (!any) return {};
  out += other;
  out += ']';
  return out;
}

}  // namespace

std::string LowerCasePattern(std::string_view p, bool case_sensitive) {
  if (case_sensitive) return {};
  std::string out;
  out.reserve(p.size() + 16);
  int depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= p.size()) return {};
      const auto n = static_cast<unsigned char>(p[i + 1]);
      // Perl classes and assertions are the same over lower-cased text
      // (\W under folding excludes k, s and their folds: ASCII-only here
      // as without folding); an escaped ASCII punctuation is itself.
      if (std::string_view("bBsSwWdDAznrtf").find(static_cast<char>(n)) == std::string_view::npos &&
          (n >= 0x80 || std::isalnum(n) != 0)) {
        return {};
      }
      out.append(p.substr(i, 2));
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t e = CharClassEnd(p, i);
      if (e >= p.size()) return {};
      const std::string cls = LowerClass(p, i, e);
      if (cls.empty()) return {};
      out += cls;
      i = e;
      continue;
    }
    if (c == '(') {
      ++depth;
      if (i + 1 < p.size() && p[i + 1] == '?') {
        std::size_t j = i + 2;
        if (j < p.size() && p[j] == 'P') {  // (?P<name>: the name as written
          j = p.find('>', j);
          if (j == std::string_view::npos) return {};
          out.append(p.substr(i, j + 1 - i));
          i = j;
          continue;
        }
        for (; j < p.size() && p[j] != ':' && p[j] != ')'; ++j) {
          // Folding switched off anywhere: the case of the text counts.
          if (p[j] == '-' || (p[j] != 'i' && p[j] != 'm' && p[j] != 's' && p[j] != 'U')) return {};
        }
        if (j >= p.size()) return {};
        if (p[j] == ')') --depth;
        out.append(p.substr(i, j + 1 - i));
        i = j;
        continue;
      }
      out += '(';
      continue;
    }
    if (c == ')') {
      if (--depth < 0) return {};
      out += ')';
      continue;
    }
    if (c == '{') {
      if (const std::size_t e = RepeatEnd(p, i); e != std::string_view::npos) {
        out.append(p.substr(i, e + 1 - i));
        i = e;
        continue;
      }
    }
    if (c >= 0x80) {
      std::size_t len = 0;
      const std::uint32_t cp = DecodeAt(p, i, len);
      if (len == 0) return {};
      if (CaselessPunctuation(cp)) {
        out.append(p.substr(i, len));
      } else {
        out += "(?i:";
        out.append(p.substr(i, len));
        out += ')';
      }
      i += len - 1;
      continue;
    }
    out += static_cast<char>(c);
  }
  if (depth != 0) return {};
  return out;
}

std::string TriggerPattern(std::string_view pattern) {
  const Scan s = ScanGroups(pattern);
  if (!s.ok) return std::string(pattern);
  // A slot repeated in alternatives ("trigger", "trigger2"): no single
  // trigger takes part in every match, so the whole pattern is the filter.
  const auto triggers = std::count_if(s.groups.begin(), s.groups.end(), [](const Group& g) {
    return g.name.rfind("trigger", 0) == 0;
  });
  if (triggers > 1) return std::string(pattern);
  for (std::size_t gi = 0; gi < s.groups.size(); ++gi) {
    const Group& g = s.groups[gi];
    if (g.name != "trigger") continue;
    // The trigger must take part in every match: no optional group and no
    // alternation on the way up to the top level.
    if (s.top_alternation) return std::string(pattern);
    for (int at = static_cast<int>(gi); at >= 0;
         at = s.groups[static_cast<std::size_t>(at)].parent) {
      const Group& a = s.groups[static_cast<std::size_t>(at)];
      if (a.optional || (at != static_cast<int>(gi) && a.alternation)) {
        return std::string(pattern);
      }
    }
    const std::size_t body = g.open + 4 + g.name.size() + 1;
    return LeadingFlags(pattern) + "(?:" + std::string(pattern.substr(body, g.close - body)) + ")";
  }
  return std::string(pattern);
}

namespace {

// Whether the RE2::Set of `\b(?:TRIGGER)` over text[wb, we) would have
// admitted the rule of `cr`, given one of its matches (`groups`, match
// beginning at mb): the index proposes a superset of what the set admitted,
// and this keeps the output what the set gave. Nearly always decided by
// the match itself: its trigger begins at a word boundary.
bool WholeTriggerOffBoundary(std::string_view pattern, std::string_view trigger);

bool SetWouldAdmit(const CompiledRule& cr, std::string_view text, std::size_t wb, std::size_t we,
                   std::size_t mb, const std::vector<re2::StringPiece>& groups) {
  CallOnce(cr.admit_once, [&cr] {
    const Rule& r = *cr.rule;
    const std::string trigger = TriggerPattern(r.pattern);
    cr.admit_any = WholeTriggerOffBoundary(r.pattern, trigger);
    if (trigger != r.pattern) {
      for (std::size_t n = 0; n < cr.names.size(); ++n) {
        if (cr.names[n] == "trigger") cr.trigger_group = cr.named[n];
      }
    }
    cr.admit_fast = trigger.find_first_of("^$") == std::string::npos &&
                    trigger.find("\\A") == std::string::npos &&
                    trigger.find("\\z") == std::string::npos;
    RE2::Options o = PatternOptions(true);
    o.set_max_mem(std::max<std::int64_t>(64 << 20, kPatternMaxMem * 4));
    cr.admit_re =
        LazyRe2((r.case_sensitive ? "(?-i:\\b(?:" : "(?i:\\b(?:") + trigger + "))", o, nullptr);
    cr.admit_re.Track(cr.epoch);
  });
  if (cr.admit_any) return true;
  std::size_t p = mb;
  bool known = cr.admit_fast;
  if (cr.trigger_group >= 0) {
    const re2::StringPiece& g = groups[static_cast<std::size_t>(cr.trigger_group)];
    known = known && g.data() != nullptr;
    if (g.data() != nullptr) p = static_cast<std::size_t>(g.data() - text.data());
  }
  if (known && p < text.size()) {
    const auto word = [&](std::size_t i) {
      const auto c = static_cast<unsigned char>(text[i]);
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    // The set saw text[wb, we) alone: at wb, no byte before.
    const bool before = p > wb && word(p - 1);
    if (before != word(p)) return true;  // \b(?:TRIGGER) matches at p
  }
  const RE2* re = cr.admit_re.get();
  if (!re->ok()) return true;
  return re->Match(re2::StringPiece(text.data() + wb, we - wb), 0, we - wb, RE2::UNANCHORED,
                   nullptr, 0);
}

// The capture groups of time-rule matches, remembered per thread by the
// matched bytes. A capturing match costs RE2 a BitState or NFA run (on the
// lexicon-sized time patterns, 3-11 k instructions), finding the match alone
// a DFA run (under 1 k); news repeats its time phrases ("last week", "on
// Monday", "two years ago": three in four of the phrases found in 20,000 RSS
// items repeat an earlier one), so a phrase's groups are worked out once.
// The groups of a match depend only on its bytes and on the bytes either
// side of it (\b, ^, $), which the key holds. Bounded: forgotten wholesale
// past kMaxEntries.
class CaptureMemo {
 public:
  // The match of `re` over text[pos, end) (anchored at pos or not) with its
  // capture groups, as re.Match(text, pos, end, anchor, groups, n) gives them.
  bool Match(const RE2& re, std::size_t rule, const re2::StringPiece& text, std::size_t pos,
             std::size_t end, RE2::Anchor anchor, re2::StringPiece* groups, int n) {
    if (n <= 1) return re.Match(text, pos, end, anchor, groups, n);
    if (!re.Match(text, pos, end, anchor, groups, 1)) return false;
    const std::size_t mb = static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t me = mb + groups[0].size();
    if (me == mb) {  // empty: the caller skips it, no groups needed
      for (int g = 1; g < n; ++g) groups[g] = re2::StringPiece();
      return true;
    }
    key_.clear();
    key_.append(reinterpret_cast<const char*>(&rule), sizeof rule);
    key_.push_back(mb > 0 ? text[mb - 1] : '\0');
    key_.push_back(static_cast<char>(mb > 0 ? 1 : 0));
    key_.push_back(me < text.size() ? text[me] : '\0');
    key_.push_back(static_cast<char>(me < text.size() ? 1 : 0));
    key_.append(text.data() + mb, me - mb);
    if (const auto it = memo_.find(key_); it != memo_.end()) {
      const std::int32_t* g = pool_.data() + it->second;
      for (int i = 1; i < n; ++i, g += 2) {
        groups[i] = g[0] < 0 ? re2::StringPiece()
                             : re2::StringPiece(text.data() + mb + static_cast<std::size_t>(g[0]),
                                                static_cast<std::size_t>(g[1]));
      }
      return true;
    }
    // Not seen: the full capturing match, as without the memo.
    if (!re.Match(text, pos, end, anchor, groups, n)) return false;  // cannot happen
    if (memo_.size() >= kMaxEntries) {
      memo_.clear();
      pool_.clear();
    }
    const auto at = static_cast<std::uint32_t>(pool_.size());
    for (int i = 1; i < n; ++i) {
      const re2::StringPiece& g = groups[i];
      if (g.data() == nullptr) {
        pool_.push_back(-1);
        pool_.push_back(0);
      } else {
        pool_.push_back(static_cast<std::int32_t>(g.data() - (text.data() + mb)));
        pool_.push_back(static_cast<std::int32_t>(g.size()));
      }
    }
    memo_.emplace(key_, at);
    return true;
  }

 private:
  static constexpr std::size_t kMaxEntries = 1 << 15;
  std::string key_;
  std::unordered_map<std::string, std::uint32_t> memo_;  // key -> offset in pool_
  std::vector<std::int32_t> pool_;                       // per group: begin - match begin, size
};

// The time rules' triggers go to this many RE2::Sets (Kind::time_sets).
// Callgrind, extract -j1 on the first 3,000 / 8,000 records of the 2023-01
// RSS month, instructions per JSONL byte between them (session 22): one set
// 501.0, 2 sets 491.6, 4 sets 484.2, 8 sets 481.2, 16 sets 481.9. User CPU
// (session 29, h-speed41; 10 alternating pairs each) with today's rules,
// 8 sets -> 1: `eventline dates` on the date table -33 %, on 19.5 MB of
// RSS items -3 %, `extract` on the same -2.5 %: each set is a scan of the
// whole sentence whose cost is paid per byte once the DFA's states are
// built, and short sentences are all scan.
constexpr std::size_t kTimeSets = 1;

// Rules searched unanchored with at most this many strings ending their
// matches stop their search after the last of them (FindAll).
constexpr std::size_t kMaxEnds = 64;

// A rule's starts (CompiledRule::starts), from its derived leading strings,
// as FindAll sets them at the rule's first use.
// Whether every match of `p` begins at the start of the text: `^` opens it
// (after flag groups without `m`), outside any alternation, and no flag
// group anywhere turns on multi-line mode. Such a rule was tried at every
// position of every sentence (FirstAnchored) for a match that only the
// document's first sentence can hold (docs/scale.md, "session 23, h-cost").
bool AtTextStartOnly(std::string_view p) {
  for (std::size_t at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    const std::size_t e = p.find_first_not_of("imsU-", at + 2);
    if (e != std::string_view::npos && (p[e] == ':' || p[e] == ')') &&
        p.substr(at + 2, e - at - 2).find('m') != std::string_view::npos) {
      return false;
    }
  }
  std::size_t i = 0;
  while (p.substr(i, 2) == "(?") {  // leading flag groups such as (?i)
    const std::size_t e = p.find_first_not_of("imsU-", i + 2);
    if (e == std::string_view::npos || p[e] != ')') break;
    i = e + 1;
  }
  if (i >= p.size() || p[i] != '^') return false;
  const Scan s = ScanGroups(p);
  return s.ok && !s.top_alternation;
}

void InitStarts(const CompiledRule& cr, const Rule& r) {
  if (r.starts > 0) {
    auto starts = std::make_unique<WordPrefilter>(WordPrefilter::FromLeading(r.leading));
    if (!starts->always()) cr.starts = std::move(starts);
  }
  cr.starts_at_boundary = r.starts_at_boundary;
  if (r.ends.size() <= kMaxEnds) {
    cr.ends = r.ends;
    for (const std::string& e : cr.ends) cr.end_pairs.push_back(PairKeys(e));
  }
  cr.text_start = AtTextStartOnly(r.pattern);
  if (!cr.starts && !cr.text_start && r.window > 0) {
    auto window = std::make_unique<WordPrefilter>(WordPrefilter::FromLeading(r.window_leading));
    if (!window->always()) {
      cr.window = std::move(window);
      cr.window_runs = r.window_runs;
    }
  }
}

// Where the rule's matches can begin, at its first use: the build's
// derivation, else one made now.
void EnsureStarts(const CompiledRule& cr) {
  CallOnce(cr.starts_once, [&cr] {
    const Rule* r = cr.rule;
    Rule derived;
    if (r->starts < 0) {
      derived.pattern = r->pattern;
      DerivePatternStarts(derived);
      r = &derived;
    }
    InitStarts(cr, *r);
  });
}

// FindAll's order for a few time matches, (begin, rule order): a stable
// insertion sort, which unlike std::stable_sort allocates no buffer.
void SortTimeMatches(std::vector<Match>& out, std::size_t first) {
  for (std::size_t i = first + 1; i < out.size(); ++i) {
    std::size_t j = i;
    const auto before = [&](const Match& a, const Match& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.rule < b.rule;
    };
    if (!before(out[j], out[j - 1])) continue;
    Match m = std::move(out[j]);
    for (; j > first && before(m, out[j - 1]); --j) out[j] = std::move(out[j - 1]);
    out[j] = std::move(m);
  }
}

// Whether every match of `p` begins at a word boundary: it opens with \b
// and has no top-level alternation, or it is one flag group, as in
// (?-i:\b(?:may|march)\b), whose body does (the flags do not change \b).
// Then its leading strings are tried only at word boundaries; RE2 would
// fail anywhere else.
bool StartsAtBoundary(std::string_view p) {
  const Scan s = ScanGroups(p);
  if (!s.ok || s.top_alternation) return false;
  if (p.rfind("\\b", 0) == 0) return true;
  if (p.rfind("(?", 0) != 0 || s.groups.empty()) return false;
  const std::size_t colon = p.find_first_not_of("imsU-", 2);
  if (colon == std::string_view::npos || colon == 2 || p[colon] != ':') return false;
  const Group& g = s.groups[0];
  return g.open == 0 && g.close + 1 == p.size() && !g.alternation &&
         p.substr(colon + 1, 2) == "\\b";
}

// The ')' closing the group that opens at p[open], or npos.
std::size_t GroupClose(std::string_view p, std::size_t open) {
  int depth = 0;
  for (std::size_t j = open; j < p.size(); ++j) {
    const char c = p[j];
    if (c == '\\') {
      if (j + 1 < p.size() && p[j + 1] == 'Q') {
        const std::size_t e = p.find("\\E", j + 2);
        if (e == std::string_view::npos) return std::string_view::npos;
        j = e + 1;
      } else {
        ++j;
      }
    } else if (c == '[') {
      j = CharClassEnd(p, j);
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return j;
    }
  }
  return std::string_view::npos;
}

bool AlternativesAtBoundary(std::string_view p, std::size_t b, std::size_t e);

// Whether every match of the sequence p[b, e) begins where RE2's \b holds:
// it opens with \b, or with a group (not optional) whose every alternative
// does; flag groups such as (?i) before either are skipped.
bool SequenceAtBoundary(std::string_view p, std::size_t b, std::size_t e) {
  while (b < e) {
    if (p.compare(b, 2, "\\b") == 0) {
      return b + 2 >= e || std::string_view("?*{").find(p[b + 2]) == std::string_view::npos;
    }
    if (p[b] != '(') return false;
    const std::size_t close = GroupClose(p, b);
    if (close == std::string_view::npos || close >= e) return false;
    std::size_t body = b + 1;
    if (body < close && p[body] == '?') {
      ++body;
      if (p[body] == 'P' || p[body] == '<') {
        body = p.find('>', body);
        if (body == std::string_view::npos || body > close) return false;
        ++body;
      } else {
        while (body < close && std::string_view("imsU-").find(p[body]) != std::string_view::npos) {
          ++body;
        }
        if (body == close) {  // (?i): zero width, the sequence goes on
          b = close + 1;
          continue;
        }
        if (p[body] != ':') return false;
        ++body;
      }
    }
    const std::size_t after = close + 1;
    if (after < e && (p[after] == '?' || p[after] == '*' || p.compare(after, 2, "{0") == 0)) {
      return false;
    }
    return AlternativesAtBoundary(p, body, close);
  }
  return false;  // empty
}

// The same for every top-level alternative of p[b, e).
bool AlternativesAtBoundary(std::string_view p, std::size_t b, std::size_t e) {
  std::size_t start = b;
  int depth = 0;
  for (std::size_t j = b; j <= e; ++j) {
    if (j == e || (p[j] == '|' && depth == 0)) {
      if (!SequenceAtBoundary(p, start, j)) return false;
      start = j + 1;
      continue;
    }
    const char c = p[j];
    if (c == '\\') {
      if (j + 1 < e && p[j + 1] == 'Q') return false;
      ++j;
    } else if (c == '[') {
      j = CharClassEnd(p, j);
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    }
  }
  return true;
}

// Whether the rule's trigger for the set prefilter is its whole pattern
// (TriggerPattern) and a match of it may begin where RE2's \b does not
// hold. The trigger rule `\b(?:TRIGGER)` (docs/rules.md) is meant for a
// (?P<trigger>...) group; applied to a whole pattern it would also
// require the match itself to begin at a word boundary, and a pattern such
// as `[\w,]\s+(?P<trigger>a)|...` then lost every match after a letter
// (h-pbug, session 22). Such a trigger is searched without \b and not
// looked up in the index of leading strings, which proposes word
// boundaries only.
bool WholeTriggerOffBoundary(std::string_view pattern, std::string_view trigger) {
  return trigger == pattern && !AlternativesAtBoundary(pattern, 0, pattern.size());
}

}  // namespace

void DerivePatternStarts(Rule& rule) {
  const std::string& p = rule.pattern;
  auto lead = LeadingStrings(p);
  rule.starts = lead ? 1 : 0;
  rule.leading = lead ? std::move(*lead) : std::vector<std::string>();
  rule.starts_at_boundary = StartsAtBoundary(p);
  rule.window = 0;
  rule.window_runs = 0;
  rule.window_leading.clear();
  if (!lead && !AtTextStartOnly(p)) {
    if (auto w = DeriveStartWindow(p)) {
      rule.window = 1;
      rule.window_runs = w->runs;
      rule.window_leading = std::move(w->leading);
    }
  }
  // The best words outside the trigger (whose first bytes the trigger index
  // has seen already) and the best of the whole pattern.
  // Without a trigger group both are the same, derived once; the strings a
  // match ends with come from the whole pattern.
  const bool has_trigger = p.find("(?P<trigger") != std::string::npos;
  rule.required = RequiredWords(p, "trigger", has_trigger ? nullptr : &rule.ends);
  if (has_trigger) {
    for (std::vector<std::string>& any : RequiredWords(p, "", &rule.ends)) {
      if (std::find(rule.required.begin(), rule.required.end(), any) == rule.required.end()) {
        rule.required.push_back(std::move(any));
      }
    }
  }
  const std::string trigger = TriggerPattern(p);
  auto trigger_lead = LeadingStrings(trigger);
  if (WholeTriggerOffBoundary(p, trigger)) trigger_lead.reset();
  rule.trigger_starts = trigger_lead ? 1 : 0;
  rule.trigger_leading = trigger_lead ? std::move(*trigger_lead) : std::vector<std::string>();
  // A whole pattern as the trigger (triggers in alternatives): keyed on its
  // trigger bodies where every one provably begins where the index looks
  // (TriggerBodyLeading; docs/scale.md, "session 28, h-speed40"). Its
  // leading strings ("man", "he", "they", ...) held most of the index's
  // proposals.
  rule.trigger_body = false;
  if (trigger_lead && trigger == p) {
    if (auto body_lead = TriggerBodyLeading(p)) {
      rule.trigger_leading = std::move(*body_lead);
      rule.trigger_body = true;
    }
  }
  rule.unless_starts.clear();
  for (const std::string& u : rule.unless) {
    Rule::VetoStarts& v = rule.unless_starts.emplace_back();
    auto veto_lead = LeadingStrings(u);
    v.starts = veto_lead ? 1 : 0;
    if (veto_lead) v.leading = std::move(*veto_lead);
    v.at_boundary = StartsAtBoundary(u);
    v.required = RequiredWords(u, "", &v.ends);
  }
}

namespace {

// A hash of a list of strings (a requirement of RequiredWords).
struct StringsHash {
  std::size_t operator()(const std::vector<std::string>& v) const {
    std::size_t h = v.size();
    for (const std::string& s : v) {
      h = h * 1000003U ^ std::hash<std::string_view>()(s);
    }
    return h;
  }
};

}  // namespace

struct Matcher::Impl {
  struct Kind {
    // Built when a sentence first needs them (a cold start needs none).
    mutable std::unique_ptr<Once> once = std::make_unique<Once>();
    // The rules whose trigger has leading strings, proposed by a trie of
    // them; the others by an RE2::Set of their triggers (null when there
    // are none, or when it would not compile: then every rule runs).
    mutable std::unique_ptr<LeadingIndex> index;
    mutable std::unique_ptr<RE2::Set> set;
    mutable std::vector<int> set_rules;  // set index -> rule index
    // The back-off rules' triggers (`requires: document_event`) in a set of
    // their own, run only when FindAll's tier asks for them: they are common
    // nouns after any word, which tripled the main set's scan.
    mutable std::unique_ptr<RE2::Set> backoff_set;
    mutable std::vector<int> backoff_set_rules;
    // Every rule of the set (of the back-off set) has required words: the
    // set is not scanned; its rules whose words the sentence holds are
    // candidates, admitted as the set would have at their first match, as
    // the index's are (SetWouldAdmit). The set's rules are few, each run
    // only where its words are, where a scan of the set (of whole
    // patterns, for triggers repeated in alternatives) built DFA states
    // for each new sentence (docs/scale.md, h-hot23).
    mutable bool set_gated = false, backoff_set_gated = false;
    mutable bool run_all = false;  // the set would not compile
    // Time rules: their triggers in kTimeSets sets of consecutive rules
    // (with time_set_rules: set index -> rule index). One DFA over all of
    // them builds a state for each new mix of partial matches that new
    // text brings; smaller sets meet fewer mixes, but each is a scan of its
    // own (docs/scale.md, h-hot23 and session 29, h-speed41: one set now).
    mutable std::vector<std::unique_ptr<RE2::Set>> time_sets;
    mutable std::vector<std::vector<int>> time_set_rules;
    mutable std::vector<char> indexed;  // per rule: proposed by the index
    // The indexed rules keyed on their trigger bodies (Rule::trigger_body):
    // a body may begin with KELVIN SIGN or LONG S, where the index does not
    // look, so in a sentence holding one they are proposed regardless
    // (admitted at their first match, as the set would have).
    mutable std::vector<int> body_keyed;
    // Per rule: proposed by the index or by its required words (a gated
    // set's rule), so admitted at its first match (SetWouldAdmit).
    mutable std::vector<char> by_words;
    // Per rule: Rule::requires_document_event (a back-off rule), for
    // FindAll's tier test without reading the rule.
    mutable std::vector<char> backoff;
    // The required words of every rule (Rule::required, RequiredWords),
    // each string once and each distinct requirement once: required_ids[i]
    // indexes, fewest words first, `requirements`, which holds the ids of
    // a requirement's strings in `words`. Rules share many words and whole
    // requirements (the lexicons, of hundreds of words), so a sentence
    // looks each word up and works each requirement out once (FindAll).
    mutable std::vector<std::vector<std::uint32_t>> required_ids;
    mutable std::vector<std::vector<std::uint32_t>> requirements;
    mutable std::vector<std::string> words;
    // Per word of `words`: its rarest byte pairs (RarestPairs), tested
    // against the sentence's pairs before the word is searched for.
    mutable std::vector<WordPairs> word_pairs;
    // The requirements flattened for FindAll's test: requirement q's words
    // are req_words[req_begin[q], req_begin[q + 1]), each with its PairKeys
    // beside its id, so that a requirement's pair tests read one contiguous
    // run (most words fail there), the id of a word that passes is in the
    // same cache line (a second array was a second miss), and a word's
    // per-sentence state is read only for the few that pass.
    mutable std::vector<std::uint32_t> req_begin;
    mutable std::vector<ReqWord> req_words;
    // required_ids flattened the same way: rule i's requirements are
    // rule_reqs[rule_req_begin[i], rule_req_begin[i + 1]), so that FindAll's
    // test of a candidate reads one dense array instead of the vector's
    // header and then its heap block.
    mutable std::vector<std::uint32_t> rule_req_begin;
    mutable std::vector<std::uint32_t> rule_reqs;
    // Time rules (FindTimeVetoes): per rule, at its first veto test, one
    // trie of the leading strings of its vetoes that begin at a word
    // boundary, when it has two or more, so that a sentence is scanned once
    // for all of them instead of once per veto; veto_ids[rule][k]: the id of
    // its k-th veto in that trie, -1 when that veto is searched on its own.
    mutable std::unique_ptr<Once[]> veto_once;
    mutable std::vector<std::unique_ptr<LeadingIndex>> veto_index;
    mutable std::vector<std::vector<int>> veto_ids;
    std::vector<std::unique_ptr<CompiledRule>> rules;
  };
  std::array<Kind, 3> kinds;
  // Every distinct `unless` pattern (keyed by case flag and text), once.
  std::vector<std::unique_ptr<Veto>> unless_pool;
  std::unordered_map<std::string, const Veto*> unless_by_key;
  std::atomic<std::size_t> lazy_compiled{0};
  std::atomic<std::size_t> lean_failures{0};  // LazyRe2::Build: lean attempts that failed
  std::size_t releases = 0;
  // The use clock: advanced between windows (Matcher::Tick); each pattern
  // keeps its value at its last use, and a partial release drops the
  // patterns with the newest stamps first.
  std::atomic<std::uint32_t> epoch{1};

  // Every compiled pattern (rules, vetoes, trigger admission tests).
  std::vector<LazyRe2*> Compiled() {
    std::vector<LazyRe2*> out;
    for (auto& kind : kinds) {
      for (auto& cr : kind.rules) {
        if (cr->re.compiled()) out.push_back(&cr->re);
        if (cr->admit_re.compiled()) out.push_back(&cr->admit_re);
      }
    }
    for (auto& u : unless_pool) {
      if (u->re.compiled()) out.push_back(&u->re);
    }
    return out;
  }

  const Kind& Prepared(std::size_t k) const {
    const Kind& kind = kinds[k];
    // Time rules stay in the set: their leading strings ("in", "on", "the",
    // digits) occur in nearly every sentence, so the index proposes most time
    // rules everywhere and each runs an anchored match per position. Callgrind
    // (docs/scale.md): `eventline dates` on the table x30 2,260M -> 1,607M
    // instructions with the set; extract on 8,000 RSS items 6,227M -> 6,406M.
    // Indexing only time rules whose leading strings have >= 8 bytes:
    // 1,786M / 6,299M; >= 4 bytes: 2,050M / 6,251M.
    const bool use_index = k != static_cast<std::size_t>(RuleKind::kTime);
    CallOnce(*kind.once, [&kind, use_index] { Build(kind, use_index); });
    return kind;
  }

  // `use_index`: rules with leading strings go to the index; otherwise
  // every rule goes to the set.
  static void Build(const Kind& kind, bool use_index) {
    kind.index.reset();
    kind.set.reset();
    kind.set_rules.clear();
    kind.backoff_set.reset();
    kind.backoff_set_rules.clear();
    kind.run_all = false;
    kind.set_gated = kind.backoff_set_gated = false;
    kind.required_ids.assign(kind.rules.size(), {});
    kind.requirements.clear();
    // By its strings: a requirement met again is not looked up word by word.
    std::unordered_map<std::vector<std::string>, std::uint32_t, StringsHash> req_ids;
    kind.words.clear();
    kind.word_pairs.clear();
    kind.veto_once = std::make_unique<Once[]>(kind.rules.size());
    kind.veto_index.clear();
    kind.veto_index.resize(kind.rules.size());
    kind.veto_ids.assign(kind.rules.size(), {});
    if (kind.rules.empty()) return;
    std::map<std::string, std::uint32_t, std::less<>> ids;
    for (std::size_t i = 0; i < kind.rules.size(); ++i) {
      const Rule* r = kind.rules[i]->rule;
      Rule derived;
      if (r->starts < 0) {  // not derived by the build: as at the rule's first use
        derived.pattern = r->pattern;
        DerivePatternStarts(derived);
        r = &derived;
      }
      if (!use_index && r == &derived) {
        // Time rules the build has not derived: where their matches begin,
        // from the derivation just made rather than again at each rule's
        // first match (2.3 M instructions a rule).
        const CompiledRule& cr = *kind.rules[i];
        CallOnce(cr.starts_once, [&cr, r] { InitStarts(cr, *r); });
      }
      std::vector<std::uint32_t>& rule_ids = kind.required_ids[i];
      for (const std::vector<std::string>& any : r->required) {
        auto it = req_ids.find(any);
        if (it == req_ids.end()) {
          std::vector<std::uint32_t> word_ids;
          for (const std::string& w : any) {
            auto [at, added] = ids.try_emplace(w, static_cast<std::uint32_t>(kind.words.size()));
            if (added) {
              kind.words.push_back(w);
              kind.word_pairs.push_back(PairKeys(w));
            }
            word_ids.push_back(at->second);
          }
          it = req_ids.emplace(any, static_cast<std::uint32_t>(kind.requirements.size())).first;
          kind.requirements.push_back(std::move(word_ids));
        }
        rule_ids.push_back(it->second);
      }
      // Fewest words first: a sentence that lacks one is rejected after
      // the fewest lookups (a requirement may hold hundreds of words).
      std::stable_sort(rule_ids.begin(), rule_ids.end(), [&kind](std::uint32_t a, std::uint32_t b) {
        return kind.requirements[a].size() < kind.requirements[b].size();
      });
    }
    kind.rule_req_begin.assign(1, 0);
    kind.rule_reqs.clear();
    for (const std::vector<std::uint32_t>& rule_ids : kind.required_ids) {
      kind.rule_reqs.insert(kind.rule_reqs.end(), rule_ids.begin(), rule_ids.end());
      kind.rule_req_begin.push_back(static_cast<std::uint32_t>(kind.rule_reqs.size()));
    }
    std::vector<std::vector<std::string>> leading(kind.rules.size());
    // Each word's rarest pairs, tested rarest first (RarestPairs): most
    // words are absent, and a rare pair rejects one at its first test.
    RarestPairs(kind.words, kind.word_pairs);
    kind.req_begin.assign(1, 0);
    kind.req_words.clear();
    for (const std::vector<std::uint32_t>& any : kind.requirements) {
      for (const std::uint32_t w : any) kind.req_words.push_back(ReqWord{kind.word_pairs[w], w});
      kind.req_begin.push_back(static_cast<std::uint32_t>(kind.req_words.size()));
    }
    kind.indexed.assign(kind.rules.size(), 0);
    kind.body_keyed.clear();
    kind.backoff.assign(kind.rules.size(), 0);
    for (std::size_t i = 0; i < kind.rules.size(); ++i) {
      kind.backoff[i] = kind.rules[i]->rule->requires_document_event ? 1 : 0;
    }
    std::vector<std::string> set_patterns, backoff_patterns;
    for (std::size_t i = 0; i < kind.rules.size(); ++i) {
      const Rule& r = *kind.rules[i]->rule;
      if (use_index && r.trigger_starts > 0) {  // derived by the build
        leading[i] = r.trigger_leading;
        kind.indexed[i] = 1;
        if (r.trigger_body) kind.body_keyed.push_back(static_cast<int>(i));
        continue;
      }
      const std::string trigger = TriggerPattern(r.pattern);
      const bool off_boundary = WholeTriggerOffBoundary(r.pattern, trigger);
      if (use_index && r.trigger_starts < 0 && !off_boundary) {
        if (auto lead = LeadingStrings(trigger)) {
          leading[i] = std::move(*lead);
          kind.indexed[i] = 1;
          continue;
        }
      }
      // Triggers begin at a word boundary (docs/rules.md). Saying so to the
      // set lets its DFA start a thread only at word starts instead of at
      // every byte: 4x the scan speed with the shipped rules. Not said of a
      // whole pattern whose matches may begin elsewhere.
      const bool backoff = r.requires_document_event;
      (backoff ? backoff_patterns : set_patterns)
          .push_back(std::string(r.case_sensitive ? "(?-i:" : "(?i:") +
                     (off_boundary ? "(?:" : "\\b(?:") + trigger + "))");
      (backoff ? kind.backoff_set_rules : kind.set_rules).push_back(static_cast<int>(i));
    }
    kind.index = std::make_unique<LeadingIndex>(leading);
    const auto gated = [&kind](const std::vector<int>& rules) {
      return std::all_of(rules.begin(), rules.end(), [&kind](int ri) {
        return !kind.required_ids[static_cast<std::size_t>(ri)].empty();
      });
    };
    kind.set_gated = gated(kind.set_rules);
    kind.backoff_set_gated = gated(kind.backoff_set_rules);
    kind.by_words = kind.indexed;
    if (use_index) {
      if (kind.set_gated) {
        for (const int ri : kind.set_rules) kind.by_words[static_cast<std::size_t>(ri)] = 1;
      }
      if (kind.backoff_set_gated) {
        for (const int ri : kind.backoff_set_rules) kind.by_words[static_cast<std::size_t>(ri)] = 1;
      }
    }
    kind.time_sets.clear();
    kind.time_set_rules.clear();
    if (!use_index) {  // time rules: kTimeSets sets of consecutive rules
      const std::size_t n = set_patterns.size();
      const std::size_t sets = std::min(kTimeSets, n);
      for (std::size_t k = 0; k < sets; ++k) {
        std::vector<std::string> patterns;
        std::vector<int>& rules = kind.time_set_rules.emplace_back();
        for (std::size_t i = k * n / sets; i < (k + 1) * n / sets; ++i) {
          patterns.push_back(std::move(set_patterns[i]));
          rules.push_back(kind.set_rules[i]);
        }
        if (!CompileSet(patterns, kind.time_sets.emplace_back())) kind.run_all = true;
      }
      set_patterns.clear();
      kind.set_rules.clear();
    }
    // A gated set is never scanned (FindAll): not compiled.
    if (use_index && kind.set_gated) set_patterns.clear();
    if (use_index && kind.backoff_set_gated) backoff_patterns.clear();
    if (!CompileSet(set_patterns, kind.set) || !CompileSet(backoff_patterns, kind.backoff_set)) {
      kind.run_all = true;
    }
  }

  // False when the set would not compile (then every rule runs); an empty
  // list leaves `out` null.
  static bool CompileSet(const std::vector<std::string>& patterns, std::unique_ptr<RE2::Set>& out) {
    if (patterns.empty()) return true;
    RE2::Options so = PatternOptions(true);
    so.set_max_mem(std::max<std::int64_t>(64 << 20, kPatternMaxMem * 4));
    auto set = std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
    for (const std::string& t : patterns) {
      std::string err;
      if (set->Add(t, &err) < 0) return false;  // should not happen: the full pattern compiled
    }
    if (!set->Compile()) return false;
    out = std::move(set);
    return true;
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::~Matcher() = default;

std::size_t Matcher::lean_failures() const {
  return impl_->lean_failures.load(std::memory_order_relaxed);
}

std::size_t Matcher::lazily_compiled() const {
  return impl_->lazy_compiled.load(std::memory_order_relaxed);
}

void Matcher::Tick() { impl_->epoch.fetch_add(1, std::memory_order_relaxed); }

std::size_t Matcher::compiled_patterns() const { return impl_->Compiled().size(); }

std::size_t Matcher::ReleaseRecent(std::size_t n) {
  std::vector<LazyRe2*> all = impl_->Compiled();
  n = std::min(n, all.size());
  // Most recent use first; among equals, rule order.
  std::stable_sort(all.begin(), all.end(), [](const LazyRe2* a, const LazyRe2* b) {
    return a->last_use() > b->last_use();
  });
  for (std::size_t i = 0; i < n; ++i) all[i]->Release();
  return n;
}

void Matcher::ReleaseCaches() {
  for (LazyRe2* re : impl_->Compiled()) re->Release();
  // The trigger sets compile again when a sentence next needs them.
  for (auto& kind : impl_->kinds) {
    kind.index.reset();
    kind.set.reset();
    kind.time_sets.clear();
    kind.once = std::make_unique<Once>();
  }
  ++impl_->releases;
}

std::size_t Matcher::releases() const { return impl_->releases; }

std::uint32_t FullBudgetFlags(const std::string& pattern, bool case_sensitive) {
  const RE2::Options options = PatternOptions(case_sensitive);
  const auto overflows = [](const std::string& p, const RE2::Options& o) {
    bool full = false;
    const auto re = CompilePattern(p, o, false, &full);
    return full;
  };
  if (!overflows(pattern, options)) return 0;
  std::uint32_t flags = kKnownFullExact;
  const std::string fold = AsciiFoldPattern(pattern, case_sensitive);
  if (!fold.empty() && overflows(fold, options)) flags |= kKnownFullFold;
  const std::string low = LowerCasePattern(pattern, case_sensitive);
  if (!low.empty()) {
    RE2::Options o = options;
    o.set_case_sensitive(true);
    if (overflows(low, o)) flags |= kKnownFullLowered;
  }
  return flags;
}

std::unique_ptr<Matcher> Matcher::Compile(const RuleSet& rules, DiagnosticSink& sink,
                                          KnownPatterns known) {
  auto impl = std::make_unique<Impl>();
  bool failed = false;
  auto error = [&](const Rule& r, std::string code, std::string message) {
    Diagnostic d;
    d.code = std::move(code);
    d.at = r.pattern_at.line > 0 ? r.pattern_at : r.at;
    d.message = std::move(message);
    sink.Report(std::move(d));
    failed = true;
  };
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& r = rules.rules[i];
    const RE2::Options options = PatternOptions(r.case_sensitive);
    const std::int64_t lean_mem = r.kind == RuleKind::kTime ? kTimeRe2LeanMem : kPatternRe2LeanMem;
    std::shared_ptr<const RE2> re = Reuse(r.compiled, r.pattern, options);
    // A rule the loader checked (capture_groups known) compiles on first
    // use; any other (built by hand) is compiled and checked now.
    const bool lazy = !re && r.capture_groups >= 0;
    if (!re && !lazy) re = CompilePattern(r.pattern, options, false, nullptr, lean_mem);
    if (re && (!re->ok() || re->ProgramSize() > kPatternMaxInst)) {
      if (re->ok() || re->error_code() == RE2::ErrorPatternTooLarge) {
        error(r, "E012",
              fmt::format("pattern of rule '{}' is too large: its program exceeds the {} MB budget",
                          r.id, kPatternMaxMem >> 20));
      } else {
        error(r, "E011", fmt::format("bad regular expression in rule '{}': {}", r.id, re->error()));
      }
      continue;
    }
    const std::map<std::string, int>& named = re ? re->NamedCapturingGroups() : r.named_captures;
    std::map<int, std::string> by_index;
    for (const auto& [name, index] : named) {
      if (!IsSlotName(r.kind, name)) {
        error(r, "E013",
              fmt::format("capture '{}' is not a slot of {} rules (rule '{}')", name,
                          ToString(r.kind), r.id));
      }
      by_index.emplace(index, name);
    }
    // Built in place: the rule's once_flag cannot be moved.
    auto cr = std::make_unique<CompiledRule>();
    cr->rule = &r;
    cr->order = i;
    cr->re = re ? LazyRe2(re)
                : LazyRe2(r.pattern, options, &impl->lazy_compiled, known, &impl->lean_failures);
    cr->re.Track(&impl->epoch);
    cr->re.SetLeanMem(lean_mem);
    cr->epoch = &impl->epoch;
    for (auto& [index, name] : by_index) {
      cr->named.push_back(index);
      cr->names.push_back(std::string(SlotOf(r.kind, name)));
    }
    cr->groups = re ? re->NumberOfCapturingGroups() : r.capture_groups;
    for (std::size_t ui = 0; ui < r.unless.size(); ++ui) {
      const std::string& u = r.unless[ui];
      std::string key = (options.case_sensitive() ? "1" : "0") + u;
      if (auto it = impl->unless_by_key.find(key); it != impl->unless_by_key.end()) {
        cr->unless.push_back(it->second);
        continue;
      }
      std::shared_ptr<const RE2> ure =
          ui < r.unless_compiled.size() ? Reuse(r.unless_compiled[ui], u, options) : nullptr;
      auto pooled = std::make_unique<Veto>();
      pooled->pattern = &u;
      if (r.unless_starts.size() == r.unless.size() && r.unless_starts[ui].starts >= 0) {
        pooled->derived = &r.unless_starts[ui];
      }
      if (!ure && lazy) {
        pooled->re = LazyRe2(u, options, &impl->lazy_compiled, known, &impl->lean_failures);
      } else {
        if (!ure) ure = CompilePattern(u, options, false, nullptr, lean_mem);
        if (!ure->ok()) {
          error(r, "E011",
                fmt::format("bad regular expression in an 'unless' of rule '{}': {}", r.id,
                            ure->error()));
          continue;
        }
        pooled->re = LazyRe2(std::move(ure));
      }
      pooled->re.Track(&impl->epoch);
      pooled->re.SetLeanMem(lean_mem);
      cr->unless.push_back(pooled.get());
      impl->unless_by_key.emplace(std::move(key), pooled.get());
      impl->unless_pool.push_back(std::move(pooled));
    }
    const auto k = static_cast<std::size_t>(r.kind);
    impl->kinds[k].rules.push_back(std::move(cr));
  }
  if (failed) return nullptr;

  return std::unique_ptr<Matcher>(new Matcher(std::move(impl)));
}

namespace {

// The text a pattern runs over: a sentence's context (from the byte before
// it, which \b reads, to its end) ASCII-lower-cased, for the patterns'
// LowerCasePattern programs on texts without U+212A and U+017F, made on
// first need; else the text itself. Offsets in the lower-cased context
// are offsets in the text less `from`; `^` holds at its start only when
// the sentence opens the document, as in the text.
class LowerText {
 public:
  LowerText(std::string_view text, std::size_t begin, std::size_t end, std::string& buf)
      : text_(text), from_(begin > 0 ? begin - 1 : 0), end_(end), buf_(buf), exact_(t_exact_fold) {}

  // re.Match over the text, through its lowered program when it has one:
  // the same result, groups pointing into the text.
  bool Match(const LazyRe2& re, std::size_t pos, std::size_t endpos, RE2::Anchor anchor,
             re2::StringPiece* groups, int n) {
    return Run(
        re, pos, endpos,
        [&](const RE2& prog, const re2::StringPiece& in, std::size_t p, std::size_t e) {
          return prog.Match(in, p, e, anchor, groups, n);
        },
        groups, n);
  }

  // `match(program, context, pos, endpos)` with the program and context to
  // use; groups[0, n) mapped back into the text after a match.
  template <class F>
  bool Run(const LazyRe2& re, std::size_t pos, std::size_t endpos, const F& match,
           re2::StringPiece* groups, int n) {
    profile::SearchScope prof(endpos - pos);
    const RE2* low = exact_ ? nullptr : re.lowered();
    if (low == nullptr) {
      return prof.Found(match(*re, re2::StringPiece(text_.data(), text_.size()), pos, endpos));
    }
    if (!made_) {
      made_ = true;
      buf_.assign(text_.data() + from_, end_ - from_);
      for (char& ch : buf_) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
    }
    if (!prof.Found(
            match(*low, re2::StringPiece(buf_.data(), buf_.size()), pos - from_, endpos - from_))) {
      return false;
    }
    for (int g = 0; g < n; ++g) {
      if (groups[g].data() == nullptr) continue;
      groups[g] = re2::StringPiece(text_.data() + from_ + (groups[g].data() - buf_.data()),
                                   groups[g].size());
    }
    return true;
  }

 private:
  std::string_view text_;
  std::size_t from_, end_;
  std::string& buf_;
  bool exact_;
  bool made_ = false;
};

// Capture buffers of time-rule matches, kept by the thread (Matcher::Recycle).
std::vector<std::vector<Capture>>& SpareCaptures() {
  thread_local std::vector<std::vector<Capture>> spare;
  return spare;
}

// The first code point start `at` in [pos, end) (a word boundary, where
// RE2's \b holds, with `boundary`) where `anchored(at)` holds; npos when none.
// With `first` (FirstBytes), only at bytes a match can begin with.
template <class Anchored>
std::size_t FirstAnchored(std::string_view text, std::size_t pos, std::size_t end, bool boundary,
                          const std::array<std::uint64_t, 4>* first, const Anchored& anchored) {
  const auto word = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t at = pos; at < end; ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if ((c & 0xC0) == 0x80) continue;  // inside a code point
    if (first && ((*first)[c >> 6] >> (c & 63U) & 1U) == 0) continue;
    if (boundary && (at > 0 && word(at - 1)) == word(at)) continue;
    if (anchored(at)) return at;
  }
  return std::string_view::npos;
}

// The leftmost match of `cr` from `pos` on (ending by `end`), through
// `capturing(cr, from, anchor)`, which fills the groups: with leading
// strings, the anchored match at the first position that has one (a match
// can only begin where a leading string does). Without them, one
// unanchored search, which stops at `end` (for a rule whose matches end with
// one of a few strings, CompiledRule::ends, just past the last of them:
// FindAll). Until session 24 such a rule was run anchored at each word or
// code point start before `end` (h-hot21); with the lean RE2 budget
// (pattern_budget.h) a capturing anchored call runs BitState or the NFA, each
// with its own setup, so the one search costs less: claimed.said went from
// 51,545 calls and 14 GB allocated in RE2 on the 20 MB slice to 1,182 calls
// and 0.3 GB (docs/scale.md, "session 24, h-speed25"). Vetoes ask for no
// groups and keep their anchored starts (FindVetoes).
template <class Capturing>
bool SearchFrom(const CompiledRule& cr, std::string_view text, std::size_t pos, std::size_t end,
                const Capturing& capturing) {
  if (cr.text_start) return pos == 0 && capturing(cr, 0, RE2::ANCHOR_START);
  if (!cr.starts) {
    if (cr.window) {
      // A match begins at most window_runs whitespace runs before the
      // first place its rest can begin (DeriveStartWindow); without one,
      // no match. RE2's leftmost match from there is the one from `pos`.
      const std::size_t rest = cr.window->Find(text, pos, end);
      if (rest == std::string_view::npos) return false;
      pos = StartWindowBegin(text, pos, rest, cr.window_runs);
    }
    return capturing(cr, pos, RE2::UNANCHORED);
  }
  const bool b = cr.starts_at_boundary;
  for (std::size_t at = cr.starts->Find(text, pos, end, b); at != std::string_view::npos;
       at = cr.starts->Find(text, at + 1, end, b)) {
    if (capturing(cr, at, RE2::ANCHOR_START)) return true;
  }
  return false;
}

// The first byte after the code point at `at` (at most `end`).
std::size_t NextCodePoint(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t next = at + 1;
  while (next < end && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
  return next;
}

// The spans of text[begin, end) that a rule's `unless` patterns match, as
// FindAll works them out (leftmost, non-overlapping, from each pattern's
// leading strings when it has them). `may_match(required)`: false when the
// sentence lacks the words a veto needs (RequiredWords); then it is skipped.
// A veto's starts, boundary flag and required words, at its first test.
void EnsureVetoStarts(const Veto* v) {
  CallOnce(v->starts_once, [v] {
    Rule::VetoStarts derived;
    const Rule::VetoStarts* d = v->derived;
    if (d == nullptr) {
      Rule one;
      one.unless.push_back(*v->pattern);
      DerivePatternStarts(one);
      derived = std::move(one.unless_starts[0]);
      d = &derived;
    }
    if (d->starts > 0) {
      v->starts = std::make_unique<WordPrefilter>(WordPrefilter::FromLeading(d->leading));
      if (v->starts->always()) {
        v->starts.reset();
      } else {
        v->leading = d->leading;
      }
    }
    v->boundary = d->at_boundary;
    v->required = d->required;
    for (const std::vector<std::string>& any : v->required) {
      std::vector<WordPairs>& pairs = v->required_pairs.emplace_back();
      for (const std::string& w : any) pairs.push_back(PairKeys(w));
    }
    if (d->ends.size() <= kMaxEnds) {
      v->ends = d->ends;
      for (const std::string& e : v->ends) v->end_pairs.push_back(PairKeys(e));
    }
    if (!v->starts && !v->ends.empty()) v->first = FirstBytes(*v->pattern);
  });
}

// `stop_of(veto)`: where its search may stop (the sentence's end, or just
// past the last string its matches end with; npos when none occurs), as
// FindAll's rules.
template <class MayMatch, class StopOf>
void FindVetoes(const CompiledRule& cr, std::string_view text, std::size_t begin,
                std::vector<std::pair<std::size_t, std::size_t>>& vetoes, const MayMatch& may_match,
                const StopOf& stop_of, LowerText& lt) {
  for (const Veto* v : cr.unless) EnsureVetoStarts(v);
  re2::StringPiece u;
  for (const Veto* v : cr.unless) {
    const profile::VetoScope prof(v->pattern);
    const LazyRe2& ure = v->re;
    const WordPrefilter* ustarts = v->starts.get();
    const bool ub_only = v->boundary;
    if (!may_match(*v)) continue;
    const std::size_t end = stop_of(*v);
    if (end == std::string_view::npos) continue;  // no match can end in the sentence
    std::size_t upos = begin;
    while (upos < end) {
      if (!ustarts && !v->ends.empty()) {
        const std::array<std::uint64_t, 4>* first = v->first ? &*v->first : nullptr;
        if (FirstAnchored(text, upos, end, ub_only, first, [&](std::size_t at) {
              return lt.Match(ure, at, end, RE2::ANCHOR_START, &u, 1);
            }) == std::string_view::npos) {
          break;
        }
      } else if (ustarts) {
        bool found = false;
        for (std::size_t at = ustarts->Find(text, upos, end, ub_only); at != std::string_view::npos;
             at = ustarts->Find(text, at + 1, end, ub_only)) {
          if (lt.Match(ure, at, end, RE2::ANCHOR_START, &u, 1)) {
            found = true;
            break;
          }
        }
        if (!found) break;
      } else if (!lt.Match(ure, upos, end, RE2::UNANCHORED, &u, 1)) {
        break;
      }
      const auto ub = static_cast<std::size_t>(u.data() - text.data());
      const std::size_t ue = ub + u.size();
      if (ue > ub) vetoes.emplace_back(ub, ue);
      upos = ue > ub ? ue : ub + 1;
    }
  }
}

// FindVetoes for time rule `ri` (no required-word test, as FindTimeRules):
// the same spans, but where the rule's vetoes that begin at a word boundary
// may match comes from one scan of text[begin, end) over a trie of all of
// their leading strings (Kind::veto_index) instead of a WordPrefilter::Find
// per veto. Each veto tries the same positions in the same order, so RE2
// sees the same calls. `hits`: a buffer.
void FindTimeVetoes(const Matcher::Impl::Kind& kd, std::size_t ri, std::string_view text,
                    std::size_t begin, std::size_t end,
                    std::vector<std::pair<std::size_t, int>>& hits,
                    std::vector<std::pair<std::size_t, std::size_t>>& vetoes, LowerText& lt) {
  const CompiledRule& cr = *kd.rules[ri];
  CallOnce(kd.veto_once[ri], [&kd, &cr, ri] {
    std::vector<std::vector<std::string>> leading;
    std::vector<int>& ids = kd.veto_ids[ri];
    for (const Veto* v : cr.unless) {
      EnsureVetoStarts(v);
      ids.push_back(v->starts && v->boundary ? static_cast<int>(leading.size()) : -1);
      if (ids.back() >= 0) leading.push_back(v->leading);
    }
    if (leading.size() >= 2) {
      kd.veto_index[ri] = std::make_unique<LeadingIndex>(leading);
    } else {
      std::fill(ids.begin(), ids.end(), -1);
    }
  });
  const LeadingIndex* index = kd.veto_index[ri].get();
  hits.clear();
  if (index) index->FindPositions(text, begin, end, true, hits);
  re2::StringPiece u;
  for (std::size_t k = 0; k < cr.unless.size(); ++k) {
    const Veto* v = cr.unless[k];
    const profile::VetoScope prof(v->pattern);
    const LazyRe2& ure = v->re;
    const WordPrefilter* ustarts = v->starts.get();
    const int id = kd.veto_ids[ri][k];
    std::size_t upos = begin, h = 0;
    while (upos < end) {
      bool found = false;
      if (id >= 0) {
        // The positions Find would give from upos on: this veto's hits at
        // or after it, each position once (a veto may have several strings
        // there).
        for (std::size_t next = upos; h < hits.size() && !found; ++h) {
          const std::size_t at = hits[h].first;
          if (hits[h].second != id || at < next) continue;
          next = at + 1;
          found = lt.Match(ure, at, end, RE2::ANCHOR_START, &u, 1);
        }
      } else if (ustarts) {
        for (std::size_t at = ustarts->Find(text, upos, end, v->boundary);
             !found && at != std::string_view::npos;
             at = ustarts->Find(text, at + 1, end, v->boundary)) {
          found = lt.Match(ure, at, end, RE2::ANCHOR_START, &u, 1);
        }
      } else {
        found = lt.Match(ure, upos, end, RE2::UNANCHORED, &u, 1);
      }
      if (!found) break;
      const auto ub = static_cast<std::size_t>(u.data() - text.data());
      const std::size_t ue = ub + u.size();
      if (ue > ub) vetoes.emplace_back(ub, ue);
      upos = ue > ub ? ue : ub + 1;
    }
  }
}

// Sorts `ids` (each in [0, n)) and drops repeats, through a bitmap of n
// bits (`bits`, all zero between calls): the leading-string index proposes a
// rule at every occurrence of its strings, so the list holds many repeats,
// and sorting it was ~0.7 % of a run's samples.
void SortUnique(std::vector<int>& ids, std::vector<std::uint64_t>& bits, std::size_t n) {
  bits.resize((n + 63) / 64);
  for (const int id : ids) {
    const auto u = static_cast<std::size_t>(id);
    bits[u >> 6] |= std::uint64_t{1} << (u & 63U);
  }
  ids.clear();
  for (std::size_t w = 0; w < bits.size(); ++w) {
    for (std::uint64_t b = bits[w]; b != 0; b &= b - 1) {
      ids.push_back(static_cast<int>(w * 64 + static_cast<std::size_t>(std::countr_zero(b))));
    }
    bits[w] = 0;
  }
}

// FindAll for the time rules (FindTimes: one call per sentence, most of
// `eventline dates`' matching): the same matches in the same order as the
// general path, which it follows step by step, less what time rules never
// need (the required-words test, which never rejected a rule the set
// admitted) and with the capture memo and recycled capture buffers.
void FindTimeRules(const Matcher::Impl::Kind& kd, std::string_view text, std::size_t begin,
                   std::size_t end, std::vector<Match>& out) {
  struct Scratch {
    std::vector<int> candidates, hits;
    std::vector<std::uint64_t> seen;  // SortUnique's bitmap
    std::vector<re2::StringPiece> groups;
    std::vector<std::pair<std::size_t, std::size_t>> vetoes;
    std::vector<std::pair<std::size_t, int>> veto_hits;
    std::string low;  // LowerText's buffer
  };
  thread_local Scratch sc;
  std::vector<int>& candidates = sc.candidates;
  candidates.clear();
  bool all = kd.run_all;
  const std::size_t wb = begin > 0 ? begin - 1 : 0;
  const std::size_t we = std::min(text.size(), end + 1);
  if (!all) {
    const profile::StageScope prof("(time prefilter: index and sets)");
    if (kd.index) kd.index->Find(text, wb, we, candidates);
    for (std::size_t k = 0; k < kd.time_sets.size() && !all; ++k) {
      std::vector<int>& hits = sc.hits;
      hits.clear();
      RE2::Set::ErrorInfo info{};
      const std::vector<int>& rules = kd.time_set_rules[k];
      if (kd.time_sets[k]->Match(re2::StringPiece(text.data() + wb, we - wb), &hits, &info)) {
        for (const int h : hits) candidates.push_back(rules[static_cast<std::size_t>(h)]);
      } else if (info.kind != RE2::Set::kNoError) {
        all = true;  // DFA out of memory: run every rule
      }
    }
    if (!all) {
      if (candidates.empty()) return;  // no trigger occurs
      SortUnique(candidates, sc.seen, kd.rules.size());
    }
  }
  const std::size_t first_out = out.size();
  const std::size_t count = all ? kd.rules.size() : candidates.size();
  std::vector<re2::StringPiece>& groups = sc.groups;
  thread_local CaptureMemo memo;
  LowerText lt(text, begin, end, sc.low);
  const auto capturing = [&](const CompiledRule& cr, std::size_t from, RE2::Anchor anchor) {
    const auto n = static_cast<int>(groups.size());
    return lt.Run(
        cr.re, from, end,
        [&](const RE2& re, const re2::StringPiece& in, std::size_t p, std::size_t e) {
          return memo.Match(re, cr.order, in, p, e, anchor, groups.data(), n);
        },
        groups.data(), n);
  };
  auto& spare = SpareCaptures();
  for (std::size_t c = 0; c < count; ++c) {
    const std::size_t ri = all ? c : static_cast<std::size_t>(candidates[c]);
    const CompiledRule& cr = *kd.rules[ri];
    profile::RuleScope prof(cr.rule);
    prof.Admit();  // no words test for time rules
    int admitted = !all && kd.indexed[ri] ? -1 : 1;
    groups.assign(static_cast<std::size_t>(cr.groups) + 1, re2::StringPiece());
    std::vector<std::pair<std::size_t, std::size_t>>& vetoes = sc.vetoes;
    vetoes.clear();
    bool vetoes_done = false;
    EnsureStarts(cr);
    std::size_t pos = begin;
    while (pos <= end) {
      if (!SearchFrom(cr, text, pos, end, capturing)) break;
      const auto mb = static_cast<std::size_t>(groups[0].data() - text.data());
      const std::size_t me = mb + groups[0].size();
      if (me == mb) {
        pos = NextCodePoint(text, mb, end);  // empty matches are ignored (W001 warned at load)
        continue;
      }
      pos = me;
      if (admitted < 0) admitted = SetWouldAdmit(cr, text, wb, we, mb, groups) ? 1 : 0;
      if (admitted == 0) break;
      if (!cr.unless.empty()) {
        if (!vetoes_done) {
          vetoes_done = true;
          FindTimeVetoes(kd, ri, text, begin, end, sc.veto_hits, vetoes, lt);
        }
        const bool vetoed = std::any_of(vetoes.begin(), vetoes.end(), [&](const auto& v) {
          return v.first < me && mb < v.second;
        });
        if (vetoed) continue;
      }
      Match m;
      m.rule = cr.rule;
      m.begin = mb;
      m.end = me;
      if (!spare.empty()) {
        m.captures = std::move(spare.back());
        spare.pop_back();
      }
      m.captures.reserve(cr.named.size());
      for (std::size_t n = 0; n < cr.named.size(); ++n) {
        const re2::StringPiece& g = groups[static_cast<std::size_t>(cr.named[n])];
        Capture cap;
        cap.name = cr.names[n];
        if (g.data() != nullptr) {
          cap.begin = static_cast<std::size_t>(g.data() - text.data());
          cap.end = cap.begin + g.size();
        }
        m.captures.push_back(cap);
      }
      prof.Keep();
      out.push_back(std::move(m));
    }
  }
  // Order by (begin, rule order); rule pointers are in RuleSet order.
  if (out.size() - first_out <= 32) {
    SortTimeMatches(out, first_out);
    return;
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
                   [](const Match& a, const Match& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.rule < b.rule;
                   });
}

}  // namespace

void Matcher::Recycle(std::vector<Match>& matches) {
  auto& spare = SpareCaptures();
  for (Match& m : matches) {
    if (m.captures.capacity() == 0 || spare.size() >= 256) continue;
    m.captures.clear();
    spare.push_back(std::move(m.captures));
  }
  matches.clear();
}

void Matcher::FindAll(RuleKind kind, std::string_view text, std::size_t begin, std::size_t end,
                      std::vector<Match>& out, Tier tier, std::size_t line_start,
                      TraceSink* trace) const {
  end = std::min(end, text.size());
  if (begin >= end) return;
  if (line_start > 0 && line_start == begin) {
    // The text from `line_start` on, as if it were the whole text: `^` holds
    // there and `\b` reads its start as the text's (h-title2). The matches
    // are shifted back to offsets in `text`. No other sentence needs it: `^`
    // can hold only where a sentence begins.
    const std::size_t from = out.size();
    const std::size_t traced = trace ? trace->records().size() : 0;
    FindAll(kind, text.substr(line_start), begin - line_start, end - line_start, out, tier, 0,
            trace);
    if (trace) trace->Shift(traced, static_cast<std::ptrdiff_t>(line_start));
    for (std::size_t i = from; i < out.size(); ++i) {
      Match& m = out[i];
      m.begin += line_start;
      m.end += line_start;
      for (Capture& c : m.captures) {
        c.begin += line_start;
        c.end += line_start;
      }
    }
    return;
  }
  // The patterns see the document up to the sentence's end: `$` holds at the
  // end of the sentence (as in a rule's one-sentence examples), not only at
  // the end of the document, where a title's or a body's closing count ("as
  // police arrest ten") never matched. `^` still holds only at the document's
  // start (the headline rules), and `\b` at the start still sees the byte
  // before; at the end, the byte after a sentence is a space, a newline or
  // punctuation, which `\b` reads as the end of the text.
  text = text.substr(0, end);
  // The patterns' ASCII-fold programs, unless the text needs the exact ones.
  const bool folds = HoldsNonAsciiFold(text.substr(begin, end - begin));
  const FlagScope fold(t_exact_fold, folds);
  const FlagScope wide(t_wide_text, end - begin > kWideText);
  if (kind == RuleKind::kTime) {
    if (impl_->kinds[static_cast<std::size_t>(kind)].rules.empty()) return;
    FindTimeRules(impl_->Prepared(static_cast<std::size_t>(kind)), text, begin, end, out);
    return;
  }
  const auto& k = impl_->kinds[static_cast<std::size_t>(kind)];
  if (k.rules.empty()) return;

  // The rules whose trigger occurs: a superset from the leading strings
  // of the triggers (each rule's own pattern decides below), plus those
  // the set of the other triggers finds.
  const Impl::Kind& kd = impl_->Prepared(static_cast<std::size_t>(kind));
  // Buffers kept by the thread from call to call (one sentence each).
  struct Scratch {
    std::vector<int> candidates, hits;
    std::vector<std::uint64_t> seen;  // SortUnique's bitmap
    std::vector<re2::StringPiece> groups;
    std::string lower;
    std::string low;  // the lower-cased context of the LowerCasePattern programs
    // Per word of Kind::words: looked up in this call when its stamp
    // (state >> 1) is the call's generation, then whether it occurs (the low
    // bit). One array: a second one for the bit was a second cache miss.
    std::vector<std::uint32_t> word_state;
    // The same per requirement of Kind::requirements.
    std::vector<std::uint32_t> req_state;
    std::uint32_t generation = 0;                       // below 2^31
    std::array<std::uint64_t, kPairBits / 64> pairs{};  // of `lower`
  };
  thread_local Scratch sc;
  std::vector<int>& candidates = sc.candidates;
  candidates.clear();
  bool all = kd.run_all;
  // One byte of context on each side keeps \b decisions as in the full text.
  const std::size_t wb = begin > 0 ? begin - 1 : 0;
  const std::size_t we = std::min(text.size(), end + 1);
  // The required-word test (Rule::required, RequiredWords). The sentence is
  // lower-cased, with its byte pairs, on first need; each word is looked up
  // once per sentence, whichever rules need it.
  // Time rules skip it: their triggers are the whole filter there (the set
  // admits a time rule only where its trigger matches, and on the dates
  // table no admitted rule ever lacked a required word).
  const bool words_test = kind != RuleKind::kTime;
  std::string& lower = sc.lower;  // the text, lower-cased on first need
  bool lowered = false, lower_usable = false;
  const auto lower_once = [&] {
    if (lowered) return;
    lowered = true;
    lower_usable = LowerForRequiredWords(text.substr(begin, end - begin), lower);
    sc.pairs.fill(0);
    for (std::size_t i = 1; i < lower.size(); ++i) {
      const std::uint32_t key =
          PairKey(static_cast<unsigned char>(lower[i - 1]), static_cast<unsigned char>(lower[i]));
      sc.pairs[key >> 6] |= std::uint64_t{1} << (key & 63U);
    }
    if (++sc.generation == std::uint32_t{1} << 31) {  // wrapped: forget every stamp
      std::fill(sc.word_state.begin(), sc.word_state.end(), 0);
      std::fill(sc.req_state.begin(), sc.req_state.end(), 0);
      sc.generation = 1;
    }
    if (sc.word_state.size() < kd.words.size()) sc.word_state.resize(kd.words.size(), 0);
    if (sc.req_state.size() < kd.requirements.size()) {
      sc.req_state.resize(kd.requirements.size(), 0);
    }
  };
  // Whether one of requirement q's words occurs: its byte pairs first
  // (Kind::req_words, rarest first), then, for a word whose pairs all occur, a search,
  // made once per sentence whichever requirements hold the word.
  const auto any_word = [&](std::uint32_t q) {
    for (std::uint32_t i = kd.req_begin[q]; i < kd.req_begin[q + 1]; ++i) {
      const ReqWord& rw = kd.req_words[i];
      const WordPairs& wp = rw.pairs;
      bool maybe = true;
      for (std::uint8_t j = 0; j < wp.n && maybe; ++j) {
        maybe = (sc.pairs[wp.keys[j] >> 6] >> (wp.keys[j] & 63U) & 1U) != 0;
      }
      if (!maybe) continue;
      const std::uint32_t w = rw.word;
      std::uint32_t& state = sc.word_state[w];
      if (state >> 1 != sc.generation) {
        const bool found = lower.find(kd.words[w]) != std::string::npos;
        state = sc.generation << 1 | (found ? 1U : 0U);
      }
      if ((state & 1U) != 0) return true;
    }
    return false;
  };
  // False when the sentence lacks a word every match of rule `ri` needs;
  // true when it may match (or the test does not apply).
  const auto may_match = [&](std::size_t ri) {
    const std::uint32_t* const first = kd.rule_reqs.data() + kd.rule_req_begin[ri];
    const std::uint32_t* const last = kd.rule_reqs.data() + kd.rule_req_begin[ri + 1];
    if (!words_test || first == last) return true;
    lower_once();
    return !lower_usable || std::all_of(first, last, [&](std::uint32_t q) {
      std::uint32_t& state = sc.req_state[q];
      if (state >> 1 != sc.generation) {
        state = sc.generation << 1 | (any_word(q) ? 1U : 0U);
      }
      return (state & 1U) != 0;
    });
  };
  // The same test for a veto (FindVetoes), its words tested against the
  // sentence's byte pairs before they are searched for.
  const auto pairs_present = [&](const WordPairs& wp) {
    for (std::uint8_t i = 0; i < wp.n; ++i) {
      if ((sc.pairs[wp.keys[i] >> 6] >> (wp.keys[i] & 63U) & 1U) == 0) return false;
    }
    return true;
  };
  const auto veto_may_match = [&](const Veto& v) {
    if (v.required.empty()) return true;
    lower_once();
    if (!lower_usable) return true;
    for (std::size_t q = 0; q < v.required.size(); ++q) {
      const std::vector<std::string>& any = v.required[q];
      bool found = false;
      for (std::size_t w = 0; w < any.size() && !found; ++w) {
        found = pairs_present(v.required_pairs[q][w]) && lower.find(any[w]) != std::string::npos;
      }
      if (!found) return false;
    }
    return true;
  };
  if (!all) {
    const profile::StageScope prof(kind == RuleKind::kEvent
                                       ? "(event prefilter: index, sets, words)"
                                       : "(cue prefilter: index, sets, words)");
    if (kd.index) kd.index->Find(text, wb, we, candidates);
    // Kind::body_keyed where a body may begin with KELVIN SIGN or LONG S
    // (the byte before the sentence, which the index also reads, counts).
    if (!kd.body_keyed.empty() &&
        (folds || (wb < begin && static_cast<unsigned char>(text[wb]) >= 0x80))) {
      candidates.insert(candidates.end(), kd.body_keyed.begin(), kd.body_keyed.end());
    }
    const auto run_set = [&](const RE2::Set* set, const std::vector<int>& rules, bool gated) {
      // Proposed by their words, not scanned for (Kind::set_gated).
      if (gated && words_test) {
        for (const int ri : rules) {
          if (may_match(static_cast<std::size_t>(ri))) candidates.push_back(ri);
        }
        return;
      }
      if (!set) return;
      std::vector<int>& hits = sc.hits;
      hits.clear();
      RE2::Set::ErrorInfo info{};
      if (set->Match(re2::StringPiece(text.data() + wb, we - wb), &hits, &info)) {
        for (const int h : hits) candidates.push_back(rules[static_cast<std::size_t>(h)]);
      } else if (info.kind != RE2::Set::kNoError) {
        all = true;  // DFA out of memory: run every rule
      }
    };
    if (tier != Tier::kBackoff) run_set(kd.set.get(), kd.set_rules, kd.set_gated);
    if (tier != Tier::kSpecific) {
      run_set(kd.backoff_set.get(), kd.backoff_set_rules, kd.backoff_set_gated);
    }
    if (!all) {
      if (candidates.empty()) return;  // no trigger occurs
      SortUnique(candidates, sc.seen, kd.rules.size());
    }
  }
  const std::size_t first_out = out.size();
  const std::size_t count = all ? k.rules.size() : candidates.size();
  const re2::StringPiece whole(text.data(), text.size());
  std::vector<re2::StringPiece>& groups = sc.groups;
  thread_local CaptureMemo memo;
  CaptureMemo* const captures = kind == RuleKind::kTime ? &memo : nullptr;
  // Where the current rule's search stops: `end`, or just after the last
  // string its matches end with (Rule::ends).
  std::size_t stop = end;
  LowerText lt(text, begin, end, sc.low);
  const auto capturing = [&](const CompiledRule& cr, std::size_t from, RE2::Anchor anchor) {
    const auto n = static_cast<int>(groups.size());
    if (captures) {
      return captures->Match(*cr.re, cr.order, whole, from, stop, anchor, groups.data(), n);
    }
    return lt.Match(cr.re, from, stop, anchor, groups.data(), n);
  };
  // The end of the last of `ends` in the sentence (offset in `lower`), or
  // npos when none occurs.
  const auto last_end = [&](const std::vector<std::string>& ends,
                            const std::vector<WordPairs>& end_pairs) {
    std::size_t last = std::string::npos;
    for (std::size_t n = 0; n < ends.size(); ++n) {
      const std::string& e = ends[n];
      if (!pairs_present(end_pairs[n])) continue;
      for (std::size_t at = lower.find(e); at != std::string::npos; at = lower.find(e, at + 1)) {
        if (last == std::string::npos || at + e.size() > last) last = at + e.size();
      }
    }
    return last;
  };
  // Where a veto's search stops (FindVetoes): as for the rules.
  const auto veto_stop = [&](const Veto& v) {
    if (v.ends.empty() || !words_test) return end;
    lower_once();
    if (!lower_usable) return end;
    const std::size_t last = last_end(v.ends, v.end_pairs);
    return last == std::string::npos ? std::string_view::npos : std::min(end, begin + last + 1);
  };
  for (std::size_t c = 0; c < count; ++c) {
    const std::size_t ri = all ? c : static_cast<std::size_t>(candidates[c]);
    // The tier and the words are tested from the Kind's per-rule arrays
    // before the rule itself is read: most candidates stop here, and each
    // CompiledRule and Rule read was a cache miss (docs/scale.md, "session
    // 26, h-speed35").
    if (tier != Tier::kAll && (kd.backoff[ri] != 0) != (tier == Tier::kBackoff)) continue;
    const CompiledRule& cr = *k.rules[ri];
    profile::RuleScope prof(cr.rule);
    // A sentence without the words every match needs is not searched (nor
    // the pattern compiled for it). The trigger's own words count: the
    // index only saw the first bytes of the trigger.
    if (!may_match(ri)) continue;
    // Proposed by the index: admitted as the set would have, decided at the
    // first match (-1: not yet).
    int admitted = !all && kd.by_words[ri] ? -1 : 1;
    groups.assign(static_cast<std::size_t>(cr.groups) + 1, re2::StringPiece());
    std::vector<std::pair<std::size_t, std::size_t>> vetoes;
    bool vetoes_done = false;
    EnsureStarts(cr);
    // No match ends after the last string its matches end with: the search
    // stops one byte past it (that byte decides a \b there). Without one,
    // no match.
    stop = end;
    if (!cr.ends.empty() && words_test) {
      lower_once();
      if (lower_usable) {
        const std::size_t last = last_end(cr.ends, cr.end_pairs);
        if (last == std::string::npos) continue;
        stop = std::min(end, begin + last + 1);
      }
    }
    prof.Admit();
    std::size_t pos = begin;
    while (pos <= stop) {
      if (!SearchFrom(cr, text, pos, stop, capturing)) break;
      const auto mb = static_cast<std::size_t>(groups[0].data() - text.data());
      const std::size_t me = mb + groups[0].size();
      if (me == mb) {
        pos = NextCodePoint(text, mb, end);  // empty matches are ignored (W001 warned at load)
        continue;
      }
      pos = me;
      if (admitted < 0) admitted = SetWouldAdmit(cr, text, wb, we, mb, groups) ? 1 : 0;
      if (admitted == 0) break;
      if (!cr.unless.empty()) {
        if (!vetoes_done) {
          vetoes_done = true;
          FindVetoes(cr, text, begin, vetoes, veto_may_match, veto_stop, lt);
        }
        const auto vetoed = std::find_if(vetoes.begin(), vetoes.end(), [&](const auto& v) {
          return v.first < me && mb < v.second;
        });
        if (vetoed != vetoes.end()) {
          if (trace) trace->Unless(cr.rule, text, mb, me, vetoed->first, vetoed->second);
          continue;
        }
      }
      Match m;
      m.rule = cr.rule;
      m.begin = mb;
      m.end = me;
      m.captures.reserve(cr.named.size());
      for (std::size_t n = 0; n < cr.named.size(); ++n) {
        const re2::StringPiece& g = groups[static_cast<std::size_t>(cr.named[n])];
        Capture cap;
        cap.name = cr.names[n];
        if (g.data() != nullptr) {
          cap.begin = static_cast<std::size_t>(g.data() - text.data());
          cap.end = cap.begin + g.size();
        }
        m.captures.push_back(cap);
      }
      prof.Keep();
      out.push_back(std::move(m));
    }
  }
  // Order by (begin, rule order); rule pointers are in RuleSet order.
  if (captures && out.size() - first_out <= 32) {
    SortTimeMatches(out, first_out);
    return;
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
                   [](const Match& a, const Match& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.rule < b.rule;
                   });
}

}  // namespace eventline
