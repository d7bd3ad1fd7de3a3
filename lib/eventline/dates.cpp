#include "eventline/dates.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "eventline/numbers.h"
#include "eventline/utf8.h"

namespace eventline {

namespace chr = std::chrono;

std::string_view ToString(Precision p) {
  switch (p) {
    case Precision::kNone:
      return "none";
    case Precision::kDay:
      return "day";
    case Precision::kWeek:
      return "week";
    case Precision::kMonth:
      return "month";
    case Precision::kYear:
      return "year";
    case Precision::kRange:
      return "range";
  }
  return "none";
}

std::string FormatInterval(const Interval& iv) {
  if (!iv.start && !iv.end) return {};
  if (iv.start && iv.end && *iv.start == *iv.end) return FormatIsoDate(*iv.start);
  return (iv.start ? FormatIsoDate(*iv.start) : std::string("..")) + "/" +
         (iv.end ? FormatIsoDate(*iv.end) : std::string(".."));
}

namespace {

// ---------------------------------------------------------------- text utils

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The part of `s` that LowerTrim keeps, not lowered.
std::string_view LowerTrimmed(std::string_view s) {
  // find_first_not_of(" \t\r\n.,'\u2019") and find_last_not_of(" \t\r\n.,")
  // by hand: the library's call memchr for every byte.
  const auto trailing = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '.' || c == ',';
  };
  const auto leading = [&](char c) {
    return trailing(c) || c == '\'' || c == '\xE2' || c == '\x80' || c == '\x99';
  };
  std::size_t b = 0, e = s.size();
  while (b < e && leading(s[b])) ++b;
  if (b == e) return {};
  while (trailing(s[e - 1])) --e;  // stops at s[b] at the latest: not trailing
  return s.substr(b, e - b);
}

// Trimmed first, then lowered: the trimmed bytes are no letters, so the
// result is the same, built once (value parsing calls this for every word).
std::string LowerTrim(std::string_view s) {
  std::string out(LowerTrimmed(s));
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// ------------------------------------------------------------ calendar utils

Date MakeDate(int y, unsigned m, unsigned d) {
  return Date{chr::year{y}, chr::month{m}, chr::day{d}};
}
Date LastOfMonth(int y, unsigned m) {
  const chr::year_month_day_last l{chr::year{y}, chr::month_day_last{chr::month{m}}};
  return Date{l};
}
int YearOf(const Date& d) { return static_cast<int>(d.year()); }
unsigned MonthOf(const Date& d) { return static_cast<unsigned>(d.month()); }
unsigned DayOf(const Date& d) { return static_cast<unsigned>(d.day()); }

// Adds months, clamping the day to the target month's length (Jan 31 + 1 = Feb 28/29).
Date AddMonths(const Date& d, int n) {
  int total = YearOf(d) * 12 + static_cast<int>(MonthOf(d)) - 1 + n;
  int y = total / 12;
  int m0 = total % 12;
  if (m0 < 0) m0 += 12, y -= 1;
  const unsigned m = static_cast<unsigned>(m0 + 1);
  const Date last = LastOfMonth(y, m);
  return MakeDate(y, m, std::min(DayOf(d), DayOf(last)));
}

int DaysBetween(const Date& a, const Date& b) {  // b - a
  return static_cast<int>((chr::sys_days{b} - chr::sys_days{a}).count());
}

// 0 = Monday ... 6 = Sunday.
int IsoIndex(chr::weekday w) { return static_cast<int>(w.iso_encoding()) - 1; }
Date MondayOf(const Date& d) { return AddDays(d, -IsoIndex(WeekdayOf(d))); }

Interval DayInterval(const Date& d) { return {d, d, Precision::kDay, {}}; }

// ------------------------------------------------ lunar and lunisolar feasts

// Rata Die (day 1 = 0001-01-01, proleptic Gregorian) and back.
long RataDie(const Date& d) {
  return static_cast<long>(chr::sys_days{d}.time_since_epoch().count()) + 719163;
}
Date FromRataDie(long rd) { return Date{chr::sys_days{chr::days{rd - 719163}}}; }

// The tabular (arithmetic) Islamic calendar, civil epoch 16 July 622 (Julian),
// leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30 (Dershowitz
// and Reingold): within two days of the calendar in use.
long IslamicToRataDie(long y, int m, int d) {
  return 227014 + (y - 1) * 354 + (3 + 11 * y) / 30 + 29 * (m - 1) + m / 2 + d;
}

// The Julian Ephemeris Day of new moon k (k = 0: 6 January 2000), Meeus,
// Astronomical Algorithms, ch. 49, the main periodic terms (minutes off).
double NewMoonJde(long k) {
  const double t = static_cast<double>(k) / 1236.85, e = 1 - 0.002516 * t;
  constexpr double kRad = 3.14159265358979323846 / 180;
  const double m = kRad * (2.5534 + 29.10535670 * static_cast<double>(k));
  const double mp = kRad * (201.5643 + 385.81693528 * static_cast<double>(k));
  const double f = kRad * (160.7108 + 390.67050284 * static_cast<double>(k));
  const double om = kRad * (124.7746 - 1.56375588 * static_cast<double>(k));
  return 2451550.09766 + 29.530588861 * static_cast<double>(k) + 0.00015437 * t * t -
         0.40720 * std::sin(mp) + 0.17241 * e * std::sin(m) + 0.01608 * std::sin(2 * mp) +
         0.01039 * std::sin(2 * f) + 0.00739 * e * std::sin(mp - m) -
         0.00514 * e * std::sin(mp + m) + 0.00208 * e * e * std::sin(2 * m) -
         0.00111 * std::sin(mp - 2 * f) - 0.00057 * std::sin(mp + 2 * f) +
         0.00056 * e * std::sin(2 * mp + m) - 0.00042 * std::sin(3 * mp) +
         0.00042 * e * std::sin(m + 2 * f) + 0.00038 * e * std::sin(m - 2 * f) -
         0.00024 * e * std::sin(2 * mp - m) - 0.00017 * std::sin(om);
}

// The first day of Islamic month m of year y as Saudi Arabia's Umm al-Qura
// calendar sets it, approximated: the day after the new moon when the moon is
// new before sunset in Mecca (18:30, UTC+3), else the day after that. On the
// 28 Ramadan, Eid al-Fitr and Eid al-Adha dates Saudi Arabia announced in
// 2016-2025 it is right 27 times (2018's Ramadan began a day later, when the
// crescent was not seen); the tabular calendar 13 times.
long IslamicMonthStart(long y, int m) {
  const long approx = IslamicToRataDie(y, m, 1);
  constexpr double kRataDieToJd = 1721424.5;  // JD of the midnight that starts RD 0
  const long k0 =
      std::lround((static_cast<double>(approx) + kRataDieToJd - 2451550.09766) / 29.530588861);
  long best = approx, best_distance = -1;
  for (long k = k0 - 1; k <= k0 + 1; ++k) {
    const double local = NewMoonJde(k) - kRataDieToJd + 3.0 / 24;  // Mecca time, in RD days
    const double day = std::floor(local);
    const long start = static_cast<long>(day) + (local - day < 18.5 / 24 ? 1 : 2);
    const long distance = std::labs(start - approx);
    if (best_distance < 0 || distance < best_distance) {
      best = start;
      best_distance = distance;
    }
  }
  return best;
}

// The Hebrew calendar (Dershowitz and Reingold): Rata Die of 1 Tishri of year y.
long HebrewElapsedDays(long y) {
  const long months = (235 * y - 234) / 19;
  const long parts = 12084 + 13753 * months;
  const long day = 29 * months + parts / 25920;
  return (3 * (day + 1)) % 7 < 3 ? day + 1 : day;
}
long HebrewNewYear(long y) {
  const long ny0 = HebrewElapsedDays(y - 1), ny1 = HebrewElapsedDays(y),
             ny2 = HebrewElapsedDays(y + 1);
  const long correction = ny2 - ny1 == 356 ? 2 : (ny1 - ny0 == 382 ? 1 : 0);
  return -1373427 + ny1 + correction;
}

// Lunar New Year (the Chinese calendar's first day) and Diwali (Lakshmi Puja
// as India's central government lists it), 1990-2035: month * 100 + day.
constexpr int kFirstTableYear = 1990;
constexpr std::array<short, 46> kLunarNewYear = {
    127, 215, 204, 123, 210, 131, 219, 207, 128, 216,  // 1990-1999
    205, 124, 212, 201, 122, 209, 129, 218, 207, 126,  // 2000-2009
    214, 203, 123, 210, 131, 219, 208, 128, 216, 205,  // 2010-2019
    125, 212, 201, 122, 210, 129, 217, 206, 126, 213,  // 2020-2029
    203, 123, 211, 131, 219, 208};                     // 2030-2035
constexpr std::array<short, 46> kDiwali = {
    1018, 1105, 1025, 1113, 1103, 1023, 1110, 1030, 1019, 1107,  // 1990-1999
    1026, 1114, 1104, 1025, 1112, 1101, 1021, 1109, 1028, 1017,  // 2000-2009
    1105, 1026, 1113, 1103, 1023, 1111, 1030, 1019, 1107, 1027,  // 2010-2019
    1114, 1104, 1024, 1112, 1031, 1020, 1108, 1029, 1017, 1105,  // 2020-2029
    1026, 1114, 1102, 1022, 1110, 1030};                         // 2030-2035

// Appends the occurrences of a feast in the Gregorian years around `year`,
// sorted by start; false for an unknown name.
bool FeastOccurrences(const std::string& name, int year, std::vector<Interval>& out) {
  const auto add = [&out](long a, long b, Precision p) {
    out.push_back({FromRataDie(a), FromRataDie(b), p, {}});
  };
  if (name == "ramadan" || name == "eid_fitr" || name == "eid_adha" || name == "eid") {
    // Islamic year around the Gregorian one: 354.37 days a year since 622.
    const long iy = static_cast<long>((year - 622) * 1.0307);
    for (long y = iy - 1; y <= iy + 3; ++y) {
      const long fitr = IslamicMonthStart(y, 10), adha = IslamicMonthStart(y, 12) + 9;
      if (name == "ramadan") add(IslamicMonthStart(y, 9), fitr - 1, Precision::kRange);
      if (name == "eid_fitr" || name == "eid") add(fitr, fitr, Precision::kDay);
      if (name == "eid_adha" || name == "eid") add(adha, adha, Precision::kDay);
    }
  } else if (name == "hanukkah" || name == "passover" || name == "rosh_hashanah" ||
             name == "yom_kippur") {
    for (long hy = year + 3759; hy <= year + 3762; ++hy) {
      const long ny = HebrewNewYear(hy), length = HebrewNewYear(hy + 1) - ny;
      if (name == "rosh_hashanah") add(ny - 1, ny + 1, Precision::kRange);
      if (name == "yom_kippur") add(ny + 9, ny + 9, Precision::kDay);
      if (name == "hanukkah") {  // 25 Kislev, from its eve, eight days
        const long kislev25 = ny + 30 + (length % 10 == 5 ? 30 : 29) + 24;
        add(kislev25 - 1, kislev25 + 7, Precision::kRange);
      }
      if (name == "passover") {  // 15 Nisan, from its eve, to 22 Nisan
        const long nisan15 = HebrewNewYear(hy + 1) - 163;
        add(nisan15 - 1, nisan15 + 7, Precision::kRange);
      }
    }
  } else if (name == "lunar_new_year" || name == "diwali") {
    const auto& table = name == "diwali" ? kDiwali : kLunarNewYear;
    for (int y = year - 1; y <= year + 1; ++y) {
      const int i = y - kFirstTableYear;
      if (i < 0 || i >= static_cast<int>(table.size())) continue;
      const Date d = MakeDate(y, static_cast<unsigned>(table[static_cast<std::size_t>(i)] / 100),
                              static_cast<unsigned>(table[static_cast<std::size_t>(i)] % 100));
      add(RataDie(d), RataDie(d), Precision::kDay);
    }
  } else {
    return false;
  }
  std::sort(out.begin(), out.end(),
            [](const Interval& a, const Interval& b) { return *a.start < *b.start; });
  return true;
}
Interval Span(const Date& a, const Date& b, Precision p = Precision::kRange) {
  return {a, b, p, {}};
}
Interval MonthInterval(int y, unsigned m) {
  return {MakeDate(y, m, 1), LastOfMonth(y, m), Precision::kMonth, {}};
}
Interval YearInterval(int y) {
  return {MakeDate(y, 1, 1), MakeDate(y, 12, 31), Precision::kYear, {}};
}
Interval WeekInterval(const Date& d) {
  const Date mon = MondayOf(d);
  return {mon, AddDays(mon, 6), Precision::kWeek, {}};
}

// --------------------------------------------------------------- word tables

// The trimmed `text` lowered into `buf` when it has at most N bytes, else an
// empty view (no month or weekday name is longer: no string built per word).
template <std::size_t N>
std::string_view LowerTrimInto(std::string_view text, std::array<char, N>& buf) {
  const std::string_view t = LowerTrimmed(text);
  if (t.size() > N) return {};
  for (std::size_t i = 0; i < t.size(); ++i) buf[i] = Lower(t[i]);
  return {buf.data(), t.size()};
}

std::optional<unsigned> ParseMonth(std::string_view text) {
  std::array<char, 9> buf;  // "september"
  const std::string_view s = LowerTrimInto(text, buf);
  if (s.empty()) return std::nullopt;
  if (AllDigits(s)) {
    if (s.size() > 2) return std::nullopt;
    unsigned v = 0;
    for (char c : s) v = v * 10 + static_cast<unsigned>(c - '0');
    if (v >= 1 && v <= 12) return v;
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (unsigned i = 0; i < 12; ++i) {
    const std::string_view name = kNames[i];
    if (s == name) return i + 1;
    if (s.size() >= 3 && s.size() < name.size() && name.substr(0, s.size()) == s) return i + 1;
  }
  return std::nullopt;
}

std::optional<chr::weekday> ParseWeekday(std::string_view text) {
  std::array<char, 9> buf;  // "wednesday"
  const std::string_view s = LowerTrimInto(text, buf);
  static constexpr std::array<std::string_view, 7> kNames = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  if (s.size() < 3) return std::nullopt;
  for (unsigned i = 0; i < 7; ++i) {
    const std::string_view name = kNames[i];
    if (s == name || (s.size() < name.size() && name.substr(0, s.size()) == s))
      return chr::weekday{i};
  }
  return std::nullopt;
}

enum class Unit { kHour, kDay, kWeek, kFortnight, kMonth, kYear, kDecade };

std::optional<Unit> ParseUnit(std::string_view text) {
  std::string s = LowerTrim(text);
  if (s.size() > 1 && s.back() == 's') s.pop_back();
  if (s == "hour" || s == "hr") return Unit::kHour;
  if (s == "day" || s == "night") return Unit::kDay;
  if (s == "week") return Unit::kWeek;
  if (s == "fortnight") return Unit::kFortnight;
  if (s == "month") return Unit::kMonth;
  if (s == "year") return Unit::kYear;
  if (s == "decade") return Unit::kDecade;
  return std::nullopt;
}

// this / last / next / signed integers.
std::optional<int> ParseCount(std::string_view text);

std::optional<int> ParseRel(std::string_view text) {
  std::string s = LowerTrim(text);
  // A relative year written out before a holiday weekend (h-dates36): "two
  // years ago" is -2, "last year" is "last" ("two years ago over Thanksgiving
  // weekend", "last year during Labor Day weekend").
  for (const std::string_view tail :
       {std::string_view(" years ago"), std::string_view(" year ago")}) {
    if (s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
      const auto n = ParseCount(std::string_view(s).substr(0, s.size() - tail.size()));
      if (!n || *n < 0 || *n > 999) return std::nullopt;
      return -*n;
    }
  }
  if (s.size() > 5 && s.compare(s.size() - 5, 5, " year") == 0) s.erase(s.size() - 5);
  if (s.rfind("the ", 0) == 0) s.erase(0, 4);
  if (s == "the" || s == "this past" || s == "this coming") s = s == "the" ? "this" : s.substr(5);
  if (s == "this" || s == "current" || s == "0" || s == "same" || s == "today" || s == "tonight" ||
      s.rfind("this ", 0) == 0)
    return 0;
  if (s == "yesterday") return -1;
  if (s == "tomorrow") return 1;
  if (s == "last" || s == "previous" || s == "past" || s == "prior" || s == "preceding") return -1;
  if (s == "next" || s == "coming" || s == "following") return 1;
  if (s.empty()) return std::nullopt;
  std::string_view v = s;
  int sign = 1;
  if (v.front() == '-' || v.front() == '+') {
    sign = v.front() == '-' ? -1 : 1;
    v.remove_prefix(1);
  }
  if (!AllDigits(v) || v.size() > 4) return std::nullopt;
  return sign * std::stoi(std::string(v));
}

// A count: digits or words ("nine", "a", "twenty-four"), or a signed integer.
std::optional<int> ParseCount(std::string_view text) {
  std::string_view t = Trim(text);
  int sign = 1;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    sign = t.front() == '-' ? -1 : 1;
    t.remove_prefix(1);
  }
  const auto v = ParseNumber(t);
  if (!v || *v > 100000) return std::nullopt;
  return sign * static_cast<int>(*v);
}

// "few", "a few", "several", "last few" ...: a count too vague for a point.
bool IsVagueCount(std::string_view text) {
  const std::string s = LowerTrim(text);
  return s == "few" || s == "several" || s == "a few" || s == "last few" || s == "past few";
}

// ------------------------------------------------------------ value parsing

struct Node {
  std::string name;                                // function name; empty for an atom
  std::string atom;                                // raw atom text (with {captures}), for atoms
  std::vector<std::pair<std::string, Node>> args;  // key ("" = positional), value
  bool call = false;
};

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::optional<Node> ParseTop(std::string& error) {
    SkipSpace();
    auto n = ParseExpr(error, /*top=*/true);
    SkipSpace();
    if (n && pos_ != s_.size()) {
      error = "unexpected '" + std::string(s_.substr(pos_, 1)) + "' in value";
      return std::nullopt;
    }
    return n;
  }

 private:
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }

  std::optional<Node> ParseExpr(std::string& error, bool top) {
    SkipSpace();
    std::size_t p = pos_;
    while (p < s_.size() && IsIdentChar(s_[p])) ++p;
    std::size_t q = p;
    while (q < s_.size() && s_[q] == ' ') ++q;
    const bool ident = p > pos_ && !(s_[pos_] >= '0' && s_[pos_] <= '9');
    if (ident && q < s_.size() && s_[q] == '(') {
      Node n;
      n.call = true;
      n.name = std::string(s_.substr(pos_, p - pos_));
      pos_ = q + 1;
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ')') {
        ++pos_;
        return n;
      }
      while (true) {
        SkipSpace();
        // key=...
        std::string key;
        std::size_t k = pos_;
        while (k < s_.size() && IsIdentChar(s_[k])) ++k;
        std::size_t k2 = k;
        while (k2 < s_.size() && s_[k2] == ' ') ++k2;
        if (k > pos_ && k2 < s_.size() && s_[k2] == '=') {
          key = std::string(s_.substr(pos_, k - pos_));
          pos_ = k2 + 1;
        }
        auto arg = ParseExpr(error, false);
        if (!arg) return std::nullopt;
        n.args.emplace_back(std::move(key), std::move(*arg));
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == ')') {
          ++pos_;
          return n;
        }
        error = "expected ',' or ')' in value";
        return std::nullopt;
      }
    }
    if (top) {
      if (ident && p == s_.size()) {  // bare function name: "overnight"
        Node n;
        n.call = true;
        n.name = std::string(s_.substr(pos_, p - pos_));
        pos_ = p;
        return n;
      }
      error = "a value must be a function call such as date(...)";
      return std::nullopt;
    }
    // Atom: up to ',' or ')' outside braces.
    Node n;
    int brace = 0;
    const std::size_t start = pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '{') ++brace;
      if (c == '}') --brace;
      if (brace == 0 && (c == ',' || c == ')')) break;
      if (c == '(') {
        error = "unexpected '(' in value";
        return std::nullopt;
      }
      ++pos_;
    }
    if (brace != 0) {
      error = "unbalanced '{' in value";
      return std::nullopt;
    }
    n.atom = std::string(Trim(s_.substr(start, pos_ - start)));
    return n;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

// Function signatures: parameter names in positional order.
struct Signature {
  std::string_view name;
  std::array<std::string_view, 6> params;
  int required;
};

constexpr std::array<Signature, 37> kFunctions = {{
    {"date", {"y", "m", "d", "yrel", "mrel", "w"}, 0},
    {"numeric", {"a", "b", "y", "", ""}, 2},
    {"decade", {"y", "", "", "", ""}, 1},
    {"century", {"n", "", "", "", ""}, 1},
    {"quarter", {"q", "y", "", "", ""}, 1},
    {"part", {"which", "of", "", "", ""}, 2},
    {"week_of", {"n", "of", "", "", ""}, 2},
    {"nth_weekday", {"n", "w", "of", "span", "off"}, 3},
    {"slice", {"which", "n", "unit", "of", ""}, 4},
    {"day", {"rel", "", "", "", ""}, 1},
    {"overnight", {"into", "", "", "", ""}, 0},
    {"weekday", {"w", "mode", "", "", ""}, 1},
    {"weekday_range", {"w1", "w2", "", "", ""}, 2},
    {"week", {"rel", "", "", "", ""}, 1},
    {"month", {"rel", "", "", "", ""}, 1},
    {"year", {"rel", "", "", "", ""}, 1},
    {"earlier", {"unit", "", "", "", ""}, 1},
    {"later", {"unit", "", "", "", ""}, 1},
    {"ago", {"n", "unit", "exact", "half", ""}, 2},
    {"ahead", {"n", "unit", "exact", "fixed", ""}, 2},
    {"past", {"n", "unit", "", "", ""}, 2},
    {"next", {"n", "unit", "", "", ""}, 2},
    {"recent", {"unit", "", "", "", ""}, 1},
    {"coming", {"unit", "", "", "", ""}, 1},
    {"lasting", {"n", "unit", "", "", ""}, 2},
    {"range", {"d1", "d2", "m1", "m2", "y"}, 2},
    {"since", {"from", "", "", "", ""}, 1},
    {"until", {"to", "", "", "", ""}, 1},
    {"by", {"to", "", "", "", ""}, 1},
    {"season", {"s", "rel", "y", "", ""}, 1},
    {"anchor", {"n", "unit", "now", "rest", ""}, 2},
    {"weekend", {"rel", "span", "", "", ""}, 0},
    {"between", {"from", "to", "", "", ""}, 2},
    {"period", {"unit", "rel", "", "", ""}, 1},
    {"within", {"n", "unit", "", "", ""}, 2},
    {"easter", {"off", "y", "cal", "yrel", ""}, 0},
    {"feast", {"name", "y", "", "", ""}, 1},
}};

const Signature* FindSignature(std::string_view name) {
  // Length and first byte before the compare (a memcmp call): Eval::Run
  // looks the name up for every call of every value.
  for (const auto& f : kFunctions) {
    if (f.name.size() == name.size() && !name.empty() && f.name[0] == name[0] && f.name == name)
      return &f;
  }
  return nullptr;
}

std::string CheckNode(const Node& n) {
  if (!n.call) return {};
  const Signature* sig = FindSignature(n.name);
  if (!sig) return "unknown time function '" + n.name + "'";
  std::size_t positional = 0;
  std::array<bool, 6> seen{};
  for (const auto& [key, arg] : n.args) {
    std::size_t slot = 0;
    if (key.empty()) {
      slot = positional++;
      if (slot >= sig->params.size() || sig->params[slot].empty())
        return "too many arguments to '" + n.name + "'";
    } else {
      slot = sig->params.size();
      for (std::size_t i = 0; i < sig->params.size(); ++i) {
        if (!sig->params[i].empty() && sig->params[i] == key) slot = i;
      }
      if (slot == sig->params.size()) return "'" + n.name + "' has no parameter '" + key + "'";
    }
    if (seen[slot]) return "parameter '" + std::string(sig->params[slot]) + "' given twice";
    seen[slot] = true;
    if (auto e = CheckNode(arg); !e.empty()) return e;
  }
  for (int i = 0; i < sig->required; ++i) {
    if (!seen[static_cast<std::size_t>(i)])
      return "'" + n.name + "' needs '" + std::string(sig->params[static_cast<std::size_t>(i)]) +
             "'";
  }
  return {};
}

// hay[i, i + needle.size()) == needle; the caller checks the bounds. A byte
// loop: the strings are short and most tries fail at the first byte.
bool SameAt(std::string_view hay, std::size_t i, std::string_view needle) {
  for (std::size_t k = 0; k < needle.size(); ++k) {
    if (hay[i + k] != needle[k]) return false;
  }
  return true;
}

bool WordAt(std::string_view lower, std::size_t i, std::string_view word) {
  if (i > lower.size() || lower.size() - i < word.size() || !SameAt(lower, i, word)) return false;
  const bool left = i == 0 || !IsIdentChar(lower[i - 1]);
  const std::size_t e = i + word.size();
  const bool right = e >= lower.size() || !IsIdentChar(lower[e]);
  return left && right;
}

bool ContainsWord(std::string_view lower, std::string_view word) {
  for (std::size_t i = lower.find(word); i != std::string_view::npos; i = lower.find(word, i + 1)) {
    if (WordAt(lower, i, word)) return true;
  }
  return false;
}

// --------------------------------------------------------------- evaluation

// The tense of a phrase, worked out on first use: most values never ask
// ("yesterday", "in 2021"), and TenseAt cost an eighth of `eventline dates`.
struct TenseSource {
  Tense (*compute)(const void*) = nullptr;
  const void* arg = nullptr;
  mutable std::optional<Tense> value;
  Tense Get() const {
    if (!value) value = compute(arg);
    return *value;
  }
};

// Eval's view of the source: `tense` reads kNearest as kPast, `nearest`
// tells kNearest apart; a function may set either for its inner value
// (since(), by()) and put the saved copy back.
class LazyTense {
 public:
  explicit LazyTense(const TenseSource& s) : source_(&s) {}
  operator Tense() const {  // NOLINT(google-explicit-constructor): reads as the enum
    if (set_) return value_;
    const Tense t = source_->Get();
    return t == Tense::kNearest ? Tense::kPast : t;
  }
  LazyTense& operator=(Tense t) {
    value_ = t;
    set_ = true;
    return *this;
  }

 private:
  const TenseSource* source_;
  Tense value_ = Tense::kPast;
  bool set_ = false;
};

class LazyNearest {
 public:
  explicit LazyNearest(const TenseSource& s) : source_(&s) {}
  operator bool() const {  // NOLINT(google-explicit-constructor)
    return set_ ? value_ : source_->Get() == Tense::kNearest;
  }
  LazyNearest& operator=(bool b) {
    value_ = b;
    set_ = true;
    return *this;
  }

 private:
  const TenseSource* source_;
  bool value_ = false;
  bool set_ = false;
};

struct Eval {
  const TimeCaptures& captures;
  const TimeContext& ctx;
  LazyTense tense;
  std::string error;
  bool needs_ref = false;              // a pub date (or anchor) was needed and missing
  LazyNearest nearest;                 // Tense::kNearest (then `tense` is kPast)
  std::optional<Interval> anchor;      // Resolution::anchor
  std::optional<Interval> since_from;  // Resolution::since_from
  bool no_date = false;                // Resolution::no_date

  // Arguments of one call, by parameter name.
  struct Args {
    const Node* node;
    const Signature* sig;
    const Node* Get(std::string_view name) const {
      std::size_t positional = 0;
      for (const auto& [key, arg] : node->args) {
        std::string_view k = key;
        if (k.empty()) k = sig->params[positional++];
        if (k == name) return &arg;
      }
      return nullptr;
    }
  };

