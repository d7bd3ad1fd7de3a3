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
  // The end and precision of the anchor's interval: "two days later" after
  // "in March 2022" moves the whole month, not its first day. Unset: a day.
  std::optional<Date> anchor_end;
  Precision anchor_precision = Precision::kDay;
  DateOrder order = DateOrder::kDayFirst;
};

struct TimeExpr {
  std::size_t begin = 0, end = 0;  // absolute byte offsets of the phrase
  const Rule* rule = nullptr;
  Interval interval;
  bool resolved = false;  // false when the phrase needs a reference date and there is none
  // Nonzero for a phrase narrowed by a `phrase` capture ("2014" in "Moscow's
  // 2014 annexation"): the end of the whole match. Such a phrase dates only
  // a trigger that starts inside [end, bound_end), the noun it modifies.
  std::size_t bound_end = 0;
  // For a span composed from "since" and a phrase ("since Saturday", "since
  // the Oct. 28"): the phrase's own value before it became the span. An act
  // the phrase names ("since Saturday's attack", "since the Oct. 28 protest")
  // lies on that day, not over the span (h-evdate14). Unset: no such span.
  // Plain fields, not an Interval: a TimeExpr is copied often.
  std::optional<Date> since_start, since_end;
  Precision since_precision = Precision::kNone;
};

// Finds the time expressions of one sentence (longest non-overlapping
// matches), resolves each, and moves ctx.anchor to the last one resolved.
[[nodiscard]] std::vector<TimeExpr> FindTimes(const Matcher& matcher, std::string_view text,
                                              const Sentence& sentence, TimeContext& ctx);

// ---- Value resolution (exposed for tests and for rule checking) ----------

// Whether a phrase sits in a sentence about the future. Moves defaults: a
// bare weekday or a month without a year then looks forward from pub_date.
// kNearest: a date used as a modifier ("the 3 March attack", "the March 19
// elections") names an event either side of publication: a day or month
// without a year takes the occurrence nearest pub_date; otherwise as kPast.
enum class Tense { kPast, kFuture, kNearest };

// The tense governing the phrase at sentence[phrase_begin, phrase_end):
// kNearest for "the <date> <noun>"; future when the phrase's clause (or,
// when that clause has no past verb, the sentence) carries a future cue
// ("will", "is expected to", "plans to", "next", ...) unless a reporting
// verb in the past tense sits right before the phrase ("said on Tuesday it
// will ..."). Pure.
[[nodiscard]] Tense TenseAt(std::string_view sentence, std::size_t phrase_begin,
                            std::size_t phrase_end);

// Capture name -> the text it matched ("" for an unset group).
using TimeCaptures = std::vector<std::pair<std::string_view, std::string_view>>;

struct Resolution {
  Interval interval;
  // Where a range phrase moves the anchor for later anaphora, if it does:
  // "by 13 November ... eight days later" (the deadline day), "the final
  // three months of 1985 ... the previous year" (the slice).
  std::optional<Interval> anchor;
  // For a "since" value: the interval of the phrase it starts from ("since
  // Saturday": that Saturday), which names an act told right after it.
  std::optional<Interval> since_from;
  bool resolved = false;  // false: needs pub_date and there is none, or `error` is set
  // The phrase, read in its tense, names no date ("300 rockets in one day"):
  // it is dropped, not kept unresolved (h-dates26).
  bool no_date = false;
  std::string error;  // non-empty when the value is malformed or names an impossible date
};

// Resolves a symbolic time value (docs/dates.md, "value language"), such as
// "weekday({weekday}, last)" with captures {{"weekday", "Tuesday"}}, against
// ctx.pub_date / ctx.anchor. Never throws; bad values come back in `error`.
[[nodiscard]] Resolution ResolveValue(std::string_view value, const TimeCaptures& captures,
                                      const TimeContext& ctx, Tense tense = Tense::kPast);

// Syntax check of a value template for the rule loader: unknown function,
// wrong arity, unbalanced parentheses. Returns "" when the value is well formed.
[[nodiscard]] std::string CheckValue(std::string_view value);

// "2022-03-07", or "2022-03-07/2022-03-09" for a span; "" when the interval
// has neither end. Used for Interval::alternative.
[[nodiscard]] std::string FormatInterval(const Interval& interval);

}  // namespace eventline
