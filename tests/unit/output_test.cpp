#include "eventline/output.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace eventline {
namespace {

std::string Valid(std::string_view s) {
  std::string out;
  AppendValidUtf8(s, out);
  return out;
}

TEST_CASE("output: invalid UTF-8 becomes U+FFFD, valid text is kept", "[output]") {
  const struct {
    std::string_view in, want;
  } cases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"},
      {"a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"\xC3", "\xEF\xBF\xBD"},                                    // truncated at the end
      {"\xC3(x", "\xEF\xBF\xBD(x"},                                // bad continuation
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                    // overlong
      {"\xED\xA0\x80!", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!"},  // surrogate
      {"x\xE2\x82", "x\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(Valid(c.in) == c.want);
  }
}

TEST_CASE("output: CSV quotes only when it must", "[output]") {
  const RowWriter csv(OutputFormat::kCsv, {"a", "b", "c", "d"}, false);
  const auto row = [&](Field a, Field b) {
    std::string out;
    const Field fields[] = {std::move(a), std::move(b), std::int64_t{-42}, std::monostate{}};
    csv.Row(fields, out);
    return out;
  };
  CHECK(row(std::string("plain"), std::string("2022-03-07")) == "plain,2022-03-07,-42,\n");
  CHECK(row(std::string("a, b"), std::string("say \"hi\"")) ==
        "\"a, b\",\"say \"\"hi\"\"\",-42,\n");
  CHECK(row(std::string("line\nbreak"), std::string("cr\r")) == "\"line\nbreak\",\"cr\r\",-42,\n");
  CHECK(row(std::string(" lead"), std::string("trail ")) == "\" lead\",\"trail \",-42,\n");
  CHECK(row(std::string("bad\xFF"), std::string("\"\xFF\"")) ==
        "bad\xEF\xBF\xBD,\"\"\"\xEF\xBF\xBD\"\"\",-42,\n");
}

TEST_CASE("output: JSONL rows name every column", "[output]") {
  const RowWriter jsonl(OutputFormat::kJsonl, {"text", "n", "none"}, false);
  std::string out;
  const Field fields[] = {std::string("a \"b\"\n\x01"), std::int64_t{1234567890123},
                          std::monostate{}};
  jsonl.Row(fields, out);
  CHECK(out == "{\"text\":\"a \\\"b\\\"\\n\\u0001\",\"n\":1234567890123,\"none\":null}\n");
}

TEST_CASE("output: a row of FieldRef is written as the same row of Field", "[output]") {
  for (const OutputFormat format : {OutputFormat::kCsv, OutputFormat::kJsonl}) {
    const RowWriter writer(format, {"a", "b", "c", "d"}, false);
    const std::string text = "say \"hi\", \xFF";
    std::string owned, borrowed;
    const Field fields[] = {text, std::int64_t{-7}, std::monostate{}, std::string("plain")};
    const FieldRef refs[] = {std::string_view(text), std::int64_t{-7}, std::monostate{},
                             std::string_view("plain")};
    writer.Row(fields, owned);
    writer.Row(refs, borrowed);
    CHECK(borrowed == owned);
  }
}

}  // namespace
}  // namespace eventline
