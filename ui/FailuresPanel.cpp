#include "FailuresPanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "CoreText.h"
#include "TimelineLayers.h"
#include "TimelineWidget.h"

namespace cf::ui {

FailuresPanel::FailuresPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  summary_ = new QLabel(this);
  tree_ = new QTreeWidget(this);
  tree_->setColumnCount(3);
  tree_->setRootIsDecorated(false);
  tree_->setUniformRowHeights(true);
  tree_->setSortingEnabled(false);
  tree_->header()->setSectionResizeMode(2, QHeaderView::Stretch);
  layout->addWidget(summary_);
  layout->addWidget(tree_, 1);
  connect(tree_, &QTreeWidget::itemActivated, this, &FailuresPanel::onActivated);
  connect(tree_, &QTreeWidget::itemClicked, this, &FailuresPanel::onActivated);
  retranslateUi();
}

void FailuresPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

namespace {
bool sameRange(const pipeline::FailureRange& a, const pipeline::FailureRange& b) {
  return a.first_frame == b.first_frame && a.last_frame == b.last_frame && a.kind == b.kind &&
         a.why.code == b.why.code && a.why.value == b.why.value && a.why.limit == b.why.limit &&
         a.why.extra == b.why.extra;
}
}  // namespace

QTreeWidgetItem* FailuresPanel::makeItem(const pipeline::FailureRange& f) const {
  auto* item = new QTreeWidgetItem;
  item->setText(0, QStringLiteral("%1-%2 (%3)")
                       .arg(f.first_frame)
                       .arg(f.last_frame)
                       .arg(timecode(f.first_frame, fps_)));
  item->setText(1, TimelineWidget::failureKindName(f.kind));
  item->setText(2, translatedFailureReason(f.why));
  item->setToolTip(2, item->text(2));
  item->setForeground(1, failureColour(f.kind));
  item->setData(0, Qt::UserRole, QVariant::fromValue<qint64>(f.first_frame));
  return item;
}

void FailuresPanel::retranslateUi() {
  // Every row's words change: rebuild them all (a language switch, not a progress tick).
  tree_->setHeaderLabels({tr("Frames"), tr("Kind"), tr("Reason")});
  tree_->clear();
  QList<QTreeWidgetItem*> items;
  for (const auto& f : failures_)
    items.append(makeItem(f));
  tree_->addTopLevelItems(items);
  summary_->setText(failures_.empty() ? tr("No failures flagged so far")
                                      : tr("%n flagged range(s)", nullptr, int(failures_.size())));
}

void FailuresPanel::setFailures(const std::vector<pipeline::FailureRange>& failures, double fps) {
  if (fps != fps_) {
    fps_ = fps;
    failures_ = failures;
    retranslateUi();
    last_rows_changed_ = int(failures_.size());
    return;
  }
  // Only the rows between the unchanged head and the unchanged tail are replaced.
  const size_t old_n = failures_.size();
  const size_t new_n = failures.size();
  size_t head = 0;
  while (head < old_n && head < new_n && sameRange(failures_[head], failures[head]))
    ++head;
  size_t tail = 0;
  while (tail < old_n - head && tail < new_n - head &&
         sameRange(failures_[old_n - 1 - tail], failures[new_n - 1 - tail]))
    ++tail;
  const int removed = int(old_n - head - tail);
  for (int i = 0; i < removed; ++i)
    delete tree_->takeTopLevelItem(int(head));
  QList<QTreeWidgetItem*> items;
  for (size_t i = head; i < new_n - tail; ++i)
    items.append(makeItem(failures[i]));
  tree_->insertTopLevelItems(int(head), items);
  last_rows_changed_ = std::max(removed, int(items.size()));
  failures_ = failures;
  if (old_n != new_n || old_n == 0)
    summary_->setText(failures_.empty()
                          ? tr("No failures flagged so far")
                          : tr("%n flagged range(s)", nullptr, int(failures_.size())));
}

int FailuresPanel::count() const {
  return tree_->topLevelItemCount();
}

void FailuresPanel::setCurrentFrame(qint64 frame) {
  const QSignalBlocker block(tree_);
  for (int i = 0; i < int(failures_.size()); ++i) {
    if (frame >= failures_[size_t(i)].first_frame && frame <= failures_[size_t(i)].last_frame) {
      tree_->setCurrentItem(tree_->topLevelItem(i));
      return;
    }
  }
  tree_->clearSelection();
}

void FailuresPanel::onActivated(QTreeWidgetItem* item) {
  if (item)
    Q_EMIT jumpRequested(item->data(0, Qt::UserRole).toLongLong());
}

}  // namespace cf::ui
