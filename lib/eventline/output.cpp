#include "eventline/output.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <array>
#include <cstring>

namespace eventline {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1Fu;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0Fu;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool CsvNeedsQuotes(std::string_view s) {
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) return true;
  // One pass with a byte test (find_first_of calls memchr per byte).
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

// Bytes a field can hold as they are: ASCII (valid UTF-8 by itself) and,
// for CSV, none that needs quoting; for JSON, none that needs escaping.
constexpr auto kCsvPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = true;
  t[','] = t['"'] = t['\r'] = t['\n'] = false;
  return t;
}();
constexpr auto kJsonPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = t['\\'] = false;
  return t;
}();

bool AllPlain(std::string_view s, const std::array<bool, 256>& plain) {
  for (const char c : s) {
    if (!plain[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

void AppendCsv(std::string_view s, std::string& out) {
  // The common field (an id, a date, a rule id, a phrase): one byte loop,
  // one append.
  if (AllPlain(s, kCsvPlain) && (s.empty() || (s.front() != ' ' && s.back() != ' '))) {
    out.append(s);
    return;
  }
  if (!CsvNeedsQuotes(s)) {
    AppendValidUtf8(s, out);
    return;
  }
  out += '"';
  std::string clean;
  AppendValidUtf8(s, clean);
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string FormatDouble(double v) { return fmt::format("{:.5f}", v); }

}  // namespace

void AppendValidUtf8(std::string_view s, std::string& out) {
  // Valid text is appended in runs, not a sequence at a time.
  std::size_t run = 0, i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = Utf8SequenceLength(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out.append(s.data() + run, i - run);
    out += kReplacement;
    run = ++i;
  }
  out.append(s.data() + run, i - run);
}

std::string JsonString(std::string_view s) {
  std::string clean;
  AppendValidUtf8(s, clean);
  std::string out;
  out.reserve(clean.size() + 2);
  out += '"';
  for (char ch : clean) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

// out += JsonString(s), without its two temporary strings for a plain field.
void AppendJsonString(std::string_view s, std::string& out) {
  if (AllPlain(s, kJsonPlain)) {
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  out += JsonString(s);
}

}  // namespace

RowWriter::RowWriter(OutputFormat format, std::vector<std::string_view> columns, bool header)
    : format_(format), columns_(std::move(columns)), header_(header) {}

void RowWriter::Header(std::string& out) {
  if (header_done_) return;
  header_done_ = true;
  if (format_ != OutputFormat::kCsv || !header_) return;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i) out += ',';
    out += columns_[i];
  }
  out += '\n';
}

void RowWriter::Row(std::span<const Field> fields, std::string& out) const {
  if (format_ == OutputFormat::kCsv) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      const Field& f = fields[i];
      if (const auto* s = std::get_if<std::string>(&f)) {
        AppendCsv(*s, out);
      } else if (const auto* n = std::get_if<std::int64_t>(&f)) {
        const fmt::format_int digits(*n);
        out.append(digits.data(), digits.size());
      } else if (const auto* d = std::get_if<double>(&f)) {
        out += FormatDouble(*d);
      } else if (const auto* r = std::get_if<RawJson>(&f)) {
        AppendCsv(r->csv, out);
      }
    }
    out += '\n';
    return;
  }
  out += '{';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += '"';
    out += columns_[i];
    out += "\":";
    const Field& f = fields[i];
    if (const auto* s = std::get_if<std::string>(&f)) {
      AppendJsonString(*s, out);
    } else if (const auto* n = std::get_if<std::int64_t>(&f)) {
      const fmt::format_int digits(*n);
      out.append(digits.data(), digits.size());
    } else if (const auto* d = std::get_if<double>(&f)) {
      out += FormatDouble(*d);
    } else if (const auto* r = std::get_if<RawJson>(&f)) {
      out += r->json;
    } else {
      out += "null";
    }
  }
  out += "}\n";
}