  std::string Text(const Node* n) const {
    if (!n || n->call) return {};
    const std::string& a = n->atom;
    // Most atoms are a capture alone ("{w}") or a literal ("this"): no
    // buffer to fill and copy again.
    if (a.size() > 2 && a.front() == '{' && a.find('}') == a.size() - 1) {
      const std::string_view name = std::string_view(a).substr(1, a.size() - 2);
      for (const auto& [cn, ct] : captures) {
        if (cn == name) return std::string(Trim(ct));
      }
      return {};
    }
    if (a.find('{') == std::string::npos) return std::string(Trim(a));
    std::string out;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == '{') {
        const auto close = a.find('}', i);
        const std::string_view name = std::string_view(a).substr(i + 1, close - i - 1);
        for (const auto& [cn, ct] : captures) {
          if (cn == name) {
            out.append(ct);
            break;
          }
        }
        i = close;
        continue;
      }
      out.push_back(a[i]);
    }
    return std::string(Trim(out));
  }

  std::optional<Date> Ref() {
    if (!ctx.pub_date) {
      needs_ref = true;
      return std::nullopt;
    }
    return ctx.pub_date;
  }

  std::optional<Interval> Fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return std::nullopt;
  }

  // 4-digit, or 2-digit ("90", "'90") resolved to the century that puts it
  // nearest the reference year without going more than 10 years past it.
  std::optional<int> Year(std::string_view text) {
    std::string s = LowerTrim(text);
    if (!s.empty() && (s.front() == '\'')) s.erase(0, 1);
    if (s.size() >= 3 && s.compare(0, 3, "\xE2\x80\x99") == 0) s.erase(0, 3);
    if (!AllDigits(s)) return std::nullopt;
    if (s.size() == 4) return std::stoi(s);
    if (s.size() != 2) return std::nullopt;
    const int yy = std::stoi(s);
    const int ref = ctx.pub_date ? YearOf(*ctx.pub_date) : 2000;
    int y = (ref / 100) * 100 + yy;
    if (y > ref + 10) y -= 100;
    if (y <= ref - 90) y += 100;
    return y;
  }

  // The year for a month/day phrase with no year: pub year, moved back one
  // when the span would start after pub_date in a past sentence, forward one
  // when it would end before pub_date in a future sentence.
  std::optional<int> InferYear(unsigned m_first, unsigned d_first, unsigned m_last,
                               unsigned d_last) {
    auto p = Ref();
    if (!p) return std::nullopt;
    int y = YearOf(*p);
    const Date first = MakeDate(y, m_first, std::min(d_first, DayOf(LastOfMonth(y, m_first))));
    const Date last = MakeDate(y, m_last, std::min(d_last, DayOf(LastOfMonth(y, m_last))));
    // Pub inside the span: every reading below gives pub's year (the
    // nearest occurrence is the one at distance 0), so the phrase's tense,
    // worked out on first use, need not be (h-speed43).
    if (first <= *p && *p <= last) return y;
    if (nearest) {  // the occurrence nearest pub (containing it: distance 0)
      int best = y, best_distance = -1;
      for (int c : {y - 1, y, y + 1}) {
        const Date a = MakeDate(c, m_first, std::min(d_first, DayOf(LastOfMonth(c, m_first))));
        const Date b = MakeDate(c, m_last, std::min(d_last, DayOf(LastOfMonth(c, m_last))));
        // A later occurrence counts double: news mostly looks back.
        const int distance = *p < a ? 2 * DaysBetween(*p, a) : (b < *p ? DaysBetween(b, *p) : 0);
        if (best_distance < 0 || distance < best_distance) {
          best = c;
          best_distance = distance;
        }
      }
      return best;
    }
    if (tense == Tense::kPast && first > *p) return y - 1;
    if (tense == Tense::kFuture && last < *p) return y + 1;
    return y;
  }

  std::optional<Interval> Run(const Node& n) {
    const Signature* sig = FindSignature(n.name);
    if (!sig) return Fail("unknown time function '" + n.name + "'");
    Args a{&n, sig};
    // A view: comparing it with a literal checks the length first, where
    // std::string == const char* calls strlen and memcmp.
    const std::string_view f = n.name;
    if (f == "date")
      return DateFn(Text(a.Get("y")), Text(a.Get("m")), Text(a.Get("d")), Text(a.Get("yrel")),
                    Text(a.Get("mrel")), Text(a.Get("w")));
    if (f == "numeric") return Numeric(Text(a.Get("a")), Text(a.Get("b")), Text(a.Get("y")));
    if (f == "decade") return Decade(Text(a.Get("y")));
    if (f == "century") return Century(Text(a.Get("n")));
    if (f == "quarter") return Quarter(Text(a.Get("q")), Text(a.Get("y")));
    if (f == "part") return Part(Text(a.Get("which")), a.Get("of"));
    if (f == "week_of") return WeekOf(Text(a.Get("n")), a.Get("of"));
    if (f == "slice")
      return Slice(Text(a.Get("which")), Text(a.Get("n")), Text(a.Get("unit")), a.Get("of"));
    if (f == "nth_weekday")
      return NthWeekday(Text(a.Get("n")), Text(a.Get("w")), a.Get("of"), Text(a.Get("span")),
                        Text(a.Get("off")));
    if (f == "day") return RelDay(Text(a.Get("rel")));
    if (f == "overnight") {
      // "overnight into Sunday": the night before the nested day, to that day.
      if (const Node* into = a.Get("into")) {
        auto day = Inner(into);
        if (!day || !day->start || !day->end) return std::nullopt;
        return Span(AddDays(*day->start, -1), *day->end);
      }
      auto p = Ref();
      if (!p) return std::nullopt;
      return Span(AddDays(*p, -1), *p);
    }
    if (f == "weekday") return WeekdayFn(Text(a.Get("w")), Text(a.Get("mode")));
    if (f == "weekday_range") return WeekdayRange(Text(a.Get("w1")), Text(a.Get("w2")));
    if (f == "week" || f == "month" || f == "year") return Calendar(n.name, Text(a.Get("rel")));
    if (f == "earlier" || f == "later") return EarlierLater(f == "later", Text(a.Get("unit")));
    // anchor(..., now=1): "a year on" with no date before it means "a year
    // after the event", the time of writing: pub, not pub + a year.
    if (f == "anchor" && !ctx.anchor && !Text(a.Get("now")).empty()) {
      auto p = Ref();
      if (!p) return std::nullopt;
      return DayInterval(*p);
    }
    // "A year later, the families still sleep in shelters", "Twenty years
    // later, the veterans still argue" (h-dates27): years later with no date
    // before it, in a sentence with neither a past verb nor a future cue,
    // is the time of writing, as "a year on": pub's year, not pub + n.
    if (f == "anchor" && !ctx.anchor && Text(a.Get("now")).empty() && nearest) {
      const std::string unit = LowerTrim(Text(a.Get("unit")));
      const auto count = ParseCount(Text(a.Get("n")));
      // Only later ("the previous year" counts back: anchor(-1, year)).
      if (count && *count > 0 && (unit.starts_with("year") || unit.starts_with("decade"))) {
        auto p = Ref();
        if (!p) return std::nullopt;
        return YearInterval(YearOf(*p));
      }
    }
    // anchor(1, monday), anchor(-1, friday): "the following Monday", "the
    // previous Friday" (h-dates18): the first such weekday strictly after /
    // before the anchor (pub with none), n of them for a larger n.
    if (f == "anchor") {
      if (auto iv = AnchorSpan(Text(a.Get("n")), LowerTrim(Text(a.Get("unit"))),
                               !Text(a.Get("rest")).empty()))
        return *iv;
      if (!error.empty()) return std::nullopt;
      if (const auto w = ParseWeekday(Text(a.Get("unit")))) {
        const auto base = ctx.anchor ? ctx.anchor : Ref();
        if (!base) return std::nullopt;
        const auto count = ParseCount(Text(a.Get("n")));
        if (!count || *count == 0) return Fail("anchor() with a weekday needs a non-zero count");
        const int k = *count;
        Date d = *base;
        for (int left = std::abs(k); left > 0;) {
          d = AddDays(d, k > 0 ? 1 : -1);
          if (chr::weekday{static_cast<chr::sys_days>(d)} == *w) --left;
        }
        return DayInterval(d);
      }
    }
    if (f == "ago" || f == "ahead" || f == "anchor")
      return Shift(n.name, Text(a.Get("n")), Text(a.Get("unit")), LowerTrim(Text(a.Get("exact"))),
                   !Text(a.Get("fixed")).empty(), !Text(a.Get("half")).empty());
    if (f == "past" || f == "next" || f == "lasting" || f == "within")
      return Window(n.name, Text(a.Get("n")), Text(a.Get("unit")));
    if (f == "recent" || f == "coming") return Vague(f == "coming", Text(a.Get("unit")));
    if (f == "range")
      return Range(Text(a.Get("d1")), Text(a.Get("d2")), Text(a.Get("m1")), Text(a.Get("m2")),
                   Text(a.Get("y")));
    if (f == "since" || f == "until" || f == "by")
      return Bound(n.name, a.Get(f == "since" ? "from" : "to"));
    if (f == "weekend") return Weekend(Text(a.Get("rel")), Text(a.Get("span")));
    if (f == "easter")
      return EasterFn(Text(a.Get("off")), Text(a.Get("y")), Text(a.Get("cal")),
                      Text(a.Get("yrel")));
    if (f == "feast") return FeastFn(Text(a.Get("name")), Text(a.Get("y")));
    if (f == "between") return Between(a.Get("from"), a.Get("to"));
    if (f == "period" && LowerTrim(Text(a.Get("unit"))) == "quarter") {
      // "this quarter", "next quarter", "the current quarter" (h-dates18):
      // the calendar quarter holding pub, moved by rel quarters, range.
      const std::string rel = Text(a.Get("rel"));
      const auto r = ParseRel(rel.empty() ? "this" : rel);
      if (!r) return Fail("period(quarter) needs this, last, next or an offset, not '" + rel + "'");
      auto p = Ref();
      if (!p) return std::nullopt;
      const unsigned first = (MonthOf(*p) - 1) / 3 * 3 + 1;
      const Date start = AddMonths(MakeDate(YearOf(*p), first, 1), 3 * *r);
      return Span(start, AddDays(AddMonths(start, 3), -1));
    }
    if (f == "period") {
      const auto u = ParseUnit(Text(a.Get("unit")));
      if (!u || (*u != Unit::kWeek && *u != Unit::kMonth && *u != Unit::kYear))
        return Fail("period() needs week, month or year, not '" + Text(a.Get("unit")) + "'");
      const std::string rel = Text(a.Get("rel"));
      return Calendar(*u == Unit::kWeek    ? "week"
                      : *u == Unit::kMonth ? "month"
                                           : "year",
                      rel.empty() ? "this" : rel);
    }
    if (f == "season") return Season(Text(a.Get("s")), Text(a.Get("rel")), Text(a.Get("y")));
    return Fail("unknown time function '" + n.name + "'");
  }

  std::optional<Interval> Inner(const Node* n) {
    if (!n) return Fail("missing argument");
    if (n->call) return Run(*n);
    return Fail("expected a nested time value such as month(this)");
  }

  // `yrel` ("last year"): the year relative to pub's. `mrel` ("last March",
  // "next June"): the nearest such month strictly before / after pub's month,
  // or this year's for `this`.
  // `w` ("Thursday 3 March"): when the year is inferred, the year before or
  // after is taken instead if only there the day falls on that weekday.
  std::optional<Interval> DateFn(const std::string& ys, const std::string& ms,
                                 const std::string& ds, const std::string& yrel = {},
                                 const std::string& mrel = {}, const std::string& ws = {}) {
    std::optional<int> y;
    if (!ys.empty()) {
      y = Year(ys);
      if (!y) return Fail("not a year: '" + ys + "'");
    }
    std::optional<unsigned> m;
    if (!ms.empty()) {
      m = ParseMonth(ms);
      if (!m) return Fail("not a month: '" + ms + "'");
    }
    if (!y && !yrel.empty()) {
      const auto r = ParseRel(yrel);
      if (!r) return Fail("not a relative year: '" + yrel + "'");
      auto p = Ref();
      if (!p) return std::nullopt;
      y = YearOf(*p) + *r;
    }
    if (!y && !mrel.empty()) {
      const auto r = ParseRel(mrel);
      if (!r) return Fail("not a relative month: '" + mrel + "'");
      if (!m) return Fail("mrel needs m");
      auto p = Ref();
      if (!p) return std::nullopt;
      const int py = YearOf(*p);
      const unsigned pm = MonthOf(*p);
      if (*r < 0)
        y = *m < pm ? py : py - 1;
      else if (*r > 0)
        y = *m > pm ? py : py + 1;
      else
        y = py;
    }
    std::optional<unsigned> d;
    // d=last: the month's last day ("the last day of January").
    const bool last_day = LowerTrim(ds) == "last" || LowerTrim(ds) == "final";
    if (last_day && !m) return Fail("d=last needs m");
    if (last_day) {
      d = 31;  // for the year inference; cut to the month's length below
    } else if (!ds.empty()) {
      const auto v = ParseCardinalOrOrdinal(ds);
      if (!v || *v < 1 || *v > 31) return Fail("not a day of the month: '" + ds + "'");
      d = static_cast<unsigned>(*v);
    }
    if (!m) {
      if (d) {  // "on the 3rd": a day in the publication month (or the one before/after)
        auto p = Ref();
        if (!p) return std::nullopt;
        Date cand = MakeDate(YearOf(*p), MonthOf(*p), *d);
        // No tense: that day of the month before, pub's or the next, the
        // nearest pub, a later one counting double (as for "on 9 August").
        if (nearest) {
          const Date first = MakeDate(YearOf(*p), MonthOf(*p), 1);
          int best = -1;
          Date out{};
          for (int k : {-1, 0, 1}) {
            const Date f = AddMonths(first, k);
            const Date x = MakeDate(YearOf(f), MonthOf(f), *d);
            if (!x.ok()) continue;
            const int dist = *p < x ? 2 * DaysBetween(*p, x) : DaysBetween(x, *p);
            if (best < 0 || dist < best) {
              best = dist;
              out = x;
            }
          }
          if (best >= 0) return DayInterval(out);
        }
        if (tense == Tense::kPast && (!cand.ok() || cand > *p))
          cand = AddMonths(MakeDate(YearOf(*p), MonthOf(*p), 1), -1);
        else if (tense == Tense::kFuture && (!cand.ok() || cand < *p))
          cand = AddMonths(MakeDate(YearOf(*p), MonthOf(*p), 1), 1);
        else
          return DayInterval(cand);
        const Date out = MakeDate(YearOf(cand), MonthOf(cand), *d);
        if (!out.ok()) return Fail("no such day: '" + ds + "'");
        return DayInterval(out);
      }
      if (!y) return Fail("date() needs y, m or d");
      return YearInterval(*y);
    }
    if (!y) {
      y = d ? InferYear(*m, *d, *m, *d) : InferYear(*m, 1, *m, 31);
      if (!y) return std::nullopt;
      const auto w = ws.empty() ? std::nullopt : ParseWeekday(ws);
      if (d && w && MakeDate(*y, *m, *d).ok() && WeekdayOf(MakeDate(*y, *m, *d)) != *w) {
        for (int c : {*y - 1, *y + 1}) {
          const Date alt = MakeDate(c, *m, *d);
          if (alt.ok() && WeekdayOf(alt) == *w) {
            y = c;
            break;
          }
        }
      }
    }
    if (!d) return MonthInterval(*y, *m);
    if (last_day) d = DayOf(LastOfMonth(*y, *m));
    const Date out = MakeDate(*y, *m, *d);
    if (!out.ok())
      return Fail("no such date: day " + std::to_string(*d) + " of month " + std::to_string(*m) +
                  " in " + std::to_string(*y));
    return DayInterval(out);
  }

  std::optional<Interval> Numeric(const std::string& as, const std::string& bs,
                                  const std::string& ys) {
    if (!AllDigits(as) || !AllDigits(bs) || as.size() > 2 || bs.size() > 2)
      return Fail("numeric() needs two small numbers");
    const unsigned a = static_cast<unsigned>(std::stoi(as)),
                   b = static_cast<unsigned>(std::stoi(bs));
    std::optional<int> y;
    if (!ys.empty()) {
      y = Year(ys);
      if (!y) return Fail("not a year: '" + ys + "'");
    }
    auto build = [&](unsigned d, unsigned m) -> std::optional<Date> {
      if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
      int yy = 0;
      if (y) {
        yy = *y;
      } else {
        const auto iy = InferYear(m, d, m, d);
        if (!iy) return std::nullopt;
        yy = *iy;
      }
      const Date out = MakeDate(yy, m, d);
      if (!out.ok()) return std::nullopt;
      return out;
    };
    const bool day_first = ctx.order == DateOrder::kDayFirst;
    auto primary = day_first ? build(a, b) : build(b, a);
    auto other = day_first ? build(b, a) : build(a, b);
    // Without a year ("on 6/11"), the reading nearer publication wins (a later
    // one counting double, as for nearest()): a yearless date in news is a
    // recent one, and US copy writes month first whatever --date-order says.
    if (!y && primary && other && ctx.pub_date) {
      const Date p = *ctx.pub_date;
      auto distance = [&](const Date& x) {
        return p < x ? 2 * DaysBetween(p, x) : DaysBetween(x, p);
      };
      if (distance(*other) < distance(*primary)) std::swap(primary, other);
    }
    if (!primary && !other) {
      if (needs_ref) return std::nullopt;
      return Fail("no such date: '" + as + "/" + bs + "'");
    }
    if (!primary) return DayInterval(*other);  // only one reading is a date: no ambiguity
    Interval iv = DayInterval(*primary);
    if (other && *other != *primary) iv.alternative = FormatIsoDate(*other);
    return iv;
  }

  std::optional<Interval> Decade(const std::string& ys) {
    std::string s = LowerTrim(ys);
    // In words: "nineties" = '90s, "nineteen-nineties" = 1990s (h-dateset2).
    {
      static constexpr std::array<std::string_view, 8> kTens = {"twenties", "thirties", "forties",
                                                                "fifties",  "sixties",  "seventies",
                                                                "eighties", "nineties"};
      std::string_view w = s;
      std::string century;
      for (std::string_view pre : {"nineteen-", "nineteen ", "nineteen"}) {
        if (w.substr(0, pre.size()) == pre) {
          w.remove_prefix(pre.size());
          century = "19";
          break;
        }
      }
      for (std::size_t i = 0; i < kTens.size(); ++i) {
        if (w == kTens[i]) {
          s = (century.empty() ? std::string("'") : century) + std::to_string(i + 2) + "0";
          break;
        }
      }
    }
    if (!s.empty() && s.back() == 's') s.pop_back();
    auto y = Year(s);
    if (!y || *y % 10 != 0) return Fail("not a decade: '" + ys + "'");
    // A decade in two digits ("the 30s", "the '30s") is one that has begun:
    // read in 2023, "Germany in the 30s" is the 1930s, "the 20s" the 2020s.
    const bool two_digits = !(s.size() == 4 && AllDigits(s));
    if (two_digits && ctx.pub_date && *y > YearOf(*ctx.pub_date)) *y -= 100;
    return Span(MakeDate(*y, 1, 1), MakeDate(*y + 9, 12, 31));
  }

  // "the 19th century" = 1800-01-01..1899-12-31 (h-dates12): the hundred
  // years named by their first two digits, as news and HeidelTime read it,
  // not 1801..1900.
  std::optional<Interval> Century(const std::string& ns) {
    // "the 1700s" (h-dates19): a year ending in 00 names its century.
    const bool hundreds = ns.size() == 4 && ns[2] == '0' && ns[3] == '0' &&
                          std::isdigit(static_cast<unsigned char>(ns[0])) &&
                          std::isdigit(static_cast<unsigned char>(ns[1]));
    const auto n =
        hundreds ? std::optional<long>(std::stol(ns.substr(0, 2)) + 1) : ParseCardinalOrOrdinal(ns);
    if (!n || *n < 1 || *n > 21) return Fail("not a century: '" + ns + "'");
    const int y = static_cast<int>(*n - 1) * 100;
    return Span(MakeDate(y, 1, 1), MakeDate(y + 99, 12, 31));
  }

  std::optional<Interval> Quarter(const std::string& qs, const std::string& ys) {
    // "h1" / "h2": a half of the year ("in H2", h-dates10), inferred alike.
    const std::string ql = LowerTrim(qs);
    const bool half = ql == "h1" || ql == "h2";
    // "the last / final quarter of next year" (time.quarter.relyear): the fourth.
    const bool last = ql == "last" || ql == "final";
    const auto q = half   ? std::optional<long>(ql == "h1" ? 1 : 2)
                   : last ? std::optional<long>(4)
                          : ParseCardinalOrOrdinal(qs);
    if (!q || *q < 1 || *q > 4) return Fail("not a quarter: '" + qs + "'");
    const unsigned m1 = static_cast<unsigned>(half ? *q * 6 - 5 : *q * 3 - 2),
                   m3 = static_cast<unsigned>(half ? *q * 6 : *q * 3);
    std::optional<int> y;
    const std::string yl = LowerTrim(ys);
    if (yl == "last" || yl == "this" || yl == "next") {
      // "the first quarter of next year" (h-dates32): pub's year moved.
      auto p = Ref();
      if (!p) return std::nullopt;
      y = YearOf(*p) + (yl == "last" ? -1 : yl == "next" ? 1 : 0);
    } else if (!ys.empty()) {
      y = Year(ys);
      if (!y) return Fail("not a year: '" + ys + "'");
    } else {
      y = InferYear(m1, 1, m3, 28);
      if (!y) return std::nullopt;
    }
    return Span(MakeDate(*y, m1, 1), LastOfMonth(*y, m3));
  }

  std::optional<Interval> Part(const std::string& which_s, const Node* of) {
    auto inner = Inner(of);
    if (!inner || !inner->start || !inner->end) return std::nullopt;
    const std::string w0 = LowerTrim(which_s);
    if (w0.empty()) return inner;  // an optional capture left unset: the whole period
    std::string w = w0;
    for (std::string_view key : {"early", "beginning", "start", "first", "opening", "middle", "mid",
                                 "late", "end", "last", "final", "closing"}) {
      if (ContainsWord(w0, key)) {
        w = std::string(key);
        break;
      }
    }
    int third = -1;
    if (w == "early" || w == "start" || w == "beginning" || w == "first" || w == "opening")
      third = 0;
    if (w == "mid" || w == "middle") third = 1;
    if (w == "late" || w == "end" || w == "last" || w == "final" || w == "closing") third = 2;
    if (third < 0) return Fail("part() needs early, mid or late, not '" + which_s + "'");
    const Date s = *inner->start, e = *inner->end;
    Date a = s, b = e;
    switch (inner->precision) {
      case Precision::kMonth: {  // 1-10, 11-20, 21-end
        const int y = YearOf(s);
        const unsigned m = MonthOf(s);
        a = MakeDate(y, m, third == 0 ? 1u : third == 1 ? 11u : 21u);
        b = third == 0 ? MakeDate(y, m, 10) : third == 1 ? MakeDate(y, m, 20) : e;
        break;
      }
      case Precision::kYear: {  // Jan-Apr, May-Aug, Sep-Dec
        const int y = YearOf(s);
        const unsigned m1 = static_cast<unsigned>(1 + 4 * third);
        a = MakeDate(y, m1, 1);
        b = LastOfMonth(y, m1 + 3);
        break;
      }
      default: {
        // A decade ("the late 1990s"): years 0-3, 4-6, 7-9.
        if (MonthOf(s) == 1 && DayOf(s) == 1 && YearOf(s) % 10 == 0 && MonthOf(e) == 12 &&
            DayOf(e) == 31 && YearOf(e) == YearOf(s) + 9) {
          const int y = YearOf(s);
          a = MakeDate(y + (third == 0 ? 0 : third == 1 ? 4 : 7), 1, 1);
          b = MakeDate(y + (third == 0 ? 3 : third == 1 ? 6 : 9), 12, 31);
          break;
        }
        // A century ("the late 18th century", "the mid-1700s", h-dates19):
        // years 0-33, 34-66, 67-99.
        if (MonthOf(s) == 1 && DayOf(s) == 1 && YearOf(s) % 100 == 0 && MonthOf(e) == 12 &&
            DayOf(e) == 31 && YearOf(e) == YearOf(s) + 99) {
          const int y = YearOf(s);
          a = MakeDate(y + (third == 0 ? 0 : third == 1 ? 34 : 67), 1, 1);
          b = MakeDate(y + (third == 0 ? 33 : third == 1 ? 66 : 99), 12, 31);
          break;
        }
        // Any other span: thirds by days.
        const int len = DaysBetween(s, e) + 1;
        const int cut1 = len / 3, cut2 = (2 * len) / 3;
        a = AddDays(s, third == 0 ? 0 : third == 1 ? cut1 : cut2);
        b = AddDays(s, third == 0 ? cut1 - 1 : third == 1 ? cut2 - 1 : len - 1);
        if (b < a) b = a;
      }
    }
    return Span(a, b);
  }

  std::optional<Interval> WeekOf(const std::string& ns, const Node* of) {
    auto inner = Inner(of);
    if (!inner || !inner->start || !inner->end) return std::nullopt;
    const std::string w = LowerTrim(ns);
    if (w == "last" || w == "final") {
      return Interval{AddDays(*inner->end, -6), *inner->end, Precision::kWeek, {}};
    }
    const auto n = ParseCardinalOrOrdinal(ns);
    if (!n || *n < 1 || *n > 5) return Fail("not a week number: '" + ns + "'");
    const Date a = AddDays(*inner->start, static_cast<int>(*n - 1) * 7);
    if (a > *inner->end) return Fail("no such week: '" + ns + "'");
    Date b = AddDays(a, 6);
    if (b > *inner->end) b = *inner->end;
    return Interval{a, b, Precision::kWeek, {}};
  }

  // "the first ten days of April", "the last three months of the year": the
  // first / last n days, weeks or months of a nested period, cut to it.
  std::optional<Interval> Slice(const std::string& which_s, const std::string& ns,
                                const std::string& unit_s, const Node* of) {
    const std::string which = LowerTrim(which_s);
    const bool last = which == "last" || which == "final" || which == "closing";
    if (!last && which != "first" && which != "opening")
      return Fail("slice() needs first or last, not '" + which_s + "'");
    const auto n = ParseCount(ns);
    if (!n || *n < 1) return Fail("not a count: '" + ns + "'");
    const auto u = ParseUnit(unit_s);
    if (!u || (*u != Unit::kDay && *u != Unit::kWeek && *u != Unit::kMonth))
      return Fail("slice() needs days, weeks or months, not '" + unit_s + "'");
    auto inner = Inner(of);
    if (!inner || !inner->start || !inner->end) return std::nullopt;
    Date a = *inner->start, b = *inner->end;
    if (last) {
      a = *u == Unit::kMonth ? AddMonths(MakeDate(YearOf(b), MonthOf(b), 1), -(*n - 1))
                             : AddDays(Move(b, -*n, *u), 1);
      if (a < *inner->start) a = *inner->start;
    } else {
      b = AddDays(Move(a, *n, *u), -1);
      if (b > *inner->end) b = *inner->end;
    }
    // "the last three months of the year" read on 1 January in a past
    // sentence: the year before (a slice of the pub year that starts after
    // pub cannot hold a past event).
    const auto p = ctx.pub_date;
    if (p && tense == Tense::kPast && !nearest && a > *p &&
        *inner->start == MakeDate(YearOf(*p), 1, 1) &&
        *inner->end == MakeDate(YearOf(*p), 12, 31)) {
      a = AddMonths(a, -12);
      b = AddMonths(b, -12);
      if (MonthOf(b) == 2 && DayOf(b) == 28 && LastOfMonth(YearOf(b), 2) != b)
        b = LastOfMonth(YearOf(b), 2);
    }
    // A slice of one day is that day ("the first day of Ramadan"), of one
    // week a week ("the week of 4 March"), of one calendar month a month
    // ("the first month of 2021", h-dates36).
    const Precision prec =
        a == b                                               ? Precision::kDay
        : *n == 1 && *u == Unit::kWeek && b == AddDays(a, 6) ? Precision::kWeek
        : *n == 1 && *u == Unit::kMonth && DayOf(a) == 1 && b == LastOfMonth(YearOf(a), MonthOf(a))
            ? Precision::kMonth
            : Precision::kRange;
    anchor = Interval{a, b, prec, {}};
    return Interval{a, b, prec, {}};
  }

  // "the last Saturday of June", "the second Tuesday in March": the n-th (or
  // last) such weekday of a nested month.
  // `span_s`: days added after the weekday, a range ("the first weekend of
  // December" = the first Saturday and the Sunday after it: span=1).
  // `off_s`: days added to the weekday first, a signed count ("Black Friday"
  // = the fourth Thursday of November + 1; "Memorial Day weekend" = the last
  // Monday of May - 2, span 2) (h-dates25).
  std::optional<Interval> NthWeekday(const std::string& ns, const std::string& ws, const Node* of,
                                     const std::string& span_s, const std::string& off_s) {
    const auto w = ParseWeekday(ws);
    if (!w) return Fail("not a weekday: '" + ws + "'");
    int span = 0;
    if (!span_s.empty()) {
      const auto sp = ParseRel(span_s);
      if (!sp || *sp < 0) return Fail("nth_weekday() needs a span of days, not '" + span_s + "'");
      span = *sp;
    }
    int off = 0;
    if (!off_s.empty()) {
      const auto o = ParseRel(off_s);
      if (!o) return Fail("nth_weekday() needs an offset of days, not '" + off_s + "'");
      off = *o;
    }
    const auto with_span = [span, off](const Date& found) {
      const Date d = AddDays(found, off);
      return span ? Span(d, AddDays(d, span)) : DayInterval(d);
    };
    const std::string n_s = LowerTrim(ns);
    const bool last = n_s == "last" || n_s == "final";
    std::optional<std::int64_t> n;
    if (!last) {
      n = ParseCardinalOrOrdinal(ns);
      if (!n || *n < 1 || *n > 5) return Fail("not a weekday number: '" + ns + "'");
    }
    auto inner = Inner(of);
    if (!inner || !inner->start || !inner->end) return std::nullopt;
    if (last) {
      const chr::sys_days e{*inner->end};
      return with_span(Date{e - (chr::weekday{e} - *w)});
    }
    const chr::sys_days s{*inner->start};
    const Date d{s + (*w - chr::weekday{s}) + chr::days{7 * (*n - 1)}};
    if (d > *inner->end) return Fail("no such weekday: '" + ns + " " + ws + "'");
    return with_span(d);
  }

  std::optional<Interval> RelDay(const std::string& rel) {
    const auto r = ParseRel(rel);
    if (!r) return Fail("day() needs an offset, not '" + rel + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    return DayInterval(AddDays(*p, *r));
  }

  std::optional<Interval> WeekdayFn(const std::string& ws, const std::string& mode_s) {
    const auto w = ParseWeekday(ws);
    if (!w) return Fail("not a weekday: '" + ws + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    std::string mode = LowerTrim(mode_s);
    // "this past" / "past" = the most recent such day; "this coming" /
    // "coming" = the first one ahead; "last" / "next" = that day in the
    // previous / next Monday-Sunday week (AP style: a day of the current week
    // is named bare), the nearest one kept in `alternative`.
    if (ContainsWord(mode, "past"))
      mode = "recent";
    else if (ContainsWord(mode, "coming"))
      mode = "upcoming";
    else if (ContainsWord(mode, "last") || ContainsWord(mode, "previous"))
      mode = "last";
    else if (ContainsWord(mode, "next"))
      mode = "next";
    const int pi = IsoIndex(WeekdayOf(*p)), wi = IsoIndex(*w);
    const Date monday = MondayOf(*p);
    if (mode.empty() || mode == "bare" || mode == "on") {
      // Pub's own weekday is pub either way: no need to read the tense.
      if (wi == pi) return DayInterval(*p);
      if (tense == Tense::kFuture) return DayInterval(AddDays(*p, (wi - pi + 7) % 7));
      return DayInterval(AddDays(*p, -((pi - wi + 7) % 7)));
    }
    int back = (pi - wi + 7) % 7;
    if (back == 0) back = 7;
    int ahead = (wi - pi + 7) % 7;
    if (ahead == 0) ahead = 7;
    const Date recent = AddDays(*p, -back), upcoming = AddDays(*p, ahead);
    if (mode == "recent") return DayInterval(recent);
    if (mode == "upcoming") return DayInterval(upcoming);
    if (mode == "last") {
      Interval iv = DayInterval(AddDays(monday, wi - 7));
      if (*iv.start != recent) iv.alternative = FormatIsoDate(recent);
      return iv;
    }
    if (mode == "next") {
      Interval iv = DayInterval(AddDays(monday, wi + 7));
      if (*iv.start != upcoming) iv.alternative = FormatIsoDate(upcoming);
      return iv;
    }
    if (mode == "this") return DayInterval(AddDays(monday, wi));
    // UK "Tuesday week", "a week on Friday" (h-dates19): a week after the
    // coming such day (said on a Tuesday, "Tuesday week" is pub + 7).
    if (mode == "week") return DayInterval(AddDays(*p, (wi - pi + 7) % 7 + 7));
    return Fail("weekday() mode must be bare, last, next, this or week, not '" + mode_s + "'");
  }

  std::optional<Interval> WeekdayRange(const std::string& w1s, const std::string& w2s) {
    const auto w1 = ParseWeekday(w1s), w2 = ParseWeekday(w2s);
    if (!w1 || !w2) return Fail("not a weekday: '" + (w1 ? w2s : w1s) + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    const int pi = IsoIndex(WeekdayOf(*p)), i1 = IsoIndex(*w1), i2 = IsoIndex(*w2);
    const int len = (i2 - i1 + 7) % 7;
    if (tense == Tense::kFuture) {
      const Date a = AddDays(*p, (i1 - pi + 7) % 7);
      return Span(a, AddDays(a, len));
    }
    const Date b = AddDays(*p, -((pi - i2 + 7) % 7));
    return Span(AddDays(b, -len), b);
  }

  std::optional<Interval> Calendar(const std::string& f, const std::string& rel_s) {
    if (f == "year" && LowerTrim(rel_s) == "new") {
      // year(new): "in the new year" (h-dates20). A past sentence tells of
      // the year that has begun ("days into the new year", read in June);
      // otherwise the next one, but in January or February the current.
      auto p = Ref();
      if (!p) return std::nullopt;
      const bool begun = (tense == Tense::kPast && !nearest) || MonthOf(*p) <= 2;
      return YearInterval(YearOf(*p) + (begun ? 0 : 1));
    }
    const auto r = ParseRel(rel_s);
    if (!r) return Fail(f + "() needs this, last, next or an offset, not '" + rel_s + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    if (f == "week") return WeekInterval(AddDays(*p, 7 * *r));
    if (f == "month") {
      const Date d = AddMonths(MakeDate(YearOf(*p), MonthOf(*p), 1), *r);
      return MonthInterval(YearOf(d), MonthOf(d));
    }
    return YearInterval(YearOf(*p) + *r);
  }

  std::optional<Interval> UnitInterval(Unit u, const Date& p) {
    switch (u) {
      case Unit::kWeek:
        return WeekInterval(p);
      case Unit::kMonth:
        return MonthInterval(YearOf(p), MonthOf(p));
      case Unit::kYear:
        return YearInterval(YearOf(p));
      default:
        return std::nullopt;
    }
  }

  std::optional<Interval> EarlierLater(bool later, const std::string& unit_s) {
    // "earlier in April", "later in May" (h-dates20): the month as `in April`
    // reads it; when that is pub's month, its part before / after pub, as
    // "earlier / later this month".
    if (ParseMonth(unit_s)) {
      auto month = DateFn({}, unit_s, {});
      auto p = Ref();
      if (!month || !p || !month->start || *month->start > *p || *month->end < *p) return month;
      return EarlierLater(later, "month");
    }
    const auto u = ParseUnit(unit_s);
    if (!u || (*u != Unit::kWeek && *u != Unit::kMonth && *u != Unit::kYear))
      return Fail("earlier()/later() need week, month or year, not '" + unit_s + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    const Interval whole = *UnitInterval(*u, *p);
    if (later) {
      const Date a = std::min(AddDays(*p, 1), *whole.end);
      return Span(a, *whole.end);
    }
    const Date b = std::max(AddDays(*p, -1), *whole.start);
    return Span(*whole.start, b);
  }

  // Moves `d` by n units (hours round up to whole days).
  static Date Move(const Date& d, int n, Unit u) {
    switch (u) {
      case Unit::kHour:
        return AddDays(d, n >= 0 ? (n + 23) / 24 : -((-n + 23) / 24));
      case Unit::kDay:
        return AddDays(d, n);
      case Unit::kWeek:
        return AddDays(d, 7 * n);
      case Unit::kFortnight:
        return AddDays(d, 14 * n);
      case Unit::kMonth:
        return AddMonths(d, n);
      case Unit::kYear:
        return AddMonths(d, 12 * n);
      case Unit::kDecade:
        return AddMonths(d, 120 * n);
    }
    return d;
  }

  bool Units(const std::string& ns, const std::string& us, int& n, Unit& u) {
    const auto un = us.empty() ? std::optional<Unit>(Unit::kDay) : ParseUnit(us);
    const auto nn = ns.empty() ? std::optional<int>(1) : ParseCount(ns);
    if (!un) {
      Fail("not a time unit: '" + us + "'");
      return false;
    }
    if (!nn) {
      Fail("not a number: '" + ns + "'");
      return false;
    }
    n = *nn;
    u = *un;
    return true;
  }

  // ago / ahead / anchor: a point n units away, as precise as the unit (the
  // exact day when `exact`: "a year ago today"; its month or week when
  // `exact` is month / week: "twenty years ago this month"). "a few / several days ago":
  // the span from 7 to 2 units before pub. `fixed` ("two years from now"):
  // ahead even in a past sentence.
  // `half` ("two and a half years ago", h-dates34): half a unit more, back
  // (ago) or ahead, the precision still the unit's.
  std::optional<Interval> Shift(const std::string& f, const std::string& ns, const std::string& us,
                                const std::string& exact = {}, bool fixed = false,
                                bool half = false) {
    if (f == "ago" && IsVagueCount(ns)) {
      const auto u = ParseUnit(us);
      if (!u) return Fail("not a time unit: '" + us + "'");
      auto p = Ref();
      if (!p) return std::nullopt;
      if (*u == Unit::kHour) return DayInterval(*p);  // "a few hours ago": today
      return Span(Move(*p, -7, *u), Move(*p, -2, *u));
    }
    // "in a few days": the vague span ahead (behind, in a past sentence).
    if (f == "ahead" && IsVagueCount(ns)) {
      if (ParseUnit(us) == Unit::kHour) {  // "in a few hours": today
        auto p = Ref();
        if (!p) return std::nullopt;
        return DayInterval(*p);
      }
      // "in a few weeks' time" (fixed, h-dates31) points ahead whatever the tense.
      return Vague(tense == Tense::kFuture || fixed, us);
    }
    int n = 0;
    Unit u = Unit::kDay;
    if (!Units(ns, us, n, u)) return std::nullopt;
    if (f == "ahead" && tense == Tense::kPast && !fixed) {
      // "the second attack in two weeks": in a past sentence, a window
      // ending on pub_date rather than a point in the future.
      // "fired 300 rockets in one day" (h-dates26): a count of one day is a
      // rate, not a window; it names no day (the two-day window it made
      // was never the day meant).
      if (std::abs(n) == 1 && u == Unit::kDay) {
        no_date = true;
        return std::nullopt;
      }
      auto p = Ref();
      if (!p) return std::nullopt;
      // "the rain fell in eight hours" (lead's ruling 10, session 30): fewer
      // than 24 hours in a past clause is the length of the day's event, the
      // publication day, as "2 hours ago"; 24 hours and more stay a window.
      if (u == Unit::kHour && std::abs(n) < 24) return DayInterval(*p);
      return Span(Move(*p, -std::abs(n), u), *p);
    }
    std::optional<Date> base;
    if (f == "anchor" && ctx.anchor && ctx.anchor_end && *ctx.anchor_end > *ctx.anchor &&
        (u == Unit::kHour || u == Unit::kDay || u == Unit::kWeek)) {
      // An anchor coarser than the step ("in 2014 ... the same day", "in
      // March ... two days later"): the day is not known, so the whole
      // interval moves; no false exact day.
      if (n == 0) return Span(*ctx.anchor, *ctx.anchor_end, ctx.anchor_precision);
      return Span(Move(*ctx.anchor, n, u), Move(*ctx.anchor_end, n, u));
    }
    if (f == "anchor") {
      // "There was a strike the next day", "two days later he was freed",
      // "victim identified 31 years later" with no date before it and no
      // future cue (h-evdate18): a time after an event the text does not
      // date, not after pub; pub + n
      // cannot hold a past act: the phrase names no date and is dropped.
      // h-dates30: a clause without tense too ("even 10 months later, the
      // synths are still tiny"): pub + n names nothing the text tells.
      if (!ctx.anchor && n > 0 && tense == Tense::kPast) {
        no_date = true;
        return std::nullopt;
      }
      base = ctx.anchor ? ctx.anchor : Ref();
    } else {
      base = Ref();
      // "updated 2 hours ago", "40 minutes ago" (h-dates10): less than a
      // day back is the publication day, as "a few hours ago"; 24 hours and
      // more round up to whole days.
      if (f == "ago" && u == Unit::kHour && n > 0 && n < 24) n = 0;
      if (f == "ago") n = -n;
    }
    if (!base) return std::nullopt;
    Date d = Move(*base, n, u);
    if (half) {
      const int sign = n < 0 ? -1 : 1;
      switch (u) {
        case Unit::kHour:
          break;
        case Unit::kDay:
          break;
        case Unit::kWeek:
          d = AddDays(d, sign * 3);
          break;
        case Unit::kFortnight:
          d = AddDays(d, sign * 7);
          break;
        case Unit::kMonth:
          d = AddDays(d, sign * 15);
          break;
        case Unit::kYear:
          d = Move(d, sign * 6, Unit::kMonth);
          break;
        case Unit::kDecade:
          d = Move(d, sign * 5, Unit::kYear);
          break;
      }
    }
    // exact=month / week: that calendar period ("twenty years ago this month").
    if (exact == "month") return MonthInterval(YearOf(d), MonthOf(d));
    if (exact == "week") return WeekInterval(d);
    if (!exact.empty()) return DayInterval(d);
    Interval iv;
    switch (u) {
      case Unit::kHour:
      case Unit::kDay:
        return DayInterval(d);
      case Unit::kWeek:
      case Unit::kFortnight:
        iv = WeekInterval(d);
        break;
      case Unit::kMonth:
        iv = MonthInterval(YearOf(d), MonthOf(d));
        break;
      case Unit::kYear:
        iv = YearInterval(YearOf(d));
        break;
      case Unit::kDecade:
        iv = YearInterval(YearOf(d));
        break;
    }
    iv.alternative = FormatIsoDate(d);
    return iv;
  }

  // past: [P - n units, P]; next: [P, P + n units]; lasting: n units from
  // the anchor, else ending on (past) or starting on (future) pub_date.
  std::optional<Interval> Window(const std::string& f, const std::string& ns,
                                 const std::string& us) {
    if ((f == "past" || f == "next") && IsVagueCount(ns)) return Vague(f == "next", us);
    int n = 0;
    Unit u = Unit::kDay;
    if (!Units(ns, us, n, u)) return std::nullopt;
    if (n < 1) return Fail("a span needs a positive length");
    if (f == "lasting") {
      if (ctx.anchor) return Span(*ctx.anchor, AddDays(Move(*ctx.anchor, n, u), -1));
      auto p = Ref();
      if (!p) return std::nullopt;
      if (tense == Tense::kFuture) return Span(*p, AddDays(Move(*p, n, u), -1));
      return Span(AddDays(Move(*p, -n, u), 1), *p);
    }
    auto p = Ref();
    if (!p) return std::nullopt;
    // within: "will withdraw within two weeks" = [P, P + n]; in a past
    // sentence ("the third raid within a week") = [P - n, P].
    if (f == "past" || (f == "within" && tense == Tense::kPast)) return Span(Move(*p, -n, u), *p);
    return Span(*p, Move(*p, n, u));
  }

  std::optional<Interval> Vague(bool coming, const std::string& us) {
    const auto u = ParseUnit(us);
    if (!u) return Fail("not a time unit: '" + us + "'");
    auto p = Ref();
    if (!p) return std::nullopt;
    int n = 1;
    Unit step = *u;
    switch (*u) {
      case Unit::kHour:
        n = 24;
        break;
      case Unit::kDay:
        n = 7;
        break;
      case Unit::kWeek:
      case Unit::kFortnight:
        n = 4;
        step = Unit::kWeek;
        break;
      case Unit::kMonth:
        n = 6;
        break;
      case Unit::kYear:
        n = 5;
        break;
      case Unit::kDecade:
        n = 2;
        break;
    }
    if (coming) return Span(AddDays(*p, 1), Move(*p, n, step));
    return Span(Move(*p, -n, step), *p);
  }

  std::optional<Interval> Range(const std::string& d1s, const std::string& d2s,
                                const std::string& m1s, const std::string& m2s,
                                const std::string& ys) {
    const auto d1 = ParseCardinalOrOrdinal(d1s), d2 = ParseCardinalOrOrdinal(d2s);
    if (!d1 || !d2 || *d1 < 1 || *d1 > 31 || *d2 < 1 || *d2 > 31)
      return Fail("not days of a month: '" + d1s + "', '" + d2s + "'");
    std::optional<unsigned> m1, m2;
    if (!m1s.empty() && !(m1 = ParseMonth(m1s))) return Fail("not a month: '" + m1s + "'");
    if (!m2s.empty() && !(m2 = ParseMonth(m2s))) return Fail("not a month: '" + m2s + "'");
    if (!m1 && !m2) return Fail("range() needs a month");
    if (!m1) m1 = (*d1 > *d2) ? (*m2 == 1 ? 12u : *m2 - 1) : *m2;
    if (!m2) m2 = *m1;
    std::optional<int> y;  // the year of the end
    if (!ys.empty()) {
      y = Year(ys);
      if (!y) return Fail("not a year: '" + ys + "'");
    } else if (*m1 > *m2) {  // "30 December to 2 January": the start is in the year before
      auto p = Ref();
      if (!p) return std::nullopt;
      y = YearOf(*p);
      const Date first = MakeDate(*y - 1, *m1, static_cast<unsigned>(*d1));
      const Date last = MakeDate(*y, *m2, static_cast<unsigned>(*d2));
      if (tense == Tense::kPast && first.ok() && first > *p) *y -= 1;
      if (tense == Tense::kFuture && last.ok() && last < *p) *y += 1;
      // Without tense ("the exhibition runs from 28 December to 3 January",
      // read on 23 December): the span nearest pub, one ahead counting double.
      if (nearest && first.ok() && last.ok()) {
        const auto away = [&](int shift) {
          const Date a = Move(first, shift, Unit::kYear), b = Move(last, shift, Unit::kYear);
          if (*p < a) return 2 * DaysBetween(*p, a);
          return *p > b ? DaysBetween(b, *p) : 0;
        };
        if (away(1) < away(0)) *y += 1;
      }
    } else {
      y = InferYear(*m1, static_cast<unsigned>(*d1), *m2, static_cast<unsigned>(*d2));
      if (!y) return std::nullopt;
    }
    const int y1 = (*m1 > *m2) ? *y - 1 : *y;  // "30 December to 2 January 2023"
    const Date a = MakeDate(y1, *m1, static_cast<unsigned>(*d1));
    const Date b = MakeDate(*y, *m2, static_cast<unsigned>(*d2));
    if (!a.ok() || !b.ok() || b < a) return Fail("not a valid date range");
    return Span(a, b);
  }

  std::optional<Interval> Bound(const std::string& f, const Node* inner_node) {
    // "since February": the start lies before publication.
    const LazyTense saved_tense = tense;  // copies: unresolved stays unresolved
    const LazyNearest saved_nearest = nearest;
    if (f == "since") {
      tense = Tense::kPast;
      nearest = false;
    } else if (f == "by" && tense == Tense::kPast) {
      // A deadline in a past sentence ("closing was expected by March 31")
      // is the occurrence nearest pub, not forced into the past.
      nearest = true;
    }
    auto inner = Inner(inner_node);
    tense = saved_tense;
    nearest = saved_nearest;
    if (!inner) return std::nullopt;
    const auto p = ctx.pub_date;
    if (f == "since") {
      since_from = *inner;
      Interval iv{inner->start, p, Precision::kRange, {}};
      if (p && inner->start && *inner->start > *p) iv.end = inner->end;
      return iv;
    }
    if (f == "until") {
      Interval iv{std::nullopt, inner->end, Precision::kRange, {}};
      // Cut to pub in a past sentence ("until this month"), but not a period
      // wholly ahead: "the hearing has been adjourned until March 2025"
      // (h-dates10) ends in March.
      if (p && tense == Tense::kPast && inner->end && *inner->end > *p &&
          !(inner->start && *inner->start > *p))
        iv.end = p;
      if (p && tense == Tense::kFuture && inner->end && *inner->end >= *p) iv.start = p;
      return iv;
    }
    // by: from pub date to the end of the period, or open start for a past period.
    if (inner->precision == Precision::kDay) anchor = *inner;
    if (p && inner->end && *inner->end >= *p) return Interval{p, inner->end, Precision::kRange, {}};
    return Interval{std::nullopt, inner->end, Precision::kRange, {}};
  }

  // "from 2014 to 2022", "between March and May": the start of the first
  // value to the end of the second.
  std::optional<Interval> Between(const Node* from_node, const Node* to_node) {
    auto from = Inner(from_node);
    auto to = Inner(to_node);
    if (!from || !to) return std::nullopt;
    // Two yearless ends inferred on either side of New Year ("the turn of the
    // year", "between Christmas and New Year" read on 31 December): the end
    // lies in the year after the start; of the two such spans (the end moved
    // forward or the start back) the one holding pub, else the first.
    if (from->start && to->end && *to->end < *from->start &&
        Move(*to->end, 1, Unit::kYear) >= *from->start) {
      const auto p = Ref();
      const Date back = Move(*from->start, -1, Unit::kYear);
      if (p && back <= *p && *p <= *to->end)
        from->start = back;
      else
        to->end = Move(*to->end, 1, Unit::kYear);
    }
    if (!from->start || !to->end || *to->end < *from->start)
      return Fail("between() needs a first value that starts before the second ends");
    return Interval{from->start, to->end, Precision::kRange, {}};
  }

  // Easter Sunday (Western, Gregorian computus) plus `off_s` days ("Good
  // Friday" = -2, "Easter Monday" = 1); without `y` the year is inferred as
  // for a day written without one. `cal_s` = "orthodox" (or "julian"): the
  // Julian computus, given in the Gregorian calendar (+13 days, 1900-2099).
  // `yrel` ("last year over the Easter weekend", h-dates35): the year
  // relative to pub's, as date()'s.
  std::optional<Interval> EasterFn(const std::string& off_s, const std::string& y_s,
                                   const std::string& cal_s, const std::string& yrel_s = {}) {
    int off = 0;
    if (!off_s.empty()) {
      const auto o = ParseRel(off_s);
      if (!o) return Fail("easter() needs a day offset, not '" + off_s + "'");
      off = *o;
    }
    const std::string cal = LowerTrim(cal_s);
    if (!cal.empty() && cal != "orthodox" && cal != "julian")
      return Fail("easter() needs cal=orthodox or nothing, not '" + cal_s + "'");
    const bool julian = !cal.empty();
    const auto at = [off, julian](int y) {
      if (julian) {  // Meeus' Julian algorithm
        const int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30;
        const int e = (2 * a + 4 * b - d + 34) % 7;
        const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
        return AddDays(MakeDate(y, static_cast<unsigned>(month), static_cast<unsigned>(day)),
                       off + 13);
      }
      const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
      const int f = (b + 8) / 25, g = (b - f + 1) / 3;
      const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
      const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
      const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
      return AddDays(MakeDate(y, static_cast<unsigned>(month), static_cast<unsigned>(day)), off);
    };
    if (!y_s.empty()) {
      const auto y = Year(y_s);
      if (!y) return Fail("easter() needs a year, not '" + y_s + "'");
      return DayInterval(at(*y));
    }
    if (!yrel_s.empty()) {
      const auto r = ParseRel(yrel_s);
      if (!r) return Fail("easter() needs a relative year, not '" + yrel_s + "'");
      auto p = Ref();
      if (!p) return std::nullopt;
      return DayInterval(at(YearOf(*p) + *r));
    }
    auto p = Ref();
    if (!p) return std::nullopt;
    const int y = YearOf(*p);
    Date out = at(y);
    if (nearest) {
      int best_distance = -1;
      for (int cand : {y - 1, y, y + 1}) {
        const Date x = at(cand);
        const int distance = *p < x ? 2 * DaysBetween(*p, x) : DaysBetween(x, *p);
        if (best_distance < 0 || distance < best_distance) {
          out = x;
          best_distance = distance;
        }
      }
    } else if (tense == Tense::kPast && out > *p) {
      out = at(y - 1);
    } else if (tense == Tense::kFuture && out < *p) {
      out = at(y + 1);
    }
    return DayInterval(out);
  }

  // Feasts of lunar and lunisolar calendars (h-dates8): `name` is ramadan,
  // eid_fitr, eid_adha, eid (whichever Eid is meant by the tense), hanukkah,
  // passover, rosh_hashanah, yom_kippur, lunar_new_year or diwali. In a
  // future sentence the first occurrence ending on or after pub, else the one
  // nearest pub (containing it: distance 0), a later one counting double: news
  // names a feast in the weeks around it, and headlines about one to come
  // ("Emirates celebrates Diwali with ...") often read as past; with `y_s` the
  // first one starting in that year.
  std::optional<Interval> FeastFn(const std::string& name_s, const std::string& y_s) {
    const std::string name = LowerTrim(name_s);
    std::optional<int> y;
    if (!y_s.empty()) {
      y = Year(y_s);
      if (!y) return Fail("feast() needs a year, not '" + y_s + "'");
    }
    auto p = Ref();
    if (!p && !y) return std::nullopt;
    const int around = y ? *y : YearOf(*p);
    std::vector<Interval> cands;
    if (!FeastOccurrences(name, around, cands))
      return Fail("feast() does not know '" + name_s + "'");
    if (cands.empty()) return std::nullopt;  // outside the tables
    if (y) {
      for (const auto& c : cands) {
        if (YearOf(*c.start) == *y) return c;
      }
      return std::nullopt;
    }
    const Interval* best = nullptr;
    if (tense == Tense::kFuture && !nearest) {
      for (const auto& c : cands) {
        if (*c.end >= *p) {
          best = &c;
          break;
        }
      }
    } else {
      int best_distance = -1;
      for (const auto& c : cands) {
        const int distance = *p < *c.start ? 2 * DaysBetween(*p, *c.start)
                                           : (*c.end < *p ? DaysBetween(*c.end, *p) : 0);
        if (best_distance < 0 || distance < best_distance) {
          best = &c;
          best_distance = distance;
        }
      }
    }
    if (!best) return std::nullopt;
    return *best;
  }

  // Saturday-Sunday: rel this/last/next relative to the pub week; empty =
  // the most recent weekend on or before pub_date (the next one in a future sentence).
  // `span_s`: days after the Saturday, 1 by default; "the long weekend", "the
  // bank holiday weekend" run to the Monday (span=2, h-dates28).
  std::optional<Interval> Weekend(const std::string& rel_s, const std::string& span_s = {}) {
    int span = 1;
    if (!span_s.empty()) {
      const auto n = ParseCount(span_s);
      if (!n || *n < 1 || *n > 3) return Fail("weekend() span must be 1..3, not '" + span_s + "'");
      span = *n;
    }
    auto p = Ref();
    if (!p) return std::nullopt;
    const Date sat_this = AddDays(MondayOf(*p), 5);
    Date sat = sat_this;
    const std::string rel = LowerTrim(rel_s);
    if (rel == "this coming" || rel == "the coming" || rel == "coming") {
      // The first weekend ahead: this week's until Friday, else the next.
      if (*p >= sat_this) sat = AddDays(sat_this, 7);
    } else if (rel.empty() || rel == "the") {
      // Read on a Saturday, a past sentence tells the weekend before: the
      // one that begins on pub has hardly started (h-dates20).
      if (tense == Tense::kPast && (sat_this > *p || (sat_this == *p && !nearest)))
        sat = AddDays(sat_this, -7);
      if (tense == Tense::kFuture && AddDays(sat_this, 1) < *p) sat = AddDays(sat_this, 7);
    } else {
      const auto r = ParseRel(rel_s);
      if (!r) return Fail("weekend() needs this, last or next, not '" + rel_s + "'");
      sat = AddDays(sat_this, 7 * *r);
      // "last weekend" said on a Sunday or Saturday means the one before.
      // "London was swamped by shoppers this weekend", read on a Monday
      // (h-dates23): a past sentence cannot tell a weekend still ahead; it
      // is the one just gone.
      if (*r == 0 && tense == Tense::kPast && !nearest && sat_this > *p)
        sat = AddDays(sat_this, -7);
    }
    return Span(sat, AddDays(sat, span));
  }

  // Anchored weekends, seasons and rests of a unit (h-dates20): "the
  // following weekend" / "the previous weekend" (the first Saturday-Sunday
  // wholly after / before the anchor), "the following spring" (the first
  // such season starting after the anchor's end, "the previous winter" the
  // last ending before its start), "later that week / month / year"
  // (rest=1: the anchor's next day to the end of its week, month or year).
  // nullopt (with no error) for any other unit.
  std::optional<Interval> AnchorSpan(const std::string& ns, const std::string& unit, bool rest) {
    const bool weekend = unit == "weekend";
    unsigned m1 = 0;
    if (unit == "spring") m1 = 3;
    if (unit == "summer") m1 = 6;
    if (unit == "autumn") m1 = 9;
    if (unit == "winter") m1 = 12;
    // "the following January", "the previous November" (h-dates31): a month.
    unsigned months = 3;
    if (m1 == 0 && !weekend && !rest) {
      if (const auto mo = ParseMonth(unit)) {
        m1 = *mo;
        months = 1;
      }
    }
    if (!weekend && m1 == 0 && !rest) return std::nullopt;
    const auto count = ParseCount(ns);
    if (!count || std::abs(*count) != 1) {
      Fail("anchor() with a weekend, a season or rest needs 1 or -1");
      return std::nullopt;
    }
    const auto start = ctx.anchor ? ctx.anchor : Ref();
    if (!start) return std::nullopt;
    const Date end = ctx.anchor && ctx.anchor_end ? *ctx.anchor_end : *start;
    if (rest) {
      const auto u = ParseUnit(unit);
      if (!u || (*u != Unit::kWeek && *u != Unit::kMonth && *u != Unit::kYear)) {
        Fail("anchor(rest) needs week, month or year, not '" + unit + "'");
        return std::nullopt;
      }
      const Interval whole = *UnitInterval(*u, end);
      return Span(std::min(AddDays(end, 1), *whole.end), *whole.end);
    }
    if (weekend) {
      Date d = *count > 0 ? AddDays(end, 1) : AddDays(*start, -1);
      const auto want = *count > 0 ? chr::Saturday : chr::Sunday;
      while (chr::weekday{static_cast<chr::sys_days>(d)} != want) d = AddDays(d, *count);
      const Date sat = *count > 0 ? d : AddDays(d, -1);
      return Span(sat, AddDays(sat, 1));
    }
    for (int y = YearOf(*count > 0 ? end : *start) + (*count > 0 ? 0 : 1);; y += *count) {
      const Date a = MakeDate(y, m1, 1);
      const Date e = AddDays(AddMonths(a, static_cast<int>(months)), -1);
      if (*count > 0 ? a > end : e < *start) return months == 1 ? MonthInterval(y, m1) : Span(a, e);
    }
  }

  std::optional<Interval> Season(const std::string& ss, const std::string& rel_s,
                                 const std::string& ys) {
    const std::string s = LowerTrim(ss);
    unsigned m1 = 0;
    if (s == "spring") m1 = 3;
    if (s == "summer") m1 = 6;
    if (s == "autumn" || s == "fall") m1 = 9;
    if (s == "winter") m1 = 12;
    if (m1 == 0) return Fail("not a season: '" + ss + "'");
    auto occurrence = [&](int y) {  // the season starting in year y
      const Date a = MakeDate(y, m1, 1);
      const Date e = AddDays(AddMonths(a, 3), -1);
      return Span(a, e);
    };
    if (!ys.empty()) {
      const auto y = Year(ys);
      if (!y) return Fail("not a year: '" + ys + "'");
      return occurrence(*y);
    }
    if (LowerTrim(rel_s) == "until") {
      // "until autumn", "till the spring" (h-dates30): a span's end, for
      // until(): the season holding pub or the next one; in a past sentence
      // the one begun last ("the truce held until spring", read in July).
      auto p = Ref();
      if (!p) return std::nullopt;
      const int y = YearOf(*p);
      const bool past = tense == Tense::kPast && !nearest;
      Interval cur = occurrence(y);
      if (*cur.start > *p) {
        const Interval prev = occurrence(y - 1);
        if (*prev.end >= *p || past) cur = prev;
      } else if (*cur.end < *p && !past) {
        cur = occurrence(y + 1);
      }
      return cur;
    }
    if (LowerTrim(rel_s) == "sofar") {
      // "earlier this summer" (h-dates41): the season holding pub, else the
      // one begun last, from its start to the day before pub, or to its end
      // when it is over (read on 5 September: the whole summer).
      auto p = Ref();
      if (!p) return std::nullopt;
      const int y = YearOf(*p);
      Interval cur = occurrence(y);
      if (*cur.start > *p) cur = occurrence(y - 1);
      const Date before = AddDays(*p, -1);
      if (*cur.end > before) cur.end = before < *cur.start ? *cur.start : before;
      return cur;
    }
    if (LowerTrim(rel_s) == "before") {
      // "before the summer" (h-dates25): the three months before the season
      // ahead (in a past sentence, the one begun last), for by().
      auto p = Ref();
      if (!p) return std::nullopt;
      const int y = YearOf(*p);
      // A sentence without tense reads the one ahead too (h-dates31:
      // "Seedlings need to take root before winter" was last winter).
      const bool past = tense == Tense::kPast && !nearest;
      Date start = MakeDate(y, m1, 1);
      if (past && start > *p) start = MakeDate(y - 1, m1, 1);
      if (!past && start <= *p) start = MakeDate(y + 1, m1, 1);
      return Span(AddMonths(start, -3), AddDays(start, -1));
    }
    int rel = 0;
    if (!rel_s.empty()) {
      const auto r = ParseRel(rel_s);
      if (!r) return Fail("season() rel must be this, last or next, not '" + rel_s + "'");
      rel = *r;
    }
    auto p = Ref();
    if (!p) return std::nullopt;
    const int py = YearOf(*p);
    // The occurrence containing p, or else the most recent/next one.
    Interval cur = occurrence(py);
    // "this summer" in a sentence that is not past names pub's year's
    // spring, summer or autumn, as "this March" (h-dates22: "the new camera
    // can be yours this summer", read in April, is not last summer); a past
    // sentence ("the offensive began this spring", read in January) and
    // "this winter" keep the reading below.
    // A sentence without tense is not past either (h-dates25: "the couple
    // celebrate their anniversary this autumn", read in August, was last
    // autumn: `tense` reads kNearest as kPast).
    const bool this_of_year =
        m1 != 12 && (tense != Tense::kPast || nearest) && LowerTrim(rel_s) == "this";
    if (*cur.start > *p) {
      Interval prev = occurrence(py - 1);
      if (*prev.end >= *p)
        cur = prev;  // winter: Dec of last year into this spring
      else if (rel == 0 && tense == Tense::kPast && !this_of_year)
        cur = prev;
    } else if (*cur.end < *p && rel == 0 && tense == Tense::kFuture && !this_of_year) {
      cur = occurrence(py + 1);
    }
    if (rel == 0) return cur;
    const bool inside = *cur.start <= *p && *p <= *cur.end;
    if (rel < 0) {
      // The last one that has ended before p.
      int y = YearOf(*cur.start);
      if (inside || *cur.start > *p) --y;
      return occurrence(y + (rel + 1));
    }
    int y = YearOf(*cur.start);
    if (inside || *cur.end < *p) ++y;
    return occurrence(y + (rel - 1));
  }
};

bool NeedsRefOnly(const Eval& e) { return e.needs_ref && e.error.empty(); }

// ------------------------------------------------------------------ tense

}  // namespace

namespace {

// A future cue in lower-case text: "will", "is expected to", "plans to",
// "next" (not "the next": anaphoric) ...
bool HasFutureCue(std::string_view lower) {
  // Not "promised / vowed / threatened to": a past speech act whose sentence
  // often dates a past event ("promised to punish those behind the murder on
  // 16 November").
  // Not "must" ("we must accept the mandate of 19 March"), nor "promised /
  // vowed / threatened to": their sentences often date a past event.
  // "would" + a verb of scheduling is reported future ("said the truce would
  // take effect on Thursday"), and of meeting or travel ("would meet on
  // Friday", h-dates10) and of a walkout ("would go on strike from Monday",
  // h-evdate4); "would" alone is too often hypothetical. So
  // are "could / may / might" + a verb of lasting or starting ("said the
  // strikes could continue until 2 October"): a possibility ahead, not a
  // past ability ("could not attend on 3 March" stays past).
  // "s expected", "re expected": the contractions "it's expected", "they're
  // due" (the apostrophe, ASCII or typographic, is no word character).
  // "is to run", "are to meet": the news future (it also holds "is to be").
  // "is forecast (to)", "expects to" (h-dates12's leftovers): a forecast or a
  // third party's expectation in the present looks ahead; "was forecast to"
  // does not, nor the generic "we expect to see" (a past date cited after it
  // moved a year ahead on the design pool).
  // "bracing to / for", "poised for" (h-dates27): "said he was
  // bracing to be arrested on March 21", "workers poised for strikes after
  // Easter" look ahead, as "expects to". Not "poised to": "stood poised to
  // release video of a 7 January traffic stop" dates the stop just gone; nor
  // "braces for" ("addressed supporters on Saturday, as he braces for
  // charges").
  static constexpr std::array<std::string_view, 78> kFuture = {"s expected",
                                                               "expect",
                                                               "expects",
                                                               "is forecast",
                                                               "are forecast",
                                                               "s forecast",
                                                               "re forecast",
                                                               "expects to",
                                                               "re expected",
                                                               "s due to",
                                                               "re due to",
                                                               "s set to",
                                                               "re set to",
                                                               "will",
                                                               "won't",
                                                               "shall",
                                                               "is expected",
                                                               "are expected",
                                                               "plans to",
                                                               "plan to",
                                                               "planning to",
                                                               "is due to",
                                                               "are due to",
                                                               "is set to",
                                                               "are set to",
                                                               "going to",
                                                               "scheduled",
                                                               "intends to",
                                                               "is to",
                                                               "are to",
                                                               "aims to",
                                                               "hopes to",
                                                               "hope to",
                                                               "intend to",
                                                               "aim to",
                                                               "slated",
                                                               "upcoming",
                                                               "is due",
                                                               "are due",
                                                               "would take effect",
                                                               "would come into force",
                                                               "would begin",
                                                               "would start",
                                                               "would resume",
                                                               "would be held",
                                                               "would expire",
                                                               "would meet",
                                                               "would vote",
                                                               "would convene",
                                                               "would visit",
                                                               "would arrive",
                                                               "would travel",
                                                               "would hold",
                                                               "would open",
                                                               "would go on strike",
                                                               "would walk out",
                                                               "would reopen",
                                                               "would launch",
                                                               "would return",
                                                               "would reply",
                                                               "would respond",
                                                               "could continue",
                                                               "could last",
                                                               "could resume",
                                                               "could begin",
                                                               "could start",
                                                               "could take effect",
                                                               "may continue",
                                                               "may last",
                                                               "may resume",
                                                               "may begin",
                                                               "might continue",
                                                               "might last",
                                                               "might resume",
                                                               "might begin",
                                                               "bracing to",
                                                               "bracing for",
                                                               "poised for"};
  // One pass over the word starts, trying only the cues that begin with the
  // word's first letter (it was 30 substring searches per clause: a quarter
  // of `eventline dates`' time).
  static const auto kByLetter = [] {
    std::array<std::vector<std::string_view>, 26> by;
    for (auto cue : kFuture) by[static_cast<std::size_t>(cue[0] - 'a')].push_back(cue);
    by['n' - 'a'].push_back("next");
    by['s' - 'a'].push_back("set to");
    return by;
  }();
  // The pairs of first and second bytes that begin a cue: most word starts
  // begin none, and are left after one table look-up (every cue has two
  // bytes at least; WordAt would fail at the second byte).
  static const auto kPairs = [] {
    std::array<std::bitset<256>, 26> pairs;
    for (std::size_t l = 0; l < kByLetter.size(); ++l) {
      for (std::string_view cue : kByLetter[l]) pairs[l].set(static_cast<unsigned char>(cue[1]));
    }
    return pairs;
  }();
  for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
    const char c = lower[i];
    if (c < 'a' || c > 'z' || (i > 0 && IsIdentChar(lower[i - 1]))) continue;
    const std::size_t letter = static_cast<std::size_t>(c - 'a');
    if (!kPairs[letter].test(static_cast<unsigned char>(lower[i + 1]))) continue;
    for (std::string_view cue : kByLetter[letter]) {
      if (cue[1] != lower[i + 1] || !WordAt(lower, i, cue)) continue;
      // "forecasters expect snow on Monday", "the firm expects the update
      // in June" (h-dates21); not the generic "we expect to see" (a past
      // date cited after it moved a year ahead on the design pool).
      if (cue == "expect" && lower.substr(i + cue.size(), 4) == " to ") continue;
      // nor across "of" / "after" / "since": "few expect a change, whoever
      // wins Tuesday's runoff" is fine, "few expect a change after the
      // outcome of Tuesday's vote" names a past day.
      if ((cue == "expect" || cue == "expects") &&
          (lower.find(" of ", i) != std::string_view::npos ||
           lower.find(" after ", i) != std::string_view::npos ||
           lower.find(" since ", i) != std::string_view::npos))
        continue;
      // "have scheduled funerals", "had scheduled talks" (h-evdate18): the
      // scheduling is done, a perfect or a past, not a time ahead.
      if (cue == "scheduled") {
        const std::string_view before = Trim(lower.substr(0, i));
        const auto ends = [&](std::string_view w) {
          return before.size() >= w.size() && before.substr(before.size() - w.size()) == w &&
                 (before.size() == w.size() || !IsIdentChar(before[before.size() - w.size() - 1]));
        };
        if (ends("have") || ends("has") || ends("had")) continue;
      }
      // "is provisionally set to begin on October 2nd", "are now set to meet"
      // (h-dates33): "is / are set to" with one adverb between (a word in -ly,
      // now, still, also, already); "set to" alone is too often a past verb
      // ("he set to work").
      if (cue == "set to") {
        std::string_view left = Trim(lower.substr(0, i));
        std::size_t b = left.size();
        while (b > 0 && IsIdentChar(left[b - 1])) --b;
        const std::string_view adverb = left.substr(b);
        const bool is_adverb = (adverb.size() > 3 && adverb.substr(adverb.size() - 2) == "ly") ||
                               adverb == "now" || adverb == "still" || adverb == "also" ||
                               adverb == "already";
        if (!is_adverb) continue;
        left = Trim(left.substr(0, b));
        b = left.size();
        while (b > 0 && IsIdentChar(left[b - 1])) --b;
        const std::string_view aux = left.substr(b);
        if (aux == "is" || aux == "are" || aux == "s" || aux == "re") return true;
        continue;
      }
      if (cue != "next") return true;
      const std::string_view left = Trim(lower.substr(0, i));
      const bool after_the = left.size() >= 3 && left.substr(left.size() - 3) == "the" &&
                             (left.size() == 3 || !IsIdentChar(left[left.size() - 4]));
      // "next to", "next door": a place, not a time ahead.
      const std::string_view right = lower.substr(i + cue.size());
      const std::size_t w = right.find_first_not_of(' ');
      const bool place =
          w != std::string_view::npos && (WordAt(right, w, "to") || WordAt(right, w, "door"));
      if (!after_the && !place) return true;
    }
  }
  return false;
}

// A past verb among the last six words before a phrase (lower case): was,
// were, had, did, or a word in -ed that is not after an auxiliary, a modal
// or "to" ("is expected", "can rest assured", "until notified"), and not one
// of a few words that only end like one. Only the words right before the
// phrase: the verb a date phrase belongs to is close to it.
bool HasPastVerb(std::string_view lower, bool first_words = false, std::size_t reach = 6) {
  // The words looked at (the first 12 or the last 6) and the one before
  // each; words[0] is "" when the first of them starts the text.
  std::array<std::string_view, 21> words{};
  std::size_t count = 1;
  if (first_words) {
    std::size_t i = 0;
    while (i < lower.size() && count < 13) {
      while (i < lower.size() && !IsIdentChar(lower[i])) ++i;
      std::size_t j = i;
      while (j < lower.size() && IsIdentChar(lower[j])) ++j;
      if (j > i) words[count++] = lower.substr(i, j - i);
      i = j;
    }
  } else {
    // Backwards: the last `reach` + 1 words (seven by default, at most 21),
    // the first of them only as context.
    reach = std::min<std::size_t>(reach, 20);
    std::array<std::string_view, 21> last{};
    std::size_t n = 0, j = lower.size();
    while (j > 0 && n < reach + 1) {
      while (j > 0 && !IsIdentChar(lower[j - 1])) --j;
      std::size_t i = j;
      while (i > 0 && IsIdentChar(lower[i - 1])) --i;
      if (j > i) last[n++] = lower.substr(i, j - i);
      j = i;
    }
    // Seven found: the oldest is context only.
    const std::size_t looked = std::min<std::size_t>(n, reach);
    if (n == reach + 1) words[0] = last[reach];
    for (std::size_t k = looked; k-- > 0;) words[count++] = last[k];
  }
  // was, were, had, did and common irregular past forms of news verbs.
  static constexpr std::array<std::string_view, 62> kPastAux = {
      "been",  "sat",     "was",    "were",   "had",      "did",    "said",    "told",  "fell",
      "shot",  "took",    "struck", "fought", "fled",     "left",   "lost",    "sank",  "blew",
      "began", "broke",   "came",   "went",   "made",     "held",   "met",     "led",   "caught",
      "threw", "drove",   "ran",    "won",    "gave",     "saw",    "found",   "sent",  "stood",
      "burst", "rose",    "flew",   "laid",   "withdrew", "became", "brought", "built", "spoke",
      "wrote", "lit",     "kept",   "heard",  "felt",     "spent",  "paid",    "sold",  "dug",
      "shook", "overran", "hid",    "tore",   "froze",    "swept",  "got",     "drew"};
  static constexpr std::array<std::string_view, 14> kNotPast = {
      "need",    "speed",  "seed",    "feed",   "bed",     "red",    "shed",
      "hundred", "indeed", "proceed", "exceed", "succeed", "united", "armed"};
  // "s" and "re": the contractions "it's expected", "they're armed"; "stays
  // closed", "remains suspended" (h-dates19): a state in the present.
  static constexpr std::array<std::string_view, 23> kBefore = {
      "is",    "are",  "be",     "being", "will",  "can",    "could",  "may",
      "might", "must", "should", "would", "to",    "until",  "rest",   "get",
      "gets",  "s",    "re",     "stay",  "stays", "remain", "remains"};
  // Per list, the lengths (bit n: n bytes, under 32) its words of each first
  // byte have: most words of a sentence are left after that one look-up,
  // without a walk through the list.
  const auto lengths = [](const auto& list) {
    std::array<std::uint32_t, 256> by_first{};
    for (std::string_view e : list) by_first[static_cast<unsigned char>(e[0])] |= 1u << e.size();
    return by_first;
  };
  static const auto kPastAuxLengths = lengths(kPastAux);
  static const auto kNotPastLengths = lengths(kNotPast);
  static const auto kBeforeLengths = lengths(kBefore);
  const auto in = [](auto& list, const std::array<std::uint32_t, 256>& by_first,
                     std::string_view w) {
    // Length and first byte first: most words differ there, and a full
    // compare is a memcmp call.
    if (w.empty() || w.size() >= 32 ||
        !((by_first[static_cast<unsigned char>(w[0])] >> w.size()) & 1u))
      return false;
    return std::any_of(list.begin(), list.end(), [w](std::string_view e) {
      return e.size() == w.size() && e[0] == w[0] && SameAt(e, 0, w);
    });
  };
  // After a phrase the subject comes first ("On 3 March, the garrison at
  // Tecpan was attacked"): a longer reach (12 words, against 6 before it).
  for (std::size_t k = 1; k < count; ++k) {
    const std::string_view w = words[k];
    // A longer reach than the default skips verbs of saying: "the agency has
    // warned of deeper cuts in April" reports a view of what is ahead.
    // Nor an adjective in -ed after a determiner ("an unscheduled update"),
    // at any reach since h-dates29 ("the remastered collection lands on all
    // platforms June 23" was last June): a word after a determiner is no
    // finite verb.
    if (words[k - 1] == "a" || words[k - 1] == "an" || words[k - 1] == "the") continue;
    if (reach > 6 && (w == "said" || w == "told" || w == "warned" || w == "announced" ||
                      w == "reported" || w == "confirmed" || w == "claimed" || w == "added" ||
                      w == "stated" || w == "revealed" || w == "wrote" || w == "predicted" ||
                      w == "forecast" || w == "urged" || w == "called" || w == "asked"))
      continue;
    // "could be held", "to be shot": an irregular participle after an
    // auxiliary, a modal or "to" is not past either (was, were, had, did and
    // been are auxiliaries themselves).
    if (in(kPastAux, kPastAuxLengths, w) &&
        (w == "was" || w == "were" || w == "had" || w == "did" || w == "been" ||
         !in(kBefore, kBeforeLengths, words[k - 1])))
      return true;
    // A participle before "by" is passive, not a past verb of the clause:
    // "the debate, hosted by the broadcaster, begins at 9pm on Wednesday",
    // "a truce brokered by Qatar takes effect on Monday" (h-dates25).
    // Nor after a preposition: "deep cuts on selected games", "aid for
    // displaced families" (h-dates31) are adjectives.
    const std::string_view prev = words[k - 1];
    if (prev == "on" || prev == "of" || prev == "for" || prev == "with" || prev == "in" ||
        prev == "at" || prev == "from" || prev == "about")
      continue;
    if (w.size() >= 4 && w.substr(w.size() - 2) == "ed" && !in(kNotPast, kNotPastLengths, w) &&
        !in(kBefore, kBeforeLengths, words[k - 1]) && !(k + 1 < count && words[k + 1] == "by"))
      return true;
  }
  return false;
}

// A stem that takes -es in the third person ("goes", "reaches", "fixes"):
// "sites" is no form of "sit", "makes" none of "mak".
bool EsStem(std::string_view stem) {
  if (stem.empty()) return false;
  const char c = stem.back();
  if (c == 's' || c == 'x' || c == 'z' || c == 'o') return true;
  return stem.size() > 1 && c == 'h' &&
         (stem[stem.size() - 2] == 'c' || stem[stem.size() - 2] == 's');
}

// A verb of a scheduled event in the present or after "to" (lower case):
// "the trial opens", "Ireland play France", "talks to resume", "the summit is
// on", "kick-off is at 8pm". `before` is the phrase's clause up to the
// phrase (a verb after the phrase is not looked at: "where missiles hit on
// Thursday continues"). Verbs
// of measures ("prices rise", "stocks fall") are left out: present-tense
// headlines report them after the fact.
bool HasScheduleVerb(std::string_view before) {
  static constexpr std::array<std::string_view, 60> kVerbs = {
      "open", "begin", "start", "resume", "meet", "host", "play", "face", "debate", "hear", "sit",
      "return", "reopen", "close", "arrive", "visit", "travel", "go", "come", "take", "hold",
      "launch", "unveil", "publish", "deliver", "sign", "hand", "release", "decide", "rule", "kick",
      "head", "fly", "attend", "address", "race", "fight", "peak", "hit", "march", "gather",
      "annex", "continue", "retire", "expire", "end", "wrap", "conclude", "appear", "vote", "tee",
      "restart", "elect", "bid", "apply",
      // "pilots walk out on Wednesday", "the film premieres / debuts on
      // Friday" (h-dates22)
      "walk", "premiere", "debut",
      // "unions plan a strike on Friday", "are planning a sit-in on
      // Thursday" (h-dates24)
      "plan",
      // "the festival runs from the 21st to the 24th" (h-dates25)
      "run"};
  static constexpr std::array<std::string_view, 16> kDeterminer = {
      "the",  "a",    "an",  "s",    "its",  "his",   "her", "their",
      "this", "that", "our", "next", "last", "first", "any", "no"};
  const auto in = [](auto& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  // The base form of a present or infinitive verb: "opens", "faces",
  // "reopens", "goes", "begins"; empty when w is none.
  const auto base = [&](std::string_view w) -> std::string_view {
    if (in(kVerbs, w)) return w;
    if (w.size() > 3 && w.back() == 's' && in(kVerbs, w.substr(0, w.size() - 1)))
      return w.substr(0, w.size() - 1);
    // "goes" too (h-dates25: "the console goes on sale on Friday").
    if (w.size() >= 4 && w.substr(w.size() - 2) == "es" && EsStem(w.substr(0, w.size() - 2)) &&
        in(kVerbs, w.substr(0, w.size() - 2)))
      return w.substr(0, w.size() - 2);
    // "applies" (h-dates21: "the new tax applies from 1 December").
    if (w == "applies") return "apply";
    // "the final episode airs on Sunday" (h-dates22); not "air": "air strikes
    // hit the capital on Sunday".
    if (w == "airs") return "airs";
    return {};
  };
  const auto words_of = [](std::string_view s) -> const std::vector<std::string_view>& {
    thread_local std::vector<std::string_view> out;  // kept by the thread
    out.clear();
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && !IsIdentChar(s[i])) ++i;
      std::size_t j = i;
      while (j < s.size() && IsIdentChar(s[j])) ++j;
      if (j > i) out.push_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  };
  // A preposition before the verb makes it a noun ("during play in
  // Wednesday's win"); one among the last six words hangs the phrase on
  // another noun ("will push harder after the summit on Friday", "to
  // tour the scene of Monday's strike", "returns to No. 1 following his
  // French Open victory on Sunday").
  static constexpr std::array<std::string_view, 9> kNounBefore = {
      "during", "of", "for", "after", "before", "in", "at", "from", "by"};
  static constexpr std::array<std::string_view, 9> kBlock = {
      "after", "before", "during", "of", "since", "following", "than", "like", "from"};
  const std::vector<std::string_view>& w = words_of(before);
  const std::size_t n = w.size();
  // "the anniversary falls on Sunday": a calendar statement; only "falls"
  // right before the phrase ("stocks fall", "shares fell" report markets),
  // whatever stands before it ("the 80th anniversary of D-Day falls on").
  if (n > 0 && w[n - 1] == "falls") return true;
  // Verbs that name a date in the calendar, at any reach in the clause:
  // "Israel marks the first anniversary of the attack on Monday", "Sudan's
  // war enters its second year on Monday" (h-dates10). Not after a
  // determiner ("a mark of respect").
  for (std::size_t k = 0; k < n; ++k) {
    if ((w[k] == "marks" || w[k] == "mark" || w[k] == "enters" || w[k] == "enter") &&
        !(k > 0 && (in(kDeterminer, w[k - 1]) || w[k - 1] == "of")))
      return true;
  }
  // "Teachers plan a fresh walkout across the region on Thursday", "unions
  // plan another day of strikes on Tuesday" (h-dates28): "plan(s)" as a verb
  // (not after a determiner, a possessive or a preposition: "the council's
  // plans for the site on Monday") reaches ten words, and "of" after a unit
  // of action ("a day of strikes", "a week of protests") does not block it.
  for (std::size_t k = n > 10 ? n - 10 : 0; k < n; ++k) {
    if (w[k] != "plan" && w[k] != "plans") continue;
    const std::string_view prev = k > 0 ? w[k - 1] : std::string_view();
    if (in(kDeterminer, prev) || in(kNounBefore, prev)) continue;
    bool blocked = false;
    for (std::size_t m = k + 1; m < n && !blocked; ++m) {
      if (!in(kBlock, w[m])) continue;
      const std::string_view unit = w[m - 1];
      blocked = !(w[m] == "of" &&
                  (unit == "day" || unit == "days" || unit == "week" || unit == "weeks" ||
                   unit == "night" || unit == "nights" || unit == "round" || unit == "wave"));
    }
    if (!blocked) return true;
  }
  // The verb within the last six words: a caption's or a long clause's verb
  // ("Demonstrators take part in a protest ... in Paris on Saturday") is too
  // far from the date to set its tense.
  // A blocking word hangs the phrase on a noun only when it stands after the
  // verb: "the trial of the two officers resumes on Monday", "the funeral of
  // the reporter takes place on Sunday" (h-dates24) keep the verb.
  std::size_t from = n > 6 ? n - 6 : 0;
  for (std::size_t k = n; k > from; --k) {
    if (in(kBlock, w[k - 1])) {
      if (k == n) return false;
      from = k;
      break;
    }
  }
  for (std::size_t k = from; k < n; ++k) {
    const std::string_view prev = k > 0 ? w[k - 1] : std::string_view();
    // "the summit is on", "kick-off is at 8pm on": a copula right before
    // the phrase, or before a short place or time ("is at Wembley").
    if ((w[k] == "is" || w[k] == "are") && n - k <= 4 &&
        (k + 1 == n || w[k + 1] == "at" || w[k + 1] == "in" || w[k + 1] == "midnight" ||
         w[k + 1] == "noon"))
      return true;
    // "should" / "must" ("MPs should respect the findings as Monday's vote
    // looms", "they must first survive Tuesday's primaries"): an obligation
    // lies ahead. Not "could" / "would" / "can": "visitors could barely move
    // on Wednesday night", "she knew City would beat Inter on Saturday".
    if (w[k] == "should" || w[k] == "must") return true;
    // "the delegation is travelling to Kyiv on Saturday", "is leading a
    // delegation", "are meeting on Monday" (h-dates21): a schedule verb, or
    // one of going or speaking, in the present progressive is a plan.
    if (w[k].size() > 5 && w[k].substr(w[k].size() - 3) == "ing" &&
        (prev == "is" || prev == "are" || prev == "re" || prev == "am")) {
      static constexpr std::array<std::string_view, 6> kProgressive = {
          "lead", "leave", "speak", "testify", "tour", "campaign"};
      const std::string_view stem = w[k].substr(0, w[k].size() - 3);
      std::string e(stem);
      e += 'e';
      const bool doubled = stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2];
      for (std::string_view c : {stem, std::string_view(e),
                                 doubled ? stem.substr(0, stem.size() - 1) : std::string_view()}) {
        if (!c.empty() && (in(kVerbs, c) || in(kProgressive, c))) return true;
      }
    }
    // "Prime minister to set out plan in speech on Sunday", "union to
    // announce result on Friday" (h-dates21): verbs of telling and setting
    // out after "to" in a headline infinitive look ahead; their present
    // forms report after the fact.
    if (prev == "to") {
      // "an interview set to air on Sunday" (h-dates22).
      static constexpr std::array<std::string_view, 11> kAfterTo = {
          "set",   "argue", "announce", "present",   "outline", "testify",
          "speak", "name",  "propose",  "introduce", "air"};
      if (in(kAfterTo, w[k])) return true;
    }
    const std::string_view b = base(w[k]);
    if (b.empty() || in(kDeterminer, prev) || in(kNounBefore, prev)) continue;
    // "hit" is its own past ("a missile hit the plant on Sunday"): only
    // after "to" ("storm to hit coast on Saturday").
    if (b == "hit" && prev != "to") continue;
    // "ends", "wraps up", "concludes" (h-dates12: "the summit ends on
    // Thursday"), but not after "to": "an accord to end the mutiny at the
    // weekend" is a purpose, told after the fact.
    if ((b == "end" || b == "wrap" || b == "conclude") && prev == "to") continue;
    return true;
  }
  return false;
}

// The index in `words` of the next word of `text` from `pos` on that `words`
// lists, or -1; `pos` moves past the words read.
template <std::size_t N>
int NextListedWord(std::string_view text, std::size_t& pos,
                   const std::array<std::string_view, N>& words) {
  while (pos < text.size()) {
    while (pos < text.size() && !IsIdentChar(text[pos])) ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && IsIdentChar(text[pos])) ++pos;
    const auto at = std::find(words.begin(), words.end(), text.substr(start, pos - start));
    if (pos > start && at != words.end()) return static_cast<int>(at - words.begin());
  }
  return -1;
}

// A phrase that a schedule verb moves ahead: a weekday ("on Friday",
// "Sunday's", "Saturday afternoon"), the weekend, or a count of weeks or
// days ("in two weeks", "in a fortnight"); not months or years, which
// present-tense headlines of data name after the fact ("inflation falls to
// 3% in March"). A count ("in three days") after an ordinal or a superlative is a past
// window ("opens its third front in two weeks", "the worst in two weeks").
bool LooksAheadWhenScheduled(std::string_view own, std::string_view before) {
  bool ranked = false;
  {
    std::size_t i = 0;
    while (i < before.size()) {
      while (i < before.size() && !IsIdentChar(before[i])) ++i;
      std::size_t j = i;
      while (j < before.size() && IsIdentChar(before[j])) ++j;
      const std::string_view w = before.substr(i, j - i);
      static constexpr std::array<std::string_view, 15> kRank = {
          "first", "second", "third", "fourth", "fifth", "sixth",    "seventh", "eighth",
          "ninth", "tenth",  "most",  "time",   "times", "eleventh", "twelfth"};
      if (std::find(kRank.begin(), kRank.end(), w) != kRank.end() ||
          (w.size() > 4 && w.substr(w.size() - 3) == "est") ||
          (w.size() > 2 && (w.back() == 'h' || w.back() == 'd') &&
           w.find_first_of("0123456789") != std::string_view::npos))
        ranked = true;
      i = j;
    }
  }
  static constexpr std::array<std::string_view, 12> kWords = {
      "monday", "tuesday", "wednesday", "thursday",  "friday", "saturday",
      "sunday", "weekend", "midweek",   "fortnight", "weeks",  "days"};
  std::size_t i = 0;
  for (int k; (k = NextListedWord(own, i, kWords)) >= 0;)
    if (k < 9 || !ranked) return true;
  // A span of days of the month without a month ("from the 21st to the
  // 24th", h-dates25): the month is inferred, so a schedule verb moves it
  // ahead as it does a weekday; a written month keeps its nearest reading,
  // and so does a single day ("voting ends on the 28th", read on 3
  // October, is 28 September: docs/dates.md).
  if (!own.starts_with("from ") && !own.starts_with("between ")) return false;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  bool ordinal = false;
  for (std::size_t j = 0; j + 2 < own.size(); ++j) {
    if (!std::isdigit(static_cast<unsigned char>(own[j]))) continue;
    const std::string_view suffix = own.substr(j + 1, 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") ordinal = true;
  }
  if (!ordinal) return false;
  for (std::string_view m : kMonths) {
    if (own.find(m) != std::string_view::npos) return false;
  }
  return true;
}

// "The new school year begins in September", read in April (h-dates12): a
// month right after a verb of the calendar in the present (begins, starts,
// opens, resumes, returns, ends, closes) is the next one, as a weekday after
// a schedule verb; months after other present verbs keep the nearest
// occurrence ("inflation falls to 3% in March" reports data).
bool MonthAfterCalendarVerb(std::string_view own, std::string_view before) {
  static constexpr std::array<std::string_view, 8> kVerbs = {
      "begins", "starts", "opens", "reopens", "resumes", "returns", "ends", "closes"};
  std::string_view head = Trim(before);
  std::size_t b = head.size();
  while (b > 0 && IsIdentChar(head[b - 1])) --b;
  // "the fair takes place on 3 November" (h-dates28).
  const bool takes_place = head.substr(b) == "place" && b >= 6 &&
                           (head.substr(b - 6, 6) == "takes " || head.substr(b - 5, 5) == "take ");
  if (!takes_place && std::find(kVerbs.begin(), kVerbs.end(), head.substr(b)) == kVerbs.end())
    return false;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::size_t i = 0;
  if (NextListedWord(own, i, kMonths) < 0) return false;
  if (own.find_first_of("0123456789") == std::string_view::npos) return true;
  // A written day without a year after "on" (h-dates28): "the tour ends on
  // 26 January", "the season starts on July 24th", read when the day of pub's
  // year is gone, is the next one; a verb of the calendar in the present
  // announces, and a year written keeps its own reading.
  if (!own.starts_with("on ")) return false;
  int digits = 0;
  for (char c : own) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits == 4) return false;
  }
  return true;
}

}  // namespace

