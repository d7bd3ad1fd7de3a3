#include "eventline/rules.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "eventline/event.h"
#include "eventline/inflect.h"
#include "eventline/lexicon.h"
#include "eventline/pattern_budget.h"

namespace eventline {

std::string_view ToString(RuleKind k) {
  switch (k) {
    case RuleKind::kEvent:
      return "event";
    case RuleKind::kTime:
      return "time";
    case RuleKind::kCue:
      return "cue";
  }
  return "event";
}

const EventType* RuleSet::FindType(std::string_view name) const {
  for (const auto& t : types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

namespace {

namespace fs = std::filesystem;
using Names = std::span<const std::string_view>;

constexpr std::array<std::string_view, 8> kEventSlots = {
    "trigger", "actor", "target", "location", "quantity", "weapon", "fatalities", "injured"};
constexpr std::array<std::string_view, 2> kCueSlots = {"trigger", "source"};
constexpr std::array<std::string_view, 4> kTimeColumns = {"date_text", "date_start", "date_end",
                                                          "date_precision"};
constexpr std::array<std::string_view, 2> kCueColumns = {"modality", "source"};
constexpr std::array<std::string_view, 6> kCueValues = {"claimed", "denied",       "expected",
                                                        "negated", "hypothetical", "source"};
constexpr std::array<std::string_view, 3> kKinds = {"event", "time", "cue"};
constexpr std::array<std::string_view, 2> kFileKeys = {"kind", "rules"};
constexpr std::array<std::string_view, 3> kExampleKeys = {"text", "pub_date", "expect"};
constexpr std::array<std::string_view, 2> kCounterKeys = {"text", "pub_date"};
constexpr std::array<std::string_view, 1> kTypesFileKeys = {"types"};
constexpr std::array<std::string_view, 6> kTypeKeys = {
    "name", "description", "acled_event_type", "acled_sub_event_type", "cameo", "plover"};
constexpr std::array<std::string_view, 7> kCommonRuleKeys = {
    "id", "pattern", "examples", "unless", "case_sensitive", "priority", "counter_examples"};

bool IsLowerIdent(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

bool IsRuleId(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

bool Contains(Names names, std::string_view s) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

// "; did you mean 'x'?" for the closest candidate within edit distance 2.
std::string Suggest(std::string_view word, Names candidates, std::string_view quote_l = "'",
                    std::string_view quote_r = "'") {
  std::size_t best = 3;
  std::string_view best_name;
  for (auto c : candidates) {
    const std::size_t d = EditDistance(word, c);
    if (d < best) {
      best = d;
      best_name = c;
    }
  }
  if (best_name.empty()) return {};
  return fmt::format("; did you mean {}{}{}?", quote_l, best_name, quote_r);
}

std::string JoinNames(Names names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* Describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a string";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

// A field that is not there, or there with no value.
bool Absent(const YAML::Node& n) { return !n.IsDefined() || n.IsNull(); }

enum class Style { kPlain, kSingle, kDouble, kBlock };

// Where a scalar's text sits in the raw file, and whether a byte offset in
// its value can be mapped back to a column (single-line plain or
// single-quoted scalars only).
struct ScalarPos {
  int line0 = 0;
  std::size_t col0 = 0;  // byte column of the scalar's first character (a quote for quoted ones)
  std::size_t raw_len = 1;
  Style style = Style::kPlain;
  bool mappable = false;
};

// Raw text of a file, for positions and caret lines.
class Source {
 public:
  Source(std::string_view text, std::string file) : file_(std::move(file)) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(begin, end - begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      if (end == text.size()) break;
      begin = end + 1;
    }
  }

  const std::string& file() const { return file_; }

  std::string_view Line(int line0) const {
    if (line0 < 0 || static_cast<std::size_t>(line0) >= lines_.size()) return {};
    return lines_[static_cast<std::size_t>(line0)];
  }

  SourceLocation Loc(int line0, std::size_t col0) const {
    const std::string_view line = Line(line0);
    col0 = std::min(col0, line.size());
    return SourceLocation{file_, line0 + 1, static_cast<int>(CodePoints(line.substr(0, col0))) + 1};
  }

  Diagnostic Make(Severity sev, std::string_view code, int line0, std::size_t col0, std::size_t len,
                  std::string message) const {
    Diagnostic d;
    d.severity = sev;
    d.code = std::string(code);
    d.at = Loc(line0 < 0 ? 0 : line0, col0);
    d.message = std::move(message);
    const std::string_view line = Line(line0 < 0 ? 0 : line0);
    d.source_line = std::string(line);
    col0 = std::min(col0, line.size());
    len = std::min(len, line.size() - col0);
    d.caret_length = std::max(1, static_cast<int>(CodePoints(line.substr(col0, len))));
    return d;
  }

  ScalarPos Pos(const YAML::Node& n, const YAML::Mark& fallback) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0 || m.column < 0) m = fallback;
    ScalarPos p;
    p.line0 = std::max(0, m.line);
    p.col0 = static_cast<std::size_t>(std::max(0, m.column));
    const std::string_view line = Line(p.line0);
    if (p.col0 >= line.size() || !n.IsScalar()) {
      p.raw_len = 1;
      return p;
    }
    const std::string_view rest = line.substr(p.col0);
    const std::string& value = n.Scalar();
    switch (rest[0]) {
      case '\'': {
        p.style = Style::kSingle;
        std::size_t i = 1;
        for (; i < rest.size(); ++i) {
          if (rest[i] == '\'') {
            if (i + 1 < rest.size() && rest[i + 1] == '\'') {
              ++i;
              continue;
            }
            break;
          }
        }
        p.raw_len = std::min(rest.size(), i + 1);
        p.mappable = i < rest.size();
        break;
      }
      case '"': {
        p.style = Style::kDouble;
        std::size_t i = 1;
        for (; i < rest.size() && rest[i] != '"'; ++i) {
          if (rest[i] == '\\') ++i;
        }
        p.raw_len = std::min(rest.size(), i + 1);
        break;
      }
      case '|':
      case '>':
        p.style = Style::kBlock;
        p.raw_len = 1;
        break;
      default:
        if (rest.substr(0, value.size()) == value && !value.empty()) {
          p.raw_len = value.size();
          p.mappable = true;
        } else {
          p.raw_len = rest.size();
        }
    }
    return p;
  }

  // Diagnostic on bytes [off, off+len) of a scalar's value.
  Diagnostic AtValue(Severity sev, std::string_view code, const ScalarPos& p,
                     const std::string& value, std::size_t off, std::size_t len,
                     std::string message) const {
    if (!p.mappable) {
      if (p.style == Style::kDouble || p.style == Style::kBlock || off > 0) {
        message += p.style == Style::kPlain || p.style == Style::kSingle
                       ? " (in a multi-line scalar; the column is the scalar's start)"
                       : " (in an escaped scalar; the column is the scalar's start)";
      }
      return Make(sev, code, p.line0, p.col0, p.raw_len, std::move(message));
    }
    std::size_t col = p.col0 + off;
    if (p.style == Style::kSingle) {
      const auto quotes_before = static_cast<std::size_t>(
          std::count(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(off), '\''));
      const auto quotes_in = static_cast<std::size_t>(std::count(
          value.begin() + static_cast<std::ptrdiff_t>(off),
          value.begin() + static_cast<std::ptrdiff_t>(std::min(value.size(), off + len)), '\''));
      col += 1 + quotes_before;
      len += quotes_in;
    }
    return Make(sev, code, p.line0, col, len, std::move(message));
  }

 private:
  std::string file_;
  std::vector<std::string_view> lines_;
};

struct Context {
  const LexiconMap& lexicons;
  const AlternationMap& alternations;
  const std::vector<EventType>& types;
  KnownPatterns known;
};

// "1:trigger;2:actor" -> {trigger: 1, actor: 2}.
std::map<std::string, int> ParseKnownNames(std::string_view s) {
  std::map<std::string, int> out;
  while (!s.empty()) {
    const std::size_t end = std::min(s.find(';'), s.size());
    const std::string_view item = s.substr(0, end);
    const std::size_t colon = item.find(':');
    if (colon != std::string_view::npos) {
      int index = 0;
      for (char c : item.substr(0, colon)) index = index * 10 + (c - '0');
      out.emplace(std::string(item.substr(colon + 1)), index);
    }
    s.remove_prefix(std::min(end + 1, s.size()));
  }
  return out;
}

class RuleFileParser {
 public:
  RuleFileParser(std::string_view text, std::string file, const Context& ctx, DiagnosticSink& sink)
      : text_(text), src_(text, std::move(file)), ctx_(ctx), sink_(sink) {
    for (const auto& [name, entries] : ctx.lexicons) lexicon_names_.push_back(name);
    for (const auto& t : ctx.types) type_names_.push_back(t.name);
  }

  // Parses the file; its diagnostics reach the sink sorted by position.
  std::vector<Rule> Parse() {
    std::vector<Rule> rules = ParseFile();
    std::stable_sort(pending_.begin(), pending_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                     });
    for (auto& d : pending_) sink_.Report(std::move(d));
    pending_.clear();
    return rules;
  }

 private:
  std::vector<Rule> ParseFile() {
    YAML::Node root;
    if (!LoadYaml(root)) return {};
    if (root.IsNull()) {
      Error("E004", 0, 0, 1, "missing field 'kind' (the file is empty)");
      return {};
    }
    if (!root.IsMap()) {
      ErrorAt("E005", root, root.Mark(),
              fmt::format("a rule file must be a mapping with 'kind' and 'rules', got {}",
                          Describe(root)));
      return {};
    }
    YAML::Node kind_node, rules_node;
    YAML::Mark kind_key_mark, rules_key_mark;
    std::vector<std::pair<std::string, int>> seen;
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>("");
      if (DuplicateKey(seen, kv.first, key)) continue;
      if (key == "kind") {
        kind_node = kv.second;
        kind_key_mark = kv.first.Mark();
      } else if (key == "rules") {
        rules_node = kv.second;
        rules_key_mark = kv.first.Mark();
      } else {
        UnknownKey(kv.first, key, kFileKeys, "at the top of a rule file");
      }
    }
    if (Absent(kind_node)) {
      Error("E004", 0, 0, 1, "missing field 'kind' (event, time or cue)");
      return {};
    }
    if (!kind_node.IsScalar()) {
      ErrorAt("E005", kind_node, kind_key_mark,
              fmt::format("'kind' must be a string, got {}", Describe(kind_node)));
      return {};
    }
    const std::string& kind = kind_node.Scalar();
    if (kind == "event") {
      kind_ = RuleKind::kEvent;
    } else if (kind == "time") {
      kind_ = RuleKind::kTime;
    } else if (kind == "cue") {
      kind_ = RuleKind::kCue;
    } else {
      ErrorAt("E006", kind_node, kind_key_mark,
              fmt::format("unknown kind '{}'; expected event, time or cue{}", kind,
                          Suggest(kind, kKinds)));
      return {};
    }
    if (Absent(rules_node)) {
      Error("E004", kind_key_mark.line, static_cast<std::size_t>(kind_key_mark.column), 4,
            "missing field 'rules' (the list of rules)");
      return {};
    }
    if (!rules_node.IsSequence()) {
      if (rules_node.IsNull()) return {};  // "rules:" with nothing yet: an empty file
      ErrorAt("E005", rules_node, rules_key_mark,
              fmt::format("'rules' must be a list, got {}", Describe(rules_node)));
      return {};
    }
    std::vector<Rule> rules;
    for (const auto& item : rules_node) {
      if (!item.IsMap()) {
        ErrorAt("E005", item, rules_key_mark,
                fmt::format("each rule must be a mapping, got {}", Describe(item)));
        continue;
      }
      Rule rule;
      if (ParseRule(item, rule)) rules.push_back(std::move(rule));
    }
    return rules;
  }

  bool LoadYaml(YAML::Node& root) {
    try {
      // YAML::Load would read the first document and drop the rest unseen.
      const std::vector<YAML::Node> docs = YAML::LoadAll(std::string(text_));
      root = docs.empty() ? YAML::Node() : docs[0];
      for (std::size_t i = 1; i < docs.size(); ++i) {
        if (docs[i].IsNull()) continue;  // a trailing '---'
        ErrorAt("E001", docs[i], docs[i].Mark(),
                "yaml: a rule file holds one document; a second one starts here and would be "
                "ignored (remove the '---' line)");
        return false;
      }
      return true;
    } catch (const YAML::Exception& e) {
      int line0 = std::max(0, e.mark.line);
      auto col0 = static_cast<std::size_t>(std::max(0, e.mark.column));
      // At the end of the file yaml-cpp marks an empty line: show the last
      // line with text instead, just past its end.
      while (line0 > 0 && src_.Line(line0).find_first_not_of(" \t") == std::string_view::npos) {
        --line0;
        col0 = src_.Line(line0).size();
      }
      Error("E001", line0, col0, 1, fmt::format("yaml syntax error: {}", e.msg));
    }
    return false;
  }

  void Report(Diagnostic d) {
    if (d.severity == Severity::kError) ++errors_;
    pending_.push_back(std::move(d));
  }
  void Error(std::string_view code, int line0, std::size_t col0, std::size_t len,
             std::string message) {
    Report(src_.Make(Severity::kError, code, line0, col0, len, std::move(message)));
  }
  void ErrorAt(std::string_view code, const YAML::Node& n, const YAML::Mark& fallback,
               std::string message) {
    const ScalarPos p = src_.Pos(n, fallback);
    Report(src_.Make(Severity::kError, code, p.line0, p.col0, p.raw_len, std::move(message)));
  }

  // yaml-cpp keeps both entries of a repeated key; the loops below would let
  // the last one win without a word. YAML keys are unique: E001.
  bool DuplicateKey(std::vector<std::pair<std::string, int>>& seen, const YAML::Node& key_node,
                    const std::string& key) {
    for (const auto& [name, line0] : seen) {
      if (name != key) continue;
      ErrorAt("E001", key_node, key_node.Mark(),
              fmt::format("yaml: duplicate key '{}' (first at line {}); keys must be unique", key,
                          line0 + 1));
      return true;
    }
    seen.emplace_back(key, key_node.Mark().line);
    return false;
  }

  void UnknownKey(const YAML::Node& key_node, const std::string& key, Names allowed,
                  std::string_view where) {
    ErrorAt("E003", key_node, key_node.Mark(),
            fmt::format("unknown key '{}' {}{}", key, where, Suggest(key, allowed)));
  }

  bool ScalarField(const YAML::Node& value, const YAML::Mark& key_mark, std::string_view key,
                   std::string& out) {
    if (!value.IsScalar()) {
      ErrorAt("E005", value, key_mark,
              fmt::format("'{}' must be a string, got {}", key, Describe(value)));
      return false;
    }
    out = value.Scalar();
    return true;
  }

  std::vector<std::string_view> AllowedRuleKeys() const {
    std::vector<std::string_view> keys(kCommonRuleKeys.begin(), kCommonRuleKeys.end());
    if (kind_ == RuleKind::kEvent) {
      keys.push_back("type");
      keys.push_back("requires");
    }
    if (kind_ == RuleKind::kTime) keys.push_back("value");
    if (kind_ == RuleKind::kCue) keys.push_back("cue");
    return keys;
  }

  bool ParseRule(const YAML::Node& map, Rule& rule) {
    rule.kind = kind_;
    const std::size_t errors_before = errors_;
    const auto allowed = AllowedRuleKeys();
    YAML::Node id_node, pattern_node, examples_node, counter_node, unless_node, type_node,
        value_node, cue_node;
    YAML::Mark id_mark = map.Mark(), pattern_mark, examples_mark, counter_mark, unless_mark,
               type_mark, value_mark, cue_mark;
    std::vector<std::pair<std::string, int>> seen;
    for (const auto& kv : map) {
      const std::string key = kv.first.as<std::string>("");
      const YAML::Mark km = kv.first.Mark();
      if (DuplicateKey(seen, kv.first, key)) continue;
      if (!Contains(allowed, key)) {
        const bool other_kind = key == "type" || key == "value" || key == "cue";
        if (other_kind) {
          ErrorAt("E003", kv.first, km,
                  fmt::format("key '{}' is not allowed in {} rules", key, ToString(kind_)));
        } else {
          UnknownKey(kv.first, key, allowed, "in a rule");
        }
        continue;
      }
      if (key == "id") {
        id_node = kv.second;
        id_mark = km;
      } else if (key == "pattern") {
        pattern_node = kv.second;
        pattern_mark = km;
      } else if (key == "examples") {
        examples_node = kv.second;
        examples_mark = km;
      } else if (key == "counter_examples") {
        counter_node = kv.second;
        counter_mark = km;
      } else if (key == "unless") {
        unless_node = kv.second;
        unless_mark = km;
      } else if (key == "type") {
        type_node = kv.second;
        type_mark = km;
      } else if (key == "value") {
        value_node = kv.second;
        value_mark = km;
      } else if (key == "cue") {
        cue_node = kv.second;
        cue_mark = km;
      } else if (key == "case_sensitive") {
        try {
          rule.case_sensitive = kv.second.as<bool>();
        } catch (const YAML::Exception&) {
          ErrorAt("E005", kv.second, km,
                  fmt::format("'case_sensitive' must be true or false, got '{}'",
                              kv.second.IsScalar() ? kv.second.Scalar() : Describe(kv.second)));
        }
      } else if (key == "requires") {
        std::string value;
        if (ScalarField(kv.second, km, "requires", value)) {
          if (value == "document_event") {
            rule.requires_document_event = true;
          } else {
            ErrorAt("E005", kv.second, km,
                    fmt::format("'requires' must be 'document_event', got '{}'", value));
          }
        }
      } else if (key == "priority") {
        try {
          rule.priority = kv.second.as<int>();
        } catch (const YAML::Exception&) {
          ErrorAt("E005", kv.second, km,
                  fmt::format("'priority' must be an integer, got '{}'",
                              kv.second.IsScalar() ? kv.second.Scalar() : Describe(kv.second)));
        }
      }
    }

    // id
    const YAML::Mark rule_mark = map.Mark();
    if (Absent(id_node)) {
      Error("E004", rule_mark.line, static_cast<std::size_t>(std::max(0, rule_mark.column)), 1,
            "missing field 'id' in a rule");
      rule.at = src_.Loc(rule_mark.line, static_cast<std::size_t>(std::max(0, rule_mark.column)));
    } else if (ScalarField(id_node, id_mark, "id", rule.id)) {
      const ScalarPos p = src_.Pos(id_node, id_mark);
      rule.at = src_.Loc(p.line0, p.col0);
      id_pos_ = p;
      if (!IsRuleId(rule.id)) {
        ErrorAt("E008", id_node, id_mark,
                fmt::format("bad rule id '{}': use lower-case letters, digits, '_', '.' and '-'",
                            rule.id));
      }
    }
    const std::string who = rule.id.empty() ? std::string("a rule") : "rule '" + rule.id + "'";
    auto missing = [&](std::string_view field, std::string_view what) {
      const ScalarPos p = !Absent(id_node) ? src_.Pos(id_node, id_mark) : ScalarPos{};
      const int line0 = !Absent(id_node) ? p.line0 : rule_mark.line;
      const std::size_t col0 =
          !Absent(id_node) ? p.col0 : static_cast<std::size_t>(std::max(0, rule_mark.column));
      Error("E004", line0, col0, !Absent(id_node) ? p.raw_len : 1,
            fmt::format("missing field '{}' in {}{}", field, who, what));
    };

    // kind-specific fields
    if (kind_ == RuleKind::kEvent) {
      if (Absent(type_node)) {
        missing("type", " (an event type from types.yaml)");
      } else if (ScalarField(type_node, type_mark, "type", rule.event_type)) {
        if (!ctx_.types.empty() &&
            std::none_of(ctx_.types.begin(), ctx_.types.end(),
                         [&](const EventType& t) { return t.name == rule.event_type; })) {
          ErrorAt("E010", type_node, type_mark,
                  fmt::format("unknown event type '{}' (not in types.yaml){}", rule.event_type,
                              Suggest(rule.event_type, type_names_)));
        }
      }
    } else if (kind_ == RuleKind::kTime) {
      if (Absent(value_node)) {
        missing("value", " (the symbolic date value)");
      } else {
        ScalarField(value_node, value_mark, "value", rule.value);
      }
    } else {
      if (Absent(cue_node)) {
        missing("cue", " (claimed, denied, expected, negated, hypothetical or source)");
      } else if (ScalarField(cue_node, cue_mark, "cue", rule.cue) &&
                 !Contains(kCueValues, rule.cue)) {
        ErrorAt("E018", cue_node, cue_mark,
                fmt::format("unknown cue '{}'; expected {}{}", rule.cue, JoinNames(kCueValues),
                            Suggest(rule.cue, kCueValues)));
      }
    }

    // pattern
    if (Absent(pattern_node)) {
      missing("pattern", "");
    } else if (ScalarField(pattern_node, pattern_mark, "pattern", rule.pattern_source)) {
      const ScalarPos p = src_.Pos(pattern_node, pattern_mark);
      rule.pattern_at = src_.Loc(p.line0, p.col0);
      if (rule.pattern_source.empty()) {
        ErrorAt("E005", pattern_node, pattern_mark, "'pattern' must not be empty");
      } else {
        std::vector<std::string> capture_names;
        if (CheckPattern(rule, pattern_node, p, rule.pattern_source, rule.pattern, true,
                         &capture_names, &rule.compiled)) {
          rule.capture_groups = checked_groups_;
          rule.named_captures = std::move(checked_names_);
          if (kind_ == RuleKind::kTime && !Absent(value_node) && value_node.IsScalar()) {
            CheckValueRefs(rule, value_node, value_mark, capture_names);
          }
        }
      }
    }

    // unless
    if (!Absent(unless_node)) {
      YAML::Node items = unless_node;
      if (unless_node.IsScalar()) {
        // A single veto pattern is accepted without a list.
        std::string expanded;
        std::shared_ptr<const RE2> compiled;
        const ScalarPos p = src_.Pos(unless_node, unless_mark);
        if (CheckPattern(rule, unless_node, p, unless_node.Scalar(), expanded, false, nullptr,
                         &compiled)) {
          rule.unless.push_back(std::move(expanded));
          rule.unless_compiled.push_back(std::move(compiled));
        }
      } else if (!unless_node.IsSequence()) {
        ErrorAt("E005", unless_node, unless_mark,
                fmt::format("'unless' must be a list of patterns, got {}", Describe(unless_node)));
      } else {
        for (const auto& u : unless_node) {
          if (!u.IsScalar() || u.Scalar().empty()) {
            ErrorAt("E005", u, unless_mark,
                    fmt::format("each 'unless' entry must be a pattern, got {}", Describe(u)));
            continue;
          }
          std::string expanded;
          std::shared_ptr<const RE2> compiled;
          const ScalarPos p = src_.Pos(u, unless_mark);
          if (CheckPattern(rule, u, p, u.Scalar(), expanded, false, nullptr, &compiled)) {
            rule.unless.push_back(std::move(expanded));
            rule.unless_compiled.push_back(std::move(compiled));
          }
        }
      }
    }

    // examples
    if (Absent(examples_node) || examples_node.IsNull() ||
        (examples_node.IsSequence() && examples_node.size() == 0)) {
      const ScalarPos p = !Absent(id_node) ? src_.Pos(id_node, id_mark) : ScalarPos{};
      Error("E014", !Absent(id_node) ? p.line0 : rule_mark.line,
            !Absent(id_node) ? p.col0 : static_cast<std::size_t>(std::max(0, rule_mark.column)),
            !Absent(id_node) ? p.raw_len : 1,
            fmt::format("{} has no examples; add at least one sentence it must match", who));
    } else if (!examples_node.IsSequence()) {
      ErrorAt("E005", examples_node, examples_mark,
              fmt::format("'examples' must be a list, got {}", Describe(examples_node)));
    } else {
      for (const auto& e : examples_node) {
        Example ex;
        if (ParseExample(e, examples_mark, false, ex)) rule.examples.push_back(std::move(ex));
      }
    }
    if (!Absent(counter_node) && !counter_node.IsNull()) {
      if (!counter_node.IsSequence()) {
        ErrorAt("E005", counter_node, counter_mark,
                fmt::format("'counter_examples' must be a list, got {}", Describe(counter_node)));
      } else {
        for (const auto& e : counter_node) {
          Example ex;
          if (ParseExample(e, counter_mark, true, ex)) {
            rule.counter_examples.push_back(std::move(ex));
          }
        }
      }
    }
    return errors_ == errors_before && !rule.id.empty();
  }

  // Expands lexicons and compiles `source` (a pattern or an unless entry);
  // reports E009, E011, E012, E013, W001 and W002. Returns false on error.
  bool CheckPattern(const Rule& rule, const YAML::Node& node, const ScalarPos& p,
                    const std::string& source, std::string& expanded, bool is_main,
                    std::vector<std::string>* capture_names, std::shared_ptr<const RE2>* compiled) {
    bool ok = true;
    for (const auto& ref : FindLexiconRefs(source)) {
      if (ref.upper) {
        if (ctx_.alternations.count(ref.name) != 0) continue;
        Report(src_.AtValue(Severity::kError, "E009", p, source, ref.offset, ref.length,
                            fmt::format("unknown lexicon '{{{}}}'{}", ref.name,
                                        Suggest(ref.name, lexicon_names_, "'{", "}'"))));
        ok = false;
      } else {
        std::string upper = ref.name;
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        if (ctx_.alternations.count(upper) == 0) continue;  // literal braces, not a reference
        Report(src_.AtValue(Severity::kError, "E009", p, source, ref.offset, ref.length,
                            fmt::format("unknown lexicon '{{{}}}'; lexicon names are upper "
                                        "case: did you mean '{{{}}}'?",
                                        ref.name, upper)));
        ok = false;
      }
    }
    if (!ok) return false;
    expanded = ExpandLexicons(source, ctx_.alternations, nullptr, rule.case_sensitive);
    const char* what = is_main ? "pattern" : "'unless' pattern";

    // A pattern the build already checked is not compiled here (the
    // Matcher compiles it on first use); any other is, for its diagnostics.
    std::shared_ptr<const RE2> owned;
    std::map<std::string, int> known_names;
    const std::map<std::string, int>* named = &known_names;
    int groups = 0;
    bool can_match_empty = false;
    if (const KnownPattern* k = FindKnownPattern(ctx_.known, rule.case_sensitive, expanded)) {
      known_names = ParseKnownNames(k->named);
      groups = k->groups;
      can_match_empty = (k->flags & kKnownCanMatchEmpty) != 0;
    } else {
      RE2::Options options;
      options.set_encoding(RE2::Options::EncodingUTF8);
      options.set_log_errors(false);
      options.set_max_mem(kPatternRe2Mem);
      options.set_case_sensitive(rule.case_sensitive);
      owned = CompilePattern(expanded, options);
      const RE2& re = *owned;
      if (!re.ok() || re.ProgramSize() > kPatternMaxInst) {
        if (re.ok() || re.error_code() == RE2::ErrorPatternTooLarge) {
          Report(src_.AtValue(Severity::kError, "E012", p, source, 0, source.size(),
                              fmt::format("{} is too large: its program exceeds the {} MB budget "
                                          "(split it or use a smaller lexicon)",
                                          what, kPatternMaxMem >> 20)));
          return false;
        }
        const std::string& arg = re.error_arg();
        std::size_t off = arg.empty() ? std::string::npos : source.find(arg);
        std::size_t len = arg.size();
        if (off == std::string::npos) {
          off = 0;
          len = source.size();
        }
        Report(src_.AtValue(Severity::kError, "E011", p, source, off, len,
                            fmt::format("bad regular expression in {}: {}", what, re.error())));
        return false;
      }
      named = &re.NamedCapturingGroups();
      groups = re.NumberOfCapturingGroups();
      can_match_empty = CanMatchEmpty(re);
    }
    if (is_main) {
      for (const auto& [name, index] : *named) {
        const bool slot = IsSlotName(kind_, name);
        if (capture_names) capture_names->push_back(name);
        if (slot) continue;
        const std::string needle = "(?P<" + name + ">";
        std::size_t off = source.find(needle);
        std::size_t len = needle.size();
        if (off == std::string::npos) {
          off = 0;
          len = source.size();
        }
        std::string expected;
        if (kind_ == RuleKind::kEvent) {
          expected = "; event slots are " + JoinNames(kEventSlots) + Suggest(name, kEventSlots);
        } else if (kind_ == RuleKind::kCue) {
          expected = "; cue slots are " + JoinNames(kCueSlots) + Suggest(name, kCueSlots);
        } else {
          expected = "; time rule captures are lower-case names";
        }
        Report(src_.AtValue(Severity::kError, "E013", p, source, off, len,
                            fmt::format("capture '{}' is not a slot of {} rules{}", name,
                                        ToString(kind_), expected)));
        ok = false;
      }
      if (!ok) return false;
      checked_groups_ = groups;
      checked_names_ = *named;
    }
    if (can_match_empty) {
      Report(src_.AtValue(Severity::kWarning, "W001", p, source, 0, source.size(),
                          fmt::format("{} can match the empty string; such matches are "
                                      "ignored",
                                      what)));
    }
    // Warn on an escaped backslash before a class letter (a doubled backslash
    // then b in single quotes): it matches a literal backslash, which news
    // text never has; the author meant the word boundary.
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] != '\\') continue;
      std::size_t j = i;
      while (j < source.size() && source[j] == '\\') ++j;
      const std::size_t run = j - i;
      if (run >= 2 && run % 2 == 0 && j < source.size() &&
          std::string_view("bBsSwWdD").find(source[j]) != std::string_view::npos) {
        Report(src_.AtValue(Severity::kWarning, "W002", p, source, j - 2, 3,
                            fmt::format("'\\\\{0}' matches a backslash and '{0}'; in a "
                                        "single-quoted pattern write '\\{0}'",
                                        source[j])));
        break;
      }
      i = j - 1;
    }
    (void)node;
    if (compiled) *compiled = std::move(owned);
    return true;
  }

  void CheckValueRefs(const Rule& rule, const YAML::Node& value_node, const YAML::Mark& mark,
                      const std::vector<std::string>& captures) {
    const ScalarPos p = src_.Pos(value_node, mark);
    for (const auto& ref : FindLexiconRefs(rule.value)) {
      if (ref.upper && !IsLowerIdent(ref.name)) continue;
      if (std::find(captures.begin(), captures.end(), ref.name) != captures.end()) continue;
      std::vector<std::string_view> names(captures.begin(), captures.end());
      Report(src_.AtValue(Severity::kError, "E019", p, rule.value, ref.offset, ref.length,
                          fmt::format("value refers to '{{{}}}' but the pattern has no capture "
                                      "'(?P<{}>...)'{}",
                                      ref.name, ref.name, Suggest(ref.name, names))));
    }
  }

  bool ParseExample(const YAML::Node& e, const YAML::Mark& list_mark, bool counter, Example& ex) {
    const char* list = counter ? "counter_examples" : "examples";
    if (e.IsScalar()) {
      ex.text = e.Scalar();
      const ScalarPos p = src_.Pos(e, list_mark);
      ex.at = src_.Loc(p.line0, p.col0);
      if (ex.text.empty()) {
        ErrorAt("E015", e, list_mark, fmt::format("an entry of '{}' has empty text", list));
        return false;
      }
      return true;
    }
    if (!e.IsMap()) {
      ErrorAt("E005", e, list_mark,
              fmt::format("each entry of '{}' must be a sentence or a mapping with 'text', got {}",
                          list, Describe(e)));
      return false;
    }
    bool ok = true;
    bool has_text = false;
    std::vector<std::pair<std::string, int>> seen;
    for (const auto& kv : e) {
      const std::string key = kv.first.as<std::string>("");
      const YAML::Mark km = kv.first.Mark();
      if (DuplicateKey(seen, kv.first, key)) {
        ok = false;
        continue;
      }
      if (key == "text") {
        has_text = true;
        if (!ScalarField(kv.second, km, "text", ex.text)) {
          ok = false;
          continue;
        }
        const ScalarPos p = src_.Pos(kv.second, km);
        ex.at = src_.Loc(p.line0, p.col0);
        if (ex.text.empty()) {
          ErrorAt("E015", kv.second, km, "example text is empty");
          ok = false;
        }
      } else if (key == "pub_date") {
        std::string date;
        if (!ScalarField(kv.second, km, "pub_date", date)) {
          ok = false;
          continue;
        }
        ex.pub_date = ParseIsoDate(date);
        if (!ex.pub_date) {
          ErrorAt("E016", kv.second, km,
                  fmt::format("bad pub_date '{}': expected a valid YYYY-MM-DD date", date));
          ok = false;
        }
      } else if (key == "expect" && !counter) {
        if (!ParseExpect(kv.second, km, ex)) ok = false;
      } else {
        UnknownKey(kv.first, key, counter ? Names(kCounterKeys) : Names(kExampleKeys),
                   counter ? "in a counter-example" : "in an example");
        ok = false;
      }
    }
    if (!has_text) {
      const YAML::Mark m = e.Mark();
      Error("E015", m.line, static_cast<std::size_t>(std::max(0, m.column)), 1,
            fmt::format("an entry of '{}' has no 'text'", list));
      return false;
    }
    return ok;
  }

  bool ParseExpect(const YAML::Node& n, const YAML::Mark& key_mark, Example& ex) {
    if (n.IsNull()) return true;
    if (!n.IsMap()) {
      ErrorAt("E005", n, key_mark,
              fmt::format("'expect' must be a mapping of column: value, got {}", Describe(n)));
      return false;
    }
    std::vector<std::string_view> columns;
    if (kind_ == RuleKind::kEvent) {
      columns.assign(kEventColumns.begin(), kEventColumns.end());
    } else if (kind_ == RuleKind::kTime) {
      columns.assign(kTimeColumns.begin(), kTimeColumns.end());
    } else {
      columns.assign(kCueColumns.begin(), kCueColumns.end());
    }
    bool ok = true;
    for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>("");
      if (!Contains(columns, key)) {
        ErrorAt("E020", kv.first, kv.first.Mark(),
                fmt::format("unknown column '{}' in 'expect' ({} rules){}", key, ToString(kind_),
                            Suggest(key, columns)));
        ok = false;
        continue;
      }
      std::string value;
      if (kv.second.IsNull()) {
        value.clear();
      } else if (!ScalarField(kv.second, kv.first.Mark(), key, value)) {
        ok = false;
        continue;
      }
      ex.expect.emplace_back(key, std::move(value));
    }
    return ok;
  }

  std::string_view text_;
  Source src_;
  const Context& ctx_;
  // The main pattern's groups, from the last CheckPattern of one.
  int checked_groups_ = -1;
  std::map<std::string, int> checked_names_;
  DiagnosticSink& sink_;
  RuleKind kind_ = RuleKind::kEvent;
  ScalarPos id_pos_;
  std::vector<Diagnostic> pending_;
  std::size_t errors_ = 0;
  std::vector<std::string_view> lexicon_names_;
  std::vector<std::string_view> type_names_;
};

