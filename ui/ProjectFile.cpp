#include "ProjectFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "common/Vocabulary.h"

namespace cf::ui {
namespace {

// Names come from core's one table per vocabulary; an unknown name keeps the default.
template <class Enum>
Enum fromName(const QJsonValue& v, bool (*parse)(const std::string&, Enum*), Enum fallback) {
  Enum out = fallback;
  return parse(v.toString().toStdString(), &out) ? out : fallback;
}

struct ThresholdField {
  const char* name;
  double analysis::FailureThresholds::*member;
};

constexpr ThresholdField kThresholdFields[] = {
    {"sepia_fraction", &analysis::FailureThresholds::sepia_fraction},
    {"sepia_max_hue_spread_deg", &analysis::FailureThresholds::sepia_max_hue_spread_deg},
    {"min_colorfulness", &analysis::FailureThresholds::min_colorfulness},
    {"low_confidence_area", &analysis::FailureThresholds::low_confidence_area},
    {"flicker_ratio", &analysis::FailureThresholds::flicker_ratio},
    {"flicker_absolute", &analysis::FailureThresholds::flicker_absolute},
    {"occluded_fraction", &analysis::FailureThresholds::occluded_fraction},
    {"motion_fraction", &analysis::FailureThresholds::motion_fraction},
    {"robust_z", &analysis::FailureThresholds::robust_z},
};

}  // namespace

QJsonObject settingsToJson(const pipeline::SessionSettings& s) {
  QJsonObject thresholds;
  for (const auto& field : kThresholdFields)
    thresholds.insert(QLatin1String(field.name), s.thresholds.*field.member);
  return QJsonObject{{"model_path", QString::fromStdString(s.model_path)},
                     {"device", QLatin1String(cf::deviceChoiceName(s.device))},
                     {"working_height_px", s.working_height_px},
                     {"temperature", s.temperature},
                     {"flow_method", QLatin1String(cf::flowMethodName(s.flow_method))},
                     {"lambda", s.lambda},
                     {"deinterlace", QLatin1String(media::deinterlaceName(s.input.deinterlace))},
                     {"sequence_fps", s.input.sequence_fps.valid()
                                          ? QJsonValue(QJsonArray{s.input.sequence_fps.num,
                                                                  s.input.sequence_fps.den})
                                          : QJsonValue()},
                     {"thresholds", thresholds}};
}

pipeline::SessionSettings settingsFromJson(const QJsonObject& o) {
  pipeline::SessionSettings s;
  s.model_path = o.value("model_path").toString().toStdString();
  s.device = fromName(o.value("device"), &cf::deviceChoiceFromName, s.device);
  s.working_height_px = o.value("working_height_px").toInt(s.working_height_px);
  s.temperature = o.value("temperature").toDouble(s.temperature);
  s.flow_method = fromName(o.value("flow_method"), &cf::flowMethodFromName, s.flow_method);
  s.lambda = o.value("lambda").toDouble(s.lambda);
  s.input.deinterlace =
      fromName(o.value("deinterlace"), &media::deinterlaceFromName, s.input.deinterlace);
  if (const QJsonArray fps = o.value("sequence_fps").toArray(); fps.size() == 2) {
    const media::Rational rate{fps.at(0).toInt(), fps.at(1).toInt()};
    if (rate.valid() && rate.toDouble() >= 1.0 && rate.toDouble() <= 1000.0)
      s.input.sequence_fps = rate;
  }
  const QJsonObject t = o.value("thresholds").toObject();
  for (const auto& field : kThresholdFields)
    s.thresholds.*field.member =
        t.value(QLatin1String(field.name)).toDouble(s.thresholds.*field.member);
  return s;
}

QJsonObject gradeToJson(const color::Grade& g) {
  QJsonObject o{{"saturation", g.saturation}, {"temperature", g.temperature}, {"tint", g.tint}};
  if (g.hue_remap)
    o.insert("hue_remap", QJsonObject{{"source_from_deg", g.hue_remap->source_from_deg},
                                      {"source_to_deg", g.hue_remap->source_to_deg},
                                      {"target_deg", g.hue_remap->target_deg},
                                      {"softness_deg", g.hue_remap->softness_deg}});
  return o;
}

color::Grade gradeFromJson(const QJsonObject& o) {
  color::Grade g;
  g.saturation = o.value("saturation").toDouble(g.saturation);
  g.temperature = o.value("temperature").toDouble(g.temperature);
  g.tint = o.value("tint").toDouble(g.tint);
  if (o.value("hue_remap").isObject()) {
    const QJsonObject h = o.value("hue_remap").toObject();
    color::HueRemap r;
    r.source_from_deg = h.value("source_from_deg").toDouble(r.source_from_deg);
    r.source_to_deg = h.value("source_to_deg").toDouble(r.source_to_deg);
    r.target_deg = h.value("target_deg").toDouble(r.target_deg);
    r.softness_deg = h.value("softness_deg").toDouble(r.softness_deg);
    g.hue_remap = r;
  }
  return g;
}

QJsonObject exportSettingsToJson(const ExportSettings& e) {
  return QJsonObject{{"codec", QLatin1String(cf::videoCodecName(e.codec))},
                     {"quality_crf", e.quality_crf},
                     {"keep_audio", e.keep_audio},
                     {"use_in_out", e.use_in_out},
                     {"bit_depth", e.bit_depth}};
}

ExportSettings exportSettingsFromJson(const QJsonObject& o) {
  ExportSettings e;
  e.codec = fromName(o.value("codec"), &cf::videoCodecFromName, e.codec);
  e.quality_crf = o.value("quality_crf").toInt(e.quality_crf);
  e.keep_audio = o.value("keep_audio").toBool(e.keep_audio);
  e.use_in_out = o.value("use_in_out").toBool(e.use_in_out);
  if (const int depth = o.value("bit_depth").toInt(0);
      depth == 8 || depth == 10 || depth == 12 || depth == 16)
    e.bit_depth = depth;  // anything else: the source's
  return e;
}

QByteArray projectToJson(const ProjectData& project) {
  QJsonArray overrides;
  for (const auto& o : project.overrides) {
    QJsonObject item{{"shot_first_frame", static_cast<qint64>(o.shot_first_frame)}};
    if (o.lambda)
      item.insert("lambda", *o.lambda);
    if (o.temperature)
      item.insert("temperature", *o.temperature);
    if (o.grade)
      item.insert("grade", gradeToJson(*o.grade));
    overrides.append(item);
  }
  QJsonArray reviews;
  for (const auto& r : project.failure_reviews)
    reviews.append(QJsonObject{{"kind", QLatin1String(analysis::flagKindName(r.kind))},
                               {"first_frame", static_cast<qint64>(r.first_frame)},
                               {"last_frame", static_cast<qint64>(r.last_frame)},
                               {"status", QLatin1String(reviewStatusName(r.status))}});
  QJsonObject root{{"format", "chromaflow-project"},
                   {"version", kProjectFormatVersion},
                   {"source_path", project.source_path},
                   {"settings", settingsToJson(project.settings)},
                   {"shot_overrides", overrides},
                   {"cache_dir", project.cache_dir},
                   {"in_frame", static_cast<qint64>(project.in_frame)},
                   {"out_frame", static_cast<qint64>(project.out_frame)},
                   {"export", exportSettingsToJson(project.export_settings)}};
  if (!project.guidance.empty() || project.guidance.strength != 1.0)
    root.insert(QStringLiteral("guidance"), guidanceToJson(project.guidance));
  if (!reviews.isEmpty())
    root.insert("failure_reviews", reviews);
  return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<ProjectData> projectFromJson(const QByteArray& json, const QString& context) {
  QJsonParseError parse_error{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parse_error);
  if (parse_error.error != QJsonParseError::NoError || !doc.isObject())
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile",
                                    "cannot read project %1: %2 at offset %3; check the file is a "
                                    "Chromaflow project")
            .arg(context, parse_error.errorString())
            .arg(parse_error.offset)
            .toStdString());
  const QJsonObject root = doc.object();
  if (root.value("format").toString() != QLatin1String("chromaflow-project"))
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile",
                                    "cannot read project %1: not a Chromaflow project file")
            .arg(context)
            .toStdString());
  const int version = root.value("version").toInt(0);
  if (version > kProjectFormatVersion)
    return makeError(
        QCoreApplication::translate(
            "cf::ui::ProjectFile",
            "cannot open project %1: it was saved by a newer Chromaflow (project format version "
            "%2; this version reads up to %3), and opening it here would lose what that version "
            "added. Update Chromaflow to open it")
            .arg(context)
            .arg(version)
            .arg(kProjectFormatVersion)
            .toStdString());
  if (version < 1)
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile",
                                    "cannot read project %1: format version %2 is not supported; "
                                    "check the file is a Chromaflow project")
            .arg(context)
            .arg(version)
            .toStdString());
  ProjectData p;
  p.source_path = root.value("source_path").toString();
  p.settings = settingsFromJson(root.value("settings").toObject());
  p.cache_dir = root.value("cache_dir").toString();
  p.settings.cache_dir = p.cache_dir.toStdString();
  p.in_frame = root.value("in_frame").toInteger(-1);
  p.out_frame = root.value("out_frame").toInteger(-1);
  for (const QJsonValue& v : root.value("shot_overrides").toArray()) {
    const QJsonObject o = v.toObject();
    pipeline::ShotOverride so;
    so.shot_first_frame = o.value("shot_first_frame").toInteger(0);
    if (o.contains("lambda"))
      so.lambda = o.value("lambda").toDouble();
    if (o.contains("temperature"))
      so.temperature = o.value("temperature").toDouble();
    if (o.value("grade").isObject()) {
      so.grade = gradeFromJson(o.value("grade").toObject());
      if (const std::string problem = color::gradeProblem(*so.grade); !problem.empty())
        return makeError(QCoreApplication::translate(
                             "cf::ui::ProjectFile",
                             "cannot read project %1: the grade of the shot at frame %2: %3")
                             .arg(context)
                             .arg(so.shot_first_frame)
                             .arg(QString::fromStdString(problem))
                             .toStdString());
    }
    p.overrides.push_back(so);
  }
  for (const QJsonValue& v : root.value("failure_reviews").toArray()) {
    const QJsonObject o = v.toObject();
    FailureReview r;
    if (!analysis::flagKindFromName(o.value("kind").toString().toStdString(), &r.kind) ||
        !reviewStatusFromName(o.value("status").toString(), &r.status))
      continue;  // a kind or mark this version does not know
    r.first_frame = o.value("first_frame").toInteger(0);
    r.last_frame = o.value("last_frame").toInteger(r.first_frame);
    p.failure_reviews.push_back(r);
  }
  if (version >= 2)  // version 1 had no export settings: the defaults apply
    p.export_settings = exportSettingsFromJson(root.value("export").toObject());
  if (root.contains(QStringLiteral("guidance"))) {  // optional: none in older files
    auto guidance = guidanceFromJson(root.value("guidance").toObject(), context);
    if (!guidance)
      return guidance.error();
    p.guidance = std::move(*guidance);
  }
  return p;
}

