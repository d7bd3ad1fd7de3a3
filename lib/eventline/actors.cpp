#include "eventline/actors.h"

#include <xxhash.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "eventline/binio.h"
#include "eventline/name_index.h"

namespace eventline {

namespace {

constexpr std::array<std::string_view, 14> kLeadingWords = {
    "the",      "a",         "an",     "some", "several", "many", "dozens",
    "hundreds", "thousands", "scores", "two",  "three",   "four", "five"};

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

struct Actors::Impl {
  struct Entry {
    std::string name, kind, country, territory;
  };
  std::vector<Entry> entries;
  std::unordered_map<std::string, std::uint32_t> by_name;  // canonical -> entry
  NameIndex index;
  std::unordered_map<std::string, std::uint32_t> variant_owner;  // normalised variant -> entry
  std::vector<std::uint64_t> leading;                            // hashes of kLeadingWords

  std::uint32_t EntryFor(const std::string& name, const std::string& kind) {
    auto [it, inserted] = by_name.emplace(name, static_cast<std::uint32_t>(entries.size()));
    if (inserted) entries.push_back({name, kind, {}, {}});
    if (!kind.empty()) entries[it->second].kind = kind;
    return it->second;
  }

  void AddVariant(const std::string& variant, std::uint32_t id, const std::string& file, int line,
                  int column, DiagnosticSink& sink) {
    std::vector<NameToken> tokens;  // one tokenisation for both
    const std::string norm = NormalizeName(variant, &tokens);
    SourceLocation at{file, line, column};
    if (norm.empty() || !index.Add(tokens, id)) {
      sink.Error(at, "actor variant '" + variant + "' has no letters or more than 12 words",
                 "E072");
      return;
    }
    auto [it, inserted] = variant_owner.emplace(norm, id);
    if (!inserted && it->second != id) {
      sink.Warning(at,
                   "actor variant '" + variant + "' already belongs to '" +
                       entries[it->second].name + "'; the first one is kept",
                   "W073");
      // Keep the first owner: drop the id just added.
      auto* ids = index.FindMutable(variant);
      if (ids != nullptr) ids->erase(std::remove(ids->begin(), ids->end(), id), ids->end());
      if (ids != nullptr && ids->empty()) ids->push_back(it->second);
    }
  }

