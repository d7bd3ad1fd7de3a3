// The build-time forms of the shipped gazetteer (Gazetteer::Image), actors
// files (Actors::Compile) and types.yaml (known rule files) load the same as
// parsing the text, and anything else falls back to the parse (issue 7).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "eventline/actors.h"
#include "eventline/places.h"
#include "eventline/rules.h"
#include "shipped.h"

namespace eventline {
namespace {

namespace fs = std::filesystem;

// Sentences in our own words that name places and actors in several ways.
const char* const kTexts[] = {
    "Russian forces shelled Kharkiv and the port city of Mariupol on Tuesday.",
    "In eastern Ukraine, Ukrainian troops retook Izium, officials in Kyiv said.",
    "Protesters gathered in Paris, Lyon and Marseille; police in San Salvador arrested two.",
    "THE MEDELLIN CARTEL STRUCK IN BOGOTA AND CALI, THE ARMY SAID.",
    "A drone hit a depot near Belgorod, Moscow's defence ministry claimed.",
    "Wagner fighters and Kremlin-backed separatists advanced on Bakhmut and Soledar.",
};

std::string Describe(const Gazetteer& g, std::string_view text) {
  std::string out;
  for (const PlaceMention& m : g.FindAll(text, 0, text.size())) {
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "=";
    for (const Place* p : m.candidates) {
      out += p->name + "/" + p->country + "/" + p->kind + "/" + p->source + "/" +
             std::to_string(p->population) + "/" + std::to_string(p->latitude) + ",";
    }
    out += "; ";
  }
  return out;
}

std::string Describe(const Actors& a, std::string_view text) {
  std::string out;
  for (const ActorMention& m : a.FindAll(text, 0, text.size()))
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "=" + *m.canonical + "/" + *m.kind +
           "; ";
  return out;
}

TEST_CASE("gazetteer image: the shipped gazetteer reads back the same", "[places][known_places]") {
  DiagnosticSink sink;
  const auto files = Gazetteer::ReadFiles(testing::ShippedRuleDirs(), sink);
  REQUIRE(sink.diagnostics().empty());
  const auto parsed = Gazetteer::LoadFromStrings(files, sink);
  REQUIRE(sink.diagnostics().empty());
  const auto key = Gazetteer::SourceKey(files);
  const std::string image = parsed->Image(key);
  const auto read = Gazetteer::FromImage(image, key);
  REQUIRE(read != nullptr);
  CHECK(read->size() == parsed->size());
  for (const char* text : kTexts) {
    CAPTURE(text);
    CHECK(Describe(*read, text) == Describe(*parsed, text));
  }
  for (const char* name : {"Kyiv", "Springfield", "Georgia", "Black Sea", "Zaporizhzhia"}) {
    CAPTURE(name);
    const auto a = parsed->Lookup(name), b = read->Lookup(name);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i]->source == b[i]->source);
  }
  for (const char* iso : {"UA", "RU", "CO", "SV", "FR"}) {
    CAPTURE(iso);
    REQUIRE(read->CountryPlace(iso) != nullptr);
    CHECK(read->CountryPlace(iso)->name == parsed->CountryPlace(iso)->name);
    REQUIRE(read->CapitalPlace(iso) != nullptr);
    CHECK(read->CapitalPlace(iso)->name == parsed->CapitalPlace(iso)->name);
  }
  // The same image twice from the same files.
  CHECK(parsed->Image(key) == image);