bool ReadFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  // Read into one buffer of the file's size: a string stream grows by
  // doubling and is copied out again, and every rule file is read at each
  // start to check its precompiled form (cold start, h-speed45).
  std::error_code ec;
  const std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  out.clear();
  if (!ec && size > 0) {
    out.resize(static_cast<std::size_t>(size));
    in.read(out.data(), static_cast<std::streamsize>(size));
    if (in.bad()) return false;
    out.resize(static_cast<std::size_t>(in.gcount()));
    if (in.peek() == std::char_traits<char>::eof()) return !in.bad();
    in.clear();  // the file grew while it was read: the rest as a stream
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  out += ss.str();
  return true;
}

}  // namespace

std::string_view SlotOf(RuleKind kind, std::string_view name) {
  if (kind == RuleKind::kTime) return name;
  std::string_view base = name;
  while (!base.empty() && base.back() >= '0' && base.back() <= '9') base.remove_suffix(1);
  return base.empty() ? name : base;
}

bool IsSlotName(RuleKind kind, std::string_view name) {
  switch (kind) {
    case RuleKind::kEvent:
      return Contains(kEventSlots, SlotOf(kind, name));
    case RuleKind::kCue:
      return Contains(kCueSlots, SlotOf(kind, name));
    case RuleKind::kTime:
      return IsLowerIdent(name);
  }
  return false;
}

