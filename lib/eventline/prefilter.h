// lib/eventline/prefilter.h: a word-level prefilter in front of the trigger
// RE2::Set of each rule kind.
//
// Every match of a trigger begins with one of a few short strings (its
// leading words: "shelled", "under heavy", "0".."9", ...). They are derived
// from the compiled patterns, not written by hand, and looked up in a trie at
// each word boundary of a sentence. When none occurs, the set cannot match
// and the sentence skips RE2 entirely. The test is conservative: it may pass
// a sentence the set then rejects, never the reverse, so results do not
// change. A pattern whose matches cannot be reduced to leading strings (it
// may begin with \w, ., a negated class, ...) makes the prefilter pass every
// sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventline {

// The strings one of which every match of the RE2 `pattern` begins with:
// ASCII letters lower-cased, every run of whitespace written as one space,
// at most a few words long. nullopt when the pattern cannot be reduced (a
// match may begin with an open class or be empty) or is not understood.
// Exposed for tests.
[[nodiscard]] std::optional<std::vector<std::string>> LeadingStrings(std::string_view pattern);

class WordPrefilter {
 public:
  // One entry per pattern; a pattern without leading strings makes
  // MayMatch() always true.
  explicit WordPrefilter(const std::vector<std::string>& patterns);

  // False only when no pattern can match at a word boundary (RE2 \b, as seen
  // by a search over text[begin, end) alone) of text[begin, end). Case is
  // ignored, as are the lengths of whitespace runs; U+212A and U+017F read
  // as 'k' and 's' (RE2's case folding maps them to those letters).
  [[nodiscard]] bool MayMatch(std::string_view text, std::size_t begin, std::size_t end) const;

  // The first position p in [from, end) where some pattern's leading
  // string occurs in text[p, end) (any position, not only word
  // boundaries); npos when none. With always(), `from` (if < end).
  [[nodiscard]] std::size_t Find(std::string_view text, std::size_t from, std::size_t end) const;

  [[nodiscard]] bool always() const { return always_; }

 private:
  struct Node {
    std::uint32_t first_edge = 0, edges = 0;  // into edges_, sorted by symbol
    bool terminal = false;                    // a leading string ends here
    std::int32_t dense = -1;                  // a table of dense_, or -1
  };
  struct Edge {
    unsigned char symbol;
    std::uint32_t child;
  };
  [[nodiscard]] std::size_t Child(std::size_t node, unsigned char symbol) const;
  [[nodiscard]] bool LeadsAt(const unsigned char* t, std::size_t p, std::size_t end) const;

  bool always_ = false;
  std::vector<Node> nodes_;  // 0: the root (never terminal)
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> dense_;  // 128 children per table, by symbol
  bool first_[128] = {};              // symbols on the root's edges
  bool starts_[256] = {};             // text bytes a walk can begin with
};

}  // namespace eventline
