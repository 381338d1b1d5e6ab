#pragma once
// Failures dock: the flagged frame ranges with their reasons; activating one jumps to it. Triage:
// filter by kind (with the count of each kind), sort by time or severity, hide ignored ranges, and
// mark ranges reviewed or ignored. The marks live in the Project (undoable, saved in the project
// file): the panel asks for a mark with reviewRequested() and shows what setReviews() gives it.
// A new list replaces only the rows that changed (an analysis chunk touches a few ranges of
// hundreds), so updating it during a long film's analysis costs the GUI next to nothing.

#include <QWidget>
#include <optional>
#include <vector>

#include "FailureReview.h"
#include "pipeline/SessionTypes.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cf::ui {

class FailuresPanel : public QWidget {
  Q_OBJECT
 public:
  enum class SortOrder { Time, Severity };

  explicit FailuresPanel(QWidget* parent = nullptr);

  void setFailures(const std::vector<pipeline::FailureRange>& failures, const TimecodeClock& clock);
  /// The project's triage marks (Project::failureReviews()).
  void setReviews(const std::vector<FailureReview>& reviews);
  /// Shows only ranges of `kind` (nullopt: all kinds).
  void setKindFilter(std::optional<analysis::FlagKind> kind);
  void setSortOrder(SortOrder order);
  void setHideIgnored(bool hide);
  /// Rows rebuilt by the last update (for the tests and the benchmark).
  int lastRowsChanged() const { return last_rows_changed_; }
  /// Rows shown (after the filter).
  int count() const;
  /// The range shown in `row`.
  const pipeline::FailureRange& shownRange(int row) const { return shown_[size_t(row)].range; }
  /// Highlights the failure that contains `frame` (no signal).
  void setCurrentFrame(qint64 frame);
  QTreeWidget* tree() const { return tree_; }
  QLabel* summary() const { return summary_; }
  /// "Sepia 1, Heavy motion 2; 1 marked": the ranges per kind and how many carry a mark.
  QLabel* counts() const { return counts_; }

 Q_SIGNALS:
  void jumpRequested(qint64 frame);
  /// "Add Keyframe Here" on a flagged range (issue #15): the window goes there with the hint tool.
  void keyframeRequested(qint64 frame);
  /// The user marked the selected range(s) (nullopt: cleared the mark).
  void reviewRequested(const cf::pipeline::FailureRange& range,
                       std::optional<cf::ui::ReviewStatus> status);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Row {
    pipeline::FailureRange range;
    std::optional<ReviewStatus> review;
  };
  void onActivated(QTreeWidgetItem* item);
  void markSelected(std::optional<ReviewStatus> status);
  void showContextMenu(const QPoint& pos);
  QTreeWidgetItem* makeItem(const Row& row) const;
  std::vector<Row> rowsToShow() const;
  /// Replaces the rows between the unchanged head and tail; `rebuild_all` after a language or
  /// frame-rate change.
  void refresh(bool rebuild_all);
  void updateSummary();
  void retranslateUi();

  QComboBox* kind_filter_ = nullptr;
  QComboBox* sort_ = nullptr;
  QCheckBox* hide_ignored_ = nullptr;
  QPushButton* reviewed_button_ = nullptr;
  QPushButton* ignore_button_ = nullptr;
  QPushButton* clear_button_ = nullptr;
  QTreeWidget* tree_ = nullptr;
  QLabel* summary_ = nullptr;
  QLabel* counts_ = nullptr;
  std::vector<pipeline::FailureRange> failures_;
  std::vector<FailureReview> reviews_;
  std::vector<Row> shown_;
  TimecodeClock clock_;
  int last_rows_changed_ = 0;
};

}  // namespace cf::ui
