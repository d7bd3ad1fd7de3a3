// lib/eventline/numbers.h: numbers written in digits or words -> integers.
//
// Used by time resolution ("nine days ago", "the third week") and by event
// quantities and casualty counts ("twenty-four jets", "1,000 troops").
// Pure functions over their argument; thread-safe; never throw.
//
// Accepted (case-insensitive, surrounding whitespace ignored):
//   digits        "24", "1,000", "10 000" (thin groups of 3), "2740"
//   decimal+scale "1.5 million" -> 1500000 (must come out whole)
//   words         "nine", "twenty-four", "twenty four", "one hundred and five",
//                 "two thousand three hundred", "a hundred", "a thousand"
//   mixed         "3 million", "two million", "a dozen" -> 12, "two dozen" -> 24,
//                 "half a dozen" -> 6, "a couple" / "a couple of" -> 2
//   one           "one", "a", "an", "single" -> 1 (so "a week ago" works)
//   hedges        a leading "at least", "about", "some", "nearly", "more than",
//                 "over", "around", "almost", "up to", "roughly",
//                 "approximately", "an estimated", "as many as", "at most",
//                 "fewer than", "less than", "another", "a further" is
//                 skipped: the number as written is returned ("another 480"
//                 -> 480, "a further twelve" -> 12).
// Rejected (nullopt): vague amounts ("hundreds", "dozens", "several", "a few",
// "scores of"), anything with other words or symbols ("3-1", "F-16",
// "24/7", "COVID-19"), fractions that do not come out whole, overflow.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace eventline {

// A cardinal number as written, or nullopt (see above).
[[nodiscard]] std::optional<std::int64_t> ParseNumber(std::string_view text);

// An ordinal: "3rd", "21st", "1ST", "third", "twenty-first", "twenty first",
// "thirty-first", "hundredth" -> its value; nullopt for anything else
// (including a bare cardinal such as "3" or "three").
[[nodiscard]] std::optional<int> ParseOrdinal(std::string_view text);

// Either: a cardinal or an ordinal ("3", "3rd", "three", "third"). Useful for
// day-of-month slots, which are written both ways.
[[nodiscard]] std::optional<std::int64_t> ParseCardinalOrOrdinal(std::string_view text);

}  // namespace eventline
