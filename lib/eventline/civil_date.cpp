#include "eventline/civil_date.h"

#include <fmt/format.h>

namespace eventline {

namespace {
bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!Digits(y) || !Digits(m) || !Digits(d)) return std::nullopt;
  const Date date{std::chrono::year{ToInt(y)}, std::chrono::month{static_cast<unsigned>(ToInt(m))},
                  std::chrono::day{static_cast<unsigned>(ToInt(d))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string FormatIsoDate(const Date& d) {
  const int y = static_cast<int>(d.year());
  const auto m = static_cast<unsigned>(d.month());
  const auto day = static_cast<unsigned>(d.day());
  if (y < 0 || y > 9999 || m > 99 || day > 99) {
    return fmt::format("{:04}-{:02}-{:02}", y, m, day);
  }
  // Every row of `eventline dates` writes three dates: by hand, a tenth of
  // what fmt::format costs.
  const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
  const auto uy = static_cast<unsigned>(y);
  return {digit(uy / 1000),
          digit(uy / 100),
          digit(uy / 10),
          digit(uy),
          '-',
          digit(m / 10),
          digit(m),
          '-',
          digit(day / 10),
          digit(day)};
}

Date AddDays(const Date& d, int days) {
  return Date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

std::chrono::weekday WeekdayOf(const Date& d) {
  return std::chrono::weekday{std::chrono::sys_days{d}};
}

}  // namespace eventline
