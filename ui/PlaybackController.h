#pragma once
// Play/pause and J/K/L shuttle: a timer at the video's frame rate moves the playhead by `speed`
// frames per tick (negative plays backwards). The preview drops stale requests, so playback never
// queues more work than the engine can do. While playing forward at normal speed with sound, the
// sound's clock drives the playhead (setClock): each tick shows the frame the sound is at, so
// picture and sound stay within a frame of each other however the timer drifts.

#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

namespace cf::ui {

class PlaybackController : public QObject {
  Q_OBJECT
 public:
  static constexpr int kMaxShuttleSpeed = 8;

  explicit PlaybackController(QObject* parent = nullptr);

  /// Seconds from the video's first frame of what is heard now; nullopt while there is no sound.
  using Clock = std::function<std::optional<double>()>;

  void setFrameCount(qint64 frame_count, double fps);
  /// The sound's clock (AudioPlayback::positionS); empty: the timer alone drives playback.
  void setClock(Clock clock) { clock_ = std::move(clock); }
  double fps() const { return fps_; }
  /// The frame shown at time `t_s` from the first frame: floor(t_s * fps) (frame n is on screen
  /// from n / fps to (n + 1) / fps).
  static qint64 frameAtTime(double t_s, double fps);
  qint64 frame() const { return frame_; }
  /// Follows the playhead when something else moved it (no signal).
  void setFrame(qint64 frame);
  int speed() const { return speed_; }
  bool isPlaying() const { return speed_ != 0; }

 public Q_SLOTS:
  void togglePlay();
  void shuttleForward();
  void shuttleBackward();
  void pause();
  void step(int delta_frames);
  void goToStart();
  void goToEnd();
  /// One timer tick (the timer calls it; public for the tests).
  void tick();

 Q_SIGNALS:
  void frameRequested(qint64 frame);
  void playingChanged(bool playing);
  /// The shuttle speed changed (0 = paused; 1 = normal playback, the one with sound).
  void speedChanged(int speed);
  /// The playhead was moved by something else while playing (the sound must follow it).
  void movedWhilePlaying(qint64 frame);

 private:
  void setSpeed(int speed);
  void moveTo(qint64 frame);

  QTimer timer_;
  Clock clock_;
  double fps_ = 25.0;
  qint64 frame_count_ = 0;
  qint64 frame_ = 0;
  int speed_ = 0;
  int previous_speed_ = 0;
};

}  // namespace cf::ui
