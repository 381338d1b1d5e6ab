#include "common/Checksum.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace cf {

uint32_t crc32Of(const void* data, size_t size, uint32_t crc) {
  uLong value = crc;
  const auto* bytes = static_cast<const Bytef*>(data);
  while (size > 0) {  // zlib takes uInt lengths: feed ranges over 4 GiB in parts
    const size_t part = std::min<size_t>(size, std::numeric_limits<uInt>::max());
    value = ::crc32(value, bytes, static_cast<uInt>(part));
    bytes += part;
    size -= part;
  }
  return static_cast<uint32_t>(value);
}

}  // namespace cf
