#include "eventline/args.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "eventline/actors.h"
#include "eventline/numbers.h"
#include "eventline/rules.h"

namespace eventline {

namespace {

// ---- tokens ---------------------------------------------------------------

enum class Kind { kWord, kPoss, kPunct };

struct Token {
  std::size_t b = 0, e = 0;  // byte span in the document
  Kind kind = Kind::kPunct;
  std::string lower;  // lower-cased (ASCII) text; "'s" for a possessive
  bool cap = false;   // starts with an ASCII capital
};

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Bytes [i, i+n) hold a typographic quote, dash or apostrophe (E2 80 9x).
std::size_t PunctMarkAt(std::string_view s, std::size_t i) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0xA6) return 3;
  }
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    return 2;  // no-break space: a separator
  }
  return 0;
}

bool IsWordByte(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0x80) return PunctMarkAt(s, i) == 0;
  return IsAsciiAlnum(static_cast<char>(c));
}

// An apostrophe at i: ' or ’ (E2 80 99); its length, else 0.
std::size_t ApostropheAt(std::string_view s, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99)
    return 3;
  return 0;
}

std::vector<Token> Tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> out;
  std::size_t i = begin;
  const auto lower_of = [&](std::size_t b, std::size_t e) {
    std::string l(text.substr(b, e - b));
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  };
  while (i < end) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (PunctMarkAt(text, i) == 2) {
      i += 2;
      continue;
    }
    if (IsWordByte(text, i)) {
      std::size_t j = i;
      while (j < end) {
        if (IsWordByte(text, j)) {
          ++j;
          continue;
        }
        // Inner hyphen or dot ("pro-Russian", "U.S"), inner apostrophe that
        // is not a possessive ("O'Brien").
        if ((text[j] == '-' || text[j] == '.') && j + 1 < end && IsWordByte(text, j + 1)) {
          ++j;
          continue;
        }
        // A thousands separator inside a number: "1,300", "12,000".
        if (text[j] == ',' && j + 3 < end && j > i &&
            std::isdigit(static_cast<unsigned char>(text[j - 1])) != 0 &&
            std::isdigit(static_cast<unsigned char>(text[j + 1])) != 0 &&
            std::isdigit(static_cast<unsigned char>(text[j + 2])) != 0 &&
            std::isdigit(static_cast<unsigned char>(text[j + 3])) != 0 &&
            (j + 4 >= end || std::isdigit(static_cast<unsigned char>(text[j + 4])) == 0)) {
          j += 4;
          continue;
        }
        // The final dot of an acronym: "U.S." (but not a sentence's full stop
        // after a plain word).
        if (text[j] == '.' && j - i <= 4 &&
            text.substr(i, j - i).find('.') != std::string_view::npos) {
          ++j;
          break;
        }
        if (const std::size_t a = ApostropheAt(text, j); a > 0 && j + a < end) {
          const bool poss_s = (text[j + a] == 's' || text[j + a] == 'S') &&
                              (j + a + 1 >= end || !IsWordByte(text, j + a + 1));
          if (!poss_s && IsWordByte(text, j + a)) {
            j += a;
            continue;
          }
        }
        break;
      }
      Token t{i, j, Kind::kWord, lower_of(i, j), std::isupper(static_cast<unsigned char>(c)) != 0};
      out.push_back(std::move(t));
      i = j;
      // Possessive: "'s", or a bare apostrophe after a plural ("forces'").
      if (i < end) {
        if (const std::size_t a = ApostropheAt(text, i); a > 0) {
          if (i + a < end && (text[i + a] == 's' || text[i + a] == 'S') &&
              (i + a + 1 >= end || !IsWordByte(text, i + a + 1))) {
            out.push_back(Token{i, i + a + 1, Kind::kPoss, "'s", false});
            i += a + 1;
          } else if (out.back().lower.back() == 's' && (i + a >= end || !IsWordByte(text, i + a))) {
            out.push_back(Token{i, i + a, Kind::kPoss, "'s", false});
            i += a;
          }
        }
      }
      continue;
    }
    std::size_t n = PunctMarkAt(text, i);
    if (n == 0) {
      n = 1;
      while (i + n < end && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    }
    out.push_back(Token{i, i + n, Kind::kPunct, std::string(text.substr(i, n)), false});
    i += n;
  }
  return out;
}

// ---- word classes -----------------------------------------------------------

using WordSet = std::unordered_set<std::string_view>;

bool In(const WordSet& set, std::string_view w) { return set.count(w) != 0; }

const WordSet& Determiners() {
  static const WordSet s = {"the",  "a",       "an",   "this",    "that",   "these", "those",
                            "its",  "their",   "his",  "her",     "our",    "your",  "my",
                            "some", "several", "many", "all",     "both",   "each",  "every",
                            "any",  "no",      "such", "another", "entire", "whole"};
  return s;
}

const WordSet& Auxiliaries() {
  static const WordSet s = {"is",    "are",    "was",  "were",  "be",     "been",  "being",
                            "am",    "has",    "have", "had",   "having", "will",  "would",
                            "shall", "should", "can",  "could", "may",    "might", "must",
                            "do",    "does",   "did",  "get",   "got",    "gets",  "getting",
                            "not",   "never",  "came", "come",  "comes",  "coming"};
  return s;
}

bool IsBe(std::string_view w) {
  static const WordSet s = {"is",    "are", "was", "were", "be",   "been",
                            "being", "am",  "get", "got",  "gets", "getting"};
  return In(s, w);
}

bool IsCome(std::string_view w) {
  return w == "came" || w == "come" || w == "comes" || w == "coming";
}

bool IsAdverb(std::string_view w) {
  static const WordSet s = {"also", "again", "now", "then", "still", "already", "just", "once",
                            "first", "since", "even", "further", "later", "earlier", "all", "both",
                            "yet", "soon", "today", "yesterday", "overnight", "reportedly",
                            "allegedly", "apparently", "repeatedly", "heavily", "subsequently",
                            "eventually", "finally", "initially",
                            // Discourse adverbs that open a sentence without a
                            // comma: "Meanwhile gunmen abducted two workers".
                            "meanwhile", "separately", "elsewhere", "nevertheless", "nonetheless",
                            "moreover", "furthermore", "likewise", "thus", "hence", "therefore",
                            "afterwards", "afterward", "meantime"};
  if (In(s, w)) return true;
  return w.size() > 4 && w.ends_with("ly") && w != "only" && w != "italy" && w != "family" &&
         w != "ally" && w != "rally" && w != "assembly" && w != "supply";
}

