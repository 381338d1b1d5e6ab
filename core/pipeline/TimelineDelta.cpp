#include "pipeline/TimelineDelta.h"

#include <algorithm>

namespace cf::pipeline {

bool sameFailure(const FailureRange& a, const FailureRange& b) {
  return a.first_frame == b.first_frame && a.last_frame == b.last_frame && a.kind == b.kind &&
         a.why.code == b.why.code && a.why.value == b.why.value && a.why.limit == b.why.limit &&
         a.why.extra == b.why.extra && a.severity == b.severity;
}

void diffFailures(const std::vector<FailureRange>& before, const std::vector<FailureRange>& after,
                  TimelineDelta& delta) {
  const size_t na = before.size(), nb = after.size();
  size_t head = 0;
  while (head < na && head < nb && sameFailure(before[head], after[head]))
    ++head;
  size_t tail = 0;
  while (tail < na - head && tail < nb - head &&
         sameFailure(before[na - 1 - tail], after[nb - 1 - tail]))
    ++tail;
  delta.failures_first = head;
  delta.failures_removed = na - head - tail;
  delta.failures.assign(after.begin() + std::ptrdiff_t(head),
                        after.begin() + std::ptrdiff_t(nb - tail));
}

TimelineChange applyTimelineDelta(TimelineData& data, const TimelineDelta& delta) {
  TimelineChange change;
  if (delta.full) {
    data.frame_count = delta.frame_count;
    data.fps = delta.fps;
    data.cuts = delta.cuts;
    data.frames = delta.frames;
    data.failures = delta.failures;
    return change;
  }
  change.full = false;
  const auto touch = [&](int64_t f0, int64_t f1) {
    change.first_frame = change.first_frame < 0 ? f0 : std::min(change.first_frame, f0);
    change.last_frame = std::max(change.last_frame, f1);
  };
  if (!delta.frames.empty()) {
    const size_t first = size_t(std::max<int64_t>(0, delta.first_frame));
    if (data.frames.size() < first + delta.frames.size())
      data.frames.resize(first + delta.frames.size());
    std::copy(delta.frames.begin(), delta.frames.end(),
              data.frames.begin() + std::ptrdiff_t(first));
    touch(int64_t(first), int64_t(first + delta.frames.size()) - 1);
  }
  const size_t at = std::min(delta.failures_first, data.failures.size());
  const size_t removed = std::min(delta.failures_removed, data.failures.size() - at);
  const auto pos = data.failures.begin() + std::ptrdiff_t(at);
  for (auto it = pos; it != pos + std::ptrdiff_t(removed); ++it)
    touch(it->first_frame, it->last_frame);
  for (const FailureRange& r : delta.failures)
    touch(r.first_frame, r.last_frame);
  change.failures_changed = removed > 0 || !delta.failures.empty();
  data.failures.erase(pos, pos + std::ptrdiff_t(removed));
  data.failures.insert(data.failures.begin() + std::ptrdiff_t(at), delta.failures.begin(),
                       delta.failures.end());
  return change;
}

}  // namespace cf::pipeline
