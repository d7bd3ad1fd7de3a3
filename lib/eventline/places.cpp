#include "eventline/places.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "eventline/binio.h"
#include "eventline/name_index.h"

namespace eventline {

namespace {

constexpr std::array<std::string_view, 18> kKinds = {
    "country", "region", "department", "territory", "capital", "city",
    "sea",     "river",  "lake",       "island",    "airbase", "bridge",
    "dam",     "port",   "plant",      "landmark",  "base",    "seat"};

// Capitalised words that may stand right before a place without making it
// part of a longer proper name ("Eastern Ukraine", "In Kyiv").
constexpr std::array<std::string_view, 40> kPrefixOk = {
    "in",           "at",       "on",           "of",           "from",
    "to",           "near",     "over",         "the",          "a",
    "for",          "by",       "and",          "or",           "but",
    "with",         "into",     "towards",      "across",       "around",
    "outside",      "inside",   "northern",     "southern",     "eastern",
    "western",      "central",  "northeastern", "northwestern", "southeastern",
    "southwestern", "occupied", "greater",      "upper",        "lower",
    "after",        "while",    "as",           "since",        "like"};

// Words after a place that make it part of an organisation's name.
constexpr std::array<std::string_view, 11> kSuffixBad = {
    "post",    "times",      "independent", "herald",    "journal", "tribune",
    "gazette", "university", "dynamo",      "telegraph", "cartel"};

// Lower-case words right after a place that make it a person's or a team's
// origin, not where anything happened ("a Hollywood producer", "the
// Liverpool player's father", "Lyon fans"; h-prec10).
// "Brent crude" is an oil price, not a London borough.
constexpr std::array<std::string_view, 28> kSuffixRole = {
    "player",     "players", "producer",   "producers",  "star",       "stars",   "striker",
    "midfielder", "winger",  "goalkeeper", "defender",   "manager",    "boss",    "coach",
    "fan",        "fans",    "supporter",  "supporters", "native",     "natives", "actor",
    "actress",    "singer",  "rapper",     "club",       "footballer", "crude",   "pilot"};

// Lower-case words right after a region or a country that make it a
// person's home state, not the event's place: "a Maryland man [killed
// outside a stadium in Washington]", "a Georgia man [arrested near the
// Supreme Court]" (h-prec11). A city before them is kept: local news
// names the victim's town where the event happened ("a Brisbane man shot
// in his front yard").
constexpr std::array<std::string_view, 19> kSuffixHome = {
    "man",     "woman",       "men",           "women",    "mom",      "mother",   "father",
    "dad",     "family",      "teen",          "teenager", "couple",   "resident", "residents",
    "senator", "congressman", "congresswoman", "lawmaker", "lawmakers"};

// Words right after "<Initial> <Place>" at the start of a sentence that make
// the pair a person's name ("Tommy Molina said", "Ana Paz, who…"): a place
// seldom speaks or takes a relative "who".
constexpr std::array<std::string_view, 14> kPersonNext = {
    "said",     "says",      "told", "tells", "added",    "adds",     "wrote",
    "recalled", "explained", "who",  "whose", "insisted", "admitted", "testified"};

// Sentence adverbs that may open a sentence right before a place that speaks
// ("Meanwhile Kyiv said"): they keep the place.
constexpr std::array<std::string_view, 16> kOpenerOk = {
    "yesterday", "today", "tonight", "overnight",  "meanwhile", "now",     "later",   "earlier",
    "also",      "then",  "still",   "separately", "however",   "instead", "finally", "elsewhere"};

constexpr std::array<std::string_view, 14> kLocatives = {
    "in",     "at",     "near", "on",      "over",   "outside", "around",
    "across", "inside", "into", "towards", "toward", "off",     "to"};

constexpr std::array<std::string_view, 18> kClauseWords = {
    "while",  "but",  "whereas", "although", "though",   "which",   "who",  "when",  "after",
    "before", "said", "says",    "say",      "reported", "claimed", "told", "added", "according"};

std::uint64_t WordHash(std::string_view w) {
  const std::vector<NameToken> t = TokenizeNames(w, 0, w.size());
  return t.empty() ? 0 : t.front().hash;
}

// True when what follows tokens[last] marks "<Initial> <Place>" as a person:
// a speech verb or "who" ("Tommy Molina said"), with or without a comma, or
// an age in commas ("Ana Paz, 31, …").
bool PersonAfter(std::string_view text, const std::vector<NameToken>& tokens, std::size_t last,
                 const std::unordered_set<std::uint64_t>& person_next) {
  std::size_t q = tokens[last].end;
  while (q < text.size() && text[q] == ' ') ++q;
  if (q < text.size() && text[q] == ',') {
    std::size_t d = q + 1;
    while (d < text.size() && text[d] == ' ') ++d;
    std::size_t e = d;
    while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
    if (e > d && e - d <= 3 && e < text.size() && text[e] == ',') return true;
  }
  return last + 1 < tokens.size() && person_next.count(tokens[last + 1].hash) != 0;
}

// Countries that are also given names ("Jordan Neely", "Chad Daybell").
bool GivenNameCountry(std::string_view w) {
  return w == "Jordan" || w == "Georgia" || w == "Chad" || w == "India" || w == "Israel";
}

// Capitalised words after such a country that continue a place or an
// organisation, or name a day: "the Jordan Valley", "Israel Police", "in
// Israel Sunday".
constexpr std::array<std::string_view, 28> kAfterGivenName = {
    "valley", "river",    "strip",   "basin",   "rift",    "sea",        "desert",
    "police", "defense",  "defence", "army",    "today",   "times",      "post",
    "tech",   "state",    "border",  "monday",  "tuesday", "wednesday",  "thursday",
    "friday", "saturday", "sunday",  "airways", "embassy", "government", "national"};

// True when most words of `tokens` are capitalised: a headline in title
// case ("Jordan Opens Border Crossing"), where a capital says nothing.
bool TitleCase(const std::vector<NameToken>& tokens) {
  std::size_t caps = 0, words = 0;
  for (const NameToken& t : tokens) {
    if (!t.capitalised && !t.lower) continue;
    ++words;
    caps += t.capitalised ? 1 : 0;
  }
  return words > 0 && 2 * caps > words;
}

// True when text[end…] is ", <age>," (one to three digits) or, with `who`,
// ", who" / ", whose": what follows a person's name, not a place's ("a
// councilwoman from Sayreville who was shot" keeps its town).
bool AgeOrWhoAfter(std::string_view text, std::size_t end, bool who) {
  std::size_t q = end;
  const bool comma = q < text.size() && text[q] == ',';
  if (comma) ++q;
  while (q < text.size() && text[q] == ' ') ++q;
  std::size_t e = q;
  while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
  if (comma && e > q && e - q <= 3 && e < text.size() && text[e] == ',') return true;
  if (!who || !comma) return false;
  const std::string_view rest = text.substr(q, 6);
  return rest == "who" || rest.starts_with("who ") || rest.starts_with("whose ") ||
         rest.starts_with("who,");
}

constexpr std::uint8_t kCountryKind = 0, kCapitalKind = 4;
static_assert(kKinds[kCountryKind] == "country" && kKinds[kCapitalKind] == "capital");

int KindRank(std::string_view kind) { return kind == "country" ? 0 : 1; }

// True when `tokens` are a headline in strict title case: at least four
// words and no lower-case word longer than four letters ("Guards Wounded In
// St. Petersburg Depot Raid", "Drones Hit Kyiv in Daylight"), not a short
// sentence of names ("Vladimir Putin spoke from Moscow"; h-places2).
bool StrictTitleCase(const std::vector<NameToken>& tokens) {
  std::size_t words = 0;
  for (const NameToken& t : tokens) {
    if (t.lower && t.end - t.begin > 4) return false;
    if (t.capitalised || t.lower) ++words;
  }
  return words >= 4 && TitleCase(tokens);
}

// Fills `out` (reused from line to line: no allocation per line).
void SplitTabs(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

inline std::string_view Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return {s.data() + b, e - b};
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  // Fast path, exact: "-?D+(.D+)?" with at most 15 digits is m / 10^f with m
  // < 2^53 and f <= 15, both exact doubles, and one correctly rounded
  // division is what from_chars returns for it. Anything else: from_chars.
  {
    const char* p = s.data();
    const char* const end = p + s.size();
    const bool negative = *p == '-';
    if (negative) ++p;
    std::uint64_t m = 0;  // wraps when long: then unused
    const char* const first = p;
    while (p < end && static_cast<unsigned>(*p - '0') < 10)
      m = m * 10 + static_cast<std::uint64_t>(*p++ - '0');
    std::ptrdiff_t digits = p - first, frac = 0;
    bool fast = digits > 0;
    if (fast && p < end && *p == '.') {
      const char* const dot = ++p;
      while (p < end && static_cast<unsigned>(*p - '0') < 10)
        m = m * 10 + static_cast<std::uint64_t>(*p++ - '0');
      frac = p - dot;
      digits += frac;
      fast = frac > 0;
    }
    if (fast && p == end && digits <= 15) {
      static constexpr std::array<double, 16> kPow10 = {
          1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
      const double v = static_cast<double>(m) / kPow10[static_cast<std::size_t>(frac)];
      *out = negative ? -v : v;
      return true;
    }
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool IsLowerWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// True when text[a, b) contains a clause boundary.
bool CrossesClause(std::string_view text, std::size_t a, std::size_t b) {
  if (b > text.size()) b = text.size();
  for (std::size_t i = a; i < b; ++i) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
        c == '"')
      return true;
    if ((c == '.' || c == '!' || c == '?') && i + 1 < b && text[i + 1] == ' ') return true;
    if (text.compare(i, 3, "\xE2\x80\x94") == 0 || text.compare(i, 3, "\xE2\x80\x93") == 0 ||
        text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0)
      return true;
  }
  std::size_t i = a;
  while (i < b) {
    while (i < b && !IsLowerWordChar(text[i])) ++i;
    std::size_t j = i;
    while (j < b && IsLowerWordChar(text[j])) ++j;
    if (j > i) {
      const std::string w = Lower(text.substr(i, j - i));
      for (std::string_view cw : kClauseWords)
        if (w == cw) return true;
    }
    i = j;
  }
  return false;
}

// Up to `n` words before `pos`, nearest first, stopping at hard punctuation.
std::vector<std::string> WordsBefore(std::string_view text, std::size_t pos, int n) {
  std::vector<std::string> words;
  std::size_t i = pos;
  while (static_cast<int>(words.size()) < n && i > 0) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) --i;
    std::size_t j = i;
    while (j > 0 && (IsLowerWordChar(text[j - 1]) || text[j - 1] == '-' ||
                     static_cast<unsigned char>(text[j - 1]) >= 0x80 ||
                     (text[j - 1] >= '0' && text[j - 1] <= '9')))
      --j;
    if (j == i) break;  // punctuation
    words.emplace_back(text.substr(j, i - j));
    i = j;
  }
  return words;
}

// Words that may stand between a locative preposition and the place:
// "in the besieged port city of Mariupol". h-places8: a kind of place other
// than a city ("the border city of", "the coastal town of", "the district
// of Poonch", "the refugee camp of"). Not "state": "arrested in the US state
// of Arizona over an attack on a Queensland farm" names the arrest's place.
constexpr std::array<std::string_view, 51> kLocativeFill = {"the",          "a",
                                                            "an",           "city",
                                                            "town",         "village",
                                                            "region",       "port",
                                                            "capital",      "of",
                                                            "outskirts",    "centre",
                                                            "center",       "south",
                                                            "north",        "east",
                                                            "west",         "southern",
                                                            "northern",     "eastern",
                                                            "western",      "central",
                                                            "occupied",     "frontline",
                                                            "besieged",     "key",
                                                            "strategic",    "nearby",
                                                            "embattled",    "small",
                                                            "southeastern", "northeastern",
                                                            "southwestern", "northwestern",
                                                            "province",     "area",
                                                            "border",       "coastal",
                                                            "district",     "suburb",
                                                            "suburbs",      "island",
                                                            "kibbutz",      "neighbourhood",
                                                            "neighborhood", "camp",
                                                            "refugee",      "county",
                                                            "governorate",  "industrial",
                                                            "holy"};

// True when a locative preposition governs a place starting after `words`
// (nearest first, as written).
// The locative preposition that governs a place after `words` (the words
// before it, nearest first, as WordsBefore gives them), lower case; empty
// when none does (as Governed).
std::string GoverningWord(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    std::string l = Lower(w);
    if (std::find(kLocatives.begin(), kLocatives.end(), l) != kLocatives.end()) return l;
    const bool fill =
        std::find(kLocativeFill.begin(), kLocativeFill.end(), l) != kLocativeFill.end();
    const bool adjective = l.find('-') != std::string::npos || (w[0] >= 'A' && w[0] <= 'Z');
    if (!fill && !adjective) return {};
  }
  return {};
}

bool Governed(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    const std::string l = Lower(w);
    if (std::find(kLocatives.begin(), kLocatives.end(), l) != kLocatives.end()) return true;
    const bool fill =
        std::find(kLocativeFill.begin(), kLocativeFill.end(), l) != kLocativeFill.end();
    const bool adjective = l.find('-') != std::string::npos || (w[0] >= 'A' && w[0] <= 'Z');
    if (!fill && !adjective) return false;
  }
  return false;
}

// Verbs (and auxiliaries of active clauses) that make a country or capital
// right before them the subject of a statement or act: "Moscow conceded",
// "Russia has denied". A state acting is an actor, not a place.
constexpr std::array<std::string_view, 40> kActorVerbs = {
    "said", "says", "say", "has", "have", "had", "will", "would", "could", "can", "may", "might",
    "must", "should", "does", "did", "claims", "denies", "insists", "wants", "warns", "accuses",
    "plans", "presses", "covers", "portrays", "launches", "continues", "believes", "hopes",
    // h-prec12: "Russia blames Ukraine", "Russia finances the murder of…"
    "blames", "finances", "funds", "condemns", "demands", "rejects", "vows", "threatens", "admits",
    "urges"};

// Words after a possessive country that name a part of its land: "Ukraine's
// east", "Ukraine's ports".
constexpr std::array<std::string_view, 19> kLandNouns = {
    "east",    "west",   "north",     "south",    "capital", "city",  "cities",
    "town",    "towns",  "village",   "villages", "port",    "ports", "coast",
    "regions", "region", "territory", "border",   "airspace"};

// Adjectives that name a part of the land only before a land noun or a name:
// "Ukraine's third city", "Ukraine's eastern Donbas", not "Russia's southern
// gains".
constexpr std::array<std::string_view, 9> kLandAdjectives = {"eastern",  "western", "northern",
                                                             "southern", "central", "second",
                                                             "third",    "largest", "biggest"};

