// Matcher tests: trigger extraction for the set prefilter, and FindAll's
// contract (absolute offsets, several matches, unless vetoes, order).
#include "eventline/matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "compiled_rules.h"
#include "eventline/rules.h"

namespace eventline {
namespace {

TEST_CASE("matcher: trigger sub-pattern used by the set prefilter", "[matcher]") {
  const struct {
    std::string_view pattern, trigger;
  } cases[] = {
      {R"((?P<actor>\w+) (?P<trigger>shelled|bombed) it)", "(?:shelled|bombed)"},
      {R"(no trigger group here)", "no trigger group here"},
      {R"((?s)a (?P<trigger>b[)(]c) d)", "(?s)(?:b[)(]c)"},
      {R"(a \((?P<trigger>x(?:y|z)) b)", "(?:x(?:y|z))"},
      // The trigger may be skipped by a match: prefilter on the whole pattern.
      {R"(a (?P<trigger>b)? c)", R"(a (?P<trigger>b)? c)"},
      {R"(a|(?P<trigger>b))", R"(a|(?P<trigger>b))"},
      {R"((?:x|(?P<trigger>b)) c)", R"((?:x|(?P<trigger>b)) c)"},
      {R"((?:(?P<trigger>b) c)* d)", R"((?:(?P<trigger>b) c)* d)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CHECK(TriggerPattern(c.pattern) == c.trigger);
  }
}

using Compiled = testing::CompiledRules;

Compiled Build(const std::string& kind, const std::string& rules_yaml) {
  return testing::CompileRules(kind, rules_yaml);
}

std::string Rule(const std::string& id, const std::string& pattern, const std::string& extra = "") {
  return testing::ShellingRule(id, pattern, extra);
}

std::string Describe(std::string_view text, const std::vector<Match>& ms) {
  std::string out;
  for (const auto& m : ms) {
    out += m.rule->id + "[" + std::string(text.substr(m.begin, m.end - m.begin)) + "]";
    for (const auto& c : m.captures) {
      out += " " + std::string(c.name) + "=";
      if (c.set()) out += std::string(text.substr(c.begin, c.end - c.begin));
    }
    out += ";";
  }
  return out;
}

TEST_CASE("matcher: FindAll finds every match with absolute offsets", "[matcher]") {
  const Compiled c = Build(
      "event", Rule("a.verb", R"((?P<actor>\w+)\s+(?P<trigger>{VERB}))") +
                   Rule("b.noun", R"((?P<trigger>strike)s?)") +
                   Rule("c.veto", R"((?P<trigger>shelled))", "    unless: ['shelled out']\n") +
                   Rule("d.case", R"((?P<trigger>Hit))", "    case_sensitive: true\n"));
  const std::string text =
      "Intro. Troops shelled Kyiv and guns hit Lviv. Firms shelled out cash. "
      "Strikes hit.";
  const struct {
    std::size_t begin, end;
    std::string expected;
  } cases[] = {
      {0, 6, ""},
      {7, 45,
       "a.verb[Troops shelled] actor=Troops trigger=shelled;c.veto[shelled] trigger=shelled;"
       "a.verb[guns hit] actor=guns trigger=hit;"},
      {46, 69, "a.verb[Firms shelled] actor=Firms trigger=shelled;"},
      // Same start: rule order decides. Case-sensitive d.case never fires on "hit".
      {70, 82, "a.verb[Strikes hit] actor=Strikes trigger=hit;b.noun[Strikes] trigger=Strike;"},
  };
  for (const auto& k : cases) {
    CAPTURE(k.begin, k.end);
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kEvent, text, k.begin, k.end, out);
    CHECK(Describe(text, out) == k.expected);
    for (const auto& m : out) {
      CHECK(m.begin >= k.begin);
      CHECK(m.end <= k.end);
    }
  }
  // Other kinds have no rules here.
  std::vector<Match> none;
  c.matcher->FindAll(RuleKind::kTime, text, 0, text.size(), none);
  CHECK(none.empty());
}

TEST_CASE("matcher: FindAll's line_start is a second text start for ^", "[matcher]") {
  const Compiled c = Build("event", Rule("a.start", R"(^\s*(?:The|A)\s+(?P<trigger>shooting))") +
                                        Rule("b.mixed", R"((?:^|:\s*)(?P<trigger>raid)\b)") +
                                        Rule("c.word", R"(\b(?P<trigger>gunfire)\b)"));
  // A headline line, a blank line, then the body (a title set before a text).
  const std::string head = "Police name the suspect\n\n";
  const std::string body = "The shooting began at noon, raid and gunfire after.";
  const std::string text = head + body;
  const std::size_t at = head.size();
  std::vector<Match> plain, lined, alone;
  c.matcher->FindAll(RuleKind::kEvent, text, at, text.size(), plain);
  c.matcher->FindAll(RuleKind::kEvent, text, at, text.size(), lined, Matcher::Tier::kAll, at);
  c.matcher->FindAll(RuleKind::kEvent, body, 0, body.size(), alone);
  // Without it `^` holds only at the headline's start: no a.start.
  CHECK(Describe(text, plain) == "c.word[gunfire] trigger=gunfire;");
  CHECK(Describe(text, lined) ==
        "a.start[The shooting] trigger=shooting;c.word[gunfire] trigger=gunfire;");
  // The same matches as the body read alone, offsets shifted by the head.
  REQUIRE(lined.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CHECK(lined[i].begin == alone[i].begin + at);
    CHECK(lined[i].end == alone[i].end + at);
    REQUIRE(lined[i].captures.size() == alone[i].captures.size());
    for (std::size_t k = 0; k < alone[i].captures.size(); ++k) {
      CHECK(lined[i].captures[k].begin == alone[i].captures[k].begin + at);
    }
  }
  // A sentence after the first keeps its matches; `^` holds at no other place.
  std::vector<Match> later;
  const std::size_t second = text.find("raid");
  c.matcher->FindAll(RuleKind::kEvent, text, second, text.size(), later, Matcher::Tier::kAll, at);
  CHECK(Describe(text, later) == "c.word[gunfire] trigger=gunfire;");
}

TEST_CASE("matcher: ReleaseCaches drops compiled state and matches the same after", "[matcher]") {
  const Compiled c = Build(
      "event", Rule("a.verb", R"((?P<actor>\w+)\s+(?P<trigger>{VERB}))") +
                   Rule("c.veto", R"((?P<trigger>shelled))", "    unless: ['shelled out']\n"));
  const std::string text = "Troops shelled Kyiv. Firms shelled out cash. Guns hit Lviv.";
  std::vector<Match> before, after;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), before);
  REQUIRE(!before.empty());
  CHECK(c.matcher->releases() == 0);
  c.matcher->ReleaseCaches();
  c.matcher->ReleaseCaches();  // twice in a row: nothing compiled in between
  CHECK(c.matcher->releases() == 2);
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), after);
  CHECK(Describe(text, after) == Describe(text, before));
}

