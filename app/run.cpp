#include "run.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "eventline/builtin_tables.h"
#include "eventline/memory.h"
#include "eventline/output.h"
#include "eventline/pipeline.h"
#include "eventline/rule_profile.h"
#include "eventline/trace.h"
#include "eventline/utf8.h"
#if __has_include("eventline/rule_test.h")
#include "eventline/rule_test.h"
#define EVENTLINE_HAVE_RULE_TEST 1
#endif

namespace eventline::app {

namespace {

namespace fs = std::filesystem;

// ---- stderr -------------------------------------------------------------

struct Stderr {
  bool quiet = false;
  bool color = false;
  bool progress_shown = false;

  void ClearProgress() {
    if (progress_shown) {
      std::fputs("\r\033[K", stderr);
      progress_shown = false;
    }
  }

  void Print(const Diagnostic& d) {
    if (quiet && d.severity == Severity::kWarning) return;
    ClearProgress();
    std::string text = Render(d);
    if (color) {
      const std::string_view word = d.severity == Severity::kError ? "error" : "warning";
      const std::string_view paint = d.severity == Severity::kError ? "\033[1;31m" : "\033[1;35m";
      const std::size_t at = text.find(std::string(word));
      if (at != std::string::npos) {
        text.insert(at + word.size(), "\033[0m");
        text.insert(at, paint);
      }
    }
    std::fwrite(text.data(), 1, text.size(), stderr);  // NUL-safe
  }
};

// ---- stdout -------------------------------------------------------------

// Writes to fd 1 unbuffered-by-stdio; a closed pipe ends the run quietly.
class Stdout {
 public:
  bool Write(std::string_view s) {
    while (!s.empty() && ok()) {
      const ssize_t n = ::write(STDOUT_FILENO, s.data(), s.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EPIPE) {
          broken_pipe_ = true;
        } else {
          error_ = std::strerror(errno);
        }
        break;
      }
      s.remove_prefix(static_cast<std::size_t>(n));
    }
    return ok();
  }
  [[nodiscard]] bool ok() const { return !broken_pipe_ && error_.empty(); }
  [[nodiscard]] bool broken_pipe() const { return broken_pipe_; }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  bool broken_pipe_ = false;
  std::string error_;
};

// ---- built-in rules -----------------------------------------------------

std::string FindBuiltinRules(const char* argv0) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  const fs::path dir = exe.parent_path();
  for (const fs::path& candidate :
       {dir / "rules", dir / EVENTLINE_INSTALL_RULES_REL, fs::path(EVENTLINE_SOURCE_RULES_DIR)}) {
    if (fs::is_regular_file(candidate / "types.yaml", ec)) {
      return candidate.lexically_normal().string();
    }
  }
  return {};
}

// ---- per-document work --------------------------------------------------

struct Work {
  Document doc;
  std::string out;
  std::size_t rows = 0;
  std::size_t dropped = 0;  // boilerplate lines skipped
};

using ProcessFn = void (*)(const Config&, const Engine*, Work&);

std::string CollapsedText(const Document& doc, std::size_t b, std::size_t e) {
  return CollapseWhitespace(std::string_view(doc.text).substr(b, e - b));
}

// The phrase text[b, e) as CollapsedText gives it, borrowed from the text
// when it is collapsed already (no white space but single ASCII spaces
// between words): nearly every time phrase, now without a copy. Otherwise
// collapsed into `scratch`.
std::string_view CollapsedPhrase(const Document& doc, std::size_t b, std::size_t e,
                                 std::string& scratch) {
  const std::string_view s = std::string_view(doc.text).substr(b, e - b);
  bool plain = s.empty() || (s.front() != ' ' && s.back() != ' ');
  for (std::size_t i = 0; plain && i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // (s[0] is no space, so a space has a byte before it.)
    plain = c == ' ' ? s[i - 1] != ' ' : c > ' ' && c != 0xC2 && c != 0xE2;
  }
  if (plain) return s;
  scratch = CollapseWhitespace(s);
  return scratch;
}

