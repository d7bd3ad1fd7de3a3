// lib/eventline/rule_profile.cpp: the per-rule cost counter of
// rule_profile.h. Built empty unless EVENTLINE_RULE_PROFILE is defined.
#include "eventline/rule_profile.h"

#ifdef EVENTLINE_RULE_PROFILE
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

#include "eventline/rules.h"
#endif

namespace eventline {

#ifndef EVENTLINE_RULE_PROFILE

bool RuleProfileEnabled() { return false; }
RuleCost RuleProfileOf(std::string_view /*id*/) { return {}; }
void RuleProfileReset() {}
std::string RuleProfileReport(std::size_t /*top*/) { return {}; }

#else

namespace {

enum class What : char { kRule, kVeto, kStage };

struct Entry {
  What what = What::kRule;
  std::string name;  // rule id, veto text or stage name
  std::string kind;  // rule kind; for a veto, the first rule seen with it
  RuleCost c;
};

void Add(RuleCost& a, const RuleCost& b) {
  a.proposed += b.proposed;
  a.admitted += b.admitted;
  a.searches += b.searches;
  a.bytes += b.bytes;
  a.found += b.found;
  a.kept += b.kept;
  a.compiles += b.compiles;
  a.veto_searches += b.veto_searches;
  a.veto_bytes += b.veto_bytes;
  a.ns += b.ns;
  a.search_ns += b.search_ns;
  a.compile_ns += b.compile_ns;
  a.veto_ns += b.veto_ns;
  a.heap += b.heap;
}

// Bytes this thread has asked operator new for (the replacements at the
// end of this file).
thread_local std::uint64_t t_new_bytes = 0;

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Table;
struct Registry {
  std::mutex mu;
  std::vector<Table*> live;
  std::unordered_map<std::string, Entry> retired;  // by What + name
};
Registry& Reg() {
  static auto* r = new Registry();  // never freed: threads may retire at exit
  return *r;
}

std::string Key(const Entry& e) { return std::string(1, static_cast<char>(e.what)) + e.name; }

// One thread's counts, keyed by the Rule, veto text or stage name pointer.
struct Table {
  std::unordered_map<const void*, Entry> entries;
  Entry* rule = nullptr;        // the current RuleScope's
  Entry* veto = nullptr;        // the current VetoScope's
  std::int64_t compile_ns = 0;  // compilations so far (SearchScope subtracts them)
  Table() {
    std::lock_guard<std::mutex> lock(Reg().mu);
    Reg().live.push_back(this);
  }
  ~Table() {
    Registry& r = Reg();
    std::lock_guard<std::mutex> lock(r.mu);
    for (auto& [ptr, e] : entries) {
      Entry& into = r.retired[Key(e)];
      if (into.name.empty()) {
        into.what = e.what;
        into.name = e.name;
        into.kind = e.kind;
      }
      Add(into.c, e.c);
    }
    r.live.erase(std::find(r.live.begin(), r.live.end(), this));
  }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
};
Table& T() {
  thread_local Table t;
  return t;
}

// All counts: retired threads' and the live tables' (the caller's own).
std::vector<Entry> Snapshot() {
  T();  // registers the caller's table
  Registry& r = Reg();
  std::lock_guard<std::mutex> lock(r.mu);
  std::unordered_map<std::string, Entry> all = r.retired;
  for (Table* t : r.live) {
    for (auto& [ptr, e] : t->entries) {
      Entry& into = all[Key(e)];
      if (into.name.empty()) {
        into.what = e.what;
        into.name = e.name;
        into.kind = e.kind;
      }
      Add(into.c, e.c);
    }
  }
  std::vector<Entry> out;
  out.reserve(all.size());
  for (auto& [k, e] : all) out.push_back(std::move(e));
  return out;
}

}  // namespace

bool RuleProfileEnabled() { return true; }

RuleCost RuleProfileOf(std::string_view id) {
  RuleCost sum;
  for (const Entry& e : Snapshot()) {
    if (e.name == id) Add(sum, e.c);
  }
  return sum;
}

void RuleProfileReset() {
  T();
  Registry& r = Reg();
  std::lock_guard<std::mutex> lock(r.mu);
  r.retired.clear();
  for (Table* t : r.live) {
    t->entries.clear();
    t->rule = t->veto = nullptr;
  }
}

std::string RuleProfileReport(std::size_t top) {
  std::vector<Entry> all = Snapshot();
  std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    if (a.c.ns != b.c.ns) return a.c.ns > b.c.ns;
    return a.name < b.name;
  });
  const auto ms = [](std::uint64_t ns) { return static_cast<double>(ns) / 1e6; };
  RuleCost total_rules, total_vetoes;
  std::size_t n_rules = 0;
  for (const Entry& e : all) {
    if (e.what == What::kRule) {
      Add(total_rules, e.c);
      ++n_rules;
    } else if (e.what == What::kVeto) {
      Add(total_vetoes, e.c);
    }
  }
  std::string out = fmt::format(
      "{} rules seen; their turns {:.1f} ms (RE2 {:.1f}, compiling {:.1f}, "
      "vetoes {:.1f}), {} searches over {:.1f} MB, {:.1f} MB allocated in them\n",
      n_rules, ms(total_rules.ns), ms(total_rules.search_ns), ms(total_rules.compile_ns),
      ms(total_rules.veto_ns), total_rules.searches, static_cast<double>(total_rules.bytes) / 1e6,
      static_cast<double>(total_rules.heap) / 1e6);
  // Rules: the turn's time; span bytes per admission; vetoes' share.
  out += fmt::format(
      "{:>4} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>7} {:>7} {:>6} {:>8} {:>8}  {}\n", "rank",
      "turn_ms", "re2_ms", "comp_ms", "veto_ms", "proposed", "admitted", "searches", "B/adm",
      "found", "kept", "v_srch", "heap_MB", "kind rule");
  std::size_t rank = 0;
  for (const Entry& e : all) {
    if (e.what != What::kRule) continue;
    if (top != 0 && rank >= top) break;
    ++rank;
    const double adm = e.c.admitted ? static_cast<double>(e.c.admitted) : 1.0;
    out += fmt::format(
        "{:>4} {:>9.1f} {:>8.1f} {:>8.1f} {:>8.1f} {:>8} {:>9} {:>9} {:>7.0f} {:>7} {:>6} {:>8} "
        "{:>8.1f}  {} {}\n",
        rank, ms(e.c.ns), ms(e.c.search_ns), ms(e.c.compile_ns), ms(e.c.veto_ns), e.c.proposed,
        e.c.admitted, e.c.searches, static_cast<double>(e.c.bytes) / adm, e.c.found, e.c.kept,
        e.c.veto_searches, static_cast<double>(e.c.heap) / 1e6, e.kind, e.name);
  }
  // Vetoes, by their RE2 time (compilation included).
  std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    const std::uint64_t ta = a.c.search_ns + a.c.compile_ns, tb = b.c.search_ns + b.c.compile_ns;
    if (ta != tb) return ta > tb;
    return a.name < b.name;
  });
  out += fmt::format("vetoes: {:.1f} ms in RE2, {:.1f} ms compiling, {} searches over {:.1f} MB\n",
                     ms(total_vetoes.search_ns), ms(total_vetoes.compile_ns), total_vetoes.searches,
                     static_cast<double>(total_vetoes.bytes) / 1e6);
  out += fmt::format("{:>4} {:>8} {:>8} {:>9} {:>10} {:>7} {:>8}  {}\n", "rank", "re2_ms",
                     "comp_ms", "searches", "bytes", "found", "heap_MB", "first rule: veto");
  rank = 0;
  for (const Entry& e : all) {
    if (e.what != What::kVeto) continue;
    if (top != 0 && rank >= top) break;
    ++rank;
    std::string text = e.name.size() > 100 ? e.name.substr(0, 97) + "..." : e.name;
    out +=
        fmt::format("{:>4} {:>8.1f} {:>8.1f} {:>9} {:>10} {:>7}  {}: {}\n", rank, ms(e.c.search_ns),
                    ms(e.c.compile_ns), e.c.searches, e.c.bytes, e.c.found, e.kind, text);
  }
  out += "stages:\n";
  for (const Entry& e : all) {
    if (e.what != What::kStage) continue;
    out += fmt::format("{:>9.1f} ms {:>9} calls  {}\n", ms(e.c.ns), e.c.proposed, e.name);
  }
  return out;
}

