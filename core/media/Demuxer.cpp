#include "media/Demuxer.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include "media/FfmpegError.h"

namespace cf::media {

namespace {

std::string inQuotes(const std::string& path) {
  return "'" + path + "'";
}

std::string specialFileKind(const std::filesystem::file_status& status) {
  namespace fs = std::filesystem;
  switch (status.type()) {
    case fs::file_type::fifo:
      return "a named pipe (FIFO)";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    default:
      return "a special file";
  }
}

}  // namespace

bool looksLikeIsoBmff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {0};
  if (!in.read(head, sizeof head))
    return false;
  return std::memcmp(head + 4, "ftyp", 4) == 0;
}

Result<InputFormatPtr> openInputFile(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty())
    return makeError("no input file given. Pass the path of a video file.");
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    return makeError("cannot open " + inQuotes(path) +
                     ": the file does not exist. Check the path.");
  if (fs::is_directory(status))
    return makeError("cannot open " + inQuotes(path) + ": it is a folder, not a video file.");
  // Opening a FIFO blocks until a writer appears (forever, and Quit would wait for it); devices
  // and sockets are no video files either. Refused before anything opens them.
  if (!fs::is_regular_file(status))
    return makeError("cannot open " + inQuotes(path) + ": it is " + specialFileKind(status) +
                     ", not a regular file. Save the video to a file first and open that.");
  const auto size_bytes = fs::file_size(path, ec);
  if (!ec && size_bytes == 0)
    return makeError("cannot open " + inQuotes(path) +
                     ": the file is empty (0 bytes). Copy or export the video again.");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe)
      return makeError("cannot open " + inQuotes(path) + ": " + std::strerror(errno) +
                       ". Check the file permissions.");
  }

  AVFormatContext* raw = nullptr;
  int ret = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
  if (ret < 0) {
    if (looksLikeIsoBmff(path))
      return makeError("cannot open " + inQuotes(path) +
                       ": the MP4/MOV index (moov atom) is missing or damaged, so the file is "
                       "probably truncated or was not finished (" +
                       ffmpegErrorText(ret) + "). Copy or export the video again.");
    return makeError("cannot open " + inQuotes(path) + ": not a video format FFmpeg can read (" +
                     ffmpegErrorText(ret) + "). Check that it is a complete video file.");
  }
  InputFormatPtr fmt(raw);
  ret = avformat_find_stream_info(fmt.get(), nullptr);
  if (ret < 0)
    return makeError("cannot read the streams of " + inQuotes(path) + " (" + ffmpegErrorText(ret) +
                     "). The file may be damaged.");
  if (fmt->nb_streams == 0) {
    // The MOV demuxer accepts a file that ends before its moov atom, with no streams at all.
    if (looksLikeIsoBmff(path))
      return makeError("cannot open " + inQuotes(path) +
                       ": the MP4/MOV index (moov atom) is missing, so the file is probably "
                       "truncated or was not finished. Copy or export the video again.");
    return makeError(
        "cannot open " + inQuotes(path) +
        ": it holds no video or audio streams. Check that it is a complete video file.");
  }
  return fmt;
}

int findVideoStream(const AVFormatContext* fmt) {
  const int best = av_find_best_stream(const_cast<AVFormatContext*>(fmt), AVMEDIA_TYPE_VIDEO, -1,
                                       -1, nullptr, 0);
  auto usable = [fmt](int i) {
    const AVStream* st = fmt->streams[i];
    return st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
           !(st->disposition & AV_DISPOSITION_ATTACHED_PIC);
  };
  if (best >= 0 && usable(best))
    return best;
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    if (usable(static_cast<int>(i)))
      return static_cast<int>(i);
  }
  return -1;
}

PacketScan scanVideoPackets(AVFormatContext* fmt, int stream_index) {
  PacketScan scan;
  for (unsigned i = 0; i < fmt->nb_streams; ++i)
    fmt->streams[i]->discard =
        static_cast<int>(i) == stream_index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;

  std::vector<std::pair<int64_t, bool>> entries;  // (pts, keyframe)
  std::map<int64_t, int64_t> duration_by_pts;
  AvPacketPtr pkt = makeAvPacket();
  int64_t fallback_ts = 0;
  int64_t last_dts = AV_NOPTS_VALUE;
  while (true) {
    const int ret = av_read_frame(fmt, pkt.get());
    if (ret < 0) {
      if (ret != AVERROR_EOF && !avio_feof(fmt->pb))
        scan.read_error = ret;
      break;
    }
    if (pkt->stream_index == stream_index) {
      if (pkt->dts != AV_NOPTS_VALUE) {
        if (last_dts != AV_NOPTS_VALUE && pkt->dts < last_dts && ++scan.dts_jumps_back == 1)
          scan.first_jump_packet = scan.packets_read;
        last_dts = pkt->dts;
      }
      ++scan.packets_read;
      if (!(pkt->flags & AV_PKT_FLAG_DISCARD)) {
        int64_t ts = pkt->pts;
        if (ts == AV_NOPTS_VALUE) {
          scan.pts_valid = false;
          ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : fallback_ts;
        }
        fallback_ts = ts + 1;
        entries.emplace_back(ts, (pkt->flags & AV_PKT_FLAG_KEY) != 0);
        duration_by_pts[ts] = pkt->duration;
      }
    }
    av_packet_unref(pkt.get());
  }
  for (unsigned i = 0; i < fmt->nb_streams; ++i)
    fmt->streams[i]->discard = AVDISCARD_DEFAULT;

  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  scan.pts_sorted.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    scan.pts_sorted.push_back(entries[i].first);
    if (entries[i].second)
      scan.keyframe_indices.push_back(static_cast<int64_t>(i));
    if (i > 0) {
      const int64_t delta = entries[i].first - entries[i - 1].first;
      if (delta <= 0)
        scan.pts_valid = false;  // duplicate timestamps: index <-> pts is ambiguous
      if (i == 1 || delta < scan.min_delta)
        scan.min_delta = delta;
      if (i == 1 || delta > scan.max_delta)
        scan.max_delta = delta;
    }
  }
  if (!entries.empty()) {
    scan.last_duration = duration_by_pts[entries.back().first];
    if (scan.last_duration <= 0)
      scan.last_duration = scan.max_delta > 0 ? scan.min_delta : 0;
  }
  return scan;
}

}  // namespace cf::media
