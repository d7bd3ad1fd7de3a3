// Known rule files (issue 7, cold start): rule files the build loaded
// without a diagnostic are stored as their parsed rules and deserialized at
// load instead of parsed; any other file is parsed and checked as before.
// The table is built here in-process the way tools/known_patterns.cpp builds
// the one compiled into the binary.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "eventline/rules.h"
#include "shipped.h"

namespace eventline {
namespace {

namespace fs = std::filesystem;

void SameLocation(const SourceLocation& a, const SourceLocation& b) {
  CHECK(a.file == b.file);
  CHECK(a.line == b.line);
  CHECK(a.column == b.column);
}

void SameExamples(const std::vector<Example>& a, const std::vector<Example>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CAPTURE(i, a[i].text);
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].pub_date == b[i].pub_date);
    CHECK(a[i].expect == b[i].expect);
    SameLocation(a[i].at, b[i].at);
  }
}

// Every field but the compiled patterns.
void SameRule(const Rule& a, const Rule& b) {
  CAPTURE(a.id, b.id);
  CHECK(a.kind == b.kind);
  CHECK(a.id == b.id);
  SameLocation(a.at, b.at);
  CHECK(a.pattern_source == b.pattern_source);
  CHECK(a.pattern == b.pattern);
  SameLocation(a.pattern_at, b.pattern_at);
  CHECK(a.unless == b.unless);
  CHECK(a.case_sensitive == b.case_sensitive);
  CHECK(a.priority == b.priority);
  CHECK(a.event_type == b.event_type);
  CHECK(a.value == b.value);
  CHECK(a.cue == b.cue);
  CHECK(a.options == b.options);
  SameExamples(a.examples, b.examples);
  SameExamples(a.counter_examples, b.counter_examples);
  CHECK(a.capture_groups == b.capture_groups);
  CHECK(a.named_captures == b.named_captures);
  CHECK(a.starts == b.starts);
  CHECK(a.starts_at_boundary == b.starts_at_boundary);
  CHECK(a.leading == b.leading);
  CHECK(a.required == b.required);
  CHECK(a.trigger_starts == b.trigger_starts);
  CHECK(a.trigger_leading == b.trigger_leading);
  REQUIRE(a.unless_starts.size() == b.unless_starts.size());
  for (std::size_t i = 0; i < a.unless_starts.size(); ++i) {
    CAPTURE(i);
    CHECK(a.unless_starts[i].starts == b.unless_starts[i].starts);
    CHECK(a.unless_starts[i].at_boundary == b.unless_starts[i].at_boundary);
    CHECK(a.unless_starts[i].leading == b.unless_starts[i].leading);
    CHECK(a.unless_starts[i].required == b.unless_starts[i].required);
  }
}

void SameRules(const std::vector<Rule>& a, const std::vector<Rule>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) SameRule(a[i], b[i]);
}

Rule FullRule() {
  Rule r;
  r.kind = RuleKind::kTime;
  r.id = "t.full-rule";
  r.at = {"dir/time/x.yaml", 12, 9};
  r.pattern_source = "(?P<day>\\d+) {MONTH} \xc3\xa9t\xc3\xa9 \"q\" \\\\ ?";
  r.pattern = std::string("(?P<day>\\d+) (?:jan|feb) \0 end", 26);
  r.pattern_at = {"dir/time/x.yaml", 13, 14};
  r.unless = {"never", "", "not (?:this)"};
  r.case_sensitive = true;
  r.priority = -3;
  r.event_type = "shelling";
  r.value = "dmy({day},{month},ref.y)";
  r.cue = "claimed";
  r.options = {{"a", "1"}, {"b", ""}};
  Example e;
  e.text = "On 3 March it rained.";
  e.pub_date = ParseIsoDate("1999-12-31");
  e.expect = {{"date_start", "1999-03-03"}, {"date_end", ""}};
  e.at = {"dir/time/x.yaml", 15, 200000};
  r.examples = {e, Example{"No date.", std::nullopt, {}, {"dir/time/x.yaml", 16, 7}}};
  Example c;
  c.text = "counter";
  c.pub_date = ParseIsoDate("1970-01-01");
  c.at = {"dir/time/x.yaml", 18, 1};
  r.counter_examples = {c};
  r.capture_groups = 2;
  r.named_captures = {{"day", 1}, {"month", 2}};
  r.starts = 1;
  r.starts_at_boundary = true;
  r.leading = {"0", "1", "jan", "", "under he"};
  r.required = {{"control", "occupation"}, {"under"}, {}};
  r.trigger_starts = 0;
  r.trigger_leading = {"x"};
  r.unless_starts.resize(3);
  r.unless_starts[0] = {1, true, {"never", "nev"}, {{"never"}}, {}};
  r.unless_starts[2] = {0, false, {}, {{"not", "this"}, {}}, {}};
  return r;
}