// "the 3 March attack", "the March 19 elections": a date that modifies a
// noun (lower-case sentence), read as the nearest occurrence whatever the
// sentence's tense.
bool ModifiesNoun(std::string_view lower, std::size_t phrase_begin, std::size_t phrase_end) {
  phrase_begin = std::min(phrase_begin, lower.size());
  phrase_end = std::min(std::max(phrase_end, phrase_begin), lower.size());
  const std::string_view phrase = lower.substr(0, phrase_end);
  const std::string_view head = Trim(phrase.substr(0, phrase_begin));
  const std::string_view own = Trim(phrase.substr(phrase_begin));
  // A possessive works as "the": "the group's Oct. 7 attack", "Hamas's 7
  // October raid" (h-evdate6).
  // The plural's too: "Hamas' October 7th terror attack" (h-dates23).
  const bool owner = (head.size() >= 3 && head.substr(head.size() - 2) == "'s" &&
                      IsIdentChar(head[head.size() - 3])) ||
                     (head.size() >= 5 && head.substr(head.size() - 4) == "\xE2\x80\x99s" &&
                      IsIdentChar(head[head.size() - 5])) ||
                     (head.size() >= 3 && head.substr(head.size() - 2) == "s'") ||
                     (head.size() >= 5 && head.substr(head.size() - 4) == "s\xE2\x80\x99");
  const bool the_before = owner || (head.size() >= 3 && head.substr(head.size() - 3) == "the" &&
                                    (head.size() == 3 || !IsIdentChar(head[head.size() - 4])));
  // "the 3 March", or after a preposition: "on the 3 March attack".
  std::string_view rest = own;
  for (std::string_view prep : {"on ", "in ", "at ", "for ", "over ", "after ", "before ", "since ",
                                "until ", "during ", "from "}) {
    if (rest.size() >= prep.size() && SameAt(rest, 0, prep)) {
      rest = Trim(rest.substr(prep.size()));
      break;
    }
  }
  const bool the_inside = rest.rfind("the ", 0) == 0;
  // Without "the" nothing below can make it true (most phrases).
  if (!the_before && !the_inside) return false;
  bool digit = false;
  for (char c : own) digit = digit || (c >= '0' && c <= '9');
  std::size_t i = phrase_end;
  while (i < lower.size() && lower[i] == ' ') ++i;
  std::size_t j = i;
  while (j < lower.size() && IsIdentChar(lower[j])) ++j;
  const std::string_view next = lower.substr(i, j - i);
  static constexpr std::array<std::string_view, 30> kNotNoun = {
      "and",    "or",   "to", "in",   "at",    "on",  "of",   "when", "as",   "after",
      "before", "with", "by", "was",  "were",  "is",  "are",  "will", "had",  "has",
      "the",    "a",    "an", "that", "which", "who", "last", "this", "next", "year"};
  if ((the_before || the_inside) && digit && !next.empty() && !(next[0] >= '0' && next[0] <= '9') &&
      std::find(kNotNoun.begin(), kNotNoun.end(), next) == kNotNoun.end())
    return true;
  return false;
}

