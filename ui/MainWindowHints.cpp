// MainWindow: keyframe colour in the editor (issue #15) -- the hint tool on the preview, its
// suggested colours, the keyframes lane under the timeline, reference images (menu, lane, drop on
// the preview) and "Add Keyframe Here" from the failures list.

#include <QAction>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include "FailureNavigation.h"
#include "FailuresPanel.h"
#include "GuideProgress.h"
#include "HintOverlay.h"
#include "JobPanel.h"
#include "KeyframeLane.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SuggestedColours.h"
#include "TimelineWidget.h"
#include "pipeline/GuidedShots.h"

namespace cf::ui {

namespace {

bool isImageFile(const QString& path) {
  static const QStringList kSuffixes{"png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp"};
  return kSuffixes.contains(QFileInfo(path).suffix().toLower());
}

}  // namespace

void MainWindow::setupKeyframes() {
  hint_overlay_ = new HintOverlay(preview_, &project_);
  suggested_colours_ = new SuggestedColours(this);
  // The lane sits right under the timeline, in the same column, so their frames line up.
  auto* splitter = qobject_cast<QSplitter*>(centralWidget());
  auto* column = new QWidget;  // reparented by replaceWidget()
  auto* box = new QVBoxLayout(column);
  box->setContentsMargins(0, 0, 0, 0);
  box->setSpacing(0);
  splitter->replaceWidget(splitter->indexOf(timeline_), column);
  box->addWidget(timeline_);
  keyframe_lane_ = new KeyframeLane(timeline_, &project_, column);
  box->addWidget(keyframe_lane_);
  guide_progress_ = new GuideProgress(job_panel_);
  job_panel_->addEngineRow(guide_progress_);

  QAction* tool = addAction("hintTool", QKeySequence(Qt::Key_H));
  tool->setCheckable(true);
  connect(tool, &QAction::toggled, hint_overlay_, &HintOverlay::setArmed);
  QAction* remove = addAction("deleteHint", QKeySequence(QKeySequence::Delete));
  remove->setEnabled(false);
  connect(remove, &QAction::triggered, hint_overlay_, &HintOverlay::removeSelected);
  connect(hint_overlay_, &HintOverlay::selectionChanged, remove,
          [remove](int index) { remove->setEnabled(index >= 0); });
  QAction* reference = addAction("setReference", QKeySequence());
  connect(reference, &QAction::triggered, this, [this] {
    if (engine_->isOpen())
      chooseReference(current_frame_);
  });
  edit_menu_->addSeparator();
  edit_menu_->addAction(tool);
  edit_menu_->addAction(remove);
  edit_menu_->addAction(reference);
  preview_toolbar_->addSeparator();
  preview_toolbar_->addAction(tool);

  connect(hint_overlay_, &HintOverlay::pointClicked, this,
          [this](qint64 frame, double x, double y, const QPoint& global) {
            pending_hint_ = {frame, x, y, -1};
            askForColour(global, QColor(Qt::gray));
          });
  connect(hint_overlay_, &HintOverlay::hintActivated, this, [this](int index, const QPoint& g) {
    const guide::HintPoint& h = project_.guidance().hints[size_t(index)];
    pending_hint_ = {h.frame, h.x, h.y, index};
    askForColour(g, QColor(h.r, h.g, h.b));
  });
  connect(suggested_colours_, &SuggestedColours::colourChosen, this, &MainWindow::applyHintColour);
  connect(engine_, &SessionController::suggestionsReady, this,
          [this](qint64 frame, double x, double y, const SuggestedColourList& colours) {
            if (frame == pending_hint_.frame && x == pending_hint_.x && y == pending_hint_.y)
              suggested_colours_->setSuggestions(colours);
          });
  connect(engine_, &SessionController::suggestionsFailed, suggested_colours_,
          &SuggestedColours::setUnavailable);
  connect(keyframe_lane_, &KeyframeLane::frameRequested, this, &MainWindow::goToFrame);
  connect(keyframe_lane_, &KeyframeLane::referenceRequested, this, &MainWindow::chooseReference);
  connect(failures_panel_, &FailuresPanel::keyframeRequested, this, &MainWindow::addKeyframeAt);
  // What the export writes: the preview follows every guidance change and every shot prepared.
  connect(&project_, &Project::guidanceChanged, this, [this] { requestPreview(); });
  // Upright like a player shows it; hints are placed in that same display orientation.
  connect(engine_, &SessionController::opened, preview_,
          [this](const pipeline::SessionInfo& info) { preview_->setRotation(info.rotation_deg); });
  connect(engine_, &SessionController::guideProgress, guide_progress_, &GuideProgress::setProgress);
  connect(guide_progress_, &GuideProgress::cancelRequested, engine_,
          &SessionController::stopGuidance);
  connect(engine_, &SessionController::guideStopped, this, [this] {
    guide_progress_->setStopped();
    requestPreview();  // its caption no longer says "being propagated"
  });
  connect(engine_, &SessionController::guidedShotReady, this, [this](qint64 first, qint64 last) {
    guide_progress_->setShotReady(first, last);
    // The frame shown is in that shot, or its caption still says "being propagated" from before
    // the cuts were known (the whole film counted as one shot then; seen on a film opened from
    // a project whose keyframe lay in a later shot).
    const pipeline::PreviewFramePtr shown = preview_->frame();
    if ((current_frame_ >= first && current_frame_ <= last) ||
        (shown && shown->guide == pipeline::GuideState::Pending))
      requestPreview();
  });
  connect(engine_, &SessionController::reachGap, guide_progress_, &GuideProgress::setReachGap);
  connect(guide_progress_, &GuideProgress::frameRequested, this, &MainWindow::goToFrame);
  timeline_->installEventFilter(this);  // "Add Keyframe Here" on a failure marker
  // An image dropped on the preview is the reference of the frame shown.
  preview_->setAcceptDrops(true);
  preview_->installEventFilter(this);
}

void MainWindow::retranslateKeyframes() {
  action("hintTool")->setText(tr("Hint Tool"));
  action("hintTool")
      ->setToolTip(tr("Click the colourised picture to give a colour at that point (H)"));
  action("deleteHint")->setText(tr("Delete Hint"));
  action("setReference")->setText(tr("Set Reference Image for This Frame…"));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (watched == timeline_ && event->type() == QEvent::ContextMenu) {
    // A failure marker offers "Add Keyframe Here" (the timeline itself has no menu).
    auto* menu_event = static_cast<QContextMenuEvent*>(event);
    const int failure = timeline_->failureAt(menu_event->pos());
    const auto data = timeline_->timelineData();
    if (failure < 0 || !data || failure >= int(data->failures.size()))
      return false;
    const qint64 frame = data->failures[size_t(failure)].first_frame;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("failureMarkerMenu"));
    menu.addAction(tr("Add Keyframe Here"), this, [this, frame] { addKeyframeAt(frame); });
    menu.exec(menu_event->globalPos());
    return true;
  }
  if (watched == preview_ &&
      (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
    auto* drop = static_cast<QDropEvent*>(event);
    const auto urls = drop->mimeData()->urls();
    const QString path =
        urls.isEmpty() || !urls.first().isLocalFile() ? QString() : urls.first().toLocalFile();
    if (!engine_->isOpen() || !isImageFile(path)) {
      event->ignore();  // the window opens it (a video, a project, a still with nothing open)
      return false;
    }
    drop->acceptProposedAction();
    if (event->type() == QEvent::Drop)
      setReferenceImage(current_frame_, path);
    return true;
  }
  return QMainWindow::eventFilter(watched, event);
}

QString MainWindow::shotReference(qint64 frame) const {
  const qint64 first = shotFirstAt(frame);
  const auto data = timeline_->timelineData();
  const qint64 last =
      data ? shotAround(data->cuts, engine_->info().frame_count, frame).second : first;
  for (const guide::ReferenceImage& r : project_.guidance().references)
    if (r.frame >= first && r.frame <= std::max(first, last))
      return QString::fromStdString(r.path);
  return {};
}

void MainWindow::askForColour(const QPoint& global_pos, const QColor& current) {
  suggested_colours_->open(global_pos, shotReference(pending_hint_.frame), current);
  engine_->requestSuggestions(pending_hint_.frame, pending_hint_.x, pending_hint_.y);
}

void MainWindow::applyHintColour(const QColor& colour) {
  if (pending_hint_.frame < 0 || !colour.isValid())
    return;
  guide::HintPoint h;
  if (pending_hint_.index >= 0 && pending_hint_.index < int(project_.guidance().hints.size()))
    h = project_.guidance().hints[size_t(pending_hint_.index)];
  h.frame = pending_hint_.frame;
  h.x = pending_hint_.x;
  h.y = pending_hint_.y;
  h.r = uint8_t(colour.red());
  h.g = uint8_t(colour.green());
  h.b = uint8_t(colour.blue());
  if (pending_hint_.index >= 0) {
    project_.moveHint(pending_hint_.index, h);
  } else {
    project_.addHint(h);
    hint_overlay_->selectHint(int(project_.guidance().hints.size()) - 1);
  }
}

void MainWindow::addKeyframeAt(qint64 frame) {
  goToFrame(frame);
  action("hintTool")->setChecked(true);
  statusBar()->showMessage(tr("Frame %1: click the colourised picture to give a colour, or set a "
                              "reference image (Edit menu, or drop an image on the preview)")
                               .arg(frame),
                           10000);
}

void MainWindow::chooseReference(qint64 frame) {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Reference Image for Frame %1").arg(frame), QFileInfo(sourcePath()).absolutePath(),
      tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)"));
  if (!path.isEmpty())
    setReferenceImage(frame, path);
}

bool MainWindow::setReferenceImage(qint64 frame, const QString& path) {
  if (!engine_->isOpen())
    return false;
  // The CLI's check: a picture of another frame (its luminance does not match) is refused.
  guide::Guidance g;
  g.references.push_back({frame, path.toStdString()});
  const Status checked =
      pipeline::checkGuidance(g, sourcePath().toStdString(), project_.settings().working_height_px);
  if (!checked) {
    showError(QString::fromStdString(checked.message()),
              tr("This image cannot be the reference of frame %1").arg(frame));
    return false;
  }
  project_.setReference(frame, path);
  statusBar()->showMessage(
      tr("Reference image of frame %1: %2").arg(frame).arg(QFileInfo(path).fileName()), 6000);
  return true;
}

}  // namespace cf::ui