namespace profile {

RuleScope::RuleScope(const Rule* rule) : prev_(T().rule), t0_(Now()) {
  Table& t = T();
  Entry& e = t.entries[rule];
  if (e.name.empty()) {
    e.what = What::kRule;
    e.name = rule->id;
    e.kind = std::string(ToString(rule->kind));
  }
  ++e.c.proposed;
  t.rule = &e;
}

RuleScope::~RuleScope() {
  Table& t = T();
  t.rule->c.ns += static_cast<std::uint64_t>(Now() - t0_);
  t.rule = static_cast<Entry*>(prev_);
}

void RuleScope::Admit() { ++T().rule->c.admitted; }
void RuleScope::Keep() { ++T().rule->c.kept; }

VetoScope::VetoScope(const std::string* pattern) : prev_(T().veto) {
  Table& t = T();
  Entry& e = t.entries[pattern];
  if (e.name.empty()) {
    e.what = What::kVeto;
    e.name = *pattern;
    e.kind = t.rule ? t.rule->name : std::string();
  }
  t.veto = &e;
}

VetoScope::~VetoScope() { T().veto = static_cast<Entry*>(prev_); }

SearchScope::SearchScope(std::size_t bytes)
    : bytes_(bytes), t0_(Now()), compile0_(T().compile_ns), heap0_(t_new_bytes) {}

SearchScope::~SearchScope() {
  Table& t = T();
  const auto ns = static_cast<std::uint64_t>((Now() - t0_) - (t.compile_ns - compile0_));
  const std::uint64_t heap = t_new_bytes - heap0_;  // compilations in it included
  if (t.veto != nullptr) {
    RuleCost& v = t.veto->c;
    v.heap += heap;
    ++v.searches;
    v.bytes += bytes_;
    v.found += found_ ? 1 : 0;
    v.search_ns += ns;
  }
  if (t.rule == nullptr) return;
  RuleCost& r = t.rule->c;
  r.heap += heap;
  if (t.veto != nullptr) {
    ++r.veto_searches;
    r.veto_bytes += bytes_;
    r.veto_ns += ns;
  } else {
    ++r.searches;
    r.bytes += bytes_;
    r.found += found_ ? 1 : 0;
    r.search_ns += ns;
  }
}

CompileScope::CompileScope() : t0_(Now()) {}

CompileScope::~CompileScope() {
  Table& t = T();
  const std::int64_t ns = Now() - t0_;
  t.compile_ns += ns;
  const auto u = static_cast<std::uint64_t>(ns);
  if (t.veto != nullptr) {
    ++t.veto->c.compiles;
    t.veto->c.compile_ns += u;
    if (t.rule != nullptr) t.rule->c.veto_ns += u;
  } else if (t.rule != nullptr) {
    ++t.rule->c.compiles;
    t.rule->c.compile_ns += u;
  }
}

StageScope::StageScope(const char* name) : name_(name), t0_(Now()) {}

StageScope::~StageScope() {
  Entry& e = T().entries[name_];
  if (e.name.empty()) {
    e.what = What::kStage;
    e.name = name_;
  }
  ++e.c.proposed;
  e.c.ns += static_cast<std::uint64_t>(Now() - t0_);
}

}  // namespace profile

#endif

}  // namespace eventline

#ifdef EVENTLINE_RULE_PROFILE
// Counting replacements of the throwing single-object and array forms (the
// others call these); the counts feed RuleCost::heap.
void* operator new(std::size_t n) {
  eventline::t_new_bytes += n;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*n*/) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t /*n*/) noexcept { std::free(p); }
#endif
