#include "eventline/dates.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace eventline {
namespace {

std::string Show(const Resolution& r) {
  if (!r.error.empty()) return "error: " + r.error;
  if (!r.resolved) return "unresolved";
  std::string s = FormatInterval(Interval{r.interval.start, r.interval.end, Precision::kNone, {}});
  s += " " + std::string(ToString(r.interval.precision));
  if (!r.interval.alternative.empty()) s += " alt " + r.interval.alternative;
  return s;
}

TimeContext At(std::string_view pub, std::string_view anchor = {}) {
  TimeContext ctx;
  ctx.pub_date = ParseIsoDate(pub);
  if (!anchor.empty()) ctx.anchor = ParseIsoDate(anchor);
  return ctx;
}

TEST_CASE("dates: value language resolves against pub date", "[dates]") {
  const struct {
    std::string_view value, pub;
    TimeCaptures caps;
    Tense tense;
    std::string_view want;
  } cases[] = {
      {"date(y=2022, m=July, d=3)", "2022-08-18", {}, Tense::kPast, "2022-07-03 day"},
      // "overnight into Sunday" (h-dates14): the night before the day, to it.
      {"overnight(weekday(sunday))",
       "2023-12-23",
       {},
       Tense::kFuture,
       "2023-12-23/2023-12-24 range"},
      {"overnight(weekday(tuesday))",
       "2023-11-15",
       {},
       Tense::kPast,
       "2023-11-13/2023-11-14 range"},
      // A yearless range across New Year without tense: the span nearest pub,
      // one ahead counting double (h-dates14); a past one stays behind.
      {"range(28, 3, December, January)",
       "2023-12-23",
       {},
       Tense::kNearest,
       "2023-12-28/2024-01-03 range"},
      {"range(28, 3, December, January)",
       "2023-12-23",
       {},
       Tense::kPast,
       "2022-12-28/2023-01-03 range"},
      {"range(28, 3, December, January)",
       "2023-06-01",
       {},
       Tense::kNearest,
       "2022-12-28/2023-01-03 range"},
      // Easter (Gregorian computus), offsets, the year inferred by tense.
      {"easter()", "2024-05-16", {}, Tense::kPast, "2024-03-31 day"},
      {"easter(1)", "2024-05-16", {}, Tense::kPast, "2024-04-01 day"},
      {"easter(-2)", "2023-04-01", {}, Tense::kPast, "2022-04-15 day"},
      {"easter(-2)", "2023-04-01", {}, Tense::kFuture, "2023-04-07 day"},
      {"easter(y=2000)", "2024-05-16", {}, Tense::kPast, "2000-04-23 day"},
      {"easter(y=2038)", "2024-05-16", {}, Tense::kPast, "2038-04-25 day"},
      {"date(y={y}, m={m}, d={d})",
       "2022-08-18",
       {{"y", "2024"}, {"m", "Feb."}, {"d", "29th"}},
       Tense::kPast,
       "2024-02-29 day"},
      {"date(m={m}, d={d})",
       "2023-01-02",
       {{"m", "DEC"}, {"d", "thirty-first"}},
       Tense::kPast,
       "2022-12-31 day"},
      {"date(m=February)", "2024-03-03", {}, Tense::kPast, "2024-02-01/2024-02-29 month"},
      {"date(m=February)", "2023-03-01", {}, Tense::kPast, "2023-02-01/2023-02-28 month"},
      {"date(m=March)", "2023-03-01", {}, Tense::kPast, "2023-03-01/2023-03-31 month"},
      {"date(m=March, d=2)", "2023-03-01", {}, Tense::kPast, "2022-03-02 day"},
      // Relative year and relative month, across New Year and leap days.
      {"date(m=Feb, d=29, yrel=last)", "2025-01-10", {}, Tense::kPast, "2024-02-29 day"},
      {"date(m=Feb, d=29, yrel=last)",
       "2024-01-10",
       {},
       Tense::kPast,
       "error: no such date: day 29 of month 2 in 2023"},
      {"date(m=June, yrel=next)", "2022-12-31", {}, Tense::kFuture, "2023-06-01/2023-06-30 month"},
      {"date(m=December, mrel=last)",
       "2023-01-01",
       {},
       Tense::kPast,
       "2022-12-01/2022-12-31 month"},
      {"date(m=August, mrel=last)", "2022-08-18", {}, Tense::kPast, "2021-08-01/2021-08-31 month"},
      {"date(m=March, mrel=last)", "2022-08-18", {}, Tense::kPast, "2022-03-01/2022-03-31 month"},
      {"date(m=January, mrel=next)",
       "2022-12-05",
       {},
       Tense::kFuture,
       "2023-01-01/2023-01-31 month"},
      {"date(m=September, mrel=next)",
       "2022-08-18",
       {},
       Tense::kFuture,
       "2022-09-01/2022-09-30 month"},
      {"date(m=March, mrel={r})",
       "2022-08-18",
       {{"r", "this"}},
       Tense::kPast,
       "2022-03-01/2022-03-31 month"},
      {"date(m=March, d=2)", "2023-03-01", {}, Tense::kFuture, "2023-03-02 day"},
      // A date modifying a noun ("the 20 March vote"): the nearest occurrence.
      {"date(m=March, d=20)", "2023-03-15", {}, Tense::kNearest, "2023-03-20 day"},
      {"date(m=December, d=30)", "2024-01-03", {}, Tense::kNearest, "2023-12-30 day"},
      {"date(m=January, d=5)", "2024-01-03", {}, Tense::kNearest, "2024-01-05 day"},
      {"date(m=January)", "2022-12-31", {}, Tense::kFuture, "2023-01-01/2023-01-31 month"},
      {"date(y=90, m=JAN, d=3)", "1990-01-10", {}, Tense::kPast, "1990-01-03 day"},
      {"date(y=89)", "1990-01-10", {}, Tense::kPast, "1989-01-01/1989-12-31 year"},
      {"date(d=3rd)", "2022-08-18", {}, Tense::kPast, "2022-08-03 day"},
      {"date(d=25)", "2022-08-18", {}, Tense::kPast, "2022-07-25 day"},
      {"numeric(3, 7, 2022)", "2022-08-18", {}, Tense::kPast, "2022-07-03 day alt 2022-03-07"},
      {"numeric(13, 7, 2022)", "2022-08-18", {}, Tense::kPast, "2022-07-13 day"},
      {"numeric(7, 13, 2022)", "2022-08-18", {}, Tense::kPast, "2022-07-13 day"},
      {"decade(1990)", "2022-08-18", {}, Tense::kPast, "1990-01-01/1999-12-31 range"},
      {"decade('80s)", "1990-01-10", {}, Tense::kPast, "1980-01-01/1989-12-31 range"},
      {"quarter(4, 2023)", "2022-08-18", {}, Tense::kPast, "2023-10-01/2023-12-31 range"},
      {"part(late, date(y=2024, m=2))",
       "2022-08-18",
       {},
       Tense::kPast,
       "2024-02-21/2024-02-29 range"},
      {"part(the end of, date(y=2023, m=2))",
       "2022-08-18",
       {},
       Tense::kPast,
       "2023-02-21/2023-02-28 range"},
      {"part(mid, week(0))", "2022-08-18", {}, Tense::kPast, "2022-08-17/2022-08-18 range"},
      {"week_of(last, date(y=2023, m=4))",
       "2022-08-18",
       {},
       Tense::kPast,
       "2023-04-24/2023-04-30 week"},
      {"day(-1)", "2024-03-01", {}, Tense::kPast, "2024-02-29 day"},
      {"day(yesterday)", "2023-01-01", {}, Tense::kPast, "2022-12-31 day"},
      {"overnight()", "2023-03-01", {}, Tense::kPast, "2023-02-28/2023-03-01 range"},
      {"overnight", "2023-03-01", {}, Tense::kPast, "2023-02-28/2023-03-01 range"},
      {"weekday(Tuesday)", "2022-08-18", {}, Tense::kPast, "2022-08-16 day"},
      {"weekday(Thursday)", "2022-08-18", {}, Tense::kPast, "2022-08-18 day"},
      {"weekday(Friday)", "2022-08-18", {}, Tense::kPast, "2022-08-12 day"},
      {"weekday(Friday)", "2022-08-18", {}, Tense::kFuture, "2022-08-19 day"},
      {"weekday(Tuesday, last)", "2022-08-18", {}, Tense::kPast, "2022-08-09 day alt 2022-08-16"},
      {"weekday(Friday, last)", "2022-08-18", {}, Tense::kPast, "2022-08-12 day"},
      {"weekday(Tuesday, next)", "2022-08-18", {}, Tense::kPast, "2022-08-23 day"},
      {"weekday(Friday, next)", "2022-08-18", {}, Tense::kPast, "2022-08-26 day alt 2022-08-19"},
      {"weekday(Sunday, this)", "2022-08-18", {}, Tense::kPast, "2022-08-21 day"},
      {"weekday(Monday, this past)", "2022-08-21", {}, Tense::kPast, "2022-08-15 day"},
      {"weekday(TUES, last)", "2023-01-02", {}, Tense::kPast, "2022-12-27 day"},
      {"week(-1)", "2023-01-02", {}, Tense::kPast, "2022-12-26/2023-01-01 week"},
      {"week(-1)", "2023-01-01", {}, Tense::kPast, "2022-12-19/2022-12-25 week"},
      {"month(-1)", "2023-01-02", {}, Tense::kPast, "2022-12-01/2022-12-31 month"},
      {"month(last)", "2024-03-31", {}, Tense::kPast, "2024-02-01/2024-02-29 month"},
      {"year(next)", "2022-08-18", {}, Tense::kPast, "2023-01-01/2023-12-31 year"},
      {"earlier(week)", "2022-08-15", {}, Tense::kPast, "2022-08-15 range"},
      {"later(month)", "2024-02-28", {}, Tense::kPast, "2024-02-29 range"},
      {"ago(two, days)", "2024-03-01", {}, Tense::kPast, "2024-02-28 day"},
      {"ago(a, month)",
       "2024-03-31",
       {},
       Tense::kPast,
       "2024-02-01/2024-02-29 month alt 2024-02-29"},
      {"ago(24, hours)", "2023-01-01", {}, Tense::kPast, "2022-12-31 day"},
      {"ahead(3, days)", "2022-12-30", {}, Tense::kFuture, "2023-01-02 day"},
      {"past(nine, days)", "2022-08-18", {}, Tense::kPast, "2022-08-09/2022-08-18 range"},
      {"past(, year)", "2024-02-29", {}, Tense::kPast, "2023-02-28/2024-02-29 range"},
      {"next(2, weeks)", "2022-12-25", {}, Tense::kPast, "2022-12-25/2023-01-08 range"},
      {"recent(days)", "2022-08-18", {}, Tense::kPast, "2022-08-11/2022-08-18 range"},
      {"coming(months)", "2022-08-18", {}, Tense::kPast, "2022-08-19/2023-02-18 range"},
      {"lasting(3, days)", "2022-08-18", {}, Tense::kFuture, "2022-08-18/2022-08-20 range"},
      {"range(30, 2, m1=Dec, m2=Jan, y=2023)",
       "2023-08-18",
       {},
       Tense::kPast,
       "2022-12-30/2023-01-02 range"},
      {"range(28, 1, m2=March)", "2024-08-18", {}, Tense::kPast, "2024-02-28/2024-03-01 range"},
      {"since(date(m=February))", "2022-08-18", {}, Tense::kPast, "2022-02-01/2022-08-18 range"},
      {"since(date(m=October))", "2022-08-18", {}, Tense::kPast, "2021-10-01/2022-08-18 range"},
      {"until(period(month, this))", "2022-08-18", {}, Tense::kPast, "../2022-08-18 range"},
      {"by(period(year, the))", "2022-08-18", {}, Tense::kFuture, "2022-08-18/2022-12-31 range"},
      {"season(winter, this)", "2023-01-15", {}, Tense::kPast, "2022-12-01/2023-02-28 range"},
      {"season(winter, last)", "2023-08-15", {}, Tense::kPast, "2022-12-01/2023-02-28 range"},
      {"season(summer, next)", "2023-08-15", {}, Tense::kPast, "2024-06-01/2024-08-31 range"},
      {"season(autumn, y=2022)", "2023-08-15", {}, Tense::kPast, "2022-09-01/2022-11-30 range"},
      {"weekend()", "2022-08-18", {}, Tense::kPast, "2022-08-13/2022-08-14 range"},
      {"weekend(last)", "2022-08-21", {}, Tense::kPast, "2022-08-13/2022-08-14 range"},
      {"weekday_range(Monday, Wednesday)",
       "2022-08-16",
       {},
       Tense::kPast,
       "2022-08-08/2022-08-10 range"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value, c.pub);
    CHECK(Show(ResolveValue(c.value, c.caps, At(c.pub), c.tense)) == c.want);
  }
}

// h-speed43: a month or day that holds pub, and a bare weekday that is pub's
// own, resolve without reading the phrase's tense (worked out on first use):
// the same interval in every tense, as before the shortcut.
TEST_CASE("dates: a phrase holding pub resolves alike in every tense", "[dates]") {
  const struct {
    std::string_view value, pub, want;
  } cases[] = {
      {"date(m=August)", "2022-08-18", "2022-08-01/2022-08-31 month"},
      {"date(m=August)", "2022-08-01", "2022-08-01/2022-08-31 month"},
      {"date(m=August)", "2022-08-31", "2022-08-01/2022-08-31 month"},
      {"date(m=August, d=18)", "2022-08-18", "2022-08-18 day"},
      {"date(m=February, d=29)", "2024-02-29", "2024-02-29 day"},
      {"weekday(Thursday)", "2022-08-18", "2022-08-18 day"},
      {"weekday(Sunday)", "2023-01-01", "2023-01-01 day"},
  };
  for (const auto& c : cases) {
    for (const Tense t : {Tense::kPast, Tense::kFuture, Tense::kNearest}) {
      CAPTURE(c.value, c.pub, static_cast<int>(t));
      CHECK(Show(ResolveValue(c.value, {}, At(c.pub), t)) == c.want);
    }
  }
  // One day off pub, the tense still decides.
  CHECK(Show(ResolveValue("date(m=August, d=19)", {}, At("2022-08-18"), Tense::kPast)) ==
        "2021-08-19 day");
  CHECK(Show(ResolveValue("date(m=August, d=17)", {}, At("2022-08-18"), Tense::kFuture)) ==
        "2023-08-17 day");
  CHECK(Show(ResolveValue("weekday(Friday)", {}, At("2022-08-18"), Tense::kFuture)) ==
        "2022-08-19 day");
}

TEST_CASE("dates: anaphoric values use the anchor, else the pub date", "[dates]") {
  CHECK(Show(ResolveValue("anchor(-1, day)", {}, At("2022-08-18", "2022-03-01"))) ==
        "2022-02-28 day");
  CHECK(Show(ResolveValue("anchor(-{n}, {u})", {{"n", "a"}, {"u", "day"}},
                          At("2022-08-18", "2024-03-01"))) == "2024-02-29 day");
  CHECK(Show(ResolveValue("anchor(1, day)", {}, At("2022-08-18"), Tense::kFuture)) ==
        "2022-08-19 day");
  // h-evdate18: "there was a strike the next day" with no date before it and
  // no future cue: a day after an undated event, no date (dropped).
  CHECK(ResolveValue("anchor(1, day)", {}, At("2022-08-18")).no_date);
  CHECK(ResolveValue("anchor({n}, {u})", {{"n", "24"}, {"u", "hours"}}, At("2022-08-18")).no_date);
  CHECK_FALSE(ResolveValue("anchor(-1, day)", {}, At("2022-08-18")).no_date);
  CHECK(ResolveValue("anchor(31, years)", {}, At("2022-08-18")).no_date);
  CHECK(Show(ResolveValue("lasting(3, days)", {}, At("2022-08-18", "2022-08-01"))) ==
        "2022-08-01/2022-08-03 range");
  TimeContext none;
  none.anchor = ParseIsoDate("2022-05-05");
  CHECK(Show(ResolveValue("anchor(0, day)", {}, none)) == "2022-05-05 day");
  // A coarse anchor moves whole: no false exact day.
  TimeContext year = At("2022-08-18", "2014-01-01");
  year.anchor_end = ParseIsoDate("2014-12-31");
  year.anchor_precision = Precision::kYear;
  CHECK(Show(ResolveValue("anchor(0, day)", {}, year)) == "2014-01-01/2014-12-31 year");
  TimeContext month = At("2022-08-18", "2022-03-01");
  month.anchor_end = ParseIsoDate("2022-03-31");
  month.anchor_precision = Precision::kMonth;
  CHECK(Show(ResolveValue("anchor(2, day)", {}, month)) == "2022-03-03/2022-04-02 range");
  // A month step from a month anchor is still a month.
  CHECK(Show(ResolveValue("anchor(1, month)", {}, month)) ==
        "2022-04-01/2022-04-30 month alt 2022-04-01");
  // period(quarter, rel) (h-dates18): the calendar quarter holding pub, moved.
  CHECK(Show(ResolveValue("period(quarter)", {}, At("2025-06-11"))) ==
        "2025-04-01/2025-06-30 range");
  CHECK(Show(ResolveValue("period(quarter, next)", {}, At("2025-12-31"))) ==
        "2026-01-01/2026-03-31 range");
  CHECK(Show(ResolveValue("period(quarter, last)", {}, At("2024-02-29"))) ==
        "2023-10-01/2023-12-31 range");
  // A weekday as the unit (h-dates18): the first such day strictly after /
  // before the anchor ("the following Monday", "the previous Friday").
  // 2025-10-02 is a Thursday, 2025-01-08 a Wednesday, 2025-10-06 a Monday.
  CHECK(Show(ResolveValue("anchor(1, monday)", {}, At("2025-11-01", "2025-10-02"))) ==
        "2025-10-06 day");
  CHECK(Show(ResolveValue("anchor(-1, friday)", {}, At("2025-01-20", "2025-01-08"))) ==
        "2025-01-03 day");
  CHECK(Show(ResolveValue("anchor(1, monday)", {}, At("2025-11-01", "2025-10-06"))) ==
        "2025-10-13 day");
  CHECK(Show(ResolveValue("anchor(-2, {w})", {{"w", "Sunday"}}, At("2025-11-01", "2025-10-06"))) ==
        "2025-09-28 day");
}

TEST_CASE("dates: no pub date leaves relative values unresolved", "[dates]") {
  const TimeContext none;
  for (std::string_view v : {"day(-1)", "week(-1)", "weekday(Tuesday)", "date(m=June)",
                             "ago(2, days)", "past(9, days)", "season(spring, this)"}) {
    CAPTURE(v);
    const Resolution r = ResolveValue(v, {}, none);
    CHECK_FALSE(r.resolved);
    CHECK(r.error.empty());
  }
  CHECK(Show(ResolveValue("date(y=2014)", {}, none)) == "2014-01-01/2014-12-31 year");
  CHECK(Show(ResolveValue("since(date(y=2014))", {}, none)) == "2014-01-01/.. range");
}

TEST_CASE("dates: impossible dates and malformed values are errors", "[dates]") {
  const TimeContext ctx = At("2022-08-18");
  for (std::string_view v : {"date(y=2023, m=2, d=29)", "date(y=2022, m=Foo)", "date(m=4, d=31)",
                             "numeric(31, 31, 2022)", "quarter(5, 2022)", "weekday(Blursday)",
                             "ago(many, days)", "week(sideways)", "part(soon, month(0))",
                             "nosuch(1)", "date(y=2022", "date(q=1)", "day()", "2022"}) {
    CAPTURE(v);
    const Resolution r = ResolveValue(v, {}, ctx);
    CHECK_FALSE(r.resolved);
    CHECK_FALSE(r.error.empty());
  }
}

TEST_CASE("dates: CheckValue validates templates", "[dates]") {
  CHECK(CheckValue("date(y={year}, m={month}, d={day})").empty());
  CHECK(CheckValue("since(period({unit}, {rel}))").empty());
  CHECK(CheckValue("overnight").empty());
  CHECK(CheckValue("dat(y=1)") == "unknown time function 'dat'");
  CHECK(CheckValue("week()") == "'week' needs 'rel'");
  CHECK(CheckValue("date(y=1, y=2)") == "parameter 'y' given twice");
  CHECK(CheckValue("day(1, 2)") == "too many arguments to 'day'");
  CHECK(CheckValue("date(y={year}") == "expected ',' or ')' in value");
}

TEST_CASE("dates: tense of the sentence around a phrase", "[dates]") {
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      {"Rebels shelled the town on Tuesday.", "on Tuesday", Tense::kPast},
      {"Talks will resume on Tuesday.", "on Tuesday", Tense::kFuture},
      {"The army is expected to attack in March.", "in March", Tense::kFuture},
      {"Kyiv plans to reopen the port in June.", "in June", Tense::kFuture},
      {"Russia said on Tuesday it will withdraw.", "on Tuesday", Tense::kPast},
      {"They took the hill on 3 June and lost it the next day.", "on 3 June", Tense::kPast},
      {"Elections come next year, and voting starts in March.", "in March", Tense::kFuture},
      {"Willow trees were felled in March.", "in March", Tense::kPast},
      // A future cue in another clause does not reach a clause with a past verb.
      {"Rebels attacked on 3 March, and talks will resume in June.", "on 3 March", Tense::kPast},
      {"Rebels attacked on 3 March, and talks will resume in June.", "in June", Tense::kFuture},
      {"The vote, which was held on 3 March, will be repeated.", "on 3 March", Tense::kPast},
      {"Troops shelled the port on 3 March; ministers will meet on 9 March.", "on 9 March",
       Tense::kFuture},
      {"We must accept the mandate of 19 March.", "19 March", Tense::kNearest},
      // A schedule verb's -s form governs its phrase over a participle before
      // it or a reporting tag after the phrase (h-dates14); not when a past
      // verb follows the phrase at once (the -s word is then a noun).
      {"A truce signed in Doha takes effect on Monday.", "on Monday", Tense::kFuture},
      {"The stoppage ends on Sunday, the union said.", "on Sunday", Tense::kFuture},
      {"Play resumes on Monday after rain washed out play.", "on Monday", Tense::kFuture},
      {"It said its rocket launches on Sunday were tests.", "on Sunday", Tense::kPast},
      {"The State of the Union address Tuesday blasted the plan.", "Tuesday", Tense::kPast},
      // No cue either way: a past verb near the phrase makes it past, else nearest.
      {"On 14 February, the police garrison at Tecpan was attacked.", "On 14 February",
       Tense::kPast},
      {"I am no longer chairman on 7 June.", "on 7 June", Tense::kNearest},
      {"The council that takes office on 12 May can be certain that there will be no "
       "revolt.",
       "on 12 May", Tense::kFuture},
      {"The ban will last until 0500 on 8 October, and from 2000 starting on 8 October "
       "until further notice.",
       "starting on 8 October", Tense::kFuture},
      {"Elections are to be held on 2 April.", "on 2 April", Tense::kFuture},
      // A date that modifies a noun: the nearest occurrence; a noun of
      // violence or disaster (right after it or one word on) has happened:
      // past, whatever the tense (h-dates18).
      {"The court will rule on the 3 March attack.", "the 3 March", Tense::kPast},
      {"The court will rule on the 3 March attack.", "on the 3 March", Tense::kPast},
      {"Lawmakers will mark the anniversary of the Jan. 6 Capitol riot.", "Jan. 6", Tense::kPast},
      {"Guerrillas threatened to disrupt the March 19 elections.", "March 19", Tense::kNearest},
      {"Unions will hold the 3 March strike as planned.", "3 March", Tense::kNearest},
      // A possessive stands for "the" (h-evdate6).
      {"The envoy will meet kin of those seized in the rebels' ally's 3 March raid.", "3 March",
       Tense::kPast},
      {"The envoy will meet kin of those seized in the rebels\xE2\x80\x99 ally\xE2\x80\x99s 3 "
       "March raid.",
       "3 March", Tense::kPast},
      {"The envoy will attend the party's 3 March congress.", "3 March", Tense::kNearest},
      {"On the 3 March, rebels attacked.", "On the 3 March", Tense::kPast},
      // A weekday after starting / beginning / effective lies ahead
      // (h-dates18), not after a past verb.
      {"Starting Monday, masks are required on buses.", "Monday", Tense::kFuture},
      {"Fares rise by 5% effective Tuesday.", "Tuesday", Tense::kFuture},
      {"The strike, which began beginning Monday, was called off.", "Monday", Tense::kPast},
      {"A curfew beginning Friday evening and lifted early on Sunday was strict.", "Friday",
       Tense::kPast},
      {"The government promised to investigate the murder of priests who were killed on 16 "
       "November.",
       "on 16 November", Tense::kPast},
      // "have scheduled" is done scheduling, no time ahead (h-evdate18);
      // "is scheduled" still looks ahead.
      {"Kin of the miners who died in the flood on Monday have scheduled a vigil.", "on Monday",
       Tense::kPast},
      {"The vigil is scheduled for Monday.", "Monday", Tense::kFuture},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
}

TEST_CASE("dates: FormatIsoDate pads to four-digit years", "[dates]") {
  namespace chr = std::chrono;
  const auto at = [](int y, unsigned m, unsigned d) {
    return FormatIsoDate(Date{chr::year{y}, chr::month{m}, chr::day{d}});
  };
  CHECK(at(2022, 8, 18) == "2022-08-18");
  CHECK(at(1, 1, 9) == "0001-01-09");
  CHECK(at(999, 12, 31) == "0999-12-31");
  CHECK(at(9999, 10, 1) == "9999-10-01");
  CHECK(at(10000, 1, 1) == "10000-01-01");
  CHECK(at(-5, 3, 1) == "-005-03-01");
}

// The word tests behind the tense and the month and weekday names take
// shortcuts (a table of first and second bytes, a table of word lengths, a
// stack buffer for the name): these sentences and names sit at their edges.
TEST_CASE("dates: tense cues and calendar names at the edges of the fast tests", "[dates]") {
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      // "it's expected": the cue "s expected" begins at a one-letter word.
      {"It's expected to open on Friday.", "on Friday", Tense::kFuture},
      // "won't": a cue whose second byte is no letter of "will" or "would".
      {"The envoys won't meet on Friday.", "on Friday", Tense::kFuture},
      // Words that begin like cues ("wide", "walls", "nexus") are none.
      {"Wide walls rose around the nexus on 3 March.", "on 3 March", Tense::kPast},
      // "next to" is a place; a cue as the last word still counts.
      {"The office next to the port was hit on 3 March.", "on 3 March", Tense::kPast},
      {"On 3 March, the ministers say, they will", "On 3 March", Tense::kFuture},
      // The longest irregular past form listed, and "armed", which only ends
      // like one.
      {"The army withdrew on 3 March.", "on 3 March", Tense::kPast},
      {"An armed guard stands at the gate on 3 March.", "on 3 March", Tense::kNearest},
      // A weekday after "for" is an appointment ("Wednesday": the longest name).
      {"A strike has been called for Wednesday.", "Wednesday", Tense::kFuture},
      {"A strike has been called for WEDNESDAY.", "WEDNESDAY", Tense::kFuture},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
  const auto month = [](std::string_view m) {
    return Show(ResolveValue("date(m={m}, d=3)", {{"m", m}}, At("2023-01-02"), Tense::kPast));
  };
  CHECK(month("09") == "2022-09-03 day");
  CHECK(month("9") == "2022-09-03 day");
  CHECK(month("September") == "2022-09-03 day");
  CHECK(month(" SEPT. ") == "2022-09-03 day");
  CHECK(month("Septembers").rfind("error: not a month", 0) == 0);
  CHECK(month("13").rfind("error: not a month", 0) == 0);
  CHECK(month("009").rfind("error: not a month", 0) == 0);
  const auto weekday = [](std::string_view w) {
    return Show(ResolveValue("weekday({w})", {{"w", w}}, At("2022-08-18"), Tense::kPast));
  };
  CHECK(weekday("Wednesday") == "2022-08-17 day");
  CHECK(weekday("WED.") == "2022-08-17 day");
  CHECK(weekday("Wednesdays").rfind("error: not a weekday", 0) == 0);
  CHECK(weekday("we").rfind("error: not a weekday", 0) == 0);
}

TEST_CASE("dates: -es forms, new schedule verbs and one-day slices (h-dates16)", "[dates]") {
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      // "sites" is no form of "sit": the past verb rules the clause.
      {"Israel bombed the nuclear sites on Friday.", "on Friday", Tense::kPast},
      {"Bin collections restart on Friday.", "on Friday", Tense::kFuture},
      {"The party elects a new leader on Saturday.", "on Saturday", Tense::kFuture},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
  // "the first day of Ramadan": a slice of one day is a day.
  CHECK(Show(ResolveValue("slice(first, 1, days, feast(ramadan, 2024))", {}, At("2024-03-15"),
                          Tense::kPast)) == "2024-03-11 day");
  CHECK(Show(ResolveValue("slice(first, 2, days, feast(ramadan, 2024))", {}, At("2024-03-15"),
                          Tense::kPast)) == "2024-03-11/2024-03-12 range");
}

TEST_CASE("dates: UK weekday weeks and parts of centuries (h-dates19)", "[dates]") {
  const auto weekday = [](std::string_view w, std::string_view pub) {
    return Show(ResolveValue("weekday({w}, week)", {{"w", std::string(w)}}, At(std::string(pub)),
                             Tense::kPast));
  };
  // "Tuesday week" said on a Monday: the coming Tuesday and a week on.
  CHECK(weekday("Tuesday", "2025-03-03") == "2025-03-11 day");
  // Said on the day itself: a week from today, whatever the tense.
  CHECK(weekday("Monday", "2025-03-03") == "2025-03-10 day");
  CHECK(weekday("Sunday", "2025-12-31") == "2026-01-11 day");
  // Thirds of a century by whole years; "the 1700s" is the 18th century.
  CHECK(Show(ResolveValue("part(late, century(18th))", {}, At("2025-03-03"))) ==
        "1767-01-01/1799-12-31 range");
  CHECK(Show(ResolveValue("part(mid, century(1700))", {}, At("2025-03-03"))) ==
        "1734-01-01/1766-12-31 range");
  CHECK(Show(ResolveValue("part(early, century(1500))", {}, At("2025-03-03"))) ==
        "1500-01-01/1533-12-31 range");
  CHECK(Show(ResolveValue("part(, century(1200))", {}, At("2025-03-03"))) ==
        "1200-01-01/1299-12-31 range");
  // A reporting tag after a schedule verb's phrase does not make it past; a
  // past verb of the clause itself, or no schedule verb, still does.
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      {"Talks resume in Doha on July 8, mediators said.", "on July 8", Tense::kNearest},
      {"Talks resumed in Doha on July 8, mediators said.", "on July 8", Tense::kPast},
      {"Gunmen kill 20 on July 8, officials said.", "on July 8", Tense::kPast},
      {"Talks resume in Doha on July 8, and the envoys were hopeful.", "on July 8",
       Tense::kNearest},
      // A participle after stay / remain is a state, not a past verb.
      {"The border remains closed until Friday.", "until Friday", Tense::kNearest},
      {"The bypass stays shut until Christmas.", "until Christmas", Tense::kNearest},
      {"The border remained closed until Friday.", "until Friday", Tense::kPast},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
}

// h-dates20: "in the new year" by tense and month, "earlier / later in
// <month>", "over the weekend" read on a Saturday, and a reporting verb
// between the phrase and a future cue.
TEST_CASE("dates: new year, parts of a named month, Saturday weekends", "[dates]") {
  // A past sentence tells of the year begun; otherwise the next, but the
  // current one in January or February.
  CHECK(Show(ResolveValue("year(new)", {}, At("2024-06-12"), Tense::kPast)) ==
        "2024-01-01/2024-12-31 year");
  CHECK(Show(ResolveValue("year(new)", {}, At("2024-06-12"), Tense::kFuture)) ==
        "2025-01-01/2025-12-31 year");
  CHECK(Show(ResolveValue("year(new)", {}, At("2025-02-03"), Tense::kFuture)) ==
        "2025-01-01/2025-12-31 year");
  CHECK(Show(ResolveValue("year(new)", {}, At("2025-11-20"), Tense::kNearest)) ==
        "2026-01-01/2026-12-31 year");
  // pub's own month: the part before / after pub; another month: that month.
  CHECK(Show(ResolveValue("earlier(April)", {}, At("2026-04-30"), Tense::kPast)) ==
        "2026-04-01/2026-04-29 range");
  CHECK(Show(ResolveValue("later(May)", {}, At("2026-05-22"), Tense::kFuture)) ==
        "2026-05-23/2026-05-31 range");
  CHECK(Show(ResolveValue("earlier(June)", {}, At("2022-08-18"), Tense::kPast)) ==
        "2022-06-01/2022-06-30 month");
  CHECK(Show(ResolveValue("later(January)", {}, At("2025-12-10"), Tense::kFuture)) ==
        "2026-01-01/2026-01-31 month");
  // Read on a Saturday, a past sentence means the weekend before; a Sunday
  // keeps the weekend ending on pub; no tense keeps the one begun.
  CHECK(Show(ResolveValue("weekend()", {}, At("2025-11-29"), Tense::kPast)) ==
        "2025-11-22/2025-11-23 range");
  CHECK(Show(ResolveValue("weekend()", {}, At("2026-08-30"), Tense::kPast)) ==
        "2026-08-29/2026-08-30 range");
  CHECK(Show(ResolveValue("weekend()", {}, At("2025-11-29"), Tense::kNearest)) ==
        "2025-11-29/2025-11-30 range");
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      {"In April, the platform said it would start charging developers.", "In April", Tense::kPast},
      {"In April the company announced that it will open two stores.", "In April", Tense::kPast},
      // Not with a comma after the verb (a parenthetical), nor without a cue
      // after it, nor with the cue before the phrase.
      {"Applications close on 30 January, the council said.", "on 30 January", Tense::kNearest},
      {"The plant will close in April, the owners said it would confirm.", "in April",
       Tense::kFuture},
      {"The governor said he would launch his campaign on Tuesday.", "on Tuesday", Tense::kFuture},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
}

TEST_CASE("dates: half units back and a preposition after a weekday (h-dates34)", "[dates]") {
  // "two and a half years ago": n units and half a unit back, the unit's
  // precision, the exact day in the alternative.
  CHECK(Show(ResolveValue("ago(two, years, half=1)", {}, At("2022-11-25"), Tense::kPast)) ==
        "2020-01-01/2020-12-31 year alt 2020-05-25");
  CHECK(Show(ResolveValue("ago(2, years, half=1)", {}, At("2022-01-21"), Tense::kPast)) ==
        "2019-01-01/2019-12-31 year alt 2019-07-21");
  CHECK(Show(ResolveValue("ago(four, months, half=1)", {}, At("2022-08-18"), Tense::kPast)) ==
        "2022-04-01/2022-04-30 month alt 2022-04-03");
  // Without `half`, as before.
  CHECK(Show(ResolveValue("ago(2, years)", {}, At("2022-11-25"), Tense::kPast)) ==
        "2020-01-01/2020-12-31 year alt 2020-11-25");
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      // A preposition after a weekday that follows "for" is no noun: the
      // appointment lies ahead.
      {"The striker has been ruled out for Sunday by the club.", "Sunday", Tense::kFuture},
      {"The keeper is fit for Saturday against the leaders.", "Saturday", Tense::kFuture},
      // A noun after it still makes the weekday a modifier ("Friday prayers").
      {"Crowds gathered for Friday prayers in the old city.", "Friday", Tense::kPast},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
}

TEST_CASE(
    "dates: a relative year for Easter, schedule verbs after a weekday or far back (h-dates35)",
    "[dates]") {
  // easter(yrel=): the year relative to pub's, as date()'s.
  CHECK(Show(ResolveValue("easter(0, yrel=last)", {}, At("2023-06-20"), Tense::kPast)) ==
        "2022-04-17 day");
  CHECK(Show(ResolveValue("easter(1, yrel=next)", {}, At("2023-06-20"), Tense::kPast)) ==
        "2024-04-01 day");
  const struct {
    std::string_view sentence, phrase;
    Tense want;
  } cases[] = {
      // A weekday opening the sentence before a comma, then a present verb of
      // a scheduled event: ahead.
      {"On Sunday, the new library opens to readers.", "On Sunday", Tense::kFuture},
      {"On Saturday, home fans come back to the stadium.", "On Saturday", Tense::kFuture},
      // A past verb in the clause, a noun after a determiner, or a verb of
      // protest keep the day gone.
      {"On Sunday, the new library opened to readers.", "On Sunday", Tense::kPast},
      {"On Friday, the opening of the library was delayed.", "On Friday", Tense::kPast},
      // An appointment "for the <event>" after a schedule verb or "is back"
      // out of the six words' reach: ahead; a past verb keeps it gone.
      {"The winger returns to the side for the league game at home on Sunday.", "on Sunday",
       Tense::kFuture},
      {"The keeper is back in the squad for the derby away from home on Saturday.", "on Saturday",
       Tense::kFuture},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sentence);
    const auto at = c.sentence.find(c.phrase);
    REQUIRE(at != std::string_view::npos);
    CHECK((TenseAt(c.sentence, at, at + c.phrase.size()) == c.want));
  }
  CHECK(TenseAt("On Saturday, crowds march through the city.", 0, 11) != Tense::kFuture);
  const std::string_view gone =
      "The winger returned to the side for the league game at home on Sunday.";
  CHECK(TenseAt(gone, gone.find("on Sunday"), gone.find("on Sunday") + 9) != Tense::kFuture);
}

