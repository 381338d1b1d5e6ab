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

QString cacheRoot(const SessionSettings& settings) {
  QString root = QString::fromStdString(settings.cache_dir);
  if (root.isEmpty()) {
    root = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (root.isEmpty())
      root = QDir::tempPath();
    root += QStringLiteral("/chromaflow");
  }
  return root;
}

std::string folderName(const QString& root, const std::string& video_path, const QString& kind,
                       const QByteArray& hash) {
  const QString name = QFileInfo(QString::fromStdString(video_path)).completeBaseName().left(40);
  return (root + QLatin1Char('/') + name + kind + QLatin1Char('-') +
          QString::fromLatin1(hash.toHex().left(16)))
      .toStdString();
}

}  // namespace

std::string cacheFolderFor(const std::string& video_path, const std::string& model_path,
                           const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(fileIdentity(video_path));
  hash.addData(fileIdentity(model_path));
  hash.addData(QByteArray::number(settings.working_height_px));
  hash.addData(QByteArray::number(settings.temperature, 'g', 6));
  return folderName(cacheRoot(settings), video_path, QString(), hash.result());
}

std::string flowCacheFolderFor(const std::string& video_path, const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(fileIdentity(video_path));
  hash.addData(QByteArray::number(settings.working_height_px));
  hash.addData(QByteArray::number(static_cast<int>(settings.flow_method)));
  return folderName(cacheRoot(settings), video_path, QStringLiteral("-flow"), hash.result());
}

}  // namespace cf::pipeline
