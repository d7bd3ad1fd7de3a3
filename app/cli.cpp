#include "cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "eventline/diagnostics.h"

namespace eventline::app {

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success (also with zero events, or when the reader closed the pipe),\n"
    "1 `test` failures or --fail-empty with no rows, 2 any error (bad usage, bad rule file,\n"
    "output not written, or an input that failed: reported when it happens, and the other\n"
    "inputs are still processed). See docs/cli.md.";

struct Raw {
  std::vector<std::string> paths;
  std::vector<std::string> rule_dirs;
  bool no_builtin = false;
  std::string input = "auto";
  std::string format = "csv";
  bool no_header = false;
  std::string pub_date;
  std::string date_order = "dmy";
  bool keep_boilerplate = false;
  bool no_title = false;
  unsigned jobs = 0;
  unsigned memory_limit_mb = kDefaultMemoryLimitMb;
  int verbose = 0;
  bool quiet = false;
  bool werror = false;
  bool fail_empty = false;
  std::string text;
  bool has_text = false;
};

void AddInputOptions(CLI::App* cmd, Raw& raw) {
  cmd->add_option("paths", raw.paths,
                  "files or directories (recursive, sorted); '-' or none reads stdin");
  cmd->add_option("--input", raw.input,
                  "input format: auto (*.jsonl and *.ndjson are JSONL), text, jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}));
  cmd->add_option("--pub-date", raw.pub_date,
                  "publication date YYYY-MM-DD for documents that carry none in a JSONL field");
  cmd->add_flag("--keep-boilerplate", raw.keep_boilerplate,
                "keep captions, credits, 'Read more' and navigation lines");
  cmd->add_option("-j,--jobs", raw.jobs, "worker threads (default 0: all cores)");
  cmd->add_option("--memory-limit", raw.memory_limit_mb,
                  "resident MB past which pattern caches are dropped and rebuilt (default " +
                      std::to_string(kDefaultMemoryLimitMb) + "; 0: no limit)");
}

void AddOutputOptions(CLI::App* cmd, Raw& raw) {
  cmd->add_option("--format", raw.format, "output format: csv (RFC 4180) or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_flag("--no-header", raw.no_header, "omit the CSV header line");
}

void AddRuleOptions(CLI::App* cmd, Raw& raw) {
  cmd->add_option("--rules", raw.rule_dirs,
                  "extra rules directory, loaded after the built-in rules (repeatable); its "
                  "rules replace built-in ones with the same id")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--no-builtin-rules", raw.no_builtin, "load only the --rules directories");
  cmd->add_flag("--warnings-as-errors", raw.werror, "treat rule-file warnings as errors");
}

void AddDateOptions(CLI::App* cmd, Raw& raw) {
  cmd->add_option("--date-order", raw.date_order,
                  "reading of numeric dates like 3/7/2022: dmy (default) or mdy")
      ->check(CLI::IsMember({"dmy", "mdy"}));
}

}  // namespace

std::optional<Config> ParseArgs(int argc, char** argv, int& exit_code) {
  CLI::App app{
      "eventline: news articles in, dated conflict-event timelines out.\n"
      "Rule-driven (rules/ are plain YAML), streaming, deterministic."};
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string("eventline ") + EVENTLINE_VERSION);
  app.require_subcommand(1);
  Raw raw;
  app.add_flag("-v,--verbose", raw.verbose, "more detail on stderr (counts, accounting line)");
  app.add_flag("-q,--quiet", raw.quiet, "no warnings on stderr, only errors");

  auto* extract = app.add_subcommand(
      "extract", "write one timeline row per event mention (schema v1, docs/output.md)");
  AddInputOptions(extract, raw);
  AddOutputOptions(extract, raw);
  AddRuleOptions(extract, raw);
  AddDateOptions(extract, raw);
  extract->add_flag("--fail-empty", raw.fail_empty, "exit 1 when no row was written");
  extract->add_flag("--no-title", raw.no_title,
                    "read the JSONL text alone: no 'title' as headline context (docs/input.md)");

  auto* explain = app.add_subcommand(
      "explain", "why each event rule's match gave a row or did not: its slots and its fate");
  AddInputOptions(explain, raw);
  explain->add_option("--format", raw.format, "output format: text (default) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  AddRuleOptions(explain, raw);
  AddDateOptions(explain, raw);
  explain->add_flag("--no-title", raw.no_title,
                    "read the JSONL text alone: no 'title' as headline context (docs/input.md)");
  explain
      ->add_option("--text", raw.text,
                   "explain this text (one document, doc_id 'text'; give --pub-date) instead "
                   "of the inputs")
      ->each([&raw](const std::string&) { raw.has_text = true; });

  auto* sentences =
      app.add_subcommand("sentences",
                         "print the sentences the extractor reads: doc_id, sentence_index, "
                         "byte_start, byte_end, text");
  AddInputOptions(sentences, raw);
  AddOutputOptions(sentences, raw);

  auto* dates =
      app.add_subcommand("dates", "print every time expression with its resolved interval");
  AddInputOptions(dates, raw);
  AddOutputOptions(dates, raw);
  AddRuleOptions(dates, raw);
  AddDateOptions(dates, raw);

  auto* rules = app.add_subcommand("rules",
                                   "list the loaded rules with file:line, kind, type "
                                   "and example count");
  AddRuleOptions(rules, raw);

  auto* test = app.add_subcommand(
      "test", "run every rule's examples and counter-examples through the pipeline");
  AddRuleOptions(test, raw);
  test->add_option("ids", raw.paths, "only these rule ids");

  for (auto* cmd : {extract, explain, sentences, dates, rules, test}) {
    cmd->footer(kExitCodes);
    cmd->add_flag("-v,--verbose", raw.verbose, "more detail on stderr");
    cmd->add_flag("-q,--quiet", raw.quiet, "no warnings on stderr, only errors");
  }

  // CLI11 reports a mistyped command as "A subcommand is required"; name it.
  // The top-level options take no value, so the first word that does not
  // start with '-' is the command.
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    static constexpr std::string_view kCommands[] = {"extract", "explain", "sentences",
                                                     "dates",   "rules",   "test"};
    if (std::find(std::begin(kCommands), std::end(kCommands), word) != std::end(kCommands)) break;
    std::string hint;
    for (const std::string_view name : kCommands) {
      if (EditDistance(word, name) <= 2) hint = fmt::format("; did you mean '{}'?", name);
    }
    std::fprintf(stderr,
                 "eventline: error: unknown command '%s'; expected extract, explain, "
                 "sentences, dates, rules or test%s\n",
                 std::string(word).c_str(), hint.c_str());
    std::fprintf(stderr, "Run 'eventline --help' or 'eventline COMMAND --help' for usage.\n");
    exit_code = 2;
    return std::nullopt;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    exit_code = app.exit(e);
    return std::nullopt;
  } catch (const CLI::CallForAllHelp& e) {
    exit_code = app.exit(e);
    return std::nullopt;
  } catch (const CLI::CallForVersion& e) {
    exit_code = app.exit(e);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      exit_code = app.exit(e);
      return std::nullopt;
    }
    std::fprintf(stderr, "eventline: error: %s\n", e.what());
    std::fprintf(stderr, "Run 'eventline --help' or 'eventline COMMAND --help' for usage.\n");
    exit_code = 2;
    return std::nullopt;
  }

