#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>

#include "eventline/rules.h"

namespace eventline {

// Compiles a rule or `unless` pattern with RE2's memory budget set to
// kPatternRe2LeanMem first, and to options.max_mem() only when the program
// does not fit in that (RE2::ErrorPatternTooLarge). Which budget was used
// changes no match, only how RE2 searches: a lean program gets a small DFA
// state cache that RE2 resets in place when full, or none (its searches run
// on the NFA or BitState, sentence by sentence); docs/scale.md, "Memory".
// `full`, when given, is set when the lean budget failed, so that a caller
// compiling the pattern again can skip the failing attempt (full_first).
// `lean_mem`: the first budget (kTimeRe2LeanMem for time rules).
inline std::shared_ptr<const re2::RE2> CompilePattern(const std::string& pattern,
                                                      const re2::RE2::Options& options,
                                                      bool full_first = false, bool* full = nullptr,
                                                      std::int64_t lean_mem = kPatternRe2LeanMem) {
  if (!full_first && options.max_mem() > lean_mem) {
    re2::RE2::Options lean = options;
    lean.set_max_mem(lean_mem);
    auto re = std::make_shared<const re2::RE2>(pattern, lean);
    if (re->ok() || re->error_code() != re2::RE2::ErrorPatternTooLarge) return re;
    if (full != nullptr) *full = true;
  }
  return std::make_shared<const re2::RE2>(pattern, options);
}

}  // namespace eventline
