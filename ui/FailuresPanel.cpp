#include "FailuresPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "CoreText.h"
#include "TimelineLayers.h"
#include "TimelineWidget.h"

namespace cf::ui {

namespace {

constexpr analysis::FlagKind kKinds[] = {analysis::FlagKind::Sepia, analysis::FlagKind::Desaturated,
                                         analysis::FlagKind::LowConfidence,
                                         analysis::FlagKind::Flicker, analysis::FlagKind::Motion};

bool sameRange(const pipeline::FailureRange& a, const pipeline::FailureRange& b) {
  return a.first_frame == b.first_frame && a.last_frame == b.last_frame && a.kind == b.kind &&
         a.why.code == b.why.code && a.why.value == b.why.value && a.why.limit == b.why.limit &&
         a.why.extra == b.why.extra;
}

}  // namespace

FailuresPanel::FailuresPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* view_row = new QHBoxLayout;
  kind_filter_ = new QComboBox(this);
  kind_filter_->setObjectName(QStringLiteral("failureKindFilter"));
  kind_filter_->addItem(QString(), -1);
  for (analysis::FlagKind kind : kKinds)
    kind_filter_->addItem(QString(), int(kind));
  sort_ = new QComboBox(this);
  sort_->setObjectName(QStringLiteral("failureSort"));
  sort_->addItem(QString(), int(SortOrder::Time));
  sort_->addItem(QString(), int(SortOrder::Severity));
  hide_ignored_ = new QCheckBox(this);
  view_row->addWidget(kind_filter_, 1);
  view_row->addWidget(sort_);
  view_row->addWidget(hide_ignored_);
  auto* mark_row = new QHBoxLayout;
  reviewed_button_ = new QPushButton(this);
  ignore_button_ = new QPushButton(this);
  clear_button_ = new QPushButton(this);
  mark_row->addWidget(reviewed_button_);
  mark_row->addWidget(ignore_button_);
  mark_row->addWidget(clear_button_);
  mark_row->addStretch(1);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  counts_ = new QLabel(this);
  counts_->setObjectName(QStringLiteral("failureCounts"));
  counts_->setWordWrap(true);
  tree_ = new QTreeWidget(this);
  tree_->setColumnCount(4);
  tree_->setRootIsDecorated(false);
  tree_->setUniformRowHeights(true);
  tree_->setSortingEnabled(false);
  tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  tree_->setContextMenuPolicy(Qt::CustomContextMenu);
  // The frames and their timecode are what a user scans the list by: never cut them short.
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(2, QHeaderView::Stretch);
  layout->addWidget(summary_);
  layout->addWidget(counts_);
  layout->addLayout(view_row);
  layout->addWidget(tree_, 1);
  layout->addLayout(mark_row);
  connect(tree_, &QTreeWidget::itemActivated, this, &FailuresPanel::onActivated);
  connect(tree_, &QTreeWidget::itemClicked, this, &FailuresPanel::onActivated);
  connect(tree_, &QWidget::customContextMenuRequested, this, &FailuresPanel::showContextMenu);
  connect(kind_filter_, &QComboBox::currentIndexChanged, this, [this] { refresh(false); });
  connect(sort_, &QComboBox::currentIndexChanged, this, [this] { refresh(false); });
  connect(hide_ignored_, &QCheckBox::toggled, this, [this] { refresh(false); });
  connect(reviewed_button_, &QPushButton::clicked, this,
          [this] { markSelected(ReviewStatus::Reviewed); });
  connect(ignore_button_, &QPushButton::clicked, this,
          [this] { markSelected(ReviewStatus::Ignored); });
  connect(clear_button_, &QPushButton::clicked, this, [this] { markSelected(std::nullopt); });
  retranslateUi();
}

void FailuresPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

