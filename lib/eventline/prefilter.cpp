#include "eventline/prefilter.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace eventline {

namespace {

// A repetition operator read from a pattern: ?, *, +, {n}, {n,} or {n,m},
// each maybe lazy. `bounded` false: no upper bound.
struct RepeatOp {
  std::size_t min = 1, max = 1;
  bool bounded = true;
};

// Reads the repetition operator at p[i] into `r` and moves i past it (and
// past a lazy '?'). False, with i unchanged, when none stands there: a '{'
// that opens no count is a literal, the next atom. A count holds at most six
// digits (RE2 refuses counts over 1000).
bool ReadRepeat(std::string_view p, std::size_t& i, RepeatOp& r) {
  if (i >= p.size()) return false;
  const char c = p[i];
  if (c == '?') {
    r = {0, 1, true};
    ++i;
  } else if (c == '*') {
    r = {0, 1, false};
    ++i;
  } else if (c == '+') {
    r = {1, 1, false};
    ++i;
  } else if (c == '{') {
    std::size_t j = i + 1;
    auto digits = [&](std::size_t& v) {
      const std::size_t start = j;
      v = 0;
      while (j < p.size() && p[j] >= '0' && p[j] <= '9' && j - start < 6)
        v = v * 10 + static_cast<std::size_t>(p[j++] - '0');
      return j > start;
    };
    r = {};
    if (!digits(r.min)) return false;
    r.max = r.min;
    if (j < p.size() && p[j] == ',') {
      ++j;
      if (!digits(r.max)) r.bounded = false;
    }
    if (j >= p.size() || p[j] != '}') return false;
    i = j + 1;
  } else {
    return false;
  }
  if (i < p.size() && p[i] == '?') ++i;  // lazy
  return true;
}

constexpr std::size_t kMaxStrings = 512;  // per pattern and per sub-expression
constexpr std::size_t kMaxLength = 8;     // bytes of a leading string
constexpr std::size_t kMaxClass = 16;     // members of a [...] class spelt out

constexpr bool IsSpace(unsigned char c) {  // RE2's \s
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

constexpr bool IsWord(unsigned char c) {  // RE2's \w and \b: ASCII only
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Set bits of x, without the POPCNT instruction the baseline x86-64 target
// lacks (std::popcount would call libgcc there).
constexpr std::uint32_t Popcount(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<std::uint32_t>((x * 0x0101010101010101ULL) >> 56);
}

struct WordTable {
  bool at[256] = {};
  constexpr WordTable() {
    for (int b = 0; b < 256; ++b) at[b] = IsWord(static_cast<unsigned char>(b));
  }
  constexpr bool operator[](unsigned char b) const { return at[b]; }
};
constexpr WordTable kWordByte;

// The symbol a text or pattern byte (ASCII) stands for.
char Fold(unsigned char c) {
  if (IsSpace(c)) return ' ';
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return static_cast<char>(c);
}

// What a sub-expression's matches begin with: each match is one of `full`
// exactly (a sequence goes on after it) or begins with one of `pre` (a
// sequence stops there).
struct Lead {
  std::vector<std::string> full{""};
  std::vector<std::string> pre;
};

Lead Stop() { return Lead{{}, {""}}; }

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Collapses space runs, truncates to kMaxLength (a truncated string is a
// prefix), sorts and dedupes; then, over kMaxStrings, shortens every string
// until the set fits.
void Normalize(Lead& l) {
  const auto collapse = [](std::string& s) {
    std::string t;
    for (char c : s) {
      if (c == ' ' && !t.empty() && t.back() == ' ') continue;
      t.push_back(c);
    }
    s = std::move(t);
  };
  std::vector<std::string> full;
  for (std::string& s : l.full) {
    collapse(s);
    if (s.size() > kMaxLength) {
      s.resize(kMaxLength);
      l.pre.push_back(std::move(s));
    } else {
      full.push_back(std::move(s));
    }
  }
  l.full = std::move(full);
  for (std::string& s : l.pre) {
    collapse(s);
    if (s.size() > kMaxLength) s.resize(kMaxLength);
  }
  SortUnique(l.full);
  SortUnique(l.pre);
  for (std::size_t len = kMaxLength; l.full.size() + l.pre.size() > kMaxStrings && len > 0; --len) {
    for (std::string& s : l.full) l.pre.push_back(std::move(s));
    l.full.clear();
    for (std::string& s : l.pre) {
      if (s.size() > len) s.resize(len);
    }
    SortUnique(l.pre);
  }
}

// Matches of `a` followed by matches of `b`.
Lead Join(Lead a, const Lead& b) {
  if (a.full.size() * (b.full.size() + b.pre.size()) > kMaxStrings) {
    // Too many pairs: the matches of `a` stop here, except an empty one (an
    // optional `a`), which `b` leads: stopping at "" would leave no leading
    // string at all (an optional actor phrase before a large trigger).
    bool empty = false;
    for (std::string& s : a.full) {
      if (s.empty()) {
        empty = true;
      } else {
        a.pre.push_back(std::move(s));
      }
    }
    a.full.clear();
    if (empty) {
      a.pre.insert(a.pre.end(), b.full.begin(), b.full.end());
      a.pre.insert(a.pre.end(), b.pre.begin(), b.pre.end());
    }
    Normalize(a);
    return a;
  }
  Lead out;
  out.full.clear();
  out.pre = std::move(a.pre);
  for (const std::string& x : a.full) {
    for (const std::string& y : b.full) out.full.push_back(x + y);
    for (const std::string& y : b.pre) out.pre.push_back(x + y);
  }
  Normalize(out);
  return out;
}

// The position after a Unicode class name that follows `\p` or `\P` at `i`
// ("{Greek}" or one letter, "L"), shared by the pattern readers below.
std::size_t AfterPropertyName(std::string_view p, std::size_t i) {
  if (i < p.size() && p[i] == '{') {
    const std::size_t e = p.find('}', i);
    return e == std::string_view::npos ? p.size() : e + 1;
  }
  return i < p.size() ? i + 1 : i;
}

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  std::optional<std::vector<std::string>> Run() {
    Lead l = Alternation();
    if (bad_ || i_ != p_.size()) return std::nullopt;
    std::vector<std::string> out = std::move(l.full);
    out.insert(out.end(), l.pre.begin(), l.pre.end());
    SortUnique(out);
    if (out.empty() || out.front().empty()) return std::nullopt;  // may match ""
    return out;
  }

 private:
  bool More() const { return i_ < p_.size(); }
  unsigned char Peek(std::size_t ahead = 0) const {
    return i_ + ahead < p_.size() ? static_cast<unsigned char>(p_[i_ + ahead]) : 0;
  }

  Lead Alternation() {
    Lead out = Sequence();
    while (!bad_ && More() && Peek() == '|') {
      ++i_;
      Lead next = Sequence();
      out.full.insert(out.full.end(), next.full.begin(), next.full.end());
      out.pre.insert(out.pre.end(), next.pre.begin(), next.pre.end());
      if (out.full.size() + out.pre.size() > 2 * kMaxStrings) Normalize(out);
    }
    Normalize(out);
    return out;
  }

  Lead Sequence() {
    Lead out;
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      if (out.full.empty()) {  // every match stopped: nothing more to add
        SkipSequence();
        break;
      }
      const unsigned char c = Peek();
      const unsigned char q = Peek(1);
      if (c < 0x80 &&
          std::string_view("\\[](|)?*+{}.^$").find(static_cast<char>(c)) ==
              std::string_view::npos &&
          q != '?' && q != '*' && q != '+' && q != '{') {
        ++i_;  // a plain literal: the common case, without a Lead of its own
        bool long_string = false;
        for (std::string& s : out.full) {
          if (!IsSpace(c) || s.empty() || s.back() != ' ') s.push_back(Fold(c));
          long_string = long_string || s.size() > kMaxLength;
        }
        if (long_string) Normalize(out);
        continue;
      }
      Lead atom = Atom();
      Quantifier(atom);
      out = Join(std::move(out), atom);
    }
    return out;
  }

  // To the end of the current alternative: the next '|' or ')' at this level.
  void SkipSequence() {
    int depth = 0;
    while (More()) {
      const unsigned char c = Peek();
      if (c == '\\') {
        if (Peek(1) == 'Q') {
          const std::size_t end = p_.find("\\E", i_ + 2);
          i_ = end == std::string_view::npos ? p_.size() : end + 2;
        } else {
          i_ += 2;
        }
        continue;
      }
      if (c == '[') {
        i_ = CharClassEnd(p_, i_) + 1;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') {
        if (depth == 0) return;
        --depth;
      }
      if (c == '|' && depth == 0) return;
      ++i_;
    }
  }

  void Quantifier(Lead& atom) {
    RepeatOp r;
    if (!ReadRepeat(p_, i_, r)) return;
    const std::size_t min = r.min, max = r.max;
    const bool bounded = r.bounded;
    if (bounded && max == 0) {
      atom = Lead{};
      return;
    }
    // Whitespace runs read as one space: \s+ is \s, \s* is \s?.
    const bool space = atom.pre.empty() && atom.full.size() == 1 && atom.full[0] == " ";
    if (!space && (!bounded || max > 1)) {
      // x{min,max} begins with an x, then maybe more: only x's strings as
      // prefixes (x*: also the empty match).
      for (std::string& s : atom.full) atom.pre.push_back(std::move(s));
      atom.full.clear();
    }
    if (min == 0) atom.full.push_back("");
    Normalize(atom);
  }

  Lead Literal(unsigned char c) { return Lead{{std::string(1, Fold(c))}, {}}; }

  // A UTF-8 sequence in the pattern: leading strings stop before it.
  Lead NonAscii() {
    ++i_;
    while (More() && (Peek() & 0xC0) == 0x80) ++i_;
    return Stop();
  }

  Lead Atom() {
    const unsigned char c = Peek();
    if (c == '(') return Group();
    if (c == '[') return Class();
    if (c == '\\') return Escape();
    if (c >= 0x80) return NonAscii();
    ++i_;
    if (c == '.') return Stop();
    if (c == '^' || c == '$') return Lead{};
    if (c == '*' || c == '+' || c == '?') {
      bad_ = true;  // a quantifier with nothing before it
      return Stop();
    }
    return Literal(c);
  }

  Lead Group() {
    ++i_;  // '('
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' && Peek(1) == '<') ++i_;
      if (Peek() == '<') {
        const std::size_t e = p_.find('>', i_);
        if (e == std::string_view::npos) {
          bad_ = true;
          return Stop();
        }
        i_ = e + 1;
      } else {
        // Flags: (?i) applies to the rest (zero width), (?i:...) is a group.
        while (More() && std::string_view("imsU-").find(static_cast<char>(Peek())) !=
                             std::string_view::npos) {
          ++i_;
        }
        if (Peek() == ')') {
          ++i_;
          return Lead{};
        }
        if (Peek() != ':') {
          bad_ = true;
          return Stop();
        }
        ++i_;
      }
    }
    Lead inner = Alternation();
    if (Peek() != ')') {
      bad_ = true;
      return Stop();
    }
    ++i_;
    return inner;
  }

  // After a backslash, outside or inside a class: the one byte it stands
  // for, or -1 when it is not a single ASCII byte.
  int EscapedByte(unsigned char e) {
    switch (e) {
      case 'a':
        return '\a';
      case 'f':
        return '\f';
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'v':
        return '\v';
      case 'x': {
        std::size_t j = i_;
        std::string hex;
        if (j < p_.size() && p_[j] == '{') {
          const std::size_t close = p_.find('}', j);
          if (close == std::string_view::npos) return -1;
          hex = std::string(p_.substr(j + 1, close - j - 1));
          j = close + 1;
        } else {
          hex = std::string(p_.substr(j, 2));
          j += hex.size();
        }
        i_ = j;
        if (hex.empty() || hex.size() > 6) return -1;
        char* stop = nullptr;
        const long v = std::strtol(hex.c_str(), &stop, 16);
        return (*stop == '\0' && v < 0x80) ? static_cast<int>(v) : -1;
      }
      default:
        break;
    }
    if (e >= '0' && e <= '7') {  // octal
      int v = e - '0';
      for (int n = 0; n < 2 && Peek() >= '0' && Peek() <= '7'; ++n) v = v * 8 + (p_[i_++] - '0');
      return v < 0x80 ? v : -1;
    }
    if (e < 0x80 && !IsWord(e)) return e;  // escaped punctuation
    return -1;
  }

  // \p{Greek}, \pL: skip the name.
  void SkipProperty() { i_ = AfterPropertyName(p_, i_); }

  Lead Escape() {
    ++i_;  // '\'
    if (!More()) {
      bad_ = true;
      return Stop();
    }
    const unsigned char e = Peek();
    ++i_;
    switch (e) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return Lead{};  // zero width: dropping it only widens the language
      case 'd': {
        Lead l{{}, {}};
        for (char d = '0'; d <= '9'; ++d) l.full.emplace_back(1, d);
        return l;
      }
      case 's':
        return Literal(' ');
      case 'p':
      case 'P':
        SkipProperty();
        return Stop();
      case 'Q': {  // \Q...\E: not worth spelling out
        const std::size_t end = p_.find("\\E", i_);
        i_ = end == std::string_view::npos ? p_.size() : end + 2;
        return Stop();
      }
      default:
        break;
    }
    const int b = EscapedByte(e);
    if (b < 0) return Stop();
    return Literal(static_cast<unsigned char>(b));
  }