bool IsIn(std::string_view w, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// h-places10: words right before a seat of government (kind "seat": the
// Kremlin, the White House) that make it the scene of an act: a locative
// preposition ("a drone attack on the Kremlin", "a rally outside the White
// House"; not "to": "a threat to the Kremlin", "loyal to Downing Street") or
// a verb or noun of attack ("drones attacked the Kremlin"). Anywhere else it
// stands for its state ("the Kremlin said", "Kremlin forces", "a White House
// official") and is no place.
constexpr std::array<std::string_view, 20> kSeatActs = {
    "attack",  "attacks", "attacked", "attacking", "strike",   "strikes",   "struck",
    "hit",     "hits",    "target",   "targets",   "targeted", "targeting", "bombed",
    "bombing", "stormed", "storm",    "storming",  "raid",     "raided"};

bool SeatIsScene(std::string_view text, std::size_t pos) {
  const std::vector<std::string> before = WordsBefore(text, pos, 2);
  if (before.empty()) return false;
  std::string prev = Lower(before[0]);
  if (prev == "the" && before.size() == 2) prev = Lower(before[1]);
  if (prev == "to") return false;
  return IsIn(prev, kLocatives) || IsIn(prev, kSeatActs);
}

// True when `rest` (the text after "Ukraine's ") starts with a part of the land.
bool StartsWithLandPart(std::string_view rest) {
  // Skip adjectives ("second", "second-largest", "third biggest"); then a
  // land noun, a name or the end of an apposition ("Odesa, Ukraine's third
  // biggest, ...") makes a place.
  bool adjective = false;
  while (true) {
    std::size_t n = 0;
    while (n < rest.size() && rest[n] >= 'a' && rest[n] <= 'z') ++n;
    const std::string_view w = rest.substr(0, n);
    if (IsIn(w, kLandNouns)) return true;
    if (n == 0)
      return adjective && !rest.empty() &&
             (rest.front() == ',' || (rest.front() >= 'A' && rest.front() <= 'Z'));
    if (!IsIn(w, kLandAdjectives)) return false;
    adjective = true;
    while (n < rest.size() && ((rest[n] >= 'a' && rest[n] <= 'z') || rest[n] == '-')) ++n;
    rest.remove_prefix(n);
    if (rest.starts_with(" ")) rest.remove_prefix(1);
  }
}

// Words after a possessive country or capital that name the state's own
// acts: "Israel's bombardment", "Russia's war" (not "military", "forces":
// "Ukraine's military base", "a firefight of Iran's forces" happen there).
constexpr std::array<std::string_view, 17> kStateActs = {
    "bombardment", "bombardments", "bombing",  "bombings", "attack",    "attacks",
    "airstrikes",  "strikes",      "shelling", "war",      "invasion",  "offensive",
    "assault",     "aggression",   "blockade", "siege",    "occupation"};

// Removes a leading possessive "'s " (or "’s ") from `rest`; false, with
// `rest` unchanged, when it does not begin with one.
bool DropPossessive(std::string_view& rest) {
  for (const std::string_view clitic :
       {std::string_view("'s "), std::string_view("\xE2\x80\x99s ")}) {
    if (rest.starts_with(clitic)) {
      rest.remove_prefix(clitic.size());
      return true;
    }
  }
  return false;
}

// True when `rest` (the text right after a country or capital) is a
// possessive before one of kStateActs, with at most one adjective between
// ("Israel's daily bombardment", "Russia's full-scale invasion").
bool NamesStateAct(std::string_view rest) {
  if (!DropPossessive(rest)) return false;
  for (int k = 0; k < 2; ++k) {
    std::size_t n = 0;
    // h-places9: the one word between may be a place's name: "Israel's
    // Gaza bombing", "Ruritania's Vale offensive" are the state's acts.
    if (k == 0 && !rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') ++n;
    while (n < rest.size() && ((rest[n] >= 'a' && rest[n] <= 'z') || rest[n] == '-')) ++n;
    if (n == 0) return false;
    if (IsIn(rest.substr(0, n), kStateActs)) return true;
    if (n >= rest.size() || rest[n] != ' ') return false;
    rest.remove_prefix(n + 1);
  }
  return false;
}

// Words of a named force in the capitalised run after a possessive state:
// "Russia's Black Sea Fleet", "Yemen's Houthi rebels", "Russia's Su-25 jets"
// (h-prec28). The force is the state's, not a place of it.
// Not "Forces" ("Ukraine's Special Operation Forces said" of a strike in
// Crimea) nor "FSB" (its arrests are made in Russia): there the state is
// the scene as often as not.
constexpr std::array<std::string_view, 10> kForceNames = {
    "Fleet", "fleet", "Navy", "Army", "Guard", "Guards", "Houthi", "Houthis", "Wagner", "jets"};

// True when `rest` (the text right after a country or capital) is a possessive
// before a capitalised run ("Black Sea", "Su-25") that names a force: one of
// kForceNames in the run or right after it, or a type designation of letters,
// a hyphen and digits ("Su-25 jets", "S-400 batteries").
bool NamesStateForce(std::string_view rest) {
  if (!DropPossessive(rest)) return false;
  if (rest.empty() || rest[0] < 'A' || rest[0] > 'Z') return false;
  for (int k = 0; k < 5 && !rest.empty(); ++k) {
    std::size_t n = 0;
    while (n < rest.size() &&
           (std::isalnum(static_cast<unsigned char>(rest[n])) != 0 || rest[n] == '-'))
      ++n;
    if (n == 0) return false;
    const std::string_view w = rest.substr(0, n);
    if (IsIn(w, kForceNames)) return true;
    const std::size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < w.size() &&
        std::isdigit(static_cast<unsigned char>(w[dash + 1])) != 0)
      return true;
    // the run ends at the first lower-case word, which is still read once
    if (w[0] < 'A' || w[0] > 'Z') return false;
    if (n >= rest.size() || rest[n] != ' ') return false;
    rest.remove_prefix(n + 1);
  }
  return false;
}

// True when the place at text[m.begin, m.end) closes the name of a sea: "the
// Gulf of Guinea", "the Bay of Bengal" are no Guinea and no Bengal (h-prec12),
// or a title: "the Duke of Sussex" (h-prec14).
bool NamesWater(std::string_view text, const PlaceMention& m) {
  const std::vector<std::string> before = WordsBefore(text, m.begin, 2);
  if (before.size() != 2 || before[0] != "of") return false;
  static constexpr std::array<std::string_view, 6> kWater = {"Gulf",   "Bay",     "Sea",
                                                             "Strait", "Straits", "Gulfs"};
  if (IsIn(before[1], kWater)) return true;
  // h-prec14: a title of nobility names a person, not the place: "the Duke of
  // Sussex", "the Prince of Wales", "the Earl of Wessex".
  static constexpr std::array<std::string_view, 18> kTitles = {
      "Duke",  "Duchess",  "Earl",     "Countess", "Marquess", "Marquis",
      "Baron", "Baroness", "Viscount", "Prince",   "Princess", "King",
      "Queen", "Lord",     "Lady",     "Dukes",    "Princes",  "Emir"};
  return IsIn(before[1], kTitles);
}

// Words after a hyphenated pair of names that make it a place: "the
// Israel-Lebanon border".
constexpr std::array<std::string_view, 4> kPairPlaces = {"border", "frontier", "boundary",
                                                         "borders"};

// When `rest` (the text right after a country or capital) joins it to another
// name by a hyphen ("-Hamas war", "-Ukraine talks"): true (the states of a
// pair), or false when a border follows ("-Lebanon border"). nullopt when
// there is no such pair.
std::optional<bool> PairSide(std::string_view rest) {
  if (rest.size() < 2 || rest[0] != '-' || rest[1] < 'A' || rest[1] > 'Z') return std::nullopt;
  std::size_t n = 1;
  while (n < rest.size() && (std::isalpha(static_cast<unsigned char>(rest[n])) != 0)) ++n;
  if (n < rest.size() && rest[n] == '-') return std::nullopt;  // "Guinea-Bissau-based"
  rest.remove_prefix(n);
  if (!rest.starts_with(" ")) return true;
  rest.remove_prefix(1);
  std::size_t k = 0;
  while (k < rest.size() && rest[k] >= 'a' && rest[k] <= 'z') ++k;
  return !IsIn(rest.substr(0, k), kPairPlaces);
}

// Words before a country or capital that make it a party, not a place:
// "a campaign against Russia", "talks with Moscow", "blamed by Russia"; and
// verbs of blame, judgement or support whose object is a state ("Russia
// blames Ukraine for the attack", "thanked Poland", h-prec12).
constexpr std::array<std::string_view, 25> kPartyBefore = {
    "against",    "with",       "by",         "blames",    "blamed",    "blame",      "blaming",
    "accused",    "accuses",    "accuse",     "accusing",  "condemned", "condemns",   "criticised",
    "criticized", "criticises", "criticizes", "thanked",   "praised",   "sanctioned", "supports",
    "supported",  "backs",      "backed",     "condemning"};

// Nouns of a strike after which "against" names its target's place (h-places7).
constexpr std::array<std::string_view, 16> kStrikeNouns = {
    "strike",   "strikes",  "airstrike", "airstrikes", "attack",      "attacks",
    "assault",  "assaults", "barrage",   "barrages",   "bombardment", "bombardments",
    "shelling", "raid",     "raids",     "bombing"};

// Verbs of a title-case headline after a capital that make it the state
// acting ("Moscow Warns Allies", "Kyiv Plays Down Report"; h-places2).
constexpr std::array<std::string_view, 30> kTitleVerbs = {
    "says",    "claims",   "denies",    "warns",   "plays",   "shores",   "strikes", "targets",
    "fights",  "hits",     "launches",  "repels",  "accuses", "vows",     "fends",   "pounds",
    "seeks",   "readies",  "prepares",  "rejects", "blames",  "pushes",   "presses", "sends",
    "deploys", "condemns", "threatens", "admits",  "urges",   "unleashes"};

// Verbs whose object is the subject of an infinitive: "expect Moscow to…".
constexpr std::array<std::string_view, 24> kCatenativeBefore = {
    "expect", "expects", "expected", "urge",    "urges", "urged",    "ask",    "asks",
    "asked",  "allow",   "allows",   "allowed", "force", "forces",   "forced", "want",
    "wants",  "wanted",  "pressed",  "pushed",  "told",  "persuade", "warned", "encouraged"};

// True when the country or capital at text[m.begin, m.end) stands for its
// state or government (metonymy) rather than for the place: the object of
// against/with/by ("a campaign against Russia"); unless a preposition governs
// it ("in Ukraine's north", "the consulate in Ukraine reports"), a possessive before
// anything but a part of its land ("Russia's navy", but "Ukraine's third
// city"), or the subject of an active verb ("Moscow conceded", "Russia has
// denied", but "Kyiv has been hit").
// Words before "between" that make the pair a line or a stretch of land.
constexpr std::string_view kLineBeforeBetween[] = {
    "border", "borders", "frontier", "bridge", "corridor", "road",   "highway",  "line",
    "route",  "area",    "zone",     "region", "towns",    "cities", "crossing", "railway"};

// A state named as one side of "between X and Y": right after "between" and
// before "and", or after "and" with "between" and one to three capitalised
// words (or "the") before it.
bool BetweenSide(std::string_view text, const PlaceMention& m) {
  const std::vector<std::string> before = WordsBefore(text, m.begin, 6);
  if (before.empty()) return false;
  // A possessive owns a part of the land ("between Africa and Ruritania's
  // islands"): a place.
  const std::string_view after = text.substr(m.end);
  if (after.starts_with("'s") || after.starts_with("\xE2\x80\x99s")) return false;
  std::size_t at = 0;  // index of "between" in `before`
  if (Lower(before[0]) == "between") {
    if (!text.substr(m.end).starts_with(" and ")) return false;
  } else if (Lower(before[0]) == "and") {
    std::size_t k = 1;
    while (k < before.size() && k <= 4 && Lower(before[k]) != "between") {
      const std::string& w = before[k];
      if (Lower(w) != "the" && !(w[0] >= 'A' && w[0] <= 'Z')) return false;
      ++k;
    }
    if (k >= before.size() || k == 1 || Lower(before[k]) != "between") return false;
    at = k;
  } else {
    return false;
  }
  return at + 1 >= before.size() || !IsIn(Lower(before[at + 1]), kLineBeforeBetween);
}

// A state named as a go-between: in a list after "mediated by", "brokered
// by" or "mediator(s)" ("mediated by Egypt, Ruritania and the US", "the
// mediators Ruritania and Egypt"), or before "for brokering" / "for
// mediating" ("leaders thanked Ruritania for brokering the truce").
bool MediatorState(std::string_view text, const PlaceMention& m) {
  const std::string after = Lower(text.substr(m.end, 16));
  if (after.starts_with(" for brokering") || after.starts_with(" for mediating")) return true;
  // Back over the list: capitalised words, "the", "and" and commas.
  std::size_t i = m.begin;
  for (int words = 0; words < 8; ++words) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == ',')) --i;
    std::size_t j = i;
    while (j > 0 && (IsLowerWordChar(text[j - 1]) || text[j - 1] == '.' || text[j - 1] == '-')) --j;
    if (j == i) return false;
    const std::string w = Lower(text.substr(j, i - j));
    if (w == "mediators" || w == "mediator") return true;
    if (w == "by" && j > 0) {
      const std::vector<std::string> prev = WordsBefore(text, j, 1);
      return !prev.empty() && (Lower(prev[0]) == "mediated" || Lower(prev[0]) == "brokered");
    }
    const bool cap = text[j] >= 'A' && text[j] <= 'Z';
    if (!cap && w != "the" && w != "and") return false;
    i = j;
  }
  return false;
}

bool StandsForState(std::string_view text, const PlaceMention& m) {
  const std::string_view kind = m.best().kind;
  if (kind != "country" && kind != "capital") return false;
  const std::vector<std::string> before = WordsBefore(text, m.begin, 2);
  const std::string prev = before.empty() ? std::string() : Lower(before.front());
  // WordsBefore stops at punctuation, so a word found is the one right before.
  const bool adjacent = !before.empty();
  // h-places7: "against" after a strike's own noun names where it falls
  // ("drone strikes against Kyiv", "a missile barrage against Ukraine"), not
  // a party ("a campaign against Russia", "sanctions against Moscow").
  // Not an initialism ("a plot against US bases abroad").
  const bool strike_against = prev == "against" && before.size() == 2 &&
                              IsIn(Lower(before[1]), kStrikeNouns) && m.end - m.begin > 1 &&
                              text[m.begin + 1] >= 'a' && text[m.begin + 1] <= 'z';
  if (adjacent && !strike_against &&
      std::find(kPartyBefore.begin(), kPartyBefore.end(), prev) != kPartyBefore.end())
    return true;
  // A possessive before the state's own acts or forces is the state, even
  // after a preposition: "protests over Israel's bombardment", "since the
  // start of Russia's war" (h-prec12).
  if (NamesStateAct(text.substr(m.end))) return true;
  if (NamesStateForce(text.substr(m.end))) return true;
  // One side of a pair ("the Israel-Hamas war", "Russia-Ukraine talks"):
  // the states, not a place, unless the pair names a border.
  if (const std::optional<bool> pair = PairSide(text.substr(m.end))) return *pair;
  // h-places17: one of the two sides "between" names ("a truce between
  // Ruritania and the rebels", "talks between the rebels and Ruritania"),
  // unless the pair names a line on the land ("the border between …").
  if (BetweenSide(text, m)) return true;
  if (MediatorState(text, m)) return true;
  // Governed by a preposition ("in Ukraine's north", "the consulate in Ukraine
  // reports", "the closure of Ukraine's harbours"): a place.
  if (adjacent &&
      (prev == "of" || std::find(kLocatives.begin(), kLocatives.end(), prev) != kLocatives.end()))
    return false;
  std::string_view rest = text.substr(m.end);
  const bool possessive = rest.starts_with("'s ") || rest.starts_with("\xE2\x80\x99s ");
  if (possessive) rest.remove_prefix(rest.front() == '\'' ? 2 : 4);
  if (!rest.starts_with(" ")) return false;
  rest.remove_prefix(1);
  std::size_t n = 0;
  while (n < rest.size() && rest[n] >= 'a' && rest[n] <= 'z') ++n;
  // A capital only: a country acting in a headline is as often the scene
  // ("Ukraine Hits Depot in Occupied South").
  if (n == 0 && kind == "capital" && !possessive && !rest.empty() && rest[0] >= 'A' &&
      rest[0] <= 'Z') {
    std::size_t k = 1;
    while (k < rest.size() && rest[k] >= 'a' && rest[k] <= 'z') ++k;
    if (IsIn(Lower(rest.substr(0, k)), kTitleVerbs)) return true;
  }
  const std::string_view next = rest.substr(0, n);
  // A possessive before a part of the land is a place ("Ukraine's third
  // city", "Russia's Kursk region"); before anything else it is the state
  // ("Russia's navy", "Moscow's envoys").
  if (possessive) return n == 0 ? false : !StartsWithLandPart(rest);
  if (n == 0 || (n < rest.size() && (rest[n] == '-' || rest[n] == '\''))) return false;
  // The subject of an infinitive after a verb of asking or expecting:
  // "analysts expect Moscow to launch…", "the West urged Kyiv to hold".
  if (next == "to" && adjacent &&
      std::find(kCatenativeBefore.begin(), kCatenativeBefore.end(), prev) !=
          kCatenativeBefore.end())
    return true;
  if ((next == "has" || next == "have" || next == "had") && rest.substr(n).starts_with(" been"))
    return false;  // passive: "Kyiv has been hit"
  if (std::find(kActorVerbs.begin(), kActorVerbs.end(), next) != kActorVerbs.end()) return true;
  // h-places9: a state said to stand behind an act is a party, not its
  // scene: "Ruritania was behind the blast", "claims Osterlich is
  // responsible for the raid", "Ruritania behind attack" (headline).
  if (next == "behind") return true;
  if (next == "was" || next == "is" || next == "were" || next == "are") {
    std::string_view tail = rest.substr(n);
    for (std::string_view adv : {" directly", " deeply", " also", " partly", " not"})
      if (tail.starts_with(adv)) tail.remove_prefix(adv.size());
    for (std::string_view w : {" behind ", " responsible ", " involved ", " complicit "})
      if (tail.starts_with(w)) return true;
  }
  // A past-tense verb: "Russia insisted", "Moscow conceded" (not "-based").
  // A place that undergoes the act: "after Kyiv endured the largest drone
  // attack", "Odesa suffered new strikes" (h-places2).
  if (next == "endured" || next == "suffered" || next == "weathered" || next == "witnessed" ||
      next == "experienced")
    return false;
  return n > 3 && next.ends_with("ed");
}

// Words after an initialism that leave it a place: "in the U.S. last week".
constexpr std::array<std::string_view, 36> kAfterPlace = {
    "in",   "on",    "at",   "and",   "or",    "to",    "for",    "from",      "with",
    "by",   "of",    "last", "this",  "since", "after", "before", "until",     "during",
    "that", "which", "who",  "as",    "is",    "was",   "were",   "are",       "has",
    "have", "had",   "will", "would", "said",  "says",  "today",  "yesterday", "but"};

// An initialism used as a modifier is no place: "a U.S. embassy warehouse",
// "two US missionaries" (where the embassy or the missionaries were is not
// said). Only dotted initialisms ("U.S.") and short all-caps names ("US",
// "UK") in mixed-case text; "in the U.S. last week" stays a place.
bool Attributive(std::string_view text, const PlaceMention& m) {
  const std::string_view written = text.substr(m.begin, m.end - m.begin);
  std::size_t end = m.end;
  const bool dotted = written.find('.') != std::string_view::npos ||
                      (end < text.size() && text[end] == '.' && written.size() <= 3);
  if (end < text.size() && text[end] == '.') ++end;
  bool initialism = dotted && written.size() <= 5;
  if (!initialism && written.size() <= 3) {
    initialism = true;
    for (char c : written) initialism = initialism && c >= 'A' && c <= 'Z';
    // In upper-case text "US" is as likely the pronoun: leave it to the rest.
    if (initialism &&
        MostlyUpperCase(text.substr(end, std::min<std::size_t>(40, text.size() - end))))
      initialism = false;
  }
  if (!initialism || end + 1 >= text.size() || text[end] != ' ') return false;
  std::size_t n = end + 1;
  while (n < text.size() && IsLowerWordChar(text[n])) ++n;
  if (n == end + 1) return false;
  return !IsIn(Lower(text.substr(end + 1, n - end - 1)), kAfterPlace);
}

