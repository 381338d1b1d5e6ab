#pragma once
// Play/pause and J/K/L shuttle: a timer at the video's frame rate moves the playhead by `speed`
// frames per tick (negative plays backwards). The preview drops stale requests, so playback never
// queues more work than the engine can do.

#include <QObject>
#include <QTimer>

namespace cf::ui {

class PlaybackController : public QObject {
  Q_OBJECT
 public:
  static constexpr int kMaxShuttleSpeed = 8;

  explicit PlaybackController(QObject* parent = nullptr);

  void setFrameCount(qint64 frame_count, double fps);
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

 Q_SIGNALS:
  void frameRequested(qint64 frame);
  void playingChanged(bool playing);

 private:
  void setSpeed(int speed);
  void moveTo(qint64 frame);
  void tick();

  QTimer timer_;
  qint64 frame_count_ = 0;
  qint64 frame_ = 0;
  int speed_ = 0;
};

}  // namespace cf::ui
