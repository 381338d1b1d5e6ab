#pragma once
// Next / previous failure relative to the playhead (pure functions, used by F and Shift+F).

#include <cstdint>
#include <optional>
#include <vector>

#include "pipeline/SessionTypes.h"

namespace cf::ui {

/// Index of the first failure that starts after `frame` (ranges sorted or not).
std::optional<size_t> nextFailure(const std::vector<pipeline::FailureRange>& failures,
                                  int64_t frame);
/// Index of the last failure that starts before `frame`.
std::optional<size_t> previousFailure(const std::vector<pipeline::FailureRange>& failures,
                                      int64_t frame);
/// First frame of the shot containing `frame`, and its last frame, from the cut list.
std::pair<int64_t, int64_t> shotAround(const std::vector<int64_t>& cuts, int64_t frame_count,
                                       int64_t frame);

}  // namespace cf::ui
