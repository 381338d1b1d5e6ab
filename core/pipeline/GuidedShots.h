#pragma once
// The export's side of keyframe colour (issue #15): for every shot that holds a keyframe, the
// colour propagated from its keyframes (guide/Propagation.h) is fed to the network as hints
// (ab + mask, as the model was trained), and the network's output is blended with the propagated
// colour by confidence times the reference strength. The result replaces the network's ab of
// those frames before the temporal smoothing, which runs as before.
//
// Caching: guided results never enter the unguided network cache. Each guided shot has a cache
// folder of its own, named by a hash of everything that changes its colour (the shot's frames,
// its hints, its reference images' contents, the strength), so changing a hint re-colours only
// that shot, and a re-export reuses every other shot's results.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "guide/GuideTypes.h"
#include "guide/Propagation.h"
#include "pipeline/AbCache.h"
#include "temporal/FlowCache.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

struct GuideServices {
  media::VideoReader* reader = nullptr;  ///< positioned anywhere; moved
  model::Colorizer* colorizer = nullptr;
  temporal::FlowSettings flow;
  /// Folder under which each guided shot's cache folder is made; empty: memory only.
  std::string cache_root;
  guide::PropagationSettings propagation;
};

struct GuideStats {
  int64_t shots = 0;          ///< guided shots in the range
  int64_t shots_reused = 0;   ///< of which found complete in their cache
  int64_t frames_guided = 0;  ///< frames colourised with hints
  double seconds = 0.0;
};

/// Shot [first, last] (inclusive) of `frame` given the sorted cut frames (first frames of shots).
std::pair<int64_t, int64_t> shotAround(int64_t frame, const std::vector<int64_t>& cut_frames,
                                       int64_t frame_count);

/// Loads every reference of `guidance` and checks it against its frame of `video_path` (decoded
/// here, L at `check_height_px`): the first mismatch or unreadable image as an error. Checks the
/// frames against the video's length too.
Status checkGuidance(const guide::Guidance& guidance, const std::string& video_path,
                     int check_height_px = 256);

class GuidedShots {
 public:
  /// Colourises every guided shot overlapping frames first..last (inclusive) that its cache does
  /// not hold yet. `cut_frames`: sorted first frames of the shots after the first.
  static Result<std::unique_ptr<GuidedShots>> prepare(const guide::Guidance& guidance,
                                                      const std::vector<int64_t>& cut_frames,
                                                      int64_t frame_count, int64_t first,
                                                      int64_t last, const GuideServices& services,
                                                      const CancelToken& cancel,
                                                      const ProgressFn& progress);

  /// True when `frame` lies in a guided shot.
  bool covers(int64_t frame) const;
  /// The guided ab of `frame`; null when it is not in a guided shot.
  CachedAbPtr find(int64_t frame) const;
  const GuideStats& stats() const { return stats_; }

 private:
  struct Shot {
    int64_t first = 0;
    int64_t last = 0;
    std::unique_ptr<AbCache> cache;
  };
  GuidedShots() = default;
  const Shot* shotOf(int64_t frame) const;

  std::map<int64_t, Shot> shots_;  ///< by last frame
  GuideStats stats_;
};

}  // namespace cf::pipeline
