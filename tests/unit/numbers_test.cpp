#include "eventline/numbers.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string_view>

namespace eventline {
namespace {

TEST_CASE("numbers: cardinals in digits and words", "[numbers]") {
  const struct {
    std::string_view text;
    std::int64_t value;
  } ok[] = {
      {"24", 24},
      {"0", 0},
      {"2740", 2740},
      {"1,000", 1000},
      {"12,500,000", 12500000},
      {"10 000", 10000},
      {" 7 ", 7},
      {"nine", 9},
      {"NINE", 9},
      {"Nine", 9},
      {"zero", 0},
      {"eleven", 11},
      {"twenty", 20},
      {"twenty-four", 24},
      {"Twenty-Four", 24},
      {"twenty four", 24},
      {"ninety-nine", 99},
      {"a hundred", 100},
      {"one hundred", 100},
      {"one hundred and five", 105},
      {"three hundred twenty", 320},
      {"fifteen hundred", 1500},
      {"a thousand", 1000},
      {"two thousand three hundred and twelve", 2312},
      {"forty-five thousand", 45000},
      {"two million", 2000000},
      {"3 million", 3000000},
      {"1.5 million", 1500000},
      {"2.25 billion", 2250000000},
      {"a dozen", 12},
      {"dozen", 12},
      {"two dozen", 24},
      {"3 dozen", 36},
      {"half a dozen", 6},
      {"a couple", 2},
      {"a couple of", 2},
      {"couple of", 2},
      {"couple", 2},
      {"a", 1},
      {"an", 1},
      {"one", 1},
      {"at least 24", 24},
      {"at least twenty-four", 24},
      {"more than 1,000", 1000},
      {"some 300", 300},
      {"about a dozen", 12},
      {"nearly two thousand", 2000},
      {"as many as 40", 40},
      {"up to fifty", 50},
      {"an estimated 5,000", 5000},
      {"AT LEAST NINE", 9},
      // s27 h-recall40: "another" and "a further" before a count
      {"another 480", 480},
      {"Another four", 4},
      {"a further twelve", 12},
      {"a further 1,200", 1200},
  };
  for (const auto& c : ok) {
    CAPTURE(c.text);
    const auto v = ParseNumber(c.text);
    REQUIRE(v.has_value());
    CHECK(*v == c.value);
  }
}

TEST_CASE("numbers: vague amounts and non-numbers are rejected", "[numbers]") {
  for (std::string_view bad : {"",
                               "   ",
                               "hundreds",
                               "Hundreds",
                               "dozens",
                               "thousands",
                               "several",
                               "a few",
                               "few",
                               "scores",
                               "many",
                               "3-1",
                               "24/7",
                               "F-16",
                               "Su-35",
                               "COVID-19",
                               "1,00",
                               "1,0000",
                               ",100",
                               "020 7946 0018",
                               "nine nine",
                               "twenty twenty",
                               "four twenty",
                               "hundred hundred",
                               "a a",
                               "another",
                               "a further",
                               "another day",
                               "a further few",
                               "and",
                               "five and",
                               "1.5",
                               "1.25 thousand0",
                               "1.0001 thousand",
                               "troops",
                               "24 troops",
                               "one two",
                               "thousand million",
                               "a thousand thousand",
                               "twenty-fourth",
                               "third",
                               "3rd",
                               "half",
                               "99999999999999999999"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseNumber(bad).has_value());
  }
}

TEST_CASE("numbers: ordinals", "[numbers]") {
  const struct {
    std::string_view text;
    int value;
  } ok[] = {
      {"1st", 1},           {"2nd", 2},           {"3rd", 3},           {"4th", 4},
      {"11th", 11},         {"12th", 12},         {"13th", 13},         {"21st", 21},
      {"22nd", 22},         {"23RD", 23},         {"31st", 31},         {"111th", 111},
      {"first", 1},         {"Third", 3},         {"TWELFTH", 12},      {"twentieth", 20},
      {"twenty-first", 21}, {"twenty first", 21}, {"thirty-first", 31}, {"ninety-ninth", 99},
      {"hundredth", 100},
  };
  for (const auto& c : ok) {
    CAPTURE(c.text);
    const auto v = ParseOrdinal(c.text);
    REQUIRE(v.has_value());
    CHECK(*v == c.value);
  }
  for (std::string_view bad : {"", "3", "three", "3th", "1nd", "11st", "12nd", "twenty",
                               "first second", "twenty-tenth", "thirtieth-first", "st", "3rds"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseOrdinal(bad).has_value());
  }
}

TEST_CASE("numbers: cardinal or ordinal for day slots", "[numbers]") {
  CHECK(ParseCardinalOrOrdinal("3") == 3);
  CHECK(ParseCardinalOrOrdinal("3rd") == 3);
  CHECK(ParseCardinalOrOrdinal("third") == 3);
  CHECK(ParseCardinalOrOrdinal("thirty-first") == 31);
  CHECK(ParseCardinalOrOrdinal("twenty-one") == 21);
  CHECK_FALSE(ParseCardinalOrOrdinal("hundreds").has_value());
}

}  // namespace
}  // namespace eventline
