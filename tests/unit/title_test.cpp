// A JSONL title read as the headline before the text, as context only
// (docs/input.md "The title", h-title1): rows of the title are not written,
// rows of the text keep the offsets, sentence index and id of the text read
// alone; --no-title (EngineOptions::use_title) reads the text alone.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "eventline/document.h"
#include "eventline/pipeline.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ShippedEngine;

Document Doc(const std::string& title, const std::string& text) {
  Document doc;
  doc.doc_id = "t";
  doc.title = title;
  doc.text = text;
  doc.pub_date = ParseIsoDate("2023-03-15");
  return doc;
}

const Engine& NoTitleEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    EngineOptions options = testing::ShippedOptions();
    options.use_title = false;
    DiagnosticSink sink;
    return Engine::Load(options, sink);
  }();
  REQUIRE(engine != nullptr);
  return *engine;
}

const EventRow* Find(const std::vector<EventRow>& rows, const std::string& type) {
  for (const EventRow& r : rows)
    if (r.event_type == type) return &r;
  return nullptr;
}

TEST_CASE("title: the headline a title lends its text", "[title]") {
  struct Case {
    std::string title, text, want;
  };
  const std::vector<Case> cases = {
      {"Drone hits depot", "Fire crews worked all night.", "Drone hits depot"},
      {"  Drone \n hits   depot ", "Fire crews worked all night.", "Drone hits depot"},
      // A final " | Name" (a site, a section, an author) is no headline.
      {"Drone hits depot | The Daily Sheet", "Fire crews worked all night.", "Drone hits depot"},
      // The text already starts with the title, in either form.
      {"Drone hits depot", "Drone hits depot\n\nFire crews worked all night.", ""},
      {"Drone hits  depot | Sheet", "Drone  hits depot. Fire crews worked.", ""},
      {"Drone hits depot | Sheet", "Drone hits depot | Sheet\nFire crews worked.", ""},
      // Case-sensitive: a text that shouts its headline is another line.
      {"Drone hits depot", "DRONE HITS DEPOT\n\nFire crews worked.", "Drone hits depot"},
      {"", "Fire crews worked all night.", ""},
      {" \n ", "Fire crews worked all night.", ""},
  };
  for (const Case& c : cases) {
    INFO(c.title);
    CHECK(TitleHeadline(c.title, c.text) == c.want);
  }
}

TEST_CASE("title: a text row keeps its offsets, sentence index and id", "[title]") {
  const std::string text =
      "Officials met on Sunday to discuss repairs.\n\nRebel fighters shelled the port of Odesa "
      "on Monday. The damage was light.";
  const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", text));
  const std::vector<EventRow> titled =
      ShippedEngine().Extract(Doc("Drone strike sets fuel depot ablaze in Kherson", text));
  const EventRow* a = Find(alone, "shelling");
  const EventRow* b = Find(titled, "shelling");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(b->byte_start == a->byte_start);
  CHECK(b->byte_end == a->byte_end);
  CHECK(text.substr(b->byte_start, b->byte_end - b->byte_start) == "shelled");
  CHECK(b->sentence_index == a->sentence_index);
  CHECK(b->sentence_index == 2);
  CHECK(b->event_id == a->event_id);
  CHECK(b->sentence == a->sentence);
  // The title's own strike is no row: it has no offsets in the text.
  CHECK(Find(titled, "air_strike") == nullptr);
  for (const EventRow& r : titled) {
    CHECK(r.byte_end <= text.size());
    CHECK(r.sentence_index >= 1);
  }
}

TEST_CASE("title: a headline place reaches the text, its row is not written", "[title]") {
  const std::string text = "Two policemen were killed in the attack.";
  const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", text));
  const std::vector<EventRow> titled =
      ShippedEngine().Extract(Doc("Car bomb kills officer in Mosul", text));
  // The toll goes on about the headline's bombing: without the title it is a
  // row of its own, and it stays one (it would fold into the title's row,
  // which is not written).
  const EventRow* a = Find(alone, "casualties");
  const EventRow* b = Find(titled, "casualties");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(b->fatalities == a->fatalities);
  CHECK(b->fatalities == 2);
  CHECK(b->byte_start == a->byte_start);
  CHECK(b->event_id == a->event_id);
  CHECK(b->sentence_index == 1);
  CHECK(b->location == "Mosul");
  CHECK(a->location.empty());
  CHECK(Find(titled, "explosion") == nullptr);
}

TEST_CASE("title: the text's first sentence is read as a line start", "[title]") {
  // Rules that open with `^` (headline rules) read the text's first sentence
  // under a title as they read it without one (h-title2).
  const std::string text =
      "The shooting by masked men took place outside a bakery in Lyon.\n\nPolice said the "
      "suspects fled.";
  const std::vector<EventRow> alone =
      NoTitleEngine().Extract(Doc("Gunman opens fire at bakery", text));
  const std::vector<EventRow> titled =
      ShippedEngine().Extract(Doc("Gunman opens fire at bakery", text));
  const EventRow* a = Find(alone, "attack");
  const EventRow* b = Find(titled, "attack");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->rule == "attack.shooting_named");
  CHECK(b->rule == a->rule);
  CHECK(b->byte_start == a->byte_start);
  CHECK(b->sentence_index == 1);
  CHECK(b->event_id == a->event_id);
}

