#include "analysis/ReportIO.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QString>
#include <sstream>

namespace cf::analysis {

namespace {

// The metric fields, in CSV column order; one table so JSON and CSV cannot drift apart.
struct MetricField {
  const char* name;
  double FrameMetrics::*member;
};
constexpr MetricField kMetricFields[] = {
    {"colorfulness", &FrameMetrics::colorfulness},
    {"mean_chroma", &FrameMetrics::mean_chroma},
    {"sepia_fraction", &FrameMetrics::sepia_fraction},
    {"hue_spread_deg", &FrameMetrics::hue_spread_deg},
    {"mean_confidence", &FrameMetrics::mean_confidence},
    {"low_confidence_fraction", &FrameMetrics::low_confidence_fraction},
    {"flicker_ab", &FrameMetrics::flicker_ab},
    {"flicker_luma", &FrameMetrics::flicker_luma},
    {"flicker", &FrameMetrics::flicker},
    {"motion_px", &FrameMetrics::motion_px},
    {"motion_fraction", &FrameMetrics::motion_fraction},
    {"occluded_fraction", &FrameMetrics::occluded_fraction},
    {"flicker_lambda", &FrameMetrics::flicker_lambda},
    {"confidence_p05", &FrameMetrics::confidence_p05},
    {"confidence_p95", &FrameMetrics::confidence_p95},
};

struct ThresholdField {
  const char* name;
  double FailureThresholds::*member;
};
constexpr ThresholdField kThresholdFields[] = {
    {"sepia_fraction", &FailureThresholds::sepia_fraction},
    {"sepia_max_hue_spread_deg", &FailureThresholds::sepia_max_hue_spread_deg},
    {"min_colorfulness", &FailureThresholds::min_colorfulness},
    {"low_confidence_area", &FailureThresholds::low_confidence_area},
    {"flicker_ratio", &FailureThresholds::flicker_ratio},
    {"flicker_absolute", &FailureThresholds::flicker_absolute},
    {"occluded_fraction", &FailureThresholds::occluded_fraction},
    {"motion_fraction", &FailureThresholds::motion_fraction},
    {"robust_z", &FailureThresholds::robust_z},
};

QString q(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

namespace {

/// The reason as a code and its numbers (reports since the typed reasons; older ones have only
/// the text, and read back with the default code).
void writeWhy(const Reason& why, QJsonObject& o) {
  o[QStringLiteral("reason_code")] = QLatin1String(reasonCodeName(why.code));
  o[QStringLiteral("reason_values")] = QJsonArray{why.value, why.limit, why.extra};
}

Reason readWhy(const QJsonObject& o) {
  Reason why;
  reasonCodeFromName(o.value(QStringLiteral("reason_code")).toString().toStdString(), &why.code);
  const QJsonArray values = o.value(QStringLiteral("reason_values")).toArray();
  why.value = values.at(0).toDouble();
  why.limit = values.at(1).toDouble();
  why.extra = values.at(2).toDouble();
  return why;
}

}  // namespace

std::string reportToJson(const AnalysisReport& report) {
  QJsonObject root;
  root[QStringLiteral("format")] = QStringLiteral("chromaflow-failure-report");
  root[QStringLiteral("version")] = 1;
  root[QStringLiteral("source")] = q(report.source_path);
  root[QStringLiteral("model")] = q(report.model_name);
  QJsonObject thresholds;
  for (const auto& f : kThresholdFields)
    thresholds[QLatin1String(f.name)] = report.thresholds.*(f.member);
  root[QStringLiteral("thresholds")] = thresholds;

  QJsonArray frames;
  for (const FrameReport& fr : report.frames) {
    QJsonObject o;
    o[QStringLiteral("frame")] = static_cast<qint64>(fr.metrics.frame_index);
    o[QStringLiteral("shot")] = fr.shot_index;
    o[QStringLiteral("scene_cut")] = fr.metrics.scene_cut;
    o[QStringLiteral("has_previous")] = fr.metrics.has_previous;
    for (const auto& f : kMetricFields)
      o[QLatin1String(f.name)] = fr.metrics.*(f.member);
    QJsonArray flags;
    for (const Flag& flag : fr.flags) {
      QJsonObject fo;
      fo[QStringLiteral("kind")] = QLatin1String(flagKindName(flag.kind));
      fo[QStringLiteral("reason")] = q(flag.reason);
      writeWhy(flag.why, fo);
      fo[QStringLiteral("severity")] = flag.severity;
      flags.append(fo);
    }
    o[QStringLiteral("flags")] = flags;
    frames.append(o);
  }
  root[QStringLiteral("frames")] = frames;

  QJsonArray ranges;
  for (const FailureRange& r : report.ranges) {
    QJsonObject o;
    o[QStringLiteral("first_frame")] = static_cast<qint64>(r.first_frame);
    o[QStringLiteral("last_frame")] = static_cast<qint64>(r.last_frame);
    o[QStringLiteral("kind")] = QLatin1String(flagKindName(r.kind));
    o[QStringLiteral("reason")] = q(r.reason);
    writeWhy(r.why, o);
    o[QStringLiteral("severity")] = r.severity;
    ranges.append(o);
  }
  root[QStringLiteral("ranges")] = ranges;
  return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

Result<AnalysisReport> reportFromJson(const std::string& json) {
  QJsonParseError parse_error;
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &parse_error);
  if (doc.isNull())
    return makeError("failure report is not valid JSON: " +
                     parse_error.errorString().toStdString());
  const QJsonObject root = doc.object();
  if (root.value(QStringLiteral("format")).toString() != QLatin1String("chromaflow-failure-report"))
    return makeError("not a Chromaflow failure report (missing \"format\")");
  AnalysisReport report;
  report.source_path = root.value(QStringLiteral("source")).toString().toStdString();
  report.model_name = root.value(QStringLiteral("model")).toString().toStdString();
  const QJsonObject thresholds = root.value(QStringLiteral("thresholds")).toObject();
  for (const auto& f : kThresholdFields)
    report.thresholds.*(f.member) =
        thresholds.value(QLatin1String(f.name)).toDouble(report.thresholds.*(f.member));

  for (const QJsonValue& v : root.value(QStringLiteral("frames")).toArray()) {
    const QJsonObject o = v.toObject();
    FrameReport fr;
    fr.metrics.frame_index = o.value(QStringLiteral("frame")).toInteger();
    fr.shot_index = o.value(QStringLiteral("shot")).toInt();
    fr.metrics.scene_cut = o.value(QStringLiteral("scene_cut")).toBool();
    fr.metrics.has_previous = o.value(QStringLiteral("has_previous")).toBool();
    for (const auto& f : kMetricFields)
      fr.metrics.*(f.member) = o.value(QLatin1String(f.name)).toDouble(fr.metrics.*(f.member));
    for (const QJsonValue& fv : o.value(QStringLiteral("flags")).toArray()) {
      const QJsonObject fo = fv.toObject();
      Flag flag;
      const std::string kind = fo.value(QStringLiteral("kind")).toString().toStdString();
      if (!flagKindFromName(kind, &flag.kind))
        return makeError("failure report has an unknown flag kind '" + kind + "'");
      flag.reason = fo.value(QStringLiteral("reason")).toString().toStdString();
      flag.why = readWhy(fo);
      flag.severity = fo.value(QStringLiteral("severity")).toDouble();
      fr.flags.push_back(std::move(flag));
    }
    report.frames.push_back(std::move(fr));
  }
  for (const QJsonValue& v : root.value(QStringLiteral("ranges")).toArray()) {
    const QJsonObject o = v.toObject();
    FailureRange r;
    r.first_frame = o.value(QStringLiteral("first_frame")).toInteger();
    r.last_frame = o.value(QStringLiteral("last_frame")).toInteger();
    const std::string kind = o.value(QStringLiteral("kind")).toString().toStdString();
    if (!flagKindFromName(kind, &r.kind))
      return makeError("failure report has an unknown range kind '" + kind + "'");
    r.reason = o.value(QStringLiteral("reason")).toString().toStdString();
    r.why = readWhy(o);
    r.severity = o.value(QStringLiteral("severity")).toDouble();
    report.ranges.push_back(std::move(r));
  }
  return report;
}

std::string reportToCsv(const AnalysisReport& report) {
  std::ostringstream out;
  out.precision(6);
  out << "frame,shot,scene_cut";
  for (const auto& f : kMetricFields)
    out << ',' << f.name;
  out << ",flags\n";
  for (const FrameReport& fr : report.frames) {
    out << fr.metrics.frame_index << ',' << fr.shot_index << ',' << (fr.metrics.scene_cut ? 1 : 0);
    for (const auto& f : kMetricFields)
      out << ',' << fr.metrics.*(f.member);
    out << ",\"";
    for (size_t i = 0; i < fr.flags.size(); ++i) {
      std::string reason = fr.flags[i].reason;
      for (char& c : reason)
        if (c == '"')
          c = '\'';
      out << (i ? "; " : "") << reason;
    }
    out << "\"\n";
  }
  return out.str();
}

Status writeReport(const AnalysisReport& report, const std::string& path) {
  const QString qpath = q(path);
  const QString suffix = QFileInfo(qpath).suffix().toLower();
  std::string text;
  if (suffix == QLatin1String("json"))
    text = reportToJson(report);
  else if (suffix == QLatin1String("csv"))
    text = reportToCsv(report);
  else
    return makeError("cannot write report '" + path + "': use a .json or .csv file name");
  QSaveFile file(qpath);
  if (!file.open(QIODevice::WriteOnly))
    return makeError("cannot write report '" + path + "': " + file.errorString().toStdString() +
                     ". Check that the folder exists and is writable.");
  file.write(text.data(), static_cast<qint64>(text.size()));
  if (!file.commit())
    return makeError("cannot write report '" + path + "': " + file.errorString().toStdString());
  return {};
}

}  // namespace cf::analysis