TEST_CASE("matcher: ReleaseRecent drops the patterns used last and matches the same after",
          "[matcher]") {
  const Compiled c = Build(
      "event", Rule("a.verb", R"((?P<actor>\w+)\s+(?P<trigger>{VERB}))") +
                   Rule("c.veto", R"((?P<trigger>shelled))", "    unless: ['shelled out']\n"));
  const std::string old_text = "Firms shelled out cash.";  // c.veto and its veto
  const std::string new_text = "Guns hit Lviv.";           // a.verb only
  std::vector<Match> before_old, before_new, after_old, after_new;
  c.matcher->FindAll(RuleKind::kEvent, old_text, 0, old_text.size(), before_old);
  c.matcher->Tick();
  c.matcher->FindAll(RuleKind::kEvent, new_text, 0, new_text.size(), before_new);
  REQUIRE(!before_new.empty());
  const std::size_t held = c.matcher->compiled_patterns();
  REQUIRE(held >= 2);
  // a.verb was used last: it goes first; the older ones stay compiled.
  CHECK(c.matcher->ReleaseRecent(1) == 1);
  CHECK(c.matcher->compiled_patterns() == held - 1);
  CHECK(c.matcher->releases() == 0);  // partial releases are not counted there
  c.matcher->FindAll(RuleKind::kEvent, new_text, 0, new_text.size(), after_new);
  CHECK(Describe(new_text, after_new) == Describe(new_text, before_new));
  CHECK(c.matcher->compiled_patterns() == held);      // compiled again on use
  CHECK(c.matcher->ReleaseRecent(held + 5) == held);  // more than held: all of them
  CHECK(c.matcher->compiled_patterns() == 0);
  c.matcher->FindAll(RuleKind::kEvent, old_text, 0, old_text.size(), after_old);
  CHECK(Describe(old_text, after_old) == Describe(old_text, before_old));
}

TEST_CASE("matcher: a long sentence gets the full-budget programs and the same matches",
          "[matcher]") {
  // Past 1,024 bytes a sentence is searched with programs compiled with the
  // full RE2 budget (their own DFA caches); they match as the lean ones do
  // and a release drops them with the rest.
  const Compiled c = Build(
      "event", Rule("a.verb", R"((?P<actor>\w+)\s+(?P<trigger>{VERB}))") +
                   Rule("c.veto", R"((?P<trigger>shelled))", "    unless: ['shelled out']\n"));
  const std::string clause = "Troops shelled Kyiv and firms shelled out cash while guns hit Lviv";
  std::string long_text = clause;
  while (long_text.size() <= 1100) long_text += " and " + clause;
  long_text += ".";
  const std::string short_text = clause + ".";
  std::vector<Match> short_out, long_out;
  c.matcher->FindAll(RuleKind::kEvent, short_text, 0, short_text.size(), short_out);
  const std::size_t lean = c.matcher->compiled_patterns();
  REQUIRE(lean >= 2);
  c.matcher->FindAll(RuleKind::kEvent, long_text, 0, long_text.size(), long_out);
  CHECK(c.matcher->compiled_patterns() == lean);  // the same patterns, each with both programs
  // The long text repeats the short one: its first matches are the short one's.
  REQUIRE(long_out.size() > short_out.size());
  std::vector<Match> head(long_out.begin(), long_out.begin() + short_out.size());
  CHECK(Describe(short_text, head) == Describe(short_text, short_out));
  CHECK(c.matcher->ReleaseRecent(lean) == lean);
  CHECK(c.matcher->compiled_patterns() == 0);
  std::vector<Match> again;
  c.matcher->FindAll(RuleKind::kEvent, long_text, 0, long_text.size(), again);
  CHECK(Describe(long_text, again) == Describe(long_text, long_out));
}

TEST_CASE("matcher: rules sharing a veto text share one veto, its program and its starts",
          "[matcher]") {
  // Both vetoes have leading strings ("shelled", at a word boundary), so
  // they run anchored there; the second rule uses the starts the first
  // rule's test derived.
  const std::string veto = "    unless: ['\\bshelled (?:out|up)']\n";
  const Compiled c = Build("event", Rule("v.one", R"((?P<trigger>shelled))", veto) +
                                        Rule("v.two", R"(\w+ (?P<trigger>shelled))", veto));
  const std::string text = "Firms shelled out cash. Troops shelled Kyiv. Fans shelled up.";
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out);
  CHECK(Describe(text, out) ==
        "v.two[Troops shelled] trigger=shelled;v.one[shelled] trigger=shelled;");
  // Two rule programs and one veto program.
  CHECK(c.matcher->compiled_patterns() == 3);
  // After a release the shared veto compiles again and vetoes the same.
  c.matcher->ReleaseCaches();
  std::vector<Match> again;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), again);
  CHECK(Describe(text, again) == Describe(text, out));
}

