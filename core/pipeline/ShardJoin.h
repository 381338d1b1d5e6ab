#pragma once
// Joins the shards of a cluster run into one film (`chromaflow-cli concat`). The shards' manifests
// are checked first (ShardManifest.h). FFV1 shards joined into FFV1 are copied packet by packet,
// never re-encoded (FFV1 is intra-only, so every packet stands alone); any other codec is encoded
// once from the decoded shards. The audio comes from the source film. Nothing is left at the
// output path on failure.

#include <string>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "media/VideoWriter.h"
#include "pipeline/ShardManifest.h"

namespace cf::pipeline {

struct JoinRequest {
  std::vector<std::string> shard_paths;  ///< in frame order
  std::string output_path;
  std::string audio_from;  ///< the source film; empty = no audio
  cf::VideoCodec codec = cf::VideoCodec::FFV1;
  int crf = -1;
};

struct JoinStats {
  int64_t frames = 0;
  bool stream_copied = false;  ///< FFV1 packets copied, not re-encoded
  double total_s = 0.0;
  std::vector<std::string> notes;
};

/// The manifest stored in a shard file.
Result<ShardManifest> readShardManifest(const std::string& path);

Result<JoinStats> joinShards(const JoinRequest& request, const CancelToken& cancel,
                             const ProgressFn& progress);

}  // namespace cf::pipeline