  Lead Class() {
    ++i_;               // '['
    bool open = false;  // cannot be spelt out
    if (Peek() == '^') {
      open = true;
      ++i_;
    }
    std::string members;
    bool first = true;
    while (More() && (Peek() != ']' || first)) {
      first = false;
      int lo = -1;
      const unsigned char c = Peek();
      if (c == '[' && Peek(1) == ':') {
        const std::size_t e = p_.find(":]", i_ + 2);
        i_ = e == std::string_view::npos ? p_.size() : e + 2;
        open = true;
        continue;
      }
      if (c >= 0x80) {
        ++i_;
        while (More() && (Peek() & 0xC0) == 0x80) ++i_;
        open = true;
        continue;
      }
      if (c == '\\') {
        ++i_;
        const unsigned char e = Peek();
        ++i_;
        if (e == 'd') {
          members += "0123456789";
          continue;
        }
        if (e == 's') {
          members += ' ';
          continue;
        }
        if (e == 'p' || e == 'P') SkipProperty();
        lo = EscapedByte(e);
        if (lo < 0) {
          open = true;
          continue;
        }
      } else {
        lo = c;
        ++i_;
      }
      int hi = lo;
      if (Peek() == '-' && Peek(1) != ']' && i_ + 1 < p_.size()) {
        ++i_;
        const unsigned char h = Peek();
        if (h == '\\') {
          ++i_;
          const unsigned char e = Peek();
          ++i_;
          hi = EscapedByte(e);
        } else if (h >= 0x80) {
          ++i_;
          while (More() && (Peek() & 0xC0) == 0x80) ++i_;
          hi = -1;
        } else {
          hi = h;
          ++i_;
        }
        if (hi < 0 || hi < lo || hi - lo > static_cast<int>(kMaxClass)) {
          open = true;
          continue;
        }
      }
      for (int b = lo; b <= hi; ++b) members += Fold(static_cast<unsigned char>(b));
    }
    if (!More()) {
      bad_ = true;
      return Stop();
    }
    ++i_;  // ']'
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    if (open || members.empty() || members.size() > kMaxClass) return Stop();
    Lead l{{}, {}};
    for (char m : members) l.full.emplace_back(1, m);
    return l;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool bad_ = false;
};

// ---- Required words ----

constexpr std::size_t kMaxRequiredAny = 1000;  // strings of one requirement
constexpr std::size_t kMinRequiredLength = 3;  // shorter runs are no filter
constexpr std::size_t kMaxRequirements = 4;    // per pattern
constexpr std::size_t kMaxWordSet = 1000;      // strings of an exact, prefix or suffix set
constexpr std::size_t kMaxWordClass = 10;      // members of a [...] class spelt out
constexpr std::size_t kMaxImpliedTest = 4096;  // string pairs Best compares

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char Lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

using Any = std::vector<std::string>;  // one of these occurs; empty: unknown

std::size_t MinLength(const Any& a) {
  std::size_t m = SIZE_MAX;
  for (const std::string& s : a) m = std::min(m, s.size());
  return a.empty() ? 0 : m;
}

// What the parser knows of a sub-expression, over lower-cased ASCII letters
// and digits only (any other character ends a word): every string it can
// match when they are few (`exact`), strings one of which begins (`prefix`)
// and one of which ends (`suffix`) every match ("" when nothing is known),
// and words every match contains (`req`). Lexicons are expanded as tries
// ("ra(?:id|mpage)"), so a word is rebuilt across groups from the exact
// and prefix sets before it can be required.
struct WordInfo {
  std::optional<Any> exact;
  Any prefix{""}, suffix{""};
  std::vector<Any> req;
};

// Whether `a` comes before `b` read backwards (the order of their
// reversed strings).
bool BackwardsLess(const std::string& a, const std::string& b) {
  return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
}

// Whether `w` ends with `end`.
bool EndsWith(std::string_view w, std::string_view end) {
  return w.size() >= end.size() && w.substr(w.size() - end.size()) == end;
}

// Sorted, without strings that begin (`at_end`: end) with another one:
// as the prefix (suffix) set of a match they add nothing. Strings that
// begin (end) with another sort right after it, forwards (backwards).
Any PrunedEnds(Any s, bool at_end) {
  if (at_end) {
    std::sort(s.begin(), s.end(), BackwardsLess);
  } else if (!std::is_sorted(s.begin(), s.end())) {
    std::sort(s.begin(), s.end());
  }
  Any out;
  for (std::string& w : s) {
    if (out.empty() ||
        (at_end ? !EndsWith(w, out.back()) : w.compare(0, out.back().size(), out.back()) != 0)) {
      out.push_back(std::move(w));
    }
  }
  if (at_end) std::sort(out.begin(), out.end());
  return out;
}

// Every a + b; nullopt when there would be more than kMaxWordSet.
std::optional<Any> Product(const Any& a, const Any& b) {
  if (a.size() * b.size() > kMaxWordSet) return std::nullopt;
  Any out;
  out.reserve(a.size() * b.size());
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      std::string w;
      w.reserve(x.size() + y.size());
      w.append(x).append(y);
      out.push_back(std::move(w));
    }
  }
  SortUnique(out);
  return out;
}

// A hash of the kMinRequiredLength bytes at v[b], into kHeadBits bits.
constexpr std::size_t kHeadBits = 4096;
std::size_t Head(std::string_view v, std::size_t b) {
  std::size_t h = 0;
  for (std::size_t k = 0; k < kMinRequiredLength; ++k) {
    h = h * 131 + static_cast<unsigned char>(v[b + k]);
  }
  return h & (kHeadBits - 1);
}

// Strings one of which occurs, without those that contain another one
// (they add nothing to a disjunction); empty when there are too many.
// Every string has at least kMinRequiredLength bytes. A string is tested
// only at the positions where a kept string's first bytes occur (a bit set
// of their hashes) and for the lengths of kept strings: testing every
// substring took most of the rule set's derivation.
Any Pruned(Any out) {
  // Shortest first: a string can only contain shorter ones, kept before.
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  Any pruned;
  std::unordered_set<std::string_view> kept;  // views into `out`
  kept.reserve(out.size());
  std::vector<std::size_t> lengths;  // of kept strings, ascending
  std::array<std::uint64_t, kHeadBits / 64> heads{};
  for (const std::string& s : out) {
    const std::string_view v(s);
    bool contains = false;
    for (std::size_t b = 0; b + kMinRequiredLength <= v.size() && !contains; ++b) {
      const std::size_t h = Head(v, b);
      if ((heads[h >> 6] >> (h & 63) & 1U) == 0) continue;
      for (std::size_t n : lengths) {
        if (b + n > v.size()) break;
        if (kept.count(v.substr(b, n)) > 0) {
          contains = true;
          break;
        }
      }
    }
    if (contains) continue;
    if (pruned.size() == kMaxRequiredAny) return {};
    kept.insert(v);
    pruned.push_back(s);
    if (lengths.empty() || lengths.back() != v.size()) lengths.push_back(v.size());
    const std::size_t h = Head(v, 0);
    heads[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  std::sort(pruned.begin(), pruned.end());
  return pruned;
}

// Adds `any` to `req` as a requirement when it filters: no string shorter
// than kMinRequiredLength (the empty string among them) and not too many.
// Pruning keeps the shortest string (nothing shorter is in the set), so
// the length is tested first.
void AddRequirement(std::vector<Any>& req, Any any) {
  if (any.empty() || MinLength(any) < kMinRequiredLength) return;
  Any pruned = Pruned(std::move(any));
  if (pruned.empty()) return;
  req.push_back(std::move(pruned));
}

// The best kMaxRequirements of `all`, each required.
// Better filter first: longer shortest string, then fewer strings (then
// the strings, for a fixed order).
std::vector<Any> Best(std::vector<Any> all) {
  struct Ranked {
    std::size_t min, size;
    Any* any;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(all.size());
  for (Any& a : all) ranked.push_back({MinLength(a), a.size(), &a});
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.min != b.min) return a.min > b.min;
    if (a.size != b.size) return a.size < b.size;
    return *a.any < *b.any;
  });
  std::vector<Any*> distinct;
  for (const Ranked& r : ranked) {
    if (distinct.empty() || *distinct.back() != *r.any) distinct.push_back(r.any);
  }
  std::vector<Any> best;
  for (Any* next : distinct) {
    Any& y = *next;
    if (best.size() == kMaxRequirements) break;
    // Left out when a chosen one implies it: each of x's strings holds one
    // of y's ("raided" before "raid"). Tested on small sets only.
    const bool implied = std::any_of(best.begin(), best.end(), [&y](const Any& x) {
      return x.size() * y.size() <= kMaxImpliedTest &&
             std::all_of(x.begin(), x.end(), [&y](const std::string& xs) {
               return std::any_of(y.begin(), y.end(), [&xs](const std::string& ys) {
                 return xs.find(ys) != std::string::npos;
               });
             });
    });
    if (!implied) best.push_back(std::move(y));
  }
  return best;
}

