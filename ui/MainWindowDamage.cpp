// MainWindow: damaged and truncated files (issue #16, feature 4). A truncated file is not refused
// without a word: the window offers to open the frames that can be read, with a warning of what
// is missing. A file that decodes with damaged frames says so, with the count and the first one.

#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "JobPanel.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "TimelineLayers.h"

namespace cf::ui {

void MainWindow::onOpenTruncated(const QString& path, qint64 readable_frames, qint64 listed_frames,
                                 const QString& message) {
  opening_ = false;
  const ProjectData data = pending_.value_or(ProjectData{});
  const QString project_file = pending_file_;
  pending_.reset();
  pending_file_.clear();
  job_panel_->finishJob(tr("Could not open the video"), false);
  const QString name = QFileInfo(path).fileName();
  auto* box =
      new QMessageBox(QMessageBox::Warning, QStringLiteral("Chromaflow"),
                      tr("\"%1\" is truncated: the file ends before the film does.").arg(name),
                      QMessageBox::NoButton, this);
  box->setObjectName(QStringLiteral("truncatedBox"));
  box->setInformativeText(
      (listed_frames > 0 ? tr("Only the first %1 of its %2 frames can be read.")
                               .arg(readable_frames)
                               .arg(listed_frames)
                         : tr("Only its first %1 frames can be read.").arg(readable_frames)) +
      QLatin1Char(' ') +
      tr("You can open and export that part; the rest of the film is not in the file. A "
         "complete copy of the video gives the whole film."));
  box->setDetailedText(message);
  QPushButton* open_part = box->addButton(tr("Open the Readable Part"), QMessageBox::AcceptRole);
  open_part->setObjectName(QStringLiteral("openReadablePart"));
  box->addButton(QMessageBox::Cancel);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::buttonClicked, this,
          [this, open_part, path, data, project_file](QAbstractButton* button) {
            if (button != open_part) {
              statusBar()->showMessage(tr("Could not open the video"), 10000);
              return;
            }
            ProjectData readable = data;
            readable.settings.input.readable_part = true;
            beginOpen(path, readable, project_file);
          });
  box->open();  // not modal for the event loop: neither the GUI nor a test waits on it
  damage_box_ = box;
}

void MainWindow::warnAboutDamage(const pipeline::SessionInfo& info) {
  const QString path = QString::fromStdString(info.path);
  if (info.damaged_frames <= 0 || damage_warned_for_ == path)
    return;
  damage_warned_for_ = path;
  const QString first = QStringLiteral("%1 (%2)")
                            .arg(info.first_damaged_frame)
                            .arg(timecode(info.first_damaged_frame, info.fps));
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
