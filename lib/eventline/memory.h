#pragma once

#include <cstddef>

namespace eventline {

// The process's resident set size in bytes (Linux /proc/self/statm), or 0
// where the system cannot say. One small read: cheap enough per window of
// documents, not per sentence. (glibc's mallinfo2 walks every free chunk
// and cost milliseconds per call on a fragmented heap.)
[[nodiscard]] std::size_t ResidentBytes();

// Returns free heap pages to the system after a large release (glibc
// malloc_trim); a no-op elsewhere.
void TrimHeap();

}  // namespace eventline
