#pragma once
// The editor window. Split by concern (after OBS's OBSBasic_*.cpp):
//   MainWindow.cpp            construction, engine wiring, close
//   MainWindowActions.cpp     actions, shortcuts, menus, toolbars, their (re)translation
//   MainWindowDocks.cpp       docks and status bar
//   MainWindowFiles.cpp       open (menu, drag and drop, recent files), projects, QSettings
//   MainWindowNavigation.cpp  playhead, in/out, failures, export

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>

#include "MetaTypes.h"
#include "PlaybackController.h"
#include "Project.h"

class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QToolBar;

namespace cf::ui {

class CacheDialog;
class ExportDialog;
class AudioControls;
class AudioPlayback;
class FailuresPanel;
class GradePanel;
class GuideProgress;
class HintOverlay;
class KeyframeLane;
class SuggestedColours;
class JobPanel;
class JobQueue;
class LanguageSwitcher;
class PreviewWidget;
class RetimeJob;
class SessionController;
class SettingsPanel;
class ShortcutsDialog;
class TimelineWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  static constexpr int kMaxRecentFiles = 8;

  /// `settings_file`: an INI file for QSettings (tests); empty for the user's default settings.
  /// `language`: the application's language switcher (main.cpp applies the stored or --lang
  /// language before the window exists); null for one owned by the window that starts in the
  /// language already installed.
  explicit MainWindow(const QString& settings_file = QString(), QWidget* parent = nullptr,
                      LanguageSwitcher* language = nullptr);
  ~MainWindow() override;

 protected:
  void showEvent(QShowEvent* event) override;

 public:
  /// Opens a video as a new project (with the current settings). Asks first when the project
  /// has unsaved changes; the current project stays until the video has opened.
  void openVideo(const QString& path);
  /// A video or a `.chromaflow` project, by its suffix.
  void openPath(const QString& path);
  /// False when the file cannot be read or the user cancels; the video opens asynchronously and
  /// the project replaces the current one only once it has (a failed open keeps the old one).
  bool openProject(const QString& path);
  bool saveProjectTo(const QString& path);
  QString sourcePath() const { return project_.sourcePath(); }
  Project* project() { return &project_; }
  JobQueue* jobs() const { return jobs_; }
  /// Asks what to do with unsaved changes (Save / Discard / Cancel); true to go on.
  bool maybeSave();

  PreviewWidget* preview() const { return preview_; }
  TimelineWidget* timeline() const { return timeline_; }
  SettingsPanel* settingsPanel() const { return settings_panel_; }
  FailuresPanel* failuresPanel() const { return failures_panel_; }
  AudioPlayback* audio() const { return audio_; }
  AudioControls* audioControls() const { return audio_controls_; }
  GradePanel* gradePanel() const { return grade_panel_; }
  HintOverlay* hintOverlay() const { return hint_overlay_; }
  KeyframeLane* keyframeLane() const { return keyframe_lane_; }
  SuggestedColours* suggestedColours() const { return suggested_colours_; }
  GuideProgress* guideProgress() const { return guide_progress_; }
  /// Checks `path` against the frame (the CLI's luminance check) and makes it the frame's
  /// reference (undoable); a refused image is reported to the user and changes nothing.
  bool setReferenceImage(qint64 frame, const QString& path);
  /// "Add Keyframe Here": goes to `frame` and arms the hint tool.
  void addKeyframeAt(qint64 frame);
  JobPanel* jobPanel() const { return job_panel_; }
  SessionController* engine() const { return engine_; }
  ExportDialog* exportDialog();
  QUndoStack* undoStack() { return project_.undoStack(); }
  PlaybackController* playback() { return &playback_; }
  /// The action with this object name (tests drive shortcuts through it).
  QAction* action(const QString& name) const;
  /// The "Go to timecode or frame" field of the main toolbar (Ctrl+G).
  QLineEdit* goToField() const { return goto_field_; }
  /// The playhead's frame (0 before a video is open).
  qint64 currentFrame() const { return current_frame_; }
  /// The open video's frame count (0 when none is open).
  qint64 frameCount() const;
  QStringList recentFiles() const;
  LanguageSwitcher* languageSwitcher() const { return language_; }
  /// Switches the interface language live ("" = system default) and stores the choice.
  bool setLanguage(const QString& code);
  /// The installed user guide: $CHROMAFLOW_DOC_DIR, else <program>/../share/doc/chromaflow, else
  /// /usr/local and /usr; empty when none has it.
  static QString userGuidePath();

 public Q_SLOTS:
  void goToFrame(qint64 frame);
  void nextFailure();
  void previousFailure();
  void setInPoint();
  void setOutPoint();
  void showExportDialog();
  /// File › Cache…: sizes, clearing, size limit and folder of the disk cache.
  void showCacheDialog();
  /// Applies the cache size limit (app setting) after an export filled the cache.
  void enforceCacheLimit();
  /// Help > User Guide: opens the installed guide with the desktop's viewer (or says where it
  /// was looked for).
  void openUserGuide();
  /// Goes to a timecode ("HH:MM:SS:FF") or a frame number; false (and a status message) when the
  /// text is neither.
  bool goToTimecode(const QString& text);

