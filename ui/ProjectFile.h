#pragma once
// `.chromaflow` project files: JSON with the source path, the settings, per-shot overrides (λ,
// temperature, grade), the
// cache location, the in/out range and the export settings. Serialisation is a pure function pair,
// tested on its own; saveProject/loadProject only add the file I/O. The format is versioned:
// version 3 added the keyframes ("guidance"), the failure triage marks and the per-shot grades,
// version 2 the export settings; files of versions 1 and 2 are still read (what they lack keeps
// its default), and a file of a newer version is refused, since reading it would silently drop
// what that version added. The Project model (Project.h) owns a ProjectData and uses these to
// save and load.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

#include "FailureReview.h"
#include "common/Result.h"
#include "guide/GuideTypes.h"
#include "pipeline/SessionTypes.h"

namespace cf::ui {

/// How the project is exported (the output path and range are chosen per export).
struct ExportSettings {
  cf::VideoCodec codec = cf::VideoCodec::H264;
  int quality_crf = 18;
  bool keep_audio = true;
  bool use_in_out = true;  ///< export only the in/out range when one is set
  int bit_depth = 0;  ///< output depth (8, 10, 12, 16); 0: the source's where the format allows
  bool operator==(const ExportSettings& o) const {
    return codec == o.codec && quality_crf == o.quality_crf && keep_audio == o.keep_audio &&
           use_in_out == o.use_in_out && bit_depth == o.bit_depth;
  }
  bool operator!=(const ExportSettings& o) const { return !(*this == o); }
};

struct ProjectData {
  QString source_path;  ///< absolute, or relative to the project file's folder
  pipeline::SessionSettings settings;
  std::vector<pipeline::ShotOverride> overrides;
  QString cache_dir;       ///< where the analysis cache lives; reused on reopen
  int64_t in_frame = -1;   ///< -1: no in point
  int64_t out_frame = -1;  ///< -1: no out point
  ExportSettings export_settings;
  guide::Guidance guidance;  ///< keyframes: reference images and colour hints (issue #15)
  /// Triage marks on the flagged failure ranges (optional "failure_reviews" key: files without it
  /// read as unmarked, and older versions ignore it).
  std::vector<FailureReview> failure_reviews;
};

/// 3: adds "guidance", "failure_reviews" and a shot override's "grade" (an older reader would
/// drop them); 2: adds "export"; 1: the first format. Versions 1 and 2 are still read; newer
/// versions are refused with a message that says to update Chromaflow.
inline constexpr int kProjectFormatVersion = 3;

/// Settings as JSON (also used for the app's QSettings); unknown or missing keys keep defaults.
QJsonObject settingsToJson(const pipeline::SessionSettings& settings);
pipeline::SessionSettings settingsFromJson(const QJsonObject& json);

/// A shot's grade as JSON: {"saturation", "temperature", "tint", "hue_remap": {"source_from_deg",
/// "source_to_deg", "target_deg", "softness_deg"}}; missing keys keep the identity's values.
QJsonObject gradeToJson(const color::Grade& grade);
color::Grade gradeFromJson(const QJsonObject& json);

QJsonObject exportSettingsToJson(const ExportSettings& settings);
ExportSettings exportSettingsFromJson(const QJsonObject& json);

/// The "guidance" object: {"strength": S, "references": [{"frame", "path"}], "hints": [...]}
/// (the hints as in `colorize --hints`, guide/HintsJson.h).
QJsonObject guidanceToJson(const guide::Guidance& guidance);
/// `context` names the file in errors (a bad hint is named by its index, field and value).
Result<guide::Guidance> guidanceFromJson(const QJsonObject& json, const QString& context);

QByteArray projectToJson(const ProjectData& project);
/// `context` names the file in error messages.
Result<ProjectData> projectFromJson(const QByteArray& json, const QString& context);

/// Writes atomically (QSaveFile). The source path is stored relative to the project folder
/// when the video lives below it, so a project folder can be moved as a whole.
Status saveProject(const QString& path, const ProjectData& project);
/// Reads a project and resolves a relative source path against the project's folder.
Result<ProjectData> loadProject(const QString& path);

}  // namespace cf::ui
