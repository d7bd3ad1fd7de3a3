#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eventline {

// The process's resident set size in bytes (Linux /proc/self/statm), or 0
// where the system cannot say. One small read: cheap enough per window of
// documents, not per sentence. (glibc's mallinfo2 walks every free chunk
// and cost milliseconds per call on a fragmented heap.)
[[nodiscard]] std::size_t ResidentBytes();

// Returns free heap pages to the system after a large release (glibc
// malloc_trim); a no-op elsewhere.
void TrimHeap();

// The value of GLIBC_TUNABLES under which glibc's malloc backs its heaps with
// transparent huge pages (glibc.malloc.hugetlb=1, madvise on the heap's
// pages), given its current value (`current`: null when unset), or nothing
// when `current` already sets glibc.malloc.hugetlb (whatever its value: the
// user's choice, or the process was started again with it). The other
// tunables are kept. A start touches ~9,000 heap pages (rules, gazetteer),
// and a page fault costs ~20 us on the PVM host of session 29 on: with huge
// pages ~4,600 (docs/scale.md, "session 31, h-speed47"). The tunable is read
// only when a process starts, so app/main.cpp starts eventline again with it.
[[nodiscard]] std::optional<std::string> TunablesWithHugePages(const char* current);

}  // namespace eventline
