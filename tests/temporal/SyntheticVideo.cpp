#include "SyntheticVideo.h"

#include <opencv2/imgproc.hpp>

#include "temporal/OpticalFlow.h"

namespace cf::test {

cv::Mat randomTexture(cv::Size size, uint64_t seed, float lo, float hi, double blur_sigma) {
  cv::RNG rng(seed);
  cv::Mat noise(size, CV_32FC1);
  rng.fill(noise, cv::RNG::UNIFORM, 0.0, 1.0);
  cv::GaussianBlur(noise, noise, cv::Size(0, 0), blur_sigma);
  cv::normalize(noise, noise, lo, hi, cv::NORM_MINMAX);
  return noise;
}

SyntheticVideo movingObjectVideo(int frames, cv::Size size, int object_px, cv::Point2f start,
                                 cv::Point2f velocity, cv::Vec2f background_ab, cv::Vec2f object_ab,
                                 uint64_t seed) {
  SyntheticVideo v;
  const cv::Mat bg = randomTexture(size, seed, 20.f, 80.f);
  const int pad = object_px;
  const cv::Mat obj_tex =
      randomTexture(cv::Size(object_px + 2 * pad, object_px + 2 * pad), seed + 1, 10.f, 95.f);
  for (int t = 0; t < frames; ++t) {
    cv::Mat l = bg.clone();
    cv::Mat ab(size, CV_32FC2, cv::Scalar(background_ab[0], background_ab[1]));
    cv::Mat mask(size, CV_8UC1, cv::Scalar(0));
    const cv::Point2f pos = start + float(t) * velocity;
    // The object's texture moves with it: sample obj_tex with sub-pixel offsets.
    for (int y = 0; y < size.height; ++y) {
      for (int x = 0; x < size.width; ++x) {
        const float ox = float(x) - pos.x;
        const float oy = float(y) - pos.y;
        if (ox < 0.f || oy < 0.f || ox >= float(object_px) || oy >= float(object_px))
          continue;
        cv::Mat patch;
        cv::getRectSubPix(obj_tex, cv::Size(1, 1), cv::Point2f(ox + float(pad), oy + float(pad)),
                          patch);
        l.at<float>(y, x) = patch.at<float>(0, 0);
        ab.at<cv::Vec2f>(y, x) = object_ab;
        mask.at<uchar>(y, x) = 255;
      }
    }
    v.l.push_back(l);
    v.ab.push_back(ab);
    v.object_mask.push_back(mask);
  }
  return v;
}

std::vector<cv::Mat> addFlicker(const std::vector<cv::Mat>& ab, float amplitude, uint64_t seed) {
  cv::RNG rng(seed);
  std::vector<cv::Mat> out;
  for (const cv::Mat& f : ab) {
    const float da = rng.uniform(-amplitude, amplitude);
    const float db = rng.uniform(-amplitude, amplitude);
    out.push_back(f + cv::Scalar(da, db));
  }
  return out;
}

std::vector<cf::temporal::FrameLinkPtr> computeLinks(const std::vector<cv::Mat>& l) {
  cf::temporal::FlowSettings fs;
  fs.flow_height_px = 0;
  cf::temporal::FlowEstimator est(fs);
  std::vector<cf::temporal::FrameLinkPtr> links(l.size());
  for (size_t n = 1; n < l.size(); ++n) {
    auto link = cf::temporal::computeFrameLink(est, l[n - 1], l[n], l[n].size());
    if (link)
      links[n] = link.value();
  }
  return links;
}

cv::Vec2f meanAb(const cv::Mat& ab, const cv::Mat& mask) {
  const cv::Scalar m = cv::mean(ab, mask);
  return cv::Vec2f(float(m[0]), float(m[1]));
}

}  // namespace cf::test
