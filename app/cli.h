// app/cli.h: CLI11 only. Raw flags -> a validated Config; nothing else here
// knows about CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eventline/civil_date.h"
#include "eventline/dates.h"
#include "eventline/input.h"
#include "eventline/output.h"

namespace eventline::app {

enum class Command { kExtract, kSentences, kDates, kRules, kTest, kExplain };

// Keeps peak RSS under 200 MB on any input (docs/scale.md, "Memory").
inline constexpr unsigned kDefaultMemoryLimitMb = 184;

struct Config {
  Command command = Command::kExtract;
  std::vector<std::string> paths;      // inputs (empty = stdin); for `test`: rule ids
  std::vector<std::string> rule_dirs;  // --rules, in order
  bool builtin_rules = true;           // --no-builtin-rules clears it
  InputFormat input = InputFormat::kAuto;
  OutputFormat format = OutputFormat::kCsv;
  bool header = true;
  std::optional<Date> pub_date;
  DateOrder date_order = DateOrder::kDayFirst;
  bool keep_boilerplate = false;
  bool use_title = true;  // extract: a JSONL title as headline context (--no-title)
  unsigned jobs = 0;      // 0 = all cores
  // --memory-limit: resident size (MB) past which the engine's regular-
  // expression caches are dropped between windows of documents (0: never).
  unsigned memory_limit_mb = kDefaultMemoryLimitMb;
  int verbose = 0;
  bool quiet = false;
  bool warnings_as_errors = false;
  bool fail_empty = false;
  // explain --text: one document of this text instead of the inputs.
  std::optional<std::string> text;
};

// Parses argv. On --help/--version prints and returns the exit code in
// `exit_code` with nullopt; on a usage error prints one line to stderr and
// sets exit_code = 2.
std::optional<Config> ParseArgs(int argc, char** argv, int& exit_code);

}  // namespace eventline::app
