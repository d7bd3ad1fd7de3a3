// lib/eventline/trace.h: why a match of an event rule gave a row or did not,
// for `eventline explain` (docs/cli.md, docs/rules.md "eventline explain").
//
// One TraceSink per document, passed down Engine::Extract to the Matcher
// (an `unless` veto) and the Assembler (sentence cues, overlaps, folds);
// each drop point writes its reason there in one line. Null by default:
// `extract` passes none and runs as before.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "eventline/matcher.h"

namespace eventline {

struct EventRow;

class TraceSink {
 public:
  struct Record {
    const Rule* rule = nullptr;
    std::size_t begin = 0, end = 0;  // the whole match, bytes of the text
    std::vector<Capture> captures;   // empty for a match an `unless` vetoed
    // Why it gave no row of its own; empty when no drop point said why (a
    // row, or a drop nobody recorded).
    std::string fate;
    // An `unless` veto: the bytes the veto pattern matched, and which entry
    // of rule->unless it was (-1: not found again).
    std::size_t veto_begin = 0, veto_end = 0;
    int unless_index = -1;
  };

  // A match FindAll returned (before any test of the assembler).
  void Found(const Match& m);
  // A match of `rule` at [begin, end) of `text` that the `unless` match at
  // [veto_begin, veto_end) vetoed (Matcher::FindAll). Which of the rule's
  // `unless` patterns it was is found again here (an RE2 per pattern: for
  // explain only).
  void Unless(const Rule* rule, std::string_view text, std::size_t begin, std::size_t end,
              std::size_t veto_begin, std::size_t veto_end);
  // `m` gives no row: `why`. The first reason given for a match is kept.
  void Drop(const Match& m, std::string why);
  // The row `row` made is folded or dropped: `why` (the match of row.rule
  // whose span holds row.byte_start).
  void DropRow(const EventRow& row, std::string why);
  // Records from index `from` on move by `by` bytes (FindAll on a title's
  // text read apart, Engine::Extract on a text under a title).
  void Shift(std::size_t from, std::ptrdiff_t by);

  [[nodiscard]] const std::vector<Record>& records() const { return records_; }
  std::vector<Record>& records() { return records_; }

 private:
  Record* Find(const Rule* rule, std::size_t begin, std::size_t end);
  std::vector<Record> records_;
};

}  // namespace eventline
