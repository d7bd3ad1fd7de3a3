#include "eventline/document.h"

namespace eventline {

std::string_view ToString(PubDateSource s) {
  switch (s) {
    case PubDateSource::kNone:
      return "none";
    case PubDateSource::kField:
      return "field";
    case PubDateSource::kFlag:
      return "flag";
    case PubDateSource::kText:
      return "text";
    case PubDateSource::kFileName:
      return "filename";
  }
  return "none";
}

}  // namespace eventline
