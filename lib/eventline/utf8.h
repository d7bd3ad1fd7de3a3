// lib/eventline/utf8.h: small UTF-8 helpers over bytes (no locale; only PlainSpaced allocates).
//
// Invalid sequences are never an error here: decoding reports them as one
// byte of U+FFFD so callers can step over them. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eventline {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedChar {
  char32_t cp = kReplacementChar;
  std::size_t length = 1;  // bytes consumed, >= 1 (1 for an invalid byte)
  bool valid = false;
};

// Decodes the code point starting at byte `pos` of `s` (pos < s.size()).
// Overlong forms, surrogates and values past U+10FFFF are invalid.
[[nodiscard]] DecodedChar DecodeUtf8At(std::string_view s, std::size_t pos);

// Decodes the code point that ends just before byte `pos` (pos > 0); an
// invalid tail is reported as one byte.
[[nodiscard]] DecodedChar DecodeUtf8Before(std::string_view s, std::size_t pos);

// True when every byte of `s` is part of a valid UTF-8 sequence.
[[nodiscard]] bool IsValidUtf8(std::string_view s);

// ASCII whitespace (space, \t, \n, \v, \f, \r), U+00A0 NO-BREAK SPACE,
// U+2009 THIN SPACE, U+202F NARROW NO-BREAK SPACE, U+2007 FIGURE SPACE.
[[nodiscard]] bool IsSpaceCodePoint(char32_t cp);

// Byte length of the whitespace code point at `pos` (see IsSpaceCodePoint), or 0.
[[nodiscard]] std::size_t SpaceLengthAt(std::string_view s, std::size_t pos);
// Byte length of the whitespace code point ending just before `pos`, or 0.
[[nodiscard]] std::size_t SpaceLengthBefore(std::string_view s, std::size_t pos);

// Byte length of a no-break or thin space at `pos` (U+00A0, U+2007, U+2009,
// U+200A, U+202F), else 0.
[[nodiscard]] std::size_t OddSpaceLengthAt(std::string_view s, std::size_t pos);

// `s` with every odd space (OddSpaceLengthAt) replaced by as many ASCII
// spaces, so byte offsets hold in both; empty when `s` has none. Rule
// patterns separate words with \s, which RE2 reads as ASCII white space
// only: wire and web copy put no-break spaces between words and in dates.
[[nodiscard]] std::string PlainSpaced(std::string_view s);

// `s` without leading and trailing whitespace (as above).
[[nodiscard]] std::string_view TrimSpace(std::string_view s);

}  // namespace eventline
