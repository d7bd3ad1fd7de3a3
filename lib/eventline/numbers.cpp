#include "eventline/numbers.h"

#include <array>
#include <limits>
#include <string>
#include <vector>

namespace eventline {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max() / 1000;

struct Word {
  std::string_view text;
  int value;
};

constexpr std::array<Word, 20> kUnits = {{
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
}};
constexpr std::array<Word, 8> kTens = {{
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
}};
constexpr std::array<Word, 20> kOrdinalUnits = {{
    {"zeroth", 0},     {"first", 1},        {"second", 2},      {"third", 3},
    {"fourth", 4},     {"fifth", 5},        {"sixth", 6},       {"seventh", 7},
    {"eighth", 8},     {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},
    {"twelfth", 12},   {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},
    {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19},
}};
constexpr std::array<Word, 8> kOrdinalTens = {{
    {"twentieth", 20},
    {"thirtieth", 30},
    {"fortieth", 40},
    {"fiftieth", 50},
    {"sixtieth", 60},
    {"seventieth", 70},
    {"eightieth", 80},
    {"ninetieth", 90},
}};

template <std::size_t N>
std::optional<int> Lookup(const std::array<Word, N>& table, std::string_view w) {
  for (const auto& e : table) {
    if (e.text == w) return e.value;
  }
  return std::nullopt;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z'); }
bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Lower-cases ASCII and splits on whitespace (including UTF-8 NBSP) and on
// hyphens that join two letters ("twenty-four"). Any other hyphen stays in
// its token, so "3-1" and "F-16" remain one token and are rejected later.
std::vector<std::string> Tokenize(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // NBSP
      s.push_back(' ');
      ++i;
      continue;
    }
    s.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
      continue;
    }
    if (c == '-' && !cur.empty() && IsAlpha(cur.back()) && i + 1 < s.size() && IsAlpha(s[i + 1])) {
      out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    cur.push_back(c);
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Removes leading hedge words ("at least", "some") and a trailing "of".
// "another" and "a further" count on from an earlier toll: "killed another
// 480 troops" reads 480, the count as written.
void StripHedges(std::vector<std::string>& t) {
  static constexpr std::array<std::array<std::string_view, 2>, 20> kHedges = {{
      {"at", "least"},  {"a", "further"}, {"more", "than"},    {"fewer", "than"},
      {"less", "than"}, {"up", "to"},     {"an", "estimated"}, {"at", "most"},
      {"as", "many"},  // "as many as": the trailing "as" is removed below
      {"about", ""},    {"some", ""},     {"nearly", ""},      {"over", ""},
      {"around", ""},   {"almost", ""},   {"roughly", ""},     {"approximately", ""},
      {"only", ""},     {"just", ""},     {"another", ""},
  }};
  bool changed = true;
  while (changed && t.size() > 1) {
    changed = false;
    for (const auto& h : kHedges) {
      const std::size_t n = h[1].empty() ? 1 : 2;
      if (t.size() <= n || t[0] != h[0] || (n == 2 && t[1] != h[1])) continue;
      t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(n));
      if (h[0] == "as" && t.size() > 1 && t[0] == "as") t.erase(t.begin());
      changed = true;
      break;
    }
  }
  if (t.size() > 1 && t.back() == "of") t.pop_back();
}

std::optional<std::int64_t> ScaleOf(std::string_view w) {
  if (w == "thousand") return 1000;
  if (w == "million") return 1000000;
  if (w == "billion") return 1000000000;
  return std::nullopt;
}

// "1,000", "2740", "10": digits with optional comma groups of three.
std::optional<std::int64_t> ParseDigits(std::string_view s) {
  std::int64_t v = 0;
  std::size_t group = 0;
  bool saw_comma = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',') {
      if (i == 0 || (saw_comma && group != 3) || (!saw_comma && group > 3)) return std::nullopt;
      saw_comma = true;
      group = 0;
      continue;
    }
    if (!IsDigit(c)) return std::nullopt;
    if (v > kMax) return std::nullopt;
    v = v * 10 + (c - '0');
    ++group;
  }
  if (s.empty() || (saw_comma && group != 3)) return std::nullopt;
  return v;
}

// "1.5" scaled by `scale` when it comes out whole.
std::optional<std::int64_t> ParseDecimalScaled(std::string_view s, std::int64_t scale) {
  const auto dot = s.find('.');
  if (dot == std::string_view::npos) {
    auto v = ParseDigits(s);
    if (!v || *v > kMax / scale) return std::nullopt;
    return *v * scale;
  }
  const auto whole = s.substr(0, dot), frac = s.substr(dot + 1);
  if (!AllDigits(whole) || !AllDigits(frac) || frac.size() > 9) return std::nullopt;
  auto w = ParseDigits(whole);
  if (!w || *w > kMax / scale) return std::nullopt;
  std::int64_t num = 0, den = 1;
  for (char c : frac) num = num * 10 + (c - '0'), den *= 10;
  if ((num * scale) % den != 0) return std::nullopt;
  return *w * scale + num * scale / den;
}

