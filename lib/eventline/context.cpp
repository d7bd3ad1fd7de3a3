// lib/eventline/context.cpp: sentence-level context tests (context.h).
#include "eventline/context.h"

#include <cctype>
#include <vector>

#include "eventline/rules.h"

namespace eventline {
namespace {

struct Word {
  std::size_t b, e;
  std::string lower;
};

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '-' || c == '\'';
}

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";  // U+2019

// Length of the word character at `i` (a typographic apostrophe is one, of
// three bytes), 0 when there is none.
std::size_t WordCharAt(std::string_view s, std::size_t i) {
  if (IsWordByte(s[i])) return 1;
  return s.substr(i, 3) == kCurlyApostrophe ? 3 : 0;
}

// Words of `s`: runs of ASCII letters, digits, hyphens and apostrophes
// (straight or typographic, written as a straight one), with the hyphens
// and apostrophes at their edges left out ("'Titanic'" -> "titanic"), lower
// case.
std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = WordCharAt(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    Word w{i, i, {}};
    while (i < s.size() && (n = WordCharAt(s, i)) != 0) {
      const char c =
          n == 3 ? '\'' : static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      if (!(w.lower.empty() && (c == '-' || c == '\''))) {
        if (w.lower.empty()) w.b = i;
        w.lower += c;
        w.e = i + n;
      }
      i += n;
    }
    // Trailing hyphens and apostrophes.
    while (!w.lower.empty() && (w.lower.back() == '-' || w.lower.back() == '\'')) {
      w.e -= (w.e >= 3 && s.substr(w.e - 3, 3) == kCurlyApostrophe) ? 3 : 1;
      w.lower.pop_back();
    }
    if (!w.lower.empty()) out.push_back(std::move(w));
  }
  return out;
}

bool IsAccidentType(std::string_view type) {
  return type == "casualties" || type == "explosion" || type == "equipment_loss";
}

}  // namespace

void ContextWords::Phrases::Add(std::string_view entry) {
  const std::vector<Word> words = Words(entry);
  if (words.empty()) return;
  std::string phrase;
  for (const Word& w : words) {
    if (!phrase.empty()) phrase += ' ';
    phrase += w.lower;
  }
  set.insert(std::move(phrase));
  if (words.size() > max_words) max_words = words.size();
}

ContextWords ContextWords::FromRules(const RuleSet* rules) {
  ContextWords c;
  if (rules == nullptr) return c;
  const auto add = [&](std::string_view name, Phrases& to) {
    const auto it = rules->lexicons.find(name);
    if (it == rules->lexicons.end()) return;
    for (const std::string& entry : it->second) to.Add(entry);
  };
  add("ACCIDENT_CUE", c.accident_);
  add("FIRE_CUE", c.fire_);
  add("HOSTILE_CUE", c.hostile_);
  add("FICTION_CUE", c.fiction_);
  return c;
}

ContextWords ContextWords::FromLists(std::initializer_list<std::string_view> accident,
                                     std::initializer_list<std::string_view> fire,
                                     std::initializer_list<std::string_view> hostile,
                                     std::initializer_list<std::string_view> fiction) {
  ContextWords c;
  for (std::string_view e : accident) c.accident_.Add(e);
  for (std::string_view e : fire) c.fire_.Add(e);
  for (std::string_view e : hostile) c.hostile_.Add(e);
  for (std::string_view e : fiction) c.fiction_.Add(e);
  return c;
}

bool ContextWords::Finds(const Phrases& p, std::string_view s, std::size_t skip_b,
                         std::size_t skip_e) {
  if (p.Empty()) return false;
  const std::vector<Word> words = Words(s);
  std::string phrase;
  for (std::size_t i = 0; i < words.size(); ++i) {
    phrase.clear();
    for (std::size_t n = 0; n < p.max_words && i + n < words.size(); ++n) {
      const Word& w = words[i + n];
      if (skip_b < skip_e && w.b < skip_e && skip_b < w.e) break;  // touches the skipped span
      if (n > 0) phrase += ' ';
      phrase += w.lower;
      if (p.set.contains(phrase)) return true;
    }
  }
  return false;
}

bool ContextWords::NamesAccident(std::string_view sentence, bool with_fire) const {
  return Finds(accident_, sentence, 0, 0) || (with_fire && Finds(fire_, sentence, 0, 0));
}

bool ContextWords::NamesHostileAct(std::string_view sentence, std::size_t skip_begin,
                                   std::size_t skip_end) const {
  return Finds(hostile_, sentence, skip_begin, skip_end);
}

bool ContextWords::NamesFiction(std::string_view sentence) const {
  return Finds(fiction_, sentence, 0, 0);
}

bool ContextWords::Vetoes(std::string_view event_type, std::string_view sentence,
                          std::size_t trigger_begin, std::size_t trigger_end) const {
  if (NamesFiction(sentence)) return true;
  // A fire follows a blast or a sinking as often as it causes one: fire
  // words count for casualties only.
  return IsAccidentType(event_type) && NamesAccident(sentence, event_type == "casualties") &&
         !NamesHostileAct(sentence, trigger_begin, trigger_end);
}

}  // namespace eventline
