#pragma once
// The samples of a training run: still images found recursively in folders, and every k-th frame
// of video files. A file belongs to the validation split when a hash of its path (relative to the
// folder it was found in, so moving the data set keeps the split) falls below val_fraction; a
// video is held out as a whole.

#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "common/Result.h"

namespace cf::media {
class VideoReader;
}

namespace cf::train {

struct SampleRef {
  QString path;
  int64_t frame = -1;  ///< frame index of a video; -1 for a still image
};

class TrainDataset {
 public:
  /// Scans folders (recursively, sorted) and video files. Fails when nothing usable is found.
  static Result<TrainDataset> scan(const QStringList& inputs, int video_frame_step,
                                   double val_fraction);

  const std::vector<SampleRef>& train() const { return train_; }
  const std::vector<SampleRef>& validation() const { return validation_; }

  /// The split rule: FNV-1a 64 of `relative_path` (UTF-8), mapped to [0, 1), below `fraction`.
  static bool isValidation(const QString& relative_path, double fraction);
  static bool isImageFile(const QString& path);
  static bool isVideoFile(const QString& path);

 private:
  std::vector<SampleRef> train_;
  std::vector<SampleRef> validation_;
};

/// Decodes samples to CV_8UC3 RGB. Keeps one open reader per video; use one decoder per thread.
class SampleDecoder {
 public:
  SampleDecoder();
  ~SampleDecoder();
  SampleDecoder(const SampleDecoder&) = delete;
  SampleDecoder& operator=(const SampleDecoder&) = delete;

  Result<cv::Mat> decodeRgb8(const SampleRef& sample);

 private:
  std::map<QString, std::unique_ptr<media::VideoReader>> readers_;
};

}  // namespace cf::train
