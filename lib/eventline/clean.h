// lib/eventline/clean.h: line-level boilerplate filter for scraped text.
//
// Classifies each line of a document as kept or skipped (photo captions
// repeated with "Credit: X", credit lines, "Read more…", "Sign up…",
// "Advertisement", lone gallery counters, navigation lines). Nothing is
// deleted: the result is a list of byte ranges into the original text.
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace eventline {

struct Line {
  std::size_t begin = 0, end = 0;  // byte range, end excludes the line break
  bool keep = true;
  // Why it was skipped: "caption", "credit", "read-more", "sign-up", "advert",
  // "counter", "navigation", "timestamp" (docs/input.md); static storage.
  std::string_view reason;
};

// `keep_boilerplate` = true keeps every line (still split into lines).
[[nodiscard]] std::vector<Line> ClassifyLines(std::string_view text, bool keep_boilerplate = false);
// The same into `lines` (cleared first; its capacity is kept, so a caller
// that keeps the vector does not allocate per document).
void ClassifyLines(std::string_view text, bool keep_boilerplate, std::vector<Line>& lines);

// Compiles the boilerplate patterns ClassifyLines uses (otherwise compiled
// at its first call), so that a loader can do it ahead of the first
// document. Thread-safe.
void PrepareClassifyLines();

}  // namespace eventline
