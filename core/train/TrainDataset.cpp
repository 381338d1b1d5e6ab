#include "train/TrainDataset.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "media/VideoReader.h"
#include "pipeline/FrameConversions.h"

namespace cf::train {

namespace {

uint64_t fnv1a64(const QByteArray& bytes) {
  uint64_t h = 14695981039346656037ull;
  for (char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

QString suffixOf(const QString& path) {
  return QFileInfo(path).suffix().toLower();
}

}  // namespace

bool TrainDataset::isValidation(const QString& relative_path, double fraction) {
  const uint64_t h = fnv1a64(relative_path.toUtf8());
  const double u = static_cast<double>(h % 1000000ull) / 1e6;
  return u < fraction;
}

bool TrainDataset::isImageFile(const QString& path) {
  static const QStringList kImage = {
      QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("bmp"),
      QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff")};
  return kImage.contains(suffixOf(path));
}

bool TrainDataset::isVideoFile(const QString& path) {
  static const QStringList kVideo = {QStringLiteral("mp4"),  QStringLiteral("mkv"),
                                     QStringLiteral("mov"),  QStringLiteral("avi"),
                                     QStringLiteral("webm"), QStringLiteral("m4v")};
  return kVideo.contains(suffixOf(path));
}

Result<TrainDataset> TrainDataset::scan(const QStringList& inputs, int video_frame_step,
                                        double val_fraction) {
  TrainDataset ds;
  auto addVideo = [&](const QString& path, const QString& relative) -> Status {
    auto reader = media::VideoReader::open(path.toStdString());
    if (!reader)
      return makeError("cannot use training video: " + reader.message());
    const int64_t frames = (*reader)->info().frame_count;
    auto& split = isValidation(relative, val_fraction) ? ds.validation_ : ds.train_;
    for (int64_t f = 0; f < frames; f += std::max(1, video_frame_step))
      split.push_back(SampleRef{path, f});
    return Status::success();
  };
  for (const QString& input : inputs) {
    const QFileInfo info(input);
    if (!info.exists())
      return makeError("training data '" + input.toStdString() +
                       "' does not exist: give image folders or video files");
    if (info.isDir()) {
      const QDir root(info.absoluteFilePath());
      QStringList files;
      QDirIterator it(root.absolutePath(), QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext())
        files << it.next();
      files.sort();
      for (const QString& f : files) {
        const QString rel = root.relativeFilePath(f);
        if (isImageFile(f)) {
          (isValidation(rel, val_fraction) ? ds.validation_ : ds.train_)
              .push_back(SampleRef{f, -1});
        } else if (isVideoFile(f)) {
          if (Status s = addVideo(f, rel); !s)
            return s.error();
        }
      }
    } else if (isVideoFile(input)) {
      if (Status s = addVideo(info.absoluteFilePath(), info.fileName()); !s)
        return s.error();
    } else if (isImageFile(input)) {
      (isValidation(info.fileName(), val_fraction) ? ds.validation_ : ds.train_)
          .push_back(SampleRef{info.absoluteFilePath(), -1});
    } else {
      return makeError("training data '" + input.toStdString() +
                       "' is neither a folder, an image nor a video file");
    }
  }
  if (ds.train_.empty())
    return makeError("no training images or video frames found in " +
                     inputs.join(QStringLiteral(", ")).toStdString() +
                     " (looked for .jpg/.png/... and .mp4/.mkv/...)");
  return ds;
}

SampleDecoder::SampleDecoder() = default;
SampleDecoder::~SampleDecoder() = default;

Result<cv::Mat> SampleDecoder::decodeRgb8(const SampleRef& sample) {
  return guarded("decoding '" + sample.path.toStdString() + "'", [&]() -> Result<cv::Mat> {
    if (sample.frame < 0) {
      cv::Mat bgr = cv::imread(sample.path.toStdString(), cv::IMREAD_COLOR);
      if (bgr.empty())
        return makeError("cannot decode image '" + sample.path.toStdString() +
                         "': unreadable or not an image");
      cv::Mat rgb;
      cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
      return rgb;
    }
    auto it = readers_.find(sample.path);
    if (it == readers_.end()) {
      auto reader = media::VideoReader::open(sample.path.toStdString());
      if (!reader)
        return reader.error();
      it = readers_.emplace(sample.path, std::move(reader.value())).first;
    }
    auto frame = it->second->frameAt(sample.frame);
    if (!frame)
      return frame.error();
    if (!frame.value())
      return makeError("'" + sample.path.toStdString() + "' has no frame " +
                       std::to_string(sample.frame));
    return pipeline::frameToRgb8(*frame.value());
  });
}

}  // namespace cf::train
