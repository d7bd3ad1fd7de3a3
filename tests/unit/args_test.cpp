#include "eventline/args.h"

#include <catch2/catch.hpp>
#include <string>

#include "eventline/actors.h"
#include "eventline/places.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ShippedActors;
using testing::ShippedPlaces;

struct Case {
  std::string_view sentence, trigger, type, actor, target;
};

ArgResult Run(std::string_view sentence, std::string_view trigger, std::string_view type,
              std::size_t source_begin = 0, std::size_t source_end = 0) {
  static const ArgWords words = ArgWords::FromRules(nullptr);
  const std::size_t at = sentence.find(trigger);
  REQUIRE(at != std::string_view::npos);
  const std::vector<PlaceMention> places = ShippedPlaces().FindAll(sentence, 0, sentence.size());
  ArgInput in;
  in.text = sentence;
  in.sentence_begin = 0;
  in.sentence_end = sentence.size();
  in.trigger_begin = at;
  in.trigger_end = at + trigger.size();
  in.event_type = type;
  in.places = places;
  if (source_end > source_begin) in.source.emplace_back(source_begin, source_end);
  return FindArguments(in, words, &ShippedActors());
}

TEST_CASE("args: actor and target from the phrases around the trigger", "[args]") {
  const Case cases[] = {
      // Active voice: subject acts, object suffers.
      {"Russian troops shelled the railway depot on Monday.", "shelled", "shelling",
       "Russian forces", "railway depot"},
      {"Rebel fighters have repeatedly attacked the border post.", "attacked", "attack",
       "Rebel fighters", "border post"},
      {"Gunmen ambushed a police patrol near the river.", "ambushed", "attack", "Gunmen",
       "police patrol"},
      {"The Kremlin annexed the peninsula in a sham vote.", "annexed", "annexation", "Russia",
       "peninsula"},
      {"Moscow's forces captured the strategic bridge after dawn.", "captured", "capture",
       "Russian forces", "strategic bridge"},
      {"Russian ground forces seized two villages.", "seized", "capture", "Russian forces",
       "villages"},
      {"Ukrainian forces are shelling enemy trenches.", "shelling", "shelling", "Ukrainian forces",
       "enemy trenches"},
      {"Russia is expected to launch a fresh offensive.", "offensive", "armed_clash", "Russia", ""},
      // Passive voice: subject suffers, by-phrase acts.
      {"The depot was shelled by Russian forces overnight.", "shelled", "shelling",
       "Russian forces", "depot"},
      {"Two villages were captured by separatist fighters.", "captured", "capture",
       "separatist fighters", "villages"},
      {"A convoy ambushed by guerrillas lost three trucks.", "ambushed", "attack", "guerrillas",
       "convoy"},
      {"The town, which was shelled by Ukrainian artillery, lost power.", "shelled", "shelling",
       "Ukrainian forces", "town"},
      {"The outpost came under fire from Wagner mercenaries.", "under fire", "attack",
       "Wagner Group", "outpost"},
      // A weapon or an unnamed agent is no actor.
      {"The depot was shelled by heavy artillery.", "shelled", "shelling", "", "depot"},
      {"The bridge was hit by a missile.", "hit", "shelling", "", "bridge"},
      // Nominal forms.
      {"The shelling of the port by Russian forces went on all night.", "shelling", "shelling",
       "Russian forces", "port"},
      {"Russia's attack on the airfield surprised analysts.", "attack", "attack", "Russia",
       "airfield"},
      {"A Russian missile strike on a grain terminal caused a fire.", "missile strike", "shelling",
       "Russian forces", "grain terminal"},
      {"Hamas rocket attacks on border towns resumed.", "rocket attacks", "shelling", "Hamas",
       "border towns"},
      {"A strike on a fuel depot was reported.", "strike", "attack", "", "fuel depot"},
      {"The withdrawal of Belarusian troops began quietly.", "withdrawal", "withdrawal",
       "Belarusian forces", ""},
      {"Separatists launched a rocket attack on the station.", "rocket attack", "shelling",
       "pro-Russian separatists", "station"},
      {"The killing of three farmers by masked gunmen shocked the valley.", "killing", "killing",
       "masked gunmen", "farmers"},
      {"Moscow launched a barrage of cruise missile strikes on power plants.",
       "cruise missile strikes", "shelling", "Russia", "power plants"},
      {"Unidentified men kidnapped a judge near the court.", "kidnapped", "abduction",
       "Unidentified men", "judge"},
      {"Local men kidnapped a judge near the court.", "kidnapped", "abduction", "", "judge"},
      // A phrase inside a prepositional phrase is not the subject.
      {"Rebel units in the northern province have captured a dam.", "captured", "capture", "",
       "dam"},
      {"The depot on the edge of the town was shelled again.", "shelled", "shelling", "", ""},
      {"The city of Kharkiv was shelled again.", "shelled", "shelling", "", "Kharkiv"},
      {"Russian air and artillery strikes hit the plant.", "artillery strikes", "shelling",
       "Russian forces", ""},
      {"Russian and Ukrainian shelling went on.", "shelling", "shelling", "", ""},
      {"The FMLN pressed its offensive in the north.", "offensive", "armed_clash", "FMLN", ""},
      {"Residents fear their shelling will resume.", "shelling", "shelling", "", ""},
      // Participle: the object only.
      {"The blast tore through the market, killing five traders.", "killing", "killing", "",
       "traders"},
      // A place, a pronoun or a speaker is never the actor.
      {"Kharkiv shelled again as the front moved.", "shelled", "shelling", "", ""},
      {"They shelled the village at dawn.", "shelled", "shelling", "", "village"},
      {"Officials said the warehouse was destroyed.", "destroyed", "attack", "", "warehouse"},
      // A capital as target stays the city; as the actor it is the state.
      {"Russian forces shelled Kyiv overnight.", "shelled", "shelling", "Russian forces", "Kyiv"},
      {"Moscow launched strikes against the port city.", "strikes", "attack", "Russia",
       "port city"},
      {"The shelling of the eastern city of Kharkiv continued.", "shelling", "shelling", "",
       "Kharkiv"},
      // The object ends where a verb or a clause begins.
      {"The Russian naval blockade of Ukraine continues.", "blockade", "blockade", "Russian forces",
       "Ukraine"},
      {"Troops attacked the convoy carrying aid to the city.", "attacked", "attack", "Troops",
       "convoy"},
      // A loss: the subject is the one who lost.
      {"Russia lost ten jets in a single week.", "lost", "equipment_loss", "", "Russia"},
      {"Ukrainian gunners destroyed two enemy tanks.", "destroyed", "equipment_loss",
       "Ukrainian forces", ""},
      {"Drones struck military and civilian infrastructure overnight.", "struck", "attack", "",
       "military and civilian infrastructure"},
      {"A drone attack on Russian armoured vehicles was filmed.", "drone attack", "air_strike", "",
       "Russian armoured vehicles"},
      {"Rebels attacked the convoy and fled.", "attacked", "attack", "Rebels", "convoy"},
      {"Troops took some staff hostage at the plant.", "took some staff hostage", "abduction",
       "Troops", ""},
      {"Gunmen killed at least 20 villagers.", "killed", "killing", "Gunmen", "villagers"},
      {"During the long campaign three mayors were murdered.", "murdered", "killing", "", "mayors"},
      {"A total of 31 villagers were kidnapped.", "kidnapped", "abduction", "", "villagers"},
      {"At least 20 armed men stormed the bank.", "stormed", "attack", "armed men", "bank"},
      {"Approximately 100 Salvadoran soldiers attacked the camp.", "attacked", "attack",
       "Salvadoran armed forces", "camp"},
      {"A bus carrying 27 soldiers was blown up.", "blown up", "explosion", "", ""},
      {"The two devices exploded only minutes apart.", "exploded", "explosion", "", ""},
      // No target for movements.
      {"Russian troops withdrew the artillery from the river bank.", "withdrew", "withdrawal",
       "Russian forces", ""},
      // In upper-case wire copy only known names and force nouns are actors.
      {"GUERRILLAS ATTACKED THE POWER STATION YESTERDAY.", "ATTACKED", "attack", "GUERRILLAS",
       "POWER STATION"},
      {"THE FMLN DYNAMITED TWO ELECTRICITY TOWERS.", "DYNAMITED", "explosion", "FMLN",
       "ELECTRICITY TOWERS"},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    const ArgResult r = Run(c.sentence, c.trigger, c.type);
    CHECK(r.actor == c.actor);
    CHECK(r.target == c.target);
  }
}

