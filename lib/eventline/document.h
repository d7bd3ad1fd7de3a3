// lib/eventline/document.h: one article as read, with its id and publication date.
//
// `text` holds the bytes exactly as read (after a UTF-8 BOM is skipped; for
// JSONL input, the decoded `text` field). Every offset in eventline points
// into `text`. A Document owns its text; spans and sentences referring to it
// must not outlive it. Plain data; not shared between threads while mutated.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "eventline/civil_date.h"

namespace eventline {

// Where the publication date came from, in the order they are tried.
enum class PubDateSource {
  kNone,      // not found: relative dates stay unresolved
  kField,     // the JSONL record's date/published/published_at field
  kFlag,      // --pub-date
  kText,      // a date line or wire dateline near the top of the text
  kFileName,  // a date in the file name
};
[[nodiscard]] std::string_view ToString(
    PubDateSource s);  // "none", "field", "flag", "text", "filename"

struct Document {
  std::string doc_id;  // JSONL id, else the path as given ("-" for stdin)
  std::string file;    // input path; for JSONL "path:line"
  std::string text;
  std::string title;  // JSONL title, optional
  std::string url;    // JSONL url, optional
  std::optional<Date> pub_date;
  PubDateSource pub_date_source = PubDateSource::kNone;
  // `text` has invalid UTF-8 sequences. They are kept as read (offsets stay
  // true); writers replace them with U+FFFD when printing.
  bool had_invalid_utf8 = false;
};

// The headline a JSONL `title` lends its text as context (docs/input.md,
// "The title"): the title with its whitespace collapsed and a final
// " | Name" segment (a site, a section or an author, at most 60 bytes)
// dropped. Empty when there is no title, or when the text already starts
// with it (either form, whitespace collapsed, case-sensitive): a feed that
// repeats its headline as the text's first line is not read twice.
[[nodiscard]] std::string TitleHeadline(std::string_view title, std::string_view text);

}  // namespace eventline
