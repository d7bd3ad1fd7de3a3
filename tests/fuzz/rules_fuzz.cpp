// libFuzzer harness for the rule loader and matcher.
//
// The input is read as a rule file (with a small fixed context of lexicons
// and types), as a lexicon file and as a types.yaml; rules that load are
// compiled and run over a fixed sentence and over the input itself. Any
// crash, sanitizer report, or an assert in our code is a bug: loading must
// turn every input into diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "eventline/matcher.h"
#include "eventline/rules.h"

namespace {

eventline::RuleSet MakeContext() {
  eventline::RuleSet ctx;
  ctx.lexicons["WEAPON"] = {"rocket", "mortar", "cluster bomb"};
  ctx.lexicons["FORCE"] = {"troops", "armed forces"};
  for (const char* name : {"shelling", "air_strike", "capture"}) {
    eventline::EventType t;
    t.name = name;
    ctx.types.push_back(t);
  }
  return ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const eventline::RuleSet context = MakeContext();
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  eventline::DiagnosticSink sink;
  (void)eventline::ParseLexiconText(text, "fuzz/lexicons/x.txt", sink);
  (void)eventline::ParseTypesText(text, "fuzz/types.yaml", sink);

  eventline::RuleSet set = context;
  set.rules = eventline::ParseRuleText(text, "fuzz/events/x.yaml", context, sink);
  for (const auto& d : sink.diagnostics()) (void)eventline::Render(d);

  eventline::DiagnosticSink compile_sink;
  auto matcher = eventline::Matcher::Compile(set, compile_sink);
  if (matcher) {
    static const std::string sentence =
        "Armed forces shelled the town with rockets on Tuesday, officials said.";
    std::vector<eventline::Match> out;
    for (auto kind :
         {eventline::RuleKind::kEvent, eventline::RuleKind::kTime, eventline::RuleKind::kCue}) {
      matcher->FindAll(kind, sentence, 0, sentence.size(), out);
      matcher->FindAll(kind, text, 0, text.size(), out);
      if (text.size() > 4) matcher->FindAll(kind, text, 2, text.size() - 2, out);
    }
  }
  return 0;
}