// A sea named before a port or a base on land ("an attack on a Black Sea
// base", "the Black Sea port of Odesa") says which coast, not where the act
// fell: the sea is no place of it (h-prec28). A ship or a fleet "in the
// Black Sea" keeps it.
constexpr std::array<std::string_view, 8> kShoreSites = {
    "base", "bases", "naval", "port", "ports", "airbase", "headquarters", "harbour"};

bool SeaBeforeShore(std::string_view text, const PlaceMention& m) {
  if (m.best().kind != "sea" || m.end + 1 >= text.size() || text[m.end] != ' ') return false;
  std::size_t n = m.end + 1;
  while (n < text.size() && text[n] >= 'a' && text[n] <= 'z') ++n;
  return IsIn(text.substr(m.end + 1, n - m.end - 1), kShoreSites);
}

// A region or a country in apposition right after a smaller place ("Raleigh,
// North Carolina", "Bakhmut, Donetsk Oblast", "Kramatorsk, Ukraine") says
// where that place lies: the smaller place is the event's (h-prec11).
// A city closed by a comma or a full stop qualifies the same way: "Buffalo,
// New York, was", where "New York" names the state (not a list: "Lviv, Kyiv
// and Odesa").
bool Qualifies(std::string_view text, std::span<const PlaceMention> mentions,
               const PlaceMention& m) {
  const std::string_view kind = m.best().kind;
  if (kind != "region" && kind != "country" && kind != "department" && kind != "territory" &&
      !(kind == "city" && (m.end == text.size() || text[m.end] == ',' || text[m.end] == '.')))
    return false;
  const std::string_view country = m.best().country;
  auto in_country = [&](const PlaceMention& p) {
    const std::string_view pk = p.best().kind;
    if (pk == "country" || p.begin == m.begin) return false;
    for (const Place* c : p.candidates)
      if (c->country == country) return true;
    return false;
  };
  if (kind == "country" || kind == "region") {
    // h-places6: a possessive country or region before a place of its own
    // ("in Ukraine's Kharkiv region", "Libya's Tripoli", "Ukraine's eastern
    // Donbas") says where that place lies; the place is the event's.
    std::string_view rest = text.substr(m.end);
    if (rest.starts_with("'s ") || rest.starts_with("\xE2\x80\x99s ")) {
      std::size_t at = m.end + (rest.front() == '\'' ? 3 : 5);
      for (int k = 0; k < 2; ++k) {  // up to two adjectives: "occupied southern"
        std::size_t n = at;
        while (n < text.size() && ((text[n] >= 'a' && text[n] <= 'z') || text[n] == '-')) ++n;
        if (n == at || n >= text.size() || text[n] != ' ' ||
            !(IsIn(text.substr(at, n - at), kLandAdjectives) ||
              text.substr(at, n - at) == "occupied"))
          break;
        at = n + 1;
      }
      for (const PlaceMention& p : mentions)
        if (p.begin == at && in_country(p)) return true;
    }
    // h-places14: a country used as a noun before "state of", "region of",
    // "province of"… ("in the Ruritania state of Port Vale") says where the
    // place after "of" lies; the place is the event's.
    static constexpr std::string_view kDivisionOf[] = {
        " state of ",    " province of ", " region of ",     " city of ",   " town of ",
        " district of ", " county of ",   " department of ", " oblast of ", " governorate of "};
    for (std::string_view d : kDivisionOf) {
      if (!rest.starts_with(d)) continue;
      for (const PlaceMention& p : mentions)
        if (p.begin == m.end + d.size() && in_country(p)) return true;
    }
    // "the city of Lviv in western Ukraine", "Donetsk in the east of
    // Ukraine" is not matched: a place, "in", at most "the" and a side.
    for (const PlaceMention& p : mentions) {
      if (p.end >= m.begin || !in_country(p)) continue;
      std::string_view between = text.substr(p.end, m.begin - p.end);
      if (!between.starts_with(" in ")) continue;
      between.remove_prefix(4);
      if (between.starts_with("the ")) between.remove_prefix(4);
      if (!between.empty()) {
        const std::size_t sp = between.find(' ');
        if (sp == std::string_view::npos || sp + 1 != between.size() ||
            !IsIn(between.substr(0, sp), kLandAdjectives) || between.substr(0, sp) == "second" ||
            between.substr(0, sp) == "third" || between.substr(0, sp) == "largest" ||
            between.substr(0, sp) == "biggest")
          continue;
      }
      return true;
    }
  }
  for (const PlaceMention& p : mentions) {
    if (p.end >= m.begin) continue;
    const std::string_view between = text.substr(p.end, m.begin - p.end);
    if (between.empty() || between.front() != ',' ||
        between.find_first_not_of(", ") != std::string_view::npos)
      continue;
    const std::string_view pk = p.best().kind;
    if (pk == "region" || pk == "country" || pk == "department" || pk == "territory") continue;
    for (const Place* c : p.candidates)
      if (c->country == m.best().country) return true;
  }
  return false;
}

// Speech verbs after a state that make it the speaker ("Bakhmut, Russia says").
constexpr std::array<std::string_view, 16> kSpeechAfter = {
    "says",  "said",  "say",    "claims", "claimed", "reports", "reported", "told",
    "tells", "warns", "warned", "added",  "insists", "denies",  "denied",   "announced"};

// Person nouns before "from <place>" that make the place a home, not where
// anything happened: "a Republican from Florida", "a lawmaker from Texas".
constexpr std::array<std::string_view, 14> kHomeFromRole = {
    "republican", "democrat",       "senator",    "congressman", "congresswoman",
    "lawmaker",   "representative", "legislator", "politician",  "mp",
    "candidate",  "governor",       "native",     "envoy"};

// h-places4: words of a later step of a story (the arrest, the trial, the
// burial) before "in"/"at" and a place: "a man who stabbed a guard was
// arrested in Leeds", "tried in a Paris court", "buried in Vinnytsia" say
// where that step happened, not where the act did.
constexpr std::array<std::string_view, 21> kLaterStep = {
    "arrested",   "detained", "apprehended", "caught",    "nabbed",    "charged",
    "arraigned",  "tried",    "sentenced",   "convicted", "jailed",    "imprisoned",
    "extradited", "buried",   "custody",     "court",     "courtroom", "courthouse",
    "funeral",    "deported", "hospitalised"};
// Of these, the steps that are themselves an arrest: the act of an arrest row.
constexpr std::array<std::string_view, 8> kArrestStep = {
    "arrested", "detained", "apprehended", "caught", "nabbed", "custody", "jailed", "imprisoned"};
// Words that may stand between the step and "in": "arrested on Monday in".
constexpr std::array<std::string_view, 14> kStepGap = {
    "on",   "later", "then",  "last",  "this",      "week",      "month",
    "year", "today", "early", "again", "overnight", "yesterday", "afterwards"};
// Person nouns whose "from <place>" is a home, not a scene: "a man from
// Leeds", "a teenager from Ohio".
constexpr std::array<std::string_view, 34> kPersonFrom = {
    "man",      "woman",    "men",       "women",  "boy",      "girl",      "teen",
    "teenager", "resident", "residents", "family", "couple",   "student",   "refugee",
    "refugees", "year-old", "dealer",    "worker", "official", "suspect",   "victim",
    "tourist",  "national", "citizen",   "mother", "father",   "son",       "daughter",
    "guard",    "soldier",  "officer",   "driver", "nurse",    "journalist"};

// Words before `pos` with their start offsets, nearest first, stopping at
// punctuation (as WordsBefore).
std::vector<std::pair<std::string, std::size_t>> WordsAt(std::string_view text, std::size_t pos,
                                                         int n) {
  std::vector<std::pair<std::string, std::size_t>> words;
  std::size_t i = pos;
  while (static_cast<int>(words.size()) < n && i > 0) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) --i;
    std::size_t j = i;
    while (j > 0 && (IsLowerWordChar(text[j - 1]) || text[j - 1] == '-' || text[j - 1] == '\'' ||
                     static_cast<unsigned char>(text[j - 1]) >= 0x80 ||
                     (text[j - 1] >= '0' && text[j - 1] <= '9')))
      --j;
    if (j == i) break;
    words.emplace_back(Lower(text.substr(j, i - j)), j);
    i = j;
  }
  return words;
}

// The trigger's first word, lower case.
std::string TriggerWord(std::string_view text, std::size_t trigger_begin) {
  std::size_t e = trigger_begin;
  while (e < text.size() && IsLowerWordChar(text[e])) ++e;
  return Lower(text.substr(trigger_begin, e - trigger_begin));
}

// An arrest's trigger: its own arrest words are the act, not a later step.
bool ArrestTrigger(std::string_view text, std::size_t trigger_begin) {
  const std::string trig = TriggerWord(text, trigger_begin);
  return trig.starts_with("arrest") || trig.starts_with("detain") ||
         trig.starts_with("detention") || trig.starts_with("custod") ||
         trig.starts_with("apprehen") || trig == "caught" || trig.starts_with("nab") ||
         trig == "held" || trig == "holding";
}

// h-places9: words before "from" that make the place after it a launch
// site or a force's origin ("rockets fired from", "drones coming from",
// "troops sent from"), not the scene.
constexpr std::array<std::string_view, 20> kLaunchBeforeFrom = {
    "fired",   "launched", "coming",   "originating", "sent",     "deployed", "moved",
    "brought", "flown",    "flying",   "drones",      "missiles", "rockets",  "attacks",
    "attack",  "fire",     "shelling", "shells",      "barrage",  "drone"};

// h-places9: a trigger whose act leaves a place ("withdrew from",
// "the retreat from", "evacuated from", "fled from", "pushed back from"):
// there the place after "from" is the act's own.
bool LeavingTrigger(std::string_view text, std::size_t trigger_begin) {
  static constexpr std::string_view kStems[] = {
      "withdr", "retreat", "pull",   "evacu",  "fle",    "expel",   "driv",    "drov",
      "push",   "forc",    "oust",   "escap",  "rescu",  "releas",  "free",    "exit",
      "leav",   "left",    "deport", "abduct", "kidnap", "hostage", "captive", "snatch",
      "seiz",   "taken",   "took",   "stol",   "steal",  "annex",   "captur"};
  const std::string trig = TriggerWord(text, trigger_begin);
  for (std::string_view stem : kStems)
    if (trig.starts_with(stem)) return true;
  return false;
}

}  // namespace

