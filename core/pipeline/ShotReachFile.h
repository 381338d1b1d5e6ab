#pragma once
// The reach of a guided shot's keyframe colour (guide/KeyframeReach), kept beside the shot's
// cached frames, so that a shot reused from the cache (a re-export, the editor after a restart)
// still reports where the keyframe colour stops reaching. One small JSON file per shot folder:
//   {"format": "chromaflow-shot-reach", "version": 1, "key_share": 0.98, "shares": [0.97, ...]}
// with each frame's trusted share (-1 where not measured). Written through QSaveFile (never half
// a file); a missing, unreadable or malformed file is an error the caller may ignore: the reach is
// a report, the colour does not depend on it.

#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::pipeline {

/// The file's name inside a shot's cache folder (CacheManager counts and removes it with the
/// shot's entries).
constexpr const char* kShotReachFile = "shot_reach.json";

struct ShotReach {
  double key_share = 0.0;      ///< what the shot's keyframes themselves cover (0..1)
  std::vector<double> shares;  ///< by frame - the shot's first frame
};

/// Writes `reach` to `folder`/kShotReachFile (the folder must exist).
Status writeShotReach(const std::string& folder, const ShotReach& reach);

/// Reads `folder`/kShotReachFile and checks that it holds `frames` shares.
Result<ShotReach> readShotReach(const std::string& folder, size_t frames);

}  // namespace cf::pipeline
