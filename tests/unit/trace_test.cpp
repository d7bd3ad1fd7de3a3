// The trace sink of `eventline explain` (lib/eventline/trace.h): every match
// of an event rule with its fate, written where the decision is taken; the
// rows are those of a run without a sink.
#include "eventline/trace.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "eventline/context.h"
#include "eventline/pipeline.h"
#include "shipped.h"

namespace eventline {
namespace {

// The shipped rules and two rules of a made-up verb, "zorch", that no
// shipped rule reads: one with an `unless`, one that loses to it.
const Engine& ZorchEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "eventline_trace_test_rules";
    std::filesystem::create_directories(dir / "events");
    std::ofstream(dir / "events" / "zorch.yaml") << R"(kind: event
rules:
  - id: zz.zorch
    type: explosion
    pattern: '\b(?P<trigger>zorched)\b'
    unless:
      - '\bzorched\s+(?:a|the)\s+(?:cake|pie)\b'
    examples: ['Rebels zorched a fuel depot on Monday.']
  - id: zz.zorch_weak
    type: explosion
    priority: -1
    pattern: '\b(?P<trigger>zorched)\s+(?:a|the)\s+\w+'
    examples: ['Rebels zorched a fuel depot on Monday.']
)";
    return testing::LoadEngine({dir.string()});
  }();
  REQUIRE(engine != nullptr);
  return *engine;
}

Document Doc(const std::string& text) {
  Document doc;
  doc.doc_id = "z";
  doc.text = text;
  doc.pub_date = ParseIsoDate("2023-08-15");
  return doc;
}

const TraceSink::Record* Of(const TraceSink& trace, const std::string& id) {
  for (const TraceSink::Record& r : trace.records())
    if (r.rule->id == id) return &r;
  return nullptr;
}

TEST_CASE("trace: a row, and the match it beat", "[trace]") {
  const Document doc = Doc("Rebels zorched a fuel depot near the port on Monday.");
  TraceSink trace;
  const std::vector<EventRow> rows = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].rule == "zz.zorch");
  const TraceSink::Record* row = Of(trace, "zz.zorch");
  REQUIRE(row != nullptr);
  CHECK(row->fate.empty());  // it became the row
  CHECK(doc.text.substr(row->begin, row->end - row->begin) == "zorched");
  REQUIRE_FALSE(row->captures.empty());
  CHECK(row->captures[0].name == "trigger");
  const TraceSink::Record* weak = Of(trace, "zz.zorch_weak");
  REQUIRE(weak != nullptr);
  CHECK(weak->fate.starts_with("beaten by zz.zorch at 7-14 'zorched' (one mention: priority 0"));
}

TEST_CASE("trace: under a title, offsets are the text's", "[trace]") {
  // The title is read as a headline before the text: its own matches are
  // not listed, and every offset (the records' and those named in the
  // reasons) counts from the text's start, as the rows' do.
  Document doc = Doc("Rebels zorched a fuel depot near the port on Monday.");
  doc.title = "Rebels zorched another depot";
  TraceSink trace;
  const std::vector<EventRow> rows = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].byte_start == 7);
  for (const TraceSink::Record& r : trace.records()) CHECK(r.begin < doc.text.size());
  const TraceSink::Record* weak = Of(trace, "zz.zorch_weak");
  REQUIRE(weak != nullptr);
  CHECK(weak->begin == 7);
  CHECK(weak->fate.starts_with("beaten by zz.zorch at 7-14 'zorched'"));
}

TEST_CASE("trace: an `unless` veto names its pattern and span", "[trace]") {
  const Document doc = Doc("The chef zorched the cake in the kitchen on Monday.");
  TraceSink trace;
  const std::vector<EventRow> rows = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
  const TraceSink::Record* r = Of(trace, "zz.zorch");
  REQUIRE(r != nullptr);
  CHECK(r->unless_index == 0);
  CHECK(doc.text.substr(r->veto_begin, r->veto_end - r->veto_begin) == "zorched the cake");
  CHECK(r->fate.starts_with("vetoed by an `unless`"));
  for (const EventRow& row : rows) CHECK(row.rule != "zz.zorch");
}

TEST_CASE("trace: a sentence cue's veto names the cue and its phrase", "[trace]") {
  const Document doc = Doc("In the sequel, rebels zorched a fuel depot on Monday.");
  TraceSink trace;
  const std::vector<EventRow> rows = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
  CHECK(rows.empty());
  const TraceSink::Record* r = Of(trace, "zz.zorch");
  REQUIRE(r != nullptr);
  CHECK(r->fate == "vetoed by a sentence cue: fiction at 7-13 'sequel'");
}

TEST_CASE("trace: the sink changes no row", "[trace]") {
  for (const std::string text :
       {"Rebels zorched a fuel depot on Monday. Two guards were killed in the blast.",
        "Artillery shelled the port overnight, killing three people and wounding nine.",
        "In the sequel, rebels zorched a fuel depot.\n\nPolice arrested two men on Friday."}) {
    const Document doc = Doc(text);
    TraceSink trace;
    const std::vector<EventRow> traced = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
    const std::vector<EventRow> plain = ZorchEngine().Extract(doc);
    REQUIRE(traced.size() == plain.size());
    for (std::size_t i = 0; i < plain.size(); ++i) CHECK(traced[i].event_id == plain[i].event_id);
    CHECK_FALSE(trace.records().empty());
  }
}

TEST_CASE("trace: a toll folded into its act says so", "[trace]") {
  const Document doc = Doc("Rebels zorched a fuel depot on Monday, killing two guards.");
  TraceSink trace;
  const std::vector<EventRow> rows = ZorchEngine().Extract(doc, nullptr, nullptr, &trace);
  REQUIRE(rows.size() == 1);
  bool folded = false;
  for (const TraceSink::Record& r : trace.records()) {
    if (r.rule->event_type == "casualties") {
      CHECK(r.fate.starts_with("merged into the explosion row of zz.zorch at 7-14"));
      folded = true;
    }
  }
  CHECK(folded);
}

TEST_CASE("trace: VetoCue names the test Vetoes answers with", "[trace]") {
  const ContextWords words =
      ContextWords::FromLists({"derailed"}, {"blaze"}, {"gunmen"}, {"stage play"});
  struct Case {
    std::string type, sentence, cue, phrase;
  };
  const std::vector<Case> cases = {
      {"attack", "In the stage play the raiders attack a fort.", "fiction", "stage play"},
      {"casualties", "Nine died when the train derailed.", "accident", "derailed"},
      {"casualties", "Two people died in a blaze at the mill.", "fire", "blaze"},
      {"explosion", "Two people died in a blaze after a blast.", "", ""},  // fire: casualties only
      {"casualties", "Gunmen derailed the train and nine died.", "", ""},  // a hostile act
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    const ContextWords::SentenceWords s(c.sentence);
    const std::size_t at = c.sentence.find("died") != std::string::npos ? c.sentence.find("died")
                                                                        : c.sentence.find("attack");
    const std::size_t end = at + 4;
    CHECK(words.VetoCue(c.type, s, at, end) == c.cue);
    CHECK(words.Vetoes(c.type, s, at, end) == !c.cue.empty());
    const auto [b, e] = words.VetoCueSpan(c.cue, s);
    CHECK(c.sentence.substr(b, e - b) == c.phrase);
  }
}

}  // namespace
}  // namespace eventline
