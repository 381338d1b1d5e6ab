#include "pipeline/CacheKey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cf::pipeline {

namespace {
QByteArray fileIdentity(const std::string& path) {
  const QFileInfo info(QString::fromStdString(path));
  return (info.canonicalFilePath() + QLatin1Char('|') + QString::number(info.size()) +
          QLatin1Char('|') + QString::number(info.lastModified().toMSecsSinceEpoch()))
      .toUtf8();
}
}  // namespace

std::string cacheFolderFor(const std::string& video_path, const std::string& model_path,
                           const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(fileIdentity(video_path));
  hash.addData(fileIdentity(model_path));
  hash.addData(QByteArray::number(settings.working_height_px));
  hash.addData(QByteArray::number(settings.temperature, 'g', 6));
  QString root = QString::fromStdString(settings.cache_dir);
  if (root.isEmpty()) {
    root = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (root.isEmpty())
      root = QDir::tempPath();
    root += QStringLiteral("/chromaflow");
  }
  const QString name = QFileInfo(QString::fromStdString(video_path)).completeBaseName().left(40);
  return (root + QLatin1Char('/') + name + QLatin1Char('-') +
          QString::fromLatin1(hash.result().toHex().left(16)))
      .toStdString();
}

}  // namespace cf::pipeline