// The requirements of `w`, its prefix, suffix and exact sets among them.
std::vector<Any> Requirements(const WordInfo& w) {
  std::vector<Any> all = w.req;
  AddRequirement(all, w.prefix);
  AddRequirement(all, w.suffix);
  if (w.exact) AddRequirement(all, *w.exact);
  return Best(std::move(all));
}

WordInfo Unknown() { return WordInfo{}; }  // consumes something, no word known

WordInfo Empty() {  // zero width: \b, ^, a flag group
  WordInfo w;
  w.exact = Any{""};
  return w;
}

WordInfo Exact(Any e) {
  WordInfo w;
  SortUnique(e);
  w.prefix = PrunedEnds(e, false);
  w.suffix = PrunedEnds(e, true);
  w.exact = std::move(e);
  return w;
}

// `a` is taken by value: a sequence hands its growing accumulator over
// (a copy of its sets per item was much of the derivation's cost).
WordInfo Concat(WordInfo a, const WordInfo& b) {
  if (a.exact && b.exact) {
    if (auto e = Product(*a.exact, *b.exact)) return Exact(std::move(*e));
  }
  WordInfo c;
  std::optional<Any> prefix;
  if (a.exact) prefix = Product(*a.exact, b.prefix);
  c.prefix = prefix ? PrunedEnds(std::move(*prefix), false) : std::move(a.prefix);
  c.suffix = b.suffix;
  if (b.exact) {
    if (auto s = Product(a.suffix, *b.exact)) c.suffix = PrunedEnds(std::move(*s), true);
  }
  c.req = std::move(a.req);
  c.req.insert(c.req.end(), b.req.begin(), b.req.end());
  // Across the junction; a's suffix and b's prefix on their own when the
  // product is too large (a's prefix and b's suffix live on in c's).
  if (auto j = Product(a.suffix, b.prefix)) {
    AddRequirement(c.req, std::move(*j));
  } else {
    AddRequirement(c.req, std::move(a.suffix));
    AddRequirement(c.req, b.prefix);
  }
  c.req = Best(std::move(c.req));
  return c;
}

// Requirements met by every match of alternatives [begin, end): of two
// halves with requirements R1 and R2, each union of one of R1 with one of R2.
// Halving keeps the cost near linear in the strings: merging the
// alternatives one after another re-pruned the growing sets once per
// alternative, and a lexicon of a few hundred phrases took seconds.
std::vector<Any> UnionRequirements(const std::vector<WordInfo>& alternatives, std::size_t begin,
                                   std::size_t end) {
  if (end - begin == 1) return Requirements(alternatives[begin]);
  const std::size_t mid = begin + (end - begin) / 2;
  const std::vector<Any> left = UnionRequirements(alternatives, begin, mid);
  if (left.empty()) return {};
  const std::vector<Any> right = UnionRequirements(alternatives, mid, end);
  std::vector<Any> product;
  for (const Any& x : left) {
    for (const Any& y : right) {
      Any any = x;
      any.insert(any.end(), y.begin(), y.end());
      AddRequirement(product, std::move(any));
    }
  }
  return Best(std::move(product));
}

// Any one of the alternatives.
WordInfo Union(std::vector<WordInfo>& alternatives) {
  if (alternatives.size() == 1) return std::move(alternatives[0]);
  bool exact = true;
  Any e, p, s;
  for (const WordInfo& w : alternatives) {
    exact = exact && w.exact && e.size() + w.exact->size() <= kMaxWordSet;
    if (exact) e.insert(e.end(), w.exact->begin(), w.exact->end());
    p.insert(p.end(), w.prefix.begin(), w.prefix.end());
    s.insert(s.end(), w.suffix.begin(), w.suffix.end());
  }
  if (exact) return Exact(std::move(e));
  WordInfo u;
  u.prefix = PrunedEnds(std::move(p), false);
  u.suffix = PrunedEnds(std::move(s), true);
  if (u.prefix.size() > kMaxWordSet) u.prefix = Any{""};
  if (u.suffix.size() > kMaxWordSet) u.suffix = Any{""};
  // Of alternatives with requirements R1 and R2, any union of one of R1
  // with one of R2 is a requirement: `sink` or `abandon`, not only the
  // union of each alternative's best.
  u.req = UnionRequirements(alternatives, 0, alternatives.size());
  return u;
}

// `w` repeated min..max times (max < 0: unbounded).
WordInfo Repeat(WordInfo w, int min, int max) {
  if (min == 1 && max == 1) return w;
  if (min == 0) {
    if (max == 1 && w.exact) {
      Any e = std::move(*w.exact);
      e.emplace_back();
      return Exact(std::move(e));
    }
    return Unknown();
  }
  w.exact.reset();  // once at least: its words, how it begins and ends
  return w;
}

// Required words of a pattern: a light recursive descent over RE2 syntax.
class RequiredParser {
 public:
  RequiredParser(std::string_view p, std::string_view skip) : p_(p), skip_(skip) {}

  std::vector<Any> Run(Any* ends) {
    const WordInfo all = Alternation();
    if (ends != nullptr) ends->clear();
    if (bad_ || i_ != p_.size()) return {};
    // A suffix set is exact about a match's last bytes: any character but an
    // ASCII letter or digit (and any optional tail) leaves it {""}.
    if (ends != nullptr && !all.suffix.empty() &&
        std::none_of(all.suffix.begin(), all.suffix.end(),
                     [](const std::string& s) { return s.empty(); })) {
      *ends = all.suffix;
    }
    return Requirements(all);
  }

 private:
  bool More() const { return i_ < p_.size(); }
  unsigned char Peek(std::size_t ahead = 0) const {
    return i_ + ahead < p_.size() ? static_cast<unsigned char>(p_[i_ + ahead]) : 0;
  }

  WordInfo Alternation() {
    std::vector<WordInfo> alternatives{Sequence()};
    while (!bad_ && Peek() == '|') {
      ++i_;
      alternatives.push_back(Sequence());
    }
    return Union(alternatives);
  }

  // Consumes a quantifier if one follows; returns its counts ({1, 1}
  // when there is none, max -1 when unbounded).
  std::pair<int, int> Quantifier() {
    const unsigned char q = Peek();
    std::pair<int, int> n{1, 1};
    if (q == '?') {
      n = {0, 1};
      ++i_;
    } else if (q == '*') {
      n = {0, -1};
      ++i_;
    } else if (q == '+') {
      n = {1, -1};
      ++i_;
    } else if (q == '{' && Peek(1) >= '0' && Peek(1) <= '9') {
      std::size_t j = i_ + 1;
      int lo = 0;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') lo = lo * 10 + (p_[j++] - '0');
      int hi = lo;
      if (j < p_.size() && p_[j] == ',') {
        ++j;
        hi = j < p_.size() && p_[j] >= '0' && p_[j] <= '9' ? 0 : -1;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') hi = hi * 10 + (p_[j++] - '0');
      }
      if (j < p_.size() && p_[j] == '}') {
        n = {lo, hi};
        i_ = j + 1;
      } else {
        return n;  // a literal '{': RE2 reads it so
      }
    } else {
      return n;
    }
    if (Peek() == '?') ++i_;  // non-greedy
    return n;
  }

  WordInfo Quantified(WordInfo w) {
    const auto [min, max] = Quantifier();
    return Repeat(std::move(w), min, max);
  }

  // A [...] class: its members when they are few ASCII letters and digits.
  WordInfo Class() {
    const std::size_t close = CharClassEnd(p_, i_);
    if (close >= p_.size()) {
      bad_ = true;
      return Unknown();
    }
    const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    Any members;
    bool open = body.empty() || body[0] == '^';
    for (std::size_t k = 0; k < body.size() && !open; ++k) {
      const auto c = static_cast<unsigned char>(body[k]);
      if (!IsAlnum(c)) {
        open = true;
        break;
      }
      if (k + 2 < body.size() && body[k + 1] == '-') {
        const auto hi = static_cast<unsigned char>(body[k + 2]);
        if (!IsAlnum(hi) || hi < c || static_cast<std::size_t>(hi - c) >= kMaxWordClass) {
          open = true;
          break;
        }
        for (unsigned char m = c; m <= hi; ++m) {
          if (!IsAlnum(m)) open = true;
          members.emplace_back(1, Lower(m));
        }
        k += 2;
        continue;
      }
      members.emplace_back(1, Lower(c));
    }
    SortUnique(members);
    if (open || members.empty() || members.size() > kMaxWordClass) return Unknown();
    return Exact(std::move(members));
  }

  WordInfo Escape() {
    const unsigned char e = Peek(1);
    if (e == 'Q') {
      const std::size_t end = p_.find("\\E", i_ + 2);
      i_ = end == std::string_view::npos ? p_.size() : end + 2;
      return Unknown();
    }
    if ((e == 'p' || e == 'P' || e == 'x') && Peek(2) == '{') {
      const std::size_t end = p_.find('}', i_);
      if (end == std::string_view::npos) {
        bad_ = true;
        return Unknown();
      }
      i_ = end + 1;
      return Unknown();
    }
    if (e == 'p' || e == 'P') {
      i_ += 3;  // \pL
    } else if (e == 'x') {
      i_ += 4;  // \x41
    } else if (e >= '0' && e <= '7') {
      i_ += 2;  // octal: up to three digits
      for (int d = 0; d < 2 && Peek() >= '0' && Peek() <= '7'; ++d) ++i_;
    } else {
      i_ += 2;
    }
    if (i_ > p_.size()) {
      bad_ = true;
      return Unknown();
    }
    if (e == 'b' || e == 'B' || e == 'A' || e == 'z') return Empty();
    return Unknown();  // a class or a character other than a letter or digit
  }

