#pragma once
// The export's side of keyframe colour (issue #15): for every shot that holds a keyframe, the
// colour propagated from its keyframes (guide/Propagation.h) is fed to the network as hints
// (ab + mask, as the model was trained), and the network's output is blended with the propagated
// colour by confidence times the reference strength. The result replaces the network's ab of
// those frames before the temporal smoothing, which runs as before.
//
// Two steps: prepare() propagates, before the export starts (a frame's propagated colour is known
// only once every sweep through its shot is done); the export's inference stage then runs the
// guided network on those frames in its own aligned batches (attach()), where it overlaps with
// decoding, flow, smoothing and encoding like the unguided network does. The links prepare()
// computes fill the export's flow cache too, so its flow stage computes nothing for those shots.
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
  /// Folder of the propagation's links (working resolution, DiskFlowCache); empty: memory only.
  std::string links_dir;
  /// The export's flow cache and the height its smoothing solves at: every link the propagation
  /// computes is stored there too, at that resolution, from the same two flows, so the export's
  /// flow stage finds it (null: not shared).
  temporal::FlowCache* export_links = nullptr;
  int solve_height_px = 0;
  guide::PropagationSettings propagation;
};

struct GuideStats {
  int64_t shots = 0;          ///< guided shots in the range
  int64_t shots_reused = 0;   ///< of which found complete in their cache
  int64_t frames_guided = 0;  ///< frames colourised with hints
  double seconds = 0.0;       ///< propagation (prepare())
  double network_s = 0.0;     ///< the guided network and the blend (attach())
};

/// Shot [first, last] (inclusive) of `frame` given the sorted cut frames (first frames of shots).
std::pair<int64_t, int64_t> shotAround(int64_t frame, const std::vector<int64_t>& cut_frames,
                                       int64_t frame_count);

/// Loads every reference of `guidance` and checks it against its frame of `video_path` (decoded
/// here, L at `check_height_px`): the first mismatch or unreadable image as an error. Checks the
/// frames against the video's length too.
Status checkGuidance(const guide::Guidance& guidance, const std::string& video_path,
                     int check_height_px = 256);

struct AnalysedFrame;
struct MaskedOutput;

class GuidedShots {
 public:
  /// Propagates the keyframes through every guided shot overlapping frames first..last
  /// (inclusive) that its cache does not hold whole yet. `cut_frames`: sorted first frames of the
  /// shots after the first.
  static Result<std::unique_ptr<GuidedShots>> prepare(const guide::Guidance& guidance,
                                                      const std::vector<int64_t>& cut_frames,
                                                      int64_t frame_count, int64_t first,
                                                      int64_t last, const GuideServices& services,
                                                      const CancelToken& cancel,
                                                      const ProgressFn& progress);

  /// True when `frame` lies in a guided shot.
  bool covers(int64_t frame) const;
  /// Sets `ab` of every frame of `frames` (consecutive frames of one aligned batch of the
  /// export, BatchInference.h, all in guided shots): from the shot's cache where it holds the
  /// batch's frames of that shot, otherwise by the network guided by the propagated colour on
  /// those frames (always the same frames together: resumed exports are bit-exact), blended, and
  /// stored. Frames handed out release their propagated colour. One thread at a time.
  Status attach(const std::vector<std::shared_ptr<AnalysedFrame>>& frames,
                model::Colorizer& colorizer, const CancelToken& cancel, MaskedOutput& masked);
  /// The guided ab of `frame` in the cache; null when it is not (yet) there.
  CachedAbPtr find(int64_t frame) const;
  const GuideStats& stats() const { return stats_; }

 private:
  struct Shot {
    int64_t first = 0;
    int64_t last = 0;
    std::unique_ptr<AbCache> cache;
    std::vector<guide::PropagatedColour> propagated;  ///< empty when the cache holds the shot
  };
  GuidedShots() = default;
  const Shot* shotOf(int64_t frame) const;
  Shot* shotOf(int64_t frame);

  std::map<int64_t, Shot> shots_;  ///< by last frame
  double strength_ = 1.0;
  GuideStats stats_;
};

}  // namespace cf::pipeline
