#include "eventline/sentences.h"

#include <algorithm>
#include <array>
#include <string>

#include "eventline/utf8.h"

namespace eventline {

namespace {

// A line without final punctuation shorter than this (trimmed bytes) ends a
// sentence at its line break: it is a headline, a list item or a label.
// Hard-wrapped newswire lines are ~60-80 bytes long.
constexpr std::size_t kTitleLine = 55;
// A line longer than this is a paragraph of its own, not a wrapped line.
constexpr std::size_t kWrapWidth = 100;

// Words that take a full stop and do not end a sentence (compared lower-case,
// without the dot). "No" is here only before a number, see IsAbbreviation.
constexpr std::array<std::string_view, 53> kAbbreviations = {
    "gen",    "lt",   "col", "maj",    "sgt", "capt", "cpt",  "cpl",  "pte", "pvt", "adm",
    "brig",   "cmdr", "cdr", "gov",    "sen", "rep",  "pres", "dr",   "mr",  "mrs", "ms",
    "messrs", "prof", "rev", "fr",     "st",  "mt",   "ft",   "jr",   "sr",  "jan", "feb",
    "mar",    "apr",  "jun", "jul",    "aug", "sep",  "sept", "oct",  "nov", "dec", "vs",
    "e.g",    "i.e",  "cf",  "approx", "fig", "gens", "cols", "insp", "supt"};

// Words that usually open a sentence; after "U.S." or an initial "A." they
// tell that the full stop did end the sentence.
constexpr std::array<std::string_view, 40> kStarters = {
    "the",       "a",     "an",    "he",        "she",    "it",      "they",      "we",
    "i",         "you",   "in",    "on",        "at",     "but",     "and",       "this",
    "that",      "these", "those", "its",       "his",    "her",     "their",     "there",
    "after",     "as",    "for",   "if",        "when",   "while",   "meanwhile", "however",
    "according", "some",  "many",  "officials", "police", "earlier", "later",     "both"};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsLowerCp(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x430 && cp <= 0x45F) || (cp >= 0x3B1 && cp <= 0x3C9);
}

// Quotes and brackets that may close after a full stop: " ' ) ] ” ’ ».
std::size_t CloserLengthAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (static_cast<unsigned char>(c) < 0xC2) return 0;
  if (s.compare(i, 3, "\xE2\x80\x9D") == 0 || s.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
  if (s.compare(i, 2, "\xC2\xBB") == 0) return 2;
  return 0;
}

// Quotes and brackets that may open a sentence: " ' ( [ “ ‘ «.
std::size_t OpenerLengthAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  if (static_cast<unsigned char>(c) < 0xC2) return 0;
  if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) return 3;
  if (s.compare(i, 2, "\xC2\xAB") == 0) return 2;
  return 0;
}

bool MayStartTerminator(char c) { return c == '.' || c == '!' || c == '?' || c == '\xE2'; }

// Sentence-ending marks: . ! ? and the ellipsis character.
std::size_t TerminatorLengthAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (c == '\xE2' && s.compare(i, 3, "\xE2\x80\xA6") == 0) return 3;
  return 0;
}

// The word right after position `i` (skipping spaces and opening quotes),
// up to the next space or punctuation other than '.', '-' and '\''.
std::string_view NextWord(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end) {
    std::size_t n = SpaceLengthAt(s, i);
    if (n == 0) n = OpenerLengthAt(s, i);
    if (n == 0) break;
    i += n;
  }
  std::size_t j = i;
  while (j < end && SpaceLengthAt(s, j) == 0) {
    const char c = s[j];
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')') break;
    ++j;
  }
  return s.substr(i, j - i);
}

// The token ending at `i` (exclusive), without leading opening quotes/brackets.
std::string_view WordBefore(std::string_view s, std::size_t begin, std::size_t i) {
  std::size_t j = i;
  while (j > begin && SpaceLengthBefore(s, j) == 0) --j;
  std::string_view w = s.substr(j, i - j);
  while (!w.empty()) {
    const std::size_t n = OpenerLengthAt(w, 0);
    if (n == 0) break;
    w.remove_prefix(n);
  }
  return w;
}

bool Contains(const auto& table, std::string_view key) {
  return std::find(table.begin(), table.end(), key) != table.end();
}

bool IsStarter(std::string_view word) {
  std::string w = LowerAscii(word);
  while (!w.empty() && !IsAsciiAlpha(w.back())) w.pop_back();
  return Contains(kStarters, w);
}

// "U.S", "e.g", "a.m": letters with inner dots.
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 3 || w.find('.') == std::string_view::npos) return false;
  for (char c : w) {
    if (c != '.' && !IsAsciiAlpha(c)) return false;
  }
  return true;
}

