// The packed tries of WordPrefilter and LeadingIndex (session 26,
// h-speed32: one node per step, a 128-bit set of child symbols and
// contiguous children) give what the earlier layout gave (nodes, sorted edge
// lists and 128-entry tables for busy nodes, kept below as the reference):
// the same first position from every `from`, with and without word
// boundaries, and the same pattern lists and positions, in the same order,
// over random keys and texts with upper-case letters, runs of spaces, tabs,
// KELVIN SIGN and LONG S (which RE2 folds to k and s), cut UTF-8 sequences,
// other non-ASCII bytes, and control bytes and DEL, symbols without a class
// of their own in the packed nodes (their children are found in a side
// list).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventline/prefilter.h"

namespace eventline {
namespace {

namespace reference {

constexpr bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
constexpr bool IsWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
char Fold(unsigned char c) {
  if (IsSpace(c)) return ' ';
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return static_cast<char>(c);
}
bool Boundary(const unsigned char* t, std::size_t p) {
  return (p == 0 ? false : IsWord(t[p - 1])) != IsWord(t[p]);
}
bool NextFolded(const unsigned char* t, std::size_t& q, std::size_t end, unsigned char& c) {
  c = t[q];
  if (c >= 0x80) {
    if (c == 0xE2 && q + 2 < end && t[q + 1] == 0x84 && t[q + 2] == 0xAA) {
      c = 'k';
      q += 3;
    } else if (c == 0xC5 && q + 1 < end && t[q + 1] == 0xBF) {
      c = 's';
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
bool Starts(unsigned char u, const bool* root_has) {
  unsigned char sym = u < 0x80 ? static_cast<unsigned char>(Fold(u)) : 0;
  if (u == 0xE2) sym = 'k';
  if (u == 0xC5) sym = 's';
  return sym != 0 && root_has[sym];
}

// The layout before h-speed32: nodes, edges sorted by symbol, a
// 128-entry table for nodes with more than four children. (A symbol from
// 128 on is left out of a table, as LeadingIndex did.)
struct Trie {
  struct Node {
    std::uint32_t first_edge = 0, edges = 0;
    std::vector<int> ids;
    bool terminal = false;
    std::int32_t dense = -1;
  };
  struct Edge {
    unsigned char symbol;
    std::uint32_t child;
  };
  std::vector<Node> nodes{Node{}};
  std::vector<Edge> edges;
  std::vector<std::uint32_t> dense;
  bool root_has[128] = {};
  bool starts[256] = {};

  // Built from a map per node, as LeadingIndex was.
  void Add(std::vector<std::map<unsigned char, std::uint32_t>>& children, std::string_view s,
           int id) {
    std::uint32_t node = 0;
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      auto it = children[node].find(c);
      if (it == children[node].end()) {
        const auto next = static_cast<std::uint32_t>(children.size());
        children[node].emplace(c, next);
        children.emplace_back();
        nodes.emplace_back();
        node = next;
      } else {
        node = it->second;
      }
    }
    if (id >= 0 && (nodes[node].ids.empty() || nodes[node].ids.back() != id)) {
      nodes[node].ids.push_back(id);
    }
    if (id < 0) nodes[node].terminal = true;
  }
  void Finish(const std::vector<std::map<unsigned char, std::uint32_t>>& children) {
    for (std::size_t n = 0; n < children.size(); ++n) {
      nodes[n].first_edge = static_cast<std::uint32_t>(edges.size());
      for (const auto& [c, child] : children[n]) edges.push_back(Edge{c, child});
      nodes[n].edges = static_cast<std::uint32_t>(edges.size()) - nodes[n].first_edge;
    }
    for (Node& n : nodes) {
      if (n.edges <= 4) continue;
      n.dense = static_cast<std::int32_t>(dense.size() / 128);
      dense.resize(dense.size() + 128, 0);
      for (std::uint32_t e = n.first_edge; e < n.first_edge + n.edges; ++e) {
        if (edges[e].symbol < 128)
          dense[static_cast<std::uint32_t>(n.dense) * 128U + edges[e].symbol] = edges[e].child;
      }
    }
    for (std::uint32_t e = 0; e < nodes[0].edges; ++e) {
      if (edges[e].symbol < 128) root_has[edges[e].symbol] = true;
    }
    for (int b = 0; b < 256; ++b) starts[b] = Starts(static_cast<unsigned char>(b), root_has);
  }
  [[nodiscard]] std::uint32_t Child(std::uint32_t node, unsigned char symbol) const {
    const Node& n = nodes[node];
    if (n.dense >= 0)
      return symbol < 128 ? dense[static_cast<std::uint32_t>(n.dense) * 128U + symbol] : 0;
    for (std::uint32_t e = n.first_edge; e < n.first_edge + n.edges; ++e) {
      if (edges[e].symbol == symbol) return edges[e].child;
      if (edges[e].symbol > symbol) break;
    }
    return 0;
  }
};

// WordPrefilter::Find over `keys`, the earlier way (strings with a shorter
// key as a prefix dropped; empty: always).
struct Word {
  Trie trie;
  bool always = false;
  explicit Word(std::vector<std::string> keys) {
    if (keys.empty()) {
      always = true;
      return;
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<std::string> kept;
    for (std::string& s : keys) {
      if (!kept.empty() && s.compare(0, kept.back().size(), kept.back()) == 0) continue;
      kept.push_back(std::move(s));
    }
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    for (const std::string& s : kept) trie.Add(children, s, -1);
    trie.Finish(children);
  }
  [[nodiscard]] bool LeadsAt(const unsigned char* t, std::size_t p, std::size_t end) const {
    std::uint32_t node = 0;
    std::size_t q = p;
    while (q < end) {
      unsigned char c = 0;
      if (!NextFolded(t, q, end, c)) return false;
      node = trie.Child(node, c);
      if (node == 0) return false;
      if (trie.nodes[node].terminal) return true;
    }
    return false;
  }
  [[nodiscard]] std::size_t Find(std::string_view text, std::size_t from, std::size_t end,
                                 bool boundaries) const {
    end = std::min(end, text.size());
    const auto* t = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t p = from; p < end; ++p) {
      if (boundaries && !Boundary(t, p)) continue;
      if (always || (trie.starts[t[p]] && LeadsAt(t, p, end))) return p;
    }
    return std::string_view::npos;
  }
};

// LeadingIndex::FindPositions / Find, the earlier way.
struct Index {
  Trie trie;
  explicit Index(const std::vector<std::vector<std::string>>& leading) {
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    for (std::size_t i = 0; i < leading.size(); ++i) {
      for (const std::string& s : leading[i]) {
        if (!s.empty()) trie.Add(children, s, static_cast<int>(i));
      }
    }
    trie.Finish(children);
  }
  template <typename Skip, typename Emit>
  void Walk(const unsigned char* t, std::size_t from, std::size_t end, Skip skip, Emit emit) const {
    for (std::size_t p = from; p < end; ++p) {
      if (!trie.starts[t[p]] || skip(p)) continue;
      std::uint32_t node = 0;
      std::size_t q = p;
      while (q < end) {
        unsigned char c = 0;
        if (!NextFolded(t, q, end, c)) break;
        node = (node == 0 && c >= 128) ? 0 : trie.Child(node, c);
        if (node == 0) break;
        for (const int id : trie.nodes[node].ids) emit(p, id);
        if (trie.nodes[node].edges == 0) break;
      }
    }
  }
  void Find(std::string_view text, std::size_t from, std::size_t end, std::vector<int>& out) const {
    end = std::min(end, text.size());
    const auto* t = reinterpret_cast<const unsigned char*>(text.data());
    Walk(
        t, from, end, [&](std::size_t p) { return p > from && p > 0 && !Boundary(t, p); },
        [&](std::size_t, int id) { out.push_back(id); });
  }
  void FindPositions(std::string_view text, std::size_t from, std::size_t end, bool boundaries,
                     std::vector<std::pair<std::size_t, int>>& out) const {
    end = std::min(end, text.size());
    const auto* t = reinterpret_cast<const unsigned char*>(text.data());
    Walk(
        t, from, end, [&](std::size_t p) { return boundaries && !Boundary(t, p); },
        [&](std::size_t p, int id) { out.emplace_back(p, id); });
  }
};

}  // namespace reference

// Pieces keys and texts are made of: a few letters so that walks go deep,
// upper case, spaces and their runs, word and non-word punctuation, the two
// non-ASCII characters RE2 folds to ASCII letters, their first bytes alone
// (cut sequences) and another non-ASCII letter.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "a",        "b",    "e",    "k",       "s",  "t",  "A",    "B",    "K",
      "S",        " ",    " ",    "  ",      "\t", "\n", "-",    "'",    "_",
      "0",        "7",    ".",    "z",       "y",  "x",  "\x7f", "\x01", "\xE2\x84\xAA",
      "\xC5\xBF", "\xE2", "\xC5", "\xC3\xA9"};
  return pieces;
}

std::string RandomString(std::mt19937& rng, std::size_t max_pieces, bool key) {
  std::uniform_int_distribution<std::size_t> len(key ? 1 : 0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, Pieces().size() - 1);
  std::string s;
  const std::size_t n = len(rng);
  for (std::size_t i = 0; i < n; ++i) s += Pieces()[pick(rng)];
  if (key) {
    // Keys as LeadingStrings gives them are folded and at most 8 bytes long;
    // fold most of them, keep some raw to check that raw bytes behave alike.
    if (rng() % 4 != 0) {
      for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) c = reference::Fold(u);
      }
    }
    if (s.size() > 8) s.resize(8);
  }
  return s;
}

