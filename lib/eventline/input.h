// lib/eventline/input.h: paths (files, directories, "-") -> a stream of Documents.
//
// Directories are walked recursively in sorted byte order; hidden entries and
// VCS folders are skipped; symlink loops are detected. Plain text is one
// document per file; JSONL (by --input jsonl or a *.jsonl name) is one per
// line. Problems (missing path, binary file, malformed JSONL line, invalid
// UTF-8) go to the sink naming file[:line] and reading goes on. Memory is
// bounded by the largest document: JSONL is read line by line.
// Not thread-safe: one reader per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eventline/civil_date.h"
#include "eventline/diagnostics.h"
#include "eventline/document.h"

namespace eventline {

enum class InputFormat { kAuto, kText, kJsonl };

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<Date> pub_date;  // --pub-date: used when a record has no date field
};

struct InputStats {
  std::size_t documents = 0;  // documents produced
  std::size_t skipped = 0;    // inputs skipped with a warning (binary files)
  std::size_t failed = 0;     // inputs or records that failed with an error
  std::size_t bytes = 0;      // text bytes produced
};

class InputReader {
 public:
  // `paths` empty means stdin. The sink must outlive the reader.
  InputReader(std::vector<std::string> paths, InputOptions options, DiagnosticSink& sink);
  ~InputReader();
  InputReader(const InputReader&) = delete;  // owns open streams
  InputReader& operator=(const InputReader&) = delete;

  // Fills `doc` with the next document (publication date resolved per
  // docs/cli.md) and returns true; false at the end of all inputs.
  bool Next(Document& doc);

  [[nodiscard]] const InputStats& stats() const;
  // Total size of the regular files named or found, when known up front (for ETA); 0 if unknown.
  [[nodiscard]] std::size_t known_total_bytes() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventline
