#pragma once
// The build's tables of the shipped rules, gazetteer and actors, defined by
// the generated files of tools/known_patterns.cpp and tools/known_places.cpp
// (the eventline_known object library, CMakeLists.txt). The binary hands them
// to the engine (app/run.cpp), and so do the unit tests (tests/unit/shipped.h).

#include <string_view>

#include "eventline/actors.h"
#include "eventline/rules.h"

namespace eventline {

// The shipped rules' patterns, checked when the build made the table.
KnownPatterns BuiltinKnownPatterns();
// The shipped rule files, loaded when the build made the table.
KnownRuleFiles BuiltinKnownRuleFiles();
// The shipped gazetteer's image and the actors files' parses.
std::string_view BuiltinGazetteerImage();
KnownActorFiles BuiltinKnownActorFiles();

}  // namespace eventline
