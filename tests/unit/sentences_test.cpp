#include "eventline/sentences.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventline/clean.h"

namespace eventline {
namespace {

std::vector<std::string> Split(std::string_view text) {
  const auto lines = ClassifyLines(text);
  std::vector<std::string> out;
  for (const auto& s : SplitSentences(text, lines)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("sentences: splitting table", "[sentences]") {
  const struct {
    std::string_view text;
    V want;
  } cases[] = {
      {"Rain fell. The road closed.", {"Rain fell.", "The road closed."}},
      {"Gen. Ortiz and Lt. Col. Ana Ruiz met Dr. Kay. They spoke.",
       {"Gen. Ortiz and Lt. Col. Ana Ruiz met Dr. Kay.", "They spoke."}},
      {"Troops left on Jan. 4 and returned in Sept. 2020. Nobody knew why.",
       {"Troops left on Jan. 4 and returned in Sept. 2020.", "Nobody knew why."}},
      {"The U.S. Navy and the U.N. envoy arrived. Talks began.",
       {"The U.S. Navy and the U.N. envoy arrived.", "Talks began."}},
      {"Aid came from the U.S. The port reopened.",
       {"Aid came from the U.S.", "The port reopened."}},
      {"A letter from J. R. Smith was read aloud. It was short.",
       {"A letter from J. R. Smith was read aloud.", "It was short."}},
      {"Losses reached 3.5 per cent, or \xC2\xA3"
       "1.2bn. Another $2.5m was pledged.",
       {"Losses reached 3.5 per cent, or \xC2\xA3"
        "1.2bn.",
        "Another $2.5m was pledged."}},
      {"He said: \"We will stay.\" Then he left.", {"He said: \"We will stay.\"", "Then he left."}},
      {"She wrote \xE2\x80\x9C"
       "Enough.\xE2\x80\x9D The crowd cheered.",
       {"She wrote \xE2\x80\x9C"
        "Enough.\xE2\x80\x9D",
        "The crowd cheered."}},
      {"They waited (for hours.) Then it ended.", {"They waited (for hours.)", "Then it ended."}},
      {"Was it safe? Nobody could say! Later, calm returned.",
       {"Was it safe?", "Nobody could say!", "Later, calm returned."}},
      {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
      {"Bridges, roads, etc. were damaged.", {"Bridges, roads, etc. were damaged."}},
      {"Unit No. 7 moved north. It stopped at St. Anne.",
       {"Unit No. 7 moved north.", "It stopped at St. Anne."}},
      {"GEN. RAMOS SAID THE ARMY WILL STAY. THE REBELS DENIED IT.",
       {"GEN. RAMOS SAID THE ARMY WILL STAY.", "THE REBELS DENIED IT."}},
      {"U.S. TROOPS LANDED. THE PORT WAS CLOSED.", {"U.S. TROOPS LANDED.", "THE PORT WAS CLOSED."}},
      {"The shelling\xC2\xA0stopped.\xC2\xA0Residents returned.",
       {"The shelling\xC2\xA0stopped.", "Residents returned."}},
      {"Fighting went on in the east.All roads were shut.",
       {"Fighting went on in the east.", "All roads were shut."}},
      {"See example.com or Node.js today.", {"See example.com or Node.js today."}},
      {"Talks ended at 4 p.m. The delegates left.",
       {"Talks ended at 4 p.m.", "The delegates left."}},
      {"The war... It went on.", {"The war...", "It went on."}},
      {"  \xC2\xA0 padded text.  ", {"padded text."}},
      {"", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(Split(c.text) == c.want);
  }
}

TEST_CASE("sentences: line breaks, headlines and hard-wrapped text", "[sentences]") {
  const struct {
    std::string_view text;
    V want;
  } cases[] = {
      // A headline without a full stop ends at its line break.
      {"Storm hits the coast\nWaves flooded the harbour on Monday.",
       {"Storm hits the coast", "Waves flooded the harbour on Monday."}},
      // List items.
      {"The demands were:\n- a ceasefire\n- open roads",
       {"The demands were:", "- a ceasefire", "- open roads"}},
      // Hard-wrapped upper-case wire text: the newlines are not boundaries.
      {"THE PATROL REPORTED THAT FOUR MEN WERE DETAINED NEAR THE RIVER CROSSING\n"
       "AFTER A SHORT EXCHANGE OF FIRE. NO ONE WAS HURT.\n",
       {"THE PATROL REPORTED THAT FOUR MEN WERE DETAINED NEAR THE RIVER CROSSING\n"
        "AFTER A SHORT EXCHANGE OF FIRE.",
        "NO ONE WAS HURT."}},
      // A blank line or an indented line starts a new paragraph.
      {"THE VOTE WAS DELAYED BY A POWER CUT THAT LASTED MOST OF THE MORNING IN\n"
       "\n   OFFICIALS BLAMED THE STORM.",
       {"THE VOTE WAS DELAYED BY A POWER CUT THAT LASTED MOST OF THE MORNING IN",
        "OFFICIALS BLAMED THE STORM."}},
      {"A wrapped line of ordinary prose that is long enough to look wrapped,\n"
       "continues here and ends.",
       {"A wrapped line of ordinary prose that is long enough to look wrapped,\n"
        "continues here and ends."}},
      // CRLF line ends.
      {"First line here.\r\nSecond line here.\r\n", {"First line here.", "Second line here."}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(Split(c.text) == c.want);
  }
}

TEST_CASE("sentences: never span a skipped line", "[sentences]") {
  const std::string_view text =
      "The convoy moved slowly along the road towards the border crossing and\n"
      "Advertisement\n"
      "arrived at dusk.";
  const auto lines = ClassifyLines(text);
  REQUIRE(!lines[1].keep);
  const auto sentences = SplitSentences(text, lines);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].end <= lines[1].begin);
  CHECK(sentences[1].begin >= lines[1].end);
  CHECK(sentences[0].index == 1);
  CHECK(sentences[1].index == 2);
}

TEST_CASE("sentences: CollapseWhitespace", "[sentences]") {
  const struct {
    std::string_view in, out;
  } cases[] = {
      {"a  b", "a b"},
      {"line one\nline two", "line one line two"},
      {"x\xC2\xA0\xC2\xA0y", "x y"},
      {"thin\xE2\x80\x89space and\xE2\x80\xAFnarrow", "thin space and narrow"},
      {" \t edges \r\n", "edges"},
      {"caf\xC3\xA9 ok", "caf\xC3\xA9 ok"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(CollapseWhitespace(c.in) == c.out);
  }
}

}  // namespace
}  // namespace eventline

namespace eventline {
namespace {

TEST_CASE("sentences: a text without full stops is cut into bounded sentences", "[sentences]") {
  // One 128 KB line without a terminator was one sentence: 92 s and 340 MB
  // for `extract`, and a 50 MB one never finished. Cut at a space before
  // 2048 bytes; every byte of the text stays in a sentence.
  std::string text;
  while (text.size() < 10000) text += "troops shelled the bridge, ";
  const auto lines = ClassifyLines(text);
  const auto sentences = SplitSentences(text, lines);
  REQUIRE(sentences.size() == 5);
  std::size_t covered = 0;
  for (const Sentence& s : sentences) {
    CHECK(s.end - s.begin <= 2048);
    if (s.index < 5) CHECK(s.end - s.begin > 2000);
    CHECK(text[s.end - 1] != ' ');
    CHECK((s.end == text.size() - 1 || text[s.end] == ' '));
    covered += s.end - s.begin;
  }
  CHECK(sentences.back().index == 5);
  CHECK(covered + sentences.size() == text.size());  // a space between two, one at the end
  // Without any space: cut at 2048 bytes, never inside a code point.
  std::string dense;
  while (dense.size() < 5000) dense += "\xC3\xA9";  // é
  const auto d = SplitSentences(dense, ClassifyLines(dense));
  REQUIRE(d.size() == 3);
  CHECK(d[0].end == 2048);
  CHECK(d[1].begin == 2048);
  CHECK(d[2].end == dense.size());
  // A sentence of ordinary length is not touched.
  CHECK(Split("Troops shelled the bridge. It fell.") ==
        V{"Troops shelled the bridge.", "It fell."});
}

}  // namespace
}  // namespace eventline