  WordInfo Sequence() {
    WordInfo acc = Empty();
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      const unsigned char c = Peek();
      WordInfo item;
      if (c == '(') {
        item = Group();
      } else if (c == '\\') {
        item = Quantified(Escape());
      } else if (c == '[') {
        item = Quantified(Class());
      } else if (c == '^' || c == '$') {
        ++i_;
        item = Quantified(Empty());
      } else if (c >= 0x80) {
        ++i_;
        while (More() && (Peek() & 0xC0) == 0x80) ++i_;
        item = Quantified(Unknown());
      } else {
        ++i_;
        item = Quantified(IsAlnum(c) ? Exact(Any{std::string(1, Lower(c))}) : Unknown());
      }
      acc = Concat(std::move(acc), item);
    }
    return acc;
  }

  WordInfo Group() {
    ++i_;  // '('
    std::string name;
    if (Peek() == '?') {
      if (Peek(1) == 'P' && Peek(2) == '<') {
        const std::size_t e = p_.find('>', i_);
        if (e == std::string_view::npos) {
          bad_ = true;
          return Unknown();
        }
        name = std::string(p_.substr(i_ + 3, e - i_ - 3));
        i_ = e + 1;
      } else {
        // (?flags:...) or a flag group (?flags)
        std::size_t j = i_ + 1;
        while (j < p_.size() && p_[j] != ':' && p_[j] != ')') ++j;
        if (j >= p_.size()) {
          bad_ = true;
          return Unknown();
        }
        i_ = j + 1;
        if (p_[j] == ')') return Empty();  // no body
      }
    }
    const std::size_t start = i_;
    WordInfo body;
    const std::size_t end = GroupEnd(start);
    const std::string key = end - start >= kMinCachedGroup ? CacheKey(start, end) : std::string();
    if (!key.empty() && Cached(key, body)) {
      i_ = end;
    } else {
      body = Alternation();
    }
    if (Peek() != ')') {
      bad_ = true;
      return Unknown();
    }
    if (!bad_ && !key.empty() && i_ == end) Cache(key, body);
    ++i_;
    if (!skip_.empty() && name.rfind(skip_, 0) == 0) body = Unknown();
    return Quantified(std::move(body));
  }

  // The ')' closing the group whose body begins at `start` (p_.size()
  // when there is none): escapes and [...] classes skipped.
  std::size_t GroupEnd(std::size_t start) const {
    int depth = 0;
    for (std::size_t j = start; j < p_.size(); ++j) {
      const char c = p_[j];
      if (c == '\\') {
        ++j;
      } else if (c == '[') {
        j = CharClassEnd(p_, j);
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth == 0) return j;
        --depth;
      }
    }
    return p_.size();
  }

  // The key of the group body p_[start, end) in the cache: the body, and
  // the skipped group's name when the body holds such a group (its words
  // then depend on it).
  std::string CacheKey(std::size_t start, std::size_t end) const {
    const std::string_view body = p_.substr(start, end - start);
    const bool skips = !skip_.empty() && body.find("(?P<" + std::string(skip_)) != body.npos;
    std::string key = std::to_string(skips ? skip_.size() : 0) + ":";
    if (skips) key += skip_;
    key += body;
    return key;
  }

  // Group bodies already derived, shared by every pattern: the rule set
  // expands the same lexicons (actors, weapons, places) into hundreds of
  // patterns, and deriving each copy anew took most of the start-up.
  static constexpr std::size_t kMinCachedGroup = 24;
  struct GroupCache {
    std::mutex mutex;
    std::unordered_map<std::string, WordInfo> bodies;
  };
  static GroupCache& Groups() {
    static GroupCache cache;
    return cache;
  }
  static bool Cached(const std::string& key, WordInfo& out) {
    GroupCache& c = Groups();
    const std::lock_guard<std::mutex> lock(c.mutex);
    const auto it = c.bodies.find(key);
    if (it == c.bodies.end()) return false;
    out = it->second;
    return true;
  }
  static void Cache(const std::string& key, const WordInfo& w) {
    GroupCache& c = Groups();
    const std::lock_guard<std::mutex> lock(c.mutex);
    c.bodies.emplace(key, w);
  }

  std::string_view p_;
  std::string_view skip_;
  std::size_t i_ = 0;
  bool bad_ = false;
};

}  // namespace

std::vector<std::vector<std::string>> RequiredWords(std::string_view pattern,
                                                    std::string_view skip_group,
                                                    std::vector<std::string>* ends) {
  return RequiredParser(pattern, skip_group).Run(ends);
}

bool HasRequiredWords(const std::vector<std::vector<std::string>>& required,
                      std::string_view lower) {
  for (const auto& any : required) {
    const bool found = std::any_of(any.begin(), any.end(), [&](const std::string& s) {
      return lower.find(s) != std::string_view::npos;
    });
    if (!found) return false;
  }
  return true;
}

bool LowerForRequiredWords(std::string_view text, std::string& lower) {
  lower.resize(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    lower[i] = Lower(static_cast<unsigned char>(text[i]));
  }
  // The only non-ASCII characters RE2 folds to ASCII letters: with them,
  // no test.
  return text.find("\xE2\x84\xAA") == std::string_view::npos &&
         text.find("\xC5\xBF") == std::string_view::npos;
}

std::optional<std::vector<std::string>> LeadingStrings(std::string_view pattern) {
  return Parser(pattern).Run();
}

WordPrefilter::WordPrefilter(const std::vector<std::string>& patterns) {
  std::vector<std::string> all;
  for (const std::string& p : patterns) {
    auto lead = LeadingStrings(p);
    if (!lead) {
      always_ = true;
      return;
    }
    all.insert(all.end(), lead->begin(), lead->end());
  }
  Build(std::move(all));
}

WordPrefilter WordPrefilter::FromLeading(std::vector<std::string> leading) {
  WordPrefilter w;
  w.Build(std::move(leading));
  return w;
}

namespace {

// The symbol classes of the packed trie nodes: every symbol the shipped
// leading strings use (50 of them: space, ASCII punctuation and digits from
// 0x20 to 0x3F, lower-case letters) and a few more get a class of their own,
// in symbol order, so that a node's child set is 64 bits; any other symbol
// is kRare, resolved through a side list (WordPrefilter::rare_,
// LeadingIndex::rare_).
constexpr unsigned kRare = 63;
struct SymbolClasses {
  unsigned char at[256] = {};
  constexpr SymbolClasses() {
    for (int b = 0; b < 256; ++b) at[b] = kRare;
    for (int b = 0x20; b < 0x40; ++b) at[b] = static_cast<unsigned char>(b - 0x20);
    at[static_cast<unsigned char>('@')] = 32;
    at[static_cast<unsigned char>('[')] = 33;
    at[static_cast<unsigned char>(']')] = 34;
    at[static_cast<unsigned char>('_')] = 35;
    for (int b = 'a'; b <= 'z'; ++b) at[b] = static_cast<unsigned char>(36 + b - 'a');
    at[static_cast<unsigned char>('{')] = 62;
  }
  constexpr unsigned operator[](unsigned char b) const { return at[b]; }
};
constexpr SymbolClasses kClass;

// The order a node's children are laid out in: classes first (by class,
// which is symbol order), then kRare symbols (by symbol), then symbols from
// 128 on, which no walk reaches (NextFolded) and which are left unindexed.
int ChildRank(unsigned char c) { return c >= 128 ? 2 : kClass[c] == kRare ? 1 : 0; }

// The child of packed node `n` (index `at`) on `symbol`, or 0 (the root,
// nobody's child) when it has none; `rare` holds (node, symbol, child) for
// the kRare children, sorted.
template <class PackedNode>
[[gnu::always_inline]] inline std::uint32_t PackedChild(
    const PackedNode& n, std::uint32_t at, unsigned char symbol,
    const std::vector<std::tuple<std::uint32_t, unsigned char, std::uint32_t>>& rare) {
  const unsigned cls = kClass[symbol];
  const std::uint64_t set = n.lo | std::uint64_t{n.hi} << 32U;
  const std::uint64_t bit = std::uint64_t{1} << cls;
  if ((set & bit) == 0) return 0;
  if (cls == kRare) {
    const auto it =
        std::lower_bound(rare.begin(), rare.end(), std::make_tuple(at, symbol, std::uint32_t{0}));
    return it != rare.end() && std::get<0>(*it) == at && std::get<1>(*it) == symbol
               ? std::get<2>(*it)
               : 0;
  }
  return n.first + Popcount(set & (bit - 1));
}

template <class PackedNode>
void AddSymbol(PackedNode& n, unsigned char c) {
  const std::uint64_t set = (n.lo | std::uint64_t{n.hi} << 32U) | std::uint64_t{1} << kClass[c];
  n.lo = static_cast<std::uint32_t>(set);
  n.hi = static_cast<std::uint32_t>(set >> 32U);
}

}  // namespace

void WordPrefilter::Build(std::vector<std::string> all) {
  if (all.empty()) {
    always_ = true;  // no patterns: let the caller decide
    return;
  }
  // Sorted, a string's prefixes come before it: keep only strings with no
  // shorter kept string as a prefix, then build the trie breadth-first
  // from the sorted list (children of a node contiguous, in the order of
  // ChildRank, as the packed nodes need).
  SortUnique(all);
  std::vector<std::string> kept;
  for (std::string& s : all) {
    if (!kept.empty() && s.compare(0, kept.back().size(), kept.back()) == 0) continue;
    kept.push_back(std::move(s));
  }
  // Node = a range [lo, hi) of `kept` sharing a prefix of length `depth`.
  struct Pending {
    std::size_t lo, hi, depth;
  };
  std::vector<Pending> queue{{0, kept.size(), 0}};
  struct Group {
    std::size_t lo, hi;
    unsigned char c;
  };
  std::vector<Group> groups;
  nodes_.push_back(Node{});
  for (std::size_t n = 0; n < queue.size(); ++n) {
    const Pending at = queue[n];
    if (kept[at.lo].size() == at.depth) {
      nodes_[n].first = kTerminal;  // (then it is the only string in the range)
      continue;
    }
    // The children's ranges, in symbol order; laid out in ChildRank order
    // (the same but for symbols without a class, which no shipped string has).
    groups.clear();
    bool ranked = false;
    for (std::size_t i = at.lo; i < at.hi;) {
      const auto c = static_cast<unsigned char>(kept[i][at.depth]);
      std::size_t j = i;
      while (j < at.hi && static_cast<unsigned char>(kept[j][at.depth]) == c) ++j;
      groups.push_back({i, j, c});
      ranked = ranked || ChildRank(c) != 0;
      i = j;
    }
    if (ranked) {
      std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return ChildRank(a.c) < ChildRank(b.c);
      });
    }
    Node node;
    node.first = static_cast<std::uint32_t>(queue.size());
    for (const Group& g : groups) {
      const int rank = ChildRank(g.c);
      if (rank < 2) AddSymbol(node, g.c);
      if (rank == 1) {
        rare_.emplace_back(static_cast<std::uint32_t>(n), g.c,
                           static_cast<std::uint32_t>(queue.size()));
      }
      queue.push_back({g.lo, g.hi, at.depth + 1});
      nodes_.push_back(Node{});
    }
    nodes_[n] = node;
  }
  // Text bytes that can begin a walk: the folded symbols of the root's edges.
  for (int b = 0; b < 256; ++b) {
    const auto u = static_cast<unsigned char>(b);
    unsigned char sym = u < 0x80 ? static_cast<unsigned char>(Fold(u)) : 0;
    if (u == 0xE2) sym = 'k';
    if (u == 0xC5) sym = 's';
    starts_[b] = sym != 0 && PackedChild(nodes_[0], 0, sym, rare_) != 0;
  }
  // Built by push_back: up to twice the memory needed, held as long as the
  // rule (one per rule with leading strings).
  nodes_.shrink_to_fit();
  rare_.shrink_to_fit();
}

