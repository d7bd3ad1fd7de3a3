// lib/eventline/diagnostics.h: problems a user can cause, as values.
//
// A Diagnostic is plain data: where (file, 1-based line and column), how bad,
// a stable code for rule-file problems (E0xx/W0xx, documented in
// docs/errors.md), the message, and optionally the source line with a caret
// span. Nothing in lib/ prints; the app renders diagnostics to stderr.
//
// DiagnosticSink collects diagnostics. It is not thread-safe; give each
// thread its own sink, or guard it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace eventline {

enum class Severity { kWarning, kError };

struct SourceLocation {
  std::string file;  // as the user named it; may be empty (stdin is "-")
  int line = 0;      // 1-based; 0 = no line
  int column = 0;    // 1-based; 0 = no column
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // "E012" for rule-file problems; empty for input problems
  SourceLocation at;
  std::string message;      // lower case, no final period, quotes what the user wrote
  std::string source_line;  // the offending line for the caret display; may be empty
  int caret_length = 1;     // width of the ~~~ underline (>= 1)
};

class DiagnosticSink {
 public:
  using Listener = std::function<void(const Diagnostic&)>;
  DiagnosticSink() = default;
  // `listener` sees each diagnostic as it is reported (the app prints there),
  // in addition to it being kept and counted.
  explicit DiagnosticSink(Listener listener) : listener_(std::move(listener)) {}

  void Report(Diagnostic d);
  void Error(SourceLocation at, std::string message, std::string code = {});
  void Warning(SourceLocation at, std::string message, std::string code = {});

  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] std::size_t warning_count() const { return warnings_; }
  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  void Clear();

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  Listener listener_;
};

// Rendering, compiler-style (GNU §4.4 plus a context line and caret):
//
//   rules/x.yaml:14:22: error[E012]: unknown key 'patern'; did you mean 'pattern'?
//      14 |     patern: "..."
//         |     ^~~~~~
//
// Input problems (no code) render as `eventline: FILE[:LINE[:COL]]: error: message`.
// Columns count code points (tabs advance to multiples of 8 when drawing the caret).
[[nodiscard]] std::string Render(const Diagnostic& d);

// 1-based line/column of byte `offset` in `text`, column counted in code points.
struct LineCol {
  int line = 1;
  int column = 1;
};
[[nodiscard]] LineCol LineColAt(std::string_view text, std::size_t offset);
// The line (without its newline) containing byte `offset`.
[[nodiscard]] std::string_view LineAt(std::string_view text, std::size_t offset);

// Levenshtein distance, for "did you mean" suggestions (callers use <= 2).
[[nodiscard]] std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace eventline
