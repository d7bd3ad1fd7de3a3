// English verb forms for "~lemma" lexicon entries: regular spelling rules and
// the irregular table.
#include "eventline/inflect.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace eventline {
namespace {

using Forms = std::vector<std::string>;

TEST_CASE("inflect: regular verbs follow the spelling rules", "[inflect]") {
  const struct {
    const char* lemma;
    Forms forms;
  } cases[] = {
      {"shell", {"shell", "shells", "shelled", "shelling"}},
      {"bomb", {"bomb", "bombs", "bombed", "bombing"}},
      {"capture", {"capture", "captures", "captured", "capturing"}},
      {"seize", {"seize", "seizes", "seized", "seizing"}},
      {"ambush", {"ambush", "ambushes", "ambushed", "ambushing"}},
      {"occupy", {"occupy", "occupies", "occupied", "occupying"}},
      {"deploy", {"deploy", "deploys", "deployed", "deploying"}},  // vowel before y
      {"stop", {"stop", "stops", "stopped", "stopping"}},          // one-syllable CVC
      {"raid", {"raid", "raids", "raided", "raiding"}},            // two vowels: no doubling
      {"target", {"target", "targets", "targeted", "targeting"}},  // unstressed end
      {"patrol", {"patrol", "patrols", "patrolled", "patrolling"}},
      {"kidnap", {"kidnap", "kidnaps", "kidnapped", "kidnapping"}},
      {"free", {"free", "frees", "freed", "freeing"}},
      {"die", {"die", "dies", "died", "dying"}},
      {"fix", {"fix", "fixes", "fixed", "fixing"}},  // never double x, w, y
      {"mow", {"mow", "mows", "mowed", "mowing"}},
      {"torch", {"torch", "torches", "torched", "torching"}},
      {"echo", {"echo", "echoes", "echoed", "echoing"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.lemma);
    CHECK(VerbForms(c.lemma) == c.forms);
  }
}

TEST_CASE("inflect: irregular verbs come from the table", "[inflect]") {
  CHECK(IrregularTableSorted());
  const struct {
    const char* lemma;
    Forms forms;
  } cases[] = {
      {"take", {"take", "takes", "took", "taken", "taking"}},
      {"hit", {"hit", "hits", "hitting"}},
      {"flee", {"flee", "flees", "fled", "fleeing"}},
      {"withdraw", {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"}},
      {"overrun", {"overrun", "overruns", "overran", "overrunning"}},
      {"shoot", {"shoot", "shoots", "shot", "shooting"}},
      {"burn", {"burn", "burns", "burned", "burnt", "burning"}},
      {"strike", {"strike", "strikes", "struck", "stricken", "striking"}},
      {"quit", {"quit", "quits", "quitting"}},
      {"lie", {"lie", "lies", "lay", "lain", "lying"}},
      {"have", {"have", "has", "had", "having"}},
      {"begin", {"begin", "begins", "began", "begun", "beginning"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.lemma);
    CHECK(VerbForms(c.lemma) == c.forms);
  }
  CHECK(VerbForms("").empty());
}

}  // namespace
}  // namespace eventline