namespace {

// The byte a trie of leading strings walks on at t[q], as RE2's case
// folding sees it: ASCII folded, a run of spaces as one ' ', and the only
// two non-ASCII characters RE2 folds to ASCII letters. Advances q; false
// for any other non-ASCII character (no leading string goes on there).
[[gnu::always_inline]] inline bool NextFolded(const unsigned char* t, std::size_t& q,
                                              std::size_t end, unsigned char& c) {
  c = t[q];
  if (c >= 0x80) {
    if (c == 0xE2 && q + 2 < end && t[q + 1] == 0x84 && t[q + 2] == 0xAA) {
      c = 'k';  // U+212A KELVIN SIGN
      q += 3;
    } else if (c == 0xC5 && q + 1 < end && t[q + 1] == 0xBF) {
      c = 's';  // U+017F LATIN SMALL LETTER LONG S
      q += 2;
    } else {
      return false;
    }
  } else if (IsSpace(c)) {
    while (q < end && IsSpace(t[q])) ++q;
    c = ' ';
  } else {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    ++q;
  }
  return true;
}

}  // namespace

bool WordPrefilter::LeadsAt(const unsigned char* t, std::size_t p, std::size_t end) const {
  const Node* nodes = nodes_.data();
  std::uint32_t node = 0;
  std::size_t q = p;
  while (q < end) {
    unsigned char c = 0;
    if (!NextFolded(t, q, end, c)) return false;
    node = PackedChild(nodes[node], node, c, rare_);
    if (node == 0) return false;
    if (nodes[node].first == kTerminal) return true;
  }
  return false;
}

std::size_t WordPrefilter::Find(std::string_view text, std::size_t from, std::size_t end,
                                bool boundaries) const {
  end = std::min(end, text.size());
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t p = from; p < end; ++p) {
    if (boundaries && (p == 0 ? false : kWordByte[t[p - 1]]) == kWordByte[t[p]]) continue;
    if (always_ || (starts_[t[p]] && LeadsAt(t, p, end))) return p;
  }
  return std::string_view::npos;
}

LeadingIndex::LeadingIndex(const std::vector<std::vector<std::string>>& leading) {
  // Build with a map per node, then lay the nodes out breadth-first with
  // each node's children contiguous in the order of ChildRank (the packed
  // nodes).
  std::vector<std::map<unsigned char, std::uint32_t>> children(1);
  std::vector<std::vector<int>> ids(1);
  for (std::size_t i = 0; i < leading.size(); ++i) {
    for (const std::string& s : leading[i]) {
      if (s.empty()) continue;
      std::uint32_t node = 0;
      for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        auto it = children[node].find(c);
        if (it == children[node].end()) {
          const auto next = static_cast<std::uint32_t>(children.size());
          children[node].emplace(c, next);
          children.emplace_back();
          ids.emplace_back();
          node = next;
        } else {
          node = it->second;
        }
      }
      if (ids[node].empty() || ids[node].back() != static_cast<int>(i)) {
        ids[node].push_back(static_cast<int>(i));
      }
    }
  }
  // Symbols from 128 on are never walked (NextFolded): their subtrees are
  // left out. ids_ holds, for each node with patterns, their count and then
  // the patterns; ids_[0] is a placeholder (Node::ids 0: none).
  ids_.push_back(0);
  std::vector<std::uint32_t> order{0};  // breadth-first: new index -> map node
  nodes_.reserve(children.size());
  for (std::size_t n = 0; n < order.size(); ++n) {
    const std::uint32_t old = order[n];
    Node node;
    node.first = static_cast<std::uint32_t>(order.size());
    for (int rank = 0; rank < 2; ++rank) {
      for (const auto& [c, child] : children[old]) {
        if (ChildRank(c) != rank) continue;
        AddSymbol(node, c);
        if (rank == 1) {
          rare_.emplace_back(static_cast<std::uint32_t>(n), c,
                             static_cast<std::uint32_t>(order.size()));
        }
        order.push_back(child);
      }
    }
    if (!ids[old].empty()) {
      node.ids = static_cast<std::uint32_t>(ids_.size());
      ids_.push_back(static_cast<int>(ids[old].size()));
      ids_.insert(ids_.end(), ids[old].begin(), ids[old].end());
    }
    nodes_.push_back(node);
  }
  for (int b = 0; b < 256; ++b) {
    const auto u = static_cast<unsigned char>(b);
    unsigned char sym = u < 0x80 ? static_cast<unsigned char>(Fold(u)) : 0;
    if (u == 0xE2) sym = 'k';
    if (u == 0xC5) sym = 's';
    starts_[b] = sym != 0 && PackedChild(nodes_[0], 0, sym, rare_) != 0;
  }
  nodes_.shrink_to_fit();
  ids_.shrink_to_fit();
  rare_.shrink_to_fit();
}

template <typename Skip, typename Emit>
void LeadingIndex::Walk(const unsigned char* t, std::size_t from, std::size_t end, Skip skip,
                        Emit emit) const {
  const Node* nodes = nodes_.data();
  for (std::size_t p = from; p < end; ++p) {
    if (!starts_[t[p]] || skip(p)) continue;
    std::uint32_t node = 0;
    std::size_t q = p;
    while (q < end) {
      unsigned char c = 0;
      if (!NextFolded(t, q, end, c)) break;
      node = PackedChild(nodes[node], node, c, rare_);
      if (node == 0) break;
      const Node& n = nodes[node];
      if (n.ids != 0) {
        const int* at = ids_.data() + n.ids;
        emit(p, at + 1, at + 1 + *at);
      }
      if ((n.lo | n.hi) == 0) break;
    }
  }
}

void LeadingIndex::Find(std::string_view text, std::size_t from, std::size_t end,
                        std::vector<int>& out) const {
  end = std::min(end, text.size());
  if (nodes_.size() <= 1) return;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  Walk(
      t, from, end,
      [&](std::size_t p) { return p > from && p > 0 && kWordByte[t[p - 1]] == kWordByte[t[p]]; },
      [&](std::size_t, const int* b, const int* e) { out.insert(out.end(), b, e); });
}

void LeadingIndex::FindPositions(std::string_view text, std::size_t from, std::size_t end,
                                 bool boundaries,
                                 std::vector<std::pair<std::size_t, int>>& out) const {
  end = std::min(end, text.size());
  if (nodes_.size() <= 1) return;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  Walk(
      t, from, end,
      [&](std::size_t p) {
        return boundaries && (p == 0 ? false : kWordByte[t[p - 1]]) == kWordByte[t[p]];
      },
      [&](std::size_t p, const int* b, const int* e) {
        for (; b != e; ++b) out.emplace_back(p, *b);
      });
}

std::size_t CharClassEnd(std::string_view pattern, std::size_t open) {
  std::size_t j = open + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  if (j < pattern.size() && pattern[j] == ']') ++j;
  for (; j < pattern.size() && pattern[j] != ']'; ++j) {
    if (pattern[j] == '\\') {
      ++j;
    } else if (pattern[j] == '[' && j + 1 < pattern.size() && pattern[j + 1] == ':') {
      const std::size_t e = pattern.find(":]", j + 2);
      if (e != std::string_view::npos) j = e + 1;
    }
  }
  return std::min(j, pattern.size());
}

namespace {

// FirstBytes: a recursive reading of the pattern; `ok` false at anything it
// does not know.
class FirstReader {
 public:
  struct Set {
    std::array<std::uint64_t, 4> bits{};
    bool nullable = true;
    void Add(unsigned c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63U); }
    void AddRange(unsigned lo, unsigned hi) {
      for (unsigned c = lo; c <= hi; ++c) Add(c);
    }
    void AddAll() { bits.fill(~std::uint64_t{0}); }
    void Union(const Set& o) {
      for (std::size_t k = 0; k < bits.size(); ++k) bits[k] |= o.bits[k];
    }
  };

  explicit FirstReader(std::string_view p) : p_(p) {}

  std::optional<std::array<std::uint64_t, 4>> Read() {
    Set s = Alt();
    if (!ok_ || i_ != p_.size() || s.nullable) return std::nullopt;
    // Letters in either case, and RE2's non-ASCII folds of k and s.
    bool letter = false;
    for (unsigned c = 'a'; c <= 'z'; ++c) {
      const unsigned u = c - 'a' + 'A';
      const bool has = Has(s, c) || Has(s, u);
      if (has) {
        s.Add(c);
        s.Add(u);
        letter = true;
      }
    }
    if (letter) {
      s.Add(0xC5);  // LONG S, U+017F
      s.Add(0xE2);  // KELVIN SIGN, U+212A
    }
    return s.bits;
  }

 private:
  static bool Has(const Set& s, unsigned c) { return (s.bits[c >> 6] >> (c & 63U) & 1U) != 0; }
  bool More() const { return ok_ && i_ < p_.size(); }
  unsigned char At(std::size_t k) const { return static_cast<unsigned char>(p_[k]); }

  Set Alt() {
    Set out = Seq();
    while (More() && p_[i_] == '|') {
      ++i_;
      const Set s = Seq();
      out.Union(s);
      out.nullable = out.nullable || s.nullable;
    }
    return out;
  }

  Set Seq() {
    Set out;
    while (More() && p_[i_] != '|' && p_[i_] != ')') {
      Set a = Atom();
      Quantifiers(a);
      if (out.nullable) out.Union(a);
      out.nullable = out.nullable && a.nullable;
    }
    return out;
  }

