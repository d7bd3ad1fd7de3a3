// `eventline test` logic against fake pipeline hooks: the report lines and
// the pass/fail counts, per rule kind.
#include "eventline/rule_test.h"

#include <catch2/catch.hpp>
#include <string>

namespace eventline {
namespace {

struct Fixture {
  RuleSet set;
  std::unique_ptr<Matcher> matcher;
};

Fixture Load(const std::string& kind, const std::string& yaml) {
  Fixture f;
  DiagnosticSink sink;
  f.set.rules = ParseRuleText("kind: " + kind + "\nrules:\n" + yaml, "t.yaml", f.set, sink);
  REQUIRE(!sink.has_errors());
  f.matcher = Matcher::Compile(f.set, sink);
  REQUIRE(f.matcher);
  return f;
}

// A fake Extract: one row per match of the event rules, actor from the capture.
RuleTestHooks FakeHooks(const Fixture& f) {
  RuleTestHooks hooks;
  hooks.extract = [&f](const Document& doc, const Rule*) {
    std::vector<EventRow> rows;
    std::vector<Match> ms;
    f.matcher->FindAll(RuleKind::kEvent, doc.text, 0, doc.text.size(), ms);
    for (const auto& m : ms) {
      EventRow row;
      row.rule = m.rule->id;
      row.event_type = m.rule->event_type;
      row.pub_date = doc.pub_date ? FormatIsoDate(*doc.pub_date) : "";
      if (const Capture* a = m.Get("actor"); a && a->set()) {
        row.actor = doc.text.substr(a->begin, a->end - a->begin);
      }
      if (const Capture* n = m.Get("fatalities"); n && n->set()) {
        row.fatalities = std::stoll(doc.text.substr(n->begin, n->end - n->begin));
      }
      rows.push_back(row);
    }
    return rows;
  };
  hooks.dates = [&f](const Document& doc) {
    std::vector<TimeExpr> out;
    std::vector<Match> ms;
    f.matcher->FindAll(RuleKind::kTime, doc.text, 0, doc.text.size(), ms);
    for (const auto& m : ms) {
      TimeExpr t;
      t.begin = m.begin;
      t.end = m.end;
      t.rule = m.rule;
      t.interval.start = t.interval.end = doc.pub_date;  // "today"
      t.interval.precision = Precision::kDay;
      t.resolved = true;
      out.push_back(t);
    }
    return out;
  };
  return hooks;
}

TEST_CASE("rule_test: event examples pass, fail and report", "[rule_test]") {
  const Fixture f =
      Load("event",
           "  - id: s.ok\n    type: shelling\n"
           "    pattern: '(?P<actor>\\w+) (?P<trigger>shelled)'\n"
           "    examples:\n"
           "      - text: Troops shelled it.\n"
           "        expect: {actor: Troops, event_type: shelling, pub_date: 2022-08-18}\n"
           "      - text: Guns shelled it, 3 dead.\n"
           "        expect: {actor: Tanks, fatalities: ''}\n"
           "      - text: Nothing here.\n"
           "    counter_examples: [they shelled out, calm day]\n"
           "  - id: k.num\n    type: killing\n"
           "    pattern: '(?P<fatalities>\\d+) (?P<trigger>killed)'\n"
           "    examples:\n"
           "      - text: 12 killed\n"
           "        expect: {fatalities: '12'}\n");
  std::string report;
  const TestSummary s = RunRuleTests(f.set, *f.matcher, FakeHooks(f), {}, report);
  CHECK(report ==
        "t.yaml:9:15: s.ok: expected actor=Tanks got actor=Guns\n"
        "t.yaml:11:15: s.ok: expected a match got no match of this rule\n"
        "t.yaml:12:24: s.ok: expected no match got 1 match\n"
        "3 passed, 3 failed\n");
  CHECK(s.passed == 3);
  CHECK(s.failed == 3);
  CHECK(s.rules == 2);

  std::string only;
  const TestSummary k = RunRuleTests(f.set, *f.matcher, FakeHooks(f), {"k.*", "nope"}, only);
  CHECK(only == "eventline: no rule matches 'nope'\n1 passed, 1 failed\n");
  CHECK(k.rules == 1);
}

TEST_CASE("rule_test: time examples compare the interval", "[rule_test]") {
  const Fixture f = Load("time",
                         "  - id: t.today\n    value: today\n    pattern: 'today'\n"
                         "    examples:\n"
                         "      - text: It rained today.\n"
                         "        pub_date: 2022-03-01\n"
                         "        expect: {date_text: today, date_start: 2022-03-01, "
                         "date_precision: day}\n"
                         "      - text: Today it rained.\n"
                         "        expect: {date_start: 2022-03-01}\n");
  std::string report;
  const TestSummary s = RunRuleTests(f.set, *f.matcher, FakeHooks(f), {}, report);
  CHECK(report ==
        "t.yaml:10:15: t.today: expected date_start=2022-03-01 got date_start=2022-08-18\n"
        "1 passed, 1 failed\n");
  CHECK(s.failed == 1);
}

TEST_CASE("rule_test: cue examples check the rule's cue and source capture", "[rule_test]") {
  const Fixture f = Load("cue",
                         "  - id: c.said\n    cue: claimed\n"
                         "    pattern: '(?P<source>officials|police) (?P<trigger>said)'\n"
                         "    examples:\n"
                         "      - text: Officials said so.\n"
                         "        expect: {modality: claimed, source: Officials}\n"
                         "      - text: Police said so.\n"
                         "        expect: {source: Officials}\n"
                         "    counter_examples: [nobody spoke]\n");
  std::string report;
  const TestSummary s = RunRuleTests(f.set, *f.matcher, RuleTestHooks{}, {}, report);
  CHECK(report ==
        "t.yaml:9:15: c.said: expected source=Officials got source=Police\n"
        "2 passed, 1 failed\n");
  CHECK(s.passed == 2);
}

TEST_CASE("rule_test: ListRules lists id, kind, type, place, counts", "[rule_test]") {
  const Fixture f = Load("event",
                         "  - id: s.ok\n    type: shelling\n    pattern: shelled\n"
                         "    examples: [a, b]\n    counter_examples: [c]\n");
  CHECK(ListRules(f.set) ==
        "id\tkind\ttype\tfile\texamples\tcounter_examples\n"
        "s.ok\tevent\tshelling\tt.yaml:3\t2\t1\n");
}

}  // namespace
}  // namespace eventline
