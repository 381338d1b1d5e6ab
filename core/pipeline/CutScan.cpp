#include "pipeline/CutScan.h"

#include <opencv2/imgproc.hpp>

#include "media/VideoReader.h"

namespace cf::pipeline {

Result<CutScanResult> scanSceneCuts(const std::string& path,
                                    const temporal::SceneCutSettings& settings,
                                    const CancelToken& cancel, const ProgressFn& progress,
                                    const media::InputOptions& input) {
  auto reader = media::VideoReader::open(path, input);
  if (!reader)
    return reader.error();
  const int64_t total = (*reader)->info().frame_count;
  // Only the previous frame's features and 16 bytes a frame are kept: bounded for any length.
  std::vector<temporal::CutDistance> distances;
  distances.reserve(static_cast<size_t>(std::max<int64_t>(total, 0)));
  temporal::CutFeatures prev;
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
    temporal::CutFeatures cur = temporal::cutFeatures(y8);
    distances.push_back(distances.empty() ? temporal::CutDistance{}
                                          : temporal::cutDistance(prev, cur));
    prev = std::move(cur);
    if (distances.size() % 16 == 0)
      report(progress, static_cast<int64_t>(distances.size()), total, "scan");
  }
  CutScanResult result;
  result.frames = static_cast<int64_t>(distances.size());
  result.cuts = temporal::detectSceneCuts(distances, settings);
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
