#pragma once
// A row of the Jobs dock (issue #15): the keyframe colour of a shot being propagated in the
// background for the preview, with its progress; hidden while there is nothing to do.

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cf::ui {

class GuideProgress : public QWidget {
  Q_OBJECT
 public:
  explicit GuideProgress(QWidget* parent = nullptr);
  /// `done` of `total` steps; total <= 0 hides the row (stopped or failed).
  void setProgress(qint64 done, qint64 total);
  /// The shot first..last is propagated: the row says so, with a full bar.
  void setShotReady(qint64 first, qint64 last);
  QProgressBar* bar() const { return bar_; }
  QLabel* label() const { return label_; }

 private:
  QLabel* label_ = nullptr;
  QProgressBar* bar_ = nullptr;
};

}  // namespace cf::ui
