#include "pipeline/ShotReachFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

namespace cf::pipeline {

namespace {

const QString kFormat = QStringLiteral("chromaflow-shot-reach");
constexpr int kVersion = 1;

QString pathIn(const std::string& folder) {
  return QDir(QString::fromStdString(folder)).filePath(QLatin1String(kShotReachFile));
}

}  // namespace

Status writeShotReach(const std::string& folder, const ShotReach& reach) {
  QJsonArray shares;
  for (double s : reach.shares)
    shares.append(std::isfinite(s) ? s : -1.0);
  QJsonObject o;
  o[QStringLiteral("format")] = kFormat;
  o[QStringLiteral("version")] = kVersion;
  o[QStringLiteral("key_share")] = reach.key_share;
  o[QStringLiteral("shares")] = shares;
  const QString path = pathIn(folder);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
    return makeError("cannot write '" + path.toStdString() +
                     "': " + file.errorString().toStdString());
  return {};
}

Result<ShotReach> readShotReach(const std::string& folder, size_t frames) {
  const QString path = pathIn(folder);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return makeError("cannot read '" + path.toStdString() +
                     "': " + file.errorString().toStdString());
  QJsonParseError parse;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
  const QJsonObject o = doc.object();
  if (parse.error != QJsonParseError::NoError || o.value(QStringLiteral("format")) != kFormat ||
      o.value(QStringLiteral("version")).toInt() != kVersion)
    return makeError("'" + path.toStdString() + "' is not a shot reach file of version " +
                     std::to_string(kVersion));
  const QJsonArray shares = o.value(QStringLiteral("shares")).toArray();
  if (static_cast<size_t>(shares.size()) != frames)
    return makeError("'" + path.toStdString() + "' holds " + std::to_string(shares.size()) +
                     " frames' reach, the shot has " + std::to_string(frames));
  ShotReach out;
  out.key_share = o.value(QStringLiteral("key_share")).toDouble(0.0);
  for (const QJsonValue& v : shares)
    out.shares.push_back(v.toDouble(-1.0));
  return out;
}

}  // namespace cf::pipeline