  // `ops`, when given, receives what the parse does (Actors::Compile).
  void Parse(const std::string& file, const std::string& text, DiagnosticSink& sink,
             std::string* ops = nullptr);
  // Does what a Compile'd file's parse did; false on corrupt data.
  // With `dry_run`, only checks the data's framing.
  bool Replay(const std::string& file, std::string_view ops, DiagnosticSink& sink,
              bool dry_run = false);
};

namespace {

// Compile format: records of a tag byte and fields; strings as u32 length
// and bytes. 'E' name kind: EntryFor; 'V' variant line column (u32 each):
// AddVariant to the last entry; 'C' country: the last entry's state (ISO2);
// 'T' territory: the last entry's land (h-places18).
constexpr std::uint32_t kActorOpsFormat = 3;

using binio::PutRaw;
using binio::PutString;

}  // namespace

void Actors::Impl::Parse(const std::string& file, const std::string& text, DiagnosticSink& sink,
                         std::string* ops) {
  const auto entry_for = [&](const std::string& name, const std::string& kind) {
    if (ops != nullptr) {
      ops->push_back('E');
      PutString(*ops, name);
      PutString(*ops, kind);
    }
    return EntryFor(name, kind);
  };
  const auto add_variant = [&](const std::string& variant, std::uint32_t id,
                               const YAML::Mark& mark) {
    if (ops != nullptr) {
      ops->push_back('V');
      PutString(*ops, variant);
      PutRaw<std::uint32_t>(*ops, static_cast<std::uint32_t>(mark.line + 1));
      PutRaw<std::uint32_t>(*ops, static_cast<std::uint32_t>(mark.column + 1));
    }
    AddVariant(variant, id, file, mark.line + 1, mark.column + 1, sink);
  };
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    sink.Error(SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
               "yaml syntax error: " + e.msg, "E070");
    return;
  }
  auto error = [&](const YAML::Node& n, const std::string& msg, const char* code) {
    sink.Error(SourceLocation{file, n.Mark().line + 1, n.Mark().column + 1}, msg, code);
  };
  if (!root.IsMap()) {
    error(root, "an actors file is a map with 'actors' and optional 'demonym_forces'", "E071");
    return;
  }
  auto strings = [&](const YAML::Node& n, std::vector<std::pair<std::string, YAML::Mark>>& out) {
    if (n.IsScalar()) {
      out.emplace_back(n.as<std::string>(), n.Mark());
      return true;
    }
    if (!n.IsSequence()) return false;
    for (const YAML::Node& item : n) {
      if (!item.IsScalar()) return false;
      out.emplace_back(item.as<std::string>(), item.Mark());
    }
    return true;
  };
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& value = kv.second;
    if (key == "actors") {
      if (!value.IsSequence()) {
        error(value, "'actors' must be a list of {name, variants}", "E071");
        continue;
      }
      for (const YAML::Node& a : value) {
        if (!a.IsMap() || !a["name"] || !a["name"].IsScalar()) {
          error(a, "an actor needs a 'name'", "E071");
          continue;
        }
        std::string kind;
        bool ok = true;
        for (const auto& f : a) {
          const std::string k = f.first.as<std::string>();
          if (k != "name" && k != "variants" && k != "kind" && k != "country" && k != "territory") {
            std::string msg = "unknown actor field '" + k + "'";
            for (const char* known : {"name", "variants", "kind", "country", "territory"})
              if (EditDistance(k, known) <= 2)
                msg += std::string("; did you mean '") + known + "'?";
            error(f.first, msg, "E071");
            ok = false;
          }
        }
        if (!ok) continue;
        if (a["kind"] && a["kind"].IsScalar()) kind = a["kind"].as<std::string>();
        const std::string name = a["name"].as<std::string>();
        const std::uint32_t id = entry_for(name, kind);
        // An optional scalar key: recorded for the compiled form (op code
        // `op`) and kept on the entry.
        const auto optional_key = [&](const char* name_of, char op, std::string& field) {
          if (!a[name_of] || !a[name_of].IsScalar()) return;
          field = a[name_of].as<std::string>();
          if (ops != nullptr) {
            ops->push_back(op);
            PutString(*ops, field);
          }
        };
        optional_key("country", 'C', entries[id].country);
        optional_key("territory", 'T', entries[id].territory);
        add_variant(name, id, a["name"].Mark());
        std::vector<std::pair<std::string, YAML::Mark>> variants;
        if (a["variants"] && !strings(a["variants"], variants)) {
          error(a["variants"], "'variants' must be a list of strings", "E071");
          continue;
        }
        for (const auto& [v, mark] : variants) add_variant(v, id, mark);
      }
    } else if (key == "demonym_forces") {
      std::vector<std::pair<std::string, YAML::Mark>> nouns;
      if (!value.IsMap() || !value["nouns"] || !strings(value["nouns"], nouns) ||
          !value["demonyms"] || !value["demonyms"].IsMap()) {
        error(value, "'demonym_forces' needs 'nouns' (a list) and 'demonyms' (a map)", "E071");
        continue;
      }
      for (const auto& d : value["demonyms"]) {
        if (!d.second.IsScalar()) {
          error(d.second, "a demonym maps to one canonical name", "E071");
          continue;
        }
        const std::string demonym = d.first.as<std::string>();
        const std::uint32_t id = entry_for(d.second.as<std::string>(), "force");
        for (const auto& [noun, mark] : nouns)
          add_variant(demonym + " " + noun, id, d.first.Mark());
      }
    } else {
      std::string msg = "unknown key '" + key + "'";
      for (const char* known : {"actors", "demonym_forces"})
        if (EditDistance(key, known) <= 2) msg += std::string("; did you mean '") + known + "'?";
      error(kv.first, msg, "E071");
    }
  }
}

Actors::Actors(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Actors::~Actors() = default;

bool Actors::Impl::Replay(const std::string& file, std::string_view ops, DiagnosticSink& sink,
                          bool dry_run) {
  const char* p = ops.data();
  const char* const end = p + ops.size();
  const auto u32 = [&](std::uint32_t* v) {
    if (end - p < 4) return false;
    std::memcpy(v, p, 4);
    p += 4;
    return true;
  };
  const auto str = [&](std::string* s) {
    std::uint32_t n = 0;
    if (!u32(&n) || static_cast<std::size_t>(end - p) < n) return false;
    if (!dry_run) s->assign(p, n);
    p += n;
    return true;
  };
  std::uint32_t id = 0;
  bool have_entry = false;
  std::string a, b;
  while (p < end) {
    const char tag = *p++;
    if (tag == 'E') {
      if (!str(&a) || !str(&b)) return false;
      if (!dry_run) id = EntryFor(a, b);
      have_entry = true;
    } else if (tag == 'C') {
      if (!have_entry || !str(&a)) return false;
      if (!dry_run) entries[id].country = a;
    } else if (tag == 'T') {
      if (!have_entry || !str(&a)) return false;
      if (!dry_run) entries[id].territory = a;
    } else if (tag == 'V') {
      std::uint32_t line = 0, column = 0;
      if (!have_entry || !str(&a) || !u32(&line) || !u32(&column)) return false;
      if (!dry_run) AddVariant(a, id, file, static_cast<int>(line), static_cast<int>(column), sink);
    } else {
      return false;
    }
  }
  return true;
}

std::pair<std::uint64_t, std::uint64_t> Actors::FileKey(std::string_view text) {
  const XXH128_hash_t h = XXH3_128bits_withSeed(text.data(), text.size(), kActorOpsFormat);
  return {h.high64, h.low64};
}

bool Actors::Compile(const std::string& file, const std::string& text, std::string* out) {
  std::size_t diagnostics = 0;
  DiagnosticSink sink([&](const Diagnostic&) { ++diagnostics; });
  Impl impl;
  out->clear();
  impl.Parse(file, text, sink, out);
  if (diagnostics > 0) out->clear();
  return diagnostics == 0;
}

std::unique_ptr<Actors> Actors::LoadFromStrings(
    const std::vector<std::pair<std::string, std::string>>& files, DiagnosticSink& sink,
    KnownActorFiles known) {
  auto impl = std::make_unique<Impl>();
  for (const auto& [name, text] : files) {
    const KnownActorFile* hit = nullptr;
    if (!known.empty()) {
      const auto key = FileKey(text);
      for (const KnownActorFile& k : known)
        if (k.key_high == key.first && k.key_low == key.second) hit = &k;
    }
    if (hit != nullptr) {
      const std::string_view ops(hit->data, hit->size);
      // Framing checked before anything is added, so a damaged table (which
      // the build does not make) falls back to the parse, not half a replay.
      if (impl->Replay(name, ops, sink, /*dry_run=*/true)) {
        (void)impl->Replay(name, ops, sink);
        continue;
      }
    }
    impl->Parse(name, text, sink);
  }
  for (std::string_view w : kLeadingWords) {
    const std::vector<NameToken> t = TokenizeNames(w, 0, w.size());
    impl->leading.push_back(t.front().hash);
  }
  return std::unique_ptr<Actors>(new Actors(std::move(impl)));
}

std::unique_ptr<Actors> Actors::Load(const std::vector<std::string>& rule_dirs,
                                     DiagnosticSink& sink, KnownActorFiles known) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& dir : rule_dirs) {
    const fs::path actors_dir = fs::path(dir) / "actors";
    std::error_code ec;
    if (!fs::is_directory(actors_dir, ec)) continue;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(actors_dir, ec))
      if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        sink.Error(SourceLocation{p.string(), 0, 0}, "cannot read actors file");
        continue;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      files.emplace_back(p.string(), ss.str());
    }
  }
  return LoadFromStrings(files, sink, known);
}