const WordSet& Prepositions() {
  static const WordSet s = {
      "of",      "in",     "on",         "at",     "by",      "from",    "to",        "with",
      "near",    "for",    "into",       "onto",   "against", "across",  "over",      "under",
      "after",   "before", "during",     "since",  "through", "around",  "outside",   "inside",
      "towards", "toward", "amid",       "amidst", "between", "within",  "without",   "along",
      "off",     "upon",   "about",      "behind", "beyond",  "despite", "following", "via",
      "among",   "near",   "throughout", "than",   "like",    "as",      "per",       "up",
      "down",    "out"};
  return s;
}

const WordSet& ClauseWords() {
  static const WordSet s = {"however", "and",     "or",      "but",      "nor",    "so",
                            "yet",     "because", "if",      "although", "though", "while",
                            "whereas", "when",    "where",   "which",    "who",    "whom",
                            "whose",   "that",    "whether", "until",    "unless", "what",
                            "how",     "why",     "then",    "after",    "before"};
  return s;
}

const WordSet& Pronouns() {
  static const WordSet s = {
      "i",       "you",       "he",     "she",      "it",         "we",      "they",    "me",
      "him",     "us",        "them",   "itself",   "themselves", "himself", "herself", "one",
      "someone", "something", "anyone", "everyone", "nobody",     "none",    "who",     "what",
      "this",    "that",      "these",  "those",    "there",      "here",    "both",    "each",
      "others",  "many",      "some",   "all",      "most",       "few"};
  return s;
}

const WordSet& SpeechVerbs() {
  static const WordSet s = {
      "said",      "says",      "say",       "saying",    "told",      "tells",    "claimed",
      "claims",    "claim",     "reported",  "reports",   "added",     "adds",     "stated",
      "states",    "announced", "announces", "confirmed", "confirms",  "denied",   "denies",
      "according", "warned",    "warns",     "insisted",  "insists",   "believe",  "believes",
      "believed",  "noted",     "alleged",   "alleges",   "accused",   "accuses",  "wrote",
      "writes",    "tweeted",   "showed",    "shows",     "show",      "suggest",  "suggests",
      "suggested", "think",     "thinks",    "thought",   "hope",      "fear",     "fears",
      "feared",    "knew",      "know",      "knows",     "estimated", "estimate", "estimates",
      "expect",    "expects",   "expected"};
  return s;
}

// -ed words that are adjectives inside a noun phrase.
bool IsEdAdjective(std::string_view w) {
  static const WordSet s = {"armed",      "masked",    "unidentified", "suspected", "alleged",
                            "so-called",  "united",    "combined",     "allied",    "hooded",
                            "besieged",   "occupied",  "advanced",     "unarmed",   "wounded",
                            "injured",    "displaced", "trapped",      "detained",  "captured",
                            "bombed-out", "embattled", "beleaguered",  "shattered", "damaged",
                            "retired",    "veiled",    "uniformed",    "organised", "organized"};
  return In(s, w) || w.find('-') != std::string_view::npos;
}

// Words that end a noun phrase after its head.
const WordSet& NpEnders() {
  static const WordSet s = {"far",  "away",  "close", "nearby", "alone", "too",  "instead", "once",
                            "ago",  "again", "there", "here",   "last",  "next", "this",    "more",
                            "less", "most",  "least", "very",   "so",    "just", "only"};
  return s;
}

// Verbs whose object names an event that their subject carries out:
// "Russia launched a missile attack", "rebels stepped up their raids".
bool IsLightVerb(std::string_view w) {
  static const WordSet s = {
      "launched",  "launch",     "launches",    "launching", "conducted",   "conduct",
      "conducts",  "conducting", "staged",      "stage",     "stages",      "staging",
      "mounted",   "mount",      "mounts",      "mounting",  "unleashed",   "unleash",
      "unleashes", "unleashing", "intensified", "intensify", "intensifies", "intensifying",
      "resumed",   "resume",     "resumes",     "resuming",  "waged",       "wage",
      "wages",     "waging",     "began",       "begin",     "begins",      "beginning",
      "started",   "start",      "starts",      "starting",  "escalated",   "escalate",
      "escalates", "escalating", "renewed",     "renew",     "continued",   "continue",
      "continues", "continuing", "made",        "make",      "makes",       "making",
      "executed",  "ordered",    "order",       "orders",    "ordering",    "claimed"};
  return In(s, w);
}

// Words that hedge a count: "at least 20", "approximately 100".
bool IsHedgeWord(std::string_view w) {
  static const WordSet s = {"at",   "least", "about", "around",  "nearly",        "almost",
                            "more", "than",  "over",  "roughly", "approximately", "estimated",
                            "some", "up",    "to"};
  return In(s, w);
}

// Nouns that count events: "a wave of missile strikes".
bool IsCollective(std::string_view w) {
  static const WordSet s = {
      "total",    "tens",   "thousands", "millions", "scores",   "squadron",   "column",
      "convoy",   "fleet",  "pair",      "couple",   "handful",  "group",      "one",
      "some",     "many",   "most",      "all",      "none",     "several",    "few",
      "majority", "rest",   "remainder", "lot",      "wave",     "waves",      "series",
      "barrage",  "volley", "salvo",     "string",   "spate",    "flurry",     "round",
      "rounds",   "number", "campaign",  "dozens",   "hundreds", "succession", "torrent"};
  return In(s, w);
}

// Prepositions after which a phrase is a complement, not a subject:
// "forces in eastern Ukraine have taken …", "children from the city were …".
bool IsLocative(std::string_view w) {
  static const WordSet s = {"in",      "at",     "on",      "near",   "from",    "outside",
                            "inside",  "across", "around",  "within", "along",   "behind",
                            "beyond",  "to",     "into",    "onto",   "with",    "for",
                            "against", "by",     "between", "among",  "through", "toward",
                            "towards", "under",  "over",    "off",    "without", "like"};
  return In(s, w);
}

// Verbs that take "to" + the trigger: "is expected to launch", "continued to shell".
bool IsCatenative(std::string_view w) {
  static const WordSet s = {
      "expected", "likely",     "set",       "due",       "going",      "planning",  "plans",
      "planned",  "plan",       "preparing", "prepared",  "trying",     "tried",     "try",
      "about",    "able",       "ready",     "continue",  "continues",  "continued", "began",
      "begun",    "begin",      "begins",    "started",   "start",      "starts",    "sought",
      "seeks",    "threatened", "threatens", "vowed",     "vows",       "wants",     "wanted",
      "want",     "intends",    "intended",  "appeared",  "appears",    "seemed",    "seems",
      "managed",  "failed",     "decided",   "attempted", "attempting", "moved",     "moving",
      "used",     "helped",     "help",      "helps",     "sent"};
  return In(s, w);
}

