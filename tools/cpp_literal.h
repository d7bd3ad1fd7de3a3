#pragma once

// For the build tools that embed data in generated C++ (known_patterns.cpp,
// known_places.cpp).

#include <cstdio>
#include <ostream>
#include <string>

// `data` as adjacent C++ string literals of at most ~100 characters a line.
// Octal escapes take exactly three digits, so they never swallow the next
// character; '?' is escaped so that no trigraph can form.
inline void AppendLiteral(std::ostream& out, const std::string& data) {
  std::size_t col = 0;
  out << "\n    \"";
  for (const char ch : data) {
    if (col >= 96) {
      out << "\"\n    \"";
      col = 0;
    }
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out << '\\' << ch;
      col += 2;
    } else if (c >= 0x20 && c < 0x7F && c != '?') {
      out << ch;
      ++col;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out << buf;
      col += 4;
    }
  }
  out << '"';
}
