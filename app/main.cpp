// eventline: news articles in, dated conflict-event timelines out.
// Thin main: flags -> Config -> Run -> exit code. See docs/cli.md.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "cli.h"
#include "eventline/memory.h"
#include "run.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define EVENTLINE_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define EVENTLINE_SANITIZED 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(EVENTLINE_SANITIZED)
#include <fcntl.h>
#include <unistd.h>

namespace {

// Starts this program again, the same arguments and descriptors, with
// glibc's malloc on transparent huge pages (eventline::TunablesWithHugePages):
// a cold start faults ~9,000 heap pages, ~20 us each on a PVM guest, and
// about half of them go with huge pages (docs/scale.md, "session 31,
// h-speed47"). Output is the same bytes; only the allocator's pages change.
// Returns (and the run goes on as before) when the tunable is already set,
// when the kernel has transparent huge pages off, under valgrind (its tools
// follow this process, not a new one) or when exec fails.
void StartWithHugePages(char** argv) {
  const auto tunables = eventline::TunablesWithHugePages(std::getenv("GLIBC_TUNABLES"));
  if (!tunables) return;
  if (const char* preload = std::getenv("LD_PRELOAD");
      preload != nullptr && std::strstr(preload, "vgpreload") != nullptr)
    return;
  char mode[128] = {};
  const int fd = ::open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  const ssize_t got = ::read(fd, mode, sizeof mode - 1);
  ::close(fd);
  if (got <= 0 || std::strstr(mode, "[never]") != nullptr) return;
  char self[4096];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return;
  self[n] = '\0';
  const char* before = std::getenv("GLIBC_TUNABLES");
  const std::string saved = before != nullptr ? before : "";
  if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  ::execv(self, argv);
  // Not started again: this process runs on, its environment as it was.
  if (before != nullptr) {
    ::setenv("GLIBC_TUNABLES", saved.c_str(), 1);
  } else {
    ::unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace
#endif

int main(int argc, char** argv) {
#if defined(__linux__) && defined(__GLIBC__) && !defined(EVENTLINE_SANITIZED)
  StartWithHugePages(argv);
#endif
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
