#include "eventline/inflect.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace eventline {
namespace {

struct Irregular {
  std::string_view base, past, participle;  // '/' separates alternatives
};

// Verbs of news reporting whose past or participle is not base + "ed". Kept
// sorted by base (checked by the unit test); compounds are listed whole.
constexpr std::array kIrregular = std::to_array<Irregular>({
    {"arise", "arose", "arisen"},
    {"awake", "awoke", "awoken"},
    {"bear", "bore", "borne/born"},
    {"beat", "beat", "beaten"},
    {"become", "became", "become"},
    {"begin", "began", "begun"},
    {"bend", "bent", "bent"},
    {"beset", "beset", "beset"},
    {"bid", "bid", "bid"},
    {"bind", "bound", "bound"},
    {"bite", "bit", "bitten"},
    {"bleed", "bled", "bled"},
    {"blow", "blew", "blown"},
    {"break", "broke", "broken"},
    {"bring", "brought", "brought"},
    {"build", "built", "built"},
    {"burn", "burned/burnt", "burned/burnt"},
    {"burst", "burst", "burst"},
    {"buy", "bought", "bought"},
    {"cast", "cast", "cast"},
    {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"},
    {"cling", "clung", "clung"},
    {"come", "came", "come"},
    {"cost", "cost", "cost"},
    {"creep", "crept", "crept"},
    {"cut", "cut", "cut"},
    {"deal", "dealt", "dealt"},
    {"dig", "dug", "dug"},
    {"do", "did", "done"},
    {"draw", "drew", "drawn"},
    {"drive", "drove", "driven"},
    {"eat", "ate", "eaten"},
    {"fall", "fell", "fallen"},
    {"feed", "fed", "fed"},
    {"feel", "felt", "felt"},
    {"fight", "fought", "fought"},
    {"find", "found", "found"},
    {"flee", "fled", "fled"},
    {"fling", "flung", "flung"},
    {"fly", "flew", "flown"},
    {"forbid", "forbade", "forbidden"},
    {"foresee", "foresaw", "foreseen"},
    {"forget", "forgot", "forgotten"},
    {"freeze", "froze", "frozen"},
    {"get", "got", "got/gotten"},
    {"give", "gave", "given"},
    {"go", "went", "gone"},
    {"grind", "ground", "ground"},
    {"grow", "grew", "grown"},
    {"hang", "hung/hanged", "hung/hanged"},
    {"have", "had", "had"},
    {"hear", "heard", "heard"},
    {"hide", "hid", "hidden"},
    {"hit", "hit", "hit"},
    {"hold", "held", "held"},
    {"hurt", "hurt", "hurt"},
    {"keep", "kept", "kept"},
    {"know", "knew", "known"},
    {"lay", "laid", "laid"},
    {"lead", "led", "led"},
    {"leave", "left", "left"},
    {"lend", "lent", "lent"},
    {"let", "let", "let"},
    {"lie", "lay", "lain"},
    {"light", "lit/lighted", "lit/lighted"},
    {"lose", "lost", "lost"},
    {"make", "made", "made"},
    {"mean", "meant", "meant"},
    {"meet", "met", "met"},
    {"mislead", "misled", "misled"},
    {"outrun", "outran", "outrun"},
    {"overcome", "overcame", "overcome"},
    {"override", "overrode", "overridden"},
    {"overrun", "overran", "overrun"},
    {"oversee", "oversaw", "overseen"},
    {"overtake", "overtook", "overtaken"},
    {"overthrow", "overthrew", "overthrown"},
    {"pay", "paid", "paid"},
    {"put", "put", "put"},
    {"quit", "quit", "quit"},
    {"read", "read", "read"},
    {"rebuild", "rebuilt", "rebuilt"},
    {"rend", "rent", "rent"},
    {"retake", "retook", "retaken"},
    {"ride", "rode", "ridden"},
    {"ring", "rang", "rung"},
    {"rise", "rose", "risen"},
    {"run", "ran", "run"},
    {"say", "said", "said"},
    {"see", "saw", "seen"},
    {"seek", "sought", "sought"},
    {"sell", "sold", "sold"},
    {"send", "sent", "sent"},
    {"set", "set", "set"},
    {"shake", "shook", "shaken"},
    {"shed", "shed", "shed"},
    {"shoot", "shot", "shot"},
    {"show", "showed", "shown/showed"},
    {"shrink", "shrank", "shrunk"},
    {"shut", "shut", "shut"},
    {"sink", "sank", "sunk"},
    {"sit", "sat", "sat"},
    {"slay", "slew/slayed", "slain/slayed"},
    {"sleep", "slept", "slept"},
    {"slide", "slid", "slid"},
    {"speak", "spoke", "spoken"},
    {"spend", "spent", "spent"},
    {"spill", "spilled/spilt", "spilled/spilt"},
    {"split", "split", "split"},
    {"spread", "spread", "spread"},
    {"stand", "stood", "stood"},
    {"steal", "stole", "stolen"},
    {"stick", "stuck", "stuck"},
    {"sting", "stung", "stung"},
    {"strike", "struck", "struck/stricken"},
    {"strive", "strove", "striven"},
    {"swear", "swore", "sworn"},
    {"sweep", "swept", "swept"},
    {"swim", "swam", "swum"},
    {"swing", "swung", "swung"},
    {"take", "took", "taken"},
    {"teach", "taught", "taught"},
    {"tear", "tore", "torn"},
    {"tell", "told", "told"},
    {"think", "thought", "thought"},
    {"throw", "threw", "thrown"},
    {"undertake", "undertook", "undertaken"},
    {"uphold", "upheld", "upheld"},
    {"upset", "upset", "upset"},
    {"wake", "woke", "woken"},
    {"wear", "wore", "worn"},
    {"win", "won", "won"},
    {"wind", "wound", "wound"},
    {"withdraw", "withdrew", "withdrawn"},
    {"withhold", "withheld", "withheld"},
    {"write", "wrote", "written"},
});

// Longer verbs stressed on the last syllable, which double their final
// consonant like one-syllable ones ("patrolled", "kidnapped").
constexpr auto kDoubling = std::to_array<std::string_view>({
    "abet",  "admit",  "begin",  "beset",    "commit", "compel", "confer", "control",
    "deter", "embed",  "equip",  "expel",    "forbid", "forget", "incur",  "kidnap",
    "omit",  "occur",  "outrun", "overrun",  "patrol", "permit", "propel", "rebel",
    "refer", "regret", "repel",  "transfer", "upset",
});

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int VowelGroups(std::string_view w) {
  int groups = 0;
  bool in = false;
  for (char c : w) {
    const bool v = IsVowel(c) || (c == 'y' && in);
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

// "stop" -> "stopp": one vowel letter between consonants at the end, in a
// one-syllable verb or one of kDoubling; never after w, x or y.
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3) return false;
  const char last = w.back(), mid = w[w.size() - 2], before = w[w.size() - 3];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  // "qu" spells a consonant: "quit" -> "quitting".
  const bool qu = before == 'u' && w.size() >= 4 && w[w.size() - 4] == 'q';
  if (!IsVowel(mid) || (IsVowel(before) && !qu)) return false;
  if (std::find(kDoubling.begin(), kDoubling.end(), w) != kDoubling.end()) return true;
  return VowelGroups(w) == 1;
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

bool ConsonantY(std::string_view w) {
  return w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]);
}

std::string Third(std::string_view w) {
  std::string s(w);
  if (ConsonantY(w)) return s.substr(0, s.size() - 1) + "ies";
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh") || (EndsWith(w, "o") && !EndsWith(w, "oo"))) {
    return s + "es";
  }
  return s + "s";
}

