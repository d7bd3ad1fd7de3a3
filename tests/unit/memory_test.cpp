// Bounded memory: the resident-size probe the stream driver reads, and the engine's
// cache release, which must leave every row as it was.
#include "eventline/memory.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "eventline/output.h"
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
  EngineOptions options;
  options.rule_dirs = testing::ShippedRuleDirs();
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

}  // namespace
}  // namespace eventline
