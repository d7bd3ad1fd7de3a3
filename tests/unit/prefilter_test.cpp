// Prefilter tests: leading strings derived from patterns, the word-boundary
// test in front of the trigger sets, and the anchored-start search; every
// answer is checked against RE2 itself where it matters (never a false no).
#include "eventline/prefilter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "eventline/matcher.h"
#include "eventline/rules.h"

namespace eventline {
namespace {

// Event rules parsed from `yaml` into `set` (which the matcher reads, so it
// must outlive it) and compiled; any diagnostic fails the test.
std::unique_ptr<Matcher> CompileEvents(RuleSet& set, const std::string& yaml) {
  DiagnosticSink sink;
  set.rules = ParseRuleText(yaml, "p.yaml", set, sink);
  REQUIRE(!sink.has_errors());
  auto matcher = Matcher::Compile(set, sink);
  REQUIRE(matcher);
  return matcher;
}

// Every event match of a whole text.
std::vector<Match> FindEvents(const Matcher& matcher, const std::string& text) {
  std::vector<Match> got;
  matcher.FindAll(RuleKind::kEvent, text, 0, text.size(), got);
  return got;
}

std::string Join(const std::optional<std::vector<std::string>>& v) {
  if (!v) return "NONE";
  std::string out;
  for (const auto& s : *v) out += "[" + s + "]";
  return out;
}

TEST_CASE("prefilter: leading strings of patterns", "[prefilter]") {
  const struct {
    std::string_view pattern, expected;
  } cases[] = {
      {R"(\b(?:shelled|Struck)\b)", "[shelled][struck]"},
      {R"((?:on\s+)?Monday)", "[monday][on monda]"},  // 8 bytes at most
      {R"(ab?c)", "[abc][ac]"},
      {R"(x+y)", "[x]"},  // a repeat ends the string
      {R"((?:ab)*c)", "[ab][c]"},
      {R"(a\s*b)", "[a b][ab]"},  // whitespace runs read as one space
      {R"(a\t\tb)", "[a b]"},
      {R"(\d{1,2} May)", "[0][1][2][3][4][5][6][7][8][9]"},
      {R"([xY-]z)", "[-z][xz][yz]"},
      {R"(a.b)", "[a]"},
      {R"(café)", "[caf]"},  // stops before a non-ASCII character
      {R"((?i)(?P<trigger>hit))", "[hit]"},
      {R"(x{0}y)", "[y]"},
      // Cannot be reduced: may begin with any word, or be empty.
      {R"([A-Z]\w+ fired)", "NONE"},
      {R"(\w+ shelled)", "NONE"},
      {R"([^x]y)", "NONE"},
      {R"(a?)", "NONE"},
      {R"(\pL+)", "NONE"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CHECK(Join(LeadingStrings(c.pattern)) == c.expected);
  }
}

TEST_CASE("prefilter: an optional phrase before a large alternation keeps leading strings",
          "[prefilter]") {
  // 24 optional subjects times 23 verbs is over the pair budget: the
  // subjects stop at their own words and the verbs lead where the subject
  // is left out (before, the empty subject stopped too: no strings at all).
  std::string subjects, verbs;
  int n = 0;
  for (char c : std::string("abc")) {
    for (char d = '1'; d <= '9'; ++d, ++n) {
      if (n < 24) subjects += (subjects.empty() ? "" : "|") + std::string{c, d};
      if (n < 23) verbs += (verbs.empty() ? "" : "|") + std::string{'v', c, d};
    }
  }
  const std::string pattern =
      "(?:(?P<actor>" + subjects + ")\\s+)?(?P<trigger>" + verbs + ")\\s+(?:the|a)\\s+town";
  const auto lead = LeadingStrings(pattern);
  REQUIRE(lead.has_value());
  CHECK(std::count(lead->begin(), lead->end(), "a1 ") == 1);
  CHECK(std::count(lead->begin(), lead->end(), "va1") == 1);
  CHECK(std::find(lead->begin(), lead->end(), "") == lead->end());
  // Every match begins with one of them: with and without the subject.
  const RE2 re(pattern);
  REQUIRE(re.ok());
  for (const std::string text : {"c5 vb3 the town", "and then vc2 a town", "x a9 va1 the town"}) {
    CAPTURE(text);
    re2::StringPiece m;
    REQUIRE(re.Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1));
    const std::string_view at(m.data(), m.size());
    CHECK(std::any_of(lead->begin(), lead->end(),
                      [&](const std::string& l) { return at.substr(0, l.size()) == l; }));
  }
}

std::string JoinRequired(const std::vector<std::vector<std::string>>& v) {
  std::string out;
  for (const auto& any : v) {
    out += "(";
    for (std::size_t i = 0; i < any.size(); ++i) out += (i ? "|" : "") + any[i];
    out += ")";
  }
  return out;
}

TEST_CASE("prefilter: required words of patterns", "[prefilter]") {
  const struct {
    std::string_view pattern, expected;
  } cases[] = {
      // Trigger left out; the most selective first.
      {R"(\b(?P<trigger>came|fell)\s+under\s+(?:the\s+)?(?:control|occupation)\b)",
       "(control|occupation)(under)"},
      // Optional parts and short runs are no requirement.
      {R"(\bheavy(?:\s+shelling)?\s+of\b)", "(heavy)"},
      {R"(\bmissiles?\s+hit)", "(missile)(hit)"},
      // c+ begins and ends with c: both runs through it are required.
      {R"(\babc+de)", "(abc)(cde)"},
      // An alternative without a requirement: none for the group.
      {R"(\b(?:strike|\w+)\s+on)", ""},
      // Escapes with arguments are not letters.
      {R"(\x{41}\x41\pLabc\p{Lu}\101)", "(abc)"},
      // A top-level alternation: one disjunction.
      {R"(\bshelled\b|\bbombed\b)", "(bombed|shelled)"},
      // Of each alternative, every requirement counts: one of each pair.
      {R"(\b(?:began\s+to\s+sink|forced\s+to\s+capsize)\b)",
       "(began|capsize)(began|forced)(capsize|sink)(forced|sink)"},
      // Dots and \Q...\E break runs; a small class of letters is spelt out.
      {R"(longer[sz]mid\.zo\Qliteral\Eafter)", "(longersmid|longerzmid)(after)"},
      {R"(longer[^sz]mid\.zo)", "(longer)(mid)"},
      // A lexicon expanded as a trie: its words are rebuilt across groups,
      // with the optional letters and the small class.
      {R"(\b(?:gunm[ae]n|sh(?:ell(?:ed|ing)|ot\s+at))\s+(?:the\s+)?v(?:illage|an)s?)",
       "(gunman|gunmen|shelled|shelling|shot)(van|village)"},
      {R"(\bsold(?:ier)?s?\b)", "(sold)"},
      // Words shorter than three letters are no filter, also when rebuilt.
      {R"(\ba(?:b|c)?d\b)", ""},
      // A string that holds another one, at any offset, adds nothing to a
      // disjunction and is dropped; so is one that begins with another in
      // a prefix set (none is left over here).
      {R"(\b(?:strike|airstrikes|counterstrikes?|striker)\b)", "(strike)"},
      {R"(\b(?:shelling|reshelled|bombardment|bomb)\s+of\s+(?:the\s+)?(?:town|townships|downtown))",
       "(town)(bomb|reshelled|shelling)"},
      {R"((?i)unclosed(group)", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CHECK(JoinRequired(RequiredWords(c.pattern, "trigger")) == c.expected);
  }
  std::string lower;
  REQUIRE(LowerForRequiredWords("Fell UNDER Russian Control", lower));
  CHECK(HasRequiredWords({{"control", "occupation"}, {"under"}}, lower));
  CHECK_FALSE(HasRequiredWords({{"occupation"}, {"under"}}, lower));
  // Characters RE2 folds to ASCII letters: the test is not used.
  CHECK_FALSE(LowerForRequiredWords("\xC5\xBFhelled", lower));
  CHECK_FALSE(LowerForRequiredWords("\xE2\x84\xAAyiv", lower));
}

TEST_CASE("prefilter: the strings every match ends with", "[prefilter]") {
  const struct {
    std::string_view pattern;
    std::vector<std::string> ends;  // empty: not known
  } cases[] = {
      {R"((?P<source>[A-Z]\w+)\s+(?P<trigger>said|Told)\b)", {"said", "told"}},
      {R"(\bstrikes?\b$)", {"strike", "strikes"}},
      {R"(\bshell(?:ed|ing)\s+(?:the\s+)?v(?:illage|an)s?)",
       {"van", "vans", "village", "villages"}},
      // A trailing character that is no letter or digit, a class, an
      // optional or repeated tail, a match that may be empty: not known.
      {R"(\bsaid\.)", {}},
      {R"(\bsaid[,;])", {}},
      {R"(\bsaid\s*)", {}},
      {R"(\bsaid(?:\s+that)?)", {}},
      {R"((?:said)?)", {}},
      {R"(\bsaid\w+)", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    std::vector<std::string> ends{"stale"};
    (void)RequiredWords(c.pattern, "", &ends);
    CHECK(ends == c.ends);
  }
}

TEST_CASE("prefilter: the bytes a match can begin with", "[prefilter]") {
  const auto bytes = [](std::string_view pattern) {
    std::string out;  // the printable ASCII bytes in the set, '+' for any from 0x80
    const auto set = FirstBytes(pattern);
    if (!set) return std::string("?");
    for (unsigned c = 0; c < 256; ++c) {
      if (((*set)[c >> 6] >> (c & 63U) & 1U) == 0) continue;
      if (c >= 0x80) {
        if (out.empty() || out.back() != '+') out += '+';
      } else if (c > ' ' && c < 0x7F) {
        out += static_cast<char>(c);
      } else if (c == ' ') {
        out += '_';
      }
    }
    return out;
  };
  // Letters in both cases (and the lead bytes of RE2's folds of k and s).
  CHECK(bytes(R"((?:\b(?:but|and)\s+)*(?-i:[A-Z]\w+)\s+said)") ==
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+");
  CHECK(bytes(R"(\b(?P<n>\d+|several)\s+killed)") == "0123456789Ss+");
  CHECK(bytes(R"([(\[]?\d{1,3}(?:,\d{3})*\s+dead)") == "(0123456789[");
  CHECK(bytes(R"(x{0,2}(?:\.|-)?5)") == "-.5Xx+");
  CHECK(bytes(R"([’']\s*quoted)") == "'+");
  // Nothing known: a possibly empty match. Any byte: '.', a negated class.
  CHECK(bytes(R"((?:said)?)") == "?");
  CHECK(bytes(R"(\bsaid|\s*)") == "?");
  for (const std::string_view p : {R"([^a]said)", R"(.said)", R"(\pLsaid)"}) {
    const auto all = FirstBytes(p);
    REQUIRE(all);
    CHECK(std::all_of(all->begin(), all->end(),
                      [](std::uint64_t w) { return w == ~std::uint64_t{0}; }));
  }
}

TEST_CASE("prefilter: no anchored match begins at a byte outside its first bytes", "[prefilter]") {
  // Soundness: at every position of each text where RE2 (case-insensitive,
  // as the rules run) has a non-empty anchored match, the byte there is in
  // the pattern's FirstBytes.
  const std::string_view patterns[] = {
      R"((?:\b(?:but|and|the)\s+)*(?P<s>(?:senior|\w+-based)\s+){0,2}(?-i:[A-Z][\w'’-]*)\s+said)",
      R"((?-i:[A-Z][A-Z0-9&]+(?:-[A-Z0-9]+)?)\s+(?:has\s+)?(?:said|told)\b)",
      R"([(\[]?\d+(?:[.,]\d+)?\s*(?:people|troops)\s+died)",
      R"((?:’|')?(?:k|s)\w*\s+fell)",
      R"(\B-?\d+\s+fell|\bno\s+one\s+fell)",
  };
  const std::string texts[] = {
      "but Officials said; and the Kyiv-based Monitors said it",
      "UN said. NATO-2 has told them. \xE2\x80\x99Kyiv said",
      "(12 people died), [3.5 troops died] x-4 troops died",
      "\xE2\x84\xAA"
      "yiv fell; \xC5\xBF"
      "ector fell; 'kelp fell; \xE2\x80\x99s fell",
      "A-12 fell, no one fell, 7 fell",
  };
  for (const std::string_view p : patterns) {
    CAPTURE(p);
    std::string folded = "(?i)";
    folded += p;
    const re2::RE2 re(folded);
    REQUIRE(re.ok());
    const auto set = FirstBytes(p);
    REQUIRE(set);
    for (const std::string& text : texts) {
      re2::StringPiece in(text), m;
      for (std::size_t at = 0; at < text.size(); ++at) {
        if (!re.Match(in, at, text.size(), re2::RE2::ANCHOR_START, &m, 1) || m.empty()) continue;
        const auto c = static_cast<unsigned char>(text[at]);
        CAPTURE(text, at);
        CHECK(((*set)[c >> 6] >> (c & 63U) & 1U) != 0);
      }
    }
  }
}

TEST_CASE("prefilter: required words rebuilt from a lexicon trie never reject a match",
          "[prefilter]") {
  // Actor lexicons expand as tries ("b(?:attalion|rigade)s?"): a word of
  // them is required only when it is rebuilt whole. Every text RE2 (case
  // folded, as the rules run) matches holds the words; texts without an
  // actor word are rejected although the trigger occurs.
  const std::string pattern =
      R"(\b(?P<actor>(?:the\s+)?(?:b(?:attalion|rigade)s?|m(?:ilit(?:ia(?:s|men)?|ants?)|arines))))"
      R"(\s+(?:have\s+)?(?P<trigger>ra(?:id(?:ed|s)?|mpaged\s+through)|st(?:orm|ruck)(?:ed)?))"
      R"(\s+[\w-]+(?:ville|[Tt]own)\b)";
  const auto required = RequiredWords(pattern, "trigger");
  REQUIRE(!required.empty());
  CHECK(JoinRequired(required) == "(battalion|brigade|marines|militant|militia)(town|ville)");
  const re2::RE2 re("(?i)" + pattern);
  REQUIRE(re.ok());
  const struct {
    std::string_view text;
    bool match, kept;
  } cases[] = {
      {"The brigades raided Eastville.", true, true},
      {"MILITIAMEN HAVE STORMED NORTHTOWN", true, true},
      {"militias struck Smithville at dawn", true, true},
      {"Marines rampaged through Oldtown.", true, true},
      {"Militants stormed Hilltown.", true, true},
      // The trigger without an actor word: rejected before RE2 runs.
      {"Police raided Eastville.", false, false},
      {"The storm struck Newtown.", false, false},
      // The words occur but not in the pattern's order: kept, RE2 decides.
      {"Eastville raided by a brigade.", false, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::string lower;
    REQUIRE(LowerForRequiredWords(c.text, lower));
    CHECK(re2::RE2::PartialMatch(c.text, re) == c.match);
    CHECK(HasRequiredWords(required, lower) == c.kept);
  }
}

TEST_CASE("prefilter: Find at word boundaries is never a false no", "[prefilter]") {
  const std::vector<std::string> patterns = {R"(shell(?:ed|ing))", R"(-based)",
                                             R"(kill(?:ed|ing)\s+(?:two|three))", "asked", "taken"};
  const WordPrefilter f(patterns);
  REQUIRE(!f.always());
  const struct {
    std::string_view text;
    bool may;
  } cases[] = {
      {"They SHELLED the town.", true},         // case-insensitive
      {"Shellfish were sold.", false},          // needs "shelled" or "shelling"
      {"The seashell was found.", false},       // not at a word boundary
      {"a Kyiv-based group", true},             // non-word lead after a word
      {"Gunmen killed  \n two people.", true},  // whitespace runs
      {"Gunmen killed many.", false},
      {"He a\xC5\xBFked why.", true},  // U+017F folds to 's' in RE2
      {"It was ta\xE2\x84\xAA"
       "en.",
       true},                                              // U+212A folds to 'k'
      {"Troops \xC5\xBFhelled it.", false},                // no \b before a non-ASCII letter
      {"\xE2\x80\x9CQuiet\xE2\x80\x9D, he said.", false},  // other non-ASCII: no
      {"", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK((f.Find(c.text, 0, c.text.size(), true) != std::string_view::npos) == c.may);
    // Cross-check with RE2 (a \b before, as rule patterns have).
    bool re2 = false;
    for (const auto& p : patterns) {
      re2 = re2 || RE2::PartialMatch(c.text, RE2("(?i)\\b(?:" + p + ")"));
    }
    if (re2) CHECK(c.may);
  }
  // A pattern without leading strings turns the filter off.
  const WordPrefilter open({R"(shelled)", R"(\w+ fired)"});
  CHECK(open.always());
  CHECK(open.Find("nothing here", 3, 12, true) == 7);  // the end of "nothing"
}

TEST_CASE("prefilter: Find gives every position a match can begin", "[prefilter]") {
  const WordPrefilter f({R"((?:air|drone)\s+strikes?)"});
  const std::string text = "Airstrike, air  strikes and a drone strike.";
  std::vector<std::size_t> at;
  for (auto p = f.Find(text, 0, text.size()); p != std::string_view::npos;
       p = f.Find(text, p + 1, text.size())) {
    at.push_back(p);
  }
  CHECK(at == std::vector<std::size_t>{11, 30});
  CHECK(f.Find(text, 0, 15) == std::string_view::npos);  // "air  strikes" does not fit
  // Only where RE2's \b holds (the byte before the range counts).
  const std::string glued = "Seaair strike, x-air strike";
  CHECK(f.Find(glued, 0, glued.size()) == 3);
  CHECK(f.Find(glued, 0, glued.size(), true) == 17);
  CHECK(f.Find(glued, 4, glued.size(), true) == 17);
  CHECK(f.Find(glued, 3, glued.size(), true) == 17);  // 3 is inside "Seaair"
}

TEST_CASE("prefilter: LeadingIndex::FindPositions gives the positions of a Find per pattern",
          "[prefilter]") {
  const std::vector<std::vector<std::string>> leading = {
      {"ma", "may"}, {"march"}, {"air strike", "air"}, {"s"}, {"0", "1", "2"}};
  const LeadingIndex index(leading);
  std::vector<std::pair<std::size_t, int>> out;
  const std::string text = "Summay MAY march";
  index.FindPositions(text, 0, text.size(), false, out);
  using Hits = std::vector<std::pair<std::size_t, int>>;
  CHECK(out == Hits{{0, 3}, {3, 0}, {3, 0}, {7, 0}, {7, 0}, {11, 0}, {11, 1}});
  out.clear();
  index.FindPositions(text, 0, text.size(), true, out);
  CHECK(out == Hits{{0, 3}, {7, 0}, {7, 0}, {11, 0}, {11, 1}});
  out.clear();
  index.FindPositions(text, 4, 13, true, out);  // "march" does not fit before 13
  CHECK(out == Hits{{7, 0}, {7, 0}, {11, 0}});
  // Per pattern, the distinct positions are those of its own WordPrefilter.
  const std::vector<std::string> texts = {
      "An AIR  strike at 10 on 2 March; mays, 1st, \xE2\x84\xAA air",
      "sea-air strikes\tmarched, \xC5\xBFummer 21 may", "", "m"};
  for (const std::string& t : texts) {
    for (const bool boundaries : {false, true}) {
      for (std::size_t from : {std::size_t{0}, std::size_t{3}}) {
        from = std::min(from, t.size());
        out.clear();
        index.FindPositions(t, from, t.size(), boundaries, out);
        for (std::size_t i = 0; i < leading.size(); ++i) {
          const WordPrefilter f = WordPrefilter::FromLeading(leading[i]);
          std::vector<std::size_t> want, got;
          for (auto p = f.Find(t, from, t.size(), boundaries); p != std::string_view::npos;
               p = f.Find(t, p + 1, t.size(), boundaries)) {
            want.push_back(p);
          }
          for (const auto& [p, id] : out) {
            if (id == static_cast<int>(i) && (got.empty() || got.back() != p)) got.push_back(p);
          }
          INFO(t << " pattern " << i << " boundaries " << boundaries << " from " << from);
          CHECK(got == want);
        }
      }
    }
  }
}

// The index proposes every trigger an RE2::Set of `\b(?:trigger)` finds
// (never a false no), and only patterns with a leading string in the text.
TEST_CASE("prefilter: LeadingIndex proposes every trigger the set finds", "[prefilter]") {
  const std::vector<std::string> triggers = {R"(shell(?:ed|ing))", R"(came|fell|is\s+now)",
                                             R"(air\s+strikes?)",  R"(killed)",
                                             R"(\d+\s+dead)",      R"(skies)"};
  std::vector<std::vector<std::string>> leading;
  RE2::Options o;
  o.set_case_sensitive(false);
  RE2::Set set(o, RE2::UNANCHORED);
  for (const auto& t : triggers) {
    auto lead = LeadingStrings(t);
    REQUIRE(lead);
    leading.push_back(*lead);
    REQUIRE(set.Add("\\b(?:" + t + ")", nullptr) >= 0);
  }
  REQUIRE(set.Compile());
  const LeadingIndex index(leading);
  const std::string texts[] = {
      "Heavy SHELLING hit the town; it IS   now quiet.",
      "Seashells fell. Air\tstrikes and 12 dead.",
      "unkilled, xshelled, Is\nnow",
      "\xC5\xBFhelled and \xE2\x84\xAAilled under \xC5\xBFkie\xC5\xBF",
      "nothing to see",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    for (std::size_t from = 0; from < text.size(); from += 7) {
      const std::size_t end = std::min(text.size(), from + 30);
      std::vector<int> want, got;
      set.Match(re2::StringPiece(text.data() + from, end - from), &want);
      index.Find(text, from, end, got);
      std::sort(got.begin(), got.end());
      got.erase(std::unique(got.begin(), got.end()), got.end());
      for (const int w : want) {
        CAPTURE(from, w);
        CHECK(std::binary_search(got.begin(), got.end(), w));
      }
    }
  }
  std::vector<int> none;
  index.Find(std::string("nothing to see"), 0, 14, none);
  CHECK(none.empty());
  std::vector<int> some;
  index.Find(std::string("it fell"), 0, 7, some);
  CHECK(some == std::vector<int>{1});
}

// A rule runs only when its trigger occurs at a word boundary somewhere in
// the sentence (docs/rules.md), as with the RE2::Set the index replaced: a
// leading string of the trigger at a boundary is not enough.
TEST_CASE("prefilter: a trigger inside a word only does not admit its rule", "[prefilter]") {
  RuleSet set;
  const auto matcher = CompileEvents(set, R"(kind: event
rules:
  - id: p.glued
    type: shelling
    pattern: '(?P<trigger>firebombing)'
    examples: [x]
)");
  auto count = [&](const std::string& text) { return FindEvents(*matcher, text).size(); };
  // "firebombs" holds the leading string "firebomb" at a boundary; the
  // trigger itself only occurs inside "xfirebombing".
  CHECK(count("The firebombs and the xfirebombing.") == 0);
  CHECK(count("The firebombing and the xfirebombing.") == 2);
  CHECK(count("The xfirebombing.") == 0);
}

// The matcher with the prefilter and anchored starts gives what a plain
// unanchored RE2 search gives, for reducible and irreducible rules alike.
TEST_CASE("prefilter: matcher results equal a plain RE2 search", "[prefilter]") {
  RuleSet set;
  const auto matcher = CompileEvents(set, R"(kind: event
rules:
  - id: p.reducible
    type: shelling
    pattern: '\b(?:heavy\s+)?(?P<trigger>shell(?:ed|ing))\b'
    examples: [x]
  - id: p.irreducible
    type: shelling
    pattern: '\b(?P<actor>[A-Z]\w+)\s+(?P<trigger>fired)\b'
    examples: [x]
  - id: p.nonword
    type: shelling
    pattern: '(?P<trigger>-based)\s+(?P<actor>\w+)'
    examples: [x]
)");
  const std::string text =
      "Heavy SHELLING hit. Gunners Fired again, heavy  shelled. Kyiv-based units "
      "heavy \xC5\xBFhelling; seashells.";
  const std::vector<Match> got = FindEvents(*matcher, text);
  std::vector<std::string> want, have;
  for (const auto& r : set.rules) {
    RE2::Options o;
    o.set_case_sensitive(false);
    const RE2 re(r.pattern, o);
    re2::StringPiece m;
    std::size_t pos = 0;
    while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      const auto b = static_cast<std::size_t>(m.data() - text.data());
      want.push_back(r.id + "@" + std::to_string(b) + "-" + std::to_string(b + m.size()));
      pos = b + m.size();
    }
  }
  for (const auto& m : got) {
    have.push_back(m.rule->id + "@" + std::to_string(m.begin) + "-" + std::to_string(m.end));
  }
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  CHECK(have == want);
  CHECK(have.size() == 5);
}

// Nodes with many children use a direct table (LeadingIndex, as
// WordPrefilter): proposals equal those of a plain scan of the strings.
TEST_CASE("prefilter: LeadingIndex with busy nodes proposes exactly", "[prefilter]") {
  const std::vector<std::vector<std::string>> leading = {
      {"sa", "sb"}, {"sc", "sd", "se"}, {"shell", "shot"}, {"s"}, {"ta", "tb", "tc", "td", "te"},
      {"t", "tx"}};
  const LeadingIndex index(leading);
  const std::string texts[] = {"Sa sb SC sd se", "shelled shots", "TE tx t", "zz sz", "a s  b"};
  for (const std::string& text : texts) {
    CAPTURE(text);
    std::vector<int> got;
    index.Find(text, 0, text.size(), got);
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    std::vector<int> want;
    for (std::size_t i = 0; i < leading.size(); ++i) {
      for (std::size_t p = 0; p < text.size(); ++p) {
        if (p > 0 && std::isalnum(static_cast<unsigned char>(text[p - 1])) != 0) continue;
        for (const std::string& s : leading[i]) {
          std::string lower = text.substr(p, s.size());
          for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (lower == s) want.push_back(static_cast<int>(i));
        }
      }
    }
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    CHECK(got == want);
  }
}

// Find gives the positions an anchored, case-folded RE2 search of the
// leading strings gives (session 30, h-speed46, for an inline first step
// that was measured and not kept): one-letter
// strings, strings that end after their second byte, a second byte that is
// a space run, upper case, a non-ASCII second byte and a string that would
// run past `end`.
TEST_CASE("prefilter: WordPrefilter::Find agrees with an anchored RE2 search at every position",
          "[prefilter]") {
  const std::vector<std::vector<std::string>> leadings = {
      {"a", "bo", "cup"}, {"war n", "wo", "x-r"}, {"k", "sk"}, {"q z", "qq"}, {"9", "9 1"}};
  const std::vector<std::string> texts = {"A boat, a cup; BO Cup cUP b o cu",
                                          "War  news, war\tn, WO wo! x-ray x-R xr w",
                                          "sky \xE2\x84\xAA \xC5\xBFk s\xE2\x84\xAA sK",
                                          "q  z qq Q\tZ qz q",
                                          "9 1 91 9  1 99 9",
                                          "",
                                          "w"};
  for (const auto& leading : leadings) {
    const WordPrefilter f = WordPrefilter::FromLeading(leading);
    REQUIRE(!f.always());
    std::string alt;
    for (const std::string& s : leading) {
      if (!alt.empty()) alt += '|';
      for (const char c : s) {
        if (c == ' ') {
          alt += "\\s+";
        } else {
          alt += RE2::QuoteMeta(std::string(1, c));
        }
      }
    }
    const RE2 re("(?i:" + alt + ")");
    REQUIRE(re.ok());
    for (const std::string& t : texts) {
      for (const bool boundaries : {false, true}) {
        for (const std::size_t end : {t.size(), t.size() > 2 ? t.size() - 2 : t.size()}) {
          std::vector<std::size_t> got, want;
          for (auto p = f.Find(t, 0, end, boundaries); p != std::string_view::npos;
               p = f.Find(t, p + 1, end, boundaries)) {
            got.push_back(p);
          }
          for (std::size_t p = 0; p < end; ++p) {
            const auto word = [&](std::size_t i) {
              const auto c = static_cast<unsigned char>(t[i]);
              return std::isalnum(c) != 0 || c == '_';
            };
            if (boundaries && (p > 0 && word(p - 1)) == word(p)) continue;
            if (re.Match(t, p, end, RE2::ANCHOR_START, nullptr, 0)) want.push_back(p);
          }
          INFO(t << " | " << leading[0] << " boundaries " << boundaries << " end " << end);
          CHECK(got == want);
        }
      }
    }
  }
}

// A required word is first tested on the sentence's byte pairs: a sentence
// holding every pair of the word but not the word is not a match, one
// holding it in any case is.
TEST_CASE("prefilter: required words with all their byte pairs but not the word", "[prefilter]") {
  RuleSet set;
  const auto matcher = CompileEvents(set, R"(kind: event
rules:
  - id: p.required
    type: shelling
    pattern: '\b(?P<trigger>shelled)\s+(?:the\s+)?barracks\b'
    examples: [x]
)");
  auto count = [&](const std::string& text) { return FindEvents(*matcher, text).size(); };
  CHECK(count("They shelled the BARRACKS at dawn.") == 1);
  CHECK(count("They shelled barracks.") == 1);
  // "ba", "ar", "rr", "ra", "ac", "ck", "ks" all occur; "barracks" does not.
  CHECK(count("They shelled a barr, racks and acks.") == 0);
}

TEST_CASE("prefilter: a trigger set is skipped only where none of its rules has its words",
          "[prefilter]") {
  // Both triggers begin with a class (no leading strings), so the rules go
  // to the RE2::Set; each has required words ("strike", "on"/"at";
  // "raids"), which decide whether the set is scanned at all (FindAll).
  RuleSet set;
  const auto matcher = CompileEvents(set, R"(kind: event
rules:
  - id: g.strike
    type: shelling
    pattern: '\b(?P<trigger>[a-z]*strikes?)\s+(?:on|at)\s+(?P<target>\w+)'
    examples: [x]
  - id: g.raids
    type: shelling
    pattern: '\b(?P<trigger>[a-z]*raids)\b'
    examples: [x]
)");
  const auto ids = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : FindEvents(*matcher, text))
      out.push_back(m.rule->id + "@" + std::to_string(m.begin));
    return out;
  };
  CHECK(ids("Airstrikes on depots went on.") == std::vector<std::string>{"g.strike@0"});
  CHECK(ids("The strike ended at noon; airstrikes at Dorn.") ==
        std::vector<std::string>{"g.strike@26"});
  CHECK(ids("A strike by workers.").empty());
  CHECK(ids("Nothing happened here.").empty());
  CHECK(ids("Night airraids and strikes at ports.") ==
        std::vector<std::string>{"g.raids@6", "g.strike@19"});
}

}  // namespace
}  // namespace eventline