// Adjectives by their ending: "military", "civilian", "residential", "industrial".
bool IsAdjectiveForm(std::string_view w) {
  static constexpr std::string_view kEnds[] = {"ary", "al",  "ian", "ic",  "ive", "ous", "ern",
                                               "ish", "ese", "ful", "ant", "ent", "ile"};
  if (w.size() < 4) return false;
  for (std::string_view e : kEnds) {
    if (w.ends_with(e)) return true;
  }
  return false;
}

// Nouns in -ing, which may end a noun phrase ("a residential building").
bool IsIngNoun(std::string_view w) {
  static const WordSet s = {"building", "housing", "crossing", "setting",  "shipping", "training",
                            "warning",  "landing", "meeting",  "dwelling", "clothing", "gathering",
                            "wedding",  "ceiling", "bombing",  "shelling", "fighting", "offering",
                            "ring",     "thing",   "evening",  "morning",  "beijing",  "spring",
                            "king",     "wing",    "uprising", "parking",  "railing",  "lodging"};
  return In(s, w);
}

bool IsTimeWord(std::string_view w) {
  static const WordSet s = {
      "today",     "yesterday", "tonight", "overnight", "now",       "monday",   "tuesday",
      "wednesday", "thursday",  "friday",  "saturday",  "sunday",    "morning",  "evening",
      "night",     "afternoon", "weekend", "week",      "month",     "year",     "day",
      "days",      "weeks",     "months",  "years",     "january",   "february", "march",
      "april",     "june",      "july",    "august",    "september", "october",  "november",
      "december",  "hours",     "hour",    "minutes",   "time",      "again",    "recently",
      "ago"};
  return In(s, w);
}

// Nouns that head an agent phrase, besides the FORCE_NOUN lexicon.
constexpr std::string_view kAgentNouns[] = {
    "gunmen",     "gunman",     "attackers",     "attacker",   "assailants",     "assailant",
    "rebels",     "rebel",      "guerrillas",    "guerrilla",  "militants",      "militant",
    "protesters", "protestors", "demonstrators", "police",     "insurgents",     "terrorists",
    "jihadists",  "extremists", "hackers",       "saboteurs",  "partisans",      "authorities",
    "government", "regime",     "forces",        "troops",     "soldiers",       "army",
    "military",   "militia",    "militias",      "militiamen", "mercenaries",    "separatists",
    "fighters",   "pilots",     "crews",         "sailors",    "marines",        "commandos",
    "snipers",    "invaders",   "occupiers",     "kidnappers", "abductors",      "killers",
    "men",        "mob",        "crowd",         "crowds",     "residents",      "people",
    "civilians",  "students",   "workers",       "villagers",  "paramilitaries", "squads",
    "squad",      "units",      "unit",          "battalion",  "brigade",        "regiment",
    "junta",      "coalition",  "alliance",      "group",      "groups",         "cartel",
    "gangs",      "gang",       "officers",      "agents",     "servicemen",     "personnel"};

// Person nouns that may be a target but say nothing as an actor on their own.
bool IsWeakAgent(std::string_view w) {
  return w == "men" || w == "people" || w == "group" || w == "groups" || w == "residents" ||
         w == "civilians" || w == "crowd" || w == "crowds" || w == "workers" || w == "students" ||
         w == "villagers";
}

// ---- event types ----------------------------------------------------------

// Types whose grammatical object is the one the event is done to.
bool TakesTarget(std::string_view type) {
  static const WordSet no_target = {"deployment", "withdrawal", "protest",   "ceasefire",
                                    "mutiny",     "surrender",  "casualties"};
  return !In(no_target, type);
}

// Types whose intransitive subject suffers rather than acts.
bool PatientSubject(std::string_view type) {
  return type == "casualties" || type == "explosion" || type == "equipment_loss";
}

// ---- the chunker ------------------------------------------------------------

struct Span {
  std::size_t first = 0, last = 0;  // token indices, inclusive
  bool ok = false;
};

enum class Form { kPast, kIng, kUnder, kOther };

bool IsIrregularPast(std::string_view w) {
  static const WordSet s = {
      "hit",   "struck",   "shot",      "taken",  "took",   "overran", "overrun", "blew",  "blown",
      "sank",  "sunk",     "fell",      "fallen", "beaten", "beat",    "slain",   "threw", "thrown",
      "set",   "broke",    "broken",    "held",   "kept",   "led",     "fought",  "stole", "stolen",
      "burnt", "brought",  "sent",      "seen",   "drove",  "driven",  "ran",     "tore",  "torn",
      "rose",  "withdrew", "withdrawn", "hid",    "laid",   "made",    "flew",    "flown", "went",
      "gone",  "lost",     "left",      "won",    "gave",   "saw",     "said"};
  return In(s, w);
}

Form TriggerForm(const std::vector<Token>& tok, std::size_t t0) {
  const std::string& w = tok[t0].lower;
  if (w == "under") return Form::kUnder;
  if (w.size() > 3 && w.ends_with("ed")) return Form::kPast;
  if (IsIrregularPast(w)) return Form::kPast;
  if (w.size() > 4 && w.ends_with("ing")) return Form::kIng;
  return Form::kOther;
}

