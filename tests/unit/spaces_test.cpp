// No-break and thin spaces between words (wire and web copy): Engine::Extract
// reads them as plain spaces, byte for byte, through the shipped rules.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "eventline/pipeline.h"
#include "shipped.h"

namespace eventline {
namespace {

using testing::ExtractText;

TEST_CASE("extract: no-break and thin spaces between words match as spaces", "[extract]") {
  const std::string plain = "Rebel fighters shelled the port of Odesa on Monday.";
  std::string odd = plain;
  odd.replace(odd.find(" shelled"), 1, "\xC2\xA0");        // U+00A0 for the space
  odd.replace(odd.find(" on Monday"), 1, "\xE2\x80\xAF");  // U+202F
  const std::vector<EventRow> a = ExtractText(plain);
  const std::vector<EventRow> b = ExtractText(odd);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == a.size());
  CHECK(b[0].event_type == "shelling");
  CHECK(b[0].date_start == a[0].date_start);
  CHECK(b[0].location == a[0].location);
  // Offsets are of the text as read: the trigger starts one byte later
  // (the no-break space before it is two bytes).
  CHECK(b[0].byte_start == a[0].byte_start + 1);
  CHECK(odd.substr(b[0].byte_start, 7) == "shelled");
}

}  // namespace
}  // namespace eventline
