#include "common/Eta.h"

#include <cmath>
#include <cstdio>

namespace cf {

void Eta::update(int64_t done, int64_t total, Clock::time_point now) {
  // A count that goes back or a new total is the next stage of a job (scan, then export): its
  // rate has nothing to do with the last stage's, so start again.
  if (started_ && (done < last_done_ || total != total_)) {
    started_ = false;
    rate_ = 0.0;
  }
  total_ = total;
  if (!started_) {
    started_ = true;
    last_done_ = done;
    last_time_ = now;
    return;
  }
  const double dt_s = std::chrono::duration<double>(now - last_time_).count();
  const int64_t delta = done - last_done_;
  if (dt_s <= 0.0 || delta <= 0)
    return;
  const double instant = static_cast<double>(delta) / dt_s;
  rate_ = rate_ <= 0.0 ? instant : (1.0 - smoothing_) * rate_ + smoothing_ * instant;
  last_done_ = done;
  last_time_ = now;
}

std::optional<double> Eta::secondsLeft() const {
  if (rate_ <= 0.0 || total_ <= 0)
    return std::nullopt;
  const int64_t left = total_ - last_done_;
  return left <= 0 ? 0.0 : static_cast<double>(left) / rate_;
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