namespace {

// A date that modifies a noun of violence or disaster, the noun right after
// it or one word later ("the Jan. 6 attack", "the Oct. 7 Hamas massacre",
// "the 14 June fire"): such an event has happened, so the day is a past one
// whatever the sentence's tense (h-dates18: "the Jan. 6 attack" read on
// 2022-01-04 was 2022-01-06, the occurrence nearest pub). Scheduled nouns
// ("the March 19 elections", "the 3 March strike") keep the nearest reading.
bool NamesPastEvent(std::string_view lower, std::size_t phrase_end) {
  // Arrests, robberies, outages and floods too (h-dates21: "the 3 March
  // arrest", "the airline's 27 December meltdown").
  // An incident, a brawl or a scuffle (h-dates30: "an April brawl").
  static constexpr std::array<std::string_view, 67> kEvents = {
      "attack",     "attacks",    "massacre",  "massacres",  "raid",         "raids",
      "bombing",    "bombings",   "assault",   "riot",       "riots",        "shooting",
      "shootings",  "killing",    "killings",  "blast",      "blasts",       "explosion",
      "explosions", "ambush",     "uprising",  "coup",       "insurrection", "invasion",
      "incursion",  "fire",       "blaze",     "crash",      "earthquake",   "quake",
      "atrocity",   "atrocities", "airstrike", "airstrikes", "arrest",       "arrests",
      "robbery",    "heist",      "murder",    "stabbing",   "kidnapping",   "abduction",
      "meltdown",   "outage",     "collapse",  "flood",      "floods",       "hack",
      "derailment", "storm",      "storms",    "blizzard",   "hurricane",    "cyclone",
      "typhoon",    "tornado",    "wildfire",  "wildfires",  "landslide",    "eruption",
      "snowstorm",  "flooding",   "incident",  "brawl",      "scuffle",      "altercation",
      "melee"};
  std::size_t i = std::min(phrase_end, lower.size());
  for (int word = 0; word < 2; ++word) {
    while (i < lower.size() && lower[i] == ' ') ++i;
    std::size_t j = i;
    while (j < lower.size() && IsIdentChar(lower[j])) ++j;
    if (j == i) return false;
    if (std::find(kEvents.begin(), kEvents.end(), lower.substr(i, j - i)) != kEvents.end())
      return true;
    i = j;
  }
  return false;
}

// `head` (lower case, trimmed) without a clock time at its end: "set for
// 9:15 a.m.", "due for 3pm", "for 06:00 gmt", "for noon" end in "for" after
// it (h-dates8: "the launch is scheduled for 9:15 a.m. Saturday").
std::string_view StripClockTime(std::string_view head) {
  const auto last_word = [](std::string_view s) {
    std::size_t b = s.size();
    while (b > 0 && s[b - 1] != ' ') --b;
    return b;
  };
  std::string_view rest = head;
  std::size_t b = last_word(rest);
  std::string_view w = rest.substr(b);
  for (std::string_view zone :
       {"gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "bst", "cet", "cest", "time"}) {
    if (w == zone) {
      rest = Trim(rest.substr(0, b));
      if (zone == "time" && rest.size() >= 5 && rest.substr(rest.size() - 5) == "local")
        rest = Trim(rest.substr(0, rest.size() - 5));
      b = last_word(rest);
      w = rest.substr(b);
      break;
    }
  }
  bool clock = false;
  if (w == "a.m." || w == "p.m." || w == "am" || w == "pm" || w == "a.m" || w == "p.m") {
    const std::string_view before = Trim(rest.substr(0, b));
    const std::size_t nb = last_word(before);
    const std::string_view num = before.substr(nb);
    if (!num.empty() && std::isdigit(static_cast<unsigned char>(num[0]))) {
      rest = before.substr(0, nb);
      clock = true;
    }
  } else if (w == "noon" || w == "midnight") {
    rest = rest.substr(0, b);
    clock = true;
  } else if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) {
    // "3pm", "9.30am", "06:00", "2300"-style times with a separator or a suffix.
    const bool suffix =
        w.size() > 2 && (w.substr(w.size() - 2) == "am" || w.substr(w.size() - 2) == "pm");
    const bool colon = w.find(':') != std::string_view::npos;
    if (suffix || colon) {
      rest = rest.substr(0, b);
      clock = true;
    }
  }
  return clock ? Trim(rest) : head;
}

// "marched on Sunday against the government's plan to raise taxes",
// "opened fire on Friday evening before going to a second bar", "Monday's
// protest drew crowds opposed to plans to close the mine" (h-dates26): an
// infinitive of intent after the phrase (plan to, going to, aims to, hopes
// to, intends to) belongs to a noun or a gerund when a past verb governs the
// phrase: before it, or after it (from `from`, the phrase's place in s) and
// ahead of the cue. Any other future cue in s counts as HasFutureCue says,
// and so does an intent cue before `from` or with no past verb.
bool CueAfterGoverns(std::string_view s, bool past_before, std::size_t from = 0) {
  if (!HasFutureCue(s)) return false;
  static constexpr std::array<std::string_view, 10> kIntent = {
      "plans to", "plan to",  "planning to", "going to",   "aims to",
      "aim to",   "hopes to", "hope to",     "intends to", "intend to"};
  thread_local std::string blank;
  blank.assign(s);
  std::size_t first = std::string_view::npos;
  for (std::string_view w : kIntent) {
    for (std::size_t at = blank.find(w); at != std::string::npos; at = blank.find(w, at + 1)) {
      if (at > 0 && IsIdentChar(blank[at - 1])) continue;
      // "as part of a plan to", "the government's plans to": a noun, which
      // tells no tense at all (blanked, no intent either).
      std::size_t e = at;
      while (e > 0 && blank[e - 1] == ' ') --e;
      std::size_t b = e;
      while (b > 0 && (IsIdentChar(blank[b - 1]) || blank[b - 1] == '\'' ||
                       static_cast<unsigned char>(blank[b - 1]) >= 0x80))
        --b;
      const std::string_view prev = std::string_view(blank).substr(b, e - b);
      static constexpr std::array<std::string_view, 12> kDet = {
          "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "of", "against"};
      const bool noun =
          w.starts_with("plan") && (std::find(kDet.begin(), kDet.end(), prev) != kDet.end() ||
                                    prev.ends_with("'s") || prev.ends_with("\xE2\x80\x99s"));
      if (!noun) first = std::min(first, at);
      std::fill(blank.begin() + static_cast<std::ptrdiff_t>(at),
                blank.begin() + static_cast<std::ptrdiff_t>(at + w.size()), ' ');
    }
  }
  if (HasFutureCue(blank)) return true;
  if (first == std::string_view::npos) return false;
  if (first < from) return true;
  if (past_before) return false;
  return !HasPastVerb(s.substr(from, first - from), true);
}

// "Residents were told to stay home on New Year's Eve", "ordered bars to
// close early on Christmas Eve", "offered a truce to mark Orthodox
// Christmas" (h-dates26): a phrase that closes an infinitive after a verb
// of ordering, asking or offering (its object up to three words) dates what
// was asked, ahead of the asking: the occurrence nearest pub, not the past
// one. At most four words between the infinitive's verb and the phrase,
// none a determiner or a preposition of a noun ("ordered to pay damages for
// the attack on 3 March" keeps the past). Only a day after "on" or right
// after the verb ("to mark Orthodox Christmas"), not a noun's modifier ("to
// compensate Easter bombing victims"): "was ordered to pay damages in
// October" dates the order.
bool OrderedInfinitive(std::string_view clause_before, std::string_view own) {
  std::array<std::string_view, 10> w{};  // the last words, nearest first
  std::size_t n = 0;
  for (std::size_t j = clause_before.size(); j > 0 && n < w.size();) {
    while (j > 0 && !IsIdentChar(clause_before[j - 1]) && clause_before[j - 1] != '\'') --j;
    std::size_t i = j;
    while (i > 0 && (IsIdentChar(clause_before[i - 1]) || clause_before[i - 1] == '\'')) --i;
    if (i == j) break;
    w[n++] = clause_before.substr(i, j - i);
    j = i;
  }
  static constexpr std::array<std::string_view, 18> kStop = {
      "the",  "a",   "an", "his",  "her",   "their", "its",   "our",    "this",
      "that", "for", "of", "over", "about", "after", "since", "during", "than"};
  static constexpr std::array<std::string_view, 14> kOrder = {
      "told",    "ordered", "asked",     "urged",      "advised", "instructed", "offered",
      "invited", "allowed", "permitted", "encouraged", "called",  "requested",  "warned"};
  const auto in = [](const auto& set, std::string_view x) {
    return std::find(set.begin(), set.end(), x) != set.end();
  };
  // w[k] = "to", w[k-1] its verb, w[0..k-2] the words up to the phrase.
  const bool on = own.starts_with("on ") || (n > 0 && w[0] == "on");
  for (std::size_t k = 1; k < n && k <= 5; ++k) {
    if (!on && k > 1) return false;
    if (in(kStop, w[k - 1])) return false;
    if (w[k] != "to") continue;
    for (std::size_t v = k + 1; v < n && v <= k + 4; ++v) {
      if (in(kOrder, w[v])) return true;
      if (w[v] == "on" && v + 1 < n && w[v + 1] == "called") return true;
    }
    return false;
  }
  return false;
}

// A verb of ordering, urging or warning followed by "to" among the last
// eight words of `head` with no comma, semicolon or colon after it
// ("were told to brace for cold and wind", h-dates30).
bool OrderToBefore(std::string_view head) {
  static constexpr std::array<std::string_view, 9> kOrder = {"told",   "ordered",    "asked",
                                                             "urged",  "advised",    "instructed",
                                                             "warned", "encouraged", "called"};
  std::array<std::string_view, 9> w{};  // the last words, nearest first
  std::size_t n = 0;
  for (std::size_t j = head.size(); j > 0 && n < w.size();) {
    while (j > 0 && !IsIdentChar(head[j - 1])) {
      if (head[j - 1] == ',' || head[j - 1] == ';' || head[j - 1] == ':') return false;
      --j;
    }
    std::size_t i = j;
    while (i > 0 && IsIdentChar(head[i - 1])) --i;
    if (i == j) break;
    w[n++] = head.substr(i, j - i);
    j = i;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (w[k - 1] == "to" && std::find(kOrder.begin(), kOrder.end(), w[k]) != kOrder.end())
      return true;
  }
  return false;
}

// The clause's last word is a past verb or participle that is not about
// something still to come (h-dates27; see TenseInLower).
bool PastRightBefore(std::string_view clause_before) {
  std::size_t j = clause_before.size();
  while (j > 0 && !IsIdentChar(clause_before[j - 1])) --j;
  // Only a word right before the phrase: no comma or other mark between.
  if (Trim(clause_before.substr(j)).size() != 0) return false;
  std::size_t i = j;
  while (i > 0 && IsIdentChar(clause_before[i - 1])) --i;
  const std::string_view w = clause_before.substr(i, j - i);
  static constexpr std::array<std::string_view, 18> kAhead = {
      "expected", "scheduled", "planned",   "set",      "slated",   "due",
      "proposed", "promised",  "timed",     "booked",   "tipped",   "poised",
      "billed",   "penciled",  "pencilled", "intended", "followed", "preceded"};
  if (w.empty() || std::find(kAhead.begin(), kAhead.end(), w) != kAhead.end()) return false;
  // A phrasal verb's particle: "a drone brought down on Tuesday", "the
  // talks called off on Friday", "raids carried out overnight".
  static constexpr std::array<std::string_view, 7> kParticle = {"down", "up",   "out", "off",
                                                                "back", "away", "over"};
  if (std::find(kParticle.begin(), kParticle.end(), w) != kParticle.end()) {
    std::size_t k = i;
    while (k > 0 && clause_before[k - 1] == ' ') --k;
    if (k == i || k == 0 || !IsIdentChar(clause_before[k - 1])) return false;
    return PastRightBefore(clause_before.substr(0, k));
  }
  if (HasPastVerb(clause_before.substr(0, j), false, 1)) return true;
  // A participle's agent or place between it and the phrase (h-evdate30):
  // "an inmate stabbed by a fellow prisoner on Friday is expected to
  // recover", "a man shot in a bar by police Sunday will be buried": a
  // preposition (by, in, at, near, outside, inside, from) and at most four
  // words, no mark between, after a participle that governs the phrase as
  // above (or after another such phrase).
  if (w == "by") return false;  // a deadline ("by Friday")
  std::size_t k = i;
  for (int words = 1; words <= 4 && k > 0; ++words) {
    while (k > 0 && clause_before[k - 1] == ' ') --k;
    if (k == 0 || !IsIdentChar(clause_before[k - 1])) return false;
    std::size_t b = k;
    while (b > 0 && IsIdentChar(clause_before[b - 1])) --b;
    static constexpr std::array<std::string_view, 7> kPreposition = {
        "by", "in", "at", "near", "outside", "inside", "from"};
    if (std::find(kPreposition.begin(), kPreposition.end(), clause_before.substr(b, k - b)) !=
        kPreposition.end()) {
      std::size_t e = b;
      while (e > 0 && clause_before[e - 1] == ' ') --e;
      if (e == b || e == 0 || !IsIdentChar(clause_before[e - 1])) return false;
      return PastRightBefore(clause_before.substr(0, e));
    }
    k = b;
  }
  return false;
}

// TenseAt over the sentence already in lower case (FindTimes makes it once
// per sentence, for every phrase in it).
// "could", "might" or "may" as a verb in a lower-case clause head, followed
// by a verb that is not "have" (a past possibility) nor "not" / "n't" (a
// past ability: "could not attend on March 3"); "may" not after a word that
// makes it the month ("in may", "since may") nor before a digit (h-dates30).
bool ModalAheadIn(std::string_view head) {
  static constexpr std::array<std::string_view, 3> kModal = {"could", "might", "may"};
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i > 0 && IsIdentChar(head[i - 1])) continue;
    for (std::string_view md : kModal) {
      if (!SameAt(head, i, md)) continue;
      std::size_t j = i + md.size();
      if (j >= head.size() || head[j] != ' ') continue;
      while (j < head.size() && head[j] == ' ') ++j;
      std::size_t k = j;
      while (k < head.size() && IsIdentChar(head[k])) ++k;
      const std::string_view next = head.substr(j, k - j);
      if (next.empty() || next == "have" || next == "not" || next == "n" ||
          std::isdigit(static_cast<unsigned char>(next[0])))
        continue;
      if (md == "may") {
        std::size_t b = i;
        while (b > 0 && head[b - 1] == ' ') --b;
        std::size_t a = b;
        while (a > 0 && IsIdentChar(head[a - 1])) --a;
        const std::string_view prev = head.substr(a, b - a);
        if (prev == "in" || prev == "since" || prev == "of" || prev == "from" || prev == "by" ||
            prev == "until" || prev == "early" || prev == "late" || prev == "mid" ||
            prev == "theresa" || prev == "mrs" || prev == "ms")
          continue;
      }
      return true;
    }
  }
  return false;
}

