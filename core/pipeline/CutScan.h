#pragma once
// The cheap first pass over a video: decode only, cut features of every frame, scene cuts.

#include <string>
#include <vector>

#include "common/CancelToken.h"
#include "common/Progress.h"
#include "common/Result.h"
#include "media/InputOptions.h"
#include "temporal/SceneCutDetector.h"

namespace cf::pipeline {

struct CutScanResult {
  int64_t frames = 0;
  std::vector<temporal::SceneCut> cuts;
};

/// Decodes `path` once and detects the scene cuts.
Result<CutScanResult> scanSceneCuts(const std::string& path,
                                    const temporal::SceneCutSettings& settings,
                                    const CancelToken& cancel, const ProgressFn& progress,
                                    const media::InputOptions& input = {});

/// Cuts strictly inside [first_frame, last_frame], shifted so that first_frame becomes 0.
std::vector<temporal::SceneCut> cutsInRange(const std::vector<temporal::SceneCut>& cuts,
                                            int64_t first_frame, int64_t last_frame);

}  // namespace cf::pipeline
