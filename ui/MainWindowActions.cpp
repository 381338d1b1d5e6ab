// MainWindow: actions, shortcuts, menus and toolbars.

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QUrl>

#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "ShortcutsDialog.h"
#include "TimelineWidget.h"

namespace cf::ui {

QAction* MainWindow::addAction(const QString& name, const QKeySequence& shortcut) {
  auto* a = new QAction(this);
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
  // Texts and tooltips are set in retranslateUi(), so a language switch can set them again.
  connect(addAction("open", QKeySequence::Open), &QAction::triggered, this,
          &MainWindow::openDialog);
  connect(addAction("openProject", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)),
          &QAction::triggered, this, &MainWindow::openProjectDialog);
  connect(addAction("saveProject", QKeySequence::Save), &QAction::triggered, this,
          [this] { saveProjectDialog(false); });
  connect(addAction("saveProjectAs", QKeySequence::SaveAs), &QAction::triggered, this,
          [this] { saveProjectDialog(true); });
  connect(addAction("export", QKeySequence(Qt::CTRL | Qt::Key_E)), &QAction::triggered, this,
          &MainWindow::showExportDialog);
  connect(addAction("cacheManager", QKeySequence()), &QAction::triggered, this,
          &MainWindow::showCacheDialog);
  connect(addAction("quit", QKeySequence::Quit), &QAction::triggered, this, &QWidget::close);