TEST_CASE("title: a title the text starts with is read once", "[title]") {
  const std::string text =
      "Car bomb kills officer in Mosul\n\nTwo policemen were killed in the attack.";
  const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", text));
  const std::vector<EventRow> titled =
      ShippedEngine().Extract(Doc("Car bomb kills officer in Mosul", text));
  REQUIRE(!alone.empty());
  REQUIRE(titled.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CHECK(titled[i].event_id == alone[i].event_id);
    CHECK(titled[i].sentence_index == alone[i].sentence_index);
    CHECK(titled[i].fatalities == alone[i].fatalities);
  }
}

TEST_CASE("title: use_title off reads the text alone", "[title]") {
  const std::string text =
      "Two policemen were killed in the attack.\n\nRebel fighters shelled the port of Odesa "
      "on Monday.";
  const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", text));
  const std::vector<EventRow> off =
      NoTitleEngine().Extract(Doc("Car bomb kills officer in Mosul", text));
  REQUIRE(!alone.empty());
  REQUIRE(off.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CHECK(off[i].event_id == alone[i].event_id);
    CHECK(off[i].location == alone[i].location);
    CHECK(off[i].date_start == alone[i].date_start);
    CHECK(off[i].fatalities == alone[i].fatalities);
    CHECK(off[i].sentence_index == alone[i].sentence_index);
  }
}

TEST_CASE("title: a text without events of its own borrows only a back-off anchor", "[title]") {
  // The text is matched before its title (h-speed45): with no specific
  // event in the text, a row is written only for a back-off noun of the
  // text within two sentences of the title, which anchors it there.
  struct Case {
    std::string title, text;
    int titled_rows, alone_rows;
  };
  const std::vector<Case> cases = {
      // Anchored by the title's bombing, placed by it.
      {"Car bomb kills officer in Mosul",
       "Neighbours swept up broken glass hours after the attack. Shops stayed shut.", 1, 0},
      // The noun lies three sentences from the title: out of reach.
      {"Car bomb kills officer in Mosul",
       "Shops stayed shut on Monday. Schools were closed too. Neighbours swept up broken "
       "glass hours after the attack.",
       0, 0},
      // The title's own event is no row, and the text has nothing.
      {"Car bomb kills officer in Mosul", "Shops stayed shut on Monday. Schools were closed too.",
       0, 0},
      // A title without events anchors nothing.
      {"Markets quiet in Mosul",
       "Neighbours swept up broken glass hours after the attack. Shops stayed shut.", 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.title << " / " << c.text);
    const std::vector<EventRow> titled = ShippedEngine().Extract(Doc(c.title, c.text));
    const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", c.text));
    CHECK(static_cast<int>(titled.size()) == c.titled_rows);
    CHECK(static_cast<int>(alone.size()) == c.alone_rows);
    for (const EventRow& r : titled) {
      CHECK(r.rule == "backoff.attack.noun");
      CHECK(r.location == "Mosul");
      CHECK(c.text.substr(r.byte_start, r.byte_end - r.byte_start).ends_with("attack"));
    }
  }
}

TEST_CASE("title: dates read the text only", "[title]") {
  const std::string text = "Rebel fighters shelled the port on Monday.";
  const std::vector<TimeExpr> alone = ShippedEngine().Dates(Doc("", text));
  const std::vector<TimeExpr> titled =
      ShippedEngine().Dates(Doc("Blasts on Sunday rock the city", text));
  REQUIRE(alone.size() == 1);
  REQUIRE(titled.size() == 1);
  CHECK(titled[0].begin == alone[0].begin);
  CHECK(titled[0].end == alone[0].end);
}

TEST_CASE("title: a title's phrase is no anchor of the text's anaphora", "[title]") {
  // h-evdate27: "20 years earlier" in the text counts from publication
  // (2023-03-15), as the text read alone does, not twenty years before the
  // title's own "20 YEARS AGO" (1983).
  const std::string text =
      "A retired guard was found dead in his flat in Leeds.\n\nHe had survived an attack "
      "by gunmen on the depot where he worked 20 years earlier.";
  const std::vector<EventRow> alone = ShippedEngine().Extract(Doc("", text));
  const std::vector<EventRow> titled = ShippedEngine().Extract(
      Doc("Guard found dead in Leeds flat survived a depot bombing 20 YEARS AGO", text));
  const EventRow* a = Find(alone, "attack");
  const EventRow* b = Find(titled, "attack");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->date_start == "2003-01-01");
  CHECK(b->date_start == a->date_start);
  CHECK(b->date_end == a->date_end);
}

TEST_CASE("title: a headline's day still dates its lead", "[title]") {
  const std::string text = "A gunman opened fire in a bar in Leeds, killing two men.";
  const std::vector<EventRow> titled =
      ShippedEngine().Extract(Doc("Gunman kills two in a Leeds bar yesterday", text));
  const EventRow* r = Find(titled, "attack");
  REQUIRE(r != nullptr);
  CHECK(r->date_start == "2023-03-14");
  CHECK(r->date_source == "context");
}

}  // namespace
}  // namespace eventline
