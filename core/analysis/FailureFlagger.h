#pragma once
// Turns per-frame metrics into flags with human-readable reasons, and flags into ranges.

#include <vector>

#include "analysis/FailureTypes.h"

namespace cf::analysis {

/// Flags every frame. Shots start at frame 0 and at every frame whose metrics say scene_cut.
/// Relative thresholds use the median and MAD of the frame's own shot. Heavy motion must last: a
/// motion flag needs motion flags on at least 3 of the 5 frames around it (a scratched frame
/// upsets two links, not three), except a nearly fully occluded frame (a likely missed cut).
std::vector<FrameReport> flagFrames(const std::vector<FrameMetrics>& metrics,
                                    const FailureThresholds& thresholds);

/// Merges flagged frames of the same kind into ranges. Frames at most `max_gap_frames` apart
/// join one range (0: only directly consecutive frames). Sorted by first frame, then kind.
std::vector<FailureRange> mergeRanges(const std::vector<FrameReport>& reports,
                                      int max_gap_frames = 0);

}  // namespace cf::analysis