TEST_CASE("known rule files: a repeated veto's derivation is written with its first rule only",
          "[known_files]") {
  std::vector<Rule> rules(3);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    rules[i].id = "r" + std::to_string(i);
    rules[i].unless = {"shared veto", "own " + std::to_string(i)};
    rules[i].unless_starts = {{1, false, {"shared "}, {{"veto"}}, {}},
                              {1, false, {"own "}, {}, {}}};
  }
  rules[2].case_sensitive = true;  // another case flag: another pool entry
  std::vector<Rule> back;
  REQUIRE(DeserializeRules(SerializeRules(rules), "f.yaml", back));
  REQUIRE(back.size() == 3);
  CHECK(back[0].unless_starts[0].starts == 1);
  CHECK(back[0].unless_starts[0].required == std::vector<std::vector<std::string>>{{"veto"}});
  CHECK(back[1].unless_starts[0].starts == -1);  // derived with r0
  CHECK(back[1].unless_starts[0].leading.empty());
  CHECK(back[2].unless_starts[0].starts == 1);
  for (const Rule& r : back) CHECK(r.unless_starts[1].starts == 1);
}

TEST_CASE("known rule files: serialized rules come back field by field", "[known_files]") {
  std::vector<Rule> rules = {FullRule(), Rule{}};
  rules[1].id = "second";
  rules[1].at.file = "dir/time/x.yaml";
  rules[1].pattern_at.file = "dir/time/x.yaml";
  const std::string data = SerializeRules(rules);
  std::vector<Rule> back;
  REQUIRE(DeserializeRules(data, "dir/time/x.yaml", back));
  SameRules(back, rules);
  for (const Rule& r : back) {
    CHECK(r.compiled == nullptr);
    CHECK(r.unless_compiled.size() == r.unless.size());
    for (const auto& u : r.unless_compiled) CHECK(u == nullptr);
  }
  // The file name is the loader's, not the serialized one.
  REQUIRE(DeserializeRules(data, "elsewhere/x.yaml", back));
  CHECK(back[0].at.file == "elsewhere/x.yaml");
  CHECK(back[0].pattern_at.file == "elsewhere/x.yaml");
  CHECK(back[0].examples[1].at.file == "elsewhere/x.yaml");
  CHECK(back[0].counter_examples[0].at.file == "elsewhere/x.yaml");

  SECTION("short or corrupt data is refused") {
    for (std::size_t n = 0; n < data.size(); ++n) {
      CAPTURE(n);
      back = {Rule{}};
      CHECK_FALSE(DeserializeRules(std::string_view(data).substr(0, n), "f", back));
      CHECK(back.empty());
    }
    CHECK_FALSE(DeserializeRules(data + "x", "f", back));
    std::string other_format = data;
    other_format[0] = static_cast<char>(other_format[0] + 1);
    CHECK_FALSE(DeserializeRules(other_format, "f", back));
    CHECK_FALSE(DeserializeRules(std::string(40, '\xff'), "f", back));
  }
}

