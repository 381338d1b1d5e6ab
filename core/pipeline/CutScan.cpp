#include "pipeline/CutScan.h"

#include <opencv2/imgproc.hpp>

#include "media/VideoReader.h"

namespace cf::pipeline {

Result<CutScanResult> scanSceneCuts(const std::string& path,
                                    const temporal::SceneCutSettings& settings,
                                    const CancelToken& cancel, const ProgressFn& progress) {
  auto reader = media::VideoReader::open(path);
  if (!reader)
    return reader.error();
  const int64_t total = (*reader)->info().frame_count;
  std::vector<temporal::CutFeatures> features;
  features.reserve(static_cast<size_t>(std::max<int64_t>(total, 0)));
  for (;;) {
    if (cancel.isCancelled())
      return makeError("cancelled");
    auto frame = (*reader)->next();
    if (!frame)
      return frame.error();
    if (!*frame)
      break;
    const media::Frame& f = **frame;
    cv::Mat y8 = f.y;
    if (f.y.depth() != CV_8U)
      f.y.convertTo(y8, CV_8U, 255.0 / double((1 << f.bit_depth) - 1));
    features.push_back(temporal::cutFeatures(y8));
    if (features.size() % 16 == 0)
      report(progress, static_cast<int64_t>(features.size()), total, "scan");
  }
  CutScanResult result;
  result.frames = static_cast<int64_t>(features.size());
  result.cuts = temporal::detectSceneCuts(features, settings);
  report(progress, result.frames, total, "scan");
  return result;
}

std::vector<temporal::SceneCut> cutsInRange(const std::vector<temporal::SceneCut>& cuts,
                                            int64_t first_frame, int64_t last_frame) {
  std::vector<temporal::SceneCut> out;
  for (temporal::SceneCut cut : cuts) {
    if (cut.frame <= first_frame || cut.frame > last_frame)
      continue;
    cut.frame -= first_frame;
    out.push_back(cut);
  }
  return out;
}

}  // namespace cf::pipeline