std::string PubDate(const Document& doc) {
  return doc.pub_date ? FormatIsoDate(*doc.pub_date) : std::string();
}

Field TextField(std::string s) {
  if (s.empty()) return std::monostate{};
  return Field(std::move(s));
}

constexpr std::string_view kSentenceColumns[] = {"doc_id", "sentence_index", "byte_start",
                                                 "byte_end", "text"};
constexpr std::string_view kDateColumns[] = {
    "doc_id",         "pub_date",   "date_text", "date_start", "date_end",
    "date_precision", "byte_start", "byte_end",  "rule",       "date_alternative"};

void ProcessSentences(const Config& c, const Engine*, Work& w) {
  const RowWriter writer(c.format, {std::begin(kSentenceColumns), std::end(kSentenceColumns)},
                         false);
  const auto lines = ClassifyLines(w.doc.text, c.keep_boilerplate);
  for (const Line& l : lines) w.dropped += l.keep ? 0 : 1;
  for (const Sentence& s : SplitSentences(w.doc.text, lines)) {
    const Field fields[] = {TextField(w.doc.doc_id), static_cast<std::int64_t>(s.index),
                            static_cast<std::int64_t>(s.begin), static_cast<std::int64_t>(s.end),
                            TextField(CollapsedText(w.doc, s.begin, s.end))};
    writer.Row(fields, w.out);
    ++w.rows;
  }
}

void ProcessDates(const Config& c, const Engine* engine, Work& w) {
  // One writer per format for the whole run (a RowWriter is immutable once
  // built): a one-sentence document used to pay for building it.
  static const RowWriter kCsv(OutputFormat::kCsv,
                              {std::begin(kDateColumns), std::end(kDateColumns)}, false);
  static const RowWriter kJsonl(OutputFormat::kJsonl,
                                {std::begin(kDateColumns), std::end(kDateColumns)}, false);
  const RowWriter& writer = c.format == OutputFormat::kJsonl ? kJsonl : kCsv;
  const std::vector<TimeExpr> times = engine->Dates(w.doc, &w.dropped);
  // Rows are about 100 bytes (CSV) to 300 (JSONL): one allocation, not a
  // doubling per field.
  if (!times.empty()) w.out.reserve(w.out.size() + times.size() * 384);
  // Rows borrow their text (FieldRef): an empty text is null, as TextField.
  const auto text = [](std::string_view s) { return s.empty() ? FieldRef() : FieldRef(s); };
  const std::string pub = times.empty() ? std::string() : PubDate(w.doc);
  std::string scratch;
  for (const TimeExpr& t : times) {
    const auto iso = [](const std::optional<Date>& d) {
      return d ? FormatIsoDate(*d) : std::string();
    };
    const std::string_view phrase = CollapsedPhrase(w.doc, t.begin, t.end, scratch);
    const std::string start = t.resolved ? iso(t.interval.start) : std::string();
    const std::string end = t.resolved ? iso(t.interval.end) : std::string();
    const FieldRef fields[] = {text(w.doc.doc_id),
                               text(pub),
                               text(phrase),
                               text(start),
                               text(end),
                               text(ToString(t.resolved ? t.interval.precision : Precision::kNone)),
                               static_cast<std::int64_t>(t.begin),
                               static_cast<std::int64_t>(t.end),
                               text(t.rule ? std::string_view(t.rule->id) : std::string_view()),
                               text(t.interval.alternative)};
    writer.Row(fields, w.out);
    ++w.rows;
  }
}

void ProcessExtract(const Config& c, const Engine* engine, Work& w) {
  const RowWriter writer(c.format, {kEventColumns.begin(), kEventColumns.end()}, false);
  for (const EventRow& row : engine->Extract(w.doc, &w.dropped)) {
    const auto fields = EventFields(row);
    writer.Row(fields, w.out);
    ++w.rows;
  }
}

// ---- explain ------------------------------------------------------------

// One match of a traced document with its fate (docs/cli.md, "explain").
struct Explained {
  const TraceSink::Record* record = nullptr;
  const EventRow* row = nullptr;  // the row it became, else null
  std::size_t row_number = 0;     // 1-based within the document
};