// A word that goes on after "a.m." / "p.m.": a weekday, a month (full or
// abbreviated) or a time zone.
bool ContinuesClockTime(std::string_view next) {
  static constexpr std::array<std::string_view, 38> kWords = {
      "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
      "october",  "november", "december",  "jan",      "feb",    "mar",      "apr",    "jun",
      "jul",      "aug",      "sep",       "sept",     "oct",    "nov",      "dec",    "gmt",
      "utc",      "et",       "est",       "edt",      "bst",    "cet"};
  // the leading letters: "Friday's", "Friday," and "Jan." keep their word
  std::size_t n = 0;
  while (n < next.size() && IsAsciiAlpha(next[n])) ++n;
  return Contains(kWords, LowerAscii(next.substr(0, n)));
}

// The part of a word after its last hyphen or en dash ("30-feb" -> "feb"),
// empty when it has none: a range of dates written without spaces ("Jan.
// 30-Feb. 2", "Aug. 28–Sept. 1") runs its second month into the first day.
std::string_view AfterDash(std::string_view w) {
  const std::size_t hyphen = w.rfind('-');
  const std::size_t dash = w.rfind("\xE2\x80\x93");
  if (hyphen == std::string_view::npos && dash == std::string_view::npos) return {};
  if (dash == std::string_view::npos || (hyphen != std::string_view::npos && hyphen > dash))
    return w.substr(hyphen + 1);
  return w.substr(dash + 3);
}

// Whether the full stop at `dot` (a single '.') ends the sentence.
bool FullStopEnds(std::string_view s, std::size_t seg_begin, std::size_t seg_end, std::size_t dot,
                  std::size_t after) {
  const std::string_view next = NextWord(s, after, seg_end);
  if (next.empty()) return true;
  const DecodedChar first = DecodeUtf8At(next, 0);
  if (IsLowerCp(first.cp)) return false;
  const std::string_view word = WordBefore(s, seg_begin, dot);
  if (word.empty()) return true;
  const std::string lower = LowerAscii(word);
  if (Contains(kAbbreviations, lower)) return false;
  if (Contains(kAbbreviations, AfterDash(lower))) return false;  // "Jan. 30-Feb. 2"
  if ((lower == "no" || lower == "nos") && (IsDigit(next[0]) || next[0] == '#')) return false;
  if (word.size() == 1 && IsAsciiAlpha(word[0])) return IsStarter(next);  // initial "J."
  if (IsDottedAcronym(word)) {
    // "at 7 a.m. Friday", "at 9 p.m. Jan. 5", "at 6 a.m. GMT": a clock time
    // goes on with its day, month or zone (h-dates10; cutting there left
    // "Friday, Qatar said." a sentence of its own, read in the past).
    if (lower == "a.m" || lower == "p.m") return !ContinuesClockTime(next);
    return IsStarter(next);  // "the U.S. Army" vs "in the U.S. The"
  }
  return true;
}

// "in Kentucky.All four", "he said.“For": a terminator with no space after
// it ends a sentence when a lower-case word (2+ letters, not an
// abbreviation) precedes it and a capitalised word follows.
bool GluedBoundary(std::string_view s, std::size_t seg_begin, std::size_t term, std::size_t after,
                   std::size_t seg_end) {
  std::size_t k = after;
  while (k < seg_end) {
    const std::size_t n = OpenerLengthAt(s, k);
    if (n == 0) break;
    k += n;
  }
  if (k + 1 >= seg_end) return false;
  if (!(s[k] >= 'A' && s[k] <= 'Z') || !(s[k + 1] >= 'a' && s[k + 1] <= 'z')) return false;
  const std::string_view word = WordBefore(s, seg_begin, term);
  if (word.size() < 2) return false;
  const char a = word[word.size() - 1], b = word[word.size() - 2];
  if (!(a >= 'a' && a <= 'z') || !(b >= 'a' && b <= 'z')) return false;
  if (word.find('.') != std::string_view::npos || word.find('/') != std::string_view::npos) {
    return false;  // "e.g.", URLs
  }
  return !Contains(kAbbreviations, LowerAscii(word));
}

// True when the line break after `prev` (a kept, non-blank line) ends a sentence
// before `line`.
bool BreakEndsSentence(std::string_view text, const Line& prev, const Line& line) {
  const std::string_view raw = text.substr(line.begin, line.end - line.begin);
  if (!raw.empty() && (raw[0] == '\t' || raw.substr(0, 2) == "  ")) return true;  // indented
  const std::string_view a = TrimSpace(text.substr(prev.begin, prev.end - prev.begin));
  const std::string_view b = TrimSpace(raw);
  // List item markers.
  if (b.size() >= 2 && (b[0] == '-' || b[0] == '*') && b[1] == ' ') return true;
  if (b.compare(0, 3, "\xE2\x80\xA2") == 0) return true;
  std::size_t end = a.size();
  while (end > 0) {
    const std::size_t n = CloserLengthAt(a, end - 1) ? 1 : 0;  // ASCII closers only here
    if (n == 0) break;
    end -= n;
  }
  const char last = a.empty() ? ' ' : a.back();
  if (last == ',' || last == '-' || last == ';' || last == '(' || last == '&') return false;
  if (end > 0 && TerminatorLengthAt(a, end - 1)) return false;  // the full stop decides
  if (a.size() > kWrapWidth) return true;                       // paragraph-per-line text
  return a.size() < kTitleLine;                                 // a headline or label
}

