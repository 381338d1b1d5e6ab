#include "pipeline/AbCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstring>

#include "common/Checksum.h"
#include "common/Logging.h"
#include "pipeline/NetworkOutputCheck.h"

namespace cf::pipeline {

namespace {

constexpr char kMagic[4] = {'C', 'F', 'A', 'B'};
// 1: no checksum (refused: it could hold silently changed payload bytes). 2: frame + CRC-32, ab
// upsampled to the working resolution. 3: the network's own output (native, padded and frame
// sizes), frame + CRC-32.
constexpr uint32_t kVersion = 3;
constexpr uint32_t kMaxSidePx = 16384;
// The padded working frame: up to 16384 px wide (WorkingGeometry.h) and 1024 px high, padded.
constexpr uint64_t kMaxPaddedArea = uint64_t(16384 + 64) * (1024 + 64);
// The network's output is at most 64 times smaller than the frame it covers on each side.
constexpr uint32_t kMaxUpsampling = 64;

struct Header {
  char magic[4];
  uint32_t version;
  uint32_t width;  // of the native output
  uint32_t height;
  uint32_t padded_width;  // of the padded working frame the output covers
  uint32_t padded_height;
  uint32_t frame_width;  // of the working frame (the top-left part of the padded one)
  uint32_t frame_height;
  uint32_t has_confidence;  // 0 or 1
  uint32_t payload_bytes;
  int64_t frame;      // the frame the entry belongs to
  uint32_t reserved;  // 0
  uint32_t crc32;     // of the header with this field 0, then of the payload
};
static_assert(sizeof(Header) == 56, "the cache entry header is 56 bytes on disk");

uint64_t payloadBytes(uint64_t width, uint64_t height, bool with_confidence) {
  return width * height * 2 * (with_confidence ? 3 : 2);
}

uint32_t entryCrc(Header header, const char* payload, size_t payload_size) {
  header.crc32 = 0;
  const uint32_t crc = crc32Of(&header, sizeof header);
  return crc32Of(payload, payload_size, crc);
}

/// The native output of `entry`: its own, or its ab and confidence when it has none.
model::NetworkOutput nativeOf(const CachedAb& entry) {
  if (!entry.native.ab.empty())
    return entry.native;
  model::NetworkOutput out;
  out.ab = entry.ab;
  out.confidence = entry.confidence;
  out.padded = entry.ab.size();
  out.frame = entry.ab.size();
  return out;
}

bool sizesValid(const Header& h) {
  auto within = [](uint32_t native, uint32_t padded) {
    return native > 0 && native <= padded && padded <= uint64_t(native) * kMaxUpsampling;
  };
  return h.width <= kMaxSidePx && h.height <= kMaxSidePx && within(h.width, h.padded_width) &&
         within(h.height, h.padded_height) &&
         uint64_t(h.padded_width) * h.padded_height <= kMaxPaddedArea && h.frame_width > 0 &&
         h.frame_height > 0 && h.frame_width <= h.padded_width && h.frame_height <= h.padded_height;
}

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

int64_t AbCache::entryBytes(cv::Size native_size, bool with_confidence) {
  return static_cast<int64_t>(sizeof(Header)) +
         static_cast<int64_t>(native_size.area()) * 2 * (with_confidence ? 3 : 2);
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
  const std::string path = pathOf(frame);
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return nullptr;
  // The largest valid entry: a native output as large as the largest padded frame, with
  // confidence. A bigger file is not ours.
  if (file.size() < static_cast<qint64>(sizeof(Header)) ||
      file.size() > static_cast<qint64>(sizeof(Header) + kMaxPaddedArea * 6))
    return reject(path, "its size (" + std::to_string(file.size()) + " bytes) is not an entry's");
  const QByteArray bytes = file.readAll();
  std::string problem;
  CachedAbPtr entry =
      decodeEntry(bytes.constData(), static_cast<size_t>(bytes.size()), frame, &problem);
  if (!entry)
    return reject(path, problem);
  remember(frame, entry);
  return entry;
}

CachedAbPtr AbCache::reject(const std::string& path, const std::string& problem) {
  ++rejected_;
  qCWarning(lcPipeline, "cache entry '%s' not used (%s); it is recomputed", path.c_str(),
            problem.c_str());
  return nullptr;
}

std::string AbCache::rejectionNote(int64_t n) const {
  if (n == 0)
    return {};
  return std::to_string(n) + " cache file(s) of network output in '" + dir_ +
         "' were damaged or from an older Chromaflow (checksum, size or format check failed), so "
         "their frames were computed again. If this repeats, check the disk holding the cache.";
}

CachedAbPtr AbCache::decodeEntry(const char* data, size_t size, int64_t frame,
                                 std::string* problem) {
  auto fail = [problem](const std::string& why) {
    if (problem)
      *problem = why;
    return CachedAbPtr();
  };
  Header header{};
  if (size < sizeof header)
    return fail("shorter than an entry header");
  std::memcpy(&header, data, sizeof header);
  if (std::memcmp(header.magic, kMagic, 4) != 0)
    return fail("not a Chromaflow network-output cache entry");
  if (header.version != kVersion)
    return fail("entry format " + std::to_string(header.version) + ", this Chromaflow reads " +
                std::to_string(kVersion));
  if (!sizesValid(header) || header.has_confidence > 1 || header.reserved != 0)
    return fail("bad frame size or flags in the header");
  const uint64_t payload = payloadBytes(header.width, header.height, header.has_confidence != 0);
  if (header.payload_bytes != payload || size != sizeof header + payload)
    return fail("size does not match its header (truncated?)");
  if (header.frame != frame)
    return fail("it holds frame " + std::to_string(header.frame) + ", not frame " +
                std::to_string(frame));
  const char* body = data + sizeof header;
  if (entryCrc(header, body, payload) != header.crc32)
    return fail("checksum mismatch: the payload or header was changed on disk");
  const cv::Size mat_size(static_cast<int>(header.width), static_cast<int>(header.height));
  auto entry = std::make_shared<CachedAb>();
  model::NetworkOutput& native = entry->native;
  native.padded =
      cv::Size(static_cast<int>(header.padded_width), static_cast<int>(header.padded_height));
  native.frame =
      cv::Size(static_cast<int>(header.frame_width), static_cast<int>(header.frame_height));
  cv::Mat ab16(mat_size, CV_16FC2, const_cast<char*>(body));
  ab16.convertTo(native.ab, CV_32F);
  if (header.has_confidence) {
    cv::Mat conf16(mat_size, CV_16FC1, const_cast<char*>(body) + ab16.total() * ab16.elemSize());
    conf16.convertTo(native.confidence, CV_32F);
  }
  // store() never writes these (NetworkOutputCheck.h masks them first): a forged entry.
  if (!cv::checkRange(native.ab, true, nullptr, -kMaxAbMagnitude, kMaxAbMagnitude) ||
      (header.has_confidence && !cv::checkRange(native.confidence)))
    return fail("it holds NaN, infinite or out-of-range values");
  model::upsampleOutput(native, entry->ab, entry->confidence);
  return entry;
}

std::string AbCache::encodeEntry(int64_t frame, const CachedAb& entry) {
  const model::NetworkOutput native = nativeOf(entry);
  CV_Assert(native.ab.type() == CV_32FC2);
  const bool has_conf = !native.confidence.empty();
  cv::Mat ab16, conf16;
  native.ab.convertTo(ab16, CV_16F);
  if (has_conf)
    native.confidence.convertTo(conf16, CV_16F);
  const size_t ab_bytes = ab16.total() * ab16.elemSize();
  const size_t conf_bytes = has_conf ? conf16.total() * conf16.elemSize() : 0;
  Header header{{kMagic[0], kMagic[1], kMagic[2], kMagic[3]},
                kVersion,
                static_cast<uint32_t>(native.ab.cols),
                static_cast<uint32_t>(native.ab.rows),
                static_cast<uint32_t>(native.padded.width),
                static_cast<uint32_t>(native.padded.height),
                static_cast<uint32_t>(native.frame.width),
                static_cast<uint32_t>(native.frame.height),
                has_conf ? 1u : 0u,
                static_cast<uint32_t>(ab_bytes + conf_bytes),
                frame,
                0u,
                0u};
  std::string bytes(sizeof header + ab_bytes + conf_bytes, '\0');
  char* body = bytes.data() + sizeof header;
  std::memcpy(body, ab16.data, ab_bytes);
  if (has_conf)
    std::memcpy(body + ab_bytes, conf16.data, conf_bytes);
  header.crc32 = entryCrc(header, body, ab_bytes + conf_bytes);
  std::memcpy(bytes.data(), &header, sizeof header);
  return bytes;
}

CachedAbPtr AbCache::quantized(const CachedAb& entry) {
  auto out = std::make_shared<CachedAb>();
  model::NetworkOutput native = nativeOf(entry);
  cv::Mat tmp;
  native.ab.convertTo(tmp, CV_16F);
  tmp.convertTo(native.ab, CV_32F);
  if (!native.confidence.empty()) {
    native.confidence.convertTo(tmp, CV_16F);
    tmp.convertTo(native.confidence, CV_32F);
  }
  model::upsampleOutput(native, out->ab, out->confidence);
  out->native = std::move(native);
  return out;
}

Status AbCache::store(int64_t frame, CachedAbPtr entry) {
  CV_Assert(entry && (entry->ab.type() == CV_32FC2 || entry->native.ab.type() == CV_32FC2));
  // Everything served goes through fp16, from memory or disk alike, so a resumed run computes
  // exactly what an uninterrupted one does.
  entry = quantized(*entry);
  if (!dir_.empty()) {
    const std::string path = pathOf(frame);
    // The folder is created again if it went away (File › Cache… cleared it while the video was
    // open).
    if (!QFileInfo::exists(QString::fromStdString(dir_)))
      QDir().mkpath(QString::fromStdString(dir_));
    QSaveFile file(QString::fromStdString(path));
    // Unbuffered: an entry (a few kB) would otherwise sit in QFile's buffer until commit(), and a
    // full disk could then leave an empty entry behind instead of failing this write.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
      return makeError("cannot write the cache file '" + path + "': " +
                       file.errorString().toStdString() + ". Check the cache folder is writable.");
    const std::string bytes = encodeEntry(frame, *entry);
    // Header, then payload: a full disk then shows as a short payload write that commit() turns
    // into a ResourceError (ENOSPC), which the message below names.
    constexpr qint64 kHeaderBytes = sizeof(Header);
    bool ok = file.write(bytes.data(), kHeaderBytes) == kHeaderBytes;
    ok = ok && file.write(bytes.data() + kHeaderBytes,
                          static_cast<qint64>(bytes.size()) - kHeaderBytes) > 0;
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
    bytes_on_disk_ += static_cast<int64_t>(bytes.size());
  }
  remember(frame, std::move(entry));
  return {};
}

}  // namespace cf::pipeline