std::string Json(std::string_view s) { return JsonString(s); }

std::string Snippet(const Document& doc, std::size_t b, std::size_t e) {
  return b < e && e <= doc.text.size() ? CollapsedText(doc, b, e) : std::string();
}

// Text: one block per sentence, one line per match and one per its fate.
void ExplainText(const Document& doc, const Sentence& s, const std::vector<Explained>& matches,
                 std::string& out) {
  out += fmt::format("{} sentence {} (bytes {}-{}): {}\n", doc.doc_id, s.index, s.begin, s.end,
                     CollapsedText(doc, s.begin, s.end));
  for (const Explained& x : matches) {
    const TraceSink::Record& r = *x.record;
    out += fmt::format("  {} ({}:{}) {}-{} '{}'\n", r.rule->id, r.rule->at.file, r.rule->at.line,
                       r.begin, r.end, Snippet(doc, r.begin, r.end));
    std::string slots;
    for (const Capture& c : r.captures) {
      if (c.set()) slots += fmt::format(" {}='{}'", c.name, Snippet(doc, c.begin, c.end));
    }
    if (!slots.empty()) out += fmt::format("    slots:{}\n", slots);
    if (x.row != nullptr) {
      const EventRow& row = *x.row;
      const std::string place = row.location.empty()
                                    ? std::string("no place")
                                    : fmt::format("place '{}' {}", row.location, row.country);
      out += fmt::format("    => row {}: {}, {}..{} ({}, {}), {}, event_id {}\n", x.row_number,
                         row.event_type, row.date_start, row.date_end, row.date_precision,
                         row.date_source, place, row.event_id);
    } else if (r.veto_end > r.veto_begin) {
      out += fmt::format(
          "    => vetoed by `unless` #{} of its rule at {}-{} '{}'{}\n", r.unless_index + 1,
          r.veto_begin, r.veto_end, Snippet(doc, r.veto_begin, r.veto_end),
          r.unless_index >= 0
              ? fmt::format(": {:.100}", r.rule->unless[static_cast<std::size_t>(r.unless_index)])
              : std::string());
    } else if (!r.fate.empty()) {
      out += fmt::format("    => {}\n", r.fate);
    } else {
      out += "    => dropped (no reason recorded)\n";
    }
  }
}

// JSONL: one record per sentence.
void ExplainJson(const Document& doc, const Sentence& s, const std::vector<Explained>& matches,
                 std::string& out) {
  out += fmt::format(
      R"({{"doc_id":{},"sentence_index":{},"byte_start":{},"byte_end":{},"text":{},"matches":[)",
      Json(doc.doc_id), s.index, s.begin, s.end, Json(CollapsedText(doc, s.begin, s.end)));
  bool first = true;
  for (const Explained& x : matches) {
    const TraceSink::Record& r = *x.record;
    out += first ? "{" : ",{";
    first = false;
    out += fmt::format(
        R"("rule":{},"file":{},"line":{},"byte_start":{},"byte_end":{},"text":{},"slots":{{)",
        Json(r.rule->id), Json(r.rule->at.file), r.rule->at.line, r.begin, r.end,
        Json(Snippet(doc, r.begin, r.end)));
    bool first_slot = true;
    for (const Capture& c : r.captures) {
      if (!c.set()) continue;
      out += fmt::format("{}{}:{}", first_slot ? "" : ",", Json(c.name),
                         Json(Snippet(doc, c.begin, c.end)));
      first_slot = false;
    }
    out += "},";
    if (x.row != nullptr) {
      const EventRow& row = *x.row;
      out += fmt::format(
          R"("fate":"row","row":{},"event_id":{},"event_type":{},"date_start":{},"date_end":{},"location":{},"country":{}}})",
          x.row_number, Json(row.event_id), Json(row.event_type), Json(row.date_start),
          Json(row.date_end), Json(row.location), Json(row.country));
    } else if (r.veto_end > r.veto_begin) {
      out += fmt::format(
          R"("fate":"unless","unless_index":{},"veto_start":{},"veto_end":{},"veto_text":{},"reason":{}}})",
          r.unless_index, r.veto_begin, r.veto_end, Json(Snippet(doc, r.veto_begin, r.veto_end)),
          Json(r.fate));
    } else if (!r.fate.empty()) {
      out += fmt::format(R"("fate":"dropped","reason":{}}})", Json(r.fate));
    } else {
      out += "\"fate\":\"unexplained\",\"reason\":\"dropped (no reason recorded)\"}";
    }
  }
  out += "]}\n";
}