std::vector<std::string> ParseLexiconText(std::string_view text, std::string_view file_name,
                                          DiagnosticSink& sink) {
  std::vector<std::string> entries;
  std::set<std::string, std::less<>> seen;
  auto add = [&](std::string entry) {
    if (seen.insert(entry).second) entries.push_back(std::move(entry));
  };
  bool bad = false;
  std::size_t begin = 0;
  int line_no = 0;
  while (begin < text.size()) {
    ++line_no;
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(begin, end - begin);
    std::string_view line = raw;
    begin = end + 1;
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) {
      line.remove_prefix(1);
    }
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) {
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    if (line.front() != '~') {
      add(std::string(line));
      continue;
    }
    // "~lemma rest": every form of the verb, followed by the rest.
    const std::string_view body = line.substr(1);
    const std::size_t space = body.find_first_of(" \t");
    const std::string_view lemma = body.substr(0, space);
    const std::string_view rest =
        space == std::string_view::npos ? std::string_view() : body.substr(space);
    if (lemma.empty() ||
        !std::all_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      Diagnostic d;
      d.code = "E017";
      d.at = SourceLocation{std::string(file_name), line_no,
                            static_cast<int>(line.data() - raw.data()) + 1};
      d.message =
          "'~' must be followed by a verb lemma in lower-case letters (\"~capture\", "
          "\"~take control of\")";
      sink.Report(std::move(d));
      bad = true;
      continue;
    }
    for (const std::string& form : VerbForms(lemma)) add(form + std::string(rest));
  }
  if (bad) return {};
  if (entries.empty()) {
    Diagnostic d;
    d.code = "E017";
    d.at = SourceLocation{std::string(file_name), 1, 1};
    d.message = "lexicon has no entries (one literal entry per line; '#' starts a comment)";
    sink.Report(std::move(d));
  }
  return entries;
}

