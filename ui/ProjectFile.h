#pragma once
// `.chromaflow` project files: JSON with the source path, the settings, per-shot overrides, the
// cache location and the in/out range. Serialisation is a pure function pair, tested on its own;
// saveProject/loadProject only add the file I/O.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

#include "common/Result.h"
#include "pipeline/SessionTypes.h"

namespace cf::ui {

struct ProjectData {
  QString source_path;  ///< absolute, or relative to the project file's folder
  pipeline::SessionSettings settings;
  std::vector<pipeline::ShotOverride> overrides;
  QString cache_dir;       ///< where the analysis cache lives; reused on reopen
  int64_t in_frame = -1;   ///< -1: no in point
  int64_t out_frame = -1;  ///< -1: no out point
};

inline constexpr int kProjectFormatVersion = 1;

/// Settings as JSON (also used for the app's QSettings); unknown or missing keys keep defaults.
QJsonObject settingsToJson(const pipeline::SessionSettings& settings);
pipeline::SessionSettings settingsFromJson(const QJsonObject& json);

QByteArray projectToJson(const ProjectData& project);
/// `context` names the file in error messages.
Result<ProjectData> projectFromJson(const QByteArray& json, const QString& context);

/// Writes atomically (QSaveFile). The source path is stored relative to the project folder
/// when the video lives below it, so a project folder can be moved as a whole.
Status saveProject(const QString& path, const ProjectData& project);
/// Reads a project and resolves a relative source path against the project's folder.
Result<ProjectData> loadProject(const QString& path);

}  // namespace cf::ui
