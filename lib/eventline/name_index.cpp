#include "eventline/name_index.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace eventline {
namespace {

// ASCII base letter of U+00C0..U+017F ('.' = none: kept as written).
constexpr std::string_view kFold =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEe"
    "GgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLl..LlNnNnNn.NnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYy"
    "YZzZzZzs";
static_assert(kFold.size() == 0x180 - 0xC0);

constexpr std::uint64_t kSeed = 0x6a09e667f3bcc909ULL;

enum class CharClass { kWord, kApostrophe, kSoft, kHard };

// Decodes the code point at s[i]; `len` gets its byte length (1 for a bad byte).
std::uint32_t Decode(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b0 < 0x80) return b0;
  int n = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
  if (n < 0 || i + static_cast<std::size_t>(n) >= s.size()) return 0xFFFD;
  std::uint32_t cp = b0 & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = static_cast<std::size_t>(n) + 1;
  return cp;
}

bool IsAsciiAlnum(std::uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

CharClass Classify(std::uint32_t c) {
  if (c < 0x80) {
    if (IsAsciiAlnum(c)) return CharClass::kWord;
    if (c == '\'') return CharClass::kApostrophe;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-' ||
        c == '.')
      return CharClass::kSoft;
    return CharClass::kHard;
  }
  if (c == 0x2019 || c == 0x02BC) return CharClass::kApostrophe;
  if (c == 0x00A0 || c == 0x00AD || c == 0x2010 || c == 0x2011 || c == 0x202F ||
      (c >= 0x2000 && c <= 0x200B))
    return CharClass::kSoft;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
      (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD || c == 0xFEFF)
    return CharClass::kHard;
  return CharClass::kWord;
}

// Appends the normalised form of `c` (from text bytes `raw`) to `out`.
void AppendNormalised(std::uint32_t c, std::string_view raw, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  switch (c) {
    case 0xDF:
      out += "ss";
      return;
    case 0xC6:
    case 0xE6:
      out += "ae";
      return;
    case 0x152:
    case 0x153:
      out += "oe";
      return;
    case 0xDE:
    case 0xFE:
      out += "th";
      return;
    default:
      break;
  }
  if (c >= 0xC0 && c < 0x180 && kFold[c - 0xC0] != '.') {
    const char f = kFold[c - 0xC0];
    out.push_back(static_cast<char>(f >= 'A' && f <= 'Z' ? f + 32 : f));
    return;
  }
  out.append(raw);
}

// Upper (1), lower (-1) or neither (0) for the first letter of a word.
int LetterCaseOf(std::uint32_t c) {
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= 'a' && c <= 'z') return -1;
  if (c < 0x80) return 0;  // digit
  if (c >= 0xC0 && c < 0x180) {
    const char f = kFold[c - 0xC0];
    if (f >= 'A' && f <= 'Z') return 1;
    if (f >= 'a' && f <= 'z') return -1;
  }
  return 1;  // a letter of another script: case unknown, accept
}

