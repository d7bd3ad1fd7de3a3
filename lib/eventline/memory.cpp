#include "eventline/memory.h"

#include <fcntl.h>
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace eventline {

std::size_t ResidentBytes() {
#if defined(__linux__)
  // /proc/self/statm, opened once per process and read again from offset 0
  // (the kernel regenerates it on each read): the stream driver asks once
  // per window (64 documents at --jobs 1), and fopen + fscanf + fclose cost
  // ~0.5 % of a 20 MB run's samples, most of it in opening the file
  // (docs/scale.md, "session 24, h-speed26"). The descriptor stays open for
  // the process's life; a forked child opens its own.
  static const int kFd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  static const pid_t kOwner = ::getpid();
  int fd = kFd;
  const bool own = fd < 0 || ::getpid() != kOwner;
  if (own) fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[128];
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  if (own) ::close(fd);
  if (n <= 0) return 0;
  // "size resident shared text lib data dt", in pages: the second field.
  std::size_t i = 0, field = 0, resident = 0;
  const auto len = static_cast<std::size_t>(n);
  for (; field < 2; ++field) {
    while (i < len && buf[i] == ' ') ++i;
    if (i == len || buf[i] < '0' || buf[i] > '9') return 0;
    resident = 0;
    while (i < len && buf[i] >= '0' && buf[i] <= '9')
      resident = resident * 10 + static_cast<std::size_t>(buf[i++] - '0');
  }
  const long page = ::sysconf(_SC_PAGESIZE);
  return page > 0 ? resident * static_cast<std::size_t>(page) : 0;
#else
  return 0;
#endif
}

std::optional<std::string> TunablesWithHugePages(const char* current) {
  constexpr std::string_view kName = "glibc.malloc.hugetlb";
  const std::string_view now = current != nullptr ? current : "";
  // GLIBC_TUNABLES is a colon-separated list of name=value.
  for (std::size_t i = 0; i <= now.size();) {
    std::size_t j = now.find(':', i);
    if (j == std::string_view::npos) j = now.size();
    const std::string_view item = now.substr(i, j - i);
    if (item.substr(0, item.find('=')) == kName) return std::nullopt;
    i = j + 1;
  }
  std::string out(now);
  if (!out.empty() && out.back() != ':') out += ':';
  out.append(kName).append("=1");
  return out;
}

void TrimHeap() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

}  // namespace eventline
