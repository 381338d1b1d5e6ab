#pragma once
// The export's side of keyframe colour (issue #15): for every shot that holds a keyframe, the
// colour propagated from its keyframes (guide/Propagation.h) is fed to the network as hints
// (ab + mask, as the model was trained), and the network's output is blended with the propagated
// colour by confidence times the reference strength. The result replaces the network's ab of
// those frames before the temporal smoothing, which runs as before.
//
// Inside the export's pipeline: prepare() finds the guided shots and starts their propagation on a
// thread of its own, which runs while the export decodes, runs the network on other shots,
// smooths and encodes. The export's inference stage runs the guided network on a guided shot's
// frames in its own aligned batches (attach()), waiting for each frame's propagated colour only
// until the sweeps are done with that frame (guide::FrameReadyFn), so the propagation, the
// network and the later stages overlap. The links the propagation computes fill the export's flow
// cache too, so its flow stage computes nothing for those shots.
//
// Caching: guided results never enter the unguided network cache. Each guided shot has a cache
// folder of its own, named by a hash of everything that changes its colour (the shot's frames,
// its hints, its reference images' contents, the strength), so changing a hint re-colours only
// that shot, and a re-export reuses every other shot's results.

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "guide/GuideTypes.h"
#include "guide/KeyframeReach.h"
#include "guide/Propagation.h"
#include "media/InputOptions.h"
#include "pipeline/AbCache.h"
#include "pipeline/PropagatedStore.h"
#include "pipeline/ShotLuma.h"
#include "temporal/FlowCache.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

struct GuideServices {
  /// The video, opened again here (the propagation reads it on its own thread) as `input` says.
  std::string video_path;
  media::InputOptions input;
  model::Colorizer* colorizer = nullptr;
  temporal::FlowSettings flow;
  /// Folder under which each guided shot's cache folder is made; empty: memory only.
  std::string cache_root;
  /// The export's flow cache and the height its smoothing solves at: every link the propagation
  /// computes is stored there too, at that resolution, from the same two flows, so the export's
  /// flow stage finds it (null: not shared).
  temporal::FlowCache* export_links = nullptr;
  int solve_height_px = 0;
  /// The shots' L for colourAll() (the preview, which runs the network on them itself); an
  /// export does not need it.
  bool keep_l = false;
  /// Frames of propagated colour waiting for the network kept in memory per shot; the rest wait
  /// in spill files in the shot's cache folder (PropagatedStore).
  size_t propagated_in_memory = 48;
  guide::PropagationSettings propagation;
};

struct GuideStats {
  int64_t shots = 0;          ///< guided shots in the range
  int64_t shots_reused = 0;   ///< of which found complete in their cache
  int64_t frames_guided = 0;  ///< frames colourised with hints
  double seconds = 0.0;       ///< propagation (its thread's wall time)
  double network_s = 0.0;     ///< the guided network and the blend (attach())
  /// Per shot, its longest stretch of frames where the keyframe colour reaches less than half of
  /// what its keyframes cover (guide/KeyframeReach); for a shot reused from the cache, as measured
  /// when it was propagated (pipeline/ShotReachFile)
  std::vector<guide::ReachGap> gaps;
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
  /// Stops the propagation where it still runs and waits for its thread.
  ~GuidedShots();
  GuidedShots(const GuidedShots&) = delete;
  GuidedShots& operator=(const GuidedShots&) = delete;

