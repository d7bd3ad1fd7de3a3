// bench/program_sizes.cpp: RE2 program size of every shipped pattern
// (issue 7: programs of more than a few hundred instructions get no DFA
// under the lean budget and run the NFA; docs/scale.md, h-speed28).
//
//   program_sizes RULES_DIR > sizes.tsv
//
// Not part of the CMake build; from the source root, after a release build:
//   g++ -std=c++20 -O1 -Ilib bench/program_sizes.cpp build/release/libeventline_lib.a
//     $(pkg-config --cflags --libs re2) -lyaml-cpp -lsimdjson -lxxhash -lfmt -lpthread
//
// One line per rule pattern and `unless` entry: size of the program the
// Matcher runs (the lowered form when LowerCasePattern gives one, else the
// folded one), the folded program's size, the rule id and "p" or "uN".
#include <re2/re2.h>

#include <cstdio>
#include <string>

#include "eventline/matcher.h"
#include "eventline/rules.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: program_sizes RULES_DIR\n");
    return 2;
  }
  eventline::DiagnosticSink sink([](const eventline::Diagnostic&) {});
  const eventline::RuleSet rules = eventline::LoadRules({argv[1]}, sink);
  auto size = [](const std::string& p, bool cs) {
    re2::RE2::Options o;
    o.set_encoding(re2::RE2::Options::EncodingUTF8);
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    o.set_case_sensitive(cs);
    re2::RE2 re(p, o);
    return re.ok() ? re.ProgramSize() : -1;
  };
  auto line = [&](const std::string& id, const std::string& what, const std::string& p, bool cs) {
    const int folded = size(p, cs);
    const std::string low = eventline::LowerCasePattern(p, cs);
    const int run = low.empty() ? folded : size(low, true);
    std::printf("%d\t%d\t%s\t%s\n", run, folded, id.c_str(), what.c_str());
  };
  for (const auto& r : rules.rules) {
    line(r.id, "p", r.pattern, r.case_sensitive);
    for (std::size_t k = 0; k < r.unless.size(); ++k)
      line(r.id, "u" + std::to_string(k), r.unless[k], r.case_sensitive);
  }
  return 0;
}