  // A Perl class or escape after '\' at p_[i_]; advances past it.
  void Escape(Set& s) {
    if (i_ >= p_.size()) {
      ok_ = false;
      return;
    }
    const unsigned char c = At(i_++);
    switch (c) {
      case 'd':
        s.AddRange('0', '9');
        return;
      case 'w':
        s.AddRange('0', '9');
        s.AddRange('A', 'Z');
        s.AddRange('a', 'z');
        s.Add('_');
        return;
      case 's':
        s.Add('\t');
        s.Add('\n');
        s.Add('\f');
        s.Add('\r');
        s.Add(' ');
        return;
      default:
        break;
    }
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      s.Add(c);  // escaped punctuation: itself
      return;
    }
    s.AddAll();  // \W, \D, \S, \p, \x, \n, ...: not read, any byte
  }

  Set Atom() {
    Set s;
    s.nullable = false;
    const unsigned char c = At(i_);
    if (c == '(') {
      ++i_;
      if (i_ < p_.size() && p_[i_] == '?') {
        ++i_;
        if (i_ < p_.size() && (p_[i_] == 'P' || p_[i_] == '<')) {
          const std::size_t close = p_.find('>', i_);
          if (close == std::string_view::npos) {
            ok_ = false;
            return s;
          }
          i_ = close + 1;
        } else {
          while (i_ < p_.size() &&
                 std::string_view("imsU-").find(p_[i_]) != std::string_view::npos) {
            ++i_;
          }
          if (i_ < p_.size() && p_[i_] == ')') {  // flags only: matches nothing
            ++i_;
            s.nullable = true;
            return s;
          }
          if (i_ >= p_.size() || p_[i_] != ':') {
            ok_ = false;
            return s;
          }
          ++i_;
        }
      }
      s = Alt();
      if (!More() || p_[i_] != ')') {
        ok_ = false;
        return s;
      }
      ++i_;
      return s;
    }
    if (c == '[') {
      const std::size_t close = CharClassEnd(p_, i_);
      if (close >= p_.size()) {
        ok_ = false;
        return s;
      }
      Class(i_ + 1, close, s);
      i_ = close + 1;
      return s;
    }
    if (c == '\\') {
      ++i_;
      if (i_ < p_.size() && std::string_view("bBAz").find(p_[i_]) != std::string_view::npos) {
        ++i_;
        s.nullable = true;  // an assertion: no byte
        return s;
      }
      Escape(s);
      return s;
    }
    if (c == '^' || c == '$') {
      ++i_;
      s.nullable = true;
      return s;
    }
    if (c == '.' || c == '*' || c == '+' || c == '?') {
      ++i_;
      if (c != '.') ok_ = false;
      s.AddAll();
      return s;
    }
    ++i_;
    if (c >= 0x80) {  // a non-ASCII character: its lead byte, and skip the rest
      s.AddRange(0x80, 0xFF);
      while (i_ < p_.size() && (At(i_) & 0xC0) == 0x80) ++i_;
      return s;
    }
    s.Add(c);
    return s;
  }

  // The class body p_[b, e) (without the brackets).
  void Class(std::size_t b, std::size_t e, Set& s) {
    if (b < e && p_[b] == '^') {
      s.AddAll();
      return;
    }
    std::size_t k = b;
    while (k < e && ok_) {
      const unsigned char c = At(k);
      if (c == '[' && k + 1 < e && p_[k + 1] == ':') {
        s.AddAll();
        return;
      }
      unsigned lo = 0;
      if (c == '\\') {
        if (k + 1 >= e) {
          ok_ = false;
          return;
        }
        const unsigned char x = At(k + 1);
        if (x >= 0x80 || (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') ||
            (x >= '0' && x <= '9')) {
          const std::size_t save = i_;
          i_ = k + 1;
          Escape(s);  // \w, \d, \s, or any byte
          i_ = save;
          k += 2;
          continue;
        }
        lo = x;
        k += 2;
      } else if (c >= 0x80) {
        s.AddRange(0x80, 0xFF);
        ++k;
        while (k < e && (At(k) & 0xC0) == 0x80) ++k;
        if (k + 1 < e && p_[k] == '-') {  // a range from a non-ASCII character
          s.AddAll();
          return;
        }
        continue;
      } else {
        lo = c;
        ++k;
      }
      if (k + 1 < e && p_[k] == '-') {  // a range lo-hi
        unsigned hi = At(k + 1);
        if (hi == '\\' && k + 2 < e) {
          hi = At(k + 2);
          if ((hi >= 'a' && hi <= 'z') || (hi >= 'A' && hi <= 'Z') || (hi >= '0' && hi <= '9')) {
            s.AddAll();
            return;
          }
          k += 3;
        } else {
          k += 2;
        }
        if (hi >= 0x80) {
          s.AddAll();
          return;
        }
        if (hi < lo) {
          ok_ = false;
          return;
        }
        s.AddRange(lo, hi);
        continue;
      }
      s.Add(lo);
    }
  }

  // *, +, ?, {n}, {n,}, {n,m} after an atom, each maybe followed by '?'.
  void Quantifiers(Set& a) {
    while (More()) {
      const char c = p_[i_];
      if (c == '*' || c == '?') {
        a.nullable = true;
        ++i_;
      } else if (c == '+') {
        ++i_;
      } else if (c == '{') {
        std::size_t k = i_ + 1;
        std::size_t digits = 0;
        unsigned min = 0;
        while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') {
          min = min * 10 + static_cast<unsigned>(p_[k] - '0');
          ++k;
          ++digits;
        }
        if (digits == 0 || digits > 4) return;  // a literal '{'
        if (k < p_.size() && p_[k] == ',') {
          ++k;
          while (k < p_.size() && p_[k] >= '0' && p_[k] <= '9') ++k;
        }
        if (k >= p_.size() || p_[k] != '}') return;  // a literal '{'
        i_ = k + 1;
        if (min == 0) a.nullable = true;
      } else {
        return;
      }
      if (More() && p_[i_] == '?') ++i_;  // non-greedy
    }
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

}  // namespace

std::optional<std::array<std::uint64_t, 4>> FirstBytes(std::string_view pattern) {
  return FirstReader(pattern).Read();
}

namespace {

// The bytes StartWindow counts runs of: RE2's \s and \v.
constexpr std::ptrdiff_t kMinWindowLead = 3;  // bytes other than spaces
constexpr bool IsWindowSpace(unsigned char c) { return IsSpace(c) || c == '\v'; }

// DeriveStartWindow: a recursive reading of the pattern that bounds, for
// each part, the maximal runs of window spaces in any text it matches, and
// lists the top-level parts. Conservative: a construct it does not know, or
// one that may match many characters of which some may be spaces, gives an
// unbounded count (kInf).
class WindowReader {
 public:
  static constexpr int kInf = 1 << 20;
  struct Runs {
    int n = 0;          // at most this many runs (kInf: unbounded or unknown)
    bool space = true;  // every text it matches is window spaces only
  };
  struct Part {
    std::size_t begin = 0, end = 0;  // its text in the pattern
    Runs runs;
    // A group with an alternation and no quantifier: each alternative's
    // parts (the sequence through it is one of the sequences through them).
    std::vector<std::vector<Part>> alts;
    bool wrap = false;  // the whole pattern's alternation: its text needs (?:...)
  };

  explicit WindowReader(std::string_view p) : p_(p) {}

  // The top-level parts in order (a top-level alternation is one part
  // with its alternatives), or nullopt (an unreadable pattern).
  std::optional<std::vector<Part>> Read() {
    std::vector<std::vector<Part>> alts;
    const Runs r = Alternation(&alts);
    if (bad_ || i_ != p_.size()) return std::nullopt;
    if (alts.size() == 1) return std::move(alts[0]);
    Part whole{0, p_.size(), r, std::move(alts), true};
    return std::vector<Part>{std::move(whole)};
  }

 private:
  bool More() const { return i_ < p_.size(); }
  unsigned char Peek(std::size_t ahead = 0) const {
    return i_ + ahead < p_.size() ? static_cast<unsigned char>(p_[i_ + ahead]) : 0;
  }
  static Runs Cat(Runs a, Runs b) { return {std::min(kInf, a.n + b.n), a.space && b.space}; }
  static Runs Char(bool may_space, bool only_space) {
    return may_space ? Runs{1, only_space} : Runs{0, false};
  }

  // `alts`: when not null, the parts of each alternative are listed there.
  Runs Alternation(std::vector<std::vector<Part>>* alts) {
    Runs out = Sequence(alts ? &alts->emplace_back() : nullptr);
    while (!bad_ && More() && Peek() == '|') {
      ++i_;
      const Runs next = Sequence(alts ? &alts->emplace_back() : nullptr);
      out = {std::max(out.n, next.n), out.space && next.space};
    }
    return out;
  }

  Runs Sequence(std::vector<Part>* parts) {
    Runs out;
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      const std::size_t begin = i_;
      std::vector<std::vector<Part>> inner;
      Runs atom = Atom(parts ? &inner : nullptr);
      const std::size_t before = i_;
      Quantifier(atom);
      if (parts) {
        if (inner.size() == 1 && i_ == before) {  // a plain group: opened up
          parts->insert(parts->end(), inner[0].begin(), inner[0].end());
        } else if (inner.size() > 1 && i_ == before) {
          parts->push_back(Part{begin, i_, atom, std::move(inner)});
        } else {
          parts->push_back(Part{begin, i_, atom, {}});
        }
      }
      out = Cat(out, atom);
    }
    return out;
  }

  void Quantifier(Runs& atom) {
    RepeatOp r;
    if (!ReadRepeat(p_, i_, r)) return;
    const std::size_t max = r.max;
    const bool bounded = r.bounded;
    if (bounded && max == 0) {
      atom = Runs{};
      return;
    }
    if (atom.n == 0) return;
    if (atom.space) {  // spaces only: any repetition is one run
      atom.n = 1;
      return;
    }
    atom.n =
        bounded
            ? static_cast<int>(std::min<std::size_t>(kInf, static_cast<std::size_t>(atom.n) * max))
            : kInf;
  }

  // `inner`: a group's alternatives (their parts), when not null.
  Runs Atom(std::vector<std::vector<Part>>* inner) {
    const unsigned char c = Peek();
    if (c == '(') return Group(inner);
    if (c == '[') return Class();
    if (c == '\\') return Escape();
    if (c >= 0x80) {  // a UTF-8 sequence: one character, never a window space
      ++i_;
      while (More() && (Peek() & 0xC0) == 0x80) ++i_;
      return Runs{0, false};
    }
    ++i_;
    if (c == '.') return Char(true, false);
    if (c == '^' || c == '$') return Runs{};
    if (c == '*' || c == '+' || c == '?') {
      bad_ = true;
      return Runs{kInf, false};
    }
    return Char(IsWindowSpace(c), IsWindowSpace(c));
  }