struct Range {
  std::size_t begin, end;
};

// A sentence is cut at a space before this many bytes. The work per sentence
// grows faster than its length (every trigger reads the whole sentence): a
// text without full stops, one 128 KB "sentence", took 92 s and 340 MB, and
// 50 MB never finished. The longest sentence of the dev corpora is 1,284
// bytes (MUC-4), of Reuters-21578 662, so none is cut.
constexpr std::size_t kMaxSentence = 2048;

void Emit(std::string_view text, std::size_t b, std::size_t e, std::vector<Sentence>& out) {
  std::string_view t = TrimSpace(text.substr(b, e - b));
  while (t.size() > kMaxSentence) {
    std::size_t cut = t.find_last_of(" \t\n\r", kMaxSentence);
    if (cut == std::string_view::npos || cut == 0) {
      cut = kMaxSentence;  // no space: cut on a code point boundary
      while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
      if (cut == 0) cut = kMaxSentence;  // invalid UTF-8: any byte will do
    }
    const std::string_view head = TrimSpace(t.substr(0, cut));
    const std::size_t begin = static_cast<std::size_t>(head.data() - text.data());
    out.push_back({begin, begin + head.size(), static_cast<int>(out.size()) + 1});
    t = TrimSpace(t.substr(cut));
  }
  if (t.empty()) return;
  const std::size_t begin = static_cast<std::size_t>(t.data() - text.data());
  out.push_back({begin, begin + t.size(), static_cast<int>(out.size()) + 1});
}

void SplitSegment(std::string_view text, Range seg, std::vector<Sentence>& out) {
  std::size_t start = seg.begin;
  std::size_t i = seg.begin;
  while (i < seg.end) {
    while (i < seg.end && !MayStartTerminator(text[i])) ++i;
    if (i >= seg.end) break;
    std::size_t n = TerminatorLengthAt(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    const std::size_t term = i;
    bool single_dot = text[i] == '.';
    std::size_t j = i + n;
    while (j < seg.end && (n = TerminatorLengthAt(text, j)) > 0) {
      single_dot = false;
      j += n;
    }
    while (j < seg.end && (n = CloserLengthAt(text, j)) > 0) j += n;
    if (j >= seg.end) break;
    if (SpaceLengthAt(text, j) == 0) {
      // Scraped text glues paragraphs: "...in Kentucky.All four leaders".
      if (GluedBoundary(text, seg.begin, term, j, seg.end)) {
        Emit(text, start, j, out);
        start = j;
      }
      i = j;
      continue;
    }
    bool ends;
    if (single_dot) {
      ends = FullStopEnds(text, seg.begin, seg.end, term, j);
    } else {
      const std::string_view next = NextWord(text, j, seg.end);
      ends = next.empty() || !IsLowerCp(DecodeUtf8At(next, 0).cp);
    }
    if (ends) {
      Emit(text, start, j, out);
      start = j;
    }
    i = j;
  }
  Emit(text, start, seg.end, out);
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Sentence> out;
  SplitSentences(text, lines, out);
  return out;
}

void SplitSentences(std::string_view text, const std::vector<Line>& lines,
                    std::vector<Sentence>& out) {
  out.clear();
  bool open = false;
  Range seg{0, 0};
  const Line* prev = nullptr;
  for (const Line& line : lines) {
    const bool blank =
        line.end <= line.begin || TrimSpace(text.substr(line.begin, line.end - line.begin)).empty();
    if (!line.keep || blank) {
      if (open) SplitSegment(text, seg, out);
      open = false;
      prev = nullptr;
      continue;
    }
    if (open && prev != nullptr && !BreakEndsSentence(text, *prev, line)) {
      seg.end = line.end;
    } else {
      if (open) SplitSegment(text, seg, out);
      seg = {line.begin, line.end};
      open = true;
    }
    prev = &line;
  }
  if (open) SplitSegment(text, seg, out);
}

std::string CollapseWhitespace(std::string_view s) {
  s = TrimSpace(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  bool in_space = false;
  while (i < s.size()) {
    // Fast path: a run of bytes that cannot start a space is copied at once.
    std::size_t j = i;
    while (j < s.size()) {
      const auto c = static_cast<unsigned char>(s[j]);
      if (c <= ' ' || c == 0xC2 || c == 0xE2) break;
      ++j;
    }
    if (j > i) {
      out.append(s.data() + i, j - i);
      in_space = false;
      i = j;
      continue;
    }
    const std::size_t n = SpaceLengthAt(s, i);
    if (n > 0) {
      if (!in_space) out += ' ';
      in_space = true;
      i += n;
    } else {
      in_space = false;
      out += s[i++];
    }
  }
  return out;
}

}  // namespace eventline
