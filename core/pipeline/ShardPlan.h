#pragma once
// How one film is cut into shards that separate machines render on their own and that join into
// exactly the frames of a single-machine export.
//
// Why a shard can be exact: the network runs in batches aligned to source frame numbers
// (BatchInference.h), the flows are pure functions of two frames, and the temporal smoothing
// starts its windows afresh at every shot (TemporalSmoother.h). So a shard that decodes from the
// first aligned batch of the shot holding its first frame, and on to the end of the smoothing
// window holding its last frame, computes its own frames exactly as the whole export does. When a
// border lies on a scene cut, no context before it is needed at all; the plan moves borders to a
// nearby cut for that reason.
//
// The plan is a pure function of the frame count, the scene cuts and the layout below, so every
// node computes the same plan without talking to the others.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::pipeline {

/// The export's network batches and smoothing windows, which decide the context a range needs.
struct SpanLayout {
  int batch_frames = 8;    ///< network batch (model::ColorizerSettings::batch_size)
  int window_frames = 64;  ///< temporal::SmoothSettings::window_frames
  int overlap_frames = 8;  ///< temporal::SmoothSettings::overlap_frames
};

/// The layout the CLI and the Session export with (the defaults of the colouriser and smoother).
SpanLayout defaultSpanLayout();

/// The frames a range writes and the frames it must read to write them exactly.
struct RenderSpan {
  int64_t first = 0;         ///< first frame written
  int64_t last = 0;          ///< last frame written (inclusive)
  int64_t smooth_first = 0;  ///< first frame of the shot holding `first`: smoothing starts here
  int64_t smooth_last = 0;   ///< end of the smoothing window holding `last` (within its shot)
  int64_t decode_first = 0;  ///< smooth_first rounded down to a network batch
  int64_t decode_last = 0;   ///< smooth_last rounded up to the end of its network batch

  int64_t frames() const { return last - first + 1; }
  int64_t contextBefore() const { return first - decode_first; }
  int64_t contextAfter() const { return decode_last - last; }
};

/// The span that renders [first, last] exactly as an export of all `frame_count` frames does.
/// `cuts`: first frames of the shots after the first (sorted, as SceneCut::frame).
RenderSpan exactSpan(int64_t first, int64_t last, int64_t frame_count,
                     const std::vector<int64_t>& cuts, const SpanLayout& layout);

struct ShardPlanSettings {
  int shards = 1;
  /// How far a border may move to reach a scene cut; -1 = a quarter of a shard, at most 250.
  int64_t snap_frames = -1;
  SpanLayout layout;
};

struct PlannedShard {
  RenderSpan span;
  bool starts_at_cut = false;  ///< its first frame begins a shot (or the film)
};

struct ShardPlan {
  int64_t frame_count = 0;
  int64_t snap_frames = 0;
  SpanLayout layout;
  std::vector<PlannedShard> shards;

  /// Frames read but not written, over all shards.
  int64_t contextFrames() const;
};

/// Splits frames 0..frame_count-1 into `settings.shards` consecutive shards of about equal
/// length, each border moved to the nearest cut within the snap distance. Fails when there are
/// more shards than frames.
Result<ShardPlan> planShards(int64_t frame_count, const std::vector<int64_t>& cuts,
                             const ShardPlanSettings& settings);

/// The plan as JSON (`chromaflow-cli colorize IN --plan N --json`).
std::string planToJson(const ShardPlan& plan);

/// "I/N" -> shard I of N (0 <= I < N); "A:B" -> frames A..B inclusive. False for bad text.
bool parseShardSpec(const std::string& text, int* index, int* count);
bool parseFrameRange(const std::string& text, int64_t* first, int64_t* last);

}  // namespace cf::pipeline
