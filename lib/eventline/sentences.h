// lib/eventline/sentences.h: kept lines -> sentence byte ranges, never copies.
//
// Handles abbreviations (Gen., U.S., Mr, Jan.), initials, decimals and
// amounts, quotes closing after the full stop, headlines and list items
// ended by a line break, upper-case wire text, non-breaking spaces and curly
// quotes. Skipped lines are never part of a sentence. Spans refer to `text`,
// which must outlive them. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eventline/clean.h"

namespace eventline {

struct Sentence {
  std::size_t begin = 0, end = 0;  // trimmed of surrounding whitespace
  int index = 0;                   // 1-based within the document
};

[[nodiscard]] std::vector<Sentence> SplitSentences(std::string_view text,
                                                   const std::vector<Line>& lines);
// The same into `out` (cleared first, capacity kept).
void SplitSentences(std::string_view text, const std::vector<Line>& lines,
                    std::vector<Sentence>& out);

// The sentence text with runs of whitespace (including NBSP and line breaks)
// collapsed to one space, for display.
[[nodiscard]] std::string CollapseWhitespace(std::string_view s);

}  // namespace eventline