class Chunker {
 public:
  Chunker(const ArgInput& in, const ArgWords& words, const Actors* actors)
      : in_(in), words_(words), actors_(actors) {
    tok_ = Tokenize(in.text, in.sentence_begin, in.sentence_end);
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      if (tok_[i].e > in.trigger_begin && tok_[i].b < in.trigger_end) {
        if (!found_) t0_ = i;
        t1_ = i;
        found_ = true;
      }
    }
    std::size_t lower = 0, letters = 0;
    for (std::size_t i = in.sentence_begin; i < in.sentence_end; ++i) {
      const auto c = static_cast<unsigned char>(in.text[i]);
      if (std::isalpha(c)) {
        ++letters;
        if (std::islower(c)) ++lower;
      }
    }
    upper_case_ = letters > 0 && lower * 10 < letters;
  }

  ArgResult Run();

 private:
  bool Word(std::size_t i) const { return tok_[i].kind == Kind::kWord; }
  const std::string& L(std::size_t i) const { return tok_[i].lower; }
  bool InTime(std::size_t i) const {
    return std::any_of(in_.times.begin(), in_.times.end(),
                       [&](const auto& s) { return tok_[i].b < s.second && s.first < tok_[i].e; });
  }
  bool IsNumber(std::size_t i) const {
    return Word(i) && (std::isdigit(static_cast<unsigned char>(L(i)[0])) != 0 ||
                       (ParseNumber(L(i)).has_value() && L(i) != "a" && L(i) != "an"));
  }
  // A word that may stand inside a noun phrase.
  bool NpWord(std::size_t i) const {
    if (tok_[i].kind == Kind::kPoss) return true;
    if (!Word(i)) return false;
    const std::string& w = L(i);
    if (In(Prepositions(), w) || In(ClauseWords(), w) || In(Auxiliaries(), w) ||
        In(SpeechVerbs(), w))
      return false;
    if (In(Pronouns(), w) && !In(Determiners(), w)) return false;
    if (w.size() > 3 && w.ends_with("ed") && !IsEdAdjective(w)) return false;
    if (IsAdverb(w) && !In(Determiners(), w)) return false;
    return true;
  }

  Span SubjectBefore(std::size_t j) const;  // noun phrase ending at token j
  // The subject of a clause ending at token j: "the city of Kharkiv" whole;
  // none when the phrase sits in a prepositional phrase ("forces in eastern
  // Ukraine have taken …": the subject is further back).
  Span ClauseSubject(std::size_t j) const {
    Span s = SubjectBefore(j);
    for (int hops = 0; hops < 3 && s.ok && s.first > 1; ++hops) {
      const std::size_t p = s.first - 1;
      if (!Word(p)) return s;
      if (L(p) == "of") {
        // "a barrage of Russian missiles", "thousands of troops": the inner
        // phrase; "the city of Kharkiv", "forces of the DPR": the whole.
        const Span head = SubjectBefore(p - 1);
        if (!head.ok || IsCollective(L(head.last)) || IsNumber(head.last)) return s;
        s.first = head.first;
        continue;
      }
      if (IsLocative(L(p))) return Span{};
      // The object of a participle: "a bus carrying 27 soldiers".
      if (L(p).size() > 4 && L(p).ends_with("ing") && !IsIngNoun(L(p))) return Span{};
      return s;
    }
    return s;
  }
  Span ObjectAfter(std::size_t j) const;  // noun phrase starting at token j
  std::size_t SkipAuxBack(std::size_t i, bool* be, bool* come) const;

  std::string Text(const Span& s) const;     // cleaned phrase
  std::string AsActor(const Span& s) const;  // "" when not an agent
  std::string AsTarget(const Span& s) const;
  bool IsPlace(const Span& s) const;
  bool IsSource(const Span& s) const;
  std::string Demonym(std::size_t i) const;  // "Russian" -> "Russian forces", else ""
  bool IsAdjectival(std::size_t i) const {   // "Russian", "Ukrainian", "Syrian"
    const std::string& w = L(i);
    if (w.ends_with("ian") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("can") ||
        w.ends_with("ean"))
      return true;
    // "Ukraine" is a name on its own (though "Ukraine forces" reads as a side).
    return actors_ != nullptr && !Demonym(i).empty() &&
           actors_->FindAll(in_.text, tok_[i].b, tok_[i].e).empty();
  }
  std::string AgentAfter(std::size_t i, bool from_too) const;

  const ArgInput& in_;
  const ArgWords& words_;
  const Actors* actors_;
  std::vector<Token> tok_;
  std::size_t t0_ = 0, t1_ = 0;
  bool found_ = false;
  bool upper_case_ = false;
};

// Walks back over auxiliaries and adverbs from token i (inclusive); returns
// the index of the first token that is neither (or SIZE_MAX).
std::size_t Chunker::SkipAuxBack(std::size_t i, bool* be, bool* come) const {
  std::size_t k = i;
  int steps = 0;
  while (k != static_cast<std::size_t>(-1) && steps < 5) {
    if (!Word(k)) break;
    const std::string& w = L(k);
    if (In(Auxiliaries(), w)) {
      if (IsBe(w)) *be = true;
      if (IsCome(w)) *come = true;
    } else if (w == "to" && k > 0 && Word(k - 1) && IsCatenative(L(k - 1))) {
      --k;  // "is expected to launch": the subject is before the catenative verb
    } else if (!IsAdverb(w)) {
      break;
    }
    --k;
    ++steps;
  }
  return k;
}

Span Chunker::SubjectBefore(std::size_t j) const {
  Span s;
  if (j == static_cast<std::size_t>(-1) || j >= tok_.size() || !Word(j) || !NpWord(j)) return s;
  if (In(Determiners(), L(j))) return s;
  s.last = j;
  s.first = j;
  std::size_t k = j;
  int n = 1;
  while (k > 0 && n < 7) {
    const std::size_t p = k - 1;
    if (tok_[p].kind == Kind::kPoss) {
      // "Russia's forces": the possessor belongs to the phrase.
      if (p == 0 || !Word(p - 1)) break;
      k = p - 1;
      n += 2;
      s.first = k;
      continue;
    }
    if (!NpWord(p) || InTime(p)) break;
    // A determiner or a count opens the phrase: "the campaign three
    // candidates" is two phrases.
    if (In(Determiners(), L(p)) || IsNumber(p)) {
      s.first = p;
      // Hedges before a count belong to it: "some 24 jets", "at least 20 men".
      static const WordSet hedges = {
          "some", "about", "around",  "nearly",        "almost",    "least", "at", "than",
          "more", "over",  "roughly", "approximately", "estimated", "an",    "the"};
      while (IsNumber(p) && s.first > 0 && Word(s.first - 1) && In(hedges, L(s.first - 1)))
        --s.first;
      break;
    }
    k = p;
    ++n;
    s.first = k;
  }
  // An NP starting after a preposition is a complement, not a subject:
  // "the city of Kharkiv shelled" is fine, "in Kharkiv troops shelled" is not
  // helped by this check; keep the words after the preposition only.
  s.ok = true;
  return s;
}