Tense TenseInLower(std::string_view lower, std::size_t phrase_begin, std::size_t phrase_end) {
  phrase_begin = std::min(phrase_begin, lower.size());
  phrase_end = std::min(std::max(phrase_end, phrase_begin), lower.size());
  {
    // "on the eve of 11 November": the phrase ComposeSpans makes of it
    // starts at "on" (the verb's reach counts from there).
    constexpr std::string_view kEve = "the eve of ";
    if (phrase_begin >= kEve.size() &&
        lower.substr(phrase_begin - kEve.size(), kEve.size()) == kEve) {
      phrase_begin -= kEve.size();
      if (phrase_begin >= 3 && lower.substr(phrase_begin - 3, 3) == "on ") phrase_begin -= 3;
    }
  }
  if (ModifiesNoun(lower, phrase_begin, phrase_end))
    return NamesPastEvent(lower, phrase_end) ? Tense::kPast : Tense::kNearest;
  {
    // "following the attack in October", "Hamas's raid on 7 October"
    // (h-dates33): "in" / "on" + a date right after a noun of violence or
    // disaster that "the" or a possessive makes definite names the act,
    // which has happened, whatever the clause's tense ("the carrier will
    // sail home, two months after it was sent there following the attack in
    // October", read in December). Not "an attack in October" ("warned of an
    // attack in October"), nor "the planned attack" (an adjective between).
    const std::string_view own = lower.substr(phrase_begin, phrase_end - phrase_begin);
    if (own.rfind("in ", 0) == 0 || own.rfind("on ", 0) == 0) {
      std::size_t e = phrase_begin;
      while (e > 0 && lower[e - 1] == ' ') --e;
      std::size_t b = e;
      while (b > 0 && IsIdentChar(lower[b - 1])) --b;
      if (b < e && NamesPastEvent(lower.substr(0, e), b)) {
        std::size_t d = b;
        while (d > 0 && lower[d - 1] == ' ') --d;
        const std::string_view det = lower.substr(0, d);
        const bool the = det.size() >= 3 && det.substr(det.size() - 3) == "the" &&
                         (det.size() == 3 || !IsIdentChar(det[det.size() - 4]));
        const bool owner = (det.size() >= 3 && det.substr(det.size() - 2) == "'s") ||
                           (det.size() >= 5 && det.substr(det.size() - 4) == "\xE2\x80\x99s") ||
                           (det.size() >= 2 && det.back() == '\'');
        if (the || owner) return Tense::kPast;
      }
    }
  }
  {
    // A possessive day that owns a violent act ("Wednesday's bomb
    // explosion", "Monday's attack") names the act, which has happened: a
    // future verb of the clause is about something else ("will not bow to
    // threats shown by Wednesday's explosion", h-muc21). Not a planned or
    // possible act ("Monday's planned attack").
    std::size_t k = phrase_end;
    std::size_t after = std::string_view::npos;
    if (k + 2 <= lower.size() && lower.compare(k, 2, "'s") == 0) after = k + 2;
    if (k + 4 <= lower.size() && lower.compare(k, 4, "\xE2\x80\x99s") == 0) after = k + 4;
    if (after != std::string_view::npos && (after == lower.size() || !IsIdentChar(lower[after]))) {
      std::size_t i = after;
      while (i < lower.size() && lower[i] == ' ') ++i;
      std::size_t j = i;
      while (j < lower.size() && IsIdentChar(lower[j])) ++j;
      static constexpr std::array<std::string_view, 9> kUnrealised = {
          "planned",  "expected", "scheduled", "upcoming", "threatened",
          "proposed", "possible", "feared",    "promised"};
      if (std::find(kUnrealised.begin(), kUnrealised.end(), lower.substr(i, j - i)) ==
              kUnrealised.end() &&
          NamesPastEvent(lower, after))
        return Tense::kPast;
    }
  }
  {
    // A weekday that opens the sentence as the subject of a present verb is
    // a day ahead: "Friday marks the anniversary", "Friday is the last day
    // to register", "Monday begins a week of talks" (h-dates10); "Tuesday
    // saw", "Saturday was" keep the past. Not "sees" / "brings": live-blog
    // headlines tell the day past with them (of the kind "Sunday sees most aid
    // trucks in weeks", read on Monday).
    static constexpr std::array<std::string_view, 9> kPresent = {
        "is", "marks", "begins", "starts", "opens", "ends", "falls", "will", "should"};
    const std::string_view own = lower.substr(phrase_begin, phrase_end - phrase_begin);
    std::size_t i = phrase_end;
    while (i < lower.size() && lower[i] == ' ') ++i;
    std::size_t j = i;
    while (j < lower.size() && IsIdentChar(lower[j])) ++j;
    if (Trim(lower.substr(0, phrase_begin)).empty() && own.find(' ') == std::string_view::npos &&
        ParseWeekday(own) &&
        std::find(kPresent.begin(), kPresent.end(), lower.substr(i, j - i)) != kPresent.end())
      return Tense::kFuture;
  }
  {
    // "On Sunday, the museum's new wing opens to the public", "On Saturday,
    // away fans come back to the ground" (h-dates35, batch 47's leftover): a
    // weekday after "on" opening the sentence before a comma, then a present
    // verb of a scheduled event among the next six words (not after a
    // determiner or a preposition: "On Friday, the opening of ..."), with no
    // past verb in the clause: ahead. Verbs of protest or fighting (march,
    // gather, fight) are left out: captions tell the day gone with them.
    const std::string_view own = lower.substr(phrase_begin, phrase_end - phrase_begin);
    if (Trim(lower.substr(0, phrase_begin)).empty() && own.starts_with("on ") &&
        own.find(' ', 3) == std::string_view::npos && ParseWeekday(own.substr(3)) &&
        phrase_end < lower.size() && lower[phrase_end] == ',') {
      static constexpr std::array<std::string_view, 22> kAhead = {
          "open", "reopen", "resume", "return", "begin",  "start",    "restart", "close",
          "come", "launch", "end",    "expire", "debut",  "premiere", "host",    "play",
          "face", "meet",   "vote",   "air",    "arrive", "kick"};
      static constexpr std::array<std::string_view, 14> kNotVerb = {
          "the", "a",   "an", "its",  "his", "her", "their",
          "of",  "for", "to", "from", "in",  "at",  "s"};
      std::size_t clause_end = lower.find_first_of(";.!?", phrase_end);
      if (clause_end == std::string_view::npos) clause_end = lower.size();
      const std::string_view rest = lower.substr(phrase_end + 1, clause_end - phrase_end - 1);
      std::string_view prev;
      std::size_t i = 0;
      bool ahead = false;
      for (int words = 0; words < 6 && i < rest.size() && !ahead; ++words) {
        while (i < rest.size() && !IsIdentChar(rest[i])) {
          if (rest[i] == ',')
            i = rest.size();  // the clause after the comma only
          else
            ++i;
        }
        std::size_t j = i;
        while (j < rest.size() && IsIdentChar(rest[j])) ++j;
        if (j == i) break;
        const std::string_view w = rest.substr(i, j - i);
        const auto listed = [&](std::string_view b) {
          return std::find(kAhead.begin(), kAhead.end(), b) != kAhead.end();
        };
        const bool verb =
            listed(w) || (w.size() > 3 && w.back() == 's' && listed(w.substr(0, w.size() - 1)));
        if (verb && std::find(kNotVerb.begin(), kNotVerb.end(), prev) == kNotVerb.end() &&
            words > 0)
          ahead = true;
        prev = w;
        i = j;
      }
      if (ahead && !HasPastVerb(rest, true)) return Tense::kFuture;
    }
  }
  bool for_date = false;
  // "a strike has been called for Monday", "talks set for Friday": a weekday
  // after "for" is an appointment, ahead of pub (not "for Friday prayers").
  {
    const std::string_view full_head = Trim(std::string_view(lower).substr(0, phrase_begin));
    const std::string_view head = StripClockTime(full_head);
    std::string_view own =
        Trim(std::string_view(lower).substr(phrase_begin, phrase_end - phrase_begin));
    // "set for 3pm on Monday": after a clock time the weekday takes "on".
    if (head.size() != full_head.size() && own.size() > 3 && own.substr(0, 3) == "on ")
      own = own.substr(3);
    const bool after_for = head.size() >= 3 && head.substr(head.size() - 3) == "for" &&
                           (head.size() == 3 || !IsIdentChar(head[head.size() - 4]));
    std::size_t i = phrase_end;
    while (i < lower.size() && lower[i] == ' ') ++i;
    // An auxiliary after a written day is no noun: "a hearing set for
    // February 9 was moved", "the debate set for October 3 has been thrown
    // into doubt" (h-dates33) keep the appointment's nearest occurrence
    // (`for_date` below; a weekday keeps its reading).
    std::size_t iw = i;
    while (iw < lower.size() && IsIdentChar(lower[iw])) ++iw;
    static constexpr std::array<std::string_view, 11> kAux = {
        "was", "were", "has", "have", "had", "is", "are", "will", "would", "could", "may"};
    const bool aux_after =
        std::find(kAux.begin(), kAux.end(), lower.substr(i, iw - i)) != kAux.end();
    // A preposition after the weekday is no noun either: "has been ruled out
    // for Sunday by the club", "fit for Saturday against the leaders"
    // (h-dates34, batch 43's leftover).
    static constexpr std::array<std::string_view, 11> kNotNoun = {
        "and", "or", "at", "in", "by", "against", "after", "with", "when", "because", "but"};
    const bool noun_after =
        i < lower.size() && lower[i] >= 'a' && lower[i] <= 'z' &&
        std::find(kNotNoun.begin(), kNotNoun.end(), lower.substr(i, iw - i)) == kNotNoun.end();
    // Not a possessive ("for Friday's attack") nor after "had" ("the gas it
    // had booked for Saturday").
    const bool possessive =
        phrase_end < lower.size() && (lower[phrase_end] == '\'' || lower[phrase_end] == '\xE2');
    const std::size_t from = head.size() > 48 ? head.size() - 48 : 0;
    const bool had = head.substr(from).find("had ") != std::string_view::npos;
    // The phrase's first word as a weekday, asked twice below.
    const bool own_weekday = ParseWeekday(own.substr(0, own.find(' '))).has_value();
    if (after_for && !noun_after && !possessive && !had && own_weekday) return Tense::kFuture;
    // "ahead of Sunday's vote", "in the run-up to Monday's summit", "tickets
    // for Saturday's match" (h-dates12): a weekday after "ahead of" / "the
    // run-up to", or a possessive weekday after "for" owning a fixture, lies
    // ahead ("for Friday's attack" does not).
    if (own_weekday) {
      const auto ends_with = [&](std::string_view w) {
        return head.size() >= w.size() && head.substr(head.size() - w.size()) == w &&
               (head.size() == w.size() || !IsIdentChar(head[head.size() - w.size() - 1]));
      };
      // Not after a past verb: "she thought he seemed nervous ahead of
      // Thursday's court date", read on Sunday, is the Thursday just past.
      for (std::string_view w : {"ahead of", "run-up to", "lead-up to"}) {
        if (ends_with(w) && !HasPastVerb(head.substr(0, head.size() - w.size())))
          return Tense::kFuture;
      }
      // "The league has called off its matches through Monday", "roads stay
      // shut through Sunday" (h-dates33): a bare weekday that ends a span
      // after "through" in a present or a present perfect is the coming day;
      // a simple past keeps the day gone ("schools stayed shut through
      // Monday", read on Wednesday).
      if (!possessive && own.find(' ') == std::string_view::npos && ends_with("through")) {
        const std::string_view h = head.substr(0, head.size() - 7);
        // A present perfect of calling off or closing among the last six
        // words ("has called off", "have postponed", "has suspended") sets
        // what is ahead, unless "was / were / had / did" stands there too;
        // other perfects tell what went on up to the day ("bombardment has
        // continued through Saturday", read on Sunday).
        static constexpr std::array<std::string_view, 16> kCallOff = {
            "called",  "cancelled", "canceled", "postponed", "suspended", "closed",
            "shut",    "banned",    "halted",   "paused",    "grounded",  "extended",
            "delayed", "scrapped",  "axed",     "off"};
        bool perfect = false, past_aux = false, call_off = false;
        std::size_t j = h.size();
        for (int n = 0; n < 6 && j > 0; ++n) {
          while (j > 0 && !IsIdentChar(h[j - 1])) --j;
          std::size_t b = j;
          while (b > 0 && IsIdentChar(h[b - 1])) --b;
          const std::string_view w = h.substr(b, j - b);
          perfect = perfect || w == "has" || w == "have" || w == "ve";
          call_off = call_off || std::find(kCallOff.begin(), kCallOff.end(), w) != kCallOff.end();
          past_aux = past_aux || w == "was" || w == "were" || w == "had" || w == "did";
          j = b;
        }
        if (!HasPastVerb(h) || (perfect && call_off && !past_aux)) return Tense::kFuture;
      }
      // "Starting Monday, masks are required", "fares rise effective Tuesday"
      // (h-dates18): a bare weekday after starting / beginning / effective
      // opens what is to come, unless a past verb stands before it or in
      // the words after it ("a curfew beginning Friday evening and lifted
      // early on Sunday was strict").
      if (!possessive) {
        const std::string_view tail = lower.substr(phrase_end, 80);
        for (std::string_view w : {"starting", "beginning", "effective"}) {
          if (ends_with(w) && !HasPastVerb(head.substr(0, head.size() - w.size())) &&
              !HasPastVerb(tail, true))
            return Tense::kFuture;
        }
      }
      if (after_for && possessive && !had) {
        std::size_t k = phrase_end;
        while (k < lower.size() && !(lower[k] == ' ')) ++k;  // past "'s"
        while (k < lower.size() && lower[k] == ' ') ++k;
        std::size_t e = k;
        while (e < lower.size() && IsIdentChar(lower[e])) ++e;
        static constexpr std::array<std::string_view, 14> kFixture = {
            "vote",  "election", "match",   "game",   "final",   "race",    "summit",
            "talks", "meeting",  "hearing", "debate", "concert", "fixture", "deadline"};
        if (std::find(kFixture.begin(), kFixture.end(), lower.substr(k, e - k)) != kFixture.end())
          return Tense::kFuture;
      }
    }
    // "a truce for May 8-10", "talks set for 5 March": a written day after
    // "for" takes the occurrence nearest pub in a past sentence (below).
    // "the hearing was moved to Sept 12", "talks were postponed to 5 March"
    // (h-dates10): the date a past verb moves something to is an appointment
    // too, as often ahead as behind.
    bool after_move = false;
    if (head.size() > 3 && head.substr(head.size() - 3) == " to") {
      const std::string_view verb_head = Trim(head.substr(0, head.size() - 3));
      static constexpr std::array<std::string_view, 12> kMove = {
          "moved",   "postponed", "delayed", "adjourned", "rescheduled", "back",
          "forward", "deferred",  "shifted", "pushed",    "changed",     "off"};
      std::size_t b = verb_head.size();
      while (b > 0 && IsIdentChar(verb_head[b - 1])) --b;
      after_move = std::find(kMove.begin(), kMove.end(), verb_head.substr(b)) != kMove.end();
    }
    for_date = (after_for || after_move) && (!noun_after || aux_after) && !possessive &&
               own.find_first_of("0123456789") != std::string_view::npos;
  }
  // A past reporting verb right before the phrase dates the report, not the plan.
  static constexpr std::array<std::string_view, 12> kReport = {
      "said",  "announced", "told",   "reported", "confirmed", "claimed",
      "added", "warned",    "stated", "revealed", "wrote",     "tweeted"};
  // Right before the phrase also "posted", "ruled", "issued" (h-dates21: "said
  // in a statement posted Friday that the inquiry will be led by ..."); not
  // in a reporting tag after it ("..., the president issued a warning").
  static constexpr std::array<std::string_view, 18> kReportBefore = {
      "said",   "announced", "told",   "reported",  "confirmed", "claimed",
      "added",  "warned",    "stated", "revealed",  "wrote",     "tweeted",
      "posted", "ruled",     "issued", "published", "disclosed", "suggested"};
  const std::string_view before = std::string_view(lower).substr(0, phrase_begin);
  std::string_view tail = Trim(before);
  {
    // "the minister said in a statement on Tuesday", "said in a tweet
    // Saturday", "told reporters on Friday", "wrote on his Telegram channel
    // on Monday" (h-dates27): the words of a channel or an audience between
    // the reporting verb and the phrase do not stop it dating the report
    // (a quote before with "will" read the day a week ahead). Only these
    // words, at most six: "said the vote will be held on Monday" keeps its
    // cue, "warned of strikes on Monday" its noun.
    static constexpr std::array<std::string_view, 44> kChannel = {
        "in",         "a",         "an",         "the",       "at",      "on",        "his",
        "her",        "their",     "its",        "statement", "tweet",   "post",      "interview",
        "letter",     "video",     "speech",     "briefing",  "message", "email",     "blog",
        "news",       "press",     "conference", "televised", "address", "reporters", "journalists",
        "parliament", "lawmakers", "account",    "social",    "media",   "page",      "channel",
        "telegram",   "twitter",   "facebook",   "website",   "online",  "radio",     "television",
        "tv",         "broadcast"};
    std::string_view t = tail;
    int stripped = 0;
    while (stripped < 6) {
      std::size_t b = t.size();
      while (b > 0 && IsIdentChar(t[b - 1])) --b;
      const std::string_view w = t.substr(b);
      if (w.empty() || std::find(kChannel.begin(), kChannel.end(), w) == kChannel.end()) break;
      t = Trim(t.substr(0, b));
      ++stripped;
    }
    if (stripped > 0) {
      std::size_t b = t.size();
      while (b > 0 && IsIdentChar(t[b - 1])) --b;
      const std::string_view w = t.substr(b);
      static constexpr std::array<std::string_view, 8> kSay = {
          "said", "told", "wrote", "posted", "announced", "stated", "tweeted", "suggested"};
      if (std::find(kSay.begin(), kSay.end(), w) != kSay.end()) tail = t;
    }
  }
  for (auto v : kReportBefore) {
    if (tail.size() >= v.size() && SameAt(tail, tail.size() - v.size(), v) &&
        (tail.size() == v.size() || !IsIdentChar(tail[tail.size() - v.size() - 1]))) {
      // A participle after a form of "be" is no report: "the results will
      // be published in March", "a ruling is issued on Friday".
      const std::string_view rest = Trim(tail.substr(0, tail.size() - v.size()));
      std::size_t b = rest.size();
      while (b > 0 && IsIdentChar(rest[b - 1])) --b;
      const std::string_view prev = rest.substr(b);
      if (prev == "be" || prev == "been" || prev == "being" || prev == "is" || prev == "are") break;
      return Tense::kPast;
    }
  }
  // Future cues, outside the phrase itself ("next" inside it, as in "next
  // week", is handled by the value).
  // The phrase's own clause: from the last clause break before it to the
  // first one after it. A future cue in another clause ("Rebels attacked on
  // 3 March, and talks will resume in June") does not make a clause future
  // that has a past verb of its own.
  static constexpr std::array<std::string_view, 14> kBreaks = {
      ";",         ", and ", ", but ",         " but ",         ", while ",
      " whereas ", ", as ",  ", although ",    ", though ",     ", after ",
      ", before ", " - ",    " \xE2\x80\x94 ", " \xE2\x80\x93 "};
  std::size_t clause_begin = 0, clause_end = lower.size();
  // A relative clause (", which was shelled on 3 March, ...", "priests who
  // were killed on 16 November") ends at the next comma.
  static constexpr std::array<std::string_view, 4> kRelative = {" which ", " who ", " where ",
                                                                ", when "};
  // One pass over the bytes that can begin a break (';', ',' and ' ')
  // finds the last break ending in the head and the first one starting at
  // or after the phrase's end (14 searches each way before), and the last
  // relative marker of each kind in the head.
  std::array<std::size_t, kRelative.size()> relative_at;
  relative_at.fill(std::string_view::npos);
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c != ' ' && c != ',' && c != ';') continue;
    if (i >= phrase_begin && i < phrase_end) continue;
    // Every break and marker but ";" is two bytes at least, and its second
    // byte is one of a few: a space or comma followed by anything else
    // begins none of them (most of a sentence's spaces).
    const char next = i + 1 < lower.size() ? lower[i + 1] : '\0';
    if (c == ',' && next != ' ') continue;
    if (c == ' ' && next != 'b' && next != 'w' && next != '-' && next != '\xE2') continue;
    for (auto b : kBreaks) {
      if (b[0] != c || i + b.size() > lower.size() || !SameAt(lower, i, b)) continue;
      if (i + b.size() <= phrase_begin) clause_begin = std::max(clause_begin, i + b.size());
      if (i >= phrase_end) clause_end = std::min(clause_end, i);
    }
    if (i >= phrase_begin) continue;
    for (std::size_t r = 0; r < kRelative.size(); ++r) {
      const std::string_view b = kRelative[r];
      if (b[0] == c && i + b.size() <= phrase_begin && SameAt(lower, i, b)) relative_at[r] = i;
    }
  }
  for (std::size_t r = 0; r < kRelative.size(); ++r) {
    const std::string_view b = kRelative[r];
    const std::size_t before_at = relative_at[r];
    if (before_at == std::string::npos || before_at + b.size() < clause_begin) continue;
    clause_begin = before_at + b.size();
    const std::size_t comma = lower.find(',', phrase_end);
    if (comma != std::string::npos) clause_end = std::min(clause_end, comma);
  }
  // "the new season starts on 2 June, with only six episodes confirmed"
  // (h-dates29): a participle in an absolute phrase after ", with" is no
  // past verb of the clause.
  const std::size_t with_at = lower.find(", with ", phrase_end);
  const std::size_t past_end = std::min(clause_end, with_at);
  // A cue in a coordinated verb after the phrase does not outweigh a past
  // verb right before it: "talks resumed on Monday and will continue today".
  const std::string_view clause_before =
      std::string_view(lower).substr(clause_begin, phrase_begin - clause_begin);
  const std::string_view clause_after =
      std::string_view(lower).substr(phrase_end, clause_end - phrase_end);
  const std::size_t and_at = clause_after.find(" and ");
  const std::string_view near_after =
      and_at == std::string_view::npos ? clause_after : clause_after.substr(0, and_at);
  // A past verb before the phrase in its clause, asked up to three times
  // below: worked out once, and only when asked.
  int past_before = -1;
  const auto past_verb_before = [&] {
    if (past_before < 0) past_before = HasPastVerb(clause_before) ? 1 : 0;
    return past_before == 1;
  };
  // "In April, the platform said it would start charging" (h-dates20): a
  // past reporting verb among the first five words after the phrase, not
  // followed by a comma, with no future cue before it and one after it,
  // dates the report: the cue belongs to the reported plan.
  if (!HasFutureCue(clause_before)) {
    std::size_t i = 0, words = 0;
    while (i < clause_after.size() && words < 5) {
      while (i < clause_after.size() && !IsIdentChar(clause_after[i])) ++i;
      std::size_t j = i;
      while (j < clause_after.size() && IsIdentChar(clause_after[j])) ++j;
      if (j == i) break;
      ++words;
      const std::string_view w = clause_after.substr(i, j - i);
      if (std::find(kReport.begin(), kReport.end(), w) != kReport.end()) {
        if ((j >= clause_after.size() || clause_after[j] != ',') &&
            !HasFutureCue(clause_after.substr(0, i)) && HasFutureCue(clause_after.substr(j)))
          return Tense::kPast;
        break;
      }
      i = j;
    }
  }
  // "a staffer attacked over the weekend is expected to recover", "two men
  // shot on Saturday will need surgery", "the strike that began on Wednesday
  // is set to run until Friday" (h-dates27): a past verb or participle right
  // before the phrase governs it; a future cue after it belongs to the main
  // clause. Not a participle of what is to come ("the results expected on
  // Tuesday will show", "a vote scheduled for Friday", "followed on Tuesday
  // by the holiday"). A cue before it does not rule either: "Moscow intends
  // to raise the drone brought down on Tuesday".
  const bool governed = PastRightBefore(clause_before);
  if (!governed &&
      (HasFutureCue(clause_before) || CueAfterGoverns(near_after, past_verb_before()) ||
       (!past_verb_before() && CueAfterGoverns(clause_after, false))))
    return Tense::kFuture;
  // The sentence without the phrase, built only when no past verb already
  // rules the cue out (kept by the thread).
  // "The firm hopes to fly again next week, after a test in April ended in
  // an explosion" (h-evdate30): a clause set off by a break whose own verb
  // after the phrase is past tells a past act; a cue of another clause (a
  // plan, an expectation) is not its, so the whole sentence is not asked.
  const bool own_past_after =
      clause_begin > 0 && HasPastVerb(near_after, true) &&
      !HasFutureCue(std::string_view(lower).substr(clause_begin, clause_end - clause_begin));
  // A participle that governs the phrase (above) keeps a cue of the main
  // clause off it here too: "a guard wounded by rebels on Sunday will be
  // flown home" (HasPastVerb reads no past verb before "by").
  if (!past_verb_before() && !own_past_after && !governed) {
    thread_local std::string outside;
    outside.clear();
    outside.append(lower.substr(0, phrase_begin)).append(" ").append(lower.substr(phrase_end));
    if (CueAfterGoverns(outside, false, phrase_begin)) return Tense::kFuture;
  }
  // No future cue: past when a past verb sits near the phrase in its clause
  // ("The dam burst on 3 March", "On 3 March, rebels attacked"); otherwise
  // (present tense, no verb: "the cabinet that is sworn in on 12
  // May") a day or month without a year takes the nearest occurrence.
  // A rule that took the verb in ("spent Christmas") reads its tense too.
  const std::string_view own_first = lower.substr(
      phrase_begin, std::min(lower.find(' ', phrase_begin), phrase_end) - phrase_begin);
  // A schedule verb in the third person ("takes", "resumes", "ends") with no
  // past verb between it and the phrase governs it: a participle before it
  // ("a truce signed in Doha takes effect on Monday") and a reporting tag or
  // a clause after the phrase ("ends on Sunday, the union said", "resumes on
  // Monday after rain washed out play") do not make it past.
  // Not when a past verb follows the phrase at once: the -s word is then a
  // noun ("its rocket launches on Sunday were tests").
  if (OrderedInfinitive(clause_before, lower.substr(phrase_begin, phrase_end - phrase_begin)) &&
      !NamesPastEvent(lower, phrase_end))
    return Tense::kNearest;
  std::size_t next_word = phrase_end;
  while (next_word < clause_end && !IsIdentChar(lower[next_word])) ++next_word;
  std::size_t next_end = next_word;
  while (next_end < clause_end && IsIdentChar(lower[next_end])) ++next_end;
  if ((past_verb_before() || HasPastVerb(lower.substr(phrase_end, past_end - phrase_end), true)) &&
      !HasPastVerb(lower.substr(next_word, next_end - next_word), true)) {
    std::size_t k = clause_before.size();
    while (k > 0) {
      std::size_t e = k;
      while (e > 0 && !IsIdentChar(clause_before[e - 1])) --e;
      std::size_t b = e;
      while (b > 0 && IsIdentChar(clause_before[b - 1])) --b;
      if (b == e) break;
      if (e - b > 3 && clause_before[e - 1] == 's') {
        // The word is a schedule verb's -s form ("takes", "goes"; not
        // "address"), not after a determiner or a preposition (the whole
        // test of HasScheduleVerb on the word and the one before it), within
        // the six words before the phrase, with no past verb after it.
        const std::string_view word = clause_before.substr(b, e - b);
        std::size_t pb = b;
        while (pb > 0 && !IsIdentChar(clause_before[pb - 1])) --pb;
        while (pb > 0 && IsIdentChar(clause_before[pb - 1])) --pb;
        const std::string_view from_verb = clause_before.substr(b);
        std::size_t words_after = 0;
        for (std::size_t i = 0; i < from_verb.size(); ++i)
          words_after += IsIdentChar(from_verb[i]) &&
                         (i + 1 == from_verb.size() || !IsIdentChar(from_verb[i + 1]));
        if ((HasScheduleVerb(word.substr(0, word.size() - 1)) ||
             (EsStem(word.substr(0, word.size() - 2)) &&
              HasScheduleVerb(word.substr(0, word.size() - 2)))) &&
            words_after <= 6 && HasScheduleVerb(clause_before.substr(pb, e - pb)) &&
            LooksAheadWhenScheduled(lower.substr(phrase_begin, phrase_end - phrase_begin),
                                    clause_before) &&
            !HasPastVerb(from_verb, true) && HasScheduleVerb(from_verb))
          return Tense::kFuture;
        break;
      }
      k = b;
    }
  }
  if (past_verb_before() || HasPastVerb(lower.substr(phrase_end, past_end - phrase_end), true) ||
      HasPastVerb(own_first, true)) {
    // "Talks resume in Doha on July 8, mediators said" (h-dates19): a
    // reporting tag after a comma (at most four words, then a reporting
    // verb) dates the report, not a plan told with a schedule verb in the
    // present; the clause then reads as without the tag.
    // "The strike could hit exports in January, a union leader warned"
    // (h-dates30): a modal of what may happen (could, might, may) governing
    // the phrase reads it ahead the same way, the tag dating only the report.
    const std::string_view after = lower.substr(phrase_end, clause_end - phrase_end);
    const std::string_view head = lower.substr(clause_begin, phrase_begin - clause_begin);
    bool tag_only = false;
    const bool modal = ModalAheadIn(head);
    if (const std::size_t comma = after.find(", ");
        comma != std::string_view::npos && !past_verb_before() && !HasPastVerb(own_first, true) &&
        !HasPastVerb(after.substr(0, comma), true) && (modal || HasScheduleVerb(head))) {
      std::size_t i = comma + 2;
      for (int words = 0; words <= 4 && i < after.size(); ++words) {
        std::size_t e = i;
        while (e < after.size() && IsIdentChar(after[e])) ++e;
        const std::string_view w = after.substr(i, e - i);
        if (std::find(kReport.begin(), kReport.end(), w) != kReport.end()) {
          tag_only = true;
          break;
        }
        if (e == i || e >= after.size() || after[e] != ' ') break;
        i = e + 1;
      }
    }
    if (!tag_only) return for_date ? Tense::kNearest : Tense::kPast;
    if (modal) return Tense::kFuture;
  }
  // No past verb and a scheduled event in the present or after "to" ("the
  // trial opens on Monday", "Gaza truce to begin on Friday", "kick-off is at
  // 8pm on Saturday"): a weekday or a count of weeks looks ahead. "Police say
  // the attack happened on Friday" and "Two soldiers killed on Sunday" keep
  // the past: their verbs are past.
  if (LooksAheadWhenScheduled(lower.substr(phrase_begin, phrase_end - phrase_begin),
                              lower.substr(clause_begin, phrase_begin - clause_begin)) &&
      !HasPastVerb(lower.substr(clause_begin, phrase_begin - clause_begin), true) &&
      HasScheduleVerb(lower.substr(clause_begin, phrase_begin - clause_begin)))
    return Tense::kFuture;
  {
    // "The captain returns to the team for the league game at home on
    // Sunday", "the striker is back in the squad for the derby away from
    // home on Saturday" (h-dates35, batch 47's leftover): an appointment
    // ("for the / a <event>") within nine words of the phrase, after a
    // schedule verb or "is / are back" in the words before "for", with no
    // past verb in the clause: ahead, though the verb is out of the six
    // words' reach.
    const std::string_view head = lower.substr(clause_begin, phrase_begin - clause_begin);
    const std::size_t f1 = head.rfind(" for the "), f2 = head.rfind(" for a ");
    const std::size_t f = f1 == std::string_view::npos   ? f2
                          : f2 == std::string_view::npos ? f1
                                                         : std::max(f1, f2);
    if (f != std::string_view::npos) {
      std::size_t words = 0;
      for (std::size_t i = f + 1; i < head.size(); ++i)
        words += IsIdentChar(head[i]) && (i + 1 == head.size() || !IsIdentChar(head[i + 1]));
      const std::string_view to_for = head.substr(0, f);
      const bool back = to_for.find(" is back") != std::string_view::npos ||
                        to_for.find(" are back") != std::string_view::npos ||
                        to_for.find(" s back") != std::string_view::npos;
      if (words <= 9 &&
          LooksAheadWhenScheduled(lower.substr(phrase_begin, phrase_end - phrase_begin), head) &&
          !HasPastVerb(head, true) && (back || HasScheduleVerb(to_for)))
        return Tense::kFuture;
    }
  }
  if (MonthAfterCalendarVerb(lower.substr(phrase_begin, phrase_end - phrase_begin),
                             lower.substr(clause_begin, phrase_begin - clause_begin)))
    return Tense::kFuture;
  // A past verb further back in the clause, with nothing ahead above: "He
  // shot two men in a bar on the edge of the old industrial district on
  // February 2" (h-dates25; h-dates24 tried a reach of ten words for every
  // phrase and lost three rows: here only a phrase that would otherwise take
  // the nearest occurrence, and no schedule verb in the last six words).
  // Only for a written day (a digit in the phrase), not a span's end
  // ("until 17 October", "by Friday"), with no modal in the clause ("would
  // coincide with the election on 15 October") and no "for" among the last
  // six words ("planted sunflowers for the anniversary on 10 August": a
  // purpose ahead). Read on the pools, a wider test (months, holidays,
  // spans) was wrong as often as right.
  const std::string_view own = lower.substr(phrase_begin, phrase_end - phrase_begin);
  if (own.find_first_of("0123456789") != std::string_view::npos &&
      !(own.starts_with("until ") || own.starts_with("till ") || own.starts_with("by ") ||
        own.starts_with("since ") || own.starts_with("after ") || own.starts_with("before ")) &&
      !HasScheduleVerb(clause_before) && HasPastVerb(clause_before, false, 20)) {
    static constexpr std::array<std::string_view, 12> kModal = {"will", "would", "could", "can",
                                                                "may",  "might", "shall", "should",
                                                                "must", "won",   "ll",    "d"};
    bool modal = false, purpose = false;
    std::size_t words = 0;
    for (std::size_t j = clause_before.size(); j > 0;) {
      while (j > 0 && !IsIdentChar(clause_before[j - 1])) --j;
      std::size_t i = j;
      while (i > 0 && IsIdentChar(clause_before[i - 1])) --i;
      if (i == j) break;
      const std::string_view w = clause_before.substr(i, j - i);
      ++words;
      if (std::find(kModal.begin(), kModal.end(), w) != kModal.end()) modal = true;
      if (words <= 6 && w == "for") purpose = true;
      j = i;
    }
    // The word before the phrase may be "until" / "by" too ("until at
    // least 17 October").
    const std::string_view end_words = Trim(clause_before);
    const bool bound = end_words.ends_with(" until") || end_words.ends_with(" by") ||
                       end_words.ends_with(" till") || end_words.ends_with(" after") ||
                       end_words.ends_with(" since") || end_words.ends_with(" before") ||
                       end_words.ends_with(" least");
    if (!modal && !purpose && !bound) return for_date ? Tense::kNearest : Tense::kPast;
  }
  return Tense::kNearest;
}

