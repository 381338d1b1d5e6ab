#pragma once
// Estimates the time left for one stage of a job from its rate of progress. The rate is measured
// over a sliding window of the last few seconds (or since the stage began while it is younger),
// from the time the stage began, not from its first report: a stage that spends seconds warming
// up (loading a model, filling a batch) and then reports frames in bursts of a batch is not
// mistaken for a fast one. Early estimates are therefore on the slow side and converge on the
// true rate; they never jump to the rate of one burst. No estimate until a second report of the
// stage has come in at least a second after the stage began.

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace cf {

class Eta {
 public:
  using Clock = std::chrono::steady_clock;

  /// `window_s`: how far back the rate looks once the stage is older than that.
  explicit Eta(double window_s = 5.0) : window_s_(window_s) {}

  /// The job (or its next stage) begins now, with nothing done: the time until the first report
  /// counts. Without it, a stage begins at the previous stage's last report, or (the first) at its
  /// first report.
  void newStage(Clock::time_point now = Clock::now());
  /// Record that `done` of `total` units are finished at time `now`. A smaller `done` or another
  /// `total` starts a new stage.
  void update(int64_t done, int64_t total, Clock::time_point now = Clock::now());
  /// Seconds left in this stage, once it can be estimated.
  std::optional<double> secondsLeft() const;
  /// Units per second over the window (0 while unknown).
  double rate() const;

  /// "1:05:03", "4:07" or "0:09".
  static std::string format(double seconds);

 private:
  struct Sample {
    Clock::time_point time;
    int64_t done = 0;
  };
  double window_s_ = 5.0;
  int64_t total_ = 0;
  int reports_ = 0;             ///< reports in this stage
  std::deque<Sample> samples_;  ///< this stage's, oldest first; the first is its beginning
  std::optional<Clock::time_point> pending_start_;  ///< from newStage(), before a report
};

}  // namespace cf
