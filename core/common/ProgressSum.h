#pragma once
// One progress from two parts reported by two threads (issue #15: an export's frames encoded, and
// the propagation of its guided shots on a thread of its own, so the export's bar moves while the
// encoder waits for the propagation). Each part keeps its latest done/total; every report passes
// on the sums, serialised, with `done` never going back, under the stage name given here.

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>

#include "common/Progress.h"

namespace cf {

class ProgressSum {
 public:
  ProgressSum(ProgressFn out, std::string stage) : out_(std::move(out)), stage_(std::move(stage)) {}

  /// The callback of part `part` (0 or 1); it may be called from any thread.
  ProgressFn part(int part) {
    return [this, part](const ProgressUpdate& u) { update(part, u.done, u.total); };
  }

  /// Part `part` will have `total` units: counted in the sums from now on, before it reports.
  void expect(int part, int64_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    total_[part & 1] = std::max(total_[part & 1], total);
  }

  void update(int part, int64_t done, int64_t total) {
    if (!out_)
      return;
    std::lock_guard<std::mutex> lock(mutex_);
    done_[part & 1] = done;
    total_[part & 1] = total;
    const int64_t sum_total = total_[0] + total_[1];
    reported_ = std::max(reported_, std::min(done_[0] + done_[1], sum_total));
    out_(ProgressUpdate{reported_, sum_total, stage_});
  }

 private:
  ProgressFn out_;
  std::string stage_;
  std::mutex mutex_;
  int64_t done_[2] = {0, 0};
  int64_t total_[2] = {0, 0};
  int64_t reported_ = 0;
};

}  // namespace cf
