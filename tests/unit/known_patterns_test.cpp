// Known patterns (issue 7, cold start): patterns the build has checked are
// loaded without compiling and compiled by the Matcher on first use; every
// other pattern is still checked at load, with the same diagnostics.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "eventline/matcher.h"
#include "eventline/pattern_budget.h"
#include "eventline/rules.h"

namespace eventline {
namespace {

RuleSet Context() {
  RuleSet ctx;
  ctx.lexicons["VERB"] = {"shelled", "struck", "hit", "set fire to"};
  return ctx;
}

// What tools/known_patterns.cpp writes, built from a checked load.
struct Table {
  std::deque<std::string> names;
  std::vector<KnownPattern> entries;
  void Add(bool case_sensitive, const std::string& pattern, const re2::RE2& re) {
    KnownPattern k;
    std::tie(k.key_high, k.key_low) = PatternKey(case_sensitive, pattern);
    k.flags = CanMatchEmpty(re) ? kKnownCanMatchEmpty : 0;
    k.groups = re.NumberOfCapturingGroups();
    std::string& n = names.emplace_back();
    for (const auto& [name, index] : re.NamedCapturingGroups()) {
      if (!n.empty()) n += ';';
      n += std::to_string(index) + ":" + name;
    }
    k.named = n.c_str();
    entries.push_back(k);
    std::sort(entries.begin(), entries.end(), [](const KnownPattern& a, const KnownPattern& b) {
      return std::tie(a.key_high, a.key_low) < std::tie(b.key_high, b.key_low);
    });
  }
  void AddAll(const std::vector<Rule>& rules) {
    for (const Rule& r : rules) {
      REQUIRE(r.compiled);
      Add(r.case_sensitive, r.pattern, *r.compiled);
      for (std::size_t i = 0; i < r.unless.size(); ++i) {
        Add(r.case_sensitive, r.unless[i], *r.unless_compiled[i]);
      }
    }
  }
};

std::string RenderAll(const DiagnosticSink& sink) {
  std::string all;
  for (const auto& d : sink.diagnostics()) all += Render(d) + "\n";
  return all;
}

const char* const kEvents = R"(kind: event
rules:
  - id: a.shell
    type: shelling
    pattern: '(?P<actor>\w+)\s+(?P<trigger>{VERB})\s+(?P<target>the\s+\w+)'
    unless: ['shelled\s+out']
    examples: [x]
  - id: b.strike
    type: air_strike
    pattern: '(?P<trigger>air\s+strikes?)(?:\s+on\s+(?P<location>[A-Z]\w+))?'
    examples: [x]
  - id: c.empty
    type: attack
    pattern: '(?P<trigger>raids?)?'
    examples: [x]
)";

TEST_CASE("known patterns: loaded without compiling, same diagnostics and captures", "[known]") {
  const RuleSet ctx = Context();
  DiagnosticSink checked_sink;
  const auto checked = ParseRuleText(kEvents, "e.yaml", ctx, checked_sink);
  REQUIRE(checked.size() == 3);
  Table table;
  table.AddAll(checked);

  DiagnosticSink known_sink;
  const auto known = ParseRuleText(kEvents, "e.yaml", ctx, known_sink, table.entries);
  REQUIRE(known.size() == 3);
  CHECK(RenderAll(known_sink) == RenderAll(checked_sink));  // W001 of c.empty, from the table
  CHECK(known_sink.diagnostics().size() == 1);
  for (std::size_t i = 0; i < known.size(); ++i) {
    CAPTURE(known[i].id);
    CHECK(known[i].compiled == nullptr);
    CHECK(known[i].capture_groups == checked[i].capture_groups);
    CHECK(known[i].named_captures == checked[i].named_captures);
    CHECK(known[i].capture_groups >= 1);
  }
}

TEST_CASE("known patterns: bad patterns are still reported at load", "[known]") {
  const RuleSet ctx = Context();
  DiagnosticSink good_sink;
  Table table;
  table.AddAll(ParseRuleText(kEvents, "e.yaml", ctx, good_sink));

  std::string big;
  for (int i = 0; i < 2000; ++i) big += "\\pL";
  // The same text as a known event pattern, but in a cue rule: its captures
  // are checked against the cue slots (E013) even though it is not compiled.
  const std::string bad = R"(kind: cue
rules:
  - id: bad.syntax
    cue: claimed
    pattern: '(?P<trigger>said(\s+that)'
    examples: [x]
  - id: bad.unless
    cue: claimed
    pattern: '(?P<trigger>said)'
    unless: ['said\s+[z-a]']
    examples: [x]
  - id: bad.slot
    cue: claimed
    pattern: '(?P<actor>\w+)\s+(?P<trigger>{VERB})\s+(?P<target>the\s+\w+)'
    examples: [x]
  - id: bad.big
    cue: claimed
    pattern: ')" + big + R"('
    examples: [x]
)";
  DiagnosticSink plain_sink, known_sink;
  const auto plain = ParseRuleText(bad, "c.yaml", ctx, plain_sink);
  const auto known = ParseRuleText(bad, "c.yaml", ctx, known_sink, table.entries);
  CHECK(plain.empty());
  CHECK(known.empty());
  CHECK(RenderAll(known_sink) == RenderAll(plain_sink));
  std::vector<std::string> codes;
  for (const auto& d : known_sink.diagnostics()) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"E011", "E011", "E013", "E013", "E012"});
}