std::vector<EventType> ParseTypesText(std::string_view text, std::string_view file_name,
                                      DiagnosticSink& sink) {
  const Source src(text, std::string(file_name));
  auto error = [&](const YAML::Node& n, const YAML::Mark& fallback, std::string_view code,
                   std::string msg) {
    const ScalarPos p = src.Pos(n, fallback);
    sink.Report(src.Make(Severity::kError, code, p.line0, p.col0, p.raw_len, std::move(msg)));
  };
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    sink.Report(src.Make(Severity::kError, "E001", std::max(0, e.mark.line),
                         static_cast<std::size_t>(std::max(0, e.mark.column)), 1,
                         fmt::format("yaml syntax error: {}", e.msg)));
    return {};
  }
  std::vector<EventType> types;
  if (root.IsNull()) return types;
  if (!root.IsMap()) {
    error(root, root.Mark(), "E005",
          fmt::format("types.yaml must be a mapping with 'types', got {}", Describe(root)));
    return types;
  }
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>("");
    if (key != "types") {
      error(kv.first, kv.first.Mark(), "E003",
            fmt::format("unknown key '{}' in types.yaml{}", key, Suggest(key, kTypesFileKeys)));
      continue;
    }
    if (!kv.second.IsSequence()) {
      error(kv.second, kv.first.Mark(), "E005",
            fmt::format("'types' must be a list, got {}", Describe(kv.second)));
      continue;
    }
    std::map<std::string, SourceLocation> names;
    for (const auto& item : kv.second) {
      if (!item.IsMap()) {
        error(item, kv.first.Mark(), "E005",
              fmt::format("each type must be a mapping, got {}", Describe(item)));
        continue;
      }
      EventType t;
      bool ok = true;
      YAML::Node name_node;
      for (const auto& f : item) {
        const std::string k = f.first.as<std::string>("");
        if (!Contains(kTypeKeys, k)) {
          error(f.first, f.first.Mark(), "E003",
                fmt::format("unknown key '{}' in a type{}", k, Suggest(k, kTypeKeys)));
          ok = false;
          continue;
        }
        if (!f.second.IsScalar()) {
          error(f.second, f.first.Mark(), "E005",
                fmt::format("'{}' must be a string, got {}", k, Describe(f.second)));
          ok = false;
          continue;
        }
        const std::string& v = f.second.Scalar();
        if (k == "name") {
          t.name = v;
          name_node = f.second;
          const ScalarPos p = src.Pos(f.second, f.first.Mark());
          t.at = src.Loc(p.line0, p.col0);
        } else if (k == "description") {
          t.description = v;
        } else if (k == "acled_event_type") {
          t.acled_event_type = v;
        } else if (k == "acled_sub_event_type") {
          t.acled_sub_event_type = v;
        } else if (k == "cameo") {
          t.cameo = v;
        } else {
          t.plover = v;
        }
      }
      if (t.name.empty()) {
        if (Absent(name_node)) {
          const YAML::Mark m = item.Mark();
          sink.Report(src.Make(Severity::kError, "E004", m.line,
                               static_cast<std::size_t>(std::max(0, m.column)), 1,
                               "missing field 'name' in a type"));
        }
        continue;
      }
      if (!IsLowerIdent(t.name)) {
        error(name_node, item.Mark(), "E021",
              fmt::format("bad type name '{}': use lower-case letters, digits and '_'", t.name));
        continue;
      }
      if (auto it = names.find(t.name); it != names.end()) {
        error(name_node, item.Mark(), "E021",
              fmt::format("duplicate type '{}' (first defined at {}:{})", t.name, it->second.file,
                          it->second.line));
        continue;
      }
      names.emplace(t.name, t.at);
      if (ok) types.push_back(std::move(t));
    }
  }
  return types;
}

