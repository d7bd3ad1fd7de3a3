// lib/eventline/name_index.h: multi-word names looked up by token hashing,
// shared by the gazetteer (places.h) and the actor list (actors.h).
//
// Text is split into name tokens: runs of letters and digits. ASCII letters
// are lower-cased and Latin-1 / Latin Extended-A letters folded to ASCII
// ("Usulután" = "usulutan"); an apostrophe inside a word is dropped
// ("Kramators'k" = "kramatorsk") except a possessive "'s", which ends the
// word; hyphens, dots and white space separate tokens softly, other
// punctuation (commas, brackets, quotes, dashes) hard: a name never spans a
// hard gap. A name is the sequence of its tokens' hashes (64-bit; a
// collision is not checked for, and is vanishingly unlikely).
//
// A NameIndex is built once and then read-only: FindAll is const and
// thread-safe. Lookup scans each start token forward only while the
// sequence so far is a known prefix, so time is linear in tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventline {

struct NameToken {
  std::size_t begin = 0, end = 0;  // bytes of the word in the text
  std::uint64_t hash = 0;          // of the normalised word
  bool capitalised = false;        // starts with an upper-case letter or a digit/non-Latin letter
  bool lower = false;              // starts with a lower-case Latin letter
  bool all_caps = false;           // two or more letters, all upper case ("UN", "ELN")
  bool hard_gap_before = true;     // punctuation other than space, hyphen, dot before it
};

// Tokenises text[begin, end).
[[nodiscard]] std::vector<NameToken> TokenizeNames(std::string_view text, std::size_t begin,
                                                   std::size_t end);

// Appends the tokens of `text` (as TokenizeNames of the whole) to `out`;
// no allocation beyond `out`'s growth.
void AppendNameTokens(std::string_view text, std::vector<NameToken>& out);

// The normalised form: tokens joined by single spaces ("Kyiv's" -> "kyiv").
[[nodiscard]] std::string NormalizeName(std::string_view name);
// The same, also giving the name's tokens (TokenizeNames) from the one pass.
[[nodiscard]] std::string NormalizeName(std::string_view name, std::vector<NameToken>* tokens);

// True when text has at least a few letters and (almost) none lower case.
[[nodiscard]] bool MostlyUpperCase(std::string_view text);

// The ids of one name, in the order added: the first inline, so that a name
// with one id (nearly all) costs no allocation; vector-like where used.
class IdList {
 public:
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const std::uint32_t* begin() const { return size_ > 1 ? more_.data() : &one_; }
  [[nodiscard]] const std::uint32_t* end() const { return begin() + size_; }
  std::uint32_t* begin() { return size_ > 1 ? more_.data() : &one_; }
  std::uint32_t* end() { return begin() + size_; }
  [[nodiscard]] std::uint32_t front() const { return *begin(); }
  void push_back(std::uint32_t id);
  // Removes [first, last) (pointers into this list).
  std::uint32_t* erase(std::uint32_t* first, std::uint32_t* last);

 private:
  std::uint32_t one_ = 0;
  std::uint32_t size_ = 0;
  std::vector<std::uint32_t> more_;  // all of them when more than one
};

class NameIndex {
 public:
  static constexpr std::size_t kMaxTokens = 12;

  // Adds `name` -> `id`. Capitalised words of `name` must be capitalised in
  // mixed-case text, and a short all-caps word in mixed-case text ("UN")
  // matches only a spelling written in capitals. Returns false (and adds nothing) when `name` has
  // no tokens or more than kMaxTokens.
  bool Add(std::string_view name, std::uint32_t id);
  // The same with the name's tokens (TokenizeNames of the name).
  bool Add(std::span<const NameToken> tokens, std::uint32_t id);
  // Room for `nodes` nodes (about the total number of tokens to be added).
  void Reserve(std::size_t nodes);
  // A name that never matches on its own (it may still start a longer one).
  void AddStopword(std::string_view name);

  // Ids stored for exactly this name (normalised); null when none.
  [[nodiscard]] const IdList* Find(std::string_view name) const;
  [[nodiscard]] IdList* FindMutable(std::string_view name);

  struct Hit {
    std::size_t first = 0, last = 0;  // token indexes, inclusive
    const IdList* ids = nullptr;
  };
  // Longest matches, left to right, non-overlapping. With `any_case` false,
  // capitalisation is checked as described at Add.
  void FindAll(std::span<const NameToken> tokens, bool any_case, std::vector<Hit>& out) const;

  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

  // The whole index as bytes (native byte order; for a build-time image
  // read back by the same binary's ReadImage, see places.h).
  void AppendImage(std::string& out) const;
  // Replaces this index with one written by AppendImage, read from
  // [*p, end); *p is advanced past it. False on truncated or bad data
  // (the index is then left empty).
  bool ReadImage(const char** p, const char* end);

 private:
  struct Node {
    std::uint64_t key = 0;  // the hash of the token sequence
    IdList ids;
    std::uint32_t cap_mask = 0;   // bit i: token i must be capitalised (AND over spellings)
    std::uint32_t caps_mask = 0;  // bit i: token i is all caps in some spelling ("UK")
    bool full = false;            // a whole name ends here
    bool prefix = false;          // some longer name continues
    bool stop = false;            // a stopword: not a match by itself
  };
  Node* Insert(std::span<const NameToken> tokens, std::uint32_t* cap_mask, std::uint32_t* caps_mask,
               bool* ok);
  const Node* Get(std::uint64_t key) const;
  // The node of `key`, added when absent.
  Node& At(std::uint64_t key);
  void Rehash(std::size_t nodes);
  // Open addressing: slots_ holds 1 + an index into nodes_, 0 when empty; its
  // size is a power of two at least twice the number of nodes.
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> slots_;
};

// Combines the hash of a sequence so far with the next token's hash (inline:
// the gazetteer's loader calls it for every spelling).
[[nodiscard]] inline std::uint64_t CombineTokenHash(std::uint64_t seq, std::uint64_t token) {
  std::uint64_t x = seq ^ (token + 0x9e3779b97f4a7c15ULL + (seq << 6) + (seq >> 2));
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace eventline