TEST_CASE("matcher: a veto whose words the sentence lacks is neither compiled nor run",
          "[matcher]") {
  const Compiled c = Build("event", Rule("w.hit", R"((?P<trigger>hit))",
                                         "    unless: ['hit (?:the )?(?:jackpot|headlines)']\n"));
  const std::string plain = "Rockets hit the depot.";
  std::vector<Match> out;
  c.matcher->ReleaseCaches();  // the loader compiled both: start from none
  REQUIRE(c.matcher->compiled_patterns() == 0);
  c.matcher->FindAll(RuleKind::kEvent, plain, 0, plain.size(), out);
  CHECK(Describe(plain, out) == "w.hit[hit] trigger=hit;");
  CHECK(c.matcher->compiled_patterns() == 1);  // the rule only: "jackpot", "headlines" absent
  const std::string vetoed = "The story hit the headlines. It HIT THE JACKPOT.";
  out.clear();
  c.matcher->FindAll(RuleKind::kEvent, vetoed, 0, vetoed.size(), out);
  CHECK(out.empty());
  CHECK(c.matcher->compiled_patterns() == 2);
}

TEST_CASE("matcher: DerivePatternStarts derives each veto's starts and words", "[matcher]") {
  eventline::Rule r;
  r.pattern = R"(\bshelled)";
  r.unless = {R"(\bshelled out)", R"(\bup|down)", R"(.*)"};
  DerivePatternStarts(r);
  REQUIRE(r.unless_starts.size() == 3);
  CHECK(r.unless_starts[0].starts == 1);
  CHECK(r.unless_starts[0].at_boundary);
  CHECK(r.unless_starts[0].leading == std::vector<std::string>{"shelled "});
  CHECK(!r.unless_starts[0].required.empty());
  CHECK(r.unless_starts[1].starts == 1);
  CHECK_FALSE(r.unless_starts[1].at_boundary);  // an alternation at the top
  CHECK(r.unless_starts[2].starts == 0);        // may begin anywhere
  CHECK(r.unless_starts[2].required.empty());
}

TEST_CASE("matcher: a \\b inside one leading flag group starts at a boundary", "[matcher]") {
  eventline::Rule r;
  r.pattern = R"((?i:\bon\s+may\b))";
  r.unless = {R"((?-i:\b(?:may|march)\b))", R"((?-i:\bmay|march))", R"((?-i:\bmay)?\s+x)",
              R"((?-i:\bmay)(?:\s+x))",     R"((?-i:may\b))",       R"((?P<w>\bmay))"};
  DerivePatternStarts(r);
  CHECK(r.starts_at_boundary);
  REQUIRE(r.unless_starts.size() == 6);
  CHECK(r.unless_starts[0].at_boundary);
  CHECK(r.unless_starts[0].starts == 1);
  CHECK_FALSE(r.unless_starts[1].at_boundary);  // '|' directly inside the group
  CHECK_FALSE(r.unless_starts[2].at_boundary);  // the group is optional
  CHECK_FALSE(r.unless_starts[3].at_boundary);  // the group is not the whole pattern
  CHECK_FALSE(r.unless_starts[4].at_boundary);  // no \b first
  CHECK_FALSE(r.unless_starts[5].at_boundary);  // a capture, not a flag group

  // Matching is unchanged: the lower-case veto still blocks "may" alone.
  const Compiled c = Build("time",
                           "  - id: t.may\n    value: today\n    pattern: '\\bmay\\b'\n"
                           "    unless: ['(?-i:\\b(?:may|march)\\b)']\n    examples: [x]\n");
  std::vector<Match> out;
  const std::string text = "It may rain in May; Summay may not.";
  c.matcher->FindAll(RuleKind::kTime, text, 0, text.size(), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].begin == 15);
}

// h-pbug (session 22): a rule prefiltered on its whole pattern (no
// trigger group, or two) was admitted only where `\b(?:PATTERN)` matched,
// so a pattern beginning with [\w,] or with "ed" lost its matches that do
// not begin at a word boundary. Every match RE2 finds must be kept, from
// the set and from the index of leading strings, derived at first use or
// as the build stores it.
TEST_CASE("matcher: a whole-pattern trigger keeps matches off a word boundary", "[matcher]") {
  const std::string rules =
      Rule("a.class",
           R"([\w''’.,)]\s+(?P<trigger>held)\s+in\b|[\w,]\s+(?P<trigger2>seized)\s+at\b)") +
      Rule("b.none", R"([\w,]\s+shelled\s+the\b)") +
      Rule("c.lead", R"(ed\s+shelled\s+(?:towns|villages))");
  const struct {
    std::string text, expected;
  } cases[] = {
      {"Ten men held in the port.", "a.class[n held in] trigger=held trigger=;"},
      {"Ten men, held in the port.", "a.class[, held in] trigger=held trigger=;"},
      {"The envoy seized at dawn.", "a.class[y seized at] trigger= trigger=seized;"},
      {"Guns shelled the port.", "b.none[s shelled the];"},
      {"Guns (, shelled the port.", "b.none[, shelled the];"},
      {"They bombed shelled towns.", "c.lead[ed shelled towns];"},
  };
  for (const bool stored : {false, true}) {
    Compiled c = Build("event", rules);
    if (stored) {  // as tools/known_patterns.cpp stores it with the rule
      for (eventline::Rule& r : c.set.rules) DerivePatternStarts(r);
      DiagnosticSink sink;
      c.matcher = Matcher::Compile(c.set, sink);
      REQUIRE(c.matcher);
    }
    for (const auto& k : cases) {
      CAPTURE(stored, k.text);
      std::vector<Match> out;
      c.matcher->FindAll(RuleKind::kEvent, k.text, 0, k.text.size(), out);
      CHECK(Describe(k.text, out) == k.expected);
    }
  }
  // A whole pattern whose every branch opens with \b stays in the index.
  eventline::Rule r;
  r.pattern = R"((?i)(?:\bthe\s+(?P<trigger>raid)|\b(?:a|an)\s+(?P<trigger2>raid)))";
  DerivePatternStarts(r);
  CHECK(r.trigger_starts == 1);
  r.pattern = R"((?:\bthe\s+(?P<trigger>raid)|[’']s\s+(?P<trigger2>raid)))";
  DerivePatternStarts(r);
  CHECK(r.trigger_starts == 0);
}

