#pragma once
// Opening a media file for demuxing, with one-line errors a user can act on (missing, empty,
// not a video, truncated), and the packet scan that gives an exact frame count and pts table.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Result.h"
#include "media/AvHandles.h"

namespace cf::media {

/// Opens `path` with avformat_open_input() and reads the stream information.
Result<InputFormatPtr> openInputFile(const std::string& path);

/// True when the first box of the file is an ISO-BMFF 'ftyp' (MP4/MOV/3GP).
bool looksLikeIsoBmff(const std::string& path);

/// Index of the main video stream (skipping cover art), or -1 when there is none.
int findVideoStream(const AVFormatContext* fmt);

/// What a demux-only pass over one video stream found.
struct PacketScan {
  std::vector<int64_t> pts_sorted;        ///< presentation timestamps, ascending (one per frame)
  std::vector<int64_t> keyframe_indices;  ///< frame indices (into pts_sorted) of keyframes
  int64_t packets_read = 0;               ///< video packets including discarded ones
  int64_t last_duration = 0;              ///< duration of the last frame in presentation order
  int64_t min_delta = 0;                  ///< smallest / largest pts step between frames
  int64_t max_delta = 0;
  bool pts_valid = true;  ///< every packet had a distinct pts: frame index <-> pts is exact
  /// Times the decode timestamp went back (files joined with `cat`, a reset clock): the frames'
  /// order cannot be told from their timestamps. 0 for a sane file.
  int64_t dts_jumps_back = 0;
  int64_t first_jump_packet = -1;  ///< video packet (decode order) where the first jump was
  int read_error = 0;              ///< AVERROR that stopped the scan before the end, 0 when none
};

/// Reads every packet of `stream_index` (other streams are discarded) without decoding.
PacketScan scanVideoPackets(AVFormatContext* fmt, int stream_index);

}  // namespace cf::media
