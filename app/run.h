// app/run.h: drives a command over the inputs: read (in order), process in
// parallel in bounded windows, write in input order, report.
#pragma once

#include "cli.h"

namespace eventline::app {

// Runs the parsed command; returns the process exit code (docs/cli.md).
int Run(const Config& config, const char* argv0);

}  // namespace eventline::app
