// Which time phrase dates an event (assemble.cpp), through the shipped rules.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "eventline/pipeline.h"

namespace eventline {
namespace {

const Engine& Shipped() {
  static const std::unique_ptr<Engine> engine = [] {
    EngineOptions options;
    options.rule_dirs = {std::string(EVENTLINE_SOURCE_DIR) + "/rules"};
    DiagnosticSink sink;
    return Engine::Load(options, sink);
  }();
  REQUIRE(engine != nullptr);
  return *engine;
}

// The date of the first row of `type` ("" when there is none).
std::string DateOf(const std::string& text, const std::string& type) {
  Document doc;
  doc.doc_id = "t";
  doc.text = text;
  doc.pub_date = ParseIsoDate("2023-03-15");
  for (const EventRow& row : Shipped().Extract(doc)) {
    if (row.event_type == type) return row.date_start;
  }
  return "";
}

TEST_CASE("attach: a relative clause after a nominal trigger dates it", "[attach]") {
  // "that killed nine people on 3 March" dates the bomb, not "on Tuesday"
  // (the arrest).
  const std::string text =
      "Police arrested two men on Tuesday over a car bomb that killed nine people on 3 March.";
  CHECK(DateOf(text, "arrest") == "2023-03-14");
  CHECK(DateOf(text, "explosion") == "2023-03-03");
  // A verb trigger keeps the phrase of its own clause.
  CHECK(DateOf("The army said on Tuesday that rebels had shelled the port on Sunday.",
               "shelling") == "2023-03-12");
}

}  // namespace
}  // namespace eventline
