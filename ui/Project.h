#pragma once
// The project model: the single source of truth of the editor (after Shotcut's MarkersModel +
// commands/ and Kdenlive's KdenliveDoc). It owns the source, the SessionSettings, the per-shot
// overrides, the in/out range and the export settings; keyframes, hints and grades join it next.
//
// Every user edit goes through a typed setter that pushes a QUndoCommand on the model's own
// QUndoStack; the command applies the change and the model emits what changed. Widgets show the
// model and edit it only through these setters; SessionController observes it and sends the
// engine what changed. A λ slider drag is merged into one command (QUndoCommand::mergeWith).
// Whole-project operations (a successful open, a save) are not undoable: they reset the history
// or mark it clean. Save and load are the model's JSON (ProjectFile.h, versioned).

#include <QObject>
#include <QUndoStack>
#include <optional>

#include "ProjectFile.h"

namespace cf::ui {

class Project : public QObject {
  Q_OBJECT
 public:
  explicit Project(QObject* parent = nullptr);

  const ProjectData& data() const { return data_; }
  const pipeline::SessionSettings& settings() const { return data_.settings; }
  const std::vector<pipeline::ShotOverride>& overrides() const { return data_.overrides; }
  std::optional<pipeline::ShotOverride> shotOverride(int64_t shot_first_frame) const;
  qint64 inFrame() const { return data_.in_frame; }
  qint64 outFrame() const { return data_.out_frame; }
  const ExportSettings& exportSettings() const { return data_.export_settings; }
  /// Keyframes: reference images and colour hints, and the reference strength.
  const guide::Guidance& guidance() const { return data_.guidance; }
  const std::vector<FailureReview>& failureReviews() const { return data_.failure_reviews; }
  QString sourcePath() const { return data_.source_path; }
  /// The `.chromaflow` file, or empty while the project was never saved.
  QString filePath() const { return file_path_; }
  /// The project file's name, else the video's, else "Untitled".
  QString displayName() const;
  bool isModified() const { return !undo_stack_.isClean(); }
  QUndoStack* undoStack() { return &undo_stack_; }

  /// The settings that apply in the shot starting at `shot_first_frame`: the global ones with
  /// that shot's overrides (λ, temperature) on top. What the preview and the export both use.
  pipeline::SessionSettings effectiveSettings(int64_t shot_first_frame) const;
  /// The grade of the shot starting at `shot_first_frame` (identity when it has none).
  color::Grade effectiveGrade(int64_t shot_first_frame) const;

  // ---- Undoable edits (each pushes one command; no command when nothing changes) ----
  /// Every setting but λ keeps its value from `settings` (λ has its own setter).
  void setSettings(const pipeline::SessionSettings& settings);
  /// While a drag is open (beginLambdaDrag .. endLambdaDrag), all λ changes merge into one command.
  void setLambda(double lambda);
  void beginLambdaDrag();
  void endLambdaDrag();
  void setShotLambda(int64_t shot_first_frame, double lambda);
  void setShotTemperature(int64_t shot_first_frame, double temperature);
  /// The shot's grade; an identity grade removes it. While a grade drag is open
  /// (beginGradeDrag .. endGradeDrag) the changes merge into one command.
  void setShotGrade(int64_t shot_first_frame, const color::Grade& grade);
  void beginGradeDrag();
  void endGradeDrag();
  /// Removes every override of the shot: λ, temperature and grade.
  void clearShotOverride(int64_t shot_first_frame);
  /// -1 for "no in point" / "no out point".
  void setInOut(qint64 in_frame, qint64 out_frame);
  void setExportSettings(const ExportSettings& settings);
  // Keyframes (ProjectGuidance.cpp). Hints are addressed by their index in guidance().hints.
  void addHint(const guide::HintPoint& hint);
  void removeHint(int index);
  void moveHint(int index, const guide::HintPoint& moved);
  /// Sets (or, with an empty path, removes) the reference image of `frame`.
  void setReference(int64_t frame, const QString& image_path);
  /// Moves the keyframe's reference and hints from one frame to another.
  void moveKeyframe(int64_t from_frame, int64_t to_frame);
  /// Removes the keyframe's reference and hints.
  void removeKeyframe(int64_t frame);
  void setReferenceStrength(double strength);
  /// Marks a flagged range reviewed or ignored (nullopt: clears its mark).
  void setFailureReview(const pipeline::FailureRange& range, std::optional<ReviewStatus> status);

  // ---- Whole-project operations (not undoable) ----
  /// The engine refused the settings (a model that does not load): the project goes back to
  /// `in_use`, the settings the engine still runs with (λ stays as it is). Not an undo step.
  void restoreSettings(const pipeline::SessionSettings& in_use);
  /// Replaces everything (after a successful open); clears the history. `file_path` may be empty.
  void reset(const ProjectData& data, const QString& file_path);
  /// Saves the model's JSON to `path`; on success the project is clean and named after it.
  Status saveTo(const QString& path);
  /// Reads a project file without touching this model (open it with reset() once it opened).
  static Result<ProjectData> read(const QString& path) { return loadProject(path); }

 Q_SIGNALS:
  /// Any setting but λ changed (or several did); `before` is what the engine has now.
  void settingsChanged(const cf::pipeline::SessionSettings& now,
                       const cf::pipeline::SessionSettings& before);
  void lambdaChanged(double lambda);
  void overridesChanged();
  void inOutChanged(qint64 in_frame, qint64 out_frame);
  void exportSettingsChanged(const cf::ui::ExportSettings& settings);
  /// Keyframes, hints or the reference strength changed.
  void guidanceChanged();
  void failureReviewsChanged();
  /// Everything was replaced (reset()).
  void projectReset();
  /// The modified state or the name changed (for the window title).
  void titleChanged();

 private:
  friend class ProjectEditCommand;
  /// Applies `next` (from a command) and emits what changed.
  void apply(const ProjectData& next);
  void push(ProjectData after, const QString& text, int merge_id = -1);
  void setOverride(int64_t shot, std::optional<pipeline::ShotOverride> o, const QString& text,
                   int merge_id = -1);
  void setGuidance(guide::Guidance guidance, const QString& text);

  ProjectData data_;
  QString file_path_;
  QUndoStack undo_stack_;
  int drag_serial_ = 0;
  bool dragging_ = false;
};

}  // namespace cf::ui
