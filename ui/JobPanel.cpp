#include "JobPanel.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

#include "CoreText.h"
#include "JobQueue.h"

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
  analysis_label_ = new QLabel(this);
  analysis_label_->setObjectName(QStringLiteral("analysisLabel"));
  analysis_label_->setWordWrap(true);
  analysis_bar_ = new QProgressBar(this);
  analysis_bar_->setObjectName(QStringLiteral("analysisProgress"));
  analysis_bar_->setRange(0, 1000);
  analysis_bar_->setValue(0);
  layout->addWidget(analysis_label_);
  layout->addWidget(analysis_bar_);
  jobs_header_ = new QLabel(this);
  layout->addWidget(jobs_header_);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* list = new QWidget(scroll);
  jobs_layout_ = new QVBoxLayout(list);
  jobs_layout_->setContentsMargins(0, 0, 0, 0);
  jobs_layout_->addStretch(1);
  scroll->setWidget(list);
  layout->addWidget(scroll, 1);
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
  jobs_header_->setText(tr("Exports"));
  setAnalysisProgress(analysed_, analysis_total_);
  for (const auto& [id, row] : rows_) {
    row.cancel->setText(tr("Cancel"));
    row.open_folder->setText(tr("Open Folder"));
    updateJobRow(id);
  }
}

void JobPanel::setQueue(JobQueue* queue) {
  queue_ = queue;
  connect(queue_, &JobQueue::jobAdded, this, &JobPanel::addJobRow);
  connect(queue_, &JobQueue::jobChanged, this, &JobPanel::updateJobRow);
}

QWidget* JobPanel::jobRow(int id) const {
  const auto it = rows_.find(id);
  return it == rows_.end() ? nullptr : it->second.widget;
}

void JobPanel::addJobRow(int id) {
  JobRow row;
  row.widget = new QFrame(this);
  row.widget->setObjectName(QStringLiteral("job_%1").arg(id));
  static_cast<QFrame*>(row.widget)->setFrameShape(QFrame::StyledPanel);
  auto* layout = new QVBoxLayout(row.widget);
  row.title = new QLabel(row.widget);
  row.title->setWordWrap(true);
  row.bar = new QProgressBar(row.widget);
  row.bar->setObjectName(QStringLiteral("jobProgress"));
  row.bar->setRange(0, 0);
  row.status = new QLabel(row.widget);
  row.status->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  row.cancel = new QPushButton(tr("Cancel"), row.widget);
  row.cancel->setObjectName(QStringLiteral("jobCancel"));
  row.open_folder = new QPushButton(tr("Open Folder"), row.widget);
  row.open_folder->setObjectName(QStringLiteral("jobOpenFolder"));
  row.open_folder->setEnabled(false);
  buttons->addStretch(1);
  buttons->addWidget(row.cancel);
  buttons->addWidget(row.open_folder);
  layout->addWidget(row.title);
  layout->addWidget(row.bar);
  layout->addWidget(row.status);
  layout->addLayout(buttons);
  connect(row.cancel, &QPushButton::clicked, this, [this, id] {
    if (queue_)
      queue_->cancel(id);
  });
  connect(row.open_folder, &QPushButton::clicked, this, [this, id] {
    if (const JobStatus* j = queue_ ? queue_->job(id) : nullptr)
      QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(j->output_path).absolutePath()));
  });
  jobs_layout_->insertWidget(0, row.widget);  // newest first
  rows_[id] = row;
  updateJobRow(id);
}

void JobPanel::updateJobRow(int id) {
  const auto it = rows_.find(id);
  const JobStatus* j = queue_ ? queue_->job(id) : nullptr;
  if (it == rows_.end() || !j)
    return;
  const JobRow& row = it->second;
  row.title->setText(tr("Export to %1").arg(QFileInfo(j->output_path).fileName()));
  row.title->setToolTip(j->output_path);
  row.cancel->setEnabled(!j->finished());
  row.open_folder->setEnabled(j->state == JobStatus::State::Done);
  showJobProgress(*j, row.bar);
  switch (j->state) {
    case JobStatus::State::Queued:
      row.status->setText(tr("Waiting for the exports before it"));
      return;
    case JobStatus::State::Running: {
      const auto left = j->eta.secondsLeft();
      const QString eta =
          left ? tr("ETA %1").arg(QString::fromStdString(Eta::format(*left))) : QString();
      row.status->setText(
          j->stage.isEmpty() ? eta : translatedStage(j->stage) + QStringLiteral("  ") + eta);
      return;
    }
    case JobStatus::State::Done:
    case JobStatus::State::Failed:
    case JobStatus::State::Cancelled:
      row.status->setText(j->message);
      return;
  }
}

void JobPanel::showJobProgress(const JobStatus& j, QProgressBar* bar) {
  const auto fraction = [&] {
    return j.total > 0 ? int(1000.0 * double(std::min(j.done, j.total)) / double(j.total)) : 0;
  };
  switch (j.state) {
    case JobStatus::State::Queued:
      bar->setRange(0, 0);
      return;
    case JobStatus::State::Running:
      if (j.total > 0) {
        bar->setRange(0, 1000);
        bar->setValue(fraction());
        bar->setFormat(QStringLiteral("%1 %p%").arg(translatedStage(j.stage)));
      }
      return;
    case JobStatus::State::Done:
      bar->setRange(0, 1000);
      bar->setValue(1000);
      bar->setFormat(QStringLiteral("%p%"));
      return;
    case JobStatus::State::Failed:
    case JobStatus::State::Cancelled:
      bar->setRange(0, 1000);
      // How far the frames got; a scan that had finished before the stop is not a full bar.
      bar->setValue(j.stage == QLatin1String("export") ? fraction() : 0);
      bar->setFormat(j.state == JobStatus::State::Cancelled ? tr("Cancelled at %p%")
                                                            : tr("Failed at %p%"));
      return;
  }
}

void JobPanel::setAnalysisProgress(qint64 analysed, qint64 total) {
  if (analysed < 0 || total <= 0) {
    analysis_label_->setText(tr("Analysis: no video open"));
    analysis_bar_->setValue(0);
    analysis_bar_->setFormat(QStringLiteral("%p%"));
    return;
  }
  if (total != analysis_total_ || analysed < analysed_)
    analysis_eta_.newStage();  // another video, or the analysis starts again (new model)
  analysed_ = analysed;
  analysis_total_ = total;
  analysis_eta_.update(analysed, total);
  analysis_bar_->setValue(int(1000.0 * double(std::min(analysed, total)) / double(total)));
  analysis_bar_->setFormat(QStringLiteral("%1 / %2").arg(analysed).arg(total));
  if (analysed >= total) {
    analysis_label_->setText(tr("Analysis complete: %n frame(s)", nullptr, int(total)));
    return;
  }
  const auto left = analysis_eta_.secondsLeft();
  analysis_label_->setText(left ? tr("Analysing in the background, ETA %1")
                                      .arg(QString::fromStdString(Eta::format(*left)))
                                : tr("Analysing in the background"));
}

void JobPanel::addEngineRow(QWidget* row) {
  auto* box = static_cast<QVBoxLayout*>(layout());
  box->insertWidget(box->indexOf(analysis_bar_) + 1, row);
}

void JobPanel::startJob(const QString& title) {
  eta_ = Eta();
  eta_.newStage();  // the time to the first report counts
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

void JobPanel::finishJob(const QString& message, bool completed) {
  running_ = false;
  has_job_ = true;
  title_->setText(message);
  bar_->setRange(0, 1000);
  bar_->setValue(completed ? 1000 : 0);
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
