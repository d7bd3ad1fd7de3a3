// Rules keyed on their trigger bodies (docs/scale.md, "session 28,
// h-speed40"): the derivation that proves every body begins where the
// index looks (TriggerBodyLeading), and FindAll with the shipped-style
// derivation against a plain RE2 search over random texts.
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

TEST_CASE("trigger bodies: the union of the bodies and whether each begins at a boundary",
          "[prefilter]") {
  const struct {
    const char* pattern;
    const char* need;  // "NONE": nothing derived
    bool at_boundary;  // every body begins at a \b or after a non-word byte
  } cases[] = {
      // Slots and \s+ before the bodies; named groups inside a body become
      // non-capturing.
      {R"(\b(?:(?P<actor>man|he)\s+was\s+(?P<trigger>in\s+custody)|(?P<actor2>suspects?)\s+(?P<trigger2>under\s+(?P<n>\d+)\s+arrest))\b)",
       R"((?:(?:in\s+custody)|(?:under\s+(?:\d+)\s+arrest)))", true},
      // At the match's start, after an optional phrase, after up to two
      // words: the value before the optional part holds too.
      {R"(\b(?:(?:the\s+)?(?P<trigger>a)|(?:\w+\s+){0,2}(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))",
       true},
      // After a class of punctuation, escaped punctuation, a dash (UTF-8),
      // \W, a tab, \b.
      {R"(\b(?:x[,.;](?P<trigger>a)|y\.(?P<trigger2>b)|z—(?P<trigger3>c)|w\W(?P<trigger4>d)|v\t(?P<trigger5>e)|u*\b(?P<trigger6>f)))",
       R"((?:(?:a)|(?:b)|(?:c)|(?:d)|(?:e)|(?:f)))", true},
      // A zero-width item keeps the value: ^ and \B after a space.
      {R"(\b(?:^(?P<trigger>a)|\s\B(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", true},
      // After a word byte, \w, \d, \S, \pL, '.', a class with a word byte or
      // a negated one: not known.
      {R"(\b(?:x(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:\w+(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:\d(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:\S(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:\pL(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:\s.(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:[\w,](?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:[^a-z](?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:[!-0](?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      // After an optional word glued on, or an alternation one of whose
      // branches ends with a word byte: the weakest.
      {R"(\b(?:(?:un)?(?P<trigger>armed)|(?P<trigger2>b)))", R"((?:(?:armed)|(?:b)))", false},
      {R"(\b(?:y(?:x|\s)(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:y(?:,|\s)(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", true},
      // An optional character after a word byte: the word byte's value;
      // after punctuation: known.
      {R"(\b(?:x(?:é)?(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:,é?(?P<trigger>a)|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", true},
      // A repeated group: a later pass begins after a word byte of the
      // earlier one; after a space it is known.
      {R"(\b(?:(?:(?P<trigger>a)x)+y|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:(?:(?P<trigger>a)\s)+y|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", true},
      {R"(\b(?:(?:(?P<trigger>a)x){2}y|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", false},
      {R"(\b(?:(?:(?P<trigger>a)x){1}y|(?P<trigger2>b)))", R"((?:(?:a)|(?:b)))", true},
      // A literal '{' is a non-word byte; flag groups go with their bodies.
      {R"(x{(?P<trigger>c)|(?-i:z\s(?P<trigger2>US)))", R"((?:(?:c)|(?:(?-i:US))))", true},
      // No union: an alternative without a trigger, an optional one, \Q.
      {R"((?P<trigger>a)b|c)", "NONE", false},
      {R"(x(?P<trigger>a)?|(?P<trigger2>b))", "NONE", false},
      {R"(\Qa\E(?P<trigger>b))", "NONE", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    bool at = !c.at_boundary;
    const auto got = DeriveTriggerNeed(c.pattern, &at);
    CHECK((got ? *got : std::string("NONE")) == c.need);
    CHECK(at == c.at_boundary);
    if (got) CHECK(RE2(*got).ok());
    CHECK(TriggerBodyLeading(c.pattern).has_value() == c.at_boundary);
  }
  // Keys: the bodies' leading strings, each beginning with a word byte;
  // otherwise, or with KELVIN SIGN or LONG S in the pattern, none.
  const auto keys = TriggerBodyLeading(
      R"(\b(?:(?:police|troops)\s+(?P<trigger>seized)\s+\w+|(?P<trigger2>in\s+custody)))");
  REQUIRE(keys);
  CHECK(*keys == std::vector<std::string>{"in custo", "seized"});
  CHECK(!TriggerBodyLeading(R"(\b(?:x\s+(?P<trigger>\$5)|(?P<trigger2>b)))"));
  CHECK(!TriggerBodyLeading("\\b(?:x\\s+(?P<trigger>\xE2\x84\xAA)|(?P<trigger2>b))"));
}

// A rule set as the build stores it (DerivePatternStarts), compiled.
testing::CompiledRules Derived(const std::string& yaml) {
  testing::CompiledRules c = testing::CompileRules("event", yaml);
  for (Rule& r : c.set.rules) DerivePatternStarts(r);
  DiagnosticSink sink;
  c.matcher = Matcher::Compile(c.set, sink);
  REQUIRE(c.matcher);
  return c;
}

TEST_CASE("trigger bodies: FindAll finds what a plain search finds", "[matcher]") {
  // Rules whose triggers sit in alternatives (the set's trigger is the
  // whole pattern), keyed on their bodies or, where the derivation cannot
  // prove a body begins at a boundary, on the whole pattern. Random texts
  // from words glued or spaced, punctuation, KELVIN SIGN and LONG S for k
  // and s, upper case, sub-ranges [begin, end).
  const struct {
    std::string id, pattern;
    bool body_keys;
  } rules[] = {
      {"b.space",
       R"(\b(?:(?P<actor>police|troops)\s+(?P<trigger>arrested|detained)\s+\w+|(?P<trigger2>raided)\s+(?:the\s+)?(?:camp|compound))\b)",
       true},
      {"b.punct",
       R"(\b(?:(?:police|troops)[,;:]\s*(?P<trigger>stormed)|(?:said|says)\s*[-—]\s*(?P<trigger2>killed)))",
       true},
      {"b.glued", R"(\b(?:(?:re)?(?P<trigger>armed)\s+men|(?P<trigger2>kidnapped)\s+\w+))", false},
      {"b.inword", R"(\b(?:\w*(?P<trigger>shot)\s+dead|(?P<trigger2>seized)\s+\w+))", false},
      {"b.repeat", R"(\b(?:(?:(?P<trigger>shot)\s+)+dead|(?:very\s+){0,2}(?P<trigger2>kidnapped)))",
       true},
      {"b.kelvin", R"(\b(?:police\s+(?P<trigger>killed)|(?P<trigger2>seized)\s+\w+))", true},
      {"b.case",
       R"(\b(?:(?-i:(?P<trigger>US))\s+troops|the\s+(?P<trigger2>army)\s+(?:stormed|raided)))",
       true},
      {"b.digit", R"(\b(?:(?P<trigger>\d+)\s+(?:killed|dead)|at\s+least\s+(?P<trigger2>\d+)))",
       true},
  };
  std::string yaml;
  for (const auto& r : rules) yaml += testing::ShellingRule(r.id, r.pattern);
  const testing::CompiledRules c = Derived(yaml);
  for (const Rule& r : c.set.rules) {
    CAPTURE(r.id);
    for (const auto& want : rules) {
      if (want.id == r.id) CHECK(r.trigger_body == want.body_keys);
    }
  }
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_case_sensitive(false);
  std::vector<std::unique_ptr<RE2>> plain, admit;
  for (const auto& r : rules) {
    plain.push_back(std::make_unique<RE2>(r.pattern, o));
    admit.push_back(std::make_unique<RE2>("\\b(?:" + r.pattern + ")", o));
    REQUIRE(plain.back()->ok());
  }
  const std::vector<std::string> words = {
      "police", "troops", "arrested", "detained", "raided", "the", "camp", "compound", "stormed",
      "said", "says", "killed", "armed", "rearmed", "men", "kidnapped", "shot", "dead", "very",
      "US", "us", "army", "at", "least", "12", "3", "x", ",", ";", ":", "-", "—", "Police",
      "KILLED", "Seized", "seized", "\xE2\x84\xAAilled",
      "\xC5\xBF"
      "eized",
      "\xE2\x84\xAA"
      "idnapped",
      "sho", "t", "ki", "lled",
      // Phrases that make a match more often.
      "police arrested him", "troops raided the camp", "police; stormed", "says — killed",
      "rearmed men", "shot shot dead", "very very kidnapped", "US troops", "the army stormed",
      "at least 40", "7 dead", "police \xE2\x84\xAAilled",
      "\xC5\xBF"
      "eized them"};
  const std::vector<std::string> gaps = {" ", " ", " ", "", "", "  ", "\t", "\n", ", "};
  std::mt19937 rng(28040);
  int compared = 0, nonempty = 0;
  for (int n = 0; n < 6000; ++n) {
    std::string text;
    const int len = 1 + static_cast<int>(rng() % 10);
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
    // The set's view: one byte before the sentence, none after its end.
    const std::size_t wb = begin > 0 ? begin - 1 : 0;
    const re2::StringPiece view(text.data() + wb, end - wb), in(text.data(), end);
    for (std::size_t k = 0; k < std::size(rules); ++k) {
      std::string got, want;
      for (const Match& m : out) {
        if (m.rule->id != rules[k].id) continue;
        got += "[" + std::to_string(m.begin) + "," + text.substr(m.begin, m.end - m.begin) + "]";
      }
      if (RE2::PartialMatch(view, *admit[k])) {
        re2::StringPiece m;
        std::size_t pos = begin;
        while (pos <= end && plain[k]->Match(in, pos, end, RE2::UNANCHORED, &m, 1)) {
          const auto mb = static_cast<std::size_t>(m.data() - text.data());
          if (m.empty()) {
            pos = mb + 1;
            continue;
          }
          want += "[" + std::to_string(mb) + "," + std::string(m.data(), m.size()) + "]";
          pos = mb + m.size();
        }
      }
      CAPTURE(rules[k].id, text, begin, end);
      CHECK(got == want);
      ++compared;
      if (!want.empty()) ++nonempty;
    }
  }
  CHECK(compared > 30000);
  CHECK(nonempty > 2000);
}

TEST_CASE("trigger bodies: most shipped rules with triggers in alternatives get body keys",
          "[prefilter]") {
  // The speed of the change rests on it (69 of 71 in session 28: the two
  // others allow a body glued to a word before it, "groundincursion").
  DiagnosticSink sink;
  const RuleSet shipped = LoadRules({std::string(EVENTLINE_SOURCE_DIR) + "/rules"}, sink);
  REQUIRE(sink.error_count() == 0);
  int whole = 0, keyed = 0;
  for (const Rule& r : shipped.rules) {
    if (r.kind == RuleKind::kTime || TriggerPattern(r.pattern) != r.pattern ||
        !LeadingStrings(r.pattern)) {
      continue;
    }
    ++whole;
    if (TriggerBodyLeading(r.pattern)) ++keyed;
  }
  CAPTURE(whole, keyed);
  CHECK(whole >= 60);
  CHECK(keyed * 10 >= whole * 9);
}

}  // namespace
}  // namespace eventline