  Runs Group(std::vector<std::vector<Part>>* inner) {
    ++i_;  // '('
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' && Peek(1) == '<') ++i_;
      if (Peek() == '<') {
        const std::size_t e = p_.find('>', i_);
        if (e == std::string_view::npos) {
          bad_ = true;
          return Runs{kInf, false};
        }
        i_ = e + 1;
      } else {
        while (More() && std::string_view("imsU-").find(static_cast<char>(Peek())) !=
                             std::string_view::npos) {
          ++i_;
        }
        if (Peek() == ')') {  // (?i): zero width
          ++i_;
          return Runs{};
        }
        if (Peek() != ':') {
          bad_ = true;
          return Runs{kInf, false};
        }
        ++i_;
      }
    }
    const Runs r = Alternation(inner);
    if (Peek() != ')') {
      bad_ = true;
      return Runs{kInf, false};
    }
    ++i_;
    return r;
  }

  // The byte an escape stands for (after the backslash and `e`), or -1.
  int EscapedByte(unsigned char e) {
    switch (e) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'v':
        return '\v';
      case 'f':
        return '\f';
      case 'r':
        return '\r';
      case 'a':
        return '\a';
      case 'x': {
        std::string hex;
        if (Peek() == '{') {
          const std::size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) return -1;
          hex = std::string(p_.substr(i_ + 1, close - i_ - 1));
          i_ = close + 1;
        } else {
          hex = std::string(p_.substr(i_, 2));
          i_ += hex.size();
        }
        if (hex.empty() || hex.size() > 6) return -1;
        char* stop = nullptr;
        const long v = std::strtol(hex.c_str(), &stop, 16);
        if (*stop != '\0') return -1;
        return v < 0x80 ? static_cast<int>(v) : 0x80;  // 0x80: some non-ASCII character
      }
      default:
        break;
    }
    if (e >= '0' && e <= '7') {  // octal
      int v = e - '0';
      for (int n = 0; n < 2 && Peek() >= '0' && Peek() <= '7'; ++n) v = v * 8 + (p_[i_++] - '0');
      return v < 0x80 ? v : 0x80;
    }
    if (e < 0x80 && !IsWord(e)) return e;  // escaped punctuation (or space)
    return -1;
  }

  void SkipProperty() { i_ = AfterPropertyName(p_, i_); }

  Runs Escape() {
    ++i_;  // '\'
    if (!More()) {
      bad_ = true;
      return Runs{kInf, false};
    }
    const unsigned char e = Peek();
    ++i_;
    switch (e) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return Runs{};
      case 's':
        return Char(true, true);
      case 'S':
      case 'w':
      case 'd':
        return Char(false, false);
      case 'p':
      case 'P':
        SkipProperty();
        return Char(true, false);
      case 'Q':  // \Q...\E: many characters; not read
        bad_ = true;
        return Runs{kInf, false};
      default:
        break;
    }
    const int b = EscapedByte(e);
    if (b < 0) return Char(true, false);  // one character of some kind
    return Char(IsWindowSpace(static_cast<unsigned char>(b)),
                IsWindowSpace(static_cast<unsigned char>(b)));
  }

  // One character: whether it may be a window space, and whether it must.
  Runs Class() {
    const std::size_t close = CharClassEnd(p_, i_);
    if (close >= p_.size()) {
      bad_ = true;
      return Runs{kInf, false};
    }
    ++i_;  // '['
    bool may = false, only = true, negated = false;
    if (Peek() == '^') {
      negated = true;
      ++i_;
    }
    while (i_ < close) {
      const unsigned char c = Peek();
      if (c == '[' && Peek(1) == ':') {  // [:space:], [:^alpha:], ...: maybe
        const std::size_t e = p_.find(":]", i_ + 2);
        i_ = e == std::string_view::npos ? close : e + 2;
        may = true;
        only = false;
        continue;
      }
      if (c >= 0x80) {
        ++i_;
        while (i_ < close && (Peek() & 0xC0) == 0x80) ++i_;
        only = false;
        continue;
      }
      int lo = c;
      ++i_;
      if (c == '\\') {
        const unsigned char e = Peek();
        ++i_;
        if (e == 's') {
          may = true;
          continue;
        }
        if (e == 'S' || e == 'w' || e == 'd') {
          only = false;
          continue;
        }
        if (e == 'W' || e == 'D' || e == 'p' || e == 'P') {
          if (e == 'p' || e == 'P') SkipProperty();
          may = true;
          only = false;
          continue;
        }
        lo = EscapedByte(e);
        if (lo < 0) {
          may = true;
          only = false;
          continue;
        }
      }
      int hi = lo;
      if (Peek() == '-' && i_ + 1 < close) {
        ++i_;
        const unsigned char h = Peek();
        ++i_;
        if (h == '\\') {
          const unsigned char e = Peek();
          ++i_;
          hi = EscapedByte(e);
        } else if (h >= 0x80) {
          while (i_ < close && (Peek() & 0xC0) == 0x80) ++i_;
          hi = 0x10FFFF;
        } else {
          hi = h;
        }
        if (hi < 0) hi = 0x10FFFF;
      }
      for (int b = std::max(lo, 0); b <= std::min(hi, 0x7F); ++b) {
        if (IsWindowSpace(static_cast<unsigned char>(b))) {
          may = true;
        } else {
          only = false;
        }
      }
      if (hi > 0x7F) only = false;
    }
    i_ = close + 1;
    if (negated) return Char(true, false);
    return Char(may, may && only);
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool bad_ = false;
};

}  // namespace

