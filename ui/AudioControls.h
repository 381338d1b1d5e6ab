#pragma once
// Mute button and volume slider for the preview's sound (in the status bar). Shows "no sound"
// when the video has none or no output device exists.

#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace cf::ui {

class AudioControls : public QWidget {
  Q_OBJECT
 public:
  explicit AudioControls(QWidget* parent = nullptr);

  /// Whether there is sound to control; `why_not` is shown as the tooltip when there is none.
  void setAvailable(bool available, const QString& why_not = QString());
  bool isMuted() const;
  /// 0..1.
  double volume() const;
  QToolButton* muteButton() const { return mute_; }
  QSlider* volumeSlider() const { return volume_; }

 Q_SIGNALS:
  void mutedChanged(bool muted);
  void volumeChanged(double volume);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();

  QToolButton* mute_ = nullptr;
  QSlider* volume_ = nullptr;
  bool available_ = false;
  QString why_not_;
};

}  // namespace cf::ui
