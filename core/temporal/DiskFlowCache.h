#pragma once
// Frame links on disk, with a small memory LRU in front: a second export at another lambda, the
// GUI's preview and a resumed export reuse the flows instead of recomputing them, and a film of
// any length needs bounded memory.
//
// One file per link, written to a temporary name and renamed (QSaveFile), so a crash, kill -9 or a
// full disk never leaves a half-written link that a later run would trust. Links are kept at the
// resolution the smoothing solves at (FrameLinker's size; 114x64 for a 16:9 film at the default
// working height 256). The flow is stored as 1/16-pixel fixed point (quantizeLink(): at most
// 1/32 px from the computed flow), each value predicted from its neighbours (median edge
// detector), the residuals split into byte planes and zlib-compressed (qCompress); the mask is
// zlib-compressed too. Lossless for a quantized link: insert() returns the link exactly as it is
// stored, so the run that computed a flow and the run that reads it back smooth with identical
// numbers.
//
// Entry format (version 3, little-endian): a 48-byte header (magic "CFFL", version, width, height,
// compressed flow and mask sizes, the frame pair, a CRC-32 of header and payload), then the
// compressed flow, then the compressed mask. The checksum and the frame pair are verified on read:
// a damaged entry, or one of an older format (version 2: links at the working resolution, row
// differences), is recomputed, never used (rejectedEntries()).

#include <memory>
#include <string>

#include "temporal/FlowCache.h"

namespace cf::temporal {

class DiskFlowCache final : public FlowCache {
 public:
  /// Creates `dir` when missing; it must be writable. `memory_links`: links kept in memory.
  static Result<std::unique_ptr<DiskFlowCache>> open(const std::string& dir, size_t memory_links);

  FrameLinkPtr find(const FramePair& pair) override;
  Result<FrameLinkPtr> insert(const FramePair& pair, FrameLinkPtr link) override;
  void clear() override;

  const std::string& dir() const { return dir_; }
  /// Bytes of the link files this object wrote.
  int64_t bytesWritten() const { return bytes_written_; }

  /// The link rounded as it is stored (flow to 1/16 px): quantizeLink().
  static FrameLinkPtr quantized(const FrameLink& link);

  /// The bytes of one entry file (what insert() writes) for an already quantized() link.
  static std::string encodeLink(const FramePair& pair, const FrameLink& quantized_link);
  /// Parses and verifies one entry file's bytes; null, with `problem` set (one line), when they
  /// are not a valid entry for `pair`.
  static FrameLinkPtr decodeLink(const char* data, size_t size, const FramePair& pair,
                                 std::string* problem);

  /// Entry files found damaged (checksum, size or format) and so recomputed.
  int64_t rejectedEntries() const { return rejected_.load(); }
  /// One line for the user about `count` rejected entries; empty when it is 0.
  std::string rejectionNote(int64_t count) const;

 private:
  DiskFlowCache(std::string dir, size_t memory_links)
      : dir_(std::move(dir)), memory_(memory_links) {}
  std::string pathOf(const FramePair& pair) const;

  std::string dir_;
  MemoryFlowCache memory_;
  std::atomic<int64_t> bytes_written_{0};
  std::atomic<int64_t> rejected_{0};
};

}  // namespace cf::temporal
