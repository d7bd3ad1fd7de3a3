// tests/unit/compiled_rules.h: a rule set compiled from YAML text written in
// a test, shared by the tests of the matcher and of its cost counter.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "eventline/diagnostics.h"
#include "eventline/matcher.h"
#include "eventline/rules.h"

namespace eventline::testing {

struct CompiledRules {
  RuleSet set;
  std::unique_ptr<Matcher> matcher;
};

// Parses `rules_yaml` (the items of a `rules:` list) as a file of `kind`,
// with the lexicon VERB = shelled|struck|hit, and compiles it; requires no
// error (the diagnostics are logged with the failure).
inline CompiledRules CompileRules(const std::string& kind, const std::string& rules_yaml) {
  CompiledRules c;
  c.set.lexicons["VERB"] = {"shelled", "struck", "hit"};
  DiagnosticSink sink;
  c.set.rules = ParseRuleText("kind: " + kind + "\nrules:\n" + rules_yaml, "m.yaml", c.set, sink);
  std::string all;
  for (const auto& d : sink.diagnostics()) all += Render(d);
  INFO(all);
  REQUIRE(!sink.has_errors());
  c.matcher = Matcher::Compile(c.set, sink);
  REQUIRE(c.matcher);
  return c;
}

// One rule item of type shelling with one placeholder example; `extra` is
// inserted as more keys (indented four spaces, ending in a newline).
inline std::string ShellingRule(const std::string& id, const std::string& pattern,
                                const std::string& extra = "") {
  return "  - id: " + id + "\n    type: shelling\n    pattern: '" + pattern + "'\n" + extra +
         "    examples: [x]\n";
}

}  // namespace eventline::testing
