// Bounded memory: the resident-size probe the stream driver reads, and the engine's
// cache release, which must leave every row as it was.
#include "eventline/memory.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "eventline/output.h"
#include "eventline/pattern_budget.h"
#include "eventline/pipeline.h"
#include "shipped.h"

namespace eventline {
namespace {

TEST_CASE("memory: ResidentBytes sees pages touched and given back", "[memory]") {
#if defined(__linux__)
  const std::size_t before = ResidentBytes();
  CHECK(before > 0);
  constexpr std::size_t kBlock = 64u << 20;
  auto block = std::make_unique<std::vector<char>>(kBlock, 'x');  // every page touched
  const std::size_t with_block = ResidentBytes();
  CHECK(with_block >= before + kBlock - (4u << 20));
  block.reset();
  TrimHeap();
#if !defined(__SANITIZE_ADDRESS__)
  // (AddressSanitizer keeps freed memory in quarantine: no pages come back.)
  CHECK(ResidentBytes() + kBlock / 2 < with_block);
#endif
#else
  CHECK(ResidentBytes() == 0);
#endif
}

std::string Rows(const Engine& engine, const std::string& text) {
  Document doc;
  doc.doc_id = "m";
  doc.text = text;
  doc.pub_date = ParseIsoDate("2024-05-16");
  RowWriter writer(OutputFormat::kJsonl,
                   std::vector<std::string_view>(kEventColumns.begin(), kEventColumns.end()),
                   false);
  std::string out;
  for (const EventRow& row : engine.Extract(doc)) {
    const std::vector<Field> fields = EventFields(row);
    writer.Row(fields, out);
  }
  return out;
}

TEST_CASE("memory: rows are the same after the engine's caches are released", "[memory]") {
  const EngineOptions options = testing::ShippedOptions();
  DiagnosticSink sink;
  const std::unique_ptr<Engine> engine = Engine::Load(options, sink);
  REQUIRE(engine != nullptr);
  const std::vector<std::string> texts = {
      "Russian forces shelled Kharkiv on Tuesday, killing three civilians, officials said.",
      "Gunmen kidnapped two aid workers near Goma last week and demanded a ransom.",
      "A car bomb exploded outside a police station in Mogadishu on Sunday.",
      "Rebels captured the town of Kadugli after two days of fighting, the army said on "
      "March 3, 2024.",
  };
  std::vector<std::string> before;
  for (const auto& t : texts) before.push_back(Rows(*engine, t));
  REQUIRE(!before[0].empty());
  engine->ReleaseCaches();
  CHECK(engine->matcher().releases() == 1);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CAPTURE(texts[i]);
    CHECK(Rows(*engine, texts[i]) == before[i]);
  }
}

TEST_CASE("memory: CompilePattern takes the lean budget unless the program does not fit",
          "[memory]") {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(kPatternRe2Mem);
  // A lexicon-sized alternation: 4,000 distinct words need more instructions
  // than kPatternRe2LeanMem holds.
  std::string words;
  for (int i = 0; i < 4000; ++i) words += (i ? "|w" : "w") + std::to_string(i * 7919) + "x";
  const std::string big = "(?P<trigger>" + words + ") (?P<place>[A-Z]\\w+)";
  const std::string small = "(?P<actor>\\w+) (?P<trigger>shelled|bombed) (?P<place>[A-Z]\\w+)";
  const struct {
    const std::string* pattern;
    bool full_first;
    std::int64_t budget;  // the max_mem the program was compiled with
    bool full;            // what CompilePattern reports
  } cases[] = {
      {&small, false, kPatternRe2LeanMem, false},
      {&small, true, kPatternRe2Mem, false},  // told to skip the lean attempt
      {&big, false, kPatternRe2Mem, true},
      {&big, true, kPatternRe2Mem, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern->size(), c.full_first);
    bool full = false;
    const auto re = CompilePattern(*c.pattern, o, c.full_first, &full);
    REQUIRE(re->ok());
    CHECK(re->options().max_mem() == c.budget);
    CHECK(full == c.full);
  }
  // The budget changes how RE2 searches, never what it finds: a long text
  // (far past any DFA cache of the lean budget) gives the same groups.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "Rebels shelled Town" + std::to_string(i) + " and ";
  text += "w15838x Kharkiv.";
  for (const std::string* p : {&small, &big}) {
    RE2::Options whole = o;
    const auto lean = CompilePattern(*p, o);
    const RE2 reference(*p, whole);
    re2::StringPiece a[3], b[3];
    std::size_t pos = 0;
    int found = 0;
    while (pos <= text.size()) {
      const bool ma = lean->Match(text, pos, text.size(), RE2::UNANCHORED, a, 3);
      const bool mb = reference.Match(text, pos, text.size(), RE2::UNANCHORED, b, 3);
      REQUIRE(ma == mb);
      if (!ma) break;
      for (int g = 0; g < 3; ++g) CHECK(a[g] == b[g]);
      pos = static_cast<std::size_t>(a[0].end() - text.data()) + 1;
      ++found;
    }
    CHECK(found > 0);
  }
  // A pattern that is wrong, not too large, keeps its error; a budget below
  // the lean one is kept as given.
  const auto bad = CompilePattern("(?P<trigger>shelled", o);
  CHECK(!bad->ok());
  CHECK(bad->error_code() == RE2::ErrorMissingParen);
  RE2::Options tiny = o;
  tiny.set_max_mem(64 << 10);
  CHECK(CompilePattern(small, tiny)->options().max_mem() == (64 << 10));
}

TEST_CASE("memory: CompilePattern's first budget can be raised (time rules), matches alike",
          "[memory]") {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(kPatternRe2Mem);
  CHECK(kTimeRe2LeanMem > kPatternRe2LeanMem);
  CHECK(kTimeRe2LeanMem < kPatternRe2Mem);
  // A time-like pattern without a leading string: a day, then a month of
  // many spellings, then an optional year.
  std::string months;
  for (const char* m : {"january", "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december"}) {
    const std::string w = m;
    months += (months.empty() ? "" : "|") + w + "|" + w.substr(0, 3) + "\\.?";
  }
  const std::string time = "(?i)\\b(?P<day>[0-3]?\\d)(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?P<month>" +
                           months + ")\\b(?:,?\\s+(?P<year>(?:19|20)\\d\\d)\\b)?";
  const struct {
    std::int64_t lean;
    bool full_first;
    std::int64_t budget;
  } cases[] = {
      {kPatternRe2LeanMem, false, kPatternRe2LeanMem},
      {kTimeRe2LeanMem, false, kTimeRe2LeanMem},
      {kTimeRe2LeanMem, true, kPatternRe2Mem},  // told to skip the lean attempt
  };
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Talks opened on " + std::to_string(i % 28 + 1) + (i % 3 ? " June " : "th of May ") +
            (i % 2 ? "2023" : "and ran") + " while ";
  }
  const RE2 reference(time, o);
  REQUIRE(reference.ok());
  for (const auto& c : cases) {
    CAPTURE(c.lean, c.full_first);
    bool full = false;
    const auto re = CompilePattern(time, o, c.full_first, &full, c.lean);
    REQUIRE(re->ok());
    CHECK(re->options().max_mem() == c.budget);
    CHECK_FALSE(full);
    // The same leftmost matches and groups, unanchored, as the full budget.
    re2::StringPiece a[4], b[4];
    std::size_t pos = 0;
    int found = 0;
    while (pos <= text.size()) {
      const bool ma = re->Match(text, pos, text.size(), RE2::UNANCHORED, a, 4);
      const bool mb = reference.Match(text, pos, text.size(), RE2::UNANCHORED, b, 4);
      REQUIRE(ma == mb);
      if (!ma) break;
      for (int g = 0; g < 4; ++g) CHECK(a[g] == b[g]);
      pos = static_cast<std::size_t>(a[0].end() - text.data()) + 1;
      ++found;
    }
    CHECK(found == 200);
  }
}

