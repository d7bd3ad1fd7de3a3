// lib/eventline/event.h: one timeline row, schema v1 (see docs/output.md and
// ../shared/DESIGN.md §3, which is binding: names and order of columns).
// Plain data.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventline {

struct Quantity {
  std::optional<std::int64_t> value;  // null when the text gives no number ("dozens")
  std::string what;                   // "fighter jets"; the written amount when no value
  std::string text;                   // as written: "some 24 fighter jets"
};

struct EventRow {
  std::string event_id;  // stable hash of (doc_id, byte_start, byte_end, event_type)
  std::string doc_id;
  std::string pub_date;  // YYYY-MM-DD or empty
  std::string date_start, date_end;
  std::string date_precision = "none";  // day, week, month, year, range, none
  std::string date_text;
  std::string date_source = "none";  // text, context, document, none
  std::string event_type;
  std::string acled_event_type, acled_sub_event_type, cameo, plover;
  std::string actor, target;
  std::string location, country;
  std::optional<double> latitude, longitude;
  std::vector<Quantity> quantity;
  std::optional<std::int64_t> fatalities, injured;
  std::string modality = "asserted";
  std::string source;
  int sentence_index = 0;  // 1-based
  std::size_t byte_start = 0, byte_end = 0;
  std::string sentence;  // whitespace collapsed
  std::string rule;
  std::string file;
};

// Column names in contract order.
inline constexpr std::array<std::string_view, 30> kEventColumns = {"event_id",
                                                                   "doc_id",
                                                                   "pub_date",
                                                                   "date_start",
                                                                   "date_end",
                                                                   "date_precision",
                                                                   "date_text",
                                                                   "date_source",
                                                                   "event_type",
                                                                   "acled_event_type",
                                                                   "acled_sub_event_type",
                                                                   "cameo",
                                                                   "plover",
                                                                   "actor",
                                                                   "target",
                                                                   "location",
                                                                   "country",
                                                                   "latitude",
                                                                   "longitude",
                                                                   "quantity",
                                                                   "fatalities",
                                                                   "injured",
                                                                   "modality",
                                                                   "source",
                                                                   "sentence_index",
                                                                   "byte_start",
                                                                   "byte_end",
                                                                   "sentence",
                                                                   "rule",
                                                                   "file"};

}  // namespace eventline
