#include "eventline/utf8.h"

#include <algorithm>
#include <cstring>

namespace eventline {

namespace {

unsigned char Byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

DecodedChar DecodeUtf8At(std::string_view s, std::size_t pos) {
  const unsigned char c = Byte(s, pos);
  if (c < 0x80) return {c, 1, true};
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1Fu, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0Fu, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07u, min = 0x10000;
  } else {
    return {};
  }
  if (pos + len > s.size()) return {};
  for (std::size_t i = 1; i < len; ++i) {
    const unsigned char b = Byte(s, pos + i);
    if (!IsCont(b)) return {};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len, true};
}

DecodedChar DecodeUtf8Before(std::string_view s, std::size_t pos) {
  std::size_t start = pos - 1;
  // Walk back over at most three continuation bytes to a lead byte.
  while (start > 0 && pos - start < 4 && IsCont(Byte(s, start))) --start;
  const DecodedChar d = DecodeUtf8At(s, start);
  if (d.valid && start + d.length == pos) return d;
  return {};
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (Byte(s, i) < 0x80) {
      ++i;
      continue;
    }
    const DecodedChar d = DecodeUtf8At(s, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

bool IsSpaceCodePoint(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x00A0:
    case 0x2007:
    case 0x2009:
    case 0x202F:
      return true;
    default:
      return false;
  }
}

std::size_t SpaceLengthAt(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  const unsigned char c = Byte(s, pos);
  if (c < 0x80) return IsSpaceCodePoint(c) ? 1 : 0;
  if (c != 0xC2 && c != 0xE2) return 0;  // lead bytes of the non-ASCII spaces we know
  const DecodedChar d = DecodeUtf8At(s, pos);
  return d.valid && IsSpaceCodePoint(d.cp) ? d.length : 0;
}

std::size_t OddSpaceLengthAt(std::string_view s, std::size_t pos) {
  const auto c = [&](std::size_t k) { return Byte(s, k); };
  if (pos >= s.size()) return 0;
  if (c(pos) == 0xC2 && pos + 1 < s.size() && c(pos + 1) == 0xA0) return 2;
  if (c(pos) == 0xE2 && pos + 2 < s.size() && c(pos + 1) == 0x80) {
    const unsigned char t = c(pos + 2);
    if (t == 0x87 || t == 0x89 || t == 0x8A || t == 0xAF) return 3;
  }
  return 0;
}

std::string PlainSpaced(std::string_view s) {
  std::string out;
  // Only a lead byte 0xC2 or 0xE2 can open an odd space; news text is full
  // of E2 (curly quotes, dashes), so the candidates are found with memchr
  // instead of testing OddSpaceLengthAt at every byte (0.4 % of a 20 MB
  // run's samples; docs/scale.md, "session 24, h-speed26").
  const char* const base = s.data();
  const std::size_t size = s.size();
  const auto next = [&](unsigned char lead, std::size_t from) {
    if (from >= size) return size;
    const void* f = std::memchr(base + from, lead, size - from);
    return f == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(f) - base);
  };
  std::size_t c2 = next(0xC2, 0), e2 = next(0xE2, 0);
  for (std::size_t i = std::min(c2, e2); i < size; i = std::min(c2, e2)) {
    const std::size_t n = OddSpaceLengthAt(s, i);
    if (n > 0) {
      if (out.empty()) out.assign(s);
      out.replace(i, n, n, ' ');
    }
    const std::size_t from = i + std::max<std::size_t>(n, 1);
    if (c2 < from) c2 = next(0xC2, from);
    if (e2 < from) e2 = next(0xE2, from);
  }
  return out;
}

std::size_t SpaceLengthBefore(std::string_view s, std::size_t pos) {
  if (pos == 0 || pos > s.size()) return 0;
  const unsigned char c = Byte(s, pos - 1);
  if (c < 0x80) return IsSpaceCodePoint(c) ? 1 : 0;
  const DecodedChar d = DecodeUtf8Before(s, pos);
  return d.valid && IsSpaceCodePoint(d.cp) ? d.length : 0;
}

std::string_view TrimSpace(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e) {
    const std::size_t n = SpaceLengthAt(s, b);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    const std::size_t n = SpaceLengthBefore(s, e);
    if (n == 0) break;
    e -= n;
  }
  return s.substr(b, e - b);
}

}  // namespace eventline
