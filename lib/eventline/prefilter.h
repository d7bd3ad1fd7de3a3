// lib/eventline/prefilter.h: where a match of a rule pattern can begin.
//
// Every match of a pattern begins with one of a few short strings (its
// leading words: "shelled", "under he", "0".."9", ...). They are derived
// from the pattern text, not written by hand, and looked up in a trie. The
// matcher runs a rule's RE2 anchored at those positions only instead of as
// an unanchored search over the sentence (matcher.cpp). The test is
// conservative: it may give a position where RE2 then fails, never miss
// one where RE2 would match. A pattern whose matches cannot be reduced to
// leading strings (it may begin with \w, ., a negated class, ...) keeps
// the unanchored search.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace eventline {

// The strings one of which every match of the RE2 `pattern` begins with:
// ASCII letters lower-cased, every run of whitespace written as one space,
// at most a few words long. nullopt when the pattern cannot be reduced (a
// match may begin with an open class or be empty) or is not understood.
// Exposed for tests.
[[nodiscard]] std::optional<std::vector<std::string>> LeadingStrings(std::string_view pattern);

// Which of many patterns may match in a text, from their leading strings
// (LeadingStrings): a trie whose nodes list the patterns whose strings end
// there. A superset of the patterns that have a match beginning at a word
// boundary; patterns without leading strings are never proposed (the
// caller handles them).
class LeadingIndex {
 public:
  // leading[i]: the leading strings of pattern i (empty: none).
  explicit LeadingIndex(const std::vector<std::vector<std::string>>& leading);

  // Appends to `out` (unsorted, possibly repeated) every pattern with a
  // leading string at a position p in [from, end) where p == from or RE2's
  // \b holds in `text` (the byte before p counts), the string lying in
  // text[p, end).
  void Find(std::string_view text, std::size_t from, std::size_t end, std::vector<int>& out) const;

  // Appends to `out`, in order of position, (p, pattern) for every pattern
  // with a leading string at p in [from, end), the string lying in
  // text[p, end); a pattern may repeat at one p (several of its strings).
  // With `boundaries`, only positions where RE2's \b holds in `text` (the
  // byte before p counts, also at `from`), as WordPrefilter::Find tests
  // them; without, every position. One scan stands for a Find per pattern.
  void FindPositions(std::string_view text, std::size_t from, std::size_t end, bool boundaries,
                     std::vector<std::pair<std::size_t, int>>& out) const;

  [[nodiscard]] bool empty() const { return nodes_.size() <= 1; }

 private:
  // A node of the packed trie (as WordPrefilter's), and where the patterns
  // ending there are listed in ids_ (0: none).
  struct Node {
    std::uint32_t lo = 0, hi = 0;  // symbol classes with a child
    std::uint32_t first = 0;       // children: contiguous, by class
    std::uint32_t ids = 0;         // ids_[ids]: how many patterns, then them
  };
  // The walk Find and FindPositions share: from every position p in
  // [from, end) that a key can begin at and `skip(p)` does not reject, follow
  // the trie over the folded text and call `emit(p, first, last)` with the
  // patterns of each node reached that lists some. Defined in
  // prefilter.cpp, its only user.
  template <typename Skip, typename Emit>
  void Walk(const unsigned char* t, std::size_t from, std::size_t end, Skip skip, Emit emit) const;

  std::vector<Node> nodes_;  // 0: the root; breadth-first
  std::vector<int> ids_;
  // (node, symbol, child) for children on a symbol of no class of its own.
  std::vector<std::tuple<std::uint32_t, unsigned char, std::uint32_t>> rare_;
  bool starts_[256] = {};  // text bytes a walk can begin with
};

// Words every match of the RE2 `pattern` contains, ASCII letters and digits
// lower-cased: each entry is a disjunction, one of whose strings occurs in
// the text of any match (all entries hold). Groups whose name begins with
// `skip_group` (the trigger, which the set prefilter has already seen) and
// optional parts are left out; at most a few entries, the most selective
// first; empty when nothing is known. Conservative: the test may pass where
// RE2 then fails, never fail where RE2 would match. Exposed for tests.
// With `ends`: also the strings one of which every match ends with (ASCII
// letters and digits lower-cased, as its required words), or nothing when
// that is not known (a match may end with another character, or be empty).
[[nodiscard]] std::vector<std::vector<std::string>> RequiredWords(
    std::string_view pattern, std::string_view skip_group,
    std::vector<std::string>* ends = nullptr);

// Whether `lower` (LowerForRequiredWords of the searched text) holds every
// entry of `required`.
[[nodiscard]] bool HasRequiredWords(const std::vector<std::vector<std::string>>& required,
                                    std::string_view lower);

// `text` with ASCII letters lower-cased into `lower`; false when the text
// holds a character RE2 folds to an ASCII letter (KELVIN SIGN, LONG S), where
// the test must not be used.
[[nodiscard]] bool LowerForRequiredWords(std::string_view text, std::string& lower);

// The bytes a match of the RE2 `pattern` can begin with, bit b of word
// b / 64: a conservative superset (ASCII letters in either case, and with
// any letter the first bytes of KELVIN SIGN and LONG S, which RE2 folds to
// k and s; any non-ASCII character all bytes from 0x80). Nothing when a
// match may be empty or the pattern holds a construct not read here (a
// negated class, '.', \p, \x, ...). Anchored searches skip positions
// whose byte is not in it (matcher.cpp). Exposed for tests.
[[nodiscard]] std::optional<std::array<std::uint64_t, 4>> FirstBytes(std::string_view pattern);