namespace {

// DeriveStartWindow over a list of parts: the first split whose rest has
// strong leading strings; where the rest opens with an alternation whose
// own rest has none, each alternative's window (at most `depth` more such
// expansions), merged: the union of their strings with the largest count,
// which holds for all of them (a later first string or a smaller count only
// moves the start to the right).
std::optional<StartWindow> WindowOf(std::string_view pattern,
                                    const std::vector<WindowReader::Part>& parts, int depth) {
  const auto weak = [](const std::string& l) {
    return std::count_if(l.begin(), l.end(), [](char c) { return c != ' '; }) < kMinWindowLead;
  };
  // The splits in order, as far as the count allows: the rest as a whole
  // first; only where no split gives strong strings, the alternations.
  for (const bool expand : {false, true}) {
    if (expand && depth == 0) break;
    int runs = 0;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) {
        runs += parts[k - 1].runs.n;
        if (runs > kMaxWindowRuns) break;
      }
      if (!expand) {
        // After a part of no width the rest reads as the last split's.
        if (k > 0 && parts[k - 1].runs.n == 0 && parts[k - 1].runs.space) continue;
        std::string rest;
        for (std::size_t j = k; j < parts.size(); ++j) {
          const WindowReader::Part& part = parts[j];
          if (part.wrap) rest += "(?:";
          rest.append(pattern.substr(part.begin, part.end - part.begin));
          if (part.wrap) rest += ")";
        }
        // Strings of one or two letters (or a lone space) occur everywhere:
        // a later split, if any, is worth its wider window.
        auto lead = LeadingStrings(rest);
        if (lead && std::none_of(lead->begin(), lead->end(), weak)) {
          return StartWindow{std::move(*lead), runs};
        }
        continue;
      }
      if (parts[k].alts.empty()) continue;
      StartWindow merged;
      bool all = true;
      for (const std::vector<WindowReader::Part>& alt : parts[k].alts) {
        std::vector<WindowReader::Part> one(parts.begin(),
                                            parts.begin() + static_cast<std::ptrdiff_t>(k));
        one.insert(one.end(), alt.begin(), alt.end());
        one.insert(one.end(), parts.begin() + static_cast<std::ptrdiff_t>(k) + 1, parts.end());
        auto w = WindowOf(pattern, one, depth - 1);
        if (!w) {
          all = false;
          break;
        }
        merged.runs = std::max(merged.runs, w->runs);
        merged.leading.insert(merged.leading.end(), w->leading.begin(), w->leading.end());
      }
      if (all) {
        SortUnique(merged.leading);
        return merged;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<StartWindow> DeriveStartWindow(std::string_view pattern) {
  const auto parts = WindowReader(pattern).Read();
  if (!parts) return std::nullopt;
  return WindowOf(pattern, *parts, 2);
}

std::size_t StartWindowBegin(std::string_view text, std::size_t from, std::size_t at, int runs) {
  at = std::min(at, text.size());
  int seen = 0;
  for (std::size_t i = at; i > from; --i) {
    const auto c = static_cast<unsigned char>(text[i - 1]);
    if (!IsWindowSpace(c)) continue;
    if (i == at || !IsWindowSpace(static_cast<unsigned char>(text[i]))) {
      if (++seen > runs) return i;
    }
  }
  return from;
}

namespace {

// DeriveTriggerNeed's reader: a recursive descent over RE2 syntax that
// keeps, per part, the trigger bodies one of which every match of the part
// holds (nullopt: none known), and, along the way, what is known at each
// position of a match about the byte before it (docs/scale.md, "session
// 28, h-speed40"): true ("at a boundary") when RE2's \b was asserted there,
// the byte before is not an ASCII word byte, or the position is where the
// match began, which the caller knows to be at a \b; false when nothing is
// known. Each body records the value at its start.
class NeedParser {
 public:
  struct Body {
    std::string text;
    bool at_boundary = false;
  };
  using Need = std::optional<std::vector<Body>>;
  explicit NeedParser(std::string_view p) : p_(p) {}

  Need Run() {
    // A leading "(?i)"-style group sets flags for the whole pattern; the
    // caller puts it before the check as well.
    if (p_.substr(0, 2) == "(?") {
      const std::size_t e = p_.find(')');
      if (e != std::string_view::npos &&
          p_.substr(2, e - 2).find_first_not_of("imsU-") == std::string_view::npos) {
        i_ = e + 1;
      }
    }
    bool at = true;  // the match's start
    Need n = Alternation(at);
    if (bad_ || i_ != p_.size()) return std::nullopt;
    return n;
  }

 private:
  [[nodiscard]] bool More() const { return i_ < p_.size(); }
  [[nodiscard]] char Peek() const { return i_ < p_.size() ? p_[i_] : '\0'; }

  // Every alternative must hold a trigger for the whole to. `at`: the value
  // before the alternation, then after it (the weakest of the
  // alternatives').
  Need Alternation(bool& at) {
    const bool in = at;
    Need all = Sequence(at);
    bool known = all.has_value();
    while (!bad_ && Peek() == '|') {
      ++i_;
      bool alt = in;
      Need n = Sequence(alt);
      at = at && alt;
      if (known && n) {
        all->insert(all->end(), n->begin(), n->end());
      } else {
        known = false;
      }
    }
    if (!known) return std::nullopt;
    return all;
  }

  // The first mandatory item that holds a trigger.
  Need Sequence(bool& at) {
    Need first;
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      Need n = Item(at);
      if (!first && n) first = std::move(n);
    }
    return first;
  }

  // The quantifier at i_, if any: advances past it and gives its minimum
  // and whether it allows more than one (nullopt: none there; a '{' that
  // is not one is a literal, as in RE2).
  std::optional<std::pair<int, bool>> Quantifier() {
    const char q = Peek();
    int min = 0;
    bool many = true;
    if (q == '?' || q == '*') {
      many = q == '*';
      ++i_;
    } else if (q == '+') {
      min = 1;
      ++i_;
    } else if (q == '{') {
      std::size_t j = i_ + 1;
      int count = 0, max = 0;
      bool digits = false, comma = false, max_digits = false;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
        count = std::min(count * 10 + (p_[j] - '0'), 1000);
        digits = true;
        ++j;
      }
      if (digits && j < p_.size() && p_[j] == ',') {
        comma = true;
        ++j;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9') {
          max = std::min(max * 10 + (p_[j] - '0'), 1000);
          max_digits = true;
          ++j;
        }
      }
      if (!digits || j >= p_.size() || p_[j] != '}') return std::nullopt;
      min = count;
      many = comma ? (!max_digits || max > 1) : count > 1;
      i_ = j + 1;
    } else {
      return std::nullopt;
    }
    if (Peek() == '?') ++i_;  // non-greedy: the same matches' texts
    return std::make_pair(min, many);
  }

  // An atom and its quantifiers: one that may repeat zero times holds
  // nothing. A repeated atom is read again from the value after one pass
  // when that is weaker (a later pass starts there); each item's effect on
  // the value is constant or none, so two passes are all there are.
  Need Item(bool& at) {
    const bool in = at;
    const std::size_t start = i_;
    Need n = Atom(at);
    const std::size_t after_atom = i_;
    bool optional = false, many = false;
    while (!bad_) {
      const auto q = Quantifier();
      if (!q) break;
      optional = optional || q->first == 0;
      many = many || q->second;
    }
    if (bad_) return std::nullopt;
    if (many && in && !at) {
      const std::size_t after = i_;
      i_ = start;
      at = false;
      n = Atom(at);
      if (i_ != after_atom) bad_ = true;
      i_ = after;
    }
    if (optional) {
      at = at && in;
      n.reset();
    }
    return n;
  }

  // Whether the class at i_ ('[') matches only characters that are not
  // ASCII word characters (and none RE2 may fold to one); i_ is left after
  // it.
  bool NonWordClass() {
    const std::size_t close = CharClassEnd(p_, i_);
    if (close >= p_.size()) {
      bad_ = true;
      return false;
    }
    const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    if (!body.empty() && body[0] == '^') return false;
    for (std::size_t j = 0; j < body.size(); ++j) {
      const auto c = static_cast<unsigned char>(body[j]);
      if (j + 1 < body.size() && body[j + 1] == '-' && j + 2 < body.size()) {
        // A range: both ends plain ASCII bytes, no word byte between them.
        const auto hi = static_cast<unsigned char>(body[j + 2]);
        if (c == '\\' || hi == '\\' || c >= 0x80 || hi >= 0x80 || hi < c) return false;
        for (unsigned b = c; b <= hi; ++b) {
          if (IsWord(static_cast<unsigned char>(b))) return false;
        }
        j += 2;
        continue;
      }
      if (c == '\\') {
        if (j + 1 >= body.size()) return false;
        const auto e = static_cast<unsigned char>(body[j + 1]);
        // \s and the control escapes; an escaped punctuation byte.
        if (std::string_view("stnrfv").find(static_cast<char>(e)) == std::string_view::npos &&
            (IsWord(e) || e >= 0x80)) {
          return false;
        }
        ++j;
        continue;
      }
      if (c == '[') {
        if (j + 1 < body.size() && body[j + 1] == ':') {
          const std::size_t e = body.find(":]", j + 2);
          if (e == std::string_view::npos) return false;
          const std::string_view name = body.substr(j + 2, e - j - 2);
          if (name != "space" && name != "punct" && name != "blank" && name != "cntrl") {
            return false;
          }
          j = e + 1;
          continue;
        }
        continue;  // a literal '['
      }
      if (IsWord(c)) return false;
      // Other ASCII bytes are not word bytes; a non-ASCII character is not
      // one for \b (the pattern's KELVIN SIGN and LONG S are refused by the
      // caller).
    }
    return true;
  }

  Need Atom(bool& at) {
    const auto c = static_cast<unsigned char>(Peek());
    if (c == '\\') {
      if (i_ + 1 >= p_.size()) {
        bad_ = true;
        return std::nullopt;
      }
      const char n = p_[i_ + 1];
      if (n == 'Q') {  // \Q...\E: not read
        bad_ = true;
        return std::nullopt;
      }
      i_ += 2;
      if ((n == 'p' || n == 'P' || n == 'x') && Peek() == '{') {
        const std::size_t e = p_.find('}', i_);
        if (e == std::string_view::npos) {
          bad_ = true;
          return std::nullopt;
        }
        i_ = e + 1;
      } else if (n == 'p' || n == 'P') {
        ++i_;  // \pL
      } else if (n == 'x') {
        i_ += 2;  // \xHH
      }
      if (i_ > p_.size()) bad_ = true;
      if (n == 'b') {
        at = true;  // \b holds here
      } else if (n == 'B' || n == 'A' || n == 'z') {
        // zero-width: the value stays
      } else if (n == 's' || n == 'W' || n == 't' || n == 'n' || n == 'r' || n == 'f' || n == 'v') {
        at = true;  // consumed a byte, or a character, that is not a word byte
      } else if (IsWord(static_cast<unsigned char>(n)) || static_cast<unsigned char>(n) >= 0x80) {
        at = false;  // \w, \d, \S, \D, \p, \x, \C, ...: may be a word byte
      } else {
        at = true;  // escaped punctuation
      }
      return std::nullopt;
    }
    if (c == '[') {
      at = NonWordClass();
      return std::nullopt;
    }
    if (c == '(') return Group(at);
    ++i_;
    if (c == '^' || c == '$') return std::nullopt;  // zero-width
    if (c == '.') {
      at = false;
    } else if (c >= 0xC0) {
      // A whole UTF-8 character (a quantifier after it applies to all of
      // it); its last byte is not an ASCII word byte.
      while (More() && (static_cast<unsigned char>(Peek()) & 0xC0) == 0x80) ++i_;
      at = true;
    } else {
      at = !IsWord(c);
    }
    return std::nullopt;
  }

  Need Group(bool& at) {
    const bool in = at;
    ++i_;  // '('
    std::string name, flags;
    if (Peek() == '?') {
      if (p_.substr(i_, 3) == "?P<" ||
          (p_.substr(i_, 2) == "?<" && p_.substr(i_, 3) != "?<=" && p_.substr(i_, 3) != "?<!")) {
        const std::size_t from = i_ + (p_[i_ + 1] == 'P' ? 3 : 2);
        const std::size_t e = p_.find('>', from);
        if (e == std::string_view::npos) {
          bad_ = true;
          return std::nullopt;
        }
        name = std::string(p_.substr(from, e - from));
        i_ = e + 1;
      } else {
        std::size_t j = i_ + 1;
        while (j < p_.size() && std::string_view("imsU-").find(p_[j]) != std::string_view::npos) {
          ++j;
        }
        // "(?flags)" inside the pattern changes what follows it in its
        // group: not read.
        if (j >= p_.size() || p_[j] != ':') {
          bad_ = true;
          return std::nullopt;
        }
        flags = std::string(p_.substr(i_ + 1, j - i_ - 1));
        i_ = j + 1;
      }
    }
    const std::size_t body = i_;
    Need n = Alternation(at);
    if (bad_ || Peek() != ')') {
      bad_ = true;
      return std::nullopt;
    }
    const std::string_view text = p_.substr(body, i_ - body);
    ++i_;
    if (name.rfind("trigger", 0) == 0) return std::vector<Body>{{WithoutNames(text), in}};
    if (n && !flags.empty()) {
      for (Body& b : *n) b.text = "(?" + flags + ":" + b.text + ")";
    }
    return n;
  }

  // `body` with its named groups made non-capturing.
  static std::string WithoutNames(std::string_view body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '\\') {
        out.append(body.substr(i, 2));
        ++i;
        continue;
      }
      if (c == '[') {
        const std::size_t e = std::min(CharClassEnd(body, i), body.size() - 1);
        out.append(body.substr(i, e - i + 1));
        i = e;
        continue;
      }
      if (c == '(' && (body.substr(i, 4) == "(?P<" ||
                       (body.substr(i, 3) == "(?<" && body.substr(i, 4) != "(?<=" &&
                        body.substr(i, 4) != "(?<!"))) {
        const std::size_t e = body.find('>', i);
        if (e != std::string_view::npos) {
          out += "(?:";
          i = e;
          continue;
        }
      }
      out += c;
    }
    return out;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool bad_ = false;
};

}  // namespace

std::optional<std::string> DeriveTriggerNeed(std::string_view pattern, bool* at_boundary) {
  if (at_boundary != nullptr) *at_boundary = false;
  auto bodies = NeedParser(pattern).Run();
  if (!bodies || bodies->empty()) return std::nullopt;
  std::vector<std::string> distinct;
  bool all_at_boundary = true;
  for (NeedParser::Body& b : *bodies) {
    all_at_boundary = all_at_boundary && b.at_boundary;
    if (std::find(distinct.begin(), distinct.end(), b.text) == distinct.end()) {
      distinct.push_back(std::move(b.text));
    }
  }
  std::string flags;
  if (pattern.substr(0, 2) == "(?") {
    const std::size_t e = pattern.find(')');
    if (e != std::string_view::npos &&
        pattern.substr(2, e - 2).find_first_not_of("imsU-") == std::string_view::npos) {
      flags = std::string(pattern.substr(0, e + 1));
    }
  }
  std::string out = flags + "(?:";
  for (std::size_t k = 0; k < distinct.size(); ++k) {
    if (k > 0) out += '|';
    out += "(?:" + distinct[k] + ")";
  }
  out += ')';
  if (at_boundary != nullptr) *at_boundary = all_at_boundary;
  return out;
}

std::optional<std::vector<std::string>> TriggerBodyLeading(std::string_view pattern) {
  // With KELVIN SIGN or LONG S in the pattern, a non-ASCII literal may match
  // an ASCII letter: not read.
  if (pattern.find("\xE2\x84\xAA") != std::string_view::npos ||
      pattern.find("\xC5\xBF") != std::string_view::npos) {
    return std::nullopt;
  }
  bool at_boundary = false;
  const auto need = DeriveTriggerNeed(pattern, &at_boundary);
  if (!need || !at_boundary) return std::nullopt;
  auto lead = LeadingStrings(*need);
  if (!lead || lead->empty()) return std::nullopt;
  for (const std::string& s : *lead) {
    if (s.empty() || !IsWord(static_cast<unsigned char>(s[0]))) return std::nullopt;
  }
  return lead;
}

}  // namespace eventline