  /// Finds the guided shots overlapping frames first..last (inclusive), opens their caches and
  /// starts propagating the keyframes through those the cache does not hold whole yet, on a thread
  /// of its own (`services` must outlive this object). `cut_frames`: sorted first frames of the
  /// shots after the first. Bad guidance, an unreadable video or cache: an error here; a failure
  /// of the propagation itself: from attach(). `cancel` also stops the propagation (checked at
  /// every frame), and `progress` is told how far it got, from the propagation's thread (and from
  /// colourNext()'s): done of progressTotal() units, stage "keyframes" (GuidedProgress.cpp).
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
  /// stored. Waits for the frames' propagated colour. Frames handed out release it. One thread at
  /// a time.
  Status attach(const std::vector<std::shared_ptr<AnalysedFrame>>& frames,
                model::Colorizer& colorizer, const CancelToken& cancel, MaskedOutput& masked);
  /// The guided ab of `frame` in the cache; null when it is not (yet) there.
  CachedAbPtr find(int64_t frame) const;
  /// Colours every guided shot whole now (the preview: it shows any frame of the shot):
  /// colourNext() with waiting until Done (GuidedShotsColour.cpp).
  Status colourAll(model::Colorizer& colorizer, const CancelToken& cancel);
  enum class ColourStep {
    Coloured,  ///< one batch was coloured
    Waiting,   ///< the next batches wait for the propagation (only without `wait`)
    Done       ///< every frame of every guided shot is coloured (in the cache)
  };
  /// The preview's colouring in steps (needs GuideServices::keep_l): attach() on one aligned batch
  /// of the export's (so the cache holds exactly what an export writes) whose propagated colour is
  /// ready, in any order; with `wait`, waits for one. The engine thread interleaves these steps
  /// with its other work while the propagation runs on its own thread.
  Result<ColourStep> colourNext(model::Colorizer& colorizer, const CancelToken& cancel, bool wait);
  /// Units of progress reported to prepare()'s `progress` when all is done: each frame of a shot
  /// to propagate counts once for its propagation (decoding and sweeps, in proportion), and once
  /// more for its network pass where colourNext() colours it (the preview).
  int64_t progressTotal() const { return progress_total_; }
  /// Stops the propagation (what the export did not need) and returns the figures.
  const GuideStats& finish();
  /// The gaps found so far (GuideStats::gaps), while the propagation may still run.
  std::vector<guide::ReachGap> reachGaps();

 private:
  struct Shot {
    int64_t first = 0;
    int64_t last = 0;
    std::unique_ptr<AbCache> cache;
    bool propagate = false;                       ///< the cache lacks frames
    std::unique_ptr<PropagatedStore> propagated;  ///< by frame - first, once ready
    std::vector<char> ready;                      ///< propagated's frame i is final
    std::vector<double> shares;  ///< by frame - first: its trusted share (-1 until ready)
    /// L at working resolution for colourNext() only (the preview), decoded on demand through a
    /// reader of its own; set once the propagation has started
    std::unique_ptr<ShotLuma> l;
    std::vector<char> coloured;  ///< by batch's first frame - first: colourNext() did it
    // Progress of the propagation: frames decoded, sweep steps done of total (0: not known yet),
    // and the units reported so far (never going back).
    int64_t decoded = 0;
    int64_t steps = 0;
    int64_t total_steps = 0;
    int64_t units = 0;
  };
  GuidedShots() = default;
  const Shot* shotOf(int64_t frame) const;
  Shot* shotOf(int64_t frame);
  Status propagateAll();  ///< the thread's work
  Status propagateShot(Shot& shot, media::VideoReader& reader);
  /// Recomputes the shot's progress units (mutex_ held).
  static void updateUnits(Shot& shot);
  /// Reports the progress to `progress_` (mutex_ not held; any thread).
  void reportProgress();
  /// True once the propagation must stop (finish(), or prepare()'s `cancel`).
  bool stopping() const;

  std::map<int64_t, Shot> shots_;  ///< by last frame
  guide::Guidance guidance_;
  GuideServices services_;
  std::unique_ptr<media::VideoReader> reader_;
  double strength_ = 1.0;
  GuideStats stats_;

  std::thread thread_;
  CancelToken stop_;
  CancelToken cancel_;  ///< prepare()'s
  ProgressFn progress_;
  int64_t progress_total_ = 0;
  int64_t coloured_frames_ = 0;  ///< by colourNext() (guarded by mutex_)
  std::mutex progress_mutex_;    ///< serialises progress_ calls
  int64_t reported_ = 0;         ///< the last done reported (never going back)
  std::mutex mutex_;             ///< guards the shots' propagated/ready, done_ and error_
  std::condition_variable changed_;
  bool done_ = true;
  Status error_;
};

}  // namespace cf::pipeline
