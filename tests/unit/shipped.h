// tests/unit/shipped.h: the shipped actors and gazetteer (rules/ of the
// source tree), loaded once per test binary and shared by the tests that
// read them. A diagnostic is logged with the failure that it causes.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "eventline/actors.h"
#include "eventline/builtin_tables.h"
#include "eventline/diagnostics.h"
#include "eventline/pipeline.h"
#include "eventline/places.h"

namespace eventline::testing {

inline std::vector<std::string> ShippedRuleDirs() {
  return {std::string(EVENTLINE_SOURCE_DIR) + "/rules"};
}

// Options over the shipped rules with the build's tables, as the binary
// loads them: files that match a table are taken from it (their patterns
// were checked when the build made it), any other file goes through the full
// loader. The full loader's own tests (rules_test, known_rule_files_test,
// known_places_test) load without the tables. Under ASan the full load of
// rules/ cost ~50 s of CPU per test process (docs/scale.md, "session 31,
// h-ci2").
inline EngineOptions ShippedOptions() {
  EngineOptions options;
  options.rule_dirs = ShippedRuleDirs();
  options.known_patterns = BuiltinKnownPatterns();
  options.known_rule_files = BuiltinKnownRuleFiles();
  options.gazetteer_image = BuiltinGazetteerImage();
  options.known_actor_files = BuiltinKnownActorFiles();
  return options;
}

// Loads with `load` (Actors::Load, Gazetteer::Load) and requires a clean
// load: no error and no warning.
template <typename T, typename LoadFn>
std::unique_ptr<T> LoadShipped(LoadFn load) {
  DiagnosticSink sink;
  auto loaded = load(ShippedRuleDirs(), sink);
  for (const Diagnostic& d : sink.diagnostics()) UNSCOPED_INFO(Render(d));
  REQUIRE(sink.error_count() == 0);
  REQUIRE(sink.warning_count() == 0);
  REQUIRE(loaded != nullptr);
  return loaded;
}

inline const Actors& ShippedActors() {
  static const std::unique_ptr<Actors> a = LoadShipped<Actors>([](const auto& dirs, auto& sink) {
    return Actors::Load(dirs, sink, BuiltinKnownActorFiles());
  });
  return *a;
}

inline const Gazetteer& ShippedPlaces() {
  static const std::unique_ptr<Gazetteer> g =
      LoadShipped<Gazetteer>([](const auto& dirs, auto& sink) {
        return Gazetteer::Load(dirs, sink, BuiltinGazetteerImage());
      });
  return *g;
}

// An engine over the shipped rules and then `extra_dirs`; its load
// diagnostics go to the test's log.
inline std::unique_ptr<Engine> LoadEngine(const std::vector<std::string>& extra_dirs = {}) {
  EngineOptions options = ShippedOptions();
  options.rule_dirs.insert(options.rule_dirs.end(), extra_dirs.begin(), extra_dirs.end());
  DiagnosticSink sink;
  auto loaded = Engine::Load(options, sink);
  for (const Diagnostic& d : sink.diagnostics()) UNSCOPED_INFO(Render(d));
  return loaded;
}

// The whole engine over the shipped rules.
inline const Engine& ShippedEngine() {
  static const std::unique_ptr<Engine> engine = LoadEngine();
  REQUIRE(engine != nullptr);
  return *engine;
}

// The rows of one document of `text` published on `pub_date`.
inline std::vector<EventRow> ExtractText(const std::string& text,
                                         const std::string& pub_date = "2023-03-15") {
  Document doc;
  doc.doc_id = "t";
  doc.text = text;
  doc.pub_date = ParseIsoDate(pub_date);
  return ShippedEngine().Extract(doc);
}

}  // namespace eventline::testing