std::pair<std::uint64_t, std::uint64_t> PatternKey(bool case_sensitive, std::string_view expanded) {
  const XXH128_hash_t h =
      XXH3_128bits_withSeed(expanded.data(), expanded.size(), case_sensitive ? 1 : 0);
  return {h.high64, h.low64};
}

const KnownPattern* FindKnownPattern(KnownPatterns known, bool case_sensitive,
                                     std::string_view expanded) {
  if (known.empty()) return nullptr;
  const auto key = PatternKey(case_sensitive, expanded);
  const auto it =
      std::lower_bound(known.begin(), known.end(), key, [](const KnownPattern& k, const auto& v) {
        return std::make_pair(k.key_high, k.key_low) < v;
      });
  if (it == known.end() || it->key_high != key.first || it->key_low != key.second) return nullptr;
  return &*it;
}

bool CanMatchEmpty(const RE2& re) {
  for (std::string_view probe : {std::string_view(""), std::string_view("x"), std::string_view(" "),
                                 std::string_view("a 1")}) {
    re2::StringPiece m;
    if (re.Match(probe, 0, probe.size(), RE2::UNANCHORED, &m, 1) && m.empty()) return true;
  }
  return false;
}

namespace {

// Bump when the serialized layout or what it holds changes.
constexpr std::uint64_t kRuleCacheFormat = 9;

class CacheWriter {
 public:
  void U(std::uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void I(std::int64_t v) {
    U(v < 0 ? ((static_cast<std::uint64_t>(-(v + 1)) << 1) | 1)
            : static_cast<std::uint64_t>(v) << 1);
  }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void At(const SourceLocation& at) {
    I(at.line);
    I(at.column);
  }
  void Ex(const Example& e) {
    S(e.text);
    U(e.pub_date ? 1 : 0);
    if (e.pub_date) I(std::chrono::sys_days(*e.pub_date).time_since_epoch().count());
    U(e.expect.size());
    for (const auto& [k, v] : e.expect) {
      S(k);
      S(v);
    }
    At(e.at);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class CacheReader {
 public:
  CacheReader(std::string_view data, const std::string& file) : data_(data), file_(file) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == data_.size(); }

  std::uint64_t U() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return Fail();
      const auto b = static_cast<unsigned char>(data_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail();
  }
  std::int64_t I() {
    const std::uint64_t z = U();
    return (z & 1) != 0 ? -static_cast<std::int64_t>(z >> 1) - 1
                        : static_cast<std::int64_t>(z >> 1);
  }
  int Int() {
    const std::int64_t v = I();
    if (v < INT32_MIN || v > INT32_MAX) return static_cast<int>(Fail());
    return static_cast<int>(v);
  }
  // A count of items that take at least one byte each.
  std::size_t Count() {
    const std::uint64_t n = U();
    if (n > data_.size() - pos_) return static_cast<std::size_t>(Fail());
    return static_cast<std::size_t>(n);
  }
  std::string S() {
    const std::size_t n = Count();
    if (!ok_) return {};
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  SourceLocation At() {
    SourceLocation at;
    at.file = file_;
    at.line = Int();
    at.column = Int();
    return at;
  }
  Example Ex() {
    Example e;
    e.text = S();
    if (U() != 0) e.pub_date = Date(std::chrono::sys_days(std::chrono::days(Int())));
    for (std::size_t n = Count(); ok_ && n > 0; --n) {
      std::string k = S();
      e.expect.emplace_back(std::move(k), S());
    }
    e.at = At();
    return e;
  }

 private:
  std::uint64_t Fail() {
    ok_ = false;
    pos_ = data_.size();
    return 0;
  }
  std::string_view data_;
  const std::string& file_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// types.yaml in the known rule files (issue 7): keyed by RuleFileKey of
// this context key and its text, stored as its parsed types.
constexpr std::pair<std::uint64_t, std::uint64_t> kTypesContextKey = {0x74797065732e79ULL,
                                                                      kRuleCacheFormat};

std::string SerializeTypes(std::span<const EventType> types) {
  CacheWriter w;
  w.U(types.size());
  for (const EventType& t : types) {
    w.S(t.name);
    w.S(t.acled_event_type);
    w.S(t.acled_sub_event_type);
    w.S(t.cameo);
    w.S(t.plover);
    w.S(t.description);
    w.At(t.at);
  }
  return std::move(w.out());
}

bool DeserializeTypes(std::string_view data, const std::string& file, std::vector<EventType>& out) {
  CacheReader r(data, file);
  out.clear();
  for (std::size_t n = r.Count(); r.ok() && n > 0; --n) {
    EventType& t = out.emplace_back();
    t.name = r.S();
    t.acled_event_type = r.S();
    t.acled_sub_event_type = r.S();
    t.cameo = r.S();
    t.plover = r.S();
    t.description = r.S();
    t.at = r.At();
  }
  if (!r.ok() || !r.done()) out.clear();
  return r.ok() && r.done();
}

void HashString(XXH3_state_t* st, std::string_view s) {
  const std::uint64_t n = s.size();
  XXH3_128bits_update(st, &n, sizeof n);
  XXH3_128bits_update(st, s.data(), s.size());
}

}  // namespace

std::pair<std::uint64_t, std::uint64_t> RuleContextKey(const RuleSet& context) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, &kRuleCacheFormat, sizeof kRuleCacheFormat);
  std::uint64_t n = context.lexicons.size();
  XXH3_128bits_update(st, &n, sizeof n);
  for (const auto& [name, entries] : context.lexicons) {
    HashString(st, name);
    n = entries.size();
    XXH3_128bits_update(st, &n, sizeof n);
    for (const std::string& e : entries) HashString(st, e);
  }
  n = context.types.size();
  XXH3_128bits_update(st, &n, sizeof n);
  for (const EventType& t : context.types) {
    // Not `at`: where types.yaml is (the source tree at build time, the
    // installed rules at run time) does not change a rule file's parse.
    for (const std::string* f : {&t.name, &t.acled_event_type, &t.acled_sub_event_type, &t.cameo,
                                 &t.plover, &t.description}) {
      HashString(st, *f);
    }
  }
  const XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  return {h.high64, h.low64};
}

std::pair<std::uint64_t, std::uint64_t> RuleFileKey(
    std::pair<std::uint64_t, std::uint64_t> context_key, std::string_view text) {
  const XXH128_hash_t h =
      XXH3_128bits_withSeed(text.data(), text.size(), context_key.first ^ context_key.second);
  // Seeded with 64 bits of the context key; mix in all 128.
  const std::uint64_t parts[4] = {h.high64, h.low64, context_key.first, context_key.second};
  const XXH128_hash_t k = XXH3_128bits(parts, sizeof parts);
  return {k.high64, k.low64};
}

const KnownRuleFile* FindKnownRuleFile(KnownRuleFiles known,
                                       std::pair<std::uint64_t, std::uint64_t> key) {
  if (known.empty()) return nullptr;
  const auto it =
      std::lower_bound(known.begin(), known.end(), key, [](const KnownRuleFile& k, const auto& v) {
        return std::make_pair(k.key_high, k.key_low) < v;
      });
  if (it == known.end() || it->key_high != key.first || it->key_low != key.second) return nullptr;
  return &*it;
}

namespace {

// Where a pattern's matches can begin and the words it needs: written the
// same way for a rule's pattern and for each of its vetoes.
void WriteStarts(CacheWriter& w, int starts, bool at_boundary,
                 const std::vector<std::string>& leading,
                 const std::vector<std::vector<std::string>>& required,
                 const std::vector<std::string>& ends) {
  w.I(starts);
  w.U(at_boundary ? 1 : 0);
  w.U(leading.size());
  for (const std::string& l : leading) w.S(l);
  w.U(required.size());
  for (const auto& any : required) {
    w.U(any.size());
    for (const std::string& a : any) w.S(a);
  }
  w.U(ends.size());
  for (const std::string& e : ends) w.S(e);
}

// Room for the `n` items a count announces: vectors built by push_back
// held up to twice their size for the whole run (the rules' leading, required
// and end strings: ~7 MB of a 20 MB run's peak). Capped, so a corrupt count
// (bounded only by the bytes left, CacheReader::Count) reserves little.
template <class V>
void ReserveFor(V& v, std::size_t n) {
  v.reserve(std::min<std::size_t>(n, 4096));
}

void ReadStarts(CacheReader& r, int& starts, bool& at_boundary, std::vector<std::string>& leading,
                std::vector<std::vector<std::string>>& required, std::vector<std::string>& ends) {
  starts = r.Int();
  at_boundary = r.U() != 0;
  std::size_t n = r.Count();
  ReserveFor(leading, n);
  for (; r.ok() && n > 0; --n) leading.push_back(r.S());
  n = r.Count();
  ReserveFor(required, n);
  for (; r.ok() && n > 0; --n) {
    auto& any = required.emplace_back();
    std::size_t a = r.Count();
    ReserveFor(any, a);
    for (; r.ok() && a > 0; --a) any.push_back(r.S());
  }
  n = r.Count();
  ReserveFor(ends, n);
  for (; r.ok() && n > 0; --n) ends.push_back(r.S());
}

}  // namespace

std::string SerializeRules(std::span<const Rule> rules) {
  CacheWriter w;
  w.U(kRuleCacheFormat);
  w.U(rules.size());
  // A veto text (with its case flag) repeated on later rules of the file
  // is written with the first rule only, as not derived on the others: the
  // Matcher keeps one pool entry per distinct text, made by the first rule
  // that has it, and rules repeat long vetoes (a fifth of the start-up's
  // deserialization otherwise).
  std::set<std::pair<bool, std::string_view>> vetoes_written;
  for (const Rule& r : rules) {
    w.U(static_cast<std::uint64_t>(r.kind));
    w.S(r.id);
    w.At(r.at);
    w.S(r.pattern_source);
    w.S(r.pattern);
    w.At(r.pattern_at);
    w.U(r.unless.size());
    for (const std::string& u : r.unless) w.S(u);
    w.U(r.case_sensitive ? 1 : 0);
    w.I(r.priority);
    w.U(r.requires_document_event ? 1 : 0);
    w.S(r.event_type);
    w.S(r.value);
    w.S(r.cue);
    w.U(r.options.size());
    for (const auto& [k, v] : r.options) {
      w.S(k);
      w.S(v);
    }
    w.U(r.examples.size());
    for (const Example& e : r.examples) w.Ex(e);
    w.U(r.counter_examples.size());
    for (const Example& e : r.counter_examples) w.Ex(e);
    w.I(r.capture_groups);
    w.U(r.named_captures.size());
    for (const auto& [k, v] : r.named_captures) {
      w.S(k);
      w.I(v);
    }
    WriteStarts(w, r.starts, r.starts_at_boundary, r.leading, r.required, r.ends);
    w.I(r.trigger_starts);
    w.U(r.trigger_leading.size());
    for (const std::string& l : r.trigger_leading) w.S(l);
    w.U(r.trigger_body ? 1 : 0);
    w.I(r.window);
    w.I(r.window_runs);
    w.U(r.window_leading.size());
    for (const std::string& l : r.window_leading) w.S(l);
    w.U(r.unless_starts.size());
    for (std::size_t ui = 0; ui < r.unless_starts.size(); ++ui) {
      const Rule::VetoStarts& v = r.unless_starts[ui];
      if (ui < r.unless.size() && !vetoes_written.emplace(r.case_sensitive, r.unless[ui]).second) {
        w.I(-1);  // written with an earlier rule of the file
        w.U(0);
        w.U(0);
        w.U(0);
        w.U(0);
        continue;
      }
      WriteStarts(w, v.starts, v.at_boundary, v.leading, v.required, v.ends);
    }
  }
  return std::move(w.out());
}

bool DeserializeRules(std::string_view data, const std::string& file, std::vector<Rule>& out) {
  out.clear();
  CacheReader r(data, file);
  if (r.U() != kRuleCacheFormat) return false;
  std::vector<Rule> rules;
  // Reserved, so that no Rule or Example is moved as the vectors grow.
  const std::size_t n_rules = r.Count();
  rules.reserve(n_rules);
  for (std::size_t n = n_rules; r.ok() && n > 0; --n) {
    Rule& rule = rules.emplace_back();
    const std::uint64_t kind = r.U();
    if (kind > static_cast<std::uint64_t>(RuleKind::kCue)) return false;
    rule.kind = static_cast<RuleKind>(kind);
    rule.id = r.S();
    rule.at = r.At();
    rule.pattern_source = r.S();
    rule.pattern = r.S();
    rule.pattern_at = r.At();
    std::size_t n_unless = r.Count();
    ReserveFor(rule.unless, n_unless);
    for (; r.ok() && n_unless > 0; --n_unless) rule.unless.push_back(r.S());
    rule.unless_compiled.resize(rule.unless.size());
    rule.case_sensitive = r.U() != 0;
    rule.priority = r.Int();
    rule.requires_document_event = r.U() != 0;
    rule.event_type = r.S();
    rule.value = r.S();
    rule.cue = r.S();
    for (std::size_t o = r.Count(); r.ok() && o > 0; --o) {
      std::string k = r.S();
      rule.options[std::move(k)] = r.S();
    }
    for (auto* examples : {&rule.examples, &rule.counter_examples}) {
      const std::size_t n_examples = r.Count();
      examples->reserve(n_examples);
      for (std::size_t e = n_examples; r.ok() && e > 0; --e) examples->push_back(r.Ex());
    }
    rule.capture_groups = r.Int();
    for (std::size_t c = r.Count(); r.ok() && c > 0; --c) {
      std::string k = r.S();
      rule.named_captures[std::move(k)] = r.Int();
    }
    ReadStarts(r, rule.starts, rule.starts_at_boundary, rule.leading, rule.required, rule.ends);
    rule.trigger_starts = r.Int();
    std::size_t n_leading = r.Count();
    ReserveFor(rule.trigger_leading, n_leading);
    for (; r.ok() && n_leading > 0; --n_leading) rule.trigger_leading.push_back(r.S());
    rule.trigger_body = r.U() != 0;
    rule.window = r.Int();
    rule.window_runs = r.Int();
    n_leading = r.Count();
    ReserveFor(rule.window_leading, n_leading);
    for (; r.ok() && n_leading > 0; --n_leading) rule.window_leading.push_back(r.S());
    std::size_t n_starts = r.Count();
    ReserveFor(rule.unless_starts, n_starts);
    for (; r.ok() && n_starts > 0; --n_starts) {
      Rule::VetoStarts& v = rule.unless_starts.emplace_back();
      ReadStarts(r, v.starts, v.at_boundary, v.leading, v.required, v.ends);
      if (v.starts < -1 || v.starts > 1) return false;
    }
    if (!rule.unless_starts.empty() && rule.unless_starts.size() != rule.unless.size())
      return false;
    if (rule.trigger_starts < -1 || rule.trigger_starts > 1) return false;
    if (rule.window < -1 || rule.window > 1 || rule.window_runs < 0) return false;
    if (rule.starts < -1 || rule.starts > 1) return false;
  }
  if (!r.ok() || !r.done()) return false;
  out = std::move(rules);
  return true;
}

std::vector<RuleFileCacheEntry> BuildRuleFileCache(const RuleSet& loaded,
                                                   std::span<const Diagnostic> diagnostics) {
  std::set<std::string> noisy;
  for (const Diagnostic& d : diagnostics) noisy.insert(d.at.file);
  // The rules of each file, in load order.
  std::map<std::string, std::vector<Rule>> by_file;
  for (const Rule& r : loaded.rules) by_file[r.at.file].push_back(r);
  const auto context_key = RuleContextKey(loaded);
  std::vector<RuleFileCacheEntry> out;
  for (auto& [file, rules] : by_file) {
    if (file.empty() || noisy.count(file) != 0) continue;
    // Every location must name the file: the loader restores them from it.
    const bool one_file = std::all_of(rules.begin(), rules.end(), [&](const Rule& r) {
      auto same = [&](const Example& e) { return e.at.file == file; };
      return r.pattern_at.file == file && std::all_of(r.examples.begin(), r.examples.end(), same) &&
             std::all_of(r.counter_examples.begin(), r.counter_examples.end(), same);
    });
    std::string text;
    if (!one_file || !ReadFile(file, text)) continue;
    out.push_back({RuleFileKey(context_key, text), file, SerializeRules(rules)});
  }
  // Each types.yaml that parses alone with no diagnostic.
  std::set<std::string> types_files;
  for (const EventType& t : loaded.types) types_files.insert(t.at.file);
  for (const std::string& file : types_files) {
    std::string text;
    if (file.empty() || noisy.count(file) != 0 || !ReadFile(file, text)) continue;
    DiagnosticSink quiet;
    const std::vector<EventType> types = ParseTypesText(text, file, quiet);
    if (!quiet.diagnostics().empty()) continue;
    out.push_back({RuleFileKey(kTypesContextKey, text), file, SerializeTypes(types)});
  }
  std::sort(out.begin(), out.end(),
            [](const RuleFileCacheEntry& a, const RuleFileCacheEntry& b) { return a.key < b.key; });
  return out;
}

std::vector<Rule> ParseRuleText(std::string_view text, std::string_view file_name,
                                const RuleSet& context, DiagnosticSink& sink, KnownPatterns known) {
  const AlternationMap alternations = BuildAlternations(context.lexicons);
  const Context ctx{context.lexicons, alternations, context.types, known};
  RuleFileParser parser(text, std::string(file_name), ctx, sink);
  return parser.Parse();
}

RuleSet LoadRules(const std::vector<std::string>& dirs, DiagnosticSink& sink, KnownPatterns known,
                  KnownRuleFiles known_files) {
  RuleSet set;
  // Forward to `sink` until the error cap, then say so once and go quiet.
  bool capped = false;
  std::size_t forwarded_errors = 0;
  DiagnosticSink local([&](const Diagnostic& d) {
    if (capped) return;
    if (d.severity == Severity::kError && forwarded_errors == kMaxRuleErrors) {
      capped = true;
      Diagnostic stop;
      stop.code = "E022";
      stop.at = d.at;
      stop.message = fmt::format("too many errors; stopping after {}", kMaxRuleErrors);
      sink.Report(std::move(stop));
      return;
    }
    if (d.severity == Severity::kError) ++forwarded_errors;
    sink.Report(d);
  });

  auto io_error = [&](const std::string& path, const std::string& what) {
    Diagnostic d;
    d.code = "E002";
    d.at.file = path;
    d.message = what;
    local.Report(std::move(d));
  };

  auto join = [](const std::string& dir, const fs::path& rel) {
    return (fs::path(dir) / rel).generic_string();
  };

  // Pass 1: types and lexicons of every directory (later ones replace).
  std::vector<bool> usable(dirs.size(), false);
  for (std::size_t di = 0; di < dirs.size(); ++di) {
    const std::string& dir = dirs[di];
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      io_error(dir, "rules directory not found");
      continue;
    }
    usable[di] = true;
    const fs::path types_path = fs::path(dir) / "types.yaml";
    if (fs::exists(types_path, ec)) {
      std::string text;
      const std::string shown = join(dir, "types.yaml");
      if (!ReadFile(types_path, text)) {
        io_error(shown, "cannot read file");
      } else {
        // A types.yaml the build parsed with no diagnostic: its types as then.
        std::vector<EventType> parsed;
        const KnownRuleFile* k =
            known_files.empty()
                ? nullptr
                : FindKnownRuleFile(known_files, RuleFileKey(kTypesContextKey, text));
        if (k == nullptr || !DeserializeTypes(std::string_view(k->data, k->size), shown, parsed))
          parsed = ParseTypesText(text, shown, local);
        for (auto& t : parsed) {
          auto it = std::find_if(set.types.begin(), set.types.end(),
                                 [&](const EventType& o) { return o.name == t.name; });
          if (it != set.types.end()) {
            *it = std::move(t);
          } else {
            set.types.push_back(std::move(t));
          }
        }
      }
    }
    const fs::path lex_dir = fs::path(dir) / "lexicons";
    if (fs::is_directory(lex_dir, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(lex_dir, ec)) {
        if (e.is_regular_file(ec) && e.path().extension() == ".txt" &&
            e.path().filename().string()[0] != '.') {
          files.push_back(e.path());
        }
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        const std::string shown = join(dir, fs::path("lexicons") / f.filename());
        const std::string name = LexiconNameOf(f.stem().string());
        if (name.empty()) {
          Diagnostic d;
          d.code = "E017";
          d.at.file = shown;
          d.message = fmt::format(
              "bad lexicon file name '{}': use letters, digits and '_' (the name is used as "
              "{{NAME}})",
              f.filename().string());
          local.Report(std::move(d));
          continue;
        }
        std::string text;
        if (!ReadFile(f, text)) {
          io_error(shown, "cannot read file");
          continue;
        }
        auto entries = ParseLexiconText(text, shown, local);
        if (!entries.empty()) set.lexicons[name] = std::move(entries);
      }
    }
  }