int Gazetteer::LaterStep(std::string_view text, const PlaceMention& m, std::size_t trigger_begin,
                         std::size_t trigger_end) {
  const auto before = WordsAt(text, m.begin, 9);
  std::size_t i = 0;
  while (i < before.size() && IsIn(before[i].first, kLocativeFill)) ++i;
  if (i < before.size() && before[i].first == "from") {
    // "a man from Leeds", "Jane Doe, 33, from Leeds": a person's home.
    if (i + 1 < before.size()) {
      const std::string& w = before[i + 1].first;
      // Not the person an act takes away: "kidnapped a girl from a park in".
      if (!ArrestTrigger(text, trigger_begin) && before[i + 1].second >= trigger_end &&
          before[i + 1].second - trigger_end <= 24)
        return 0;
      if (IsIn(w, kPersonFrom) || w.ends_with("-year-old") || w.ends_with("-old")) return 3;
      return 0;
    }
    std::size_t p = before.empty() ? m.begin : before[i].second;
    while (p > 0 && text[p - 1] == ' ') --p;
    if (p == 0 || text[p - 1] != ',') return 0;
    --p;
    while (p > 0 && text[p - 1] == ' ') --p;
    std::size_t d = p;
    while (d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9') --d;
    return d < p && p - d <= 2 && d > 0 && (text[d - 1] == ' ' || text[d - 1] == ',') ? 3 : 0;
  }
  if (i >= before.size() || (before[i].first != "in" && before[i].first != "at")) return 0;
  // "arrested in Atlanta protests": the place names the act itself.
  if (trigger_begin >= m.end && trigger_begin - m.end <= 24) {
    const std::string_view gap = text.substr(m.end, trigger_begin - m.end);
    bool name_of_act = gap.find_first_of(",;.()\"") == std::string_view::npos &&
                       std::count(gap.begin(), gap.end(), ' ') <= 3;
    // Not across a preposition: "arrested in Leeds for the killing".
    for (const auto& [w, at] : WordsAt(text, trigger_begin, 3))
      if (at >= m.end && (IsIn(w, kLocatives) || w == "for" || w == "over" || w == "after" ||
                          w == "of" || w == "with" || w == "by" || w == "following"))
        name_of_act = false;
    if (name_of_act) return 0;
  }
  const std::string trig = TriggerWord(text, trigger_begin);
  const bool arrest_trigger = ArrestTrigger(text, trigger_begin);
  for (std::size_t k = i + 1; k < before.size() && k <= i + 4; ++k) {
    const auto& [w, at] = before[k];
    if (at < trigger_end && at + w.size() > trigger_begin) return 0;  // the act itself
    if (IsIn(w, kLaterStep)) {
      if (arrest_trigger && IsIn(w, kArrestStep)) return 0;
      // "protesters outside the funeral in Sydney", "a fight at a court in
      // Leeds": the step's own place is the act's scene.
      if (w == "court" || w == "courthouse" || w == "courtroom" || w == "funeral")
        for (std::size_t q = k + 1; q < before.size() && q <= k + 4; ++q)
          if (before[q].first == "outside" || before[q].first == "near" ||
              before[q].first == "around" || before[q].first == "at")
            return 0;
      // "protesters were arrested in Leeds": those the trigger names were
      // arrested there, at the scene.
      if (at >= trigger_end && (trig.ends_with("ers") || trig.ends_with("ors") ||
                                trig.ends_with("ists") || trig.ends_with("men"))) {
        bool aux = true;
        for (std::size_t q = k + 1; q < before.size() && before[q].second >= trigger_end; ++q)
          aux = aux && (before[q].first == "were" || before[q].first == "was" ||
                        before[q].first == "been" || before[q].first == "have" ||
                        before[q].first == "had" || before[q].first == "are");
        if (aux) return 0;
      }
      // "injured and detained in Stockholm": one place for both.
      if (at >= trigger_end && at - trigger_end <= 48 &&
          text.substr(trigger_end, at - trigger_end).find(" and ") != std::string_view::npos)
        return 0;
      return at >= trigger_end ? 2 : 1;
    }
    const bool gap =
        IsIn(w, kStepGap) || (w[0] >= '0' && w[0] <= '9') || (text[at] >= 'A' && text[at] <= 'Z');
    if (!gap) return 0;
  }
  return 0;
}

namespace {

// True when "<role noun> from" stands right before `m`: a person's home state
// or town (h-prec16).
bool HomeFrom(std::string_view text, const PlaceMention& m) {
  const std::vector<std::string> before = WordsBefore(text, m.begin, 2);
  return before.size() == 2 && Lower(before[0]) == "from" && IsIn(Lower(before[1]), kHomeFromRole);
}

// h-places11: words of movement that make the place after "towards" a
// destination not yet reached ("troops marching towards the capital", "a
// possible advance towards the peninsula"): the act is where the movers
// are, not where they head. Not fire ("rockets fired towards Ruritania"
// fell there or were aimed at it).
constexpr std::array<std::string_view, 27> kMoveBeforeTowards = {
    "march",  "marched",   "marching",   "advance", "advanced", "advancing", "advances",
    "move",   "moved",     "moving",     "head",    "headed",   "heading",   "push",
    "pushed", "pushing",   "drove",      "driving", "rolled",   "rolling",   "raced",
    "racing", "retreated", "retreating", "fled",    "fleeing",  "marches"};

// True when "<movement word> towards" stands right before `m` (h-places11).
bool Destination(std::string_view text, const PlaceMention& m) {
  const std::vector<std::string> before = WordsBefore(text, m.begin, 2);
  if (before.size() != 2) return false;
  const std::string prep = Lower(before[0]);
  return (prep == "towards" || prep == "toward") && IsIn(Lower(before[1]), kMoveBeforeTowards);
}

// True when `m` is what another place borders: "the Belgorod region, which
// borders Ukraine", "an area bordering Ukraine", "the border with Syria" say
// where the scene lies, not that anything happened in Ukraine or Syria
// (h-places2).
bool Bordered(std::string_view text, const PlaceMention& m) {
  std::vector<std::string> before = WordsBefore(text, m.begin, 4);
  for (std::string& w : before) w = Lower(w);
  std::size_t i = 0;
  if (i < before.size() && before[i] == "the") ++i;
  if (i >= before.size()) return false;
  const std::string& w = before[i];
  if (w == "bordering" || w == "borders") return true;
  if (i + 1 < before.size() && (w == "with" || w == "by")) {
    const std::string& v = before[i + 1];
    return v == "border" || v == "borders" || v == "bordered" || v == "frontier";
  }
  return false;
}

// Words before "in"/"at" that make the place where someone spoke, not where
// the event happened: "the envoy told journalists in Germany", "he said in
// Kyiv", "a news conference in Warsaw" (h-places2).
constexpr std::array<std::string_view, 9> kSpokeBefore = {
    "said", "says", "speaking", "spoke", "conference", "briefing", "told", "tells", "telling"};
constexpr std::array<std::string_view, 6> kAudience = {"reporters", "journalists", "press",
                                                       "lawmakers", "parliament",  "media"};

bool SpeakerVenue(std::string_view text, const PlaceMention& m) {
  std::vector<std::string> before = WordsBefore(text, m.begin, 4);
  for (std::string& w : before) w = Lower(w);
  // A court names where a case is heard, not where the arrest or the attack
  // it tries happened: "a Moscow court extended his detention" ("outside a
  // Moscow court" stays: a locative governs; so does "arrested in court in
  // Islamabad").
  const std::string_view after = text.substr(m.end, 7);
  if ((after == " court " || after == " court," || after == " Court ") && !Governed(before))
    return true;
  if (before.size() < 2 || (before[0] != "in" && before[0] != "at")) return false;
  if (IsIn(before[1], kSpokeBefore))
    return (before[1] != "conference" && before[1] != "briefing") ||
           (before.size() >= 3 && (before[2] == "news" || before[2] == "press"));
  return before.size() >= 3 && IsIn(before[1], kAudience) &&
         (before[2] == "told" || before[2] == "tells" || before[2] == "telling" ||
          (before[2] == "the" && before.size() >= 4 &&
           (before[3] == "told" || before[3] == "tells" || before[3] == "telling")));
}

// Auxiliaries and adverbs between a passive subject and its participle:
// "Rivne was struck", "Kharkiv has been shelled again" (h-places2).
constexpr std::array<std::string_view, 16> kPassiveGap = {
    "was", "were",       "is",         "are",   "been", "being",   "has",   "have",
    "had", "reportedly", "repeatedly", "again", "also", "heavily", "badly", "once"};

// True when `m` is the subject of a passive whose participle is the trigger
// ("Rivne was struck while the team played in Madrid").
// Participles whose passive subject is a place, not a person ("Lawrence was
// killed" names a man).
constexpr std::array<std::string_view, 22> kPlaceParticiples = {
    "hit",    "shelled",   "struck",    "bombed",     "targeted",   "rocked",
    "shaken", "pounded",   "bombarded", "damaged",    "destroyed",  "captured",
    "seized", "liberated", "retaken",   "recaptured", "surrounded", "besieged",
    "raided", "stormed",   "blockaded", "flooded"};

bool PassiveSubject(std::string_view text, const PlaceMention& m, std::size_t trigger_begin) {
  if (m.end >= trigger_begin || trigger_begin - m.end > 40) return false;
  std::size_t te = trigger_begin;
  while (te < text.size() && IsLowerWordChar(text[te])) ++te;
  if (!IsIn(Lower(text.substr(trigger_begin, te - trigger_begin)), kPlaceParticiples)) return false;
  // "the ex-leader of Pakistan was arrested": the end of a
  // longer subject, not the subject.
  const std::vector<std::string> before = WordsBefore(text, m.begin, 1);
  if (!before.empty()) {
    const std::string b = Lower(before.front());
    if (b == "of" || b == "from" || b == "for" || b == "by" || b == "with" || b == "against")
      return false;
  }
  const std::string_view gap = text.substr(m.end, trigger_begin - m.end);
  bool aux = false;
  std::size_t i = 0;
  while (i < gap.size()) {
    if (gap[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < gap.size() && IsLowerWordChar(gap[j])) ++j;
    if (j == i) return false;  // punctuation or a digit
    const std::string w = Lower(gap.substr(i, j - i));
    if (!IsIn(w, kPassiveGap)) return false;
    aux = aux || w == "was" || w == "were" || w == "is" || w == "are" || w == "been";
    i = j;
  }
  return aux;
}

// True when `m` is followed by ", where" or " where" and the trigger stands
// in that relative clause: "the capital Khartoum, where fighting went
// on" (h-places2).
bool WhereClause(std::string_view text, const PlaceMention& m, std::size_t trigger_begin) {
  if (m.end >= trigger_begin) return false;
  std::string_view rest = text.substr(m.end, trigger_begin - m.end);
  if (rest.starts_with(",")) rest.remove_prefix(1);
  if (!rest.starts_with(" where ")) return false;
  const std::size_t after = m.end + (text.size() - m.end - rest.size()) + 7;
  return !CrossesClause(text, after, trigger_begin);
}

// Distance in km between two places (equirectangular; enough to tell a
// state's town from a namesake across the country).
double ApproxKm(const Place& a, const Place& b) {
  constexpr double kRad = 3.14159265358979 / 180.0;
  const double x =
      (b.longitude - a.longitude) * kRad * std::cos((a.latitude + b.latitude) * 0.5 * kRad);
  const double y = (b.latitude - a.latitude) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

// The region or country in apposition right after a city-like mention `m`
// ("Monrovia, Maryland", "Lincolnshire, Illinois,"), or null. Not a list:
// "Moscow, Ukraine and the West" names three things, and a country or a
// region before the comma is itself the larger place.
const PlaceMention* QualifierAfter(std::string_view text, std::span<const PlaceMention> mentions,
                                   const PlaceMention& m) {
  const std::string_view mk = m.best().kind;
  if (mk == "country") return nullptr;
  for (const PlaceMention& q : mentions) {
    if (q.begin <= m.end) continue;
    const std::string_view between = text.substr(m.end, q.begin - m.end);
    if (between.empty() || between.front() != ',' ||
        between.find_first_not_of(", ") != std::string_view::npos)
      return nullptr;
    const std::string_view qk = q.best().kind;
    if (qk != "region" && qk != "country") return nullptr;
    std::size_t a = q.end;
    while (a < text.size() && text[a] == ' ') ++a;
    // "Bakhmut, Russia says": the state is the speaker, not the qualifier.
    std::size_t w = a;
    while (w < text.size() && text[w] >= 'a' && text[w] <= 'z') ++w;
    if (IsIn(text.substr(a, w - a), kSpeechAfter)) return nullptr;
    const std::string_view rest = text.substr(a, 4);
    if (rest.starts_with("and ") || rest.starts_with("or ") || rest.starts_with("& ") ||
        (a < text.size() && text[a] == ',' && q.end + 1 < text.size() &&
         text.substr(q.end + 1).find_first_not_of(' ') != std::string_view::npos &&
         (text.substr(q.end + 1)
              .substr(text.substr(q.end + 1).find_first_not_of(' '), 4)
              .starts_with("and "))))
      return nullptr;
    return &q;
  }
  return nullptr;
}

}  // namespace

// The key of a name: its token hashes combined in order (names that
// normalise alike have the same key; as in NameIndex, a 64-bit collision is
// not checked for).
std::uint64_t NameKey(std::span<const NameToken> tokens) {
  std::uint64_t h = 0x510e527fade682d1ULL + tokens.size();
  for (const NameToken& t : tokens) h = CombineTokenHash(h, t.hash);
  return h;
}

// uint64 key (a hash) -> uint32, open addressing: no allocation per entry.
class KeyMap {
 public:
  explicit KeyMap(std::size_t n = 0) { Rehash(n); }
  // The value of `key`; `value` inserted first when absent (*inserted true).
  std::uint32_t& Emplace(std::uint64_t key, std::uint32_t value, bool* inserted) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(size_ + 1);
    Slot& slot = Probe(key);
    *inserted = !slot.used;
    if (!slot.used) {
      slot = {key, value, true};
      ++size_;
    }
    return slot.value;
  }
  void Reserve(std::size_t n) { Rehash(n); }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    bool used = false;
  };
  Slot& Probe(std::uint64_t key) {
    std::size_t i = static_cast<std::size_t>(key ^ (key >> 29)) & mask_;
    while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask_;
    return slots_[i];
  }
  void Rehash(std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (cap <= slots_.size()) return;
    std::vector<Slot> old(cap);
    old.swap(slots_);
    mask_ = cap - 1;
    for (const Slot& slot : old)
      if (slot.used) Probe(slot.key) = slot;
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, size_ = 0;
};

struct Gazetteer::Impl {
  // Addresses are taken only once all files are read (Finish, FromImage).
  std::vector<Place> places;
  // Spellings of places in the order added (a place's are not contiguous
  // when a later file redefines it): the place, its tokens in
  // spelling_tokens, its NameKey.
  struct Spelling {
    std::uint32_t place = 0, first = 0, count = 0;
    std::uint64_t key = 0;
  };
  std::vector<Spelling> spellings;
  std::vector<NameToken> spelling_tokens;
  std::vector<bool> dead;
  std::vector<std::uint32_t> place_file;  // file that defined each place: index in file_names
  std::vector<std::uint8_t> place_kind;   // index in kKinds of each place's kind
  std::vector<std::string> file_names;
  NameIndex index;
  // Index ids -> candidates: group g is group_places[group_start[g],
  // group_start[g + 1]).
  std::vector<const Place*> group_places;
  std::vector<std::uint32_t> group_start;
  [[nodiscard]] std::span<const Place* const> Group(std::uint32_t g) const {
    return {group_places.data() + group_start[g], group_start[g + 1] - group_start[g]};
  }
  std::unordered_set<std::uint64_t> prefix_ok, suffix_bad, suffix_role, suffix_home, person_next,
      opener_ok;
  std::unordered_map<std::string, const Place*> countries;  // ISO code -> kind country
  std::unordered_map<std::string, const Place*> capitals;   // ISO code -> kind capital

  struct AliasLine {
    std::string name, country, kind;
    std::vector<std::string> alts;
    SourceLocation at;
    std::string line;
  };
  std::vector<AliasLine> aliases;
  KeyMap defined;  // NameKey of the name combined with country and kind -> place
  std::vector<std::string> stopwords;

  void ParseTsv(std::string_view file, std::string_view text, DiagnosticSink& sink);
  // Adds a spelling of place `id` whose tokens are spelling_tokens[first..].
  void AddSpelling(std::size_t id, std::size_t first) {
    const auto n = spelling_tokens.size() - first;
    spellings.push_back({static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(first),
                         static_cast<std::uint32_t>(n),
                         NameKey(std::span<const NameToken>(spelling_tokens).subspan(first, n))});
  }
  void ParseStopwords(std::string_view text);
  void Finish(DiagnosticSink& sink);
  // prefix_ok, suffix_bad, suffix_role… (Finish; FromImage).
  void AddContextWords();
};

void Gazetteer::Impl::ParseStopwords(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    stopwords.emplace_back(t);
  }
}

void Gazetteer::Impl::ParseTsv(std::string_view file, std::string_view text, DiagnosticSink& sink) {
  std::size_t line_start = 0;
  int line_no = 0;
  std::vector<std::string_view> f;
  f.reserve(8);
  const auto file_id = static_cast<std::uint32_t>(
      std::find(file_names.begin(), file_names.end(), file) - file_names.begin());
  if (file_id == file_names.size()) file_names.emplace_back(file);
  std::size_t lines = 0;  // find (memchr): std::count here cost 5 M instructions
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
    ++lines;
  // Geometric growth: many small files (a user's) do not copy the places each time.
  if (places.capacity() < places.size() + lines)
    places.reserve(std::max(places.size() + lines, places.capacity() + places.capacity() / 2));
  spellings.reserve(spellings.size() + lines + lines / 8);
  spelling_tokens.reserve(spelling_tokens.size() + 2 * lines);
  defined.Reserve(places.size() + lines);
  dead.reserve(dead.size() + lines);
  place_file.reserve(place_file.size() + lines);
  while (line_start < text.size()) {
    std::size_t nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(line_start, nl - line_start);
    line_start = nl + 1;
    ++line_no;
    if (Trim(line).empty() || line.front() == '#') continue;
    SplitTabs(line, f);
    auto error = [&](std::size_t field, std::string message, std::string code) {
      Diagnostic d;
      d.code = std::move(code);
      d.at.file = std::string(file);
      d.at.line = line_no;
      std::size_t col_off = 0;
      for (std::size_t k = 0; k < field && k < f.size(); ++k) col_off += f[k].size() + 1;
      d.at.column = LineColAt(line, std::min(col_off, line.size())).column;
      d.message = std::move(message);
      d.source_line = std::string(line);
      d.caret_length = field < f.size() ? std::max<int>(1, static_cast<int>(f[field].size())) : 1;
      if (d.code.front() == 'W') d.severity = Severity::kWarning;
      sink.Report(std::move(d));
    };
    if (f.size() != 8) {
      error(0,
            "expected 8 tab-separated fields (name, alt_names, country, lat, lon, population, "
            "kind, source), found " +
                std::to_string(f.size()),
            "E060");
      continue;
    }
    const std::string_view name = Trim(f[0]);
    if (name.empty()) {
      error(0, "empty place name", "E061");
      continue;
    }
    const std::string_view country = Trim(f[2]);
    if (!country.empty() && (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' ||
                             country[1] < 'A' || country[1] > 'Z')) {
      error(2,
            "bad country code '" + std::string(country) +
                "'; expected ISO 3166-1 alpha-2 such as 'UA'",
            "E062");
      continue;
    }
    const std::string_view kind = Trim(f[6]);
    const auto kind_no =
        static_cast<std::uint64_t>(std::find(kKinds.begin(), kKinds.end(), kind) - kKinds.begin());
    if (kind_no == kKinds.size()) {
      std::string msg = "unknown place kind '" + std::string(kind) + "'";
      for (std::string_view k : kKinds)
        if (EditDistance(kind, k) <= 2) {
          msg += "; did you mean '" + std::string(k) + "'?";
          break;
        }
      error(6, msg, "E065");
      continue;
    }
    // Calls fn(alt) for each non-empty alternate name, in order.
    auto for_each_alt = [&](auto&& fn) {
      std::string_view rest = f[1];
      while (!rest.empty()) {
        const std::size_t bar = rest.find('|');
        const std::string_view a = Trim(rest.substr(0, bar));
        if (!a.empty()) fn(a);
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
    };
    const std::string_view lat_s = Trim(f[3]), lon_s = Trim(f[4]), pop_s = Trim(f[5]);
    // One tokenisation of the name serves the check, the key and the index.
    const std::size_t name_first = spelling_tokens.size();
    AppendNameTokens(name, spelling_tokens);
    const std::size_t name_count = spelling_tokens.size() - name_first;
    if (name_count == 0 || name_count > NameIndex::kMaxTokens) {
      spelling_tokens.resize(name_first);
      error(0, "place name '" + std::string(name) + "' has no letters or more than 12 words",
            "E067");
      continue;
    }
    if (lat_s.empty() && lon_s.empty()) {
      spelling_tokens.resize(name_first);
      std::vector<std::string> alts;
      for_each_alt([&](std::string_view a) { alts.emplace_back(a); });
      AliasLine a{std::string(name),
                  std::string(country),
                  std::string(kind),
                  std::move(alts),
                  SourceLocation{std::string(file), line_no, 1},
                  std::string(line)};
      aliases.push_back(std::move(a));
      continue;
    }
    double lat = 0, lon = 0;
    if (!ParseDouble(lat_s, &lat) || lat < -90 || lat > 90) {
      spelling_tokens.resize(name_first);
      error(3, "bad latitude '" + std::string(lat_s) + "'; expected decimal degrees -90..90",
            "E063");
      continue;
    }
    if (!ParseDouble(lon_s, &lon) || lon < -180 || lon > 180) {
      spelling_tokens.resize(name_first);
      error(4, "bad longitude '" + std::string(lon_s) + "'; expected decimal degrees -180..180",
            "E063");
      continue;
    }
    std::int64_t pop = 0;
    if (!pop_s.empty()) {
      auto [p, ec] = std::from_chars(pop_s.data(), pop_s.data() + pop_s.size(), pop);
      if (ec != std::errc() || p != pop_s.data() + pop_s.size() || pop < 0) {
        spelling_tokens.resize(name_first);
        error(5, "bad population '" + std::string(pop_s) + "'; expected a whole number", "E064");
        continue;
      }
    }
    // A later file may redefine a place (same name, country and kind).
    const std::uint64_t country_no =
        country.empty() ? 0
                        : (static_cast<std::uint64_t>(static_cast<unsigned char>(country[0])) << 8 |
                           static_cast<unsigned char>(country[1]));
    const std::uint64_t key = CombineTokenHash(
        NameKey(std::span<const NameToken>(spelling_tokens).subspan(name_first, name_count)),
        (country_no << 8 | kind_no) + 1);
    std::size_t id = places.size();
    bool inserted = false;
    std::uint32_t& defined_id = defined.Emplace(key, static_cast<std::uint32_t>(id), &inserted);
    if (!inserted && place_file[defined_id] != file_id) id = defined_id;
    defined_id = static_cast<std::uint32_t>(id);
    if (id == places.size()) {
      places.emplace_back();
      dead.push_back(false);
      place_file.push_back(file_id);
      place_kind.push_back(static_cast<std::uint8_t>(kind_no));
    } else {
      places[id] = Place();
      place_file[id] = file_id;
      place_kind[id] = static_cast<std::uint8_t>(kind_no);
    }
    // Appended to the new empty strings: cheaper than assignment or a move.
    Place& place = places[id];
    place.name.append(name);
    place.country.append(country);
    place.latitude = lat;
    place.longitude = lon;
    place.population = pop;
    place.kind.append(kind);
    place.source.append(Trim(f[7]));
    AddSpelling(id, name_first);
    for_each_alt([&](std::string_view a) {
      const std::size_t first = spelling_tokens.size();
      AppendNameTokens(a, spelling_tokens);
      AddSpelling(id, first);
    });
  }
}

void Gazetteer::Impl::Finish(DiagnosticSink& sink) {
  const auto tokens_of = [&](const Spelling& sp) {
    return std::span<const NameToken>(spelling_tokens).subspan(sp.first, sp.count);
  };
  // Alias lines: rename the most populous matching place and add spellings.
  if (!aliases.empty()) {
    // The places of each spelling an alias line names, in place order (only
    // those: a map of every spelling cost more than the rest of the load).
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_name;
    // Per alias line: the first of its spellings (name, then alternates).
    std::vector<std::size_t> alias_first;
    std::vector<Spelling> alias_spellings;
    alias_first.reserve(aliases.size() + 1);
    for (const AliasLine& a : aliases) {
      alias_first.push_back(alias_spellings.size());
      auto add = [&](std::string_view text) {
        const auto first = static_cast<std::uint32_t>(spelling_tokens.size());
        AppendNameTokens(text, spelling_tokens);
        Spelling sp;
        sp.first = first;
        sp.count = static_cast<std::uint32_t>(spelling_tokens.size() - first);
        sp.key = NameKey(tokens_of(sp));
        alias_spellings.push_back(sp);
        by_name.try_emplace(sp.key);
      };
      add(a.name);
      for (const std::string& alt : a.alts) add(alt);
    }
    alias_first.push_back(alias_spellings.size());
    for (const Spelling& sp : spellings) {
      if (auto it = by_name.find(sp.key); it != by_name.end()) it->second.push_back(sp.place);
    }
    for (auto& [key, ks] : by_name) std::sort(ks.begin(), ks.end());
    for (std::size_t ai = 0; ai < aliases.size(); ++ai) {
      const AliasLine& a = aliases[ai];
      std::size_t best = places.size();
      for (std::size_t n = alias_first[ai]; n < alias_first[ai + 1]; ++n) {
        auto it = by_name.find(alias_spellings[n].key);
        if (it == by_name.end()) continue;
        for (std::size_t k : it->second) {
          if (places[k].country != a.country) continue;
          if (best == places.size() || places[k].population > places[best].population) best = k;
        }
      }
      if (best == places.size()) {
        Diagnostic d;
        d.severity = Severity::kWarning;
        d.code = "W066";
        d.at = a.at;
        d.message = "alias line '" + a.name + "' has no coordinates and matches no place" +
                    (a.country.empty() ? std::string() : " in '" + a.country + "'");
        d.source_line = a.line;
        d.caret_length = static_cast<int>(a.name.size());
        sink.Report(std::move(d));
        continue;
      }
      places[best].name = a.name;
      for (std::size_t n = alias_first[ai]; n < alias_first[ai + 1]; ++n) {
        Spelling sp = alias_spellings[n];
        sp.place = static_cast<std::uint32_t>(best);
        spellings.push_back(sp);
      }
    }
  }
  // Each place's spellings in the order added (a stable counting sort).
  std::vector<std::uint32_t> start(places.size() + 1, 0);
  for (const Spelling& sp : spellings) ++start[sp.place + 1];
  for (std::size_t k = 0; k < places.size(); ++k) start[k + 1] += start[k];
  std::vector<std::uint32_t> order(spellings.size());
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::size_t n = 0; n < spellings.size(); ++n)
      order[next[spellings[n].place]++] = static_cast<std::uint32_t>(n);
  }
  // Group spellings by normalised name: groups numbered in order of first
  // spelling, each group's places in order of first spelling.
  KeyMap group_of(spellings.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> members;  // (group, place)
  members.reserve(spellings.size());
  std::uint32_t n_groups = 0;
  std::vector<const Place*> place_at;  // &places[k]
  place_at.reserve(places.size());
  for (const Place& p : places) place_at.push_back(&p);
  index.Reserve(spelling_tokens.size() + stopwords.size());
  for (std::size_t k = 0; k < places.size(); ++k) {
    if (dead[k]) continue;
    for (std::uint32_t o = start[k]; o < start[k + 1]; ++o) {
      const Spelling& sp = spellings[order[o]];
      bool inserted = false;
      const std::uint32_t g = group_of.Emplace(sp.key, n_groups, &inserted);
      if (inserted) ++n_groups;
      members.emplace_back(g, static_cast<std::uint32_t>(k));
      index.Add(tokens_of(sp), g);
    }
  }
  group_start.assign(n_groups + 1, 0);
  for (const auto& [g, k] : members) ++group_start[g + 1];
  for (std::uint32_t g = 0; g < n_groups; ++g) group_start[g + 1] += group_start[g];
  group_places.assign(members.size(), nullptr);
  {
    std::vector<std::uint32_t> next(group_start.begin(), group_start.end() - 1);
    for (const auto& [g, k] : members) {
      const Place* p = place_at[k];
      const auto first = group_places.begin() + group_start[g];
      const auto last = group_places.begin() + next[g];
      if (std::find(first, last, p) == last) group_places[next[g]++] = p;
    }
    // Close the gaps left by places named twice in a group.
    std::size_t out = 0;
    for (std::uint32_t g = 0; g < n_groups; ++g) {
      const std::size_t from = group_start[g], to = next[g];
      group_start[g] = static_cast<std::uint32_t>(out);
      for (std::size_t n = from; n < to; ++n) group_places[out++] = group_places[n];
    }
    group_start[n_groups] = static_cast<std::uint32_t>(out);
    group_places.resize(out);
  }
  // Countries first, then by population (a stable insertion sort: groups are
  // small, most of one place).
  for (std::uint32_t g = 0; g < n_groups; ++g) {
    const auto first = group_places.begin() + group_start[g];
    const auto last = group_places.begin() + group_start[g + 1];
    for (auto it = first + (first == last ? 0 : 1); it < last; ++it) {
      const Place* p = *it;
      auto hole = it;
      while (hole != first) {
        const Place* q = *(hole - 1);
        const int rp = KindRank(p->kind), rq = KindRank(q->kind);
        if (!(rp < rq || (rp == rq && p->population > q->population))) break;
        *hole = q;
        --hole;
      }
      *hole = p;
    }
  }
  for (std::size_t k = 0; k < places.size(); ++k) {
    if (dead[k]) continue;
    const Place* p = place_at[k];
    if (place_kind[k] == kCountryKind) countries.emplace(p->country, p);
    if (place_kind[k] == kCapitalKind) {
      auto [it, inserted] = capitals.emplace(p->country, p);
      if (!inserted && p->population > it->second->population) it->second = p;
    }
  }
  for (const std::string& s : stopwords) index.AddStopword(s);
  AddContextWords();
}

void Gazetteer::Impl::AddContextWords() {
  for (std::string_view w : kPrefixOk) prefix_ok.insert(WordHash(w));
  for (std::string_view w : kSuffixBad) suffix_bad.insert(WordHash(w));
  for (std::string_view w : kSuffixRole) suffix_role.insert(WordHash(w));
  for (std::string_view w : kSuffixHome) suffix_home.insert(WordHash(w));
  for (std::string_view w : kPersonNext) person_next.insert(WordHash(w));
  for (std::string_view w : kOpenerOk) opener_ok.insert(WordHash(w));
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

std::unique_ptr<Gazetteer> Gazetteer::LoadFromStrings(
    const std::vector<std::pair<std::string, std::string>>& files, DiagnosticSink& sink) {
  auto impl = std::make_unique<Impl>();
  for (const auto& [name, text] : files) {
    if (name.size() >= 13 && name.compare(name.size() - 13, 13, "stopwords.txt") == 0)
      impl->ParseStopwords(text);
    else
      impl->ParseTsv(name, text, sink);
  }
  impl->Finish(sink);
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

std::vector<std::pair<std::string, std::string>> Gazetteer::ReadFiles(
    const std::vector<std::string>& rule_dirs, DiagnosticSink& sink) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& dir : rule_dirs) {
    const fs::path places_dir = fs::path(dir) / "places";
    std::error_code ec;
    if (!fs::is_directory(places_dir, ec)) continue;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(places_dir, ec)) {
      const fs::path& p = entry.path();
      if (p.extension() == ".tsv" || p.filename() == "stopwords.txt") paths.push_back(p);
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        sink.Error(SourceLocation{p.string(), 0, 0}, "cannot read places file");
        continue;
      }
      std::string text;
      in.seekg(0, std::ios::end);
      const std::streamoff size = in.tellg();
      in.seekg(0, std::ios::beg);
      if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
      }
      files.emplace_back(p.string(), std::move(text));
    }
  }
  return files;
}

