// Modality and source of rows (cue rules + assemble.cpp), through the
// shipped rules.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventline/assemble.h"
#include "eventline/clean.h"
#include "eventline/sentences.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ExtractText;

// "modality/source" of the first row of `type` ("" when there is none).
std::string AttributionOf(const std::string& text, const std::string& type) {
  for (const EventRow& row : ExtractText(text)) {
    if (row.event_type == type) return row.modality + "/" + row.source;
  }
  return "";
}

TEST_CASE("attribution: acronyms and upper-case names are sources", "[attribution]") {
  CHECK(AttributionOf("NATO said Russian jets bombed the depot.", "air_strike") == "claimed/NATO");
  CHECK(AttributionOf("THE FMLN DENIED THAT ITS UNITS KIDNAPPED THE MAYOR.", "abduction") ==
        "denied/FMLN");
  CHECK(AttributionOf("MENDOZA SAID THAT REBELS ATTACKED THE BARRACKS.", "attack") ==
        "claimed/MENDOZA");
}

TEST_CASE("attribution: a modal of onset right after a nominal trigger", "[attribution]") {
  // The modal is the event's verb: the offensive has not happened. (With a
  // place of its own: a bare "a major offensive" is the war as background,
  // no row, under ruling 12 of session 31.)
  CHECK(AttributionOf("A major offensive could begin within weeks near Kharkiv.", "armed_clash") ==
        "hypothetical/");
  // Perception and speculation about a past event leave it asserted.
  CHECK(AttributionOf("Heavy explosions could be heard across the city.", "explosion") ==
        "asserted/");
  CHECK(AttributionOf("The kidnapping could have been carried out by rebels.", "abduction") ==
        "asserted/");
}

TEST_CASE("attribution: a word that names no one is no source", "[attribution]") {
  // The report stays claimed; the slot took a determiner or an adverb.
  CHECK(AttributionOf("ACCORDING TO THAT GARRISON, REBELS KIDNAPPED TWO FARMERS.", "abduction") ==
        "claimed/");
  CHECK(AttributionOf("IT HAS BEEN OFFICIALLY CONFIRMED THAT REBELS ATTACKED THE BARRACKS.",
                      "attack") == "claimed/");
}

TEST_CASE("attribution: accusations and organisations", "[attribution]") {
  CHECK(AttributionOf("The governor accused Ukraine of shelling a border village.", "shelling") ==
        "claimed/governor");
  CHECK(AttributionOf("Gunmen abducted two nurses, according to a charity that employs them.",
                      "abduction") == "claimed/charity");
  // Claiming responsibility names a perpetrator; it is no report of the event.
  CHECK(AttributionOf("No group has claimed responsibility for the bombing of the bridge.",
                      "explosion") == "asserted/");
}

TEST_CASE("attribution: a time phrase is no actor, a nationality no place", "[attribution]") {
  bool found = false;
  for (const EventRow& row :
       ExtractText("The president signed decrees on Friday formally annexing two Ukrainian "
                   "provinces.")) {
    if (row.event_type != "annexation") continue;
    found = true;
    CHECK(row.actor != "Friday");
    CHECK(row.location != "Ukrainian");
  }
  CHECK(found);
}

TEST_CASE("attribution: a speaker without an event owns the quote after it", "[attribution]") {
  // The cue scan skips sentences without events except where one opens a
  // quote: the speaker's sentence has no event, the quoted one does.
  CHECK(AttributionOf("The regional governor said: \"Nobody slept in the town last night. "
                      "Russian jets bombed the fuel depot near the station.\"",
                      "air_strike") == "claimed/regional governor");
  // Once the quote is closed, a later sentence is the paper's own.
  CHECK(AttributionOf("The regional governor said: \"Nobody slept here.\" "
                      "Russian jets bombed the fuel depot near the station.",
                      "air_strike") == "asserted/");
}

TEST_CASE("attribution: which sentences without events need their cues", "[attribution]") {
  Document doc;
  doc.text =
      "The mayor spoke on the radio. He said: \"The roads are open again. We expect calm.\" "
      "Then \"quiet\" returned.\nA \"new paragraph opens here.\n\"And goes on.";
  const std::vector<Sentence> sentences = SplitSentences(doc.text, ClassifyLines(doc.text, false));
  REQUIRE(sentences.size() == 6);
  Assembler assembler(doc, Lookups{});
  std::vector<EventRow> rows;
  // A sentence with events always reads them.
  CHECK(assembler.NeedsCues(sentences[0], true));
  const std::vector<bool> expected = {
      false,  // no quote mark
      true,   // opens a quote: "He said:" names its speaker
      false,  // closes it
      false,  // two marks, outside any quote: nothing stays open
      true,   // opens a quote that the paragraph's end does not close
      false,  // continues it with a leading mark: inside, not opening
  };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    INFO("sentence " << i);
    CHECK(assembler.NeedsCues(sentences[i], false) == expected[i]);
    assembler.AddSentence(sentences[i], {}, {}, {}, {}, rows);
  }
  CHECK(rows.empty());
}

}  // namespace
}  // namespace eventline