TEST_CASE("memory: TunablesWithHugePages adds glibc.malloc.hugetlb once", "[memory]") {
  struct Case {
    const char* current;
    std::optional<std::string> want;
  };
  const std::vector<Case> cases = {
      {nullptr, "glibc.malloc.hugetlb=1"},
      {"", "glibc.malloc.hugetlb=1"},
      {"glibc.malloc.arena_max=2", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"},
      {"glibc.malloc.arena_max=2:", "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"},
      // Already set, to any value (the user's, or a process started again):
      // left alone, so a start happens at most twice.
      {"glibc.malloc.hugetlb=1", std::nullopt},
      {"glibc.malloc.hugetlb=0", std::nullopt},
      {"glibc.malloc.hugetlb=2", std::nullopt},
      {"glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0", std::nullopt},
      {"glibc.malloc.hugetlb", std::nullopt},
      // A longer name or a value that only contains it is another tunable.
      {"glibc.malloc.hugetlbx=1", "glibc.malloc.hugetlbx=1:glibc.malloc.hugetlb=1"},
      {"x=glibc.malloc.hugetlb", "x=glibc.malloc.hugetlb:glibc.malloc.hugetlb=1"},
  };
  for (const Case& c : cases) {
    INFO((c.current ? c.current : "(unset)"));
    CHECK(TunablesWithHugePages(c.current) == c.want);
  }
  // Its own output is final.
  const auto once = TunablesWithHugePages("glibc.malloc.arena_max=2");
  REQUIRE(once);
  CHECK_FALSE(TunablesWithHugePages(once->c_str()));
}

}  // namespace
}  // namespace eventline
