// Sentence-level context tests (lib/eventline/context.h, h-prec9): the
// accident test with its hostile override, the fiction test, whole-word
// matching and the skipped trigger span; then the shipped lexicons through
// the engine.
#include "eventline/context.h"

#include <catch2/catch.hpp>
#include <string>

#include "shipped.h"

namespace eventline {
namespace {

using testing::ExtractText;

const ContextWords& Small() {
  static const ContextWords words =
      ContextWords::FromLists({"gas leak", "crash"}, {"a fire"}, {"missile", "attack", "shelling"},
                              {"gameplay", "box office"});
  return words;
}

TEST_CASE("context: an accident word vetoes casualties and explosion rows") {
  const std::string s = "Ten people were killed in a fire at a hotel.";
  const std::size_t k = s.find("killed");
  CHECK(Small().NamesAccident(s));
  CHECK_FALSE(Small().NamesHostileAct(s));
  CHECK(Small().Vetoes("casualties", s, k, k + 6));
  // A fire word counts for casualties only: blasts start fires.
  CHECK_FALSE(Small().Vetoes("explosion", s, k, k + 6));
  CHECK(Small().Vetoes("explosion", "A gas leak caused the blast.", 22, 27));
  // Other types are not taken back by an accident word.
  CHECK_FALSE(Small().Vetoes("arrest", s, k, k + 6));
  CHECK_FALSE(Small().Vetoes("killing", s, k, k + 6));
}

TEST_CASE("context: a hostile act outside the trigger keeps the row") {
  const std::string s = "A fire broke out after the missile hit, killing two.";
  CHECK(Small().NamesAccident(s));
  CHECK(Small().NamesHostileAct(s));
  const std::size_t k = s.find("killing");
  CHECK_FALSE(Small().Vetoes("casualties", s, k, k + 7));
  // The trigger itself does not count as the hostile act.
  const std::string t = "A gas leak caused the attack alarm.";
  const std::size_t at = t.find("attack");
  CHECK(Small().NamesHostileAct(t));
  CHECK_FALSE(Small().NamesHostileAct(t, at, at + 6));
  CHECK(Small().Vetoes("explosion", t, at, at + 6));
}

TEST_CASE("context: phrases match whole words only, in any case") {
  CHECK_FALSE(Small().NamesAccident("The ceasefire held."));  // not "a fire"
  CHECK_FALSE(Small().NamesAccident("Markets crashing."));    // not "crash"
  CHECK(Small().NamesAccident("A CRASH on the motorway."));
  CHECK(Small().NamesAccident("A\nfire spread."));  // a line break between words
  CHECK_FALSE(Small().NamesHostileAct("The missileer retired."));
}

TEST_CASE("context: fiction vetoes every type, with or without hostile words") {
  const std::string s = "The gameplay is a blast, with a missile attack in every level.";
  CHECK(Small().NamesFiction(s));
  const std::size_t b = s.find("blast"), a = s.find("attack");
  CHECK(Small().Vetoes("explosion", s, b, b + 5));
  CHECK(Small().Vetoes("attack", s, a, a + 6));
  const std::string real = "Rebels launched an attack on the base.";
  const std::size_t r = real.find("attack");
  CHECK_FALSE(Small().Vetoes("attack", real, r, r + 6));
}

TEST_CASE("context: empty lexicons veto nothing") {
  const ContextWords none = ContextWords::FromRules(nullptr);
  CHECK_FALSE(none.Vetoes("casualties", "Ten people were killed in a fire.", 16, 22));  // "killed"
  CHECK_FALSE(none.NamesFiction("The gameplay is a blast."));
}

TEST_CASE("context: shipped lexicons through the engine") {
  // An accident: no casualties row.
  CHECK(ExtractText("Eight people were killed when a fire engulfed a casino hotel late on "
                    "Wednesday, officials said.",
                    "2022-12-29")
            .empty());
  // The same toll after a strike stays.
  const auto rows = ExtractText(
      "Eight people were killed when a fire engulfed a market after a missile strike late on "
      "Wednesday, officials said.",
      "2022-12-29");
  CHECK_FALSE(rows.empty());
  // A game's review: no explosion row.
  CHECK(
      ExtractText("The gameplay is a blast and the boss fights are superb.", "2022-12-01").empty());
}

}  // namespace
}  // namespace eventline