template <typename Fn>
void Tokenize(std::string_view text, std::size_t begin, std::size_t end, Fn&& emit) {
  std::string word;
  bool hard = true;  // the start of the span counts as a hard gap
  std::size_t i = begin;
  const std::string_view s = text.substr(0, end);
  while (i < end) {
    std::size_t len = 0;
    std::uint32_t c = Decode(s, i, &len);
    CharClass cls = Classify(c);
    if (cls != CharClass::kWord) {
      if (cls == CharClass::kHard || cls == CharClass::kApostrophe) hard = true;
      i += len;
      continue;
    }
    NameToken tok;
    tok.begin = i;
    tok.hard_gap_before = hard;
    const int lc = LetterCaseOf(c);
    tok.capitalised = lc > 0;
    tok.lower = lc < 0;
    word.clear();
    std::size_t word_end = i;
    std::size_t upper = 0, letters = 0;
    while (i < end) {
      // ASCII letters and digits, the common case, as below without decoding.
      if (const auto b = static_cast<unsigned char>(s[i]); IsAsciiAlnum(b)) {
        if (b >= 0x41) {
          ++letters;
          if (b <= 'Z') ++upper;
        }
        word.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
        word_end = ++i;
        continue;
      }
      c = Decode(s, i, &len);
      cls = Classify(c);
      if (cls == CharClass::kWord) {
        const int letter = LetterCaseOf(c);
        if (c >= 0x41) ++letters;
        if (letter > 0 && c >= 0x41) ++upper;
        AppendNormalised(c, s.substr(i, len), word);
        i += len;
        word_end = i;
        continue;
      }
      if (cls == CharClass::kApostrophe && i + len < end) {
        std::size_t len2 = 0;
        const std::uint32_t next = Decode(s, i + len, &len2);
        if (Classify(next) == CharClass::kWord) {
          if (next == 's' || next == 'S') {
            const std::size_t after = i + len + len2;
            std::size_t len3 = 0;
            if (after >= end || Classify(Decode(s, after, &len3)) != CharClass::kWord) {
              i = after;  // possessive 's: the word ends, the gap is soft
              break;
            }
          }
          i += len;  // an apostrophe inside a word is dropped
          continue;
        }
      }
      break;
    }
    tok.end = word_end;
    tok.all_caps = letters >= 2 && upper == letters;
    tok.hash = XXH3_64bits(word.data(), word.size());
    emit(tok, word);
    hard = false;
  }
}

}  // namespace

void IdList::push_back(std::uint32_t id) {
  if (size_ == 0) {
    one_ = id;
  } else {
    if (size_ == 1) more_.assign(1, one_);
    more_.push_back(id);
  }
  ++size_;
}

std::uint32_t* IdList::erase(std::uint32_t* first, std::uint32_t* last) {
  const auto at = static_cast<std::size_t>(first - begin());
  std::uint32_t* const out = std::move(last, end(), first);
  size_ = static_cast<std::uint32_t>(out - begin());
  if (size_ <= 1 && !more_.empty()) {
    if (size_ == 1) one_ = more_.front();
    more_.clear();
  } else if (size_ > 1) {
    more_.resize(size_);
  }
  return begin() + at;
}

std::vector<NameToken> TokenizeNames(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<NameToken> out;
  if (end > text.size()) end = text.size();
  Tokenize(text, begin, end, [&](const NameToken& t, const std::string&) { out.push_back(t); });
  return out;
}

void AppendNameTokens(std::string_view text, std::vector<NameToken>& out) {
  Tokenize(text, 0, text.size(), [&](const NameToken& t, const std::string&) { out.push_back(t); });
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  Tokenize(name, 0, name.size(), [&](const NameToken&, const std::string& w) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  });
  return out;
}

std::string NormalizeName(std::string_view name, std::vector<NameToken>* tokens) {
  std::string out;
  tokens->clear();
  Tokenize(name, 0, name.size(), [&](const NameToken& t, const std::string& w) {
    if (!out.empty()) out.push_back(' ');
    out += w;
    tokens->push_back(t);
  });
  return out;
}

bool MostlyUpperCase(std::string_view text) {
  std::size_t upper = 0, lower = 0;
  for (char ch : text) {
    if (ch >= 'A' && ch <= 'Z') ++upper;
    if (ch >= 'a' && ch <= 'z') ++lower;
  }
  return upper >= 4 && lower * 20 <= upper;
}

NameIndex::Node* NameIndex::Insert(std::span<const NameToken> tokens, std::uint32_t* cap_mask,
                                   std::uint32_t* caps_mask, bool* ok) {
  *ok = !tokens.empty() && tokens.size() <= kMaxTokens;
  if (!*ok) return nullptr;
  std::uint64_t h = kSeed;
  std::uint32_t mask = 0, caps = 0;
  Node* node = nullptr;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (node != nullptr) node->prefix = true;
    h = CombineTokenHash(h, tokens[k].hash);
    node = &At(h);
    if (tokens[k].capitalised) mask |= 1u << k;
    if (tokens[k].all_caps) caps |= 1u << k;
  }
  *cap_mask = mask;
  *caps_mask = caps;
  return node;
}

