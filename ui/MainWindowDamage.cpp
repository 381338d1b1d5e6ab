// MainWindow: damaged and truncated files (issue #16, feature 4). A truncated file is not refused
// without a word: the window offers to open the frames that can be read, with a warning of what
// is missing. A file that decodes with damaged frames says so, with the count and the first one.
// A file whose timestamps jump back (issue #20) is offered fresh timestamps through a copy.

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "JobPanel.h"
#include "MainWindow.h"
#include "RetimeJob.h"
#include "SessionController.h"
#include "TimelineLayers.h"

namespace cf::ui {

void MainWindow::offerAfterFailedOpen(const OpenOffer& offer) {
  opening_ = false;
  const ProjectData data = pending_.value_or(ProjectData{});
  const QString project_file = pending_file_;
  pending_.reset();
  pending_file_.clear();
  job_panel_->finishJob(tr("Could not open the video"), false);
  auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Chromaflow"), offer.text,
                              QMessageBox::NoButton, this);
  box->setObjectName(offer.box_name);
  box->setInformativeText(offer.informative);
  box->setDetailedText(offer.details);
  QPushButton* accept = box->addButton(offer.button_text, QMessageBox::AcceptRole);
  accept->setObjectName(offer.button_name);
  box->addButton(QMessageBox::Cancel);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::buttonClicked, this,
          [this, accept, data, project_file, then = offer.accepted](QAbstractButton* button) {
            if (button != accept) {
              statusBar()->showMessage(tr("Could not open the video"), 10000);
              return;
            }
            then(data, project_file);
          });
  box->open();  // not modal for the event loop: neither the GUI nor a test waits on it
  damage_box_ = box;
}

void MainWindow::onOpenTruncated(const QString& path, qint64 readable_frames, qint64 listed_frames,
                                 const QString& message) {
  OpenOffer offer;
  offer.box_name = QStringLiteral("truncatedBox");
  offer.text = tr("\"%1\" is truncated: the file ends before the film does.")
                   .arg(QFileInfo(path).fileName());
  offer.informative =
      (listed_frames > 0 ? tr("Only the first %1 of its %2 frames can be read.")
                               .arg(readable_frames)
                               .arg(listed_frames)
                         : tr("Only its first %1 frames can be read.").arg(readable_frames)) +
      QLatin1Char(' ') +
      tr("You can open and export that part; the rest of the film is not in the file. A "
         "complete copy of the video gives the whole film.");
  offer.details = message;
  offer.button_text = tr("Open the Readable Part");
  offer.button_name = QStringLiteral("openReadablePart");
  offer.accepted = [this, path](const ProjectData& data, const QString& project_file) {
    ProjectData readable = data;
    readable.settings.input.readable_part = true;
    beginOpen(path, readable, project_file);
  };
  offerAfterFailedOpen(offer);
}

void MainWindow::onOpenTimestampsJump(const QString& path, qint64 jumps, const QString& message) {
  OpenOffer offer;
  offer.box_name = QStringLiteral("timestampsBox");
  offer.text = tr("The timestamps of \"%1\" jump back %n time(s), so the order of its frames "
                  "cannot be told from them.",
                  nullptr, int(std::min<qint64>(jumps, 1 << 30)))
                   .arg(QFileInfo(path).fileName());
  offer.informative =
      tr("This happens to parts joined into one file, or to a recorder whose clock was reset. "
         "Chromaflow can give the frames fresh timestamps in the order they are stored, through a "
         "lossless copy in its cache folder, and open that. The original file is not changed; "
         "the copy has no sound.");
  offer.details = message;
  offer.button_text = tr("Regenerate Timestamps");
  offer.button_name = QStringLiteral("regenerateTimestamps");
  offer.accepted = [this, path](const ProjectData& data, const QString& project_file) {
    startRetime(path, data, project_file);
  };
  offerAfterFailedOpen(offer);
}

void MainWindow::startRetime(const QString& path, const ProjectData& data,
                             const QString& project_file) {
  if (retime_)
    retime_->deleteLater();  // cancels and waits: one copy at a time
  auto* job = new RetimeJob(path, data.settings, this);
  retime_ = job;
  job_panel_->startJob(tr("Giving %1 fresh timestamps…").arg(QFileInfo(path).fileName()));
  job_panel_->cancelButton()->setEnabled(true);
  connect(job_panel_, &JobPanel::cancelRequested, job, &RetimeJob::cancel);
  connect(job, &RetimeJob::progress, this, [this](qint64 done, qint64 total) {
    job_panel_->setProgress(done, total, tr("fresh timestamps"));
  });
  connect(
      job, &RetimeJob::finished, this,
      [this, job, data, project_file](const QString& copy, const QString& message, bool cancelled) {
        job->deleteLater();
        if (copy.isEmpty()) {
          job_panel_->finishJob(cancelled ? tr("Cancelled") : tr("Could not open the video"),
                                false);
          if (!cancelled)
            showError(message, tr("Could not give the video fresh timestamps"));
          return;
        }
        beginOpen(copy, data, project_file);
      });
  job->start();
}

void MainWindow::warnAboutDamage(const pipeline::SessionInfo& info) {
  const QString path = QString::fromStdString(info.path);
  if (info.damaged_frames <= 0 || damage_warned_for_ == path)
    return;
  damage_warned_for_ = path;
  const QString first = QStringLiteral("%1 (%2)")
                            .arg(info.first_damaged_frame)
                            .arg(timecode(info.first_damaged_frame, info.timecodeClock()));
  const QString text = tr("\"%1\" has %n damaged frame(s); the first is frame %2.", nullptr,
                          int(std::min<int64_t>(info.damaged_frames, 1 << 30)))
                           .arg(QFileInfo(path).fileName(), first);
  statusBar()->showMessage(text, 20000);
  auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Chromaflow"), text,
                              QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("damageBox"));
  box->setInformativeText(
      tr("The decoder hid the damage as well as it could, or repeated the frame before. Check "
         "those frames in the preview; the colours follow what the damaged pictures show."));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
  damage_box_ = box;
}

}  // namespace cf::ui
