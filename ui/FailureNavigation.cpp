#include "FailureNavigation.h"

#include <algorithm>

namespace cf::ui {

std::optional<size_t> nextFailure(const std::vector<pipeline::FailureRange>& failures,
                                  int64_t frame) {
  std::optional<size_t> best;
  for (size_t i = 0; i < failures.size(); ++i)
    if (failures[i].first_frame > frame &&
        (!best || failures[i].first_frame < failures[*best].first_frame))
      best = i;
  return best;
}

std::optional<size_t> previousFailure(const std::vector<pipeline::FailureRange>& failures,
                                      int64_t frame) {
  std::optional<size_t> best;
  for (size_t i = 0; i < failures.size(); ++i)
    if (failures[i].first_frame < frame &&
        (!best || failures[i].first_frame > failures[*best].first_frame))
      best = i;
  return best;
}

std::pair<int64_t, int64_t> shotAround(const std::vector<int64_t>& cuts, int64_t frame_count,
                                       int64_t frame) {
  int64_t first = 0;
  int64_t last = std::max<int64_t>(0, frame_count - 1);
  for (int64_t cut : cuts) {
    if (cut <= frame)
      first = std::max(first, cut);
    else
      last = std::min(last, cut - 1);
  }
  return {first, last};
}

}  // namespace cf::ui
