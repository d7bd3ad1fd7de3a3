// Back-off rules (`requires: document_event`, docs/rules.md "Back-off
// rules"): the loader's field, the document gate and its sentence reach in
// Engine::Extract, and the one-row-per-trigger rule in assemble.cpp, through
// the shipped rules.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventline/pipeline.h"
#include "eventline/rules.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ExtractText;

RuleSet Context() {
  RuleSet ctx;
  EventType attack;
  attack.name = "attack";
  ctx.types = {attack};
  return ctx;
}

std::string RenderAll(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.diagnostics()) out += Render(d);
  return out;
}

std::string RuleText(const std::string& kind, const std::string& extra) {
  return "kind: " + kind +
         "\n"
         "rules:\n"
         "  - id: x.backoff\n" +
         extra +
         "    pattern: '(?P<trigger>attack)'\n"
         "    examples: ['An attack.']\n";
}

TEST_CASE("backoff: `requires: document_event` is read, kept and checked", "[backoff]") {
  const RuleSet ctx = Context();
  {
    DiagnosticSink sink;
    const auto rules = ParseRuleText(
        RuleText("event", "    type: attack\n    requires: document_event\n"), "b.yaml", ctx, sink);
    CHECK(RenderAll(sink).empty());
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].requires_document_event);
    // The build-time table keeps the field.
    std::vector<Rule> back;
    REQUIRE(DeserializeRules(SerializeRules(rules), "b.yaml", back));
    REQUIRE(back.size() == 1);
    CHECK(back[0].requires_document_event);
  }
  {
    DiagnosticSink sink;
    const auto rules = ParseRuleText(RuleText("event", "    type: attack\n"), "b.yaml", ctx, sink);
    REQUIRE(rules.size() == 1);
    CHECK_FALSE(rules[0].requires_document_event);
  }
  {
    DiagnosticSink sink;
    const auto rules = ParseRuleText(
        RuleText("event", "    type: attack\n    requires: sentence_event\n"), "b.yaml", ctx, sink);
    CHECK(rules.empty());
    CHECK(RenderAll(sink).find("error[E005]: 'requires' must be 'document_event', got "
                               "'sentence_event'") != std::string::npos);
  }
  {
    // Only event rules have it.
    DiagnosticSink sink;
    const auto rules = ParseRuleText(
        "kind: cue\nrules:\n  - id: c.x\n    cue: claimed\n    requires: document_event\n"
        "    pattern: 'said'\n    examples: ['He said.']\n",
        "c.yaml", ctx, sink);
    CHECK(rules.empty());
    CHECK(RenderAll(sink).find("unknown key 'requires'") != std::string::npos);
  }
}

std::vector<std::string> RulesOf(const std::string& text) {
  std::vector<std::string> out;
  for (const EventRow& row : ExtractText(text)) out.push_back(row.rule);
  return out;
}

bool Has(const std::vector<std::string>& rules, const std::string& id) {
  return std::find(rules.begin(), rules.end(), id) != rules.end();
}

TEST_CASE("backoff: a back-off row needs another rule's event in the document", "[backoff]") {
  // Alone, "the attack" says nothing about a conflict: no row.
  CHECK(RulesOf("Two houses burned after the attack.").empty());
  // With a specific event anywhere in the document, the back-off row stays.
  const auto rules =
      RulesOf("Rebels shelled the village on Monday. Two houses burned after the attack.");
  CHECK(Has(rules, "backoff.attack.noun"));
  CHECK(rules.size() == 2);
}

TEST_CASE("backoff: a back-off row must lie near a specific event", "[backoff]") {
  const std::string event = "Rebels shelled the village on Monday. ";
  const std::string filler = "The mayor spoke to reporters at noon. ";
  const std::string tail = "Two houses burned after the attack.";
  // Two sentences on (either side) the anchor holds ...
  CHECK(Has(RulesOf(event + filler + tail), "backoff.attack.noun"));
  CHECK(Has(RulesOf(tail + " " + filler + event), "backoff.attack.noun"));
  // ... three sentences on it does not, whatever the document holds before.
  CHECK_FALSE(Has(RulesOf(event + filler + filler + tail), "backoff.attack.noun"));
  CHECK_FALSE(Has(RulesOf(tail + " " + filler + filler + event), "backoff.attack.noun"));
  // A second specific event re-anchors.
  CHECK(Has(RulesOf(event + filler + filler + filler + event + tail), "backoff.attack.noun"));
}

TEST_CASE("backoff: a specific rule's trigger never gives a second back-off row", "[backoff]") {
  // "the raid on the police station" is attack.nominal_on's: one row.
  const auto rules =
      RulesOf("Rebels shelled the town. The raid on the police station lasted an hour.");
  CHECK_FALSE(Has(rules, "backoff.attack.noun"));
  std::size_t attacks = 0;
  for (const EventRow& row :
       ExtractText("Rebels shelled the town. The raid on the police station lasted an hour.")) {
    attacks += row.event_type == "attack" ? 1 : 0;
  }
  CHECK(attacks == 1);
}

TEST_CASE("backoff: a trigger inside a web address gives no row (h-prec32)", "[backoff]") {
  const std::string event = "Rebels shelled the village on Monday.\n";
  // A link's slug names the story, it tells no event: no back-off row.
  CHECK_FALSE(Has(RulesOf(event + "<a href=\"https://example.org/world/2023/may/02/"
                                  "port-city-clashes-leave-two-dead"),
                  "backoff.armed_clash.noun"));
  // The same noun in prose beside a link keeps its row.
  CHECK(Has(RulesOf(event + "Two houses burned after the clashes, https://example.org/a reported."),
            "armed_clash.in_the_fighting"));
}

}  // namespace
}  // namespace eventline
