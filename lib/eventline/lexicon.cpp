#include "eventline/lexicon.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

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

namespace {

// An entry as symbols: one UTF-8 code point each (QuoteMeta-escaped), a
// whitespace run as "\\s+".
std::vector<std::string> Symbols(const std::string& e) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < e.size()) {
    if (IsSpace(e[i])) {
      while (i < e.size() && IsSpace(e[i])) ++i;
      out.emplace_back("\\s+");
      continue;
    }
    std::size_t n = 1;
    const auto c = static_cast<unsigned char>(e[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    n = std::min(n, e.size() - i);
    out.push_back(RE2::QuoteMeta(re2::StringPiece(e.data() + i, n)));
    i += n;
  }
  return out;
}

struct TrieNode {
  std::map<std::string, std::unique_ptr<TrieNode>> children;
  bool end = false;         // an entry ends here
  std::size_t longest = 0;  // longest entry (bytes) through this node
  std::size_t first = 0;    // first entry index through this node (for stable order)
};

// Emits the node's continuations, longest subtree first, then "" when an
// entry ends here: the alternation prefers the longest entry, as the flat
// longest-first list does, because no two siblings can match the same text
// (checked by the caller).
void Emit(const TrieNode& node, std::string& out) {
  std::vector<std::pair<const std::string*, const TrieNode*>> kids;
  kids.reserve(node.children.size());
  for (const auto& [sym, child] : node.children) kids.emplace_back(&sym, child.get());
  std::stable_sort(kids.begin(), kids.end(), [](const auto& a, const auto& b) {
    if (a.second->longest != b.second->longest) return a.second->longest > b.second->longest;
    return a.second->first < b.second->first;
  });
  if (kids.empty()) return;
  if (kids.size() == 1 && !node.end) {
    out += *kids[0].first;
    Emit(*kids[0].second, out);
    return;
  }
  out += "(?:";
  for (std::size_t k = 0; k < kids.size(); ++k) {
    if (k > 0) out += '|';
    out += *kids[k].first;
    Emit(*kids[k].second, out);
  }
  if (node.end) out += '|';
  out += ')';
}

// True when two siblings could match the same text: they differ only in
// letter case (rules may match case-insensitively), or either is not ASCII
// (Unicode case folding is not worked out here).
bool SiblingsMayOverlap(const TrieNode& node) {
  std::vector<std::string> folded;
  for (const auto& [sym, child] : node.children) {
    std::string f = sym;
    for (char& c : f) {
      if (static_cast<unsigned char>(c) >= 0x80) return true;
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    folded.push_back(std::move(f));
    if (SiblingsMayOverlap(*child)) return true;
  }
  std::sort(folded.begin(), folded.end());
  return std::adjacent_find(folded.begin(), folded.end()) != folded.end();
}

std::string FlatAlternation(const std::vector<std::string>& entries) {
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
    for (const auto& sym : Symbols(entries[k])) out += sym;
  }
  out += ')';
  return out;
}

}  // namespace

std::string LexiconAlternation(const std::vector<std::string>& entries) {
  // A prefix tree ("kill(?:ing|ed|)") rather than a flat list: RE2 compiles
  // the flat list of a large lexicon into one branch per entry, and the
  // lexicons are used in many patterns, often inside repeats that RE2 copies
  // ({COUNT_WORD}: 1,667 instructions flat, 940 as a tree). Same strings,
  // same longest-first preference; a lexicon whose entries differ only in
  // case (or hold non-ASCII text) keeps the flat form.
  TrieNode root;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    TrieNode* node = &root;
    const std::vector<std::string> symbols = Symbols(entries[k]);
    if (symbols.empty()) continue;
    for (const auto& sym : symbols) {
      auto& child = node->children[sym];
      if (!child) {
        child = std::make_unique<TrieNode>();
        child->first = k;
      }
      node = child.get();
      node->longest = std::max(node->longest, entries[k].size());
    }
    node->end = true;
  }
  if (root.children.empty() || SiblingsMayOverlap(root)) return FlatAlternation(entries);
  std::string out;
  Emit(root, out);
  // Emit wraps a root with several children in "(?:...)"; one child does not.
  if (out.rfind("(?:", 0) != 0 || root.children.size() == 1) out = "(?:" + out + ")";
  return out;
}