std::string ToLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = Lower(c);
  return lower;
}

}  // namespace

Tense TenseAt(std::string_view sentence, std::size_t phrase_begin, std::size_t phrase_end) {
  return TenseInLower(ToLower(sentence), phrase_begin, phrase_end);
}

std::string CheckValue(std::string_view value) {
  std::string error;
  Parser parser(value);
  auto node = parser.ParseTop(error);
  if (!node) return error.empty() ? "malformed value" : error;
  return CheckNode(*node);
}

namespace {

// A value parsed and checked: the tree, or why it is malformed.
struct ParsedValue {
  std::optional<Node> node;
  std::string error;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Every phrase a rule finds carries the same value text: parse it once per
// thread (parsing and checking were half of ResolveValue). Keyed by the
// text, so values from any rule set, or from tests, are safe; a thread keeps
// at most kMaxValues of them.
const ParsedValue& Parse(std::string_view value) {
  constexpr std::size_t kMaxValues = 4096;
  thread_local std::unordered_map<std::string, ParsedValue, StringHash, std::equal_to<>> cache;
  if (const auto it = cache.find(value); it != cache.end()) return it->second;
  if (cache.size() >= kMaxValues) cache.clear();
  ParsedValue parsed;
  Parser parser(value);
  parsed.node = parser.ParseTop(parsed.error);
  if (!parsed.node) {
    if (parsed.error.empty()) parsed.error = "malformed value";
  } else if (auto e = CheckNode(*parsed.node); !e.empty()) {
    parsed.node.reset();
    parsed.error = std::move(e);
  }
  return cache.emplace(std::string(value), std::move(parsed)).first->second;
}

}  // namespace

namespace {

Resolution ResolveLazy(std::string_view value, const TimeCaptures& captures, const TimeContext& ctx,
                       const TenseSource& tense) {
  Resolution out;
  const ParsedValue& parsed = Parse(value);
  if (!parsed.node) {
    out.error = parsed.error;
    return out;
  }
  const std::optional<Node>& node = parsed.node;
  Eval eval{captures, ctx, LazyTense(tense), {}, false, LazyNearest(tense), {}, {}};
  auto iv = eval.Run(*node);
  if (!iv) {
    out.no_date = eval.no_date;
    if (eval.no_date) return out;
    if (!NeedsRefOnly(eval)) out.error = eval.error.empty() ? "cannot resolve value" : eval.error;
    return out;
  }
  out.interval = std::move(*iv);
  out.resolved = true;
  out.anchor = std::move(eval.anchor);
  out.since_from = std::move(eval.since_from);
  return out;
}

}  // namespace

Resolution ResolveValue(std::string_view value, const TimeCaptures& captures,
                        const TimeContext& ctx, Tense tense) {
  const TenseSource source{[](const void* t) { return *static_cast<const Tense*>(t); }, &tense, {}};
  return ResolveLazy(value, captures, ctx, source);
}

namespace {}  // namespace

// The word that ends right before `pos` (one or more spaces between), lower
// case, and where it begins; empty when there is none after `lo`.
std::pair<std::string, std::size_t> WordBefore(std::string_view text, std::size_t lo,
                                               std::size_t pos) {
  std::size_t e = pos;
  while (e > lo && text[e - 1] == ' ') --e;
  if (e == pos) return {{}, pos};
  std::size_t b = e;
  while (b > lo && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b > lo && std::isalnum(static_cast<unsigned char>(text[b - 1]))) return {{}, pos};
  // Letters only: nothing for LowerTrim to trim, so lowered as they are.
  std::string word(text.substr(b, e - b));
  for (char& c : word) c = Lower(c);
  return {std::move(word), b};
}

namespace {

// "closed through Labor Day", "on sale right now through Labor Day"
// (h-dates41, batch 58): a one-day holiday after "through" ends a span, as a
// written day does, in a clause that is not past; "all through Easter Sunday"
// and "through Christmas Eve night" span the day itself. `through_at` is where "through" begins,
// `end` where the holiday's phrase ends, `hi` the sentence's end.
bool HolidayEndsThrough(std::string_view text, std::size_t lo, std::size_t through_at,
                        std::size_t end, std::size_t hi) {
  const auto [w, w_at] = WordBefore(text, lo, through_at);
  if (w == "all" || w == "right" || w == "straight") return false;
  std::size_t b = end;
  while (b < hi && text[b] == ' ') ++b;
  std::size_t e = b;
  while (e < hi && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
  const std::string_view next = text.substr(b, e - b);
  for (std::string_view n : {"night", "morning", "evening", "afternoon", "weekend", "day", "period",
                             "season", "holiday", "holidays", "celebrations"}) {
    if (next.size() != n.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < n.size() && same; ++k) same = Lower(next[k]) == n[k];
    if (same) return false;
  }
  return true;
}

// "a deal could be reached within days", "residents were told to leave
// within 48 hours", "Macron promised to rebuild it within five years"
// (h-dates22), "she was ordered to stay in custody until early December",
// "the trial could be delayed until 2031" (h-dates23): a modal or an
// infinitive after a verb of ordering or intending, among the eight words
// before `at` in its clause, puts a span ahead of the order, whatever the
// tense of the report. Not "would": a future in the past ("the generals
// were sure the army would take the city within days") or a habit.
bool ModalOrIntentBefore(std::string_view text, std::size_t sentence_begin, std::size_t at,
                         bool modal_only = false) {
  static constexpr std::array<std::string_view, 8> kModal = {"could", "can",    "may",  "might",
                                                             "must",  "should", "will", "ll"};
  static constexpr std::array<std::string_view, 30> kIntent = {
      "told",    "ordered", "asked", "urged", "expect",  "expects", "expected", "promised",
      "pledged", "vowed",   "plan",  "plans", "planned", "aims",    "aim",      "hopes",
      "hope",    "hoped",   "due",   "going", "likely",  "given",   "wants",    "want",
      "wanted",  "agreed",  "needs", "need",  "intends", "set"};
  for (int k = 0; k < 8; ++k) {
    auto [w, w_at] = WordBefore(text, sentence_begin, at);
    if (w.empty()) break;
    if (std::find(kModal.begin(), kModal.end(), w) != kModal.end()) return true;
    if (w == "to" && !modal_only) {
      const auto [v, v_at] = WordBefore(text, sentence_begin, w_at);
      if (std::find(kIntent.begin(), kIntent.end(), v) != kIntent.end()) return true;
      // "told a million people in the north to move south within 24 hours"
      // (h-dates31): a verb of ordering before the infinitive's object, up
      // to eight words back.
      std::size_t o_at = w_at;
      for (int j = 0; j < 8; ++j) {
        const auto [o, at2] = WordBefore(text, sentence_begin, o_at);
        if (o.empty()) break;
        if (o == "told" || o == "ordered" || o == "urged" || o == "instructed" || o == "advised" ||
            o == "warned")
          return true;
        o_at = at2;
      }
    }
    at = w_at;
  }
  return false;
}

// The connector before a clock time that ends right before `pos` ("until"
// in "until 9pm on Thursday", "by" in "by noon on Friday", h-dates19) and
// where it begins; empty when no clock time stands there.
std::pair<std::string, std::size_t> ConnectorBeforeClock(std::string_view text, std::size_t lo,
                                                         std::size_t pos) {
  const auto token_before = [&](std::size_t at) {
    std::size_t e = at;
    while (e > lo && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > lo && text[b - 1] != ' ') --b;
    std::string w(text.substr(b, e - b));
    for (char& c : w) c = Lower(c);
    return std::pair<std::string, std::size_t>{std::move(w), b};
  };
  const auto is_time = [](std::string_view w) {  // 9, 10.30, 9:45
    std::size_t k = 0;
    while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]))) ++k;
    if (k == 0 || k > 2) return false;
    if (k < w.size() && (w[k] == '.' || w[k] == ':')) {
      const std::size_t m = k + 1;
      for (k = m; k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]));) ++k;
      if (k != m + 2) return false;
    }
    return k == w.size();
  };
  const auto unit_at = [](std::string_view w) -> std::size_t {  // where "pm" / "a.m." begins
    for (std::string_view u : {"a.m.", "p.m.", "am", "pm"})
      if (w.size() >= u.size() && w.substr(w.size() - u.size()) == u) return w.size() - u.size();
    return std::string_view::npos;
  };
  auto [w, at] = token_before(pos);
  if (w.empty()) return {{}, pos};
  const std::size_t u = unit_at(w);
  bool clock = w == "noon" || w == "midnight";
  if (!clock && u == 0) {  // "9 pm"
    auto [n, n_at] = token_before(at);
    clock = is_time(n);
    at = n_at;
  } else if (!clock && u != std::string_view::npos) {
    clock = is_time(std::string_view(w).substr(0, u));
  }
  if (!clock) return {{}, pos};
  return WordBefore(text, lo, at);
}

// "gave the firm until Friday", "were given until 2027": a verb of giving
// within three words before the "until" at `until_at` (h-dates19): the
// deadline runs from publication, as "until Friday" in a future clause.
bool GivenUntil(std::string_view text, std::size_t lo, std::size_t until_at) {
  std::size_t at = until_at;
  for (int k = 0; k < 3; ++k) {
    const auto [g, g_at] = WordBefore(text, lo, at);
    if (g.empty()) return false;
    if (g == "gave" || g == "given" || g == "give" || g == "gives" || g == "giving") return true;
    at = g_at;
  }
  return false;
}

