#include "eventline/diagnostics.h"

#include <catch2/catch.hpp>
#include <string>

namespace eventline {
namespace {

using namespace std::string_literals;

TEST_CASE("diagnostics: a rendered diagnostic is one line whatever the message holds",
          "[diagnostics]") {
  // yaml-cpp quotes the offending byte of a binary rule file (a NUL here); a
  // JSONL date value or a file name may hold a line break. Before the fix
  // the NUL cut the line short (fputs) and a '\n' split it in two.
  const Diagnostic yaml{Severity::kError,
                        "E001",
                        {"rules/events/bad.yaml", 1, 10},
                        "yaml syntax error: unknown escape character: \0"s,
                        {},
                        1};
  CHECK(Render(yaml) ==
        "rules/events/bad.yaml:1:10: error[E001]: yaml syntax error: unknown escape character: "
        "\\x00\n");
  const Diagnostic date{Severity::kWarning,
                        {},
                        {"feed\n.jsonl", 3, 0},
                        "unrecognised date 'soon\r\nlater' in field 'date'",
                        {},
                        1};
  CHECK(Render(date) ==
        "eventline: feed\\x0A.jsonl:3: warning: unrecognised date 'soon\\x0D\\x0Alater' in "
        "field 'date'\n");
  // The source line under it shows a control byte as '?', so the caret still lines up.
  Diagnostic shown = yaml;
  shown.source_line = "kind: \"\\\0\""s;
  CHECK(Render(shown) ==
        "rules/events/bad.yaml:1:10: error[E001]: yaml syntax error: unknown escape character: "
        "\\x00\n 1 | kind: \"\\?\"\n   |          ^\n");
  // Tabs and UTF-8 are kept as written.
  const Diagnostic tab{Severity::kError, {}, {"caf\xC3\xA9.txt", 0, 0}, "a\tb", {}, 1};
  CHECK(Render(tab) == "eventline: caf\xC3\xA9.txt: error: a\tb\n");
}

}  // namespace
}  // namespace eventline