struct Table {
  std::vector<RuleFileCacheEntry> entries;
  std::vector<KnownRuleFile> files;
  explicit Table(std::vector<RuleFileCacheEntry> e) : entries(std::move(e)) {
    for (const auto& x : entries) {
      files.push_back({x.key.first, x.key.second, x.data.data(), x.data.size()});
    }
  }
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("known rule files: the shipped rules load the same with and without", "[known_files]") {
  const auto dirs = testing::ShippedRuleDirs();
  DiagnosticSink parsed_sink;
  const RuleSet parsed = LoadRules(dirs, parsed_sink);
  for (const Diagnostic& d : parsed_sink.diagnostics()) UNSCOPED_INFO(Render(d));
  REQUIRE(parsed_sink.error_count() == 0);
  const Table table(BuildRuleFileCache(parsed, parsed_sink.diagnostics()));
  REQUIRE(!table.files.empty());

  DiagnosticSink cached_sink;
  const RuleSet cached = LoadRules(dirs, cached_sink, {}, table.files);
  auto render = [](const DiagnosticSink& sink) {
    std::string all;
    for (const Diagnostic& d : sink.diagnostics()) all += Render(d) + "\n";
    return all;
  };
  CHECK(render(cached_sink) == render(parsed_sink));
  SameRules(cached.rules, parsed.rules);
  // The cached files were not parsed: their patterns were not compiled.
  std::size_t from_cache = 0;
  for (const Rule& r : cached.rules) from_cache += r.compiled == nullptr ? 1 : 0;
  CHECK(from_cache > 0);
  std::size_t cached_files_rules = 0;
  for (const auto& e : table.entries) {
    cached_files_rules +=
        static_cast<std::size_t>(std::count_if(parsed.rules.begin(), parsed.rules.end(),
                                               [&](const Rule& r) { return r.at.file == e.file; }));
  }
  CHECK(from_cache == cached_files_rules);

  // The build's own tables (the binary's, and the tests' shipped engine's:
  // shipped.h) are current: every file the parse would cache comes from
  // them (its bytes' key matched), with the parse's rules in the parse's
  // order. (They also hold the build's derivation of each rule's starts,
  // which the parse leaves to first use; the round trip of the other
  // fields is checked above on a table built here.)
  DiagnosticSink built_sink;
  const RuleSet built =
      LoadRules(dirs, built_sink, BuiltinKnownPatterns(), BuiltinKnownRuleFiles());
  CHECK(render(built_sink) == render(parsed_sink));
  REQUIRE(built.rules.size() == parsed.rules.size());
  std::size_t from_build = 0;
  for (std::size_t i = 0; i < built.rules.size(); ++i) {
    CAPTURE(parsed.rules[i].id);
    CHECK(built.rules[i].id == parsed.rules[i].id);
    CHECK(built.rules[i].pattern == parsed.rules[i].pattern);
    CHECK(built.rules[i].examples.size() == parsed.rules[i].examples.size());
    from_build += built.rules[i].compiled == nullptr ? 1 : 0;
  }
  CHECK(from_build == cached_files_rules);

  // The two checks below were sections: Catch2 runs a test case once per
  // leaf section, so the parse above ran twice more; they only read
  // `parsed` and `table` (under ASan a parse of rules/ is tens of seconds of
  // CPU: docs/scale.md, "session 33, h-ci3").

  {
    INFO("an edited file misses the table and is parsed");
    const fs::path tmp = fs::temp_directory_path() /
                         ("eventline_known_files_" + std::to_string(std::random_device{}()));
    const fs::path src = dirs[0];
    fs::create_directories(tmp);
    for (const char* sub : {"types.yaml", "lexicons", "events", "time", "cues"}) {
      if (fs::exists(src / sub)) fs::copy(src / sub, tmp / sub, fs::copy_options::recursive);
    }
    // One byte of one cached file: the case of the first letter of an example.
    const RuleFileCacheEntry& victim = table.entries.front();
    const fs::path rel = fs::relative(victim.file, src);
    std::string text = Slurp(tmp / rel);
    std::size_t at = std::string::npos;
    std::string old_text;
    for (const Rule& r : parsed.rules) {
      if (r.at.file != victim.file) continue;
      for (const Example& e : r.examples) {
        const std::size_t pos = text.find(e.text);
        if (pos != std::string::npos && std::isalpha(static_cast<unsigned char>(e.text[0]))) {
          at = pos;
          old_text = e.text;
          break;
        }
      }
      if (at != std::string::npos) break;
    }
    REQUIRE(at != std::string::npos);
    text[at] = static_cast<char>(std::isupper(static_cast<unsigned char>(text[at]))
                                     ? std::tolower(static_cast<unsigned char>(text[at]))
                                     : std::toupper(static_cast<unsigned char>(text[at])));
    std::ofstream(tmp / rel, std::ios::binary | std::ios::trunc) << text;

    DiagnosticSink edited_sink;
    const RuleSet edited = LoadRules({tmp.generic_string()}, edited_sink, {}, table.files);
    CHECK(edited_sink.diagnostics().size() == parsed_sink.diagnostics().size());
    REQUIRE(edited.rules.size() == parsed.rules.size());
    const std::string edited_file = (tmp / rel).generic_string();
    bool saw_edit = false;
    for (const Rule& r : edited.rules) {
      CAPTURE(r.id, r.at.file);
      // Parsed (so compiled) exactly when it comes from the edited file.
      CHECK((r.compiled != nullptr) == (r.at.file == edited_file));
      for (const Example& e : r.examples) {
        if (e.text != old_text && e.text.size() == old_text.size() &&
            e.text.substr(1) == old_text.substr(1)) {
          saw_edit = true;
        }
      }
    }
    CHECK(saw_edit);
    fs::remove_all(tmp);
  }

  {
    INFO("other lexicons or types give other keys");
    RuleSet other = parsed;
    const auto key = RuleContextKey(parsed);
    REQUIRE(!other.lexicons.empty());
    other.lexicons.begin()->second.push_back("one more entry");
    CHECK(RuleContextKey(other) != key);
    other = parsed;
    REQUIRE(!other.types.empty());
    other.types.back().description += ".";
    CHECK(RuleContextKey(other) != key);
    other = parsed;
    other.types.back().at.file = "/installed/rules/types.yaml";  // where it is does not matter
    CHECK(RuleContextKey(other) == key);
    CHECK(RuleFileKey(key, "kind: event\n") != RuleFileKey(key, "kind: event \n"));
  }
}

}  // namespace
}  // namespace eventline
