#pragma once
// A row of the Jobs dock (issue #15): the keyframe colour of a shot being propagated in the
// background for the preview, with its progress (frames propagated plus frames coloured, of twice
// the shot's length), an ETA as the other jobs have and a Cancel button; hidden while there is
// nothing to do. When a shot is ready and its keyframe colour fails to reach a stretch of it
// (guide/KeyframeReach), the row says where, with a button to go to the frame where another
// keyframe would help most.

#include <QWidget>

#include "common/Eta.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace cf::ui {

class GuideProgress : public QWidget {
  Q_OBJECT
 public:
  explicit GuideProgress(QWidget* parent = nullptr);
  /// `done` of `total` steps; total <= 0 hides the row (failed).
  void setProgress(qint64 done, qint64 total);
  /// The shot first..last is propagated: the row says so, with a full bar.
  void setShotReady(qint64 first, qint64 last);
  /// The shot's keyframe colour covers less than half of what its keyframes do in frames
  /// first..last, least at `weakest` (`share` of the picture): the row says so under "ready",
  /// with a button to go there (to add a reference or hints). Cleared by the next shot.
  void setReachGap(qint64 first, qint64 last, qint64 weakest, double share);
  /// The user stopped the propagation (the row says until when).
  void setStopped();
  QProgressBar* bar() const { return bar_; }
  QLabel* label() const { return label_; }
  QLabel* etaLabel() const { return eta_label_; }
  QPushButton* cancelButton() const { return cancel_; }
  QLabel* gapLabel() const { return gap_label_; }
  QPushButton* gapButton() const { return gap_button_; }

 Q_SIGNALS:
  void cancelRequested();
  /// "Go to frame N" of a reach gap.
  void frameRequested(qint64 frame);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void clearGap();
  /// Gives the wrapped gap text the height it needs at this width (the Jobs dock does not grow
  /// its rows by their height for width).
  void fitGapLabel();

  QLabel* label_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* eta_label_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QLabel* gap_label_ = nullptr;
  QPushButton* gap_button_ = nullptr;
  qint64 gap_frame_ = -1;
  Eta eta_;
  bool running_ = false;
};

}  // namespace cf::ui
