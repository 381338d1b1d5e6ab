#pragma once
// Failures dock: the flagged frame ranges with their reasons; activating one jumps to it. A new
// list replaces only the rows that changed (an analysis chunk touches a few ranges of hundreds),
// so updating it during a long film's analysis costs the GUI next to nothing.

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
  /// Rows rebuilt by the last setFailures() (for the tests and the benchmark).
  int lastRowsChanged() const { return last_rows_changed_; }
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
  QTreeWidgetItem* makeItem(const pipeline::FailureRange& f) const;
  void retranslateUi();

  QTreeWidget* tree_ = nullptr;
  QLabel* summary_ = nullptr;
  std::vector<pipeline::FailureRange> failures_;
  double fps_ = 25.0;
  int last_rows_changed_ = 0;
};

}  // namespace cf::ui