void ProcessExplain(const Config& c, const Engine* engine, Work& w) {
  TraceSink trace;
  const std::vector<EventRow> rows = engine->Extract(w.doc, &w.dropped, nullptr, &trace);
  std::vector<TraceSink::Record>& records = trace.records();
  if (records.empty()) return;
  std::stable_sort(records.begin(), records.end(), [](const auto& x, const auto& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.rule < y.rule;
  });
  const std::vector<Sentence> sentences = engine->Clean(w.doc).sentences;
  std::size_t k = 0;
  std::vector<Explained> here;
  for (std::size_t i = 0; i < sentences.size() && k < records.size(); ++i) {
    const Sentence& s = sentences[i];
    const std::size_t next = i + 1 < sentences.size() ? sentences[i + 1].begin : std::size_t(-1);
    here.clear();
    for (; k < records.size() && records[k].begin < next; ++k) {
      Explained x;
      x.record = &records[k];
      if (records[k].fate.empty()) {
        for (std::size_t n = 0; n < rows.size(); ++n) {
          const EventRow& row = rows[n];
          if (row.rule == records[k].rule->id && records[k].begin <= row.byte_start &&
              row.byte_start < records[k].end) {
            x.row = &row;
            x.row_number = n + 1;
          }
        }
      }
      here.push_back(x);
    }
    if (here.empty()) continue;
    if (c.format == OutputFormat::kJsonl) {
      ExplainJson(w.doc, s, here, w.out);
    } else {
      ExplainText(w.doc, s, here, w.out);
    }
    ++w.rows;
  }
}

// ---- progress -----------------------------------------------------------

class Progress {
 public:
  Progress(Stderr& err, bool enabled, std::size_t total_bytes)
      : err_(err), enabled_(enabled), total_(total_bytes), start_(Clock::now()), last_(start_) {}