std::string FoldedLexiconAlternation(const std::vector<std::string>& entries) {
  // Matched case-insensitively, an entry and its ASCII-lower-cased form
  // match the same texts (RE2 folds a letter to its whole case orbit,
  // whichever case is written), and of two entries equal but for case the
  // second adds nothing. Lower-cased and deduplicated, no two siblings of
  // the prefix tree differ only in case, so a lexicon like {DEMONYM} ("Nato"
  // and "NATO", "ISIS" and "Islamist") gets the tree instead of the flat
  // list: fewer instructions and, for RE2's NFA, fewer threads at each
  // start (docs/scale.md, session 24, h-speed28). Empty when an entry is not
  // ASCII (Unicode folding is not worked out here).
  std::vector<std::string> lowered;
  lowered.reserve(entries.size());
  for (const auto& e : entries) {
    std::string l = e;
    for (char& c : l) {
      if (static_cast<unsigned char>(c) >= 0x80) return {};
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (std::find(lowered.begin(), lowered.end(), l) == lowered.end()) lowered.push_back(l);
  }
  return LexiconAlternation(lowered);
}

bool CaseFoldedAt(std::string_view pattern, std::size_t offset, bool case_sensitive) {
  bool fold = !case_sensitive;
  std::vector<bool> saved;
  // Reads the flags of "(?flags)" or "(?flags:" from i (after "(?");
  // false when they are not plain flags.
  auto flags = [&](std::size_t& i, bool& f) {
    bool negated = false;
    for (; i < offset; ++i) {
      const char c = pattern[i];
      if (c == ')' || c == ':') return true;
      if (c == '-') {
        negated = true;
      } else if (c == 'i') {
        f = !negated;
      } else if (c != 'm' && c != 's' && c != 'U') {
        return false;
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < offset; ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < offset && pattern[i + 1] == 'Q') return false;
      ++i;
    } else if (c == '[') {
      std::size_t j = i + 1;
      if (j < offset && pattern[j] == '^') ++j;
      if (j < offset && pattern[j] == ']') ++j;
      for (; j < offset && pattern[j] != ']'; ++j) {
        if (pattern[j] == '\\') {
          ++j;
        } else if (pattern[j] == '[' && j + 1 < offset && pattern[j + 1] == ':') {
          return false;
        }
      }
      if (j >= offset) return false;
      i = j;
    } else if (c == '(') {
      if (i + 1 < offset && pattern[i + 1] == '?') {
        const char n = i + 2 < offset ? pattern[i + 2] : '\0';
        if (n == 'P' || n == '<') {  // a named group
          saved.push_back(fold);
          continue;
        }
        std::size_t j = i + 2;
        bool f = fold;
        if (!flags(j, f)) return false;
        if (pattern[j] == ')') {  // (?flags): to the end of the group
          fold = f;
        } else {  // (?flags:...)
          saved.push_back(fold);
          fold = f;
        }
        i = j;
      } else {
        saved.push_back(fold);
      }
    } else if (c == ')') {
      if (saved.empty()) return false;
      fold = saved.back();
      saved.pop_back();
    }
  }
  return fold;
}

AlternationMap BuildAlternations(const LexiconMap& lexicons) {
  AlternationMap out;
  for (const auto& [name, entries] : lexicons) {
    std::string exact = LexiconAlternation(entries);
    std::string folded = FoldedLexiconAlternation(entries);
    if (!folded.empty() && folded != exact) out.emplace(kFoldedKeyPrefix + name, std::move(folded));
    out.emplace(name, std::move(exact));
  }
  return out;
}

std::string ExpandLexicons(std::string_view pattern, const AlternationMap& lexicons,
                           std::vector<LexiconRef>* unknown, bool case_sensitive) {
  std::string out;
  std::size_t pos = 0;
  for (auto& ref : FindLexiconRefs(pattern)) {
    if (!ref.upper) continue;
    auto it = lexicons.find(ref.name);
    if (it == lexicons.end()) {
      if (unknown) unknown->push_back(ref);
      continue;
    }
    auto folded = lexicons.find(std::string(kFoldedKeyPrefix) + ref.name);
    if (folded != lexicons.end() && CaseFoldedAt(pattern, ref.offset, case_sensitive)) {
      it = folded;
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