Status saveProject(const QString& path, const ProjectData& project) {
  ProjectData stored = project;
  const QDir dir = QFileInfo(path).absoluteDir();
  const QString relative = dir.relativeFilePath(project.source_path);
  if (!project.source_path.isEmpty() && !relative.startsWith(QLatin1String("..")) &&
      QFileInfo(project.source_path).isAbsolute())
    stored.source_path = relative;
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile",
                                    "cannot save project %1: %2; choose a writable folder")
            .arg(path, file.errorString())
            .toStdString());
  file.write(projectToJson(stored));
  if (!file.commit())
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile",
                                    "cannot save project %1: %2; check the free disk space")
            .arg(path, file.errorString())
            .toStdString());
  return Status::success();
}

Result<ProjectData> loadProject(const QString& path) {
  if (QFileInfo::exists(path) && !QFileInfo(path).isFile())  // a FIFO would block the read
    return makeError(QCoreApplication::translate(
                         "cf::ui::ProjectFile",
                         "cannot open project %1: it is not a regular file (a folder, named pipe "
                         "or device)")
                         .arg(path)
                         .toStdString());
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return makeError(
        QCoreApplication::translate("cf::ui::ProjectFile", "cannot open project %1: %2")
            .arg(path, file.errorString())
            .toStdString());
  auto project = projectFromJson(file.readAll(), path);
  if (!project.ok())
    return project;
  ProjectData& p = project.value();
  if (!p.source_path.isEmpty() && QFileInfo(p.source_path).isRelative())
    p.source_path = QFileInfo(path).absoluteDir().absoluteFilePath(p.source_path);
  // A relative cache folder belongs to the project, not to the current folder of the program.
  if (!p.cache_dir.isEmpty() && QFileInfo(p.cache_dir).isRelative()) {
    p.cache_dir = QDir::cleanPath(QFileInfo(path).absoluteDir().absoluteFilePath(p.cache_dir));
    p.settings.cache_dir = p.cache_dir.toStdString();
  }
  return project;
}

}  // namespace cf::ui
