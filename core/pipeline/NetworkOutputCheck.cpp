#include "pipeline/NetworkOutputCheck.h"

#include <cmath>

#include "common/Logging.h"

namespace cf::pipeline {

namespace {

bool validAb(const cv::Vec2f& v) {
  return std::isfinite(v[0]) && std::isfinite(v[1]) && std::fabs(v[0]) <= kMaxAbMagnitude &&
         std::fabs(v[1]) <= kMaxAbMagnitude;
}

}  // namespace

Status checkNetworkOutput(int64_t frame, cv::Mat& ab, cv::Mat& confidence, MaskedOutput& masked) {
  CV_Assert(ab.type() == CV_32FC2);
  const bool has_conf = !confidence.empty();
  if (has_conf)
    CV_Assert(confidence.type() == CV_32FC1 && confidence.size() == ab.size());
  // Fast path, the usual case: everything finite and in range.
  if (cv::checkRange(ab, true, nullptr, -kMaxAbMagnitude, kMaxAbMagnitude) &&
      (!has_conf || cv::checkRange(confidence)))
    return {};
  int64_t bad = 0;
  for (int r = 0; r < ab.rows; ++r) {
    auto* v = ab.ptr<cv::Vec2f>(r);
    float* c = has_conf ? confidence.ptr<float>(r) : nullptr;
    for (int x = 0; x < ab.cols; ++x) {
      const bool conf_ok = !c || std::isfinite(c[x]);
      if (validAb(v[x]) && conf_ok)
        continue;
      ++bad;
      v[x] = cv::Vec2f(0.f, 0.f);
      if (c)
        c[x] = 0.f;
    }
  }
  const int64_t total = static_cast<int64_t>(ab.total());
  if (bad > static_cast<int64_t>(kMaxMaskedFraction * static_cast<double>(total)))
    return makeError("the colour model produced invalid values (NaN, infinity or beyond +-" +
                     std::to_string(static_cast<int>(kMaxAbMagnitude)) + " ab) for " +
                     std::to_string(bad) + " of the " + std::to_string(total) +
                     " pixels of frame " + std::to_string(frame) +
                     ": the model file is broken or does not fit this input. Choose another "
                     "model, or the shipped one.");
  qCWarning(lcPipeline, "frame %lld: the model produced %lld invalid pixel(s); masked as grey",
            static_cast<long long>(frame), static_cast<long long>(bad));
  if (masked.first_frame < 0 || frame < masked.first_frame)
    masked.first_frame = frame;
  ++masked.frames;
  masked.pixels += bad;
  return {};
}

std::string maskedOutputNote(const MaskedOutput& masked) {
  if (masked.frames == 0)
    return {};
  return "the colour model produced invalid values (NaN, infinity or beyond +-" +
         std::to_string(static_cast<int>(kMaxAbMagnitude)) + " ab) at " +
         std::to_string(masked.pixels) + " pixel(s) in " + std::to_string(masked.frames) +
         " frame(s), the first in frame " + std::to_string(masked.first_frame) +
         ". Those pixels were left uncoloured (grey, confidence 0), so they do not spread "
         "through the smoothing. Check the model.";
}

}  // namespace cf::pipeline
