// lib/eventline/output.h: RFC 4180 CSV and JSONL writers for rows of fields.
//
// A RowWriter turns rows (a fixed column list) into bytes appended to a
// std::string; the caller decides when to write the buffer out. CSV quotes a
// field only when it must; JSONL writes one object per line with the column
// names as keys, numbers as numbers and unknown values as null. Invalid UTF-8
// in values is replaced with U+FFFD so the output is always valid UTF-8.
// Stateless apart from the header flag; not thread-safe (one per thread).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "eventline/event.h"

namespace eventline {

enum class OutputFormat { kCsv, kJsonl };

// A field: null, text, integer, real, or pre-rendered JSON (for nested values;
// `csv` is its CSV rendering).
struct RawJson {
  std::string json;
  std::string csv;
};
using Field = std::variant<std::monostate, std::string, std::int64_t, double, RawJson>;
// A field borrowed from the caller (null, text or integer), for rows written
// without copying their values; the text must outlive the Row call. Written
// exactly as the Field of the same value.
using FieldRef = std::variant<std::monostate, std::string_view, std::int64_t>;

class RowWriter {
 public:
  RowWriter(OutputFormat format, std::vector<std::string_view> columns, bool header);
  // Appends the header line (CSV only, once, if enabled) to `out`.
  void Header(std::string& out);
  // Appends one row; `fields.size()` must equal the column count.
  void Row(std::span<const Field> fields, std::string& out) const;
  void Row(std::span<const FieldRef> fields, std::string& out) const;

 private:
  OutputFormat format_;
  std::vector<std::string_view> columns_;
  bool header_;
  bool header_done_ = false;
};

// Appends `s` to `out` with invalid UTF-8 replaced by U+FFFD.
void AppendValidUtf8(std::string_view s, std::string& out);
// JSON string literal (with quotes) of `s`, escaped, valid UTF-8.
[[nodiscard]] std::string JsonString(std::string_view s);

// Schema v1: the fields of an event row in kEventColumns order.
[[nodiscard]] std::vector<Field> EventFields(const EventRow& row);
// "24 fighter jets; 14 helicopters" (CSV) / [{"value":24,"what":"fighter jets"},…] (JSONL).
[[nodiscard]] RawJson QuantityField(const std::vector<Quantity>& q);
// Stable 16-hex-digit id of (doc_id, byte_start, byte_end, event_type).
[[nodiscard]] std::string EventId(std::string_view doc_id, std::size_t byte_start,
                                  std::size_t byte_end, std::string_view event_type);

}  // namespace eventline
