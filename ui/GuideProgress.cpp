#include "GuideProgress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>

namespace cf::ui {

GuideProgress::GuideProgress(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("guideProgress"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  bar_ = new QProgressBar(this);
  bar_->setObjectName(QStringLiteral("guideProgressBar"));
  bar_->setRange(0, 1000);
  auto* row = new QHBoxLayout;
  eta_label_ = new QLabel(this);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setObjectName(QStringLiteral("guideCancel"));
  row->addWidget(eta_label_, 1);
  row->addWidget(cancel_);
  gap_label_ = new QLabel(this);
  gap_label_->setObjectName(QStringLiteral("guideGap"));
  gap_label_->setWordWrap(true);
  gap_button_ = new QPushButton(this);
  gap_button_->setObjectName(QStringLiteral("guideGapGo"));
  layout->addWidget(label_);
  layout->addWidget(bar_);
  layout->addLayout(row);
  layout->addWidget(gap_label_);
  layout->addWidget(gap_button_, 0, Qt::AlignLeft);
  clearGap();
  connect(gap_button_, &QPushButton::clicked, this, [this] {
    if (gap_frame_ >= 0)
      Q_EMIT frameRequested(gap_frame_);
  });
  connect(cancel_, &QPushButton::clicked, this, [this] {
    cancel_->setEnabled(false);
    Q_EMIT cancelRequested();
  });
  hide();
}

void GuideProgress::setProgress(qint64 done, qint64 total) {
  if (total <= 0) {
    running_ = false;
    hide();
    return;
  }
  if (!running_ && done >= total)
    return;  // the last report of a shot said ready (or stopped) already
  if (!running_) {
    clearGap();
    eta_ = Eta();
    eta_.newStage();  // the time to the first report counts
    running_ = true;
  }
  eta_.update(done, total);
  label_->setText(tr("Keyframe colour: propagating through the shot"));
  bar_->setValue(int(1000.0 * double(std::min(done, total)) / double(total)));
  bar_->setFormat(QStringLiteral("%p%"));
  const auto left = eta_.secondsLeft();
  eta_label_->setText(left ? tr("ETA %1").arg(QString::fromStdString(Eta::format(*left)))
                           : QString());
  cancel_->setVisible(true);
  cancel_->setEnabled(done < total);
  show();
}

void GuideProgress::setShotReady(qint64 first, qint64 last) {
  running_ = false;
  clearGap();
  label_->setText(tr("Keyframe colour of frames %1 to %2 is ready").arg(first).arg(last));
  bar_->setValue(1000);
  bar_->setFormat(QStringLiteral("%p%"));
  eta_label_->clear();
  cancel_->setVisible(false);
  show();
}

void GuideProgress::setReachGap(qint64 first, qint64 last, qint64 weakest, double share) {
  gap_frame_ = weakest;
  gap_label_->setText(tr("It reaches less than half of frames %1 to %2 (at frame %3 only %4 % of "
                         "the picture), where the network guesses the colour: a reference or hints "
                         "there would help.")
                          .arg(first)
                          .arg(last)
                          .arg(weakest)
                          .arg(qRound(100.0 * share)));
  gap_button_->setText(tr("Go to Frame %1").arg(weakest));
  gap_label_->show();
  gap_button_->show();
  show();
  fitGapLabel();
}

void GuideProgress::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitGapLabel();
}

void GuideProgress::fitGapLabel() {
  if (gap_label_->text().isEmpty()) {
    gap_label_->setMinimumHeight(0);
    return;
  }
  const int width = std::max(80, contentsRect().width());
  gap_label_->setMinimumHeight(gap_label_->heightForWidth(width));
}

void GuideProgress::clearGap() {
  gap_frame_ = -1;
  gap_label_->clear();
  gap_label_->setMinimumHeight(0);
  gap_label_->hide();
  gap_button_->hide();
}

void GuideProgress::setStopped() {
  running_ = false;
  label_->setText(
      tr("Keyframe colour stopped: the shot previews without it until a keyframe or hint changes"));
  bar_->setFormat(tr("Stopped at %p%"));
  eta_label_->clear();
  cancel_->setVisible(false);
  show();
}

}  // namespace cf::ui
