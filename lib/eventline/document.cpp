#include "eventline/document.h"

#include <algorithm>

#include "eventline/sentences.h"

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

std::string TitleHeadline(std::string_view title, std::string_view text) {
  std::string full = CollapseWhitespace(title);
  if (full.empty()) return {};
  std::string head = full;
  if (const std::size_t bar = head.rfind(" | ");
      bar != std::string::npos && bar > 0 && head.size() - bar <= 63) {
    head.resize(bar);
  }
  // The text's start, collapsed as the title, far enough to hold it (a run
  // of spaces in the text takes more bytes than its one space).
  const std::string start =
      CollapseWhitespace(text.substr(0, std::min(text.size(), 4 * full.size() + 64)));
  if (start.starts_with(full) || start.starts_with(head)) return {};
  return head;
}

}  // namespace eventline
