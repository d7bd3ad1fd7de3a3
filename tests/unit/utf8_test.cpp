#include "eventline/utf8.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

namespace eventline {
namespace {

TEST_CASE("utf8: validity of byte strings", "[utf8]") {
  for (std::string_view ok : {"", "plain ascii", "caf\xC3\xA9", "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                              "\xF0\x9F\x87\xBA emoji"}) {
    CAPTURE(ok);
    CHECK(IsValidUtf8(ok));
  }
  for (std::string_view bad :
       {"\xFF", "abc\xC3", "\xC0\xAF" /* overlong */, "\xED\xA0\x80" /* surrogate */,
        "\xE2\x28\xA1", "\xF4\x90\x80\x80"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsValidUtf8(bad));
  }
}

TEST_CASE("utf8: decoding forwards and backwards", "[utf8]") {
  const std::string s =
      "a\xC2\xA0\xE2\x80\xAF"
      "b";
  CHECK(DecodeUtf8At(s, 0).cp == U'a');
  CHECK(DecodeUtf8At(s, 1).cp == 0xA0);
  CHECK(DecodeUtf8At(s, 1).length == 2);
  CHECK(DecodeUtf8At(s, 3).cp == 0x202F);
  CHECK(DecodeUtf8Before(s, 6).cp == 0x202F);
  CHECK(DecodeUtf8Before(s, 3).cp == 0xA0);
  CHECK_FALSE(DecodeUtf8At("\x80", 0).valid);
}

TEST_CASE("utf8: whitespace includes NBSP, thin and narrow spaces", "[utf8]") {
  const struct {
    std::string_view in, out;
  } cases[] = {
      {"  x  ", "x"},
      {"\xC2\xA0word\xC2\xA0", "word"},
      {"\xE2\x80\x89\tboth ends\r\n\xE2\x80\xAF", "both ends"},
      {"\xC2\xA0\xC2\xA0", ""},
      {"no\xC2\xA0trim inside", "no\xC2\xA0trim inside"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(TrimSpace(c.in) == c.out);
  }
  CHECK(SpaceLengthAt("\xC2\xA9", 0) == 0);  // the copyright sign is not a space
}

TEST_CASE("utf8: PlainSpaced keeps byte offsets", "[utf8]") {
  CHECK(PlainSpaced("plain text only").empty());
  CHECK(PlainSpaced("caf\xC3\xA9 \xE2\x80\x99s").empty());  // other C2/E2 sequences stay
  CHECK(PlainSpaced("a\xC2\xA0"
                    "b") == "a  b");
  CHECK(PlainSpaced("3\xE2\x80\xAFMarch\xE2\x80\x89now") == "3   March   now");
  CHECK(OddSpaceLengthAt("\xC2\xA0", 0) == 2);
  CHECK(OddSpaceLengthAt("\xC2", 0) == 0);          // a cut sequence is no space
  CHECK(OddSpaceLengthAt("\xE2\x80\x99", 0) == 0);  // a right quote
}

TEST_CASE("utf8: PlainSpaced equals a byte-by-byte replacement", "[utf8]") {
  // The reference: OddSpaceLengthAt at every byte (PlainSpaced finds the
  // lead bytes with memchr). Random strings over the bytes of the odd
  // spaces, their lead bytes cut or doubled, and plain bytes.
  const auto reference = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::size_t n = OddSpaceLengthAt(s, i);
      if (n == 0) continue;
      if (out.empty()) out.assign(s);
      out.replace(i, n, n, ' ');
      i += n - 1;
    }
    return out;
  };
  const std::string alphabet = "a \xC2\xA0\xE2\x80\x87\x89\x8A\xAF\x99";
  std::uint32_t state = 12345;
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const std::size_t len = round % 13;
    for (std::size_t k = 0; k < len; ++k) {
      state = state * 1103515245u + 12345u;
      s += alphabet[(state >> 16) % alphabet.size()];
    }
    CAPTURE(s);
    CHECK(PlainSpaced(s) == reference(s));
  }
  CHECK(PlainSpaced("\xE2\xC2\xA0\xE2\x80\x89\xC2") == "\xE2     \xC2");
}

}  // namespace
}  // namespace eventline