Span Chunker::ObjectAfter(std::size_t j) const {
  Span s;
  std::size_t k = j;
  // Leading determiners, counts and hedges ("at least 20", "more than 260"):
  // a hedge only when a count follows it ("at the site" is no hedge).
  const auto is_hedge = [&](std::size_t x) {
    static const WordSet hedges = {"at",     "least",  "most", "some",    "about",
                                   "around", "nearly", "more", "than",    "over",
                                   "almost", "up",     "to",   "roughly", "approximately"};
    if (!In(hedges, L(x))) return false;
    for (std::size_t y = x + 1; y < tok_.size() && y < x + 4 && Word(y); ++y) {
      if (IsNumber(y)) return true;
      if (!In(hedges, L(y))) return false;
    }
    return false;
  };
  while (k < tok_.size() && Word(k) &&
         (In(Determiners(), L(k)) || IsNumber(k) || is_hedge(k) || L(k) == "dozens" ||
          L(k) == "hundreds" || L(k) == "thousands" || L(k) == "scores" ||
          (L(k) == "of" && k > j))) {
    ++k;
  }
  if (k >= tok_.size() || !NpWord(k) || tok_[k].kind == Kind::kPoss || InTime(k) ||
      In(NpEnders(), L(k)))
    return s;
  s.first = k;
  s.last = k;
  bool of_used = false;
  int n = 1;
  std::size_t i = k + 1;
  while (i < tok_.size()) {
    if (tok_[i].kind == Kind::kPoss) {
      s.last = i;
      ++i;
      continue;
    }
    if (Word(i) && L(i) == "of" && !of_used && i + 1 < tok_.size() && !InTime(i + 1)) {
      // "the city of Kharkiv", "residents of the town": one "of" phrase.
      std::size_t m = i + 1;
      while (m < tok_.size() && Word(m) && In(Determiners(), L(m))) ++m;
      if (m < tok_.size() && NpWord(m) && tok_[m].kind == Kind::kWord) {
        of_used = true;
        s.last = m;
        i = m + 1;
        n += 2;
        continue;
      }
      break;
    }
    // Coordinated adjectives: "military and civilian infrastructure".
    if (Word(i) && (L(i) == "and" || L(i) == "or") && IsAdjectiveForm(L(i - 1)) &&
        i + 2 < tok_.size() && Word(i + 1) && IsAdjectiveForm(L(i + 1)) && NpWord(i + 2) &&
        !In(Determiners(), L(i + 2))) {
      s.last = i + 1;
      i += 2;
      n += 2;
      continue;
    }
    // A participle used as an adjective: "armoured vehicles", "occupied port".
    // Only after another modifier: "airfield surprised analysts" is a verb.
    const bool ed_modifier = Word(i) && L(i).size() > 3 && L(i).ends_with("ed") && Word(i - 1) &&
                             (IsAdjectival(i - 1) || IsAdjectiveForm(L(i - 1))) &&
                             i + 1 < tok_.size() && NpWord(i + 1) && !In(Determiners(), L(i + 1)) &&
                             !IsTimeWord(L(i + 1)) && !InTime(i + 1) && !IsNumber(i + 1) &&
                             !(L(i + 1).size() > 3 && L(i + 1).ends_with("ed"));
    if ((!NpWord(i) && !ed_modifier) || InTime(i) || IsTimeWord(L(i)) || In(Determiners(), L(i)) ||
        In(NpEnders(), L(i)) || IsIrregularPast(L(i)) || L(i) == "began" || L(i) == "begins")
      break;
    if (L(i).size() > 4 && L(i).ends_with("ing") && !IsIngNoun(L(i))) break;  // "… carrying"
    if (IsNumber(i)) break;  // a count starts another phrase
    // After a name, a verb in -s before an object or the end: "Ukraine
    // continues", "Ukraine marks a turning point" (not "Kharkiv residents").
    if (!upper_case_ && tok_[i - 1].cap && !tok_[i].cap && tok_[i - 1].kind == Kind::kWord &&
        !IsAdjectival(i - 1) && L(i).size() > 2 && L(i).ends_with("s") && !L(i).ends_with("ss") &&
        words_.agent_heads.count(L(i)) == 0 &&
        (i + 1 >= tok_.size() || tok_[i + 1].kind == Kind::kPunct ||
         (Word(i + 1) &&
          (In(Determiners(), L(i + 1)) || IsNumber(i + 1) || In(Pronouns(), L(i + 1))))))
      break;
    if (++n > 6) return Span{};  // no clean end: give up
    s.last = i;
    ++i;
  }
  s.ok = true;
  return s;
}

std::string Chunker::Text(const Span& s) const {
  // Drop leading determiners, counts and "of" after them ("dozens of").
  std::size_t f = s.first;
  while (f < s.last && Word(f) &&
         (In(Determiners(), L(f)) || IsNumber(f) || L(f) == "dozens" || L(f) == "hundreds" ||
          L(f) == "thousands" || L(f) == "scores" || L(f) == "of" || IsHedgeWord(L(f)))) {
    ++f;
  }
  std::string out;
  for (std::size_t i = f; i <= s.last; ++i) {
    if (!out.empty() && tok_[i].kind != Kind::kPoss) out += ' ';
    out += in_.text.substr(tok_[i].b, tok_[i].e - tok_[i].b);
  }
  return out;
}

bool Chunker::IsPlace(const Span& s) const {
  const std::size_t b = tok_[s.first].b, e = tok_[s.last].e;
  // The head word is (the end of) a place name.
  return std::any_of(in_.places.begin(), in_.places.end(),
                     [&](const PlaceMention& p) { return p.begin >= b && p.end == e; });
}

bool Chunker::IsSource(const Span& s) const {
  const std::size_t b = tok_[s.first].b, e = tok_[s.last].e;
  return std::any_of(in_.source.begin(), in_.source.end(),
                     [&](const auto& src) { return b < src.second && src.first < e; });
}

std::string Chunker::Demonym(std::size_t i) const {
  if (actors_ == nullptr || !Word(i) || !tok_[i].cap) return {};
  const std::string phrase =
      std::string(in_.text.substr(tok_[i].b, tok_[i].e - tok_[i].b)) + " forces";
  const std::vector<ActorMention> m = actors_->FindAll(phrase, 0, phrase.size());
  if (m.size() == 1 && m[0].begin == 0 && m[0].end == phrase.size()) return *m[0].canonical;
  return {};
}

