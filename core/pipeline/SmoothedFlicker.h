#pragma once
// Flicker measured on the result the export writes: the network's ab smoothed at the shot's
// lambda (the same sliding-window solve as the export), compared frame to frame along the flow
// links. The failure flags use it, so raising lambda for a flickering shot clears its flag.

#include <cstdint>
#include <vector>

#include "common/CancelToken.h"
#include "common/Result.h"
#include "temporal/TemporalSmoother.h"

namespace cf::pipeline {

/// Smooths frames 0..frame_count-1 of `source` with `settings` (smoothSequence) and returns, per
/// frame, the masked mean squared ab change between the smoothed frame and the previous smoothed
/// frame warped along the frame's link; -1 for frames without a link (the first, after a cut).
Result<std::vector<double>> smoothedFlickerAb(int64_t frame_count,
                                              const temporal::FrameSource& source,
                                              const temporal::SmoothSettings& settings,
                                              const CancelToken& cancel = {});

}  // namespace cf::pipeline