  void Update(std::size_t docs, std::size_t bytes, std::size_t rows, bool force = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0.0;
    std::string line =
        fmt::format("{} docs, {:.1f} MB, {} rows, {:.1f} MB/s", docs, mb, rows, rate);
    if (total_ > 0 && rate > 0 && bytes <= total_) {
      const double eta = (static_cast<double>(total_ - bytes) / 1e6) / rate;
      line += fmt::format(", ETA {:.0f}s", eta);
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    err_.progress_shown = true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  Stderr& err_;
  bool enabled_;
  std::size_t total_;
  Clock::time_point start_, last_;
};

// ---- the stream driver --------------------------------------------------

// Documents are read in order into a bounded window, processed by `jobs`
// threads while the next window is read, and written in input order, so the
// output is byte-identical whatever the thread count and memory stays bounded
// by two windows.
struct StreamResult {
  std::size_t rows = 0;
  std::size_t dropped = 0;
  std::size_t releases = 0;  // times the engine's caches were dropped
  // Of those (-v): the ReleaseRecent steps taken, and the releases that
  // ended by dropping everything (ReleaseCaches).
  std::size_t partial_steps = 0;
  std::size_t full_releases = 0;
};

StreamResult Stream(const Config& c, Engine* engine, ProcessFn fn, InputReader& reader, Stdout& out,
                    Progress& progress) {
  // Resident size above which the engine's regular-expression caches are
  // dropped (docs/scale.md, "Memory"). A release must follow a growth of at
  // least an eighth of the limit, so a process that is large for other
  // reasons (huge documents, big rule sets) does not release at every window.
  const std::size_t limit = static_cast<std::size_t>(c.memory_limit_mb) << 20;
  std::size_t after_release = ResidentBytes();
  const unsigned jobs = c.jobs ? c.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t max_docs = 64 * static_cast<std::size_t>(jobs);
  constexpr std::size_t kMaxWindowBytes = 16u << 20;

  // A window's Work items are reused by the next window read into it: their
  // strings keep their buffers, so a one-sentence document no longer pays
  // for allocating (and freeing) its text, its "path:line" and its output.
  const auto read_window = [&](std::vector<Work>& window) {
    std::size_t n = 0, bytes = 0;
    while (n < max_docs && bytes < kMaxWindowBytes) {
      if (n == window.size()) window.emplace_back();
      Work& w = window[n];
      if (!reader.Next(w.doc)) break;
      w.out.clear();
      w.rows = 0;
      w.dropped = 0;
      bytes += w.doc.text.size();
      ++n;
    }
    window.resize(n);
  };
  const auto process = [&](std::vector<Work>& window) {
    if (jobs == 1 || window.size() < 2) {
      for (Work& w : window) fn(c, engine, w);
      return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::jthread> threads;
    const unsigned n = std::min<std::size_t>(jobs, window.size()) > 0
                           ? static_cast<unsigned>(std::min<std::size_t>(jobs, window.size()))
                           : 1u;
    for (unsigned t = 0; t < n; ++t) {
      threads.emplace_back([&] {
        for (std::size_t i = next++; i < window.size(); i = next++) fn(c, engine, window[i]);
      });
    }
  };

  StreamResult result;
  std::size_t docs = 0, bytes = 0;
  std::vector<Work> current, upcoming;
  read_window(current);
  while (!current.empty() && out.ok()) {
    if (jobs == 1) {
      process(current);
      upcoming.clear();
    } else {
      // Process `current` on worker threads while this thread reads ahead.
      std::jthread worker([&] { process(current); });
      read_window(upcoming);
    }
    std::string chunk;
    for (Work& w : current) {
      chunk += w.out;
      result.rows += w.rows;
      result.dropped += w.dropped;
      bytes += w.doc.text.size();
      ++docs;
    }
    if (!out.Write(chunk)) break;
    progress.Update(docs, bytes, result.rows);
    // No worker runs here: the window is done and the next not started.
    if (engine != nullptr) engine->Tick();
    if (engine != nullptr && limit > 0) {
      const std::size_t resident = ResidentBytes();
      if (resident > limit && resident > after_release + limit / 8) {
        // The patterns used most recently first, a fifth of those compiled
        // at a time: their DFA caches hold most of the memory, while the
        // many patterns used now and then hold little each and would cost a
        // compilation each. Everything (and the trigger lookups) when two
        // fifths are not enough to get back under 80 % of the limit.
        const std::size_t target = limit - limit / 5;
        const std::size_t step = engine->compiled_patterns() / 5 + 1;
        after_release = resident;
        for (int i = 0; i < 2 && after_release > target; ++i) {
          engine->ReleaseRecent(step);
          ++result.partial_steps;
          TrimHeap();
          after_release = ResidentBytes();
        }
        if (after_release > target) {
          engine->ReleaseCaches();
          ++result.full_releases;
          TrimHeap();
          after_release = ResidentBytes();
        }
        ++result.releases;
      }
    }
    if (jobs == 1) {
      read_window(current);
    } else {
      std::swap(current, upcoming);
    }
  }
  progress.Update(docs, bytes, result.rows, true);
  return result;
}

// In a build with EVENTLINE_RULE_PROFILE: the per-rule cost table, to the
// file EVENTLINE_RULE_PROFILE names (every row) or to standard error (the
// top EVENTLINE_RULE_PROFILE_TOP rows of each table, 30 when unset).
void WriteRuleProfile() {
  if (!RuleProfileEnabled()) return;
  const char* path = std::getenv("EVENTLINE_RULE_PROFILE");
  const char* top = std::getenv("EVENTLINE_RULE_PROFILE_TOP");
  const bool to_file = path != nullptr && *path != '\0';
  std::size_t n = to_file ? 0 : 30;
  if (top != nullptr && *top != '\0') n = static_cast<std::size_t>(std::strtoull(top, nullptr, 10));
  // The table's times are steady_clock (wall) time: on a loaded machine they
  // run ahead of the CPU time, which this line gives for scale.
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  const std::string report =
      fmt::format(
          "eventline rule profile: process CPU {:.2f} s user, {:.2f} s system\n",
          static_cast<double>(ru.ru_utime.tv_sec) + 1e-6 * static_cast<double>(ru.ru_utime.tv_usec),
          static_cast<double>(ru.ru_stime.tv_sec) +
              1e-6 * static_cast<double>(ru.ru_stime.tv_usec)) +
      RuleProfileReport(n);
  std::FILE* f = to_file ? std::fopen(path, "w") : stderr;
  if (f == nullptr) {
    std::fprintf(stderr, "eventline: warning: cannot write the rule profile to %s\n", path);
    return;
  }
  std::fputs(report.c_str(), f);
  if (f != stderr) std::fclose(f);
}

}  // namespace

int Run(const Config& c, const char* argv0) {
  Stderr err;
  err.quiet = c.quiet;
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  err.color = tty && std::getenv("NO_COLOR") == nullptr;

  std::size_t diag_errors = 0, diag_warnings = 0;
  DiagnosticSink sink([&](const Diagnostic& d) {
    (d.severity == Severity::kError ? diag_errors : diag_warnings) += 1;
    err.Print(d);
  });

  // The engine lives until the process exits: freeing its rules, sets and
  // gazetteer one allocation at a time cost a tenth of a cold start
  // (0.11 G instructions) and only delayed the exit. Held through a static
  // pointer, so it stays reachable (no leak report under LeakSanitizer).
  static auto* const engine_holder = new std::unique_ptr<Engine>();
  std::unique_ptr<Engine>& engine = *engine_holder;
  if (c.command != Command::kSentences) {
    EngineOptions options;
    if (c.builtin_rules) {
      const std::string builtin = FindBuiltinRules(argv0);
      if (builtin.empty()) {
        std::fputs(
            "eventline: error: built-in rules not found next to the binary; "
            "use --rules DIR\n",
            stderr);
        return 2;
      }
      options.rule_dirs.push_back(builtin);
    }
    for (const auto& d : c.rule_dirs) options.rule_dirs.push_back(d);
    options.date_order = c.date_order;
    options.keep_boilerplate = c.keep_boilerplate;
    options.use_title = c.use_title;
    options.known_patterns = BuiltinKnownPatterns();
    options.known_rule_files = BuiltinKnownRuleFiles();
    options.gazetteer_image = BuiltinGazetteerImage();
    options.known_actor_files = BuiltinKnownActorFiles();
    // `dates` reads time expressions only: no gazetteer, no actors.
    options.load_places_and_actors = c.command != Command::kDates;
    engine = Engine::Load(options, sink);
    if (!engine || diag_errors > 0 || (c.warnings_as_errors && diag_warnings > 0)) {
      if (diag_errors == 0) {
        std::fprintf(stderr,
                     "eventline: error: rules not loaded (%zu warning%s, --warnings-as-errors); "
                     "no input was read\n",
                     diag_warnings, diag_warnings == 1 ? "" : "s");
      } else {
        std::fprintf(stderr,
                     "eventline: error: rules not loaded (%zu error%s); no input was read\n",
                     diag_errors, diag_errors == 1 ? "" : "s");
      }
      return 2;
    }
  }

  Stdout out;
#ifdef EVENTLINE_HAVE_RULE_TEST
  const auto write_failed = [&out] {
    if (out.ok() || out.broken_pipe()) return false;
    std::fprintf(stderr, "eventline: error: cannot write output: %s\n", out.error().c_str());
    return true;
  };
  if (c.command == Command::kRules) {
    out.Write(ListRules(*engine));
    return write_failed() ? 2 : 0;
  }
  if (c.command == Command::kTest) {
    std::string report;
    const TestSummary summary = RunRuleTests(*engine, c.paths, report);
    out.Write(report);
    if (write_failed()) return 2;
    return summary.failed > 0 ? 1 : 0;
  }
#else
  if (c.command == Command::kRules || c.command == Command::kTest) {
    std::fputs("eventline: error: not built yet\n", stderr);
    return 2;
  }
#endif

  ProcessFn fn = ProcessExtract;
  std::vector<std::string_view> columns(kEventColumns.begin(), kEventColumns.end());
  if (c.command == Command::kSentences) {
    fn = ProcessSentences;
    columns.assign(std::begin(kSentenceColumns), std::end(kSentenceColumns));
  } else if (c.command == Command::kDates) {
    fn = ProcessDates;
    columns.assign(std::begin(kDateColumns), std::end(kDateColumns));
  } else if (c.command == Command::kExplain) {
    fn = ProcessExplain;
    columns.clear();  // no header: one block or record per sentence
  }

  if (c.command == Command::kExplain && c.text) {
    // explain --text: one document of that text, as a text file with
    // --pub-date would be read.
    if (!c.pub_date)
      sink.Warning({"--text", 0, 0}, "no --pub-date: relative dates stay unresolved");
    Work w;
    w.doc.doc_id = "text";
    w.doc.file = "--text";
    w.doc.text = *c.text;
    w.doc.pub_date = c.pub_date;
    w.doc.pub_date_source = c.pub_date ? PubDateSource::kFlag : PubDateSource::kNone;
    w.doc.had_invalid_utf8 = !IsValidUtf8(w.doc.text);
    fn(c, engine.get(), w);
    out.Write(w.out);
    if (out.broken_pipe()) return 0;
    if (!out.ok()) {
      std::fprintf(stderr, "eventline: error: cannot write output: %s\n", out.error().c_str());
      return 2;
    }
    return diag_errors > 0 ? 2 : 0;
  }

  InputOptions input_options;
  input_options.format = c.input;
  input_options.pub_date = c.pub_date;
  // Standard input can be read once: a second '-' would be an empty
  // document with a misleading "no publication date" warning.
  std::vector<std::string> paths;
  bool stdin_named = false;
  for (const std::string& p : c.paths) {
    if (p == "-") {
      if (stdin_named) {
        sink.Warning({"-", 0, 0}, "standard input named more than once; read once");
        continue;
      }
      stdin_named = true;
    }
    paths.push_back(p);
  }
  InputReader reader(paths, input_options, sink);

  if (!columns.empty()) {
    RowWriter header_writer(c.format, columns, c.header);
    std::string header;
    header_writer.Header(header);
    out.Write(header);
  }

  Progress progress(err, tty && !c.quiet, reader.known_total_bytes());
  const StreamResult result = Stream(c, engine.get(), fn, reader, out, progress);
  err.ClearProgress();
  WriteRuleProfile();

  if (out.broken_pipe()) return 0;
  if (!out.ok()) {
    std::fprintf(stderr, "eventline: error: cannot write output: %s\n", out.error().c_str());
    return 2;
  }
  const InputStats& stats = reader.stats();
  if (c.verbose > 0) {
    std::fprintf(stderr,
                 "eventline: %zu documents read, %zu skipped, %zu failed, %zu %s written, "
                 "%zu boilerplate lines dropped, pattern caches dropped %zu times "
                 "(%zu recent-fifth steps, %zu complete)\n",
                 stats.documents, stats.skipped, stats.failed, result.rows,
                 c.command == Command::kExtract   ? "events"
                 : c.command == Command::kDates   ? "time expressions"
                 : c.command == Command::kExplain ? "explained sentences"
                                                  : "sentences",
                 result.dropped, result.releases, result.partial_steps, result.full_releases);
  }
  if (diag_errors > 0 || stats.failed > 0) return 2;
  if (c.fail_empty && result.rows == 0) return 1;
  return 0;
}

}  // namespace eventline::app
