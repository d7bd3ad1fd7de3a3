#include "eventline/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <iterator>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "eventline/actors.h"
#include "eventline/args.h"
#include "eventline/assemble.h"
#include "eventline/clean.h"
#include "eventline/name_index.h"
#include "eventline/output.h"
#include "eventline/places.h"
#include "eventline/pubdate.h"
#include "eventline/utf8.h"

namespace eventline {

namespace {

// How far (in sentences, either side) a back-off match may lie from a
// sentence where a specific event rule matched (docs/rules.md, "Back-off
// rules"). Chosen on the judged back-off rows of the Guardian dev set
// (docs/evaluation.md, h-prec8): within two sentences 40 of 48 were right,
// beyond them 20 of 46.
constexpr std::size_t kBackoffReach = 2;

// The end of a news dateline that opens a sentence of mixed-case text
// ("RAWALPINDI – Security forces…", "JERUSALEM: The army said…",
// "MOSCOW/HELSINKI: …", "CASABLANCA, Morocco: …"): capital-letter words
// (with '/' between cities), an optional ", Region", then ':' or a dash;
// 0 when there is none (h-prec17). Like a wire dateline it names where the
// report was filed, not where the events happened.
std::size_t NewsDatelineEnd(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  const std::size_t limit = std::min(end, begin + 60);
  std::size_t letters = 0;
  while (i < limit) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c >= 'a' && c <= 'z') {
      return 0;
    } else if (!(c == ' ' || c == '/' || c == '.' || c == '\'')) {
      break;
    }
    ++i;
  }
  if (letters < 3 || i >= limit) return 0;
  if (text[i] == ',') {  // ", Morocco", ", Gaza Strip", ", AUSTRALIA"
    ++i;
    int words = 0;
    while (i < limit && (text[i] == ' ' || std::isalpha(static_cast<unsigned char>(text[i])))) {
      if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++words;
      ++i;
    }
    if (words == 0 || words > 3) return 0;
  }
  while (i < limit && text[i] == ' ') ++i;
  if (i >= limit) return 0;
  const std::string_view rest = text.substr(i, limit - i);
  std::size_t sep = 0;
  if (rest.starts_with(":") || rest.starts_with("-")) {
    sep = 1;
  } else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94")) {
    sep = 3;
  } else {
    return 0;
  }
  // "GAZA- Israel…", "LONDON: Two…": a space must follow (not "F-16").
  if (i + sep >= limit || text[i + sep] != ' ') return 0;
  return i + sep;
}

}  // namespace