TEST_CASE("prefilter packed: WordPrefilter::Find equals the earlier trie", "[prefilter]") {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> keys;
    const std::size_t n = round % 10 == 0 ? 60 : rng() % 12;  // some busy roots
    for (std::size_t i = 0; i < n; ++i) keys.push_back(RandomString(rng, 4, true));
    if (round % 37 == 0) keys.emplace_back("");  // an empty key, as the old code took it
    const reference::Word old(keys);
    const WordPrefilter now = WordPrefilter::FromLeading(keys);
    REQUIRE(now.always() == old.always);
    for (int t = 0; t < 20; ++t) {
      const std::string text = RandomString(rng, 24, false);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        for (const std::size_t end : {text.size(), text.size() + 3, (from + text.size()) / 2}) {
          for (const bool b : {false, true}) {
            INFO("round " << round << " text '" << text << "' from " << from << " end " << end);
            REQUIRE(now.Find(text, from, end, b) == old.Find(text, from, end, b));
          }
        }
      }
    }
  }
}

TEST_CASE("prefilter packed: LeadingIndex equals the earlier trie", "[prefilter]") {
  std::mt19937 rng(5122026);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::vector<std::string>> leading(1 + rng() % 8);
    for (auto& keys : leading) {
      const std::size_t n = round % 10 == 0 ? 40 : rng() % 8;
      for (std::size_t i = 0; i < n; ++i) keys.push_back(RandomString(rng, 4, true));
    }
    const reference::Index old(leading);
    const LeadingIndex now(leading);
    for (int t = 0; t < 20; ++t) {
      const std::string text = RandomString(rng, 24, false);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        for (const std::size_t end : {text.size(), text.size() + 3, (from + text.size()) / 2}) {
          INFO("round " << round << " text '" << text << "' from " << from << " end " << end);
          std::vector<int> a, b;
          now.Find(text, from, end, a);
          old.Find(text, from, end, b);
          REQUIRE(a == b);
          for (const bool bound : {false, true}) {
            std::vector<std::pair<std::size_t, int>> pa, pb;
            now.FindPositions(text, from, end, bound, pa);
            old.FindPositions(text, from, end, bound, pb);
            REQUIRE(pa == pb);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace eventline
