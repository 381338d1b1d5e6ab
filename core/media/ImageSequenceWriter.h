#pragma once
// Writes frames as image files: a numbered sequence ("out_%06d.dpx", one file per frame) or one
// still ("photo.png"). DPX (8/10/12/16-bit), TIFF and PNG (8/16-bit) and JPEG (8-bit, stills),
// chosen by the extension, encoded with FFmpeg's image encoders. Each file is written under a
// temporary name in the same folder and renamed when complete, so a killed export never leaves a
// half-written frame under a final name; a resumed export finds the frames already written,
// checks that each decodes at the right size and depth, and skips them.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "common/Result.h"
#include "media/Rational.h"
#include "media/AvHandles.h"

namespace cf::media {

enum class ImageFormat { Dpx, Tiff, Png, Jpeg };

/// The image format of an output path by its extension (.dpx, .tif/.tiff, .png, .jpg/.jpeg);
/// false for others.
bool imageFormatForPath(const std::string& path, ImageFormat* format);
/// The depth `format` stores for a wanted depth: DPX 8/10/12/16, TIFF/PNG 8 or 16, JPEG 8.
int imageFormatDepth(ImageFormat format, int wanted_bit_depth);

struct ImageWriterSettings {
  std::string output_path;   ///< a printf pattern ("out_%06d.tif") or one image file
  int64_t start_number = 0;  ///< number of the first frame's file
  int width_px = 0;
  int height_px = 0;
  int bit_depth = 8;                ///< wanted depth; imageFormatDepth() gives what is written
  std::vector<std::string> inputs;  ///< never overwritten
  /// A photo whose metadata (EXIF, IPTC, XMP, an RGB ICC profile) a single image output gets.
  std::string metadata_source;
  /// DPX: the first frame's timecode ("HH:MM:SS:FF"), written with `fps` into each file's
  /// industry headers (DpxHeader.h); empty: none.
  std::string timecode;
  Rational fps;
};

class ImageSequenceWriter {
 public:
  /// Checks the path (extension, folder, pattern), opens the encoder and removes temporary files a
  /// killed earlier run left for this pattern.
  static Result<std::unique_ptr<ImageSequenceWriter>> create(const ImageWriterSettings& settings);
  ~ImageSequenceWriter();
  ImageSequenceWriter(const ImageSequenceWriter&) = delete;
  ImageSequenceWriter& operator=(const ImageSequenceWriter&) = delete;

  bool isSequence() const { return sequence_; }
  int bitDepth() const { return depth_; }
  ImageFormat format() const { return format_; }
  /// The file frame `index` (0-based position in the output) is written to.
  std::string pathOf(int64_t index) const;

  /// True when frame `index` is already there from an earlier run and decodes at this size and
  /// depth: the caller may skip it. A file that fails the check is left to be overwritten.
  bool verifyExisting(int64_t index);
  /// Encodes RGB (CV_8UC3 or CV_16UC3, R-G-B order) as frame `index`.
  Status writeRgb(const cv::Mat& rgb, int64_t index);

  int64_t framesWritten() const { return written_; }
  int64_t framesSkipped() const { return skipped_; }
  /// What could not be carried over (metadata), for the user.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  ImageSequenceWriter() = default;
  Status open();
  Result<AvFramePtr> toEncoderFrame(const cv::Mat& rgb);

  ImageWriterSettings settings_;
  ImageFormat format_ = ImageFormat::Png;
  bool sequence_ = false;
  int depth_ = 8;
  CodecContextPtr encoder_;
  CodecContextPtr checker_;  // decoder for verifyExisting()
  SwsContextPtr sws_;
  AvPacketPtr packet_;
  int64_t written_ = 0;
  std::vector<std::string> notes_;
  int64_t skipped_ = 0;
};

}  // namespace cf::media
