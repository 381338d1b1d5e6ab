#include "pipeline/CutScanCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include "pipeline/ShardManifest.h"

namespace cf::pipeline {

namespace {
constexpr int kFormat = 1;
}

std::string cutScanCacheFile(const std::string& video_path, const SessionSettings& settings,
                             const temporal::SceneCutSettings& c) {
  auto fingerprint = sourceFingerprint(video_path);
  if (!fingerprint)
    return {};
  QString root = QString::fromStdString(settings.cache_dir);
  if (root.isEmpty()) {
    root = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (root.isEmpty())
      return {};
    root += QStringLiteral("/chromaflow");
  }
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(QByteArray::fromStdString(*fingerprint));
  hash.addData(QByteArray::number(c.min_histogram_distance, 'g', 17));
  hash.addData(QByteArray::number(c.min_frame_difference, 'g', 17));
  hash.addData(QByteArray::number(c.neighbour_ratio, 'g', 17));
  hash.addData(QByteArray::number(c.neighbourhood_frames));
  hash.addData(QByteArray::number(kFormat));
  return (root + QStringLiteral("/cuts-") + QString::fromLatin1(hash.result().toHex().left(16)) +
          QStringLiteral(".json"))
      .toStdString();
}

std::optional<CutScanResult> loadCutScan(const std::string& file) {
  if (file.empty())
    return std::nullopt;
  QFile f(QString::fromStdString(file));
  if (!f.open(QIODevice::ReadOnly))
    return std::nullopt;
  const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
  if (o.value(QStringLiteral("format")).toInt() != kFormat)
    return std::nullopt;
  CutScanResult scan;
  scan.frames = o.value(QStringLiteral("frames")).toInteger(-1);
  if (scan.frames < 0)
    return std::nullopt;
  for (const QJsonValue& v : o.value(QStringLiteral("cuts")).toArray()) {
    const QJsonObject c = v.toObject();
    temporal::SceneCut cut;
    cut.frame = c.value(QStringLiteral("frame")).toInteger(-1);
    cut.histogram_distance = c.value(QStringLiteral("histogram_distance")).toDouble();
    cut.frame_difference = c.value(QStringLiteral("frame_difference")).toDouble();
    if (cut.frame <= 0 || cut.frame >= scan.frames)
      return std::nullopt;
    scan.cuts.push_back(cut);
  }
  scan.damaged_frames = o.value(QStringLiteral("damaged_frames")).toInteger(0);
  scan.first_damaged_frame = o.value(QStringLiteral("first_damaged_frame")).toInteger(-1);
  return scan;
}

Status saveCutScan(const std::string& file, const CutScanResult& scan) {
  if (file.empty())
    return makeError("no cache file for the cut scan");
  QJsonArray cuts;
  for (const temporal::SceneCut& c : scan.cuts)
    cuts.append(QJsonObject{{QStringLiteral("frame"), static_cast<qint64>(c.frame)},
                            {QStringLiteral("histogram_distance"), c.histogram_distance},
                            {QStringLiteral("frame_difference"), c.frame_difference}});
  const QJsonObject o{
      {QStringLiteral("format"), kFormat},
      {QStringLiteral("frames"), static_cast<qint64>(scan.frames)},
      {QStringLiteral("cuts"), cuts},
      {QStringLiteral("damaged_frames"), static_cast<qint64>(scan.damaged_frames)},
      {QStringLiteral("first_damaged_frame"), static_cast<qint64>(scan.first_damaged_frame)}};
  const QString path = QString::fromStdString(file);
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSaveFile f(path);
  // Unbuffered, as AbCache's entries: a buffered write that fails only in commit() on a full
  // disk could leave an empty file behind instead of an error.
  const QByteArray bytes = QJsonDocument(o).toJson();
  if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || f.write(bytes) != bytes.size() ||
      !f.commit())
    return makeError("cannot write the cut scan cache '" + file +
                     "': " + f.errorString().toStdString());
  return {};
}

}  // namespace cf::pipeline
