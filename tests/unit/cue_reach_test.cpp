// How far a local cue other than a negation reaches (CueReaches in
// assemble.cpp, docs/rules.md "Cue conventions"): the gap is the text between
// the cue and the event trigger. Sentences written for this test.
#include <catch2/catch.hpp>
#include <string>

#include "eventline/assemble.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ExtractText;

// The modality of the first row of `type` ("" when there is none).
std::string ModalityOf(const std::string& text, const std::string& type) {
  for (const EventRow& row : ExtractText(text)) {
    if (row.event_type == type) return row.modality;
  }
  return "";
}

TEST_CASE("assemble: cue reach: the cue's own complement", "[assemble][cue]") {
  CHECK(CueReaches(""));                             // "will shell"
  CHECK(CueReaches("launch a new"));                 // "could launch a new offensive"
  CHECK(CueReaches("the rebels"));                   // "if the rebels attack"
  CHECK(CueReaches("that the garrison"));            // "demanded that the garrison withdraw"
  CHECK(CueReaches("that they"));                    // "urged that they retreat"
  CHECK(CueReaches("of further"));                   // "warned of further strikes"
  CHECK(CueReaches("carry out a wave of"));          // "plans to carry out a wave of raids"
  CHECK(CueReaches("seize the port and"));           // "will seize the port and shell the town"
  CHECK(CueReaches("hit depots, such as fuel"));     // an example list
  CHECK(CueReaches("leave 12,000 people without"));  // a number, not a list
  CHECK(CueReaches("use the pause as a pretext for an"));  // "as" + a noun phrase
  CHECK(CueReaches("serve as part of the"));
}

TEST_CASE("assemble: cue reach: a later clause", "[assemble][cue]") {
  // A relative or adverbial clause, or a new subject, tells its own act.
  CHECK_FALSE(CueReaches("be found near the village where he was"));  // "… was abducted"
  CHECK_FALSE(CueReaches("return the sailors who were"));             // "… were captured"
  CHECK_FALSE(CueReaches("be questioned about the fire that"));
  CHECK_FALSE(CueReaches("have died on the night she was"));  // "… was kidnapped"
  CHECK_FALSE(CueReaches("visit the town after the"));        // "… after the raid"
  CHECK_FALSE(CueReaches("reopen the school because of the"));
  CHECK_FALSE(CueReaches("open shelters amid"));  // "amid raids on the grid"
  CHECK_FALSE(CueReaches("go ahead despite the"));
  CHECK_FALSE(CueReaches("hold talks as the army"));  // "as the army shelled"
  CHECK_FALSE(CueReaches("hold talks as"));           // "as fighting raged"
  CHECK_FALSE(CueReaches("hold talks as Moscow"));
  CHECK_FALSE(CueReaches("rebuild the bridge and was"));
  CHECK_FALSE(CueReaches("meet on Monday, the day troops"));  // punctuation
  CHECK_FALSE(CueReaches("go ahead; the"));
}

TEST_CASE("assemble: cue reach: background phrases", "[assemble][cue]") {
  // An act that is ended, continued, inquired into or answered has happened.
  CHECK_FALSE(CueReaches("an end to the"));  // "urged an end to the shelling"
  CHECK_FALSE(CueReaches("continue the"));   // "will continue the siege"
  CHECK_FALSE(CueReaches("open an inquiry into the"));
  CHECK_FALSE(CueReaches("be a pause in the"));
  CHECK_FALSE(CueReaches("strike back in retaliation for the"));
  // … unless another predicate of the cue follows: "forcing them to end the
  // blockade and withdraw".
  CHECK(CueReaches("forcing them to end the blockade and"));
  // A topic, and the setting of a participle.
  CHECK_FALSE(CueReaches("publish a report about the"));
  CHECK_FALSE(CueReaches("name the officers involved in the"));
}

TEST_CASE("assemble: cue reach: rows", "[assemble][cue]") {
  // The cue still marks the act it introduces …
  CHECK(ModalityOf("The rebels could capture the port within days.", "capture") == "hypothetical");
  CHECK(ModalityOf("Villagers are braced for a new offensive in the valley.", "armed_clash") ==
        "expected");
  // … and no longer an act in a later clause or a background phrase.
  CHECK(ModalityOf("The envoys urged an inquiry into the shelling of the port.", "shelling") ==
        "asserted");
  CHECK(ModalityOf("The army will continue the siege of the river town.", "blockade") ==
        "asserted");
  CHECK(ModalityOf("The aid convoy will leave for the town that was shelled overnight.",
                   "shelling") == "asserted");
  CHECK(ModalityOf("The governor is expected to visit the village after the massacre.",
                   "killing") == "asserted");
  // (Session 29: an attributive "besieged city" is an epithet and gives no
  // row, lead's ruling; a relative clause of its own keeps its mood.)
  CHECK(ModalityOf("The talks will take place in the city that has been under siege since spring.",
                   "blockade") == "asserted");
  CHECK(ModalityOf("Envoys will discuss the release of the men held hostage.", "abduction") ==
        "asserted");
  CHECK(ModalityOf("He may have been shot dead on the night he was abducted.", "abduction") ==
        "asserted");
}

TEST_CASE("assemble: cue reach: a participle used as an adjective", "[assemble][cue]") {
  CHECK_FALSE(CueReaches("take place in the", "besieged"));
  CHECK_FALSE(CueReaches("reach Kyiv's", "occupied"));
  CHECK(CueReaches("soon be", "besieged"));  // "will soon be besieged"
  CHECK(CueReaches("take place in the", "siege"));
}

TEST_CASE("assemble: cue reach: an act its authors or victims name is past", "[assemble][cue]") {
  // h-muc21: an aftermath cue between the cue and the trigger ("those
  // responsible for", "the masterminds of") names an act already done.
  CHECK(ModalityOf("A commission will be sent to find the men responsible for the murders of the "
                   "judges.",
                   "killing") == "asserted");
  CHECK(ModalityOf("The bishop demanded punishment for the people responsible for the massacre in "
                   "the village.",
                   "killing") == "asserted");
  // Not a cue after the aftermath one: the plan is still a plan.
  CHECK(ModalityOf("He was involved in a failed plan to kill the mayor.", "killing") == "expected");
}

}  // namespace
}  // namespace eventline
