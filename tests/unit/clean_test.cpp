#include "eventline/clean.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace eventline {
namespace {

// "reason" for each line, "" for kept lines.
std::vector<std::string> Reasons(std::string_view text) {
  std::vector<std::string> out;
  for (const Line& l : ClassifyLines(text)) out.emplace_back(l.keep ? "" : std::string(l.reason));
  return out;
}

TEST_CASE("clean: a scraped article loses its boilerplate and keeps its story", "[clean]") {
  // Written for this test: a made-up scraped page with a gallery.
  const std::string text =
      "Skip to main content\n"                         // 0
      "Floods cut off three villages in the valley\n"  // 1 headline
      "\n"                                             // 2
      "Rescue teams reached the upper valley on Sunday after the river burst its banks.\n"  // 3
      "\n"                                                                                  // 4
      "A flooded road near the old mill\n"                                  // 5 bare caption
      "1/3\n"                                                               // 6 counter
      "A flooded road near the old millCredit: Valley Press\n"              // 7 credited caption
      "Boats carry families to higher ground\n"                             // 8 bare caption
      "2\n"                                                                 // 9 counter
      "Boats carry families to higher ground. Photograph: Jo Doe/Agency\n"  // 10
      "\n"                                                                  // 11
      "Read more: how the dams were built\n"                                // 12
      "Advertisement\n"                                                     // 13
      "The mayor said the water was falling.\n"                             // 14
      "Photograph: A. N. Other/Picture Desk\n"                              // 15
      "\xC2\xA9 Valley Press\n"                                             // 16
      "Sign up to our morning briefing\n"                                   // 17
      "READ MORE ABOUT THE REGION\n"                                        // 18
      "Share\n"                                                             // 19
      "Home | News | Weather\n"                                             // 20
      "Last modified on Sun 2 May 2021 10.15 BST\n"                         // 21
      "Topics";                                                             // 22
  const std::vector<std::string> want = {
      "navigation", "",           "",           "",          "",          "caption",
      "counter",    "caption",    "caption",    "counter",   "caption",   "",
      "read-more",  "advert",     "",           "credit",    "credit",    "sign-up",
      "read-more",  "navigation", "navigation", "timestamp", "navigation"};
  CHECK(Reasons(text) == want);
}

TEST_CASE("clean: headlines and short paragraphs stay", "[clean]") {
  for (std::string_view keep : {
           "Share prices fell sharply after the vote",
           "Topics for the summit include energy and grain",
           "Subscribers to the plan pay less",
           "12 soldiers were wounded in the attack.",
           "The image: a column of smoke over the port",  // lower-case after the colon
           "2,500",                                       // more than a counter
           "Updated figures show more displaced families",
           "He read more than twenty reports.",
           "Never.",
       }) {
    CAPTURE(keep);
    CHECK(Reasons(keep) == std::vector<std::string>{""});
  }
}

TEST_CASE("clean: ranges cover lines without their breaks", "[clean]") {
  const std::string_view text = "one\r\ntwo\n\nthree";
  const auto lines = ClassifyLines(text);
  REQUIRE(lines.size() == 4);
  CHECK(text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "one");
  CHECK(text.substr(lines[1].begin, lines[1].end - lines[1].begin) == "two");
  CHECK(lines[2].begin == lines[2].end);
  CHECK(text.substr(lines[3].begin, lines[3].end - lines[3].begin) == "three");
  CHECK(ClassifyLines("").empty());
  CHECK(ClassifyLines("a\n").size() == 1);
}

TEST_CASE("clean: keep_boilerplate keeps every line", "[clean]") {
  const auto lines = ClassifyLines("Advertisement\n4\nText.", /*keep_boilerplate=*/true);
  REQUIRE(lines.size() == 3);
  for (const auto& l : lines) CHECK(l.keep);
}

TEST_CASE("clean: a long paragraph ending in a credit is not a caption", "[clean]") {
  std::string para;
  for (int i = 0; i < 8; ++i) para += "Crowds gathered outside the station to wait for news. ";
  para += "Photograph: Someone/Agency";
  CHECK(Reasons(para) == std::vector<std::string>{""});
}

// Classify tries a short-line pattern only when the line's first byte is one
// its matches can begin with (a byte loop over a few letters): lower and
// upper case, a digit, and a first byte that begins none.
TEST_CASE("clean: short-line patterns by the line's first byte", "[clean]") {
  CHECK(Reasons("advertisement\nADVERTISEMENT\nZ advertisement") ==
        std::vector<std::string>{"advert", "advert", ""});
  CHECK(Reasons("12/40\nx 12/40") == std::vector<std::string>{"counter", ""});
  CHECK(Reasons("sign up to our briefing\nlog in\nQuiet streets at dawn") ==
        std::vector<std::string>{"sign-up", "sign-up", ""});
}

}  // namespace
}  // namespace eventline
