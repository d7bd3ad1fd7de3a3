#include "eventline/actors.h"

#include <catch2/catch.hpp>
#include <string>

#include "shipped.h"

namespace eventline {
namespace {

using testing::ShippedActors;

TEST_CASE("actors: variants normalise to the canonical name", "[actors]") {
  const Actors& a = ShippedActors();
  const struct {
    std::string_view written, canonical;
  } cases[] = {
      {"Russian troops", "Russian forces"},
      {"the Russian army", "Russian forces"},
      {"Moscow's forces", "Russian forces"},
      {"RUSSIAN SOLDIERS", "Russian forces"},
      {"Russian paratroopers", "Russian forces"},
      {"two Ukrainian soldiers", "Ukrainian forces"},
      {"Ukrainian special forces", "Ukrainian forces"},
      {"Kyiv's forces", "Ukrainian forces"},
      {"Moscow", "Russia"},
      {"the Kremlin", "Russia"},
      {"Kyiv", "Ukraine"},
      {"Wagner mercenaries", "Wagner Group"},
      {"Farabundo Marti National Liberation Front", "FMLN"},
      {"Sendero Luminoso", "Shining Path"},
      {"the Salvadoran army", "Salvadoran armed forces"},
      {"IDF", "Israeli forces"},
      {"Islamic State", "Islamic State"},
      {"ISIS", "Islamic State"},
      {"Houthi rebels", "Houthis"},
      {"demonstrators", "protesters"},
      // Unknown phrases come back as written, whitespace collapsed.
      {"the  mayor of Kyiv", "the mayor of Kyiv"},
      {"unknown gunmen", "unknown gunmen"},
      {"terrorists", "terrorists"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.written);
    CHECK(a.Normalize(c.written) == c.canonical);
  }
}

TEST_CASE("actors: the state the file gives an actor (h-places13)", "[actors]") {
  const Actors& a = ShippedActors();
  CHECK(a.Country("Wagner Group") == "RU");
  CHECK(a.Country("Salvadoran armed forces") == "SV");
  CHECK(a.Country("Ukraine") == "UA");
  CHECK(a.Country("protesters").empty());
  CHECK(a.Country("no such actor").empty());
  // Parsed and compiled-then-replayed files give the same.
  const std::string file = "actors:\n  - name: Blue Guard\n    kind: force\n    country: XB\n";
  DiagnosticSink sink([](const Diagnostic&) {});
  CHECK(Actors::LoadFromStrings({{"a.yaml", file}}, sink)->Country("Blue Guard") == "XB");
  std::string ops;
  REQUIRE(Actors::Compile("a.yaml", file, &ops));
  const auto key = Actors::FileKey(file);
  const KnownActorFile known[] = {{key.first, key.second, ops.data(), ops.size()}};
  CHECK(Actors::LoadFromStrings({{"a.yaml", file}}, sink, known)->Country("Blue Guard") == "XB");
}

TEST_CASE("actors: the land the file gives a group (h-places18)", "[actors]") {
  const Actors& a = ShippedActors();
  CHECK(a.Territory("Hamas") == "Gaza Strip");
  CHECK(a.Territory("Houthis") == "Yemen");
  CHECK(a.Territory("Russia").empty());
  CHECK(a.Territory("Islamic State").empty());  // no one land
  CHECK(a.Territory("no such actor").empty());
  // Parsed and compiled-then-replayed files give the same.
  const std::string file =
      "actors:\n  - name: Blue Band\n    kind: group\n    country: XB\n    territory: Vale\n";
  DiagnosticSink sink([](const Diagnostic&) {});
  CHECK(Actors::LoadFromStrings({{"a.yaml", file}}, sink)->Territory("Blue Band") == "Vale");
  std::string ops;
  REQUIRE(Actors::Compile("a.yaml", file, &ops));
  const auto key = Actors::FileKey(file);
  const KnownActorFile known[] = {{key.first, key.second, ops.data(), ops.size()}};
  CHECK(Actors::LoadFromStrings({{"a.yaml", file}}, sink, known)->Territory("Blue Band") == "Vale");
}

TEST_CASE("actors: FindAll finds actors in running text", "[actors]") {
  const Actors& a = ShippedActors();
  const struct {
    std::string_view text, expect;
  } cases[] = {
      {"Russian jets struck the port while Ukrainian artillery answered.",
       "Russian jets=Russian forces; Ukrainian artillery=Ukrainian forces"},
      {"Police dispersed protesters outside the ministry.", "Police=police; protesters=protesters"},
      {"FMLN REBELS ATTACKED THE SALVADORAN ARMY.",
       "FMLN REBELS=FMLN; SALVADORAN ARMY=Salvadoran armed forces"},
      {"a russian troop convoy", ""},  // capitalised words must be capitalised
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::string got;
    for (const ActorMention& m : a.FindAll(c.text, 0, c.text.size())) {
      if (!got.empty()) got += "; ";
      got += std::string(c.text.substr(m.begin, m.end - m.begin)) + "=" + *m.canonical;
    }
    CHECK(got == c.expect);
  }
}

TEST_CASE("actors: bad files give diagnostics", "[actors]") {
  const std::string yaml =
      "actors:\n"
      "  - name: Blue army\n"
      "    variants: [blue troops]\n"
      "  - nam: Red army\n"
      "  - name: Green army\n"
      "    variant: [green troops]\n"
      "  - name: Grey army\n"
      "    variants: [blue troops]\n"
      "actor: []\n";
  DiagnosticSink sink;
  auto a = Actors::LoadFromStrings({{"test.yaml", yaml}}, sink);
  std::vector<std::string> got;
  for (const Diagnostic& d : sink.diagnostics()) got.push_back(Render(d));
  REQUIRE(got.size() == 4);
  CHECK(got[0].rfind("test.yaml:4:5: error[E071]: an actor needs a 'name'", 0) == 0);
  CHECK(got[1].rfind("test.yaml:6:5: error[E071]: unknown actor field 'variant'; did you mean "
                     "'variants'?",
                     0) == 0);
  CHECK(got[2].rfind("test.yaml:8:16: warning[W073]: actor variant 'blue troops' already "
                     "belongs to 'Blue army'",
                     0) == 0);
  CHECK(got[3].rfind("test.yaml:9:1: error[E071]: unknown key 'actor'; did you mean 'actors'?",
                     0) == 0);
  CHECK(a->Normalize("Blue troops") == "Blue army");
  DiagnosticSink sink2;
  (void)Actors::LoadFromStrings({{"bad.yaml", "actors: [\n"}}, sink2);
  REQUIRE(sink2.error_count() == 1);
  CHECK(sink2.diagnostics()[0].code == "E070");
}

}  // namespace
}  // namespace eventline
