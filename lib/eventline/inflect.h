#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eventline {

// The forms of an English verb, from its lemma (lower-case ASCII letters):
// base, third person singular, past, past participle and -ing form, without
// duplicates, in that order. Irregular verbs come from a table (with their
// alternatives: "burned"/"burnt"); regular ones follow the spelling rules
// (e-drop, y to i, doubled final consonant of stressed CVC endings).
// Used by lexicon entries written "~lemma" (docs/rules.md).
[[nodiscard]] std::vector<std::string> VerbForms(std::string_view lemma);

// The irregular-verb table is sorted by base form (VerbForms searches it by
// bisection); for the unit test.
[[nodiscard]] bool IrregularTableSorted();

}  // namespace eventline