std::unique_ptr<Gazetteer> Gazetteer::Load(const std::vector<std::string>& rule_dirs,
                                           DiagnosticSink& sink, std::string_view image) {
  const auto files = ReadFiles(rule_dirs, sink);
  if (!image.empty()) {
    if (auto g = FromImage(image, SourceKey(files))) return g;
  }
  return LoadFromStrings(files, sink);
}

// ---- the build-time image (issue 7) -----------------------------------------
//
// Native byte order and layout: an image is read only by a binary built
// with the one that wrote it. Header: kImageMagic, kImageFormat (u32), 4
// bytes of padding, the source key (2 x u64), the payload size (u64) and
// its XXH3-64 (u64). Payload: the places (four strings as u32 length and
// bytes, latitude, longitude, population, dead flag), the groups (starts,
// then place numbers), countries and capitals (ISO code, place number) and
// the NameIndex (NameIndex::AppendImage). Everything else Impl holds serves
// only the text parse.

namespace {

constexpr char kImageMagic[8] = {'E', 'L', 'G', 'A', 'Z', 'I', 'M', 'G'};
constexpr std::uint32_t kImageFormat = 1;
constexpr std::size_t kImageHeader = 8 + 4 + 4 + 16 + 8 + 8;

using binio::PutRaw;
using binio::PutString;

struct ImageReader {
  const char* p;
  const char* end;
  bool ok = true;
  template <typename T>
  T Raw() {
    T v{};
    if (static_cast<std::size_t>(end - p) < sizeof(T)) {
      ok = false;
      return v;
    }
    std::memcpy(&v, p, sizeof(T));
    p += sizeof(T);
    return v;
  }
  std::string_view String() {
    const auto n = Raw<std::uint32_t>();
    if (!ok || static_cast<std::size_t>(end - p) < n) {
      ok = false;
      return {};
    }
    const std::string_view s(p, n);
    p += n;
    return s;
  }
  // A count of items of at least `min_bytes` each that can fit in what is left.
  std::size_t Count(std::size_t min_bytes) {
    const auto n = Raw<std::uint64_t>();
    if (!ok || n > static_cast<std::uint64_t>(end - p) / min_bytes) {
      ok = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
};

}  // namespace

std::pair<std::uint64_t, std::uint64_t> Gazetteer::SourceKey(
    const std::vector<std::pair<std::string, std::string>>& files) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, kImageMagic, sizeof kImageMagic);
  XXH3_128bits_update(st, &kImageFormat, sizeof kImageFormat);
  const auto hash = [&](std::string_view s) {
    const std::uint64_t n = s.size();
    XXH3_128bits_update(st, &n, sizeof n);
    XXH3_128bits_update(st, s.data(), s.size());
  };
  for (const auto& [name, text] : files) {
    const std::size_t slash = name.find_last_of('/');
    hash(slash == std::string::npos ? std::string_view(name)
                                    : std::string_view(name).substr(slash + 1));
    hash(text);
  }
  const XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  return {h.high64, h.low64};
}

std::string Gazetteer::Image(std::pair<std::uint64_t, std::uint64_t> source_key) const {
  const Impl& m = *impl_;
  std::unordered_map<const Place*, std::uint32_t> number;
  number.reserve(m.places.size());
  std::string payload;
  PutRaw<std::uint64_t>(payload, m.places.size());
  for (std::size_t k = 0; k < m.places.size(); ++k) {
    const Place& p = m.places[k];
    number.emplace(&p, static_cast<std::uint32_t>(k));
    PutString(payload, p.name);
    PutString(payload, p.country);
    PutString(payload, p.kind);
    PutString(payload, p.source);
    PutRaw(payload, p.latitude);
    PutRaw(payload, p.longitude);
    PutRaw(payload, p.population);
    PutRaw<std::uint8_t>(payload, m.dead[k] ? 1 : 0);
  }
  PutRaw<std::uint64_t>(payload, m.group_start.size());
  for (std::uint32_t s : m.group_start) PutRaw(payload, s);
  PutRaw<std::uint64_t>(payload, m.group_places.size());
  for (const Place* p : m.group_places) PutRaw(payload, number.at(p));
  for (const auto* table : {&m.countries, &m.capitals}) {
    // Sorted: the same files give the same image.
    std::map<std::string, std::uint32_t> sorted;
    for (const auto& [iso, p] : *table) sorted.emplace(iso, number.at(p));
    PutRaw<std::uint64_t>(payload, sorted.size());
    for (const auto& [iso, k] : sorted) {
      PutString(payload, iso);
      PutRaw(payload, k);
    }
  }
  m.index.AppendImage(payload);
  std::string out(kImageMagic, sizeof kImageMagic);
  PutRaw(out, kImageFormat);
  PutRaw<std::uint32_t>(out, 0);
  PutRaw(out, source_key.first);
  PutRaw(out, source_key.second);
  PutRaw<std::uint64_t>(out, payload.size());
  PutRaw<std::uint64_t>(out, XXH3_64bits(payload.data(), payload.size()));
  out += payload;
  return out;
}

