// lib/eventline/context.h: sentence-level context tests that take a row's
// event type back (h-prec9). A sentence that names an accident or a disaster
// and no deliberate hostile act tells no casualties, explosion or loss of a
// conflict ("ten killed in a fire that engulfed a hotel", "a gas pipeline
// explosion caused by a malfunction"); a sentence set in a film, a game or a
// show tells no real event at all ("the gameplay is a blast"). The words come
// from lexicons (rules/lexicons/accident_cue.txt, fire_cue.txt,
// hostile_cue.txt, fiction_cue.txt), so an analyst widens them without
// touching C++.
//
// Two more tests (h-prec10): a trigger right after "a pause in", "an end
// to", "a halt to" or right before "campaign" names the war or a campaign as a
// whole, not one event ("a pause in the fighting", "Israel's bombing
// campaign"; rules/lexicons/campaign_lead.txt, campaign_tail.txt); and a
// sentence about a match or a tournament tells no clash, blast or barrage
// (sport_cue.txt: "the quarter-finals", "the last 16"), and one about
// ransomware or hackers no attack (cyber_cue.txt).
//
// One more (h-prec12): a trigger after a word of continuation or escalation
// ("stepped up its attacks", "relentless bombardment", "continued air
// strikes", "constant shelling"; rules/lexicons/ongoing_lead.txt) names an
// ongoing campaign, not one event, unless the sentence names a day
// ("intensified its bombing overnight", "on Sunday"; weekday.txt and
// news_day.txt): one day's escalation is that day's event. And a sentence
// that names a missile test, a launch into the sea or a space launch
// (test_launch.txt: "fired two missiles toward waters off its east coast",
// "into orbit") tells no shelling, air strike, attack or blast of a conflict.
//
// A protest trigger after a phrase of duration ("after months of
// protests", "sparked years of street protests", "amid ongoing protests";
// rules/lexicons/span_lead.txt, NamesSpan) names a movement over a span:
// h-prec13 took it back; since h-span1 (the lead's ruling of session 25) it
// is a row dated by its span (assemble.cpp), not a veto.
//
// One more (h-prec15): a sentence that names protesters, a protest or a
// riot (rules/lexicons/protest_cue.txt) tells a clash of a crowd with police
// or guards, not a battle of armed forces; the assembler types it protest
// (NamesProtest, assemble.cpp).
//
// One more (h-prec21): a sentence about a contest of politics, courts,
// business or media (rules/lexicons/contest_cue.txt: "takeover bid", "lawsuit",
// "nominations") with no hostile word tells no armed clash (NamesContest).
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace eventline {

struct RuleSet;

// Lower-case phrases of four lexicons, matched on whole words. Plain data:
// build once, then read from any number of threads.
// True when `headline` names a review of a work ("<Title> review – <blurb>",
// with an en or em dash or a spaced hyphen; "'<Title>' Review: ..."; a
// headline opening "Review:"): the rows of such a document tell a plot or
// retell old events, no event of the day (h-prec20; assemble.cpp drops them).
[[nodiscard]] bool IsReviewHeadline(std::string_view headline);

// True when `sentence` names a year before `before_year` as a number of four
// digits from 1000 on ("in 1936", "the 2019 attack", "the 1980s"), not part
// of a longer number, an amount or a word ("$1500", "1,2000", "A320"): under a
// review's headline such a sentence retells dated history, not the work's
// plot, and keeps its rows (h-prec31).
[[nodiscard]] bool NamesEarlierYear(std::string_view sentence, int before_year);

class ContextWords {
 public:
  // The words of one sentence as the tests read them (runs of ASCII letters,
  // digits, hyphens and apostrophes, lower case, edge hyphens and
  // apostrophes left out), split once and shared by the tests of every
  // match in that sentence; the tests that do not depend on the trigger
  // keep their answer here after the first call. Holds a view of
  // `sentence`, which must outlive it; one per thread (the memo is not
  // synchronised); use it with one ContextWords only.
  class SentenceWords {
   public:
    explicit SentenceWords(std::string_view sentence);
    [[nodiscard]] std::string_view text() const { return text_; }

    struct Word {
      std::size_t b, e;   // bytes of `sentence`
      std::string lower;  // its letters, lower case, a typographic apostrophe as '\''
    };
    [[nodiscard]] const std::vector<Word>& words() const { return words_; }

   private:
    friend class ContextWords;
    std::string_view text_;
    std::vector<Word> words_;
    // Answers of the trigger-independent tests, by lexicon: -1 not asked yet.
    mutable std::array<std::int8_t, 13> memo_{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  };

  // From the rule set's ACCIDENT_CUE, FIRE_CUE, HOSTILE_CUE, FICTION_CUE,
  // CAMPAIGN_LEAD, CAMPAIGN_TAIL, SPORT_CUE, CYBER_CUE, ONGOING_LEAD, WEEKDAY,
  // NEWS_DAY, TEST_LAUNCH, SPAN_LEAD and PROTEST_CUE lexicons, and AFTERMATH_CUE and RECORDING_CUE
  // (IsAftermathCue) (each may be missing: then its test never fires);
  // `rules` may be null.
  static ContextWords FromRules(const RuleSet* rules);
  // The same from lists of entries (tests).
  static ContextWords FromLists(std::initializer_list<std::string_view> accident,
                                std::initializer_list<std::string_view> fire,
                                std::initializer_list<std::string_view> hostile,
                                std::initializer_list<std::string_view> fiction,
                                std::initializer_list<std::string_view> campaign_lead = {},
                                std::initializer_list<std::string_view> campaign_tail = {},
                                std::initializer_list<std::string_view> sport = {},
                                std::initializer_list<std::string_view> cyber = {},
                                std::initializer_list<std::string_view> aftermath = {},
                                std::initializer_list<std::string_view> recording = {},
                                std::initializer_list<std::string_view> ongoing_lead = {},
                                std::initializer_list<std::string_view> day = {},
                                std::initializer_list<std::string_view> test_launch = {},
                                std::initializer_list<std::string_view> span_lead = {},
                                std::initializer_list<std::string_view> protest = {},
                                std::initializer_list<std::string_view> police = {},
                                std::initializer_list<std::string_view> contest = {},
                                std::initializer_list<std::string_view> offence = {},
                                std::initializer_list<std::string_view> offence_keep = {},
                                std::initializer_list<std::string_view> sport_shield = {},
                                std::initializer_list<std::string_view> launch_shield = {},
                                std::initializer_list<std::string_view> security = {},
                                std::initializer_list<std::string_view> harm = {},
                                std::initializer_list<std::string_view> work_headline = {});

  // True when a row of `event_type` must be dropped: `sentence` names an
  // accident and, outside the trigger [trigger_begin, trigger_end) (offsets
  // into `sentence`), no hostile act, and the type is one an accident is
  // mistaken for (casualties, explosion, equipment_loss, killing; a fire word
  // counts for casualties only, as blasts and sinkings start fires) and no
  // murder or manslaughter charge or conviction (HOMICIDE_CHARGE); or it
  // is set in fiction (any type); or the trigger names a campaign or the
  // war as a whole (NamesCampaign; any type but ceasefire, protest and
  // blockade: a pause is a ceasefire's own trigger, and a call to end a
  // strike or a siege speaks of one that holds), or an ongoing one
  // (NamesOngoing; the same types); or the sentence is about sport and the type is one
  // sport borrows words from (armed_clash, explosion, shelling) and no
  // SPORT_SHIELD word (missiles, an air raid, a gunman) stands outside the
  // trigger (h-recall53); or it
  // names a cyber attack and the type is attack; or the type is arrest and
  // the sentence names an ordinary offence (offence_cue.txt: ransomware,
  // crypto fraud, money laundering) and no violent or state-linked act
  // (offence_keep.txt), the lead's ruling of session 26; or the type is
  // attack, casualties or killing and an animal attacks (NamesAnimalAttack,
  // h-prec24) or is the victim (NamesAnimalVictim, h-prec32); or a series
  // lead (series_lead.txt: "a spate of", "a surge in") comes right before
  // the trigger in a sentence with no day and the type is not armed_clash,
  // protest, ceasefire or blockade (h-prec24); or it names a missile test
  // or a launch (NamesTestLaunch) and the type is shelling, air_strike,
  // attack or explosion and no LAUNCH_SHIELD word (harm to people: "killing
  // two", "wounded") stands outside the trigger (h-recall53).
  [[nodiscard]] bool Vetoes(std::string_view event_type, std::string_view sentence,
                            std::size_t trigger_begin, std::size_t trigger_end) const;
  // The same on a sentence split once (the assembler asks for each match of
  // a sentence): the same answer as the call above on `sentence.text()`.
  [[nodiscard]] bool Vetoes(std::string_view event_type, const SentenceWords& sentence,
                            std::size_t trigger_begin, std::size_t trigger_end) const;
  // Which test of Vetoes takes the row back, by name ("fiction", "campaign",
  // "accident", ...; docs/rules.md, "eventline explain"); empty when none.
  // Vetoes is this call's answer, not empty.
  [[nodiscard]] std::string_view VetoCue(std::string_view event_type, const SentenceWords& sentence,
                                         std::size_t trigger_begin, std::size_t trigger_end) const;
  // Where in `sentence` (byte offsets) the lexicon of the cue VetoCue named
  // finds its first phrase; {0, 0} for a cue that is no lexicon's phrase
  // (a campaign, a count, an animal attack ...). For `eventline explain`.
  [[nodiscard]] std::pair<std::size_t, std::size_t> VetoCueSpan(
      std::string_view cue, const SentenceWords& sentence) const;

  // The tests one by one. `skip_*` leaves a span out of the search.
  [[nodiscard]] bool NamesAccident(std::string_view sentence, bool with_fire = true) const;
  [[nodiscard]] bool NamesHostileAct(std::string_view sentence, std::size_t skip_begin = 0,
                                     std::size_t skip_end = 0) const;
  [[nodiscard]] bool NamesFiction(std::string_view sentence) const;
  // A CAMPAIGN_TAIL phrase right after the trigger (only spaces between), or
  // a CAMPAIGN_LEAD phrase ending at most kLeadGap words before it, with no
  // clause punctuation and no conjunction or preposition in those words
  // ("an end to [the] Israeli [bombing]"; not "an end to violence after
  // troops [attacked]").
  [[nodiscard]] bool NamesCampaign(std::string_view sentence, std::size_t trigger_begin,
                                   std::size_t trigger_end) const;
  // An ONGOING_LEAD phrase before the trigger, placed as a CAMPAIGN_LEAD
  // phrase, in a sentence that names no day (WEEKDAY, NEWS_DAY).
  [[nodiscard]] bool NamesOngoing(std::string_view sentence, std::size_t trigger_begin,
                                  std::size_t trigger_end) const;
  // A SPAN_LEAD phrase before the trigger, placed as a CAMPAIGN_LEAD phrase
  // ("after months of [anti-government] protests", "amid ongoing
  // protests"): no veto; the assembler dates such a protest row by its span
  // (h-span1), whatever day the sentence names.
  [[nodiscard]] bool NamesSpan(std::string_view sentence, std::size_t trigger_begin,
                               std::size_t trigger_end) const;
  [[nodiscard]] bool NamesSport(std::string_view sentence) const;
  [[nodiscard]] bool NamesCyber(std::string_view sentence) const;
  // An ordinary offence (OFFENCE_CUE) and no OFFENCE_KEEP word (outside the
  // offence phrases, as NamesOffenceKeep): the arrest
  // veto's test on a text read alone (a headline, h-prec27).
  [[nodiscard]] bool NamesOffence(std::string_view text) const;
  // An OFFENCE_KEEP word (a violent, political or state-linked act), not one
  // that lies inside an OFFENCE_CUE phrase of the sentence ("assault" in
  // "sexual assault", h-prec33).
  [[nodiscard]] bool NamesOffenceKeep(const SentenceWords& s) const;
  // True when `phrase` (lower case, one space between words) is an entry of
  // the AFTERMATH_CUE lexicon, or with `recording` of RECORDING_CUE: the
  // words before a trigger that name what an earlier event left ("victims
  // of", "the aftermath of") or a recording of it ("footage of"), read by
  // the date attachment (assemble.cpp, AftermathCueBefore; h-evdate8).
  [[nodiscard]] bool IsAftermathCue(std::string_view phrase, bool recording) const;
  [[nodiscard]] bool NamesTestLaunch(std::string_view sentence) const;
  // A count of hundreds or thousands as the trigger's own ("over 5,000 terror
  // attacks", "fired more than 4,500 missiles") in a sentence that names no
  // day: a sum over a war or a year (h-prec15).
  [[nodiscard]] bool NamesManyActs(std::string_view sentence, std::size_t trigger_begin,
                                   std::size_t trigger_end) const;
  // A count told from the start of a war to now, after the trigger ("have
  // been detained since the start of this war", "tanks lost since the
  // invasion began") in a sentence with no superlative ("the deadliest
  // strike since the war began" is one event): a running total (h-prec18).
  [[nodiscard]] static bool NamesSinceWarStart(std::string_view sentence, std::size_t trigger_end);
  // A window of more than about a month the trigger's act is counted over
  // ("attacked the grid 107 times in eight months", "arrests during the
  // two-month crackdown", "drones shot down this year"); with `lasting` also
  // a duration ("has been shelling the port for months", "attacks since
  // 2019", "a months-long bombardment"). A superlative, "first", an
  // ordinal or a named day keeps the row (h-prec19).
  [[nodiscard]] bool NamesSpanTotal(std::string_view sentence, std::size_t trigger_begin,
                                    std::size_t trigger_end, bool lasting) const;
  // A raid by police, detectives or customs (a POLICE_CUE word in the
  // sentence, the trigger a form of "raid", no HOSTILE_CUE word outside the
  // trigger): a search, not an attack ("police raided the studio over
  // stolen code"; not "troops raided the camp") (h-prec20).
  [[nodiscard]] bool NamesPoliceRaid(const SentenceWords& s, std::size_t trigger_begin,
                                     std::size_t trigger_end) const;
  // A PROTEST_CUE word in the sentence ("protesters", "demonstrators",
  // "rioters", "protests"): its clashes are a crowd's with police or guards.
  [[nodiscard]] bool NamesProtest(std::string_view sentence) const;
  [[nodiscard]] bool NamesProtest(const SentenceWords& sentence) const;
  // NamesSpan on a sentence split once.
  [[nodiscard]] bool NamesSpan(const SentenceWords& s, std::size_t trigger_begin,
                               std::size_t trigger_end) const;
  // A CONTEST_CUE word in the sentence (a takeover bid, a lawsuit, a
  // nomination, a talk show) and no HOSTILE_CUE word outside the trigger, no
  // protest and no police word: its "battle", "clash" or "fight" is a contest
  // of politics, courts, business or media, not armed action (h-prec21).
  [[nodiscard]] bool NamesContest(const SentenceWords& s, std::size_t trigger_begin,
                                  std::size_t trigger_end) const;
  // The lexicons the assembler's gates read by word lookup (h-fold1,
  // session 33), each built once at rule load:
  //  - kSecurity: SECURITY_CUE, the arrest gate's grounds (h-prec37,
  //    h-recall63; assemble.cpp, ArrestWithoutCue): a political or security
  //    cue, or a violent act of the timeline's types in every form its
  //    "~lemma" lines generate ("assaulting", "shooter", "stabbed");
  //  - kHarm: the casualties gate's words of violence (h-prec38;
  //    CasualtiesWithoutCue): HARM_CUE with HOSTILE_CUE, SECURITY_CUE and
  //    HOMICIDE_CHARGE, an entry two of them share counted once;
  //  - kWorkHeadline: WORK_HEADLINE, a game, a screen work or a genre of
  //    fiction named in a headline (h-prec38; NamesWorkHeadline).
  // Every entry matches with a possessive too ("the gunman's", "soldiers'").
  enum class Cues : std::uint8_t { kSecurity, kHarm, kWorkHeadline };
  // A phrase of `cues` in a sentence split once, remembered in it.
  [[nodiscard]] bool NamesCue(Cues cues, const SentenceWords& s) const;
  // The same on a text read alone (a headline).
  [[nodiscard]] bool NamesCue(Cues cues, std::string_view text) const;
  // How many distinct entries of `cues` `text` (a whole document) names,
  // counting stops at `enough`; the text is split into words once and each
  // word looked up by its first word, not each entry searched for.
  [[nodiscard]] std::size_t CountCues(Cues cues, std::string_view text, std::size_t enough) const;
  // False when the gate's own lexicon is missing or empty (a rule set of
  // one's own: SECURITY_CUE, HARM_CUE, WORK_HEADLINE): the gate is off.
  [[nodiscard]] bool HasCues(Cues cues) const;
  // The arrest gate's calls, as above with Cues::kSecurity.
  [[nodiscard]] bool NamesSecurityCue(const SentenceWords& s) const {
    return NamesCue(Cues::kSecurity, s);
  }
  [[nodiscard]] bool NamesSecurityCue(std::string_view text) const {
    return NamesCue(Cues::kSecurity, text);
  }
  [[nodiscard]] std::size_t CountSecurityCues(std::string_view text, std::size_t enough) const {
    return CountCues(Cues::kSecurity, text, enough);
  }
  [[nodiscard]] bool HasSecurityCues() const { return HasCues(Cues::kSecurity); }
  // The entries of a rule-set lexicon in lower case (any lexicon the rule
  // set has; empty for one it has not), lowered once at rule load for the
  // gates that read them on every row (PluralCampaign: DEMONYM,
  // ARMED_GROUP, FACILITY, PLACE_NOUN, NUMBER_WORD, ORDINAL_WORD).
  [[nodiscard]] const std::vector<std::string>& LowerEntries(std::string_view lexicon) const;
  static constexpr std::size_t kLeadGap = 3;

 private:
  struct Phrases {
    std::unordered_set<std::string> set;  // entries, lower case, one space between words
    // Every leading run of words of an entry ("a", "a pause", "a pause in"),
    // true when it is an entry itself: Finds stops growing a phrase that
    // leads to none.
    std::unordered_map<std::string, bool> leads;
    // The first words of the entries by FirstKey (first byte, length up to
    // 15): a sentence word whose key is not set begins no entry, and Finds
    // skips it without building and hashing a phrase (most words).
    std::bitset<4096> first;
    std::size_t max_words = 0;
    void Add(std::string_view entry);
    static std::size_t FirstKey(std::string_view word) {
      if (word.empty()) return 0;
      return static_cast<std::size_t>(static_cast<unsigned char>(word[0])) * 16 +
             std::min<std::size_t>(word.size(), 15);
    }
    bool Empty() const { return set.empty(); }
  };
  // The memo slots of SentenceWords, one per trigger-independent test.
  enum Memo : std::uint8_t {
    kFiction,
    kSport,
    kCyber,
    kTestLaunch,
    kAccident,
    kFire,
    kDay,
    kProtest,
    kOffence,
    kAnimalAttack,
    kSecurity,
    kHarm,
    kWorkHeadline
  };
  const Phrases& CuePhrases(Cues cues) const;
  static Memo CueMemo(Cues cues);
  // With `shield`, an entry of `p` whose words all lie inside an entry of
  // `shield` found in `s` does not count: "mine" (a hostile cue) in "a gold
  // mine collapse" (an accident cue) names no weapon (h-prec20).
  // `where`, when given, receives the bytes of the phrase found.
  static bool Finds(const Phrases& p, const SentenceWords& s, std::size_t skip_b,
                    std::size_t skip_e, const Phrases* shield = nullptr,
                    std::pair<std::size_t, std::size_t>* where = nullptr);
  // Adds "<entry>'s" for every entry of `p`.
  static void AddPossessives(Phrases& p);
  // Finds with no span skipped, remembered in `s` under `slot`.
  static bool FindsMemo(const Phrases& p, const SentenceWords& s, Memo slot);
  // A phrase of `lead` ending at most kLeadGap words before the trigger (see
  // NamesCampaign).
  static bool LeadBefore(const Phrases& lead, const SentenceWords& s, std::size_t trigger_begin);
  bool NamesCampaign(const SentenceWords& s, std::size_t trigger_begin,
                     std::size_t trigger_end) const;
  bool NamesOngoing(const SentenceWords& s, std::size_t trigger_begin,
                    std::size_t trigger_end) const;
  bool NamesManyActs(const SentenceWords& s, std::size_t trigger_begin,
                     std::size_t trigger_end) const;
  // A plural act noun as the trigger ("attacks", "shootings", "airstrikes")
  // with a word of kind or series at most three words before it ("such
  // attacks", "other deadly shootings", "previous Ruritanian raids",
  // "further strikes"; no clause break or preposition between) in a
  // sentence that names no day: a kind of act or a series, not one event
  // (h-prec33). Not "recent", "these" or "those": they point back at one
  // event told in the plural ("the recent attacks by the militia"); not
  // "repeated" (a rule example keeps "after repeated Houthi attacks"); not
  // counts ("numerous", "many": a MUC-4 DEV key pairs "the numerous murders
  // of recent months" with one of them).
  bool NamesGenericPlural(const SentenceWords& s, std::size_t trigger_begin,
                          std::size_t trigger_end) const;
  // A plural act noun of the trigger whose object is a bare plural of
  // merchant craft ("attacks on ships", "strikes on commercial vessels",
  // "raids on shipping") in a sentence that names no day: a campaign against
  // a kind of target, not one act (h-prec28).
  bool NamesGenericTargets(const SentenceWords& s, std::size_t trigger_begin,
                           std::size_t trigger_end) const;
  static bool NamesSinceWarStart(const SentenceWords& s, std::size_t trigger_end);
  // An animal that attacks: an animal.txt name with an attack word at most
  // four words after it in its clause, no "when", "while", "and" ... between
  // ("a dingo attack", "an otter attacked three swimmers", "the animal that
  // attacked her"), or "attacked / mauled / bitten / killed by" with at most
  // three words before the name.
  bool NamesAnimalAttack(const SentenceWords& s) const;
  // The last word of the longest animal name (animal.txt) that starts at
  // word i, or w.size() when none does.
  std::size_t AnimalNameEnd(const std::vector<SentenceWords::Word>& w, std::size_t i) const;
  // An animal as the victim (h-prec32): an animal.txt name, lower case, as
  // the object of the trigger (at most five words after it, "the killing of
  // one or two wolves", "strangling a 16-year-old dog", "shot his
  // neighbour's cat") or as its subject with only auxiliaries between ("a
  // police dog was stabbed"); not a name that modifies a noun after it ("a
  // dog owner", "a cattle market": the word after it is no function word) and not past a clause
  // break, a conjunction, a preposition or an -ing word ("a woman and her dog", "a man walking his
  // dog").
  bool NamesAnimalVictim(const SentenceWords& s, std::size_t trigger_begin,
                         std::size_t trigger_end) const;
  bool NamesSpanTotal(const SentenceWords& s, std::size_t trigger_begin, std::size_t trigger_end,
                      bool lasting) const;
  Phrases accident_, fire_, hostile_, fiction_, campaign_lead_, campaign_tail_, sport_, cyber_,
      aftermath_, recording_, ongoing_lead_, day_, test_launch_, span_lead_, protest_, police_,
      contest_, offence_, offence_keep_, animal_, series_lead_, homicide_charge_, sport_shield_,
      launch_shield_, security_, harm_, work_headline_;
  bool harm_gate_ = false;  // HARM_CUE has entries
  // LowerEntries: lexicon name -> its entries lower case.
  std::map<std::string, std::vector<std::string>, std::less<>> lower_;
};

}  // namespace eventline
