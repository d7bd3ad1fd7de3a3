#include "eventline/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace eventline {

void DiagnosticSink::Report(Diagnostic d) {
  if (d.severity == Severity::kError) {
    ++errors_;
  } else {
    ++warnings_;
  }
  if (listener_) listener_(d);
  diagnostics_.push_back(std::move(d));
}

void DiagnosticSink::Error(SourceLocation at, std::string message, std::string code) {
  Report(Diagnostic{Severity::kError, std::move(code), std::move(at), std::move(message), {}, 1});
}

void DiagnosticSink::Warning(SourceLocation at, std::string message, std::string code) {
  Report(Diagnostic{Severity::kWarning, std::move(code), std::move(at), std::move(message), {}, 1});
}

void DiagnosticSink::Clear() {
  diagnostics_.clear();
  errors_ = warnings_ = 0;
}

namespace {

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Display width of the first `columns - 1` code points of `line`, with tabs
// advancing to the next multiple of 8.
int DisplayOffset(std::string_view line, int column) {
  int width = 0;
  int seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (IsContinuationByte(c)) continue;
    ++seen;
    width = (c == '\t') ? (width / 8 + 1) * 8 : width + 1;
  }
  return width;
}

// Control characters but tab (a NUL or a line break from a binary rule file, a JSONL
// value or a file name) written as \xNN, so a diagnostic stays one line.
std::string EscapeControls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) {
      out += fmt::format("\\x{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string Render(const Diagnostic& d) {
  const char* sev = d.severity == Severity::kError ? "error" : "warning";
  std::string where = EscapeControls(d.at.file.empty() ? std::string_view("-") : d.at.file);
  if (d.at.line > 0) {
    where += fmt::format(":{}", d.at.line);
    if (d.at.column > 0) where += fmt::format(":{}", d.at.column);
  }
  std::string out;
  if (d.code.empty()) {
    out = fmt::format("eventline: {}: {}: {}\n", where, sev, EscapeControls(d.message));
  } else {
    out = fmt::format("{}: {}[{}]: {}\n", where, sev, d.code, EscapeControls(d.message));
  }
  if (!d.source_line.empty() && d.at.line > 0) {
    const std::string num = std::to_string(d.at.line);
    const std::string pad(num.size(), ' ');
    // Tabs are expanded to multiples of 8 so the caret lines up.
    std::string shown;
    int width = 0;
    for (char c : d.source_line) {
      if (c == '\t') {
        const int next = (width / 8 + 1) * 8;
        shown.append(static_cast<std::size_t>(next - width), ' ');
        width = next;
      } else {
        const auto u = static_cast<unsigned char>(c);
        shown += u < 0x20 || u == 0x7F ? '?' : c;  // a control byte, one column wide
        if (!IsContinuationByte(u)) ++width;
      }
    }
    out += fmt::format(" {} | {}\n", num, shown);
    const int offset = d.at.column > 0 ? DisplayOffset(d.source_line, d.at.column) : 0;
    std::string caret(static_cast<std::size_t>(offset), ' ');
    caret += '^';
    if (d.caret_length > 1) caret.append(static_cast<std::size_t>(d.caret_length - 1), '~');
    out += fmt::format(" {} | {}\n", pad, caret);
  }
  return out;
}

LineCol LineColAt(std::string_view text, std::size_t offset) {
  LineCol lc;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if (!IsContinuationByte(c)) {
      ++lc.column;
    }
  }
  return lc;
}

std::string_view LineAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t begin = 0;
  if (offset > 0) {
    const std::size_t nl = text.rfind('\n', offset - 1);
    if (nl != std::string_view::npos) begin = nl + 1;
  }
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace eventline
