#include "eventline/lexicon.h"

#include <re2/re2.h>

#include <algorithm>

namespace eventline {

namespace {

bool IsUpperNameChar(char c, bool first) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}
bool IsLowerNameChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || c == '_' || (!first && c >= '0' && c <= '9');
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::vector<LexiconRef> FindLexiconRefs(std::string_view pattern) {
  std::vector<LexiconRef> refs;
  std::size_t backslashes = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++backslashes;
      continue;
    }
    const bool escaped = backslashes % 2 == 1;
    backslashes = 0;
    if (c != '{' || escaped) continue;
    std::size_t j = i + 1;
    bool upper = true, lower = true;
    while (j < pattern.size() && pattern[j] != '}') {
      const bool first = j == i + 1;
      upper = upper && IsUpperNameChar(pattern[j], first);
      lower = lower && IsLowerNameChar(pattern[j], first);
      if (!upper && !lower) break;
      ++j;
    }
    if (j >= pattern.size() || pattern[j] != '}' || j == i + 1 || (!upper && !lower)) continue;
    // "_" alone is both; treat as upper.
    refs.push_back(LexiconRef{i, j - i + 1, std::string(pattern.substr(i + 1, j - i - 1)), upper});
    i = j;
  }
  return refs;
}

std::string LexiconAlternation(const std::vector<std::string>& entries) {
  std::vector<std::string> pieces;
  pieces.reserve(entries.size());
  for (const auto& e : entries) {
    std::string piece;
    std::size_t i = 0;
    while (i < e.size()) {
      if (IsSpace(e[i])) {
        while (i < e.size() && IsSpace(e[i])) ++i;
        piece += "\\s+";
        continue;
      }
      std::size_t j = i;
      while (j < e.size() && !IsSpace(e[j])) ++j;
      piece += RE2::QuoteMeta(re2::StringPiece(e.data() + i, j - i));
      i = j;
    }
    pieces.push_back(std::move(piece));
  }
  // Longest entry first (by entry text), so "air strike" wins over "air".
  std::vector<std::size_t> order(entries.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return entries[a].size() > entries[b].size();
  });
  std::string out = "(?:";
  bool first = true;
  for (std::size_t k : order) {
    if (!first) out += '|';
    first = false;
    out += pieces[k];
  }
  out += ')';
  return out;
}

AlternationMap BuildAlternations(const LexiconMap& lexicons) {
  AlternationMap out;
  for (const auto& [name, entries] : lexicons) out.emplace(name, LexiconAlternation(entries));
  return out;
}

std::string ExpandLexicons(std::string_view pattern, const AlternationMap& lexicons,
                           std::vector<LexiconRef>* unknown) {
  std::string out;
  std::size_t pos = 0;
  for (auto& ref : FindLexiconRefs(pattern)) {
    if (!ref.upper) continue;
    auto it = lexicons.find(ref.name);
    if (it == lexicons.end()) {
      if (unknown) unknown->push_back(ref);
      continue;
    }
    out.append(pattern.substr(pos, ref.offset - pos));
    out += it->second;
    pos = ref.offset + ref.length;
  }
  out.append(pattern.substr(pos));
  return out;
}

std::string LexiconNameOf(std::string_view stem) {
  std::string name;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    char c = stem[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!IsUpperNameChar(c, i == 0)) return {};
    name += c;
  }
  return name;
}

}  // namespace eventline
