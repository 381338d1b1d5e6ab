#pragma once
// The frame sizes a video is processed at, checked before any work: the network runs at the
// working height, the optical flow at half of it and the temporal smoothing at a quarter (each at
// least 64 px), all keeping the source's aspect ratio. An extreme aspect ratio (16384x16, 16x16384)
// makes one of them thinner than the flow and the filters accept, or wider than OpenCV's remap
// can address; it is refused at once with the supported range, not after minutes of work with an
// OpenCV assertion.

#include <string>

#include "common/Result.h"

namespace cf::pipeline {

/// The narrowest and the widest side any processing stage may have.
constexpr int kMinStageSidePx = 16;
constexpr int kMaxStageSidePx = 16384;

/// The heights of the stages for `working_height_px`: network, flow, smoothing.
struct StageHeights {
  int network_px = 0;
  int flow_px = 0;
  int smoothing_px = 0;
};
StageHeights stageHeights(int working_height_px);

/// Succeeds when every stage's width (the source's aspect at the stage's height) lies in
/// [kMinStageSidePx, kMaxStageSidePx]; otherwise an error naming `path`, the frame size, the
/// offending stage size and the aspect ratios supported at this working height.
Status checkWorkingGeometry(const std::string& path, int width_px, int height_px,
                            int working_height_px);

}  // namespace cf::pipeline
