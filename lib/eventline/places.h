// lib/eventline/places.h: the gazetteer; place mentions in text and the
// choice of an event's place.
//
// A Gazetteer is loaded from `places/*.tsv` of each rules directory
// (format: docs/places.md): the generated cities.tsv and countries.tsv, the
// hand-written supplement.tsv, and `places/stopwords.txt` (names that are
// ordinary words, never matched alone). Lookup is by token hashing: each
// name is a sequence of normalised tokens (ASCII case folded, Latin
// diacritics folded, hyphens and dots separate, apostrophes inside a word
// dropped); text is tokenised once and the longest known sequence wins.
// Time is linear in the number of tokens.
//
// Ownership: Place objects live in the Gazetteer; mentions and choices hold
// pointers to them, so the Gazetteer must outlive them. Spans are byte
// offsets into the text passed in. Immutable after Load; all methods are
// const and thread-safe.
//
// Bad input: a bad line in a places file becomes a diagnostic
// ("file:line:col: error[E06x]: ...") and is skipped; loading goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventline/diagnostics.h"

namespace eventline {

struct Place {
  std::string name;     // canonical ("Kyiv")
  std::string country;  // ISO 3166-1 alpha-2; empty for seas
  double latitude = 0, longitude = 0;
  std::int64_t population = 0;  // 0 = unknown or not a settlement
  std::string kind;    // country, region, department, territory, capital, city, sea, river,
                       // island, airbase, bridge, dam, port, plant, landmark
  std::string source;  // "geonames:703448", "world-countries", "supplement"
};

struct PlaceMention {
  std::size_t begin = 0, end = 0;  // byte span of the name as written
  // Every place of that name, the likeliest first (a country before any other
  // kind, then by population). Never empty; points into the Gazetteer.
  std::span<const Place* const> candidates;
  [[nodiscard]] const Place& best() const { return *candidates.front(); }
};

// How capital letters are judged. kMixed: a name's capitalised words must be
// capitalised in the text ("march" is not "March"). kAnyCase: case is ignored
// (upper-case wire copy). kAuto: kAnyCase when the span has (almost) no
// lower-case letters, else kMixed.
enum class LetterCase { kAuto, kMixed, kAnyCase };

// Countries mentioned in a document and how often, most frequent first.
using CountryCounts = std::vector<std::pair<std::string, int>>;

struct PlaceChoice {
  // kContext and kDocument are set by the assembler when the sentence names
  // no place: the previous sentence's event place, the document's country.
  enum class Reason { kNone, kCapture, kLocative, kNearest, kContext, kDocument };
  const Place* place = nullptr;    // null: the sentence names no place for the event
  std::size_t begin = 0, end = 0;  // span of the chosen mention
  Reason reason = Reason::kNone;
};

class Gazetteer {
 public:
  // Reads `DIR/places/*.tsv` (sorted by name) and `DIR/places/stopwords.txt`
  // of each directory in order; a directory without `places/` is skipped.
  // Never returns null; check `sink` for errors.
  //
  // `image` (optional) is a build-time image of the shipped gazetteer
  // (Image(), written by tools/known_places.cpp into the eventline binary):
  // when the places files found are exactly those it was made from (same
  // names and bytes, SourceKey), the gazetteer is read from it instead of
  // parsing the files (issue 7, cold start). Any other set of files (a user's
  // gazetteer, an edited file, an extra --rules DIR with places) or a
  // damaged image is parsed and checked as before.
  [[nodiscard]] static std::unique_ptr<Gazetteer> Load(const std::vector<std::string>& rule_dirs,
                                                       DiagnosticSink& sink,
                                                       std::string_view image = {});
  // The places files Load reads, in order: (path as shown in messages, text).
  // A file that cannot be read is reported and left out.
  [[nodiscard]] static std::vector<std::pair<std::string, std::string>> ReadFiles(
      const std::vector<std::string>& rule_dirs, DiagnosticSink& sink);
  // XXH3-128 of the files' base names and bytes, in order, and of the image format.
  [[nodiscard]] static std::pair<std::uint64_t, std::uint64_t> SourceKey(
      const std::vector<std::pair<std::string, std::string>>& files);
  // This gazetteer as an image for Load, tagged with `source_key`
  // (SourceKey of the files it was loaded from): a header (magic, format
  // version, source key, payload size and XXH3-64 checksum) and the payload.
  [[nodiscard]] std::string Image(std::pair<std::uint64_t, std::uint64_t> source_key) const;
  // The gazetteer in `image` if its header is valid, its checksum matches and
  // it was made from files of `source_key`; else null.
  [[nodiscard]] static std::unique_ptr<Gazetteer> FromImage(
      std::string_view image, std::pair<std::uint64_t, std::uint64_t> source_key);
  // The same from in-memory files: (file name as shown in messages, text).
  // A name ending in "stopwords.txt" is a stopword list; others are TSV.
  [[nodiscard]] static std::unique_ptr<Gazetteer> LoadFromStrings(
      const std::vector<std::pair<std::string, std::string>>& files, DiagnosticSink& sink);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;  // mentions point into it
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Place mentions in text[begin, end), in text order, non-overlapping,
  // longest name first.
  [[nodiscard]] std::vector<PlaceMention> FindAll(std::string_view text, std::size_t begin,
                                                  std::size_t end,
                                                  LetterCase letter_case = LetterCase::kAuto) const;

