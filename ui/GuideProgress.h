#pragma once
// A row of the Jobs dock (issue #15): the keyframe colour of a shot being propagated in the
// background for the preview, with its progress (frames propagated plus frames coloured, of twice
// the shot's length), an ETA as the other jobs have and a Cancel button; hidden while there is
// nothing to do.

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
  /// The user stopped the propagation (the row says until when).
  void setStopped();
  QProgressBar* bar() const { return bar_; }
  QLabel* label() const { return label_; }
  QLabel* etaLabel() const { return eta_label_; }
  QPushButton* cancelButton() const { return cancel_; }

 Q_SIGNALS:
  void cancelRequested();

 private:
  QLabel* label_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* eta_label_ = nullptr;
  QPushButton* cancel_ = nullptr;
  Eta eta_;
  bool running_ = false;
};

}  // namespace cf::ui