  // Own undo/redo actions (not QUndoStack::createUndoAction, whose prefix cannot be retranslated).
  QAction* undo = addAction("undo", QKeySequence::Undo);
  QAction* redo = addAction("redo", QKeySequence::Redo);
  QUndoStack* stack = project_.undoStack();
  undo->setEnabled(stack->canUndo());
  redo->setEnabled(stack->canRedo());
  connect(undo, &QAction::triggered, stack, &QUndoStack::undo);
  connect(redo, &QAction::triggered, stack, &QUndoStack::redo);
  connect(stack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
  connect(stack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
  connect(stack, &QUndoStack::undoTextChanged, this, &MainWindow::retranslateUndoActions);
  connect(stack, &QUndoStack::redoTextChanged, this, &MainWindow::retranslateUndoActions);

  connect(addAction("playPause", QKeySequence(Qt::Key_Space)), &QAction::triggered, &playback_,
          &PlaybackController::togglePlay);
  connect(addAction("shuttleBackward", QKeySequence(Qt::Key_J)), &QAction::triggered, &playback_,
          &PlaybackController::shuttleBackward);
  connect(addAction("pause", QKeySequence(Qt::Key_K)), &QAction::triggered, &playback_,
          &PlaybackController::pause);
  connect(addAction("shuttleForward", QKeySequence(Qt::Key_L)), &QAction::triggered, &playback_,
          &PlaybackController::shuttleForward);
  connect(addAction("previousFrame", QKeySequence(Qt::Key_Left)), &QAction::triggered, this,
          [this] { playback_.step(-1); });
  connect(addAction("nextFrame", QKeySequence(Qt::Key_Right)), &QAction::triggered, this,
          [this] { playback_.step(1); });
  connect(addAction("goToStart", QKeySequence(Qt::Key_Home)), &QAction::triggered, &playback_,
          &PlaybackController::goToStart);
  connect(addAction("goToEnd", QKeySequence(Qt::Key_End)), &QAction::triggered, &playback_,
          &PlaybackController::goToEnd);
  connect(addAction("setIn", QKeySequence(Qt::Key_I)), &QAction::triggered, this,
          &MainWindow::setInPoint);
  connect(addAction("setOut", QKeySequence(Qt::Key_O)), &QAction::triggered, this,
          &MainWindow::setOutPoint);
  connect(addAction("clearInOut", QKeySequence(Qt::ALT | Qt::Key_X)), &QAction::triggered, this,
          [this] { project_.setInOut(-1, -1); });
  connect(addAction("goToTimecode", QKeySequence(Qt::CTRL | Qt::Key_G)), &QAction::triggered, this,
          [this] {
            goto_field_->setFocus(Qt::ShortcutFocusReason);
            goto_field_->selectAll();
          });
  connect(addAction("nextFailure", QKeySequence(Qt::Key_F)), &QAction::triggered, this,
          &MainWindow::nextFailure);
  connect(addAction("previousFailure", QKeySequence(Qt::SHIFT | Qt::Key_F)), &QAction::triggered,
          this, &MainWindow::previousFailure);

  QAction* background = addAction("backgroundAnalysis", QKeySequence());
  background->setCheckable(true);
  background->setChecked(true);
  connect(background, &QAction::toggled, engine_, &SessionController::setBackgroundAnalysis);

  auto* modes = new QActionGroup(this);
  const struct {
    const char* name;
    Qt::Key key;
    PreviewMode mode;
  } mode_actions[] = {{"modeSideBySide", Qt::Key_1, PreviewMode::SideBySide},
                      {"modeWipe", Qt::Key_2, PreviewMode::Wipe},
                      {"modeSingle", Qt::Key_3, PreviewMode::Single}};
  for (const auto& m : mode_actions) {
    QAction* a = addAction(m.name, QKeySequence(m.key));
    a->setCheckable(true);
    a->setChecked(m.mode == preview_->mode());
    modes->addAction(a);
    connect(a, &QAction::triggered, this, [this, mode = m.mode] { preview_->setMode(mode); });
  }
  connect(addAction("toggleSide", QKeySequence(Qt::Key_T)), &QAction::triggered, preview_,
          &PreviewWidget::toggleSingleSide);
  auto* pairs = new QActionGroup(this);
  const struct {
    const char* name;
    PreviewPair pair;
  } pair_actions[] = {{"pairOriginal", PreviewPair::OriginalVsColour},
                      {"pairRawSmoothed", PreviewPair::RawVsSmoothed},
                      {"pairReference", PreviewPair::ReferenceVsColour}};
  for (const auto& p : pair_actions) {
    QAction* a = addAction(p.name, QKeySequence());
    a->setCheckable(true);
    a->setChecked(p.pair == preview_->pair());
    pairs->addAction(a);
    connect(a, &QAction::triggered, this, [this, pair = p.pair] { preview_->setPair(pair); });
  }
  QAction* overlay = addAction("confidenceOverlay", QKeySequence(Qt::Key_C));
  overlay->setCheckable(true);
  connect(overlay, &QAction::toggled, preview_, &PreviewWidget::setConfidenceOverlay);
  connect(addAction("zoomFit", QKeySequence(Qt::CTRL | Qt::Key_0)), &QAction::triggered, preview_,
          &PreviewWidget::zoomToFit);
  connect(addAction("zoomActual", QKeySequence(Qt::CTRL | Qt::Key_1)), &QAction::triggered,
          preview_, &PreviewWidget::zoomToActual);
  connect(addAction("zoomIn", QKeySequence::ZoomIn), &QAction::triggered, preview_,
          &PreviewWidget::zoomIn);
  connect(addAction("zoomOut", QKeySequence::ZoomOut), &QAction::triggered, preview_,
          &PreviewWidget::zoomOut);
  connect(addAction("timelineZoomIn", QKeySequence(Qt::Key_Equal)), &QAction::triggered, timeline_,
          &TimelineWidget::zoomIn);
  connect(addAction("timelineZoomOut", QKeySequence(Qt::Key_Minus)), &QAction::triggered, timeline_,
          &TimelineWidget::zoomOut);
  connect(addAction("timelineFit", QKeySequence(Qt::Key_Backslash)), &QAction::triggered, timeline_,
          &TimelineWidget::zoomToFit);

  auto* languages = new QActionGroup(this);
  for (const LanguageOption& option : LanguageSwitcher::options()) {
    QAction* a = addAction(QStringLiteral("language_") +
                               (option.code.isEmpty() ? QStringLiteral("system") : option.code),
                           QKeySequence());
    a->setText(option.native_name);  // native names are never translated
    a->setData(option.code);
    a->setCheckable(true);
    a->setChecked(option.code == language_->requested());
    languages->addAction(a);
    connect(a, &QAction::triggered, this, [this, code = option.code] { setLanguage(code); });
  }

  connect(addAction("userGuide", QKeySequence::HelpContents), &QAction::triggered, this,
          &MainWindow::openUserGuide);
  connect(addAction("shortcuts", QKeySequence(Qt::CTRL | Qt::Key_Slash)), &QAction::triggered, this,
          [this] {
            if (!shortcuts_dialog_)
              shortcuts_dialog_ = new ShortcutsDialog(this);
            shortcuts_dialog_->show();
            shortcuts_dialog_->raise();
            shortcuts_dialog_->activateWindow();
          });
  connect(addAction("about", QKeySequence()), &QAction::triggered, this, [this] {
    QMessageBox::about(
        this, tr("About Chromaflow"),
        tr("<h3>Chromaflow %1</h3><p>Colourises black-and-white film: a colour network, temporal "
           "smoothing along the optical flow, failure inspection, per-shot grading.</p>"
           "<p>Built with Qt %2, LibTorch, OpenCV and FFmpeg.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
  });
  connect(addAction("aboutQt", QKeySequence()), &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::retranslateActions() {
  const struct {
    const char* name;
    QString text;
  } texts[] = {
      {"open", tr("&Open Video…")},
      {"openProject", tr("Open &Project…")},
      {"saveProject", tr("&Save Project")},
      {"saveProjectAs", tr("Save Project &As…")},
      {"export", tr("&Export…")},
      {"cacheManager", tr("&Cache…")},
      {"quit", tr("&Quit")},
      {"playPause", tr("&Play / Pause")},
      {"shuttleBackward", tr("Play &Backwards (J)")},
      {"pause", tr("Pa&use (K)")},
      {"shuttleForward", tr("Play &Forwards (L)")},
      {"previousFrame", tr("Previous Frame")},
      {"nextFrame", tr("Next Frame")},
      {"goToStart", tr("Go to Start")},
      {"goToEnd", tr("Go to End")},
      {"setIn", tr("Set &In Point")},
      {"setOut", tr("Set &Out Point")},
      {"clearInOut", tr("Clear In/Out")},
      {"goToTimecode", tr("&Go to Timecode or Frame…")},
      {"nextFailure", tr("&Next Failure")},
      {"previousFailure", tr("Previous Failure")},
      {"backgroundAnalysis", tr("&Analyse in Background")},
      {"modeSideBySide", tr("Side by Side")},
      {"modeWipe", tr("Split Wipe")},
      {"modeSingle", tr("Single View")},
      {"toggleSide", tr("Toggle Single Side")},
      {"pairOriginal", tr("Original | Colourised")},
      {"pairRawSmoothed", tr("Raw Network | Smoothed")},
      {"pairReference", tr("Source Colours | Colourised")},
      {"confidenceOverlay", tr("Confidence &Overlay")},
      {"zoomFit", tr("Zoom to &Fit")},
      {"zoomActual", tr("Zoom &1:1")},
      {"zoomIn", tr("Zoom &In")},
      {"zoomOut", tr("Zoom O&ut")},
      {"timelineZoomIn", tr("Timeline Zoom In")},
      {"timelineZoomOut", tr("Timeline Zoom Out")},
      {"timelineFit", tr("Timeline: Whole Film")},
      {"language_system", tr("System Default")},
      {"userGuide", tr("User &Guide")},
      {"shortcuts", tr("&Keyboard Shortcuts")},
      {"about", tr("&About Chromaflow")},
      {"aboutQt", tr("About &Qt")},
  };
  for (const auto& t : texts)
    action(t.name)->setText(t.text);
  action("backgroundAnalysis")
      ->setToolTip(tr("Run the network and the failure analysis over the whole video while "
                      "you work, starting at the playhead"));
  retranslateUndoActions();
}

void MainWindow::retranslateUndoActions() {
  const QString undo = project_.undoStack()->undoText();
  const QString redo = project_.undoStack()->redoText();
  action("undo")->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
  action("redo")->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
}

void MainWindow::createMenus() {
  file_menu_ = menuBar()->addMenu(QString());
  file_menu_->setObjectName("fileMenu");
  file_menu_->addAction(action("open"));
  recent_menu_ = file_menu_->addMenu(QString());
  recent_menu_->setObjectName("recentMenu");
  file_menu_->addSeparator();
  file_menu_->addAction(action("openProject"));
  file_menu_->addAction(action("saveProject"));
  file_menu_->addAction(action("saveProjectAs"));
  file_menu_->addSeparator();
  file_menu_->addAction(action("export"));
  file_menu_->addAction(action("cacheManager"));
  file_menu_->addSeparator();
  file_menu_->addAction(action("quit"));
  edit_menu_ = menuBar()->addMenu(QString());
  edit_menu_->setObjectName("editMenu");
  edit_menu_->addAction(action("undo"));
  edit_menu_->addAction(action("redo"));
  playback_menu_ = menuBar()->addMenu(QString());
  playback_menu_->setObjectName("playbackMenu");
  for (const char* name :
       {"playPause", "shuttleBackward", "pause", "shuttleForward", "", "previousFrame", "nextFrame",
        "goToStart", "goToEnd", "goToTimecode", "", "setIn", "setOut", "clearInOut", "",
        "nextFailure", "previousFailure", "", "backgroundAnalysis"}) {
    if (*name)
      playback_menu_->addAction(action(name));
    else
      playback_menu_->addSeparator();
  }
  view_menu_ = menuBar()->addMenu(QString());
  view_menu_->setObjectName("viewMenu");
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
  view_menu_->addSeparator();
  language_menu_ = view_menu_->addMenu(QString());
  language_menu_->setObjectName("languageMenu");
  for (const LanguageOption& option : LanguageSwitcher::options()) {
    language_menu_->addAction(
        action(QStringLiteral("language_") +
               (option.code.isEmpty() ? QStringLiteral("system") : option.code)));
    if (option.code.isEmpty())
      language_menu_->addSeparator();
  }
  help_menu_ = menuBar()->addMenu(QString());
  help_menu_->setObjectName("helpMenu");
  help_menu_->addAction(action("userGuide"));
  help_menu_->addAction(action("shortcuts"));
  help_menu_->addSeparator();
  help_menu_->addAction(action("about"));
  help_menu_->addAction(action("aboutQt"));
  rebuildRecentMenu();
}

void MainWindow::createToolBars() {
  main_toolbar_ = addToolBar(QString());
  main_toolbar_->setObjectName("mainToolBar");
  main_toolbar_->addAction(action("open"));
  main_toolbar_->addAction(action("export"));
  main_toolbar_->addSeparator();
  main_toolbar_->addAction(action("playPause"));
  main_toolbar_->addAction(action("previousFailure"));
  main_toolbar_->addAction(action("nextFailure"));
  main_toolbar_->addSeparator();
  goto_field_ = new QLineEdit(main_toolbar_);
  goto_field_->setObjectName("goToField");
  goto_field_->setMaximumWidth(
      goto_field_->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00:00000")) + 24);
  main_toolbar_->addWidget(goto_field_);
  connect(goto_field_, &QLineEdit::returnPressed, this, [this] {
    if (goToTimecode(goto_field_->text()))
      preview_->setFocus(Qt::OtherFocusReason);  // back to playback keys
  });
  // Escape leaves the field without going anywhere.
  auto* leave = new QAction(goto_field_);
  leave->setShortcut(QKeySequence(Qt::Key_Escape));
  leave->setShortcutContext(Qt::WidgetShortcut);
  goto_field_->addAction(leave);
  connect(leave, &QAction::triggered, this, [this] { preview_->setFocus(Qt::OtherFocusReason); });
  preview_toolbar_ = addToolBar(QString());
  preview_toolbar_->setObjectName("previewToolBar");
  for (const char* name :
       {"modeSideBySide", "modeWipe", "modeSingle", "toggleSide", "", "pairOriginal",
        "pairRawSmoothed", "pairReference", "", "confidenceOverlay", "zoomFit", "zoomActual"}) {
    if (*name)
      preview_toolbar_->addAction(action(name));
    else
      preview_toolbar_->addSeparator();
  }
}

void MainWindow::retranslateMenus() {
  file_menu_->setTitle(tr("&File"));
  recent_menu_->setTitle(tr("Open &Recent"));
  edit_menu_->setTitle(tr("&Edit"));
  playback_menu_->setTitle(tr("&Playback"));
  view_menu_->setTitle(tr("&View"));
  language_menu_->setTitle(tr("&Language"));
  help_menu_->setTitle(tr("&Help"));
  main_toolbar_->setWindowTitle(tr("Main"));
  goto_field_->setPlaceholderText(tr("Go to…"));
  goto_field_->setToolTip(
      tr("Go to a timecode (HH:MM:SS:FF) or a frame number, then press Enter (%1)")
          .arg(action("goToTimecode")->shortcut().toString(QKeySequence::NativeText)));
  preview_toolbar_->setWindowTitle(tr("Preview"));
  rebuildRecentMenu();
}

QString MainWindow::userGuidePath() {
  const QString file = QStringLiteral("user-guide.md");
  QStringList folders;
  const QString env = qEnvironmentVariable("CHROMAFLOW_DOC_DIR");
  if (!env.isEmpty())
    folders << env;
  folders << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/chromaflow")
          << QStringLiteral("/usr/local/share/doc/chromaflow")
          << QStringLiteral("/usr/share/doc/chromaflow");
  for (const QString& folder : folders) {
    const QFileInfo guide(QDir(folder).filePath(file));
    if (guide.isFile())
      return guide.canonicalFilePath();
  }
  return {};
}

void MainWindow::openUserGuide() {
  const QString guide = userGuidePath();
  if (guide.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(guide))) {
    auto* box =
        new QMessageBox(QMessageBox::Information, QStringLiteral("Chromaflow"),
                        guide.isEmpty() ? tr("The user guide is not installed.")
                                        : tr("No program to show the user guide was found."),
                        QMessageBox::Ok, this);
    box->setInformativeText(
        guide.isEmpty()
            ? tr("It is looked for in share/doc/chromaflow next to the program and in /usr/share/"
                 "doc/chromaflow.")
            : tr("Open %1 with a text editor or a Markdown viewer.").arg(guide));
    box->setObjectName(QStringLiteral("userGuideBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  }
}

}  // namespace cf::ui