  // Counts the countries of `mentions` whose candidates all lie in one
  // country (country names, unambiguous cities): the document's country hint.
  // A country's name with a namesake region abroad ("Georgia") counts for none.
  [[nodiscard]] static CountryCounts CountCountries(std::span<const PlaceMention> mentions);

  // Adds one to the hint for a country named in `mentions` that has a
  // namesake region abroad when `text` has a word only the country's news
  // uses ("Georgian lawmakers", "the parliament", "foreign agents" for
  // Georgia; h-places5): Resolve then keeps the country.
  static void AddNamesakeCues(std::string_view text, std::span<const PlaceMention> mentions,
                              CountryCounts& hint);

  // The candidate in the most-mentioned hinted country, else the best. A
  // country name resolves to that country, unless it has a namesake region
  // abroad ("Georgia", the US state) and the hint names neither the
  // country nor more foreign places than the region's country: then the
  // region.
  [[nodiscard]] static const Place& Resolve(const PlaceMention& mention, const CountryCounts& hint);

  // The place of an event whose trigger is text[trigger_begin, trigger_end)
  // in a sentence with `mentions` (from FindAll over the sentence). In order:
  //  1. the rule's `location` capture, if a place is named inside it;
  //  2. a mention governed by a locative preposition (in, at, near, on, over,
  //     outside, around, across, inside, into, towards, off, to) or right after
  //     the trigger, in the trigger's clause, nearest to the trigger;
  //  3. the same anywhere in the sentence; 4. the nearest mention.
  // Ambiguous names resolve with `hint` (see Resolve).
  // h-places4: 0 when `m` is no later step's place; else 1 when "<step> in"
  // (arrested, charged, tried, sentenced, buried, court, custody…) or a
  // person's "from" ("a man from Leeds", "Ann Roe, 33, from Leeds") governs
  // it, 2 when that step is told after the trigger. Arrest words are the act
  // itself when the trigger is an arrest.
  [[nodiscard]] static int LaterStep(std::string_view text, const PlaceMention& m,
                                     std::size_t trigger_begin, std::size_t trigger_end);

  [[nodiscard]] PlaceChoice ChoosePlace(std::string_view text,
                                        std::span<const PlaceMention> mentions,
                                        std::size_t trigger_begin, std::size_t trigger_end,
                                        std::optional<std::pair<std::size_t, std::size_t>> location,
                                        const CountryCounts& hint) const;

  // The one-word names among `mentions` that `text` (the whole document)
  // also uses for a person, each once, sorted: a name after a title ("Rep.
  // George Santos", "Mr Lai"), after a role noun and a given name ("pilot
  // Greg Lynn", "tycoon Jimmy Lai"), or before an age in commas ("Lai, 76,").
  // A country's or a capital's name is never one. A caller drops every
  // mention spelt so: the bare surname later in the text is the person too
  // ("Santos was arrested", "Lai had been arrested at his home"; h-prec13).
  // A common given name alone before the name counts too ("Fernando Roe was
  // shot", h-places12): `given_names` is the sorted lower-case list
  // GivenNames makes of the {GIVEN_NAME} lexicon (empty: none counts). No
  // default: a caller that forgot the list would lose the cue silently.
  [[nodiscard]] static std::vector<std::string> PersonNames(
      std::string_view text, std::span<const PlaceMention> mentions,
      std::span<const std::string> given_names);

