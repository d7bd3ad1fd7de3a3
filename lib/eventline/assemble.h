// lib/eventline/assemble.h: matches of one sentence -> timeline rows.
//
// For each event trigger: its date (the time phrase that governs it in the
// same clause; else a date carried from the preceding sentences of the same
// episode; else the publication date, marked `document`), modality and
// source (cue rules scoped to the clause, and quoted speech attributed to
// the speaker who introduced it), quantities, fatalities and injured, actor,
// target and place. The decisions are documented in docs/design.md.
//
// An Assembler is created per document (it carries context from sentence to
// sentence); it is cheap and not thread-safe. The Document, RuleSet and
// lookups must outlive it.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eventline/args.h"
#include "eventline/context.h"
#include "eventline/dates.h"
#include "eventline/document.h"
#include "eventline/event.h"
#include "eventline/matcher.h"
#include "eventline/places.h"
#include "eventline/rules.h"
#include "eventline/sentences.h"
#include "eventline/trace.h"

namespace eventline {

class Actors;

struct Lookups {
  const RuleSet* rules = nullptr;
  const Gazetteer* places = nullptr;  // may be null: no places
  const Actors* actors = nullptr;     // may be null: actors as written
  // May be null: built from `rules` at the first event of each document
  // (the engine builds them once for all documents).
  const ArgWords* arg_words = nullptr;
  // May be null: built from `rules` at the first event of each document.
  const ContextWords* context_words = nullptr;
};

class Assembler {
 public:
  Assembler(const Document& doc, const Lookups& lookups);

  // The document's country hint for ambiguous place names (set before the
  // first sentence; see Gazetteer::CountCountries).
  // Also sets the document's main country (Gazetteer::MainCountry), the
  // place of an event whose sentence names none.
  void SetCountryHint(CountryCounts hint);

  // Bytes [0, end) of the text are context only (a JSONL title set before
  // the text, docs/input.md "The title"): their rows are dropped by the
  // caller, so no later row folds into one of them (h-title1).
  void SetContextEnd(std::size_t end) { context_end_ = end; }

  // Where each match that gives no row says why (`eventline explain`);
  // null (the default): nothing is written.
  void SetTrace(TraceSink* trace) { trace_ = trace; }

  // Appends the rows of one sentence (in trigger order) to `out`. `places`
  // are the gazetteer's mentions in this sentence.
  void AddSentence(const Sentence& sentence, std::span<const TimeExpr> times,
                   std::span<const Match> events, std::span<const Match> cues,
                   std::span<const PlaceMention> places, std::vector<EventRow>& out);

  // Whether AddSentence reads the cue matches of `sentence` (the next one
  // to add): always in a sentence with events (`has_events`); in one
  // without, only when it opens a quote, whose speaker its claimed or
  // denied cue names for the sentences quoted after it. Elsewhere the
  // caller may pass no cues and get the same rows (most sentences of a
  // document hold no event, and the cue scan was a fifth of a record's
  // matching, docs/scale.md "h-xcues").
  [[nodiscard]] bool NeedsCues(const Sentence& sentence, bool has_events) const;

  // After the last sentence: an event of the headline or lead told without
  // a date takes the date the body gives the first event of its type
  // ("Gunman kills two at graduation" … "were killed on Tuesday evening").
  void Finish(std::vector<EventRow>& rows) const;

  struct Carried {  // the last event date stated in the text, for date_source=context
    TimeExpr time;
    int sentence_index = 0;
    bool chained = false;  // passed on by a sentence without a date: stays in its paragraph
  };