TEST_CASE("known patterns: compiled once on first use, from two threads at once", "[known]") {
  RuleSet set = Context();
  DiagnosticSink sink;
  Table table;
  table.AddAll(ParseRuleText(kEvents, "e.yaml", set, sink));
  const std::size_t patterns = table.entries.size();
  REQUIRE(patterns == 4);  // three patterns and one unless

  RuleSet eager_set = Context();
  eager_set.rules = ParseRuleText(kEvents, "e.yaml", eager_set, sink);
  const auto eager = Matcher::Compile(eager_set, sink);
  set.rules = ParseRuleText(kEvents, "e.yaml", set, sink, table.entries);
  const auto lazy = Matcher::Compile(set, sink);
  REQUIRE(eager);
  REQUIRE(lazy);
  CHECK(eager->lazily_compiled() == 0);
  CHECK(lazy->lazily_compiled() == 0);  // nothing compiled at load

  const std::string text =
      "Troops shelled the depot. The firm shelled out for it. Gunners struck the bridge. "
      "An air strike on Kharkiv. Night raids.";
  auto describe = [&](const Matcher& m) {
    std::vector<Match> out;
    m.FindAll(RuleKind::kEvent, text, 0, text.size(), out);
    std::string s;
    for (const Match& x : out) {
      s += x.rule->id + "[" + text.substr(x.begin, x.end - x.begin) + "]";
      for (const Capture& c : x.captures) {
        if (c.set()) s += std::string(c.name) + "=" + text.substr(c.begin, c.end - c.begin) + ";";
      }
    }
    return s;
  };
  const std::string want = describe(*eager);
  CHECK(want.find("a.shell[Troops shelled the depot]") != std::string::npos);
  CHECK(want.find("b.strike[air strike on Kharkiv]") != std::string::npos);

  std::vector<std::string> got(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string s = describe(*lazy);
        if (i == 0 || s != got[t]) got[t] = s;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(got[0] == want);
  CHECK(got[1] == want);
  CHECK(lazy->lazily_compiled() == patterns);  // each once, whichever thread came first
}

TEST_CASE("known patterns: a form flagged over the lean budget is compiled once, at the full one",
          "[known]") {
  // A lexicon of 4,000 words makes a program larger than kPatternRe2LeanMem
  // holds; the table of the build says so (kKnownFull*, as
  // tools/known_patterns.cpp writes it), and the Matcher then skips the lean
  // attempt that would fail: the same matches, one compilation, no failure.
  RuleSet ctx;
  std::vector<std::string>& hamlets = ctx.lexicons["HAMLET"];
  for (int i = 0; i < 4000; ++i) hamlets.push_back("v" + std::to_string(i * 7919) + "k");
  const char* const rules = R"(kind: event
rules:
  - id: big.shell
    type: shelling
    pattern: '(?P<actor>\w+)\s+(?P<trigger>shelled)\s+(?P<location>{HAMLET})\b'
    examples: [x]
  - id: small.shell
    type: shelling
    pattern: '(?P<actor>\w+)\s+(?P<trigger>bombed)\s+(?P<location>[A-Z]\w+)'
    examples: [x]
)";
  DiagnosticSink sink;
  RuleSet checked = ctx;
  checked.rules = ParseRuleText(rules, "e.yaml", checked, sink);
  REQUIRE(checked.rules.size() == 2);
  const Rule& big = checked.rules[0];
  const Rule& small = checked.rules[1];
  REQUIRE(big.compiled);
  REQUIRE(small.compiled);
  // The loader's own check compiled the large one with the full budget.
  CHECK(big.compiled->options().max_mem() == kPatternRe2Mem);
  CHECK(small.compiled->options().max_mem() == kPatternRe2LeanMem);
  const std::uint32_t flags = FullBudgetFlags(big.pattern, false);
  CHECK((flags & kKnownFullExact) != 0);
  CHECK((flags & kKnownFullLowered) != 0);  // lower-cased, still 4,000 words
  CHECK(FullBudgetFlags(small.pattern, false) == 0);

  Table plain, flagged;
  plain.AddAll(checked.rules);
  flagged.AddAll(checked.rules);
  for (KnownPattern& k : flagged.entries) {
    if (std::make_pair(k.key_high, k.key_low) == PatternKey(false, big.pattern)) k.flags |= flags;
  }
  RuleSet a = ctx, b = ctx;
  a.rules = ParseRuleText(rules, "e.yaml", a, sink, plain.entries);
  b.rules = ParseRuleText(rules, "e.yaml", b, sink, flagged.entries);
  const auto without = Matcher::Compile(a, sink, plain.entries);
  const auto with = Matcher::Compile(b, sink, flagged.entries);
  REQUIRE(without);
  REQUIRE(with);
  const std::string text =
      "Gunners shelled v15838k at dawn. Jets bombed Lviv. Fans shelled v7919k.";
  std::vector<Match> out_without, out_with;
  without->FindAll(RuleKind::kEvent, text, 0, text.size(), out_without);
  with->FindAll(RuleKind::kEvent, text, 0, text.size(), out_with);
  const auto describe = [&](const std::vector<Match>& out) {
    std::string d;
    for (const Match& m : out) d += m.rule->id + "[" + text.substr(m.begin, m.end - m.begin) + "]";
    return d;
  };
  CHECK(describe(out_with) == describe(out_without));
  CHECK(describe(out_with) ==
        "big.shell[Gunners shelled v15838k]small.shell[Jets bombed Lviv]big.shell[Fans shelled "
        "v7919k]");
  CHECK(with->lazily_compiled() == without->lazily_compiled());
  CHECK(without->lean_failures() == 1);  // the large one tried the lean budget and failed
  CHECK(with->lean_failures() == 0);
  CHECK(sink.diagnostics().empty());
}

}  // namespace
}  // namespace eventline