TEST_CASE("matcher: a time rule's vetoes, found by one scan, veto as each alone", "[matcher]") {
  // Three vetoes at word boundaries (one trie) and one that is not (its own
  // scan); the first veto's match chain decides the second "may be".
  const Compiled c = Build("time",
                           "  - id: t.may\n    value: today\n    pattern: '\\bmay\\b'\n"
                           "    unless: ['(?-i:\\bmay\\s+be\\b)', '\\bmay\\s+day',"
                           " '(?-i:\\bMay\\s+the\\b)', '(?-i:ay\\s+4)']\n    examples: [x]\n");
  std::vector<Match> out;
  const std::string text = "You may be late: May Day, May the fourth, May 3, May 4, MAY BE.";
  c.matcher->FindAll(RuleKind::kTime, text, 0, text.size(), out);
  std::vector<std::size_t> begins;
  for (const Match& m : out) begins.push_back(m.begin);
  CHECK(begins == std::vector<std::size_t>{42, 56});  // "May 3" and "MAY" (case-sensitive veto)
  // The same again: the trie and the per-sentence hits are reused.
  out.clear();
  c.matcher->FindAll(RuleKind::kTime, text, 17, text.size(), out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].begin == 42);
}

TEST_CASE("matcher: time rules in several trigger sets find what each rule finds", "[matcher]") {
  // 21 time rules, their triggers in the time sets (kTimeSets RE2::Sets of
  // consecutive rules: one since session 29); every rule whose trigger
  // occurs is found, in (begin, rule order), as RE2 finds it.
  std::string yaml;
  std::vector<std::pair<std::string, std::string>> rules;
  for (int i = 0; i < 21; ++i) {
    const std::string id = "t.r" + std::to_string(i);
    const std::string pattern =
        i % 3 == 0 ? "\\b(?P<trigger>day" + std::to_string(i) + ")\\b"
                   : "\\b(?P<trigger>" + std::string(1, static_cast<char>('a' + i)) + "x)\\s+\\d+";
    rules.emplace_back(id, pattern);
    yaml +=
        "  - id: " + id + "\n    value: today\n    pattern: '" + pattern + "'\n    examples: [x]\n";
  }
  const Compiled c = Build("time", yaml);
  const std::string texts[] = {
      "day0 and day18 then bx 4, ux 7 and day9x; Cx 12",
      "tx 3 sx 2 day20 day3 kx 5 ax 1",
      "nothing here at all",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    std::vector<std::pair<std::size_t, std::size_t>> expected;  // (begin, rule)
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const re2::RE2 re("(?i)" + rules[r].second);
      REQUIRE(re.ok());
      re2::StringPiece in(text), m;
      std::size_t pos = 0;
      while (re.Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1)) {
        expected.emplace_back(static_cast<std::size_t>(m.data() - text.data()), r);
        pos = expected.back().first + m.size();
      }
    }
    std::sort(expected.begin(), expected.end());
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kTime, text, 0, text.size(), out);
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (const Match& m : out) {
      const auto r = static_cast<std::size_t>(std::stoi(m.rule->id.substr(3)));
      found.emplace_back(m.begin, r);
    }
    CHECK(found == expected);
    CHECK(expected.empty() == (text.rfind("nothing", 0) == 0));
  }
}

TEST_CASE("matcher: word boundaries see the text around the range", "[matcher]") {
  const Compiled c = Build("event", Rule("w.hit", R"(\b(?P<trigger>hit)\b)"));
  const std::string text = "xhit hit";
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 1, 4, out);  // "hit" inside "xhit": no boundary
  CHECK(out.empty());
  c.matcher->FindAll(RuleKind::kEvent, text, 5, 8, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].begin == 5);
}

TEST_CASE("matcher: $ holds at a sentence's end, ^ only at the document's start", "[matcher]") {
  const Compiled c = Build("event", Rule("e.count", R"(\b(?P<trigger>seized)\s+\d+\s*$)") +
                                        Rule("s.head", R"(^(?P<trigger>Raid)\b)"));
  // Two sentences: a headline that ends in a bare count, then a body line.
  const std::string text = "Raid as guards seized 12\n\nRaid: guards seized 3 more boats.";
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, 24, out);
  CHECK(Describe(text, out) == "s.head[Raid] trigger=Raid;e.count[seized 12] trigger=seized;");
  out.clear();
  c.matcher->FindAll(RuleKind::kEvent, text, 26, text.size(), out);
  CHECK(out.empty());  // "^" is not the second sentence's start; "3 more" is no end
  out.clear();
  // The same count closing a sentence in the middle of a document.
  const std::string mid = "Guards seized 12. Nothing else happened.";
  c.matcher->FindAll(RuleKind::kEvent, mid, 0, 16, out);
  CHECK(Describe(mid, out) == "e.count[seized 12] trigger=seized;");
}

// Every match of each rule that RE2's own unanchored search finds in
// `text`, left to right, as "id[match]" (the reference for the matcher's
// stopped and anchored searches).
template <typename Rules>
std::string Re2Matches(const Rules& rules, const std::string& text) {
  std::string found;
  for (const auto& r : rules) {
    const re2::RE2 re("(?i)" + r.pattern);
    REQUIRE(re.ok());
    re2::StringPiece in(text), m;
    std::size_t pos = 0;
    while (pos < text.size() && re.Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1) &&
           !m.empty()) {
      found += r.id + "[" + std::string(m.data(), m.size()) + "]";
      pos = static_cast<std::size_t>(m.data() - text.data()) + m.size();
    }
  }
  return found;
}

// The matcher's matches over the whole of `text`, written as Re2Matches does.
template <typename Rules>
std::string MatcherMatches(const Compiled& c, const Rules& rules, const std::string& text) {
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out);
  std::string found;
  for (const auto& r : rules)
    for (const auto& m : out)
      if (m.rule->id == r.id) found += r.id + "[" + text.substr(m.begin, m.end - m.begin) + "]";
  return found;
}