void RowWriter::Row(std::span<const FieldRef> fields, std::string& out) const {
  const bool csv = format_ == OutputFormat::kCsv;
  if (csv) {
    // The common CSV row (`eventline dates`: ids, dates, a phrase, a rule
    // id), every text plain ASCII that needs no quotes: put together in a
    // buffer on the stack and appended once, instead of an append per field
    // and separator. Any other row takes the general path below.
    char buf[512];
    std::size_t n = 0;
    const auto put = [&](const char* p, std::size_t k) {
      if (n + k + 1 > sizeof buf) return false;  // + the newline
      std::memcpy(buf + n, p, k);
      n += k;
      return true;
    };
    bool fast = true;
    for (std::size_t i = 0; fast && i < fields.size(); ++i) {
      if (i) fast = put(",", 1);
      const FieldRef& f = fields[i];
      if (const auto* sv = std::get_if<std::string_view>(&f)) {
        fast = fast && AllPlain(*sv, kCsvPlain) &&
               (sv->empty() || (sv->front() != ' ' && sv->back() != ' ')) &&
               put(sv->data(), sv->size());
      } else if (const auto* v = std::get_if<std::int64_t>(&f)) {
        const fmt::format_int digits(*v);
        fast = fast && put(digits.data(), digits.size());
      }
    }
    if (fast) {
      buf[n++] = '\n';
      out.append(buf, n);
      return;
    }
  }
  if (!csv) out += '{';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    if (!csv) {
      out += '"';
      out += columns_[i];
      out += "\":";
    }
    const FieldRef& f = fields[i];
    if (const auto* s = std::get_if<std::string_view>(&f)) {
      if (csv) {
        AppendCsv(*s, out);
      } else {
        AppendJsonString(*s, out);
      }
    } else if (const auto* n = std::get_if<std::int64_t>(&f)) {
      const fmt::format_int digits(*n);
      out.append(digits.data(), digits.size());
    } else if (!csv) {
      out += "null";
    }
  }
  out += csv ? "\n" : "}\n";
}

RawJson QuantityField(const std::vector<Quantity>& q) {
  if (q.empty()) return RawJson{"null", {}};
  RawJson r;
  r.json = "[";
  for (std::size_t i = 0; i < q.size(); ++i) {
    if (i) {
      r.json += ',';
      r.csv += "; ";
    }
    r.json += "{\"value\":";
    r.json += q[i].value ? std::to_string(*q[i].value) : std::string("null");
    r.json += ",\"what\":" + JsonString(q[i].what) + "}";
    r.csv += q[i].value ? fmt::format("{} {}", *q[i].value, q[i].what) : q[i].text;
  }
  r.json += "]";
  return r;
}

namespace {
Field Text(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}
Field Int(std::optional<std::int64_t> v) {
  if (!v) return std::monostate{};
  return *v;
}
Field Real(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}
}  // namespace

std::vector<Field> EventFields(const EventRow& r) {
  return {Text(r.event_id),
          Text(r.doc_id),
          Text(r.pub_date),
          Text(r.date_start),
          Text(r.date_end),
          Text(r.date_precision),
          Text(r.date_text),
          Text(r.date_source),
          Text(r.event_type),
          Text(r.acled_event_type),
          Text(r.acled_sub_event_type),
          Text(r.cameo),
          Text(r.plover),
          Text(r.actor),
          Text(r.target),
          Text(r.location),
          Text(r.country),
          Real(r.latitude),
          Real(r.longitude),
          QuantityField(r.quantity),
          Int(r.fatalities),
          Int(r.injured),
          Text(r.modality),
          Text(r.source),
          static_cast<std::int64_t>(r.sentence_index),
          static_cast<std::int64_t>(r.byte_start),
          static_cast<std::int64_t>(r.byte_end),
          Text(r.sentence),
          Text(r.rule),
          Text(r.file)};
}

std::string EventId(std::string_view doc_id, std::size_t byte_start, std::size_t byte_end,
                    std::string_view event_type) {
  std::string key(doc_id);
  key += '\0';
  key += std::to_string(byte_start);
  key += '\0';
  key += std::to_string(byte_end);
  key += '\0';
  key += event_type;
  const XXH64_hash_t h = XXH64(key.data(), key.size(), 0);
  return fmt::format("{:016x}", static_cast<unsigned long long>(h));
}

}  // namespace eventline
