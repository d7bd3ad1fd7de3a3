// lib/eventline/args.h: actor and target of an event from the words around
// its trigger, for rules that do not capture them.
//
// A light noun-phrase chunker over the sentence's tokens (no parser, no
// part-of-speech model): the trigger's form and the function words next to
// it decide the voice, and the slots come from the phrases around it.
//
//   active      "Russian troops shelled the depot"      actor = subject, target = object
//   passive     "the depot was shelled by Russian troops" target = subject, actor = by-phrase
//   reduced     "a convoy ambushed by rebels"           target = noun before, actor = by-phrase
//   under       "the post came under fire from rebels"  target = subject, actor = from-phrase
//   nominal     "the shelling of the depot by rebels", "Russia's attack on the port",
//               "a Russian strike on the port"          actor = by / possessive / demonym,
//                                                       target = of / on / against phrase
//   participle  ", killing three civilians"              target = object only
//
// An actor is kept only when the phrase names an agent: a name the actors
// file knows (normalised to its canonical form), a phrase headed by a force
// noun (the FORCE_NOUN lexicon and a few agent nouns), or a proper name that
// is not a place. A speaker ("Ukraine said …"), a pronoun, a weapon ("by
// artillery") or a place is never an actor. A target is any clean noun
// phrase (determiners and counts dropped, no trailing clause). When a phrase
// does not end cleanly within a few words the slot stays empty.
//
// Pure functions of their arguments; thread-safe. docs/design.md, "Slots".
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "eventline/places.h"

namespace eventline {

class Actors;
struct RuleSet;

// Words that head an agent phrase ("troops", "gunmen", "police"), lower case.
struct ArgWords {
  std::unordered_set<std::string> agent_heads;
  // Words that head an instrument ("bomb", "missiles"): never a target.
  std::unordered_set<std::string> instrument_heads;
  // From the rule set's FORCE_NOUN lexicon (agents) and EXPLOSIVE and WEAPON
  // lexicons (instruments), last word of each entry, plus built-in agent
  // nouns; `rules` may be null.
  static ArgWords FromRules(const RuleSet* rules);
};

// A phrase as captured, without leading determiners ("THE REBELS" -> "REBELS").
[[nodiscard]] std::string StripDeterminers(std::string_view phrase);

struct ArgInput {
  std::string_view text;  // the whole document
  std::size_t sentence_begin = 0, sentence_end = 0;
  std::size_t trigger_begin = 0, trigger_end = 0;
  std::string_view event_type;
  std::span<const PlaceMention> places;                     // gazetteer mentions in the sentence
  std::vector<std::pair<std::size_t, std::size_t>> source;  // spans of cue sources (speakers)
  std::vector<std::pair<std::size_t, std::size_t>> times;   // spans of time phrases
};

struct ArgResult {
  std::string actor, target;
  // A subject that counts things ("some 24 jets and 14 helicopters"), with
  // its coordinated parts, as written; empty when the subject has no number.
  std::string counted_subject;
  // An object that counts people or things ("23 people", "more than 1,300
  // protesters"), from its first count word; empty when it has none.
  std::string counted_object;
};

// Actor and target around the trigger. `actors` may be null (no
// normalisation, no known names).
[[nodiscard]] ArgResult FindArguments(const ArgInput& in, const ArgWords& words,
                                      const Actors* actors);

}  // namespace eventline
