// lib/eventline/rules.h: rule files -> RuleSet (plain data) + diagnostics.
//
// Rule files are YAML under a rules directory (format: docs/rules.md):
//   types.yaml            the event types table (ACLED/CAMEO/PLOVER codes)
//   lexicons/NAME.txt     word lists, referenced from patterns as {NAME}
//   events/*.yaml         kind: event rules
//   time/*.yaml           kind: time rules (symbolic `value`, resolved by dates.h)
//   cues/*.yaml           kind: cue rules (modality and attribution)
// Later directories override rules of earlier ones with the same id.
//
// Loading never throws: every problem goes to the sink with file:line:col and
// a stable code; rules with errors are left out. Callers must stop when the
// sink has errors. yaml-cpp stays inside rules.cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventline/civil_date.h"
#include "eventline/diagnostics.h"

namespace eventline {

enum class RuleKind { kEvent, kTime, kCue };
[[nodiscard]] std::string_view ToString(RuleKind k);  // "event", "time", "cue"

// One example or counter-example sentence carried by a rule.
struct Example {
  std::string text;
  std::optional<Date> pub_date;  // reference date; default kDefaultExampleDate
  // Expected output fields, by output column name (event: schema v1 columns
  // such as event_type, actor, location, fatalities, modality, date_start;
  // time: date_text, date_start, date_end, date_precision; cue: modality, source).
  std::vector<std::pair<std::string, std::string>> expect;
  SourceLocation at;  // the example's text in the rule file
};

// Reference date for examples that do not give one: a Thursday.
inline constexpr std::string_view kDefaultExampleDate = "2022-08-18";

struct Rule {
  RuleKind kind = RuleKind::kEvent;
  std::string id;
  SourceLocation at;             // the rule's `id`
  std::string pattern_source;    // as written, with {LEXICON} references
  std::string pattern;           // lexicons expanded: RE2 syntax
  SourceLocation pattern_at;     // first character of the pattern scalar
  std::vector<std::string> unless;  // expanded veto patterns
  bool case_sensitive = false;   // default: match case-insensitively
  int priority = 0;              // higher wins when two rules claim one trigger
  std::string event_type;        // kind event
  std::string value;             // kind time: symbolic value (see docs/dates.md)
  std::string cue;               // kind cue: claimed, denied, expected, negated, hypothetical, source
  std::map<std::string, std::string> options;  // other documented scalar fields
  std::vector<Example> examples;
  std::vector<Example> counter_examples;
};

struct EventType {
  std::string name;
  std::string acled_event_type, acled_sub_event_type, cameo, plover, description;
  SourceLocation at;
};

struct RuleSet {
  std::vector<Rule> rules;  // all kinds, in load order (directory, file name, position)
  std::vector<EventType> types;
  std::map<std::string, std::vector<std::string>, std::less<>> lexicons;  // NAME -> entries

  [[nodiscard]] const EventType* FindType(std::string_view name) const;
};

// Loads every rule directory in order; later ones override same-id rules.
[[nodiscard]] RuleSet LoadRules(const std::vector<std::string>& dirs, DiagnosticSink& sink);

}  // namespace eventline