// "the speaker postponed debate on the bill until the fall", "the hearing
// was adjourned until March" (h-dates40, batch 56): a verb of putting off
// among the six words before `until_at` in its clause (no punctuation
// between) sets the span's end ahead of the decision. Only verbs that move
// a date (not "cancelled" or "closed", whose span may be over).
bool PostponedBefore(std::string_view text, std::size_t lo, std::size_t until_at) {
  static constexpr std::array<std::string_view, 6> kPutOff = {
      "postponed", "delayed", "deferred", "adjourned", "rescheduled", "postpone"};
  std::size_t at = until_at;
  std::string next;
  for (int k = 0; k < 6; ++k) {
    auto [w, w_at] = WordBefore(text, lo, at);
    if (w.empty()) return false;
    if (std::find(kPutOff.begin(), kPutOff.end(), w) != kPutOff.end()) return true;
    // "put off", "pushed back": the particle follows the verb
    if ((w == "put" && next == "off") || (w == "pushed" && next == "back")) return true;
    next = std::move(w);
    at = w_at;
  }
  return false;
}

}  // namespace

bool ValueStartsWith(const TimeExpr& t, std::string_view f) {
  return t.rule && t.rule->value.rfind(f, 0) == 0;
}

namespace {

// "the first anniversary of the Oct. 7 attack", "a year on from the 7
// October attack", "the 80th anniversary of 6 June" (h-dates10): a yearless
// day after "anniversary of" or "<n> year(s) on from" names an event n years
// before the anniversary, which is the occurrence nearest pub (read on
// 2024-10-07, "the Oct. 7 attack" there is 2023-10-07, not the day itself).
// n is the ordinal before "anniversary" (1 without one: at least a year).
// Named past days (h-dates20): "the Jan. 6 riot", "the January 6 Capitol
// hearings", "the September 11 attacks", "the 9/11 hijackers" name one day
// of one year, not that day nearest pub: 2021-01-06 and 2001-09-11. Only a
// yearless day before a noun the name goes with (the next two words): "a
// Jan. 6 attack on a police post" in other news keeps the usual reading.
// A one-day phrase whose text writes no year ("Jan. 6", "on 3 March"), its
// offsets in the lower-cased sentence: the phrases whose year is open to
// NamedPastDay and AnniversaryBack. A written year decides.
bool YearlessDay(const TimeExpr& t, const Sentence& sentence, std::string_view lower_sent,
                 std::size_t& b, std::size_t& e) {
  if (t.interval.precision != Precision::kDay || !t.interval.start ||
      t.interval.end != t.interval.start)
    return false;
  b = t.begin - sentence.begin;
  e = t.end - sentence.begin;
  if (b > lower_sent.size() || e > lower_sent.size()) return false;
  int digits = 0;
  for (char c : lower_sent.substr(b, e - b)) {
    digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
    if (digits == 4) return false;
  }
  return true;
}

void NamedPastDay(TimeExpr& t, const Sentence& sentence, std::string_view lower_sent) {
  std::size_t b = 0, e = 0;
  if (!YearlessDay(t, sentence, lower_sent, b, e)) return;
  const Date d = *t.interval.start;
  int year = 0;
  if (MonthOf(d) == 1 && DayOf(d) == 6) year = 2021;
  if (MonthOf(d) == 9 && DayOf(d) == 11) year = 2001;
  if (year == 0) return;
  // "the January 6 case", "January 6 footage", "the Jan. 6 prosecutions"
  // (h-dates24): the riot's court cases and records.
  // "the January 6 assault", "the Jan. 6 storming" (h-dates26).
  // "a Jan. 6 rioter", "January 6 arrests", "a Jan. 6th convict", "Jan. 6
  // sedition", "the January 6 pipe bomb" (h-dates28).
  static constexpr std::array<std::string_view, 45> kJan6 = {
      "riot",         "riots",         "rioters",          "insurrection",
      "committee",    "panel",         "defendants",       "defendant",
      "capitol",      "hearing",       "hearings",         "probe",
      "pardons",      "attack",        "attackers",        "case",
      "cases",        "footage",       "prosecutions",     "prosecution",
      "prosecutors",  "investigation", "charges",          "indictment",
      "mob",          "investigators", "insurrectionists", "assault",
      "storming",     "siege",         "rioter",           "arrests",
      "convict",      "convicts",      "suspect",          "suspects",
      "sedition",     "seditious",     "conspiracy",       "participant",
      "participants", "pipe",          "trials",           "insurrectionist",
      "attacks"};
  static constexpr std::array<std::string_view, 9> kSept11 = {"attacks",  "attack",    "hijackers",
                                                              "terror",   "terrorist", "commission",
                                                              "memorial", "victims",   "families"};
  if (year == 2021) {
    // "charges over January 6", "a riot that echoed January 6" (h-dates25):
    // the day as the object of a cause or a likeness, closing its clause, is
    // the riot's; "on January 6", "over January 6 and 7" keep the calendar.
    const std::string_view head = Trim(lower_sent.substr(0, b));
    std::size_t k = head.size();
    while (k > 0 && IsIdentChar(head[k - 1])) --k;
    const std::string_view prev = head.substr(k);
    std::size_t next = e;
    while (next < lower_sent.size() && lower_sent[next] == ' ') ++next;
    const bool closes = next >= lower_sent.size() || lower_sent[next] == '.' ||
                        lower_sent[next] == ',' || lower_sent[next] == ';' ||
                        lower_sent[next] == ':' || lower_sent[next] == ')';
    static constexpr std::array<std::string_view, 8> kObject = {
        "over", "about", "regarding", "echoed", "echoing", "echoes", "invoked", "invoking"};
    // "arrested in connection with Jan. 6" (h-evdate22).
    const bool connection = prev == "with" && head.ends_with("connection with");
    if (closes &&
        (connection || std::find(kObject.begin(), kObject.end(), prev) != kObject.end())) {
      t.interval = DayInterval(MakeDate(year, MonthOf(d), DayOf(d)));
      return;
    }
    // "convicted of joining the Capitol riot on Jan. 6", "stormed the
    // Capitol on January 6" (h-dates28): the Capitol and a word of the
    // breach (storm, breach, riot, attack, protest, insurrection, mob)
    // among the twelve words before the date name the riot's day; "the
    // Capitol reopens on January 6" keeps the calendar.
    {
      std::size_t k2 = head.size();
      bool capitol = false, breach = false;
      for (int word = 0; word < 12 && k2 > 0; ++word) {
        while (k2 > 0 && !IsIdentChar(head[k2 - 1])) --k2;
        std::size_t j2 = k2;
        while (j2 > 0 && IsIdentChar(head[j2 - 1])) --j2;
        const std::string_view w = head.substr(j2, k2 - j2);
        if (w == "capitol") capitol = true;
        for (std::string_view stem : {"storm", "breach", "riot", "attack", "protest", "insurrect"})
          if (w.starts_with(stem)) breach = true;
        if (w == "mob") breach = true;
        k2 = j2;
      }
      if (capitol && breach) {
        t.interval = DayInterval(MakeDate(year, MonthOf(d), DayOf(d)));
        return;
      }
    }
  }
  std::size_t i = e;
  for (int word = 0; word < 2; ++word) {
    while (i < lower_sent.size() && lower_sent[i] == ' ') ++i;
    std::size_t j = i;
    while (j < lower_sent.size() && IsIdentChar(lower_sent[j])) ++j;
    if (j == i) return;
    const std::string_view w = lower_sent.substr(i, j - i);
    // "attack" names the day only as "the Jan. 6 attack on the Capitol" or
    // right after the date with "the" before it.
    const bool hit = year == 2021 ? std::find(kJan6.begin(), kJan6.end(), w) != kJan6.end()
                                  : std::find(kSept11.begin(), kSept11.end(), w) != kSept11.end();
    if (hit) {
      const std::string_view head = Trim(lower_sent.substr(0, b));
      const bool the = head.size() >= 3 && head.substr(head.size() - 3) == "the" &&
                       (head.size() == 3 || !IsIdentChar(head[head.size() - 4]));
      const bool own = lower_sent.substr(b, std::min<std::size_t>(4, e - b)) == "the ";
      // A possessive or a preposition of time or cause before the date
      // names the riot as well (h-evdate17): "Carlson's Jan. 6 attack
      // footage", "slams the ex-president over Jan. 6 attack", "two years
      // after Jan. 6 attack", "tasered an officer during January 6 attack";
      // not "a Jan. 6 attack on a police post", "killed in Jan. 6 attack".
      // h-evdate22: "talks about January 6 attack", "the day of Jan. 6
      // attack", "the deadly January 6 attack".
      static constexpr std::array<std::string_view, 11> kNamer = {
          "over",   "after", "during", "since",  "following", "amid",
          "before", "about", "of",     "deadly", "violent"};
      std::size_t pk = head.size();
      while (pk > 0 && IsIdentChar(head[pk - 1])) --pk;
      const std::string_view pw = head.substr(pk);
      const bool possessive = (head.size() >= 2 && head.substr(head.size() - 2) == "'s") ||
                              (head.size() >= 4 && head.substr(head.size() - 4) == "\xe2\x80\x99s");
      const bool namer = possessive || std::find(kNamer.begin(), kNamer.end(), pw) != kNamer.end();
      if (!the && !own && !namer && word == 0 &&
          (w == "attack" || w == "attacks" || w == "assault"))
        return;
      t.interval = DayInterval(MakeDate(year, MonthOf(d), DayOf(d)));
      return;
    }
    i = j;
  }
}

void AnniversaryBack(TimeExpr& t, const Sentence& sentence, std::string_view lower_sent,
                     const TimeContext& ctx) {
  std::size_t b = 0, e = 0;
  if (!ctx.pub_date || !YearlessDay(t, sentence, lower_sent, b, e)) return;
  std::string_view head = Trim(lower_sent.substr(0, b));
  const auto ends_with = [&](std::string_view w) {
    return head.size() >= w.size() && head.substr(head.size() - w.size()) == w &&
           (head.size() == w.size() || !IsIdentChar(head[head.size() - w.size() - 1]));
  };
  const auto drop = [&](std::string_view w) {
    head = Trim(head.substr(0, head.size() - w.size()));
  };
  const auto last_word = [&]() {
    std::size_t k = head.size();
    while (k > 0 && (IsIdentChar(head[k - 1]) || head[k - 1] == '-')) --k;
    return head.substr(k);
  };
  if (ends_with("the")) drop("the");
  long n = 0;
  if (ends_with("anniversary of")) {
    drop("anniversary of");
    const auto ord = ParseCardinalOrOrdinal(last_word());
    n = ord && *ord > 0 && *ord < 200 ? static_cast<long>(*ord) : 1;
  } else if (ends_with("years on from") || ends_with("year on from")) {
    drop(ends_with("years on from") ? "years on from" : "year on from");
    const std::string_view w = last_word();
    const auto c = ParseCardinalOrOrdinal(w);
    n = (w == "a" || w == "one") ? 1 : (c && *c > 0 && *c < 200 ? static_cast<long>(*c) : 0);
  }
  if (n == 0) return;
  // The anniversary: the day's occurrence nearest pub.
  const Date p = *ctx.pub_date;
  Date best = *t.interval.start;
  long best_gap = -1;
  for (int dy = -1; dy <= 1; ++dy) {
    const Date c = AddMonths(*t.interval.start, 12 * (YearOf(p) + dy - YearOf(*t.interval.start)));
    const long gap = std::labs(static_cast<long>((chr::sys_days(c) - chr::sys_days(p)).count()));
    if (best_gap < 0 || gap < best_gap) {
      best = c;
      best_gap = gap;
    }
  }
  t.interval = DayInterval(AddMonths(best, -12 * static_cast<int>(n)));
}

}  // namespace

namespace {

// "two days before Christmas", "the day after Labor Day", "a week before 3
// March", "just days before Christmas" (h-dates25): a count and a unit of
// days or weeks, then "before" / "after", then a phrase of one day move that
// day; without a count ("days before", "a few days after") the span of 2..7
// days, as `a few days ago`. The words may stand before the phrase or open
// it (a rule that took the preposition in: "after Labor Day"). Returns
// whether `t` was moved.
bool OffsetFromDay(TimeExpr& t, std::string_view text, std::size_t lo,
                   std::string_view lower_sent) {
  if (t.interval.precision != Precision::kDay || !t.interval.start ||
      t.interval.end != t.interval.start)
    return false;
  // Up to three words before the phrase and the phrase's own first five,
  // each with where it begins (digits count as letters here: "10 days").
  struct Word {
    std::string_view w;
    std::size_t at = 0;
  };
  std::array<Word, 8> words{};
  std::size_t n_before = 0;
  {
    std::array<Word, 3> back{};
    std::size_t e = t.begin;
    while (n_before < 3) {
      while (e > lo && text[e - 1] == ' ') --e;
      std::size_t b = e;
      while (b > lo && std::isalnum(static_cast<unsigned char>(text[b - 1]))) --b;
      if (b == e) break;
      back[n_before++] = {lower_sent.substr(b - lo, e - b), b};
      e = b;
    }
    for (std::size_t k = 0; k < n_before; ++k) words[k] = back[n_before - 1 - k];
  }
  std::size_t n = n_before;
  for (std::size_t i = t.begin; i < t.end && n < words.size();) {
    while (i < t.end && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < t.end && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) break;
    words[n++] = {lower_sent.substr(i - lo, j - i), i};
    i = j;
  }
  const auto is_unit = [](std::string_view w) {
    return w == "day" || w == "days" || w == "week" || w == "weeks" || w == "night" ||
           w == "nights";
  };
  // The preposition: the last word before the phrase, or one of the
  // phrase's own first words after nothing but a count and a unit (a rule
  // that took them in: "after Labor Day", "days before Christmas"; not one
  // whose value counts the days itself: "the day before yesterday").
  const auto is_count = [](std::string_view w) {
    return w == "the" || w == "few" || w == "several" || w == "just" || w == "only" ||
           w == "mere" || ParseCount(w).has_value();
  };
  std::size_t p = words.size();
  if (n_before > 0 && (words[n_before - 1].w == "before" || words[n_before - 1].w == "after")) {
    p = n_before - 1;
  } else if (!ValueStartsWith(t, "day") && !ValueStartsWith(t, "anchor") &&
             std::any_of(words.begin() + static_cast<std::ptrdiff_t>(n_before),
                         words.begin() + static_cast<std::ptrdiff_t>(n),
                         [](const Word& x) { return x.w == "before" || x.w == "after"; })) {
    // Only a "before" / "after" among the phrase's words sets `p`: most
    // phrases have none, and is_count's ParseCount (it tokenizes) on their
    // first word cost 1.5 % of `eventline dates` (h-speed43).
    for (std::size_t k = n_before; k < n; ++k) {
      if (words[k].w == "before" || words[k].w == "after") {
        p = k;
        break;
      }
      if (!is_unit(words[k].w) && !is_count(words[k].w)) break;
    }
  }
  if (p == words.size() || p == 0 || p + 1 >= n || !is_unit(words[p - 1].w)) return false;
  const std::string_view unit = words[p - 1].w;
  const bool plural = unit.back() == 's';
  const int days = unit[0] == 'w' ? 7 : 1;
  const bool after = words[p].w == "after";
  std::size_t begin = words[p - 1].at;
  std::optional<int> count;
  if (p >= 2) {
    const std::string_view c = words[p - 2].w;
    if (c == "the" || c == "a" || c == "an" || c == "one") {
      if (!plural) count = 1;
    } else if (auto k = ParseCount(c); k && *k > 0 && *k <= 60) {
      count = *k;
    }
    if (count || c == "few" || c == "several" || c == "just" || c == "only" || c == "mere")
      begin = words[p - 2].at;
  }
  // "days before": 2..7 days; "day before" and "weeks before" without a
  // count name no span we read.
  if (!count && !(plural && days == 1)) return false;
  const Date d = *t.interval.start;
  if (count) {
    t.interval = DayInterval(AddDays(d, (after ? 1 : -1) * *count * days));
  } else {
    t.interval = after ? Span(AddDays(d, 2), AddDays(d, 7)) : Span(AddDays(d, -7), AddDays(d, -2));
  }
  t.begin = begin;
  return true;
}

}  // namespace

// Spans built from any phrase the rules found, so that every phrase shape
// composes without a rule per combination: "since <phrase>" (start of the
// phrase .. pub), "until <phrase>" (open start, or pub in a future sentence,
// .. end of the phrase) and "from <A> to / until / into / through <B>",
// "between <A> and <B>" (start of A .. end of B).
void ComposeSpans(std::string_view text, const Sentence& sentence, std::string_view lower_sent,
                  const TimeContext& ctx, std::vector<TimeExpr>& out) {
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    TimeExpr& a = out[i];
    const TimeExpr& b = out[i + 1];
    if (!a.resolved || !b.resolved || !a.interval.start || !b.interval.end) continue;
    if (a.interval.precision == Precision::kNone || b.interval.precision == Precision::kNone)
      continue;
    std::string gap = LowerTrim(text.substr(a.end, b.begin - a.end));
    // "from November until the end of 2023" (h-dates30): an until() rule
    // that took "until" into its match right after a "from" phrase is the
    // span's second end (its own start, pub or open, gives way to the first).
    const bool until_end =
        ValueStartsWith(b, "until") && gap.empty() &&
        (LowerTrim(text.substr(b.begin, std::min<std::size_t>(6, b.end - b.begin))) == "until" ||
         LowerTrim(text.substr(b.begin, std::min<std::size_t>(5, b.end - b.begin))) == "till");
    if (ValueStartsWith(a, "since") || ValueStartsWith(a, "until") || ValueStartsWith(a, "by") ||
        ValueStartsWith(b, "since") || (ValueStartsWith(b, "until") && !until_end) ||
        ValueStartsWith(b, "by"))
      continue;
    const std::string a_text = LowerTrim(text.substr(a.begin, a.end - a.begin));
    if (gap.empty()) {
      // A rule that took the connector into its match: "from late February
      // | until early May".
      const std::string b_text = LowerTrim(text.substr(b.begin, b.end - b.begin));
      for (std::string_view c : {"to", "until", "till", "into", "through", "and"}) {
        if (b_text.size() > c.size() && b_text.compare(0, c.size(), c) == 0 &&
            b_text[c.size()] == ' ') {
          gap = std::string(c);
          break;
        }
      }
    }
    const auto [before, before_at] = WordBefore(text, sentence.begin, a.begin);
    const bool from = a_text.rfind("from ", 0) == 0 || before == "from";
    const bool between = a_text.rfind("between ", 0) == 0 || before == "between";
    if (!((from &&
           (gap == "to" || gap == "until" || gap == "till" || gap == "into" || gap == "through")) ||
          (between && gap == "and")))
      continue;
    if (*b.interval.end < *a.interval.start) continue;
    // Two ends without a written year span less than a year: "from New
    // Year's Eve until January 2" read on 10 January ends on the 2nd just
    // past, though "until" alone reads a later one (h-dates16).
    Date end = *b.interval.end;
    const auto has_year = [](std::string_view s) {
      for (std::size_t k = 0; k + 4 <= s.size(); ++k)
        if ((s[k] == '1' || s[k] == '2') && std::isdigit(static_cast<unsigned char>(s[k + 1])) &&
            std::isdigit(static_cast<unsigned char>(s[k + 2])) &&
            std::isdigit(static_cast<unsigned char>(s[k + 3])))
          return true;
      return false;
    };
    if (!has_year(a_text) && !has_year(text.substr(b.begin, b.end - b.begin)) &&
        AddMonths(end, -12) >= *a.interval.start)
      end = AddMonths(end, -12);
    a.begin = (before == "from" || before == "between") ? before_at : a.begin;
    a.end = b.end;
    a.interval = Interval{a.interval.start, end, Precision::kRange, {}};
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(i + 1));
  }
  for (TimeExpr& t : out) {
    if (!t.resolved || t.interval.precision == Precision::kNone) continue;
    if (ValueStartsWith(t, "since") || ValueStartsWith(t, "until") || ValueStartsWith(t, "by"))
      continue;
    if (ValueStartsWith(t, "between")) {
      // "from March to May", "between 2015 and 2017" are whole; a span a rule
      // writes as one ("the 2015-16 season", "the turn of the year") composes
      // with the connector before it: "since the 2015-16 season" (h-dates12).
      const std::string_view own = lower_sent.substr(t.begin - sentence.begin, 8);
      if (own.substr(0, 5) == "from " || own == "between ") continue;
    }
    AnniversaryBack(t, sentence, lower_sent, ctx);
    NamedPastDay(t, sentence, lower_sent);
    // Compared with a dozen words below: as a view, each compare is a
    // length test (std::string == "..." called compare and strlen).
    auto [before_word, before_at] = WordBefore(text, sentence.begin, t.begin);
    std::string_view before = before_word;
    if (OffsetFromDay(t, text, sentence.begin, lower_sent)) continue;
    // "since his April arrest", "since their 2019 split" (ruling 14 of
    // session 31, h-dates39): a possessive pronoun works as "the" before a
    // month or a year bound to its noun.
    const bool owner_word = before == "his" || before == "her" || before == "its" ||
                            before == "their" || before == "our" || before == "my" ||
                            before == "your";
    if (before == "the" || (t.bound_end && (before == "a" || before == "an" || owner_word))) {
      // "since the February 1 coup", "since the 7 October attacks", "since
      // a 2020 truce": the event is named by its date, so the span starts on it.
      auto [conn, conn_at] = WordBefore(text, sentence.begin, before_at);
      if (conn == "since" && (t.bound_end || ModifiesNoun(lower_sent, before_at - sentence.begin,
                                                          t.end - sentence.begin))) {
        before_word = conn;
        before = before_word;
        before_at = conn_at;
      }
    }
    if (before == "least") {
      // "until at least Saturday", "since at least 2014": the hedge between
      // the connector and the phrase.
      auto [at, at_at] = WordBefore(text, sentence.begin, before_at);
      if (at == "at") {
        auto [conn, conn_at] = WordBefore(text, sentence.begin, at_at);
        // "through at least March 4" (h-dates36, batch 46's leftover) too.
        if (conn == "until" || conn == "till" || conn == "since" || conn == "through" ||
            conn == "thru") {
          before_word = conn;
          before = before_word;
          before_at = conn_at;
        }
      }
    }
    if (t.interval.precision == Precision::kDay &&
        (before.empty() || before == "pm" || before == "am" || before == "noon" ||
         before == "midnight")) {
      // "until 9pm on Thursday", "by noon on Friday": the clock time stands
      // between the connector and the day (h-dates19).
      auto [conn, conn_at] = ConnectorBeforeClock(text, sentence.begin, t.begin);
      if (conn == "until" || conn == "till") {
        before_word = conn;
        before = before_word;
        before_at = conn_at;
      } else if (conn == "by" && t.interval.end && ctx.pub_date &&
                 *ctx.pub_date < *t.interval.end) {
        // "by 5pm on Friday": a deadline ahead, as "by Friday"; one over
        // ("By 2.40pm on 11 September 2001, …") or on pub keeps its day.
        t.begin = conn_at;
        t.interval = Interval{ctx.pub_date, t.interval.end, Precision::kRange, {}};
        continue;
      }
    }
    if (before == "than" && t.interval.end && ctx.pub_date) {
      // "no later than Friday", "not later than 30 June": a deadline, as
      // "by Friday": pub .. the day; an open start when it is over (h-dates19).
      auto [later, later_at] = WordBefore(text, sentence.begin, before_at);
      auto [no, no_at] = WordBefore(text, sentence.begin, later_at);
      if (later == "later" && (no == "no" || no == "not")) {
        t.begin = no_at;
        t.interval = Interval{*ctx.pub_date <= *t.interval.end ? ctx.pub_date : std::nullopt,
                              t.interval.end,
                              Precision::kRange,
                              {}};
        continue;
      }
    }
    if (before == "of" && t.interval.precision == Precision::kDay && t.interval.start &&
        t.interval.end == t.interval.start && before_at >= sentence.begin + 4 &&
        lower_sent.substr(before_at - sentence.begin - 4, 4) == "eve ") {
      // "on the eve of Victory Day", "on the eve of 11 November": the day
      // before a day (h-dates8). "the eve of the summit" names no date.
      auto [eve, eve_at] = WordBefore(text, sentence.begin, before_at);
      auto [the, the_at] = WordBefore(text, sentence.begin, eve_at);
      if (eve == "eve" && the == "the") {
        auto [on, on_at] = WordBefore(text, sentence.begin, the_at);
        t.begin = on == "on" ? on_at : the_at;
        t.interval = DayInterval(AddDays(*t.interval.start, -1));
        continue;
      }
    }
    {
      // A rule that took the preposition into its match ("until early May",
      // "since late March") reads as the preposition before the phrase.
      // LowerTrim's bytes, compared in lower case without a copy.
      const std::string_view own = LowerTrimmed(text.substr(t.begin, t.end - t.begin));
      const auto starts_with = [own](std::string_view w) {
        for (std::size_t k = 0; k < w.size(); ++k) {
          if (Lower(own[k]) != w[k]) return false;
        }
        return true;
      };
      for (std::string_view w : {"since", "until", "till", "by"}) {
        if (own.size() > w.size() && starts_with(w) &&
            std::isspace(static_cast<unsigned char>(own[w.size()]))) {
          before = w;
          before_at = t.begin;
          break;
        }
      }
    }
    if (before == "since" && t.interval.start) {
      if (ctx.pub_date && *t.interval.start > *ctx.pub_date) continue;
      t.begin = before_at;
      t.since_start = t.interval.start;
      t.since_end = t.interval.end;
      t.since_precision = t.interval.precision;
      t.interval = Interval{t.interval.start, ctx.pub_date, Precision::kRange, {}};
      // "since the 2021 coup": the span runs from the noun's year and dates
      // its clause, like "since the February 1 coup"; the phrase takes the noun.
      if (t.bound_end) t.end = std::exchange(t.bound_end, 0);
    } else if ((before == "until" || before == "till" ||
                // "runs through Nov. 3" (h-dates10): a written day after
                // "through" ends a span, as "until"; "all through Easter
                // Sunday", "through Christmas Eve night" span the day itself.
                // So does a written month or part of a year ("caps flights
                // through early 2023", "through March 2025", h-dates32).
                (before == "through" &&
                 (t.interval.precision == Precision::kDay ||
                  t.interval.precision == Precision::kMonth ||
                  (t.rule && t.rule->id == "time.part.year")) &&
                 std::any_of(text.begin() + static_cast<std::ptrdiff_t>(t.begin),
                             text.begin() + static_cast<std::ptrdiff_t>(t.end),
                             [](char c) { return c >= '0' && c <= '9'; })) ||
                (before == "through" && t.interval.precision == Precision::kDay && t.rule &&
                 t.rule->id.rfind("time.holiday.", 0) == 0 &&
                 HolidayEndsThrough(text, sentence.begin, before_at, t.end, sentence.end) &&
                 // a past clause keeps the feast itself ("the truce was meant
                 // to hold through Orthodox Christmas", batch 15)
                 TenseInLower(lower_sent, before_at - sentence.begin, t.end - sentence.begin) !=
                     Tense::kPast)) &&
               t.interval.end &&
               !ValueStartsWith(t, "day(") &&  // "not disclosed until today" means today
               // "It was not until 2015 that …" (h-dates36): the cleft names
               // the time itself, not a span up to it.
               !(t.rule && t.rule->id == "time.not_until_year") &&
               !(before == "till" && text[before_at] == 'T' && text[before_at + 1] == 'i' &&
                 before_at > sentence.begin)) {  // "Emmett Till in 1955": a name
      Tense tense = TenseInLower(lower_sent, before_at - sentence.begin, t.end - sentence.begin);
      if (tense != Tense::kFuture && ModalOrIntentBefore(text, sentence.begin, before_at))
        tense = Tense::kFuture;
      // "until the 20 March vote": the date names the vote, which bounds nothing.
      if (ModifiesNoun(lower_sent, t.begin - sentence.begin, t.end - sentence.begin)) continue;
      // Future, or a sentence without tense ("runs until December 12") whose
      // date lies ahead: from pub.
      std::optional<Date> start;
      if ((tense == Tense::kFuture || tense == Tense::kNearest ||
           GivenUntil(text, sentence.begin, before_at)) &&
          ctx.pub_date && *ctx.pub_date <= *t.interval.end)
        start = ctx.pub_date;
      t.begin = before_at;
      t.interval = Interval{start, t.interval.end, Precision::kRange, {}};
    } else if (before == "by" && before_at == t.begin && t.interval.end && ctx.pub_date) {
      // A rule that took "by" into its match ("by late May", "by the summer"):
      // a deadline, as by(): pub .. its end; an open start when the period is
      // over in a past sentence ("had stalled by late May"). A period already
      // over in another sentence keeps its own reading.
      if (*ctx.pub_date <= *t.interval.end) {
        t.interval = Interval{ctx.pub_date, t.interval.end, Precision::kRange, {}};
      } else if (TenseInLower(lower_sent, t.begin - sentence.begin, t.end - sentence.begin) ==
                 Tense::kPast) {
        t.interval = Interval{std::nullopt, t.interval.end, Precision::kRange, {}};
      }
    }
  }
}

namespace {

// "has been" / "have been" / "had been" or "has" / "have" / "had" + a past
// participle (one in -ed, or "held", "fought", "kept", "stood") among the
// eight words before a duration, with no comma or clause break between
// (h-evdate29): "have been fighting the group for a decade", "has held the
// town for two weeks". A contracted auxiliary counts ("they've been", "it's
// been", with a straight or a curly apostrophe); "'s" and "'d" only before
// "been" ("he's fighting" is no perfect). `before` is the lower-cased
// sentence up to the phrase.
bool PerfectDurationBefore(std::string_view before) {
  const std::size_t cut = before.find_last_of(",;:");
  if (cut != std::string_view::npos) before = before.substr(cut + 1);
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < before.size()) {
    while (i < before.size() && !std::isalpha(static_cast<unsigned char>(before[i]))) ++i;
    const std::size_t b = i;
    while (i < before.size() &&
           (std::isalpha(static_cast<unsigned char>(before[i])) || before[i] == '\''))
      ++i;
    if (i > b) words.push_back(before.substr(b, i - b));
  }
  const std::size_t from = words.size() > 8 ? words.size() - 8 : 0;
  static constexpr std::string_view kIrregular[] = {"held", "fought", "kept", "stood"};
  for (std::size_t k = from; k + 1 < words.size(); ++k) {
    const std::string_view w = words[k], next = words[k + 1];
    // A curly apostrophe is no letter: "they’ve" is the words "they" and "ve".
    const bool aux = w == "has" || w == "have" || w == "had" || w == "ve" || w.ends_with("'ve");
    const bool been_only = w == "s" || w == "d" || w.ends_with("'s") || w.ends_with("'d");
    if (!aux && !been_only) continue;
    if (next == "been") return true;
    if (been_only) continue;
    if (next.size() > 4 && next.ends_with("ed")) return true;
    if (std::find(std::begin(kIrregular), std::end(kIrregular), next) != std::end(kIrregular))
      return true;
  }
  return false;
}

