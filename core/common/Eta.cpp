#include "common/Eta.h"

#include <cmath>
#include <cstdio>

namespace cf {

void Eta::newStage(Clock::time_point now) {
  samples_.clear();
  reports_ = 0;
  total_ = 0;
  pending_start_ = now;
}

void Eta::update(int64_t done, int64_t total, Clock::time_point now) {
  // A count that goes back or a new total is the next stage of a job (scan, then export): its
  // rate has nothing to do with the last stage's. It began when the last stage reported last.
  if (!samples_.empty() && (done < samples_.back().done || total != total_)) {
    const Clock::time_point began = samples_.back().time;
    newStage(began);
  }
  total_ = total;
  if (samples_.empty() && pending_start_) {
    samples_.push_back({*pending_start_, 0});
    pending_start_.reset();
  }
  if (!samples_.empty() && now < samples_.back().time)
    now = samples_.back().time;
  samples_.push_back({now, done});
  ++reports_;
  // Keep one sample at least a window old (the rate's base) and the ones after it.
  const auto window = std::chrono::duration<double>(window_s_);
  while (samples_.size() > 2 && now - samples_[1].time >= window)
    samples_.pop_front();
}

double Eta::rate() const {
  if (samples_.size() < 2)
    return 0.0;
  const Sample& base = samples_.front();
  const Sample& last = samples_.back();
  const double dt_s = std::chrono::duration<double>(last.time - base.time).count();
  const int64_t delta = last.done - base.done;
  if (dt_s < 1.0 || delta <= 0)
    return 0.0;  // too early to say
  return static_cast<double>(delta) / dt_s;
}

std::optional<double> Eta::secondsLeft() const {
  const double r = rate();
  if (reports_ < 2 || r <= 0.0 || total_ <= 0)
    return std::nullopt;
  const int64_t left = total_ - samples_.back().done;
  return left <= 0 ? 0.0 : static_cast<double>(left) / r;
}

std::string Eta::format(double seconds) {
  const long total_s = seconds <= 0.0 ? 0L : std::lround(seconds);
  const long h = total_s / 3600;
  const long m = (total_s % 3600) / 60;
  const long s = total_s % 60;
  char buf[32] = {};
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", h, m, s);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", m, s);
  return buf;
}

}  // namespace cf
