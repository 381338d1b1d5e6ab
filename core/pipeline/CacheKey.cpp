#include "pipeline/CacheKey.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "media/ImageSequence.h"

namespace cf::pipeline {

namespace {

// What contentFingerprint() reads: the head and the tail of the file (container headers and
// indexes: an MP4's moov is at one end or the other) and evenly spaced blocks in between (packet
// data), ~400 KiB in all whatever the file's size.
constexpr qint64 kEndBytes = 64 * 1024;
constexpr qint64 kBlockBytes = 8 * 1024;
constexpr int kBlocks = 32;

QByteArray fileIdentity(const std::string& path) {
  const QFileInfo info(QString::fromStdString(path));
  return (info.canonicalFilePath() + QLatin1Char('|') + QString::number(info.size()) +
          QLatin1Char('|') + QString::number(info.lastModified().toMSecsSinceEpoch()) +
          QLatin1Char('|') + QString::fromLatin1(contentFingerprint(path)))
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

/// An image sequence (a pattern or a folder) is known by its absolute pattern, its first and last
/// files and its length; anything else by the file itself.
QByteArray inputIdentity(const std::string& path) {
  auto images = media::findImageInput(path);
  if (!images || !*images || (*images)->single_still)
    return fileIdentity(path);
  const media::ImageSequence& seq = **images;
  return QFileInfo(QString::fromStdString(seq.pattern)).absoluteFilePath().toUtf8() + '|' +
         fileIdentity(seq.pathOf(seq.first_number)) + '|' +
         fileIdentity(seq.pathOf(seq.last_number)) + '|' + QByteArray::number(seq.file_count);
}

}  // namespace

std::string cacheRootFor(const SessionSettings& settings) {
  return cacheRoot(settings).toStdString();
}

QByteArray contentFingerprint(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return QByteArrayLiteral("unreadable");
  QCryptographicHash hash(QCryptographicHash::Sha1);
  const qint64 size = file.size();
  hash.addData(QByteArray::number(size));
  if (size <= 2 * kEndBytes + kBlocks * kBlockBytes) {
    hash.addData(&file);
  } else {
    auto add = [&](qint64 offset, qint64 bytes) {
      if (file.seek(offset))
        hash.addData(file.read(bytes));
    };
    add(0, kEndBytes);
    const qint64 middle = size - 2 * kEndBytes - kBlockBytes;
    for (int i = 0; i < kBlocks; ++i)
      add(kEndBytes + middle * i / (kBlocks - 1), kBlockBytes);
    add(size - kEndBytes, kEndBytes);
  }
  return hash.result().toHex();
}

std::string cacheFolderFor(const std::string& video_path, const std::string& model_path,
                           const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(inputIdentity(video_path));
  hash.addData(fileIdentity(model_path));
  hash.addData(QByteArray::number(settings.working_height_px));
  hash.addData(QByteArray::number(settings.temperature, 'g', 6));
  return folderName(cacheRoot(settings), video_path, QString(), hash.result());
}

std::string flowCacheFolderFor(const std::string& video_path, const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(inputIdentity(video_path));
  hash.addData(QByteArray::number(settings.working_height_px));
  hash.addData(QByteArray::number(static_cast<int>(settings.flow_method)));
  return folderName(cacheRoot(settings), video_path, QStringLiteral("-flow"), hash.result());
}

std::string retimedFolderFor(const std::string& video_path, const SessionSettings& settings) {
  QCryptographicHash hash(QCryptographicHash::Sha1);
  hash.addData(fileIdentity(video_path));
  return folderName(cacheRoot(settings), video_path, QStringLiteral("-retimed"), hash.result());
}

}  // namespace cf::pipeline