std::string Past(std::string_view w) {
  std::string s(w);
  if (EndsWith(w, "e")) return s + "d";
  if (ConsonantY(w)) return s.substr(0, s.size() - 1) + "ied";
  if (DoublesFinal(w)) return s + w.back() + "ed";
  return s + "ed";
}

std::string Ing(std::string_view w) {
  std::string s(w);
  if (EndsWith(w, "ie")) return s.substr(0, s.size() - 2) + "ying";
  if (EndsWith(w, "e") && !EndsWith(w, "ee") && !EndsWith(w, "ye") && !EndsWith(w, "oe") &&
      w.size() > 2) {
    return s.substr(0, s.size() - 1) + "ing";
  }
  if (DoublesFinal(w)) return s + w.back() + "ing";
  return s + "ing";
}

void AddAlternatives(std::string_view forms, std::vector<std::string>& out) {
  std::size_t begin = 0;
  while (begin <= forms.size()) {
    std::size_t end = forms.find('/', begin);
    if (end == std::string_view::npos) end = forms.size();
    std::string f(forms.substr(begin, end - begin));
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    begin = end + 1;
  }
}

}  // namespace

std::vector<std::string> VerbForms(std::string_view lemma) {
  std::vector<std::string> out;
  if (lemma.empty()) return out;
  const auto it =
      std::lower_bound(kIrregular.begin(), kIrregular.end(), lemma,
                       [](const Irregular& i, std::string_view l) { return i.base < l; });
  const bool irregular = it != kIrregular.end() && it->base == lemma;
  AddAlternatives(lemma, out);
  AddAlternatives(lemma == "have" ? "has" : lemma == "do" ? "does" : Third(lemma), out);
  if (irregular) {
    AddAlternatives(it->past, out);
    AddAlternatives(it->participle, out);
  } else {
    AddAlternatives(Past(lemma), out);
  }
  AddAlternatives(Ing(lemma), out);
  return out;
}

bool IrregularTableSorted() {
  return std::is_sorted(kIrregular.begin(), kIrregular.end(),
                        [](const Irregular& a, const Irregular& b) { return a.base < b.base; });
}

}  // namespace eventline