  // A lexicon's entries (rules/lexicons/given_name.txt) lower-cased, sorted
  // and unique, for PersonNames (h-places14).
  [[nodiscard]] static std::vector<std::string> GivenNames(std::span<const std::string> lexicon);

  // True when `m` names what a protest is about, not where it is held
  // (h-prec17): the object of a stance ("rally for Gaza", "solidarity with
  // Israel", "march against Russia", "protests over Gaza", "in support of
  // Ukraine") or the scene of the harm protested ("a ceasefire in Gaza",
  // "the war in Ukraine", "the bombing of Gaza", "a Gaza ceasefire march").
  // "Thousands rallied in London for Gaza" keeps London.
  [[nodiscard]] static bool NamesCause(std::string_view text, const PlaceMention& m);

  // h-places3: true when the trigger text[trigger_begin, trigger_end) names
  // an earlier event as a reference or a time frame of the sentence: after a
  // cue ("since", "after", "following", "in the wake of", "in the aftermath
  // of", "in response to", "in retaliation for", "sparked by") with at most
  // six words between and no clause break ("since the attack on the port",
  // "after the rebels stormed the town", "in response to Saturday's
  // raid"), or followed by "that sparked / triggered / started …" ("the raid
  // that started the war"). Not when the sentence before the cue tells harm
  // (killed, injured, damaged, fire…): "three died in Lviv after the strike"
  // is the strike's own toll, told where it happened. `own` gets the
  // mentions the reference may take as its place: those between the cue and
  // the trigger ("since the harbour bombing in Odesa", "the Odesa harbour
  // bombing") and those governed by a locative or standing right after the
  // trigger in its clause ("after the raid on Kherson", "since the invasion
  // of Ukraine"); never a place it was launched from ("the raid from the
  // enclave") nor one of the main clause. `span` gets the phrase's bytes.
  [[nodiscard]] static bool ReferencePlaces(std::string_view text, std::size_t sentence_begin,
                                            std::span<const PlaceMention> mentions,
                                            std::size_t trigger_begin, std::size_t trigger_end,
                                            std::vector<PlaceMention>* own,
                                            std::pair<std::size_t, std::size_t>* span);

  // h-places16: where the phrase naming an act by its date starts ("the
  // Oct. 7 attack", "Hamas's 7 October raid", "the assault of 7 October"):
  // the determiner or possessive before the date; npos when the trigger is
  // not named so.
  [[nodiscard]] static std::size_t DateNamedAct(std::string_view text, std::size_t sentence_begin,
                                                std::size_t trigger_begin, std::size_t trigger_end);

  // h-places18: whether an abduction's trigger tells hostages held or freed
  // (the captivity, not the taking): a word of holding or release in the
  // trigger or among the two words before it and the four after it, within
  // the sentence ("hostages held by the Redshirts", "the Redshirts released
  // ten captives", "the release of hostages"), and the trigger itself no
  // verb of taking ("kidnapped", "abducted", "seized", "taken").
  [[nodiscard]] static bool HoldingAct(std::string_view text, std::size_t sentence_begin,
                                       std::size_t sentence_end, std::size_t trigger_begin,
                                       std::size_t trigger_end);

  // The country a document is about: the hint's most-mentioned country when
  // it has at least two mentions and more than all the other countries
  // together; else empty.
  [[nodiscard]] static std::string MainCountry(const CountryCounts& hint);

  // The place of kind `country` with that ISO 3166-1 alpha-2 code; null when
  // the gazetteer has none.
  [[nodiscard]] const Place* CountryPlace(std::string_view iso2) const;
  // The most populous place of kind `capital` of that country; null when none.
  [[nodiscard]] const Place* CapitalPlace(std::string_view iso2) const;

  // Places whose name or alternate name normalises like `name`, likeliest
  // first; empty when unknown.
  [[nodiscard]] std::span<const Place* const> Lookup(std::string_view name) const;

  [[nodiscard]] std::size_t size() const;  // number of places

  struct Impl;

 private:
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventline
