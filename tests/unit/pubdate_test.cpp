#include "eventline/pubdate.h"

#include <catch2/catch.hpp>
#include <string>

namespace eventline {
namespace {

std::string Found(std::string_view text) {
  const auto d = FindPubDateInText(text);
  return d ? FormatIsoDate(d->date) : std::string("none");
}

std::string FromName(std::string_view path) {
  const auto d = FindPubDateInFileName(path);
  return d ? FormatIsoDate(*d) : std::string("none");
}

TEST_CASE("pubdate: date lines near the top are found", "[pubdate]") {
  const struct {
    std::string_view text, iso;
  } ok[] = {
      {"Published 18 August 2022\n\nTanks crossed the border.", "2022-08-18"},
      {"Headline about a ferry\nPublished: 10:40, 7 Sep 2021\nBody text.", "2021-09-07"},
      {"Fri 9 Dec 2022 16.05\xC2\xA0GMT\nThe body starts here.", "2022-12-09"},
      {"Last modified on Mon 4 Apr 2022 11.02 BST\nText.", "2022-04-04"},
      {"March 5, 2019\n\nThe council met on Tuesday.", "2019-03-05"},
      {"Tuesday, 1st November 2016\nText.", "2016-11-01"},
      {"Posted on 2020-02-29\nA leap-day post.", "2020-02-29"},
      {"18.08.2022\nA dotted day-first date line.", "2022-08-18"},
      {"  A title\n\nPublished on 3 Jan 2023 by a staff writer\n", "2023-01-03"},
      // "Published" beats an earlier "Updated".
      {"Updated 5 May 2021\nPublished 2 May 2021\nText.", "2021-05-02"},
      // Wire datelines, upper-case and mixed.
      {"QUITO, 14 FEB 89 (AGENCY) -- [TEXT] SOLDIERS WERE SEEN", "1989-02-14"},
      {"MANAGUA, 30 NOV 01 -- THE ASSEMBLY VOTED", "2001-11-30"},
      {"SAN JOSE (COSTA RICA), MAY 2 90 (WIRE) -- [TEXT] A MARCH", "1990-05-02"},
      {"PORT-OF-SPAIN, 9 OCT 1995 (WIRE)\n-- THE STRIKE ENDED", "1995-10-09"},
      {"LONDON, April 3, 1987 (Wire) - Shares rose today.", "1987-04-03"},
  };
  for (const auto& c : ok) {
    CAPTURE(c.text);
    CHECK(Found(c.text) == c.iso);
  }
}

TEST_CASE("pubdate: text that is not a publication date is rejected", "[pubdate]") {
  for (std::string_view bad : {
           "",
           "Call us on 020 7946 0018 for details.\n",           // a phone number
           "Two F-16 jets flew over the town.\n",               // a model name
           "On 3 March 2022 troops entered the city.\n",        // a date inside a sentence
           "BERLIN, March 3 (Wire) - The talks resumed.\n",     // wire dateline without a year
           "31.02.2022\nNot a real day.\n",                     // impossible day
           "Updated figures show 2022 was the worst year.\n",   // no day and month
           "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12 May 2021\n",  // past the tenth line
           "Published 45 Jun 2022\n",                           // no such day
       }) {
    CAPTURE(bad);
    CHECK(Found(bad) == "none");
  }
  // A year alone far down is not a date.
  std::string long_text(3000, 'x');
  long_text += "\n2014\n";
  CHECK(Found(long_text) == "none");
}

TEST_CASE("pubdate: a wire dateline's span, for its place", "[pubdate]") {
  const struct {
    std::string_view text, dateline;
  } cases[] = {
      {"LIMA, 4 FEB 90 (WIRE) -- [TEXT] REBELS BURNED A BUS.", "LIMA, 4 FEB 90 (WIRE) --"},
      {"\n  QUITO (ECUADOR), 12 MAY 89 -- POLICE SAID.", "QUITO (ECUADOR), 12 MAY 89 --"},
      {"Rebels burned a bus in Lima on 4 February 1990.", ""},
      {"Headline\nLIMA, 4 FEB 90 (WIRE) -- text", ""},  // only the first line
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto span = FindWireDateline(c.text);
    CHECK((span ? c.text.substr(span->first, span->second - span->first) : "") == c.dateline);
  }
}

TEST_CASE("pubdate: the found range is the date line", "[pubdate]") {
  const std::string_view text = "Title\nPublished 1 July 2020\nBody.";
  const auto d = FindPubDateInText(text);
  REQUIRE(d);
  CHECK(text.substr(d->begin, d->end - d->begin) == "Published 1 July 2020");
}

TEST_CASE("pubdate: dates in file names", "[pubdate]") {
  const struct {
    std::string_view path, iso;
  } ok[] = {
      {"2022-08-18_story.txt", "2022-08-18"},    {"news/story_20210131.txt", "2021-01-31"},
      {"2019_12_05-report.txt", "2019-12-05"},   {"archive/2020/06/01/page.txt", "2020-06-01"},
      {"/abs/dir/1998-07-04.txt", "1998-07-04"},
  };
  for (const auto& c : ok) {
    CAPTURE(c.path);
    CHECK(FromName(c.path) == c.iso);
  }
  for (std::string_view bad :
       {"F-16.txt", "id-12345678.txt", "2022-13-01.txt", "2022-02-30.txt", "2022-08_18.txt",
        "report.txt", "20220818123.txt", "2021-03-04/story.txt"}) {
    CAPTURE(bad);
    CHECK(FromName(bad) == "none");
  }
}

TEST_CASE("pubdate: two-digit years and date fields", "[pubdate]") {
  CHECK(ExpandTwoDigitYear(0) == 2000);
  CHECK(ExpandTwoDigitYear(69) == 2069);
  CHECK(ExpandTwoDigitYear(70) == 1970);
  CHECK(ExpandTwoDigitYear(99) == 1999);
  const struct {
    std::string_view value, iso;
  } ok[] = {
      {"2022-08-18", "2022-08-18"},
      {"2023-06-30T00:00:08+00:00", "2023-06-30"},
      {"2022-01-01 00:02:08+00:00", "2022-01-01"},
      {"2022-01-01 11:38:22.70089", "2022-01-01"},
      {"2021-12-31T23:59:59Z", "2021-12-31"},
  };
  for (const auto& c : ok) {
    CAPTURE(c.value);
    const auto d = ParseDateField(c.value);
    REQUIRE(d);
    CHECK(FormatIsoDate(*d) == c.iso);
  }
  for (std::string_view bad :
       {"", "yesterday", "2022-8-18", "18/08/2022", "2022-02-30", "2022-08-18x"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseDateField(bad));
  }
}

}  // namespace
}  // namespace eventline
