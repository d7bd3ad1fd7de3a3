// lib/eventline/actors.h: the actor list; canonical actor names.
//
// Loaded from `actors/*.yaml` of each rules directory (format:
// docs/places.md, "Actors file"): canonical names with their variants, and
// demonym + force-noun pairs ("Russian paratroopers" -> "Russian forces").
// Names are looked up by token hashing (name_index.h) with the same case
// rules as places: capitalised words must be capitalised in mixed-case text.
//
// Immutable after Load; const methods are thread-safe. Mentions point into
// the Actors object, which must outlive them. Bad entries become
// diagnostics (file:line:col, E07x) and are skipped; loading goes on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eventline/diagnostics.h"
#include "eventline/places.h"

namespace eventline {

struct ActorMention {
  std::size_t begin = 0, end = 0;          // byte span as written
  const std::string* canonical = nullptr;  // never null; owned by Actors
  const std::string* kind = nullptr;       // "state", "force", "group", "people"...; may be empty
};

// An actors file the build has already parsed (issue 7, cold start):
// tools/known_places.cpp parses the shipped actors files, and each that
// parsed with no diagnostic is stored as what its parse does (Actors::Compile:
// the canonical names and variants it adds, in order, with their line and
// column), keyed by Actors::FileKey of its bytes. The loader replays such a
// file instead of parsing its YAML; any other file is parsed as before.
struct KnownActorFile {
  std::uint64_t key_high = 0, key_low = 0;
  const char* data = nullptr;  // Actors::Compile output
  std::size_t size = 0;
};
using KnownActorFiles = std::span<const KnownActorFile>;

class Actors {
 public:
  // Reads `DIR/actors/*.yaml` (sorted) of each directory; later files may
  // add variants to an earlier canonical name. Never returns null. Files
  // found in `known` are replayed, not parsed (see KnownActorFile).
  [[nodiscard]] static std::unique_ptr<Actors> Load(const std::vector<std::string>& rule_dirs,
                                                    DiagnosticSink& sink,
                                                    KnownActorFiles known = {});
  // The same from (file name, YAML text) pairs.
  [[nodiscard]] static std::unique_ptr<Actors> LoadFromStrings(
      const std::vector<std::pair<std::string, std::string>>& files, DiagnosticSink& sink,
      KnownActorFiles known = {});

  // XXH3-128 of an actors file's bytes and of the Compile format.
  [[nodiscard]] static std::pair<std::uint64_t, std::uint64_t> FileKey(std::string_view text);
  // What parsing one actors file does, as a compact binary for KnownActorFile;
  // false when the file alone has any diagnostic (it is then not stored).
  [[nodiscard]] static bool Compile(const std::string& file, const std::string& text,
                                    std::string* out);

  ~Actors();
  Actors(const Actors&) = delete;  // mentions point into it
  Actors& operator=(const Actors&) = delete;

  // The canonical name for an actor phrase as written ("the Russian troops",
  // "Moscow's forces", "two Ukrainian soldiers"), ignoring case and leading
  // determiners and quantities; else the phrase as written, whitespace collapsed.
  [[nodiscard]] std::string Normalize(std::string_view as_written) const;

  // Actor mentions in text[begin, end), in order, non-overlapping, longest first.
  [[nodiscard]] std::vector<ActorMention> FindAll(std::string_view text, std::size_t begin,
                                                  std::size_t end,
                                                  LetterCase letter_case = LetterCase::kAuto) const;

  [[nodiscard]] std::size_t size() const;  // number of canonical actors

  // The state (ISO2) the actors file gives a canonical name ("Wagner Group"
  // -> "RU"); empty when it gives none or the name is unknown.
  [[nodiscard]] std::string_view Country(std::string_view canonical) const;

  // h-places18: the land the actors file gives a group that holds one
  // ("Hamas" -> "Gaza Strip"): where it keeps its captives. Empty when it
  // gives none or the name is unknown.
  [[nodiscard]] std::string_view Territory(std::string_view canonical) const;

  struct Impl;

 private:
  explicit Actors(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace eventline