std::vector<ActorMention> Actors::FindAll(std::string_view text, std::size_t begin, std::size_t end,
                                          LetterCase letter_case) const {
  std::vector<ActorMention> out;
  if (end > text.size()) end = text.size();
  if (begin >= end) return out;
  const bool any_case =
      letter_case == LetterCase::kAnyCase ||
      (letter_case == LetterCase::kAuto && MostlyUpperCase(text.substr(begin, end - begin)));
  const std::vector<NameToken> tokens = TokenizeNames(text, begin, end);
  std::vector<NameIndex::Hit> hits;
  impl_->index.FindAll(tokens, any_case, hits);
  for (const NameIndex::Hit& h : hits) {
    if (h.ids == nullptr || h.ids->empty()) continue;
    const Impl::Entry& e = impl_->entries[h.ids->front()];
    out.push_back({tokens[h.first].begin, tokens[h.last].end, &e.name, &e.kind});
  }
  return out;
}

std::string Actors::Normalize(std::string_view as_written) const {
  const std::string collapsed = Collapse(as_written);
  const std::vector<NameToken> tokens = TokenizeNames(collapsed, 0, collapsed.size());
  if (tokens.empty()) return collapsed;
  // Skip leading determiners, quantifiers and numbers.
  std::size_t first = 0;
  auto skippable = [&](const NameToken& t) {
    if (std::find(impl_->leading.begin(), impl_->leading.end(), t.hash) != impl_->leading.end())
      return true;
    const char c = collapsed[t.begin];
    return c >= '0' && c <= '9';
  };
  while (first + 1 < tokens.size() && skippable(tokens[first])) ++first;
  const std::string_view rest = std::string_view(collapsed).substr(tokens[first].begin);
  if (const auto* ids = impl_->index.Find(rest); ids != nullptr && !ids->empty())
    return impl_->entries[ids->front()].name;
  // A known actor at the head of the phrase ("two Ukrainian soldiers"), with
  // only lower-case modifiers before it ("of" breaks: "the mayor of Kyiv").
  std::vector<NameIndex::Hit> hits;
  impl_->index.FindAll(std::span<const NameToken>(tokens).subspan(first), true, hits);
  if (!hits.empty() && first + hits.back().last == tokens.size() - 1) {
    const std::size_t start = first + hits.back().first;
    bool ok = true;
    for (std::size_t k = first; k < start && ok; ++k) {
      const std::string w = NormalizeName(
          std::string_view(collapsed).substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
      ok = tokens[k].lower && w != "of" && w != "for" && w != "from" && w != "against";
    }
    if (ok && hits.back().ids != nullptr && !hits.back().ids->empty())
      return impl_->entries[hits.back().ids->front()].name;
  }
  return collapsed;
}

std::size_t Actors::size() const { return impl_->entries.size(); }

std::string_view Actors::Country(std::string_view canonical) const {
  const auto it = impl_->by_name.find(std::string(canonical));
  return it == impl_->by_name.end() ? std::string_view() : impl_->entries[it->second].country;
}

std::string_view Actors::Territory(std::string_view canonical) const {
  const auto it = impl_->by_name.find(std::string(canonical));
  return it == impl_->by_name.end() ? std::string_view() : impl_->entries[it->second].territory;
}

}  // namespace eventline
