#include "eventline/trace.h"

#include <re2/re2.h>

#include "eventline/event.h"

namespace eventline {

TraceSink::Record* TraceSink::Find(const Rule* rule, std::size_t begin, std::size_t end) {
  for (Record& r : records_) {
    if (r.rule == rule && r.begin == begin && r.end == end) return &r;
  }
  return nullptr;
}

void TraceSink::Found(const Match& m) {
  if (Find(m.rule, m.begin, m.end) != nullptr) return;
  records_.push_back({m.rule, m.begin, m.end, m.captures, {}, 0, 0, -1});
}

void TraceSink::Unless(const Rule* rule, std::string_view text, std::size_t begin, std::size_t end,
                       std::size_t veto_begin, std::size_t veto_end) {
  if (Find(rule, begin, end) != nullptr) return;
  int index = -1;
  for (std::size_t i = 0; i < rule->unless.size() && index < 0; ++i) {
    RE2::Options options;
    options.set_case_sensitive(rule->case_sensitive);
    options.set_log_errors(false);
    const RE2 re(rule->unless[i], options);
    re2::StringPiece found;
    if (re.ok() && re.Match(text, veto_begin, text.size(), RE2::ANCHOR_START, &found, 1) &&
        found.size() == veto_end - veto_begin) {
      index = static_cast<int>(i);
    }
  }
  records_.push_back({rule,
                      begin,
                      end,
                      {},
                      "vetoed by an `unless` pattern of its rule",
                      veto_begin,
                      veto_end,
                      index});
}

void TraceSink::Drop(const Match& m, std::string why) {
  Record* r = Find(m.rule, m.begin, m.end);
  if (r == nullptr) {
    Found(m);
    r = &records_.back();
  }
  if (r->fate.empty()) r->fate = std::move(why);
}

void TraceSink::DropRow(const EventRow& row, std::string why) {
  for (Record& r : records_) {
    if (r.rule == nullptr || r.rule->id != row.rule || !r.fate.empty()) continue;
    if (r.begin <= row.byte_start && row.byte_start < r.end) {
      r.fate = std::move(why);
      return;
    }
  }
}

void TraceSink::Shift(std::size_t from, std::ptrdiff_t by) {
  const auto move = [by](std::size_t& x) {
    x = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(x) + by);
  };
  for (std::size_t i = from; i < records_.size(); ++i) {
    Record& r = records_[i];
    move(r.begin);
    move(r.end);
    for (Capture& c : r.captures) {
      if (!c.set()) continue;
      move(c.begin);
      move(c.end);
    }
    if (r.veto_end > r.veto_begin) {
      move(r.veto_begin);
      move(r.veto_end);
    }
  }
}

}  // namespace eventline
