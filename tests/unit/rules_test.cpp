// Loader tests: good rule texts -> RuleSet facts; bad texts -> the full
// rendered diagnostics, caret lines included (ninja's ParserTest.Errors).
#include "eventline/rules.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "eventline/lexicon.h"

namespace eventline {
namespace {

RuleSet Context() {
  RuleSet ctx;
  ctx.lexicons["WEAPON"] = {"rocket", "mortar", "cluster bomb"};
  ctx.lexicons["FORCE"] = {"troops", "forces"};
  EventType shelling;
  shelling.name = "shelling";
  EventType air;
  air.name = "air_strike";
  ctx.types = {shelling, air};
  return ctx;
}

std::string RenderAll(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.diagnostics()) out += Render(d);
  return out;
}

TEST_CASE("lexicon: entries become an escaped, longest-first prefix tree", "[rules]") {
  const struct {
    std::vector<std::string> entries;
    std::string expected;
  } cases[] = {
      // A prefix tree: continuations longest first, then the entry that ends.
      {{"air", "air strike"}, R"((?:air(?:\s+strike|)))"},
      {{"U.S. forces"}, R"((?:U\.S\.\s+forces))"},
      {{"a+b", "c"}, R"((?:a\+b|c))"},
      {{"kill", "killed", "killing", "kills"}, R"((?:kill(?:ing|ed|s|)))"},
      // Entries that differ only in case keep the flat longest-first list.
      {{"Kyiv", "kyiv region"}, R"((?:kyiv\s+region|Kyiv))"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.expected);
    CHECK(LexiconAlternation(c.entries) == c.expected);
  }
}

TEST_CASE("lexicon: case-insensitive references get the folded prefix tree", "[rules]") {
  // Case variants force the flat list; matched case-insensitively they are one
  // entry, and the lower-cased tree matches the same texts in the same order.
  const std::vector<std::string> entries = {"Nato",     "NATO", "ISIS",
                                            "Islamist", "Kyiv", "kyiv region"};
  CHECK(FoldedLexiconAlternation(entries) == R"((?:kyiv(?:\s+region|)|is(?:lamist|is)|nato))");
  CHECK(FoldedLexiconAlternation({"Québécois"}).empty());
  // Where the pattern is folded: the rule's option, then (?i)/(?-i) groups.
  CHECK(CaseFoldedAt("a {X}", 2, false));
  CHECK(!CaseFoldedAt("a {X}", 2, true));
  CHECK(!CaseFoldedAt("(?-i:a {X}", 7, false));
  CHECK(CaseFoldedAt("(?-i:a) {X}", 8, false));
  CHECK(CaseFoldedAt("(?i:(?P<s>[(]a\\) {X}", 18, true));
  CHECK(!CaseFoldedAt("x(?-i)y(?:z) {X}", 13, false));
  CHECK(!CaseFoldedAt("\\Qa {X}", 5, false));  // not read: the exact form
  AlternationMap alts = BuildAlternations(LexiconMap{{"X", entries}});
  CHECK(ExpandLexicons("{X}", alts, nullptr, false) ==
        "(?:" + std::string(R"(kyiv(?:\s+region|)|is(?:lamist|is)|nato))"));
  CHECK(ExpandLexicons("(?-i:{X})", alts, nullptr, false) ==
        "(?-i:" + LexiconAlternation(entries) + ")");
  CHECK(ExpandLexicons("{X}", alts, nullptr) == LexiconAlternation(entries));
  // Same matches, groups included, as the exact list under case folding.
  RE2::Options o;
  o.set_case_sensitive(false);
  const RE2 exact("(" + LexiconAlternation(entries) + R"()(\s+\w+)?)", o);
  const RE2 folded("(" + FoldedLexiconAlternation(entries) + R"()(\s+\w+)?)", o);
  for (const char* t : {"NATO troops", "nato", "Kyiv Region said", "kyiv  region", "isis x",
                        "IslamistS", "Kyiv regional"}) {
    std::string a1, a2, b1, b2;
    CAPTURE(t);
    CHECK(RE2::PartialMatch(t, exact, &a1, &a2) == RE2::PartialMatch(t, folded, &b1, &b2));
    CHECK(a1 == b1);
    CHECK(a2 == b2);
  }
}

TEST_CASE("lexicon: file text, comments, blanks and duplicates", "[rules]") {
  DiagnosticSink sink;
  auto entries = ParseLexiconText("# weapons\nrocket\n\n  mortar shell  # trailing\nrocket\n",
                                  "lexicons/weapon.txt", sink);
  CHECK(entries == std::vector<std::string>{"rocket", "mortar shell"});
  CHECK(!sink.has_errors());
  entries = ParseLexiconText("# only a comment\n\n", "lexicons/empty.txt", sink);
  CHECK(entries.empty());
  CHECK(RenderAll(sink) ==
        "lexicons/empty.txt:1:1: error[E017]: lexicon has no entries (one literal entry per "
        "line; '#' starts a comment)\n");
}

TEST_CASE("lexicon: ~lemma entries give every form of the verb", "[rules]") {
  DiagnosticSink sink;
  auto entries = ParseLexiconText("~capture\n~take control of  # phrasal\ncaptured\n",
                                  "lexicons/capture_verb.txt", sink);
  CHECK(!sink.has_errors());
  CHECK(entries == std::vector<std::string>{"capture", "captures", "captured", "capturing",
                                            "take control of", "takes control of",
                                            "took control of", "taken control of",
                                            "taking control of"});
  entries = ParseLexiconText("raid\n  ~Seize\n~\n~re-take\n", "lexicons/bad.txt", sink);
  CHECK(entries.empty());  // a bad line leaves the whole lexicon out, as E017 does
  CHECK(RenderAll(sink) ==
        "lexicons/bad.txt:2:3: error[E017]: '~' must be followed by a verb lemma in lower-case "
        "letters (\"~capture\", \"~take control of\")\n"
        "lexicons/bad.txt:3:1: error[E017]: '~' must be followed by a verb lemma in lower-case "
        "letters (\"~capture\", \"~take control of\")\n"
        "lexicons/bad.txt:4:1: error[E017]: '~' must be followed by a verb lemma in lower-case "
        "letters (\"~capture\", \"~take control of\")\n");
}

TEST_CASE("lexicon: references, escapes and names", "[rules]") {
  const auto refs = FindLexiconRefs(R"(a {WEAPON} \{FORCE} {2,3} {weapon})");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].name == "WEAPON");
  CHECK(refs[0].offset == 2);
  CHECK(refs[1].name == "weapon");
  CHECK(!refs[1].upper);
  CHECK(LexiconNameOf("number_word") == "NUMBER_WORD");
  CHECK(LexiconNameOf("bad-name").empty());
}

