#include "eventline/clean.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

#include "eventline/utf8.h"

namespace eventline {

namespace {

constexpr std::string_view kCaption = "caption";
constexpr std::string_view kCredit = "credit";
constexpr std::string_view kReadMore = "read-more";
constexpr std::string_view kSignUp = "sign-up";
constexpr std::string_view kAdvert = "advert";
constexpr std::string_view kCounter = "counter";
constexpr std::string_view kNavigation = "navigation";
constexpr std::string_view kTimestamp = "timestamp";

// Lines longer than this are paragraphs: only the caption test applies.
constexpr std::size_t kShortLine = 160;
// A caption with its credit is one or two sentences; a longer line ending in
// "Photograph: X" is a glued live-blog paragraph and stays.
constexpr std::size_t kCaptionLine = 320;

// Whole-line navigation labels, compared after lower-casing ASCII and
// dropping trailing ':' '>' '»' '›' and spaces.
constexpr std::array<std::string_view, 46> kNavigationLabels = {"jump directly to the content",
                                                                "jump to content",
                                                                "skip to main content",
                                                                "skip to content",
                                                                "skip to navigation",
                                                                "skip to key events",
                                                                "topics",
                                                                "related topics",
                                                                "tags",
                                                                "share",
                                                                "share this",
                                                                "share this article",
                                                                "share this story",
                                                                "share on facebook",
                                                                "share on twitter",
                                                                "share via email",
                                                                "follow us",
                                                                "follow us on twitter",
                                                                "follow us on facebook",
                                                                "comments",
                                                                "view comments",
                                                                "most read",
                                                                "most popular",
                                                                "most viewed",
                                                                "related",
                                                                "related articles",
                                                                "related stories",
                                                                "more on this story",
                                                                "explore more on these topics",
                                                                "reuse this content",
                                                                "back to top",
                                                                "home",
                                                                "menu",
                                                                "search",
                                                                "close",
                                                                "print",
                                                                "email",
                                                                "facebook",
                                                                "twitter",
                                                                "whatsapp",
                                                                "linkedin",
                                                                "copy link",
                                                                "next article",
                                                                "previous article",
                                                                "key events",
                                                                "show key events only"};

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

struct Patterns {
  // A credit glued to or appended after a caption: "...a blastCredit: Reuters",
  // "Troops near the river. Photograph: Ann Other/AFP/Getty Images".
  // Group 1 is the caption text before the credit.
  RE2 credit_suffix{
      "^(.*?\\S)\\s*(?:Credits?|Photograph|Photo|Picture|Image|Illustration|Video)\\s*:\\s*"
      "(?:©\\s*)?[\\p{Lu}\\d][^.!?]{0,78}[^.!?:,;]?\\.?$",
      Opts()};
  // A credit line alone: "Credit: X", "Photograph: X/Getty Images", "© AP".
  RE2 credit_line{
      "^(?:(?:Credits?|Photograph|Photo|Picture|Image|Illustration|Video|Photos|Images)\\s*:\\s*"
      "\\S.{0,90}|(?:©|\\((?i:c)\\)|(?i:copyright\\s+©?))\\s*\\S.{0,60})$",
      Opts()};
  RE2 counter{"^\\d{1,4}(?:\\s*(?:/|(?i:of))\\s*\\d{1,4})?$", Opts()};
  RE2 read_more{
      "^(?i:read\\s+more|read\\s+next|read\\s+also|more\\s+on\\s+this\\s+story|see\\s+also|"
      "related\\s*:|also\\s+read)\\b",
      Opts()};
  RE2 sign_up{
      "^(?i:sign\\s*up|sign\\s+in|subscribe|log\\s*in\\b|register\\s+(?:now|for|to)|"
      "get\\s+our\\s+\\S+(?:\\s+\\S+){0,3}\\s+newsletter|download\\s+(?:the|our)\\s+app|"
      "we\\s+use\\s+cookies|accept\\s+(?:all\\s+)?cookies)\\b",
      Opts()};
  RE2 advert{"^(?i:advertisement|advert|sponsored(?:\\s+content)?|ad|promoted|paid\\s+content)$",
             Opts()};
  // "Last modified on Mon 4 Apr 2022 10.17 BST", "Updated at 08.33 BST".
  RE2 timestamp{
      "^(?i:first\\s+published|published|last\\s+modified|last\\s+updated|updated|posted)"
      "(?:\\s+(?i:on|at))?\\s*:?\\s*(?:\\d|(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|"
      "jun|jul|aug|sep|oct|nov|dec))\\S*(?:\\s+\\S+){0,8}$",
      Opts()};
  RE2 has_digit{"\\d", Opts()};
};

const Patterns& P() {
  static const Patterns* const patterns = new Patterns();
  return *patterns;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string NavKey(std::string_view t) {
  std::string key;
  key.reserve(t.size());
  for (char c : t) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (;;) {  // drop trailing decoration: ':' '>' '»' '›' and spaces
    if (!key.empty() && (key.back() == ':' || key.back() == '>' || key.back() == ' ')) {
      key.pop_back();
    } else if (EndsWith(key, "\xC2\xBB")) {
      key.resize(key.size() - 2);
    } else if (EndsWith(key, "\xE2\x80\xBA")) {
      key.resize(key.size() - 3);
    } else {
      break;
    }
  }
  return key;
}

// The longest navigation label: a longer key is none of them.
constexpr std::size_t kLongestLabel = [] {
  std::size_t n = 0;
  for (std::string_view l : kNavigationLabels) n = std::max(n, l.size());
  return n;
}();

// NavKey's length: lower-casing keeps the length and the decoration.
std::size_t NavKeySize(std::string_view t) {
  for (;;) {
    if (!t.empty() && (t.back() == ':' || t.back() == '>' || t.back() == ' ')) {
      t.remove_suffix(1);
    } else if (EndsWith(t, "\xC2\xBB")) {
      t.remove_suffix(2);
    } else if (EndsWith(t, "\xE2\x80\xBA")) {
      t.remove_suffix(3);
    } else {
      return t.size();
    }
  }
}

bool IsNavigation(std::string_view t) {
  // Prose is longer than any label: no key to build for it.
  if (NavKeySize(t) <= kLongestLabel) {
    const std::string key = NavKey(t);
    if (std::find(kNavigationLabels.begin(), kNavigationLabels.end(), key) !=
        kNavigationLabels.end()) {
      return true;
    }
  }
  // "Home | World | Europe": three or more short items split by '|'.
  int bars = 0;
  for (char c : t) bars += c == '|';
  if (bars >= 2 && t.size() < 100) {
    const char last = t.back();
    return last != '.' && last != '!' && last != '?';
  }
  return false;
}

// Caption text without trailing full stop or spaces, for comparing a bare
// caption with its credited copy.
std::string_view CaptionKey(std::string_view s) {
  s = TrimSpace(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// Whether the line's first word (its leading ASCII letters, compared
// lower-case) is one of `words`, or a prefix of it one of `prefixes`: each
// short-line pattern begins with one of a few words, followed by a space, a
// colon, a digit or the end, so a line that begins otherwise cannot match
// and its RE2 call is saved. True when a non-ASCII byte ends the letters
// (RE2's case folding decides: U+017F is 's', U+212A is 'k').
bool FirstWordMay(std::string_view t, std::initializer_list<std::string_view> words,
                  std::initializer_list<std::string_view> prefixes = {}) {
  char word[16];
  std::size_t n = 0;
  for (; n < t.size(); ++n) {
    const char c = t[n];
    if (c >= 'A' && c <= 'Z') {
      if (n < sizeof word) word[n] = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      if (n < sizeof word) word[n] = c;
    } else {
      break;
    }
  }
  if (n < t.size() && static_cast<unsigned char>(t[n]) >= 0x80) return true;
  const std::string_view w(word, std::min(n, sizeof word));
  for (std::string_view p : prefixes) {
    if (n >= p.size() && w.substr(0, p.size()) == p) return true;
  }
  if (n > sizeof word) return false;  // longer than every word listed
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::string_view Classify(std::string_view t) {
  const Patterns& p = P();
  if (t.size() <= kShortLine) {
    // Each pattern is anchored at the start: a line whose first byte none
    // of its matches can begin with skips it (most lines are prose). Any
    // non-ASCII first byte is left to RE2 (case folding: U+017F is 's').
    const unsigned char first = static_cast<unsigned char>(t.front());
    const auto may_begin = [&](std::string_view firsts) {
      if (first >= 0x80) return true;
      // A byte loop: `find` is a memchr call, eight a line.
      for (const char c : firsts) {
        if (c == static_cast<char>(first)) return true;
      }
      return false;
    };
    if (may_begin("0123456789") && RE2::FullMatch(t, p.counter)) return kCounter;
    // The words each pattern can begin with (see FirstWordMay).
    if (may_begin("CPIV(c") &&
        (first >= 0x80 || first == '(' ||
         FirstWordMay(t, {"credit", "credits", "photograph", "photo", "picture", "image",
                          "illustration", "video", "photos", "images", "copyright"})) &&
        RE2::FullMatch(t, p.credit_line))
      return kCredit;
    if (may_begin("aAsSpP") &&
        FirstWordMay(t, {"advertisement", "advert", "sponsored", "ad", "promoted", "paid"}) &&
        RE2::FullMatch(t, p.advert))
      return kAdvert;
    if (IsNavigation(t)) return kNavigation;
    if (may_begin("rRmMsSaA") && FirstWordMay(t, {"read", "more", "see", "related", "also"}) &&
        RE2::PartialMatch(t, p.read_more))
      return kReadMore;
    if (may_begin("sSlLrRgGdDwWaA") &&
        FirstWordMay(t, {"sign", "signup", "subscribe", "log", "login", "register", "get",
                         "download", "we", "accept"}) &&
        RE2::PartialMatch(t, p.sign_up))
      return kSignUp;
    // "Updated08.33" or "Publishedmon 4 Apr" match too (\s*): prefixes.
    if (t.size() <= 100 && may_begin("fFpPlLuU") &&
        FirstWordMay(t, {}, {"first", "published", "last", "updated", "posted"}) &&
        RE2::FullMatch(t, p.timestamp) && RE2::PartialMatch(t, p.has_digit)) {
      return kTimestamp;
    }
  }
  if (t.size() <= kCaptionLine && t.find(':') != std::string_view::npos &&
      RE2::FullMatch(t, p.credit_suffix)) {
    return kCaption;
  }
  return {};
}

}  // namespace

std::vector<Line> ClassifyLines(std::string_view text, bool keep_boilerplate) {
  std::vector<Line> lines;
  ClassifyLines(text, keep_boilerplate, lines);
  return lines;
}

void ClassifyLines(std::string_view text, bool keep_boilerplate, std::vector<Line>& lines) {
  lines.clear();
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    const bool last = eol == std::string_view::npos;
    if (last) eol = text.size();
    std::size_t end = eol;
    if (end > pos && text[end - 1] == '\r') --end;
    if (!(last && pos == text.size())) lines.push_back({pos, end, true, {}});
    if (last) break;
    pos = eol + 1;
  }
  if (keep_boilerplate) return;

  const Patterns& p = P();
  for (Line& line : lines) {
    const std::string_view t = TrimSpace(text.substr(line.begin, line.end - line.begin));
    if (t.empty()) continue;
    const std::string_view reason = Classify(t);
    if (reason.empty()) continue;
    line.keep = false;
    line.reason = reason;
  }
  // A bare caption near its credited copy is a caption too (galleries print
  // the caption, a counter, then the caption again with the credit glued on).
  constexpr int kCaptionWindow = 4;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].reason != kCaption) continue;
    const std::string_view t =
        TrimSpace(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    std::string bare;
    if (!RE2::FullMatch(t, p.credit_suffix, &bare)) continue;
    const std::string_view want = CaptionKey(bare);
    const std::size_t lo = i >= kCaptionWindow ? i - kCaptionWindow : 0;
    const std::size_t hi = std::min(lines.size(), i + kCaptionWindow + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (j == i || !lines[j].keep) continue;
      if (CaptionKey(text.substr(lines[j].begin, lines[j].end - lines[j].begin)) == want) {
        lines[j].keep = false;
        lines[j].reason = kCaption;
      }
    }
  }
}

void PrepareClassifyLines() { (void)P(); }

}  // namespace eventline
