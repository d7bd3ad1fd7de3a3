#include "eventline/assemble.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "eventline/actors.h"
#include "eventline/args.h"
#include "eventline/numbers.h"
#include "eventline/output.h"
#include "eventline/utf8.h"

namespace eventline {

namespace {

// How a trace names another match or row: "rule.id at 120-131 'text'",
// bytes counted from `origin` (the text's start under a title,
// Assembler::SetContextEnd), as the trace's own offsets.
std::string TraceName(std::string_view rule, std::size_t b, std::size_t e, std::string_view text,
                      std::size_t origin) {
  const std::string said = CollapseWhitespace(text.substr(b, e - b));
  if (b < origin) return fmt::format("{} in the title '{}'", rule, said);
  return fmt::format("{} at {}-{} '{}'", rule, b - origin, e - origin, said);
}

// Trace reasons (TraceSink): the sentence cue that vetoed `m`, with the
// phrase of its lexicon when it has one.
std::string VetoReason(const ContextWords& context, const ContextWords::SentenceWords& words,
                       const Match& m, std::size_t sentence_begin, std::size_t b, std::size_t e,
                       std::size_t origin) {
  const std::string_view cue =
      context.VetoCue(m.rule->event_type, words, b - sentence_begin, e - sentence_begin);
  const auto [cb, ce] = context.VetoCueSpan(cue, words);
  if (ce <= cb) return fmt::format("vetoed by a sentence cue: {}", cue);
  return fmt::format("vetoed by a sentence cue: {} at {}-{} '{}'", cue,
                     sentence_begin + cb - origin, sentence_begin + ce - origin,
                     words.text().substr(cb, ce - cb));
}

// `loser` and `winner` are one mention (their triggers overlap, or they are
// of one type and overlap): one trigger, one event.
std::string BeatenBy(const Match& winner, const Match& loser, std::string_view text,
                     std::size_t origin) {
  const std::size_t lw = winner.end - winner.begin, ll = loser.end - loser.begin;
  const std::string why =
      winner.rule->priority != loser.rule->priority
          ? fmt::format("priority {} against {}", winner.rule->priority, loser.rule->priority)
      : lw != ll ? fmt::format("a match of {} bytes against {}", lw, ll)
                 : std::string("the earlier rule");
  return fmt::format("beaten by {} (one mention: {})",
                     TraceName(winner.rule->id, winner.begin, winner.end, text, origin), why);
}

std::string FoldedInto(const EventRow& host, std::string_view why, std::string_view text,
                       std::size_t origin) {
  return fmt::format("merged into the {} row of {} ({})", host.event_type,
                     TraceName(host.rule, host.byte_start, host.byte_end, text, origin), why);
}

// ---- small text helpers ---------------------------------------------------

std::string_view Slice(std::string_view text, std::size_t b, std::size_t e) {
  return text.substr(b, e - b);
}

std::string Trimmed(std::string_view s) { return std::string(TrimSpace(s)); }

// w in ASCII lower case, byte for byte.
std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// text[b, e) in ASCII lower case, byte for byte (offsets into it are offsets
// from b): the window the cue scans below read words in.
std::string LowerRange(std::string_view text, std::size_t b, std::size_t e) {
  if (e <= b) return {};
  return Lower(text.substr(b, e - b));
}

bool IsViolent(std::string_view type) {
  static constexpr std::array<std::string_view, 7> kViolent = {
      "attack", "air_strike", "shelling", "explosion", "armed_clash", "killing", "abduction"};
  return std::find(kViolent.begin(), kViolent.end(), type) != kViolent.end();
}

// The types one violent episode is told by (a headline's killing, the body's
// attack, explosion or toll): not an abduction, an arrest or a protest.
bool TellsOneEpisode(std::string_view type) {
  return type == "casualties" || (type != "abduction" && IsViolent(type));
}

// A written year ("on May 22, 2023"): a photo caption's or another act's date.
bool WritesYear(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
        std::isdigit(static_cast<unsigned char>(s[i])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
        (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]))))
      return true;
  }
  return false;
}

// "… in the attack", "the blast also …": the sentence goes on about an event
// named before.
// h-prec32: a trigger inside a web address ("…/tel-aviv-clashes-leave-dozens",
// a link's slug) is no prose (the lead's ruling 9 of session 30): the
// word-character run around [b, e) (up to a space, a quote or an angle
// bracket) holds "://" or starts with "www.".
bool InsideWebAddress(std::string_view text, std::size_t b, std::size_t e) {
  const auto is_edge = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c == '<' || c == '>' ||
           c == '(' || c == ')';
  };
  if (e > text.size() || b >= e) return false;
  for (std::size_t i = b; i < e; ++i)
    if (is_edge(text[i])) return false;
  std::size_t from = b;
  while (from > 0 && !is_edge(text[from - 1])) --from;
  std::size_t to = e;
  while (to < text.size() && !is_edge(text[to])) ++to;
  const std::string_view token = text.substr(from, to - from);
  return token.find("://") != std::string_view::npos || token.starts_with("www.");
}

bool RefersBack(std::string_view s) {
  static constexpr std::array<std::string_view, 14> kNouns = {
      "attack", "blast",    "explosion", "strike", "shelling", "bombing",     "raid",
      "clash",  "fighting", "incident",  "ambush", "assault",  "bombardment", "massacre"};
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != 't' ||
        (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))))
      continue;
    if (!(std::tolower(static_cast<unsigned char>(s[i + 1])) == 'h' &&
          std::tolower(static_cast<unsigned char>(s[i + 2])) == 'e' && s[i + 3] == ' ')) {
      continue;
    }
    std::size_t j = i + 4;
    while (j < s.size() && s[j] == ' ') ++j;
    for (std::string_view n : kNouns) {
      if (j + n.size() > s.size()) continue;
      bool eq = true;
      for (std::size_t k = 0; k < n.size() && eq; ++k) {
        eq = std::tolower(static_cast<unsigned char>(s[j + k])) == n[k];
      }
      if (eq) return true;
    }
  }
  return false;
}

// A casualty phrase folds into a violent event's row to set its counts
// (docs/design.md). One that carries none ("a man was killed after a shell hit
// his house", "civilians were wounded in the raid") would leave nothing on the
// row, and the deaths would vanish from the output: it keeps a casualties row of
// its own instead (h-recall10, docs/rules.md "Casualty rows and the fold").
bool CarriesToll(const EventRow& r) {
  return r.fatalities.has_value() || r.injured.has_value() || !r.quantity.empty();
}

// A toll in the sentence after a violent event's sentence, told without a
// date or place of its own, folds into that event's row ("Shelling hit the
// market. Five people were killed."), and so does one that names the event
// again ("Two policemen were killed in the attack."). A toll in the present
// perfect ("More than 9,000 people have been killed", "30 foreigners have
// died") is a running total of a war or campaign, not the toll of the incident
// before, and keeps its own casualties row (h-recall10: on the Israel-Gaza
// pool such tolls had been put on a statement, a rocket salvo or a hostage
// taking; docs/rules.md "Casualty rows and the fold").
bool RunningToll(std::string_view before_trigger) {
  std::string tail;
  const std::size_t from = before_trigger.size() > 24 ? before_trigger.size() - 24 : 0;
  for (char c : before_trigger.substr(from)) {
    tail.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!tail.empty() && tail.back() == ' ') tail.pop_back();
  const auto ends_with = [&](std::string_view w) {
    return tail.size() >= w.size() && tail.compare(tail.size() - w.size(), w.size(), w) == 0 &&
           (tail.size() == w.size() ||
            !std::isalpha(static_cast<unsigned char>(tail[tail.size() - w.size() - 1])));
  };
  return ends_with("have been") || ends_with("has been") || ends_with("have") || ends_with("has");
}

// h-prec18: a country that is the subject of a strike verb is the state
// that strikes, not the scene ("Ruritania steps up attacks on the border
// towns", "Ruritania Launches Rocket Barrage", "as Ruritania is shelling
// the port"): `after` is the text right after the country's name. Not a
// passive ("Ruritania attacked by drones"), not a possessive, not "hit" or
// "struck" without an auxiliary ("Ruritania hit with new strikes" is the
// scene); a capital is judged by the gazetteer already (StandsForState).
bool StateStrikesAfter(std::string_view after) {
  static constexpr std::string_view kVerbs[] = {
      "strikes",   "striking",  "attacks", "attacked",  "attacking", "bombs",       "bombed",
      "bombing",   "shells",    "shelled", "shelling",  "pounds",    "pounded",     "pounding",
      "hits",      "hitting",   "fires",   "fired",     "firing",    "launches",    "launched",
      "launching", "steps",     "stepped", "stepping",  "renews",    "renewed",     "renewing",
      "sends",     "sent",      "sending", "unleashes", "unleashed", "unleashing",  "begins",
      "began",     "starts",    "started", "targets",   "targeted",  "intensifies", "intensified",
      "escalates", "escalated", "rains",   "rained"};
  std::vector<std::string> words;
  std::size_t i = 0;
  while (words.size() < 3 && i < after.size()) {
    if (after[i] != ' ') break;  // only spaces between the name and its verb
    while (i < after.size() && after[i] == ' ') ++i;
    std::string w;
    while (i < after.size() && std::isalpha(static_cast<unsigned char>(after[i])))
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(after[i++]))));
    if (w.empty()) break;
    words.push_back(std::move(w));
  }
  std::size_t k = 0;
  const bool be = !words.empty() && (words[0] == "is" || words[0] == "was");
  if (!words.empty() && (be || words[0] == "has")) k = 1;
  if (k >= words.size()) return false;
  // After "is" or "was" only the progressive: "Ruritania was attacked" is
  // a passive, the place undergoing it (MUC-4 DEV: "meetings in which
  // Nicaragua was attacked").
  if (be && !words[k].ends_with("ing")) return false;
  if (std::find(std::begin(kVerbs), std::end(kVerbs), words[k]) == std::end(kVerbs)) return false;
  // "Ruritania hit by drones", "was struck by": the place undergoes it.
  if (k + 1 < words.size() && words[k + 1] == "by") return false;
  if (k + 1 == words.size() && i < after.size() && after.substr(i).starts_with(" by "))
    return false;
  return true;
}

// True when the word right before `pos` is a preposition that governs the
// name there ("the war in Ruritania began", "the assault on Ruritania hits
// its second year"): the name is then a place or a target, not a subject.
bool GovernedBefore(std::string_view text, std::size_t pos) {
  static constexpr std::string_view kPreps[] = {"in",   "on",     "at",      "of",     "to",
                                                "into", "over",   "against", "across", "from",
                                                "near", "inside", "for",     "with",   "by"};
  // h-places4: over "the" and a direction or state adjective ("on
  // southern Ruritania", "in the occupied east of", "in war-torn Ruritania").
  static constexpr std::string_view kBetween[] = {
      "the",      "southern",     "northern",     "eastern",      "western",
      "central",  "southeastern", "southwestern", "northeastern", "northwestern",
      "occupied", "neighbouring", "neighboring",  "war-torn",     "rebel-held"};
  std::size_t e = pos;
  for (int n = 0; n < 3; ++n) {
    while (e > 0 && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '-'))
      --b;
    if (b == e) return false;
    std::string w;
    for (std::size_t i = b; i < e; ++i)
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    if (std::find(std::begin(kPreps), std::end(kPreps), w) != std::end(kPreps)) return true;
    if (std::find(std::begin(kBetween), std::end(kBetween), w) == std::end(kBetween)) return false;
    e = b;
  }
  return false;
}

// h-places4: a verb right before the state's name makes its plural noun an
// object ("missiles hit Ruritania targets", "destroyed Ruritania bombs"), not
// the state acting; a conjunction or the sentence's start keeps the verb
// reading ("as Ruritania strikes", "Ruritania strikes back").
bool NounAfterObject(std::string_view text, std::size_t begin, std::string_view after) {
  static constexpr std::string_view kNouns[] = {"strikes", "attacks", "targets", "bombs",
                                                "shells",  "fires",   "hits"};
  static constexpr std::string_view kOpen[] = {
      "as",   "and",    "while", "when",  "after", "before", "since", "but",       "because",
      "then", "now",    "that",  "so",    "where", "if",     "until", "meanwhile", "says",
      "said", "claims", "once",  "which", "who",   "why",    "how"};
  std::size_t i = 0;
  while (i < after.size() && after[i] == ' ') ++i;
  if (i == 0) return false;
  std::string next;
  while (i < after.size() && std::isalpha(static_cast<unsigned char>(after[i])))
    next.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(after[i++]))));
  if (std::find(std::begin(kNouns), std::end(kNouns), next) == std::end(kNouns)) return false;
  std::size_t e = begin;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == e || !std::islower(static_cast<unsigned char>(text[b]))) return false;
  const std::string_view w = text.substr(b, e - b);
  return std::find(std::begin(kOpen), std::end(kOpen), w) == std::end(kOpen);
}

// The types whose place a striking state's name is not (h-prec18).
bool IsStrikeType(std::string_view type) {
  // h-places6: nor the place of the toll or the loss it causes ("the toll
  // mounts as Ruritania strikes the port").
  return type == "attack" || type == "air_strike" || type == "shelling" || type == "armed_clash" ||
         type == "capture" || type == "casualties" || type == "equipment_loss";
}

// h-places15: the acts that tell where a war's fighting is (a truce holds
// there): hostile acts, their tolls, and the taking of hostages.
bool IsFightingType(std::string_view type) {
  return type == "attack" || type == "air_strike" || type == "shelling" || type == "armed_clash" ||
         type == "killing" || type == "casualties" || type == "explosion" || type == "capture" ||
         type == "abduction";
}

// h-places7: the hostile acts whose place the acting state's bare name is
// not when the text names another place or is about another state.
bool IsActingStateType(std::string_view type) {
  return IsStrikeType(type) || type == "abduction" || type == "annexation" ||
         type == "withdrawal" || type == "blockade";
}

// h-places7: true when the actor as written names the state of `place` (a
// country or capital): the state's or capital's name ("Russia", "Moscow") or
// its demonym ("Russian forces"), read as the first word sharing the name's
// stem ("Russi-", "Ukrain-", "Israel-").
bool NamesState(std::string_view actor, const Place& place, const Gazetteer& places) {
  if (actor.empty()) return false;
  std::size_t n = 0;
  while (n < actor.size() && std::isalpha(static_cast<unsigned char>(actor[n]))) ++n;
  const std::string_view first = actor.substr(0, n);
  const auto stem_of = [&](std::string_view name) {
    if (name.empty() || first.size() < 4) return false;
    if (first == name) return true;
    const std::size_t k = name.size() > 5 ? name.size() - 1 : name.size();
    return name.size() >= 4 && first.size() > k && first.substr(0, k) == name.substr(0, k);
  };
  const Place* country = places.CountryPlace(place.country);
  const Place* capital = places.CapitalPlace(place.country);
  return (country && stem_of(country->name)) || (capital && first == capital->name);
}

// h-places7: the text from a state's name to the end of the trigger right
// after it is a bare noun modifier ("Ruritania Barrage", "Ruritania missile
// strike"): no possessive, at most one word between, and a trigger ending
// in a noun's base form. Whose act that is the words do not say ("a Ruritania
// barrage" may fall on Ruritania), so it makes no acting state.
bool ModifiesTrigger(std::string_view span) {
  if (span.find('\'') != std::string_view::npos ||
      span.find("\xE2\x80\x99") != std::string_view::npos)
    return false;
  std::vector<std::string> words;
  bool in_word = false;
  for (char ch : span) {
    const bool letter = std::isalpha(static_cast<unsigned char>(ch)) != 0;
    if (letter && !in_word) words.emplace_back();
    if (letter)
      words.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    in_word = letter;
  }
  // Adverbs do not count: "Ruritania illegally annexed".
  std::erase_if(words, [](const std::string& w) { return w.ends_with("ly") || w == "also"; });
  if (words.empty() || words.size() > 3) return false;
  // A verb's form right after the name makes it the subject: "Ruritania
  // bombards", "Ruritania struck", "Ruritania shoots down".
  const std::string& next = words.front();
  static constexpr std::string_view kPast[] = {"struck", "hit",  "lost", "shot",  "fought",
                                               "sent",   "took", "won",  "began", "seized"};
  const auto verb = [&](const std::string& w) {
    return w.ends_with("ed") || std::find(std::begin(kPast), std::end(kPast), w) != std::end(kPast);
  };
  // A plural noun before a verb is the name's noun phrase: "Ruritania
  // buildings hit", "Ruritania attacks killed" say nothing of who acts.
  if (next.ends_with("s") && words.size() > 1 && verb(words[1])) return true;
  return !(next.ends_with("s") || next.ends_with("ing") || verb(next));
}

// h-places7: `gap` (from the end of a state's name to its act's trigger) is
// a possessive with at most two adjectives: "of Ruritania's biggest aerial
// assaults" governs the act, not the state.
bool PossessiveOfTrigger(std::string_view gap) {
  if (gap.starts_with("'s")) {
    gap.remove_prefix(2);
  } else if (gap.starts_with("\xE2\x80\x99s")) {
    gap.remove_prefix(4);
  } else {
    return false;
  }
  int words = 0;
  bool in_word = false;
  for (char ch : gap) {
    const bool letter = std::isalpha(static_cast<unsigned char>(ch)) != 0 || ch == '-';
    if (!letter && ch != ' ') return false;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words <= 2;
}

// h-places7: the country a nationality word of `sentence` names, other than
// `state` ("Osterlichian", "Osterlichians" -> Osterlich): the word less its
// ending (-ian, -ians, -ean, -eans, -ese, -i, -is, -n, -ns), then with "e",
// "ia" or "a" added, looked up as a country. `single` is cleared when two
// such countries are named.
constexpr std::string_view kSideNouns[] = {
    "drone",       "drones",     "missile",   "missiles", "rocket",       "rockets", "troops",
    "forces",      "force",      "soldiers",  "jets",     "warplanes",    "weapons", "military",
    "army",        "navy",       "officials", "official", "intelligence", "sources", "media",
    "authorities", "government", "president", "ministry", "leader",       "leaders", "diplomats",
    "state",       "defence",    "defense",   "air",      "artillery",    "tanks",   "officers"};

// The country (or, with `regions`, the region: "Crimean") a nationality
// word names: the word less an ending ("-ian", "-ese", "-i", "-n"), with
// "", "e", "ia" or "a" added, looked up as a name ("Ukrainian" Ukraine,
// "Russian" Russia, "Sudanese" Sudan, "Israeli" Israel).
const Place* DemonymPlace(std::string_view w, const Gazetteer& places, bool regions) {
  static constexpr std::string_view kEndings[] = {"ians", "ian", "eans", "ean", "ese",
                                                  "is",   "i",   "ns",   "n"};
  static constexpr std::string_view kAdd[] = {"", "e", "ia", "a"};
  for (std::string_view end : kEndings) {
    if (!w.ends_with(end) || w.size() - end.size() < 4) continue;
    const std::string_view stem = w.substr(0, w.size() - end.size());
    const Place* hit = nullptr;
    for (std::string_view add : kAdd) {
      const std::string name = std::string(stem) + std::string(add);
      for (const PlaceMention& m : places.FindAll(name, 0, name.size(), LetterCase::kMixed)) {
        if (m.begin == 0 && m.end == name.size() &&
            (m.best().kind == "country" || (regions && m.best().kind == "region")))
          hit = &m.best();
      }
      if (hit) break;
    }
    if (hit) return hit;
  }
  return nullptr;
}

// Moves `*i` to the next ASCII letter of `text` and returns the end of the
// run of letters that starts there.
std::size_t NextLetterRun(std::string_view text, std::size_t* i) {
  while (*i < text.size() && !std::isalpha(static_cast<unsigned char>(text[*i]))) ++*i;
  std::size_t j = *i;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
  return j;
}

const Place* DemonymCountry(std::string_view sentence, std::string_view state,
                            const Gazetteer& places, bool* single) {
  const Place* found = nullptr;
  std::size_t i = 0;
  while (i < sentence.size()) {
    std::size_t j = NextLetterRun(sentence, &i);
    const std::string_view w = sentence.substr(i, j - i);
    i = j;
    if (w.size() < 5 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z') continue;
    // A side's arms, forces or voice are no scene: "Osterlichian-made
    // drones", "Osterlichian troops", "Osterlichian officials say".
    if (j < sentence.size() && sentence[j] == '-') continue;
    {
      std::size_t k = j;
      while (k < sentence.size() && sentence[k] == ' ') ++k;
      std::size_t l = k;
      while (l < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[l]))) ++l;
      std::string next;
      for (std::size_t x = k; x < l; ++x)
        next.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[x]))));
      if (std::find(std::begin(kSideNouns), std::end(kSideNouns), next) != std::end(kSideNouns))
        continue;
    }
    if (const Place* hit = DemonymPlace(w, places, false)) {
      if (hit->country != state) {
        if (found != nullptr && found->country != hit->country) *single = false;
        found = hit;
      }
    }
  }
  return found;
}

// h-places13: the state of a mutiny's mutineers: the actors file's country
// for the row's actor, else the one country that the armed forces and groups
// the sentence names all belong to ("the Ruritanian guard's failed revolt").
// Empty when unknown or when the sentence names forces of two states.
std::string MutineerState(const Actors& actors, const std::string& actor, std::string_view text,
                          std::size_t begin, std::size_t end) {
  if (!actor.empty()) {
    const std::string_view own = actors.Country(actor);
    if (!own.empty()) return std::string(own);
  }
  std::string state;
  for (const ActorMention& m : actors.FindAll(text, begin, end)) {
    if (m.kind == nullptr || (*m.kind != "force" && *m.kind != "group")) continue;
    const std::string_view c = actors.Country(*m.canonical);
    if (c.empty()) continue;
    if (!state.empty() && state != c) return {};
    state = std::string(c);
  }
  return state;
}

// h-places8: a nationality word before a word for land (h-places10: or its
// police) names that state's land ("attacks on several Ukrainian cities", "a western Ugandan
// village", "shelling of a Russian border town", "a warship in a Crimean port"): the place of a row
// whose sentence names none it could take. Not before a border alone ("500 km from the Chinese
// border"), a base or a side's people. Null when no such phrase, or phrases of two states.
//
// h-places13: with `own_soil` (an arrest, a protest or a mutiny: acts a state
// meets on its own land), its authorities and security forces or services
// are such a cue too ("Ruritanian authorities detained a reporter",
// "Ruritanian authorities cracked down on protests").
const Place* LandDemonymPlace(std::string_view sentence, const Gazetteer& places,
                              bool own_soil = false) {
  static constexpr std::string_view kLand[] = {
      "village", "villages", "city",   "cities",  "town",       "towns",       "port",
      "ports",   "coast",    "soil",   "capital", "territory",  "territories", "region",
      "regions", "province", "island", "highway", "countryside"};
  // h-places10: a state's police work on its own land ("Belgian police
  // detained two men", "a Haitian police car was set alight"): the same
  // cue as a word for land. Not its army, forces or officials, which act
  // abroad or speak for it.
  static constexpr std::string_view kPolice[] = {"police", "policeman", "policemen", "policewoman",
                                                 "policewomen"};
  static constexpr std::string_view kLandModifier[] = {
      "border",  "coastal",  "frontline", "southern", "northern", "eastern",   "western",
      "central", "occupied", "besieged",  "port",     "seaside",  "industrial"};
  auto word_at = [&](std::size_t k, std::size_t* end) {
    while (k < sentence.size() && sentence[k] == ' ') ++k;
    std::size_t l = k;
    while (l < sentence.size() &&
           (std::isalpha(static_cast<unsigned char>(sentence[l])) || sentence[l] == '-'))
      ++l;
    *end = l;
    return sentence.substr(k, l - k);
  };
  const Place* found = nullptr;
  std::size_t i = 0;
  while (i < sentence.size()) {
    std::size_t j = NextLetterRun(sentence, &i);
    const std::string_view w = sentence.substr(i, j - i);
    const bool glued =
        (i > 0 && sentence[i - 1] == '-') || (j < sentence.size() && sentence[j] == '-');
    i = j;
    if (glued || w.size() < 5 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z') continue;
    std::size_t e = j;
    std::string_view next = word_at(j, &e);
    if (std::find(std::begin(kLandModifier), std::end(kLandModifier), next) !=
        std::end(kLandModifier)) {
      std::size_t e2 = e;
      const std::string_view after = word_at(e, &e2);
      if (std::find(std::begin(kLand), std::end(kLand), after) != std::end(kLand)) next = after;
    }
    bool state_organ = false;
    if (own_soil) {
      std::size_t e2 = e;
      const std::string_view after = word_at(e, &e2);
      state_organ = next == "authorities" ||
                    (next == "security" && (after == "forces" || after == "services"));
    }
    if (std::find(std::begin(kLand), std::end(kLand), next) == std::end(kLand) &&
        std::find(std::begin(kPolice), std::end(kPolice), next) == std::end(kPolice) &&
        !state_organ)
      continue;
    if (const Place* hit = DemonymPlace(w, places, true)) {
      if (found != nullptr && found->country != hit->country) return nullptr;
      found = hit;
    }
  }
  return found;
}

bool FoldsIntoPrevious(bool back_reference, bool own_time_or_place, bool running_toll) {
  if (back_reference) return true;
  return !own_time_or_place && !running_toll;
}

// A toll told inside the act's own clause ("a doctor killed in a Russian
// airstrike", "two wounded by an explosion", "the death toll from a missile
// strike"): `gap` is the text between the casualty phrase and the act's
// trigger after it. It holds a preposition that ties the harm to the act
// and at most six words, none of which opens another clause or tells
// another time ("killed after a shell hit", "injured in what police said
// was a shooting", "died weeks after being attacked"). Such a toll is the
// act's toll: its counts go on the act's row, and without a count it gives
// no row of its own (h-recall34; docs/rules.md "Casualty rows and the fold").
bool TollInActClause(std::string_view gap) {
  static constexpr std::array<std::string_view, 5> kTies = {"in", "by", "during", "from", "under"};
  static constexpr std::array<std::string_view, 49> kStops = {
      "as",    "after", "when", "while", "who",    "whom",   "whose",     "which", "that",
      "where", "and",   "but",  "or",    "before", "amid",   "following", "since", "because",
      "what",  "was",   "were", "is",    "are",    "been",   "being",     "be",    "has",
      "had",   "have",  "he",   "she",   "it",     "they",   "his",       "her",   "their",
      "its",   "rises", "rose", "weeks", "days",   "months", "years",     "than",  "until",
      "not",   "said",  "says", "say"};
  if (gap.find_first_of(",;:()!?\n") != std::string_view::npos) return false;
  bool tie = false;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < gap.size()) {
    while (i < gap.size() && gap[i] == ' ') ++i;
    std::size_t j = i;
    while (j < gap.size() && gap[j] != ' ') ++j;
    if (j == i) break;
    const std::string w = LowerRange(gap, i, j);
    if (++words > 6) return false;
    if (std::find(kStops.begin(), kStops.end(), w) != kStops.end()) return false;
    if (std::find(kTies.begin(), kTies.end(), w) != kTies.end()) tie = true;
    i = j;
  }
  return tie;
}

// The act a toll is told inside the clause of (TollInActClause): an
// attack, strike, shelling, explosion or clash whose trigger comes after
// the casualty phrase in the same sentence.
bool ActTakesClauseToll(std::string_view type) {
  return type == "attack" || type == "air_strike" || type == "shelling" || type == "explosion" ||
         type == "armed_clash";
}

bool IsQuoteAt(std::string_view s, std::size_t i, std::size_t* len) {
  if (s[i] == '"') {
    *len = 1;
    return true;
  }
  // “ ” are E2 80 9C / E2 80 9D.
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x9C ||
       static_cast<unsigned char>(s[i + 2]) == 0x9D)) {
    *len = 3;
    return true;
  }
  return false;
}

int CountQuotes(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    if (IsQuoteAt(s, i, &len)) ++n;
    i += len;
  }
  return n;
}

bool StartsWithQuote(std::string_view s) {
  s = TrimSpace(s);
  std::size_t len = 0;
  return !s.empty() && IsQuoteAt(s, 0, &len);
}

// Quoted speech at a sentence: whether it begins inside a quote opened
// earlier (`inside`), and whether a quote is open after it (`open`), given
// whether one was open before it. News style reopens a quote at each
// paragraph of a long quotation, so a leading quote mark while one is open
// continues it; a paragraph that starts without one ends it.
struct QuoteStep {
  bool inside = false;
  bool open = false;
};

QuoteStep StepQuotes(std::string_view text, const Sentence& sentence, bool open_before) {
  const std::string_view stext = Slice(text, sentence.begin, sentence.end);
  const bool starts_quote = StartsWithQuote(stext);
  QuoteStep step;
  step.inside = open_before;
  if (step.inside && !starts_quote && sentence.begin > 0 && text[sentence.begin - 1] == '\n') {
    step.inside = false;
  }
  int quotes = CountQuotes(stext);
  if (step.inside && starts_quote) --quotes;  // the continuation mark
  step.open = step.inside;
  if (quotes % 2 == 1) step.open = !step.open;
  return step;
}

// Tokens of a phrase: whitespace-separated, with edge punctuation removed.
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size()) {
      const std::size_t n = SpaceLengthAt(s, i);
      if (n == 0) break;
      i += n;
    }
    std::size_t j = i;
    while (j < s.size() && SpaceLengthAt(s, j) == 0) ++j;
    std::string_view t = s.substr(i, j - i);
    while (!t.empty() && std::string_view(",;:()\"").find(t.back()) != std::string_view::npos) {
      t.remove_suffix(1);
    }
    while (!t.empty() && std::string_view("(\"").find(t.front()) != std::string_view::npos) {
      t.remove_prefix(1);
    }
    if (!t.empty()) out.push_back(t);
    i = j;
  }
  return out;
}

// A definite or possessive noun phrase names the trigger ("the kidnapping",
// "this brutal attack", "Galan's assassination"): the mention refers to an
// event named before. Looks at the trigger's first word and the up to three
// words before it, within the same stretch of punctuation.
bool IsDefiniteMention(std::string_view text, std::size_t begin, std::size_t trigger_b,
                       std::size_t trigger_e) {
  static constexpr std::array<std::string_view, 5> kDeterminers = {"the", "this", "that", "these",
                                                                   "those"};
  static constexpr std::array<std::string_view, 27> kBreaks = {
      "and", "or",   "of",   "in",   "to", "was", "were",  "is",    "are",
      "by",  "for",  "with", "on",   "at", "who", "which", "where", "when",
      "has", "have", "had",  "been", "be", "not", "also",  "it",    "they"};
  const auto lower = [](std::string_view w) {
    std::string out;
    for (char ch : w) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  const auto is_det = [&](std::string_view w) {
    const std::string l = lower(w);
    if (std::find(kDeterminers.begin(), kDeterminers.end(), l) != kDeterminers.end()) return true;
    return l.size() > 2 && (l.ends_with("'s") || l.ends_with("s'"));  // possessive
  };
  const auto trigger = Tokens(text.substr(trigger_b, trigger_e - trigger_b));
  if (!trigger.empty() && is_det(trigger.front())) return true;
  std::size_t from = trigger_b > begin + 60 ? trigger_b - 60 : begin;
  const std::size_t cut = text.substr(from, trigger_b - from).find_last_of(",;:.()[]\"");
  const bool mid_word = cut == std::string_view::npos && from > begin;
  if (cut != std::string_view::npos) from += cut + 1;
  auto words = Tokens(text.substr(from, trigger_b - from));
  if (mid_word && !words.empty()) words.erase(words.begin());
  for (std::size_t k = 0; k < 3 && k < words.size(); ++k) {
    const std::string_view w = words[words.size() - 1 - k];
    if (is_det(w)) return true;
    if (std::find(kBreaks.begin(), kBreaks.end(), lower(w)) != kBreaks.end()) return false;
  }
  return false;
}

std::string Join(const std::vector<std::string_view>& tokens, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i];
  }
  return out;
}

// Longest run of tokens starting at `i` that reads as a number; 0 if none.
std::size_t NumberRunAt(const std::vector<std::string_view>& tokens, std::size_t i,
                        std::int64_t* value) {
  for (std::size_t len = std::min<std::size_t>(5, tokens.size() - i); len > 0; --len) {
    const std::string joined = Join(tokens, i, i + len);
    // "a", "an", "one" alone are not counts of a quantity phrase.
    if (len == 1) {
      std::string lower;
      for (char c : joined) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "a" || lower == "an" || lower == "single") continue;
    }
    if (auto v = ParseNumber(joined)) {
      *value = *v;
      return len;
    }
  }
  return 0;
}

bool IsConnector(std::string_view t) {
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 12> kConnectors = {
      "and",       "along", "with",  "plus", "as", "well",
      "including", "or",    "while", "also", "&",  "besides"};
  return std::find(kConnectors.begin(), kConnectors.end(), lower) != kConnectors.end();
}

bool IsHedge(std::string_view t) {
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 14> kHedges = {
      "some",  "about", "around", "nearly",  "almost",        "over", "at",
      "least", "more",  "than",   "roughly", "approximately", "up",   "to"};
  return std::find(kHedges.begin(), kHedges.end(), lower) != kHedges.end();
}

// The number at the start of a casualty phrase ("three civilians" -> 3).
std::optional<std::int64_t> LeadingCount(std::string_view phrase) {
  const auto tokens = Tokens(phrase);
  for (std::size_t i = 0; i < tokens.size() && i < 4; ++i) {
    std::int64_t v = 0;
    if (NumberRunAt(tokens, i, &v) > 0) return v;
    if (!IsHedge(tokens[i])) {
      std::string lower;
      for (char c : tokens[i])
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "one" || lower == "a" || lower == "an") return 1;
      break;
    }
  }
  // "one" / "a soldier": ParseNumber accepts them as 1 on their own.
  if (!tokens.empty()) {
    if (auto v = ParseNumber(tokens[0])) return v;
  }
  return std::nullopt;
}

// ---- clauses --------------------------------------------------------------

// Clause id of every byte of the sentence. Parentheticals (brackets, dash
// pairs) are their own clauses and the text after them returns to the outer
// clause; ';', ':', and relative or contrastive openers start a new clause.
struct Clauses {
  std::size_t base = 0;
  std::vector<int> id;
  std::vector<int> parent;  // parent[id]: the enclosing clause (-1 at top)
  std::vector<int> kind;    // 0 main, 1 parenthetical, 2 subordinate/relative

  int At(std::size_t offset) const {
    if (offset < base) return 0;
    const std::size_t i = offset - base;
    return i < id.size() ? id[i] : (id.empty() ? 0 : id.back());
  }
};

// h-evdate28: the word reads as an adjective of a noun phrase, by a small
// list or an ending ("mysterious", "massive", "deadly", "brutal").
bool AdjectiveLike(std::string_view w) {
  std::string low(w);
  for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static constexpr std::array<std::string_view, 24> kList = {
      "small",  "brief",  "short", "slow",  "steady", "rare",   "big",   "large",
      "quick",  "fierce", "tense", "low",   "weak",   "strong", "long",  "grim",
      "brutal", "fatal",  "heavy", "minor", "major",  "late",   "swift", "bold"};
  if (std::find(kList.begin(), kList.end(), low) != kList.end()) return true;
  static constexpr std::array<std::string_view, 13> kEnds = {
      "ous", "ful", "ive", "ic", "ical", "ial", "ent", "ant", "less", "ly", "ble", "ary", "ile"};
  for (std::string_view e : kEnds)
    if (low.size() > e.size() + 2 && low.compare(low.size() - e.size(), e.size(), e) == 0)
      return true;
  return false;
}

// h-evdate28: "but" without a comma between two adjectives after a
// determiner ("a mysterious but massive explosion", "a brief but fierce
// clash") joins the adjectives of one noun phrase: it opens no clause, so a
// phrase before it ("In 2014 a small but deadly blast …") still dates the
// noun. `i` is the space before "but", `j` where "but" begins.
bool ButJoinsAdjectives(std::string_view s, std::size_t i, std::size_t j) {
  std::size_t e = i;
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) --b;
  if (b == e || b == 0 || s[b - 1] != ' ') return false;
  const std::string_view adj = s.substr(b, e - b);
  std::size_t de = b - 1;
  std::size_t db = de;
  while (db > 0 && std::isalpha(static_cast<unsigned char>(s[db - 1]))) --db;
  std::string det(s.substr(db, de - db));
  for (char& ch : det) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static constexpr std::array<std::string_view, 9> kDet = {"a",   "an",    "the", "this", "its",
                                                           "his", "their", "her", "such"};
  if (std::find(kDet.begin(), kDet.end(), det) == kDet.end()) return false;
  if (db > 0 && std::isalnum(static_cast<unsigned char>(s[db - 1]))) return false;
  std::size_t a = j + 3;
  while (a < s.size() && s[a] == ' ') ++a;
  std::size_t ae = a;
  while (ae < s.size() && std::isalpha(static_cast<unsigned char>(s[ae]))) ++ae;
  if (ae == a || ae >= s.size() || s[ae] != ' ') return false;
  return AdjectiveLike(adj) && AdjectiveLike(s.substr(a, ae - a));
}

// h-evdate28: the phrase `t` dates the release of a report, a picture or a
// video ("the report, released Monday, said …", "in a photo
// released on 3 May", "a video published early on Saturday"): the words
// right before it, after at most "on", "early", "late" or "this", are
// released, published, posted or aired, outside the trigger
// [tb, te), and not "issued" (a decree issued on a day is its own act). A
// release verb after was / were / and … is a captive's release, not this.
// What was released shows an act at or before that day.
bool ReleaseDatesPhrase(std::string_view text, std::size_t sb, std::size_t begin, std::size_t tb,
                        std::size_t te) {
  if (begin < sb) return false;
  const std::size_t from = begin - sb > 40 ? begin - 40 : sb;
  std::string before(text.substr(from, begin - from));
  for (char& ch : before) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::size_t end = before.size();
  for (int step = 0; step < 4; ++step) {
    while (end > 0 && before[end - 1] == ' ') --end;
    std::size_t b = end;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(before[b - 1]))) --b;
    if (b == end) return false;
    const std::string_view w(before.data() + b, end - b);
    if (w == "released" || w == "published" || w == "posted" || w == "aired") {
      const std::size_t at = from + b;
      if (at < te && at + w.size() > tb) return false;
      // A participle of a noun ("a report released Monday", "the image,
      // published on …"), not a finite or passive verb: "hostages were
      // released on Monday", "arrested and released last night" tell a
      // captive's release, the day's news of its own (MUC-4 DEV).
      std::size_t pe = b;
      while (pe > 0 && before[pe - 1] == ' ') --pe;
      // Before the trigger, only a release set off by a comma ("the report,
      // released Monday, said …"): "a communique released today blamed the
      // army for the crime" may tell the day's act (MUC-4 DEV).
      if (at + w.size() <= tb && (pe == 0 || before[pe - 1] != ',')) return false;
      std::size_t pb = pe;
      while (pb > 0 && std::isalpha(static_cast<unsigned char>(before[pb - 1]))) --pb;
      const std::string_view prev(before.data() + pb, pe - pb);
      static constexpr std::array<std::string_view, 12> kVerbal = {
          "was", "were", "been", "be", "is", "are", "and", "but", "being", "has", "have", "later"};
      if (pb == pe && from == sb) return true;
      return std::find(kVerbal.begin(), kVerbal.end(), prev) == kVerbal.end();
    }
    if (w != "on" && w != "early" && w != "late" && w != "this") return false;
    end = b;
  }
  return false;
}

bool HasWordAt(std::string_view s, std::size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
  }
  const std::size_t end = i + word.size();
  return end == s.size() || !std::isalnum(static_cast<unsigned char>(s[end]));
}

// True when `s` says "in the capital" (in/near/outside/around, then "the
// capital", "this capital" or "the country's capital"): the capital of the
// country the document is about.
bool NamesTheCapital(std::string_view s) {
  static constexpr std::string_view kPhrases[] = {
      "in the capital",    "in this capital",     "in the country's capital",
      "near the capital",  "outside the capital", "around the capital",
      "near this capital", "outside this capital"};
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
    for (std::string_view p : kPhrases)
      if (HasWordAt(s, i, p)) return true;
  }
  return false;
}

// True when the word at `i` reads as the finite verb of a clause: a past
// tense in -ed or a common irregular or auxiliary verb ("attacked", "said",
// "was", "fled"). A comma before it ends a relative clause; a comma before
// "including", "prompting" or "just months after" does not.
bool FiniteVerbAt(std::string_view s, std::size_t i) {
  std::size_t e = i;
  while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
  if (e - i < 2) return false;
  std::string w;
  for (std::size_t k = i; k < e; ++k)
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) {
    // Not a list of participles: "who was kidnapped, tortured and murdered".
    std::size_t n = e;
    while (n < s.size() && s[n] == ' ') ++n;
    return !(n < s.size() && s[n] == ',') && !HasWordAt(s, n, "and") && !HasWordAt(s, n, "or");
  }
  static constexpr std::array<std::string_view, 44> kVerbs = {
      "said",  "says",  "was",   "were",  "is",    "are",   "has",    "have",   "had",
      "will",  "would", "can",   "could", "may",   "might", "must",   "should", "did",
      "does",  "told",  "took",  "fled",  "led",   "won",   "hit",    "shot",   "fought",
      "made",  "came",  "went",  "left",  "began", "sent",  "struck", "seized", "blew",
      "broke", "drove", "stood", "held",  "kept",  "gave",  "threw",  "overran"};
  for (std::string_view v : kVerbs)
    if (w == v) return true;
  return false;
}

// A colon between digits ("3:50 am", "at 10:30 on Saturday", a 2:1 score)
// writes a clock time or a ratio, not the end of a clause: the day after it
// still dates the act before it ("the shooting happened at 3:50 am Saturday").
bool ClockColon(std::string_view s, std::size_t i) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return i > 0 && i + 1 < s.size() && digit(s[i - 1]) && digit(s[i + 1]);
}

// The lower-cased words of the clause before a trigger: at most `reach`
// bytes back from `tb`, not before the sentence start `sb`, cut after the
// last comma, semicolon, colon, full stop or bracket. Empty when `tb <= sb`.
std::string LowerClauseBefore(std::string_view text, std::size_t sb, std::size_t tb,
                              std::size_t reach) {
  if (tb <= sb) return {};
  const std::size_t from = tb > sb + reach ? tb - reach : sb;
  std::string s = LowerRange(text, from, tb);
  if (const std::size_t cut = s.find_last_of(",;:.()"); cut != std::string::npos)
    s.erase(0, cut + 1);
  return s;
}

// A time phrase that names the occasion an act came before, after "ahead
// of", "prepares for", "in the run-up to", "on the eve of" … with at most two
// words between and no comma ("raids came as the capital prepares for its
// national holiday", "strikes ahead of Friday's summit"): the occasion
// lies after the act, so it does not date it (h-evdate25). A phrase that
// holds the eve itself ("on the eve of the new year") is a date rule's.
bool OccasionAhead(std::string_view text, std::size_t sb, std::size_t tb) {
  const std::string s = LowerClauseBefore(text, sb, tb, 60);
  const auto words = Tokens(s);
  static constexpr std::array<std::string_view, 7> kLeads = {
      "ahead of",  "prepares for", "preparing for", "prepared for",
      "run-up to", "lead-up to",   "eve of"};
  const std::size_t n = words.size();
  for (std::size_t k = n > 3 ? n - 3 : 1; k < n; ++k) {
    std::string pair(words[k - 1]);
    pair += ' ';
    pair += words[k];
    for (std::string_view lead : kLeads)
      if (pair == lead) return true;
  }
  return false;
}

// A time phrase that a court proceeding's verb governs ("when the
// sentencing hearing starts on Tuesday", "a brief court appearance is due on
// Friday for the man accused of shooting …"): the day of the hearing, not of
// the act it tries (h-evdate25). The noun in the nine words before the
// phrase, its verb at most six after it, no comma between.
bool ProceedingDay(std::string_view text, std::size_t sb, std::size_t tb) {
  const std::string s = LowerClauseBefore(text, sb, tb, 80);
  const auto words = Tokens(s);
  static constexpr std::array<std::string_view, 8> kNouns = {
      "hearing",     "hearings",   "trial",   "sentencing",
      "arraignment", "appearance", "inquest", "retrial"};
  static constexpr std::array<std::string_view, 15> kVerbs = {
      "begins", "began", "starts", "started", "opens", "opened", "resumes", "scheduled",
      "set",    "due",   "slated", "begin",   "start", "open",   "resume"};
  const std::size_t n = words.size();
  // The noun and its verb at most six words apart ("the trial of the
  // accused driver is slated to begin Monday"; h-evdate26: three before).
  for (std::size_t k = n > 9 ? n - 9 : 0; k < n; ++k) {
    if (std::find(kNouns.begin(), kNouns.end(), words[k]) == kNouns.end()) continue;
    for (std::size_t q = k + 1; q < n && q <= k + 6; ++q)
      if (std::find(kVerbs.begin(), kVerbs.end(), words[q]) != kVerbs.end()) return true;
  }
  // A proceeding still to come on the phrase's day: "is set to be arraigned
  // Monday", "will be sentenced on Friday" (h-evdate26).
  static constexpr std::array<std::string_view, 4> kDone = {"arraigned", "sentenced", "tried",
                                                            "executed"};
  for (std::size_t k = n > 3 ? n - 3 : 1; k < n; ++k)
    if (words[k - 1] == "be" && std::find(kDone.begin(), kDone.end(), words[k]) != kDone.end())
      return true;
  return false;
}

Clauses SplitClauses(std::string_view text, std::size_t begin, std::size_t end) {
  Clauses c;
  c.base = begin;
  const std::string_view s = Slice(text, begin, end);
  c.id.assign(s.size(), 0);
  c.parent.push_back(-1);
  c.kind.push_back(0);
  std::vector<int> stack{0};
  // A non-restrictive relative clause (", who …," / ", which …,") ends at a
  // comma before a finite verb: "Fighters, who had been dismissed in April,
  // attacked a post on Friday" goes on in the clause it interrupted.
  // resume[id] is that clause (-1: the clause does not end at a comma).
  std::vector<int> resume{-1};
  bool in_dash = false;
  const auto open = [&](int kind) {
    c.parent.push_back(stack.back());
    c.kind.push_back(kind);
    resume.push_back(-1);
    stack.push_back(static_cast<int>(c.parent.size()) - 1);
  };
  const auto next_sibling = [&](int kind, int resume_to) {
    const int parent = c.parent[static_cast<std::size_t>(stack.back())];
    c.parent.push_back(parent);
    c.kind.push_back(kind);
    resume.push_back(resume_to);
    stack.back() = static_cast<int>(c.parent.size()) - 1;
  };
  static constexpr std::array<std::string_view, 9> kOpeners = {
      "which", "who", "where", "when", "while", "whereas", "although", "though", "but"};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    // A dash set off by spaces: " - ", " – " (E2 80 93), " — " (E2 80 94).
    std::size_t dash = 0;
    if (i > 0 && s[i - 1] == ' ') {
      if (ch == '-' && i + 1 < s.size() && s[i + 1] == ' ') dash = 1;
      if (static_cast<unsigned char>(ch) == 0xE2 && i + 3 < s.size() &&
          static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
           static_cast<unsigned char>(s[i + 2]) == 0x94) &&
          s[i + 3] == ' ') {
        dash = 3;
      }
    }
    if (ch == '(') {
      open(1);
    } else if (ch == ')' && stack.size() > 1) {
      c.id[i] = stack.back();
      stack.pop_back();
      continue;
    } else if (dash) {
      if (in_dash && stack.size() > 1) {
        for (std::size_t k = 0; k < dash; ++k) c.id[i + k] = stack.back();
        stack.pop_back();
        in_dash = false;
        i += dash - 1;
        continue;
      }
      open(1);
      in_dash = true;
    } else if (ch == ';' || (ch == ':' && !ClockColon(s, i))) {
      next_sibling(0, -1);
    } else if (ch == ',' || ch == ' ') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      // A comma that ends a relative clause belongs to it; one that opens a
      // clause belongs to the new clause.
      const int here = stack.back();
      if (ch == ',' && resume[static_cast<std::size_t>(here)] >= 0 && FiniteVerbAt(s, j))
        stack.back() = resume[static_cast<std::size_t>(here)];
      bool opened = false;
      for (std::string_view w : kOpeners) {
        if (HasWordAt(s, j, w) && (ch == ',' || w == "but" || w == "whereas")) {
          if (ch == ' ' && w == "but" && ButJoinsAdjectives(s, i, j)) break;
          const bool relative = ch == ',' && (w == "who" || w == "which");
          next_sibling(2, relative ? stack.back() : -1);
          opened = true;
          break;
        }
      }
      c.id[i] = opened ? stack.back() : here;
      continue;
    }
    c.id[i] = stack.back();
  }
  return c;
}

// h-places8: the land a nationality word names (LandDemonymPlace) in the
// clause of the trigger at `at`, else, when `whole` (the sentence names no
// place), in the whole sentence `[begin, end)`.
const Place* LandOfClause(std::string_view text, std::size_t begin, std::size_t end,
                          const Clauses& clauses, int clause, std::size_t at, bool whole,
                          const Gazetteer& places, bool own_soil) {
  std::size_t cb = at;
  std::size_t ce = at;
  while (cb > begin && clauses.At(cb - 1) == clause) --cb;
  while (ce < end && clauses.At(ce) == clause) ++ce;
  // h-places9: a comma before a speaker's participle ("…, alleging fire
  // toward Osterlichian land") or before "after" ("…, a day after strikes on
  // Osterlichian towns") opens another act's words: the land they name is
  // not this trigger's.
  static constexpr std::string_view kTails[] = {
      "alleging",   "claiming",    "accusing",     "saying",      "after",        "a day after",
      "days after", "hours after", "a week after", "weeks after", "the day after"};
  const auto trim = [&](std::size_t& b, std::size_t& e) {
    for (std::size_t i = b; i < e; ++i) {
      if (text[i] != ',') continue;
      std::size_t j = i + 1;
      while (j < e && text[j] == ' ') ++j;
      bool tail = false;
      for (std::string_view t : kTails) tail = tail || HasWordAt(text, j, t);
      if (!tail) continue;
      if (i < at) {
        b = i + 1;
      } else {
        e = i;
        break;
      }
    }
  };
  trim(cb, ce);
  if (const Place* p = LandDemonymPlace(Slice(text, cb, ce), places, own_soil)) return p;
  if (!whole) return nullptr;
  trim(begin, end);
  return LandDemonymPlace(Slice(text, begin, end), places, own_soil);
}

// h-places14: a people harmed on its own land. For a killing, a toll or an
// abduction whose sentence and fallbacks give no place, a plural nationality
// noun within a few words of the trigger ("militants killed scores of
// Osterlichians", "40 Ruritanians were abducted") names the state whose land
// the harm fell on, when the document names that state at least as often as
// any other (nationals abroad are news where their host state is named
// more: "three Ruritanians died in the Osterlich quake"). Two peoples near
// the trigger ("90 Ruritanians and 40 Osterlichians killed") give none.
const Place* VictimPeoplePlace(std::string_view text, std::size_t begin, std::size_t end,
                               std::size_t trigger_begin, std::size_t trigger_end,
                               const Gazetteer& places, const CountryCounts& hint) {
  constexpr std::size_t kNear = 48;  // bytes between the trigger and the noun
  const std::size_t from = trigger_begin > begin + kNear ? trigger_begin - kNear : begin;
  const std::size_t to = std::min(end, trigger_end + kNear);
  const Place* found = nullptr;
  std::size_t i = from;
  // Starting inside a word: skip to its end.
  while (i > begin && i < to && std::isalpha(static_cast<unsigned char>(text[i - 1])) &&
         std::isalpha(static_cast<unsigned char>(text[i])))
    ++i;
  while (i < to) {
    const std::size_t j = NextLetterRun(text, &i);
    if (i >= to) break;
    const std::string_view w = Slice(text, i, j);
    const bool glued = (i > 0 && (text[i - 1] == '-' || text[i - 1] == '\'')) ||
                       (j < text.size() && (text[j] == '-' || text[j] == '\''));
    i = j;
    if (glued || w.size() < 6 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'a' || w[1] > 'z' ||
        w.back() != 's')
      continue;
    const Place* hit = DemonymPlace(w, places, false);
    if (hit == nullptr) continue;
    if (found != nullptr && found->country != hit->country) return nullptr;
    found = hit;
  }
  if (found == nullptr) return nullptr;
  int own = 0, most = 0;
  for (const auto& [country, n] : hint) {
    if (country == found->country) own = n;
    most = std::max(most, n);
  }
  return own > 0 && own >= most ? found : nullptr;
}

// A live blog's post stamp ("6 Mar 2022 03.14", often glued: "6 Mar 202203.14",
// "Updated at 09.40 GMT 3 Apr 202209.12"): the date is followed by a year run
// into a clock time. It opens the next post, so it never dates what precedes it.
bool IsPostStamp(std::string_view text, std::size_t end, std::size_t limit) {
  std::size_t i = end;
  while (i < limit && text[i] == ' ') ++i;
  std::size_t digits = 0;
  while (i < limit && std::isdigit(static_cast<unsigned char>(text[i]))) {
    ++digits;
    ++i;
  }
  if (digits < 5 || digits > 6 || i + 2 >= limit) return false;
  if (text[i] != '.' && text[i] != ':') return false;
  return std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
         std::isdigit(static_cast<unsigned char>(text[i + 2]));
}

// A negation governs the predicate right after it ("did not shell",
// "has never been attacked", "there were no reports of shelling"), not an
// event further on in its clause: "the town is not occupied by troops but
// saw heavy shelling", "no one was hurt in the attack", "did not respond to
// the attacks". The words between the cue and the trigger: at most three,
// no punctuation, and none that opens another phrase or clause.
bool NegationReaches(std::string_view gap) {
  if (gap.find_first_of(",;:()\"") != std::string_view::npos) return false;
  if (gap.find("\xE2\x80\x94") != std::string_view::npos) return false;  // an em dash
  // Adverbs and "been able to" do not open another predicate: "had not
  // yet been able to resupply", "has not yet been shelled".
  static constexpr std::array<std::string_view, 17> kTransparent = {
      "so",   "far",  "yet",      "been", "be",    "being",       "able",  "allowed",   "managed",
      "even", "ever", "actually", "also", "still", "immediately", "fully", "officially"};
  std::vector<std::string> words;
  for (std::string_view w : Tokens(gap)) {
    std::string low(w);
    for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (low == "to" && !words.empty() &&
        (words.back() == "able" || words.back() == "allowed" || words.back() == "managed")) {
      words.back() = "be";  // "able to" is no opener
      continue;
    }
    words.push_back(std::move(low));
  }
  std::size_t counted = 0;
  for (const std::string& w : words)
    if (std::find(kTransparent.begin(), kTransparent.end(), w) == kTransparent.end()) ++counted;
  if (counted > 3) return false;
  static constexpr std::array<std::string_view, 22> kOpeners = {
      "but",   "and", "or",    "although", "though", "after", "before", "when",
      "while", "as",  "since", "because",  "which",  "who",   "that",   "where",
      "in",    "at",  "on",    "during",   "near",   "to"};
  for (const std::string& w : words)
    if (std::find(kOpeners.begin(), kOpeners.end(), w) != kOpeners.end()) return false;
  return true;
}

// A legal or investigative act that governs the trigger as its object:
// "charged with the killings of six relatives", "an investigation into the
// killing of 60 people", "accused of kidnapping a woman". The act it names
// (the charge, the inquiry, the trial) comes after the event, so the event
// without a phrase of its own lies before publication. At most six words
// between the cue's preposition and the trigger, none of them a finite verb,
// and no comma, semicolon or colon. Returns where the cue's preposition
// begins in `text`, or npos. `cb` is the start of the trigger's clause.
// (Setting aside a phrase before the cue as the act's, "were charged on
// Monday with the murder", was tried: right on RSS, but MUC-4 DEV date%
// 87.3 -> 87.0, wire reports of same-day arrests and charges.)
// The trigger at `tb` (its first three words) names a crime against a
// person, not a scene of arrests: shooting, killing, murder, stabbing,
// slaying, death, bombing, blast, kidnapping, abduction, massacre.
bool NamesCrime(std::string_view text, std::size_t tb) {
  // h-evdate18: "attack" and "assault" too ("arrested in alleged gym attack").
  static constexpr std::array<std::string_view, 13> kCrimes = {
      "shooting", "killing",    "murder",    "stabbing", "slaying", "death",  "bombing",
      "blast",    "kidnapping", "abduction", "massacre", "attack",  "assault"};
  const auto words = Tokens(text.substr(tb, std::min<std::size_t>(40, text.size() - tb)));
  for (std::size_t k = 0; k < words.size() && k < 3; ++k) {
    std::string w;
    for (char ch : words[k]) w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!w.empty() && w.back() == 's') w.pop_back();
    if (std::find(kCrimes.begin(), kCrimes.end(), w) != kCrimes.end()) return true;
  }
  return false;
}

std::size_t LegalCueBefore(std::string_view text, std::size_t cb, std::size_t tb,
                           bool arrest_in_only = false) {
  if (tb <= cb) return std::string_view::npos;
  const std::string s = LowerRange(text, cb, tb);
  // The act's word, then its preposition; up to four words may stand
  // between them ("charged on Monday with the murder").
  struct Cue {
    std::string_view head, preps;
  };
  // h-evdate8: "charged in the death of", "convicted in the killings",
  // "pleaded guilty in", "on charges of / for", "his conviction for", "on
  // suspicion of", "in connection with / to", "arrest over", "detained
  // over" (US and UK crime news). Not "arrested in" or "detained in": "in a
  // raid", "in a crackdown", "in protests" tell the arrest's own scene.
  // h-evdate17: "a bias crime for stabbing a clerk", "war crimes for
  // overseeing the removal of children", "a bias crime in the stabbing of".
  // h-evdate22: the punishment of an act ("executed for stabbing a guard",
  // "life in prison for killing a courier", "a 40-year sentence for the
  // raid", "guilty over the bombing").
  static constexpr std::array<Cue, 34> kCues = {{{"charged", "with over in"},
                                                 {"executed", "for over"},
                                                 {"execution", "for over"},
                                                 {"sentence", "for over"},
                                                 {"sentences", "for over"},
                                                 {"prison", "for over"},
                                                 {"crime", "for over in"},
                                                 {"crimes", "for over in"},
                                                 {"charges", "over of for"},
                                                 {"accused", "of"},
                                                 {"convicted", "of over in"},
                                                 {"conviction", "for over in"},
                                                 {"convictions", "for over in"},
                                                 {"guilty", "of to in over"},
                                                 {"acquitted", "of"},
                                                 {"cleared", "of"},
                                                 {"investigation", "into"},
                                                 {"investigations", "into"},
                                                 {"inquiry", "into"},
                                                 {"inquest", "into"},
                                                 {"probe", "into"},
                                                 {"trial", "for over"},
                                                 {"tried", "for"},
                                                 {"sentenced", "for over in"},
                                                 {"jailed", "for over"},
                                                 {"arrested", "for over in"},
                                                 {"arrest", "over in"},
                                                 {"arrests", "in"},
                                                 {"detained", "over"},
                                                 {"suspected", "of"},
                                                 {"suspicion", "of"},
                                                 {"indicted", "for over in"},
                                                 {"connection", "with to"}}};
  const auto words = Tokens(s);
  // Word k's offset in s (Tokens gives views into s).
  const auto at = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  const std::size_t n = words.size();
  std::size_t found = std::string_view::npos;
  for (std::size_t k = n > 16 ? n - 16 : 0; k < n; ++k) {
    for (const Cue& cue : kCues) {
      if (words[k] != cue.head) continue;
      // "accused of" names a charge only with "of" right after it: "the
      // Kremlin accused Kyiv of shelling …" is a side's claim about a
      // fresh event, told on the day.
      // "crime(s)" too: "rising crime and calls for prosecuting …" is no
      // charge.
      // "sentenced to 16 years in prison for …", "jailed for life over …":
      // the term stands between (h-evdate22).
      const std::size_t reach = (cue.head == "accused" || cue.head == "suspected" ||
                                 cue.head == "crime" || cue.head == "crimes")
                                    ? k + 1
                                : (cue.head == "sentenced" || cue.head == "jailed") ? k + 8
                                                                                    : k + 5;
      for (std::size_t p = k + 1; p < n && p <= reach; ++p) {
        bool prep = false;
        for (std::string_view w : Tokens(cue.preps))
          if (words[p] == w) prep = true;
        // "in" only right after the head ("charged in the death"), not
        // "given a life term in prison for the shooting" (h-evdate8).
        if (!prep || (words[p] == "in" && p != k + 1)) continue;
        // "arrested in" / "arrest in" only before a crime's noun ("arrested
        // in the stabbing", "makes a second arrest in the shooting"; h-evdate13):
        // "in a raid", "in a crackdown", "in protests" tell the arrest's own
        // scene (h-evdate8).
        const bool arrest_in = words[p] == "in" && cue.head.substr(0, 6) == "arrest";
        if (arrest_in_only && !arrest_in) continue;
        if (arrest_in) {
          // The crime's noun phrase follows "in" at once: not "arrested in
          // Bath after the stabbing" (a place, then another preposition).
          bool other = n - p - 1 > 3 || (p + 1 < n && words[p + 1] == "connection");
          for (std::size_t q = p + 1; q < n; ++q)
            if (words[q] == "after" || words[q] == "following" || words[q] == "over" ||
                words[q] == "for")
              other = true;
          if (other || !NamesCrime(text, tb)) continue;
        }
        // From the preposition to the trigger: at most six words, no clause
        // punctuation, no finite verb.
        const std::size_t after = at(p) + words[p].size();
        const std::string_view gap = std::string_view(s).substr(after);
        if (std::string_view(s).substr(at(k), after - at(k)).find_first_of(",;:") !=
                std::string_view::npos ||
            gap.find_first_of(",;:") != std::string_view::npos || n - p - 1 > 6)
          break;
        // An -ed word right after a determiner or the cue's preposition,
        // or after an -ly adverb that follows one, qualifies the noun: "in
        // alleged gym attack", "for a racially motivated stabbing"
        // (h-evdate18); not a finite verb.
        const auto attributive = [&](std::size_t q) {
          static constexpr std::array<std::string_view, 12> kBefore = {
              "a", "an", "the", "his", "her", "their", "its", "in", "for", "of", "over", "with"};
          const auto is_before = [&](std::size_t r) {
            return std::find(kBefore.begin(), kBefore.end(), words[r]) != kBefore.end();
          };
          if (words[q].size() < 5 || !words[q].ends_with("ed") || q == 0) return false;
          if (is_before(q - 1)) return true;
          return q >= 2 && words[q - 1].size() > 4 && words[q - 1].ends_with("ly") &&
                 is_before(q - 2);
        };
        bool verb = false;
        for (std::size_t q = p + 1; q < n; ++q)
          if (FiniteVerbAt(s, at(q)) && !attributive(q)) verb = true;
        if (!verb) found = cb + at(p);
        break;
      }
    }
  }
  return found;
}

// A noun or phrase that names what came of an earlier event governs the
// trigger as its object: "the victims of the attack", "families of marines
// killed in the bombing", "the site of the explosion", "the perpetrators of
// the massacre", "the suspect in the shooting", "those behind the killings",
// "in retaliation for the raids", "in response to the attacks". (Not "claimed
// responsibility for": a claim mostly follows a fresh act within the day.)
// The event comes before what it left, so without a phrase of its own it
// lies before publication. At most six words between the cue and the
// trigger, no comma, semicolon or colon, and no auxiliary or saying verb
// (a participle is allowed: "marines killed in"). Returns true when found.
// `cb` is the start of the trigger's clause.
bool AftermathCueBefore(const ContextWords& cues, std::string_view text, std::size_t cb,
                        std::size_t tb, bool recording = false) {
  if (tb <= cb) return false;
  const std::string s = LowerRange(text, cb, tb);
  // The cues are the AFTERMATH_CUE lexicon (rules/lexicons/aftermath_cue.txt:
  // "victims of", "the aftermath of", "linked to", "behind"…) and, with
  // `recording`, the RECORDING_CUE one (recording_cue.txt, h-evdate7): a
  // recording is made of an event, so comes after it too ("footage of the
  // shooting", "video shows the raid", "CCTV showing the strike").
  static constexpr std::array<std::string_view, 14> kBlock = {"said", "says", "was",  "were", "is",
                                                              "are",  "has",  "have", "had",  "did",
                                                              "does", "told", "who",  "that"};
  // An act told as still going on is no earlier act: "those responsible for
  // the ongoing shelling" (h-muc21).
  static constexpr std::array<std::string_view, 3> kOngoing = {"ongoing", "continuing", "current"};
  static constexpr std::array<std::string_view, 6> kPresent = {"is",     "are",     "am",
                                                               "remain", "remains", "been"};
  const auto words = Tokens(s);
  const auto at = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  const std::size_t n = words.size();
  std::string pair;
  for (std::size_t k = n > 8 ? n - 8 : 0; k < n; ++k) {
    // A cue of one word (the head is the preposition: "behind") or of two
    // (a head and its preposition: "victims of").
    for (std::size_t p = k; p < n && p <= k + 1; ++p) {
      if (p == k) {
        if (!cues.IsAftermathCue(words[k], recording)) continue;
        // "fell behind", "left behind": no noun before "behind".
        if (words[k] == "behind" &&
            (k == 0 || words[k - 1] == "fell" || words[k - 1] == "left" || words[k - 1] == "from"))
          continue;
      } else {
        pair.assign(words[k]);
        pair += ' ';
        pair += words[p];
        if (!cues.IsAftermathCue(pair, recording)) continue;
        // "a family of five killed", "father of two shot dead": a relative
        // with a count is the victim itself (h-evdate24).
        static constexpr std::array<std::string_view, 10> kKin = {
            "family", "mother",   "father", "brother", "sister",
            "son",    "daughter", "wife",   "husband", "relative"};
        if (words[p] == "of" && p + 1 < n &&
            std::find(kKin.begin(), kKin.end(), words[k]) != kKin.end() && words[p + 1] != "a" &&
            words[p + 1] != "an" &&
            (ParseNumber(words[p + 1]) || words[p + 1] == "several" || words[p + 1] == "many"))
          continue;
      }
      if (n - p - 1 > 6) continue;
      // A participle head after a present or perfect copula names a state
      // that holds now, not what an earlier act left: "the group is heavily
      // involved in the fighting", "has been involved in the protests"
      // (h-muc21). "the men involved in the killing" stays a cue. Only a
      // participle of taking part: "queues are caused by the shelling",
      // "the arrest is linked to the bombing" name an act that came first.
      if (p > k && words[k] == "involved") {
        bool present = false;
        for (std::size_t q = k > 2 ? k - 2 : 0; q < k; ++q)
          if (std::find(kPresent.begin(), kPresent.end(), words[q]) != kPresent.end())
            present = true;
        if (present) continue;
      }
      const std::size_t after = at(p) + words[p].size();
      if (std::string_view(s).substr(after).find_first_of(",;:") != std::string_view::npos)
        continue;
      bool blocked = false;
      for (std::size_t q = p + 1; q < n; ++q)
        if (std::find(kBlock.begin(), kBlock.end(), words[q]) != kBlock.end() ||
            std::find(kOngoing.begin(), kOngoing.end(), words[q]) != kOngoing.end())
          blocked = true;
      if (!blocked) return true;
    }
  }
  return false;
}

// The words from `words[first]` up to the trigger at `t0` hold no comma,
// semicolon or colon (from byte `after` of `s`) and no finite verb: they stay
// one phrase with the trigger. Used by the "after" cues below.
bool OnePhraseToTrigger(std::string_view s, const std::vector<std::string_view>& words,
                        std::size_t first, std::size_t after, std::size_t t0) {
  if (s.substr(after, t0 - after).find_first_of(",;:") != std::string_view::npos) return false;
  for (std::size_t q = first; q < words.size(); ++q)
    if (FiniteVerbAt(s, static_cast<std::size_t>(words[q].data() - s.data()))) return false;
  return true;
}

// An act told after "after" or "following" in a sentence whose main verb,
// before that word, is an arrest, a charge, a sentence, a death or a
// reaction: "police arrested a teenager after a woman was stabbed", "the
// guard died on Monday after a gun attack", "the mayor apologised after the
// raid on the shelter" (h-evdate12). The act came first: it lies at or
// before the main verb's day. The verb at most twelve words before "after"
// (no semicolon, colon or other "after" between), the trigger at most eight
// words after it, no comma between them; not "hours after", "shortly
// after", "soon after", "moments after" (the same day), nor a clause about
// the future or a possibility between the verb and the trigger. Returns
// where "after" / "following" begins in `text`, or npos. `sb` is the
// sentence start, `tb` the trigger.
std::size_t AftermathVerbAfter(std::string_view text, std::size_t sb, std::size_t tb, bool* arrest,
                               bool* reaction_verb) {
  if (tb <= sb) return std::string_view::npos;
  const std::size_t from = tb - sb > 200 ? tb - 200 : sb;
  const std::string s = LowerRange(text, from, tb);
  const auto words = Tokens(s);
  const std::size_t n = words.size();
  const auto pos = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  // Commemorations and pleas too (h-evdate26): "friends paid tribute to a
  // father after he was stabbed", "a vigil was held after the shooting",
  // "he pleaded guilty after the raid on the depot".
  static constexpr std::array<std::string_view, 47> kVerbs = {
      "arrested",  "arrests",   "detained",   "charged",      "jailed",     "sentenced",
      "convicted", "indicted",  "imprisoned", "remanded",     "extradited", "deported",
      "mourned",   "mourn",     "mourns",     "buried",       "condemned",  "condemns",
      "denounced", "denounces", "apologised", "apologized",   "apologises", "apologizes",
      "sued",      "sues",      "suspended",  "expelled",     "resigned",   "resigns",
      "pardoned",  "fined",     "questioned", "quizzed",      "prosecuted", "acquitted",
      "honoured",  "honored",   "tribute",    "tributes",     "vigil",      "vigils",
      "pleaded",   "pleads",    "remembered", "commemorated", "grieving"};
  // Sayings and public reactions (h-evdate16): "the minister declared an
  // emergency after rioters burned …", "the envoy says the talks must go on
  // after the assault on the convoy", "the decision comes after a spate of
  // raids". Not when a harm lies between the verb and "after": the harm is
  // the news and the act after "after" its cause, most often that day
  // ("officials said two guards were killed after gunmen attacked …"), nor
  // with a comma between the verb and "after". Not when a phrase dates the saying ("declared a
  // curfew on Sunday after gunmen attacked …"): the caller keeps that day for both
  // (`reaction_verb`).
  // A post is a saying ("tweeted", "posted", "wrote"), and unrest a public
  // reaction ("riots after police shot a driver", "protesters took to the
  // streets following the killing"; h-evdate26).
  static constexpr std::array<std::string_view, 33> kReactions = {
      "said",      "says",       "declared", "declares", "announced", "announces", "warned",
      "warns",     "vowed",      "vows",     "urged",    "urges",     "comes",     "gathered",
      "rallied",   "marched",    "pledged",  "tweeted",  "posted",    "wrote",     "protests",
      "protested", "protesting", "clashes",  "clashed",  "riots",     "rioted",    "rioting",
      "unrest",    "erupted",    "erupt",    "streets",  "outrage"};
  static constexpr std::array<std::string_view, 8> kHarm = {
      "killed", "wounded", "injured", "hurt", "died", "dead", "shot", "stabbed"};
  static constexpr std::array<std::string_view, 7> kSameDay = {
      "hours", "hour", "minutes", "shortly", "soon", "moments", "immediately"};
  static constexpr std::array<std::string_view, 8> kIrrealis = {
      "will", "would", "could", "may", "might", "should", "if", "won't"};
  const auto in = [](auto const& set, std::string_view w) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  // The last "after" / "following" at most eight words before the trigger;
  // twelve under a verb of a proceeding or a commemoration ("a youth was
  // remanded after three pensioners and their carer were hurt in a knife
  // attack", h-evdate26), not under a saying or a reaction.
  std::size_t a = n;
  for (std::size_t k = n; k-- > 0 && n - k <= 12;) {
    if (words[k] == "after" || words[k] == "following") {
      a = k;
      break;
    }
  }
  if (a == n || a == 0) return std::string_view::npos;
  if (in(kSameDay, words[a - 1])) return std::string_view::npos;
  if (std::string_view(s).substr(pos(a)).find_first_of(",;:") != std::string_view::npos)
    return std::string_view::npos;
  // The main verb before it, at most twelve words back.
  for (std::size_t k = a; k-- > 0 && a - k <= 12;) {
    const std::string_view w = words[k];
    if (w == "after" || w == "following") break;
    if (in(kIrrealis, w)) return std::string_view::npos;
    const bool reaction = in(kReactions, w);
    if (reaction) {
      for (std::size_t q = k + 1; q < a; ++q)
        if (in(kHarm, words[q])) return std::string_view::npos;
      // The saying governs "after" itself: no comma between ("…, said
      // medical sources at the hospital, where he was taken after the
      // attack" tells the day's attack).
      if (std::string_view(s).substr(pos(k), pos(a) - pos(k)).find(',') != std::string_view::npos)
        return std::string_view::npos;
    }
    if (reaction && n - a > 8) return std::string_view::npos;
    if (in(kVerbs, w) || reaction) {
      if (std::string_view(s).substr(pos(k), pos(a) - pos(k)).find_first_of(";:") !=
          std::string_view::npos)
        return std::string_view::npos;
      // No modal in the verb group ("will be charged after") nor in the
      // words after "after".
      for (std::size_t q = k > 3 ? k - 3 : 0; q < k; ++q)
        if (in(kIrrealis, words[q])) return std::string_view::npos;
      for (std::size_t q = a + 1; q < n; ++q)
        if (in(kIrrealis, words[q])) return std::string_view::npos;
      *arrest = w == "arrested" || w == "arrests" || w == "detained";
      *reaction_verb = reaction;
      return from + pos(a);
    }
  }
  return std::string_view::npos;
}

// The act a "since" span names by its start: "since Saturday's attack",
// "since the Oct. 28 protest", "since the 7 October Hamas-led massacre",
// "since the 2021 coup" (h-evdate14). The span dates the clause it governs
// ("12,000 were arrested since the Oct. 28 protest"); the act inside it lies
// on the phrase's own day, month or year (`since_start`, dates.cpp). The
// trigger lies inside the phrase after "since", or right after it: a
// possessive and at most three more words, no clause punctuation, no finite
// verb and no word that opens another phrase ("since Oct. 7 when Hamas
// attacked", "since Saturday, troops have shelled" keep the span).
// A phrase bound to its noun ("the 2016 bombings", "the February murder")
// dates that noun only; it still dates a trigger whose "in" or "during"
// phrase holds the noun ("killed in the 2016 bombings", "police cars burned
// during 2020 protests"; h-evdate23). `gap` is the text between the trigger
// and the phrase.
bool BoundNounLends(std::string_view gap) {
  if (gap.find_first_of(",;:()\"") != std::string_view::npos) return false;
  const std::vector<std::string_view> words = Tokens(gap);
  if (words.empty() || words.size() > 6) return false;
  std::size_t i = words.size();
  const std::string last = Lower(words[i - 1]);
  const bool det = last == "the" || last == "its" || last == "their" || last == "his" ||
                   last == "her" || last == "a" || last == "an" || last == "this" ||
                   last == "that" || last.ends_with("'s") || last.ends_with("\u2019s");
  if (det) --i;
  if (i == 0) return false;
  const std::string prep = Lower(words[i - 1]);
  return prep == "in" || prep == "during";
}

// A written day right before an attack noun, with at most two capitalised
// names or one modifier between, after a determiner, a possessive or a
// preposition ("the January 6 Capitol attack", "the Oct. 7 Hamas terror
// attacks", "Defined by Oct. 7 Attack"): the noun's own date, whatever other
// phrase its clause holds ("… will vote next week", "… a year ago";
// h-evdate23). The phrase stays free for the clause's other triggers.
bool OwnDayModifier(std::string_view text, std::size_t sentence_begin, const TimeExpr& t,
                    std::size_t tb, std::size_t te) {
  if (t.end > tb || tb - t.end > 40 || !t.resolved || !t.interval.end) return false;
  const std::string noun = Lower(TrimSpace(Slice(text, tb, te)));
  static constexpr std::array<std::string_view, 12> kNouns = {
      "attack",   "attacks", "assault",   "massacre",   "raid",         "raids",
      "invasion", "rampage", "incursion", "atrocities", "insurrection", "terror attack"};
  if (std::find(kNouns.begin(), kNouns.end(), noun) == kNouns.end()) return false;
  const std::vector<std::string_view> between = Tokens(Slice(text, t.end, tb));
  if (Slice(text, t.end, tb).find_first_of(",;:()\"") != std::string_view::npos) return false;
  std::size_t names = 0, modifiers = 0;
  for (std::string_view w : between) {
    const std::string low = Lower(w);
    if (low == "th" || low == "st" || low == "nd" || low == "rd") continue;
    if (std::isupper(static_cast<unsigned char>(w.front()))) {
      ++names;
    } else if (low == "terror" || low == "terrorist" || low == "deadly" || low == "bloody" ||
               low == "surprise" || low == "militant" || low == "suicide") {
      ++modifiers;
    } else {
      return false;
    }
  }
  if (names > 2 || modifiers > 1) return false;
  // The phrase: a written day ("Oct. 7", "January 6"), or a deadline a
  // rule made of "by" and that day.
  const std::string_view own = TrimSpace(Slice(text, t.begin, t.end));
  const bool by = own.size() > 3 && Lower(own.substr(0, 3)) == "by ";
  if (!by && t.interval.precision != Precision::kDay) return false;
  if (by && t.interval.start) return false;
  if (!std::any_of(own.begin(), own.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return false;
  if (by) return true;
  std::size_t p = t.begin;
  while (p > sentence_begin && text[p - 1] == ' ') --p;
  std::size_t q = p;
  while (q > sentence_begin && text[q - 1] != ' ') --q;
  const std::string before = Lower(Slice(text, q, p));
  return before == "the" || before == "its" || before == "their" || before == "his" ||
         before == "her" || before == "of" || before == "for" || before == "over" ||
         before == "after" || before == "about" || before == "by" || before == "to" ||
         before.ends_with("'s") || before.ends_with("\u2019s");
}

bool SinceNamesTrigger(std::string_view text, const TimeExpr& t, std::size_t tb) {
  if (!t.since_start || !t.resolved || t.since_precision == Precision::kRange ||
      t.since_precision == Precision::kNone)
    return false;
  if (tb > t.begin && tb < t.end) return true;
  if (tb < t.end) return false;
  std::string_view gap = Slice(text, t.end, tb);
  if (gap.substr(0, 2) == "'s") gap.remove_prefix(2);
  if (gap.substr(0, 4) == "\xE2\x80\x99s") gap.remove_prefix(4);
  if (gap.find_first_of(",;:()") != std::string_view::npos || gap.size() > 40) return false;
  const auto words = Tokens(gap);
  if (words.size() > 3) return false;
  for (std::string_view word : words) {
    const std::size_t at = static_cast<std::size_t>(word.data() - text.data());
    const std::string w = LowerRange(text, at, at + word.size());
    static constexpr std::array<std::string_view, 22> kOpens = {
        "when", "as",  "and",  "or", "in",  "on",  "at",   "of",  "to",   "that", "which",
        "who",  "was", "were", "is", "are", "has", "have", "had", "with", "by",   "for"};
    if (std::find(kOpens.begin(), kOpens.end(), w) != kOpens.end()) return false;
    // A name or a compound modifier is no verb: "Hamas-led", "Israeli".
    const bool modifier = std::isupper(static_cast<unsigned char>(text[at])) ||
                          word.find('-') != std::string_view::npos;
    if (!modifier && FiniteVerbAt(text, at)) return false;
  }
  return true;
}

// A span of days or more after the trigger that no phrase anchors: "in the
// weeks after the bombing of the depot", "months after the bombing",
// "six years after the massacre" (h-evdate7). The event lies that far before
// something the text tells, so before now. At most four words between
// "after" and the trigger, no comma, semicolon or colon, no finite verb.
// Not hours or minutes (the same day). `s` is the lower-cased clause, `t0`
// the trigger's offset in it.
bool SpanAfterBefore(std::string_view s, std::size_t t0) {
  const std::size_t from = t0 > 60 ? t0 - 60 : 0;
  const auto words = Tokens(s.substr(from, t0 - from));
  const std::size_t n = words.size();
  for (std::size_t k = n > 5 ? n - 5 : 1; k < n; ++k) {
    // "weeks before the stabbing" too (h-evdate12): the clause tells
    // something that came that long before the act, in the past (no
    // future or possibility in the clause, TellsBackground), so the act
    // also lies before now.
    if (words[k] != "after" && words[k] != "before") continue;
    const std::string_view unit = words[k - 1];
    // A single week, month or year too ("a week after the bombing",
    // h-evdate10); not "a day after" (AnchoredOffset counts it).
    if (unit != "days" && unit != "weeks" && unit != "months" && unit != "years" &&
        unit != "decades" && unit != "week" && unit != "month" && unit != "year")
      continue;
    const std::size_t after =
        static_cast<std::size_t>(words[k].data() - s.data()) + words[k].size();
    if (OnePhraseToTrigger(s, words, k + 1, after, t0)) return true;
  }
  return false;
}

// The trigger stands in a "who" clause of a person whom the main verb, after
// it, arrests, charges, tries, sentences or frees: "the officer who killed a
// driver was found guilty", "activists who blocked the road were acquitted"
// (h-evdate12). The act came before the court's or the police's. "who" at
// most four words before the trigger (no modal between), the verb at most
// twenty words after it. `sb`..`se` is the sentence.
bool RelativeActUnderLegalVerb(std::string_view text, std::size_t sb, std::size_t se,
                               std::size_t tb, std::size_t te) {
  const auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  const std::size_t from = tb - sb > 40 ? tb - 40 : sb;
  const std::string before = lower(Slice(text, from, tb));
  const auto bw = Tokens(before);
  bool who = false;
  for (std::size_t k = bw.size() > 4 ? bw.size() - 4 : 0; k < bw.size(); ++k) {
    if (bw[k] == "who") who = true;
    if (who && (bw[k] == "will" || bw[k] == "would" || bw[k] == "could" || bw[k] == "may" ||
                bw[k] == "might" || bw[k] == "plotted" || bw[k] == "planned" || bw[k] == "tried"))
      return false;
  }
  if (!who) return false;
  const std::string after = lower(Slice(text, te, std::min(se, te + 160)));
  const auto aw = Tokens(after);
  static constexpr std::array<std::string_view, 18> kLegal = {
      "jailed",   "sentenced",  "convicted",  "charged",  "arrested",  "detained",
      "indicted", "extradited", "pleaded",    "pleads",   "acquitted", "guilty",
      "released", "freed",      "imprisoned", "appeared", "appears",   "remanded"};
  for (std::size_t k = 0; k < aw.size() && k < 20; ++k) {
    std::string_view w = aw[k];
    while (!w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?'))
      w.remove_suffix(1);
    if (std::find(kLegal.begin(), kLegal.end(), w) != kLegal.end()) return true;
  }
  return false;
}

// The trigger lies in the act a legal verb is about (h-evdate33): after a
// charge, a verdict, a plea, a denial or an admission whose complement is a
// gerund of the act ("a farmer accused of beating a worker and robbing two
// others", "charged with fatally shooting a guard", "pleaded guilty to
// setting fire to a mosque", "denies stabbing her neighbour"), the trigger
// is the gerund or a later word of its complement: the complement runs up to
// the first finite verb that is not a relative clause's ("accused of lending
// a rifle to a cousin who later ambushed a patrol after robbing a bank":
// both acts earlier; "a suspect accused of murder was shot dead by police":
// the shooting is the main clause's, the day's news). The act came before
// the charge or the plea. "accused of" and "suspected of" count only as a
// reduced relative or an adjective, not after an auxiliary ("the army was
// accused of shelling the town" is one side's claim about a fresh act); a
// denial or an admission only of a personal crime, in a sentence that names
// a court, a charge or a murder ("the state denied striking the port" is the
// day's news). `sb`..`se` is the sentence, `tb`..`te` the trigger.
bool LegalComplementAct(std::string_view text, std::size_t sb, std::size_t se, std::size_t tb,
                        std::size_t te) {
  if (tb <= sb || te > se) return false;
  const std::string s = LowerRange(text, sb, te);
  const std::string whole = LowerRange(text, sb, se);
  const auto words = Tokens(s);
  const auto at = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  const std::size_t t0 = tb - sb;
  static constexpr std::array<std::string_view, 9> kAux = {"is",   "are",   "was", "were", "be",
                                                           "been", "being", "has", "have"};
  static constexpr std::array<std::string_view, 14> kCrime = {
      "murdering",  "killing",   "stabbing",  "shooting", "raping",     "assaulting", "attacking",
      "kidnapping", "abducting", "torturing", "beating",  "strangling", "bombing",    "burning"};
  static constexpr std::array<std::string_view, 12> kCourt = {
      "court",   "trial",    "jury",   "judge",        "charged",   "charges",
      "pleaded", "prosecut", "murder", "manslaughter", "sentenced", "defendant"};
  const auto one_of = [](std::string_view w, const auto& list) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  // Not under a plan or a condition before the trigger ("will cut aid if
  // the state does not try those guilty of murdering …"), as in
  // TellsBackground.
  for (std::size_t k = 0; k < words.size() && at(k) < t0; ++k)
    for (std::string_view m : {"will", "would", "could", "may", "might", "should", "if", "won't"})
      if (words[k] == m) return false;
  for (std::size_t k = 0; k < words.size() && at(k) < t0; ++k) {
    const std::string_view w = words[k];
    const std::string_view next = k + 1 < words.size() ? words[k + 1] : std::string_view();
    std::size_t g = 0;  // the first word of the complement
    bool personal = false;
    if ((w == "charged" && next == "with") || (w == "convicted" && next == "of") ||
        (w == "guilty" && (next == "of" || next == "to")) || (w == "acquitted" && next == "of") ||
        (w == "confessed" && next == "to")) {
      g = k + 2;
    } else if ((w == "accused" || w == "suspected") && next == "of") {
      if (k > 0 && one_of(words[k - 1], kAux)) continue;
      g = k + 2;
    } else if (w == "denies" || w == "denied" || w == "deny" || w == "denying" || w == "admits" ||
               w == "admitted" || w == "admitting") {
      g = k + 1;
      personal = true;
    } else {
      continue;
    }
    // One adverb may stand before the gerund ("fatally", "allegedly").
    if (g < words.size() && words[g].size() > 4 && words[g].ends_with("ly")) ++g;
    // Or, after a charge or a verdict, the crime's noun ("charged with
    // murder in a feud during which he fired at a car").
    static constexpr std::array<std::string_view, 6> kCrimeNoun = {
        "murder", "murders", "manslaughter", "homicide", "arson", "terrorism"};
    const bool crime_noun = !personal && g < words.size() && one_of(words[g], kCrimeNoun);
    if (!crime_noun && (g >= words.size() || words[g].size() < 6 || !words[g].ends_with("ing")))
      continue;
    if (personal) {
      if (!one_of(words[g], kCrime)) continue;
      bool court = false;
      for (std::string_view c : kCourt)
        if (whole.find(c) != std::string::npos) court = true;
      if (!court) continue;
    }
    if (at(g) > t0) continue;
    // From the gerund to the trigger: no break, no finite verb of a main
    // clause (one right after who / which / that / where is the relative's).
    bool open = true;
    for (std::size_t q = g + 1; q < words.size() && at(q) < t0; ++q) {
      const std::string_view between = std::string_view(s).substr(at(q - 1), at(q) - at(q - 1));
      if (between.find_first_of(";:") != std::string_view::npos ||
          between.find("\xE2\x80\x94") != std::string_view::npos ||
          between.find(" - ") != std::string_view::npos) {
        open = false;
        break;
      }
      if (!FiniteVerbAt(s, at(q))) continue;
      const bool relative = (q >= 1 && (words[q - 1] == "who" || words[q - 1] == "which" ||
                                        words[q - 1] == "that" || words[q - 1] == "where")) ||
                            (q >= 2 && (words[q - 2] == "who" || words[q - 2] == "which" ||
                                        words[q - 2] == "that" || words[q - 2] == "where"));
      if (!relative) {
        open = false;
        break;
      }
    }
    if (open) return true;
  }
  return false;
}

// The trigger is the simple past or the past passive of a "who" clause
// that tells who a person is ("a farmer who burned a neighbour's barn was
// given a state funeral", "the student who was shot by guards was honoured",
// "conscripts who deserted the front now speak out"): the act came before what
// the sentence says of that person now (h-evdate15, widening
// RelativeActUnderLegalVerb to any main verb). "who", "who'd" at most four
// words before the trigger, with only was, were, had, been or an adverb in
// -ly between (no modal, no present: "who have been holding off the
// assault" is still going on); with nothing between, the trigger's first
// word a past form ("who killed", "who fled", not "who attacks"). Not when
// the sentence goes on with the same episode: a harm or a flight within
// twelve words after the trigger ("the man who stabbed two guards was shot
// by police", "a man who stabbed his brother phoned a neighbour before he
// died", "the men who shelled the depot fled across the river", "who was
// hurt in the blast was taken into surgery", "the rebels who attacked the
// post wore uniforms": wire copy tells the day's act so), or a
// harm in the six words before "who" ("police shot dead a suspect who held
// a boy hostage"). "that" or "which" counts only before "had" in the active
// voice (h-evdate28: "the group that had attacked the post"; not "that
// attacked", which wire copy writes of the day's act, nor "a bomb that had
// been planted … was defused": MUC-4 DEV date% 86.8 -> 86.7 with the passive).
// `sb`..`se` is the sentence.
bool RelativePastAct(std::string_view text, std::size_t sb, std::size_t se, std::size_t tb,
                     std::size_t te) {
  const auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  static constexpr std::array<std::string_view, 27> kHarm = {
      "dead",    "died",    "dies",      "killed",   "killing",      "shot",         "shoots",
      "wounded", "injured", "hurt",      "hospital", "hospitalised", "hospitalized", "kills",
      "fatally", "surgery", "operating", "treated",  "fled",         "escaped",      "surrendered",
      "flees",   "wearing", "wore",      "dressed",  "masked",       "uniforms"};
  const auto harm = [&](std::string_view w) {
    while (!w.empty() &&
           std::string_view(".!?'\xE2\x80\x99").find(w.back()) != std::string_view::npos)
      w.remove_suffix(1);
    return std::find(kHarm.begin(), kHarm.end(), w) != kHarm.end();
  };
  const std::size_t from = tb - sb > 120 ? tb - 120 : sb;
  const std::string before = lower(Slice(text, from, tb));
  const auto bw = Tokens(before);
  std::size_t who = bw.size();
  bool pluperfect = false;
  for (std::size_t k = bw.size(); k-- > 0 && bw.size() - k <= 5;) {
    if (bw[k] == "who" || bw[k] == "who'd" ||
        bw[k] ==
            "who\xE2\x80\x99"
            "d") {
      who = k;
      break;
    }
    // h-evdate28: "the group that had attacked", "a convoy which had been
    // shelled": a relative clause in the past perfect tells an act before
    // the time of the sentence's main verb, as a "who" clause does.
    if ((bw[k] == "that" || bw[k] == "which") && k + 1 < bw.size() && bw[k + 1] == "had" &&
        (k + 2 >= bw.size() || bw[k + 2] != "been")) {
      who = k;
      pluperfect = true;
      break;
    }
  }
  if (who == bw.size()) return false;
  // Only auxiliaries of the past and adverbs between "who" and the trigger.
  const std::size_t who_end =
      static_cast<std::size_t>(bw[who].data() - before.data()) + bw[who].size();
  if (std::string_view(before).substr(who_end).find_first_of(",;:\"") != std::string_view::npos)
    return false;
  const bool perfect = bw[who] != "who" || pluperfect;
  for (std::size_t k = who + 1; k < bw.size(); ++k) {
    const std::string_view w = bw[k];
    if (w == "was" || w == "were" || w == "had" || w == "been") continue;
    if (w.size() > 3 && w.substr(w.size() - 2) == "ly" && w != "only") continue;
    return false;
  }
  if (who + 1 == bw.size() && !perfect) {
    // "who killed", "who fled": a past form, not a present ("who attacks").
    const std::string trigger = lower(Slice(text, tb, te));
    const auto tw = Tokens(trigger);
    if (tw.empty()) return false;
    const std::string_view w = tw[0];
    static constexpr std::array<std::string_view, 20> kPast = {
        "beat", "held", "shot",  "took",  "fled", "fought", "struck", "threw", "led",  "hit",
        "blew", "kept", "stole", "broke", "ran",  "drove",  "set",    "slew",  "tore", "caught"};
    const bool ed = w.size() > 3 && w.substr(w.size() - 2) == "ed";
    if (!ed && std::find(kPast.begin(), kPast.end(), w) == kPast.end()) return false;
  }
  for (std::size_t k = who >= 6 ? who - 6 : 0; k < who; ++k)
    if (harm(bw[k])) return false;
  const std::string after = lower(Slice(text, te, std::min(se, te + 120)));
  const auto aw = Tokens(after);
  for (std::size_t k = 0; k < aw.size() && k < 12; ++k) {
    if (harm(aw[k])) return false;
    const std::string_view w = aw[k];
    if (!w.empty() && (w.back() == '.' || w.back() == '?' || w.back() == '!')) break;
  }
  return true;
}

// A time phrase that is only a length: "for 13 years", "for eight days",
// "for two months" (not "for the past week", "for the last 24 hours").
bool BareLength(std::string_view phrase) {
  const std::vector<std::string_view> words = Tokens(phrase);
  if (words.size() < 3 || words.size() > 4) return false;
  std::string first(words[0]);
  for (char& ch : first) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (first != "for") return false;
  for (std::size_t k = 1; k < words.size(); ++k) {
    std::string w(words[k]);
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (w == "the" || w == "past" || w == "last" || w == "next" || w == "coming") return false;
  }
  return true;
}

// A length, bare or hedged: "for 36 hours", "for more than six hours",
// "for almost 20 months" (not "for the past week", "for last month's").
bool LengthPhrase(std::string_view phrase) {
  if (phrase.size() < 8 || (phrase[0] != 'f' && phrase[0] != 'F') ||
      (phrase[1] != 'o' && phrase[1] != 'O') || phrase[3] != ' ')
    return false;
  const std::vector<std::string_view> words = Tokens(phrase);
  if (words.size() < 3 || words.size() > 6) return false;
  if (LowerRange(words[0], 0, words[0].size()) != "for") return false;
  for (std::size_t k = 1; k < words.size(); ++k) {
    const std::string w = LowerRange(words[k], 0, words[k].size());
    if (w == "the" || w == "past" || w == "last" || w == "next" || w == "coming" || w == "this" ||
        w.find('\'') != std::string::npos || w.find("\xE2\x80\x99") != std::string::npos)
      return false;
  }
  return true;
}

// Between the trigger and a length after it, another verb the length
// belongs to: "attack traps women in a shelter for 36 hours", "after he
// killed his partner is jailed for 15 months", "hid in a tree for six hours
// amid the attack" (h-evdate14). A finite verb, a form of "be", or more than
// six words.
bool OtherVerbBefore(std::string_view text, std::size_t from, std::size_t to) {
  const std::string_view gap = Slice(text, from, to);
  const auto words = Tokens(gap);
  if (words.size() > 6) return true;
  for (std::string_view word : words) {
    const std::size_t at = static_cast<std::size_t>(word.data() - text.data());
    const std::string w = LowerRange(text, at, at + word.size());
    if (w == "is" || w == "was" || w == "were" || w == "are" || w == "be" || w == "been" ||
        w == "being")
      return true;
    if (std::isupper(static_cast<unsigned char>(text[at]))) continue;
    // The verb of lasting is the trigger's: "the attack lasted for six hours".
    if (w == "lasted" || w == "lasts" || w == "continued" || w == "raged") continue;
    if (FiniteVerbAt(text, at)) return true;
  }
  return false;
}

// The sentence tells of captives ("hostages held in Gaza", "those taken
// captive"): an abduction row told so keeps the publication day or the
// release day (docs/dates.md, the convention of h-evdate11).
bool TellsCaptives(std::string_view sentence) {
  const std::string s = LowerRange(sentence, 0, sentence.size());
  return s.find("hostage") != std::string::npos || s.find("captiv") != std::string::npos ||
         s.find(" held ") != std::string::npos;
}

// The sentence tells a captivity's end: freed, released, rescued, escaped.
bool EndsCaptivity(std::string_view lower_sentence) {
  for (std::string_view w : {"freed", "released", "rescued", "escaped", "escape", "set free"})
    for (std::size_t i = lower_sentence.find(w); i != std::string_view::npos;
         i = lower_sentence.find(w, i + 1))
      if ((i == 0 || !std::isalpha(static_cast<unsigned char>(lower_sentence[i - 1]))) &&
          (i + w.size() == lower_sentence.size() ||
           !std::isalpha(static_cast<unsigned char>(lower_sentence[i + w.size()]))))
        return true;
  return false;
}

// "after" / "following" and a possessive pronoun right before the trigger,
// at most two words between: "released on bail after his arrest",
// "following their abduction" (h-evdate10). The pronoun's owner is known,
// so the act is one told before. A weak cue: a date carried from the
// sentence before often dates it ("… on 24 November. Eight days after her
// arrest, …"). Not when a verb follows the pronoun ("after her captor
// released her"). `s` is the lower-cased clause, `t0` the trigger's offset.
bool OwnedAfterBefore(std::string_view s, std::size_t t0) {
  const std::size_t from = t0 > 40 ? t0 - 40 : 0;
  const auto words = Tokens(s.substr(from, t0 - from));
  const std::size_t n = words.size();
  if (FiniteVerbAt(s, t0)) return false;
  for (std::size_t k = n > 4 ? n - 4 : 0; k + 1 < n; ++k) {
    if (words[k] != "after" && words[k] != "following") continue;
    const std::string_view owner = words[k + 1];
    if (owner != "his" && owner != "her" && owner != "their" && owner != "its") continue;
    const std::size_t after = static_cast<std::size_t>(owner.data() - s.data()) + owner.size();
    if (OnePhraseToTrigger(s, words, k + 2, after, t0)) return true;
  }
  return false;
}

// The trigger stands in a modifier of a person named before the main verb
// (h-evdate7): "officers involved in the raid on her home were arrested on
// Thursday", "X, the man accused of driving into the parade, killing six,
// returned to court Monday", "the man who was shot by police at the end of
// a chase, had 46 wounds": the phrase after the main verb dates what the
// person does now, not the older act in the modifier. True when, in the
// up to ten words before the trigger, "who" or a participle of a role
// ("involved in", "accused of", "charged with", "convicted of", "suspected
// of", "responsible for", "guilty of") opens the modifier (at most one comma
// between), and between the trigger and the phrase a main verb follows: an
// auxiliary or a past tense after a comma, not a saying verb (the report's
// day of a reported act, h-saydate). `sb` is the sentence start.
bool ModifierEventBefore(std::string_view text, std::size_t sb, std::size_t tb, std::size_t te,
                         std::size_t phrase_b) {
  if (tb <= sb || phrase_b <= te) return false;
  const std::size_t from = tb - sb > 120 ? tb - 120 : sb;
  const std::string s = LowerRange(text, from, tb);
  const auto words = Tokens(s);
  const std::size_t n = words.size();
  bool cue = false;
  for (std::size_t k = n > 10 ? n - 10 : 0; k < n && !cue; ++k) {
    const std::string_view next = k + 1 < n ? words[k + 1] : std::string_view();
    if (words[k] == "who" || (words[k] == "involved" && next == "in") ||
        (words[k] == "accused" && next == "of") || (words[k] == "charged" && next == "with") ||
        (words[k] == "convicted" && next == "of") || (words[k] == "suspected" && next == "of") ||
        (words[k] == "responsible" && next == "for") || (words[k] == "guilty" && next == "of")) {
      const std::string_view rest =
          std::string_view(s).substr(static_cast<std::size_t>(words[k].data() - s.data()));
      // Not when a saying verb follows the cue: "peasants who arrived at the
      // town said explosions have been heard since …" (the trigger is in
      // what they said, not in the modifier).
      bool saying = false;
      for (std::size_t q = k + 1; q < n; ++q)
        if (words[q] == "said" || words[q] == "says" || words[q] == "told") saying = true;
      if (!saying && rest.find_first_of(";:") == std::string_view::npos &&
          std::count(rest.begin(), rest.end(), ',') <= 1)
        cue = true;
    }
  }
  if (!cue) return false;
  const std::string_view gap = text.substr(te, phrase_b - te);
  std::string g;
  for (char ch : gap) g += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto gw = Tokens(g);
  // The main verb tells the person's own harm ("who opened fire … is dead",
  // "who exchanged fire with robbers was killed on Wednesday"): the same
  // episode, dated by the phrase.
  const auto harm = [&](std::size_t k) {
    return k + 1 < gw.size() &&
           (gw[k + 1] == "dead" || gw[k + 1] == "killed" || gw[k + 1] == "shot" ||
            (gw[k + 1] == "found" && k + 2 < gw.size() && gw[k + 2] == "dead") ||
            gw[k + 1] == "injured" || gw[k + 1] == "wounded" || gw[k + 1] == "taken" ||
            gw[k + 1] == "treated" || gw[k + 1] == "hospitalized" || gw[k + 1] == "hospitalised");
  };
  for (std::size_t k = 0; k < gw.size(); ++k) {
    const std::string_view w = gw[k];
    if (w == "said" || w == "says" || w == "told" || w == "reported" || w == "announced")
      return false;
    // Another relative clause opens first ("whose body was found on …").
    if (w == "who" || w == "whose" || w == "which" || w == "that") return false;
    if (w == "was" || w == "were" || w == "is" || w == "are" || w == "has" || w == "have" ||
        w == "had")
      return !harm(k);
    const std::size_t at = static_cast<std::size_t>(w.data() - g.data());
    std::size_t p = at;
    while (p > 0 && g[p - 1] == ' ') --p;
    // Not a list of participles ("who kidnapped, drugged and killed …").
    if (p > 0 && g[p - 1] == ',' && w.size() > 4 && w.substr(w.size() - 2) == "ed" &&
        FiniteVerbAt(g, at))
      return true;
  }
  return false;
}

// An arrest, a killing or a kidnapping named by a noun owned by one person
// ("his arrest", "her murder", "Okoro's detention", "the case since Ruth's
// abduction"): the text names a known act of that person, told before (h-evdate15).
// A weak cue (a phrase of the clause or one carried from the sentence
// before still dates it). The owner is a possessive pronoun (his, her,
// their) or a capitalised word in 's in a clause not all in capitals (wire
// copy); not "its" nor a state's acts ("Russia's strikes" are no such
// noun: only the nouns below). `cb` is the clause start, `tb`..`te` the
// trigger.
bool PersonalActNoun(std::string_view text, std::size_t cb, std::size_t tb, std::size_t te) {
  static constexpr std::array<std::string_view, 11> kNouns = {
      "arrest",    "detention", "murder",  "killing", "assassination", "kidnapping",
      "abduction", "execution", "slaying", "arrests", "imprisonment"};
  const std::string trigger = LowerRange(text, tb, te);
  const auto tw = Tokens(trigger);
  if (tw.empty() || std::find(kNouns.begin(), kNouns.end(), tw[0]) == kNouns.end()) return false;
  const auto bw = Tokens(Slice(text, cb, tb));
  if (bw.empty()) return false;
  // The owner right before the trigger, in the trigger's stretch of words.
  const std::string_view gap =
      Slice(text, static_cast<std::size_t>(bw.back().data() - text.data()) + bw.back().size(), tb);
  if (gap.find_first_of(",;:") != std::string_view::npos) return false;
  const std::string_view owner = bw.back();
  std::string low(owner);
  for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (low == "his" || low == "her" || low == "their") return true;
  const bool apostrophe = (owner.size() > 3 && owner.substr(owner.size() - 2) == "'s") ||
                          (owner.size() > 5 && owner.substr(owner.size() - 4) == "\xE2\x80\x99s");
  if (!apostrophe || !std::isupper(static_cast<unsigned char>(owner[0]))) return false;
  for (std::size_t k = cb; k < te; ++k)
    if (std::islower(static_cast<unsigned char>(text[k]))) return true;
  return false;
}

// A sentence told as what a court or an inquest heard ("… was killed in a
// frenzied attack, court told", "the jury heard that he shot her", "she
// killed her partner, trial hears"): the acts it tells are the case being
// tried, so earlier than the hearing (h-evdate21). A weak cue, as
// PersonalActNoun: a phrase of the clause, or one carried from the
// sentence before, still dates the act.
bool TellsHearing(std::string_view sentence) {
  static constexpr std::array<std::string_view, 5> kBody = {"court", "inquest", "trial", "jury",
                                                            "tribunal"};
  static constexpr std::array<std::string_view, 6> kHeard = {"hears", "heard", "told",
                                                             "is",    "was",   "has"};
  // Most sentences hold no "hear" nor "told": a cheap test first (the cue
  // is asked for every trigger).
  bool verb = false;
  for (std::string_view v : {"hear", "Hear", "HEAR", "told", "Told", "TOLD"})
    if (sentence.find(v) != std::string_view::npos) verb = true;
  if (!verb) return false;
  const auto words = Tokens(sentence);
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string w = Lower(words[k]);
    // "told the court", "told a jury" (h-evdate26): a witness or a
    // prosecutor telling the body an earlier act.
    if (k >= 2 && (w == "court" || w == "jury" || w == "inquest" || w == "tribunal") &&
        Lower(words[k - 2]) == "told" &&
        (Lower(words[k - 1]) == "the" || Lower(words[k - 1]) == "a"))
      return true;
    if (std::find(kBody.begin(), kBody.end(), w) == kBody.end()) continue;
    // No comma inside the frame ("the court, told of …").
    const std::string next = Lower(words[k + 1]);
    if (std::find(kHeard.begin(), kHeard.end(), next) == kHeard.end()) continue;
    const std::size_t end =
        static_cast<std::size_t>(words[k].data() - sentence.data()) + words[k].size();
    if (sentence.substr(end, static_cast<std::size_t>(words[k + 1].data() - sentence.data()) - end)
            .find_first_of(",;:") != std::string_view::npos)
      continue;
    if (next == "hears" || next == "heard" || next == "told") return true;
    // "was told", "is told", "has heard", "has been told".
    for (std::size_t q = k + 2; q < words.size() && q <= k + 3; ++q) {
      const std::string v = Lower(words[q]);
      if (v == "told" || v == "heard") return true;
      if (v != "been") break;
    }
  }
  return false;
}

// A headline whose trigger is a participle that modifies its subject, the
// main verb coming later (h-evdate20): "Reporter killed in Ukraine given
// top award", "Teen shot at party recalls ordeal", "Man arrested at
// airport indicted on arms charges". The act lies before what the
// headline tells: a weak cue, as PersonalActNoun. The participle right
// after a word that is no auxiliary, a conjunction or a comma; a main
// verb of what follows an act (dies, sues, given, buried, indicted, …)
// among the ten words after it, no comma, colon, dash or conjunction
// between; no -ly adverb before the participle ("allegedly killed"). Not kidnapping
// (captives keep the day of their news, docs/dates.md).
bool HeadlineRelativeAct(std::string_view text, std::size_t sb, std::size_t se, std::size_t tb,
                         std::size_t te) {
  static constexpr std::array<std::string_view, 12> kParticiple = {
      "killed",   "shot",     "stabbed", "wounded", "injured",  "attacked",
      "arrested", "detained", "beaten",  "hurt",    "murdered", "assaulted"};
  static constexpr std::array<std::string_view, 14> kAux = {"is",   "are",   "was", "were", "be",
                                                            "been", "being", "get", "got",  "gets",
                                                            "has",  "have",  "had", "and"};
  static constexpr std::array<std::string_view, 30> kMain = {
      "dies",       "sues",     "speaks",    "recalls",    "returns",   "given",
      "laid",       "honoured", "honored",   "remembered", "mourned",   "buried",
      "awarded",    "indicted", "sentenced", "jailed",     "reunites",  "reunited",
      "demand",     "demands",  "describes", "tells",      "breaks",    "wins",
      "identified", "named",    "pleads",    "appears",    "testifies", "thanks"};
  const std::string trigger = LowerRange(text, tb, te);
  if (std::find(kParticiple.begin(), kParticiple.end(), trigger) == kParticiple.end()) return false;
  const auto before = Tokens(Slice(text, sb, tb));
  if (before.empty()) return false;
  if (Slice(text, tb - 1, tb) != " " || Slice(text, tb - 2, tb - 1) == ",") return false;
  if (std::find(kAux.begin(), kAux.end(), Lower(before.back())) != kAux.end()) return false;
  // "Man allegedly killed son": a finite verb.
  if (Lower(before.back()).ends_with("ly")) return false;
  static constexpr std::array<std::string_view, 12> kConj = {
      "as",   "after", "while", "when",    "before", "since",
      "amid", "and",   "but",   "despite", "then",   "because"};
  const std::string_view after = Slice(text, te, se);
  const auto words = Tokens(after);
  for (std::size_t k = 0; k < words.size() && k < 10; ++k) {
    const std::size_t at = static_cast<std::size_t>(words[k].data() - after.data());
    // The main verb of the headline's own clause: no conjunction or comma
    // before it ("100 killed as storm returns", "teen arrested after girl
    // dies", "arrested in Mexico, sentenced to …").
    if (std::find(kConj.begin(), kConj.end(), Lower(words[k])) != kConj.end()) return false;
    if (after.substr(0, at).find_first_of(",:") != std::string_view::npos ||
        after.substr(0, at).find(" - ") != std::string_view::npos ||
        after.substr(0, at).find("\xE2\x80\x93") != std::string_view::npos)
      return false;
    if (std::find(kMain.begin(), kMain.end(), Lower(words[k])) != kMain.end()) return true;
  }
  return false;
}

// A violent act named by a proper name, as news names a known case
// (h-evdate17): a headline's label ("Harrow stabbing: two men charged",
// "Elm Street shooting: what the inquest heard") or a definite name in a
// clause ("families of the Harlow Arena attack victims", "the Nordline
// pipeline bombing"). Such a name is given to an act once it is known, so
// an act named so is one told before. A weak cue (a phrase of the clause or
// one carried from the sentence before still dates it; under a headline the
// body's day of its type still does). The name: one to three capitalised
// words, then at most one lower-case word of the scene or the weapon
// ("school", "pipeline", "machete"), then the trigger; a label stands at the
// sentence's start with a colon right after the trigger, a definite name
// after a lower-case "the". Not a weekday, a month, a word in capitals
// ("US", "IDF") or a demonym-like word ("Russian", "Israeli", "Iranian":
// a state's or a side's acts are no known case), nor on a live page (the
// day's news: "Harrow stabbing: police at the scene – live").
bool NamedActNoun(std::string_view text, std::size_t sb, std::size_t se, std::size_t cb,
                  std::size_t tb, std::size_t te) {
  static constexpr std::array<std::string_view, 18> kNouns = {
      "attack",   "attacks",  "shooting",  "shootings", "bombing", "bombings",
      "massacre", "stabbing", "stabbings", "blast",     "killing", "killings",
      "murder",   "murders",  "ambush",    "explosion", "rampage", "firebombing"};
  static constexpr std::array<std::string_view, 22> kScene = {
      "school",    "concert", "pipeline", "machete", "knife",  "gun",       "mosque", "church",
      "synagogue", "arena",   "mall",     "parade",  "market", "nightclub", "bus",    "train",
      "terror",    "mass",    "campus",   "hotel",   "club",   "bar"};
  static constexpr std::array<std::string_view, 19> kNotName = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",     "june",     "july",
      "august",  "september", "october",   "november", "december"};
  const auto tw = Tokens(Slice(text, tb, te));
  if (tw.size() != 1 || std::find(kNouns.begin(), kNouns.end(), Lower(tw[0])) == kNouns.end())
    return false;
  const auto bw = Tokens(Slice(text, cb, tb));
  if (bw.empty()) return false;
  // No punctuation between the words before the trigger and the trigger.
  const auto end_of = [&](std::string_view w) {
    return static_cast<std::size_t>(w.data() - text.data()) + w.size();
  };
  const auto begin_of = [&](std::string_view w) {
    return static_cast<std::size_t>(w.data() - text.data());
  };
  std::size_t k = bw.size();
  if (Slice(text, end_of(bw[k - 1]), tb).find_first_not_of(' ') != std::string_view::npos)
    return false;
  if (std::islower(static_cast<unsigned char>(bw[k - 1][0])) &&
      std::find(kScene.begin(), kScene.end(), bw[k - 1]) != kScene.end())
    --k;
  std::size_t names = 0;
  while (k > 0 && names < 3 && std::isupper(static_cast<unsigned char>(bw[k - 1][0]))) {
    const std::string_view w = bw[k - 1];
    const std::string low = Lower(w);
    if (std::find(kNotName.begin(), kNotName.end(), low) != kNotName.end()) return false;
    bool caps = w.size() >= 2;
    for (char ch : w)
      if (std::islower(static_cast<unsigned char>(ch))) caps = false;
    if (caps) return false;
    for (std::string_view suffix : {"ian", "ean", "ese", "ish", "an", "ch", "li", "ni", "qi"})
      if (low.size() > suffix.size() &&
          low.compare(low.size() - suffix.size(), suffix.size(), suffix) == 0)
        return false;
    ++names;
    --k;
  }
  if (names == 0) return false;
  // The words of the name and the scene stand together (no punctuation).
  if (Slice(text, begin_of(bw[k]), tb).find_first_of(",;:\"()") != std::string_view::npos)
    return false;
  bool label = false;
  if (k == 0 && cb == sb) {
    std::size_t i = te;
    while (i < se && text[i] == ' ') ++i;
    label = i < se && text[i] == ':';
  }
  const bool definite = k > 0 && bw[k - 1] == "the";
  if (!label && !definite) return false;
  // Not a live page's news of the day.
  const std::string sent = LowerRange(text, sb, se);
  for (std::string_view w : Tokens(sent))
    if (w == "live") return false;
  // Nor a label over the act itself told as news (h-evdate20): the clause
  // after the colon tells the harm in the present or as a bare toll ("Elm
  // Road shooting: gunman kills two in a bakery", "Quay stabbing: three
  // dead, several hurt"), as the first day's headlines do. Not with a
  // word of what came after (an arrest, a charge, a court, a funeral, the
  // naming of victims) nor a modal ("could have killed").
  if (label) {
    static constexpr std::array<std::string_view, 15> kHarm = {
        "kills",  "kill", "shoots",  "stabs",   "injures", "wounds", "beat", "beats",
        "killed", "dead", "injured", "wounded", "stabbed", "hurt",   "shot"};
    static constexpr std::array<std::string_view, 32> kLater = {
        "arrest",     "arrested",   "arrests", "charged",  "charge",    "charges",     "custody",
        "court",      "trial",      "inquest", "inquiry",  "sentenced", "jailed",      "guilty",
        "named",      "identified", "funeral", "funerals", "vigil",     "victims",     "mourn",
        "mourns",     "could",      "would",   "may",      "might",     "anniversary", "after",
        "remembered", "lawsuit",    "sue",     "held"};
    const std::size_t colon = sent.find(':', te - sb);
    bool harm = false;
    for (std::string_view w : Tokens(std::string_view(sent).substr(colon + 1))) {
      if (std::find(kLater.begin(), kLater.end(), w) != kLater.end()) return true;
      if (std::find(kHarm.begin(), kHarm.end(), w) != kHarm.end()) harm = true;
    }
    if (harm) return false;
  }
  return true;
}

// A week, a month or a year that bounds a count of acts, not the act's own
// time: "for the fourth time this year", "a second time this week", "the
// sixth drone attack this month" (h-evdate21). The act counted is the
// day's news (or dated by another phrase); the span only says how many came
// before it. An ordinal (second … tenth, 4th) after "the", "a" or "its"
// within the five words before the phrase, no comma between, that counts
// times or acts ("the third time", "the fourth mass shooting") or the
// trigger itself (`tb`, between the ordinal and the phrase); not an ordinal
// of something else ("assaulted by a ninth grader last month"). `sb` is the sentence start.
bool CountFramePhrase(std::string_view text, std::size_t sb, const TimeExpr& t, std::size_t tb) {
  if (t.interval.precision != Precision::kWeek && t.interval.precision != Precision::kMonth &&
      t.interval.precision != Precision::kYear)
    return false;
  static constexpr std::array<std::string_view, 9> kOrdinal = {
      "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
  // "for" without an article in a headline ("Drones Hit Port for Third
  // Time This Week").
  static constexpr std::array<std::string_view, 5> kDet = {"the", "a", "its", "their", "for"};
  const std::size_t from = t.begin - sb > 80 ? t.begin - 80 : sb;
  const std::string head = LowerRange(text, from, t.begin);
  const auto words = Tokens(head);
  const std::size_t n = words.size();
  for (std::size_t k = n; k-- > 1 && n - k <= 5;) {
    const std::string_view w = words[k];
    const bool numeric =
        w.size() >= 3 && std::isdigit(static_cast<unsigned char>(w[0])) &&
        (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"));
    if (!numeric && std::find(kOrdinal.begin(), kOrdinal.end(), w) == kOrdinal.end()) continue;
    if (std::find(kDet.begin(), kDet.end(), words[k - 1]) == kDet.end()) return false;
    const std::size_t at = static_cast<std::size_t>(w.data() - head.data());
    if (std::string_view(head).substr(at).find_first_of(",;:") != std::string_view::npos)
      return false;
    // "the fourth mass shooting in the state this month" after the act's
    // own clause: an act noun among the two words after the ordinal.
    static constexpr std::array<std::string_view, 12> kActs = {
        "time",    "times", "attack",  "attacks", "shooting", "strike",
        "strikes", "raid",  "bombing", "protest", "arrest",   "explosion"};
    for (std::size_t q = k + 1; q < n && q <= k + 2; ++q)
      if (std::find(kActs.begin(), kActs.end(), words[q]) != kActs.end()) return true;
    return from + at < tb && tb < t.begin;
  }
  return false;
}

// The phrase `t` closes a relative clause of the subject, and the main verb
// follows it (h-evdate11): "the officer who ordered the raid in 2014 has been
// arrested", "the gunman who attacked the club last week was charged". The
// phrase dates the relative clause's act, not the main verb's. True when
// the word after the phrase (or the one after an adverb) is an auxiliary or
// a present "be", and "who" or "which" stands within the fifteen words
// before the phrase, with no comma, semicolon or colon between, and a
// finite verb of its own between it and the phrase ("who in 2017 was
// arrested" is the clause's own phrase). `sb` is the sentence start.
bool SubjectRelativePhrase(std::string_view text, std::size_t sb, const TimeExpr& t) {
  static constexpr std::array<std::string_view, 8> kAux = {"has",  "have", "had", "was",
                                                           "were", "is",   "are", "will"};
  const auto lower = [](std::string_view w) {
    std::string out(w);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  const std::size_t upto = std::min(text.size(), t.end + 40);
  const auto after = Tokens(Slice(text, t.end, upto));
  if (after.empty()) return false;
  // The phrase must end its stretch of words: no comma right after it.
  const std::string_view gap =
      Slice(text, t.end, static_cast<std::size_t>(after[0].data() - text.data()));
  if (gap.find_first_of(",;:") != std::string_view::npos) return false;
  bool aux = false;
  for (std::size_t k = 0; k < after.size() && k < 2 && !aux; ++k) {
    const std::string w = lower(after[k]);
    if (std::find(kAux.begin(), kAux.end(), w) != kAux.end())
      aux = true;
    else if (k == 0 && !((w.size() > 2 && w.compare(w.size() - 2, 2, "ly") == 0) || w == "now"))
      return false;
  }
  if (!aux) return false;
  const std::size_t from = t.begin - sb > 160 ? t.begin - 160 : sb;
  const std::string_view head = Slice(text, from, t.begin);
  const auto words = Tokens(head);
  const std::size_t n = words.size();
  for (std::size_t k = n; k-- > 0 && n - k <= 15;) {
    const std::string w = lower(words[k]);
    if (w != "who" && w != "which") continue;
    const std::size_t at =
        static_cast<std::size_t>(words[k].data() - head.data()) + words[k].size();
    const std::string_view rel = head.substr(at);
    if (rel.find_first_of(",;:\"") != std::string_view::npos) return false;
    // Nor when the clause has closed before the phrase: a saying verb or
    // "that" between ("a man who arrived today said that the town on Sunday
    // was calm": Sunday is the town's).
    for (std::string_view r : Tokens(rel)) {
      const std::string lr = lower(r);
      if (lr == "that" || lr == "said" || lr == "says" || lr == "told" || lr == "and") return false;
    }
    for (std::size_t i = 0; i < rel.size(); ++i)
      if (std::isalpha(static_cast<unsigned char>(rel[i])) &&
          (i == 0 || !std::isalpha(static_cast<unsigned char>(rel[i - 1]))) && FiniteVerbAt(rel, i))
        return true;
    return false;
  }
  return false;
}

// The phrase `t` before the trigger dates a reporting verb whose complement
// tells the trigger as an earlier act (h-evdate11): "the ministry said on
// Monday that troops had left the town", "on Friday, police said two men had
// been held", "the president on Sunday accused the rebels of shelling the
// dam", "officials blamed the militia on Tuesday for the bombing". The
// report's day bounds the act from above only: the past perfect and the
// object of an accusation place it at or before the saying. The phrase
// dates the saying when it stands before the verb (at most six words
// between, no "and", "but" or "who") or right after it (at most two words
// between, none of them "that": "told reporters on Monday"); a phrase after
// "that" is the complement's own. The complement, from the later of the
// verb and the phrase to the trigger, holds "had" followed by a word other
// than "to", or, after accused / blamed, "of" or "for". `cb` is the start of
// the trigger's clause, `tb`..`te` the trigger (it may hold its auxiliary:
// "had withdrawn").
// A reporting tag after a comma holds the phrase: "…, officials said
// Saturday", "…, its spokesperson said on Wednesday", "…, police revealed on
// Tuesday" (h-evdate22). The phrase dates the saying; a charged act before
// the comma lies at or before it. At most three words between the verb and
// the phrase, no comma among them. `te` is the trigger's end.
bool TagDatesSaying(std::string_view text, std::size_t te, const TimeExpr& t) {
  if (t.begin <= te) return false;
  const std::string_view gap = Slice(text, te, t.begin);
  const std::size_t comma = gap.rfind(',');
  if (comma == std::string_view::npos) return false;
  const std::string tail = Lower(gap.substr(comma + 1));
  const auto words = Tokens(tail);
  static constexpr std::array<std::string_view, 10> kSay = {
      "said",      "says",   "announced", "revealed", "reported",
      "confirmed", "stated", "told",      "added",    "disclosed"};
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (std::find(kSay.begin(), kSay.end(), words[k]) == kSay.end()) continue;
    return words.size() - k - 1 <= 3;
  }
  return false;
}

// A later coordinate clause between `b` and `e` (h-evdate34): "and" with an
// adverb that puts what follows after what came before (later,
// subsequently, afterwards, eventually; "since" after has / have / had), at
// most four words after the "and": "… on Monday, and a suspect was later
// arrested", "was arrested twice and eventually freed in April 1945". When
// `verb_after`, a word must follow the adverb in the range (the later
// clause's verb, before a phrase that is then that verb's). Not "then"
// (mostly the same day: "shot and then kidnapped on 6 March").
bool LaterCoordinateBetween(std::string_view text, std::size_t b, std::size_t e, bool verb_after) {
  if (b >= e) return false;
  const std::string low = LowerRange(text, b, e);
  const auto w = Tokens(low);
  static constexpr std::array<std::string_view, 6> kLater = {
      "later", "subsequently", "afterwards", "afterward", "eventually", "since"};
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "and") continue;
    for (std::size_t k = i + 1; k < w.size() && k <= i + 5; ++k) {
      if (std::find(kLater.begin(), kLater.end(), w[k]) == kLater.end()) continue;
      if (w[k] == "since" && !(w[k - 1] == "has" || w[k - 1] == "have" || w[k - 1] == "had"))
        continue;
      if (verb_after && k + 1 >= w.size()) continue;
      return true;
    }
  }
  return false;
}

// The phrase dates a legal step taken against someone, and the trigger is
// the act the step is for (h-evdate33): "was arrested on Monday for killing
// a guard", "was found guilty in May of murdering two children", "was
// charged Thursday with the shooting", "pleaded guilty on Friday to setting
// fire to a mosque", "jailed in 2010 for the murder of". The phrase follows
// the step's word (at most one word between: "arrested late Thursday" is
// one phrase) and the step's preposition follows the phrase (at most three
// words between: "by police", or "and charged" with its own preposition);
// from the preposition to the trigger no break and no finite verb of a
// main clause, as in LegalComplementAct. The act came at or before the
// step's day. Not when the sentence puts the act on that day ("earlier that
// day", "the same day", "hours earlier"). `sb`..`se` is the sentence.
bool LegalStepPhrase(std::string_view text, std::size_t sb, std::size_t se, const TimeExpr& t,
                     std::size_t tb, std::size_t te) {
  if (t.begin < sb || t.end > tb || te > se) return false;
  const std::string whole = LowerRange(text, sb, se);
  for (std::string_view w : {"that day", "same day", "hours earlier", "earlier in the day",
                             "minutes earlier", "moments earlier"})
    if (whole.find(w) != std::string::npos) return false;
  const std::string before = LowerRange(text, sb, t.begin);
  const auto bw = Tokens(before);
  static constexpr std::array<std::string_view, 15> kSteps = {
      "arrested", "charged",    "convicted", "guilty",   "sentenced",
      "jailed",   "indicted",   "acquitted", "detained", "extradited",
      "executed", "imprisoned", "tried",     "remanded", "apprehended"};
  const auto step = [&](std::string_view w) {
    return std::find(kSteps.begin(), kSteps.end(), w) != kSteps.end();
  };
  const std::size_t nb = bw.size();
  if (!(nb >= 1 && step(bw[nb - 1])) && !(nb >= 2 && step(bw[nb - 2]))) return false;
  const std::string s = LowerRange(text, t.end, te);
  const auto words = Tokens(s);
  const auto at = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  const std::size_t t0 = tb - t.end;
  // Between the phrase and the preposition only an agent ("by police"), a
  // second step ("and charged") or the preposition's own words: not "that"
  // nor a noun phrase ("charged today that a group of rebels attacked" is a
  // saying).
  std::size_t p = words.size();
  for (std::size_t k = 0; k < words.size() && k <= 3 && at(k) < t0; ++k) {
    const std::string_view w = words[k];
    if (w == "for" || w == "of" || w == "with" || w == "to" || w == "over") {
      p = k;
      break;
    }
    if ((w == "connection" || w == "suspicion" || w == "charges" || w == "relation") && k > 0 &&
        (words[k - 1] == "in" || words[k - 1] == "on")) {
      p = k;
      break;
    }
    if (!(w == "by" || w == "police" || w == "officers" || w == "authorities" || w == "and" ||
          w == "in" || w == "on" || step(w)))
      return false;
  }
  if (p == words.size()) return false;
  if (std::string_view(s).substr(0, at(p)).find_first_of(",;:") != std::string_view::npos)
    return false;
  for (std::size_t q = p + 1; q < words.size() && at(q) < t0; ++q) {
    const std::string_view between = std::string_view(s).substr(at(q - 1), at(q) - at(q - 1));
    if (between.find_first_of(";:") != std::string_view::npos) return false;
    if (!FiniteVerbAt(s, at(q))) continue;
    const auto rel = [&](std::size_t r) {
      return words[r] == "who" || words[r] == "which" || words[r] == "that" || words[r] == "where";
    };
    if (!((q >= 1 && rel(q - 1)) || (q >= 2 && rel(q - 2)))) return false;
  }
  return true;
}

bool ReportedEarlierAct(std::string_view text, std::size_t cb, const TimeExpr& t, std::size_t tb,
                        std::size_t te) {
  if (t.end > tb || t.begin < cb) return false;
  const std::size_t from = t.begin - cb > 80 ? t.begin - 80 : cb;
  const std::string s = LowerRange(text, from, te);
  const auto words = Tokens(s);
  const std::size_t pb = t.begin - from, pe = t.end - from;
  const auto pos = [&](std::size_t k) {
    return static_cast<std::size_t>(words[k].data() - s.data());
  };
  static constexpr std::array<std::string_view, 24> kSay = {
      "said",      "says",     "told",      "tells",        "announced", "announces",
      "confirmed", "confirms", "claimed",   "claims",       "reported",  "reports",
      "stated",    "revealed", "admitted",  "acknowledged", "alleged",   "alleges",
      "insisted",  "added",    "disclosed", "declared",     "conceded",  "asserted"};
  static constexpr std::array<std::string_view, 6> kAccuse = {"accused", "accuses", "accusing",
                                                              "blamed",  "blames",  "blaming"};
  const auto in = [](auto const& set, std::string_view w) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  // The reporting verb nearest the trigger, before it.
  std::size_t v = words.size();
  for (std::size_t k = words.size(); k-- > 0;) {
    if ((pos(k) >= pb && pos(k) < pe) || pos(k) >= tb - from) continue;
    if (in(kSay, words[k]) || in(kAccuse, words[k])) {
      // "reports" and "claims" after a determiner or a preposition are
      // nouns ("amid reports that", "following claims that").
      static constexpr std::array<std::string_view, 12> kNounBefore = {
          "amid", "following", "after", "despite", "of",    "the",
          "a",    "that",      "new",   "media",   "press", "unconfirmed"};
      if (words[k].back() == 's' && k > 0 && in(kNounBefore, words[k - 1])) return false;
      v = k;
      break;
    }
  }
  if (v == words.size()) return false;
  const bool accuse = in(kAccuse, words[v]);
  // Only an accusation bounds the act (lead's decision, session 21): a past
  // perfect after a plain reporting verb is mostly the backshift of reported
  // speech, the day's own news (h-saydate: 9 of 11 such acts fell on the
  // report's day), so "said on Monday that troops had withdrawn" keeps Monday.
  if (!accuse) return false;
  // Which of the phrase and the verb comes first, and the words between.
  std::size_t between = 0;
  if (pos(v) >= pe) {
    for (std::size_t k = 0; k < v; ++k) {
      if (pos(k) < pe) continue;
      ++between;
      if (words[k] == "and" || words[k] == "but" || words[k] == "who" || words[k] == "which" ||
          words[k] == "that")
        return false;
    }
    if (between > 6) return false;
    // No punctuation closing a clause between ("on Monday; officials said").
    if (std::string_view(s).substr(pe, pos(v) - pe).find_first_of(";:") != std::string_view::npos)
      return false;
  } else {
    for (std::size_t k = v + 1; k < words.size() && pos(k) < pb; ++k) {
      ++between;
      if (words[k] == "that") return false;
    }
    if (between > 2) return false;
  }
  // The complement: after the later of the verb and the phrase.
  const std::size_t cstart = std::max(pos(v) + words[v].size(), pe);
  // An accusation's object: the trigger at most four words after "of" or
  // "for", with no state ("accused of being on strike during the
  // walkout") nor a clause or a time of another act between ("of lying
  // about it, as protests rage").
  static constexpr std::array<std::string_view, 8> kNotObject = {
      "being", "during", "amid", "as", "while", "since", "after", "before"};
  const std::size_t trig = tb - from;
  bool found = false;
  std::size_t object_at = words.size();
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (pos(k) < cstart) continue;
    const std::string_view next = k + 1 < words.size() ? words[k + 1] : std::string_view();
    // The past perfect of the trigger's own stretch: no comma nor a clause
    // of another act between "had" and the trigger ("said nearly 100 had
    // died, as a truce held into a second day").
    if (words[k] == "had" && k + 1 < words.size() && next != "to")
      found =
          pos(k) >= trig || std::string_view(s).substr(pos(k), trig - pos(k)).find_first_of(",;") ==
                                std::string_view::npos;
    else if (found && pos(k) < trig && in(kNotObject, words[k]))
      found = false;
    if (accuse && pos(k) < trig && (words[k] == "of" || words[k] == "for")) object_at = k;
    // A future opens a clause of its own.
    if (words[k] == "will" || words[k] == "would") return false;
  }
  if (!found && object_at < words.size()) {
    std::size_t gap = 0;
    bool plain = true;
    for (std::size_t k = object_at + 1; k < words.size() && pos(k) < trig; ++k) {
      ++gap;
      if (in(kNotObject, words[k])) plain = false;
    }
    found = plain && gap <= 4;
  }
  return found;
}

// A headline that tells an arrest by its verb after the person's crime
// ("Man accused of killing his mother arrested at pizza shop", "Suspect in
// guard's murder arrested", "Mastermind behind bridge attack surrenders"):
// the crime's cue in the subject is no cue of the arrest, which is the
// day's news (h-evdate23). Not a noun ("after his arrest"), a passive after
// an auxiliary ("being arrested"), nor what a video or an image shows (an
// earlier arrest), nor past a comma or a colon.
bool ArrestVerbHeadline(std::string_view text, std::size_t sb, std::size_t tb, std::size_t te) {
  static constexpr std::array<std::string_view, 9> kVerbs = {
      "arrested", "detained", "surrenders", "surrendered", "apprehended",
      "nabbed",   "captured", "held",       "caught"};
  const std::string trigger = Lower(TrimSpace(Slice(text, tb, te)));
  if (std::find(kVerbs.begin(), kVerbs.end(), trigger) == kVerbs.end()) return false;
  const std::string_view subject = Slice(text, sb, tb);
  if (subject.find_first_of(",;:") != std::string_view::npos) return false;
  const std::vector<std::string_view> words = Tokens(subject);
  if (words.size() < 3) return false;
  for (std::string_view w : words) {
    const std::string low = Lower(w);
    for (std::string_view r :
         {"video",    "videos",     "footage", "images",  "image",   "photos",  "moment",
          "shows",    "show",       "watch",   "bodycam", "dashcam", "was",     "were",
          "is",       "are",        "been",    "being",   "had",     "has",     "have",
          "recently", "previously", "already", "once",    "earlier", "formerly"})
      if (low == r) return false;
  }
  const std::string prev = Lower(words.back());
  for (std::string_view a : {"was", "were", "is", "are", "be", "been", "being", "had", "has",
                             "have", "after", "his", "her", "their", "the", "of", "for", "to"})
    if (prev == a) return false;
  return true;
}

// The verb of a "since" clause whose object or subject is the trigger
// (h-evdate29): an onset verb with the trigger as its object ("since Israel
// began its ground invasion", "since Moscow launched its assault": at most
// a determiner and one modifier between) or a passive auxiliary right
// before a participle trigger ("since they were kidnapped", "since her
// husband was arrested"). The act began or happened before the clause it
// modifies: an earlier act, like "since the invasion". `s` is lower case,
// `k` the verb's offset, `t0` the trigger's.
bool SinceOnsetVerb(std::string_view s, std::size_t k, std::size_t t0) {
  std::size_t e = k;
  while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
  const std::string_view verb = s.substr(k, e - k);
  const auto rest = Tokens(s.substr(e, t0 > e ? t0 - e : 0));
  if (verb == "was" || verb == "were") return rest.empty();
  static constexpr std::array<std::string_view, 8> kOnset = {
      "began", "launched", "started", "unleashed", "mounted", "initiated", "opened", "waged"};
  if (std::find(kOnset.begin(), kOnset.end(), verb) == kOnset.end()) return false;
  if (rest.empty() || rest.size() > 2) return false;
  static constexpr std::array<std::string_view, 8> kDet = {"its", "their", "his", "her",
                                                           "the", "a",     "an",  "our"};
  return std::find(kDet.begin(), kDet.end(), rest[0]) != kDet.end();
}

// A noun trigger told by the outcome of a restrictive relative clause in the
// past (h-evdate29): "the attack that killed 1,300 people", "a shooting
// that left three dead", "the explosion which injured five". The clause
// names the act by what it did, as one already known: a weak cue (open
// start up to the publication day unless a date is carried from the
// sentence before). Not when the clause's verb before the trigger performs
// it ("gunmen carried out an attack that killed ten": the day's news). `s`
// is the lower-cased clause, `t0`..`t1` the trigger.
bool OutcomeRelativeAfter(std::string_view s, std::size_t t0, std::size_t t1) {
  const auto after = Tokens(s.substr(t1, std::min<std::size_t>(40, s.size() - t1)));
  if (after.size() < 2 || (after[0] != "that" && after[0] != "which")) return false;
  static constexpr std::array<std::string_view, 7> kOutcome = {
      "killed", "left", "wounded", "injured", "maimed", "claimed", "sparked"};
  if (std::find(kOutcome.begin(), kOutcome.end(), after[1]) == kOutcome.end()) return false;
  // Nothing but spaces between the trigger and the relative pronoun.
  if (s.substr(t1, static_cast<std::size_t>(after[0].data() - s.data()) - t1)
          .find_first_not_of(' ') != std::string_view::npos)
    return false;
  const std::size_t from = t0 > 60 ? t0 - 60 : 0;
  static constexpr std::array<std::string_view, 9> kPerform = {
      "carried",     "carry",   "launched",  "staged",   "conducted",
      "perpetrated", "mounted", "unleashed", "committed"};
  for (std::string_view w : Tokens(s.substr(from, t0 - from)))
    if (std::find(kPerform.begin(), kPerform.end(), w) != kPerform.end()) return false;
  return true;
}

// A past participle that names the state an act of destruction left a
// thing in (h-evdate32): "homes destroyed by shelling", "a city devastated
// by bombing", "a bridge wrecked in a strike".
bool ResultParticiple(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kResult = {
      "destroyed", "damaged",  "devastated", "razed",      "flattened", "wrecked",
      "gutted",    "levelled", "leveled",    "demolished", "ruined",    "scarred"};
  return std::find(kResult.begin(), kResult.end(), w) != kResult.end();
}

// A past participle of the act in a reduced relative clause, or a noun
// trigger after such a participle of harm and a preposition (h-evdate31):
// "the man arrested over the fire has been charged", "relatives of sailors
// killed in a mine blast", "a list of those wounded by the shelling". The
// participle phrase names who the act befell: the sentence's news is
// something later (a charge, a burial, a lawsuit), and the act is known
// already. A weak cue (open start up to the publication day where no date
// is carried from the sentence before). The participle must be followed by
// a preposition (a participle with an object is a finite verb: "a gunman
// shot his neighbour"), and its noun phrase (at most four words, no
// auxiliary, conjunction or preposition) must be governed: by "of" or "for"
// (not a count's partitive: "dozens of others wounded" is a headline's
// toll), by "those" (not "among those killed": the day's toll), or stand
// at the clause's start before a finite main verb ("a man arrested near
// the palace will be freed"). A headline's elided passive ("two killed in
// a blast at a market", "man arrested after a crash") has neither. Captives
// are not read (ruling 4 of session 31: held, kidnapped, taken hostage).
// `s` is the lower-cased clause, `t0`..`t1` the trigger.
bool ReducedRelativeAct(std::string_view s, std::size_t t0, std::size_t t1) {
  // Words and the punctuation that ends a phrase, with their offsets.
  struct Tok {
    std::string_view w;
    std::size_t at;
  };
  std::vector<Tok> toks;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) {
      std::size_t j = i;
      while (
          j < s.size() &&
          (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' || s[j] == '\'' ||
           (s[j] == '.' && j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j + 1])))))
        ++j;
      toks.push_back({s.substr(i, j - i), i});
      i = j;
    } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"') {
      toks.push_back({s.substr(i, 1), i});
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x94 ||
                static_cast<unsigned char>(s[i + 2]) == 0x93 ||
                static_cast<unsigned char>(s[i + 2]) == 0x9C ||
                static_cast<unsigned char>(s[i + 2]) == 0x9D)) {
      toks.push_back({s.substr(i, 3), i});  // a dash or a curly quote mark
      i += 3;
    } else {
      ++i;
    }
  }
  std::size_t first = toks.size(), last = toks.size();
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (first == toks.size() && toks[k].at >= t0) first = k;
    if (toks[k].at < t1) last = k;
  }
  if (first == toks.size() || last == toks.size() || last < first) return false;
  const auto in = [](std::string_view w, const auto& list) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  const auto one_of = [](std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  static constexpr std::string_view kPrep[] = {
      "in",  "by",   "during", "at",     "on",        "outside", "near",  "after",
      "for", "over", "from",   "inside", "following", "amid",    "while", "with"};
  // The participle: the trigger's own first word, or a participle of harm
  // two to five words before a noun trigger ("killed in a car bombing").
  std::size_t p = toks.size();
  bool result = false;
  if (one_of(toks[first].w, {"arrested", "detained", "jailed", "killed", "murdered", "slain",
                             "shot", "stabbed", "wounded", "injured", "beaten", "assaulted"})) {
    if (last + 1 < toks.size() && in(toks[last + 1].w, kPrep)) p = first;
    if (last != first) p = toks.size();  // "shot dead", "killed and wounded": a headline's verb
  } else if (ResultParticiple(toks[first].w) && first + 1 <= last &&
             one_of(toks[first + 1].w, {"in", "by", "during"})) {
    // The trigger holds the participle of a result and its preposition
    // ("damaged by a missile", "destroyed in an attack") (h-evdate32).
    p = first;
    result = true;
  } else {
    for (std::size_t k = first; k-- > 0 && first - k <= 5;) {
      const std::string_view w = toks[k].w;
      if (one_of(w, {"in", "by", "during"})) {
        if (k > 0 && one_of(toks[k - 1].w, {"killed", "wounded", "injured", "hurt", "slain",
                                            "murdered", "maimed", "destroyed", "damaged"}))
          p = k - 1;
        // A participle of a result (h-evdate32): what is left of a thing.
        if (k > 0 && ResultParticiple(toks[k - 1].w)) {
          p = k - 1;
          result = true;
        }
        break;
      }
      if (w.size() == 1 || (w.size() == 3 && (w[0] & 0x80))) break;  // punctuation
    }
  }
  if (p == toks.size() || p == 0) return false;
  static constexpr std::string_view kStop[] = {
      "was",       "were",       "is",        "are",   "be",     "been", "being",   "am",
      "has",       "have",       "had",       "get",   "got",    "gets", "and",     "or",
      "but",       "who",        "that",      "which", "not",    "also", "then",    "later",
      "allegedly", "reportedly", "in",        "by",    "at",     "on",   "from",    "to",
      "with",      "as",         "after",     "since", "said",   "says", "police",  "he",
      "she",       "they",       "it",        "we",    "anyone", "any",  "whoever", "everyone",
      "fatally",   "critically", "seriously", "badly"};
  // Walk back over the noun phrase.
  std::size_t k = p;
  int words = 0;
  while (k > 0 && words < 4) {
    const std::string_view w = toks[k - 1].w;
    if (w.size() == 1 && !std::isalnum(static_cast<unsigned char>(w[0]))) break;
    if (w.size() == 3 && (w[0] & 0x80)) break;
    if (in(w, kStop) || one_of(w, {"of", "for", "those", "among", "including", "about", "against"}))
      break;
    --k;
    ++words;
  }
  const auto count_word = [&](std::string_view w) {
    return std::isdigit(static_cast<unsigned char>(w[0])) ||
           one_of(w, {"one",      "two",   "three",   "dozens", "four", "five",      "six",
                      "hundreds", "seven", "eight",   "nine",   "ten",  "thousands", "scores",
                      "some",     "many",  "several", "most",   "all",  "none",      "each",
                      "any",      "both",  "few",     "more"});
  };
  const std::string_view gov = k > 0 ? toks[k - 1].w : std::string_view();
  if (words > 0 && (gov == "of" || gov == "for" || gov == "on" || gov == "to" || gov == "about" ||
                    gov == "against")) {
    if (gov == "of" && k > 1 && count_word(toks[k - 2].w)) return false;  // partitive
    // A bare count is the group itself: "family of five killed in a raid".
    if (words == 1 && count_word(toks[k].w)) return false;
    return true;
  }
  if (words == 0 && gov == "those")
    return !(k > 1 && one_of(toks[k - 2].w, {"among", "including"}));
  // A thing in the state an earlier act left it in, as the object of a
  // verb or after a preposition (h-evdate32): "officials toured a school
  // wrecked by shelling", "families live in homes destroyed by shelling".
  // The noun phrase ends at a determiner (the verb is the word before it)
  // or at the preposition the walk stopped on. Not after "left" / "leaves"
  // (the act's own result: "the raid left the homes destroyed by fire"), a
  // break or a conjunction (a headline's or a list's elided passive: "two
  // killed and homes damaged in a strike"), nor a count's partitive.
  if (result && words > 0) {
    std::size_t d = p, g = k;
    while (d > k && !one_of(toks[d - 1].w, {"a", "an", "the", "this", "these", "their", "his",
                                            "her", "its", "our", "my", "your", "every"}))
      --d;
    if (d > k) g = d - 1;  // the determiner's index + 1 is d
    if (g > 0) {
      const std::string_view v = toks[g - 1].w;
      if (std::isalpha(static_cast<unsigned char>(v[0])) &&
          (!in(v, kStop) || one_of(v, {"in", "at", "from", "with"})) &&
          !one_of(v, {"left", "leave", "leaves", "leaving", "among", "including", "of"}) &&
          !(v.size() > 2 && v.ends_with("ly")))
        return !(d == k && words == 1 && count_word(toks[k].w));
    }
  }
  if (words == 0 || k != 0) return false;
  // At the clause's start: a finite main verb after the participle's
  // phrase, before any break, conjunction or relative pronoun.
  for (std::size_t j = last + 1; j < toks.size(); ++j) {
    const std::string_view w = toks[j].w;
    if (w.size() == 1 && !std::isalnum(static_cast<unsigned char>(w[0]))) return false;
    if (w.size() == 3 && (w[0] & 0x80)) return false;
    if (one_of(w, {"and", "or", "but", "as", "while", "when", "where", "whose", "because", "if",
                   "who", "which", "that", "after", "before", "with", "amid"}))
      return false;
    // A main verb of violence continues the same episode (h-evdate32): "a
    // man detained near the gate was shot dead" keeps the day.
    if ((w == "was" || w == "were") && j + 1 < toks.size()) {
      std::size_t v = j + 1;
      if (v + 1 < toks.size() && toks[v].w.size() > 4 && toks[v].w.ends_with("ly")) ++v;
      if (one_of(toks[v].w, {"shot", "killed", "stabbed", "beaten", "wounded", "injured",
                             "tortured", "executed", "assaulted", "attacked", "hanged", "lynched"}))
        return false;
    }
    if (one_of(w, {"is",      "are",    "was",   "has",  "have",     "had",     "will",    "would",
                   "remains", "remain", "faces", "face", "appeared", "appears", "pleaded", "died",
                   "has",     "told",   "said",  "says", "can",      "could",   "must",    "may"}))
      return true;
  }
  return false;
}

// A passive participle of the act in a relative clause on "who" or "which"
// (h-evdate31): "the nurse, who was shot outside the clinic, was honoured",
// "a depot which was bombed by drones reopened". As ReducedRelativeAct: the
// clause says what befell someone the sentence tells something later
// about; a weak cue. "was" / "were" right before the participle, or with
// one adverb between ("who was fatally stabbed", "who was later
// arrested"). Not "that" (a saying's "said that he was arrested" is the
// news), nor captives (ruling 4 of session 31). `s` is the lower-cased
// clause, `t0`..`t1` the trigger.
bool RelativePassiveAct(std::string_view s, std::size_t t0, std::size_t t1) {
  const auto trig = Tokens(s.substr(t0, t1 - t0));
  if (trig.empty()) return false;
  static constexpr std::array<std::string_view, 14> kParticiple = {
      "arrested", "detained", "jailed",  "killed", "murdered",  "slain",    "shot",
      "stabbed",  "wounded",  "injured", "beaten", "assaulted", "attacked", "bombed"};
  // An adverb the trigger holds ("fatally shot") stands for the one between.
  const bool adverb = trig.size() > 1 && trig[0].size() > 4 && trig[0].ends_with("ly");
  const std::string_view participle = adverb ? trig[1] : trig[0];
  const auto before = Tokens(s.substr(0, t0));
  std::size_t n = before.size();
  // A noun trigger after a participle of a result and in / by / during
  // (h-evdate32): "their home, which was destroyed in an air raid", "the
  // houses that were destroyed in a strike". "that" right before the
  // auxiliary is a relative pronoun ("said that it was destroyed" has a
  // subject between). Only words between the preposition and the trigger.
  if (std::find(kParticiple.begin(), kParticiple.end(), participle) == kParticiple.end()) {
    std::size_t k = n;
    while (k > 0 && n - k < 4 && before[k - 1] != "in" && before[k - 1] != "by" &&
           before[k - 1] != "during")
      --k;
    if (k < 2 || n - k >= 4 || !ResultParticiple(before[k - 2])) return false;
    // Nothing but words between the participle and the trigger.
    const std::string_view part = before[k - 2];
    const std::size_t pe = static_cast<std::size_t>(part.data() - s.data()) + part.size();
    if (s.substr(pe, t0 - pe).find_first_of(",;:()\"") != std::string_view::npos) return false;
    n = k - 2;
    if (n >= 1 && before[n - 1].size() > 4 && before[n - 1].ends_with("ly")) --n;
    if (n >= 2 && before[n - 1] == "been" &&
        (before[n - 2] == "has" || before[n - 2] == "had" || before[n - 2] == "have"))
      --n;  // "which had been destroyed": the check below reads "had" as the auxiliary
    if (n < 2) return false;
    const std::string_view aux = before[n - 1];
    if (aux != "was" && aux != "were" && aux != "has" && aux != "had" && aux != "have")
      return false;
    return before[n - 2] == "who" || before[n - 2] == "which" || before[n - 2] == "that";
  }
  if (!adverb && n >= 1 && before[n - 1].size() > 4 &&
      (before[n - 1].ends_with("ly") || before[n - 1] == "later"))
    --n;
  if (n < 2 || (before[n - 1] != "was" && before[n - 1] != "were")) return false;
  if (before[n - 2] != "who" && before[n - 2] != "which") return false;
  // Not a clause that retells the act a noun before it named ("the
  // killing of two guards who were shot at the gate"): one act, one row.
  for (std::size_t k = n - 2; k-- > 1 && k + 7 > n;) {
    static constexpr std::array<std::string_view, 16> kActNoun = {
        "killing", "killings",  "murder",        "murders",  "death",  "deaths",
        "arrest",  "arrests",   "shooting",      "stabbing", "attack", "attacks",
        "bombing", "detention", "assassination", "beating"};
    if (before[k] == "of" &&
        std::find(kActNoun.begin(), kActNoun.end(), before[k - 1]) != kActNoun.end())
      return false;
  }
  // Nothing but spaces between the adverb or "was" and the trigger.
  const std::string_view last = before.back();
  const std::size_t end = static_cast<std::size_t>(last.data() - s.data()) + last.size();
  return s.substr(end, t0 - end).find_first_not_of(' ') == std::string_view::npos;
}

// True when the trigger's clause tells an event that lies before the
// article's "now" without dating it: a span up to now ("already", "so far",
// "to date", "thus far"), a cumulative toll in the perfect ("thousands have
// been killed", "has lost numerous tanks") or the perfect with "since" after
// the trigger ("have shelled the town since the war began"), or a nominal or clausal event
// after "since", "in the wake of", "in the aftermath of" ("since it drove the
// troops back"), or after "after" / "following" when the noun phrase names it
// with "of" or a possessive ("after the fall of the city"; not a bare "after
// the clash, the army seized …", the episode just told, of the same day). Not in
// a clause about the future or a possibility (will, would, could, may, might,
// should, if). `cb`..`ce` is the clause, `tb`..`te` the trigger.
bool TellsBackground(const ContextWords& cues, std::string_view text, std::size_t cb,
                     std::size_t ce, std::size_t tb, std::size_t te, bool weak = false) {
  const std::string s = LowerRange(text, cb, ce);
  const auto word_at = [&](std::size_t i, std::string_view w) {
    return (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]))) && HasWordAt(s, i, w);
  };
  // Whether `w` (lower case) begins as a word at some i in [from, to): the
  // test of word_at at each i, by a search for `w` (s is lower-cased, so
  // HasWordAt is a plain comparison there), not a byte-by-byte walk.
  const auto has = [&](std::string_view w, std::size_t from, std::size_t to) {
    to = std::min(to, s.size());
    for (std::size_t i = s.find(w, from); i != std::string::npos && i < to; i = s.find(w, i + 1))
      if (word_at(i, w)) return true;
    return false;
  };
  static constexpr std::array<std::string_view, 8> kIrrealis = {
      "will", "would", "could", "may", "might", "should", "if", "won't"};
  const std::size_t t0 = tb - cb, t1 = te - cb;
  // A modal after the trigger past a comma or a quote mark belongs to
  // another stretch: "has stood by Israel since Hamas attacked, he said a
  // new occupation would be a mistake" (h-evdate14).
  std::size_t irrealis_end = s.size();
  if (const std::size_t stop = s.find_first_of(",;\"", t1); stop != std::string::npos)
    irrealis_end = stop;
  if (const std::size_t quote = s.find("\xE2\x80\x9C", t1); quote < irrealis_end)
    irrealis_end = quote;
  for (std::string_view w : kIrrealis)
    if (has(w, 0, irrealis_end)) return false;
  // The weak cues (h-evdate7) say the event came before something told, not
  // how long before: they give the open start only where no date is carried
  // from the sentence before (that date is often the one they count from:
  // "… on Oct. 7. Days after the massacre, the group said …").
  if (weak)
    return AftermathCueBefore(cues, text, cb, tb, /*recording=*/true) || SpanAfterBefore(s, t0) ||
           OwnedAfterBefore(s, t0) || OutcomeRelativeAfter(s, t0, t1) ||
           ReducedRelativeAct(s, t0, t1) || RelativePassiveAct(s, t0, t1);
  // The words of the clause before the trigger, nearest first.
  std::vector<std::string_view> before;
  {
    const auto toks = Tokens(std::string_view(s).substr(0, t0));
    for (std::size_t k = toks.size(); k-- > 0;) before.push_back(toks[k]);
  }
  const auto before_is = [&](std::size_t k, std::initializer_list<std::string_view> words) {
    if (k >= before.size()) return false;
    for (std::string_view w : words)
      if (before[k] == w) return true;
    return false;
  };
  {
    // An event told as going on until some earlier point: "continued to"
    // before the verb ("continued to bombard the town"). The present ("are
    // shelling", "continue to bombard", "its ongoing siege", "is under
    // siege") is not read here: it holds on the day of writing, and the
    // publication day is the answer an analyst's timeline gives it
    // (docs/dates.md, "Events the text does not date").
    for (std::size_t j = 1; j < 3 && j < before.size(); ++j)
      if (before_is(j, {"continued"}) && before_is(j - 1, {"to"})) return true;
  }
  // A trigger named as lasting days, weeks, months or years ("weeks of
  // fighting", "during months of siege", "ten years of civil war", "after
  // days of intensive bombardment": at most two words between).
  for (std::size_t skip = 0; skip <= 2 && skip < before.size(); ++skip) {
    if (skip > 0 && before_is(skip - 1, {"the", "a", "an", "and", "or", "of", "to", "in", "on",
                                         "at", "for", "by", "with", "from"}))
      break;
    if (!before_is(skip, {"of"})) continue;
    if (before_is(skip + 1, {"days", "weeks", "months", "years", "decades"})) return true;
    break;
  }
  {
    // A span of an earlier phase of the war or the conflict the article is
    // about ("in the first days of the war", "at the start of the invasion",
    // "earlier in the conflict"), or a span of years told as a duration
    // ("fought the guerrillas for years", "for decades"): before now.
    static constexpr std::array<std::string_view, 12> kPhase = {
        "start of the",        "beginning of the",     "outset of the",      "early days of the",
        "early stages of the", "first days of the",    "first weeks of the", "first months of the",
        "opening days of the", "opening weeks of the", "first phase of the", "earlier in the"};
    static constexpr std::array<std::string_view, 7> kWhole = {
        "war", "invasion", "conflict", "offensive", "siege", "occupation", "fighting"};
    for (std::string_view p : kPhase) {
      for (std::size_t at = s.find(p); at != std::string::npos; at = s.find(p, at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1]))) continue;
        std::size_t n = at + p.size();
        while (n < s.size() && s[n] == ' ') ++n;
        for (std::string_view w : kWhole)
          if (word_at(n, w)) return true;
      }
    }
    for (std::string_view w : {"for years", "for decades", "for many years", "for generations"})
      if (has(w, 0, s.size())) return true;
  }
  // A span up to now (each test returns true, so their order does not
  // matter: one search per phrase).
  if (has("already", 0, s.size()) || has("thus far", 0, s.size())) return true;
  for (std::size_t i = s.find("so far"); i != std::string::npos; i = s.find("so far", i + 1)) {
    if (word_at(i, "so far") && !HasWordAt(s, i + 7, "as") && !HasWordAt(s, i + 7, "from") &&
        !HasWordAt(s, i + 7, "away"))
      return true;
  }
  for (std::size_t i = s.find("to date"); i != std::string::npos; i = s.find("to date", i + 1)) {
    if (word_at(i, "to date") && !(i >= 3 && s.compare(i - 3, 3, "up ") == 0)) return true;
  }
  // A cumulative toll in the perfect, or the perfect with "since" after the
  // trigger ("have shelled the town since the war began": a span up to now
  // from an event the rules do not resolve).
  if (has("has", 0, t0) || has("have", 0, t0)) {
    if (has("since", t1, s.size())) return true;
    static constexpr std::array<std::string_view, 6> kTolls = {
        "thousands", "tens of thousands", "hundreds of thousands",
        "millions",  "numerous",          "countless"};
    for (std::string_view w : kTolls)
      if (has(w, 0, s.size())) return true;
    // "hundreds of" after a trigger that is the perfect's own verb (h-evdate7:
    // "has killed hundreds of civilians", "have been shelling hundreds of
    // villages"), not a count told elsewhere ("hundreds are trapped and the
    // army has resumed shelling", "announced a deployment of hundreds of extra
    // officers": the day's news).
    if (before_is(0, {"has", "have"}) ||
        (before_is(1, {"has", "have"}) && !before_is(0, {"the", "a", "an"}))) {
      if (has("hundreds of", t1, s.size())) return true;
    }
    // A written number of a thousand or more: "20,000", "1,200".
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
      if ((i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
          std::isdigit(static_cast<unsigned char>(s[i]))) {
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j - i <= 3 && j + 3 < s.size() && s[j] == ',' &&
            std::isdigit(static_cast<unsigned char>(s[j + 1])) &&
            std::isdigit(static_cast<unsigned char>(s[j + 2])) &&
            std::isdigit(static_cast<unsigned char>(s[j + 3]))) {
          // Not a distance, a weight or a sum ("1,100 km north of Lima",
          // "$1,500"): no toll.
          std::size_t u = j + 4;
          while (u < s.size() && (std::isdigit(static_cast<unsigned char>(s[u])) || s[u] == ','))
            ++u;
          while (u < s.size() && s[u] == ' ') ++u;
          bool measure = i > 0 && s[i - 1] == '$';
          for (std::string_view unit : {"km", "kilomet", "mile", "metre", "meter", "feet", "ft",
                                        "tons", "tonnes", "kg", "dollars", "euros", "pounds"})
            if (!measure && s.compare(u, unit.size(), unit) == 0 &&
                (u + unit.size() == s.size() ||
                 !std::isalpha(static_cast<unsigned char>(s[u + unit.size()])) ||
                 unit == "kilomet" || unit == "mile" || unit == "metre" || unit == "meter"))
              measure = true;
          if (!measure) return true;
        }
      }
    }
  }
  // An event after a preposition of anteriority, at most four words before
  // the trigger and no finite verb between ("after the fall of", "since
  // Russia invaded").
  static constexpr std::array<std::string_view, 3> kAfter = {"since", "in the wake of",
                                                             "in the aftermath of"};
  const auto verb_between = [&](std::size_t a, std::size_t b) {
    for (std::size_t k = a; k < b; ++k)
      if (std::isalpha(static_cast<unsigned char>(s[k])) &&
          !std::isalpha(static_cast<unsigned char>(s[k - 1])) && FiniteVerbAt(s, k))
        return true;
    return false;
  };
  const std::size_t from = t0 > 48 ? t0 - 48 : 0;
  for (std::size_t i = from; i < t0; ++i) {
    for (std::string_view w : kAfter) {
      if (!word_at(i, w)) continue;
      const std::size_t after = i + w.size();
      const auto between = Tokens(std::string_view(s).substr(after, t0 - after));
      if (between.size() > 4) continue;
      bool verb = false;
      for (std::size_t k = after; k < t0; ++k) {
        if (std::isalpha(static_cast<unsigned char>(s[k])) &&
            !std::isalpha(static_cast<unsigned char>(s[k - 1])) && FiniteVerbAt(s, k) &&
            !(w == "since" && SinceOnsetVerb(s, k, t0))) {
          verb = true;
          break;
        }
      }
      if (!verb) return true;
    }
    // "after" / "following" name an earlier event only when the noun phrase
    // says which ("after the fall of the city", "following Russia's
    // withdrawal"); a bare "after the clash" goes on with the episode just told.
    for (std::string_view w : {std::string_view("after"), std::string_view("following")}) {
      if (!word_at(i, w)) continue;
      const std::size_t after = i + w.size();
      const std::string_view np = std::string_view(s).substr(after, t0 - after);
      const auto between = Tokens(np);
      if (between.empty() || between.size() > 4) continue;
      const bool owner = np.find("'s ") != std::string_view::npos ||
                         np.find("\xE2\x80\x99s ") != std::string_view::npos;
      const bool of = HasWordAt(s, t1 + 1, "of") && t1 < s.size() && s[t1] == ' ';
      const bool definite = HasWordAt(s, after + 1, "the") || owner;
      if (definite && (owner || of)) return true;
      // A name among the modifiers says which, too: "after the Hamas
      // attack", "following Houthi drone attacks" (h-evdate6). A capital
      // counts only in a clause that is not all capitals (wire copy).
      if (np.find_first_of(",;:") == std::string_view::npos && !verb_between(after, t0)) {
        bool upper_clause = true;
        for (std::size_t k = cb; k < ce; ++k)
          if (std::islower(static_cast<unsigned char>(text[k]))) upper_clause = false;
        bool name = false;
        for (std::string_view word : between) {
          const std::size_t k = cb + static_cast<std::size_t>(word.data() - s.data());
          if (std::isupper(static_cast<unsigned char>(text[k]))) name = true;
        }
        // Not a toll told before it: "two were killed after a Russian
        // strike on the town" is the day's news.
        // Nor a fire still burning: "the depot is ablaze after a Russian
        // strike", "shipyard on fire after Ukrainian attack" (h-evdate24;
        // not "under fire", a blame).
        bool toll = false;
        std::string_view prev_tok;
        for (std::string_view tok : Tokens(std::string_view(s).substr(0, i))) {
          for (std::string_view t : {"killed", "dead", "died", "wounded", "injured", "hurt",
                                     "kills", "suffered", "treated", "rescued", "survivors",
                                     "arrested", "detained", "ablaze", "burning", "flames"})
            if (tok == t) toll = true;
          if (tok == "fire" && (prev_tok == "on" || prev_tok == "caught" || prev_tok == "catches"))
            toll = true;
          prev_tok = tok;
        }
        if (name && !upper_clause && !toll) return true;
      }
    }
  }
  // An earlier event named as recent or previous: "the recent attacks",
  // "its earlier strikes", "a previous raid" (an adjective after a
  // determiner, at most one word before the trigger).
  for (std::size_t j = 0; j < 2 && j + 1 < before.size(); ++j) {
    if (!before_is(j, {"recent", "earlier", "previous", "prior", "past"})) continue;
    if (before_is(j + 1, {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those",
                          "several", "many", "of", "in"}))
      return true;
    // Or a possessive owner: "Russia's recent drone strikes", "Kyiv's recent
    // recapture of the city" (h-evdate10).
    if (j + 1 < before.size()) {
      const std::string_view owner = before[j + 1];
      if ((owner.size() > 2 && owner.substr(owner.size() - 2) == "'s") ||
          (owner.size() > 4 && owner.substr(owner.size() - 4) == "\xE2\x80\x99s"))
        return true;
    }
  }
  // An act told as recent by an adverb of its verb group (h-evdate9): "was
  // recently arrested during a climate protest", "who recently fled", "had
  // until recently held the town"; or as earlier (h-evdate10): "had
  // previously been detained", "previously denied staging the attack". At
  // most five words before the trigger, no comma between.
  for (std::size_t j = 0; j < 6 && j < before.size(); ++j) {
    if (!before_is(j, {"recently", "previously"})) continue;
    const std::size_t at = static_cast<std::size_t>(before[j].data() - s.data());
    if (std::string_view(s).substr(at, t0 - at).find(',') == std::string_view::npos) return true;
    break;
  }
  // What an earlier event left: its victims, its site, its perpetrators
  // (AftermathCueBefore).
  if (AftermathCueBefore(cues, text, cb, tb)) return true;
  // The object of a charge, a trial or an inquiry (LegalCueBefore).
  return LegalCueBefore(text, cb, tb) != std::string_view::npos;
}

// A span that opens on the publication day and runs past it ("until the end of
// April", "within the next 72 hours", "in coming weeks"): what the sentence
// that names it expects, not the date of what the next sentence tells.
bool IsWindowAhead(const TimeExpr& t, const std::optional<Date>& pub) {
  return pub && t.resolved && t.interval.precision == Precision::kRange && t.interval.start &&
         t.interval.end && *t.interval.start >= *pub && *t.interval.end > *pub;
}

// ---- a date phrase inside a "since" complement ------------------------------

// A type whose row is the act that began it: a ceasefire row is the agreement
// (ACLED codes it as one), dated when it was signed or took effect. A siege or
// blockade is a state: "since <act> <phrase>" spans it to publication, as
// "have blocked shipping since Tuesday" does.
bool IsOnsetState(std::string_view type) { return type == "ceasefire"; }

// A one-off violent act a wire story tells over many paragraphs ("the
// bombing", "the kidnapping", "the mayor's murder"), not a state (a siege, an
// occupation) nor a battle, whose later mentions are often another day's.
bool IsIncidentAct(std::string_view type) {
  static constexpr std::array<std::string_view, 7> kActs = {
      "attack", "air_strike", "shelling", "explosion", "killing", "abduction", "arson"};
  return std::find(kActs.begin(), kActs.end(), type) != kActs.end();
}

// How a phrase closing a "since" complement relates to a trigger outside it.
enum class SinceRole {
  kNone,        // no such complement, or the trigger is inside it: the phrase as usual
  kSpan,        // the clause is in the perfect: the trigger spans phrase .. publication
  kComparison,  // "the largest barrage since the war began in February": not the trigger's
};

// Reads "since" before the phrase `t` in the trigger's clause (`cb`.., the
// trigger at `tb`): "5,000 have been killed since the war began on 24
// February" (kSpan: that day .. pub), "Since the party was founded in 1985,
// 900 members have been killed" (kSpan), "the heaviest attack since the
// invasion last year" (kComparison: a superlative or an ordinal in the eight
// words before "since"; the phrase dates the war, the attack keeps its own
// date). At most twelve words and no comma, semicolon or colon between
// "since" and the phrase. The trigger is inside the complement when it
// lies between "since" and the phrase, or after the phrase with no comma
// between ("since Russia invaded in February" for the invasion, "since
// Hamas's October 7 attack" for the attack): the phrase dates it as usual.
// A phrase that itself begins with "since" is a span already (dates.cpp).
// `since_at` receives the offset of "since".
SinceRole SinceComplementRole(std::string_view text, std::size_t cb, const TimeExpr& t,
                              std::size_t tb, std::size_t* since_at) {
  if (t.begin <= cb) return SinceRole::kNone;
  const std::string_view head = Slice(text, cb, t.begin);
  std::size_t at = std::string_view::npos;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(head[i - 1]))) continue;
    if (HasWordAt(head, i, "since")) at = i;
  }
  if (at == std::string_view::npos) return SinceRole::kNone;
  const std::string_view complement = head.substr(at + 5);
  if (complement.find_first_of(",;:") != std::string_view::npos || Tokens(complement).size() > 12)
    return SinceRole::kNone;
  const std::size_t since = cb + at;
  if (tb >= since && tb < t.begin) return SinceRole::kNone;
  if (tb >= t.end && Slice(text, t.end, tb).find(',') == std::string_view::npos)
    return SinceRole::kNone;
  *since_at = since;
  // A superlative or an ordinal before "since" compares the trigger with
  // what came since the phrase: "the biggest attack since", "her first visit
  // since". Only after a finite verb: in "the bloodiest clash since the Cold
  // War took place in 2018" the verb after "since" is the clause's own.
  bool verb = false;
  for (std::size_t i = 0; i < at && !verb; ++i)
    verb = std::isalpha(static_cast<unsigned char>(head[i])) &&
           (i == 0 || !std::isalpha(static_cast<unsigned char>(head[i - 1]))) &&
           FiniteVerbAt(head, i);
  const auto before = Tokens(head.substr(0, at));
  for (std::size_t k = before.size(), n = 0; verb && k-- > 0 && n < 8; ++n) {
    std::string w;
    for (char ch : before[k]) w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    static constexpr std::array<std::string_view, 15> kCompare = {
        "most",  "worst", "first", "second",  "third",   "fourth", "fifth",  "sixth",
        "tenth", "only",  "best",  "biggest", "largest", "latest", "highest"};
    if (std::find(kCompare.begin(), kCompare.end(), w) != kCompare.end())
      return SinceRole::kComparison;
    static constexpr std::array<std::string_view, 12> kNotSuperlative = {
        "interest", "protest", "arrest", "request", "forest", "suggest",
        "contest",  "harvest", "honest", "modest",  "invest", "manifest"};
    if (w.size() >= 6 && w.compare(w.size() - 3, 3, "est") == 0 &&
        std::find(kNotSuperlative.begin(), kNotSuperlative.end(), w) == kNotSuperlative.end())
      return SinceRole::kComparison;
  }
  // The perfect anywhere in the clause before "since": "have been killed",
  // "explosions have been heard", "there have been four murders".
  const std::string_view perfect = Slice(text, cb, since);
  for (std::size_t i = 0; i < perfect.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(perfect[i - 1]))) continue;
    for (std::string_view w : {"has", "have", "had", "hasn't", "haven't", "hadn't"})
      if (HasWordAt(perfect, i, w)) return SinceRole::kSpan;
  }
  // A fronted complement: the perfect after the phrase ("Since it was
  // founded in 1985, 900 members have been killed").
  if (tb > t.end) {
    const std::string_view rest = Slice(text, t.end, tb);
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (i > 0 && std::isalnum(static_cast<unsigned char>(rest[i - 1]))) continue;
      for (std::string_view w : {"has", "have", "had"})
        if (HasWordAt(rest, i, w)) return SinceRole::kSpan;
    }
  }
  return SinceRole::kNone;
}

// A span up to now named after a superlative or an ordinal: "the largest
// missile attack since September", "its deadliest strikes on civilians since
// the winter", "the second drone attack in two days", "among the deadliest
// attacks of recent weeks". The span is the yardstick of the comparison, not
// the date of the act compared: like a "since" complement's phrase in a
// comparison (SinceComplementRole), it is set aside and the act keeps its own
// phrase, the carried date or the publication day (h-evdate3). The trigger lies
// before the phrase and the comparing word within the eight words before it,
// no comma between; "most of" is a quantity ("most of the 300 raids since
// June"), not a comparison. A trigger inside the phrase ("since last month's
// mutiny") is the anchor it names and keeps the phrase.
bool ComparedSpan(std::string_view text, std::size_t cb, const TimeExpr& t, std::size_t te,
                  const std::optional<Date>& pub) {
  if (!pub || !t.resolved || t.interval.precision != Precision::kRange || !t.interval.end ||
      *t.interval.end != *pub || !t.interval.start || *t.interval.start >= *pub)
    return false;
  if (te > t.begin || t.begin <= cb) return false;
  // A span word opens the phrase: "overnight" or "this week" is the act's own time.
  const std::string_view phrase = Slice(text, t.begin, t.end);
  bool span = false;
  for (std::string_view w : {"since", "in", "for", "over", "within", "so", "during"})
    span = span || HasWordAt(phrase, 0, w);
  if (!span) return false;
  std::string_view head = Slice(text, cb, t.begin);
  if (const std::size_t comma = head.find_last_of(",;:"); comma != std::string_view::npos)
    head = head.substr(comma + 1);
  const auto before = Tokens(head);
  for (std::size_t k = before.size(), n = 0; k-- > 0 && n < 8; ++n) {
    std::string w;
    for (char ch : before[k])
      if (std::isalpha(static_cast<unsigned char>(ch)))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    static constexpr std::array<std::string_view, 18> kCompare = {
        "most",   "worst", "first", "second", "third", "fourth",  "fifth",   "sixth",  "seventh",
        "eighth", "ninth", "tenth", "only",   "best",  "biggest", "largest", "latest", "highest"};
    if (std::find(kCompare.begin(), kCompare.end(), w) != kCompare.end()) {
      if (w == "most" && k + 1 < before.size() && before[k + 1] == "of") return false;
      return true;
    }
    static constexpr std::array<std::string_view, 22> kNotSuperlative = {
        "interest", "protest", "arrest",    "request",   "forest",  "suggest",
        "contest",  "harvest", "honest",    "modest",    "invest",  "manifest",
        "unrest",   "inquest", "southwest", "northwest", "midwest", "priest",
        "conquest", "earnest", "bequest",   "behest"};
    if (w.size() >= 6 && w.compare(w.size() - 3, 3, "est") == 0 &&
        std::find(kNotSuperlative.begin(), kNotSuperlative.end(), w) == kNotSuperlative.end())
      return true;
  }
  return false;
}

// The noun phrase a possessive time phrase owns: "Monday's papers",
// "today’s newsletter", "this week’s Sunday news shows" (the apostrophe right
// after the phrase, then up to four words, ending at a comma, semicolon,
// colon or parenthesis). Byte offsets into `text`.
std::optional<std::pair<std::size_t, std::size_t>> PossessedNoun(std::string_view text,
                                                                 const TimeExpr& t,
                                                                 std::size_t limit) {
  std::size_t i = t.end;
  const std::string_view upto = text.substr(0, limit);
  if (HasWordAt(upto, i, "'s"))
    i += 2;
  else if (upto.substr(i).starts_with("\xE2\x80\x99s") &&
           (i + 4 >= limit || !std::isalnum(static_cast<unsigned char>(text[i + 4]))))
    i += 4;
  else
    return std::nullopt;
  const std::size_t b = i;
  constexpr std::string_view kStop = ",;:()";
  for (int words = 0; i < limit && words < 4; ++words) {
    while (i < limit && text[i] == ' ') ++i;
    if (i >= limit || kStop.find(text[i]) != std::string_view::npos) break;
    while (i < limit && text[i] != ' ' && kStop.find(text[i]) == std::string_view::npos) ++i;
  }
  return std::make_pair(b, i);
}

// A reduced passive relative between a trigger and a later phrase: a noun
// that is not the trigger, then "<participle> by" ("pushing toward the city
// liberated by Kyiv a year ago", "shelled a bridge built by the Soviets in
// 1970"). The phrase dates the participle's act, not the trigger (h-evdate4).
// Not after an auxiliary or an adverb ("the port was hit by", "were
// reportedly seized by"): a main verb of the trigger's clause.
bool ReducedPassiveBetween(std::string_view gap) {
  static constexpr std::array<std::string_view, 9> kIrregular = {
      "taken", "retaken", "built", "won", "hit", "shot", "overrun", "held", "driven"};
  static constexpr std::array<std::string_view, 22> kNotNoun = {
      "was", "were", "been", "being", "be", "is",   "are", "am",   "get",  "gets",  "got",
      "had", "has",  "have", "and",   "or", "then", "not", "also", "that", "which", "who"};
  // Only the stretch that runs into the phrase: a relative cut off by a
  // comma, a dash or a parenthesis ("attacks on Crimea - annexed by Moscow in
  // 2014 - have become daily since early May") does not reach it.
  for (std::string_view cut : {",", ";", ":", "(", ")", " - ", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (const std::size_t at = gap.rfind(cut); at != std::string_view::npos)
      gap.remove_prefix(at + cut.size());
  }
  const std::vector<std::string_view> words = Tokens(gap);
  for (std::size_t k = 1; k + 1 < words.size(); ++k) {
    if (Lower(words[k + 1]) != "by") continue;
    const std::string w = Lower(words[k]);
    const bool participle = (w.size() > 4 && w.ends_with("ed")) ||
                            std::find(kIrregular.begin(), kIrregular.end(), w) != kIrregular.end();
    if (!participle) continue;
    const std::string prev = Lower(words[k - 1]);
    if (prev.ends_with("ly") || std::find(kNotNoun.begin(), kNotNoun.end(), prev) != kNotNoun.end())
      continue;
    return true;
  }
  return false;
}

// h-evdate27: an arrest's phrase that belongs to the act the arrest is
// for, the act's trigger at [ob, oe) after the arrest's end `ce`. A phrase
// inside a relative clause of the act ("arrested in connection with a
// shooting that happened at a game on Friday", "charged in the murder of a
// cashier, who was shot on 1 February") or bound before the act's noun
// ("arrested for the Labor Day shooting", "in the March 3 kidnapping", "in
// Monday's stabbing") dates that act, not the arrest, which is then the
// day's news unless another phrase dates it. "arrested a man who shot his
// wife on Sunday" and "arrested for the murder on Monday" are neither: the
// phrase may be the arrest's (ChargeObjectBetween); nor a raid, in which
// the arrests are made.
bool ActPhraseAfterArrest(std::string_view text, std::size_t ce, std::size_t ob, std::size_t oe,
                          const TimeExpr& t) {
  if (ob < ce) return false;
  // A raid is the arrest's own operation ("detained 25 in overnight raids").
  const std::string noun = Lower(TrimSpace(Slice(text, ob, oe)));
  if (noun.starts_with("raid")) return false;
  const auto link = [&](std::size_t e) {
    // The arrest's link to the act: a short run without a clause break.
    const std::string_view gap = Slice(text, ce, e);
    return gap.find_first_of(",;:()") == std::string_view::npos && Tokens(gap).size() <= 10;
  };
  if (t.end <= ob) {
    // Bound before the noun: a determiner, an owner or a preposition before
    // the phrase, at most two words (or the possessive) between it and the noun.
    if (t.begin < ce || ob - t.end > 30 || !link(t.begin)) return false;
    const std::string_view gap = Slice(text, t.end, ob);
    if (gap.find_first_of(",;:()\"") != std::string_view::npos || Tokens(gap).size() > 2)
      return false;
    const std::vector<std::string_view> before = Tokens(Slice(text, ce, t.begin));
    if (before.empty()) return false;
    const std::string w = Lower(before.back());
    return w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" ||
           w == "in" || w == "for" || w == "over" || w == "of";
  }
  if (oe > t.begin || !link(ob)) return false;
  // A relative clause of the act's noun holds the phrase.
  const std::string_view rel = Slice(text, oe, t.begin);
  if (rel.find_first_of(";:()") != std::string_view::npos) return false;
  const std::vector<std::string_view> words = Tokens(rel);
  if (words.size() > 16) return false;
  for (std::string_view w : words) {
    const std::string low = Lower(w);
    if (low == "that" || low == "who" || low == "which" || low == "where") return true;
  }
  return false;
}

// h-evdate27: a saying's own day before "that" and a definite mention of
// the act in the complement ("said Monday that the attack was …",
// "announced on Sunday that it would investigate the shooting as …"): the
// day is the saying's, and the act, named as known, lies before it (the
// mention's context or an earlier day dates it). An indefinite act ("said
// Wednesday that a drone attack hit …") is the day's news: not this.
bool SayingDayBeforeKnownAct(std::string_view text, std::size_t sb, const TimeExpr& t,
                             std::size_t tb) {
  if (t.end > tb || tb - t.end > 120) return false;
  const std::vector<std::string_view> after = Tokens(Slice(text, t.end, tb));
  if (after.empty() || Lower(after.front()) != "that") return false;
  if (Slice(text, t.end, tb).find_first_of(",;:()") != std::string_view::npos) return false;
  const std::vector<std::string_view> before = Tokens(Slice(text, sb, t.begin));
  if (before.empty()) return false;
  const std::string verb = Lower(before.back());
  if (verb != "said" && verb != "says" && verb != "announced" && verb != "confirmed") return false;
  // The determiner of the act's noun: "the", "this" or "that" within the two
  // words before the trigger ("the attack", "the Jacksonville shooting").
  const std::size_t n = after.size();
  for (std::size_t k = n > 2 ? n - 2 : 1; k < n; ++k) {
    const std::string w = Lower(after[k]);
    if (w == "the" || w == "this") return true;
  }
  return false;
}

// "X came after Y on Monday", "X followed Y on Monday": the phrase after the
// second trigger dates it, the first trigger is told as later (h-evdate4).
bool ComesAfter(std::string_view gap) {
  // Most gaps hold none of the verbs: no tokens then.
  if (gap.find("came") == std::string_view::npos && gap.find("comes") == std::string_view::npos &&
      gap.find("follow") == std::string_view::npos)
    return false;
  const std::vector<std::string_view> words = Tokens(gap);
  bool came = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string w = Lower(words[k]);
    if (w == "follows" || w == "followed") return k + 4 >= words.size();
    if (w == "came" || w == "comes") came = true;
    if (came && (w == "after" || w == "following")) return k + 4 >= words.size();
  }
  return false;
}

// A sentence that tells a custody, a charge or a court ("was arrested
// Monday for kidnapping", "charged over Sunday's stabbing"): its day phrase
// is most often that step's, not the act's (h-evdate20, Finish).
bool TellsCustody(std::string_view sentence) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "arrested",  "arrest",    "detained", "charged",     "charges",    "accused",
      "convicted", "sentenced", "jailed",   "suspected",   "suspicion",  "custody",
      "trial",     "court",     "guilty",   "indicted",    "plead",      "pleaded",
      "verdict",   "jury",      "charge",   "prosecutors", "extradited", "remanded"};
  for (std::string_view w : Tokens(sentence))
    if (std::find(kWords.begin(), kWords.end(), Lower(w)) != kWords.end()) return true;
  return false;
}

// "since" among the three words before the trigger at `tb`, or a noun of
// a recording among the four ("parents came back to the hall on Friday,
// their first visit since the shooting", "a clip of the gunfight was
// published on Friday"): the phrase is not the act's (h-evdate20, Finish).
bool BodyActAside(std::string_view text, std::size_t tb) {
  static constexpr std::array<std::string_view, 12> kRecording = {
      "footage", "video", "videos", "bodycam", "cctv",     "image",
      "images",  "photo", "photos", "picture", "pictures", "recording"};
  const std::size_t from = tb > 60 ? tb - 60 : 0;
  const auto words = Tokens(Slice(text, from, tb));
  for (std::size_t k = words.size() > 4 ? words.size() - 4 : 0; k < words.size(); ++k) {
    const std::string w = Lower(words[k]);
    if (w == "since" && k + 3 >= words.size()) return true;
    if (std::find(kRecording.begin(), kRecording.end(), w) != kRecording.end()) return true;
  }
  return false;
}

// The trigger is named as lasting days or more: "weeks of fighting", "after
// months of intensive shelling", "two decades of civil war" (at most two
// words between "of" and the trigger, none a determiner or preposition), as
// TellsBackground reads it. `before` is the text before the trigger.
bool NamedAsLasting(std::string_view before) {
  const std::vector<std::string_view> words = Tokens(before);
  static constexpr std::array<std::string_view, 14> kStop = {
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from"};
  const std::size_t n = words.size();
  for (std::size_t skip = 0; skip <= 2 && skip < n; ++skip) {
    const std::string w = Lower(words[n - 1 - skip]);
    if (w != "of") {
      if (std::find(kStop.begin(), kStop.end(), w) != kStop.end()) return false;
      continue;
    }
    if (skip + 1 >= n) return false;
    const std::string unit = Lower(words[n - 2 - skip]);
    return unit == "days" || unit == "weeks" || unit == "months" || unit == "years" ||
           unit == "decades";
  }
  return false;
}

// A subordinating word among the eight words before the trigger: "who",
// "whom", "which", "that", "when", "after", "before", "since", "once",
// "until" ("the ally who was arrested", "after he was detained").
bool SubordinateBefore(std::string_view before) {
  const std::vector<std::string_view> words = Tokens(before);
  static constexpr std::array<std::string_view, 10> kSub = {
      "who", "whom", "which", "that", "when", "after", "before", "since", "once", "until"};
  for (std::size_t k = words.size() > 8 ? words.size() - 8 : 0; k < words.size(); ++k)
    if (std::find(kSub.begin(), kSub.end(), Lower(words[k])) != kSub.end()) return true;
  return false;
}

// The stretch between a custody or charge trigger and a later phrase opens
// the charge's object (h-evdate9): "was arrested for allegedly firebombing
// a clinic in March 2022", "were arrested and accused of murdering a friend
// earlier this month", "two men were charged over the 2019
// murder of a guard". The phrase dates the act charged, not the arrest. The cue
// ("for", "over", "of" after accused / suspected / suspicion / charges,
// "with" after charged, "with" / "to" after connection) opens within the
// first five words of `gap`, no clause punctuation in it; after the cue at
// most fourteen words, no auxiliary, saying verb or relative
// pronoun, and an act: a word in -ing ("murdering", "the shooting") or a
// noun of a crime, there or in the three words of `next` (the text after
// the phrase: "the February 2021 slaying").
bool ChargeObjectBetween(std::string_view gap, std::string_view next) {
  if (gap.find_first_of(",;:()") != std::string_view::npos) return false;
  const std::vector<std::string_view> words = Tokens(gap);
  static constexpr std::array<std::string_view, 14> kBlock = {
      "is",   "are",  "was",  "were", "has",  "have",  "had",
      "said", "says", "told", "who",  "that", "which", "when"};
  static constexpr std::array<std::string_view, 16> kCrime = {
      "murder",  "murders", "killing", "killings", "death",   "deaths", "slaying", "slayings",
      "assault", "attack",  "attacks", "rape",     "robbery", "arson",  "fraud",   "riot"};
  for (std::size_t k = 0; k < words.size() && k < 5; ++k) {
    const std::string w = Lower(words[k]);
    const std::string prev = k > 0 ? Lower(words[k - 1]) : std::string();
    const bool cue = w == "for" || w == "over" ||
                     (w == "of" && (prev == "accused" || prev == "suspected" ||
                                    prev == "suspicion" || prev == "charges")) ||
                     (w == "with" && (prev == "charged" || prev == "connection")) ||
                     (w == "to" && prev == "connection");
    if (!cue) continue;
    if (words.size() - k - 1 > 14) return false;
    bool act = false;
    for (std::size_t q = k + 1; q < words.size(); ++q) {
      std::string x = Lower(words[q]);
      while (!x.empty() && !std::isalpha(static_cast<unsigned char>(x.back()))) x.pop_back();
      if (std::find(kBlock.begin(), kBlock.end(), x) != kBlock.end()) return false;
      // A crime noun counts with a determiner or an owner before it ("the
      // murder", "his alleged murder"), not bare: "arrested for rape in
      // October 2021" names the charge, and the phrase is the arrest's.
      bool owned = false;
      for (std::size_t d = q > k + 2 ? q - 2 : k + 1; d < q; ++d) {
        const std::string y = Lower(words[d]);
        owned = owned || y == "the" || y == "a" || y == "an" || y == "his" || y == "her" ||
                y == "their" || y == "its" || y.ends_with("'s") || y.ends_with("\xE2\x80\x99s");
      }
      if ((x.size() > 5 && x.ends_with("ing") && x != "during" && x != "including") ||
          (owned && std::find(kCrime.begin(), kCrime.end(), x) != kCrime.end()))
        act = true;
    }
    const std::vector<std::string_view> tail = Tokens(next);
    for (std::size_t q = 0; q < tail.size() && q < 3 && !act; ++q) {
      std::string x = Lower(tail[q]);
      while (!x.empty() && !std::isalpha(static_cast<unsigned char>(x.back()))) x.pop_back();
      act = std::find(kCrime.begin(), kCrime.end(), x) != kCrime.end() ||
            (x.size() > 5 && x.ends_with("ing") && x != "during" && x != "including");
    }
    return act;
  }
  return false;
}

// A noun phrase about a publication, a meeting, a plan or a season's work,
// not an act of violence: "newsletter", "papers", "briefing", "summit",
// "pledge", "harvest", "breakdown" (of talks or a truce).
bool NamesNoAct(std::string_view np) {
  // h-evdate22: "front pages", "headlines" (a review of the papers).
  static constexpr std::array<std::string_view, 33> kNoAct = {
      "pages",     "headlines",  "headline", "newsletter", "newsletters", "paper",     "papers",
      "newspaper", "newspapers", "briefing", "briefings",  "show",        "shows",     "summit",
      "meeting",   "talks",      "visit",    "pledge",     "harvest",     "breakdown", "edition",
      "episode",   "programme",  "program",  "podcast",    "interview",   "speech",    "address",
      "vote",      "election",   "contest",  "match",      "game"};
  for (const std::string_view w : Tokens(np)) {
    std::string low = Lower(w);
    // The phrase may close the sentence: "lead Saturday's newspapers."
    // (h-evdate22).
    while (!low.empty() && !std::isalpha(static_cast<unsigned char>(low.back()))) low.pop_back();
    if (std::find(kNoAct.begin(), kNoAct.end(), low) != kNoAct.end()) return true;
  }
  return false;
}

// ---- a date phrase offset from the event it anchors -------------------------

// The words hold a past verb: was, were, had, did, a word in -ed or a
// common irregular past ("the museum opened", "troops fought"). Used by
// AnchoredOffset for a count of years from publication.
// A word in -ed right after a determiner, "of", a possessive or a form of
// "be" other than "was" / "were" is an adjective or a passive participle,
// no past tense: "the remains of murdered teen", "will be released",
// "has been freed" (h-evdate24).
bool PastClause(std::string_view s) {
  static constexpr std::array<std::string_view, 25> kPast = {
      "was",  "were", "had",  "did", "took", "began", "fought", "went", "made",
      "came", "fled", "flew", "won", "lost", "left",  "held",   "led",  "saw",
      "met",  "told", "said", "ate", "gave", "built", "got"};
  static constexpr std::array<std::string_view, 15> kNotTense = {
      "a",   "an", "the", "of",   "his",   "her", "their", "its",
      "our", "my", "be",  "been", "being", "is",  "are"};
  std::string prev;
  for (std::string_view w : Tokens(s)) {
    std::string low;
    for (char ch : w) {
      if (!std::isalpha(static_cast<unsigned char>(ch))) break;
      low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (low.size() > 3 && low.ends_with("ed") &&
        std::find(kNotTense.begin(), kNotTense.end(), prev) == kNotTense.end())
      return true;
    if (std::find(kPast.begin(), kPast.end(), low) != kPast.end()) return true;
    prev = std::move(low);
  }
  return false;
}

// The date of an event named as the anchor of an offset after a date phrase:
// "hit the port on Thursday, a day after the enemy fired a barrage of rockets"
// (the barrage: Wednesday), "was poisoned in April 2015, two months after the
// explosion" (the explosion: February 2015). The phrase dates the act told
// before the offset; the trigger, named after "<count> <unit> after|before",
// lies that far before (after) it. A count of days or weeks needs a day, of
// months a day or a month, of years any of these; a unit without a count ("just
// days after", "a few weeks after", "months before") gives a range of 2 to 7
// units, as "a few days ago" (docs/dates.md); hours and minutes ("hours
// after") keep the phrase's day. The words from the anchor word to the
// trigger hold no comma, colon, semicolon, dash or parenthesis and at most
// eight words, so a fronted "two days after the vote, rebels attacked" is not
// read. `phrase_end` and `tb` are byte offsets into `text`.
struct AnchoredDate {
  Interval interval;
  std::size_t words_begin = 0, words_end = 0;  // "a day after"
};

//
// `after_only` (h-evdate8): the anchor is the publication day (the act told
// before the offset is the day's news: "the raid comes one day after an
// ambush", "has died two years after being set alight"); only "after"
// counts ("three weeks before he murdered her" is told of a past act).
std::optional<AnchoredDate> AnchoredOffset(std::string_view text, const TimeExpr& phrase,
                                           std::size_t tb, bool after_only = false) {
  using namespace std::chrono;
  if (!phrase.resolved || !phrase.interval.start || !phrase.interval.end || phrase.end > tb)
    return std::nullopt;
  const Precision p = phrase.interval.precision;
  if (p != Precision::kDay && p != Precision::kMonth && p != Precision::kYear) return std::nullopt;
  const std::string_view gap = Slice(text, phrase.end, tb);
  // The last "after" / "before" of the gap.
  std::size_t at = std::string_view::npos;
  int sign = 0;
  for (std::size_t i = 0; i < gap.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(gap[i - 1]))) continue;
    if (HasWordAt(gap, i, "after")) at = i, sign = -1;
    if (HasWordAt(gap, i, "before")) at = i, sign = 1;
  }
  if (at == std::string_view::npos || (after_only && sign > 0)) return std::nullopt;
  const std::size_t word_end = at + (sign < 0 ? 5 : 6);
  const std::string_view rest = gap.substr(word_end);
  if (rest.find_first_of(",;:()") != std::string_view::npos ||
      rest.find("\xE2\x80\x94") != std::string_view::npos ||
      rest.find("\xE2\x80\x93") != std::string_view::npos ||
      rest.find(" - ") != std::string_view::npos)
    return std::nullopt;
  if (Tokens(rest).size() > 8) return std::nullopt;
  // "<count> <unit>" right before the anchor word.
  const auto before = Tokens(gap.substr(0, at));
  if (before.empty()) return std::nullopt;
  std::string unit;
  for (char ch : before.back())
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const bool plural = unit.size() > 1 && unit.back() == 's';
  if (plural) unit.pop_back();
  if (unit == "hour" || unit == "minute") return std::nullopt;  // the phrase's own day
  if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return std::nullopt;
  std::optional<std::int64_t> count;
  bool vague = false;    // "a few days", "several weeks", "days"
  bool counted = false;  // a word before the unit gives the count: "two", "a", "few"
  if (before.size() >= 2) {
    std::string w;
    for (char ch : before[before.size() - 2])
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (w == "few" || w == "several" || w == "some") {
      vague = true;
    } else if (w == "the" || w == "a" || w == "an" || w == "one") {
      if (plural) return std::nullopt;
      count = 1;
    } else if (auto v = ParseNumber(w); v && *v >= 1 && *v <= 99) {
      count = *v;
    }
    counted = count || vague;
    // "more than two days after", "over a week after": no point to count from.
    if (before.size() >= 3 && (count || vague)) {
      std::string x;
      for (char ch : before[before.size() - 3])
        x += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (x == "than" || x == "over" || x == "under") return std::nullopt;
      // A term of prison or a length of stay, not an offset: "jailed for
      // five years after", "got seven years after", "sentenced to ten
      // years after", "will serve 20 years after" (h-evdate24).
      for (std::string_view v : {"for", "got", "gets", "get", "given", "serve", "serves", "serving",
                                 "served", "to", "faces", "face", "facing"})
        if (x == v) return std::nullopt;
    }
  }
  if (!count && !plural) return std::nullopt;  // "the day after", "a week before" have counts
  if (!count) vague = true;
  // From publication, a count of weeks is too loose for the Monday-Sunday
  // week it would give ("five weeks after she was kidnapped": 7 October is
  // a day outside it), and a unit without a count ("weeks after the
  // bombing") keeps the open start ..pub (TellsBackground's weak cue); nor
  // is a trigger with a month of its own ("a few days after November's
  // bombing") the day's.
  if (after_only && (vague || (unit == "week" && count))) return std::nullopt;
  if (after_only) {
    // The act before the offset must read as the day's news: a present or
    // a perfect ("is still simmering two years after", "has died two years
    // after"), a passive, or "came" / "occurred" ("the strike came a day
    // after"); not a past narrative ("its construction began one year
    // after", "an envoy flew four days after").
    bool news = false;
    std::string_view main = gap.substr(0, at);
    if (const std::size_t cut = main.find_last_of(";:"); cut != std::string_view::npos)
      main.remove_prefix(cut + 1);
    for (std::string_view w : Tokens(main)) {
      std::string low;
      for (char ch : w) low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (std::string_view v : {"is", "are", "was", "were", "has", "have", "comes", "come", "came",
                                 "occurred", "happened", "says"})
        if (low == v) news = true;
    }
    // A count of years from now needs no verb of news: a fronted offset
    // ("Two years after the uprising, little has changed"), a headline
    // ("Singer visits the town 5 years after deadly bombing") or a present
    // clause ("there's little change a year after the protests") names an
    // anniversary of today (h-evdate22). Not a past clause ("the museum
    // opened two years after the war", "returned a cake 77 years after"):
    // its own time is the anchor.
    if (!news && unit == "year" && count && !vague && !PastClause(main)) news = true;
    if (!news) return std::nullopt;
    for (std::string_view w : Tokens(rest)) {
      std::string low;
      for (char ch : w) {
        if (!std::isalpha(static_cast<unsigned char>(ch))) break;
        low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      static constexpr std::array<std::string_view, 12> kMonths = {
          "january", "february", "march",     "april",   "may",      "june",
          "july",    "august",   "september", "october", "november", "december"};
      if (std::find(kMonths.begin(), kMonths.end(), low) != kMonths.end()) return std::nullopt;
      // A saying or a vow between: the offset dates it, and the trigger is
      // what it names ("a day after the ministry vowed revenge for a missile
      // attack").
      for (std::string_view stem :
           {"said", "say", "vow", "blam", "threat", "promis", "warn", "accus", "claim", "announc",
            "pledg", "urg", "demand", "deni", "deny", "told", "report", "call"})
        if (low.starts_with(stem)) return std::nullopt;
    }
  }
  // The phrase's precision must be at least the unit's.
  if ((unit == "day" || unit == "week") && p != Precision::kDay) return std::nullopt;
  if (unit == "month" && p == Precision::kYear) return std::nullopt;
  const Date from = *phrase.interval.start;
  const auto month_start = [](const Date& d, int months) {
    const year_month ym = year_month(d.year(), d.month()) + std::chrono::months(months);
    return Date(ym.year(), ym.month(), day(1));
  };
  const auto month_end = [](const Date& d, int months) {
    const year_month ym = year_month(d.year(), d.month()) + std::chrono::months(months);
    return Date(ym.year() / ym.month() / last);
  };
  AnchoredDate out;
  out.words_begin = phrase.end + (before.back().data() - gap.data());
  if (counted) out.words_begin = phrase.end + (before[before.size() - 2].data() - gap.data());
  out.words_end = phrase.end + word_end;
  Interval& iv = out.interval;
  const int n = count ? static_cast<int>(*count) : 0;
  if (vague) {
    // Two to seven units away, as "a few days ago".
    const int lo = sign < 0 ? -7 : 2, hi = sign < 0 ? -2 : 7;
    iv.precision = Precision::kRange;
    if (unit == "day" || unit == "week") {
      const int k = unit == "week" ? 7 : 1;
      iv.start = AddDays(from, lo * k);
      iv.end = AddDays(from, hi * k);
    } else if (unit == "month") {
      iv.start = month_start(from, lo);
      iv.end = month_end(from, hi);
    } else {
      iv.start = Date(from.year() + years(lo), January, day(1));
      iv.end = Date(from.year() + years(hi), December, day(31));
    }
    return out;
  }
  if (unit == "day") {
    iv.start = iv.end = AddDays(from, sign * n);
    iv.precision = Precision::kDay;
  } else if (unit == "week") {
    // The Monday-Sunday week of that day, as "three weeks ago".
    const Date d = AddDays(from, sign * n * 7);
    const int back = static_cast<int>((WeekdayOf(d).iso_encoding() + 6) % 7);
    iv.start = AddDays(d, -back);
    iv.end = AddDays(*iv.start, 6);
    iv.precision = Precision::kWeek;
  } else if (unit == "month") {
    iv.start = month_start(from, sign * n);
    iv.end = month_end(from, sign * n);
    iv.precision = Precision::kMonth;
  } else {
    const year y = from.year() + years(sign * n);
    iv.start = Date(y, January, day(1));
    iv.end = Date(y, December, day(31));
    iv.precision = Precision::kYear;
  }
  return out;
}

// The publication day as a phrase at `at` (an empty span), for
// AnchoredOffset's `after_only` reading.
TimeExpr PublicationDay(const Date& pub, std::size_t at) {
  TimeExpr t;
  t.begin = t.end = at;
  t.resolved = true;
  t.interval.start = t.interval.end = pub;
  t.interval.precision = Precision::kDay;
  return t;
}

// ---- cues -----------------------------------------------------------------

// "Biden's" as captured before a noun: the owner is the actor.
// A counted span since the trigger, or its counted anniversary, with
// nothing to anchor the count but the day of writing (h-evdate9): "Friday
// marks six months since the journalist's arrest", "in the two years since
// the invasion", "on the two-year anniversary of the riot", "the 30th
// anniversary of the massacre". The trigger lies that many units before
// `anchor` (the publication day or a day phrase before the count), as "six
// months ago": a day, the Monday-Sunday week, the month or the year. The
// count stands in the last eight words before the trigger; between "since"
// or "anniversary of" and the trigger at most four words, no clause
// punctuation and no finite verb. Not "more than", "over", "under" or
// "almost" before the count (no point to count from). `cb` is the clause
// start, `tb` the trigger's; `*cue_at` .. `*cue_end` get the words from the
// count to "since" or "anniversary of".
std::optional<Interval> CountedSinceBefore(std::string_view text, std::size_t cb, std::size_t tb,
                                           const Date& anchor, std::size_t* cue_at,
                                           std::size_t* cue_end) {
  using namespace std::chrono;
  if (tb <= cb) return std::nullopt;
  const std::string s = Lower(text.substr(cb, tb - cb));
  if (s.find("since") == std::string::npos && s.find("anniversary") == std::string::npos)
    return std::nullopt;
  const std::vector<std::string_view> w = Tokens(s);
  const std::size_t n = w.size();
  const auto at = [&](std::size_t k) { return static_cast<std::size_t>(w[k].data() - s.data()); };
  for (std::size_t k = n > 8 ? n - 8 : 1; k < n; ++k) {
    const bool since = w[k] == "since";
    const bool anniversary = w[k] == "anniversary" && k + 1 < n && w[k + 1] == "of";
    if (!since && !anniversary) continue;
    const std::size_t after = at(k) + w[k].size() + (anniversary ? 3 : 0);
    if (n - k - (anniversary ? 2 : 1) > 4) continue;
    const std::string_view rest = std::string_view(s).substr(after);
    if (rest.find_first_of(",;:()") != std::string_view::npos) continue;
    bool verb = false;
    for (std::size_t q = k + (anniversary ? 2 : 1); q < n; ++q) {
      // The trigger's own passive auxiliary after its subject: "15 months
      // since the director was shot dead" (h-evdate24).
      if (since && q == n - 1 && q > k + 1 && (w[q] == "was" || w[q] == "were")) continue;
      if (FiniteVerbAt(s, at(q))) verb = true;
    }
    if (verb) continue;
    std::string unit;
    std::optional<std::int64_t> count;
    std::size_t first = k;  // the count's first word
    if (since) {
      // "<count> <unit> since"
      if (k < 2) continue;
      unit = std::string(w[k - 1]);
      if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
      if (w[k - 2] == "a" || w[k - 2] == "one") {
        count = 1;
      } else {
        count = ParseNumber(w[k - 2]);
      }
      first = k - 2;
    } else {
      // "<n>-<unit> anniversary", "<n> <unit> anniversary", "<ordinal> anniversary"
      const std::string_view m = w[k - 1];
      if (const std::size_t dash = m.rfind('-'); dash != std::string_view::npos) {
        unit = std::string(m.substr(dash + 1));
        const std::string_view c = m.substr(0, dash);
        count = c == "one" ? std::optional<std::int64_t>(1) : ParseNumber(c);
        first = k - 1;
      } else if (const auto o = ParseOrdinal(m)) {
        unit = "year";
        count = *o;
        first = k - 1;
      } else if (k >= 2) {
        unit = std::string(m);
        count = w[k - 2] == "one" ? std::optional<std::int64_t>(1) : ParseNumber(w[k - 2]);
        first = k - 2;
      }
    }
    if (!count || *count < 1 || *count > 200) continue;
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") continue;
    if (first > 0 && (w[first - 1] == "than" || w[first - 1] == "over" || w[first - 1] == "under" ||
                      w[first - 1] == "almost"))
      continue;
    const int c = static_cast<int>(*count);
    Interval iv;
    if (unit == "day") {
      iv.start = iv.end = AddDays(anchor, -c);
      iv.precision = Precision::kDay;
    } else if (unit == "week") {
      const Date d = AddDays(anchor, -7 * c);
      const int back = static_cast<int>((WeekdayOf(d).iso_encoding() + 6) % 7);
      iv.start = AddDays(d, -back);
      iv.end = AddDays(*iv.start, 6);
      iv.precision = Precision::kWeek;
    } else if (unit == "month") {
      const year_month ym = year_month(anchor.year(), anchor.month()) - months(c);
      iv.start = Date(ym.year(), ym.month(), day(1));
      iv.end = Date(ym.year() / ym.month() / last);
      iv.precision = Precision::kMonth;
    } else {
      const year y = anchor.year() - years(c);
      iv.start = Date(y, January, day(1));
      iv.end = Date(y, December, day(31));
      iv.precision = Precision::kYear;
    }
    *cue_at = cb + at(first);
    *cue_end = cb + after;
    return iv;
  }
  return std::nullopt;
}

// `pub` less `c` days, weeks, months or years (`unit` singular), the day
// of the month kept (cut to the month's last): the start of "over the last
// <c> <unit>s" (LastingForAfter, CountedOfBefore).
Date CountedBack(const Date& pub, int c, std::string_view unit) {
  using namespace std::chrono;
  if (unit == "day") return AddDays(pub, -c);
  if (unit == "week") return AddDays(pub, -7 * c);
  const int m = unit == "month" ? c : 12 * c;
  const year_month ym = year_month(pub.year(), pub.month()) - months(m);
  const year_month_day_last l(ym.year(), month_day_last(ym.month()));
  return Date(ym.year(), ym.month(), std::min(pub.day(), l.day()));
}

// A fighting, shelling or protest trigger told as lasting up to now by
// "for <count> <unit>" after it in its clause, in the present perfect or
// with a verb of going on (h-evdate19, the lead's ruling of session 25):
// "fighting has raged for months", "the battle has raged for seven months",
// "protests have rocked the city for weeks", "the violence raging for
// months". A counted span runs back from `pub` (pub - n units .. pub, as
// "over the last nine days"); an uncounted one ("for months", "for several
// weeks", "for more than a year") has an open start. Not the past perfect
// ("had raged for weeks before the truce": over), not a comparison ("the
// worst fighting for years", "the first protest in months"), not a
// modal. `*at` .. `*end` get the words from "for" to the unit.
std::optional<Interval> LastingForAfter(std::string_view text, std::size_t cb, std::size_t ce,
                                        std::size_t tb, std::size_t te, const Date& pub,
                                        std::size_t* at_out, std::size_t* end_out) {
  using namespace std::chrono;
  if (te >= ce || tb < cb) return std::nullopt;
  const std::string s = Lower(text.substr(cb, ce - cb));
  const std::size_t t1 = te - cb;
  std::size_t stop = s.find_first_of(",;:()", t1);
  // A relative clause set off by commas right after the trigger is
  // stepped over ("the battle for the town, which the army still holds,
  // has raged for seven months").
  std::size_t rel_b = std::string::npos, rel_e = std::string::npos;
  if (stop != std::string::npos && s[stop] == ',' &&
      (HasWordAt(s, stop + 2, "which") || HasWordAt(s, stop + 2, "who") ||
       HasWordAt(s, stop + 2, "where"))) {
    rel_b = stop;
    rel_e = s.find(',', stop + 1);
    if (rel_e != std::string::npos) stop = s.find_first_of(",;:()", rel_e + 1);
  }
  if (stop == std::string::npos) stop = s.size();
  std::string kept = s.substr(0, stop);
  if (rel_e != std::string::npos && rel_e < stop)
    std::fill(kept.begin() + static_cast<std::ptrdiff_t>(rel_b),
              kept.begin() + static_cast<std::ptrdiff_t>(rel_e) + 1, ' ');
  const std::vector<std::string_view> w = Tokens(kept);
  const auto pos = [&](std::size_t k) {
    return static_cast<std::size_t>(w[k].data() - kept.data());
  };
  std::size_t first_after = w.size();
  for (std::size_t k = 0; k < w.size(); ++k)
    if (pos(k) >= t1) {
      first_after = k;
      break;
    }
  bool going = false;  // a present perfect or a verb of going on
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string_view x = w[k];
    if (x == "will" || x == "would" || x == "could" || x == "may" || x == "might" ||
        x == "should" || x == "if" || x == "had")
      return std::nullopt;
    if (k >= first_after &&
        (x == "worst" || x == "first" || x == "time" || x == "since" || x == "biggest" ||
         x == "largest" || x == "deadliest" || x == "heaviest" || x == "fiercest" ||
         x == "bloodiest" || x == "most" || x == "longest"))
      return std::nullopt;
    if (x == "has" || x == "have" || x == "raging" || x == "continuing" || x == "persisting")
      going = true;
    if (k < first_after || x != "for") continue;
    if (k - first_after > 8) return std::nullopt;
    if (!going) continue;
    std::size_t q = k + 1;
    bool hedge = false;
    if (q + 1 < w.size() && (w[q] == "more" || w[q] == "over" || w[q] == "nearly" ||
                             w[q] == "almost" || w[q] == "about" || w[q] == "some")) {
      hedge = true;
      if (w[q] == "more" && q + 1 < w.size() && w[q + 1] == "than") ++q;
      ++q;
    }
    std::optional<std::int64_t> count;
    if (q < w.size() && (w[q] == "a" || w[q] == "one")) {
      count = 1;
      ++q;
    } else if (q < w.size() && (w[q] == "several" || w[q] == "many")) {
      hedge = true;
      ++q;
    } else if (q < w.size()) {
      if ((count = ParseNumber(w[q]))) ++q;
    }
    if (q >= w.size()) continue;
    std::string unit(w[q]);
    while (!unit.empty() && !std::isalpha(static_cast<unsigned char>(unit.back()))) unit.pop_back();
    if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") continue;
    if (count && (*count < 1 || *count > 100)) return std::nullopt;
    Interval iv;
    iv.end = pub;
    iv.precision = Precision::kRange;
    if (count && !hedge) iv.start = CountedBack(pub, static_cast<int>(*count), unit);
    *at_out = cb + pos(k);
    std::size_t len = w[q].size();
    while (len > 0 && !std::isalpha(static_cast<unsigned char>(w[q][len - 1]))) --len;
    *end_out = cb + pos(q) + len;
    return iv;
  }
  return std::nullopt;
}

// A fighting, shelling or protest trigger named as lasting a counted span
// before it: "<count> <unit>s of [at most two words] <trigger>" in its
// clause ("after three months of protests", "two weeks of heavy fighting",
// "a year of street protests"), the lead's ruling of session 25 (h-span1).
// The span runs back from `pub` as "over the last nine days" does: pub - n
// units .. pub. Uncounted or hedged ("months of", "more than two months
// of") is left to TellsBackground's open start. Not in a clause with a
// modal or the past perfect ("would bring weeks of protests", "had seen two
// years of protests": not up to now), nor a span that begins now ("the three
// days of protests began calmly"), nor across a comma ("after 18 months of
// war, fighting …"). `*at` .. `*end` get the words from the count to "of".
std::optional<Interval> CountedOfBefore(std::string_view text, std::size_t cb, std::size_t tb,
                                        std::size_t te, const Date& pub, std::size_t* at_out,
                                        std::size_t* end_out) {
  if (tb <= cb || te > text.size()) return std::nullopt;
  {
    const std::string after = Lower(text.substr(te, std::min<std::size_t>(24, text.size() - te)));
    const auto next = Tokens(after);
    if (!next.empty() && (next[0] == "begin" || next[0] == "began" || next[0] == "begins" ||
                          next[0] == "start" || next[0] == "started" || next[0] == "starts"))
      return std::nullopt;
  }
  const std::string s = Lower(text.substr(cb, tb - cb));
  const std::vector<std::string_view> w = Tokens(s);
  const std::size_t n = w.size();
  static constexpr std::array<std::string_view, 14> kStop = {
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from"};
  std::size_t of = n;
  for (std::size_t skip = 0; skip <= 2 && skip < n; ++skip) {
    const std::string_view x = w[n - 1 - skip];
    if (x == "of") {
      of = n - 1 - skip;
      break;
    }
    if (std::find(kStop.begin(), kStop.end(), x) != kStop.end()) return std::nullopt;
  }
  if (of == n || of < 2) return std::nullopt;
  if (s.find_first_of(",;:()", static_cast<std::size_t>(w[of].data() - s.data())) !=
      std::string::npos)
    return std::nullopt;
  std::string unit(w[of - 1]);
  if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
  if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return std::nullopt;
  const std::string_view before = w[of - 2];
  static constexpr std::array<std::string_view, 8> kHedge = {"than",  "over", "nearly", "almost",
                                                             "about", "some", "around", "several"};
  if (of >= 3 && std::find(kHedge.begin(), kHedge.end(), w[of - 3]) != kHedge.end())
    return std::nullopt;
  const std::optional<std::int64_t> count = ParseNumber(before);
  if (!count || *count < 1 || *count > 100) return std::nullopt;
  for (std::size_t k = 0; k < of; ++k) {
    const std::string_view x = w[k];
    if (x == "will" || x == "would" || x == "could" || x == "may" || x == "might" ||
        x == "should" || x == "if" || x == "had")
      return std::nullopt;
  }
  Interval iv;
  iv.start = CountedBack(pub, static_cast<int>(*count), unit);
  iv.end = pub;
  iv.precision = Precision::kRange;
  *at_out = cb + static_cast<std::size_t>(before.data() - s.data());
  *end_out = cb + static_cast<std::size_t>(w[of].data() - s.data()) + 2;
  return iv;
}

std::string StripPossessive(std::string s) {
  for (std::string_view p : {"'s", "\xE2\x80\x99s"}) {
    if (s.size() > p.size() && s.ends_with(p)) {
      s.resize(s.size() - p.size());
      break;
    }
  }
  return s;
}

// Types whose subject may count what moved or was lost ("some 24 jets and
// 14 helicopters withdrew").
// False for a one-word "source" that names no one: in upper-case wire copy
// a cue's name slot takes any word ("ACCORDING TO THAT GARRISON", "IT HAS
// BEEN OFFICIALLY CONFIRMED"). The modality stands; only the source goes.
bool IsNamingSource(std::string_view source) {
  if (source.empty() || source.find(' ') != std::string_view::npos) return !source.empty();
  std::string w(source);
  for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::unordered_set<std::string_view> kNoNames = {
      "a",     "an",       "the",       "this",    "that",      "these",   "those", "no",
      "his",   "her",      "its",       "their",   "our",       "my",      "your",  "has",
      "have",  "had",      "was",       "were",    "is",        "are",     "be",    "been",
      "it",    "he",       "she",       "they",    "we",        "i",       "you",   "who",
      "which", "what",     "also",      "today",   "yesterday", "tonight", "hours", "days",
      "weeks", "months",   "years",     "minutes", "then",      "now",     "later", "earlier",
      "not",   "and",      "but",       "or",      "as",        "so",      "if",    "when",
      "by",    "of",       "in",        "on",      "at",        "to",      "from",  "with",
      "one",   "only",     "just",      "first",   "there",     "him",     "them",  "percent",
      "heard", "received", "published", "latest"};
  if (kNoNames.count(w) != 0) return false;
  // Adverbs and participles: "OFFICIALLY", "HAVING", "BEING".
  return !(w.size() > 4 && (w.ends_with("ly") || w.ends_with("ing")));
}

// True when `word` is an entry of the rule set's lexicon `name`, in any
// letter case.
bool IsLexiconEntry(const RuleSet* rules, std::string_view name, std::string_view word) {
  if (rules == nullptr || word.empty()) return false;
  const auto it = rules->lexicons.find(name);
  if (it == rules->lexicons.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& e) {
    return e.size() == word.size() &&
           std::equal(e.begin(), e.end(), word.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) ==
                    std::tolower(static_cast<unsigned char>(b));
           });
  });
}

bool CountsSubject(std::string_view type) {
  return type == "withdrawal" || type == "deployment" || type == "equipment_loss" ||
         type == "surrender";
}

// Types whose object counts the people or things the event took or hit:
// "detained 23 people", "kidnapped 12 engineers", "sent 3,000 troops".
bool CountsObject(std::string_view type) {
  return type == "arrest" || type == "abduction" || type == "deployment" ||
         type == "equipment_loss";
}

int ModalityRank(std::string_view m) {
  if (m == "negated") return 5;
  if (m == "hypothetical") return 4;
  if (m == "expected") return 3;
  if (m == "denied") return 2;
  if (m == "claimed") return 1;
  return 0;
}

// True when one of the first five words of `s` is a verb of onset ("begin",
// "start", "come", "be launched") and none is "have" (speculation about a
// past event: "may have been planted by the insurgents").
bool OnsetFollows(std::string_view s) {
  static constexpr std::array<std::string_view, 14> kOnset = {
      "begin",    "start",    "come",   "happen", "occur",  "resume", "erupt",
      "commence", "launched", "staged", "unfold", "follow", "begun",  "started"};
  const auto words = Tokens(s);
  for (std::size_t i = 0; i < words.size() && i < 5; ++i) {
    std::string w;
    for (char ch : words[i]) w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (w == "have") return false;
    for (std::string_view o : kOnset)
      if (w == o) return true;
  }
  return false;
}

bool IsLocalCue(std::string_view cue) {
  return cue == "negated" || cue == "hypothetical" || cue == "expected";
}

// h-prec14: a row whose own date phrase is a recent span running up to the
// report ("in recent weeks", "over the past two years", "in the past month",
// "so far this year") sums up or counts the acts of that span, not one of
// them: "Russia has launched a series of drone attacks in recent weeks",
// "over a hundred were shot dead in the state so far this year".
// Taken back when the span is longer than two weeks (so "in the past few
// days" keeps one raid's toll) and the trigger is not inside the phrase.
// "since …" is left alone: the challenge table counts a war or an
// insurgency's toll since a year as its event ("rebels have been fighting
// the government since 2015"). Only the violent types and arrests: protests
// over weeks are {SPAN_LEAD}'s, and places held or taken are states.
bool SpanAggregate(const EventRow& row, std::string_view trigger) {
  static constexpr std::array<std::string_view, 10> kTypes = {
      "casualties", "killing",     "attack", "air_strike",     "shelling",
      "arrest",     "armed_clash", "arson",  "equipment_loss", "explosion"};
  if (row.date_source != "text" ||
      std::find(kTypes.begin(), kTypes.end(), row.event_type) == kTypes.end())
    return false;
  static constexpr std::array<std::string_view, 10> kLeads = {
      "so far ",    "over the past ", "over the last ", "in the past ",     "in the last ",
      "in recent ", "for the past ",  "for the last ",  "during the past ", "during the last "};
  std::string lower;
  lower.reserve(row.date_text.size());
  for (char ch : row.date_text)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (std::none_of(kLeads.begin(), kLeads.end(),
                   [&](std::string_view l) { return lower.starts_with(l); }))
    return false;
  if (!trigger.empty() && row.date_text.find(trigger) != std::string::npos) return false;
  const std::optional<Date> start = ParseIsoDate(row.date_start);
  const std::optional<Date> end = ParseIsoDate(row.date_end);
  if (!start || !end) return false;
  const auto days = (std::chrono::sys_days{*end} - std::chrono::sys_days{*start}).count();
  return days > 14;
}

// WarBackground and PluralCampaign: the sentence names no place narrower
// than the war's. A place the rule captured that the gazetteer does not know
// is taken for a town ("Dorel devastated by fighting"); every place found is
// a country, a territory or "Gaza" alone (the Strip in the news: the
// gazetteer holds it as the city; "Gaza City" is the city).
bool OnlyWarWidePlaces(std::string_view written_place, std::string_view text,
                       std::span<const PlaceMention> places) {
  const auto written = [&](const PlaceMention& p) {
    return p.end > p.begin && p.end <= text.size() ? text.substr(p.begin, p.end - p.begin)
                                                   : std::string_view{};
  };
  if (!written_place.empty() &&
      std::none_of(places.begin(), places.end(),
                   [&](const PlaceMention& p) { return written(p) == written_place; }))
    return false;
  for (const PlaceMention& p : places) {
    const std::string_view kind = p.best().kind;
    if (kind == "country" || kind == "territory") continue;
    if (kind == "city" && written(p) == "Gaza") continue;
    return false;
  }
  return true;
}

// `entry` occurs in `lowered` (a lowered sentence) as whole words: no letter
// or digit on either side.
bool HasWholePhrase(std::string_view lowered, std::string_view entry) {
  for (std::size_t at = lowered.find(entry); at != std::string_view::npos;
       at = lowered.find(entry, at + 1)) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(lowered[at - 1]));
    const std::size_t end = at + entry.size();
    const bool right =
        end == lowered.size() || !std::isalnum(static_cast<unsigned char>(lowered[end]));
    if (left && right) return true;
  }
  return false;
}

// Ruling 12 of session 31 (h-prec34): the war or a whole campaign named by a
// war-wide noun ("the fighting in Sudan", "Israel's bombardment of Gaza",
// "the ground offensive", "a pause in hostilities") is background, not an
// event, when the sentence gives it nothing of its own: no date of the
// sentence or of the episode before (a span told as a duration, "seven
// months of fighting", is none), no count, no place narrower than a country
// or a territory, no particular target ({FACILITY}: a hospital, a camp, a
// bridge). A toll since the war began stays a casualties row (its own
// rules); an act of the war told with any of these stays.
bool WarBackground(const EventRow& row, std::string_view trigger, std::string_view sentence,
                   std::size_t tb, std::size_t te, std::string_view written_place,
                   std::string_view text, std::span<const PlaceMention> places,
                   const RuleSet* rules) {
  static constexpr std::string_view kTypes[] = {"armed_clash", "shelling", "air_strike"};
  static constexpr std::string_view kWarNoun[] = {"fighting",  "bombardment", "bombardments",
                                                  "offensive", "hostilities", "war",
                                                  "conflict",  "invasion",    "campaign"};
  if (std::find(std::begin(kTypes), std::end(kTypes), row.event_type) == std::end(kTypes))
    return false;
  const std::string low = Lower(trigger);
  const std::size_t sp = low.find_last_of(' ');
  const std::string_view head =
      sp == std::string::npos ? std::string_view(low) : std::string_view(low).substr(sp + 1);
  if (std::find(std::begin(kWarNoun), std::end(kWarNoun), head) == std::end(kWarNoun)) return false;
  const auto has_digit = [](std::string_view t) {
    return std::any_of(t.begin(), t.end(),
                       [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
  };
  // A plan the modality flags is a particular act to come ("an expected
  // ground offensive"), and so is the launch of one ("Hamas launches an
  // offensive", "an offensive was launched from the north").
  if (row.modality == "expected") return false;
  // A single swift operation ("a lightning offensive", "a surprise
  // offensive") is one act, not the war.
  if (low.find("lightning") != std::string::npos || low.find("surprise") != std::string::npos)
    return false;
  static constexpr std::string_view kLaunch[] = {
      "launch",  "launches",  "launched", "launching", "began",   "begun",
      "begins",  "initiated", "resume",   "resumes",   "resumed", "renewed",
      "erupted", "erupts",    "flared",   "broke",     "breaks",  "eruption"};
  // Flight from the fighting (ruling 19 of session 31, h-prec35): people who
  // fled "the fighting between the army and a rival group" tell a clash where
  // they were, so the row stays when the words after the noun name both
  // sides ("between <side> and <side>"). Fled from the war in general
  // ("thousands fled the fighting into Chad") is background like any
  // war-wide noun; a place narrower than the country keeps it below.
  static constexpr std::string_view kFlight[] = {"fled", "flee", "flees", "fleeing"};
  const std::string before = Lower(sentence.substr(0, std::min(sentence.size(), tb)));
  const std::string after = Lower(sentence.substr(std::min(sentence.size(), te)));
  const auto last_words = [](std::string_view t, std::size_t n, bool from_end) {
    std::vector<std::string> out;
    std::string cur;
    const auto flush = [&] {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    };
    for (char ch : t) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-')
        cur += ch;
      else
        flush();
    }
    flush();
    if (out.size() > n) {
      if (from_end)
        out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(n));
      else
        out.resize(n);
    }
    return out;
  };
  for (const auto& w : last_words(before, 6, true))
    if (std::find(std::begin(kLaunch), std::end(kLaunch), w) != std::end(kLaunch)) return false;
  for (const auto& w : last_words(after, 3, false))
    if (std::find(std::begin(kLaunch), std::end(kLaunch), w) != std::end(kLaunch)) return false;
  const auto before6 = last_words(before, 6, true);
  const auto after3 = last_words(after, 3, false);
  const auto is_flight = [&](const std::string& w) {
    return std::find(std::begin(kFlight), std::end(kFlight), w) != std::end(kFlight);
  };
  // Flight with no sides named keeps its row only for a narrower place: a
  // count or a day in its sentence belongs to the people who fled ("some
  // 40,000 have fled the fighting", "two doctors forced to flee the
  // fighting"), not to the fighting.
  const bool flight = std::any_of(before6.begin(), before6.end(), is_flight) ||
                      std::any_of(after3.begin(), after3.end(), is_flight);
  if (flight) {
    // "between" at once after the noun, then "and" within the next nine
    // words: both sides named.
    const auto next = last_words(after, 10, false);
    if (!next.empty() && next[0] == "between" &&
        std::find(next.begin() + 1, next.end(), "and") != next.end())
      return false;
  }
  // A date of its own or of the episode: only a duration in plural units
  // ("weeks of fighting", "for decades", "recent days") counts as none;
  // "mid-October", "overnight", "earlier this month" date the act.
  static constexpr std::string_view kUnits[] = {"hours",  "days",  "weeks",
                                                "months", "years", "decades"};
  if (row.date_source == "context" && !flight) return false;
  if (row.date_source == "text" && !flight) {
    if (row.date_precision != "range" || has_digit(row.date_text)) return false;
    const auto units = last_words(Lower(row.date_text), 64, false);
    if (std::none_of(units.begin(), units.end(), [&](const std::string& u) {
          return std::find(std::begin(kUnits), std::end(kUnits), u) != std::end(kUnits);
        }))
      return false;
  }
  if (row.fatalities || row.injured) return false;
  if (!flight && (!row.quantity.empty() || has_digit(sentence))) return false;
  if (!OnlyWarWidePlaces(written_place, text, places)) return false;
  // A particular target ({FACILITY}), a place named by a common noun
  // ({PLACE_NOUN}: "around the city", "in border areas", "on the southern
  // front"), but not a territory, a region, a border or a coast, which the
  // war as a whole covers; a count or an ordinal ({NUMBER_WORD},
  // {ORDINAL_WORD}: "two soldiers died in the fighting", "for a second day");
  // a place taken with it ("retook the town after a lightning offensive");
  // an anchor in time ("hours after the talks").
  static constexpr std::string_view kWide[] = {"territory", "territories", "region",   "regions",
                                               "border",    "coast",       "coastline"};
  static constexpr std::string_view kMore[] = {
      "front",    "front line",  "frontline",  "front lines",  "zone",
      "valley",   "ridge",       "mine",       "mill",         "forest",
      "retook",   "captured",    "recaptured", "liberated",    "dozens",
      "hundreds", "hours after", "days after", "hours before", "days before"};
  const std::string lowered = Lower(sentence);
  const auto has_phrase = [&](std::string_view entry) { return HasWholePhrase(lowered, entry); };
  for (std::string_view w : kMore)
    if (!(flight && (w == "dozens" || w == "hundreds")) && has_phrase(w)) return false;
  for (std::string_view lexicon : {"FACILITY", "PLACE_NOUN", "NUMBER_WORD", "ORDINAL_WORD"}) {
    if (rules == nullptr) break;
    if (flight && (lexicon == "NUMBER_WORD" || lexicon == "ORDINAL_WORD")) continue;
    const auto it = rules->lexicons.find(lexicon);
    if (it == rules->lexicons.end()) continue;
    for (const std::string& e : it->second) {
      const std::string entry = Lower(e);
      if (entry.empty() || std::find(std::begin(kWide), std::end(kWide), entry) != std::end(kWide))
        continue;
      if (has_phrase(entry)) return false;
    }
  }
  return true;
}

// Strikes or attacks in the plural told as the war itself (h-prec36, session
// 32): "rocket attacks on the grid keep the country cold", "farms suffer
// from Russian strikes", "the province sees more and more militant attacks"
// name a campaign, not one act, when the sentence
// gives them nothing of their own: no date in the sentence or of the episode,
// no count, no place narrower than a country or a territory, no particular
// target (a facility in the singular; "infrastructure", "power stations" and
// other targets in the plural are a class), no launch ("launched fresh
// attacks", "unleashed strikes") and nothing that points at particular acts
// ("the strikes", "these attacks", "the latest strikes", "a wave of
// strikes"). A plan or a supposition keeps its modality and its row.
bool PluralCampaign(const EventRow& row, std::string_view trigger, std::string_view sentence,
                    bool sentence_dated, std::size_t tb, std::string_view written_place,
                    std::string_view text, std::span<const PlaceMention> places,
                    const ContextWords& context) {
  static constexpr std::string_view kTypes[] = {"attack", "air_strike", "shelling"};
  static constexpr std::string_view kPlural[] = {"strikes",      "attacks",  "airstrikes", "raids",
                                                 "bombardments", "barrages", "shellings"};
  if (std::find(std::begin(kTypes), std::end(kTypes), row.event_type) == std::end(kTypes))
    return false;
  if (row.modality != "asserted" && row.modality != "claimed") return false;
  // A day told anywhere in the sentence may be the campaign's ("Israeli
  // strikes hit the coast early on Friday, after rocket attacks").
  if (sentence_dated || (row.date_source != "document" && row.date_source != "none")) return false;
  if (row.fatalities || row.injured || !row.quantity.empty()) return false;
  const auto words = [](std::string_view t, bool lower = true) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : t) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '\'') {
        cur += lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(ch))) : ch;
      } else if (!cur.empty()) {
        out.push_back(cur);
        cur.clear();
      }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
  };
  const auto trig = words(trigger);
  const auto plural_at = std::find_if(trig.begin(), trig.end(), [&](const std::string& w) {
    return std::find(std::begin(kPlural), std::end(kPlural), w) != std::end(kPlural);
  });
  if (plural_at == trig.end()) return false;
  if (std::any_of(sentence.begin(), sentence.end(),
                  [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }))
    return false;
  // The words before the plural noun: those of the trigger and up to six of
  // the sentence before it.
  std::vector<std::string> before = words(sentence.substr(0, std::min(sentence.size(), tb)));
  if (before.size() > 6) before.erase(before.begin(), before.end() - 6);
  before.insert(before.end(), trig.begin(), plural_at);
  // "Israel strikes Gaza", "Russia strikes grain silos": a verb after a
  // state or a name told as it happens, not a plural noun. A name before the
  // noun that is neither a demonym ("Russian strikes") nor a possessive
  // ("Russia's strikes") is taken for a subject.
  {
    std::vector<std::string> raw = words(sentence.substr(0, std::min(sentence.size(), tb)), false);
    const auto trig_raw = words(trigger, false);
    raw.insert(raw.end(), trig_raw.begin(),
               trig_raw.begin() + static_cast<std::ptrdiff_t>(plural_at - trig.begin()));
    if (!raw.empty()) {
      const std::string& prev = raw.back();
      const bool possessive = prev == "s" || prev.ends_with("'s") || prev.ends_with('\'');
      // The lexicons come lower case from ContextWords, lowered once at rule
      // load (h-fold1).
      const std::vector<std::string>& demonyms = context.LowerEntries("DEMONYM");
      const std::string prev_lower = Lower(prev);
      const bool demonym =
          std::find(demonyms.begin(), demonyms.end(), prev_lower) != demonyms.end();
      // The sentence's first word is capitalised anyway: only a place there
      // ("Israel strikes Gaza") is a name.
      const bool named =
          raw.size() > 1 || std::any_of(places.begin(), places.end(), [&](const PlaceMention& p) {
            return p.end > p.begin && p.end <= text.size() &&
                   text.substr(p.begin, p.end - p.begin) == prev;
          });
      if (std::isupper(static_cast<unsigned char>(prev[0])) && named && !possessive && !demonym)
        return false;
    }
  }
  // "after strikes that cut the power", "following Russian attacks": an
  // anchor in the past, mostly a particular wave.
  for (std::size_t i = before.size() > 3 ? before.size() - 3 : 0; i < before.size(); ++i)
    if (before[i] == "after" || before[i] == "following") return false;
  static constexpr std::string_view kParticular[] = {
      "the",       "these",     "those",    "this",        "latest",    "last",
      "overnight", "fresh",     "new",      "wave",        "barrage",   "salvo",
      "night's",   "weekend's", "today's",  "yesterday's", "launch",    "launches",
      "launched",  "launching", "unleash",  "unleashes",   "unleashed", "carried",
      "conducted", "repelled",  "repulsed", "began",       "resumed",   "renewed"};
  const std::size_t near = before.size() > 4 ? before.size() - 4 : 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    const std::string& w = before[i];
    const bool determiner = w == "the" || w == "these" || w == "those" || w == "this";
    // A determiner counts only close to the noun ("the Russian strikes", not
    // "the country faces … attacks"); the rest anywhere in the window.
    if (determiner && i < near) continue;
    if (std::find(std::begin(kParticular), std::end(kParticular), w) != std::end(kParticular))
      return false;
  }
  if (!OnlyWarWidePlaces(written_place, text, places)) return false;
  const std::string lowered = Lower(sentence);
  const auto has_phrase = [&](std::string_view entry) { return HasWholePhrase(lowered, entry); };
  for (std::string_view w : {"dozens", "hundreds", "front", "front line", "frontline", "camp"})
    if (has_phrase(w)) return false;
  // A named armed group's attacks are its own acts, mostly one raid told in
  // the plural ("Hamas' attacks", "the group's attacks on the base").
  if (const std::vector<std::string>& groups = context.LowerEntries("ARMED_GROUP");
      !groups.empty()) {
    std::string window;
    for (const std::string& w : before) window += w + ' ';
    for (const std::string& entry : groups) {
      if (entry.empty()) continue;
      for (std::size_t at = window.find(entry); at != std::string::npos;
           at = window.find(entry, at + 1))
        if ((at == 0 || window[at - 1] == ' ') &&
            (at + entry.size() == window.size() || window[at + entry.size()] == ' ' ||
             window[at + entry.size()] == '\''))
          return false;
    }
  }
  for (std::string_view lexicon : {"FACILITY", "PLACE_NOUN", "NUMBER_WORD", "ORDINAL_WORD"}) {
    for (const std::string& entry : context.LowerEntries(lexicon)) {
      if (entry.empty()) continue;
      // A target in the plural or a whole class of them is no particular one.
      if (lexicon == "FACILITY" &&
          (entry.back() == 's' || entry.find("infrastructure") != std::string::npos ||
           entry.find("grid") != std::string::npos))
        continue;
      if (has_phrase(entry)) return false;
    }
  }
  return true;
}

// h-prec37 (session 32): ACLED codes an arrest only when it is political or
// a matter of security (protesters, opposition figures, journalists,
// soldiers, militants, spies, saboteurs, collaborators, draft evaders),
// never ordinary crime; the lead's ruling 14 of session 32 keeps an arrest
// over a violent act of the timeline's own types. The words of such grounds
// are SECURITY_CUE (rules/lexicons/security_cue.txt, its violent acts as
// "~lemma" lines: every form of the verb), read through ContextWords on the
// sentence split once for the other lexicon tests (h-recall63).
//
// An arrest row with no such grounds: no SECURITY_CUE phrase in its
// sentence, no row of a violent type of the timeline in that sentence
// (`violent_here`: a killing, an attack, a shooting told by the violent
// types' own rules, "arrested after allegedly assaulting a guard"), none in
// the document's headline (its first line), and fewer than two distinct ones
// in the whole document (a war report, a protest or a security case names
// several). An arrest told only with ordinary offences, or with no grounds
// at all, in general news is no event of the timeline. `headline_cue` and
// `doc_cues` cache the document's answers (-1 until read). Without the
// lexicon (a rule set of one's own) the gate is off.
bool ArrestWithoutCue(std::string_view event_type, const ContextWords& context,
                      const ContextWords::SentenceWords& sentence, std::string_view text,
                      bool violent_here, int& headline_cue, int& doc_cues) {
  if (event_type != "arrest" || !context.HasSecurityCues()) return false;
  if (violent_here || context.NamesSecurityCue(sentence)) return false;
  if (headline_cue < 0) {
    const std::string_view headline = text.substr(0, std::min(text.find('\n'), std::size_t{400}));
    headline_cue = context.NamesSecurityCue(headline) ? 1 : 0;
  }
  if (headline_cue == 1) return false;
  if (doc_cues < 0) doc_cues = static_cast<int>(context.CountSecurityCues(text, 2));
  return doc_cues < 2;
}

// The words right before a violent trigger tell a threat, a plot or a hoax,
// no act ("threatening to kill his co-workers", "plotted to blow up",
// "faked an explosion"): no grounds for an arrest (h-recall63).
bool ThreatBefore(std::string_view before) {
  std::string lower(before);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view w : {"threat", "plot", "plann", "fake", "faking", "hoax", "vow"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// Types whose row in an arrest's sentence gives the arrest its grounds (the
// lead's ruling 14 of session 32): the violent acts of the timeline. Not
// casualties: a death alone ("after a woman was found dead") names no act.
bool IsViolentActType(std::string_view type) {
  return type == "killing" || type == "attack" || type == "armed_clash" || type == "shelling" ||
         type == "air_strike" || type == "explosion" || type == "abduction" || type == "arson";
}

// A text of one line (a bare sentence: no headline above a body). Its first
// line is the sentence itself, not a headline to read for the document.
bool IsBareLine(std::string_view text) {
  const std::size_t line_end = text.find('\n');
  return line_end == std::string_view::npos ||
         text.find_first_not_of(" \t\r\n", line_end) == std::string_view::npos;
}

// h-prec38 (session 33): a `casualties` row alone (no act of its sentence
// took its toll) says only that people died or were hurt. In general news
// most such rows are accidents, illness, weather, suicides or a dead body in
// a story about something else, and the accident lexicons kept losing to the
// next pool, as the arrest veto lists did (h-prec37's inversion). So the
// test is inverted: the row is kept when its sentence or the headline names
// a word of violence (HARM_CUE, rules/lexicons/harm_cue.txt, with
// HOSTILE_CUE, SECURITY_CUE and HOMICIDE_CHARGE), or the document names two
// (a war report, a crime story). `doc_cues` caches the document's count (-1
// until read), `headline_cue` the headline's answer. The lexicons are read
// through ContextWords (Cues::kHarm): built once at rule load, the sentence
// split once for the other tests (h-fold1). Without HARM_CUE (a rule set of
// one's own), or in a bare sentence of one line (no headline and body to
// read), there is no gate.
bool CasualtiesWithoutCue(std::string_view event_type, const ContextWords& context,
                          const ContextWords::SentenceWords& sentence, std::string_view text,
                          int& headline_cue, int& doc_cues) {
  using Cues = ContextWords::Cues;
  if (event_type != "casualties" || !context.HasCues(Cues::kHarm)) return false;
  // A bare sentence (one line: no headline, no body) gives no document to
  // read: the rule's own reading stands.
  if (IsBareLine(text)) return false;
  if (context.NamesCue(Cues::kHarm, sentence)) return false;
  if (headline_cue < 0) {
    const std::string_view headline = text.substr(0, std::min(text.find('\n'), std::size_t{400}));
    headline_cue = context.NamesCue(Cues::kHarm, headline) ? 1 : 0;
  }
  if (headline_cue == 1) return false;
  if (doc_cues < 0) doc_cues = static_cast<int>(context.CountCues(Cues::kHarm, text, 2));
  return doc_cues < 2;
}

// h-prec38 (session 33): a headline that names a game, a screen work or a
// genre of fiction (WORK_HEADLINE, rules/lexicons/work_headline.txt: a
// franchise, a platform, "easter eggs", "finale", "prequel") sets the whole
// document in that work: its attacks, battles, killings and kidnappings are
// the plot or the gameplay, as under a review's headline (h-prec31). Without
// the lexicon (a rule set of one's own) no headline is one.
bool NamesWorkHeadline(std::string_view headline, const ContextWords& context) {
  return context.HasCues(ContextWords::Cues::kWorkHeadline) &&
         context.NamesCue(ContextWords::Cues::kWorkHeadline, headline);
}

// The row takes a date told earlier in the document (`date_source=context`):
// its phrase, interval and precision.
void DateFromContext(EventRow& row, std::string_view text, const TimeExpr& t) {
  row.date_text = CollapseWhitespace(Slice(text, t.begin, t.end));
  row.date_source = "context";
  row.date_start = t.interval.start ? FormatIsoDate(*t.interval.start) : "";
  row.date_end = t.interval.end ? FormatIsoDate(*t.interval.end) : "";
  row.date_precision = std::string(ToString(t.interval.precision));
}

}  // namespace

// ---- cue reach --------------------------------------------------------------

namespace {

// The gap's words, lower case, with quote marks and other punctuation (ASCII
// or UTF-8) stripped from their ends; `raw` gets them as written.
std::vector<std::string> GapWords(std::string_view gap, std::vector<std::string_view>& raw) {
  std::vector<std::string> words;
  for (std::string_view w : Tokens(gap)) {
    std::size_t b = 0, e = w.size();
    const auto keep = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    while (b < e && !keep(w[b])) ++b;
    while (e > b && !keep(w[e - 1])) --e;
    if (b == e) continue;
    raw.push_back(w.substr(b, e - b));
    std::string low(raw.back());
    for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    words.push_back(std::move(low));
  }
  return words;
}

template <std::size_t N>
bool OneOf(const std::string& w, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

bool CueReaches(std::string_view gap, std::string_view trigger) {
  // Punctuation that ends the phrase: a new clause, an aside or a list.
  if (gap.find_first_of(";:()?!") != std::string_view::npos) return false;
  if (gap.find("\xE2\x80\x94") != std::string_view::npos ||  // em dash
      gap.find(" \xE2\x80\x93 ") != std::string_view::npos ||
      gap.find(" - ") != std::string_view::npos)
    return false;
  for (std::size_t i = 2; i < gap.size(); ++i) {
    // A sentence end the splitter missed: "… home.A wounded soldier".
    if (gap[i] == '.' && std::islower(static_cast<unsigned char>(gap[i - 1])) &&
        std::islower(static_cast<unsigned char>(gap[i - 2])))
      return false;
  }
  std::vector<std::string_view> raw;  // as written, for capitals
  const std::vector<std::string> w = GapWords(gap, raw);
  bool listing = false;  // inside an example list: its commas part its items
  for (std::size_t i = gap.find(','); i != std::string_view::npos; i = gap.find(',', i + 1)) {
    // A comma ends the phrase, except in a number or in an example list
    // ("such as raids on banks, sabotage of depots, …", "including").
    if (listing) continue;
    std::size_t j = i + 1;
    if (i > 0 && j < gap.size() && std::isdigit(static_cast<unsigned char>(gap[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(gap[j])))
      continue;  // a number: "12,000"
    while (j < gap.size() && gap[j] == ' ') ++j;
    if (HasWordAt(gap, j, "such") || HasWordAt(gap, j, "including")) {
      listing = true;
      continue;
    }
    return false;
  }
  // Words that open a new clause, or a phrase about another time, cause or
  // circumstance ("will open heating points amid attacks on the grid").
  static constexpr std::array<std::string_view, 20> kOpeners = {
      "when",    "whenever", "after",     "since",  "because", "which",    "who",
      "whom",    "whose",    "where",     "while",  "whilst",  "although", "though",
      "whereas", "but",      "following", "before", "amid",    "despite"};
  // Predicates that presuppose the act they take: ending, halting or
  // continuing it, inquiring into it, answering it ("urged an end to the
  // shelling", "will continue the offensive", "promised to investigate the
  // murder", "in retaliation for the killing"), freeing its captives ("the
  // release of the men held hostage"), pausing it ("a pause in the fighting").
  static constexpr std::array<std::string_view, 43> kPresuppose = {
      "end",          "ends",        "ending",        "ended",         "halt",
      "halts",        "halting",     "halted",        "stop",          "stops",
      "stopping",     "stopped",     "cease",         "ceases",        "lift",
      "lifting",      "continue",    "continues",     "continued",     "continuing",
      "continuation", "investigate", "investigating", "investigation", "investigations",
      "inquiry",      "probe",       "trial",         "retaliation",   "revenge",
      "reprisal",     "response",    "aftermath",     "wake",          "anniversary",
      "details",      "mention",     "avenge",        "punish",        "victims",
      "release",      "releasing",   "freeing"};
  static constexpr std::array<std::string_view, 5> kSubjects = {"he", "she", "they", "we", "i"};
  static constexpr std::array<std::string_view, 12> kAux = {
      "was", "were", "is", "are", "has", "have", "had", "did", "does", "said", "says", "will"};
  static constexpr std::array<std::string_view, 12> kClauseStart = {
      "the", "he", "she", "they", "it", "we", "i", "its", "their", "his", "this", "these"};
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string& x = w[k];
    // "a pause in the fighting" (not "used the pause as a pretext for a raid").
    const bool pause_in =
        (x == "pause" || x == "lull") && k + 1 < w.size() && (w[k + 1] == "in" || w[k + 1] == "of");
    if (OneOf(x, kPresuppose) || pause_in) {
      // It takes the act unless another predicate is coordinated after it:
      // "forcing the general to end the blockade and pull back his tanks"
      // (a noun phrase after "and" is no predicate: "the trial of the
      // colonel and all those involved in the murder").
      static constexpr std::array<std::string_view, 11> kNounPhrase = {
          "the", "a", "an", "all", "its", "their", "his", "her", "other", "those", "these"};
      bool coordinated = false;
      for (std::size_t m = k + 1; m < w.size(); ++m)
        if ((w[m] == "and" || w[m] == "or") && (m + 1 == w.size() || !OneOf(w[m + 1], kNounPhrase)))
          coordinated = true;
      if (!coordinated) return false;
    }
    if (k == 0) continue;  // the cue's own complement: "if they", "urged that", "warned of"
    if (OneOf(x, kOpeners)) return false;
    if (x == "that") return false;
    if (x == "as" && w[k - 1] != "such" && k + 1 == w.size()) return false;  // "as shelling raged"
    if (x == "as" && w[k - 1] != "such" && k + 1 < w.size()) {
      // "as Moscow stepped up its attack", "as the assault began"
      // open a clause; "as well as", "such as", "as part of", "as a pretext
      // for", "as permission to" do not.
      const std::string& next = w[k + 1];
      const bool capital = std::isupper(static_cast<unsigned char>(raw[k + 1][0])) &&
                           !std::isupper(static_cast<unsigned char>(raw[k + 1].back()));
      bool finite = false;
      for (std::size_t m = k + 1; m < w.size() && m <= k + 4; ++m)
        if (OneOf(w[m], kAux)) finite = true;
      if (capital || finite || OneOf(next, kClauseStart)) return false;
    }
    // A new subject: "on the day she was kidnapped".
    if (OneOf(x, kSubjects) && !(k == 1 && w[0] == "that")) return false;
    // "and" / "or" + a finite verb: "and was later freed".
    if ((x == "and" || x == "or") && k + 1 < w.size() && OneOf(w[k + 1], kAux)) return false;
    // A topic ("a film about the raid", "worries about the withdrawal")
    // and a participle's setting ("those involved in the murder", "the
    // people wounded in the blast") are background to the cue's act.
    if (x == "about") return false;
    if (x == "in" && k + 1 < w.size() && w[k - 1].size() > 4 &&
        w[k - 1].compare(w[k - 1].size() - 2, 2, "ed") == 0)
      return false;
  }
  // A participle used as an adjective describes a state already there:
  // "talks will take place in the besieged city", "aid for the occupied
  // towns".
  {
    std::vector<std::string_view> traw;
    const std::vector<std::string> t = GapWords(trigger, traw);
    if (!t.empty() && !w.empty() && t[0].size() > 4 &&
        t[0].compare(t[0].size() - 2, 2, "ed") == 0) {
      static constexpr std::array<std::string_view, 12> kDeterminer = {
          "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"};
      const std::string& last = w.back();
      const bool possessive = raw.back().size() > 2 &&
                              (raw.back().ends_with("'s") || raw.back().ends_with("\xE2\x80\x99s"));
      if (OneOf(last, kDeterminer) || possessive) return false;
    }
  }
  return true;
}

// ---- quantities -------------------------------------------------------------

std::vector<Quantity> ParseQuantities(std::string_view phrase) {
  std::vector<Quantity> out;
  const auto tokens = Tokens(phrase);
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::int64_t value = 0;
    const std::size_t len = NumberRunAt(tokens, i, &value);
    if (len == 0) {
      ++i;
      continue;
    }
    std::size_t j = i + len;
    std::size_t k = j;
    while (k < tokens.size()) {
      std::int64_t ignored = 0;
      if (NumberRunAt(tokens, k, &ignored) > 0) break;
      ++k;
    }
    std::size_t what_end = k;
    while (what_end > j && (IsConnector(tokens[what_end - 1]) || IsHedge(tokens[what_end - 1]))) {
      --what_end;
    }
    Quantity q;
    q.value = value;
    q.what = Join(tokens, j, what_end);
    q.text = Join(tokens, i, what_end);
    out.push_back(std::move(q));
    i = k;
  }
  if (out.empty()) {
    const std::string text = Trimmed(phrase);
    if (!text.empty()) out.push_back(Quantity{std::nullopt, text, text});
  }
  return out;
}

// A day phrase of the body that dates an incident named again by an
// anaphoric noun (h-evdate13): "the incident took place on Tuesday", "the
// attack, which happened late Friday", "after a 'targeted attack' on Sunday",
// "Saturday's blast". `before` is the sentence up to the phrase, `after` the
// text from its end. The noun comes right before the phrase, or before a
// verb of occurring (took place, happened, occurred, unfolded) with at most
// a relative pronoun between; a determiner, "after" or "following" opens its
// noun phrase within three words. Or the phrase is a weekday's possessive
// right before the noun ("Saturday's deadly blast": one word may stand
// between).
namespace {
bool AnaphorDayPhrase(std::string_view before, std::string_view phrase, std::string_view after) {
  static constexpr std::array<std::string_view, 24> kNouns = {
      "incident", "attack", "attacks", "assault",   "shooting",   "shootings",
      "stabbing", "blast",  "blasts",  "explosion", "explosions", "bombing",
      "bombings", "strike", "strikes", "killing",   "killings",   "murder",
      "ambush",   "raid",   "clash",   "clashes",   "massacre",   "shootout"};
  static constexpr std::array<std::string_view, 7> kOpen = {"the", "this",  "that",     "a",
                                                            "an",  "after", "following"};
  const auto lower = [](std::string_view w) {
    std::string out;
    for (char ch : w) {
      // Quote marks around a noun ("a 'targeted attack'") are not words.
      if (ch == '\'' || ch == '"') continue;
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    // Curly quotes (UTF-8 of U+2018, U+2019, U+201C, U+201D).
    for (std::string_view q : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
      std::size_t at;
      while ((at = out.find(q)) != std::string::npos) out.erase(at, q.size());
    }
    return out;
  };
  const auto is_noun = [&](const std::string& w) {
    return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
  };
  // The possessive: "Saturday's blast", "Friday's deadly attack".
  {
    std::string_view rest = after;
    std::string_view ph = phrase;
    bool possessive = false;
    for (std::string_view mark : {"'s", "\xE2\x80\x99s"}) {
      if (ph.size() > mark.size() && ph.substr(ph.size() - mark.size()) == mark) possessive = true;
      if (rest.substr(0, mark.size()) == mark) {
        possessive = true;
        rest.remove_prefix(mark.size());
      }
    }
    if (possessive) {
      const auto words = Tokens(rest.substr(0, 60));
      for (std::size_t k = 0; k < words.size() && k < 2; ++k)
        if (is_noun(lower(words[k]))) return true;
      return false;
    }
  }
  const auto raw = Tokens(before);
  std::vector<std::string> words;
  for (std::size_t k = raw.size() > 9 ? raw.size() - 9 : 0; k < raw.size(); ++k) {
    std::string w = lower(raw[k]);
    if (!w.empty()) words.push_back(std::move(w));
  }
  std::size_t n = words.size();
  if (n > 0 && words[n - 1] == "on") --n;
  bool verb = false;
  if (n >= 2 && words[n - 1] == "place" && words[n - 2] == "took") {
    n -= 2;
    verb = true;
  } else if (n >= 1 && (words[n - 1] == "happened" || words[n - 1] == "occurred" ||
                        words[n - 1] == "unfolded")) {
    n -= 1;
    verb = true;
  }
  if (verb && n >= 1 && (words[n - 1] == "which" || words[n - 1] == "that")) --n;
  if (n == 0 || !is_noun(words[n - 1])) return false;
  for (std::size_t k = n - 1; k-- > 0 && k + 4 >= n;)
    if (std::find(kOpen.begin(), kOpen.end(), words[k]) != kOpen.end()) return true;
  return false;
}
}  // namespace

// ---- assembler --------------------------------------------------------------

Assembler::Assembler(const Document& doc, const Lookups& lookups) : doc_(doc), lookups_(lookups) {}

namespace {

// The last word of a trigger, lower-cased, without a plural or a verb
// ending: "Attacks", "attacked" and "attack" give "attack" (h-places3).
std::string TriggerStem(std::string_view trigger) {
  std::size_t e = trigger.size();
  while (e > 0 && !std::isalpha(static_cast<unsigned char>(trigger[e - 1]))) --e;
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(trigger[b - 1]))) --b;
  std::string w(trigger.substr(b, e - b));
  for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  if (w.size() > 5 && w.ends_with("ed")) w.resize(w.size() - 2);
  if (w.size() > 6 && w.ends_with("ing")) w.resize(w.size() - 3);
  return w;
}

}  // namespace

void Assembler::SetCountryHint(CountryCounts hint) {
  country_hint_ = std::move(hint);
  main_country_ = nullptr;
  main_capital_ = nullptr;
  if (lookups_.places) {
    const std::string main = Gazetteer::MainCountry(country_hint_);
    if (!main.empty()) {
      main_country_ = lookups_.places->CountryPlace(main);
      main_capital_ = lookups_.places->CapitalPlace(main);
    }
  }
}

// A sentence that announces a second event: "meanwhile, another device …",
// "rebels shelled another town", "attacked again".
static bool AnnouncesSecond(std::string_view sentence) {
  std::string low(sentence);
  for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // Whole words only (h-evdate15): "again" is no cue inside "against" ("a
  // protest against the tax"), nor "second" inside "seconds".
  for (std::string_view w : {"another", "meanwhile", "second", "again", "earlier", "previous"}) {
    for (std::size_t at = low.find(w); at != std::string::npos; at = low.find(w, at + 1)) {
      const std::size_t end = at + w.size();
      if ((at == 0 || !std::isalpha(static_cast<unsigned char>(low[at - 1]))) &&
          (end == low.size() || !std::isalpha(static_cast<unsigned char>(low[end]))))
        return true;
    }
  }
  return false;
}

// "another", "second", "again" or "meanwhile" in a body sentence: a
// second act, not the lead's (AnnouncesSecond without its time words,
// "earlier" and "previous", which date the lead's act: "a bombing that
// targeted a rally the previous day"; h-evdate20).
static bool TellsSecondAct(std::string_view sentence) {
  for (std::string_view w : Tokens(sentence)) {
    const std::string low = Lower(w);
    if (low == "another" || low == "second" || low == "again" || low == "meanwhile") return true;
  }
  return false;
}

// A headline verb of the day's news right after the lead's trigger: the
// act is the subject of what it does now ("Attack leaves village in
// mourning", "Blast kills four"): not an old act named again.
static bool NewsVerbAfter(std::string_view after) {
  const std::vector<std::string_view> words = Tokens(after);
  if (words.empty()) return false;
  const std::string w = Lower(words.front());
  for (std::string_view v : {"leaves", "kills", "hits", "rocks", "injures", "wounds", "sparks",
                             "triggers", "claims", "shakes", "forces", "prompts", "targets"})
    if (w == v) return true;
  return false;
}

// A lead row dated by a week, a month or a year of its own ("shot dead this
// week", "the 2015 attacks", "a rampage in 2020") takes the finer date the
// body gives the same act: the first later row of its type within the body's
// first sentences, dated by its own phrase to a day, a week or a month that
// lies inside the lead's interval ("was shot on Monday", "in September
// 2020"; h-evdate21). A second act ("another", "again") or a forecast is not
// the lead's. `body` is the last sentence index read.
static void NarrowLeadDate(EventRow& r, const std::vector<EventRow>& rows, int body) {
  const auto rank = [](std::string_view p) {
    return p == "day" ? 0 : p == "week" ? 1 : p == "month" ? 2 : p == "year" ? 3 : 9;
  };
  const int lead = rank(r.date_precision);
  if (lead < 1 || lead > 3 || r.date_start.empty() || r.date_end.empty()) return;
  if (r.modality == "expected" || r.modality == "hypothetical" || r.modality == "negated") return;
  for (const EventRow& d : rows) {
    if (d.sentence_index <= r.sentence_index) continue;
    if (d.sentence_index > body) break;
    if (d.event_type != r.event_type) continue;
    if (d.date_source == "text" && rank(d.date_precision) < lead && !d.date_start.empty() &&
        !d.date_end.empty() && d.date_start >= r.date_start && d.date_end <= r.date_end &&
        d.modality != "expected" && d.modality != "hypothetical" && !TellsSecondAct(d.sentence)) {
      r.date_start = d.date_start;
      r.date_end = d.date_end;
      r.date_precision = d.date_precision;
      r.date_text = d.date_text;
      r.date_source = "context";
    }
    return;
  }
}

void Assembler::Finish(std::vector<EventRow>& rows) const {
  // h-places3: a reference that found no place of its own in its sentence
  // ("Israel declared war after the raid") takes the place the document
  // gives the same act (type, trigger stem and actor, which must be named)
  // in its own phrase elsewhere ("the raid on the border towns"), when every
  // such place agrees; else it stays without a place.
  for (const Episode& ref : pending_references_) {
    const Place* agreed = nullptr;
    bool clash = false;
    for (const Episode& e : episodes_) {
      if (e.type != ref.type || e.stem != ref.stem) continue;
      if (ref.actor.empty() || e.actor != ref.actor) continue;
      if (agreed != nullptr && agreed != e.place) clash = true;
      agreed = e.place;
    }
    if (agreed == nullptr || clash) continue;
    for (EventRow& r : rows) {
      if (r.byte_start != ref.begin || r.byte_end != ref.end || r.event_type != ref.type ||
          !r.location.empty())
        continue;
      r.location = agreed->name;
      r.country = agreed->country;
      r.latitude = agreed->latitude;
      r.longitude = agreed->longitude;
    }
  }
  // h-places14: a mutiny told with no place ("the failed rebellion", "his
  // short-lived revolt"; a group named or not) is the document's mutiny: it
  // takes the state in which every placed mutiny row of the document lies,
  // when they all agree (a city counts for its state).
  if (lookups_.places != nullptr) {
    std::string state;
    bool agree = true;
    for (const EventRow& r : rows) {
      if (r.event_type != "mutiny" || r.country.empty()) continue;
      if (!state.empty() && state != r.country) agree = false;
      state = r.country;
    }
    const Place* home = agree && !state.empty() ? lookups_.places->CountryPlace(state) : nullptr;
    for (EventRow& r : rows) {
      if (home == nullptr || r.event_type != "mutiny" || !r.location.empty()) continue;
      r.location = home->name;
      r.country = home->country;
      r.latitude = home->latitude;
      r.longitude = home->longitude;
    }
  }
  // h-places15: a truce holds where the fighting is. A ceasefire row left
  // unplaced, or placed only at a state named as the nearest name (a party
  // or a mediator: "a truce between Ruritania and the Redshirts", "pressing
  // Ruritania for a pause"), takes the state where the document's fighting
  // is, when that is another state: the state most named (twice at least,
  // more than any other but the party) in the sentences that tell fighting
  // or a taking. The row takes the place of that state they name most (half
  // of its mentions at least; not the state's own name), else the state.
  // The place depends on the party only, and a row on its trigger: one
  // choice per party, one pass over the rows (a live blog holds many truces
  // and thousands of rows). A trigger pending twice takes the last choice.
  if (lookups_.places != nullptr && !pending_truces_.empty()) {
    const auto truce_place = [&](const std::string& party) -> const Place* {
      std::map<std::string, int> by_state;
      for (const auto& [place, n] : fighting_places_)
        if (!place->country.empty() && place->country != party) by_state[place->country] += n;
      std::string best;
      int top = 0, second = 0;
      for (const auto& [state, n] : by_state) {
        if (n > top) {
          second = top;
          top = n;
          best = state;
        } else if (n > second) {
          second = n;
        }
      }
      if (best.empty() || top < 2 || top == second) return nullptr;
      const Place* chosen = nullptr;
      int chosen_n = 0;
      for (const auto& [place, n] : fighting_places_) {
        if (place->country != best || place->kind == "country") continue;
        if (n > chosen_n || (n == chosen_n && chosen != nullptr && place->name < chosen->name)) {
          chosen_n = n;
          chosen = place;
        }
      }
      if (chosen == nullptr || 2 * chosen_n < top) chosen = lookups_.places->CountryPlace(best);
      return chosen;
    };
    std::map<std::string, const Place*> by_party;
    std::map<std::pair<std::size_t, std::size_t>, const Place*> by_trigger;
    for (const PendingTruce& t : pending_truces_) {
      auto it = by_party.find(t.party);
      if (it == by_party.end()) it = by_party.emplace(t.party, truce_place(t.party)).first;
      if (it->second != nullptr) by_trigger[{t.begin, t.end}] = it->second;
    }
    for (EventRow& r : rows) {
      if (r.event_type != "ceasefire") continue;
      const auto it = by_trigger.find({r.byte_start, r.byte_end});
      if (it == by_trigger.end()) continue;
      r.location = it->second->name;
      r.country = it->second->country;
      r.latitude = it->second->latitude;
      r.longitude = it->second->longitude;
    }
  }
  if (rows.empty() || !doc_.pub_date) return;
  // The lead: the first three sentences (a headline, a standfirst and the
  // first sentence of the body, as feeds and news pages give them). The
  // body's date of the same type must come within the next few sentences
  // and be a past day.
  constexpr int kLead = 3, kBody = 8;
  // The lead tells the news: the body's date lies in the week before
  // publication ("on 16 November", read on 12 December, is background).
  const std::string pub = FormatIsoDate(*doc_.pub_date);
  const std::string week_before = FormatIsoDate(AddDays(*doc_.pub_date, -7));
  // The same actor's act named again with its day ("Hamas attack leaves …"
  // … "the Hamas attack on 7 October"): the lead names that act, even when
  // it lies weeks back; within three months (a caption's "on May 15, 2021"
  // is another act).
  const std::string quarter_before = FormatIsoDate(AddDays(*doc_.pub_date, -92));
  // A lead told as earlier takes a body's day up to four months back
  // (h-evdate20): an older one is more often a file photo's caption.
  const std::string season_before = FormatIsoDate(AddDays(*doc_.pub_date, -122));
  // A recent span of the body ("last week", "earlier this month") names
  // the headline's act too when it starts within the weeks before
  // publication (h-evdate10).
  const std::string weeks_before = FormatIsoDate(AddDays(*doc_.pub_date, -45));
  // Those readings (and passing over an undated retelling, below) only under
  // a headline: a short first paragraph that ends in no full stop, as feeds
  // give a title over its description. Not wire copy, whose first lines run
  // on into the report.
  const bool headed = [&] {
    const std::string_view text = doc_.text;
    const std::size_t br = text.find("\n\n");
    if (br == std::string_view::npos || br > 300) return false;
    const std::string_view head = TrimSpace(text.substr(0, br));
    return !head.empty() && head.find('\n') == std::string_view::npos && head.back() != '.';
  }();
  for (EventRow& r : rows) {
    if (r.sentence_index > kLead) break;
    if (r.date_source != "document") {
      NarrowLeadDate(r, rows, kBody);
      continue;
    }
    // A headline told as earlier than publication (the open start of
    // TellsBackground: "charged over the murder of …") takes the body's
    // past date of its type, however old: it names that act.
    const bool open_start = headed && r.date_precision == "range" && r.date_start.empty();
    // An act told after "after" under an arrest or a reaction (h-evdate12):
    // the body's day of its type is the act's own, as for an undated lead.
    const bool after_cue = open_start && std::find(after_cue_rows_.begin(), after_cue_rows_.end(),
                                                   r.byte_start) != after_cue_rows_.end();
    if (r.date_precision != "none" && !open_start) continue;
    if (r.modality == "expected" || r.modality == "hypothetical" || r.modality == "negated")
      continue;
    // A lead sentence that announces a second event ("meanwhile, another
    // device …") is not the headline's.
    // A headline's own "another" or "again" tells the newest of a series
    // ("forces down another drone over the lake"), not a second event of
    // the story: the body's first mention of the type is still its act
    // (h-evdate16).
    const bool headline = headed && r.sentence_index == 1;
    if (!headline && AnnouncesSecond(r.sentence)) continue;
    // Only the first later mention of the type; without one, the first
    // later row of the episode's other types (h-evdate3: "Gunmen kill 11 in
    // eastern Iraq" … "killed 11 people … on Thursday night", a casualties
    // headline over an explosion row).
    // A later mention the text leaves undated (a standfirst retelling the
    // headline) is passed over for the next one of the type that has a date
    // (h-evdate10: "… released after being kidnapped in Chad" / "was
    // abducted in a border region" / "at the time of his abduction Friday").
    const EventRow* same_type = nullptr;
    const EventRow* episode = nullptr;
    for (const EventRow& d : rows) {
      if (d.sentence_index <= r.sentence_index) continue;
      if (d.sentence_index > kBody) break;
      if (d.event_type == r.event_type) {
        same_type = &d;
        // An arrest lead told as earlier (..pub: "arrested over the 2013
        // killing of …") stops at the first: a later arrest row's past
        // phrase is often the charged act's. An undated arrest lead passes
        // an undated retelling too (h-evdate15: "police arrest fifth man" /
        // "suspect, 43, arrested over attack" / "was arrested on Friday
        // evening"); the day it may take is still one of the week before.
        if (headed && d.date_source == "document" &&
            !(r.event_type == "arrest" && open_start && !after_cue) && !AnnouncesSecond(d.sentence))
          continue;
        break;
      }
      if (!episode && TellsOneEpisode(d.event_type)) episode = &d;
    }
    const auto day_before = [&](const EventRow& d, const std::string& limit) {
      return d.date_source == "text" && d.date_precision == "day" && d.date_start <= pub &&
             d.date_start >= limit && d.modality != "expected" && d.modality != "hypothetical";
    };
    // A week, a month or a span that has begun by publication and began in
    // the weeks before it ("last week", "earlier this month").
    // For an arrest only a week ("was arrested last week"): a month is
    // most often the charged act's ("arrested for a shooting that wounded
    // 12 in January").
    const auto recent_span = [&](const EventRow& d) {
      if (!headed) return false;
      if (r.event_type == "arrest" && d.date_precision != "week" &&
          d.date_text.find("week") == std::string::npos)
        return false;
      return d.date_source == "text" && d.date_precision != "day" && d.date_precision != "none" &&
             d.date_precision != "year" && !d.date_start.empty() && d.date_start <= pub &&
             d.date_start >= weeks_before && (d.date_start < pub || d.date_end <= pub) &&
             d.modality != "expected" && d.modality != "hypothetical";
    };
    // Any past week, month, year or span, for a headline already told as
    // earlier. Not a day: a body's day there is most often the day of the
    // arrest, the charge or the saying the act is the object of ("accused of
    // killing …" / "was arrested Thursday for murdering …").
    const auto past = [&](const EventRow& d) {
      return d.date_source == "text" && d.date_precision != "none" && d.date_precision != "day" &&
             !d.date_start.empty() && !d.date_end.empty() && d.date_end <= pub &&
             d.modality != "expected" && d.modality != "hypothetical";
    };
    const EventRow* take = nullptr;
    // Under a headline, later mentions of the type the text leaves undated
    // do not stop the episode's other types from dating the lead (h-evdate13:
    // "woman stabbed to death" / "the victim of the attack … on Monday" /
    // "the killing …").
    if (headed && same_type && same_type->date_source == "document" && r.event_type != "arrest")
      same_type = nullptr;
    if (same_type) {
      // The same actor's act, or under a headline an attack, a killing or a
      // kidnapping the body names again with its day ("Hamas attack" …
      // "during the Oct. 7 attack", h-evdate14): weeks back still. Not a
      // strike or a blast (a body's day there is more often a relative
      // clause's older act: "a strike that killed a commander of the Oct. 7
      // attacks"), nor captives, who keep the day of their news. Nor when
      // the two rows name different actors: the body's dated attack is then
      // another side's older one ("Militia attack on border post" over a
      // retelling of last month's raid by another group).
      // Actors compare by containment: "Hamas" and "Hamas gunmen" are one.
      const bool other_actor = !r.actor.empty() && !same_type->actor.empty() &&
                               r.actor.find(same_type->actor) == std::string::npos &&
                               same_type->actor.find(r.actor) == std::string::npos;
      const bool named_again =
          headed && !other_actor && !WritesYear(same_type->date_text) &&
          !AnnouncesSecond(same_type->sentence) &&
          LowerRange(same_type->sentence, 0, same_type->sentence.size()).find("similar") ==
              std::string::npos &&
          (r.event_type == "attack" || r.event_type == "killing" ||
           (r.event_type == "abduction" && !TellsCaptives(r.sentence)));
      const bool same_actor = (!r.actor.empty() && same_type->actor == r.actor) || named_again;
      // A lead told as earlier takes the body's past day of its type too,
      // up to four months back, when the body's sentence holds no custody,
      // charge or court word nor a second act (h-evdate20: "teen charged
      // over shooting at a fair" / "the shooting at the fair on 2 March
      // left one dead"; "was arrested Monday for kidnapping" dates the
      // arrest). After an arrest's "after" only a day of the week before
      // (above).
      const bool old_day =
          open_start && !after_cue && r.event_type != "arrest" &&
          day_before(*same_type, std::string()) && same_type->date_start >= season_before &&
          !TellsCustody(same_type->sentence) && !TellsSecondAct(same_type->sentence) &&
          !BodyActAside(doc_.text, same_type->byte_start);
      if (open_start
              ? past(*same_type) || old_day || (after_cue && day_before(*same_type, week_before))
              : day_before(*same_type, same_actor ? quarter_before : week_before) ||
                    recent_span(*same_type))
        take = same_type;
      // An old act the body names again with the lead's own noun or verb
      // and dates well before publication ("the harbour attack" … "the
      // attack on the harbour in December 1941"; "man killed by police" …
      // "was killed by police in 2021"; h-evdate23): the lead tells that
      // act, not the day's news. Not an arrest (a lead's arrest is the
      // news; the body's old phrase is most often the charged act's), nor
      // a second act or a forecast.
      if (!take && !open_start && r.event_type != "arrest" && same_type->date_source == "text" &&
          !NewsVerbAfter(Slice(doc_.text, r.byte_end, r.byte_end + 16)) &&
          !same_type->date_start.empty() && !same_type->date_end.empty() &&
          same_type->date_end < weeks_before && same_type->modality != "expected" &&
          same_type->modality != "hypothetical" && same_type->modality != "negated" &&
          !AnnouncesSecond(same_type->sentence) && !TellsSecondAct(same_type->sentence) &&
          TriggerStem(Slice(doc_.text, r.byte_start, r.byte_end)) ==
              TriggerStem(Slice(doc_.text, same_type->byte_start, same_type->byte_end)))
        take = same_type;
    } else if ((!open_start || after_cue) && episode && TellsOneEpisode(r.event_type) &&
               ((!r.location.empty() && episode->location == r.location) ||
                (headed && episode->sentence_index == r.sentence_index + 1 &&
                 (r.location.empty() || episode->location.empty()))) &&
               day_before(*episode, week_before) && !WritesYear(episode->date_text)) {
      take = episode;
    }
    // The body names the incident again with a noun that is no row ("the
    // incident took place on Tuesday", "Saturday's blast"): its day in the
    // week before publication dates a violent lead act (h-evdate13).
    if (!take && headed && (!open_start || after_cue) &&
        (TellsOneEpisode(r.event_type) || r.event_type == "abduction") &&
        (!same_type || same_type->date_source == "document")) {
      for (const AnaphorDay& a : anaphor_days_) {
        if (a.sentence_index <= r.sentence_index || a.sentence_index > kBody) continue;
        if (a.second) break;
        const std::string day = FormatIsoDate(*a.time.interval.start);
        const std::string text = CollapseWhitespace(Slice(doc_.text, a.time.begin, a.time.end));
        // A week ("this week's drone attack") that began in the fortnight
        // before publication.
        const bool recent = a.time.interval.precision == Precision::kWeek
                                ? day >= FormatIsoDate(AddDays(*doc_.pub_date, -13))
                                : day >= week_before;
        if (day <= pub && recent && !WritesYear(text)) {
          r.date_start = day;
          r.date_end = a.time.interval.end ? FormatIsoDate(*a.time.interval.end) : day;
          r.date_precision = std::string(ToString(a.time.interval.precision));
          r.date_text = text;
          r.date_source = "context";
        }
        break;
      }
    }
    if (take) {
      r.date_start = take->date_start;
      r.date_end = take->date_end;
      r.date_precision = take->date_precision;
      r.date_text = take->date_text;
      r.date_source = "context";
    }
  }
}

bool Assembler::NeedsCues(const Sentence& sentence, bool has_events) const {
  if (has_events) return true;
  const QuoteStep quote = StepQuotes(doc_.text, sentence, quote_open_);
  return quote.open && !quote.inside;
}

void Assembler::AddSentence(const Sentence& sentence, std::span<const TimeExpr> all_times,
                            std::span<const Match> events, std::span<const Match> cues,
                            std::span<const PlaceMention> places, std::vector<EventRow>& out) {
  const std::string_view text = doc_.text;
  const std::string_view stext = Slice(text, sentence.begin, sentence.end);
  // The body's day of an incident named again by an anaphoric noun ("the
  // incident took place on Tuesday"), for a lead act Finish cannot date
  // from a row (h-evdate13). The sentences of Finish's body only.
  if (sentence.index >= 2 && sentence.index <= 8) {
    for (const TimeExpr& t : all_times) {
      if (!t.resolved ||
          (t.interval.precision != Precision::kDay && t.interval.precision != Precision::kWeek) ||
          !t.interval.start || t.begin < sentence.begin || t.end > sentence.end)
        continue;
      if (AnaphorDayPhrase(Slice(text, sentence.begin, t.begin), Slice(text, t.begin, t.end),
                           Slice(text, t.end, sentence.end)))
        anaphor_days_.push_back({t, sentence.index, AnnouncesSecond(stext)});
    }
  }
  // A year bound to the noun it modifies ("after its 1986 explosion", "the
  // 2008 war") dates that noun's trigger only: it is kept apart from the
  // phrases that may govern any trigger of their clause.
  // Copied only in a sentence that has such a phrase (rare), so the common
  // sentence allocates nothing here.
  std::vector<TimeExpr> free_times, bound_times;
  std::span<const TimeExpr> times = all_times;
  if (std::any_of(all_times.begin(), all_times.end(),
                  [](const TimeExpr& t) { return t.bound_end != 0; })) {
    for (const TimeExpr& t : all_times) (t.bound_end ? bound_times : free_times).push_back(t);
    times = free_times;
  }

  // h-prec18: a headline (or the lead after it) that tells an accident or
  // a disaster and no hostile act sets the document's disaster lead; the
  // test runs on the first two sentences of a document only.
  if (sentence.index <= 1 && !disaster_lead_) {
    if (!lookups_.context_words && !context_words_) {
      context_words_ = ContextWords::FromRules(lookups_.rules);
    }
    const ContextWords& lead = lookups_.context_words ? *lookups_.context_words : *context_words_;
    disaster_lead_ = lead.NamesAccident(stext, /*with_fire=*/false) && !lead.NamesHostileAct(stext);
  }
  if (review_lead_ < 0) {
    // The headline is the document's first line (RSS title, then a blank
    // line); read once, whichever sentence brings the first match.
    const std::string_view headline = text.substr(0, std::min(text.find('\n'), std::size_t{400}));
    if (!lookups_.context_words && !context_words_) {
      context_words_ = ContextWords::FromRules(lookups_.rules);
    }
    const ContextWords& words = lookups_.context_words ? *lookups_.context_words : *context_words_;
    review_lead_ = IsReviewHeadline(headline)                                ? 1
                   : !IsBareLine(text) && NamesWorkHeadline(headline, words) ? 2
                                                                             : 0;
  }

  // Reasons for the trace (SetTrace) that name another match or row.
  const auto beaten = [&](const Match& winner, const Match& loser) {
    return BeatenBy(winner, loser, text, context_end_);
  };
  const auto folded = [&](const EventRow& host, std::string_view why) {
    return FoldedInto(host, why, text, context_end_);
  };

  // 1. One trigger gives one event: resolve overlaps between matches.
  struct Candidate {
    const Match* m;
    std::size_t b, e;
    // An armed clash in a sentence about protesters or a protest is the
    // crowd's clash with police or guards: a protest (h-prec15).
    bool as_protest = false;
    // A protest trigger after a phrase of duration ("after months of
    // protests", "amid ongoing protests": ContextWords::NamesSpan) names a
    // movement over a span: dated by the span, never one day (h-span1).
    bool span = false;
    std::string_view type() const {
      return as_protest ? std::string_view("protest") : std::string_view(m->rule->event_type);
    }
  };
  std::vector<Candidate> cands;
  // A sentence that tells an accident and no hostile act, or a film's or
  // a game's plot, takes the row back (context.h, h-prec9); the background
  // cues are read from it too (TellsBackground).
  if (!lookups_.context_words && !context_words_) {
    context_words_ = ContextWords::FromRules(lookups_.rules);
  }
  const ContextWords& context = lookups_.context_words ? *lookups_.context_words : *context_words_;
  if (offence_lead_ < 0) {
    offence_lead_ =
        context.NamesOffence(text.substr(0, std::min(text.find('\n'), std::size_t{400}))) ? 1 : 0;
  }
  // The sentence is split into words once for the tests of all its matches.
  std::optional<ContextWords::SentenceWords> context_text;
  const auto cue_veto = [&](const Match& m, std::size_t b, std::size_t e) {
    return VetoReason(context, *context_text, m, sentence.begin, b, e, context_end_);
  };
  for (const Match& m : events) {
    const Capture* t = m.Get("trigger");
    const std::size_t b = t && t->set() ? t->begin : m.begin;
    const std::size_t e = t && t->set() ? t->end : m.end;
    if (b < sentence.begin) {
      cands.push_back({&m, b, e});
      continue;
    }
    // h-prec31: a review's headline takes back the rows of its work's plot;
    // a sentence dated by an earlier year retells history (a documentary's
    // or a history book's subject: "the 1996 murders", "shot dead in 1936")
    // and keeps its rows, which the sentence's own tests still read.
    if (review_lead_ >= 1 &&
        !(doc_.pub_date &&
          NamesEarlierYear(stext, std::stoi(FormatIsoDate(*doc_.pub_date).substr(0, 4))))) {
      if (trace_)
        trace_->Drop(m,
                     review_lead_ == 1
                         ? "vetoed: the headline is a review (a plot, no event of the day)"
                         : "vetoed: the headline names a game, a show or a film (work_headline)");
      continue;
    }
    if (InsideWebAddress(text, b, e)) {
      if (trace_) trace_->Drop(m, "vetoed: the trigger is inside a web address");
      continue;
    }
    if (!context_text) context_text.emplace(stext);
    if (context.Vetoes(m.rule->event_type, *context_text, b - sentence.begin, e - sentence.begin)) {
      if (trace_) trace_->Drop(m, cue_veto(m, b, e));
      continue;
    }
    // h-prec24: a back-off row (a bare event noun) in a digest headline of
    // topics split by semicolons ("Morning briefing: a court ruling; French
    // protests; new tariffs") names a topic, not an event. A headline's
    // length and a colon before the first semicolon: the long semicolon lists
    // of wire reports ("clashes took place in ...; units attacked ...") stay
    // (MUC-4 DEV).
    if (m.rule->id.starts_with("backoff.") && stext.size() <= 160 &&
        std::count(stext.begin(), stext.end(), ';') >= 2 && stext.find(':') < stext.find(';')) {
      if (trace_) trace_->Drop(m, "vetoed: back-off match in a digest headline of topics");
      continue;
    }
    // h-prec18: under a disaster's headline, a toll told without a hostile
    // act is the disaster's ("Officials said 40 people died in the
    // province" under "Earthquake flattens towns"); one that names a
    // strike, a gunman or troops stays.
    // h-prec27: an arrest in the body of a report whose headline names an
    // ordinary offence is for that offence, unless its sentence names a
    // violent or political act (offence_lead_).
    if (offence_lead_ == 1 && sentence.index >= 1 && m.rule->event_type == "arrest" &&
        !context.NamesOffenceKeep(*context_text)) {
      if (trace_) trace_->Drop(m, "vetoed: an arrest under a headline naming an ordinary offence");
      continue;
    }
    if (disaster_lead_ && sentence.index >= 1 && m.rule->event_type == "casualties" &&
        !context.NamesHostileAct(stext)) {
      if (trace_) trace_->Drop(m, "vetoed: a toll under a disaster headline, no hostile act");
      continue;
    }
    const bool as_protest =
        m.rule->event_type == "armed_clash" && context.NamesProtest(*context_text);
    const bool span = m.rule->event_type == "protest" &&
                      context.NamesSpan(*context_text, b - sentence.begin, e - sentence.begin);
    cands.push_back({&m, b, e, as_protest, span});
  }
  // Types of docs/output.md: ACLED counts a crowd's clash with police as a
  // riot or a protest, never a battle. A sentence that already has a
  // protest row tells that protest: the clash adds nothing; otherwise the
  // first clash becomes its protest row.
  if (std::any_of(cands.begin(), cands.end(), [](const Candidate& c) { return c.as_protest; })) {
    const bool has_protest = std::any_of(cands.begin(), cands.end(), [](const Candidate& c) {
      return !c.as_protest && c.m->rule->event_type == "protest";
    });
    bool first = !has_protest;
    std::vector<Candidate> kept_cands;
    for (const Candidate& c : cands) {
      if (c.as_protest) {
        if (!first && trace_) trace_->Drop(*c.m, "merged: a crowd's clash, the sentence's protest");
        if (!first) continue;
        first = false;
      }
      kept_cands.push_back(c);
    }
    cands = std::move(kept_cands);
  }
  const auto better = [](const Candidate& x, const Candidate& y) {
    if (x.m->rule->priority != y.m->rule->priority)
      return x.m->rule->priority > y.m->rule->priority;
    const std::size_t lx = x.m->end - x.m->begin, ly = y.m->end - y.m->begin;
    if (lx != ly) return lx > ly;
    return x.m->rule < y.m->rule;
  };
  // Two matches are one mention when their triggers overlap, or when they
  // are of one type and their matches overlap ("a car bomb exploded": the
  // noun and the verb name one blast).
  const auto same_mention = [](const Candidate& x, const Candidate& y) {
    if (x.b < y.e && y.b < x.e) return true;
    return x.type() == y.type() && x.m->begin < y.m->end && y.m->begin < x.m->end;
  };
  // h-recall49: an actor's act beats the toll on its trigger. When an act
  // rule (an attack or a killing told with its agent: "police shot and
  // wounded two men", "gunmen killed a teacher") and a casualty rule claim
  // one trigger, neither takes the other's place: the act is kept whatever
  // the casualty rule's priority or length, and the toll is kept beside it
  // so that its counts fold into the act's row (the fold below). A back-off
  // act (`requires: document_event`) still loses; a toll with no act rule on
  // its trigger ("two people were killed in the crash") stays a casualty.
  // Only where the toll would otherwise have no act to fold into: when
  // another act of the sentence already hosts it ("the gunman who killed
  // eight people", "a mass shooting where a boy killed five"), the sentence
  // keeps that one row and the resolution is as before.
  const auto act = [](const Candidate& k) {
    return k.type() != "casualties" && IsViolent(k.type()) && !k.m->rule->requires_document_event;
  };
  const auto act_beside_toll = [&](const Candidate& x, const Candidate& y) {
    const Candidate* toll = nullptr;
    if (x.type() == "casualties" && act(y)) toll = &x;
    if (y.type() == "casualties" && act(x)) toll = &y;
    if (!toll || !same_mention(x, y)) return false;
    // A running toll in the present perfect ("80 insurgents have died at the
    // hands of the army so far this year") tells a campaign's total, not one act.
    if (toll->b >= sentence.begin && RunningToll(Slice(text, sentence.begin, toll->b))) {
      return false;
    }
    return std::none_of(cands.begin(), cands.end(), [&](const Candidate& k) {
      return act(k) && !(k.b < toll->e && toll->b < k.e);
    });
  };
  std::vector<Candidate> kept;
  for (const Candidate& c : cands) {
    const Candidate* dominated = nullptr;
    for (const Candidate& o : cands) {
      if (&o == &c) continue;
      if (act_beside_toll(c, o)) continue;
      const bool overlap = same_mention(c, o);
      if (overlap && better(o, c)) {
        dominated = &o;
        break;
      }
    }
    if (dominated && trace_) trace_->Drop(*c.m, beaten(*dominated->m, *c.m));
    if (!dominated) {
      const auto dup = std::find_if(kept.begin(), kept.end(), [&](const Candidate& k) {
        return same_mention(k, c) && !act_beside_toll(k, c);
      });
      if (dup != kept.end() && trace_) trace_->Drop(*c.m, beaten(*dup->m, *c.m));
      if (dup == kept.end()) kept.push_back(c);
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Candidate& x, const Candidate& y) {
    return x.b != y.b ? x.b < y.b : x.e < y.e;
  });
  // h-prec24: one sentence, one labour strike. A second protest row whose
  // trigger is a strike word too ("began its first strike ... as they
  // picketed", "rail strike ... walkout") tells the same strike or a threat
  // of one ("walked out, and unions threatened a general strike").
  {
    const auto strike_word = [&](const Candidate& c) {
      if (c.type() != "protest" || c.b < sentence.begin || c.e > sentence.end) return false;
      std::string t(Slice(text, c.b, c.e));
      for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return t.find("strike") != std::string::npos || t.find("walkout") != std::string::npos ||
             t.find("walked out") != std::string::npos || t.find("picket") != std::string::npos;
    };
    bool seen = false;
    std::erase_if(kept, [&](const Candidate& c) {
      if (!strike_word(c)) return false;
      if (!seen) {
        seen = true;
        return false;
      }
      if (trace_) trace_->Drop(*c.m, "merged: one labour strike a sentence, its first word");
      return true;
    });
  }

  // Sentence-level attribution: claimed/denied cues with their source.
  std::string sentence_modality;
  std::string sentence_source;
  for (const Match& cue : cues) {
    const std::string_view kind = cue.rule->cue;
    if (kind != "claimed" && kind != "denied") continue;
    if (ModalityRank(kind) > ModalityRank(sentence_modality)) sentence_modality = kind;
    const Capture* src = cue.Get("source");
    if (src && src->set() && sentence_source.empty()) {
      std::string written = Trimmed(Slice(text, src->begin, src->end));
      if (IsNamingSource(written)) sentence_source = std::move(written);
    }
  }
  // Quoted speech introduced earlier (`X said: "…`): a sentence that begins
  // inside the open quote is the speaker's (StepQuotes).
  const QuoteStep quote = StepQuotes(text, sentence, quote_open_);
  const bool inside = quote.inside;
  const bool attributed_by_quote = inside && !quote_source_.empty();
  if (sentence_modality.empty() && attributed_by_quote) {
    sentence_modality = "claimed";
    sentence_source = quote_source_;
  }
  if (quote.open && !inside) {
    // This sentence opens a quote: its speaker (if it names one) owns it.
    quote_source_ = sentence_source;
  }
  quote_open_ = quote.open;
  if (!quote.open) quote_source_.clear();
  // A sentence without a row changes nothing else (NeedsCues relies on it:
  // its cues count only when it opens a quote).
  if (kept.empty()) return;

  const Clauses clauses = SplitClauses(text, sentence.begin, sentence.end);

  // Fronted time phrase ("On Tuesday, …"): governs the whole sentence.
  const TimeExpr* fronted = nullptr;
  for (const TimeExpr& t : times) {
    const std::string_view before = TrimSpace(Slice(text, sentence.begin, t.begin));
    const bool at_start = before.empty() || before == "And" || before == "and" || before == "But" ||
                          before == "but" || before.size() <= 3;
    std::size_t after = t.end;
    while (after < sentence.end && text[after] == ' ') ++after;
    if (at_start && after < sentence.end && text[after] == ',') {
      fronted = &t;
      break;
    }
  }

  // Context comes from earlier sentences only: a date this sentence sets is
  // carried forward after it, never into another clause of the same sentence.
  const std::optional<Carried> carried_before = carried_;
  std::optional<Carried> carried_after;
  bool took_context = false;            // a row of this sentence took carried_before
  const Place* located_here = nullptr;  // the last place an event of this sentence names
  std::vector<EventRow> rows;
  std::vector<bool> cause_only_rows;  // parallel to rows (h-prec17)
  // A row of a violent type in this sentence gives an arrest here its
  // grounds (ArrestWithoutCue).
  const bool violent_here = std::any_of(kept.begin(), kept.end(), [&](const Candidate& c) {
    return IsViolentActType(c.type()) && c.b >= sentence.begin &&
           !ThreatBefore(Slice(text, c.b > sentence.begin + 40 ? c.b - 40 : sentence.begin, c.b));
  });
  for (const Candidate& c : kept) {
    const Match& m = *c.m;
    const Rule& rule = *m.rule;
    EventRow row;
    row.doc_id = doc_.doc_id;
    row.file = doc_.file;
    row.pub_date = doc_.pub_date ? FormatIsoDate(*doc_.pub_date) : std::string();
    row.event_type = std::string(c.type());
    bool cause_only = false;  // the place names only the protest's cause
    if (lookups_.rules) {
      if (const EventType* type = lookups_.rules->FindType(row.event_type)) {
        row.acled_event_type = type->acled_event_type;
        row.acled_sub_event_type = type->acled_sub_event_type;
        row.cameo = type->cameo;
        row.plover = type->plover;
      }
    }
    row.rule = rule.id;
    row.byte_start = c.b;
    row.byte_end = c.e;
    row.sentence_index = sentence.index;
    row.sentence = CollapseWhitespace(stext);

    const int clause = clauses.At(c.b);
    std::string counted_subject, counted_object;

    // Slots.
    const auto cap = [&](std::string_view name) -> std::string {
      const Capture* k = m.Get(name);
      return k && k->set() ? Trimmed(Slice(text, k->begin, k->end)) : std::string();
    };
    const auto normalize = [&](const std::string& written) {
      return lookups_.actors && !written.empty()
                 ? StripDeterminers(lookups_.actors->Normalize(written))
                 : StripDeterminers(written);
    };
    // A captured actor that is a time phrase ("Putin signed laws on
    // Wednesday formally annexing…" gives "Wednesday") is no actor.
    const bool actor_is_time = [&] {
      const Capture* k = m.Get("actor");
      return k && k->set() && std::any_of(times.begin(), times.end(), [&](const TimeExpr& t) {
               return t.begin < k->end && k->begin < t.end;
             });
    }();
    if (!actor_is_time) row.actor = normalize(StripPossessive(cap("actor")));
    row.target = normalize(cap("target"));
    if (row.actor.empty() || row.target.empty() || CountsSubject(rule.event_type) ||
        CountsObject(rule.event_type)) {
      // Slots the rule did not capture: from the phrases around the trigger
      // (args.h). A speaker ("Ukraine claimed …") is a source, not an actor.
      if (!lookups_.arg_words && !arg_words_) arg_words_ = ArgWords::FromRules(lookups_.rules);
      ArgInput in;
      in.text = text;
      in.sentence_begin = sentence.begin;
      in.sentence_end = sentence.end;
      in.trigger_begin = c.b;
      in.trigger_end = c.e;
      in.event_type = rule.event_type;
      in.places = places;
      for (const Match& cue : cues) {
        const Capture* src = cue.Get("source");
        if (src && src->set()) in.source.emplace_back(src->begin, src->end);
      }
      for (const TimeExpr& t : times) in.times.emplace_back(t.begin, t.end);
      const ArgResult args = FindArguments(
          in, lookups_.arg_words ? *lookups_.arg_words : *arg_words_, lookups_.actors);
      if (row.actor.empty()) row.actor = args.actor;
      if (row.target.empty() && row.actor != args.target) row.target = args.target;
      if (CountsSubject(rule.event_type)) counted_subject = args.counted_subject;
      if (CountsObject(rule.event_type)) counted_object = args.counted_object;
    }
    std::optional<std::pair<std::size_t, std::size_t>> location_span;
    if (const Capture* k = m.Get("location"); k && k->set()) location_span = {{k->begin, k->end}};
    if (!location_span && rule.event_type == "withdrawal") {
      // Forces withdraw from a place: "flew back to Russia from Belbek".
      for (const PlaceMention& p : places) {
        const std::string_view before = TrimSpace(Slice(text, sentence.begin, p.begin));
        if (before.size() >= 5 && clauses.At(p.begin) == clause &&
            HasWordAt(before, before.size() - 4, "from")) {
          location_span = {{p.begin, p.end}};
          break;
        }
      }
    }
    if (lookups_.places) {
      // h-places3: an earlier event named as a reference or time frame
      // ("since the attack on the port", "after Saturday's raid") takes only
      // a place of its own phrase, never the main clause's, and no fallback.
      std::vector<PlaceMention> own;
      std::pair<std::size_t, std::size_t> reference_span;
      const bool reference =
          !location_span &&
          Gazetteer::ReferencePlaces(text, sentence.begin, places, c.b, c.e, &own, &reference_span);
      PlaceChoice choice = lookups_.places->ChoosePlace(text, reference ? own : places, c.b, c.e,
                                                        location_span, country_hint_);
      if (reference && !choice.place && !country_hint_.empty()) {
        // The country the document names most (more than any other) keeps
        // the act when the main clause names it ("Ruritania declared war
        // after the raid" in a report on Ruritania): the text is about that
        // episode there.
        const PlaceChoice main =
            lookups_.places->ChoosePlace(text, places, c.b, c.e, location_span, country_hint_);
        if (main.place && main.place->kind == "country" &&
            main.place->country == country_hint_.front().first &&
            (country_hint_.size() == 1 || country_hint_[1].second < country_hint_[0].second))
          choice = main;
      }
      // h-prec17: a protest's cause is not its scene ("a rally in London
      // for a ceasefire in Gaza", "protests over Gaza"): another place of
      // the sentence is taken, else the row keeps the cause only until
      // rows told twice are folded (both name it) and is then written with
      // no place. h-prec27: an arrest's too ("held on suspicion of spying for
      // Ruritania", "students detained at a sit-in over the war in Gaza").
      if (!location_span && choice.place &&
          (row.event_type == "protest" || row.event_type == "arrest")) {
        PlaceMention chosen;
        chosen.begin = choice.begin;
        chosen.end = choice.end;
        if (Gazetteer::NamesCause(text, chosen)) {
          std::vector<PlaceMention> scenes;
          for (const PlaceMention& p : reference ? std::span<const PlaceMention>(own) : places)
            if (!Gazetteer::NamesCause(text, p)) scenes.push_back(p);
          const PlaceChoice scene =
              lookups_.places->ChoosePlace(text, scenes, c.b, c.e, location_span, country_hint_);
          if (scene.place) {
            choice = scene;
          } else {
            cause_only = true;
          }
        }
      }
      // h-prec18: the striking state is not the scene ("Ruritania steps up
      // attacks", "as Ruritania Launches Missile Barrage"): another place of
      // the sentence, else none.
      if (!location_span && choice.place && choice.place->kind == "country" &&
          IsStrikeType(row.event_type) && StateStrikesAfter(text.substr(choice.end)) &&
          !GovernedBefore(text, choice.begin) &&
          !NounAfterObject(text, choice.begin, text.substr(choice.end))) {
        std::vector<PlaceMention> others;
        for (const PlaceMention& p : reference ? std::span<const PlaceMention>(own) : places)
          if (p.begin != choice.begin) others.push_back(p);
        choice = lookups_.places->ChoosePlace(text, others, c.b, c.e, location_span, country_hint_);
      }
      // h-places7: a state named with no preposition before it (the side that
      // acts: "Ruritania's missile barrage", "amid Ruritania attacks",
      // "Ruritania bombards the towns"; not the possessive of a toll or loss,
      // "Ruritania's combat losses", which is the side that bears it) and
      // taken only as the nearest
      // name is not the scene of a hostile act when the text offers another:
      // a place of the sentence that is not that state, else the document's
      // main country when it is another state. When neither exists the state
      // stays ("Myanmar's army launched air strikes" in a report on Myanmar).
      if (!location_span && choice.place && choice.reason == PlaceChoice::Reason::kNearest &&
          (choice.place->kind == "country" || choice.place->kind == "capital") &&
          IsActingStateType(row.event_type) && choice.end <= c.b &&
          clauses.At(choice.begin) == clause &&
          (!GovernedBefore(text, choice.begin) ||
           PossessiveOfTrigger(text.substr(choice.end, c.b - choice.end))) &&
          (StateStrikesAfter(text.substr(choice.end)) ||
           (row.event_type != "casualties" && row.event_type != "equipment_loss" &&
            row.actor != row.target && NamesState(row.actor, *choice.place, *lookups_.places) &&
            !ModifiesTrigger(text.substr(choice.end, c.e - choice.end))))) {
        const std::string state = choice.place->country;
        std::vector<PlaceMention> others;
        for (const PlaceMention& p : reference ? std::span<const PlaceMention>(own) : places) {
          const Place& r = Gazetteer::Resolve(p, country_hint_);
          if (r.country == state && (r.kind == "country" || r.kind == "capital")) continue;
          others.push_back(p);
        }
        const PlaceChoice alt =
            lookups_.places->ChoosePlace(text, others, c.b, c.e, location_span, country_hint_);
        if (alt.place && alt.reason != PlaceChoice::Reason::kNearest) {
          choice = alt;
        } else if (row.event_type == "equipment_loss") {
          // A state downing drones or missiles does so over its own land
          // ("Osterlich shoots down 30 drones"): only a named place moves it.
        } else if (main_country_ && main_country_->country != state) {
          choice = PlaceChoice{};
          choice.place = main_country_;
          choice.reason = PlaceChoice::Reason::kDocument;
        } else {
          // The one other state the sentence names, whatever its role: the
          // side the act falls on ("Ruritania has been pounding Osterlich's
          // power grid", "Osterlich's rail chief speaks of Ruritania attacks").
          const Place* other = nullptr;
          bool single = true;
          for (const PlaceMention& p : places) {
            const Place& r = Gazetteer::Resolve(p, country_hint_);
            if (r.kind != "country" || r.country == state) continue;
            if (other != nullptr && other->country != r.country) single = false;
            other = &r;
          }
          if (other == nullptr) {
            // Else the one other state a nationality word of the sentence
            // names: "Ruritania bombs an Osterlichian ward".
            other = DemonymCountry(Slice(text, sentence.begin, sentence.end), state,
                                   *lookups_.places, &single);
          }
          if (other != nullptr && single) {
            choice = PlaceChoice{};
            choice.place = other;
            choice.reason = PlaceChoice::Reason::kDocument;
          }
        }
      }
      // h-places13: a mutiny happens inside the mutineers' own state. When
      // the sentence names no place for it in the trigger's clause (none, the
      // nearest name, or a country in another clause: "the mercenaries who
      // fought in Ruritania staged a mutiny"), the state the actors file
      // gives the mutineers is the place, before any fallback (a live blog's
      // main country is the war's, not the mutiny's).
      if (row.event_type == "mutiny" && !location_span && !reference && lookups_.actors) {
        const std::string state =
            MutineerState(*lookups_.actors, row.actor, text, sentence.begin, sentence.end);
        const bool named_here =
            choice.place &&
            (choice.reason == PlaceChoice::Reason::kCapture ||
             (choice.reason == PlaceChoice::Reason::kLocative &&
              (choice.place->kind != "country" || clauses.At(choice.begin) == clause)));
        if (!state.empty() && !named_here && (!choice.place || choice.place->country != state)) {
          if (const Place* home = lookups_.places->CountryPlace(state)) {
            choice = PlaceChoice{};
            choice.place = home;
            choice.reason = PlaceChoice::Reason::kDocument;
          }
        }
      }
      // h-places18: hostages held or freed are where their captors keep
      // them, not where they were taken nor where their families speak: a
      // captivity row whose sentence names no place for it after the trigger
      // in its clause takes the captor's land (the actors file's
      // `territory`): the row's actor, else (no actor, or a state's side)
      // the one land the groups the sentence names hold. A place of that
      // land, chosen or from a fallback (the previous sentence's, the
      // headline's), stays; it is set below.
      const Place* captor_land = nullptr;
      if (row.event_type == "abduction" && !location_span && !reference && lookups_.actors &&
          Gazetteer::HoldingAct(text, sentence.begin, sentence.end, c.b, c.e)) {
        std::string_view land =
            row.actor.empty() ? std::string_view() : lookups_.actors->Territory(row.actor);
        // A state's side as the actor (a nationality before "hostages"
        // gives "Israeli forces" in "Hamas freed ten Israeli hostages") is
        // no captor that holds one land either: the sentence's groups then.
        if (land.empty() && (row.actor.empty() || !lookups_.actors->Country(row.actor).empty())) {
          for (const ActorMention& am :
               lookups_.actors->FindAll(text, sentence.begin, sentence.end)) {
            const std::string_view t = lookups_.actors->Territory(*am.canonical);
            if (t.empty()) continue;
            if (!land.empty() && land != t) {
              land = {};
              break;
            }
            land = t;
          }
        }
        const Place* held = nullptr;
        if (!land.empty()) {
          const std::span<const Place* const> found = lookups_.places->Lookup(land);
          if (!found.empty()) held = found.front();
        }
        const bool named_here =
            choice.place && (choice.reason == PlaceChoice::Reason::kCapture ||
                             (choice.reason == PlaceChoice::Reason::kLocative &&
                              clauses.At(choice.begin) == clause && choice.begin >= c.e));
        if (!named_here) captor_land = held;
      }
      const Place* place = choice.place;
      if (place) {
        // A country says nothing of the episode's place: not carried.
        if (place->kind != "country" && !cause_only) located_here = place;
      } else if (!location_span) {
        // The sentence names no place for the event: the place of the
        // previous sentence's events when it names none at all (the same
        // episode told on), else the country the document is about (a wire
        // dateline's city is where the report was filed: it gives only its
        // country).
        // "in the capital" names the main country's capital.
        if (main_capital_ && places.empty() && NamesTheCapital(stext)) {
          place = main_capital_;
          located_here = place;
        } else {
          // A sentence that names only states standing for their sides
          // ("Russia denied…") gets no fallback: about a quarter of such
          // rows were placed wrongly in the Guardian review of this rule.
          // h-places8: the previous sentence's place goes on; else a
          // nationality word before a word for land ("several Ukrainian
          // cities", "a Russian border town") in the act's clause names the
          // state whose land it is, also beside states standing for their
          // sides (in another clause only when the sentence names no place);
          // else the document's country.
          const bool previous = last_place_ && last_place_sentence_ == sentence.index - 1;
          if (places.empty() && previous) {
            place = last_place_;
          } else if (const Place* land =
                         LandOfClause(text, sentence.begin, sentence.end, clauses, clause, c.b,
                                      places.empty(), *lookups_.places,
                                      row.event_type == "arrest" || row.event_type == "protest" ||
                                          row.event_type == "mutiny")) {
            place = land;
          } else if (places.empty()) {
            place = main_country_;
            if (place == nullptr && sentence.index > 1) place = headline_place_;
            // h-places13: a headline that placed its event finer inside the
            // document's country (a city, a region) lends that place rather
            // than the country to the lead's unplaced rows (its first six
            // sentences): they tell its episode. Further down a live blog
            // or a digest has moved on to other episodes.
            constexpr int kLeadSentences = 7;  // the headline and six more
            if (place != nullptr && place == main_country_ && sentence.index > 1 &&
                sentence.index <= kLeadSentences && headline_place_ != nullptr &&
                headline_place_->kind != "country" &&
                headline_place_->country == main_country_->country)
              place = headline_place_;
          } else if (sentence.index >= 2 && sentence.index <= 3 && headline_place_ != nullptr &&
                     headline_place_->kind != "country" && !cause_only &&
                     (!reference ||
                      std::any_of(places.begin(), places.end(), [&](const PlaceMention& p) {
                        const Place& r = Gazetteer::Resolve(p, country_hint_);
                        return (r.kind == "country" || r.kind == "capital") &&
                               r.country == headline_place_->country;
                      }))) {
            // h-places15: the body's first two sentences tell the headline's
            // news. When one gives the act no place of its own but names
            // the state of the headline's city or region (or its capital),
            // mostly states standing for their sides ("Moscow launched
            // drones at what Kyiv called grain sites" under "Drones hit
            // grain sites in Odesa"), the row takes that place; other
            // places the sentence names do not stop it (further down, or
            // with no such state, none: h-places2).
            place = headline_place_;
          }
        }
      }
      // h-places14: a people harmed on its own land, when nothing else placed
      // the row (VictimPeoplePlace).
      // An abduction only when the taking is told ("kidnapped", "abducted",
      // "seized", "taken"): people held as hostages are held elsewhere.
      static constexpr std::string_view kTaking[] = {"kidnap", "abduct", "seiz", "took",
                                                     "taken",  "snatch", "grab"};
      const auto taking = [&] {
        const std::string trigger_low = Lower(Slice(text, c.b, c.e));
        return std::any_of(std::begin(kTaking), std::end(kTaking),
                           [&](std::string_view k) { return trigger_low.starts_with(k); });
      };
      if (!place && !location_span && !reference &&
          (row.event_type == "killing" || row.event_type == "casualties" ||
           (row.event_type == "abduction" && taking())))
        place = VictimPeoplePlace(text, sentence.begin, sentence.end, c.b, c.e, *lookups_.places,
                                  country_hint_);
      // h-places18: the captor's land (above) unless the place is in it.
      if (captor_land != nullptr && (place == nullptr || place->country != captor_land->country))
        place = captor_land;
      // h-places9: a headline set over its body (one short line, a blank
      // line after it, no full stop) lends its event's place to the body.
      if (choice.place && sentence.index == 1 && headline_place_ == nullptr && !cause_only) {
        const std::size_t br = text.find("\n\n");
        if (br != std::string_view::npos && br <= 300 && sentence.end <= br + 1 &&
            Slice(text, 0, br).find('\n') == std::string_view::npos &&
            !TrimSpace(Slice(text, 0, br)).empty() && TrimSpace(Slice(text, 0, br)).back() != '.')
          headline_place_ = choice.place;
      }
      if (place) {
        row.location = place->name;
        row.country = place->country;
        row.latitude = place->latitude;
        row.longitude = place->longitude;
      }
      // h-places15: the places of the sentences that tell fighting.
      if (IsFightingType(row.event_type) && fighting_sentence_ != sentence.index) {
        fighting_sentence_ = sentence.index;
        for (const PlaceMention& p : places)
          ++fighting_places_[&Gazetteer::Resolve(p, country_hint_)];
      }
      // h-places15: a truce whose sentence names no place at all for it, or
      // only a state as the nearest name (a party to it, a mediator), waits
      // for Finish: it holds where the document's fighting is.
      if (row.event_type == "ceasefire" && !location_span && !reference && !cause_only) {
        if (choice.place && choice.reason == PlaceChoice::Reason::kNearest &&
            (choice.place->kind == "country" || choice.place->kind == "capital") &&
            !GovernedBefore(text, choice.begin)) {
          pending_truces_.push_back({c.b, c.e, choice.place->country});
        } else if (!choice.place && place == nullptr) {
          // Unplaced: no place of its own, of the sentence before, of the
          // headline or of the document's country (the war's, kept).
          pending_truces_.push_back({c.b, c.e, ""});
        }
      }
      // h-places3: the act's own place for the document's episodes; a
      // reference without one waits for Finish.
      if (choice.place && !cause_only &&
          (reference || choice.reason == PlaceChoice::Reason::kCapture ||
           choice.reason == PlaceChoice::Reason::kLocative)) {
        episodes_.push_back({row.event_type, TriggerStem(Slice(text, c.b, c.e)), row.actor,
                             choice.place, c.b, c.e});
      } else if (reference && !choice.place && !places.empty()) {
        pending_references_.push_back(
            {row.event_type, TriggerStem(Slice(text, c.b, c.e)), row.actor, nullptr, c.b, c.e});
      }
    }
    // A location the gazetteer does not know is kept as written, unless it
    // is a nationality adjective ("four Ukrainian regions" gives "Ukrainian").
    if (row.location.empty()) {
      const std::string written = cap("location");
      if (!IsLexiconEntry(lookups_.rules, "DEMONYM", written)) row.location = written;
    }
    if (const std::string q = cap("quantity"); !q.empty()) row.quantity = ParseQuantities(q);
    if (!counted_subject.empty() &&
        (row.quantity.empty() || counted_subject.find(cap("quantity")) != std::string::npos)) {
      // The subject counts what moved or was lost: "some 24 jets and bombers
      // along with 14 helicopters withdrew" (the rule saw only the last part).
      std::vector<Quantity> q = ParseQuantities(counted_subject);
      if (std::any_of(q.begin(), q.end(), [](const Quantity& x) { return x.value.has_value(); }))
        row.quantity = std::move(q);
    }
    if (row.quantity.empty() && !counted_object.empty()) {
      std::vector<Quantity> q = ParseQuantities(counted_object);
      if (std::any_of(q.begin(), q.end(), [](const Quantity& x) { return x.value.has_value(); }))
        row.quantity = std::move(q);
    }
    if (const std::string f = cap("fatalities"); !f.empty()) {
      row.fatalities = LeadingCount(f);
      if (!row.fatalities) row.quantity.push_back(Quantity{std::nullopt, f + " killed", f});
    }
    if (const std::string inj = cap("injured"); !inj.empty()) {
      row.injured = LeadingCount(inj);
      if (!row.injured) row.quantity.push_back(Quantity{std::nullopt, inj + " injured", inj});
    }

    // Date: a relative clause right after a nominal trigger ("a car bomb
    // that killed nine people on 3 March"), then the same clause (phrase
    // after the trigger first: the PP that modifies it), then a fronted
    // phrase, then a following relative clause.
    const TimeExpr* best = nullptr;
    std::size_t best_score = static_cast<std::size_t>(-1);
    for (const TimeExpr& t : bound_times) {
      if (c.b >= t.end && c.b < t.bound_end) best = &t;
    }
    if (!best) {
      for (const TimeExpr& t : bound_times) {
        if (t.interval.start && c.e <= t.begin && t.begin - c.e <= 80 &&
            BoundNounLends(Slice(text, c.e, t.begin)) &&
            !OccasionAhead(text, sentence.begin, t.begin))
          best = &t;
      }
    }
    std::optional<TimeExpr> own_day;
    if (!best) {
      for (const TimeExpr& t : times) {
        if (!OwnDayModifier(text, sentence.begin, t, c.b, c.e)) continue;
        own_day = t;
        if (!own_day->interval.start) {
          // "by Oct. 7 attack": the day, not the deadline.
          own_day->interval.start = own_day->interval.end;
          own_day->interval.precision = Precision::kDay;
          own_day->begin += 3;
        }
        best = &*own_day;
      }
    }
    if (!best) {
      std::size_t i = c.e;
      while (i < sentence.end && text[i] == ' ') ++i;
      if (HasWordAt(text.substr(0, sentence.end), i, "that") ||
          HasWordAt(text.substr(0, sentence.end), i, "which")) {
        std::size_t stop = i;
        while (stop < sentence.end && text[stop] != ',' && text[stop] != ';' && text[stop] != ':')
          ++stop;
        for (const TimeExpr& t : times) {
          if (t.begin > i && t.end <= stop) {
            best = &t;
            break;
          }
        }
      }
    }
    const bool in_relative = best != nullptr;
    // The trigger's clause.
    std::size_t clause_b = c.b, clause_e = c.e;
    while (clause_b > sentence.begin && clauses.At(clause_b - 1) == clause) --clause_b;
    while (clause_e < sentence.end && clauses.At(clause_e) == clause) ++clause_e;
    // A phrase closing a "since" complement the trigger is not in dates the
    // start of a span up to now, never the trigger as a point.
    const TimeExpr* since_phrase = nullptr;
    std::size_t since_at = 0;
    bool compared = false;  // a phrase of a "since" comparison was set aside
    // A post stamp after the trigger opens the next post: neither it nor
    // a phrase after it dates the trigger.
    bool modifier_aside = false;  // a phrase of the main verb was set aside
    const auto usable = [&](const TimeExpr& t) {
      // A movement over a span (c.span: "amid ongoing protests", "after
      // months of protests") is no day's or week's event: "executed as part
      // of ongoing protests, was buried on December 9", "died in ongoing
      // protests after he tried to dissolve Congress last week" (h-span1).
      // A full date with its year stays: a caption's day of the scene shown.
      if (c.span &&
          (t.interval.precision == Precision::kDay || t.interval.precision == Precision::kWeek) &&
          !WritesYear(Slice(text, t.begin, t.end)))
        return false;
      // Not a full date with its year ("is brought to hospital on Dec. 24,
      // 2023"): a caption's, which names the day of the event shown.
      if (!(t.interval.precision == Precision::kDay && WritesYear(Slice(text, t.begin, t.end))) &&
          ModifierEventBefore(text, sentence.begin, c.b, c.e, t.begin)) {
        modifier_aside = true;
        return false;
      }
      for (const TimeExpr& stamp : times) {
        if (stamp.begin >= c.e && stamp.begin <= t.begin &&
            IsPostStamp(text, stamp.end, sentence.end))
          return false;
      }
      if (t.end <= c.b && SubjectRelativePhrase(text, sentence.begin, t)) return false;
      if (SayingDayBeforeKnownAct(text, sentence.begin, t, c.b)) return false;
      if (CountFramePhrase(text, sentence.begin, t, c.b)) return false;
      if (t.begin >= c.e && OccasionAhead(text, sentence.begin, t.begin)) return false;
      // The act a proceeding tries came before it: with no phrase of its
      // own, before publication (h-evdate26), as a main verb's phrase set
      // aside above.
      if (ProceedingDay(text, sentence.begin, t.begin)) {
        modifier_aside = true;
        return false;
      }
      // A bare length ("jailed for 13 years", "held captive for 18 days",
      // "remanded in custody for eight days") tells how long a sentence or
      // a captivity lasts, not when the arrest or the kidnapping was
      // (h-evdate12). Not the perfect ("has been held for 18 days": a span
      // up to now that starts with the act), nor "for the past week".
      // A captivity told as ended in the sentence ("freed after being held
      // for over a month", "made a daring escape after a year held
      // captive") ends about now: its span stays.
      // Another type's act is not dated by a length after it that another
      // verb between them governs (OtherVerbBefore, h-evdate14).
      if (rule.event_type != "arrest" && rule.event_type != "abduction" && t.begin >= c.e &&
          LengthPhrase(Slice(text, t.begin, t.end)) && OtherVerbBefore(text, c.e, t.begin))
        return false;
      if ((rule.event_type == "arrest" || rule.event_type == "abduction") &&
          BareLength(Slice(text, t.begin, t.end)) &&
          Lower(Slice(text, sentence.begin, t.begin)).find("been ") == std::string::npos &&
          !(rule.event_type == "abduction" && EndsCaptivity(Lower(stext))))
        return false;
      // A possessive phrase that names the day of a publication, a meeting
      // or a plan ("today's newsletter", "Monday's papers", "this week's
      // summit", "last week's breakdown of the truce") dates that noun,
      // not another trigger of the sentence (h-evdate3).
      if (const auto owned = PossessedNoun(text, t, sentence.end);
          owned && !(c.b >= owned->first && c.b < owned->second) &&
          NamesNoAct(Slice(text, owned->first, owned->second)))
        return false;
      // "After months of protests, the leader on Wednesday hinted …": a
      // phrase of the week up to publication across a comma or before the
      // trigger is the day's news of the main verb, not the span of a
      // trigger named as lasting, which then lies before publication
      // (TellsBackground) (h-evdate9). An older phrase may date the span
      // ("In 2014, after months of protests, …").
      // A later phrase before the trigger is the main verb's too ("will
      // open a crossing on Monday, with others blocked by weeks of
      // protests"); after it, only one up to publication ("five days of
      // strikes, the first planned for next Wednesday").
      if (doc_.pub_date && t.interval.start && t.interval.end &&
          *t.interval.start >= AddDays(*doc_.pub_date, -7) &&
          (t.end <= c.b || (*t.interval.end <= *doc_.pub_date &&
                            Slice(text, c.e, t.begin).find(',') != std::string_view::npos)) &&
          (c.span || NamedAsLasting(Slice(text, clause_b, c.b))))
        return false;
      if (t.begin >= c.e) {
        // A phrase of an older act told in a reduced relative after the
        // trigger ("… the city liberated by Kyiv a year ago"): a day of the
        // last month may still be the trigger's ("shelled positions held by
        // rebels on Monday").
        if (doc_.pub_date && t.interval.end && *t.interval.end < AddDays(*doc_.pub_date, -30) &&
            ReducedPassiveBetween(Slice(text, c.e, t.begin)))
          return false;
        // "The attack was the third in a day and came after a daytime
        // attack on Monday": Monday is the second attack's.
        for (const Candidate& o : kept) {
          if (o.b >= c.e && o.e <= t.begin && ComesAfter(Slice(text, c.e, o.b))) return false;
        }
        if (rule.event_type == "arrest") {
          for (const Candidate& o : kept) {
            const std::string_view ot = o.type();
            if ((ot == "attack" || ot == "killing" || ot == "casualties" || ot == "abduction" ||
                 ot == "arson" || ot == "explosion" || ot == "shelling" || ot == "air_strike") &&
                ActPhraseAfterArrest(text, c.e, o.b, o.e, t))
              return false;
          }
        }
        // "was arrested for allegedly firebombing a clinic in March 2022":
        // the charged act's phrase (ChargeObjectBetween). A day of the week
        // before publication may still be the arrest's ("arrested for the
        // murder on Monday").
        // Not an arrest told in a subordinate clause ("who was arrested for
        // crossing the border last year", "after he was arrested for …"):
        // background narration, where the phrase is often the arrest's.
        // Nor a span up to now ("in the last five years"): it holds the
        // arrests too.
        if (rule.event_type == "arrest" && doc_.pub_date && t.interval.start && t.interval.end &&
            *t.interval.end < *doc_.pub_date && !SubordinateBefore(Slice(text, clause_b, c.b)) &&
            !(t.interval.precision == Precision::kDay &&
              *t.interval.start >= AddDays(*doc_.pub_date, -7)) &&
            ChargeObjectBetween(Slice(text, c.e, t.begin),
                                Slice(text, t.end, std::min(sentence.end, t.end + 40))))
          return false;
      }
      if (clauses.At(t.begin) == clause) {
        if (ComparedSpan(text, clause_b, t, c.e, doc_.pub_date)) {
          compared = true;
          return false;
        }
        std::size_t at = 0;
        switch (SinceComplementRole(text, clause_b, t, c.b, &at)) {
          case SinceRole::kNone:
            break;
          case SinceRole::kSpan:
            // A truce told as holding since an act ("the ceasefire has held
            // since it was signed last month"): the complement names the
            // agreement itself, and the phrase dates it (h-evdate3).
            if (IsOnsetState(rule.event_type)) break;
            if (!since_phrase) since_phrase = &t, since_at = at;
            return false;
          case SinceRole::kComparison:
            // "the largest attack since the war began in February": the
            // war's date, not the attack's. A day of the last week is read
            // as the attack's ("the largest drone attack since the invasion
            // on Sunday").
            if (doc_.pub_date && t.interval.end && *t.interval.end < AddDays(*doc_.pub_date, -7)) {
              compared = true;
              return false;
            }
            break;
        }
      }
      return true;
    };
    for (const TimeExpr& t : times) {
      if (in_relative) break;
      if (clauses.At(t.begin) != clause || !usable(t)) continue;
      const std::size_t score = t.begin >= c.e ? (t.begin - c.e) : (c.b - t.end) * 2 + 8;
      if (score < best_score) {
        best = &t;
        best_score = score;
      }
    }
    if (!best && clause > 0 && clauses.kind[static_cast<std::size_t>(clause)] == 2) {
      // A "when" clause right after a time phrase is dated by it: "in 2014,
      // when Russia annexed Crimea", "on 3 March, when the convoy was hit".
      std::size_t open = c.b;
      while (open > sentence.begin && clauses.At(open - 1) == clause) --open;
      std::size_t w = open;
      while (w < c.b && (text[w] == ',' || text[w] == ' ')) ++w;
      if (open > sentence.begin && text[open] == ',' && HasWordAt(text, w, "when")) {
        for (const TimeExpr& t : times) {
          // Not "since 21 September, when …": the span is not the event's.
          if (t.end <= open && TrimSpace(Slice(text, t.end, open)).empty() && usable(t) &&
              t.interval.precision != Precision::kRange)
            best = &t;
        }
      }
    }
    if (!best && fronted && clauses.kind[static_cast<std::size_t>(clause)] != 1) best = fronted;
    if (!best) {
      for (const TimeExpr& t : times) {
        const int tc = clauses.At(t.begin);
        if (t.begin > c.e && usable(t) && clauses.kind[static_cast<std::size_t>(tc)] == 2 &&
            clauses.parent[static_cast<std::size_t>(tc)] ==
                clauses.parent[static_cast<std::size_t>(clause)]) {
          best = &t;
          break;
        }
      }
    }
    // The trigger's clause tells an earlier or ongoing event (TellsBackground):
    // such an event is not the episode of a date carried from the sentence
    // before ("… on Tuesday. Officials now think 800 residents have
    // died in the town").
    // A clause in the perfect whose "since" complement has a phrase ("5,000
    // have been killed since the war began on 24 February"): that day .. pub.
    // It wins over another phrase of the clause (a report's "said on
    // Wednesday"): it states the period.
    // Not over a phrase after the trigger that comes before the complement
    // or follows a fronted one: the trigger's own ("Since launching the
    // offensive, Kyiv has struck the peninsula Russia seized in 2014").
    // A phrase before a cue that makes the trigger an earlier event's
    // object dates the act of the cue's clause, not the trigger: "police
    // said on Tuesday they had charged him with the killing", "on Friday,
    // relatives of the victims of the bombing marched" (h-evdate8). The
    // trigger then lies before publication, undated. Only a phrase of the
    // week before publication (the news of the day: the charge, the
    // march): an older one often dates the story the event belongs to ("In
    // 1989, five teenagers were convicted of killing …"). Not a trigger that
    // reads as a finite verb: the cue's noun is then its subject ("on
    // Thursday, suspects in the town threw explosives"). (The charge and
    // inquiry cues, LegalCueBefore, were tried here too: MUC-4 DEV date%
    // 87.2 -> 86.9, same-day arrests in wire reports.)
    bool cue_background = false;
    if (best && best->end <= c.b && doc_.pub_date && !in_relative && best->resolved &&
        best->interval.start && best->interval.end &&
        *best->interval.start >= AddDays(*doc_.pub_date, -7) &&
        *best->interval.end <= *doc_.pub_date && !FiniteVerbAt(text, c.b) &&
        AftermathCueBefore(context, text, best->end, c.b)) {
      // Still the sentence's phrase for the next one (the act it dates).
      if (!best->bound_end) carried_after = Carried{*best, sentence.index};
      best = nullptr;
      cue_background = true;
    }
    // A length of time ("for 48 hours", "for 70 days") before "after" or
    // "before" measures the verb it follows, not the act told after that
    // word: "suspends sailings for 48 hours after rebels attack a ship",
    // "held for 70 days before he was shot" (h-evdate24). The act lies
    // before publication, undated. Not "as" ("sheltered for two months as
    // the army shelled the plant": the span is the shelling's too).
    if (best && !in_relative && best->rule && best->rule->id == "time.lasting" &&
        best->end <= c.b) {
      const std::string gap = LowerRange(text, best->end, c.b);
      for (std::string_view w : Tokens(gap))
        if (w == "after" || w == "before") {
          best = nullptr;
          cue_background = true;
          break;
        }
    }
    // The phrase dates a report whose complement tells the trigger as an
    // earlier act, in the past perfect or as the object of an accusation
    // (ReportedEarlierAct, h-evdate11): the act lies at or before the
    // report's day, an open start ending on it.
    // The main verb of an arrest, a charge or a reaction before "after" that
    // opens the trigger's phrase (AftermathVerbAfter, h-evdate12).
    // An arrest comes often within the hour of what it answers: not a
    // protest or a clash at the arrest's own scene ("arrested after a
    // shootout with officers", "detained after staging a sit-in"), nor an
    // act before the arrest's own day ("arrested on Sunday after setting
    // fire to …": mostly that day).
    bool arrest_verb = false;
    bool reaction_verb = false;
    std::size_t aftermath_after =
        AftermathVerbAfter(text, sentence.begin, c.b, &arrest_verb, &reaction_verb);
    // A saying or a reaction dated by its own phrase before "after" ("said on
    // Tuesday after …"): the act after it keeps that day, as before
    // h-evdate16 (on two design pools the act was as often that day as
    // earlier).
    if (reaction_verb && best && best->end <= aftermath_after)
      aftermath_after = std::string_view::npos;
    if (arrest_verb && (rule.event_type == "protest" || rule.event_type == "armed_clash"))
      aftermath_after = std::string_view::npos;
    // A "who" clause act under an arrest, a trial or a release after it
    // (RelativeActUnderLegalVerb, h-evdate12): a weak cue, as above.
    // Any past "who" clause act under what the sentence says of that person
    // (RelativePastAct, h-evdate15): a weak cue too. Not captives who tell
    // of their captivity ("a woman who was held hostage described her
    // ordeal"): their row keeps the day of their news (docs/dates.md).
    const bool relative_legal =
        RelativeActUnderLegalVerb(text, sentence.begin, sentence.end, c.b, c.e) ||
        (RelativePastAct(text, sentence.begin, sentence.end, c.b, c.e) &&
         !(rule.event_type == "abduction" && TellsCaptives(stext)));
    const bool accused_earlier = best && !in_relative && best->resolved && best->interval.end &&
                                 best->end <= c.b && best->interval.precision == Precision::kDay &&
                                 !(doc_.pub_date && *best->interval.end > *doc_.pub_date) &&
                                 (ReportedEarlierAct(text, clause_b, *best, c.b, c.e) ||
                                  (aftermath_after != std::string_view::npos && !arrest_verb &&
                                   best->end <= aftermath_after));
    // A phrase that dates the release of a report, a picture or a video
    // (ReleaseDatesPhrase, h-evdate28): the act it shows lies at or before
    // that day, as an accused act above.
    const bool released_earlier = best && !in_relative && best->resolved && best->interval.end &&
                                  !(doc_.pub_date && *best->interval.end > *doc_.pub_date) &&
                                  ReleaseDatesPhrase(text, sentence.begin, best->begin, c.b, c.e);
    // A charged act dated only by a reporting tag after it ("charged with
    // the murder of a guard, police said on Friday"): at or before the
    // saying (h-evdate22), as an accused act above.
    // A legal step's phrase before the act it is for (LegalStepPhrase,
    // h-evdate33): the act lies at or before the step's day, as above.
    const bool step_earlier = best && !in_relative && best->resolved && best->interval.end &&
                              best->end <= c.b &&
                              !(doc_.pub_date && *best->interval.end > *doc_.pub_date) &&
                              LegalStepPhrase(text, sentence.begin, sentence.end, *best, c.b, c.e);
    const bool reported_earlier =
        accused_earlier || released_earlier || step_earlier ||
        (best && !in_relative && best->resolved && best->interval.end &&
         best->interval.precision == Precision::kDay &&
         !(doc_.pub_date && *best->interval.end > *doc_.pub_date) && best->begin >= c.e &&
         LegalCueBefore(text, clause_b, c.b) != std::string_view::npos &&
         TagDatesSaying(text, c.e, *best));
    // Another clause's phrase across a later coordinate (LaterCoordinateBetween,
    // h-evdate34): a day before "and … later <trigger>" dates the first
    // clause, the trigger came on or after it, up to publication (a month or
    // a span keeps its own bounds: "earlier this month … days later"); a phrase
    // after "<trigger> and eventually <verb>" dates that verb, the trigger
    // came at or before it.
    const bool later_than_phrase = best && !in_relative && !reported_earlier && best->resolved &&
                                   doc_.pub_date && best->interval.precision == Precision::kDay &&
                                   best->interval.start && best->interval.end &&
                                   *best->interval.end <= *doc_.pub_date && best->end <= c.b &&
                                   LaterCoordinateBetween(text, best->end, c.b, false);
    const bool before_phrase = best && !in_relative && !reported_earlier && best->resolved &&
                               best->interval.end && best->begin >= c.e &&
                               !(doc_.pub_date && *best->interval.end > *doc_.pub_date) &&
                               LaterCoordinateBetween(text, c.e, best->begin, true);
    const bool own_phrase =
        best && best->begin >= c.e && (since_at < c.b || best->begin < since_at);
    const bool since_span = !in_relative && !own_phrase && since_phrase && doc_.pub_date &&
                            since_phrase->resolved && since_phrase->interval.start &&
                            *since_phrase->interval.start <= *doc_.pub_date;
    // A toll of a thousand or more (killed, injured, arrested) with no
    // phrase of its own and none carried counts what a war, a crackdown or a
    // disaster has done so far, not the day's news (h-evdate10: "over 1,200 arrested as
    // protests continue", "200,000 military casualties").
    const bool big_toll = [&] {
      if (rule.event_type != "casualties" && rule.event_type != "arrest" &&
          rule.event_type != "killing")
        return false;
      bool big = row.fatalities.value_or(0) >= 1000 || row.injured.value_or(0) >= 1000;
      if (rule.event_type == "arrest")
        for (const Quantity& q : row.quantity)
          if (q.value.value_or(0) >= 1000) big = true;
      if (!big) return false;
      // Not a toll feared or avoided: a modal in the three words before the
      // trigger ("would have killed 5,000").
      const auto before = Tokens(Slice(text, clause_b, c.b));
      for (std::size_t k = before.size() > 3 ? before.size() - 3 : 0; k < before.size(); ++k) {
        std::string low(before[k]);
        for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (low == "will" || low == "would" || low == "could" || low == "may" || low == "might" ||
            low == "if")
          return false;
      }
      return true;
    }();
    // The "since" of a comparison is no span up to now for TellsBackground.
    bool background = false;
    const bool arrest_news = rule.event_type == "arrest" && sentence.index == 1 &&
                             ArrestVerbHeadline(text, sentence.begin, c.b, c.e);
    if (!best && !since_span && !compared && doc_.pub_date && !arrest_news)
      background = modifier_aside || cue_background || c.span ||
                   TellsBackground(context, text, clause_b, clause_e, c.b, c.e);
    // The weak cues, only where nothing else dates the row (below).
    // A big toll is a weak cue: a date carried from the sentence before
    // still dates it (a mass round-up told under the day's dateline).
    // An arrest or a killing named by a noun a person owns ("his arrest",
    // "Okoro's detention": PersonalActNoun, h-evdate15): a weak cue whose
    // row, under a headline, may still take the body's day of its type.
    const bool personal_act =
        PersonalActNoun(text, clause_b, c.b, c.e) ||
        NamedActNoun(text, sentence.begin, sentence.end, clause_b, c.b, c.e) ||
        TellsHearing(stext) ||
        (sentence.index == 1 && rule.event_type != "abduction" &&
         HeadlineRelativeAct(text, sentence.begin, sentence.end, c.b, c.e));
    const bool weak_background =
        !best && !since_span && !compared && doc_.pub_date && !background && !arrest_news &&
        (big_toll || TellsBackground(context, text, clause_b, clause_e, c.b, c.e, true) ||
         aftermath_after != std::string_view::npos || relative_legal || personal_act ||
         LegalComplementAct(text, sentence.begin, sentence.end, c.b, c.e));
    // "on Thursday, a day after <trigger>": the trigger lies a day before the
    // phrase (AnchoredOffset).
    const std::optional<AnchoredDate> anchored =
        best && !in_relative && best->end <= c.b ? AnchoredOffset(text, *best, c.b) : std::nullopt;
    // "marks six months since <trigger>", "the two-year anniversary of
    // <trigger>": counted back from the publication day, or from a day
    // phrase before the count (CountedSinceBefore).
    std::size_t counted_at = 0, counted_end = 0;
    std::optional<Interval> counted;
    if (doc_.pub_date && !in_relative && !since_span && !anchored) {
      if (!best) {
        counted =
            CountedSinceBefore(text, clause_b, c.b, *doc_.pub_date, &counted_at, &counted_end);
      } else if (best->end <= c.b && best->resolved && best->interval.start &&
                 best->interval.precision == Precision::kDay) {
        counted = CountedSinceBefore(text, clause_b, c.b, *best->interval.start, &counted_at,
                                     &counted_end);
        // The day anchors the count only right before it ("on Tuesday, the
        // 30th anniversary of"); a day further back dates another act ("the
        // Sept. 11, 2001 attacks were identified … before the 22nd
        // anniversary of the attacks", h-evdate24).
        if (counted &&
            (best->end > counted_at || Tokens(Slice(text, best->end, counted_at)).size() > 4))
          counted.reset();
      }
    }
    if (!counted && !best && !since_span && !anchored && !in_relative && doc_.pub_date &&
        (rule.event_type == "armed_clash" || rule.event_type == "protest" ||
         rule.event_type == "shelling"))
      counted = LastingForAfter(text, clause_b, sentence.end, c.b, c.e, *doc_.pub_date, &counted_at,
                                &counted_end);
    if (!counted && !best && !since_span && !anchored && !in_relative && doc_.pub_date &&
        (rule.event_type == "armed_clash" || rule.event_type == "protest" ||
         rule.event_type == "shelling"))
      counted =
          CountedOfBefore(text, clause_b, c.b, c.e, *doc_.pub_date, &counted_at, &counted_end);
    if (counted) {
      const std::string words = CollapseWhitespace(Slice(text, counted_at, counted_end));
      row.date_text =
          best ? CollapseWhitespace(Slice(text, best->begin, best->end)) + " \xE2\x80\xA6 " + words
               : words;
      row.date_source = "text";
      row.date_start = counted->start ? FormatIsoDate(*counted->start) : std::string();
      row.date_end = FormatIsoDate(*counted->end);
      row.date_precision = std::string(ToString(counted->precision));
      if (best && !best->bound_end) carried_after = Carried{*best, sentence.index};
    } else if (since_span) {
      const std::string_view written = Slice(text, since_at, since_phrase->end);
      row.date_text =
          written.size() <= 80
              ? CollapseWhitespace(written)
              : "since \xE2\x80\xA6 " +
                    CollapseWhitespace(Slice(text, since_phrase->begin, since_phrase->end));
      row.date_source = "text";
      row.date_start = FormatIsoDate(*since_phrase->interval.start);
      row.date_end = FormatIsoDate(*doc_.pub_date);
      row.date_precision = "range";
    } else if (anchored) {
      // The phrase and the offset as written: "on Thursday, a day after", or
      // "Tuesday morning … days after" when other words stand between.
      const std::string_view between = Slice(text, best->end, anchored->words_begin);
      row.date_text =
          between.size() <= 8
              ? CollapseWhitespace(Slice(text, best->begin, anchored->words_end))
              : CollapseWhitespace(Slice(text, best->begin, best->end)) + " \xE2\x80\xA6 " +
                    CollapseWhitespace(Slice(text, anchored->words_begin, anchored->words_end));
      row.date_source = "text";
      row.date_start = FormatIsoDate(*anchored->interval.start);
      row.date_end = FormatIsoDate(*anchored->interval.end);
      row.date_precision = std::string(ToString(anchored->interval.precision));
      carried_after = Carried{*best, sentence.index};
    } else if (best) {
      row.date_text = CollapseWhitespace(Slice(text, best->begin, best->end));
      row.date_source = "text";
      // "since Saturday's attack": the attack on Saturday (SinceNamesTrigger).
      const bool since_point = !in_relative && !reported_earlier && best->resolved &&
                               SinceNamesTrigger(text, *best, c.b);
      if (reported_earlier || before_phrase) {
        row.date_end = FormatIsoDate(*best->interval.end);
        row.date_precision = "range";
      } else if (later_than_phrase) {
        row.date_start = FormatIsoDate(*best->interval.start);
        row.date_end = FormatIsoDate(*doc_.pub_date);
        row.date_precision = "range";
      } else if (since_point) {
        row.date_start = FormatIsoDate(*best->since_start);
        row.date_end = best->since_end ? FormatIsoDate(*best->since_end) : row.date_start;
        row.date_precision = std::string(ToString(best->since_precision));
      } else if (best->resolved) {
        row.date_start = best->interval.start ? FormatIsoDate(*best->interval.start) : "";
        row.date_end = best->interval.end ? FormatIsoDate(*best->interval.end) : "";
        row.date_precision = std::string(ToString(best->interval.precision));
      } else {
        row.date_precision = "none";
      }
      // A year bound to its noun ("the 2011 murder") dates that noun only,
      // never the next sentence's events.
      if (!best->bound_end) carried_after = Carried{*best, sentence.index};
      if (since_point) {
        // "the attack" further on is the one on that day, not the span.
        TimeExpr point = *best;
        point.interval = Interval{best->since_start, best->since_end, best->since_precision, {}};
        point.since_start.reset();
        last_dated_.insert_or_assign(row.event_type, Carried{point, sentence.index});
      } else if (best->resolved && !reported_earlier && !before_phrase && !later_than_phrase &&
                 !IsWindowAhead(*best, doc_.pub_date)) {
        last_dated_.insert_or_assign(row.event_type, Carried{*best, sentence.index});
      }
    } else if (const auto antecedent = last_dated_.find(row.event_type);
               antecedent != last_dated_.end() && rule.event_type != "armed_clash" && !c.span &&
               sentence.index - antecedent->second.sentence_index <= 10 &&
               IsDefiniteMention(text, sentence.begin, c.b, c.e) &&
               !(doc_.pub_date && antecedent->second.time.interval.start &&
                 *antecedent->second.time.interval.start > *doc_.pub_date)) {
      // "The kidnapping" with no date of its own: the last dated event of its type.
      const TimeExpr& t = antecedent->second.time;
      DateFromContext(row, text, t);
    } else if (carried_before && sentence.index - carried_before->sentence_index <= 1 &&
               !background && carried_before->time.resolved &&
               !IsWindowAhead(carried_before->time, doc_.pub_date) &&
               (!carried_before->chained ||
                Slice(text, carried_before->time.end, sentence.begin).find('\n') ==
                    std::string_view::npos) &&
               !(doc_.pub_date && carried_before->time.interval.start &&
                 *carried_before->time.interval.start > *doc_.pub_date)) {
      const TimeExpr& t = carried_before->time;
      took_context = true;
      DateFromContext(row, text, t);
    } else if (const std::optional<AnchoredDate> from_pub =
                   doc_.pub_date && !in_relative && !since_span && !compared &&
                           std::none_of(times.begin(), times.end(),
                                        [&](const TimeExpr& t) {
                                          return t.begin >= sentence.begin && t.end <= c.b;
                                        })
                       ? AnchoredOffset(text, PublicationDay(*doc_.pub_date, sentence.begin), c.b,
                                        /*after_only=*/true)
                       : std::nullopt) {
      // "<count> <unit> after <trigger>" in a sentence that no phrase
      // dates (none before the trigger at all: "was found Wednesday - four
      // days after" counts from Wednesday or not at all): the act before
      // the offset is the day's news, so the trigger lies that far before
      // publication (h-evdate8). "two days after an
      // explosion at the plant, officials confirmed …" is not read (a comma
      // between), nor "in the days after".
      row.date_text = CollapseWhitespace(Slice(text, from_pub->words_begin, from_pub->words_end));
      row.date_source = "text";
      row.date_start = FormatIsoDate(*from_pub->interval.start);
      row.date_end = FormatIsoDate(*from_pub->interval.end);
      row.date_precision = std::string(ToString(from_pub->interval.precision));
    } else if (const auto far = last_dated_.find(row.event_type);
               far != last_dated_.end() && IsIncidentAct(rule.event_type) &&
               ((!background && !weak_background) ||
                AftermathCueBefore(context, text, clause_b, c.b)) &&
               sentence.index - far->second.sentence_index <= 25 &&
               IsDefiniteMention(text, sentence.begin, c.b, c.e) && doc_.pub_date &&
               !(far->second.time.interval.start &&
                 *far->second.time.interval.start > *doc_.pub_date)) {
      // A definite mention further on ("the massacre", "the mayor's murder")
      // that nothing else dates, neither the sentence before nor a cue of
      // background other than what the act left ("those responsible for
      // the murder"): still the last dated event of its type, up to 25
      // sentences back, rather than the publication day (h-muc21). Wire
      // copy tells one incident over many paragraphs. Not a span up to now
      // ("900 bodies found so far"), a toll or a lasting act.
      const TimeExpr& t = far->second.time;
      DateFromContext(row, text, t);
    } else if (doc_.pub_date) {
      row.date_source = "document";
      // A definite mention of an act told a few sentences before as earlier
      // and undated ("Police are investigating an attack on a bus driver.
      // The attack happened …"): the same act, before publication too.
      const auto earlier = last_earlier_.find(row.event_type);
      const bool earlier_episode =
          !background && !weak_background && !in_relative && earlier != last_earlier_.end() &&
          sentence.index - earlier->second <= 6 && IsIncidentAct(row.event_type) &&
          IsDefiniteMention(text, sentence.begin, c.b, c.e) &&
          !(row.event_type == "abduction" && TellsCaptives(stext));
      if (background || weak_background || earlier_episode) {
        // An earlier event the text does not date: before publication, not on it.
        row.date_end = FormatIsoDate(*doc_.pub_date);
        row.date_precision = "range";
        last_earlier_.insert_or_assign(row.event_type, sentence.index);
        // Also an act after "arrested in" ("suspect arrested in the cafe
        // blast"): the body's day of its act is the act's (h-evdate13).
        if ((!background &&
             (aftermath_after != std::string_view::npos || relative_legal || personal_act)) ||
            LegalCueBefore(text, clause_b, c.b, true) != std::string_view::npos)
          after_cue_rows_.push_back(c.b);
      } else {
        row.date_start = row.date_end = FormatIsoDate(*doc_.pub_date);
        row.date_precision = "none";
      }
    } else {
      row.date_source = "none";
      row.date_precision = "none";
    }

    // Modality: a local cue in the trigger's clause, before it, wins; then
    // the sentence's attribution; a date after publication means expected.
    // A modal right after a nominal trigger with a verb of onset is the
    // event's own verb: "a major offensive could begin", "an attack is
    // expected to come" (not "the blast could be heard", "the riot would
    // damage their prospects", "the kidnapping could have been …").
    std::string modality;
    std::size_t modal_end = 0;  // end of the local cue before the trigger that set it
    for (const Match& cue : cues) {
      const std::string_view kind = cue.rule->cue;
      if (!IsLocalCue(kind)) continue;
      const Capture* t = cue.Get("trigger");
      const std::size_t cb = t && t->set() ? t->begin : cue.begin;
      if (clauses.At(cb) != clause) continue;
      if (cb >= c.e) {
        if (kind != "negated" && !Slice(text, c.e, cb).empty() &&
            TrimSpace(Slice(text, c.e, cb)).empty() &&
            OnsetFollows(Slice(text, cb, std::min<std::size_t>(sentence.end, cb + 48))) &&
            ModalityRank(kind) > ModalityRank(modality)) {
          modality = kind;
        }
        continue;
      }
      if (cb > c.b) continue;
      if (c.b - cb > 120) continue;
      const std::size_t ce = t && t->set() ? t->end : cue.end;
      if (kind == "negated") {
        if (ce <= c.b && !NegationReaches(Slice(text, ce, c.b))) continue;
      } else if (ce <= c.b && !CueReaches(Slice(text, ce, c.b), Slice(text, c.b, c.e))) {
        continue;
      }
      if (ModalityRank(kind) > ModalityRank(modality)) {
        modality = kind;
        modal_end = ce;
      }
    }
    // What an earlier act left governs the trigger ("to find those
    // responsible for the murders", "they will seek justice for the
    // masterminds of the bombing"): the act is past and real whatever the
    // local cue before plans or supposes about its authors (h-muc21).
    // The aftermath cue must stand between that cue and the trigger: "a
    // plan to kill" after "involved in" stays expected.
    if ((modality == "expected" || modality == "hypothetical") && modal_end > 0 &&
        modal_end <= c.b && AftermathCueBefore(context, text, modal_end, c.b))
      modality.clear();
    if (modality.empty()) modality = sentence_modality;
    if (modality.empty() && doc_.pub_date && row.date_source == "text" && !row.date_start.empty()) {
      if (auto start = ParseIsoDate(row.date_start); start && *start > *doc_.pub_date) {
        modality = "expected";
      }
    }
    row.modality = modality.empty() ? "asserted" : modality;
    row.source = sentence_source;

    if (SpanAggregate(row, CollapseWhitespace(Slice(text, c.b, c.e)))) {
      if (trace_) trace_->Drop(*c.m, "dropped: a total over a span ('in the past weeks')");
      continue;
    }
    if (PluralCampaign(row, Slice(text, c.b, c.e), stext, !all_times.empty(),
                       c.b > sentence.begin ? c.b - sentence.begin : 0, cap("location"), text,
                       places, context)) {
      if (trace_)
        trace_->Drop(*c.m,
                     "dropped: attacks in the plural as the war (no day, count, place or target)");
      continue;
    }
    if (!context_text) context_text.emplace(stext);
    if (ArrestWithoutCue(row.event_type, context, *context_text, text, violent_here,
                         headline_security_cue_, security_cues_)) {
      if (trace_)
        trace_->Drop(*c.m, "dropped: an arrest with no political or security cue (security_cue)");
      continue;
    }
    if (CasualtiesWithoutCue(row.event_type, context, *context_text, text, headline_harm_cue_,
                             harm_cues_)) {
      if (trace_)
        trace_->Drop(*c.m, "dropped: deaths or injuries with no cue of violence (harm_cue)");
      continue;
    }
    if (WarBackground(row, Slice(text, c.b, c.e), stext,
                      c.b > sentence.begin ? c.b - sentence.begin : 0,
                      c.e > sentence.begin ? c.e - sentence.begin : 0, cap("location"), text,
                      places, lookups_.rules)) {
      if (trace_)
        trace_->Drop(*c.m, "dropped: the war as background (no day, count, place or target)");
      continue;
    }

    row.event_id = EventId(row.doc_id, row.byte_start, row.byte_end, row.event_type);
    rows.push_back(std::move(row));
    cause_only_rows.push_back(cause_only);
  }

  // A sentence without a date of its own that goes on with the episode
  // passes the context on within the paragraph ("Shelling killed five on
  // Monday. A further 19 were wounded. A missile attack also killed eight.").
  if (!carried_after && took_context && times.empty() &&
      Slice(text, carried_before->time.end, sentence.end).find('\n') == std::string_view::npos) {
    carried_after = Carried{carried_before->time, sentence.index, true};
  }
  if (carried_after) carried_ = carried_after;
  if (located_here) {
    last_place_ = located_here;
    last_place_sentence_ = sentence.index;
  }

  // Casualty phrases fold into a violent event of the same sentence, or of
  // the sentence just before when this one goes on about it ("Two policemen
  // were killed in the attack.") without a date or place of its own.
  const bool back_reference = RefersBack(stext);
  // A back-off row (`requires: document_event`) in a sentence that goes on
  // about an event named before ("Two policemen were killed in the attack.")
  // takes no toll: it goes to the previous sentence's violent event, or
  // stays a casualty row of its own.
  const auto backoff = [&](const EventRow& r) {
    const auto it = std::find_if(kept.begin(), kept.end(),
                                 [&](const Candidate& k) { return k.b == r.byte_start; });
    return it != kept.end() && it->m->rule->requires_document_event;
  };
  // A row of the context (a title, SetContextEnd) is written nowhere: it
  // hosts no toll of the text.
  const bool previous_violent = last_violent_ < out.size() &&
                                out[last_violent_].byte_start >= context_end_ &&
                                out[last_violent_].sentence_index == sentence.index - 1;
  const bool previous_host =
      previous_violent && (back_reference || (times.empty() && places.empty()));
  // The act whose clause tells the toll ("killed in a blast") takes it,
  // counted or not (TollInActClause).
  const auto clause_host = [&](const EventRow& r) -> EventRow* {
    for (EventRow& h : rows) {
      if (!ActTakesClauseToll(h.event_type) || h.byte_start < r.byte_end) continue;
      if ((previous_host || back_reference) && backoff(h)) continue;
      if (TollInActClause(Slice(text, r.byte_end, h.byte_start))) return &h;
    }
    return nullptr;
  };
  // The act kept beside the toll on one trigger (act_beside_toll above).
  const auto trigger_host = [&](const EventRow& r) -> EventRow* {
    for (EventRow& h : rows) {
      if (h.event_type == "casualties" || !IsViolent(h.event_type)) continue;
      if (h.byte_start < r.byte_end && r.byte_start < h.byte_end) return &h;
    }
    return nullptr;
  };
  for (EventRow& r : rows) {
    if (r.event_type != "casualties") continue;
    if (!CarriesToll(r)) {
      EventRow* h = clause_host(r);
      if (!h) h = trigger_host(r);
      if (h && trace_) trace_->DropRow(r, folded(*h, "a casualty row with no count"));
      if (h) r.event_type.clear();  // folded: the act's row tells it
      continue;
    }
    EventRow* const in_clause = trigger_host(r) ? trigger_host(r) : clause_host(r);
    EventRow* host = in_clause;
    for (EventRow& h : rows) {
      if (in_clause) break;
      if (!IsViolent(h.event_type)) continue;
      if ((previous_host || back_reference) && backoff(h)) continue;
      if (!host || (h.byte_start < r.byte_start &&
                    (host->byte_start > r.byte_start || h.byte_start > host->byte_start))) {
        host = &h;
      }
    }
    if (!host && previous_violent &&
        FoldsIntoPrevious(back_reference, !(times.empty() && places.empty()),
                          RunningToll(Slice(text, sentence.begin, r.byte_start)))) {
      host = &out[last_violent_];
    }
    if (!host) continue;
    if (trace_) trace_->DropRow(r, folded(*host, "its toll is counted"));
    if (!host->fatalities && r.fatalities) host->fatalities = r.fatalities;
    if (!host->injured && r.injured) host->injured = r.injured;
    for (const Quantity& q : r.quantity) host->quantity.push_back(q);
    r.event_type.clear();  // folded
  }
  // Left unfolded, "Nine people were killed and 19 injured" is one report of
  // one toll: an injured-only casualty row joins a killed-only one of the same
  // sentence (and the other way round) instead of standing as a second event.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EventRow& first = rows[i];
    if (first.event_type != "casualties") continue;
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      EventRow& r = rows[j];
      if (r.event_type != "casualties") continue;
      const bool complement = (first.fatalities && !first.injured && r.injured && !r.fatalities) ||
                              (first.injured && !first.fatalities && r.fatalities && !r.injured);
      if (!complement) continue;
      if (trace_) trace_->DropRow(r, folded(first, "killed and injured told apart"));
      if (!first.fatalities) first.fatalities = r.fatalities;
      if (!first.injured) first.injured = r.injured;
      for (const Quantity& q : r.quantity) first.quantity.push_back(q);
      r.event_type.clear();  // folded
    }
  }
  // One event told twice in a sentence ("a massive blast, an enormous
  // explosion"; "they shell the town daily, shelling it nonstop"; a
  // live-blog headline run into its body) gives rows of one type whose
  // slots agree: the later ones fold into the first. A place is
  // required, so two strikes by unnamed groups somewhere ("a walkout by
  // bus drivers and a strike by postal staff") stay two.
  const auto same_event = [](const EventRow& a, const EventRow& b) {
    const auto quantities = [](const EventRow& r) {
      std::vector<std::pair<std::optional<std::int64_t>, std::string>> q;
      for (const Quantity& x : r.quantity) q.emplace_back(x.value, x.what);
      return q;
    };
    // A restatement may leave out the actor or the target ("shelling Kherson
    // every day, shelling without pause"); a different one is another event.
    const auto compatible = [](const std::string& x, const std::string& y) {
      return x.empty() || y.empty() || x == y;
    };
    return a.event_type == b.event_type && !a.location.empty() && a.location == b.location &&
           a.country == b.country && compatible(a.actor, b.actor) &&
           compatible(a.target, b.target) &&
           // Two rows the text does not date agree whether or not one is
           // told as ongoing ("they shell the town daily, shelling it nonstop").
           ((a.date_start == b.date_start && a.date_end == b.date_end) ||
            (a.date_source == "document" && b.date_source == "document")) &&
           a.modality == b.modality && a.source == b.source && a.fatalities == b.fatalities &&
           a.injured == b.injured && quantities(a) == quantities(b);
  };
  // Words between the two that announce a second event keep both: "a car
  // bomb exploded …, and after that explosives were hurled …", "another
  // explosion", "where dynamite exploded three months ago".
  static constexpr std::array<std::string_view, 12> kAnother = {
      "another", "other",  "again", "second", "ago",      "earlier",
      "later",   "before", "after", "then",   "previous", "last"};
  const auto another_between = [&](const EventRow& a, const EventRow& b) {
    const std::size_t from = std::min(a.byte_end, b.byte_start);
    const std::size_t to = std::max(a.byte_end, b.byte_start);
    std::string between(Slice(text, from, to));
    for (char& c : between) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view w : kAnother) {
      for (std::size_t at = between.find(w); at != std::string::npos;
           at = between.find(w, at + 1)) {
        const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(between[at - 1]));
        const std::size_t e = at + w.size();
        const bool right =
            e >= between.size() || !std::isalnum(static_cast<unsigned char>(between[e]));
        if (left && right) return true;
      }
    }
    return false;
  };
  // A back-off row told twice with a specific row gives way to it, whichever
  // comes first.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].event_type.empty()) continue;
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      if (!rows[j].event_type.empty() && same_event(rows[i], rows[j]) &&
          !another_between(rows[i], rows[j])) {
        if (backoff(rows[i]) && !backoff(rows[j])) {
          if (trace_) trace_->DropRow(rows[i], folded(rows[j], "one event told twice"));
          rows[i].event_type.clear();
          break;
        }
        if (trace_) trace_->DropRow(rows[j], folded(rows[i], "one event told twice"));
        rows[j].event_type.clear();
      }
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EventRow& r = rows[i];
    if (r.event_type.empty()) continue;
    if (cause_only_rows[i]) {
      r.location.clear();
      r.country.clear();
      r.latitude.reset();
      r.longitude.reset();
    }
    if (IsViolent(r.event_type)) last_violent_ = out.size();
    out.push_back(std::move(r));
  }
}

}  // namespace eventline
