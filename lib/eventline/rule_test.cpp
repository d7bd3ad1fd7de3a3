#include "eventline/rule_test.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "eventline/dates.h"
#include "eventline/output.h"

namespace eventline {

namespace {

bool Selected(const Rule& r, const std::vector<std::string>& ids) {
  if (ids.empty()) return true;
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    if (!id.empty() && id.back() == '*') {
      return r.id.compare(0, id.size() - 1, id, 0, id.size() - 1) == 0;
    }
    return r.id == id;
  });
}

std::string Where(const SourceLocation& at) {
  if (at.line <= 0) return at.file;
  if (at.column <= 0) return fmt::format("{}:{}", at.file, at.line);
  return fmt::format("{}:{}:{}", at.file, at.line, at.column);
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// How many expectations `got` meets.
std::size_t Score(const Fields& expect, const Fields& got) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < expect.size(); ++i) n += expect[i].second == got[i].second ? 1 : 0;
  return n;
}

std::string Describe(const Fields& expect, const Fields& got) {
  std::string want, have;
  for (std::size_t i = 0; i < expect.size(); ++i) {
    if (expect[i].second == got[i].second) continue;
    if (!want.empty()) {
      want += ", ";
      have += ", ";
    }
    want += expect[i].first + "=" + expect[i].second;
    have += got[i].first + "=" + got[i].second;
  }
  return fmt::format("expected {} got {}", want, have);
}

class Runner {
 public:
  Runner(const Matcher& matcher, const RuleTestHooks& hooks, std::string& report)
      : matcher_(matcher), hooks_(hooks), report_(report) {}

  void Run(const Rule& rule, TestSummary& s) {
    for (const auto& ex : rule.examples) Count(s, CheckExample(rule, ex));
    for (const auto& ex : rule.counter_examples) Count(s, CheckCounter(rule, ex));
  }

 private:
  void Count(TestSummary& s, bool ok) { ++(ok ? s.passed : s.failed); }

  bool Fail(const Rule& rule, const Example& ex, const std::string& what) {
    report_ += fmt::format("{}: {}: {}\n", Where(ex.at.line > 0 ? ex.at : rule.at), rule.id, what);
    return false;
  }

  // Candidate results of this rule for the example, each as the expected
  // columns' values; `found` says what the pipeline produced at all.
  std::vector<Fields> Results(const Rule& rule, const Example& ex, std::string& found) {
    const Document doc = ExampleDocument(rule, ex);
    std::vector<Fields> out;
    auto pick = [&](auto get) {
      Fields f;
      for (const auto& [name, value] : ex.expect) f.emplace_back(name, get(name));
      out.push_back(std::move(f));
    };
    std::vector<std::string> other;
    if (rule.kind == RuleKind::kEvent) {
      if (!hooks_.extract) {
        found = "no pipeline to run";
        return out;
      }
      for (const auto& row : hooks_.extract(doc, &rule)) {
        if (row.rule != rule.id) {
          other.push_back(row.rule);
          continue;
        }
        pick([&](const std::string& name) { return EventColumn(row, name); });
      }
    } else if (rule.kind == RuleKind::kTime) {
      if (!hooks_.dates) {
        found = "no pipeline to run";
        return out;
      }
      for (const auto& t : hooks_.dates(doc)) {
        if (t.rule != &rule && (t.rule == nullptr || t.rule->id != rule.id)) {
          if (t.rule) other.push_back(t.rule->id);
          continue;
        }
        pick([&](const std::string& name) -> std::string {
          if (name == "date_text") return doc.text.substr(t.begin, t.end - t.begin);
          if (name == "date_start") {
            return t.interval.start ? FormatIsoDate(*t.interval.start) : std::string();
          }
          if (name == "date_end") {
            return t.interval.end ? FormatIsoDate(*t.interval.end) : std::string();
          }
          if (name == "date_precision") return std::string(ToString(t.interval.precision));
          return {};
        });
      }
    } else {
      std::vector<Match> matches;
      matcher_.FindAll(RuleKind::kCue, doc.text, 0, doc.text.size(), matches);
      for (const auto& m : matches) {
        if (m.rule != &rule && m.rule->id != rule.id) {
          other.push_back(m.rule->id);
          continue;
        }
        pick([&](const std::string& name) -> std::string {
          if (name == "modality") return rule.cue == "source" ? std::string() : rule.cue;
          if (name == "source") {
            const Capture* c = m.Get("source");
            return c && c->set() ? doc.text.substr(c->begin, c->end - c->begin) : std::string();
          }
          return {};
        });
      }
    }
    if (out.empty()) {
      std::sort(other.begin(), other.end());
      other.erase(std::unique(other.begin(), other.end()), other.end());
      found = "no match of this rule";
      if (!other.empty()) {
        found += " (matched instead:";
        for (const auto& o : other) found += " " + o;
        found += ")";
      }
    }
    return out;
  }

