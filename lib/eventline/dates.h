// lib/eventline/dates.h: time expressions -> inclusive date intervals.
//
// Time rules (rules/time/*.yaml, kind: time) find phrases and carry a
// symbolic `value` (docs/dates.md); this module resolves it against the
// document's publication date (never the clock) and the last date mentioned
// (for anaphoric phrases such as "the day before"). Pure functions over their
// arguments; thread-safe given a shared const Matcher.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eventline/civil_date.h"
#include "eventline/matcher.h"
#include "eventline/sentences.h"

namespace eventline {

enum class DateOrder { kDayFirst, kMonthFirst };  // for 3/7/2022
enum class Precision { kNone, kDay, kWeek, kMonth, kYear, kRange };
[[nodiscard]] std::string_view ToString(Precision p);  // "none", "day", ...

struct Interval {
  std::optional<Date> start, end;  // inclusive; nullopt = open end (or unresolved)
  Precision precision = Precision::kNone;
  std::string alternative;  // another common reading, e.g. "2022-03-07" for 7/3/2022; empty if none
};

struct TimeContext {
  std::optional<Date> pub_date;
  std::optional<Date> anchor;  // last date mentioned earlier in the document
  DateOrder order = DateOrder::kDayFirst;
};

struct TimeExpr {
  std::size_t begin = 0, end = 0;  // absolute byte offsets of the phrase
  const Rule* rule = nullptr;
  Interval interval;
  bool resolved = false;  // false when the phrase needs a reference date and there is none
};

// Finds the time expressions of one sentence (longest non-overlapping
// matches), resolves each, and moves ctx.anchor to the last one resolved.
[[nodiscard]] std::vector<TimeExpr> FindTimes(const Matcher& matcher, std::string_view text,
                                              const Sentence& sentence, TimeContext& ctx);

}  // namespace eventline
