#pragma once
// Reuse of the large CPU blocks that LibTorch allocates for every forward pass. Without it, each
// batch's activations (hundreds of MB at the working height: glibc hands blocks this large out
// with mmap and returns them with munmap) come back as fresh pages, and the kernel spends its
// time in page faults zeroing them, batch after batch. The pool keeps freed blocks of at least
// kMinPooledBytes by size and hands them out again for a request of the same size or up to a
// quarter smaller, as the next batch makes; it holds at most kMaxPooledBytes of free blocks. The
// computation is unchanged (the blocks are LibTorch's own, as aligned, and LibTorch never relies
// on fresh memory being zero). The cost: the blocks stay resident between batches (about 190 MiB
// at the default working height, tests/bench/RESULTS.md) instead of going back to the system.

#include <cstddef>
#include <cstdint>

namespace cf::model {

struct TensorMemoryPoolStats {
  int64_t reused = 0;        ///< requests served from the pool
  int64_t allocated = 0;     ///< large requests that needed new memory
  int64_t pooled_bytes = 0;  ///< free bytes held now
};

/// Smaller blocks come from malloc's heap (below glibc's default mmap threshold).
constexpr size_t kMinPooledBytes = size_t(128) << 10;
constexpr size_t kMaxPooledBytes = size_t(1536) << 20;  ///< free bytes held at most

/// Makes the pool LibTorch's CPU allocator (once per process; later calls do nothing).
void installTensorMemoryPool();
/// Counters of the pool (all zero before installTensorMemoryPool()).
TensorMemoryPoolStats tensorMemoryPoolStats();

}  // namespace cf::model
