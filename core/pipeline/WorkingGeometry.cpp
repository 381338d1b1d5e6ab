#include "pipeline/WorkingGeometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cf::pipeline {

namespace {

int64_t widthAt(int width_px, int height_px, int stage_height_px) {
  return std::max<int64_t>(
      1, std::llround(static_cast<double>(width_px) * stage_height_px / std::max(1, height_px)));
}

std::string ratio(double aspect) {
  char text[32] = {};
  if (aspect >= 1.0)
    std::snprintf(text, sizeof text, "%.3g:1", aspect);
  else
    std::snprintf(text, sizeof text, "1:%.3g", 1.0 / aspect);
  return text;
}

}  // namespace

StageHeights stageHeights(int working_height_px) {
  // Session::Impl::flowSettings() and smoothSolveHeight() take theirs from here.
  return {working_height_px, std::max(64, working_height_px / 2),
          std::max(64, working_height_px / 4)};
}

Status checkWorkingGeometry(const std::string& path, int width_px, int height_px,
                            int working_height_px) {
  const StageHeights h = stageHeights(working_height_px);
  const int lowest = std::min({h.network_px, h.flow_px, h.smoothing_px});
  const int highest = std::max({h.network_px, h.flow_px, h.smoothing_px});
  const int64_t narrowest = widthAt(width_px, height_px, lowest);
  const int64_t widest = widthAt(width_px, height_px, highest);
  if (narrowest >= kMinStageSidePx && widest <= kMaxStageSidePx)
    return Status::success();
  const double aspect = static_cast<double>(width_px) / std::max(1, height_px);
  const std::string stage =
      widest > kMaxStageSidePx
          ? std::to_string(widest) + "x" + std::to_string(highest) + " pixels, wider than the " +
                std::to_string(kMaxStageSidePx) + " px"
          : std::to_string(narrowest) + "x" + std::to_string(lowest) +
                " pixels, narrower than the " + std::to_string(kMinStageSidePx) + " px";
  return makeError("cannot colourise '" + path + "': its frames are " + std::to_string(width_px) +
                   "x" + std::to_string(height_px) + " pixels (aspect " + ratio(aspect) +
                   "), so at the working height " + std::to_string(working_height_px) +
                   " px one processing stage would work on " + stage +
                   " Chromaflow supports. At this working height the aspect ratio must be from " +
                   ratio(static_cast<double>(kMinStageSidePx) / lowest) + " to " +
                   ratio(static_cast<double>(kMaxStageSidePx) / highest) +
                   ": crop or pad the video, or change the working height.");
}

}  // namespace cf::pipeline
