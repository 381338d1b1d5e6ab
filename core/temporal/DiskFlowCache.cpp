#include "temporal/DiskFlowCache.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cmath>
#include <cstring>

namespace cf::temporal {

namespace {

constexpr char kMagic[4] = {'C', 'F', 'F', 'L'};
constexpr uint32_t kVersion = 1;
constexpr float kFlowScale = 16.0f;  // 1/16 pixel
constexpr int kCompressionLevel = 1;

struct Header {
  char magic[4];
  uint32_t version;
  uint32_t width;
  uint32_t height;
  uint32_t flow_bytes;  // compressed
  uint32_t mask_bytes;  // compressed
};

// Flow -> int16 fixed point, each row differenced (per channel) so that smooth flow compresses.
QByteArray encodeFlow(const cv::Mat& flow) {
  QByteArray out(static_cast<int>(flow.total() * 2 * sizeof(int16_t)), Qt::Uninitialized);
  auto* dst = reinterpret_cast<int16_t*>(out.data());
  for (int r = 0; r < flow.rows; ++r) {
    const auto* src = flow.ptr<cv::Vec2f>(r);
    int prev[2] = {0, 0};
    for (int c = 0; c < flow.cols; ++c) {
      for (int k = 0; k < 2; ++k) {
        const int q =
            std::clamp(static_cast<int>(std::lround(src[c][k] * kFlowScale)), -32768, 32767);
        *dst++ = static_cast<int16_t>(q - prev[k]);
        prev[k] = q;
      }
    }
  }
  return out;
}

bool decodeFlow(const QByteArray& bytes, cv::Mat& flow) {
  if (bytes.size() != static_cast<int>(flow.total() * 2 * sizeof(int16_t)))
    return false;
  const auto* src = reinterpret_cast<const int16_t*>(bytes.constData());
  for (int r = 0; r < flow.rows; ++r) {
    auto* dst = flow.ptr<cv::Vec2f>(r);
    int acc[2] = {0, 0};
    for (int c = 0; c < flow.cols; ++c) {
      for (int k = 0; k < 2; ++k) {
        acc[k] = static_cast<int16_t>(acc[k] + *src++);
        dst[c][k] = static_cast<float>(acc[k]) / kFlowScale;
      }
    }
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<DiskFlowCache>> DiskFlowCache::open(const std::string& dir,
                                                           size_t memory_links) {
  const QString qdir = QString::fromStdString(dir);
  if (dir.empty() || !QDir().mkpath(qdir))
    return makeError("cannot create the flow cache folder '" + dir +
                     "': check its parent exists and is writable, or choose another cache folder");
  const QFileInfo info(qdir);
  if (!info.isDir() || !info.isWritable())
    return makeError("the flow cache folder '" + dir +
                     "' is not writable: fix its permissions or choose another cache folder");
  return std::unique_ptr<DiskFlowCache>(new DiskFlowCache(dir, std::max<size_t>(memory_links, 1)));
}

std::string DiskFlowCache::pathOf(const FramePair& pair) const {
  char name[48] = {};
  std::snprintf(name, sizeof name, "/flow_%09lld_%09lld.cfl",
                static_cast<long long>(pair.prev_frame), static_cast<long long>(pair.frame));
  return dir_ + name;
}

FrameLinkPtr DiskFlowCache::quantized(const FrameLink& link) {
  auto out = std::make_shared<FrameLink>();
  cv::Mat q;
  link.flow_to_prev.convertTo(q, CV_32F, kFlowScale);
  out->flow_to_prev.create(q.size(), CV_32FC2);
  for (int r = 0; r < q.rows; ++r) {
    const float* src = q.ptr<float>(r);
    float* dst = out->flow_to_prev.ptr<float>(r);
    for (int c = 0; c < q.cols * 2; ++c)
      dst[c] = static_cast<float>(std::clamp(std::lround(src[c]), -32768L, 32767L)) / kFlowScale;
  }
  out->mask = link.mask.clone();
  return out;
}

FrameLinkPtr DiskFlowCache::find(const FramePair& pair) {
  if (FrameLinkPtr hit = memory_.find(pair))
    return hit;
  QFile file(QString::fromStdString(pathOf(pair)));
  if (!file.open(QIODevice::ReadOnly))
    return nullptr;
  Header h{};
  if (file.read(reinterpret_cast<char*>(&h), sizeof h) != sizeof h ||
      std::memcmp(h.magic, kMagic, 4) != 0 || h.version != kVersion || h.width == 0 ||
      h.height == 0 || h.width > 16384 || h.height > 16384 ||
      file.size() != qint64(sizeof h) + h.flow_bytes + h.mask_bytes)
    return nullptr;  // not ours, or damaged: recompute
  const QByteArray flow_z = file.read(h.flow_bytes);
  const QByteArray mask_z = file.read(h.mask_bytes);
  const QByteArray flow_raw = qUncompress(flow_z);
  const QByteArray mask_raw = qUncompress(mask_z);
  auto link = std::make_shared<FrameLink>();
  const cv::Size size(static_cast<int>(h.width), static_cast<int>(h.height));
  link->flow_to_prev.create(size, CV_32FC2);
  if (!decodeFlow(flow_raw, link->flow_to_prev) || mask_raw.size() != size.area())
    return nullptr;
  link->mask = cv::Mat(size, CV_8UC1);
  std::memcpy(link->mask.data, mask_raw.constData(), static_cast<size_t>(mask_raw.size()));
  auto kept = memory_.insert(pair, link);
  return kept ? *kept : FrameLinkPtr(link);
}

Result<FrameLinkPtr> DiskFlowCache::insert(const FramePair& pair, FrameLinkPtr link) {
  CV_Assert(link && link->flow_to_prev.type() == CV_32FC2 && link->mask.type() == CV_8UC1);
  FrameLinkPtr q = quantized(*link);
  const cv::Mat mask = q->mask.isContinuous() ? q->mask : q->mask.clone();
  const QByteArray flow_z = qCompress(encodeFlow(q->flow_to_prev), kCompressionLevel);
  const QByteArray mask_z = qCompress(reinterpret_cast<const uchar*>(mask.data),
                                      static_cast<int>(mask.total()), kCompressionLevel);
  const std::string path = pathOf(pair);
  QSaveFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly))
    return makeError("cannot write the flow cache file '" + path + "': " +
                     file.errorString().toStdString() + ". Check the cache folder is writable.");
  const Header h{
      {kMagic[0], kMagic[1], kMagic[2], kMagic[3]}, kVersion,
      static_cast<uint32_t>(q->flow_to_prev.cols),  static_cast<uint32_t>(q->flow_to_prev.rows),
      static_cast<uint32_t>(flow_z.size()),         static_cast<uint32_t>(mask_z.size())};
  bool ok = file.write(reinterpret_cast<const char*>(&h), sizeof h) == sizeof h;
  ok = ok && file.write(flow_z) == flow_z.size();
  ok = ok && file.write(mask_z) == mask_z.size();
  if (!ok || !file.commit()) {
    if (file.error() == QFileDevice::ResourceError)  // ENOSPC: the disk is full
      return makeError("cannot write the flow cache file '" + path +
                       "': the disk holding the cache folder '" + dir_ + "' is full (" +
                       file.errorString().toStdString() + ", after " +
                       std::to_string(bytes_written_ / 1000) +
                       " kB of flows written by this run). Free some space there or choose "
                       "another cache folder.");
    return makeError("cannot write the flow cache file '" + path +
                     "': " + file.errorString().toStdString() +
                     ". The disk may be full: free some space or choose another cache folder.");
  }
  bytes_written_ += qint64(sizeof h) + flow_z.size() + mask_z.size();
  return memory_.insert(pair, q);
}

void DiskFlowCache::clear() {
  memory_.clear();
}

}  // namespace cf::temporal