bool NameIndex::Add(std::string_view name, std::uint32_t id) {
  return Add(TokenizeNames(name, 0, name.size()), id);
}

bool NameIndex::Add(std::span<const NameToken> tokens, std::uint32_t id) {
  std::uint32_t mask = 0, caps = 0;
  bool ok = false;
  Node* node = Insert(tokens, &mask, &caps, &ok);
  if (!ok) return false;
  node->cap_mask = node->full ? (node->cap_mask & mask) : mask;
  node->caps_mask |= caps;
  node->full = true;
  for (std::uint32_t existing : node->ids)
    if (existing == id) return true;
  node->ids.push_back(id);
  return true;
}

void NameIndex::AddStopword(std::string_view name) {
  std::uint32_t mask = 0, caps = 0;
  bool ok = false;
  Node* node = Insert(TokenizeNames(name, 0, name.size()), &mask, &caps, &ok);
  if (ok) node->stop = true;
}

namespace {

std::size_t SlotOf(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>(key ^ (key >> 29)) & mask;
}

}  // namespace

void NameIndex::Reserve(std::size_t nodes) {
  nodes_.reserve(nodes);
  Rehash(nodes);
}

void NameIndex::Rehash(std::size_t nodes) {
  std::size_t size = 16;
  while (size < 2 * nodes) size <<= 1;
  if (size <= slots_.size()) return;
  slots_.assign(size, 0);
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    std::size_t i = SlotOf(nodes_[n].key, size - 1);
    while (slots_[i] != 0) i = (i + 1) & (size - 1);
    slots_[i] = static_cast<std::uint32_t>(n + 1);
  }
}

NameIndex::Node& NameIndex::At(std::uint64_t key) {
  if (2 * (nodes_.size() + 1) > slots_.size()) Rehash(nodes_.size() + 1);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = SlotOf(key, mask);
  while (slots_[i] != 0) {
    Node& node = nodes_[slots_[i] - 1];
    if (node.key == key) return node;
    i = (i + 1) & mask;
  }
  slots_[i] = static_cast<std::uint32_t>(nodes_.size() + 1);
  Node& node = nodes_.emplace_back();
  node.key = key;
  return node;
}

const NameIndex::Node* NameIndex::Get(std::uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = SlotOf(key, mask);
  while (slots_[i] != 0) {
    const Node& node = nodes_[slots_[i] - 1];
    if (node.key == key) return &node;
    i = (i + 1) & mask;
  }
  return nullptr;
}

const IdList* NameIndex::Find(std::string_view name) const {
  const std::vector<NameToken> tokens = TokenizeNames(name, 0, name.size());
  if (tokens.empty()) return nullptr;
  std::uint64_t h = kSeed;
  for (const NameToken& t : tokens) h = CombineTokenHash(h, t.hash);
  const Node* node = Get(h);
  return node != nullptr && node->full ? &node->ids : nullptr;
}

IdList* NameIndex::FindMutable(std::string_view name) { return const_cast<IdList*>(Find(name)); }