// The index of the ']' that closes the RE2 character class opening at
// pattern[open] ('['), skipping escapes, a leading '^' or ']' and
// [:name:] classes; pattern.size() when it is not closed.
[[nodiscard]] std::size_t CharClassEnd(std::string_view pattern, std::size_t open);

// A start window for a pattern without leading strings (docs/scale.md,
// "session 27, h-speed36"). The pattern is read as a sequence A R of its
// top-level parts (groups without alternation or quantifier opened up):
// every match of R begins with one of `leading` (LeadingStrings of R), and
// every text A matches holds at most `runs` maximal runs of the bytes
// \t \n \v \f \r and space (a word count: `[\w-]+` has no length bound,
// but no space). So a match begins at most `runs` such runs before the
// first position at or after the search's start where one of R's leading
// strings occurs, and an unanchored search may start there
// (StartWindowBegin): RE2's leftmost match is the same. The split is the
// first one whose R has leading strings and whose A has at most
// kMaxWindowRuns runs; nullopt when there is none (A may hold unbounded
// whitespace, as in `(?:\w+\s+)*`, or something not read here).
struct StartWindow {
  std::vector<std::string> leading;
  int runs = 0;
};
inline constexpr int kMaxWindowRuns = 16;
[[nodiscard]] std::optional<StartWindow> DeriveStartWindow(std::string_view pattern);

// The first position s in [from, at] such that text[s, at) holds at most
// `runs` maximal runs of whitespace bytes (as DeriveStartWindow counts
// them): where a match whose R part begins at `at` can begin at the
// earliest.
[[nodiscard]] std::size_t StartWindowBegin(std::string_view text, std::size_t from, std::size_t at,
                                           int runs);

// A necessary condition for a match of a pattern whose every top-level
// alternative holds a mandatory trigger group (docs/scale.md, "session 28,
// h-speed38"): an RE2 pattern, the union of those groups' bodies (named
// groups made non-capturing, the flag groups around them and the
// pattern's leading flags kept), that matches inside every match of
// `pattern`. The pattern is read as alternatives of sequences; a sequence
// holds a trigger when one of its items that must occur does (a group
// named trigger*, or a group, not optional, all of whose alternatives hold
// one). nullopt when some alternative holds none, or on syntax not read
// here (an inline "(?i)" after the start, \Q). With `at_boundary`: whether
// every body of the union begins, in every match of `pattern` that begins
// at a \b, where \b was asserted or after a byte that is not an ASCII
// word byte, or where the match began ("session 28, h-speed40").
[[nodiscard]] std::optional<std::string> DeriveTriggerNeed(std::string_view pattern,
                                                           bool* at_boundary = nullptr);

// Index keys for such a pattern (docs/scale.md, "session 28, h-speed40"):
// the leading strings of DeriveTriggerNeed's union when every body begins
// at a boundary (`at_boundary`) and every string begins with an ASCII word
// byte. Then, in a text without KELVIN SIGN and LONG S, every match of
// `pattern` that begins at a \b holds a body that begins with one of them
// at a position where \b holds, or at the text's start: where
// LeadingIndex looks. nullopt otherwise, or when the pattern holds KELVIN
// SIGN or LONG S.
[[nodiscard]] std::optional<std::vector<std::string>> TriggerBodyLeading(std::string_view pattern);

class WordPrefilter {
 public:
  // One entry per pattern; a pattern without leading strings makes
  // always() true.
  explicit WordPrefilter(const std::vector<std::string>& patterns);
  // From leading strings already derived (LeadingStrings of each pattern,
  // concatenated); none makes always() true.
  [[nodiscard]] static WordPrefilter FromLeading(std::vector<std::string> leading);

  // The first position p in [from, end) where some pattern's leading
  // string occurs in text[p, end); npos when none. With `boundaries`, only
  // positions where RE2's \b holds in `text` (the byte before p counts).
  // With always(), the first position (boundary) at all.
  [[nodiscard]] std::size_t Find(std::string_view text, std::size_t from, std::size_t end,
                                 bool boundaries = false) const;

  [[nodiscard]] bool always() const { return always_; }

 private:
  // A node of the packed trie (session 26, h-speed32): the classes of the
  // symbols it has a child for (a 64-bit set; every symbol of the shipped
  // leading strings has a class of its own, the others share one and are
  // looked up in rare_), its children contiguous in class order from
  // `first`, so a step reads one 12-byte node and counts bits instead of
  // reading a node, its edge list or table and then the child, each in its
  // own array.
  struct Node {
    std::uint32_t lo = 0, hi = 0;
    std::uint32_t first = 0;  // kTerminal: a string ends here
  };
  static constexpr std::uint32_t kTerminal = 0xFFFFFFFFU;
  [[nodiscard]] bool LeadsAt(const unsigned char* t, std::size_t p, std::size_t end) const;
  WordPrefilter() = default;
  void Build(std::vector<std::string> all);

  bool always_ = false;
  bool starts_[256] = {};  // text bytes a walk can begin with
  // 0: the root (terminal, and then never walked, only for an empty key);
  // breadth-first.
  std::vector<Node> nodes_;
  // (node, symbol, child) for children on a symbol of no class of its own.
  std::vector<std::tuple<std::uint32_t, unsigned char, std::uint32_t>> rare_;
};

}  // namespace eventline
