// lib/eventline/pubdate.h: find an article's publication date in its text or file name.
//
// Used by InputReader when a record has no date field and no --pub-date was
// given (docs/input.md lists the accepted forms). Both functions only look
// at dates written with a year; a yearless wire dateline ("PARIS, May 3
// (AFP) -") gives nothing rather than a guess. Two-digit years (only in wire
// datelines) map 00-69 to 20xx and 70-99 to 19xx. A date that is not a real
// calendar day is rejected. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#include "eventline/civil_date.h"

namespace eventline {

// How many non-blank lines, and bytes, from the top of a text are searched.
inline constexpr int kPubDateMaxLines = 10;
inline constexpr std::size_t kPubDateMaxBytes = 2048;

struct FoundPubDate {
  Date date;
  std::size_t begin = 0, end = 0;  // byte range of the line it came from, in the text
};

// A date line ("Published 18 August 2022", "Thu 18 Aug 2022 10.40 BST",
// "Last modified on Mon 4 Apr 2022", "August 18, 2022", "18.08.2022",
// "2022-08-18") or a wire dateline ("LIMA, 2 DEC 88 (EFE) --") among the
// first kPubDateMaxLines non-blank lines. A date inside an ordinary sentence
// is not a publication date and is ignored. A "published" line wins over an
// "updated"/"last modified" one; otherwise the first line found wins.
[[nodiscard]] std::optional<FoundPubDate> FindPubDateInText(std::string_view text);

// The byte span [first, second) of a wire dateline that opens the text's
// first non-blank line ("SAN SALVADOR, 3 JAN 90 (AGENCY) --"), its dash
// included; nullopt when the text does not open with one. The place named
// there is where the report was filed, not necessarily where events happened.
[[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> FindWireDateline(
    std::string_view text);

// A date in the last path component ("2022-08-18_x.txt", "x_20220818.txt",
// "2022_08_18.txt") or in the directories ("2022/08/18/x.txt"). Only years
// 1900-2099 count, so "F-16.txt" or "id-12345678.txt" give nothing.
[[nodiscard]] std::optional<Date> FindPubDateInFileName(std::string_view path);

// 0-69 -> 2000-2069, 70-99 -> 1970-1999; other values unchanged.
[[nodiscard]] int ExpandTwoDigitYear(int year);

// Leading calendar date of a JSONL date field: "2022-08-18",
// "2023-06-30T00:00:08+00:00", "2022-01-01 11:38:22.70089" -> the date as
// written (no time-zone conversion). nullopt for anything else.
[[nodiscard]] std::optional<Date> ParseDateField(std::string_view value);

}  // namespace eventline