std::string Chunker::AsActor(const Span& s) const {
  if (!s.ok || IsSource(s)) return {};
  const std::size_t b = tok_[s.first].b, e = tok_[s.last].e;
  if (actors_ != nullptr) {
    // A known name at the head: "two Ukrainian soldiers", "Moscow's forces".
    const std::vector<ActorMention> m = actors_->FindAll(in_.text, b, e);
    if (!m.empty() && m.back().end == e) {
      const std::string norm = actors_->Normalize(in_.text.substr(b, e - b));
      if (norm == *m.back().canonical) return norm;
    }
  }
  if (IsPlace(s)) return {};
  const std::string& head = L(s.last);
  if (actors_ != nullptr && words_.agent_heads.count(head) != 0 && !IsWeakAgent(head)) {
    // A known armed group in front of a force noun: "FMLN units", "Wagner assault squads".
    std::size_t f0 = s.first;
    while (f0 < s.last && Word(f0) &&
           (In(Determiners(), L(f0)) || IsNumber(f0) || IsHedgeWord(L(f0))))
      ++f0;
    const std::vector<ActorMention> m = actors_->FindAll(in_.text, tok_[f0].b, e);
    if (!m.empty() && m.front().begin == tok_[f0].b &&
        (*m.front().kind == "group" || *m.front().kind == "force"))
      return *m.front().canonical;
  }
  if (tok_[s.last].kind != Kind::kWord) return {};
  // "men" names an agent only with a modifier that says so: "armed men".
  const bool weak_ok = s.last > s.first && Word(s.last - 1) && IsEdAdjective(L(s.last - 1)) &&
                       L(s.last - 1).find('-') == std::string::npos;
  const bool agent = words_.agent_heads.count(head) != 0 && (!IsWeakAgent(head) || weak_ok);
  bool proper = false;
  if (!upper_case_ && tok_[s.last].cap && s.last > 0 && !IsTimeWord(head)) {
    // A proper name, not the sentence's first word (which is capitalised anyway).
    proper = true;
    for (std::size_t i = s.first; i <= s.last; ++i) {
      if (Word(i) && !tok_[i].cap && !In(Determiners(), L(i))) proper = false;
    }
  }
  // "Russian ground forces", "by Russian shells": a demonym in front names
  // the side, when the head is not a person noun ("Russian officials").
  std::size_t f = s.first;
  while (f < s.last && Word(f) && (In(Determiners(), L(f)) || IsNumber(f) || IsHedgeWord(L(f))))
    ++f;
  if (f < s.last) {
    static const WordSet people = {
        "officials", "official",  "media",       "people",      "citizens",    "civilians",
        "residents", "children",  "journalists", "president",   "leader",      "leaders",
        "diplomats", "sources",   "spokesman",   "spokeswoman", "authorities", "economy",
        "border",    "territory", "soil",        "side",        "banks",       "oligarchs"};
    if (std::string d = Demonym(f); !d.empty() && !In(people, head) && !IsWeakAgent(head)) return d;
  }
  if (!agent && !proper) return {};
  std::string text = Text(s);
  if (text.empty() || text.size() > 60) return {};
  return text;
}

std::string Chunker::AsTarget(const Span& s) const {
  if (!s.ok) return {};
  const std::string& head = L(s.last);
  if (In(Pronouns(), head) || IsTimeWord(head) || IsNumber(s.last) ||
      words_.instrument_heads.count(head) != 0)
    return {};
  // "the city of Kharkiv" -> Kharkiv.
  for (std::size_t i = s.first; i < s.last; ++i) {
    if (L(i) == "of" && i > s.first) {
      Span tail{i + 1, s.last, true};
      while (tail.first < tail.last && In(Determiners(), L(tail.first))) ++tail.first;
      static const WordSet place_nouns = {"city",       "town",     "village", "port",    "region",
                                          "province",   "district", "oblast",  "capital", "suburb",
                                          "settlement", "island",   "area"};
      if (IsPlace(tail) && In(place_nouns, L(i - 1))) return Text(tail);
    }
  }
  if (IsPlace(s)) return Text(s);  // a place as written, never its state ("Kyiv")
  if (actors_ != nullptr) {
    const std::size_t b = tok_[s.first].b, e = tok_[s.last].e;
    const std::vector<ActorMention> m = actors_->FindAll(in_.text, b, e);
    if (!m.empty() && m.back().end == e && m.back().begin == tok_[s.first].b) {
      return *m.back().canonical;
    }
    if (!m.empty() && m.back().end == e) {
      const std::string norm = actors_->Normalize(in_.text.substr(b, e - b));
      if (norm == *m.back().canonical) return norm;
    }
  }
  std::string text = Text(s);
  if (text.size() > 60) return {};
  return text;
}

// "by X" (and "from X" when `from_too`) in the tokens after i, before the
// clause ends: the agent of a passive or nominal trigger.
std::string Chunker::AgentAfter(std::size_t i, bool from_too) const {
  for (std::size_t k = i; k < tok_.size() && k < i + 24; ++k) {
    if (tok_[k].kind == Kind::kPunct) {
      const std::string& p = L(k);
      if (p == "," || p == ";" || p == ":" || p == "(" || p == ")" || p.size() == 3 || p == "-" ||
          p == "\"")
        return {};
      continue;
    }
    const std::string& w = L(k);
    // A new predicate ends the search: "attacks … on territory held by the army".
    if (In(SpeechVerbs(), w) || w == "which" || w == "who" || w == "that" || w == "when" ||
        w == "where" || w == "while" || In(Auxiliaries(), w) || IsIrregularPast(w) ||
        (k > i && w.size() > 3 && w.ends_with("ed") && !IsEdAdjective(w)))
      return {};
    if (w == "by" || (from_too && w == "from")) {
      std::size_t m = k + 1;
      while (m < tok_.size() && Word(m) && (In(Determiners(), L(m)) || IsNumber(m))) ++m;
      const Span obj = ObjectAfter(m);
      if (!obj.ok) return {};
      // Keep only the NP up to its own "of"/possessive tail: "by Russia's forces".
      std::string a = AsActor(obj);
      if (w == "from" && !a.empty() && actors_ != nullptr) {
        // "from" only with a known armed side: "fire from Russian positions"
        // is no agent, and "aid from Ukraine" names a state, not a shooter.
        const std::vector<ActorMention> mm =
            actors_->FindAll(in_.text, tok_[obj.first].b, tok_[obj.last].e);
        if (mm.empty() || *mm.back().kind == "state" || *mm.back().kind == "people") a.clear();
      }
      if (!a.empty() || w == "by") return a;
    }
  }
  return {};
}

