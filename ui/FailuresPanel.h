#pragma once
// Failures dock: the flagged frame ranges with their reasons; activating one jumps to it.

#include <QWidget>
#include <vector>

#include "pipeline/SessionTypes.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace cf::ui {

class FailuresPanel : public QWidget {
  Q_OBJECT
 public:
  explicit FailuresPanel(QWidget* parent = nullptr);

  void setFailures(const std::vector<pipeline::FailureRange>& failures, double fps);
  int count() const;
  /// Highlights the failure that contains `frame` (no signal).
  void setCurrentFrame(qint64 frame);
  QTreeWidget* tree() const { return tree_; }

 Q_SIGNALS:
  void jumpRequested(qint64 frame);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void onActivated(QTreeWidgetItem* item);

  QTreeWidget* tree_ = nullptr;
  QLabel* summary_ = nullptr;
  std::vector<pipeline::FailureRange> failures_;
  double fps_ = 25.0;
};

}  // namespace cf::ui