std::unique_ptr<Gazetteer> Gazetteer::FromImage(
    std::string_view image, std::pair<std::uint64_t, std::uint64_t> source_key) {
  if (image.size() < kImageHeader || std::memcmp(image.data(), kImageMagic, 8) != 0) return nullptr;
  ImageReader h{image.data() + 8, image.data() + kImageHeader};
  const auto format = h.Raw<std::uint32_t>();
  (void)h.Raw<std::uint32_t>();
  const auto key_high = h.Raw<std::uint64_t>(), key_low = h.Raw<std::uint64_t>();
  const auto size = h.Raw<std::uint64_t>(), checksum = h.Raw<std::uint64_t>();
  if (!h.ok || format != kImageFormat || key_high != source_key.first ||
      key_low != source_key.second || size != image.size() - kImageHeader)
    return nullptr;
  const std::string_view payload = image.substr(kImageHeader);
  if (XXH3_64bits(payload.data(), payload.size()) != checksum) return nullptr;

  auto impl = std::make_unique<Impl>();
  Impl& m = *impl;
  ImageReader r{payload.data(), payload.data() + payload.size()};
  const std::size_t n_places = r.Count(4 * 4 + 8 * 3 + 1);
  m.places.reserve(n_places);
  m.dead.resize(n_places);
  for (std::size_t k = 0; k < n_places && r.ok; ++k) {
    // Appended to the new empty strings: cheaper than assignment or a move.
    Place& p = m.places.emplace_back();
    p.name.append(r.String());
    p.country.append(r.String());
    p.kind.append(r.String());
    p.source.append(r.String());
    p.latitude = r.Raw<double>();
    p.longitude = r.Raw<double>();
    p.population = r.Raw<std::int64_t>();
    m.dead[k] = r.Raw<std::uint8_t>() != 0;
  }
  if (!r.ok) return nullptr;
  std::vector<const Place*> place_at;
  place_at.reserve(n_places);
  for (const Place& p : m.places) place_at.push_back(&p);
  m.group_start.resize(r.Count(4));
  for (std::uint32_t& s : m.group_start) s = r.Raw<std::uint32_t>();
  m.group_places.resize(r.Count(4));
  for (const Place*& p : m.group_places) {
    const auto k = r.Raw<std::uint32_t>();
    if (k >= n_places) return nullptr;
    p = place_at[k];
  }
  // Every group lies inside group_places.
  for (std::size_t g = 0; g + 1 < m.group_start.size(); ++g)
    if (m.group_start[g] > m.group_start[g + 1]) return nullptr;
  if (!m.group_start.empty() && m.group_start.back() > m.group_places.size()) return nullptr;
  for (auto* table : {&m.countries, &m.capitals}) {
    const std::size_t n = r.Count(4 + 4);
    for (std::size_t i = 0; i < n && r.ok; ++i) {
      const std::string_view iso = r.String();
      const auto k = r.Raw<std::uint32_t>();
      if (k >= n_places) return nullptr;
      table->emplace(std::string(iso), place_at[k]);
    }
  }
  if (!r.ok || !m.index.ReadImage(&r.p, r.end) || r.p != r.end) return nullptr;
  m.AddContextWords();
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

std::vector<PlaceMention> Gazetteer::FindAll(std::string_view text, std::size_t begin,
                                             std::size_t end, LetterCase letter_case) const {
  std::vector<PlaceMention> out;
  if (end > text.size()) end = text.size();
  if (begin >= end) return out;
  const bool any_case =
      letter_case == LetterCase::kAnyCase ||
      (letter_case == LetterCase::kAuto && MostlyUpperCase(text.substr(begin, end - begin)));
  const std::vector<NameToken> tokens = TokenizeNames(text, begin, end);
  std::vector<NameIndex::Hit> hits;
  impl_->index.FindAll(tokens, any_case, hits);
  // h-places2: in a headline set in title case ("Guards Wounded In St.
  // Petersburg Depot Raid", "Drone Swarm Pounds Kyiv") a capital letter next to a
  // place says nothing: only the organisation words still join it to a name.
  const bool title_case = !any_case && StrictTitleCase(tokens);
  for (const NameIndex::Hit& h : hits) {
    if (h.ids == nullptr || h.ids->empty()) continue;
    const std::span<const Place* const> group = impl_->Group(h.ids->front());
    if (group.empty()) continue;
    if (!any_case) {
      // "Boris Johnson": a capitalised word right before, not sentence-initial.
      if (h.first > 0 && !tokens[h.first].hard_gap_before) {
        const NameToken& prev = tokens[h.first - 1];
        std::size_t q = prev.begin;
        while (q > begin && (text[q - 1] == ' ' || text[q - 1] == '\t')) --q;
        const bool initial = q == begin || text[q - 1] == '.' || text[q - 1] == '\n' ||
                             text[q - 1] == '"' || text[q - 1] == '!' || text[q - 1] == '?' ||
                             static_cast<unsigned char>(text[q - 1]) >= 0x80;
        const bool hyphen_joined =
            text.substr(prev.end, tokens[h.first].begin - prev.end).find('-') !=
            std::string_view::npos;
        // In title case a capitalised word before still makes a person's
        // or a product's name when a possessive follows ("Tom Vaughan's
        // Club"); a country's possessive stays ("Shelling Ukraine's Capital").
        const std::string_view after_name = text.substr(tokens[h.last].end, 4);
        const bool possessive_after =
            after_name.starts_with("'s") || after_name.starts_with("\xE2\x80\x99s");
        const bool title_ok = title_case && !(possessive_after && group.front()->kind != "country");
        // h-places6: a country's or region's possessive before a place of
        // its own ("in Ukraine's Kharkiv region", "Libya's Tripoli") ends
        // that name; the place after it is a place.
        const std::string_view gap = text.substr(prev.end, tokens[h.first].begin - prev.end);
        bool owner_before = false;
        if (gap == "'s " || gap == "\xE2\x80\x99s ") {
          for (const NameIndex::Hit& o : hits) {
            if (o.ids == nullptr || o.ids->empty() || o.last + 1 != h.first) continue;
            const std::span<const Place* const> og = impl_->Group(o.ids->front());
            if (og.empty() || (og.front()->kind != "country" && og.front()->kind != "region"))
              continue;
            for (const Place* c : group)
              owner_before = owner_before || c->country == og.front()->country;
            // h-places9: a state's possessive before a place and its act
            // ("Ruritania's Vale bombing") names the act's place, wherever
            // it lies.
            if (og.front()->kind == "country" && text.substr(tokens[h.last].end, 1) == " ") {
              const std::size_t w = tokens[h.last].end + 1;
              std::size_t e = w;
              while (e < text.size() && text[e] >= 'a' && text[e] <= 'z') ++e;
              owner_before = owner_before || IsIn(text.substr(w, e - w), kStateActs);
            }
          }
        }
        // An alias that opens with a lower-case word ("port of Odesa") does
        // not continue a capitalised name: "the Black Sea port of Odesa".
        if (!title_ok && !owner_before && prev.capitalised && tokens[h.first].capitalised &&
            !hyphen_joined && !impl_->prefix_ok.count(prev.hash) &&
            (!initial || (!impl_->opener_ok.count(prev.hash) &&
                          PersonAfter(text, tokens, h.last, impl_->person_next))))
          continue;
      }
      // "Vladimir Putin", "Kyiv Independent": a capitalised word right after
      // (one space) makes it part of a longer name, unless it is a country or
      // a short initialism used as a modifier ("a Gaza UN school", "the Kabul
      // US embassy"): an initialism does not continue a person's name.
      if (h.last + 1 < tokens.size() && !tokens[h.last + 1].hard_gap_before &&
          tokens[h.last + 1].capitalised) {
        const NameToken& next = tokens[h.last + 1];
        const bool one_space =
            next.begin == tokens[h.last].end + 1 && text[tokens[h.last].end] == ' ';
        const bool initialism = next.all_caps && next.end - next.begin <= 4;
        if (impl_->suffix_bad.count(next.hash) ||
            (one_space && !title_case && group.front()->kind != "country" && !initialism &&
             !impl_->prefix_ok.count(next.hash)))
          continue;
        // h-prec16: a country that is also a given name, then a surname and
        // a lower-case word or a stop ("Jordan Neely was killed", "Chad
        // Daybell, 55,"), in a sentence not set in title case, is a person.
        if (one_space && !initialism && h.first == h.last &&
            GivenNameCountry(
                text.substr(tokens[h.first].begin, tokens[h.first].end - tokens[h.first].begin)) &&
            !IsIn(Lower(text.substr(next.begin, next.end - next.begin)), kAfterGivenName) &&
            (h.last + 2 >= tokens.size() || tokens[h.last + 2].hard_gap_before ||
             !tokens[h.last + 2].capitalised) &&
            !TitleCase(tokens))
          continue;
      }
    }
    // h-prec17: "pro-Palestine rally", "an anti-Israel protest", "Pro-Ukraine
    // activists": a side's name after a stance prefix and a hyphen says whom
    // people back or oppose, never where they are ("a pro-Russia town" is in
    // Ukraine or Moldova, not in Russia).
    if (const std::size_t b = tokens[h.first].begin; b >= 4 && text[b - 1] == '-') {
      std::size_t a = b - 1;
      while (a > 0 && IsLowerWordChar(text[a - 1])) --a;
      const std::string prefix = Lower(text.substr(a, b - 1 - a));
      if ((a == 0 || !IsLowerWordChar(text[a - 1])) &&
          (prefix == "pro" || prefix == "anti" || prefix == "non"))
        continue;
      // h-places11: a legislator's party and state ("Rep. Ann Roe, D-Mich.",
      // "(R-Texas)", "(I-Vt.)") say whom the member represents, not where
      // anything happened: a lone D, R or I and a hyphen before the name.
      const char party = text[b - 2];
      if ((party == 'D' || party == 'R' || party == 'I') &&
          (text[b - 3] == ' ' || text[b - 3] == '(' || text[b - 3] == ','))
        continue;
    }
    if (!any_case && h.last + 1 < tokens.size()) {
      const NameToken& last = tokens[h.last];
      const NameToken& next = tokens[h.last + 1];
      // "Moscow-annexed Crimea", "Kyiv-based", "Iran-backed": a place joined
      // by a hyphen to a lower-case word modifies the noun after it (a
      // longer name such as Rostov-on-Don has already won as the longest).
      if (next.lower && next.begin == last.end + 1 && text[last.end] == '-') continue;
      // "a Hollywood producer", "Lyon fans": a person's or a team's origin.
      // In a title-case headline the same words come capitalised ("Ohio
      // Man Charged", "Freed Norway Pilot").
      const bool next_word = next.lower || (title_case && next.capitalised);
      if (next_word && next.begin == last.end + 1 && text[last.end] == ' ' &&
          impl_->suffix_role.count(next.hash))
        continue;
      // "a Maryland man", "an Ohio family": a home state or country.
      const std::string_view kind = group.front()->kind;
      if (next_word && next.begin == last.end + 1 && text[last.end] == ' ' &&
          (kind == "region" || kind == "country") && impl_->suffix_home.count(next.hash))
        continue;
    }
    // h-prec16: "Perry, who shot…", "Jordan, 23, was…": a relative "who"
    // or an age in commas after the name makes it a person's (a country may
    // take "who" in loose speech: "Russia, who invaded"; it keeps its place).
    if (!any_case && AgeOrWhoAfter(text, tokens[h.last].end, group.front()->kind != "country"))
      continue;
    // "MEDELLIN CARTEL", "KYIV POST" in upper-case text: an organisation.
    if (any_case && h.last + 1 < tokens.size() && !tokens[h.last + 1].hard_gap_before &&
        impl_->suffix_bad.count(tokens[h.last + 1].hash))
      continue;
    // h-places10: a seat of government is a place only as a scene.
    if (group.front()->kind == "seat" && !SeatIsScene(text, tokens[h.first].begin)) continue;
    PlaceMention m;
    m.begin = tokens[h.first].begin;
    m.end = tokens[h.last].end;
    m.candidates = group;
    out.push_back(m);
  }
  return out;
}

namespace {

// A region of another country that shares a country's name ("Georgia", the
// US state), or null when `m` is no country's name or has no such namesake.
const Place* ForeignRegion(const PlaceMention& m) {
  if (m.best().kind != "country") return nullptr;
  for (const Place* p : m.candidates)
    if (p->kind == "region" && p->country != m.best().country) return p;
  return nullptr;
}

}  // namespace

CountryCounts Gazetteer::CountCountries(std::span<const PlaceMention> mentions) {
  std::map<std::string, int> counts;
  for (const PlaceMention& m : mentions) {
    const std::string& c = m.best().country;
    if (c.empty()) continue;
    bool one = true;
    for (const Place* p : m.candidates) one = one && p->country == c;
    // A country with a namesake region abroad ("Georgia") is no hint.
    if (one || (m.best().kind == "country" && ForeignRegion(m) == nullptr)) ++counts[c];
  }
  CountryCounts out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

void Gazetteer::AddNamesakeCues(std::string_view text, std::span<const PlaceMention> mentions,
                                CountryCounts& hint) {
  // Words of a country's own news that its namesake region's news does not
  // use: read on the 2023-01..03 war pools, where Georgia's "foreign agents"
  // protests went to the US state (h-places5). Whole words, case as written.
  struct Cues {
    std::string_view country;
    std::array<std::string_view, 6> words;
  };
  static constexpr std::array<Cues, 1> kCues{{
      {"GE", {"Georgian", "Georgians", "parliament", "Soviet", "foreign agent", "Kremlin"}},
  }};
  const auto is_word = [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; };
  for (const PlaceMention& m : mentions) {
    if (ForeignRegion(m) == nullptr) continue;
    const std::string& country = m.best().country;
    if (std::any_of(hint.begin(), hint.end(),
                    [&](const auto& h) { return h.first == country && h.second > 0; }))
      continue;
    for (const Cues& cues : kCues) {
      if (cues.country != country) continue;
      bool found = false;
      for (std::string_view w : cues.words) {
        for (std::size_t at = text.find(w); !found && at != std::string_view::npos;
             at = text.find(w, at + 1)) {
          const std::size_t end = at + w.size();
          found = (at == 0 || !is_word(static_cast<unsigned char>(text[at - 1]))) &&
                  (end == text.size() || !is_word(static_cast<unsigned char>(text[end])) ||
                   text[end] == 's');
        }
        if (found) break;
      }
      if (found) hint.emplace_back(country, 1);
    }
  }
}

const Place& Gazetteer::Resolve(const PlaceMention& mention, const CountryCounts& hint) {
  if (const Place* region = ForeignRegion(mention)) {
    // "Georgia": the country when the document names its places, or more
    // foreign places than the state's country ("Russia's war in Georgia");
    // else the US state ("his arrest in Georgia", "a Georgia nightclub
    // shooting"; h-prec13).
    int own = 0, state = 0, other = 0;
    for (const auto& [country, count] : hint)
      (country == mention.best().country ? own
       : country == region->country      ? state
                                         : other) += std::max(count, 0);
    return own > 0 || other > state ? mention.best() : *region;
  }
  if (mention.best().kind == "country" || mention.candidates.size() == 1) return mention.best();
  // A capital keeps its name against a small namesake of a hinted country:
  // "Paris" in a report that also names New York is not Paris, Texas
  // (h-prec11; "San Miguel" has no capital to keep).
  const Place& first = mention.best();
  // h-places2: so does a city of a hinted country against a namesake of
  // another hinted country with less than a tenth of its people: "Donetsk"
  // in a report that names Russia more often than Ukraine is still Donetsk,
  // Ukraine, not the small Donetsk of the Rostov region.
  bool first_hinted = false;
  for (const auto& [country, count] : hint)
    first_hinted = first_hinted || (count > 0 && country == first.country);
  for (const auto& [country, count] : hint) {
    if (count <= 0) continue;
    for (const Place* p : mention.candidates)
      if (p->country == country) {
        if ((first.kind == "capital" || first_hinted) && p != &first &&
            p->population * 10 < first.population)
          return first;
        return *p;
      }
  }
  return mention.best();
}

PlaceChoice Gazetteer::ChoosePlace(std::string_view text, std::span<const PlaceMention> mentions,
                                   std::size_t trigger_begin, std::size_t trigger_end,
                                   std::optional<std::pair<std::size_t, std::size_t>> location,
                                   const CountryCounts& hint) const {
  PlaceChoice choice;
  auto take = [&](const PlaceMention& m, PlaceChoice::Reason why) {
    choice.place = &Resolve(m, hint);
    choice.begin = m.begin;
    choice.end = m.end;
    choice.reason = why;
    // h-prec16: a state or a country in apposition right after the place
    // says which namesake it is ("Monrovia, Maryland" is no capital of
    // Liberia, "Lincolnshire, Illinois" no English county); when none of the
    // place's namesakes lies there, the qualifier is the place we know.
    // h-places2: "Ukraine's capital", "the capital of Sudan" name the capital.
    if (choice.place->kind == "country") {
      const std::string_view rest = text.substr(m.end, 12);
      const std::vector<std::string> before = WordsBefore(text, m.begin, 2);
      const std::string low = Lower(rest);
      if (low.starts_with("'s capital") || low.starts_with("\xE2\x80\x99s capital") ||
          (before.size() == 2 && Lower(before[0]) == "of" && Lower(before[1]) == "capital")) {
        if (const Place* cap = CapitalPlace(choice.place->country)) {
          choice.place = cap;
          return choice;
        }
      }
    }
    if (const PlaceMention* q = QualifierAfter(text, mentions, m)) {
      // The namesake in the qualifier's country; for a state, the one
      // nearest to it, and none farther than about 1,000 km from its middle
      // ("Monrovia, Maryland" is no Monrovia of California).
      const Place* same = nullptr;
      double best_km = 0;
      for (const Place* c : m.candidates) {
        for (const Place* qc : q->candidates) {
          if (c->country != qc->country) continue;
          const double km = qc->kind == "region" ? ApproxKm(*c, *qc) : 0;
          if (qc->kind == "region" && km > 1000) continue;
          if (same == nullptr || km < best_km) same = c, best_km = km;
        }
      }
      if (same != nullptr) {
        choice.place = same;
      } else {
        choice.place = &Resolve(*q, hint);
        choice.begin = q->begin;
        choice.end = q->end;
      }
    }
    return choice;
  };
  if (location && location->second > location->first) {
    // h-places6: in a capture such as "in Ukraine's Kharkiv region" the
    // country qualifies the place after it: the place is taken.
    const PlaceMention* first = nullptr;
    for (const PlaceMention& m : mentions) {
      if (m.begin < location->first || m.end > location->second) continue;
      if (first == nullptr) first = &m;
      if (!Qualifies(text, mentions, m)) return take(m, PlaceChoice::Reason::kCapture);
    }
    if (first != nullptr) return take(*first, PlaceChoice::Reason::kCapture);
    const std::vector<PlaceMention> inside =
        FindAll(text, location->first, location->second, LetterCase::kAnyCase);
    if (!inside.empty()) return take(inside.front(), PlaceChoice::Reason::kCapture);
  }
  auto distance = [&](const PlaceMention& m) -> std::size_t {
    if (m.begin >= trigger_end) return m.begin - trigger_end;
    if (m.end <= trigger_begin) return trigger_begin - m.end;
    return 0;
  };
  auto same_clause = [&](const PlaceMention& m) {
    if (m.begin >= trigger_end) return !CrossesClause(text, trigger_end, m.begin);
    if (m.end <= trigger_begin) return !CrossesClause(text, m.end, trigger_begin);
    return true;
  };
  auto locative = [&](const PlaceMention& m) {
    if (Governed(WordsBefore(text, m.begin, 6))) return true;
    if (m.begin < trigger_end || !same_clause(m)) return false;
    // Right after the trigger ("shelled the city of Kharkiv"): at most four
    // filler words or adjectives between.
    const std::vector<std::string> between =
        WordsBefore(text.substr(0, m.begin).substr(trigger_end), m.begin - trigger_end, 5);
    if (between.size() > 4) return false;
    // h-places9: a place after "from" names where fire was launched or
    // troops came from ("a missile fired from Ruritania struck a ship off
    // Port Vale"), not where the act fell; only a leaving act takes it
    // ("the retreat from Kyiv", "evacuated from the plant").
    if (!LeavingTrigger(text, trigger_begin) &&
        std::any_of(between.begin(), between.end(),
                    [](const std::string& w) { return Lower(w) == "from"; }))
      return false;
    // The word next to the trigger may be its verb ("shelling hit Kharkiv").
    for (std::size_t k = 0; k < between.size(); ++k) {
      const std::string& w = between[k];
      const std::string l = Lower(w);
      const bool fill =
          std::find(kLocativeFill.begin(), kLocativeFill.end(), l) != kLocativeFill.end();
      if (!fill && l.find('-') == std::string::npos && !(w[0] >= 'A' && w[0] <= 'Z') &&
          k + 1 != between.size())
        return false;
    }
    return true;
  };
  // h-places9: as the nearest name, a place an act or a force came from
  // ("tanks moved from as far away as Ruritania to the front near Port
  // Vale") gives way to any other place of the sentence.
  const bool leaving = LeavingTrigger(text, trigger_begin);
  auto origin = [&](const PlaceMention& m) {
    if (leaving) return false;
    const std::vector<std::string> before = WordsBefore(text, m.begin, 8);
    bool far = false;
    for (std::size_t k = 0; k < before.size(); ++k) {
      const std::string l = Lower(before[k]);
      if (l == "from")
        return far || (k + 1 < before.size() && IsIn(Lower(before[k + 1]), kLaunchBeforeFrom));
      if (l == "far") far = true;
      if (l != "as" && l != "far" && l != "away" && !IsIn(l, kLocativeFill)) return false;
    }
    return false;
  };
  const PlaceMention* best = nullptr;
  for (int pass = 0; pass < 4 && best == nullptr; ++pass) {
    const PlaceMention* finer = nullptr;
    for (const PlaceMention& m : mentions) {
      if (StandsForState(text, m) || Attributive(text, m) || Qualifies(text, mentions, m) ||
          NamesWater(text, m) || SeaBeforeShore(text, m) || HomeFrom(text, m) ||
          Bordered(text, m) || SpeakerVenue(text, m) || Destination(text, m))
        continue;
      // h-places4: the place of a later step or of a person's home gives
      // way to any place phrase of the act; as the nearest place it stands
      // only when the step is told before the act ("arrested in Leeds after
      // a stabbing"), not after it ("a man who stabbed … was arrested in").
      if (const int later = LaterStep(text, m, trigger_begin, trigger_end);
          later != 0 && (pass < 2 || later >= 2))
        continue;
      const bool own =
          PassiveSubject(text, m, trigger_begin) || WhereClause(text, m, trigger_begin);
      if (pass == 0 && !own && !(same_clause(m) && locative(m))) continue;
      if (pass == 1 && !locative(m)) continue;
      if (pass == 2 && origin(m)) continue;
      if (best == nullptr || distance(m) < distance(*best)) best = &m;
      // h-places17: a finer place of the same state, governed in the
      // trigger's clause, says where in it ("at Ruritania's main depot in
      // the port of Vale"): kept aside, the nearest such.
      // Not a destination ("a train to Vale").
      if (pass == 0 && Resolve(m, hint).kind != "country" &&
          (finer == nullptr || distance(m) < distance(*finer))) {
        const std::string by = GoverningWord(WordsBefore(text, m.begin, 6));
        if (by != "to" && by != "towards" && by != "toward") finer = &m;
      }
    }
    // The state stays when the act covers it ("strikes across Ruritania")
    // or falls on it right after the trigger ("drone attacks on Ruritania",
    // not "the attack on the Ruritania capital of Vale").
    const auto whole_state = [&](const PlaceMention& m) {
      const std::vector<std::string> before = WordsBefore(text, m.begin, 6);
      const std::string by = GoverningWord(before);
      if (by == "across" || by == "throughout") return true;
      if ((by == "on" || by == "against") && m.begin >= trigger_end &&
          WordsBefore(text.substr(0, m.begin).substr(trigger_end), m.begin - trigger_end, 3)
                  .size() <= 2) {
        const std::string after = Lower(text.substr(m.end, 10));
        return !after.starts_with(" capital") && !after.starts_with("'s") &&
               !after.starts_with("\xe2\x80\x99s");
      }
      return false;
    };
    // h-places17: a state taken as the act's place in its own clause while
    // the clause also governs a city, a region or a site of that state: the
    // finer place ("an explosion at Ruritania's fuel depot in the capital of
    // Vale", "a gunfight near the Ruritania-Osterlich border in Vale
    // district": Vale).
    if (best != nullptr && finer != nullptr && finer != best &&
        Resolve(*best, hint).kind == "country" && !whole_state(*best) &&
        Resolve(*finer, hint).country == Resolve(*best, hint).country)
      best = finer;
    if (best != nullptr)
      return take(*best,
                  pass >= 2 ? PlaceChoice::Reason::kNearest : PlaceChoice::Reason::kLocative);
  }
  return choice;
}

namespace {

// Titles before a person's name, with or without a full stop.
constexpr std::string_view kPersonTitle[] = {"mr",  "mrs",  "ms",  "miss", "mx",   "dr",   "prof",
                                             "rep", "sen",  "gov", "sir",  "dame", "lord", "lady",
                                             "sgt", "cpl",  "det", "insp", "supt", "capt", "lt",
                                             "col", "cllr", "rev", "fr"};

// Lower-case role nouns that stand before a person's given name and
// surname: "pilot Greg Lynn", "newspaper tycoon Jimmy Lai", "the actor".
// A verb never stands here ("told Reuters Kyiv…"), so none is listed.
constexpr std::string_view kPersonRole[] = {
    "pilot",       "tycoon",      "mogul",         "citizen",      "publisher",     "activist",
    "journalist",  "reporter",    "lawmaker",      "congressman",  "congresswoman", "senator",
    "candidate",   "actor",       "actress",       "singer",       "rapper",        "director",
    "founder",     "leader",      "officer",       "suspect",      "defendant",     "teacher",
    "student",     "businessman", "businesswoman", "entrepreneur", "executive",     "star",
    "player",      "coach",       "minister",      "president",    "governor",      "mayor",
    "judge",       "lawyer",      "attorney",      "spokesman",    "spokeswoman",   "spokesperson",
    "dissident",   "footballer",  "writer",        "author",       "artist",        "billionaire",
    "comedian",    "presenter",   "host",          "anchor",       "pastor",        "priest",
    "rabbi",       "imam",        "doctor",        "nurse",        "soldier",       "sergeant",
    "captain",     "commander",   "colonel",       "prosecutor",   "detective",     "victim",
    "father",      "mother",      "son",           "daughter",     "wife",          "husband",
    "brother",     "sister",      "boyfriend",     "girlfriend",   "partner",       "colleague",
    "counterpart", "cousin",      "uncle",         "aunt",         "friend",        "neighbour",
    "neighbor",    "boss",        "chairman",      "chairwoman",   "ceo",           "chief",
    "filmmaker",   "producer"};

// Words before a given name that make "<word> <Given> <Place>" a place's
// own name ("San Jose California", "Port Elizabeth"), not a person's.
constexpr std::string_view kPlacePrefix[] = {
    "san",   "santa", "santo", "sao", "los",  "las",  "saint",  "st",    "ste",
    "port",  "fort",  "mount", "mt",  "lake", "cape", "puerto", "porto", "ciudad",
    "villa", "el",    "la",    "de",  "del",  "do",   "da",     "dos"};

// The word ending right before `pos` after one or more spaces (letters and
// full stops), or empty when something else stands there.
std::string_view WordBefore(std::string_view text, std::size_t pos) {
  std::size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  if (e == pos) return {};
  std::size_t b = e;
  while (b > 0 && (IsLowerWordChar(text[b - 1]) || text[b - 1] == '.')) --b;
  return text.substr(b, e - b);
}

// `word` as the name lists hold it: lower case, trailing full stops dropped
// ("Gen." gen).
std::string ListKey(std::string_view word) {
  std::string w = Lower(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  return w;
}

bool InList(std::string_view word, std::span<const std::string_view> list) {
  const std::string w = ListKey(word);
  return std::find(list.begin(), list.end(), w) != list.end();
}

// "Greg", "Jimmy": a capital and at least one lower-case letter, nothing else.
bool GivenNameShape(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i] < 'a' || w[i] > 'z') return false;
  return true;
}

// True when `word` (any case, a trailing full stop dropped) is in `sorted`,
// a sorted lower-case list.
bool InSorted(std::string_view word, std::span<const std::string> sorted) {
  return std::binary_search(sorted.begin(), sorted.end(), ListKey(word));
}

// True when the occurrence of a name at text[b, e) reads as a person's;
// `given_names` is the sorted lower-case {GIVEN_NAME} lexicon.
bool PersonAt(std::string_view text, std::size_t b, std::size_t e,
              std::span<const std::string> given_names) {
  // "Lai, 76, is facing…": an age in commas.
  std::size_t q = e;
  if (q + 1 < text.size() && text[q] == ',' && text[q + 1] == ' ') {
    std::size_t d = q + 2, n = 0;
    while (d < text.size() && text[d] >= '0' && text[d] <= '9') ++d, ++n;
    if (n >= 1 && n <= 3 && d < text.size() && text[d] == ',') return true;
  }
  const std::string_view w1 = WordBefore(text, b);
  if (w1.empty()) return false;
  if (InList(w1, kPersonTitle)) return true;  // "Mr Lai", "Rep. Santos"
  if (!GivenNameShape(w1)) return false;
  const std::string_view w0 = WordBefore(text, static_cast<std::size_t>(w1.data() - text.data()));
  // h-places12: a common given name right before ("Fernando Roe was shot"),
  // sentence-initial too, unless a place's first word stands before it.
  // The names are rules/lexicons/given_name.txt (h-places14; a list in this
  // file before).
  if (InSorted(w1, given_names) && (w0.empty() || !InList(w0, kPlacePrefix))) return true;
  return !w0.empty() && (InList(w0, kPersonTitle) || InList(w0, kPersonRole));
}

}  // namespace

std::vector<std::string> Gazetteer::GivenNames(std::span<const std::string> lexicon) {
  std::vector<std::string> names;
  names.reserve(lexicon.size());
  for (const std::string& n : lexicon) names.push_back(Lower(n));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> Gazetteer::PersonNames(std::string_view text,
                                                std::span<const PlaceMention> mentions,
                                                std::span<const std::string> given_names) {
  std::vector<std::string> names;
  for (const PlaceMention& m : mentions) {
    if (m.end > text.size() || m.begin >= m.end) continue;
    const std::string_view name = text.substr(m.begin, m.end - m.begin);
    if (!std::all_of(name.begin(), name.end(), IsLowerWordChar)) continue;  // one plain word
    bool state = false;
    for (const Place* p : m.candidates)
      state = state || p->kind == "country" || p->kind == "capital";
    if (state || std::find(names.begin(), names.end(), name) != names.end()) continue;
    for (std::size_t at = text.find(name); at != std::string_view::npos;
         at = text.find(name, at + 1)) {
      const std::size_t end = at + name.size();
      if ((at > 0 && IsLowerWordChar(text[at - 1])) ||
          (end < text.size() && IsLowerWordChar(text[end])))
        continue;
      if (PersonAt(text, at, end, given_names)) {
        names.emplace_back(name);
        break;
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

// Words right before a place that make it the cause a protest stands for or
// against (h-prec17): "a rally for Gaza", "solidarity with Israel", "a march
// against Russia", "protests over Gaza", "stop bombing Gaza", "the conflict
// between Israel and Hamas".
constexpr std::array<std::string_view, 20> kCauseBefore = {
    "for",     "with",       "against",  "about",     "over",      "support",  "supporting",
    "backing", "behind",     "defend",   "regarding", "free",      "liberate", "between",
    "bombing", "bombarding", "invading", "occupying", "besieging", "attacking"};

// Nouns of harm before "in/of/on/to <place>" that make the place the cause:
// "a ceasefire in Gaza", "the bombing of Gaza", "the war on Gaza".
constexpr std::array<std::string_view, 28> kCauseNoun = {
    "ceasefire", "cease-fire", "truce",       "war",        "conflict",   "genocide", "violence",
    "bombing",   "bombings",   "bombardment", "offensive",  "onslaught",  "invasion", "occupation",
    "siege",     "blockade",   "attacks",     "airstrikes", "strikes",    "killings", "deaths",
    "fighting",  "crisis",     "massacre",    "assault",    "aggression", "aid",      "fate"};

// Nouns of stance or people before "of <place>" only: "in support of
// Israel", "the people of Gaza" ("people in Sydney" is a scene).
constexpr std::array<std::string_view, 9> kCauseOf = {"support",   "solidarity", "people",
                                                      "civilians", "children",   "residents",
                                                      "victims",   "liberation", "freedom"};

// Nouns right after a place that make it the cause: "a Gaza ceasefire
// march", "the Ukraine war protest".
constexpr std::array<std::string_view, 12> kCauseAfter = {
    "ceasefire",  "cease-fire", "truce",   "war",      "conflict", "genocide",
    "solidarity", "hostages",   "hostage", "invasion", "crisis",   "victims"};

}  // namespace

bool Gazetteer::NamesCause(std::string_view text, const PlaceMention& m) {
  std::string_view rest = text.substr(m.end);
  // "over San Francisco's Bay Bridge": a part of the place is a scene.
  if (rest.starts_with("'s ") || rest.starts_with("\xE2\x80\x99s ")) return false;
  const std::vector<std::string> before = WordsBefore(text, m.begin, 4);
  if (!before.empty()) {
    const std::string w0 = Lower(before[0]);
    if (IsIn(w0, kCauseBefore)) return true;
    std::size_t i = 1;
    if (i < before.size() && Lower(before[i]) == "the") ++i;
    if ((w0 == "in" || w0 == "of" || w0 == "on" || w0 == "to") && i < before.size()) {
      const std::string noun = Lower(before[i]);
      // "a Gaza ceasefire in New York": the cause is named before the noun,
      // the place after it is the scene.
      const bool named =
          i + 1 < before.size() && before[i + 1][0] >= 'A' && before[i + 1][0] <= 'Z';
      if (!named && (IsIn(noun, kCauseNoun) || (w0 == "of" && IsIn(noun, kCauseOf)))) return true;
    }
  }
  if (!rest.starts_with(" ")) return false;
  rest.remove_prefix(1);
  std::size_t n = 0;
  while (n < rest.size() && (IsLowerWordChar(rest[n]) || rest[n] == '-')) ++n;
  return n > 0 && IsIn(Lower(rest.substr(0, n)), kCauseAfter);
}

namespace {

// A word of a reference phrase read backwards from `pos`: letters, digits,
// hyphens and apostrophes ("Hamas's", "Oct.", "7th"); a full stop only
// closes a short capitalised abbreviation ("Oct.", "Nov."). Returns the
// word's start, or npos at punctuation or the sentence's start.
std::size_t WordStartBack(std::string_view text, std::size_t lo, std::size_t pos,
                          std::size_t* word_end) {
  std::size_t i = pos;
  while (i > lo && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) --i;
  std::size_t e = i;
  if (e > lo && text[e - 1] == '.') --e;
  std::size_t j = e;
  while (j > lo && (IsLowerWordChar(text[j - 1]) || text[j - 1] == '-' || text[j - 1] == '\'' ||
                    static_cast<unsigned char>(text[j - 1]) >= 0x80 ||
                    (text[j - 1] >= '0' && text[j - 1] <= '9')))
    --j;
  if (j == e) return std::string_view::npos;
  if (e != i && !(e - j <= 4 && text[j] >= 'A' && text[j] <= 'Z')) return std::string_view::npos;
  *word_end = i;
  return j;
}

// Harm told in the main clause: the reference's own toll or damage, told
// where it happened ("two were killed in Lviv after the strike").
// An arrest after an act is made at its scene ("five were arrested in Leeds
// after protesters blocked a road").
constexpr std::array<std::string_view, 37> kHarmBefore = {
    "killed",      "kills",    "kill",     "dead",        "died",      "dies",     "death",
    "deaths",      "injured",  "injuring", "wounded",     "hurt",      "damaged",  "destroyed",
    "fire",        "fires",    "blaze",    "ablaze",      "toll",      "rubble",   "evacuated",
    "trapped",     "blackout", "outages",  "arrested",    "arrests",   "detained", "arrest",
    "arresting",   "hospital", "smoke",    "destruction", "displaced", "fled",     "flee",
    "catastrophe", "crisis"};

// A nationality adjective by its ending ("Ruritanian", "Freedonese",
// "Zubrowkish", "Qurac-i"): "after Ruritanian strikes" is no name of a
// known act.
bool Demonym(std::string_view w) {
  return w.ends_with("an") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("i") ||
         w.ends_with("ch") || w.ends_with("ic");
}

// Verbs of a relative clause that make the noun before it the start of a
// longer episode: "the raid that sparked the war".
constexpr std::array<std::string_view, 8> kSparkVerbs = {
    "sparked", "triggered", "started", "ignited", "began", "set", "precipitated", "provoked"};

// h-places16: an act named by its date ("the Oct. 7 attack", "Hamas's 7
// October assault", "its March 3, 2022, raid", "the attack of 7 October")
// is a known, earlier act, referenced as the time's episode: it takes its own
// phrase's place like an act after a cue. Returns where the naming phrase
// starts (the determiner or possessive before the date), or npos.
constexpr std::array<std::string_view, 24> kMonthWords = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};

bool MonthWord(std::string_view w) {
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
  if (w.ends_with(".")) w.remove_suffix(1);
  const std::string l = Lower(w);
  return IsIn(l, kMonthWords);
}

// "7", "7th", "23rd": a day of the month.
bool DayWord(std::string_view w) {
  std::size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return false;
  const std::string_view rest = w.substr(n);
  return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
}

bool YearWord(std::string_view w) {
  return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) && w[2] >= '0' &&
         w[2] <= '9' && w[3] >= '0' && w[3] <= '9';
}

bool NamingWord(std::string_view w) {
  const std::string l = Lower(w);
  return l == "the" || l == "its" || l == "their" || l == "his" || l == "her" || l == "an" ||
         l == "a" || l.ends_with("'s") || l.ends_with("s'") || l.ends_with("\xE2\x80\x99s") ||
         l.ends_with("s\xE2\x80\x99");
}

// Tokens of `text` between `lo` and `hi` split at spaces, with their starts;
// a trailing comma is dropped ("2019,").
std::vector<std::pair<std::size_t, std::string_view>> Tokens(std::string_view text, std::size_t lo,
                                                             std::size_t hi) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  std::size_t i = lo;
  while (i < hi) {
    while (i < hi && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < hi && text[j] != ' ') ++j;
    if (j > i) {
      std::string_view t = text.substr(i, j - i);
      if (t.ends_with(",")) t.remove_suffix(1);
      out.emplace_back(i, t);
    }
    i = j;
  }
  return out;
}

}  // namespace

std::size_t Gazetteer::DateNamedAct(std::string_view text, std::size_t sentence_begin,
                                    std::size_t trigger_begin, std::size_t trigger_end) {
  constexpr std::size_t npos = std::string_view::npos;
  // Before the trigger: <naming word> <date> [up to three modifiers] trigger.
  const std::size_t lo = trigger_begin > sentence_begin + 64 ? trigger_begin - 64 : sentence_begin;
  auto before = Tokens(text, lo, trigger_begin);
  if (lo > sentence_begin && !before.empty()) before.erase(before.begin());  // a cut word
  for (std::size_t skip = 0; skip <= 3 && skip < before.size(); ++skip) {
    const std::size_t end = before.size() - skip;  // tokens [0, end) end with the date
    if (skip > 0) {
      const std::string_view m = before[end].second;
      const std::string l = Lower(m);
      if (m.find_first_of(".;:!?()\"") != std::string_view::npos || IsIn(l, kClauseWords) ||
          IsIn(l, kLocatives) || l == "of" || l == "by" || l == "from" || l == "and" || l == "or")
        break;
    }
    // Month day [year] or day Month [year].
    std::size_t k = end;
    if (k >= 1 && YearWord(before[k - 1].second)) --k;
    if (k < 2) continue;
    const std::string_view a = before[k - 2].second, b = before[k - 1].second;
    if (!((MonthWord(a) && DayWord(b)) || (DayWord(a) && MonthWord(b)))) continue;
    if (k < 3 || !NamingWord(before[k - 3].second)) return npos;
    return before[k - 3].first;
  }
  // After it: <naming word> [modifiers] trigger of <date>.
  auto after = Tokens(text, trigger_end, std::min(text.size(), trigger_end + 32));
  if (after.size() >= 3 && after[0].second == "of" && after[0].first == trigger_end + 1 &&
      ((MonthWord(after[1].second) && DayWord(after[2].second)) ||
       (DayWord(after[1].second) && MonthWord(after[2].second)))) {
    for (std::size_t n = 0; n < before.size() && n < 3; ++n) {
      const auto& [at, w] = before[before.size() - 1 - n];
      if (NamingWord(w)) return at;
      if (w.find_first_of(".,;:!?()\"") != std::string_view::npos) break;
    }
  }
  return npos;
}

bool Gazetteer::ReferencePlaces(std::string_view text, std::size_t sentence_begin,
                                std::span<const PlaceMention> mentions, std::size_t trigger_begin,
                                std::size_t trigger_end, std::vector<PlaceMention>* own,
                                std::pair<std::size_t, std::size_t>* span) {
  own->clear();
  // Words before the trigger, nearest first, until a cue.
  std::size_t cue_begin = std::string_view::npos;
  std::size_t pos = trigger_begin;
  std::string prev;  // the word read before this one (nearer the trigger)
  for (int k = 0; k < 9; ++k) {
    std::size_t we = 0;
    const std::size_t wb = WordStartBack(text, sentence_begin, pos, &we);
    if (wb == std::string_view::npos) break;
    const std::string w = Lower(text.substr(wb, we - wb));
    pos = wb;
    bool cue = false;
    std::size_t start = wb;
    if (w == "since" || w == "after") {
      cue = true;
    } else if (w == "following") {
      // "the following raid" is no cue.
      std::size_t e2 = 0;
      const std::size_t b2 = WordStartBack(text, sentence_begin, wb, &e2);
      cue = b2 == std::string_view::npos || Lower(text.substr(b2, e2 - b2)) != "the";
    } else if (w == "wake" || w == "aftermath" || w == "response" || w == "retaliation" ||
               w == "revenge" || w == "reprisal" || w == "sparked" || w == "triggered" ||
               w == "prompted" || w == "provoked") {
      const bool of = w == "wake" || w == "aftermath";
      const bool to = w == "response";
      const bool by = w == "sparked" || w == "triggered" || w == "prompted" || w == "provoked";
      cue = (of && prev == "of") || (to && prev == "to") || (by && prev == "by") ||
            (!of && !to && !by && prev == "for");
    }
    if (cue) {
      cue_begin = start;
      break;
    }
    // "to", "by", "for" and "of" may be the second word of a cue ("in
    // response to", "sparked by", "in the wake of"); other prepositions and
    // clause words end the search.
    const bool cue_part = w == "to" || w == "by" || w == "for" || w == "of";
    if (!cue_part && (IsIn(w, kClauseWords) || IsIn(w, kLocatives) || w == "from" || w == "with" ||
                      w == "against" || w == "as" || w == "than"))
      break;
    if (w == "of" && k > 0) {
      // "since the start of the raid"
      std::size_t e2 = 0;
      const std::size_t b2 = WordStartBack(text, sentence_begin, wb, &e2);
      const std::string n2 = b2 == std::string_view::npos ? "" : Lower(text.substr(b2, e2 - b2));
      if (n2 != "start" && n2 != "beginning" && n2 != "outbreak" && n2 != "wake" &&
          n2 != "aftermath" && n2 != "eve" && n2 != "onset")
        break;
    }
    prev = w;
  }
  // h-places16: an act named by its date is a reference too.
  bool dated = false;
  if (cue_begin == std::string_view::npos) {
    cue_begin = DateNamedAct(text, sentence_begin, trigger_begin, trigger_end);
    dated = cue_begin != std::string_view::npos;
  }
  std::size_t phrase_begin = cue_begin;
  if (cue_begin == std::string_view::npos) {
    // "the raid that sparked the war"
    std::size_t a = trigger_end;
    while (a < text.size() && text[a] == ' ') ++a;
    std::string_view rest = text.substr(a);
    if (!(rest.starts_with("that ") || rest.starts_with("which "))) return false;
    rest.remove_prefix(rest.front() == 't' ? 5 : 6);
    std::size_t n = 0;
    while (n < rest.size() && IsLowerWordChar(rest[n])) ++n;
    if (!IsIn(Lower(rest.substr(0, n)), kSparkVerbs)) return false;
    // The noun phrase: up to four words back to punctuation.
    phrase_begin = trigger_begin;
    std::size_t p = trigger_begin;
    for (int k = 0; k < 4; ++k) {
      std::size_t we = 0;
      const std::size_t wb = WordStartBack(text, sentence_begin, p, &we);
      if (wb == std::string_view::npos) break;
      const std::string w = Lower(text.substr(wb, we - wb));
      if (IsIn(w, kClauseWords) || IsIn(w, kLocatives) || w == "of" || w == "from" || w == "by")
        break;
      phrase_begin = p = wb;
    }
    span->first = phrase_begin;
    span->second = trigger_end;
    for (const PlaceMention& m : mentions)
      if (m.begin >= phrase_begin && m.end <= trigger_begin) own->push_back(m);
    return true;
  }
  // A known act: a determiner, a possessive, a date or a name between the
  // cue and the trigger ("since the raid", "after Saturday's raid", "after
  // the October 3 raid", "after Ruritanian troops stormed"), or a named
  // agent after it ("after raids by the Redshirts"). "after a knife attack",
  // "after knife attack" tell the sentence's own news, whose place the main
  // clause gives ("riots broke out in the city after a knife attack"). In a
  // title-case headline capitals prove nothing.
  {
    const bool title = cue_begin > sentence_begin && text[cue_begin] >= 'A' &&
                       text[cue_begin] <= 'Z' && text[cue_begin - 1] == ' ';
    bool known = dated;
    std::size_t i = cue_begin;
    while (i < text.size() && IsLowerWordChar(text[i])) ++i;  // the cue word
    while (i < trigger_begin && !known) {
      while (i < trigger_begin && text[i] == ' ') ++i;
      std::size_t j = i;
      while (j < trigger_begin && text[j] != ' ') ++j;
      const std::string_view word = text.substr(i, j - i);
      const std::string w = Lower(word);
      if (w == "the" || w == "this" || w == "that" || w == "these" || w == "those" || w == "its" ||
          w == "their" || w == "his" || w == "her" || w == "last" || w == "recent" ||
          w.ends_with("'s") || w.ends_with("s'") || w.ends_with("\xE2\x80\x99s") ||
          w.ends_with("s\xE2\x80\x99") ||
          (!title && !word.empty() && word[0] >= 'A' && word[0] <= 'Z' && !Demonym(w)))
        known = true;
      i = j;
    }
    if (!known) {
      std::size_t a = trigger_end;
      while (a < text.size() && text[a] == ' ') ++a;
      const std::string_view rest = text.substr(a, 12);
      const std::size_t sp = rest.find(' ');
      if (sp != std::string_view::npos && sp + 1 < rest.size()) {
        const std::string prep = Lower(rest.substr(0, sp));
        const char c = rest[sp + 1];
        if ((prep == "by" || prep == "from") &&
            ((c >= 'A' && c <= 'Z') || rest.substr(sp + 1).starts_with("the ")))
          known = true;
      }
    }
    if (!known) return false;
  }
  // Harm told before the cue: the main clause tells the reference's toll.
  {
    std::size_t i = sentence_begin;
    while (i < cue_begin) {
      while (i < cue_begin && !IsLowerWordChar(text[i])) ++i;
      std::size_t j = i;
      while (j < cue_begin && IsLowerWordChar(text[j])) ++j;
      if (j > i && IsIn(Lower(text.substr(i, j - i)), kHarmBefore)) return false;
      i = j;
    }
  }
  // The phrase ends at the trigger's clause end; a relative clause right
  // after the trigger is its own ("the raid that killed nine in Kherson"), and
  // a comma between digits ("1,200") is no break.
  std::size_t from = trigger_end;
  {
    std::size_t a = trigger_end;
    while (a < text.size() && (text[a] == ' ' || text[a] == ',')) ++a;
    if (text.substr(a).starts_with("which ") || text.substr(a).starts_with("that ")) {
      from = a + 5;
      // "the raid that started the war in the south": the war's place.
      std::size_t v = from;
      while (v < text.size() && text[v] == ' ') ++v;
      std::size_t n = v;
      while (n < text.size() && IsLowerWordChar(text[n])) ++n;
      if (IsIn(Lower(text.substr(v, n - v)), kSparkVerbs)) from = text.size();
    }
  }
  std::size_t phrase_end = trigger_end;
  std::string gap;
  for (const PlaceMention& m : mentions) {
    if (m.begin >= cue_begin && m.end <= trigger_begin) {
      // A modifier ("since the harbour raid", "after the Odesa raid"), not
      // the subject of a clause ("after Ruritania began shelling the
      // town"): right before the trigger, or after a determiner.
      const std::string_view gap_before = text.substr(m.end, trigger_begin - m.end);
      std::size_t we = 0;
      const std::size_t wb = WordStartBack(text, sentence_begin, m.begin, &we);
      bool verb = false;  // a verb between: the place is a subject
      for (std::size_t i = 0; i < gap_before.size();) {
        while (i < gap_before.size() && !IsLowerWordChar(gap_before[i])) ++i;
        std::size_t j = i;
        while (j < gap_before.size() && IsLowerWordChar(gap_before[j])) ++j;
        const std::string w = Lower(gap_before.substr(i, j - i));
        if ((w.size() > 4 && w.ends_with("ed")) || w == "began" || w == "begun" || w == "launch" ||
            w == "launches" || w == "started" || w == "starts")
          verb = true;
        i = j;
      }
      if (!verb || (wb != std::string_view::npos && wb != cue_begin)) own->push_back(m);
      continue;
    }
    if (m.begin < from) continue;
    gap.assign(text.substr(from, m.begin - from));
    for (std::size_t i = 1; i + 1 < gap.size(); ++i)
      if (gap[i] == ',' && gap[i - 1] >= '0' && gap[i - 1] <= '9' && gap[i + 1] >= '0' &&
          gap[i + 1] <= '9')
        gap[i] = ' ';
    if (CrossesClause(gap, 0, gap.size())) continue;
    // h-places16: "and" opening a second, possessed act ends the phrase
    // ("after the raid on the port and Ruritania's reprisal in Odesa"): a
    // place after it is the second act's.
    {
      bool second_act = false;
      for (std::size_t i = gap.find(" and "); i != std::string::npos && !second_act;
           i = gap.find(" and ", i + 1)) {
        std::size_t j = i + 5;
        std::size_t k = j;
        while (k < gap.size() && gap[k] != ' ') ++k;
        const std::string w = gap.substr(j, k - j);
        second_act = w.size() > 2 && w[0] >= 'A' && w[0] <= 'Z' &&
                     (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") ||
                      w.ends_with("s\xE2\x80\x99"));
      }
      if (second_act) continue;
    }
    const std::vector<std::string> between =
        WordsBefore(text.substr(0, m.begin).substr(trigger_end), m.begin - trigger_end, 14);
    if (between.size() > 12) continue;
    phrase_end = std::max(phrase_end, m.end);
    bool governed = Governed(WordsBefore(text, m.begin, 6));
    // Right after the trigger: "attacked Kherson", "the siege of Mariupol".
    if (!governed && between.size() <= 4 && [&] {
          for (const std::string& b : between)
            if (!IsIn(Lower(b), kLocativeFill)) return false;
          return true;
        }())
      governed = true;
    if (governed) own->push_back(m);
  }
  span->first = cue_begin;
  span->second = phrase_end;
  return true;
}

std::string Gazetteer::MainCountry(const CountryCounts& hint) {
  int total = 0;
  for (const auto& [country, count] : hint) total += std::max(count, 0);
  if (hint.empty() || hint.front().second <= 0) return {};
  // At least two mentions: one stray name ("assets in the Cayman Islands")
  // does not make a document about a country.
  return hint.front().second >= 2 && 2 * hint.front().second > total ? hint.front().first
                                                                     : std::string();
}

const Place* Gazetteer::CountryPlace(std::string_view iso2) const {
  const auto it = impl_->countries.find(std::string(iso2));
  return it == impl_->countries.end() ? nullptr : it->second;
}

const Place* Gazetteer::CapitalPlace(std::string_view iso2) const {
  const auto it = impl_->capitals.find(std::string(iso2));
  return it == impl_->capitals.end() ? nullptr : it->second;
}

std::span<const Place* const> Gazetteer::Lookup(std::string_view name) const {
  const IdList* ids = impl_->index.Find(name);
  if (ids == nullptr || ids->empty()) return {};
  return impl_->Group(ids->front());
}

std::size_t Gazetteer::size() const {
  std::size_t n = 0;
  for (bool d : impl_->dead) n += d ? 0 : 1;
  return n;
}

// h-places18: see places.h. The captivity of hostages happens where their
// captors keep them, not where they were taken: the assembler places such a
// row in the captor's own land (the actors file's `territory`).
bool Gazetteer::HoldingAct(std::string_view text, std::size_t sentence_begin,
                           std::size_t sentence_end, std::size_t trigger_begin,
                           std::size_t trigger_end) {
  static constexpr std::string_view kHolding[] = {
      "held",     "holding",  "holds",     "hold",    "captivity", "captive", "captives",
      "released", "releases", "releasing", "release", "freed",     "frees",   "handed"};
  static constexpr std::string_view kTaking[] = {
      "kidnapped", "kidnap", "kidnapping", "abducted", "abduct",   "abduction", "seized",
      "seize",     "taken",  "took",       "take",     "snatched", "captured",  "grabbed"};
  sentence_end = std::min(sentence_end, text.size());
  if (trigger_begin < sentence_begin || trigger_end > sentence_end || trigger_begin >= trigger_end)
    return false;
  const auto lower = [](std::string_view w) {
    std::string out(w);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  const auto in = [](const std::string& w, std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  const auto is_letter = [&](std::size_t k) {
    return std::isalpha(static_cast<unsigned char>(text[k])) != 0;
  };
  // Words of the sentence with their byte spans.
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for (std::size_t k = sentence_begin; k < sentence_end;) {
    if (!is_letter(k)) {
      ++k;
      continue;
    }
    std::size_t l = k;
    while (l < sentence_end && is_letter(l)) ++l;
    words.emplace_back(k, l);
    k = l;
  }
  std::size_t first = words.size(), last = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w].second <= trigger_begin || words[w].first >= trigger_end) continue;
    first = std::min(first, w);
    last = w;
    if (in(lower(text.substr(words[w].first, words[w].second - words[w].first)), kTaking))
      return false;
  }
  if (first == words.size()) return false;
  const std::size_t from = first >= 2 ? first - 2 : 0;
  const std::size_t to = std::min(words.size(), last + 5);
  for (std::size_t w = from; w < to; ++w)
    if (in(lower(text.substr(words[w].first, words[w].second - words[w].first)), kHolding))
      return true;
  return false;
}

}  // namespace eventline
