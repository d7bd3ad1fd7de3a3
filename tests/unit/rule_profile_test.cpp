// The per-rule cost counter (rule_profile.h): its accounting on a tiny rule
// set. Counts only, never times. In a build without EVENTLINE_RULE_PROFILE
// (every preset but `profile`) it checks that the counter stays empty.
#include "eventline/rule_profile.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "compiled_rules.h"
#include "eventline/matcher.h"
#include "eventline/rules.h"

namespace eventline {
namespace {

using Compiled = testing::CompiledRules;

Compiled Build(const std::string& rules_yaml) { return testing::CompileRules("event", rules_yaml); }

std::string Rule(const std::string& id, const std::string& pattern, const std::string& extra = "") {
  return testing::ShellingRule(id, pattern, extra);
}

TEST_CASE("rule profile: proposals, admissions, searches, matches and vetoes per rule",
          "[matcher]") {
  const Compiled c = Build(
      Rule("p.shell", R"((?P<trigger>shelled)\s+the\s+(?P<target>[a-z]+))") +
      Rule("p.mortar", R"((?P<trigger>mortar)\s+fire)", "    unless: ['mortar fire drill']\n") +
      Rule("p.never", R"((?P<trigger>zeppelins)\s+raided)"));
  RuleProfileReset();
  const std::vector<std::string> texts = {
      "Troops shelled the port and then shelled the town.",  // p.shell: two matches
      "Guns shelled a village.",        // p.shell proposed, no match ("the" missing)
      "Mortar fire hit the base.",      // p.mortar: one match
      "A mortar fire drill was held.",  // p.mortar: found, vetoed
      "Nothing happened here.",         // nothing proposed
  };
  std::size_t total = 0;
  for (const std::string& t : texts) {
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kEvent, t, 0, t.size(), out);
    total += out.size();
  }
  CHECK(total == 3);
  if (!RuleProfileEnabled()) {
    CHECK(RuleProfileReport(0).empty());
    CHECK(RuleProfileOf("p.shell").proposed == 0);
    return;
  }
  const RuleCost shell = RuleProfileOf("p.shell");
  CHECK(shell.proposed == 2);  // the two texts with "shelled"
  CHECK(shell.kept == 2);
  CHECK(shell.found == 2);
  CHECK(shell.searches >= shell.found);
  CHECK(shell.bytes > 0);
  CHECK(shell.veto_searches == 0);
  const RuleCost mortar = RuleProfileOf("p.mortar");
  CHECK(mortar.proposed == 2);
  CHECK(mortar.admitted == 2);
  CHECK(mortar.found == 2);  // the drill's match is found, then vetoed
  CHECK(mortar.kept == 1);
  CHECK(mortar.veto_searches >= 1);
  const RuleCost drill = RuleProfileOf("mortar fire drill");  // the veto's own row
  CHECK(drill.found == 1);
  CHECK(drill.searches == mortar.veto_searches);
  CHECK(drill.bytes == mortar.veto_bytes);
  CHECK(RuleProfileOf("p.never").proposed == 0);
  CHECK(RuleProfileOf("(event prefilter: index, sets, words)").proposed == texts.size());
  const std::string report = RuleProfileReport(2);
  CHECK(report.find("p.shell") != std::string::npos);
  CHECK(report.find("p.never") == std::string::npos);  // never proposed: no row
  RuleProfileReset();
  CHECK(RuleProfileOf("p.shell").proposed == 0);
}

}  // namespace
}  // namespace eventline

namespace eventline {
namespace {

// A rule whose matches begin at the text's start (`^`, no multi-line mode)
// is tried there only; `(?m)^` and `^a|b` keep the search everywhere.
TEST_CASE("rule profile: a pattern opening with ^ is tried at the text's start only", "[matcher]") {
  const Compiled c =
      Build(Rule("p.head", R"(^\s*(?:[a-z]+\s+){0,2}?(?P<trigger>raided)\s+(?:at|in)\b)") +
            Rule("p.multi", R"((?m)^(?P<trigger>raided)\s+at\b)") +
            Rule("p.alt", R"(^x(?P<trigger>raided)\s+at\b|(?P<trigger2>raided)\s+in\b)"));
  const std::string text = "Police raided at dawn. Soldiers raided in the night.\nraided at noon.";
  const auto describe = [&](std::size_t b, std::size_t e) {
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kEvent, text, b, e, out);
    std::string s;
    for (const Match& m : out) s += m.rule->id + "@" + std::to_string(m.begin) + ";";
    return s;
  };
  RuleProfileReset();
  CHECK(describe(0, 22) == "p.head@0;");
  CHECK(describe(23, 52) == "p.alt@32;");
  CHECK(describe(53, text.size()) == "p.multi@53;");
  if (!RuleProfileEnabled()) return;
  const RuleCost head = RuleProfileOf("p.head");
  CHECK(head.proposed == 3);
  CHECK(head.searches == 1);  // at offset 0 only
  CHECK(head.found == 1);
}

// A rule without leading strings (a capital-letter class opens it) whose
// matches end with "said" is one unanchored search per match found, plus
// one that finds nothing, stopped after the last "said"; until session 24 it
// was tried at every capitalised word before it, 13 calls here
// (docs/scale.md, "session 24, h-speed25").
TEST_CASE("rule profile: a rule without leading strings is one search per match", "[matcher]") {
  const Compiled c = Build(Rule("p.said", R"((?-i:[A-Z]\w+)\s+(?P<trigger>said)\b)"));
  const std::string text =
      "The Men From The Hills And Two Towns Near The River Officials said it, and then "
      "Mayors said so After The Long Dry Week";
  RuleProfileReset();
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out);
  std::string found;
  for (const Match& m : out) found += text.substr(m.begin, m.end - m.begin) + ";";
  CHECK(found == "Officials said;Mayors said;");
  if (!RuleProfileEnabled()) return;
  const RuleCost said = RuleProfileOf("p.said");
  CHECK(said.admitted == 1);
  // Two matches; then no " said" is left, so the start window (session 27)
  // makes no third search.
  CHECK(said.searches == 2);
  CHECK(said.found == 2);
}

}  // namespace
}  // namespace eventline
