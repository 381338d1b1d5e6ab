#pragma once
// Measures how long the GUI event loop is blocked: a precise timer ticks every `tick_ms`; the
// longest gap between two ticks, minus the tick, is the longest stall. For that gap it also
// records how much CPU time the GUI thread itself used: a long gap with little GUI CPU time is the
// scheduler starving the thread (a loaded machine), not work done on the GUI thread. Test builds
// only.

#include <time.h>
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
    connect(&timer_, &QTimer::timeout, this, [this] { tick(); });
  }

  void start() {
    longest_ns_ = 0;
    longest_cpu_ns_ = 0;
    clock_.start();
    last_ns_ = clock_.nsecsElapsed();
    last_cpu_ns_ = threadCpuNs();
    timer_.start();
  }
  void stop() {
    tick();
    timer_.stop();
  }
  /// Longest time the event loop did not get to run the timer, beyond one tick.
  double longestStallMs() const { return std::max(0.0, longest_ns_ / 1e6 - tick_ms_); }
  /// CPU time the GUI thread used during that longest gap.
  double longestStallGuiCpuMs() const { return longest_cpu_ns_ / 1e6; }

 private:
  static qint64 threadCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
  }
  void tick() {
    const qint64 now = clock_.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    if (now - last_ns_ > longest_ns_) {
      longest_ns_ = now - last_ns_;
      longest_cpu_ns_ = cpu - last_cpu_ns_;
    }
    last_ns_ = now;
    last_cpu_ns_ = cpu;
  }

  QTimer timer_;
  QElapsedTimer clock_;
  int tick_ms_ = 5;
  qint64 last_ns_ = 0;
  qint64 longest_ns_ = 0;
  qint64 last_cpu_ns_ = 0;
  qint64 longest_cpu_ns_ = 0;
};

}  // namespace cf::test
