// lib/eventline/pipeline.h: composition only. An Engine holds everything
// compiled from the rules (RuleSet, Matcher, gazetteer, actors) and turns one
// Document into sentences, time expressions or timeline rows.
//
// Load once, then share: all methods are const and thread-safe. Documents
// passed in must outlive the spans returned for them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "eventline/actors.h"
#include "eventline/clean.h"
#include "eventline/dates.h"
#include "eventline/diagnostics.h"
#include "eventline/document.h"
#include "eventline/event.h"
#include "eventline/matcher.h"
#include "eventline/rules.h"
#include "eventline/sentences.h"
#include "eventline/trace.h"

namespace eventline {

struct EngineOptions {
  std::vector<std::string> rule_dirs;  // built-in first, then each --rules DIR
  DateOrder date_order = DateOrder::kDayFirst;
  bool keep_boilerplate = false;
  // Patterns the build already checked (the eventline binary passes the
  // table it was built with): loaded without compiling, compiled on first use.
  KnownPatterns known_patterns;
  // Rule files the build already loaded (the eventline binary passes the
  // table it was built with): deserialized instead of parsed.
  KnownRuleFiles known_rule_files;
  // The shipped gazetteer's build-time image and actors files' parses (the
  // eventline binary passes its own; see Gazetteer::Load, KnownActorFile).
  std::string_view gazetteer_image;
  KnownActorFiles known_actor_files;
  // The gazetteer and the actors, which only Extract uses: `eventline dates`
  // leaves them out (a third of its cold start). Extract needs them.
  bool load_places_and_actors = true;
  // A JSONL title is read as the headline before the text, as context only
  // (TitleHeadline; docs/input.md "The title"). --no-title clears it.
  bool use_title = true;
};

struct CleanedDocument {
  std::vector<Line> lines;
  std::vector<Sentence> sentences;
  std::size_t dropped_lines = 0;
};

class Engine {
 public:
  // Loads and compiles all rules; every problem goes to `sink`. Returns
  // nullptr when any error was reported (the run must stop before input).
  [[nodiscard]] static std::unique_ptr<Engine> Load(const EngineOptions& options,
                                                    DiagnosticSink& sink);
  ~Engine();
  Engine(const Engine&) = delete;  // owns compiled rules shared by reference
  Engine& operator=(const Engine&) = delete;

  [[nodiscard]] CleanedDocument Clean(const Document& doc) const;
  // `dropped_lines`, when given, receives the number of boilerplate lines skipped.
  [[nodiscard]] std::vector<TimeExpr> Dates(const Document& doc,
                                            std::size_t* dropped_lines = nullptr) const;
  // `only_rule`, when given, is the one event rule used, with the casualty
  // rules that fill its counts (for `eventline test`).
  // `trace`, when given, receives every match of an event rule and why it
  // gave no row (`eventline explain`; offsets as the rows'); the rows are
  // the same.
  [[nodiscard]] std::vector<EventRow> Extract(const Document& doc,
                                              std::size_t* dropped_lines = nullptr,
                                              const Rule* only_rule = nullptr,
                                              TraceSink* trace = nullptr) const;

  [[nodiscard]] const RuleSet& rules() const;
  [[nodiscard]] const Matcher& matcher() const;
  // Matcher::ReleaseCaches: bounds a long run's memory. Not thread-safe: no
  // other call on this engine may run meanwhile.
  void ReleaseCaches();
  // Matcher::ReleaseRecent, compiled_patterns and Tick (same conditions).
  std::size_t ReleaseRecent(std::size_t n);
  [[nodiscard]] std::size_t compiled_patterns() const;
  void Tick();
  [[nodiscard]] const EngineOptions& options() const;

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  // Extract on `doc` whose bytes [0, context_end) are a title set before
  // the text: their rows are made (and lend the text their context) but
  // the caller drops them. `context_sentences` receives how many sentences
  // start there.
  [[nodiscard]] std::vector<EventRow> ExtractText(const Document& doc, std::size_t context_end,
                                                  int* context_sentences,
                                                  std::size_t* dropped_lines, const Rule* only_rule,
                                                  TraceSink* trace) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventline
