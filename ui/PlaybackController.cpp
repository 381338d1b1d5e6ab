#include "PlaybackController.h"

#include <algorithm>
#include <cmath>

namespace cf::ui {

PlaybackController::PlaybackController(QObject* parent) : QObject(parent) {
  timer_.setTimerType(Qt::PreciseTimer);
  connect(&timer_, &QTimer::timeout, this, &PlaybackController::tick);
  setFrameCount(0, 25.0);
}

void PlaybackController::setFrameCount(qint64 frame_count, double fps) {
  pause();
  frame_count_ = std::max<qint64>(0, frame_count);
  frame_ = 0;
  fps_ = fps > 0 ? fps : 25.0;
  timer_.setInterval(std::max(1, int(std::lround(1000.0 / fps_))));
}

qint64 PlaybackController::frameAtTime(double t_s, double fps) {
  // A hair of tolerance, so that t = n / fps computed in floating point shows frame n.
  return qint64(std::floor(t_s * fps + 1e-6));
}

void PlaybackController::setFrame(qint64 frame) {
  const qint64 before = frame_;
  frame_ = std::clamp<qint64>(frame, 0, std::max<qint64>(0, frame_count_ - 1));
  if (isPlaying() && frame_ != before)
    Q_EMIT movedWhilePlaying(frame_);
}

void PlaybackController::setSpeed(int speed) {
  const bool was_playing = isPlaying();
  speed_ = frame_count_ > 0 ? speed : 0;
  if (isPlaying())
    timer_.start();
  else
    timer_.stop();
  const bool speed_changed = speed_ != previous_speed_;
  previous_speed_ = speed_;
  if (was_playing != isPlaying())
    Q_EMIT playingChanged(isPlaying());
  if (speed_changed)
    Q_EMIT speedChanged(speed_);
}

void PlaybackController::togglePlay() {
  if (!isPlaying() && frame_ >= frame_count_ - 1)
    moveTo(0);  // play again from the start
  setSpeed(isPlaying() ? 0 : 1);
}

void PlaybackController::shuttleForward() {
  setSpeed(speed_ <= 0 ? 1 : std::min(kMaxShuttleSpeed, speed_ * 2));
}

void PlaybackController::shuttleBackward() {
  setSpeed(speed_ >= 0 ? -1 : std::max(-kMaxShuttleSpeed, speed_ * 2));
}

void PlaybackController::pause() {
  setSpeed(0);
}

void PlaybackController::step(int delta_frames) {
  pause();
  moveTo(frame_ + delta_frames);
}

void PlaybackController::goToStart() {
  pause();
  moveTo(0);
}

void PlaybackController::goToEnd() {
  pause();
  moveTo(frame_count_ - 1);
}

void PlaybackController::moveTo(qint64 frame) {
  if (frame_count_ <= 0)
    return;
  const qint64 clamped = std::clamp<qint64>(frame, 0, frame_count_ - 1);
  if (clamped == frame_)
    return;
  frame_ = clamped;
  Q_EMIT frameRequested(frame_);
}

void PlaybackController::tick() {
  if (speed_ == 1 && clock_) {
    if (const std::optional<double> t = clock_()) {
      // Where the sound is, not where the count of ticks says.
      const qint64 target = std::clamp<qint64>(frameAtTime(*t, fps_), 0, frame_count_ - 1);
      moveTo(target);
      if (target >= frame_count_ - 1)
        pause();
      return;
    }
  }
  const qint64 target = frame_ + speed_;
  moveTo(target);
  if (target <= 0 || target >= frame_count_ - 1)
    pause();
}

}  // namespace cf::ui