 private:
  const Document& doc_;
  Lookups lookups_;
  std::optional<Carried> carried_;
  // Per event type, the last date stated in the text for an event of that
  // type: a definite mention without a date of its own ("the kidnapping",
  // "this attack") refers back to it.
  std::map<std::string, Carried, std::less<>> last_dated_;
  // Trigger starts of rows given the open start ..pub only because an
  // arrest, a charge or a reaction comes before "after" (AftermathVerbAfter):
  // under a headline they still take the body's day of their act (Finish).
  std::vector<std::size_t> after_cue_rows_;
  // Per event type, the sentence of the last row given the open start ..pub
  // as an earlier act the text does not date: a definite mention after it
  // ("the attack", "this stabbing") with nothing else to date it is that
  // act again (h-evdate14).
  std::map<std::string, int, std::less<>> last_earlier_;
  // A day phrase of the body bound to an anaphoric incident noun ("the
  // incident took place on Tuesday", "the attack on Sunday", "Saturday's
  // blast") and its sentence: under a headline it dates the lead's violent
  // act when no row of the body does (Finish, h-evdate13).
  struct AnaphorDay {
    TimeExpr time;
    int sentence_index = 0;
    bool second = false;  // the sentence announces another event
  };
  std::vector<AnaphorDay> anaphor_days_;
  // Index in `out` of the last violent event written, for casualties that
  // the next sentence reports; SIZE_MAX when none.
  std::size_t last_violent_ = static_cast<std::size_t>(-1);
  std::size_t context_end_ = 0;  // SetContextEnd
  TraceSink* trace_ = nullptr;   // SetTrace
  // Quoted speech: the speaker who opened a quote, and where.
  std::string quote_source_;
  bool quote_open_ = false;
  CountryCounts country_hint_;
  const Place* main_country_ = nullptr;  // null: the document is about no one country
  const Place* main_capital_ = nullptr;  // its capital, for "in the capital"
  // The place the last sentence with located events gave them, and that
  // sentence's index: an event of the next sentence that names no place
  // ("Two soldiers were also wounded.") happened there too.
  const Place* last_place_ = nullptr;
  int last_place_sentence_ = -10;
  // h-places9: the place a headline's event was given (a country too): a
  // body row whose sentence names no place, with no earlier sentence's
  // place and no main country to fall back on, happened there.
  const Place* headline_place_ = nullptr;
  // h-prec18: the headline or the sentence after it tells an accident or a
  // disaster and no hostile act ("Quake toll passes 20,000", "Two die as
  // car plunges into floodwater"): a casualty count of a later sentence
  // that names no hostile act is the disaster's, not an attack's.
  bool disaster_lead_ = false;
  // h-prec20: the headline is a review of a film, a book, a show or a game
  // ("<Title> review – <blurb>", "'<Title>' Review: ..."): its killings,
  // sieges and arrests are a plot or a retelling, no row of the day.
  // -1 until the first sentence is added, then 0 or 1.
  int review_lead_ = -1;
  // h-prec27: the headline names an ordinary offence and no violent,
  // political or state-linked act ("Man held over theft of artwork",
  // offence_cue.txt and offence_keep.txt): an arrest told later in the
  // body ("a second man was arrested on Friday") is for that offence, unless
  // its own sentence names such an act. -1 until read, then 0 or 1.
  int offence_lead_ = -1;
  // h-prec37: how many distinct SECURITY_CUE phrases the document names (up
  // to two); -1 until an arrest row asks (ArrestWithoutCue).
  int security_cues_ = -1;
  // h-recall63: whether the headline names a SECURITY_CUE phrase; -1 until
  // an arrest row asks.
  int headline_security_cue_ = -1;
  // h-prec38: how many distinct words of violence the document names (up to
  // two); -1 until a casualties row asks (CasualtiesWithoutCue).
  int harm_cues_ = -1;
  // h-fold1: whether the headline names one of those words; -1 until a
  // casualties row asks.
  int headline_harm_cue_ = -1;
  // h-places3: places the document gives an act in its own phrase (type,
  // trigger stem, actor), and the rows naming an earlier act as a reference
  // that found no place of their own: Finish gives such a row the one place
  // the document gives that act, when all agree.
  struct Episode {
    std::string type, stem, actor;
    const Place* place = nullptr;
    std::size_t begin = 0, end = 0;  // the row's trigger, for a pending row
  };
  std::vector<Episode> episodes_;
  std::vector<Episode> pending_references_;
  // h-places15: ceasefire rows whose sentence named no place for the truce,
  // or only a state as the nearest name (a party: "a truce between Ruritania
  // and the Redshirts", "pressing Ruritania for a pause"): `party` is that
  // state's country code, or empty for a row left unplaced (a row placed by
  // a fallback, the document's country included, does not wait). Finish
  // places them where the document's fighting is.
  struct PendingTruce {
    std::size_t begin = 0, end = 0;  // the row's trigger
    std::string party;
  };
  std::vector<PendingTruce> pending_truces_;
  // h-places15: the places named in the sentences that tell fighting or a
  // taking (a row of those types), one count per mention, and the sentences
  // counted so far.
  std::map<const Place*, int> fighting_places_;
  int fighting_sentence_ = -1;
  std::optional<ArgWords> arg_words_;          // built at the first event
  std::optional<ContextWords> context_words_;  // built at the first event
};

// Splits a quantity phrase ("about 30 warplanes and drones along with 9
// helicopters") into counted things; a phrase without a number gives one entry
// with no value and the text as written.
[[nodiscard]] std::vector<Quantity> ParseQuantities(std::string_view phrase);

// True when a local cue other than a negation ("will", "could", "if",
// "urged", "braced for" …) governs an event trigger that follows it, given
// `gap`, the text between the end of the cue's trigger and the event's
// trigger, and `trigger`, the event's trigger (docs/rules.md, "Cue
// conventions").
[[nodiscard]] bool CueReaches(std::string_view gap, std::string_view trigger = {});

}  // namespace eventline
