// eventline: news articles in, dated conflict-event timelines out.
// Thin main: flags -> Config -> Run -> exit code. See docs/cli.md.
#include <csignal>
#include <cstdio>
#include <exception>

#include "cli.h"
#include "run.h"

int main(int argc, char** argv) {
  // A closed pipe (`eventline extract … | head`) is a quiet success: writes
  // report EPIPE, which the writer turns into exit 0.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    int exit_code = 0;
    const auto config = eventline::app::ParseArgs(argc, argv, exit_code);
    if (!config) return exit_code;
    return eventline::app::Run(*config, argv[0]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eventline: internal error: %s\n", e.what());
    return 2;
  } catch (...) {
    std::fprintf(stderr, "eventline: internal error\n");
    return 2;
  }
}
