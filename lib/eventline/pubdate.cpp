#include "eventline/pubdate.h"

#include <re2/re2.h>

#include <string>

#include "eventline/sentences.h"
#include "eventline/utf8.h"

namespace eventline {

namespace {

// Month names, abbreviations included; group 1 of each pattern that uses it.
constexpr std::string_view kMonth =
    "(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\\.?";
constexpr std::string_view kWeekday =
    "(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+)?";
// Keyword before a date line; group 1 says which kind.
constexpr std::string_view kPrefix =
    "(?:((?i:(?:first\\s+)?published|posted|updated|last\\s+(?:modified|updated)|date[ds]?))"
    "\\s*:?\\s*(?i:on\\s+)?)?";
// An optional clock time before the date ("10:40, 18 Aug 2022").
constexpr std::string_view kTimeBefore = "(?:\\d{1,2}[.:]\\d{2}\\s*(?i:[ap]\\.?m\\.?)?,?\\s+)?";
// What may follow a date on a date line: a clock time and a zone.
constexpr std::string_view kTail =
    "[\\s,]*(?:(?i:at\\s+)?\\d{1,2}[.:]\\d{2}(?:[.:]\\d{2})?\\s*(?i:[ap]\\.?m\\.?)?)?"
    "\\s*(?:\\(?[A-Z]{2,5}\\)?|(?i:utc|gmt)?[+-]\\d{2}:?\\d{2})?\\s*$";

// Wire datelines: "LIMA, 2 DEC 88 (EFE) --", "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --",
// "WASHINGTON, March 3, 1987 (Reuters) -". The place is upper case, with an
// optional "(REGION)" and ", REGION".
constexpr std::string_view kWirePlace =
    "^[A-Z][A-Z.' -]*(?:\\([A-Za-z .'-]{1,40}\\))?\\s*(?:,\\s*[A-Z][A-Za-z.' -]*)?,\\s+";
constexpr std::string_view kWireEnd =
    "\\s*(?:--|-|\\x{2013}|\\x{2014}|\\([^)]{1,40}\\)\\s*(?:--|-|\\x{2013}|\\x{2014}|$))";

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (auto p : parts) s += p;
  return s;
}

struct Patterns {
  // Date lines: prefix, weekday, date, tail. Captures: kind, then the date parts.
  RE2 dmy{Join({"^", kPrefix, kTimeBefore, kWeekday, "(\\d{1,2})(?i:st|nd|rd|th)?\\s+", kMonth,
                ",?\\s+(\\d{4})\\b(.*)$"}),
          Opts()};
  RE2 mdy{Join({"^", kPrefix, kTimeBefore, kWeekday, kMonth,
                "\\s+(\\d{1,2})(?i:st|nd|rd|th)?,?\\s+(\\d{4})\\b(.*)$"}),
          Opts()};
  RE2 iso{Join({"^", kPrefix, kWeekday, "(\\d{4})-(\\d{2})-(\\d{2})\\b(.*)$"}), Opts()};
  RE2 dotted{Join({"^", kPrefix, kWeekday, "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b(.*)$"}), Opts()};
  RE2 tail{Join({"^", kTail}), Opts()};
  // Wire datelines: an upper-case place, a date with a year, an optional
  // (AGENCY) and a dash. Captures: day, month, year (or month, day, year).
  RE2 wire_dmy{Join({kWirePlace, "(\\d{1,2})\\s+", kMonth, "\\s+(\\d{4}|\\d{2})", kWireEnd}),
               Opts()};
  RE2 wire_mdy{Join({kWirePlace, kMonth, "\\s+(\\d{1,2}),?\\s+(\\d{4}|\\d{2})", kWireEnd}), Opts()};
  // File names.
  RE2 file_date{
      "(?:^|[^0-9])((?:19|20)\\d{2})([-_.]?)(0[1-9]|1[0-2])([-_.]?)(0[1-9]|[12]\\d|3[01])(?:[^0-9]|"
      "$)",
      Opts()};
  RE2 dir_date{"(?:^|/)((?:19|20)\\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\\d|3[01])/", Opts()};
};

const Patterns& P() {
  static const Patterns* const patterns = new Patterns();
  return *patterns;
}

int MonthNumber(std::string_view name) {
  if (name.size() < 3) return 0;
  static constexpr std::string_view kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  char head[3];
  for (int i = 0; i < 3; ++i) {
    char c = name[static_cast<std::size_t>(i)];
    head[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (int i = 0; i < 12; ++i) {
    if (std::string_view(head, 3) == kNames[i]) return i + 1;
  }
  return 0;
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

enum class Kind { kNone, kPublished, kUpdated };

Kind KindOf(std::string_view prefix) {
  if (prefix.empty()) return Kind::kNone;
  const char c = prefix[0];
  // "updated", "last modified/updated" rank below "published", "posted", "date".
  if (c == 'u' || c == 'U' || c == 'l' || c == 'L') return Kind::kUpdated;
  return Kind::kPublished;
}

// A date line after whitespace was normalised. `kind` reports the prefix.
std::optional<Date> ParseDateLine(const std::string& line, Kind& kind) {
  const Patterns& p = P();
  std::string prefix, a, b, c, rest;
  std::optional<Date> date;
  if (RE2::FullMatch(line, p.dmy, &prefix, &a, &b, &c, &rest)) {
    date = MakeDate(ToInt(c), MonthNumber(b), ToInt(a));
  } else if (RE2::FullMatch(line, p.mdy, &prefix, &a, &b, &c, &rest)) {
    date = MakeDate(ToInt(c), MonthNumber(a), ToInt(b));
  } else if (RE2::FullMatch(line, p.iso, &prefix, &a, &b, &c, &rest)) {
    date = MakeDate(ToInt(a), ToInt(b), ToInt(c));
  } else if (RE2::FullMatch(line, p.dotted, &prefix, &a, &b, &c, &rest)) {
    date = MakeDate(ToInt(c), ToInt(b), ToInt(a));
  } else {
    return std::nullopt;
  }
  if (!date) return std::nullopt;
  kind = KindOf(prefix);
  // Without a keyword the line must be only the date (plus time and zone);
  // with one ("Published 18 August 2022 by ...") the rest is free.
  if (kind == Kind::kNone && !RE2::FullMatch(rest, p.tail)) return std::nullopt;
  return date;
}

std::optional<Date> ParseWireDateline(const std::string& line) {
  const Patterns& p = P();
  std::string a, b, c;
  if (RE2::PartialMatch(line, p.wire_dmy, &a, &b, &c)) {
    int year = ToInt(c);
    if (c.size() == 2) year = ExpandTwoDigitYear(year);
    return MakeDate(year, MonthNumber(b), ToInt(a));
  }
  if (RE2::PartialMatch(line, p.wire_mdy, &a, &b, &c)) {
    int year = ToInt(c);
    if (c.size() == 2) year = ExpandTwoDigitYear(year);
    return MakeDate(year, MonthNumber(a), ToInt(b));
  }
  return std::nullopt;
}

}  // namespace

int ExpandTwoDigitYear(int year) {
  if (year >= 0 && year <= 69) return 2000 + year;
  if (year >= 70 && year <= 99) return 1900 + year;
  return year;
}

std::optional<FoundPubDate> FindPubDateInText(std::string_view text) {
  const std::string_view window = text.substr(0, std::min(text.size(), kPubDateMaxBytes));
  std::optional<FoundPubDate> fallback;  // an "updated" line, if nothing better
  int lines = 0;
  std::size_t pos = 0;
  while (pos < window.size() && lines < kPubDateMaxLines) {
    std::size_t eol = window.find('\n', pos);
    if (eol == std::string_view::npos) eol = window.size();
    const std::string_view raw = window.substr(pos, eol - pos);
    const std::size_t begin = pos;
    pos = eol + 1;
    if (TrimSpace(raw).empty()) continue;
    ++lines;
    if (raw.size() > 200) {
      // A paragraph, not a date line; but wire copy often runs its dateline
      // into the first paragraph: "LIMA, 2 DEC 88 (EFE) -- [TEXT] Police…".
      if (auto d = ParseWireDateline(CollapseWhitespace(raw.substr(0, 160)))) {
        return FoundPubDate{*d, begin, begin + raw.size()};
      }
      continue;
    }
    const std::string line = CollapseWhitespace(raw);
    if (auto d = ParseWireDateline(line)) return FoundPubDate{*d, begin, begin + raw.size()};
    Kind kind = Kind::kNone;
    if (auto d = ParseDateLine(line, kind)) {
      const FoundPubDate found{*d, begin, begin + raw.size()};
      if (kind != Kind::kUpdated) return found;
      if (!fallback) fallback = found;
    }
  }
  return fallback;
}

std::optional<std::pair<std::size_t, std::size_t>> FindWireDateline(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && SpaceLengthAt(text, begin) > 0) begin += SpaceLengthAt(text, begin);
  if (begin >= text.size() || begin > kPubDateMaxBytes) return std::nullopt;
  std::size_t eol = text.find('\n', begin);
  if (eol == std::string_view::npos) eol = text.size();
  const Patterns& p = P();
  for (const RE2* re : {&p.wire_dmy, &p.wire_mdy}) {
    re2::StringPiece input(text.data() + begin, eol - begin);
    if (RE2::Consume(&input, *re)) {
      return std::make_pair(begin, static_cast<std::size_t>(input.data() - text.data()));
    }
  }
  return std::nullopt;
}

std::optional<Date> FindPubDateInFileName(std::string_view path) {
  const Patterns& p = P();
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string y, s1, m, s2, d;
  // Try each occurrence: the separators must agree ("2022-08_18" is not a date).
  re2::StringPiece input(base.data(), base.size());
  while (RE2::FindAndConsume(&input, p.file_date, &y, &s1, &m, &s2, &d)) {
    if (s1 == s2) {
      if (auto date = MakeDate(ToInt(y), ToInt(m), ToInt(d))) return date;
    }
    // FindAndConsume also ate the trailing boundary character; that is fine
    // because a date needs a non-digit before it anyway.
  }
  if (RE2::PartialMatch(path, p.dir_date, &y, &m, &d))
    return MakeDate(ToInt(y), ToInt(m), ToInt(d));
  return std::nullopt;
}

std::optional<Date> ParseDateField(std::string_view value) {
  value = TrimSpace(value);
  if (value.size() < 10) return std::nullopt;
  if (value.size() > 10) {
    const char sep = value[10];
    if (sep != 'T' && sep != 't' && sep != ' ' && sep != '_') return std::nullopt;
  }
  return ParseIsoDate(value.substr(0, 10));
}

}  // namespace eventline
