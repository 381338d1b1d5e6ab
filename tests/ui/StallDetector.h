#pragma once
// Measures how long the GUI event loop is blocked: a precise timer ticks every `tick_ms`; the
// longest gap between two ticks, minus the tick, is the longest stall. Test builds only.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <algorithm>

namespace cf::test {

class StallDetector : public QObject {
 public:
  explicit StallDetector(int tick_ms = 5, QObject* parent = nullptr)
      : QObject(parent), tick_ms_(tick_ms) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(tick_ms_);
    connect(&timer_, &QTimer::timeout, this, [this] {
      const qint64 now = clock_.nsecsElapsed();
      longest_ns_ = std::max(longest_ns_, now - last_ns_);
      last_ns_ = now;
    });
  }

  void start() {
    longest_ns_ = 0;
    clock_.start();
    last_ns_ = clock_.nsecsElapsed();
    timer_.start();
  }
  void stop() {
    const qint64 now = clock_.nsecsElapsed();
    longest_ns_ = std::max(longest_ns_, now - last_ns_);
    timer_.stop();
  }
  /// Longest time the event loop did not get to run the timer, beyond one tick.
  double longestStallMs() const { return std::max(0.0, longest_ns_ / 1e6 - tick_ms_); }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  int tick_ms_ = 5;
  qint64 last_ns_ = 0;
  qint64 longest_ns_ = 0;
};

}  // namespace cf::test
