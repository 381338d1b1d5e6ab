#pragma once
// The whole temporal stage for one video, streaming: frame links from L (through a FlowCache, so a
// second run at another lambda computes no flow), links cut at scene cuts, then sliding-window TV
// smoothing of ab. What `chromaflow-cli colorize --lambda X --flow M` wires to its reader/writer.

#include <cstdint>
#include <functional>
#include <vector>

#include "temporal/FlowCache.h"
#include "temporal/SceneCutDetector.h"
#include "temporal/TemporalSmoother.h"

namespace cf::temporal {

struct TemporalSettings {
  FlowSettings flow;
  SmoothSettings smooth;
  SceneCutSettings cuts;
};

/// One frame at working resolution: L (CV_32FC1, 0..100) and the colour model's ab (CV_32FC2).
struct LabFrame {
  cv::Mat l;
  cv::Mat ab;
};
using LabFrameSource = std::function<Result<LabFrame>(int64_t frame)>;

struct VideoSmoothStats {
  SmoothStats smooth;
  int64_t flows_computed = 0;  ///< frame links computed (not found in the cache)
};

class VideoSmoother {
 public:
  /// `cache` must outlive this object; it belongs to one video and one flow configuration.
  VideoSmoother(TemporalSettings settings, FlowCache& cache);

  /// A new lambda (or window) for the next run(); flows stay cached.
  void setSmoothSettings(const SmoothSettings& smooth) { settings_.smooth = smooth; }

  /// Cut features of every frame (cheap; a film's worth fits in memory) -> cut list.
  static std::vector<SceneCut> findCuts(const std::vector<CutFeatures>& features,
                                        const SceneCutSettings& settings);

  /// Smooths frames 0..frame_count-1. `source` is called once per frame in order; `cuts` from
  /// findCuts() (frames after which nothing is linked). Holds at most window_frames + 2 frames.
  Result<VideoSmoothStats> run(int64_t frame_count, const LabFrameSource& source,
                               const std::vector<SceneCut>& cuts, const FrameSink& sink,
                               const CancelToken& cancel = {}, const ProgressFn& progress = {});

 private:
  TemporalSettings settings_;
  FrameLinker linker_;
};

}  // namespace cf::temporal
