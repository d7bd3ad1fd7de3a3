// lib/eventline/utf8.h: small UTF-8 helpers over bytes (no allocation, no locale).
//
// Invalid sequences are never an error here: decoding reports them as one
// byte of U+FFFD so callers can step over them. Pure functions; thread-safe.
#pragma once

#include <cstddef>
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

// `s` without leading and trailing whitespace (as above).
[[nodiscard]] std::string_view TrimSpace(std::string_view s);

}  // namespace eventline