struct Engine::Impl {
  EngineOptions options;
  RuleSet rules;
  std::unique_ptr<Matcher> matcher;
  bool has_backoff = false;  // some event rule `requires: document_event`
  std::unique_ptr<Gazetteer> places;
  std::unique_ptr<Actors> actors;
  // Built at the first document that needs them, shared by all after.
  mutable std::once_flag arg_words_once;
  mutable ArgWords arg_words;
  mutable std::once_flag context_words_once;
  mutable ContextWords context_words;
  mutable std::once_flag given_names_once;
  mutable std::vector<std::string> given_names;  // {GIVEN_NAME}, sorted lower case
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::Load(const EngineOptions& options, DiagnosticSink& sink) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::size_t errors_before = sink.error_count();
  // The gazetteer and the actors do not depend on the rules: the gazetteer
  // loads on a thread of its own while this one parses the rules, builds
  // the matcher and then loads the actors. Their diagnostics are kept apart
  // and replayed after the matcher's, places then actors (the order of a
  // serial load), and only when the rules loaded, as before.
  DiagnosticSink side_sink, actors_sink;
  std::exception_ptr side_failure, clean_failure;
  std::jthread side([&] {
    if (!options.load_places_and_actors) return;
    try {
      impl->places = Gazetteer::Load(options.rule_dirs, side_sink, options.gazetteer_image);
    } catch (...) {
      side_failure = std::current_exception();
    }
  });
  // The cleaning patterns (compiled once per process, 13 M instructions)
  // on a third thread: with the gazetteer read from the build's image, the
  // main thread and the gazetteer's take about the same time without them.
  std::jthread clean([&] {
    try {
      PrepareClassifyLines();
    } catch (...) {
      clean_failure = std::current_exception();
    }
  });
  impl->rules = LoadRules(options.rule_dirs, sink, options.known_patterns,
                          options.known_rule_files);  // on a throw, ~jthread joins
  if (sink.error_count() > errors_before) return nullptr;
  impl->matcher = Matcher::Compile(impl->rules, sink, options.known_patterns);
  impl->has_backoff = std::any_of(impl->rules.rules.begin(), impl->rules.rules.end(),
                                  [](const Rule& r) { return r.requires_document_event; });
  std::exception_ptr actors_failure;
  if (options.load_places_and_actors) {
    try {
      impl->actors = Actors::Load(options.rule_dirs, actors_sink, options.known_actor_files);
    } catch (...) {
      actors_failure = std::current_exception();
    }
  }
  side.join();
  clean.join();
  if (side_failure) std::rethrow_exception(side_failure);
  if (clean_failure) std::rethrow_exception(clean_failure);
  if (actors_failure) std::rethrow_exception(actors_failure);
  for (const Diagnostic& d : side_sink.diagnostics()) sink.Report(d);
  for (const Diagnostic& d : actors_sink.diagnostics()) sink.Report(d);
  if (!impl->matcher || sink.error_count() > errors_before) return nullptr;
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const RuleSet& Engine::rules() const { return impl_->rules; }
const Matcher& Engine::matcher() const { return *impl_->matcher; }
void Engine::ReleaseCaches() { impl_->matcher->ReleaseCaches(); }
std::size_t Engine::ReleaseRecent(std::size_t n) { return impl_->matcher->ReleaseRecent(n); }
std::size_t Engine::compiled_patterns() const { return impl_->matcher->compiled_patterns(); }
void Engine::Tick() { impl_->matcher->Tick(); }
const EngineOptions& Engine::options() const { return impl_->options; }

CleanedDocument Engine::Clean(const Document& doc) const {
  CleanedDocument out;
  out.lines = ClassifyLines(doc.text, impl_->options.keep_boilerplate);
  for (const Line& l : out.lines) out.dropped_lines += l.keep ? 0 : 1;
  out.sentences = SplitSentences(doc.text, out.lines);
  return out;
}

std::vector<TimeExpr> Engine::Dates(const Document& doc, std::size_t* dropped_lines) const {
  // Clean(), into vectors kept by the thread: `eventline dates` runs on
  // one-sentence documents too, where two allocations a document counted.
  thread_local CleanedDocument cleaned;
  ClassifyLines(doc.text, impl_->options.keep_boilerplate, cleaned.lines);
  cleaned.dropped_lines = 0;
  for (const Line& l : cleaned.lines) cleaned.dropped_lines += l.keep ? 0 : 1;
  SplitSentences(doc.text, cleaned.lines, cleaned.sentences);
  if (dropped_lines) *dropped_lines = cleaned.dropped_lines;
  TimeContext ctx;
  ctx.pub_date = doc.pub_date;
  ctx.order = impl_->options.date_order;
  std::vector<TimeExpr> out;
  for (const Sentence& s : cleaned.sentences) {
    std::vector<TimeExpr> found = FindTimes(*impl_->matcher, doc.text, s, ctx);
    if (out.empty()) {
      out = std::move(found);  // no second vector for a one-sentence document
      continue;
    }
    for (TimeExpr& t : found) out.push_back(std::move(t));
  }
  return out;
}

std::vector<EventRow> Engine::Extract(const Document& doc, std::size_t* dropped_lines,
                                      const Rule* only_rule, TraceSink* trace) const {
  if (!impl_->places || !impl_->actors) {
    throw std::logic_error("Engine::Extract: loaded without places and actors");
  }
  std::string head;
  if (impl_->options.use_title && !doc.title.empty()) head = TitleHeadline(doc.title, doc.text);
  if (head.empty()) return ExtractText(doc, 0, nullptr, dropped_lines, only_rule, trace);
  // The title is read as the headline, its own line and a blank line before
  // the text (docs/input.md "The title"): it lends the text its place, its
  // date cues and its vetoes, but its own rows have no offsets in the text
  // and are not written. The rest are shifted back: offsets, sentence index
  // and id as if the text had been read alone.
  Document headed = doc;
  headed.text.reserve(head.size() + 2 + doc.text.size());
  headed.text.assign(head).append("\n\n").append(doc.text);
  const std::size_t shift = head.size() + 2;
  int title_sentences = 0;
  std::vector<EventRow> rows =
      ExtractText(headed, shift, &title_sentences, dropped_lines, only_rule, trace);
  std::erase_if(rows, [&](const EventRow& r) { return r.byte_start < shift; });
  if (trace) {  // the title's matches are context, as its rows
    std::erase_if(trace->records(), [&](const TraceSink::Record& r) { return r.begin < shift; });
    trace->Shift(0, -static_cast<std::ptrdiff_t>(shift));
  }
  for (EventRow& r : rows) {
    r.byte_start -= shift;
    r.byte_end -= shift;
    r.sentence_index -= title_sentences;
    r.event_id = EventId(r.doc_id, r.byte_start, r.byte_end, r.event_type);
  }
  return rows;
}

std::vector<EventRow> Engine::ExtractText(const Document& doc, std::size_t context_end,
                                          int* context_sentences, std::size_t* dropped_lines,
                                          const Rule* only_rule, TraceSink* trace) const {
  // No-break and thin spaces between words defeat every rule's \s: the
  // document is read as if they were plain spaces, byte for byte, so offsets
  // and ids hold (a slot's text then shows plain spaces).
  if (std::string spaced = PlainSpaced(doc.text); !spaced.empty()) {
    Document plain = doc;
    plain.text = std::move(spaced);
    return ExtractText(plain, context_end, context_sentences, dropped_lines, only_rule, trace);
  }
  const CleanedDocument cleaned = Clean(doc);
  if (dropped_lines) {
    // The text's lines only: a title's line is no line of the input.
    *dropped_lines = cleaned.dropped_lines;
    for (const Line& l : cleaned.lines) *dropped_lines -= l.begin < context_end && !l.keep ? 1 : 0;
  }
  if (context_sentences) {
    *context_sentences =
        static_cast<int>(std::count_if(cleaned.sentences.begin(), cleaned.sentences.end(),
                                       [&](const Sentence& s) { return s.begin < context_end; }));
  }
  TimeContext ctx;
  ctx.pub_date = doc.pub_date;
  ctx.order = impl_->options.date_order;
  Lookups lookups;
  lookups.rules = &impl_->rules;
  lookups.places = impl_->places.get();
  lookups.actors = impl_->actors.get();
  std::call_once(impl_->arg_words_once,
                 [&] { impl_->arg_words = ArgWords::FromRules(&impl_->rules); });
  lookups.arg_words = &impl_->arg_words;
  std::call_once(impl_->context_words_once,
                 [&] { impl_->context_words = ContextWords::FromRules(&impl_->rules); });
  lookups.context_words = &impl_->context_words;
  Assembler assembler(doc, lookups);
  assembler.SetContextEnd(context_end);
  assembler.SetTrace(trace);

  // Event triggers first: most documents of a feed have none, and then
  // nothing else needs to run.
  std::vector<Match> events;
  std::vector<std::size_t> first_event;  // per sentence, index into `events`
  first_event.reserve(cleaned.sentences.size() + 1);
  // Back-off rules (`requires: document_event`) count only near a sentence
  // that some other event rule matched, whichever rules `only_rule` keeps;
  // so they run in a second pass, only there (most documents of a feed
  // have no event, and the back-off triggers are common nouns).
  const auto keep = [&](const Match& m) {
    // Casualty phrases stay: they fill the counts of the rule's event.
    return !only_rule || m.rule->id == only_rule->id ||
           (only_rule->event_type != "casualties" && m.rule->event_type == "casualties");
  };
  // Sentences (indices into `cleaned.sentences`, ascending) where a specific
  // rule matched: the anchors of the back-off rows.
  std::vector<std::size_t> anchors;
  // Specific matches of sentence i appended to `out`, kept ones only; true
  // when some rule matched there (an anchor, whatever `only_rule` keeps).
  const auto find_specific = [&](std::size_t i, std::vector<Match>& out) {
    const Sentence& s = cleaned.sentences[i];
    const std::size_t from = out.size();
    impl_->matcher->FindAll(RuleKind::kEvent, doc.text, s.begin, s.end, out,
                            Matcher::Tier::kSpecific, context_end, trace);
    const bool anchor = out.size() > from;
    for (std::size_t k = from; trace && k < out.size(); ++k) trace->Found(out[k]);
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                             [&](const Match& m) { return !keep(m); }),
              out.end());
    return anchor;
  };
  // The context's sentences (a title's) come first in `cleaned.sentences`.
  std::size_t context_n = 0;
  while (context_n < cleaned.sentences.size() && cleaned.sentences[context_n].begin < context_end)
    ++context_n;
  // The text is matched before its context (a title, Extract): a row lies
  // in the sentence of its match, and the context's rows are written
  // nowhere, so a text without specific matches has rows only if a
  // back-off rule matches a text sentence within kBackoffReach of the
  // context, anchored there. Else the context is never matched (h-speed45).
  std::vector<Match> text_events;
  std::vector<std::size_t> text_first;  // per text sentence, index into `text_events`
  for (std::size_t i = context_n; i < cleaned.sentences.size(); ++i) {
    text_first.push_back(text_events.size());
    if (find_specific(i, text_events)) anchors.push_back(i);
  }
  if (context_n > 0 && anchors.empty()) {
    bool backoff_row = false;
    const std::size_t reach =
        std::min(cleaned.sentences.size(), context_n + kBackoffReach);  // context_n - 1 + reach
    std::vector<Match> probe;
    for (std::size_t i = context_n; impl_->has_backoff && !backoff_row && i < reach; ++i) {
      const Sentence& s = cleaned.sentences[i];
      probe.clear();
      impl_->matcher->FindAll(RuleKind::kEvent, doc.text, s.begin, s.end, probe,
                              Matcher::Tier::kBackoff, context_end);  // a probe: not traced
      backoff_row = std::any_of(probe.begin(), probe.end(), keep);
    }
    // Explain (a trace) goes on: its lone back-off matches are listed below.
    if (!backoff_row && !trace) return {};
  }
  std::vector<std::size_t> text_anchors = std::move(anchors);
  anchors.clear();
  for (std::size_t i = 0; i < context_n; ++i) {
    first_event.push_back(events.size());
    if (find_specific(i, events)) anchors.push_back(i);
  }
  anchors.insert(anchors.end(), text_anchors.begin(), text_anchors.end());
  if (events.empty()) {
    events = std::move(text_events);
    first_event.insert(first_event.end(), text_first.begin(), text_first.end());
  } else {
    const std::size_t offset = events.size();
    for (const std::size_t k : text_first) first_event.push_back(offset + k);
    events.insert(events.end(), std::make_move_iterator(text_events.begin()),
                  std::make_move_iterator(text_events.end()));
  }
  first_event.push_back(events.size());
  if (!anchors.empty() && impl_->has_backoff) {
    // Each sentence's back-off matches join its own, in FindAll's order
    // (begin, rule order): the rows are those of one pass over all rules.
    // A back-off match counts only near an anchor, within kBackoffReach
    // sentences either side: in a long article one specific event no longer
    // opens the gate for a "the attack" forty sentences on.
    std::vector<Match> merged;
    merged.reserve(events.size());
    std::size_t next_anchor = 0;  // first anchor not below i - kBackoffReach
    for (std::size_t i = 0; i < cleaned.sentences.size(); ++i) {
      const Sentence& s = cleaned.sentences[i];
      const std::size_t from = merged.size();
      for (std::size_t k = first_event[i]; k < first_event[i + 1]; ++k) {
        merged.push_back(std::move(events[k]));
      }
      first_event[i] = from;
      while (next_anchor < anchors.size() && anchors[next_anchor] + kBackoffReach < i) {
        ++next_anchor;
      }
      if (next_anchor == anchors.size() || anchors[next_anchor] > i + kBackoffReach) continue;
      const std::size_t own = merged.size();
      impl_->matcher->FindAll(RuleKind::kEvent, doc.text, s.begin, s.end, merged,
                              Matcher::Tier::kBackoff, context_end, trace);
      for (std::size_t k = own; trace && k < merged.size(); ++k) trace->Found(merged[k]);
      merged.erase(std::remove_if(merged.begin() + static_cast<std::ptrdiff_t>(own), merged.end(),
                                  [&](const Match& m) { return !keep(m); }),
                   merged.end());
      if (merged.size() > own && own > from) {
        std::stable_sort(merged.begin() + static_cast<std::ptrdiff_t>(from), merged.end(),
                         [](const Match& x, const Match& y) {
                           if (x.begin != y.begin) return x.begin < y.begin;
                           return x.rule < y.rule;
                         });
      }
    }
    first_event.back() = merged.size();
    events = std::move(merged);
  }
  if (trace && impl_->has_backoff) {
    // Explain only: the back-off matches that no specific event vouches for,
    // which the pass above never looked for.
    for (std::size_t i = 0; i < cleaned.sentences.size(); ++i) {
      const auto near = std::lower_bound(anchors.begin(), anchors.end(),
                                         i >= kBackoffReach ? i - kBackoffReach : 0);
      if (near != anchors.end() && *near <= i + kBackoffReach) continue;
      std::vector<Match> lone;
      impl_->matcher->FindAll(RuleKind::kEvent, doc.text, cleaned.sentences[i].begin,
                              cleaned.sentences[i].end, lone, Matcher::Tier::kBackoff, context_end,
                              trace);
      for (const Match& m : lone) {
        if (keep(m))
          trace->Drop(
              m, fmt::format("back-off: no specific event within {} sentences", kBackoffReach));
      }
    }
  }
  std::vector<EventRow> rows;
  if (events.empty()) return rows;

  // Places of the sentences with events; the countries they name decide
  // ambiguous names anywhere in the document.
  // A wire dateline's place ("LIMA, 2 DEC 88 (AGENCY) --") is where the
  // report was filed: it counts for the hint but is no event's place.
  std::vector<PlaceMention> mentions, dateline_mentions, news_dateline_mentions;
  std::vector<std::size_t> first_mention;
  first_mention.reserve(cleaned.sentences.size() + 1);
  const auto dateline = FindWireDateline(doc.text);
  if (dateline) {
    dateline_mentions = impl_->places->FindAll(doc.text, dateline->first, dateline->second);
  }
  for (std::size_t i = 0; i < cleaned.sentences.size(); ++i) {
    first_mention.push_back(mentions.size());
    if (first_event[i] == first_event[i + 1]) continue;
    const Sentence& s = cleaned.sentences[i];
    const std::size_t news_dateline =
        MostlyUpperCase(std::string_view(doc.text).substr(s.begin, s.end - s.begin))
            ? 0
            : NewsDatelineEnd(doc.text, s.begin, s.end);
    for (PlaceMention& m : impl_->places->FindAll(doc.text, s.begin, s.end)) {
      if (dateline && m.begin < dateline->second && m.end > dateline->first) continue;
      // A news dateline's place counts for the hint once, as before, but is
      // no event's place (h-prec17).
      if (m.end <= news_dateline) {
        news_dateline_mentions.push_back(m);
        continue;
      }
      mentions.push_back(m);
    }
  }
  first_mention.push_back(mentions.size());
  // A name the document gives a person ("Rep. George Santos") is no place
  // anywhere in it ("Santos was arrested"; Gazetteer::PersonNames).
  std::call_once(impl_->given_names_once, [&] {
    if (const auto it = impl_->rules.lexicons.find("GIVEN_NAME"); it != impl_->rules.lexicons.end())
      impl_->given_names = Gazetteer::GivenNames(it->second);
  });
  if (const std::vector<std::string> persons =
          Gazetteer::PersonNames(doc.text, mentions, impl_->given_names);
      !persons.empty()) {
    std::vector<PlaceMention> kept;
    std::size_t k = 0;
    for (std::size_t i = 0; i + 1 < first_mention.size(); ++i) {
      const std::size_t end = first_mention[i + 1];
      first_mention[i] = kept.size();
      for (; k < end; ++k) {
        const PlaceMention& m = mentions[k];
        if (!std::binary_search(persons.begin(), persons.end(),
                                std::string_view(doc.text).substr(m.begin, m.end - m.begin)))
          kept.push_back(m);
      }
    }
    first_mention.back() = kept.size();
    mentions = std::move(kept);
  }
  {
    // Each dateline place weighs as two mentions of its country (resolved
    // with the text's own hint: "LIMA" is Lima, Peru, in a Peruvian report):
    // with one more mention in the text it makes the document's main country
    // (Gazetteer::MainCountry).
    const CountryCounts text_hint = Gazetteer::CountCountries(mentions);
    std::vector<const Place*> resolved;
    resolved.reserve(dateline_mentions.size());
    for (const PlaceMention& m : dateline_mentions) {
      resolved.push_back(&Gazetteer::Resolve(m, text_hint));
    }
    std::vector<PlaceMention> all = mentions;
    all.insert(all.end(), news_dateline_mentions.begin(), news_dateline_mentions.end());
    for (std::size_t k = 0; k < resolved.size(); ++k) {
      PlaceMention m = dateline_mentions[k];
      m.candidates = std::span<const Place* const>(&resolved[k], 1);
      all.push_back(m);
      all.push_back(m);
    }
    CountryCounts hint = Gazetteer::CountCountries(all);
    Gazetteer::AddNamesakeCues(doc.text, mentions, hint);
    assembler.SetCountryHint(hint);
  }

  // Times are read in every sentence: an anaphoric date ("the day before")
  // needs the last date mentioned. Cues are read where there are events,
  // and in a sentence without events that opens a quote: its speaker owns
  // the quoted sentences after it (Assembler::NeedsCues).
  // Context flows forward only, so reading stops at the last sentence with
  // an event.
  std::size_t last = cleaned.sentences.size();
  while (last > 0 && first_event[last - 1] == first_event[last]) --last;
  // An event of the lead: the body's first sentences are read too, for a
  // day that names its incident again without an event row ("the incident
  // took place on Tuesday", Assembler::Finish, h-evdate13).
  // Only under a headline (a first paragraph of at most 300 bytes, one line,
  // no final full stop) and for a violent act, as Finish reads them.
  if (last < 8) {
    const std::string_view text = doc.text;
    const std::size_t br = text.find("\n\n");
    bool headed = false;
    if (br != std::string_view::npos && br <= 300) {
      std::string_view head = text.substr(0, br);
      while (!head.empty() && std::isspace(static_cast<unsigned char>(head.back())))
        head.remove_suffix(1);
      headed = !head.empty() && head.back() != '.' && head.find('\n') == std::string_view::npos;
    }
    const std::size_t lead_end = first_event[std::min<std::size_t>(3, cleaned.sentences.size())];
    bool violent = false;
    for (std::size_t k = 0; headed && k < lead_end && !violent; ++k) {
      const std::string& type = events[k].rule->event_type;
      for (std::string_view v : {"attack", "air_strike", "shelling", "explosion", "armed_clash",
                                 "killing", "casualties", "abduction"})
        if (type == v) violent = true;
    }
    if (violent) last = std::min<std::size_t>(cleaned.sentences.size(), 8);
  }
  std::vector<Match> cues;
  bool title_anchor = false;  // ctx.anchor was last moved by a title's phrase
  for (std::size_t i = 0; i < last; ++i) {
    const Sentence& s = cleaned.sentences[i];
    if (title_anchor && s.begin >= context_end) {
      // h-evdate27: the body is written to be read without its title, so a
      // title's phrase is no anchor of the body's anaphora: "10 years
      // earlier" under a title "... 10 YEARS AGO" counts from publication,
      // as the text read alone does, not ten years before the title's year.
      // The title's dates still reach the body's events through the
      // assembler's context (a headline's "yesterday" dates its lead).
      ctx.anchor.reset();
      ctx.anchor_end.reset();
      ctx.anchor_precision = Precision::kDay;
      title_anchor = false;
    }
    const std::vector<TimeExpr> times = FindTimes(*impl_->matcher, doc.text, s, ctx);
    if (s.begin < context_end && ctx.anchor) title_anchor = true;
    const std::span<const Match> here_events(events.data() + first_event[i],
                                             first_event[i + 1] - first_event[i]);
    cues.clear();
    // A sentence without events needs its cues only when it opens a quote.
    if (assembler.NeedsCues(s, !here_events.empty())) {
      impl_->matcher->FindAll(RuleKind::kCue, doc.text, s.begin, s.end, cues, Matcher::Tier::kAll,
                              context_end);
    }
    const std::span<const PlaceMention> here(mentions.data() + first_mention[i],
                                             first_mention[i + 1] - first_mention[i]);
    assembler.AddSentence(s, times, here_events, cues, here, rows);
  }
  assembler.Finish(rows);
  return rows;
}

}  // namespace eventline
