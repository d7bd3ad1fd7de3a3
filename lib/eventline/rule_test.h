// lib/eventline/rule_test.h: `eventline test` and `eventline rules`.
//
// RunRuleTests runs every rule's examples and counter-examples through the
// real pipeline (an Engine, or hooks standing in for it in tests) and writes
// one line per failure plus a summary line to `report`:
//
//   rules/events/strike.yaml:12:13: air_strike.drone: expected actor=Russian forces got actor=
//   41 passed, 1 failed
//
// How each kind is checked:
//   event  Extract(doc) must give a row with rule == id whose columns (by
//          name, as written in CSV) equal every `expect` entry;
//          a counter-example must give no row with rule == id.
//   time   Dates(doc) must give a TimeExpr of this rule whose date_text,
//          date_start, date_end and date_precision equal the expectation;
//          a counter-example must give none from this rule.
//   cue    matcher level: FindAll(kCue) over the text must give a match of
//          this rule; `modality` is compared with the rule's `cue` and
//          `source` with the text of its (?P<source>...) capture.
// An example document has doc_id "example", the example's pub_date (default
// kDefaultExampleDate) and the example text as its whole text.
//
// Pure functions of their arguments; thread-safe if the hooks are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "eventline/dates.h"
#include "eventline/document.h"
#include "eventline/event.h"
#include "eventline/matcher.h"
#include "eventline/pipeline.h"
#include "eventline/rules.h"

namespace eventline {

struct TestSummary {
  std::size_t passed = 0;  // examples and counter-examples that behaved
  std::size_t failed = 0;  // those that did not, plus unknown rule ids asked for
  std::size_t rules = 0;   // rules selected
};

// What the runner needs from the pipeline.
struct RuleTestHooks {
  // Rows of the pipeline with `only` as the one event rule (all time and cue
  // rules stay): a rule is tested on its own, whatever other rules would
  // claim the same trigger in a full run.
  std::function<std::vector<EventRow>(const Document&, const Rule* only)> extract;
  std::function<std::vector<TimeExpr>(const Document&)> dates;
};

// `ids` selects rules: an exact id, or a prefix ending in '*' ("shelling.*");
// empty = every rule. An id that selects nothing counts as one failure.
[[nodiscard]] TestSummary RunRuleTests(const RuleSet& rules, const Matcher& matcher,
                                       const RuleTestHooks& hooks,
                                       const std::vector<std::string>& ids, std::string& report);

inline TestSummary RunRuleTests(const Engine& engine, const std::vector<std::string>& ids,
                                std::string& report) {
  RuleTestHooks hooks;
  hooks.extract = [&engine](const Document& d, const Rule* only) {
    return engine.Extract(d, nullptr, only);
  };
  hooks.dates = [&engine](const Document& d) { return engine.Dates(d); };
  return RunRuleTests(engine.rules(), engine.matcher(), hooks, ids, report);
}

// `eventline rules`: one tab-separated line per rule, after a header:
//   id  kind  type  file:line  examples  counter_examples
// where type is the event type (event), the value (time) or the cue (cue).
[[nodiscard]] std::string ListRules(const RuleSet& rules);
inline std::string ListRules(const Engine& engine) { return ListRules(engine.rules()); }

// The example as a Document (doc_id "example", file = the rule's file).
[[nodiscard]] Document ExampleDocument(const Rule& rule, const Example& example);

// The value of column `name` of `row` as it is written in CSV ("" for null).
[[nodiscard]] std::string EventColumn(const EventRow& row, std::string_view name);

}  // namespace eventline