 Q_SIGNALS:
  /// The video is open and its first preview was requested.
  void videoOpened(const QString& path);

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  // MainWindow.cpp
  void connectEngine();
  void onOpened(const pipeline::SessionInfo& info);
  /// Starts opening `path` as the project `data` (file `project_file`, empty for a plain video).
  void beginOpen(const QString& path, const ProjectData& data, const QString& project_file);
  void onTimelineUpdated(pipeline::TimelineDataPtr timeline,
                         const pipeline::TimelineChange& change);
  /// `message` from core (English); `headline`: a translated summary shown above it.
  void showError(const QString& message, const QString& headline = QString());
  void updateTitle();
  void updateFrameLabel();
  /// Sets every translatable text of the window (construction and QEvent::LanguageChange).
  void retranslateUi();
  // MainWindowActions.cpp
  void createActions();
  void createMenus();
  void createToolBars();
  void retranslateActions();
  void retranslateUndoActions();
  void retranslateMenus();
  QAction* addAction(const QString& name, const QKeySequence& shortcut);
  // MainWindowDocks.cpp
  void createDocks();
  /// First run (no saved window state): shares the right-hand column by what each dock holds.
  void arrangeDocks();
  void createStatusBar();
  // MainWindowFiles.cpp
  void openDialog();
  void saveProjectDialog(bool save_as);
  void openProjectDialog();
  void addRecentFile(const QString& path);
  void rebuildRecentMenu();
  void readSettings();
  void writeSettings();
  // MainWindowNavigation.cpp
  void onPlayheadMoved(qint64 frame);
  void requestPreview();
  void startExport(const pipeline::ExportRequest& request);
  /// The effective λ of the shot holding `frame` (its override, else the global λ).
  double lambdaAt(qint64 frame) const;
  // MainWindowHints.cpp (issue #15: keyframes, hints, references)
  void setupKeyframes();
  void retranslateKeyframes();
  /// Opens the colour chooser for pending_hint_ and asks the engine for suggestions.
  void askForColour(const QPoint& global_pos, const QColor& current);
  void applyHintColour(const QColor& colour);
  void chooseReference(qint64 frame);
  /// The reference image of the shot holding `frame` (for the eyedropper), or empty.
  QString shotReference(qint64 frame) const;
  // MainWindowAudio.cpp
  void setupAudio();
  // MainWindowDamage.cpp
  /// A truncated file was refused: asks whether to open its readable part (a warning dialog).
  void onOpenTruncated(const QString& path, qint64 readable_frames, qint64 listed_frames,
                       const QString& message);
  /// What the window offers when a video was refused but can be opened another way.
  struct OpenOffer {
    QString box_name;     ///< the message box's object name (tests find it by it)
    QString text;         ///< what is wrong
    QString informative;  ///< what the offer does
    QString details;      ///< the engine's message
    QString button_text;
    QString button_name;
    std::function<void(const ProjectData& data, const QString& project_file)> accepted;
  };
  /// Ends the failed open (the window's project stays) and asks with a non-modal warning box.
  void offerAfterFailedOpen(const OpenOffer& offer);
  /// A file whose timestamps jump back was refused: offers to give it fresh timestamps (a
  /// lossless copy in the cache, made by a RetimeJob with progress in the Jobs dock) and open that.
  void onOpenTimestampsJump(const QString& path, qint64 jumps, const QString& message);
  void startRetime(const QString& path, const ProjectData& data, const QString& project_file);
  /// Warns once per opened video when its first full decode found damaged frames.
  void warnAboutDamage(const pipeline::SessionInfo& info);
  /// The first frame of the shot holding `frame` (by the cuts found so far).
  qint64 shotFirstAt(qint64 frame) const;

  std::unique_ptr<QSettings> settings_;
  std::unique_ptr<LanguageSwitcher> own_language_;
  LanguageSwitcher* language_ = nullptr;
  SessionController* engine_ = nullptr;
  PreviewWidget* preview_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  SettingsPanel* settings_panel_ = nullptr;
  FailuresPanel* failures_panel_ = nullptr;
  GradePanel* grade_panel_ = nullptr;
  HintOverlay* hint_overlay_ = nullptr;
  KeyframeLane* keyframe_lane_ = nullptr;
  SuggestedColours* suggested_colours_ = nullptr;
  GuideProgress* guide_progress_ = nullptr;
  /// The point the colour chooser is open for (index: the hint it recolours, -1 for a new one).
  struct PendingHint {
    qint64 frame = -1;
    double x = 0.0;
    double y = 0.0;
    int index = -1;
  } pending_hint_;
  JobPanel* job_panel_ = nullptr;
  ExportDialog* export_dialog_ = nullptr;
  CacheDialog* cache_dialog_ = nullptr;
  ShortcutsDialog* shortcuts_dialog_ = nullptr;
  QMenu* file_menu_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QMenu* edit_menu_ = nullptr;
  QMenu* playback_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QMenu* help_menu_ = nullptr;
  QToolBar* main_toolbar_ = nullptr;
  QToolBar* preview_toolbar_ = nullptr;
  QDockWidget* settings_dock_ = nullptr;
  QDockWidget* failures_dock_ = nullptr;
  QDockWidget* grade_dock_ = nullptr;
  QDockWidget* job_dock_ = nullptr;
  bool arrange_docks_ = false;  ///< no saved layout: arrangeDocks() once the window is shown
  QLabel* frame_label_ = nullptr;
  QLineEdit* goto_field_ = nullptr;
  QLabel* analysis_label_ = nullptr;
  QLabel* device_label_ = nullptr;
  QPointer<QMessageBox> error_box_;
  AudioPlayback* audio_ = nullptr;
  AudioControls* audio_controls_ = nullptr;
  QPointer<QMessageBox> damage_box_;  ///< the truncated-file question or the damage warning
  QString damage_warned_for_;         ///< the video whose damage was reported
  QPointer<RetimeJob> retime_;        ///< giving a video fresh timestamps, while it runs
  Project project_;
  JobQueue* jobs_ = nullptr;
  int dialog_job_ = 0;  ///< the job the export dialog follows
  PlaybackController playback_;
  /// The project being opened; it replaces project_ only once its video has opened.
  std::optional<ProjectData> pending_;
  QString pending_file_;
  qint64 current_frame_ = 0;
  bool opening_ = false;
};

}  // namespace cf::ui
