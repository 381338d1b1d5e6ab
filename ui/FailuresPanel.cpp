#include "FailuresPanel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

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
  setFailures({}, 25.0);
}

void FailuresPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    setFailures(std::vector<pipeline::FailureRange>(failures_), fps_);
  QWidget::changeEvent(event);
}

void FailuresPanel::setFailures(const std::vector<pipeline::FailureRange>& failures, double fps) {
  failures_ = failures;
  fps_ = fps;
  tree_->setHeaderLabels({tr("Frames"), tr("Kind"), tr("Reason")});
  tree_->clear();
  QList<QTreeWidgetItem*> items;
  for (const auto& f : failures_) {
    auto* item = new QTreeWidgetItem;
    item->setText(0, QStringLiteral("%1-%2 (%3)")
                         .arg(f.first_frame)
                         .arg(f.last_frame)
                         .arg(timecode(f.first_frame, fps)));
    item->setText(1, TimelineWidget::failureKindName(f.kind));
    item->setText(2, translatedFailureReason(f.reason));
    item->setToolTip(2, item->text(2));
    item->setForeground(1, failureColour(f.kind));
    item->setData(0, Qt::UserRole, QVariant::fromValue<qint64>(f.first_frame));
    items.append(item);
  }
  tree_->addTopLevelItems(items);
  summary_->setText(failures_.empty() ? tr("No failures flagged so far")
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