std::optional<std::int64_t> ParseWords(const std::vector<std::string>& t) {
  if (t.empty()) return std::nullopt;
  // Single-token special cases.
  if (t.size() == 1) {
    if (t[0] == "a" || t[0] == "an") return 1;
    if (t[0] == "dozen") return 12;
  }
  if (t.size() == 2 && t[0] == "a" && t[1] == "couple") return 2;
  // "the past couple of days" (h-dates18): "couple" without "a" after a determiner.
  if (t.size() == 1 && t[0] == "couple") return 2;
  if (t.size() == 3 && t[0] == "half" && t[1] == "a" && t[2] == "dozen") return 6;

  enum class Last { kNone, kA, kUnit, kTeen, kTensWord, kHundred, kScale, kAnd, kDozen };
  Last last = Last::kNone;
  std::int64_t total = 0, current = 0;
  std::int64_t last_scale = std::numeric_limits<std::int64_t>::max();
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string& w = t[i];
    if (w == "a" || w == "an") {
      if (i != 0) return std::nullopt;
      current = 1;
      last = Last::kA;
      continue;
    }
    if (w == "and") {
      if (last != Last::kHundred && last != Last::kScale) return std::nullopt;
      last = Last::kAnd;
      continue;
    }
    if (w == "dozen") {
      if (last != Last::kA && last != Last::kUnit && last != Last::kTeen && last != Last::kTensWord)
        return std::nullopt;
      if (i + 1 != t.size()) return std::nullopt;
      current *= 12;
      last = Last::kDozen;
      continue;
    }
    if (w == "hundred") {
      if (last != Last::kA && last != Last::kUnit && last != Last::kTeen && last != Last::kTensWord)
        return std::nullopt;
      if (current <= 0 || current >= 100) return std::nullopt;
      current *= 100;
      last = Last::kHundred;
      continue;
    }
    if (auto scale = ScaleOf(w)) {
      if (last == Last::kNone || last == Last::kAnd || last == Last::kScale) return std::nullopt;
      if (*scale >= last_scale || current <= 0 || current >= 1000) return std::nullopt;
      total += current * *scale;
      current = 0;
      last_scale = *scale;
      last = Last::kScale;
      continue;
    }
    if (auto u = Lookup(kUnits, w)) {
      const bool teen = *u >= 10 || *u == 0;
      const bool ok = teen ? (last == Last::kNone || last == Last::kHundred ||
                              last == Last::kScale || last == Last::kAnd)
                           : (last == Last::kNone || last == Last::kTensWord ||
                              last == Last::kHundred || last == Last::kScale || last == Last::kAnd);
      if (!ok) return std::nullopt;
      if (*u == 0 && t.size() != 1) return std::nullopt;
      current += *u;
      last = teen ? Last::kTeen : Last::kUnit;
      continue;
    }
    if (auto tens = Lookup(kTens, w)) {
      if (last != Last::kNone && last != Last::kHundred && last != Last::kScale &&
          last != Last::kAnd)
        return std::nullopt;
      current += *tens;
      last = Last::kTensWord;
      continue;
    }
    return std::nullopt;
  }
  if (last == Last::kA || last == Last::kAnd) return std::nullopt;
  return total + current;
}

}  // namespace

std::optional<std::int64_t> ParseNumber(std::string_view text) {
  std::vector<std::string> t = Tokenize(text);
  StripHedges(t);
  if (t.empty()) return std::nullopt;
  // Thin groups: "10 000" (a digit group followed by groups of exactly three).
  if (t.size() >= 2 && AllDigits(t[0]) && t[0].size() <= 3) {
    bool groups = true;
    for (std::size_t i = 1; i < t.size(); ++i)
      groups = groups && AllDigits(t[i]) && t[i].size() == 3;
    if (groups) {
      std::string joined;
      for (const auto& g : t) joined += g;
      return ParseDigits(joined);
    }
  }
  const char first = t[0][0];
  if (IsDigit(first)) {
    if (t.size() == 1) return ParseDigits(t[0]);
    if (t.size() == 2) {
      if (auto scale = ScaleOf(t[1])) return ParseDecimalScaled(t[0], *scale);
      if (t[1] == "hundred") return ParseDecimalScaled(t[0], 100);
      if (t[1] == "dozen") {
        auto v = ParseDigits(t[0]);
        if (v && *v < kMax / 12) return *v * 12;
      }
    }
    return std::nullopt;
  }
  // Words, possibly ending in a scale with a leading word number: "two million".
  return ParseWords(t);
}

std::optional<int> ParseOrdinal(std::string_view text) {
  std::vector<std::string> t = Tokenize(text);
  if (t.empty() || t.size() > 2) return std::nullopt;
  if (t.size() == 1) {
    const std::string& w = t[0];
    if (auto v = Lookup(kOrdinalUnits, w)) return v;
    if (auto v = Lookup(kOrdinalTens, w)) return v;
    if (w == "hundredth") return 100;
    // "3rd", "21st", "11th".
    std::size_t n = 0;
    while (n < w.size() && IsDigit(w[n])) ++n;
    if (n == 0 || n > 4 || w.size() != n + 2) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + (w[i] - '0');
    const std::string_view suffix = std::string_view(w).substr(n);
    const int last2 = v % 100, last1 = v % 10;
    std::string_view want = "th";
    if (last2 < 11 || last2 > 13) {
      if (last1 == 1) want = "st";
      if (last1 == 2) want = "nd";
      if (last1 == 3) want = "rd";
    }
    if (suffix != want) return std::nullopt;
    return v;
  }
  // "twenty-first", "thirty first".
  auto tens = Lookup(kTens, t[0]);
  auto unit = Lookup(kOrdinalUnits, t[1]);
  if (!tens || !unit || *unit < 1 || *unit > 9) return std::nullopt;
  return *tens + *unit;
}

std::optional<std::int64_t> ParseCardinalOrOrdinal(std::string_view text) {
  if (auto o = ParseOrdinal(text)) return *o;
  return ParseNumber(text);
}

}  // namespace eventline
