// MainWindow: actions, shortcuts, menus and toolbars.

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "TimelineWidget.h"

namespace cf::ui {

QAction* MainWindow::addAction(const QString& name, const QString& text,
                               const QKeySequence& shortcut) {
  auto* a = new QAction(text, this);
  a->setObjectName(name);
  if (!shortcut.isEmpty()) {
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WindowShortcut);
  }
  QMainWindow::addAction(a);  // shortcuts work even while menus and toolbars are hidden
  return a;
}

QAction* MainWindow::action(const QString& name) const {
  return findChild<QAction*>(name);
}

void MainWindow::createActions() {
  connect(addAction("open", tr("&Open Video…"), QKeySequence::Open), &QAction::triggered, this,
          &MainWindow::openDialog);
  connect(addAction("openProject", tr("Open &Project…"), QKeySequence(tr("Ctrl+Shift+O"))),
          &QAction::triggered, this, &MainWindow::openProjectDialog);
  connect(addAction("saveProject", tr("&Save Project"), QKeySequence::Save), &QAction::triggered,
          this, [this] { saveProjectDialog(false); });
  connect(addAction("saveProjectAs", tr("Save Project &As…"), QKeySequence::SaveAs),
          &QAction::triggered, this, [this] { saveProjectDialog(true); });
  connect(addAction("export", tr("&Export…"), QKeySequence(tr("Ctrl+E"))), &QAction::triggered,
          this, &MainWindow::showExportDialog);
  connect(addAction("quit", tr("&Quit"), QKeySequence::Quit), &QAction::triggered, this,
          &QWidget::close);

  QAction* undo = undo_stack_.createUndoAction(this, tr("&Undo"));
  undo->setObjectName("undo");
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = undo_stack_.createRedoAction(this, tr("&Redo"));
  redo->setObjectName("redo");
  redo->setShortcut(QKeySequence::Redo);
  QMainWindow::addAction(undo);
  QMainWindow::addAction(redo);

  connect(addAction("playPause", tr("&Play / Pause"), QKeySequence(Qt::Key_Space)),
          &QAction::triggered, &playback_, &PlaybackController::togglePlay);
  connect(addAction("shuttleBackward", tr("Play &Backwards (J)"), QKeySequence(Qt::Key_J)),
          &QAction::triggered, &playback_, &PlaybackController::shuttleBackward);
  connect(addAction("pause", tr("Pa&use (K)"), QKeySequence(Qt::Key_K)), &QAction::triggered,
          &playback_, &PlaybackController::pause);
  connect(addAction("shuttleForward", tr("Play &Forwards (L)"), QKeySequence(Qt::Key_L)),
          &QAction::triggered, &playback_, &PlaybackController::shuttleForward);
  connect(addAction("previousFrame", tr("Previous Frame"), QKeySequence(Qt::Key_Left)),
          &QAction::triggered, this, [this] { playback_.step(-1); });
  connect(addAction("nextFrame", tr("Next Frame"), QKeySequence(Qt::Key_Right)),
          &QAction::triggered, this, [this] { playback_.step(1); });
  connect(addAction("goToStart", tr("Go to Start"), QKeySequence(Qt::Key_Home)),
          &QAction::triggered, &playback_, &PlaybackController::goToStart);
  connect(addAction("goToEnd", tr("Go to End"), QKeySequence(Qt::Key_End)), &QAction::triggered,
          &playback_, &PlaybackController::goToEnd);
  connect(addAction("setIn", tr("Set &In Point"), QKeySequence(Qt::Key_I)), &QAction::triggered,
          this, &MainWindow::setInPoint);
  connect(addAction("setOut", tr("Set &Out Point"), QKeySequence(Qt::Key_O)), &QAction::triggered,
          this, &MainWindow::setOutPoint);
  connect(addAction("clearInOut", tr("Clear In/Out"), QKeySequence(tr("Alt+X"))),
          &QAction::triggered, this, [this] { timeline_->setInOut(-1, -1); });
  connect(addAction("nextFailure", tr("Next &Failure"), QKeySequence(Qt::Key_F)),
          &QAction::triggered, this, &MainWindow::nextFailure);
  connect(addAction("previousFailure", tr("Previous Failure"), QKeySequence(tr("Shift+F"))),
          &QAction::triggered, this, &MainWindow::previousFailure);

  QAction* background =
      addAction("backgroundAnalysis", tr("Analyse in &Background"), QKeySequence());
  background->setCheckable(true);
  background->setChecked(true);
  background->setToolTip(
      tr("Run the network and the failure analysis over the whole video while "
         "you work, starting at the playhead"));
  connect(background, &QAction::toggled, engine_, &SessionController::setBackgroundAnalysis);

  auto* modes = new QActionGroup(this);
  const struct {
    const char* name;
    QString text;
    Qt::Key key;
    PreviewMode mode;
  } mode_actions[] = {{"modeSideBySide", tr("Side by Side"), Qt::Key_1, PreviewMode::SideBySide},
                      {"modeWipe", tr("Split Wipe"), Qt::Key_2, PreviewMode::Wipe},
                      {"modeSingle", tr("Single View"), Qt::Key_3, PreviewMode::Single}};
  for (const auto& m : mode_actions) {
    QAction* a = addAction(m.name, m.text, QKeySequence(m.key));
    a->setCheckable(true);
    a->setChecked(m.mode == preview_->mode());
    modes->addAction(a);
    connect(a, &QAction::triggered, this, [this, mode = m.mode] { preview_->setMode(mode); });
  }
  connect(addAction("toggleSide", tr("Toggle Single Side"), QKeySequence(Qt::Key_T)),
          &QAction::triggered, preview_, &PreviewWidget::toggleSingleSide);
  auto* pairs = new QActionGroup(this);
  const struct {
    const char* name;
    QString text;
    PreviewPair pair;
  } pair_actions[] = {
      {"pairOriginal", tr("Original | Colourised"), PreviewPair::OriginalVsColour},
      {"pairRawSmoothed", tr("Raw Network | Smoothed"), PreviewPair::RawVsSmoothed},
      {"pairReference", tr("Source Colours | Colourised"), PreviewPair::ReferenceVsColour}};
  for (const auto& p : pair_actions) {
    QAction* a = addAction(p.name, p.text, QKeySequence());
    a->setCheckable(true);
    a->setChecked(p.pair == preview_->pair());
    pairs->addAction(a);
    connect(a, &QAction::triggered, this, [this, pair = p.pair] { preview_->setPair(pair); });
  }
  QAction* overlay =
      addAction("confidenceOverlay", tr("Confidence &Overlay"), QKeySequence(Qt::Key_C));
  overlay->setCheckable(true);
  connect(overlay, &QAction::toggled, preview_, &PreviewWidget::setConfidenceOverlay);
  connect(addAction("zoomFit", tr("Zoom to &Fit"), QKeySequence(tr("Ctrl+0"))), &QAction::triggered,
          preview_, &PreviewWidget::zoomToFit);
  connect(addAction("zoomActual", tr("Zoom &1:1"), QKeySequence(tr("Ctrl+1"))), &QAction::triggered,
          preview_, &PreviewWidget::zoomToActual);
  connect(addAction("zoomIn", tr("Zoom &In"), QKeySequence::ZoomIn), &QAction::triggered, preview_,
          &PreviewWidget::zoomIn);
  connect(addAction("zoomOut", tr("Zoom O&ut"), QKeySequence::ZoomOut), &QAction::triggered,
          preview_, &PreviewWidget::zoomOut);
  connect(addAction("timelineZoomIn", tr("Timeline Zoom In"), QKeySequence(Qt::Key_Equal)),
          &QAction::triggered, timeline_, &TimelineWidget::zoomIn);
  connect(addAction("timelineZoomOut", tr("Timeline Zoom Out"), QKeySequence(Qt::Key_Minus)),
          &QAction::triggered, timeline_, &TimelineWidget::zoomOut);
  connect(addAction("timelineFit", tr("Timeline: Whole Film"), QKeySequence(Qt::Key_Backslash)),
          &QAction::triggered, timeline_, &TimelineWidget::zoomToFit);
  connect(addAction("about", tr("&About Chromaflow"), QKeySequence()), &QAction::triggered, this,
          [this] {
            QMessageBox::about(this, tr("About Chromaflow"),
                               tr("Chromaflow %1\nColourises black-and-white video with temporal "
                                  "smoothing and failure inspection.")
                                   .arg(QApplication::applicationVersion()));
          });
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(action("open"));
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  file->addSeparator();
  file->addAction(action("openProject"));
  file->addAction(action("saveProject"));
  file->addAction(action("saveProjectAs"));
  file->addSeparator();
  file->addAction(action("export"));
  file->addSeparator();
  file->addAction(action("quit"));
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(action("undo"));
  edit->addAction(action("redo"));
  QMenu* play = menuBar()->addMenu(tr("&Playback"));
  for (const char* name :
       {"playPause", "shuttleBackward", "pause", "shuttleForward", "", "previousFrame", "nextFrame",
        "goToStart", "goToEnd", "", "setIn", "setOut", "clearInOut", "", "nextFailure",
        "previousFailure", "", "backgroundAnalysis"}) {
    if (*name)
      play->addAction(action(name));
    else
      play->addSeparator();
  }
  view_menu_ = menuBar()->addMenu(tr("&View"));
  for (const char* name : {"modeSideBySide",
                           "modeWipe",
                           "modeSingle",
                           "toggleSide",
                           "",
                           "pairOriginal",
                           "pairRawSmoothed",
                           "pairReference",
                           "",
                           "confidenceOverlay",
                           "",
                           "zoomFit",
                           "zoomActual",
                           "zoomIn",
                           "zoomOut",
                           "",
                           "timelineZoomIn",
                           "timelineZoomOut",
                           "timelineFit",
                           ""}) {
    if (*name)
      view_menu_->addAction(action(name));
    else
      view_menu_->addSeparator();
  }
  for (QDockWidget* dock : findChildren<QDockWidget*>())
    view_menu_->addAction(dock->toggleViewAction());
  menuBar()->addMenu(tr("&Help"))->addAction(action("about"));
  rebuildRecentMenu();
}

void MainWindow::createToolBars() {
  QToolBar* main = addToolBar(tr("Main"));
  main->setObjectName("mainToolBar");
  main->addAction(action("open"));
  main->addAction(action("export"));
  main->addSeparator();
  main->addAction(action("playPause"));
  main->addAction(action("previousFailure"));
  main->addAction(action("nextFailure"));
  QToolBar* view = addToolBar(tr("Preview"));
  view->setObjectName("previewToolBar");
  for (const char* name :
       {"modeSideBySide", "modeWipe", "modeSingle", "toggleSide", "", "pairOriginal",
        "pairRawSmoothed", "pairReference", "", "confidenceOverlay", "zoomFit", "zoomActual"}) {
    if (*name)
      view->addAction(action(name));
    else
      view->addSeparator();
  }
}

}  // namespace cf::ui
