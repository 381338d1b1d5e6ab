#pragma once
// Cache of the network's output per frame. A memory LRU sits in front of a folder of one file per
// frame, so a film of any length needs bounded RAM, a lambda or codec change re-exports without
// re-running the network, and an interrupted export resumes. The files hold the network's output
// at its own resolution (1/8 of the working frame for the slim model) in fp16, about 1/64 of the
// upsampled ab; find() upsamples it again with model::upsampleOutput(), and store() serves the
// stored values upsampled the same way, so a frame read back equals the frame as computed. Files
// are written to a temporary name and renamed (QSaveFile), so a crash, a full disk or two processes
// writing the same entry never leave a half-written entry that a later run would trust. Every entry
// carries its frame number and a CRC-32 of its header and payload, verified on read: a damaged
// entry (or one from an older format) is not used, but recomputed, and rejectedEntries() counts it
// for the user's note.
//
// Entry format (version 3, little-endian): the 56-byte Header (AbCache.cpp: native, padded and
// frame sizes, frame number, CRC), then the native ab plane (fp16, interleaved a,b, row-major),
// then the native confidence plane (fp16) when has_confidence is 1. The CRC covers the header
// (with its crc32 field 0) and the payload. Version 2 held the upsampled ab at the working
// resolution: such files (and version 1's) are recognised by their version and recomputed.

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <opencv2/core.hpp>
#include <string>
#include <unordered_map>

#include "common/Result.h"
#include "model/NetworkOutput.h"

namespace cf::pipeline {

struct CachedAb {
  cv::Mat ab;          ///< CV_32FC2, Lab units, working resolution
  cv::Mat confidence;  ///< CV_32FC1 0..1; empty when the model gives none
  /// What the disk holds: the network's output at its own resolution. Empty in an entry given to
  /// store() means the ab and confidence above are the network's output (no upsampling).
  model::NetworkOutput native;
};
using CachedAbPtr = std::shared_ptr<const CachedAb>;

class AbCache {
 public:
  /// `dir` empty: memory only. Otherwise the folder is created when missing and must be writable.
  static Result<std::unique_ptr<AbCache>> open(const std::string& dir, size_t memory_frames);

  /// Memory first, then disk; null when the frame is not cached (or its file is unreadable).
  CachedAbPtr find(int64_t frame);
  /// True when the frame is cached in memory or on disk (no file read).
  bool contains(int64_t frame);
  /// Keeps the entry (its native output rounded to fp16, as on disk, and upsampled from that) in
  /// memory and, with a folder, writes it to disk first.
  Status store(int64_t frame, CachedAbPtr entry);

  const std::string& dir() const { return dir_; }
  /// Size of the entries on disk written or found by this object.
  int64_t bytesOnDisk() const { return bytes_on_disk_; }
  size_t memoryEntries() const;

  /// Encoded size of one entry (header + fp16 planes of `native_size`), for cache-size estimates.
  static int64_t entryBytes(cv::Size native_size, bool with_confidence);
  /// The entry's native output rounded through fp16 and upsampled, exactly as find() returns it
  /// after store().
  static CachedAbPtr quantized(const CachedAb& entry);

  /// The bytes of one entry file for `frame` (exactly what store() writes).
  static std::string encodeEntry(int64_t frame, const CachedAb& entry);
  /// Parses and verifies one entry file's bytes; null, with `problem` set (one line, no path),
  /// when they are not a valid entry for `frame`: wrong magic or version, bad sizes, another
  /// frame, or a checksum mismatch.
  static CachedAbPtr decodeEntry(const char* data, size_t size, int64_t frame,
                                 std::string* problem);

  /// Entry files found damaged (failed checksum or size checks) and so recomputed.
  int64_t rejectedEntries() const { return rejected_.load(); }
  /// One line for the user about `count` rejected entries; empty when it is 0.
  std::string rejectionNote(int64_t count) const;

 private:
  AbCache() = default;
  std::string pathOf(int64_t frame) const;
  void remember(int64_t frame, CachedAbPtr entry);
  /// Counts and logs an entry file that is not used; returns null.
  CachedAbPtr reject(const std::string& path, const std::string& problem);

  std::string dir_;
  size_t memory_frames_ = 0;
  int64_t bytes_on_disk_ = 0;
  std::atomic<int64_t> rejected_{0};
  mutable std::mutex mutex_;
  std::list<int64_t> lru_;
  struct Slot {
    CachedAbPtr entry;
    std::list<int64_t>::iterator pos;
  };
  std::unordered_map<int64_t, Slot> memory_;
};

}  // namespace cf::pipeline
