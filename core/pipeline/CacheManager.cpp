#include "pipeline/CacheManager.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

#include "pipeline/CacheKey.h"
#include "pipeline/ModelLocator.h"
#include "pipeline/PropagatedStore.h"
#include "pipeline/ShotReachFile.h"

namespace cf::pipeline {

namespace {

const QString kMarker = QStringLiteral(".chromaflow-used");

// Chromaflow's files in a cache folder: entries (AbCache, DiskFlowCache, a guided shot's reach and
// the spill files a crash left), QSaveFile's temporary names for them (the entry's name plus a
// suffix), the use marker, and a video given fresh timestamps (RetimedSource) with its temporary
// name while it is written.
bool isCacheFile(const QString& name) {
  return name == kMarker ||
         (name.startsWith(QLatin1String("ab_")) && name.contains(QLatin1String(".f16"))) ||
         (name.startsWith(QLatin1String("flow_")) && name.contains(QLatin1String(".cfl"))) ||
         name.startsWith(QLatin1String(kShotReachFile)) ||
         name.startsWith(QLatin1String(PropagatedStore::kSpillPrefix)) ||
         name.endsWith(QLatin1String(".retimed.mkv")) ||
         (name.startsWith(QLatin1Char('.')) && name.contains(QLatin1String(".retimed.partial-")));
}

bool isCutScanFile(const QString& name) {
  return name.startsWith(QLatin1String("cuts-")) && name.contains(QLatin1String(".json"));
}

QStringList folderFiles(const QString& folder) {
  return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

/// A folder is a cache folder when it holds a use marker or at least one entry.
bool isCacheFolder(const QString& folder) {
  for (const QString& name : folderFiles(folder))
    if (isCacheFile(name))
      return true;
  return false;
}

CacheFolderInfo folderInfo(const QString& folder) {
  CacheFolderInfo info;
  info.path = folder.toStdString();
  const QFileInfo marker(QDir(folder).filePath(kMarker));
  qint64 newest = 0;
  for (const QFileInfo& f : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
    if (!isCacheFile(f.fileName()))
      continue;
    info.bytes += f.size();
    newest = std::max(newest, f.lastModified().toMSecsSinceEpoch());
  }
  info.last_used_ms = marker.exists() ? marker.lastModified().toMSecsSinceEpoch() : newest;
  return info;
}

bool isGuidedParent(const QString& folder) {
  return folder.endsWith(QLatin1String(kGuidedCacheSuffix));
}

QStringList subfolders(const QString& folder) {
  return QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

/// The cache folders under `root`, with the guided shots' folders one level deeper.
std::vector<QString> cacheFolders(const QString& root) {
  std::vector<QString> out;
  for (const QString& name : subfolders(root)) {
    const QString path = QDir(root).filePath(name);
    if (isCacheFolder(path)) {
      out.push_back(path);
    } else if (isGuidedParent(path)) {
      for (const QString& shot : subfolders(path))
        if (isCacheFolder(QDir(path).filePath(shot)))
          out.push_back(QDir(path).filePath(shot));
    }
  }
  return out;
}

/// Removes a guided shots' parent folder once it is empty.
void removeEmptyGuidedParent(const QString& folder) {
  const QString parent = QFileInfo(folder).absolutePath();
  if (isGuidedParent(parent) &&
      QDir(parent)
          .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
          .isEmpty())
    QDir().rmdir(parent);
}

QString canonical(const std::string& path) {
  const QFileInfo info(QString::fromStdString(path));
  const QString c = info.canonicalFilePath();
  return c.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : c;
}

/// Whether `folder` is one of `folders` or inside one of them.
bool contains(const std::vector<std::string>& folders, const QString& folder) {
  const QString c = canonical(folder.toStdString());
  return std::any_of(folders.begin(), folders.end(), [&](const std::string& f) {
    const QString cf = canonical(f);
    return cf == c || c.startsWith(cf + QLatin1Char('/'));
  });
}

Error cannot(const std::string& what, const QString& path, const QString& why) {
  return makeError("cannot " + what + " '" + path.toStdString() + "': " + why.toStdString());
}

}  // namespace

std::vector<std::string> videoCacheFolders(const std::string& video_path,
                                           const SessionSettings& settings) {
  const std::string network =
      cacheFolderFor(video_path, resolveModelPath(settings.model_path), settings);
  return {network, flowCacheFolderFor(video_path, settings), network + kGuidedCacheSuffix};
}

void markCacheFolderUsed(const std::string& folder) {
  QFile marker(QDir(QString::fromStdString(folder)).filePath(kMarker));
  if (marker.open(QIODevice::WriteOnly | QIODevice::Truncate))
    marker.write(QByteArray::number(QDateTime::currentMSecsSinceEpoch()));
}

CacheUsage measureCache(const std::string& root, const std::vector<std::string>& video_folders) {
  CacheUsage usage;
  const QString qroot = QString::fromStdString(root);
  for (const QString& folder : cacheFolders(qroot)) {
    CacheFolderInfo info = folderInfo(folder);
    usage.total_bytes += info.bytes;
    if (contains(video_folders, folder))
      usage.video_bytes += info.bytes;
    usage.folders.push_back(std::move(info));
  }
  for (const QFileInfo& f : QDir(qroot).entryInfoList(QDir::Files))
    if (isCutScanFile(f.fileName()))
      usage.total_bytes += f.size();
  std::sort(usage.folders.begin(), usage.folders.end(),
            [](const CacheFolderInfo& a, const CacheFolderInfo& b) {
              return a.last_used_ms < b.last_used_ms;
            });
  return usage;
}

Status clearCacheFolder(const std::string& folder) {
  const QString qfolder = QString::fromStdString(folder);
  if (!QFileInfo(qfolder).isDir())
    return {};
  if (isGuidedParent(qfolder) && !isCacheFolder(qfolder)) {
    for (const QString& shot : subfolders(qfolder))
      if (isCacheFolder(QDir(qfolder).filePath(shot)))
        if (Status s = clearCacheFolder(QDir(qfolder).filePath(shot).toStdString()); !s)
          return s;
    if (QDir(qfolder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                              QDir::System))
      QDir().rmdir(qfolder);
    return {};
  }
  QDir dir(qfolder);
  for (const QString& name : folderFiles(qfolder))
    if (isCacheFile(name) && !dir.remove(name))
      return cannot("delete the cache file", dir.filePath(name),
                    QStringLiteral("check the cache folder's permissions"));
  if (dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
          .isEmpty() &&
      QDir().rmdir(qfolder))  // other files inside: the folder stays
    removeEmptyGuidedParent(qfolder);
  return {};
}

Status clearCache(const std::string& root) {
  const QString qroot = QString::fromStdString(root);
  for (const QString& folder : cacheFolders(qroot))
    if (Status s = clearCacheFolder(folder.toStdString()); !s)
      return s;
  QDir dir(qroot);
  for (const QString& name : dir.entryList(QDir::Files))
    if (isCutScanFile(name) && !dir.remove(name))
      return cannot("delete the cache file", dir.filePath(name),
                    QStringLiteral("check the cache folder's permissions"));
  return {};
}

Result<int64_t> enforceCacheLimit(const std::string& root, int64_t limit_bytes,
                                  const std::vector<std::string>& keep) {
  if (limit_bytes <= 0)
    return int64_t(0);
  const CacheUsage usage = measureCache(root, {});
  int64_t total = usage.total_bytes;
  int64_t freed = 0;
  for (const CacheFolderInfo& f : usage.folders) {  // least recently used first
    if (total <= limit_bytes)
      break;
    if (contains(keep, QString::fromStdString(f.path)))
      continue;
    if (Status s = clearCacheFolder(f.path); !s)
      return s.error();
    total -= f.bytes;
    freed += f.bytes;
  }
  return freed;
}

Status moveCache(const std::string& from, const std::string& to) {
  const QString qfrom = QString::fromStdString(from);
  const QString qto = QString::fromStdString(to);
  if (canonical(from) == canonical(to))
    return {};
  if (!QDir().mkpath(qto) || !QFileInfo(qto).isWritable())
    return cannot("move the cache to", qto,
                  QStringLiteral("the folder cannot be created or is not writable; choose "
                                 "another one"));
  const std::vector<QString> folders = cacheFolders(qfrom);
  const QDir src_root(qfrom);
  for (const QString& folder : folders)
    if (QFileInfo::exists(QDir(qto).filePath(src_root.relativeFilePath(folder))))
      return cannot("move the cache to", qto,
                    QStringLiteral("it already holds a cache folder named '%1'; clear it first")
                        .arg(src_root.relativeFilePath(folder)));
  for (const QString& folder : folders) {
    // Guided shots' folders keep their parent folder (`<network folder>-guided/<shot>`).
    const QString target = QDir(qto).filePath(src_root.relativeFilePath(folder));
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (QDir().rename(folder, target)) {
      removeEmptyGuidedParent(folder);
      continue;
    }
    // Another file system: copy the entries, then delete the originals.
    if (!QDir().mkpath(target))
      return cannot("create the cache folder", target, QStringLiteral("check the permissions"));
    for (const QString& name : folderFiles(folder)) {
      if (!isCacheFile(name))
        continue;
      const QString dst = QDir(target).filePath(name);
      QFile::remove(dst);
      if (!QFile::copy(QDir(folder).filePath(name), dst))
        return cannot(
            "copy the cache file", QDir(folder).filePath(name),
            QStringLiteral("the disk may be full; the cache is still in '%1'").arg(qfrom));
    }
    if (Status s = clearCacheFolder(folder.toStdString()); !s)
      return s;
  }
  QDir src(qfrom);
  for (const QString& name : src.entryList(QDir::Files)) {
    if (!isCutScanFile(name))
      continue;
    const QString dst = QDir(qto).filePath(name);
    QFile::remove(dst);
    if (!QFile::rename(src.filePath(name), dst) &&
        !(QFile::copy(src.filePath(name), dst) && QFile::remove(src.filePath(name))))
      return cannot("move the cache file", src.filePath(name),
                    QStringLiteral("check the permissions"));
  }
  return {};
}

}  // namespace cf::pipeline
