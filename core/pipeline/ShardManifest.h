#pragma once
// The manifest stored in every shard (a Matroska tag), so that joining can prove the shards belong
// together: same source (by content fingerprint), same model and settings, and which frames each
// holds. checkShardSet() turns a missing, duplicated, reordered, foreign or mismatched shard into
// one clear message.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::pipeline {

/// The container tag that holds the manifest's JSON.
inline constexpr const char* kShardManifestTag = "CHROMAFLOW_SHARD";

struct ShardManifest {
  int format = 1;
  std::string source_name;         ///< file name of the source, for messages
  std::string source_fingerprint;  ///< sourceFingerprint() of the source
  int64_t source_frames = 0;
  std::string model_fingerprint;  ///< SHA-256 of the model file
  std::string settings;           ///< canonical JSON of everything that changes the pixels
  int64_t first = 0;              ///< first frame held (source numbering)
  int64_t last = 0;               ///< last frame held (inclusive)
  int shard_index = -1;           ///< from --shard I/N; -1 for a --range shard
  int shard_count = 0;

  std::string toJson() const;
  static Result<ShardManifest> fromJson(const std::string& json);
  int64_t frames() const { return last - first + 1; }
};

/// A fingerprint of a file's content that is the same on every node whatever its path or mtime:
/// SHA-256 over the size and 64 blocks of 64 KiB spread evenly over the file (the whole file when
/// it is smaller than 4 MiB). Cheap on a 100 GB film on a network file system.
Result<std::string> sourceFingerprint(const std::string& path);

/// SHA-256 of the whole file (the model).
Result<std::string> fileSha256(const std::string& path);

/// Checks that `manifests` (of the files `paths`, in the order given) are one complete film in
/// order: same source, model and settings, consecutive from frame 0 to the last frame.
Status checkShardSet(const std::vector<std::string>& paths,
                     const std::vector<ShardManifest>& manifests);

}  // namespace cf::pipeline