TEST_CASE("matcher: a search stopped after the last string a match ends with finds the same",
          "[matcher]") {
  // No leading strings (a capital-letter class begins each), and matches
  // that end with "said"/"told", "for" or "said": each rule's search stops
  // one byte past the last such string (until session 24 it also ran
  // anchored at every code point, or word boundary for w.said, before it).
  // The matches are those of RE2's unanchored search over the whole range.
  const struct {
    std::string id, pattern;
  } rules[] = {
      {"s.said", R"((?-i:[A-Z]\w+)\s+(?P<trigger>said|told)\b)"},
      {"b.blamed", R"((?-i:[A-Z]\w+)\s+(?P<trigger>blamed)\s+(?:\w+\s+){1,3}?for)"},
      {"w.said", R"(\b(?-i:[A-Z]\w*)(?:-\w+)?\s+(?P<trigger>said))"},
  };
  std::string yaml;
  for (const auto& r : rules) yaml += Rule(r.id, r.pattern);
  const Compiled c = Build("event", yaml);
  const std::string texts[] = {
      "Officials said so, and Kyiv told reporters the rest.",
      "Officials saidx nothing; Mayors said",
      "Nobody Saidx it. Police Told",
      "Kyiv Blamed rebels and bandits for it. Police blamed the forest formally.",
      "Residents told, then Paris said: unclear saidtold",
      "xKyiv said it; Kyiv-Paris said; \xC3\xA9Lyon said; caf\xC3\xA9 Nice said",
      "no capital said here, nor told",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    const std::string expected = Re2Matches(rules, text);
    CHECK(MatcherMatches(c, rules, text) == expected);
    CHECK(!expected.empty() == (text.rfind("no capital", 0) != 0));
  }
}

TEST_CASE("matcher: searches without leading strings find what RE2 finds", "[matcher]") {
  // Rules without leading strings: c.said's matches end with known strings
  // (its search stops after the last of them; until session 24 it ran
  // anchored before it at the bytes its matches can begin with, FirstBytes,
  // which the vetoes still do). n.found has no end strings (its tail is
  // optional). The matches are those of RE2's unanchored search.
  const struct {
    std::string id, pattern;
  } rules[] = {
      {"c.said", R"((?:\b(?:but|and)\s+)*(?-i:[A-Z][\w’-]*)\s+(?P<trigger>said|told)\b)"},
      {"n.found", R"(\b\w+\s+(?:people\s+)?(?P<trigger>found)(?:\s+dead)?)"},
      {"q.said", R"([’"]\s*(?P<trigger>said)\s+(?-i:[A-Z]\w+))"},
  };
  std::string yaml;
  for (const auto& r : rules) yaml += Rule(r.id, r.pattern);
  const Compiled c = Build("event", yaml);
  const std::string texts[] = {
      "but Officials said so; and Kyiv told them.  (Mayors said)",
      "x12 found, 12 found dead; several people found; \xE2\x80\x99Ivan said",
      "O'Brien's aide said, \"quiet,\" said Ana; 'no' said Bo",
      "3people found nothing; several  found dead; 7 found",
      "no match here, said nobody",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    const std::string expected = Re2Matches(rules, text);
    CHECK(MatcherMatches(c, rules, text) == expected);
    CHECK(!expected.empty() == (text.rfind("no match", 0) != 0));
  }
}

TEST_CASE("matcher: a set's rules proposed by their words are admitted as the set would",
          "[matcher]") {
  // Triggers repeated in alternatives and opening on \w: no leading
  // strings, so each rule's whole pattern goes to the event set; every rule
  // has required words ("camps", "town"), so the set is not scanned and a
  // rule runs where its words are. A match counts where the set would have
  // admitted the rule: for a whole pattern that may begin off a word
  // boundary, as here, wherever it matches (h-pbug, session 22: until then
  // only where \b(?:PATTERN) matched, and "axraided camps" gave nothing).
  const struct {
    std::string id, pattern;
  } rules[] = {
      {"g.raid", R"(\w(?:(?P<trigger>raided)\s+camps|(?P<trigger2>raiding)\s+camps))"},
      {"g.shell", R"(\w*(?:(?P<trigger>shelled)\s+(?:the\s+)?town|(?P<trigger2>shelling)\s+town))"},
  };
  std::string yaml;
  for (const auto& r : rules) yaml += Rule(r.id, r.pattern);
  const Compiled c = Build("event", yaml);
  const std::string texts[] = {
      "axraided camps",                      // only inside a word
      "axraided camps, then zraided camps",  // one at a word start admits both
      "Xraiding camps and reshelled the town",
      "no raided camps; unshelling town",
      "the camps and the town, quiet",
      "caf\xC3\xA9xraided camps",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    std::string expected;
    for (const auto& r : rules) {
      const re2::RE2 set_pattern("(?i)(?:" + r.pattern + ")");
      REQUIRE(set_pattern.ok());
      if (!re2::RE2::PartialMatch(text, set_pattern)) continue;
      const struct { std::string id, pattern; } one[] = {{r.id, r.pattern}};
      expected += Re2Matches(one, text);
    }
    CHECK(MatcherMatches(c, rules, text) == expected);
  }
  std::vector<Match> out;
  const std::string inside = "axraided camps";
  c.matcher->FindAll(RuleKind::kEvent, inside, 0, inside.size(), out);
  CHECK(out.size() == 1);
}

