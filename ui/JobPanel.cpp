#include "JobPanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "CoreText.h"

namespace cf::ui {

JobPanel::JobPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  bar_ = new QProgressBar(this);
  bar_->setRange(0, 1000);
  bar_->setValue(0);
  auto* row = new QHBoxLayout;
  eta_label_ = new QLabel(this);
  cancel_ = new QPushButton(this);
  cancel_->setEnabled(false);
  row->addWidget(eta_label_, 1);
  row->addWidget(cancel_);
  layout->addWidget(title_);
  layout->addWidget(bar_);
  layout->addLayout(row);
  layout->addStretch(1);
  connect(cancel_, &QPushButton::clicked, this, [this] {
    cancel_->setEnabled(false);
    title_->setText(tr("Cancelling…"));
    Q_EMIT cancelRequested();
  });
  retranslateUi();
}

void JobPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void JobPanel::retranslateUi() {
  cancel_->setText(tr("Cancel"));
  if (!running_ && !has_job_)
    title_->setText(tr("Idle"));
}

void JobPanel::startJob(const QString& title) {
  eta_ = Eta();
  running_ = true;
  has_job_ = true;
  title_->setText(title);
  bar_->setRange(0, 0);  // busy until the first progress report
  eta_label_->clear();
  cancel_->setEnabled(true);
}

void JobPanel::setProgress(qint64 done, qint64 total, const QString& stage) {
  if (!running_)
    return;
  eta_.update(done, total);
  if (total > 0) {
    bar_->setRange(0, 1000);
    bar_->setValue(int(1000.0 * double(done) / double(total)));
    bar_->setFormat(QStringLiteral("%1 / %2").arg(done).arg(total));
  }
  eta_label_->setText(stage.isEmpty() ? etaText()
                                      : translatedStage(stage) + QStringLiteral("  ") + etaText());
}

void JobPanel::finishJob(const QString& message) {
  running_ = false;
  has_job_ = true;
  title_->setText(message);
  bar_->setRange(0, 1000);
  bar_->setValue(1000);
  bar_->setFormat(QStringLiteral("%p%"));
  eta_label_->clear();
  cancel_->setEnabled(false);
}

QString JobPanel::etaText() const {
  const auto left = eta_.secondsLeft();
  if (!left)
    return {};
  return tr("ETA %1").arg(QString::fromStdString(Eta::format(*left)));
}

}  // namespace cf::ui
