// The start window of rules without leading strings (docs/scale.md,
// "session 27, h-speed36"): DeriveStartWindow's bound on the whitespace runs
// before the rest of a match, StartWindowBegin, and FindAll with windows
// against RE2's plain unanchored search over random texts.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "compiled_rules.h"
#include "eventline/matcher.h"
#include "eventline/prefilter.h"
#include "eventline/rules.h"

namespace eventline {
namespace {

std::string Show(const std::optional<StartWindow>& w) {
  if (!w) return "NONE";
  std::string out = std::to_string(w->runs) + ":";
  for (const std::string& s : w->leading) out += "[" + s + "]";
  return out;
}

TEST_CASE("start window: the runs before the first part with leading strings", "[prefilter]") {
  const struct {
    const char* pattern;
    const char* window;
  } cases[] = {
      // A leading optional slot: the open possessive has no length bound but
      // no space; the split is at the \s+ after it.
      {R"(\b(?:the|[\w-]+['’]s)\s+(?:brief\s+)?(?P<trigger>arrests?)\b)",
       "0:[ arrest][ arrests][ brief a]"},
      // The slot's own spaces count: "dozens of" is one run, then \s+.
      {R"(\b(?:(?:dozens\s+of|[\w-]+['’]s)\s+)?(?:mass\s+)?(?P<trigger>arrests)\b)",
       "2:[arrests][mass arr]"},
      // A bounded repeat of words: two runs each.
      {R"((?:\w+\s+){0,3}(?P<trigger>said)\b)", "3:[said]"},
      // A negated class may be a space: one run per character.
      {R"([^.]{0,4}(?P<trigger>said))", "4:[said]"},
      // Spaces only, optional: the split comes before them.
      {R"(\w+[ \t]*\s*(?P<trigger>said))", "0:[ said][said]"},
      {R"(\w+(?:[ \t]|\s)*(?P<trigger>said))", "0:[ said][said]"},
      // A whole pattern wrapped in a group without alternation is opened up.
      {R"((?:\b[\w-]+\s+(?P<trigger>shelled)\s+\w+))", "0:[ shelled]"},
      // Spaces repeated inside a group that also holds a word: a run each.
      {R"((?:\s+x){0,2}(?:\s|\t)+(?P<trigger>said))", "2:[ said]"},
      // An alternation, at the top or opening the rest: each alternative's
      // window, merged (the union of the strings, the largest count).
      {R"(\w+\s+said|\w+\s+\w+\s+told)", "1:[ said][ told]"},
      {R"(\b(?:\w+\s+(?P<trigger>raids)|[\w-]+['’]s\s+(?:big\s+)?(?P<trigger2>attack)))",
       "0:[ raids][s attack][s big at]"},
      // Unbounded leading words, a '.' run, a top-level alternation, a
      // pattern with leading strings of its own: no window.
      {R"((?:\b(?:but|and)\s+)*(?-i:[A-Z]\w*)\s+(?P<trigger>said))", "NONE"},
      {R"(.*said)", "NONE"},
      {R"(\w+\s+said|(?:\w+\s+)*told)", "NONE"},
      // Only a lone space or one letter can lead: too weak, no later split.
      {R"(\w+\s+\w)", "NONE"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    std::string got = Show(DeriveStartWindow(c.pattern));
    // Long lists: compare the head only.
    if (std::string(c.window) != "NONE" && got.size() > std::string(c.window).size()) {
      got = got.substr(0, std::string(c.window).size());
    }
    CHECK(got == c.window);
  }
}

TEST_CASE("start window: where a match may begin at the earliest", "[prefilter]") {
  const std::string text = "ab cd  \t ef\ngh ij";
  const std::size_t at = text.find("ij");
  CHECK(StartWindowBegin(text, 0, at, 0) == at);
  CHECK(StartWindowBegin(text, 0, at, 1) == text.find("gh"));
  CHECK(StartWindowBegin(text, 0, at, 2) == text.find("ef"));
  CHECK(StartWindowBegin(text, 0, at, 3) == text.find("cd"));
  CHECK(StartWindowBegin(text, 0, at, 4) == 0);
  CHECK(StartWindowBegin(text, 5, at, 9) == 5);  // never before `from`
  // A run reaching `at` counts once, and `at` itself is not read.
  CHECK(StartWindowBegin("x  y", 0, 2, 0) == 2);
  CHECK(StartWindowBegin("x  y", 0, 3, 0) == 3);
  CHECK(StartWindowBegin("x  y", 0, 3, 1) == 0);
}

// RE2's leftmost, non-overlapping matches of `pattern` in text[begin, end)
// (the text cut at `end`, as FindAll cuts it), empty ones skipped.
std::string Plain(const std::string& pattern, const std::string& text, std::size_t begin,
                  std::size_t end) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_case_sensitive(false);
  const RE2 re(pattern, o);
  REQUIRE(re.ok());
  const re2::StringPiece in(text.data(), end);
  re2::StringPiece m;
  std::string found;
  std::size_t pos = begin;
  while (pos <= end && re.Match(in, pos, end, RE2::UNANCHORED, &m, 1)) {
    const auto mb = static_cast<std::size_t>(m.data() - text.data());
    if (m.empty()) {
      pos = mb + 1;
      continue;
    }
    found += "[" + std::to_string(mb) + "," + std::string(m.data(), m.size()) + "]";
    pos = mb + m.size();
  }
  return found;
}

TEST_CASE("start window: FindAll finds what a plain search finds", "[matcher]") {
  // Rules without leading strings of their own: a leading optional slot
  // (open possessive, a determiner, a number phrase), a bounded word run
  // before the trigger, a negated class, one whose leading part is
  // unbounded (no window: the full search) and one with a window only at
  // the third split. Random texts from words that make and break matches,
  // with runs of spaces, tabs and newlines, curly apostrophes, matches at
  // the very start, and sub-ranges [begin, end).
  const struct {
    std::string id, pattern;
    bool window;
  } rules[] = {
      {"w.nominal",
       R"(\b(?:(?:the|its|dozens\s+of|\d+|[\w-]+[’]s|police[’]?s?)\s+)(?:(?:mass|brief)\s+)?(?P<trigger>arrests?)\s+(?:of|in)\b)",
       true},
      {"w.words", R"(\b(?:\w+\s+){1,3}(?P<trigger>said)\b)", true},
      {"w.negated", R"(\b[^.;]{0,6}\s(?P<trigger>raid)\b)", true},
      {"w.unbounded", R"((?:\b(?:and|the)\s+)*\b\w+\s+(?P<trigger>said)\b)", false},
      {"w.late", R"(\b[\w-]+\s+(?:[a-z]+\s+)?(?P<trigger>held)\s+(?:\w+\s+)?in\s+custody)", true},
  };
  std::string yaml;
  for (const auto& r : rules) yaml += testing::ShellingRule(r.id, r.pattern);
  const testing::CompiledRules c = testing::CompileRules("event", yaml);
  for (const auto& r : rules) {
    CAPTURE(r.id);
    CHECK(DeriveStartWindow(r.pattern).has_value() == r.window);
  }
  const std::vector<std::string> words = {
      "the",   "its",     "police",   "police’s", "army’s", "dozens", "of",    "in",   "mass",
      "brief", "arrest",  "arrests",  "said",     "and",    "raid",   "held",  "x",    "12",
      "Kyiv",  "custody", "arrests.", "said;",    ".",      ";",      "crowd", "tall", "on"};
  const std::vector<std::string> gaps = {" ", " ", " ", "  ", "\t", "\n", " \n ", ""};
  std::mt19937 rng(27036);
  int compared = 0, nonempty = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int len = 1 + static_cast<int>(rng() % 14);
    for (int i = 0; i < len; ++i) {
      if (i > 0 || rng() % 4 == 0) text += gaps[rng() % gaps.size()];
      text += words[rng() % words.size()];
    }
    std::size_t begin = 0, end = text.size();
    if (n % 3 == 1) begin = rng() % (text.size() + 1);
    if (n % 3 == 2) end = begin + rng() % (text.size() - begin + 1);
    if (begin >= end) continue;
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kEvent, text, begin, end, out);
    for (const auto& r : rules) {
      std::string got;
      for (const Match& m : out) {
        if (m.rule->id != r.id) continue;
        got += "[" + std::to_string(m.begin) + "," + text.substr(m.begin, m.end - m.begin) + "]";
      }
      const std::string want = Plain("(?i)" + r.pattern, text, begin, end);
      CAPTURE(text, begin, end);
      CHECK(got == want);
      ++compared;
      if (!want.empty()) ++nonempty;
    }
  }
  CHECK(compared > 10000);
  CHECK(nonempty > 1000);
}

}  // namespace
}  // namespace eventline