TEST_CASE("matcher: the required-word test and the tiers keep what RE2 finds", "[matcher]") {
  // Rules with leading strings and required words after the trigger
  // (several sharing words and whole requirements, one a one-byte word
  // without byte pairs), one a back-off rule: FindAll tests the words from
  // flat per-requirement runs and the tier from a per-rule array before it
  // reads the rule (session 26, h-speed35). Each tier finds what RE2 finds
  // for the rules of that tier.
  const struct {
    std::string id, pattern;
    bool backoff;
  } rules[] = {
      {"w.town", R"(\b(?P<trigger>shelled)\s+(?:the\s+)?(?:town|village|q)\s+(?:near|outside)\b)",
       false},
      {"w.camp", R"(\b(?P<trigger>struck)\s+(?:a\s+)?(?:camp|village|town)\s+near\b)", false},
      {"w.depot", R"(\b(?P<trigger>hit)\s+(?:the\s+)?(?:depot|q|village)\b)", false},
      {"w.back", R"(\b(?P<trigger>raid)\s+(?:on\s+)?(?:the\s+)?(?:village|town)\b)", true},
  };
  std::string yaml;
  for (const auto& r : rules) {
    yaml += Rule(r.id, r.pattern, r.backoff ? "    requires: document_event\n" : "");
  }
  const Compiled c = Build("event", yaml);
  const std::string texts[] = {
      "Guns shelled the town near the river; jets struck a camp near it.",
      "They shelled the village outside Lviv, then hit q and hit the depot.",
      "Rockets shelled q near a road; a raid on the village followed.",
      "Guns shelled the townhall near it; struck a campsite near; hit depots.",
      "SHELLED THE TOWN NEAR; Struck Village Near; a Raid on the Town",
      "shelled town near shelled village outside struck town near hit q hit village",
      "nothing near here, no village, no town shelled",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    for (const auto tier :
         {Matcher::Tier::kAll, Matcher::Tier::kSpecific, Matcher::Tier::kBackoff}) {
      CAPTURE(static_cast<int>(tier));
      std::vector<Match> out;
      c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out, tier);
      std::string expected, found;
      for (const auto& r : rules) {
        if (tier != Matcher::Tier::kAll && r.backoff != (tier == Matcher::Tier::kBackoff)) {
          continue;
        }
        const struct { std::string id, pattern; } one[] = {{r.id, r.pattern}};
        expected += Re2Matches(one, text);
        for (const auto& m : out) {
          if (m.rule->id == r.id) found += r.id + "[" + text.substr(m.begin, m.end - m.begin) + "]";
        }
      }
      CHECK(found == expected);
    }
  }
}

TEST_CASE("matcher: the required-word test keeps what RE2 finds on random words and texts",
          "[matcher]") {
  // Property: rules whose required words share byte pairs in different
  // places (so that the rarest-pair-first order of session 29, h-speed42,
  // tests their keys in another order than the words spell them), half
  // with one trigger group, half with two in alternatives (keyed on their
  // bodies), and random texts of those words, glued, cut, capitalised or
  // spaced out. The rows FindAll keeps equal RE2's own search of each rule.
  const std::vector<std::string> vocab = {
      "tacked", "attacked", "stacked", "cracked", "racked",  "backed",  "shelled", "spelled",
      "helled", "town",     "towns",   "owner",   "village", "villa",   "depot",   "deport",
      "camp",   "campus",   "q",       "edq",     "xed",     "tackled", "near",    "ear"};
  std::mt19937 rng(29042);
  const auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  struct R {
    std::string id, pattern;
  };
  std::vector<R> rules;
  for (int i = 0; i < 24; ++i) {
    std::string alt1, alt2;
    for (std::size_t k = 0, n = 1 + pick(3); k < n; ++k) {
      alt1 += (k ? "|" : "") + vocab[pick(vocab.size())];
    }
    for (std::size_t k = 0, n = 1 + pick(4); k < n; ++k) {
      alt2 += (k ? "|" : "") + vocab[pick(vocab.size())];
    }
    const std::string tail = "\\s+(?:the\\s+)?(?:" + alt2 + ")\\b";
    const std::string other = vocab[pick(vocab.size())];
    rules.push_back({"p.r" + std::to_string(i),
                     i % 2 == 0 ? "\\b(?P<trigger>" + alt1 + ")" + tail
                                : "\\b(?:(?P<trigger>" + alt1 + ")" + tail + "|(?P<trigger2>" +
                                      other + ")\\s+" + vocab[pick(vocab.size())] + "\\b)"});
  }
  std::string yaml;
  for (const R& r : rules) yaml += Rule(r.id, r.pattern);
  const Compiled c = Build("event", yaml);
  int with_rows = 0;
  for (int t = 0; t < 400; ++t) {
    std::string text;
    for (std::size_t k = 0, n = 2 + pick(8); k < n; ++k) {
      std::string w = vocab[pick(vocab.size())];
      if (pick(6) == 0) w = w.substr(pick(w.size()));  // a cut word
      if (pick(5) == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      const std::size_t sep = pick(8);
      text += w + (sep == 0 ? "" : sep == 1 ? " the " : sep == 2 ? ", " : " ");
    }
    CAPTURE(text);
    const std::string expected = Re2Matches(rules, text);
    if (!expected.empty()) ++with_rows;
    CHECK(MatcherMatches(c, rules, text) == expected);
  }
  CHECK(with_rows > 40);  // the texts exercise matches, not only rejections
}

TEST_CASE("matcher: a veto without leading strings stops after its last end string", "[matcher]") {
  // The veto begins with a capital-letter class (no leading strings) and
  // every match of it ends with "deal": it runs anchored before one byte
  // past the last "deal", and vetoes exactly where RE2 finds it.
  const Compiled c =
      Build("event", Rule("v.struck", R"(\b(?P<trigger>struck)\b)",
                          "    unless: ['(?-i:[A-Z])\\w*\\s+struck\\s+(?:a\\s+)?deal']\n"));
  const struct {
    std::string text;
    std::size_t rows;
  } cases[] = {
      {"Firms struck a deal.", 0},        {"Troops struck Kyiv; a deal came later.", 1},
      {"Rebels struck, then a deal.", 1}, {"Firms struck deals and Troops struck a deal", 0},
      {"Troops struck a dealer", 0},  // the veto's "deal" ends inside "dealer"
      {"troops struck a deal", 1},    // no capital: the veto does not match
  };
  for (const auto& k : cases) {
    CAPTURE(k.text);
    std::vector<Match> out;
    c.matcher->FindAll(RuleKind::kEvent, k.text, 0, k.text.size(), out);
    CHECK(out.size() == k.rows);
  }
}

TEST_CASE("matcher: Compile reports bad hand-built rules", "[matcher]") {
  RuleSet set;
  ::eventline::Rule r;
  r.id = "bad";
  r.pattern = "(?P<bogus>x";
  r.pattern_at = SourceLocation{"f.yaml", 3, 14};
  set.rules.push_back(r);
  DiagnosticSink sink;
  CHECK(!Matcher::Compile(set, sink));
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "E011");
  CHECK(sink.diagnostics()[0].at.line == 3);
}

