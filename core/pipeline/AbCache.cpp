#include "pipeline/AbCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstring>

namespace cf::pipeline {

namespace {

constexpr char kMagic[4] = {'C', 'F', 'A', 'B'};
constexpr uint32_t kVersion = 1;

struct Header {
  char magic[4];
  uint32_t version;
  uint32_t width;
  uint32_t height;
  uint32_t has_confidence;
};

}  // namespace

Result<std::unique_ptr<AbCache>> AbCache::open(const std::string& dir, size_t memory_frames) {
  std::unique_ptr<AbCache> cache(new AbCache());
  cache->memory_frames_ = std::max<size_t>(memory_frames, 1);
  cache->dir_ = dir;
  if (dir.empty())
    return cache;
  const QString qdir = QString::fromStdString(dir);
  if (!QDir().mkpath(qdir))
    return makeError("cannot create the cache folder '" + dir +
                     "': check its parent exists and is writable, or choose another cache folder");
  const QFileInfo info(qdir);
  if (!info.isDir() || !info.isWritable())
    return makeError("the cache folder '" + dir +
                     "' is not writable: fix its permissions or choose another cache folder");
  return cache;
}

int64_t AbCache::entryBytes(cv::Size size, bool with_confidence) {
  return static_cast<int64_t>(sizeof(Header)) +
         static_cast<int64_t>(size.area()) * 2 * (with_confidence ? 3 : 2);
}

std::string AbCache::pathOf(int64_t frame) const {
  char name[32] = {};
  std::snprintf(name, sizeof name, "/ab_%09lld.f16", static_cast<long long>(frame));
  return dir_ + name;
}

size_t AbCache::memoryEntries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return memory_.size();
}

void AbCache::remember(int64_t frame, CachedAbPtr entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = memory_.find(frame);
  if (it != memory_.end()) {
    lru_.erase(it->second.pos);
    memory_.erase(it);
  }
  lru_.push_front(frame);
  memory_.emplace(frame, Slot{std::move(entry), lru_.begin()});
  while (memory_.size() > memory_frames_) {
    memory_.erase(lru_.back());
    lru_.pop_back();
  }
}

bool AbCache::contains(int64_t frame) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (memory_.count(frame))
      return true;
  }
  return !dir_.empty() && QFileInfo::exists(QString::fromStdString(pathOf(frame)));
}

CachedAbPtr AbCache::find(int64_t frame) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = memory_.find(frame);
    if (it != memory_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second.pos);
      return it->second.entry;
    }
  }
  if (dir_.empty())
    return nullptr;
  QFile file(QString::fromStdString(pathOf(frame)));
  if (!file.open(QIODevice::ReadOnly))
    return nullptr;
  Header header{};
  if (file.read(reinterpret_cast<char*>(&header), sizeof header) != sizeof header ||
      std::memcmp(header.magic, kMagic, 4) != 0 || header.version != kVersion ||
      header.width == 0 || header.height == 0 || header.width > 16384 || header.height > 16384)
    return nullptr;
  const cv::Size size(static_cast<int>(header.width), static_cast<int>(header.height));
  if (file.size() != entryBytes(size, header.has_confidence != 0))
    return nullptr;
  cv::Mat ab16(size, CV_16FC2), conf16;
  const qint64 ab_bytes = static_cast<qint64>(ab16.total() * ab16.elemSize());
  if (file.read(reinterpret_cast<char*>(ab16.data), ab_bytes) != ab_bytes)
    return nullptr;
  auto entry = std::make_shared<CachedAb>();
  ab16.convertTo(entry->ab, CV_32F);
  if (header.has_confidence) {
    conf16.create(size, CV_16FC1);
    const qint64 conf_bytes = static_cast<qint64>(conf16.total() * conf16.elemSize());
    if (file.read(reinterpret_cast<char*>(conf16.data), conf_bytes) != conf_bytes)
      return nullptr;
    conf16.convertTo(entry->confidence, CV_32F);
  }
  remember(frame, entry);
  return entry;
}

CachedAbPtr AbCache::quantized(const CachedAb& entry) {
  auto out = std::make_shared<CachedAb>();
  cv::Mat tmp;
  entry.ab.convertTo(tmp, CV_16F);
  tmp.convertTo(out->ab, CV_32F);
  if (!entry.confidence.empty()) {
    entry.confidence.convertTo(tmp, CV_16F);
    tmp.convertTo(out->confidence, CV_32F);
  }
  return out;
}

Status AbCache::store(int64_t frame, CachedAbPtr entry) {
  CV_Assert(entry && entry->ab.type() == CV_32FC2);
  // Everything served goes through fp16, from memory or disk alike, so a resumed run computes
  // exactly what an uninterrupted one does.
  entry = quantized(*entry);
  if (!dir_.empty()) {
    const std::string path = pathOf(frame);
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
      return makeError("cannot write the cache file '" + path + "': " +
                       file.errorString().toStdString() + ". Check the cache folder is writable.");
    const bool has_conf = !entry->confidence.empty();
    Header header{{kMagic[0], kMagic[1], kMagic[2], kMagic[3]},
                  kVersion,
                  static_cast<uint32_t>(entry->ab.cols),
                  static_cast<uint32_t>(entry->ab.rows),
                  has_conf ? 1u : 0u};
    cv::Mat ab16, conf16;
    entry->ab.convertTo(ab16, CV_16F);
    bool ok = file.write(reinterpret_cast<const char*>(&header), sizeof header) == sizeof header;
    ok = ok && file.write(reinterpret_cast<const char*>(ab16.data),
                          static_cast<qint64>(ab16.total() * ab16.elemSize())) > 0;
    if (has_conf) {
      entry->confidence.convertTo(conf16, CV_16F);
      ok = ok && file.write(reinterpret_cast<const char*>(conf16.data),
                            static_cast<qint64>(conf16.total() * conf16.elemSize())) > 0;
    }
    if (!ok || !file.commit()) {
      if (file.error() == QFileDevice::ResourceError)  // ENOSPC: the disk is full
        return makeError("cannot write the cache file '" + path + "': the disk holding the cache " +
                         "folder '" + dir_ + "' is full (" + file.errorString().toStdString() +
                         ", after " + std::to_string(bytes_on_disk_ / 1000) + " kB of cache " +
                         "written by this run). Free some space there or choose another cache " +
                         "folder.");
      return makeError("cannot write the cache file '" + path +
                       "': " + file.errorString().toStdString() +
                       ". The disk may be full: free some space or choose another cache folder.");
    }
    bytes_on_disk_ += entryBytes(entry->ab.size(), has_conf);
  }
  remember(frame, std::move(entry));
  return {};
}

}  // namespace cf::pipeline
