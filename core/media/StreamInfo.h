#pragma once
// The facts about a video file that callers (CLI `info`, the GUI, the pipeline) need.

#include <cstdint>
#include <string>
#include <vector>

#include "media/Rational.h"

namespace cf::media {

struct AudioStreamInfo {
  int stream_index = -1;
  std::string codec;  ///< FFmpeg codec name, e.g. "aac", "pcm_s16le"
  int sample_rate_hz = 0;
  int channels = 0;
  std::string language;  ///< from the stream's "language" tag; empty when unset
  double duration_s = 0.0;
};

struct StreamInfo {
  std::string path;
  std::string container;     ///< demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm"
  std::string video_codec;   ///< e.g. "h264", "ffv1"
  std::string pixel_format;  ///< the decoder's native format, e.g. "yuv420p10le"
  int video_stream_index = -1;
  int width_px = 0;
  int height_px = 0;
  int bit_depth = 8;
  std::string chroma_subsampling;  ///< "4:2:0", "4:2:2", "4:4:4", ... of the native format
  bool full_range = false;
  Rational fps;                       ///< nominal frame rate; for VFR files the average rate
  Rational time_base;                 ///< unit of Frame::pts
  Rational sample_aspect{1, 1};       ///< pixel aspect ratio (SAR); != 1 for anamorphic video
  int64_t frame_count = 0;            ///< exact: counted from the packets, not the header estimate
  double duration_s = 0.0;            ///< video duration: last pts + its duration - first pts
  double container_duration_s = 0.0;  ///< the container's duration (may include audio)
  int64_t start_pts = 0;              ///< pts of the first frame
  int rotation_deg = 0;  ///< clockwise rotation to display upright (display matrix): 0/90/180/270
  bool variable_frame_rate = false;
  std::string field_order;    ///< "progressive", "tff", "bff" or "unknown"
  bool deinterlaced = false;  ///< the reader deinterlaces the frames (bwdif; InputOptions)
  std::string timecode;       ///< start timecode "HH:MM:SS:FF" (tmcd track, tag or DPX header)
  /// Image input: the printf pattern of the sequence (or the photo's path) and its first number.
  std::string image_pattern;
  int64_t image_first_number = 0;
  bool still_image = false;  ///< a single photo (one frame)
  std::vector<AudioStreamInfo> audio_streams;
  std::vector<std::string> subtitle_codecs;
  int other_video_streams = 0;  ///< video streams besides the one read (cover art not counted)

  bool hasAudio() const { return !audio_streams.empty(); }
  int audioStreamCount() const { return static_cast<int>(audio_streams.size()); }
  int subtitleStreamCount() const { return static_cast<int>(subtitle_codecs.size()); }
  /// Display aspect ratio = width * SAR / height.
  double displayAspect() const {
    return height_px == 0 ? 0.0 : width_px * sample_aspect.toDouble() / height_px;
  }
};

}  // namespace cf::media
