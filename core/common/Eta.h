#pragma once
// Estimates the time left for a job from the rate of recent progress (exponentially smoothed).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace cf {

class Eta {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Eta(double smoothing = 0.2) : smoothing_(smoothing) {}

  /// Record that `done` of `total` units are finished at time `now`. A smaller `done` or another
  /// `total` starts a new estimate (the next stage of a job).
  void update(int64_t done, int64_t total, Clock::time_point now = Clock::now());
  /// Seconds left, once at least two updates with progress were seen.
  std::optional<double> secondsLeft() const;
  /// Units per second, smoothed.
  double rate() const { return rate_; }

  /// "1:05:03", "4:07" or "0:09".
  static std::string format(double seconds);

 private:
  double smoothing_ = 0.2;
  double rate_ = 0.0;
  int64_t last_done_ = 0;
  int64_t total_ = 0;
  bool started_ = false;
  Clock::time_point last_time_{};
};

}  // namespace cf