QTreeWidgetItem* FailuresPanel::makeItem(const Row& row) const {
  const pipeline::FailureRange& f = row.range;
  auto* item = new QTreeWidgetItem;
  item->setText(0, QStringLiteral("%1-%2 (%3)")
                       .arg(f.first_frame)
                       .arg(f.last_frame)
                       .arg(timecode(f.first_frame, clock_)));
  item->setText(1, TimelineWidget::failureKindName(f.kind));
  item->setText(2, translatedFailureReason(f.why));
  item->setToolTip(2, item->text(2));
  if (row.review)
    item->setText(3, *row.review == ReviewStatus::Ignored ? tr("Ignored") : tr("Reviewed"));
  item->setForeground(1, failureColour(f.kind));
  if (row.review == ReviewStatus::Ignored)
    for (int c : {0, 2, 3})
      item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
  item->setData(0, Qt::UserRole, QVariant::fromValue<qint64>(f.first_frame));
  return item;
}

std::vector<FailuresPanel::Row> FailuresPanel::rowsToShow() const {
  const int kind = kind_filter_->currentData().toInt();
  std::vector<Row> rows;
  for (const auto& f : failures_) {
    if (kind >= 0 && int(f.kind) != kind)
      continue;
    Row row{f, reviewOf(reviews_, f)};
    if (hide_ignored_->isChecked() && row.review == ReviewStatus::Ignored)
      continue;
    rows.push_back(std::move(row));
  }
  // Time: the core's order (by first frame). Severity: the worst first.
  if (SortOrder(sort_->currentData().toInt()) == SortOrder::Severity)
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return a.range.severity > b.range.severity;
    });
  return rows;
}

void FailuresPanel::refresh(bool rebuild_all) {
  std::vector<Row> rows = rowsToShow();
  const size_t old_n = rebuild_all ? 0 : shown_.size();
  if (rebuild_all)
    tree_->clear();
  const size_t new_n = rows.size();
  auto same = [](const Row& a, const Row& b) {
    return sameRange(a.range, b.range) && a.review == b.review;
  };
  size_t head = 0;
  while (head < old_n && head < new_n && same(shown_[head], rows[head]))
    ++head;
  size_t tail = 0;
  while (tail < old_n - head && tail < new_n - head &&
         same(shown_[old_n - 1 - tail], rows[new_n - 1 - tail]))
    ++tail;
  const int removed = int(old_n - head - tail);
  for (int i = 0; i < removed; ++i)
    delete tree_->takeTopLevelItem(int(head));
  QList<QTreeWidgetItem*> items;
  for (size_t i = head; i < new_n - tail; ++i)
    items.append(makeItem(rows[i]));
  tree_->insertTopLevelItems(int(head), items);
  last_rows_changed_ = std::max(removed, int(items.size()));
  shown_ = std::move(rows);
  updateSummary();
}

void FailuresPanel::updateSummary() {
  const std::vector<int> counts = countPerKind(failures_);
  kind_filter_->setItemText(0, tr("All kinds (%1)").arg(failures_.size()));
  QStringList parts;
  for (int i = 0; i < int(std::size(kKinds)); ++i) {
    const int n = counts[size_t(kKinds[i])];
    const QString name = TimelineWidget::failureKindName(kKinds[i]);
    kind_filter_->setItemText(i + 1, QStringLiteral("%1 (%2)").arg(name).arg(n));
    if (n > 0)
      parts << QStringLiteral("%1 %2").arg(name).arg(n);
  }
  int marked = 0;
  for (const auto& f : failures_)
    marked += reviewOf(reviews_, f) ? 1 : 0;
  if (failures_.empty()) {
    summary_->setText(tr("No failures flagged so far"));
    counts_->clear();
    return;
  }
  summary_->setText(tr("%n flagged range(s)", nullptr, int(failures_.size())));
  counts_->setText(parts.join(QStringLiteral(", ")) + QStringLiteral("; ") +
                   tr("%1 marked").arg(marked));
}