TEST_CASE("rules: good rule files give these facts", "[rules]") {
  const RuleSet ctx = Context();
  DiagnosticSink sink;
  const std::string text =
      "kind: event\n"
      "rules:\n"
      "  - id: shelling.basic\n"
      "    type: shelling\n"
      "    pattern: '(?P<actor>{FORCE})\\s+(?P<trigger>shelled)'\n"
      "    unless: ['shelled out']\n"
      "    priority: 3\n"
      "    case_sensitive: true\n"
      "    examples:\n"
      "      - text: Troops shelled the town.\n"
      "        pub_date: 2022-03-10\n"
      "        expect:\n"
      "          actor: Troops\n"
      "          fatalities:\n"
      "      - A bare sentence example.\n"
      "    counter_examples:\n"
      "      - They shelled out cash.\n";
  const auto rules = ParseRuleText(text, "events/s.yaml", ctx, sink);
  CHECK(RenderAll(sink).empty());
  REQUIRE(rules.size() == 1);
  const Rule& r = rules[0];
  CHECK(r.kind == RuleKind::kEvent);
  CHECK(r.id == "shelling.basic");
  CHECK(r.at.line == 3);
  CHECK(r.at.column == 9);
  CHECK(r.event_type == "shelling");
  CHECK(r.pattern_source == "(?P<actor>{FORCE})\\s+(?P<trigger>shelled)");
  CHECK(r.pattern == "(?P<actor>(?:troops|forces))\\s+(?P<trigger>shelled)");
  CHECK(r.pattern_at.line == 5);
  CHECK(r.pattern_at.column == 14);
  CHECK(r.unless == std::vector<std::string>{"shelled out"});
  CHECK(r.priority == 3);
  CHECK(r.case_sensitive);
  REQUIRE(r.examples.size() == 2);
  CHECK(r.examples[0].text == "Troops shelled the town.");
  REQUIRE(r.examples[0].pub_date);
  CHECK(r.examples[0].at.line == 10);
  CHECK(r.examples[0].expect ==
        std::vector<std::pair<std::string, std::string>>{{"actor", "Troops"}, {"fatalities", ""}});
  CHECK(r.examples[1].text == "A bare sentence example.");
  CHECK(!r.examples[1].pub_date);
  REQUIRE(r.counter_examples.size() == 1);

  const std::string time_text =
      "kind: time\n"
      "rules:\n"
      "  - id: time.weekday\n"
      "    value: 'weekday({day})'\n"
      "    pattern: 'on (?P<day>monday|tuesday)'\n"
      "    examples:\n"
      "      - text: It fell on Monday.\n"
      "        expect: {date_start: 2022-08-15}\n";
  const auto times = ParseRuleText(time_text, "time/t.yaml", ctx, sink);
  CHECK(RenderAll(sink).empty());
  REQUIRE(times.size() == 1);
  CHECK(times[0].kind == RuleKind::kTime);
  CHECK(times[0].value == "weekday({day})");

  const std::string cue_text =
      "kind: cue\n"
      "rules:\n"
      "  - id: cue.said\n"
      "    cue: claimed\n"
      "    pattern: '(?P<source>officials) (?P<trigger>said)'\n"
      "    examples: [Officials said so.]\n";
  const auto cues = ParseRuleText(cue_text, "cues/c.yaml", ctx, sink);
  CHECK(RenderAll(sink).empty());
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].cue == "claimed");
}

