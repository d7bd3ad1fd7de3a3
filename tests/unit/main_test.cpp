// The one Catch2 main for eventline_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
