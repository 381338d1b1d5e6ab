#pragma once
// The stages of an export, each run on its own thread and connected by bounded queues:
//
//   decode -> [network ab: cache or batch inference] -> [flow link to the previous frame]
//     -> [temporal smoothing, sliding windows] -> [L-guided recombination to RGB] -> encode
//
// Frames travel as shared handles (ExportFramePtr). Each stage's function runs until its input
// closes, then closes its output; on failure it returns the error and the wiring (Exporter.cpp)
// aborts every queue, so the other stages stop at once. Each stage adds its busy time (waits on
// the queues excluded) to its own counter.

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "common/BoundedQueue.h"
#include "common/CancelToken.h"
#include "common/Result.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/SessionTypes.h"
#include "temporal/FlowCache.h"
#include "temporal/TemporalSmoother.h"

namespace cf::media {
class VideoReader;
}
namespace cf::model {
class Colorizer;
}

namespace cf::pipeline {

/// One frame on its way through the export. `l_full` is left empty (computed again from the
/// decoded luma at recombination, so the queues hold the small 8-bit frame, not a float copy).
struct ExportFrame : AnalysedFrame {
  temporal::FrameLinkPtr link;  ///< to the previous frame; null for the first one and after a cut
  cv::Mat smoothed_ab;          ///< the smoothing's output (working resolution)
  cv::Mat rgb;  ///< the recombined frame, CV_8UC3 (or CV_16UC3) at the source resolution
};
using ExportFramePtr = std::shared_ptr<ExportFrame>;
using FrameQueue = BoundedQueue<ExportFramePtr>;

/// Seconds each stage spent working; filled by the stage threads.
struct StageTimes {
  double decode_s = 0.0;
  double inference_s = 0.0;
  double flow_s = 0.0;
  double smoothing_s = 0.0;
  double recombine_s = 0.0;
  double encode_s = 0.0;
  int64_t cache_hits = 0;
  int64_t inferred = 0;
  int64_t flows_computed = 0;
  MaskedOutput masked;  ///< invalid network output masked by the inference stage
};

/// Frames first..last (inclusive) of the source that a stage hands on; the others it drops.
struct FrameSpan {
  int64_t first = 0;
  int64_t last = 0;
  bool contains(int64_t frame) const { return frame >= first && frame <= last; }
};

/// Decodes frames first..last in order (L at working resolution attached).
Status runDecodeStage(media::VideoReader& reader, const model::Colorizer& colorizer, int64_t first,
                      int64_t last, FrameQueue& out, const CancelToken& cancel, StageTimes& times);

class GuidedShots;

/// Attaches the network's ab, in aligned batches (BatchInference.h). Frames of guided shots get
/// their guided ab from `guided` (may be null) instead (GuidedShots::attach(): the network with
/// hints); the batch's other frames get the unguided network's.
Status runInferenceStage(model::Colorizer& colorizer, AbCache& cache, int64_t last, FrameQueue& in,
                         FrameQueue& out, const CancelToken& cancel, StageTimes& times,
                         GuidedShots* guided = nullptr);

/// The sorted scene-cut frames (source numbers), or why they are not known. Asked for once, when
/// they are first needed: a cut scan may still be running alongside (ConcurrentCutScan.h).
using CutFramesFn = std::function<Result<std::vector<int64_t>>()>;

/// Attaches the link of each frame to the previous one, except after the cut frames (source
/// numbers, from `cut_frames`, asked for before the first link), at the smoothing's resolution
/// (temporal::solveSize of the ab and `solve_height_px`).
/// Hands on only the frames of `keep` (the others were decoded for the network's batches).
Status runFlowStage(temporal::FrameLinker& linker, int solve_height_px,
                    const CutFramesFn& cut_frames, const FrameSpan& keep, FrameQueue& in,
                    FrameQueue& out, const CancelToken& cancel, StageTimes& times);

/// Smooths `count` frames with sliding windows; holds at most a window of frames.
Status runSmoothingStage(const temporal::SmoothSettings& settings, int64_t count, FrameQueue& in,
                         FrameQueue& out, const CancelToken& cancel, StageTimes& times);

/// Recombines full-resolution L with the smoothed ab of the frames of `keep` (the others were
/// smoothing context), graded by their shot's entry in `grades`, as CV_8UC3 or (rgb_depth 16)
/// CV_16UC3, and hands those on.
Status runRecombineStage(const FrameSpan& keep, const std::vector<GradeRange>& grades,
                         FrameQueue& in, FrameQueue& out, int rgb_depth, const CancelToken& cancel,
                         StageTimes& times);

}  // namespace cf::pipeline