TEST_CASE("rules: bad rule files give exact diagnostics", "[rules]") {
  const RuleSet ctx = Context();
  const std::string head = "kind: event\nrules:\n  - id: r.one\n    type: shelling\n";
  const std::string ex = "    examples: [Troops shelled it.]\n";
  const struct {
    std::string text, expected;
  } cases[] = {
      {"kind: event\nrules: [\n",
       "f.yaml:2:9: error[E001]: yaml syntax error: end of sequence flow not found\n"
       " 2 | rules: [\n"
       "   |         ^\n"},
      {head + "    patern: 'x'\n" + ex,
       "f.yaml:3:9: error[E004]: missing field 'pattern' in rule 'r.one'\n"
       " 3 |   - id: r.one\n"
       "   |         ^~~~~\n"
       "f.yaml:5:5: error[E003]: unknown key 'patern' in a rule; did you mean 'pattern'?\n"
       " 5 |     patern: 'x'\n"
       "   |     ^~~~~~\n"},
      // A repeated key or a second document was dropped without a word (the
      // shipped rules/time/absolute.yaml had an example with two 'expect').
      {head + "    pattern: 'x'\n    pattern: 'y'\n" + ex,
       "f.yaml:6:5: error[E001]: yaml: duplicate key 'pattern' (first at line 5); keys must be "
       "unique\n"
       " 6 |     pattern: 'y'\n"
       "   |     ^~~~~~~\n"},
      {head + "    pattern: 'x'\n    examples:\n      - text: Troops shelled it.\n"
              "        text: Again.\n",
       "f.yaml:8:9: error[E001]: yaml: duplicate key 'text' (first at line 7); keys must be "
       "unique\n"
       " 8 |         text: Again.\n"
       "   |         ^~~~\n"},
      {head + "    pattern: 'x'\n" + ex + "---\nkind: cue\n",
       "f.yaml:8:1: error[E001]: yaml: a rule file holds one document; a second one starts "
       "here and would be ignored (remove the '---' line)\n"
       " 8 | kind: cue\n"
       "   | ^\n"},
      {head + "    pattern: [a, b]\n" + ex,
       "f.yaml:5:14: error[E005]: 'pattern' must be a string, got a list\n"
       " 5 |     pattern: [a, b]\n"
       "   |              ^\n"},
      {"kind: evnt\nrules: []\n",
       "f.yaml:1:7: error[E006]: unknown kind 'evnt'; expected event, time or cue; did you "
       "mean 'event'?\n"
       " 1 | kind: evnt\n"
       "   |       ^~~~\n"},
      {head + "    pattern: 'x'\n" + ex + "  - id: Bad Id\n    type: shelling\n    pattern: y\n" +
           ex,
       "f.yaml:7:9: error[E008]: bad rule id 'Bad Id': use lower-case letters, digits, '_', "
       "'.' and '-'\n"
       " 7 |   - id: Bad Id\n"
       "   |         ^~~~~~\n"},
      {head + "    pattern: 'the {WEAPN} hit'\n" + ex,
       "f.yaml:5:19: error[E009]: unknown lexicon '{WEAPN}'; did you mean '{WEAPON}'?\n"
       " 5 |     pattern: 'the {WEAPN} hit'\n"
       "   |                   ^~~~~~~\n"},
      {head + "    pattern: 'the {weapon} hit'\n" + ex,
       "f.yaml:5:19: error[E009]: unknown lexicon '{weapon}'; lexicon names are upper case: "
       "did you mean '{WEAPON}'?\n"
       " 5 |     pattern: 'the {weapon} hit'\n"
       "   |                   ^~~~~~~~\n"},
      {"kind: event\nrules:\n  - id: r.one\n    type: shellin\n    pattern: x\n" + ex,
       "f.yaml:4:11: error[E010]: unknown event type 'shellin' (not in types.yaml); did you "
       "mean 'shelling'?\n"
       " 4 |     type: shellin\n"
       "   |           ^~~~~~~\n"},
      {head + "    pattern: 'it''s (shel(l|ed)'\n" + ex,
       "f.yaml:5:15: error[E011]: bad regular expression in pattern: missing ): it's "
       "(shel(l|ed)\n"
       " 5 |     pattern: 'it''s (shel(l|ed)'\n"
       "   |               ^~~~~~~~~~~~~~~~~\n"},
      {head + "    pattern: 'ab(?P<x>c) d++'\n" + ex,
       "f.yaml:5:27: error[E011]: bad regular expression in pattern: bad repetition operator: "
       "++\n"
       " 5 |     pattern: 'ab(?P<x>c) d++'\n"
       "   |                           ^~\n"},
      {head + "    pattern: \"a\\\\d+(\"\n" + ex,
       "f.yaml:5:14: error[E011]: bad regular expression in pattern: missing ): a\\d+( (in an "
       "escaped scalar; the column is the scalar's start)\n"
       " 5 |     pattern: \"a\\\\d+(\"\n"
       "   |              ^~~~~~~~\n"},
      {head + "    pattern: 'x (?P<actr>\\w+)'\n" + ex,
       "f.yaml:5:17: error[E013]: capture 'actr' is not a slot of event rules; event slots are "
       "trigger, actor, target, location, quantity, weapon, fatalities or injured; did you mean "
       "'actor'?\n"
       " 5 |     pattern: 'x (?P<actr>\\w+)'\n"
       "   |                 ^~~~~~~~~\n"},
      {head + "    pattern: 'shelled'\n",
       "f.yaml:3:9: error[E014]: rule 'r.one' has no examples; add at least one sentence it must "
       "match\n"
       " 3 |   - id: r.one\n"
       "   |         ^~~~~\n"},
      {head + "    pattern: 'shelled'\n    examples:\n      - text: ''\n",
       "f.yaml:7:15: error[E015]: example text is empty\n"
       " 7 |       - text: ''\n"
       "   |               ^~\n"},
      {head + "    pattern: 'shelled'\n    examples:\n      - pub_date: 2022-01-01\n",
       "f.yaml:7:9: error[E015]: an entry of 'examples' has no 'text'\n"
       " 7 |       - pub_date: 2022-01-01\n"
       "   |         ^\n"},
      {head +
           "    pattern: 'shelled'\n    examples:\n      - text: x\n        pub_date: 2022-02-30\n",
       "f.yaml:8:19: error[E016]: bad pub_date '2022-02-30': expected a valid YYYY-MM-DD date\n"
       " 8 |         pub_date: 2022-02-30\n"
       "   |                   ^~~~~~~~~~\n"},
      {"kind: cue\nrules:\n  - id: c.one\n    cue: claimd\n    pattern: said\n" + ex,
       "f.yaml:4:10: error[E018]: unknown cue 'claimd'; expected claimed, denied, expected, "
       "negated, hypothetical or source; did you mean 'claimed'?\n"
       " 4 |     cue: claimd\n"
       "   |          ^~~~~~\n"},
      {"kind: time\nrules:\n  - id: t.one\n    value: 'weekday({dya})'\n"
       "    pattern: 'on (?P<day>monday)'\n" +
           ex,
       "f.yaml:4:21: error[E019]: value refers to '{dya}' but the pattern has no capture "
       "'(?P<dya>...)'; did you mean 'day'?\n"
       " 4 |     value: 'weekday({dya})'\n"
       "   |                     ^~~~~\n"},
      {head + "    pattern: x\n    examples:\n      - text: x\n        expect: {evnt_type: y}\n",
       "f.yaml:8:18: error[E020]: unknown column 'evnt_type' in 'expect' (event rules); did you "
       "mean 'event_type'?\n"
       " 8 |         expect: {evnt_type: y}\n"
       "   |                  ^~~~~~~~~\n"},
      {head + "    pattern: 'a*'\n" + ex,
       "f.yaml:5:15: warning[W001]: pattern can match the empty string; such matches are "
       "ignored\n"
       " 5 |     pattern: 'a*'\n"
       "   |               ^~\n"},
      {head + "    pattern: x\n    case_sensitive: maybe\n" + ex,
       "f.yaml:6:21: error[E005]: 'case_sensitive' must be true or false, got 'maybe'\n"
       " 6 |     case_sensitive: maybe\n"
       "   |                     ^~~~~\n"},
      {head + "    pattern: 'née (?P<actr>x)'\n" + ex,  // columns count code points
       "f.yaml:5:19: error[E013]: capture 'actr' is not a slot of event rules; event slots are "
       "trigger, actor, target, location, quantity, weapon, fatalities or injured; did you mean "
       "'actor'?\n"
       " 5 |     pattern: 'née (?P<actr>x)'\n"
       "   |                   ^~~~~~~~~\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    DiagnosticSink sink;
    const auto rules = ParseRuleText(c.text, "f.yaml", ctx, sink);
    CHECK(RenderAll(sink) == c.expected);
    if (sink.has_errors()) {
      // A rule with errors is left out; the good rule before it (E008 case) stays.
      for (const auto& r : rules) CHECK(r.id == "r.one");
    }
  }
}

TEST_CASE("rules: over-budget program is E012", "[rules]") {
  RuleSet ctx = Context();
  std::string pattern;
  for (int i = 0; i < 2000; ++i) pattern += "\\pL";
  DiagnosticSink sink;
  const auto rules =
      ParseRuleText("kind: event\nrules:\n  - id: big\n    type: shelling\n    pattern: '" +
                        pattern + "'\n    examples: [x]\n",
                    "f.yaml", ctx, sink);
  CHECK(rules.empty());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "E012");
}