ArgResult Chunker::Run() {
  ArgResult r;
  if (!found_) return r;
  const bool takes_target = TakesTarget(in_.event_type);
  const Form form = TriggerForm(tok_, t0_);
  const std::size_t before = t0_ == 0 ? static_cast<std::size_t>(-1) : t0_ - 1;
  const std::size_t after = t1_ + 1;
  bool be = false, come = false;
  const std::size_t subj_end =
      before == static_cast<std::size_t>(-1) ? before : SkipAuxBack(before, &be, &come);
  const bool aux_seen = subj_end != before;
  const std::string next = after < tok_.size() ? L(after) : std::string();
  // A relative pronoun between subject and verb: "the town, which was shelled".
  std::size_t subj_j = subj_end;
  if (subj_j != static_cast<std::size_t>(-1) && Word(subj_j) &&
      (L(subj_j) == "which" || L(subj_j) == "who" || L(subj_j) == "that")) {
    subj_j = subj_j == 0 ? static_cast<std::size_t>(-1) : subj_j - 1;
    if (subj_j != static_cast<std::size_t>(-1) && L(subj_j) == ",") {
      subj_j = subj_j == 0 ? static_cast<std::size_t>(-1) : subj_j - 1;
    }
  }
  const auto subject = [&] { return ClauseSubject(subj_j); };
  const auto object = [&] { return after < tok_.size() ? ObjectAfter(after) : Span{}; };
  // The object as target; a count in it ("detained 23 people", "seized
  // some 40 tanks") is kept as written, for the row's quantity.
  const auto take_object = [&] {
    const Span obj = object();
    r.target = AsTarget(obj);
    if (!obj.ok) return;
    // ObjectAfter skips the leading determiners, hedges and counts.
    for (std::size_t i = after; i <= obj.last; ++i) {
      if (IsNumber(i) && L(i) != "one") {
        std::size_t f = i;
        // Keep a hedge in front: "more than 1,300 protesters", "some 40".
        while (f > after && Word(f - 1) && IsHedgeWord(L(f - 1))) --f;
        r.counted_object = std::string(in_.text.substr(tok_[f].b, tok_[obj.last].e - tok_[f].b));
        return;
      }
    }
  };

  // "Russia launched a missile attack on Kyiv": the light verb's subject.
  const auto light_verb_subject = [&]() -> std::string {
    std::size_t k = before;
    for (int steps = 0; steps < 8 && k != static_cast<std::size_t>(-1); ++steps, --k) {
      if (!Word(k)) return {};
      const std::string& w = L(k);
      std::size_t v = static_cast<std::size_t>(-1);
      if (IsLightVerb(w)) {
        v = k;
      } else if ((w == "up" || w == "out") && k > 0 && Word(k - 1) &&
                 (L(k - 1).starts_with("step") || L(k - 1).starts_with("carr"))) {
        v = k - 1;
      } else if (In(Determiners(), w) || (NpWord(k) && !In(Pronouns(), w)) ||
                 (w == "of" && k > 0 && Word(k - 1) && IsCollective(L(k - 1)))) {
        continue;
      } else {
        return {};
      }
      if (v == 0) return {};
      bool be2 = false, come2 = false;
      std::size_t j = SkipAuxBack(v - 1, &be2, &come2);
      if (be2 && L(v).ends_with("ed")) return {};  // "attacks were launched from …"
      if (j != static_cast<std::size_t>(-1) && Word(j) &&
          (L(j) == "which" || L(j) == "who" || L(j) == "that")) {
        if (j == 0) return {};
        --j;
        if (L(j) == "," && j > 0) --j;
      }
      return AsActor(SubjectBefore(j));
    }
    return {};
  };

  // "Russia presses its offensive": a possessive pronoun in front of the
  // noun points back to the subject of the verb before it (a known name only).
  const auto own_subject = [&]() -> std::string {
    if (actors_ == nullptr) return {};
    std::size_t k = before;
    for (int steps = 0; steps < 4 && k != static_cast<std::size_t>(-1) && k > 1; ++steps, --k) {
      if (!Word(k)) return {};
      if (L(k) == "its" || L(k) == "their") {
        bool be2 = false, come2 = false;
        const std::size_t verb = k - 1;
        if (!Word(verb) || verb == 0 || In(Prepositions(), L(verb)) || In(ClauseWords(), L(verb)) ||
            In(Determiners(), L(verb)) || In(Pronouns(), L(verb)) || In(SpeechVerbs(), L(verb)))
          return {};
        const std::size_t j = SkipAuxBack(verb - 1, &be2, &come2);
        const Span subj = ClauseSubject(j);
        if (!subj.ok) return {};
        const std::vector<ActorMention> m =
            actors_->FindAll(in_.text, tok_[subj.first].b, tok_[subj.last].e);
        if (m.empty() || m.back().end != tok_[subj.last].e || *m.back().kind == "people") return {};
        return AsActor(subj);
      }
      if (!NpWord(k) || In(Determiners(), L(k))) return {};
    }
    return {};
  };

  // Nominal: "the shelling of X by Y", "Russia's attack on X", "a Russian strike".
  const auto nominal = [&] {
    // Target: of / on / against right after the trigger.
    if (takes_target && after < tok_.size() && Word(after) &&
        (next == "of" || next == "on" || next == "against" || next == "upon")) {
      Span obj = ObjectAfter(after + 1);
      r.target = AsTarget(obj);
    } else if (!takes_target && next == "of") {
      // "the withdrawal of Russian troops": the one who acts.
      r.actor = AsActor(ObjectAfter(after + 1));
    }
    // Actor: by-phrase after the trigger, then the possessor or demonym in
    // front, then the subject of a light verb.
    if (r.actor.empty()) r.actor = AgentAfter(after, takes_target);
    if (r.actor.empty() && before != static_cast<std::size_t>(-1)) {
      std::size_t k = before;
      for (int steps = 0; steps < 4 && k != static_cast<std::size_t>(-1); ++steps, --k) {
        if (tok_[k].kind == Kind::kPoss) {
          const Span owner = SubjectBefore(k == 0 ? static_cast<std::size_t>(-1) : k - 1);
          if (owner.ok) {
            std::string a = AsActor(owner);
            if (a.empty() && takes_target && r.target.empty() && IsPlace(owner)) {
              r.target = Text(owner);  // "Mariupol's shelling"
            }
            r.actor = a;
          }
          break;
        }
        // "Russian air and artillery strikes": modifiers may be coordinated;
        // two sides ("Russian and Ukrainian shelling") name no one actor.
        if (Word(k) && (L(k) == "and" || L(k) == "or") && k > 0 && NpWord(k - 1)) {
          ++steps;
          continue;
        }
        if (!Word(k) || In(Determiners(), L(k)) || !NpWord(k)) break;
        if (std::string d = Demonym(k); !d.empty()) {
          for (std::size_t o = k; o > 0 && o + 4 > k; --o) {
            const std::string other = Demonym(o - 1);
            if (!other.empty() && other != d && IsAdjectival(o - 1)) d.clear();
            if (!Word(o - 1) || (!NpWord(o - 1) && L(o - 1) != "and")) break;
          }
          r.actor = d;
          break;
        }
        if (actors_ != nullptr) {
          // A known name as a modifier: "Hamas rocket attack".
          const std::vector<ActorMention> m = actors_->FindAll(in_.text, tok_[k].b, tok_[before].e);
          if (!m.empty() && m.front().begin == tok_[k].b && *m.front().kind != "people" &&
              *m.front().kind != "state") {
            r.actor = *m.front().canonical;
            break;
          }
        }
      }
    }
    if (r.actor.empty()) r.actor = light_verb_subject();
    if (r.actor.empty()) r.actor = own_subject();
  };

  if (form == Form::kUnder || (come && form != Form::kPast)) {
    // "X came under fire from Y", "X was under attack by Y".
    if (takes_target) r.target = AsTarget(subject());
    r.actor = AgentAfter(after, true);
  } else if (form == Form::kPast) {
    const bool by_next = next == "by";
    if (be) {
      // Passive: "X was shelled (by Y)".
      if (takes_target || PatientSubject(in_.event_type)) r.target = AsTarget(subject());
      r.actor = AgentAfter(after, false);
    } else if (by_next && !aux_seen) {
      // Reduced relative: "a convoy ambushed by rebels".
      if (takes_target) r.target = AsTarget(ClauseSubject(before));
      r.actor = AgentAfter(after, false);
    } else {
      // Active: "X shelled Y".
      const std::string& w = L(t0_);
      const bool lost = w == "lost" || w == "losing";
      const Span subj = subject();
      if (in_.event_type == "equipment_loss" && lost) {
        r.target = AsTarget(subj);
      } else if (!PatientSubject(in_.event_type) || in_.event_type == "equipment_loss" ||
                 (in_.event_type == "explosion" && after < tok_.size() && ObjectAfter(after).ok &&
                  next != "at" && next != "in" && next != "near" && next != "on")) {
        r.actor = AsActor(subj);
        if (takes_target && r.target.empty() && in_.event_type != "equipment_loss") take_object();
      }
      // Count subject: "some 24 jets and 14 helicopters withdrew".
      // (Taken whole, even after "along with": the counts are coordinated.)
      if (const Span counted = SubjectBefore(subj_j); counted.ok) {
        std::size_t f = counted.first;
        bool has_number = false;
        for (std::size_t i = counted.first; i <= counted.last; ++i) has_number |= IsNumber(i);
        // Coordinated counts before: "three Su-35s, five Su-27s and …",
        // "some 24 jets and bombers along with 14 helicopters".
        std::size_t k = f;
        for (int hops = 0; has_number && hops < 6 && k >= 2; ++hops) {
          std::size_t j = k - 1;
          if (L(j) == "and" || L(j) == ",") {
            if (j > 0 && L(j - 1) == ",") --j;
          } else if (L(j) == "with" && j > 0 && L(j - 1) == "along") {
            --j;
          } else {
            break;
          }
          if (j == 0) break;
          const Span prev = SubjectBefore(j - 1);
          if (!prev.ok) break;
          k = prev.first;
          for (std::size_t i = prev.first; i <= prev.last; ++i) {
            if (IsNumber(i)) f = prev.first;
          }
        }
        if (has_number) {
          r.counted_subject =
              std::string(in_.text.substr(tok_[f].b, tok_[counted.last].e - tok_[f].b));
        }
      }
    }
  } else if (form == Form::kIng) {
    if (be && !come) {
      // Progressive: "Russian troops are shelling the town".
      if (!PatientSubject(in_.event_type)) r.actor = AsActor(subject());
      if (takes_target) take_object();
    } else if (before == static_cast<std::size_t>(-1) || !Word(before) ||
               In(Prepositions(), L(before))) {
      // Participle or gerund: ", killing three civilians", "after shelling the town".
      if (takes_target && next != "of" && next != "on" && next != "by") {
        // Only an object that opens like one: "shelling the town", not "shelling starts".
        if (after < tok_.size() && Word(after) &&
            (In(Determiners(), next) || IsNumber(after) || tok_[after].cap))
          take_object();
      } else
        nominal();
    } else {
      nominal();
    }
  } else {
    // Present or bare verb ("Russia shells Kharkiv", "will attack"), or a noun.
    const bool modal = aux_seen && before != static_cast<std::size_t>(-1) && Word(before) &&
                       (L(before) == "will" || L(before) == "would" || L(before) == "could" ||
                        L(before) == "can" || L(before) == "did" || L(before) == "to");
    bool verbal = modal;
    if (!verbal && !aux_seen && before != static_cast<std::size_t>(-1) && Word(before) &&
        next != "on" && next != "of" && next != "against" && next != "by" && actors_ != nullptr &&
        Demonym(before).empty()) {
      const Span subj = SubjectBefore(before);
      if (subj.ok && subj.first == subj.last) {
        const std::vector<ActorMention> m =
            actors_->FindAll(in_.text, tok_[subj.first].b, tok_[subj.last].e);
        verbal = !m.empty() && m.back().end == tok_[subj.last].e;
      }
    }
    if (verbal) {
      if (!PatientSubject(in_.event_type)) r.actor = AsActor(subject());
      if (takes_target) take_object();
    } else {
      nominal();
    }
  }
  if (!r.actor.empty() && r.actor == r.target) r.target.clear();
  return r;
}

}  // namespace