TEST_CASE("dates: a relative year written as years ago (h-dates36)", "[dates]") {
  // yrel= takes a captured "<n> years ago" (digits or words) and "last / next year".
  const struct {
    std::string_view value, rel, pub, want;
  } cases[] = {
      {"date(m=11, d=24, yrel={rel})", "two years ago", "2022-12-01", "2020-11-24 day"},
      {"date(m=11, d=24, yrel={rel})", "a year ago", "2022-12-01", "2021-11-24 day"},
      {"date(m=5, d=1, yrel={rel})", "last year", "2022-12-01", "2021-05-01 day"},
      {"date(m=5, d=1, yrel={rel})", "next year", "2022-12-01", "2023-05-01 day"},
      {"easter(0, yrel={rel})", "3 years ago", "2023-06-20", "2020-04-12 day"},
      // Not a count: no date.
      {"date(m=11, d=24, yrel={rel})", "many years ago", "2022-12-01",
       "error: not a relative year: 'many years ago'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value, c.rel);
    const TimeCaptures caps = {{"rel", c.rel}};
    CHECK(Show(ResolveValue(c.value, caps, At(c.pub), Tense::kPast)) == c.want);
  }
}

TEST_CASE("dates: hours in a past clause, holidays with a year, decade pairs (h-dates37)",
          "[dates]") {
  const struct {
    std::string_view value, pub;
    Tense tense;
    std::string_view want;
  } cases[] = {
      // Lead's ruling 10, session 30: fewer than 24 hours in a past clause is
      // the publication day; 24 hours and more stay a window back.
      {"ahead(eight, hours)", "2024-10-31", Tense::kPast, "2024-10-31 day"},
      {"ahead(3, hours)", "2022-10-10", Tense::kPast, "2022-10-10 day"},
      {"ahead(24, hours)", "2022-12-17", Tense::kPast, "2022-12-16/2022-12-17 range"},
      {"ahead(two, days)", "2022-12-17", Tense::kPast, "2022-12-15/2022-12-17 range"},
      // A holiday with a year before 1900, Cyber Monday, two decades.
      {"date(y=1776, m=12, d=25)", "2023-12-20", Tense::kPast, "1776-12-25 day"},
      {"nth_weekday(4, thursday, date(y=2021, m=11), off=4)", "2023-09-02", Tense::kPast,
       "2021-11-29 day"},
      {"nth_weekday(4, thursday, date(m=11), off=4)", "2023-11-20", Tense::kNearest,
       "2023-11-27 day"},
      {"between(decade(1760), decade(1770))", "2024-05-02", Tense::kPast,
       "1760-01-01/1779-12-31 range"},
      {"since(date(y=2000))", "2024-05-02", Tense::kPast, "2000-01-01/2024-05-02 range"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value, c.pub);
    CHECK(Show(ResolveValue(c.value, {}, At(c.pub), c.tense)) == c.want);
  }
}

}  // namespace
}  // namespace eventline