// Writes a rules dir under the temp directory; removed at scope end.
struct TempRules {
  std::filesystem::path root;
  explicit TempRules(const std::string& name)
      : root(std::filesystem::temp_directory_path() / ("eventline-rules-test-" + name)) {
    std::filesystem::remove_all(root);
  }
  ~TempRules() { std::filesystem::remove_all(root); }
  void Write(const std::string& rel, const std::string& text) const {
    const auto p = root / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string Dir(const std::string& sub) const { return (root / sub).string(); }
};

TEST_CASE("rules: LoadRules walks dirs, overrides ids, reports duplicates", "[rules]") {
  TempRules t("load");
  t.Write("a/types.yaml", "types:\n  - name: shelling\n    cameo: '194'\n");
  t.Write("a/lexicons/verb.txt", "shelled\nbombarded\n");
  t.Write("a/events/x.yaml",
          "kind: event\nrules:\n  - id: s.one\n    type: shelling\n    pattern: '{VERB}'\n"
          "    examples: [They shelled it.]\n");
  t.Write("a/events/sub/y.yml",
          "kind: event\nrules:\n  - id: s.two\n    type: shelling\n    pattern: 'hit'\n"
          "    examples: [hit]\n");
  t.Write("a/time/t.yaml",
          "kind: time\nrules:\n  - id: t.one\n    value: today\n    pattern: today\n"
          "    examples: [today]\n");
  t.Write("b/events/z.yaml",
          "kind: event\nrules:\n  - id: s.one\n    type: shelling\n    pattern: 'pounded'\n"
          "    examples: [pounded]\n  - id: s.new\n    type: shelling\n    pattern: 'x'\n"
          "    examples: [x]\n  - id: s.new\n    type: shelling\n    pattern: 'y'\n"
          "    examples: [y]\n");
  DiagnosticSink sink;
  const RuleSet set = LoadRules({t.Dir("a"), t.Dir("b")}, sink);
  // Files sort by path: events/sub/y.yml before events/x.yaml.
  REQUIRE(set.rules.size() == 4);
  CHECK(set.rules[0].id == "s.two");
  CHECK(set.rules[1].id == "s.one");
  CHECK(set.rules[1].pattern == "pounded");  // replaced in place by dir b
  CHECK(set.rules[2].id == "t.one");
  CHECK(set.rules[3].id == "s.new");
  REQUIRE(set.FindType("shelling"));
  CHECK(set.FindType("shelling")->cameo == "194");
  REQUIRE(sink.diagnostics().size() == 1);
  const Diagnostic& d = sink.diagnostics()[0];
  CHECK(d.code == "E007");
  CHECK(d.at.line == 11);
  CHECK(d.message ==
        "duplicate rule id 's.new' (first defined at " + t.Dir("b") + "/events/z.yaml:7)");

  DiagnosticSink missing;
  (void)LoadRules({t.Dir("nope")}, missing);
  REQUIRE(missing.diagnostics().size() == 1);
  CHECK(missing.diagnostics()[0].code == "E002");
}

TEST_CASE("rules: rule and lexicon files are read whole, past any buffer", "[rules]") {
  // ReadFile reads a file in one buffer of its size (h-speed45): what lies
  // past the first few hundred kilobytes must still be read, line numbers
  // with it.
  TempRules t("whole");
  std::string comments;
  for (int i = 0; i < 5000; ++i) comments += "# a comment line that fills the file up a bit\n";
  t.Write("r/types.yaml", "types:\n  - name: shelling\n");
  t.Write("r/lexicons/verb.txt", "pummelled\n" + comments + "pounded\n");
  t.Write("r/events/x.yaml",
          comments +
              "kind: event\nrules:\n  - id: s.last\n    type: shelling\n"
              "    pattern: 'shelled|{VERB}'\n    examples: [They pounded it.]\n");
  REQUIRE(std::filesystem::file_size(t.root / "r/events/x.yaml") > 200000);
  REQUIRE(std::filesystem::file_size(t.root / "r/lexicons/verb.txt") > 200000);
  DiagnosticSink sink;
  const RuleSet set = LoadRules({t.Dir("r")}, sink);
  CHECK(sink.diagnostics().empty());
  REQUIRE(set.rules.size() == 1);
  CHECK(set.rules[0].id == "s.last");
  CHECK(set.rules[0].at.line == 5003);
  CHECK(set.rules[0].pattern_source == "shelled|{VERB}");
  // The lexicon's first and last entries both reach the pattern.
  const RE2 re(set.rules[0].pattern);
  REQUIRE(re.ok());
  CHECK(RE2::FullMatch("pounded", re));
  CHECK(RE2::FullMatch("pummelled", re));
  CHECK(RE2::FullMatch("shelled", re));
  CHECK_FALSE(RE2::FullMatch("filler", re));
}

TEST_CASE("rules: errors stop at the cap of 20", "[rules]") {
  TempRules t("cap");
  std::string text = "kind: event\nrules:\n";
  for (int i = 0; i < 30; ++i) {
    text +=
        "  - id: r" + std::to_string(i) + "\n    type: t\n    pattern: '('\n    examples: [x]\n";
  }
  t.Write("r/events/x.yaml", text);
  DiagnosticSink sink;
  (void)LoadRules({t.Dir("r")}, sink);
  CHECK(sink.error_count() == kMaxRuleErrors + 1);
  REQUIRE(!sink.diagnostics().empty());
  CHECK(sink.diagnostics().back().code == "E022");
}

TEST_CASE("rules: the shipped rules load without errors", "[rules]") {
  DiagnosticSink sink;
  const RuleSet set = LoadRules({EVENTLINE_SOURCE_DIR "/rules"}, sink);
  std::string all;
  for (const auto& d : sink.diagnostics()) all += Render(d);
  CAPTURE(all);
  CHECK(!sink.has_errors());
  CHECK(!set.rules.empty());
}

}  // namespace
}  // namespace eventline