void NameIndex::FindAll(std::span<const NameToken> tokens, bool any_case,
                        std::vector<Hit>& out) const {
  const std::size_t n = tokens.size();
  std::size_t i = 0;
  while (i < n) {
    std::uint64_t h = kSeed;
    const Node* best = nullptr;
    std::size_t best_last = i;
    for (std::size_t j = i; j < n && j - i < kMaxTokens; ++j) {
      if (j > i && tokens[j].hard_gap_before) break;
      h = CombineTokenHash(h, tokens[j].hash);
      const Node* node = Get(h);
      if (node == nullptr) break;
      if (node->full && !node->stop) {
        bool caps_ok = true;
        if (!any_case) {
          for (std::size_t k = i; k <= j && caps_ok; ++k) {
            if ((node->cap_mask >> (k - i)) & 1u) caps_ok = tokens[k].capitalised;
            if (tokens[k].all_caps && tokens[k].end - tokens[k].begin <= 4 &&
                !((node->caps_mask >> (k - i)) & 1u))
              caps_ok = false;
          }
        }
        if (caps_ok) {
          best = node;
          best_last = j;
        }
      }
      if (!node->prefix) break;
    }
    if (best != nullptr) {
      out.push_back({i, best_last, &best->ids});
      i = best_last + 1;
    } else {
      ++i;
    }
  }
}

namespace {

template <typename T>
void ImagePut(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool ImageGet(const char** p, const char* end, T* v) {
  if (static_cast<std::size_t>(end - *p) < sizeof(T)) return false;
  std::memcpy(v, *p, sizeof(T));
  *p += sizeof(T);
  return true;
}

}  // namespace

void NameIndex::AppendImage(std::string& out) const {
  ImagePut<std::uint64_t>(out, nodes_.size());
  ImagePut<std::uint64_t>(out, slots_.size());
  for (const Node& n : nodes_) {
    ImagePut(out, n.key);
    ImagePut(out, n.cap_mask);
    ImagePut(out, n.caps_mask);
    ImagePut<std::uint8_t>(
        out, static_cast<std::uint8_t>((n.full ? 1 : 0) | (n.prefix ? 2 : 0) | (n.stop ? 4 : 0)));
    ImagePut<std::uint32_t>(out, static_cast<std::uint32_t>(n.ids.size()));
    for (std::uint32_t id : n.ids) ImagePut(out, id);
  }
  if (!slots_.empty())
    out.append(reinterpret_cast<const char*>(slots_.data()), slots_.size() * sizeof(slots_[0]));
}

bool NameIndex::ReadImage(const char** p, const char* end) {
  nodes_.clear();
  slots_.clear();
  std::uint64_t n_nodes = 0, n_slots = 0;
  if (!ImageGet(p, end, &n_nodes) || !ImageGet(p, end, &n_slots)) return false;
  // Each node takes at least 21 bytes; slots a power of two above the nodes.
  if (n_nodes > static_cast<std::uint64_t>(end - *p) / 21 ||
      n_slots > static_cast<std::uint64_t>(end - *p) / 4 || (n_slots & (n_slots - 1)) != 0 ||
      (n_slots != 0 && n_slots < 2 * n_nodes))
    return false;
  nodes_.resize(n_nodes);
  for (Node& n : nodes_) {
    std::uint8_t flags = 0;
    std::uint32_t n_ids = 0;
    if (!ImageGet(p, end, &n.key) || !ImageGet(p, end, &n.cap_mask) ||
        !ImageGet(p, end, &n.caps_mask) || !ImageGet(p, end, &flags) || !ImageGet(p, end, &n_ids) ||
        n_ids > static_cast<std::uint64_t>(end - *p) / 4) {
      nodes_.clear();
      return false;
    }
    n.full = (flags & 1) != 0;
    n.prefix = (flags & 2) != 0;
    n.stop = (flags & 4) != 0;
    for (std::uint32_t k = 0; k < n_ids; ++k) {
      std::uint32_t id = 0;
      ImageGet(p, end, &id);
      n.ids.push_back(id);
    }
  }
  if (static_cast<std::uint64_t>(end - *p) < n_slots * 4) {
    nodes_.clear();
    return false;
  }
  slots_.resize(n_slots);
  if (n_slots != 0) std::memcpy(slots_.data(), *p, n_slots * 4);
  *p += n_slots * 4;
  for (std::uint32_t s : slots_) {
    if (s > n_nodes) {
      nodes_.clear();
      slots_.clear();
      return false;
    }
  }
  return true;
}

}  // namespace eventline
