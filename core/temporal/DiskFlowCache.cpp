#include "temporal/DiskFlowCache.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cmath>
#include <cstring>
#include <vector>

#include "common/Checksum.h"
#include "common/Logging.h"

namespace cf::temporal {

namespace {

constexpr char kMagic[4] = {'C', 'F', 'F', 'L'};
// 1: no checksum (refused). 2: frame pair + CRC-32 of header and payload, links at the working
// resolution, row differences. 3: links at the smoothing's resolution, median-edge prediction.
constexpr uint32_t kVersion = 3;
constexpr uint32_t kMaxSidePx = 16384;
constexpr float kFlowScale = 1.0f / kFlowStepPx;
constexpr int kCompressionLevel = 6;

struct Header {
  char magic[4];
  uint32_t version;
  uint32_t width;
  uint32_t height;
  uint32_t flow_bytes;  // compressed
  uint32_t mask_bytes;  // compressed
  int64_t prev_frame;
  int64_t frame;
  uint32_t reserved;  // 0
  uint32_t crc32;     // of the header with this field 0, then of the payload
};
static_assert(sizeof(Header) == 48, "the flow cache entry header is 48 bytes on disk");

uint32_t linkCrc(Header header, const char* payload, size_t payload_size) {
  header.crc32 = 0;
  return crc32Of(payload, payload_size, crc32Of(&header, sizeof header));
}

/// qUncompress() allocates the size its input's first 4 bytes claim (big-endian); a damaged or
/// hostile size must not reach it.
QByteArray uncompressExactly(const char* data, uint32_t size, qint64 expected) {
  if (size < 4)
    return {};
  const auto* b = reinterpret_cast<const uchar*>(data);
  const qint64 claimed = (qint64(b[0]) << 24) | (qint64(b[1]) << 16) | (qint64(b[2]) << 8) | b[3];
  // zlib cannot compress better than about 1032:1, so a bigger claim is damage (and would
  // allocate gigabytes before failing).
  if (claimed != expected || claimed > qint64(size) * 1032 + 1024)
    return {};
  return qUncompress(b, static_cast<qsizetype>(size));
}

// The median edge detector of LOCO-I / JPEG-LS: predicts a value from its left (a), upper (b) and
// upper-left (c) neighbours; always within the range of a and b.
int medPredict(int a, int b, int c) {
  if (c >= std::max(a, b))
    return std::min(a, b);
  if (c <= std::min(a, b))
    return std::max(a, b);
  return a + b - c;
}

// Flow -> int16 fixed point, one plane per component; each value minus its median-edge prediction
// (modulo 2^16, zigzagged so small residuals of either sign are small numbers), stored as a plane
// of low bytes then a plane of high bytes: smooth flow leaves mostly zero high bytes, which zlib
// packs well. Exactly invertible (decodeFlow).
QByteArray encodeFlow(const cv::Mat& flow) {
  const int rows = flow.rows;
  const int cols = flow.cols;
  const size_t n = flow.total();
  QByteArray out(static_cast<int>(n * 2 * 2), Qt::Uninitialized);
  auto* lo = reinterpret_cast<uint8_t*>(out.data());
  uint8_t* hi = lo + n * 2;
  std::vector<int> prev_row(static_cast<size_t>(cols), 0), cur_row(static_cast<size_t>(cols), 0);
  size_t k = 0;
  for (int ch = 0; ch < 2; ++ch) {
    std::fill(prev_row.begin(), prev_row.end(), 0);
    for (int r = 0; r < rows; ++r) {
      const auto* src = flow.ptr<cv::Vec2f>(r);
      for (int c = 0; c < cols; ++c) {
        const int q =
            std::clamp(static_cast<int>(std::lround(src[c][ch] * kFlowScale)), -32768, 32767);
        const int a = c > 0 ? cur_row[size_t(c) - 1] : 0;
        const int b = prev_row[size_t(c)];
        const int cc = c > 0 ? prev_row[size_t(c) - 1] : 0;
        const auto residual = static_cast<int16_t>(static_cast<uint16_t>(q - medPredict(a, b, cc)));
        const auto zz = static_cast<uint16_t>((uint16_t(residual) << 1) ^ uint16_t(residual >> 15));
        lo[k] = static_cast<uint8_t>(zz & 0xff);
        hi[k] = static_cast<uint8_t>(zz >> 8);
        ++k;
        cur_row[size_t(c)] = q;
      }
      std::swap(prev_row, cur_row);
    }
  }
  return out;
}

bool decodeFlow(const QByteArray& bytes, cv::Mat& flow) {
  const size_t n = flow.total();
  if (static_cast<size_t>(bytes.size()) != n * 2 * 2)
    return false;
  const int rows = flow.rows;
  const int cols = flow.cols;
  const auto* lo = reinterpret_cast<const uint8_t*>(bytes.constData());
  const uint8_t* hi = lo + n * 2;
  std::vector<int> prev_row(static_cast<size_t>(cols), 0), cur_row(static_cast<size_t>(cols), 0);
  size_t k = 0;
  for (int ch = 0; ch < 2; ++ch) {
    std::fill(prev_row.begin(), prev_row.end(), 0);
    for (int r = 0; r < rows; ++r) {
      auto* dst = flow.ptr<cv::Vec2f>(r);
      for (int c = 0; c < cols; ++c) {
        const auto zz = static_cast<uint16_t>(lo[k] | (uint16_t(hi[k]) << 8));
        ++k;
        const auto residual = static_cast<uint16_t>((zz >> 1) ^ uint16_t(-(zz & 1)));
        const int a = c > 0 ? cur_row[size_t(c) - 1] : 0;
        const int b = prev_row[size_t(c)];
        const int cc = c > 0 ? prev_row[size_t(c) - 1] : 0;
        const int q = static_cast<int16_t>(static_cast<uint16_t>(medPredict(a, b, cc) + residual));
        cur_row[size_t(c)] = q;
        dst[c][ch] = static_cast<float>(q) / kFlowScale;
      }
      std::swap(prev_row, cur_row);
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
  return quantizeLink(link);
}

FrameLinkPtr DiskFlowCache::find(const FramePair& pair) {
  if (FrameLinkPtr hit = memory_.find(pair))
    return hit;
  const std::string path = pathOf(pair);
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    return nullptr;
  // Compressed flow and mask of a 16K x 16K link are far below 4 GiB; a bigger file is not ours.
  std::string problem;
  FrameLinkPtr link;
  if (file.size() < static_cast<qint64>(sizeof(Header)) || file.size() > (qint64(1) << 32)) {
    problem = "its size is not an entry's";
  } else {
    const QByteArray bytes = file.readAll();
    link = decodeLink(bytes.constData(), static_cast<size_t>(bytes.size()), pair, &problem);
  }
  if (!link) {  // not ours, or damaged: recompute
    ++rejected_;
    qCWarning(lcTemporal, "flow cache entry '%s' not used (%s); it is recomputed", path.c_str(),
              problem.c_str());
    return nullptr;
  }
  auto kept = memory_.insert(pair, link);
  return kept ? *kept : link;
}

FrameLinkPtr DiskFlowCache::decodeLink(const char* data, size_t size, const FramePair& pair,
                                       std::string* problem) {
  auto fail = [problem](const std::string& why) {
    if (problem)
      *problem = why;
    return FrameLinkPtr();
  };
  Header h{};
  if (size < sizeof h)
    return fail("shorter than an entry header");
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kMagic, 4) != 0)
    return fail("not a Chromaflow flow cache entry");
  if (h.version != kVersion)
    return fail("entry format " + std::to_string(h.version) + ", this Chromaflow reads " +
                std::to_string(kVersion));
  if (h.width == 0 || h.height == 0 || h.width > kMaxSidePx || h.height > kMaxSidePx ||
      h.reserved != 0)
    return fail("bad frame size or flags in the header");
  if (size != sizeof h + uint64_t(h.flow_bytes) + h.mask_bytes)
    return fail("size does not match its header (truncated?)");
  if (h.prev_frame != pair.prev_frame || h.frame != pair.frame)
    return fail("it holds another frame pair");
  const char* body = data + sizeof h;
  if (linkCrc(h, body, size - sizeof h) != h.crc32)
    return fail("checksum mismatch: the payload or header was changed on disk");
  const cv::Size mat_size(static_cast<int>(h.width), static_cast<int>(h.height));
  const qint64 area = qint64(h.width) * h.height;
  const QByteArray flow_raw =
      uncompressExactly(body, h.flow_bytes, area * 2 * qint64(sizeof(int16_t)));
  const QByteArray mask_raw = uncompressExactly(body + h.flow_bytes, h.mask_bytes, area);
  auto link = std::make_shared<FrameLink>();
  link->flow_to_prev.create(mat_size, CV_32FC2);
  if (!decodeFlow(flow_raw, link->flow_to_prev) || mask_raw.size() != area)
    return fail("its compressed flow or mask does not unpack to the frame size");
  link->mask = cv::Mat(mat_size, CV_8UC1);
  std::memcpy(link->mask.data, mask_raw.constData(), static_cast<size_t>(mask_raw.size()));
  return link;
}

std::string DiskFlowCache::encodeLink(const FramePair& pair, const FrameLink& quantized_link) {
  const cv::Mat mask =
      quantized_link.mask.isContinuous() ? quantized_link.mask : quantized_link.mask.clone();
  const QByteArray flow_z = qCompress(encodeFlow(quantized_link.flow_to_prev), kCompressionLevel);
  const QByteArray mask_z = qCompress(reinterpret_cast<const uchar*>(mask.data),
                                      static_cast<int>(mask.total()), kCompressionLevel);
  Header h{{kMagic[0], kMagic[1], kMagic[2], kMagic[3]},
           kVersion,
           static_cast<uint32_t>(quantized_link.flow_to_prev.cols),
           static_cast<uint32_t>(quantized_link.flow_to_prev.rows),
           static_cast<uint32_t>(flow_z.size()),
           static_cast<uint32_t>(mask_z.size()),
           pair.prev_frame,
           pair.frame,
           0u,
           0u};
  std::string bytes(sizeof h, '\0');
  bytes.append(flow_z.constData(), static_cast<size_t>(flow_z.size()));
  bytes.append(mask_z.constData(), static_cast<size_t>(mask_z.size()));
  h.crc32 = linkCrc(h, bytes.data() + sizeof h, bytes.size() - sizeof h);
  std::memcpy(bytes.data(), &h, sizeof h);
  return bytes;
}

std::string DiskFlowCache::rejectionNote(int64_t n) const {
  if (n == 0)
    return {};
  return std::to_string(n) + " optical-flow cache file(s) in '" + dir_ +
         "' were damaged or from an older Chromaflow (checksum, size or format check failed), so "
         "those flows were computed again. If this repeats, check the disk holding the cache.";
}

Result<FrameLinkPtr> DiskFlowCache::insert(const FramePair& pair, FrameLinkPtr link) {
  CV_Assert(link && link->flow_to_prev.type() == CV_32FC2 && link->mask.type() == CV_8UC1);
  FrameLinkPtr q = quantized(*link);
  const std::string bytes = encodeLink(pair, *q);
  const std::string path = pathOf(pair);
  // The folder is created again if it went away (File › Cache… cleared it while the video was
  // open).
  if (!QFileInfo::exists(QString::fromStdString(dir_)))
    QDir().mkpath(QString::fromStdString(dir_));
  QSaveFile file(QString::fromStdString(path));
  // Unbuffered: an entry (a few kB) would otherwise sit in QFile's buffer until commit(), and a
  // full disk could then leave an empty entry behind instead of failing this write.
  if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
    return makeError("cannot write the flow cache file '" + path + "': " +
                     file.errorString().toStdString() + ". Check the cache folder is writable.");
  const bool ok = file.write(bytes.data(), static_cast<qint64>(bytes.size())) ==
                  static_cast<qint64>(bytes.size());
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
  bytes_written_ += static_cast<int64_t>(bytes.size());
  return memory_.insert(pair, q);
}

void DiskFlowCache::clear() {
  memory_.clear();
}

}  // namespace cf::temporal