  // Pass 2: rule files, each directory's events/, time/, cues/ recursively, sorted.
  // The lexicons' alternations are only needed to parse a rule file; when
  // every file is found in `known_files` (the shipped rules) they are never
  // built (a tenth of a cold start's instructions).
  AlternationMap alternations;
  std::once_flag alternations_once;
  const Context ctx{set.lexicons, alternations, set.types, known};
  const auto context_key =
      known_files.empty() ? std::pair<std::uint64_t, std::uint64_t>() : RuleContextKey(set);
  struct FileJob {
    std::size_t dir = 0;
    fs::path rel;
    std::string shown, text;
    bool read = false;
    std::vector<Rule> rules;
    DiagnosticSink diagnostics;  // the file's own, replayed in file order below
  };
  std::vector<FileJob> jobs;
  for (std::size_t di = 0; di < dirs.size(); ++di) {
    if (!usable[di]) continue;
    const std::string& dir = dirs[di];
    std::error_code ec;
    for (const char* sub : {"events", "time", "cues"}) {
      const fs::path root = fs::path(dir) / sub;
      if (!fs::is_directory(root, ec)) continue;
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(root, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string fname = it->path().filename().string();
        if (!fname.empty() && fname[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) {
          found.push_back(fs::relative(it->path(), dir, ec));
        }
      }
      std::sort(found.begin(), found.end());
      for (auto& rel : found) {
        FileJob& job = jobs.emplace_back();
        job.dir = di;
        job.shown = join(dir, rel);
        job.rel = std::move(rel);
      }
    }
  }

  // Files are independent given the lexicons and types: parse them (YAML,
  // and above all compiling their patterns) on a few threads. Each file's
  // diagnostics are kept and replayed in file order, so the output is the
  // same as a sequential run.
  auto parse_one = [&](FileJob& job) {
    job.read = ReadFile(fs::path(dirs[job.dir]) / job.rel, job.text);
    if (!job.read) return;
    // A file the build loaded without a diagnostic, against the same
    // lexicons and types: its rules as they were parsed then.
    if (!known_files.empty()) {
      const KnownRuleFile* k = FindKnownRuleFile(known_files, RuleFileKey(context_key, job.text));
      if (k && DeserializeRules(std::string_view(k->data, k->size), job.shown, job.rules)) return;
    }
    std::call_once(alternations_once, [&] { alternations = BuildAlternations(set.lexicons); });
    RuleFileParser parser(job.text, job.shown, ctx, job.diagnostics);
    job.rules = parser.Parse();
  };
  const std::size_t workers =
      std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, jobs.size()});
  if (workers <= 1) {
    for (FileJob& job : jobs) parse_one(job);
  } else {
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(workers);
    auto work = [&](std::size_t w) {
      try {
        for (std::size_t j = next++; j < jobs.size(); j = next++) parse_one(jobs[j]);
      } catch (...) {
        failures[w] = std::current_exception();
        next = jobs.size();
      }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
    for (std::thread& t : threads) t.join();
    for (const auto& f : failures)
      if (f) std::rethrow_exception(f);
  }

  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> by_id;  // id -> (dir, index)
  for (FileJob& job : jobs) {
    if (capped) break;
    const std::size_t di = job.dir;
    const std::string& shown = job.shown;
    if (!job.read) {
      io_error(shown, "cannot read file");
      continue;
    }
    for (const Diagnostic& d : job.diagnostics.diagnostics()) local.Report(d);
    for (auto& rule : job.rules) {
      auto it = by_id.find(rule.id);
      if (it == by_id.end()) {
        by_id.emplace(rule.id, std::make_pair(di, set.rules.size()));
        set.rules.push_back(std::move(rule));
        continue;
      }
      Rule& first = set.rules[it->second.second];
      if (it->second.first == di) {
        const Source src(job.text, shown);
        const int line0 = rule.at.line - 1;
        const std::string_view line = src.Line(line0);
        // rule.at.column counts code points; find the byte column of the id.
        std::size_t col0 = line.find(rule.id);
        if (col0 == std::string_view::npos) col0 = 0;
        local.Report(src.Make(Severity::kError, "E007", line0, col0, rule.id.size(),
                              fmt::format("duplicate rule id '{}' (first defined at {}:{})",
                                          rule.id, first.at.file, first.at.line)));
        continue;
      }
      // A later directory replaces the rule in place.
      it->second.first = di;
      first = std::move(rule);
    }
  }
  return set;
}

}  // namespace eventline
