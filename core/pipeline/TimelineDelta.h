#pragma once
// What changed in a timeline between two updates, so that the engine sends an analysis chunk's
// few frames and ranges instead of a whole film's (172,800 frames for two hours), and the GUI
// updates only those rows and pixels. Plain data and pure functions: tested on their own.

#include <cstdint>
#include <memory>
#include <vector>

#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

struct TimelineDelta {
  /// Everything changed (another video, model or flow, new cuts): `frames` holds every frame from
  /// 0, `cuts` the cuts, and the failures replace the whole list.
  bool full = false;
  int64_t frame_count = 0;
  double fps = 0.0;
  std::vector<int64_t> cuts;  ///< only when `full`
  /// Frames [first_frame, first_frame + frames.size()) replace the same frames.
  int64_t first_frame = 0;
  std::vector<FrameSignals> frames;
  /// failures[failures_first, failures_first + failures_removed) are replaced by `failures`.
  size_t failures_first = 0;
  size_t failures_removed = 0;
  std::vector<FailureRange> failures;

  bool empty() const {
    return !full && frames.empty() && failures_removed == 0 && failures.empty();
  }
};
using TimelineDeltaPtr = std::shared_ptr<const TimelineDelta>;

/// What applying a delta changed, for the views: the frames to repaint and whether the list of
/// failure ranges changed. The default is "everything".
struct TimelineChange {
  bool full = true;          ///< another video, model, flow method or cuts
  int64_t first_frame = -1;  ///< frames [first_frame, last_frame] changed; -1: none
  int64_t last_frame = -1;
  bool failures_changed = true;
};

/// Applies `delta` to `data` (which must be what the previous deltas built).
TimelineChange applyTimelineDelta(TimelineData& data, const TimelineDelta& delta);

/// The one span of failure ranges that differs between `before` and `after` (a common head and
/// tail kept), written into delta's failures_* fields.
void diffFailures(const std::vector<FailureRange>& before, const std::vector<FailureRange>& after,
                  TimelineDelta& delta);

/// Same frames, kind and reason (code and numbers).
bool sameFailure(const FailureRange& a, const FailureRange& b);

}  // namespace cf::pipeline
