// lib/eventline/civil_date.h: calendar dates as std::chrono values, ISO text in and out.
// Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace eventline {

using Date = std::chrono::year_month_day;  // always .ok() when produced by this module

// "2022-08-18" (exactly YYYY-MM-DD) -> date; nullopt for anything else or an invalid day.
[[nodiscard]] std::optional<Date> ParseIsoDate(std::string_view text);
// date -> "2022-08-18".
[[nodiscard]] std::string FormatIsoDate(const Date& d);
// Day arithmetic through sys_days.
[[nodiscard]] Date AddDays(const Date& d, int days);
[[nodiscard]] std::chrono::weekday WeekdayOf(const Date& d);

}  // namespace eventline