// A phrase found in a sentence, for PhraseTense.
struct PhraseAt {
  std::string_view text, scan;  // the document; what was matched (text or a respaced copy)
  std::size_t base;             // offset of scan in text (0 when scan is text)
  const Sentence& sentence;
  std::string_view lower;  // the sentence in lower case
  const Match& m;
  std::optional<Date> pub;  // the publication date, if known
};

// A superlative or an ordinal among the four words before `at` ("the worst
// frontier clashes in …", "its third raid in …"), for PhraseTense.
bool RankedBefore(std::string_view text, std::size_t sentence_begin, std::size_t at) {
  static constexpr std::array<std::string_view, 14> kRank = {
      "most",  "worst", "first", "second", "third", "fourth", "fifth",
      "sixth", "only",  "best",  "tenth",  "least", "ninth",  "eighth"};
  static constexpr std::array<std::string_view, 22> kNotSuperlative = {
      "interest", "protest", "arrest",   "request",  "forest",  "suggest", "contest",   "harvest",
      "honest",   "modest",  "invest",   "manifest", "unrest",  "inquest", "southwest", "northwest",
      "midwest",  "priest",  "conquest", "earnest",  "bequest", "behest"};
  for (int k = 0; k < 4; ++k) {
    auto [w, w_at] = WordBefore(text, sentence_begin, at);
    if (w.empty()) break;
    if (std::find(kRank.begin(), kRank.end(), w) != kRank.end()) return true;
    if (w.size() >= 6 && w.compare(w.size() - 3, 3, "est") == 0 &&
        std::find(kNotSuperlative.begin(), kNotSuperlative.end(), w) == kNotSuperlative.end())
      return true;
    at = w_at;
  }
  return false;
}

// A word of an attack or of a past happening among the three words before
// `at` ("attacks on", "attacked Israel on", "the massacres of", "what
// happened on"), for PhraseTense; not after "be", a modal or "to" ("will
// be killed", "the rebels will attack on January 3").
bool PastActBefore(std::string_view text, std::size_t sentence_begin, std::size_t at) {
  static constexpr std::array<std::string_view, 24> kActs = {
      "attack",   "attacks",   "attacked", "massacre", "massacres", "raid",
      "raids",    "raided",    "assault",  "invaded",  "incursion", "rampage",
      "killings", "killed",    "bombing",  "shooting", "losses",    "atrocities",
      "abducted", "kidnapped", "stormed",  "happened", "launched",  "atrocity"};
  for (int k = 0; k < 3; ++k) {
    auto [w, w_at] = WordBefore(text, sentence_begin, at);
    if (w.empty()) break;
    if (std::find(kActs.begin(), kActs.end(), w) != kActs.end()) {
      static constexpr std::array<std::string_view, 14> kAhead = {
          "be",    "been", "being", "will",  "would", "could",  "may",
          "might", "to",   "can",   "shall", "must",  "should", "ll"};
      const auto [b, b_at] = WordBefore(text, sentence_begin, w_at);
      return std::find(kAhead.begin(), kAhead.end(), b) == kAhead.end();
    }
    at = w_at;
  }
  return false;
}

// The tense a phrase resolves in: TenseAt, and two readings of a deadline.
// `at` moved past a possessive "'s" / "’s" right there ("Sunday's attack").
std::size_t AfterPossessive(std::string_view lower, std::size_t at) {
  if (SameAt(lower, at, "'s")) return at + 2;
  if (SameAt(lower, at, "\xE2\x80\x99s")) return at + 4;
  return at;
}

// A modal of what may happen in a lower-case sentence, starting before
// `limit` (h-dates29): "would" (only when `with_would`), "could", "might",
// "may" as a word (not the month: `original` has it capitalised), not
// followed by "have" (a past possibility), nor by "not" / "n't" unless
// `with_would` (a count ahead: "a default in eight days would not be his
// fault"; "could not attend on Monday" is a past ability). Before the
// phrase (`limit` inside the sentence), only after the last ':', ';', '?' or
// '!' before it.
bool HypotheticalModal(std::string_view lower, std::string_view original, std::size_t limit,
                       bool with_would) {
  static constexpr std::array<std::string_view, 4> kModal = {"would", "could", "might", "may"};
  // A modal before the phrase counts only in the phrase's own clause: not in
  // a quoted headline before a colon ("'There could be casualties': missiles
  // hit the centre on Monday").
  std::size_t from = 0;
  if (limit < lower.size()) {
    const std::size_t cut = lower.find_last_of(":;?!", limit == 0 ? 0 : limit - 1);
    if (cut != std::string_view::npos && cut < limit) from = cut + 1;
  }
  for (std::size_t i = from; i < std::min(limit, lower.size()); ++i) {
    if (i > 0 && IsIdentChar(lower[i - 1])) continue;
    for (std::string_view md : kModal) {
      if (md == "would" && !with_would) continue;
      if (!SameAt(lower, i, md)) continue;
      if (md == "may" && i < original.size() && original[i] == 'M') continue;
      std::size_t j = i + md.size();
      if (j < lower.size() && IsIdentChar(lower[j])) continue;
      while (j < lower.size() && lower[j] == ' ') ++j;
      std::size_t k = j;
      while (k < lower.size() && IsIdentChar(lower[k])) ++k;
      const std::string_view next = lower.substr(j, k - j);
      if (next.empty() || (next == "not" && !with_would) || next == "have" || next == "n" ||
          std::isdigit(static_cast<unsigned char>(next[0])))
        continue;
      return true;
    }
  }
  return false;
}

// A verb of asking or ordering among the twelve words before `at` in its
// clause ("asked bidders for final offers by", "told residents to register
// by"), for a deadline after "by" (h-dates32).
bool AskedBefore(std::string_view text, std::size_t sentence_begin, std::size_t at) {
  static constexpr std::array<std::string_view, 14> kAsk = {
      "asked",    "told",     "ordered", "urged",   "instructed", "requested", "demanded",
      "directed", "summoned", "invited", "advised", "gave",       "given",     "called"};
  for (int k = 0; k < 12; ++k) {
    auto [w, w_at] = WordBefore(text, sentence_begin, at);
    if (w.empty()) break;
    if (std::find(kAsk.begin(), kAsk.end(), w) != kAsk.end()) return true;
    at = w_at;
  }
  return false;
}

// The noun a month's possessive names (time.month_possessive's match ends
// with it) is an appointment: election(s), vote, summit, meeting.
bool ScheduledNounAfter(std::string_view lower, std::size_t match_end) {
  std::size_t b = std::min(match_end, lower.size());
  while (b > 0 && IsIdentChar(lower[b - 1])) --b;
  const std::string_view noun = lower.substr(b, std::min(match_end, lower.size()) - b);
  return noun == "election" || noun == "elections" || noun == "vote" || noun == "summit" ||
         noun == "meeting";
}

// The noun of a scheduled thing a month's possessive names ("August's full
// moon", "March's racing game release", "July's phone update", h-dates32):
// read as time.month_of_schedule reads its month.
bool ScheduleNounAfter(std::string_view lower, std::size_t match_end) {
  static constexpr std::array<std::string_view, 16> kNouns = {
      "release",          "launch",  "debut",    "premiere",
      "update",           "hearing", "hearings", "lineup",
      "up" /* line-up */, "event",   "showcase", "moon",
      "runoff",           "recess",  "fixtures", "tour"};
  std::size_t b = std::min(match_end, lower.size());
  while (b > 0 && IsIdentChar(lower[b - 1])) --b;
  const std::string_view noun = lower.substr(b, std::min(match_end, lower.size()) - b);
  return std::find(kNouns.begin(), kNouns.end(), noun) != kNouns.end();
}

// A past verb anywhere in a lower-case sentence (HasPastVerb on its first
// twelve words, then on every run of twelve from each tenth word), or a
// verb of saying in the past ("told AFP on Wednesday", h-dates29).
bool AnyPastVerb(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kSaid = {
      "said",  "announced", "told",   "reported", "confirmed", "claimed",
      "added", "warned",    "stated", "revealed", "wrote",     "tweeted"};
  std::size_t i = 0;
  int words = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !IsIdentChar(lower[i])) ++i;
    std::size_t j = i;
    while (j < lower.size() && IsIdentChar(lower[j])) ++j;
    if (j == i) break;
    if (words % 10 == 0 && HasPastVerb(lower.substr(i), true)) return true;
    if (std::find(kSaid.begin(), kSaid.end(), lower.substr(i, j - i)) != kSaid.end()) return true;
    ++words;
    i = j;
  }
  return false;
}

Tense PhraseTense(const PhraseAt& p) {
  const std::string_view text = p.text, scan = p.scan, lower = p.lower;
  const std::size_t base = p.base;
  const Sentence& sentence = p.sentence;
  const Match* m = &p.m;
  // A view: compared with a literal it checks the length first, where
  // std::string == const char* calls strlen and memcmp.
  const std::string_view id = m->rule->id;
  Tense tense = TenseInLower(lower, m->begin - sentence.begin, m->end - sentence.begin);
  // "aims to prevent another disaster like the February train derailment",
  // "a January storm" (h-dates28): a month before a noun of violence or
  // disaster (time.month_of_event, whose match ends with the noun) names one
  // that has happened, as a day does, whatever the sentence's tense.
  if (tense != Tense::kPast && id == "time.month_of_event") {
    const std::size_t e = std::min(m->end - sentence.begin, lower.size());
    const std::size_t sp = lower.rfind(' ', e > 0 ? e - 1 : 0);
    if (sp != std::string_view::npos && sp > m->begin - sentence.begin && NamesPastEvent(lower, sp))
      tense = Tense::kPast;
  }
  // "for a November release", "ahead of the February launch" (h-dates31):
  // a month before the noun of a scheduled thing is the occurrence nearest
  // pub (a later one counting double) in a past sentence, else the first on
  // or after pub's month.
  // In a past sentence the nearer of the two, counted in months either way
  // (a later one does not count double: "would be amazed if he attended the
  // November event", read in June, is the coming one).
  // "as soon as / as early as July" (h-dates31) names the earliest time of
  // what is ahead of the statement, whatever its tense.
  if (id == "time.month.as_soon_as") return Tense::kFuture;
  if (id == "time.month_of_schedule" ||
      (id == "time.month_possessive" && ScheduleNounAfter(lower, m->end - sentence.begin))) {
    if (tense != Tense::kPast || !p.pub) {
      tense = Tense::kFuture;
    } else if (const Capture* c = m->Get("month"); c && c->end > c->begin) {
      if (const auto mo = ParseMonth(scan.substr(c->begin - base, c->end - c->begin))) {
        const unsigned ahead = (*mo + 12 - MonthOf(*p.pub)) % 12;
        tense = ahead < 6 ? Tense::kFuture : Tense::kPast;  // a tie looks back
      }
    }
  }
  // A deadline a rule took "by" into ("by late May", "by Christmas") in a
  // past sentence is the occurrence nearest pub, as in by(): "hoped the
  // talks could resume by Christmas" does not mean last Christmas.
  if (tense == Tense::kPast && m->end - m->begin > 3 &&
      (scan[m->begin - base] == 'b' || scan[m->begin - base] == 'B') &&
      (scan[m->begin - base + 1] == 'y' || scan[m->begin - base + 1] == 'Y') &&
      std::isspace(static_cast<unsigned char>(scan[m->begin - base + 2])) &&
      id != "time.date.day_only")  // "by the 15th": pub's month or the one before
    tense = Tense::kNearest;
  // "Regulators asked bidders for final offers by Sunday afternoon", "the
  // council told residents to register by Friday" (h-dates32): a weekday
  // deadline that a verb of asking or ordering sets, up to twelve words
  // before "by", is the nearer of the two such days by days (a tie looks
  // back), not the last one: the deadline lies ahead of the request unless
  // the report comes after it.
  if (tense != Tense::kFuture && p.pub && id == "time.by_weekday" &&
      AskedBefore(text, sentence.begin, m->begin)) {
    if (const Capture* c = m->Get("w"); c && c->end > c->begin) {
      if (const auto w = ParseWeekday(scan.substr(c->begin - base, c->end - c->begin))) {
        const int pi = IsoIndex(WeekdayOf(*p.pub)), wi = IsoIndex(*w);
        if ((wi - pi + 7) % 7 < (pi - wi + 7) % 7) tense = Tense::kFuture;
      }
    }
  }
  // "(runs) until Sunday" in a sentence without tense looks ahead: the
  // phrase after "until" / "till" takes the coming occurrence (not when
  // the date modifies a noun: "until the 20 March vote").
  if (tense == Tense::kNearest) {
    auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
    std::string own(text.substr(m->begin, std::min<std::size_t>(6, m->end - m->begin)));
    for (char& c : own) c = Lower(c);
    // "until 9pm on Thursday", "no later than Friday" (h-dates19).
    if (w.empty() || w == "pm" || w == "am" || w == "noon" || w == "midnight")
      w = ConnectorBeforeClock(text, sentence.begin, m->begin).first;
    if (w == "than") {
      const auto [later, later_at] = WordBefore(text, sentence.begin, w_at);
      const auto [no, no_at] = WordBefore(text, sentence.begin, later_at);
      if (later == "later" && (no == "no" || no == "not")) w = "until";
    }
    // "The deal keeps him in the job through March 2027" (h-dates29): a
    // span's end after "through" reads as after "until".
    if (w == "until" || w == "till" || w == "through" || own.rfind("until ", 0) == 0 ||
        own.rfind("till ", 0) == 0 || own.rfind("throug", 0) == 0) {
      if (!ModifiesNoun(lower, m->begin - sentence.begin, m->end - sentence.begin))
        tense = Tense::kFuture;
    }
  }
  // A wire dateline ("LONDON, Dec. 31 (Reuters) -") names the day the story
  // was filed: the occurrence nearest pub, whatever the story's tense.
  if (tense != Tense::kNearest && m->end < sentence.end) {
    std::size_t i = m->end;
    while (i < sentence.end && text[i] == ' ') ++i;
    if (i + 2 < sentence.end && text[i] == '(' &&
        std::isupper(static_cast<unsigned char>(text[i + 1]))) {
      const std::size_t close = text.find(')', i);
      if (close != std::string_view::npos && close < sentence.end && close - i <= 24) {
        std::size_t j = close + 1;
        while (j < sentence.end && text[j] == ' ') ++j;
        if (j > close + 1 && j < sentence.end &&
            (text[j] == '-' || static_cast<unsigned char>(text[j]) == 0xE2))
          tense = Tense::kNearest;
      }
    }
  }
  // "all trains were cancelled until Tuesday": a weekday after "until" that
  // follows a verb of suspending ends the suspension ahead: the coming such
  // day (the span then runs from pub, as "until Friday" in a future clause).
  if (tense == Tense::kPast && (id == "time.weekday" || id == "time.until.weekday")) {
    // The rule may have taken "until" in: then the verb is right before it.
    auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
    if (id == "time.until.weekday") {
      w_at = m->begin;
      w = "until";
    }
    if (w == "until" || w == "till") {
      // Not "closed" / "shut": "the road stayed shut until Tuesday" is over.
      static constexpr std::array<std::string_view, 12> kStopped = {
          "cancelled", "canceled", "suspended", "grounded", "halted",   "paused",
          "postponed", "delayed",  "banned",    "barred",   "extended", "adjourned"};
      const auto [v, v_at] = WordBefore(text, sentence.begin, w_at);
      if (std::find(kStopped.begin(), kStopped.end(), v) != kStopped.end()) tense = Tense::kFuture;
      // "gave the firm until Friday to respond": a deadline given is ahead.
      if (GivenUntil(text, sentence.begin, w_at)) tense = Tense::kFuture;
    }
  }
  // "postponed the vote until the fall" (h-dates40): a season after "until"
  // that a verb of putting off sets lies ahead of the decision
  // (PostponedBefore): the season holding pub or the next one. The span
  // keeps an open start, as the tables read "adjourned until next month"
  // (the composition reads the clause's tense on its own); a month is
  // time.until.postponed's.
  if (tense == Tense::kPast && id == "time.season.until" &&
      PostponedBefore(text, sentence.begin, m->begin))
    tense = Tense::kFuture;
  // time.until.postponed's match opens on the verb: its tense is read from
  // "until", as time.until.month's, so that a clause that is not past or a
  // modal before it ("may be delayed until November", a headline "put off
  // until November") runs the span from pub.
  if (id == "time.until.postponed") {
    if (const Capture* c = m->Get("phrase"); c && c->end > c->begin) {
      const Tense at_until =
          TenseInLower(lower, c->begin - sentence.begin, m->end - sentence.begin);
      tense = at_until != Tense::kPast || ModalOrIntentBefore(text, sentence.begin, c->begin)
                  ? Tense::kFuture
                  : Tense::kPast;
    }
  }
  // "the launch is planned for December, the agency said" (h-dates22): a
  // month after "for" is a target, the occurrence nearest pub, as a day
  // after "for".
  if (tense == Tense::kPast && id == "time.month" && m->end - m->begin > 4) {
    const std::string_view own = text.substr(m->begin, 4);
    if (own == "for " || own == "For ") tense = Tense::kNearest;
  }
  // "pilgrims gathered in Rome for Easter Sunday", "flew home for Christmas"
  // (h-dates22): a holiday after "for" is what the act aims at, the
  // occurrence nearest pub whatever the tense (a later one counting double).
  if (tense == Tense::kPast && id.substr(0, 13) == "time.holiday.") {
    const auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
    const std::string_view own = text.substr(m->begin, 4);
    if (w == "for" || own == "for " || own == "For ") tense = Tense::kNearest;
  }
  // A span after "within" or "until" that an order or a modal sets lies
  // ahead (ModalOrIntentBefore).
  if (tense != Tense::kFuture) {
    bool span = id.substr(0, 11) == "time.within";
    if (!span) {
      const auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
      const std::string_view own = lower.substr(m->begin - sentence.begin, 6);
      span = w == "until" || w == "till" || own == "until " || own.substr(0, 5) == "till ";
      // "promised to quit in a few days", "was told to leave in two weeks"
      // (h-dates35): a count ahead that an intent or an order sets lies
      // ahead, not the window back of a past sentence. Not after a modal:
      // "sappers can clear a minefield in a day" tells how long it takes.
      span = span || (id == "time.ahead" && own.substr(0, 3) == "in " &&
                      !ModalOrIntentBefore(text, sentence.begin, m->begin, true));
    }
    if (span && ModalOrIntentBefore(text, sentence.begin, m->begin)) tense = Tense::kFuture;
    // "some said the premier could be gone by the autumn" (h-dates29): a
    // deadline after "by" that a modal sets lies ahead too, whatever the
    // tense of the report (it was last autumn); not an intent ("had
    // promised to restore power by Christmas" is over).
    if (!span) {
      const auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
      const std::string_view own = lower.substr(m->begin - sentence.begin, 3);
      // Not "by" of an agent: "threats shown by Monday's bomb explosion"
      // (a possessive phrase, or a noun after it, is no deadline).
      const std::size_t end = m->end - sentence.begin;
      const bool by = (w == "by" || own == "by ") && AfterPossessive(lower, end) == end &&
                      !ModifiesNoun(lower, m->begin - sentence.begin, end);
      if (by && ModalOrIntentBefore(text, sentence.begin, own == "by " ? m->begin : w_at, true))
        tense = Tense::kFuture;
    }
  }
  // "a default in eight days would be a disaster", "Sunday's vote could
  // swing either way", "could be triggered as early as Saturday"
  // (h-dates29): in a sentence with no past verb at all (nor "said" /
  // "told"), a modal of what may happen (would, could, might, may) makes a
  // count ahead ("in eight days") or a bare or possessive weekday after the
  // modal the coming one. Not "could have" /
  // "could not" (a past possibility or ability), nor a weekday before a
  // noun of violence ("may be linked to Sunday's attack").
  if (tense != Tense::kFuture && (id == "time.ahead" || id == "time.weekday") &&
      HypotheticalModal(lower, text.substr(sentence.begin),
                        id == "time.ahead" ? lower.size() : m->begin - sentence.begin,
                        id == "time.ahead") &&
      !NamesPastEvent(lower, AfterPossessive(lower, m->end - sentence.begin)) &&
      !AnyPastVerb(lower))
    tense = Tense::kFuture;
  // "the parties are testing their strength before December's general
  // election" (h-dates29): a month's election, vote, summit or meeting in a
  // sentence with no past verb is the one ahead (it was the nearest with a
  // later one counting double: last December).
  if (tense == Tense::kNearest && id == "time.month_possessive" &&
      ScheduledNounAfter(lower, m->end - sentence.begin) && !AnyPastVerb(lower))
    tense = Tense::kFuture;
  // "the ceasefire should end the worst clashes in nearly 20 years", "will
  // halt the heaviest shelling in almost 15 years" (h-dates23): a count of
  // months, years or decades (or a hedged count) after a superlative or an
  // ordinal among the four words before it compares with the past whatever
  // the tense: the window back, as in a past sentence.
  if (tense == Tense::kFuture && id == "time.ahead") {
    const std::string_view own = lower.substr(m->begin - sentence.begin, m->end - m->begin);
    const bool long_count = own.find("month") != std::string_view::npos ||
                            own.find("year") != std::string_view::npos ||
                            own.find("decade") != std::string_view::npos ||
                            own.find("nearly") != std::string_view::npos ||
                            own.find("almost") != std::string_view::npos ||
                            own.find(" than ") != std::string_view::npos ||
                            own.find(" over ") != std::string_view::npos;
    if (long_count && RankedBefore(text, sentence.begin, m->begin)) tense = Tense::kPast;
  }
  // "Residents were told to brace for cold all weekend" (h-dates30): "all
  // weekend" closing an infinitive after a verb of ordering, urging or
  // warning (told / urged / warned / asked / advised … to, at most eight
  // words before it and no comma between) is the weekend ahead of the
  // order, not the one before a past report.
  if (tense != Tense::kFuture && id == "time.weekend.all" &&
      OrderToBefore(lower.substr(0, m->begin - sentence.begin)))
    tense = Tense::kFuture;
  // "this weekend" goes back to the weekend just gone only in a sentence
  // with a past verb before it (Weekend(), h-dates23): "ten fixtures to watch
  // this weekend", read on a Thursday, is the coming one.
  if (tense == Tense::kPast && id == "time.weekend" &&
      lower.substr(m->begin - sentence.begin, m->end - m->begin).find("this weekend") !=
          std::string_view::npos) {
    const std::string_view head = lower.substr(0, m->begin - sentence.begin);
    if (!HasPastVerb(head) && !HasPastVerb(head, true)) tense = Tense::kNearest;
  }
  // "the raids on October 7 are due to …", "Blinken will visit
  // again since militants attacked Israel on Oct. 7", "the massacres of 7
  // October" (h-dates23): a yearless day right after a word of an attack or
  // a past happening (up to three words before, the preposition included)
  // tells what was done, the past day whatever the sentence's tense.
  if (tense == Tense::kFuture && (id == "time.date.month_day" || id == "time.date.day_month") &&
      PastActBefore(text, sentence.begin, m->begin))
    tense = Tense::kPast;
  // A yearless day after "until" / "till" in a past sentence bounds a span
  // that was set, extended or declared: the occurrence nearest pub, as for
  // a deadline after "by" ("mourning was declared until 4 January", read on
  // 30 December, ends on the coming 4 January; read in March, the last one).
  if (tense == Tense::kPast && (id == "time.date.day_month" || id == "time.date.month_day")) {
    const auto [w, w_at] = WordBefore(text, sentence.begin, m->begin);
    // "flights have been cancelled through Oct. 31" (h-dates10) alike.
    if ((w == "until" || w == "till" || w == "through") &&
        !ModifiesNoun(lower, m->begin - sentence.begin, m->end - sentence.begin))
      tense = Tense::kNearest;
  }
  return tense;
}

}  // namespace

std::vector<TimeExpr> FindTimes(const Matcher& matcher, std::string_view text,
                                const Sentence& sentence, TimeContext& ctx) {
  // Scratch kept by the thread: FindTimes runs once per sentence, and these
  // were most of its allocations. Nothing outlives the call.
  thread_local std::vector<Match> matches;
  thread_local std::vector<const Match*> order, kept;
  thread_local std::string lower;  // the sentence in lower case
  thread_local TimeCaptures caps;
  Matcher::Recycle(matches);  // clear(), keeping the capture buffers
  order.clear();
  kept.clear();
  // Wire and web copy put no-break spaces in dates ("3\u00a0March"): match
  // on a copy of the sentence with plain spaces, then shift offsets back.
  const std::string spaced =
      PlainSpaced(text.substr(sentence.begin, sentence.end - sentence.begin));
  std::string_view scan = text;
  std::size_t base = 0;
  if (spaced.empty()) {
    matcher.FindAll(RuleKind::kTime, text, sentence.begin, sentence.end, matches);
  } else {
    scan = spaced;
    base = sentence.begin;
    matcher.FindAll(RuleKind::kTime, scan, 0, scan.size(), matches);
    for (auto& m : matches) {
      m.begin += base;
      m.end += base;
      for (auto& c : m.captures) {
        c.begin += base;
        c.end += base;
      }
    }
  }
  // Longest first, then earliest, then highest priority; keep non-overlapping.
  for (const auto& m : matches) {
    if (m.end > m.begin) order.push_back(&m);
  }
  const auto longer = [](const Match* a, const Match* b) {
    const std::size_t la = a->end - a->begin, lb = b->end - b->begin;
    if (la != lb) return la > lb;
    if (a->begin != b->begin) return a->begin < b->begin;
    return a->rule->priority > b->rule->priority;
  };
  if (order.size() <= 16) {
    // A stable insertion sort: the same order as std::stable_sort, without
    // the temporary buffer it allocates on every call.
    for (std::size_t i = 1; i < order.size(); ++i) {
      const Match* m = order[i];
      std::size_t j = i;
      for (; j > 0 && longer(m, order[j - 1]); --j) order[j] = order[j - 1];
      order[j] = m;
    }
  } else {
    std::stable_sort(order.begin(), order.end(), longer);
  }
  for (const Match* m : order) {
    bool overlaps = false;
    for (const Match* k : kept) {
      if (m->begin < k->end && k->begin < m->end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Match* a, const Match* b) { return a->begin < b->begin; });

  const std::string_view sent = text.substr(sentence.begin, sentence.end - sentence.begin);
  if (kept.empty()) return {};
  // For every phrase's tense.
  lower.assign(sent);
  for (char& c : lower) c = Lower(c);
  std::vector<TimeExpr> out;
  out.reserve(kept.size());
  // Durations ("for three days") start from a date named in the same
  // sentence only; an anchor from an earlier sentence is too weak a guess.
  std::optional<Date> sentence_anchor;
  for (const Match* m : kept) {
    caps.clear();
    caps.reserve(m->captures.size());
    for (const auto& c : m->captures) {
      caps.emplace_back(
          c.name, c.set() ? scan.substr(c.begin - base, c.end - c.begin) : std::string_view());
    }
    // The phrase's tense, worked out only if its value asks (PhraseTense).
    const PhraseAt at{text, scan, base, sentence, lower, *m, ctx.pub_date};
    const TenseSource tense{
        [](const void* a) { return PhraseTense(*static_cast<const PhraseAt*>(a)); }, &at, {}};
    const bool duration = m->rule->value.rfind("lasting", 0) == 0;
    TimeContext local = ctx;
    if (duration) {
      local.anchor = sentence_anchor;
      // A duration in the perfect runs up to now, not on from a day named
      // before it (h-evdate29): "said on Friday that troops have been
      // fighting the group for nearly a decade" is the decade before, not the
      // one after Friday (PerfectDurationBefore).
      if (local.anchor && m->begin >= sentence.begin &&
          PerfectDurationBefore(std::string_view(lower).substr(0, m->begin - sentence.begin)))
        local.anchor.reset();
    }
    Resolution r = ResolveLazy(m->rule->value, caps, duration ? local : ctx, tense);
    if (r.no_date) continue;
    TimeExpr t;
    t.begin = m->begin;
    t.end = m->end;
    // A `phrase` capture narrows the time phrase to itself (RE2 has no
    // look-around: "Moscow's 2014 annexation" is matched whole and the
    // phrase is "2014"), bound to the words after it (docs/rules.md).
    if (const Capture* c = m->Get("phrase"); c && c->end > c->begin) {
      t.begin = c->begin;
      t.end = c->end;
      t.bound_end = m->end;
    }
    t.rule = m->rule;
    t.resolved = r.resolved;
    if (r.resolved) {
      t.interval = std::move(r.interval);
      // "The summit opens on September the 9th", read on the 11th (h-dates28):
      // a written day after a verb of the calendar in the present is the next
      // one (MonthAfterCalendarVerb), unless that is almost a year ahead and
      // the day just gone, at most 65 days back, is the one reported.
      if (ctx.pub_date && t.interval.start && t.interval.end &&
          AddDays(*ctx.pub_date, 300) < *t.interval.start && m->begin >= sentence.begin &&
          scan.substr(m->begin - base, m->end - m->begin).find_first_of("0123456789") !=
              std::string_view::npos &&
          MonthAfterCalendarVerb(
              std::string_view(lower).substr(m->begin - sentence.begin, m->end - m->begin),
              std::string_view(lower).substr(0, m->begin - sentence.begin))) {
        const Date a = AddMonths(*t.interval.start, -12), b = AddMonths(*t.interval.end, -12);
        if (a.ok() && b.ok()) {
          t.interval.start = a;
          t.interval.end = b;
        }
      }
      if (r.since_from && r.since_from->start && r.since_from->precision != Precision::kRange) {
        t.since_start = r.since_from->start;
        t.since_end = r.since_from->end;
        t.since_precision = r.since_from->precision;
      }
      const Precision p = t.interval.precision;
      if (t.interval.start && p != Precision::kRange) {
        ctx.anchor = t.interval.start;
        ctx.anchor_end = t.interval.end ? t.interval.end : t.interval.start;
        ctx.anchor_precision = p;
        sentence_anchor = t.interval.start;
      } else if (r.anchor && r.anchor->start) {
        ctx.anchor = r.anchor->start;
        ctx.anchor_end = r.anchor->end ? r.anchor->end : r.anchor->start;
        ctx.anchor_precision = r.anchor->precision;
        sentence_anchor = r.anchor->start;
      }
    }
    out.push_back(std::move(t));
  }
  ComposeSpans(text, sentence, lower, ctx, out);
  return out;
}

}  // namespace eventline