ArgWords ArgWords::FromRules(const RuleSet* rules) {
  ArgWords w;
  for (std::string_view n : kAgentNouns) w.agent_heads.emplace(n);
  const auto add_last_words = [&](std::string_view lexicon, std::unordered_set<std::string>& to) {
    if (rules == nullptr) return;
    const auto it = rules->lexicons.find(lexicon);
    if (it == rules->lexicons.end()) return;
    for (const std::string& entry : it->second) {
      const std::size_t space = entry.find_last_of(' ');
      std::string last = entry.substr(space == std::string::npos ? 0 : space + 1);
      for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!last.empty()) to.insert(std::move(last));
    }
  };
  add_last_words("FORCE_NOUN", w.agent_heads);
  add_last_words("EXPLOSIVE", w.instrument_heads);
  add_last_words("WEAPON", w.instrument_heads);
  return w;
}

std::string StripDeterminers(std::string_view phrase) {
  const std::vector<Token> tok = Tokenize(phrase, 0, phrase.size());
  std::size_t f = 0;
  while (f + 1 < tok.size() && tok[f].kind == Kind::kWord && In(Determiners(), tok[f].lower)) ++f;
  if (tok.empty() || f == 0) return std::string(phrase);
  return std::string(phrase.substr(tok[f].b));
}

ArgResult FindArguments(const ArgInput& in, const ArgWords& words, const Actors* actors) {
  if (in.trigger_begin >= in.trigger_end || in.sentence_end > in.text.size()) return {};
  Chunker c(in, words, actors);
  return c.Run();
}

}  // namespace eventline