TEST_CASE("matcher: many rules, the prefilter admits only those whose trigger occurs",
          "[matcher]") {
  std::string yaml;
  for (int i = 0; i < 300; ++i) {
    yaml += Rule("r" + std::to_string(i),
                 R"((?P<actor>\w+) (?P<trigger>word)" + std::to_string(i) + R"() (?P<target>\w+))");
  }
  const Compiled c = Build("event", yaml);
  const std::string text = "they word17 this and we word230 that";
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out);
  CHECK(Describe(text, out) ==
        "r17[they word17 this] actor=they trigger=word17 target=this;"
        "r230[we word230 that] actor=we trigger=word230 target=that;");
}

}  // namespace
}  // namespace eventline

namespace eventline {
namespace {

TEST_CASE("matcher: AsciiFoldPattern folds k, s, \\w and \\W within ASCII", "[matcher]") {
  const struct {
    std::string_view pattern;
    bool case_sensitive;
    std::string_view expected;  // empty: nothing to change
  } cases[] = {
      {R"(strike)", false, R"((?-i:[Ss])tri(?-i:[Kk])e)"},
      {R"(\w+\s+\W)", false, R"((?-i:\w)+\s+(?-i:\W))"},
      // Classes, escapes, names, repetitions and flags are left as written.
      {R"((?P<trigger>[ks]\x{4B}\pL\p{Greek}){2,3}\.)", false, ""},
      {R"((?P<target>ks))", false, R"((?P<target>(?-i:[Kk])(?-i:[Ss])))"},
      {R"({sk} x{1,})", false, R"({(?-i:[Ss])(?-i:[Kk])} x{1,})"},
      // Case-sensitive parts keep their letters; folding follows the flags.
      {R"(sk)", true, ""},
      {R"(s(?i:k)s)", true, R"(s(?i:(?-i:[Kk]))s)"},
      {R"(s(?-i:k)s)", false, R"((?-i:[Ss])(?-i:k)(?-i:[Ss]))"},
      {R"((?:a(?-i)s)s)", false, R"((?:a(?-i)s)(?-i:[Ss]))"},
      {R"(no letters to fold here)", false, R"(no letter(?-i:[Ss]) to fold here)"},
      {R"(abc)", false, ""},
      // Runs of bytes it leaves alone are copied whole (h-hot20): UTF-8,
      // a ']' or '}' outside a class or a repetition, a run at the end.
      {R"((?:bomb|raid|café|shell)\b x]y}z|k)", false,
       R"((?:bomb|raid|café|(?-i:[Ss])hell)\b x]y}z|(?-i:[Kk]))"},
      {R"(k{2}|naïve raid)", false, R"((?-i:[Kk]){2}|naïve raid)"},
      // Not understood: no ASCII-fold form.
      {R"(\Qks\E)", false, ""},
      {R"((?<n>k))", false, ""},
      {R"(k(x)", false, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern, c.case_sensitive);
    CHECK(AsciiFoldPattern(c.pattern, c.case_sensitive) == c.expected);
  }
}

TEST_CASE("matcher: the ASCII-fold form matches as the pattern on texts without U+212A, U+017F",
          "[matcher]") {
  const std::string_view patterns[] = {
      R"((?P<actor>\w+)\s+(?P<trigger>strikes?|kills?)\W)",
      R"((?i)Kyiv|SKY(?-i:sk)|[a-z]+k)",
      R"(\b(?:ask|desk|task)s\b)",
  };
  const std::string_view texts[] = {
      "Troops STRIKE hard, Kyiv kills. ",
      "sKy sk skY SKsk desks Asks TASKS",
      "ok, KS ks Ks kS.",
      "plain text with no fold letters",
      "naïve café Kiev’s sky",
  };
  for (const auto pattern : patterns) {
    RE2::Options o;
    o.set_case_sensitive(false);
    const RE2 exact(pattern, o);
    const RE2 lean(AsciiFoldPattern(pattern, false), o);
    REQUIRE(exact.ok());
    REQUIRE(lean.ok());
    CHECK(lean.ProgramSize() < exact.ProgramSize());
    for (const auto text : texts) {
      CAPTURE(pattern, text);
      REQUIRE(!HoldsNonAsciiFold(text));
      for (std::size_t at = 0; at <= text.size(); ++at) {
        re2::StringPiece a[4], b[4];
        const bool ma = exact.Match(text, at, text.size(), RE2::UNANCHORED, a, 4);
        const bool mb = lean.Match(text, at, text.size(), RE2::UNANCHORED, b, 4);
        REQUIRE(ma == mb);
        for (int g = 0; ma && g < 4; ++g) CHECK(a[g] == b[g]);
      }
    }
  }
}

TEST_CASE("matcher: LowerCasePattern writes a folded pattern for lower-cased text", "[matcher]") {
  const struct {
    std::string_view pattern;
    bool case_sensitive;
    std::string_view lowered;  // empty: not applicable
  } cases[] = {
      {R"(\bKyiv(?P<Tail>[A-Z]s)?\s+\W)", false, R"(\bkyiv(?P<Tail>[a-z]s)?\s+\W)"},
      {R"((?i:Strike){1,2}[^A-Z0-9_-]caf\x{E9})", false, ""},  // \x: not read
      {R"([\w’'-]+ café)", false, "[\\x27\\x2D0-9\\x5Fa-z’]+ caf(?i:é)"},
      {R"(x(?-i:[A-Z]))", false, ""},  // folding off: the case counts
      {R"(\pL+)", false, ""},
      {R"([\W]x)", false, ""},
      {R"(Kyiv)", true, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CHECK(LowerCasePattern(c.pattern, c.case_sensitive) == c.lowered);
  }
}

TEST_CASE("matcher: a LowerCasePattern program over lower-cased text matches as the pattern",
          "[matcher]") {
  // Soundness: at every start, anchored and not, the folded pattern over
  // the text and its lowered form (no folding) over the lower-cased text
  // match at the same offsets with the same groups.
  const std::string_view patterns[] = {
      R"((?P<actor>\w+)\s+(?P<trigger>strikes?|kills?)\W)",
      R"(\b(?P<who>[A-Z][a-z]+)[’'-]s\s+(?:KYIV|kharkiv)\b)",
      R"([^a-z\s]+|[^A-Z]\d)",
      R"(^\s*(?P<h>Breaking)|(?:desk|TASK)s?$)",
      R"((?s:.)Ž?(?:naïve|ÉLAN)\s+(?P<x>[A-Fa-f0-9]{2,}))",
      R"((?m)^(?:a|B)+[-–—]\B)",
  };
  const std::string_view texts[] = {
      "Troops STRIKE hard, Kyiv kills. Breaking",
      "Ivan’s KYIV, Olga's Kharkiv; O'Neil-s kyiv",
      "  breaking: DESKS 12ab 3F 9Z and TASK",
      "naïve café NAÏVE élan ÉLAN Élan ab12F ž",
      "aB—x\nBA–y\nab-",
      "plain text with 7 digits and AB CD",
  };
  for (const auto pattern : patterns) {
    const std::string low = LowerCasePattern(pattern, false);
    CAPTURE(pattern, low);
    REQUIRE(!low.empty());
    RE2::Options fold;
    fold.set_case_sensitive(false);
    const RE2 exact(pattern, fold);
    const RE2 lowered(low);
    REQUIRE(exact.ok());
    REQUIRE(lowered.ok());
    REQUIRE(exact.NumberOfCapturingGroups() == lowered.NumberOfCapturingGroups());
    const int n = 1 + exact.NumberOfCapturingGroups();
    for (const auto text : texts) {
      CAPTURE(text);
      REQUIRE(!HoldsNonAsciiFold(text));
      std::string lower(text);
      for (char& ch : lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      for (const auto anchor : {RE2::UNANCHORED, RE2::ANCHOR_START}) {
        for (std::size_t at = 0; at <= text.size(); ++at) {
          std::vector<re2::StringPiece> a(static_cast<std::size_t>(n)),
              b(static_cast<std::size_t>(n));
          const bool ma = exact.Match(text, at, text.size(), anchor, a.data(), n);
          const bool mb = lowered.Match(lower, at, lower.size(), anchor, b.data(), n);
          REQUIRE(ma == mb);
          for (std::size_t g = 0; ma && g < a.size(); ++g) {
            CHECK((a[g].data() == nullptr) == (b[g].data() == nullptr));
            if (a[g].data() == nullptr) continue;
            CHECK(a[g].data() - text.data() == b[g].data() - lower.data());
            CHECK(a[g].size() == b[g].size());
          }
        }
      }
    }
  }
}

TEST_CASE("matcher: rules, vetoes and time rules run lowered give offsets in the text",
          "[matcher]") {
  // Folded patterns without (?-i) run as LowerCasePattern programs over the
  // lower-cased sentence; matches, groups and vetoes come back as offsets
  // in the text, the byte before the sentence still deciding \b.
  const Compiled ev = Build(
      "event", Rule("l.shell", R"((?P<actor>[A-Z]\w+)\s+(?P<trigger>Shelled)\s+(?P<target>\w+))",
                    "    unless: ['\\bDRILL\\s+\\w+\\s+SHELLED']\n"));
  const std::string text = "xx. Rebels SHELLED Kyiv; Drill Troops shelled Lviv. Army Shelled ODESA";
  std::vector<Match> out;
  ev.matcher->FindAll(RuleKind::kEvent, text, 4, text.size(), out);
  CHECK(Describe(text, out) ==
        "l.shell[Rebels SHELLED Kyiv] actor=Rebels trigger=SHELLED target=Kyiv;"
        "l.shell[Army Shelled ODESA] actor=Army trigger=Shelled target=ODESA;");
  out.clear();
  ev.matcher->FindAll(RuleKind::kEvent, text, 7, text.size(), out);  // from inside "Rebels"
  CHECK(Describe(text, out).rfind("l.shell[els SHELLED Kyiv] actor=els", 0) == 0);
  const Compiled tm = Build("time",
                            "  - id: t.day\n    value: today\n"
                            "    pattern: '\\b(?P<n>\\d+)\\s+(?P<trigger>DAYS?)\\s+AGO'\n"
                            "    unless: ['\\bFOR\\s+\\d+\\s+days']\n    examples: [x]\n");
  const std::string when = "For 3 Days ago, 2 DAYS AGO, 5 days Ago";
  out.clear();
  tm.matcher->FindAll(RuleKind::kTime, when, 0, when.size(), out);
  CHECK(Describe(when, out) ==
        "t.day[2 DAYS AGO] n=2 trigger=DAYS;t.day[5 days Ago] n=5 trigger=days;");
}

TEST_CASE("matcher: a text with KELVIN SIGN or LONG S is matched by the pattern as written",
          "[matcher]") {
  const Compiled c = Build("event", Rule("k.word", R"((?P<trigger>struck) (?P<target>\w+))") +
                                        Rule("s.sky", R"((?P<trigger>\w+ sky))"));
  // U+212A KELVIN SIGN folds to k, U+017F LONG S to s (RE2's simple case
  // folding): the ASCII-fold programs would miss both matches.
  const std::string text = "Guns struck \xE2\x84\xAAyiv. Over a red \xC5\xBFky.";
  CHECK(HoldsNonAsciiFold(text));
  std::vector<Match> out;
  c.matcher->FindAll(RuleKind::kEvent, text, 0, text.size(), out);
  CHECK(Describe(text, out) ==
        "k.word[struck \xE2\x84\xAAyiv] trigger=struck target=\xE2\x84\xAAyiv;"
        "s.sky[red \xC5\xBFky] trigger=red \xC5\xBFky;");
  // Without them, the same rules through the ASCII-fold programs.
  const std::string plain = "Guns STRUCK Kyiv. Over a red SKY.";
  out.clear();
  c.matcher->FindAll(RuleKind::kEvent, plain, 0, plain.size(), out);
  CHECK(Describe(plain, out) ==
        "k.word[STRUCK Kyiv] trigger=STRUCK target=Kyiv;s.sky[red SKY] trigger=red SKY;");
}

}  // namespace
}  // namespace eventline