  SECTION("an image is used only for the files it was made from") {
    auto other = key;
    other.second ^= 1;
    CHECK(Gazetteer::FromImage(image, other) == nullptr);
    auto edited = files;
    edited.back().second += "\n";
    CHECK(Gazetteer::SourceKey(edited) != key);
  }
  SECTION("a damaged or truncated image is refused") {
    std::string bad = image;
    bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 0x40);
    CHECK(Gazetteer::FromImage(bad, key) == nullptr);
    CHECK(Gazetteer::FromImage(image.substr(0, image.size() - 1), key) == nullptr);
    CHECK(Gazetteer::FromImage(image.substr(0, 20), key) == nullptr);
    CHECK(Gazetteer::FromImage("", key) == nullptr);
  }
  SECTION("Load with the image: shipped files read it, other files are parsed") {
    DiagnosticSink s1;
    const auto g = Gazetteer::Load(testing::ShippedRuleDirs(), s1, image);
    CHECK(s1.diagnostics().empty());
    CHECK(Describe(*g, kTexts[0]) == Describe(*parsed, kTexts[0]));

    const fs::path tmp = fs::temp_directory_path() /
                         ("eventline_known_places_" + std::to_string(std::random_device{}()));
    fs::create_directories(tmp / "places");
    {
      std::ofstream f(tmp / "places" / "extra.tsv");
      f << "Nowhereville\t\tUA\t48.5\t35.0\t1200\tcity\ttest\n"
        << "Badplace\t\tUA\t95\t35.0\t0\tcity\ttest\n";
    }
    std::vector<std::string> dirs = testing::ShippedRuleDirs();
    dirs.push_back(tmp.string());
    DiagnosticSink with_image, without;
    const auto a = Gazetteer::Load(dirs, with_image, image);
    const auto b = Gazetteer::Load(dirs, without);
    fs::remove_all(tmp);
    REQUIRE(with_image.diagnostics().size() == 1);
    REQUIRE(without.diagnostics().size() == 1);
    CHECK(Render(with_image.diagnostics()[0]) == Render(without.diagnostics()[0]));
    CHECK(with_image.diagnostics()[0].code == "E063");
    const std::string text = "Shelling hit Nowhereville and Kharkiv.";
    CHECK(Describe(*a, text) == Describe(*b, text));
    CHECK(Describe(*a, text).find("Nowhereville=") != std::string::npos);
  }
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("known actors files: replaying the shipped file loads the same",
          "[actors][known_places]") {
  const fs::path path = fs::path(testing::ShippedRuleDirs()[0]) / "actors" / "actors.yaml";
  const std::string text = Slurp(path);
  std::string ops;
  REQUIRE(Actors::Compile(path.string(), text, &ops));
  REQUIRE(!ops.empty());
  const auto key = Actors::FileKey(text);
  const KnownActorFile known[] = {{key.first, key.second, ops.data(), ops.size()}};
  DiagnosticSink s1, s2;
  const auto parsed = Actors::LoadFromStrings({{path.string(), text}}, s1);
  const auto replayed = Actors::LoadFromStrings({{path.string(), text}}, s2, known);
  CHECK(s1.diagnostics().empty());
  CHECK(s2.diagnostics().empty());
  CHECK(replayed->size() == parsed->size());
  for (const char* t : kTexts) {
    CAPTURE(t);
    CHECK(Describe(*replayed, t) == Describe(*parsed, t));
  }
  for (const char* phrase : {"the Russian troops", "two Ukrainian soldiers", "Moscow's forces"}) {
    CAPTURE(phrase);
    CHECK(replayed->Normalize(phrase) == parsed->Normalize(phrase));
  }

  SECTION("a later user file conflicting with a replayed one: same warning") {
    const std::string user =
        "actors:\n"
        "  - name: Somebody else\n"
        "    variants: [Russian army]\n";
    DiagnosticSink a, b;
    (void)Actors::LoadFromStrings({{path.string(), text}, {"user.yaml", user}}, a);
    (void)Actors::LoadFromStrings({{path.string(), text}, {"user.yaml", user}}, b, known);
    REQUIRE(a.diagnostics().size() == 1);
    REQUIRE(b.diagnostics().size() == 1);
    CHECK(Render(a.diagnostics()[0]) == Render(b.diagnostics()[0]));
  }
  SECTION("an edited file misses the table and is parsed, with its diagnostics") {
    const std::string edited = text + "bogus: 1\n";
    DiagnosticSink a, b;
    (void)Actors::LoadFromStrings({{path.string(), edited}}, a);
    (void)Actors::LoadFromStrings({{path.string(), edited}}, b, known);
    REQUIRE(a.diagnostics().size() == 1);
    REQUIRE(b.diagnostics().size() == 1);
    CHECK(Render(a.diagnostics()[0]) == Render(b.diagnostics()[0]));
    std::string unused;
    CHECK_FALSE(Actors::Compile(path.string(), edited, &unused));
  }
  SECTION("a damaged table entry falls back to the parse") {
    const std::string broken = ops.substr(0, ops.size() - 3);
    const KnownActorFile bad[] = {{key.first, key.second, broken.data(), broken.size()}};
    DiagnosticSink a;
    const auto loaded = Actors::LoadFromStrings({{path.string(), text}}, a, bad);
    CHECK(a.diagnostics().empty());
    CHECK(loaded->size() == parsed->size());
    CHECK(Describe(*loaded, kTexts[0]) == Describe(*parsed, kTexts[0]));
  }
}

TEST_CASE("known rule files: types.yaml loads the same from the table", "[known_files]") {
  const auto dirs = testing::ShippedRuleDirs();
  DiagnosticSink parsed_sink;
  const RuleSet parsed = LoadRules(dirs, parsed_sink);
  REQUIRE(parsed_sink.error_count() == 0);
  const auto entries = BuildRuleFileCache(parsed, parsed_sink.diagnostics());
  std::vector<KnownRuleFile> table;
  bool has_types = false;
  for (const auto& e : entries) {
    table.push_back({e.key.first, e.key.second, e.data.data(), e.data.size()});
    has_types = has_types || e.file.ends_with("types.yaml");
  }
  CHECK(has_types);
  DiagnosticSink cached_sink;
  const RuleSet cached = LoadRules(dirs, cached_sink, {}, table);
  CHECK(cached_sink.diagnostics().size() == parsed_sink.diagnostics().size());
  REQUIRE(cached.types.size() == parsed.types.size());
  for (std::size_t i = 0; i < cached.types.size(); ++i) {
    const EventType &a = cached.types[i], &b = parsed.types[i];
    CAPTURE(b.name);
    CHECK(a.name == b.name);
    CHECK(a.acled_event_type == b.acled_event_type);
    CHECK(a.acled_sub_event_type == b.acled_sub_event_type);
    CHECK(a.cameo == b.cameo);
    CHECK(a.plover == b.plover);
    CHECK(a.description == b.description);
    CHECK(a.at.file == b.at.file);
    CHECK(a.at.line == b.at.line);
    CHECK(a.at.column == b.at.column);
  }
}

}  // namespace
}  // namespace eventline
