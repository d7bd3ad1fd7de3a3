// bench_rules: rule load time and matching throughput.
//
//   bench_rules TEXT_FILE RULES_DIR...
//
// Loads the rule dirs (LoadRules + Matcher::Compile, timed), then runs
// FindAll for every kind over TEXT_FILE split into sentence-like ranges
// (at ". " and blank lines), three times, and prints the best MB/s.
// Built by bench/bench_rules.sh against a Release eventline_lib.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eventline/matcher.h"
#include "eventline/rules.h"

using namespace eventline;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_rules TEXT_FILE RULES_DIR...\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t b = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const bool stop = (text[i] == '.' && (text[i + 1] == ' ' || text[i + 1] == '\n')) ||
                      (text[i] == '\n' && text[i + 1] == '\n');
    if (stop) {
      ranges.emplace_back(b, i + 1);
      b = i + 1;
    }
  }
  ranges.emplace_back(b, text.size());

  DiagnosticSink sink;
  const auto t0 = Clock::now();
  const RuleSet set = LoadRules(std::vector<std::string>(argv + 2, argv + argc), sink);
  const auto t1 = Clock::now();
  auto matcher = Matcher::Compile(set, sink);
  const auto t2 = Clock::now();
  if (!matcher || sink.has_errors()) {
    for (const auto& d : sink.diagnostics()) std::fputs(Render(d).c_str(), stderr);
    return 2;
  }
  double best = 1e18;
  std::size_t matches = 0;
  for (int run = 0; run < 3; ++run) {
    std::vector<Match> out;
    const auto s = Clock::now();
    for (const auto& [rb, re] : ranges) {
      for (auto kind : {RuleKind::kEvent, RuleKind::kTime, RuleKind::kCue}) {
        matcher->FindAll(kind, text, rb, re, out);
      }
      matches += out.size();
      out.clear();
    }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - s).count());
  }
  // Per kind, to see where the time goes.
  std::string per_kind;
  for (auto kind : {RuleKind::kEvent, RuleKind::kTime, RuleKind::kCue}) {
    std::vector<Match> out;
    const auto s = Clock::now();
    for (const auto& [rb, re] : ranges) {
      matcher->FindAll(kind, text, rb, re, out);
      out.clear();
    }
    const double sec = std::chrono::duration<double>(Clock::now() - s).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "  %s %.0f", std::string(ToString(kind)).c_str(),
                  static_cast<double>(text.size()) / 1e6 / sec);
    per_kind += buf;
  }
  const double ms_load = std::chrono::duration<double, std::milli>(t1 - t0).count();
  const double ms_compile = std::chrono::duration<double, std::milli>(t2 - t1).count();
  std::printf(
      "%6zu rules  load %7.1f ms  compile %7.1f ms  match %7.1f MB/s  (%zu matches/run, %.1f MB, "
      "%zu ranges)\n",
      set.rules.size(), ms_load, ms_compile, static_cast<double>(text.size()) / 1e6 / best,
      matches / 3, static_cast<double>(text.size()) / 1e6, ranges.size());
  std::printf("        MB/s by kind:%s\n", per_kind.c_str());
  return 0;
}