  bool CheckExample(const Rule& rule, const Example& ex) {
    std::string found;
    const auto results = Results(rule, ex, found);
    if (results.empty()) return Fail(rule, ex, "expected a match got " + found);
    const Fields* best = nullptr;
    std::size_t best_score = 0;
    for (const auto& r : results) {
      const std::size_t score = Score(ex.expect, r);
      if (score == ex.expect.size()) return true;
      if (!best || score > best_score) {
        best = &r;
        best_score = score;
      }
    }
    return Fail(rule, ex, Describe(ex.expect, *best));
  }

  bool CheckCounter(const Rule& rule, const Example& ex) {
    std::string found;
    Example bare = ex;
    bare.expect.clear();
    const auto results = Results(rule, bare, found);
    if (results.empty()) return true;
    return Fail(rule, ex,
                fmt::format("expected no match got {} match{}", results.size(),
                            results.size() == 1 ? "" : "es"));
  }

  const Matcher& matcher_;
  const RuleTestHooks& hooks_;
  std::string& report_;
};

}  // namespace

Document ExampleDocument(const Rule& rule, const Example& example) {
  Document doc;
  doc.doc_id = "example";
  doc.file = rule.at.file;
  doc.text = example.text;
  doc.pub_date = example.pub_date ? example.pub_date : ParseIsoDate(kDefaultExampleDate);
  doc.pub_date_source = PubDateSource::kField;
  return doc;
}

std::string EventColumn(const EventRow& row, std::string_view name) {
  const auto fields = EventFields(row);
  for (std::size_t i = 0; i < kEventColumns.size() && i < fields.size(); ++i) {
    if (kEventColumns[i] != name) continue;
    const Field& f = fields[i];
    if (const auto* s = std::get_if<std::string>(&f)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&f)) return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&f)) return fmt::format("{:.5f}", *d);
    if (const auto* j = std::get_if<RawJson>(&f)) return j->csv;
    return {};
  }
  return {};
}

TestSummary RunRuleTests(const RuleSet& rules, const Matcher& matcher, const RuleTestHooks& hooks,
                         const std::vector<std::string>& ids, std::string& report) {
  TestSummary s;
  Runner runner(matcher, hooks, report);
  for (const auto& rule : rules.rules) {
    if (!Selected(rule, ids)) continue;
    ++s.rules;
    runner.Run(rule, s);
  }
  for (const auto& id : ids) {
    const bool any = std::any_of(rules.rules.begin(), rules.rules.end(),
                                 [&](const Rule& r) { return Selected(r, {id}); });
    if (!any) {
      report += fmt::format("eventline: no rule matches '{}'\n", id);
      ++s.failed;
    }
  }
  report += fmt::format("{} passed, {} failed\n", s.passed, s.failed);
  return s;
}

std::string ListRules(const RuleSet& rules) {
  std::string out = "id\tkind\ttype\tfile\texamples\tcounter_examples\n";
  for (const auto& r : rules.rules) {
    const std::string& type = r.kind == RuleKind::kEvent  ? r.event_type
                              : r.kind == RuleKind::kTime ? r.value
                                                          : r.cue;
    out += fmt::format("{}\t{}\t{}\t{}:{}\t{}\t{}\n", r.id, ToString(r.kind), type, r.at.file,
                       r.at.line, r.examples.size(), r.counter_examples.size());
  }
  return out;
}

}  // namespace eventline
