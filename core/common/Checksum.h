#pragma once
// CRC-32 (zlib's crc32(), the polynomial of zip/PNG/gzip) of a byte range, for the checksums that
// the disk caches store with every entry and verify on read: a flipped payload byte makes an entry
// fail its check, so it is recomputed instead of trusted.

#include <cstddef>
#include <cstdint>

namespace cf {

/// CRC-32 of `size` bytes at `data`, continuing from `crc` (0 to start).
uint32_t crc32Of(const void* data, size_t size, uint32_t crc = 0);

}  // namespace cf