  Config c;
  if (extract->parsed()) c.command = Command::kExtract;
  if (sentences->parsed()) c.command = Command::kSentences;
  if (dates->parsed()) c.command = Command::kDates;
  if (rules->parsed()) c.command = Command::kRules;
  if (test->parsed()) c.command = Command::kTest;
  if (explain->parsed()) {
    c.command = Command::kExplain;
    if (raw.has_text) c.text = raw.text;
    if (c.text && !raw.paths.empty()) {
      std::fprintf(stderr,
                   "eventline: error: explain: --text and input paths exclude each other\n");
      exit_code = 2;
      return std::nullopt;
    }
  }
  c.paths = raw.paths;
  c.rule_dirs = raw.rule_dirs;
  c.builtin_rules = !raw.no_builtin;
  c.input = raw.input == "jsonl"  ? InputFormat::kJsonl
            : raw.input == "text" ? InputFormat::kText
                                  : InputFormat::kAuto;
  c.format = raw.format == "jsonl" ? OutputFormat::kJsonl : OutputFormat::kCsv;
  c.header = !raw.no_header;
  c.date_order = raw.date_order == "mdy" ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
  c.keep_boilerplate = raw.keep_boilerplate;
  c.use_title = !raw.no_title;
  c.jobs = raw.jobs;
  c.memory_limit_mb = raw.memory_limit_mb;
  c.verbose = raw.verbose;
  c.quiet = raw.quiet;
  c.warnings_as_errors = raw.werror;
  c.fail_empty = raw.fail_empty;
  if (!raw.pub_date.empty()) {
    c.pub_date = ParseIsoDate(raw.pub_date);
    if (!c.pub_date) {
      std::fprintf(stderr, "eventline: error: --pub-date: '%s' is not a date YYYY-MM-DD\n",
                   raw.pub_date.c_str());
      exit_code = 2;
      return std::nullopt;
    }
  }
  exit_code = 0;
  return c;
}

}  // namespace eventline::app