TEST_CASE("args: a cue's source is not the actor", "[args]") {
  const std::string_view s = "Ukraine shelled the bridge, Russian officials claimed.";
  // With "Ukraine" marked as a speaker (say a cue captured it) it is dropped.
  CHECK(Run(s, "shelled", "shelling", 0, 7).actor.empty());
  CHECK(Run(s, "shelled", "shelling").actor == "Ukraine");
}

TEST_CASE("args: a counted subject with its coordinated parts", "[args]") {
  const struct {
    std::string_view sentence, trigger, counted;
  } cases[] = {
      {"Some 30 tanks and trucks along with 12 helicopters withdrew from the plain.", "withdrew",
       "Some 30 tanks and trucks along with 12 helicopters"},
      {"Officials say four Mi-8s, two Mi-24s and six other aircraft flew away.", "flew",
       "four Mi-8s, two Mi-24s and six other aircraft"},
      {"Russian forces withdrew from the plain.", "withdrew", ""},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    CHECK(Run(c.sentence, c.trigger, "withdrawal").counted_subject == c.counted);
  }
}

TEST_CASE("args: a counted object, from its first count word", "[args]") {
  const struct {
    std::string_view sentence, trigger, type, counted;
  } cases[] = {
      {"Police detained 23 people outside the station.", "detained", "arrest", "23 people"},
      {"Gunmen kidnapped at least 12 engineers from the camp.", "kidnapped", "abduction",
       "at least 12 engineers"},
      {"The guards arrested more than 1,300 marchers.", "arrested", "arrest",
       "more than 1,300 marchers"},
      {"Soldiers detained three men suspected of looting.", "detained", "arrest",
       "three men suspected of looting"},
      // One person, or no count at all: nothing to count.
      {"Police detained one man near the square.", "detained", "arrest", ""},
      {"Police detained a local reporter.", "detained", "arrest", ""},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    const ArgResult r = Run(c.sentence, c.trigger, c.type);
    CHECK(r.counted_object == c.counted);
    CHECK_FALSE(r.target.empty());
  }
}

}  // namespace
}  // namespace eventline