void FailuresPanel::retranslateUi() {
  tree_->setHeaderLabels({tr("Frames"), tr("Kind"), tr("Reason"), tr("Mark")});
  sort_->setItemText(0, tr("By time"));
  sort_->setItemText(1, tr("By severity"));
  sort_->setToolTip(tr("Order of the list: by first frame, or the worst failures first"));
  kind_filter_->setToolTip(tr("Show only the failures of one kind"));
  hide_ignored_->setText(tr("Hide ignored"));
  reviewed_button_->setText(tr("Mark reviewed"));
  reviewed_button_->setToolTip(tr("Mark the selected failures as looked at"));
  ignore_button_->setText(tr("Ignore"));
  ignore_button_->setToolTip(tr("Mark the selected failures as acceptable (saved in the project)"));
  clear_button_->setText(tr("Clear mark"));
  refresh(true);  // every row's words change (a language switch, not a progress tick)
}

void FailuresPanel::setFailures(const std::vector<pipeline::FailureRange>& failures,
                                const TimecodeClock& clock) {
  const bool rebuild = clock != clock_;
  clock_ = clock;
  failures_ = failures;
  refresh(rebuild);
}

void FailuresPanel::setReviews(const std::vector<FailureReview>& reviews) {
  reviews_ = reviews;
  refresh(false);
}

void FailuresPanel::setKindFilter(std::optional<analysis::FlagKind> kind) {
  kind_filter_->setCurrentIndex(std::max(0, kind_filter_->findData(kind ? int(*kind) : -1)));
}

void FailuresPanel::setSortOrder(SortOrder order) {
  sort_->setCurrentIndex(sort_->findData(int(order)));
}

void FailuresPanel::setHideIgnored(bool hide) {
  hide_ignored_->setChecked(hide);
}

int FailuresPanel::count() const {
  return tree_->topLevelItemCount();
}

void FailuresPanel::setCurrentFrame(qint64 frame) {
  const QSignalBlocker block(tree_);
  for (int i = 0; i < int(shown_.size()); ++i) {
    const auto& r = shown_[size_t(i)].range;
    if (frame >= r.first_frame && frame <= r.last_frame) {
      tree_->setCurrentItem(tree_->topLevelItem(i));
      return;
    }
  }
  tree_->clearSelection();
}

void FailuresPanel::markSelected(std::optional<ReviewStatus> status) {
  std::vector<pipeline::FailureRange> picked;
  for (QTreeWidgetItem* item : tree_->selectedItems()) {
    const int row = tree_->indexOfTopLevelItem(item);
    if (row >= 0 && row < int(shown_.size()))
      picked.push_back(shown_[size_t(row)].range);
  }
  for (const auto& range : picked)
    Q_EMIT reviewRequested(range, status);
}

void FailuresPanel::showContextMenu(const QPoint& pos) {
  if (!tree_->itemAt(pos))
    return;
  QMenu menu(this);
  menu.setObjectName(QStringLiteral("failureMenu"));
  const qint64 frame = tree_->itemAt(pos)->data(0, Qt::UserRole).toLongLong();
  menu.addAction(tr("Add Keyframe Here"), this, [this, frame] { Q_EMIT keyframeRequested(frame); })
      ->setObjectName(QStringLiteral("addKeyframeHere"));
  menu.addSeparator();
  menu.addAction(tr("Mark reviewed"), this, [this] { markSelected(ReviewStatus::Reviewed); });
  menu.addAction(tr("Ignore"), this, [this] { markSelected(ReviewStatus::Ignored); });
  menu.addAction(tr("Clear mark"), this, [this] { markSelected(std::nullopt); });
  menu.exec(tree_->viewport()->mapToGlobal(pos));
}

void FailuresPanel::onActivated(QTreeWidgetItem* item) {
  if (item)
    Q_EMIT jumpRequested(item->data(0, Qt::UserRole).toLongLong());
}

}  // namespace cf::ui
