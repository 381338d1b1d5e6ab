#include "guide/KeyframeColour.h"

#include <QString>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/ErrorBoundary.h"

namespace cf::guide {

namespace {

cv::Mat smallBlurred(const cv::Mat& l, cv::Size size) {
  cv::Mat out;
  cv::resize(l, out, size, 0, 0, cv::INTER_AREA);
  cv::GaussianBlur(out, out, cv::Size(0, 0), 1.0);
  return out;
}

}  // namespace

double luminanceCorrelation(const cv::Mat& l_a, const cv::Mat& l_b) {
  const int h = 64;
  const int w = std::max(8, static_cast<int>(std::lround(64.0 * l_a.cols / std::max(1, l_a.rows))));
  const cv::Mat a = smallBlurred(l_a, cv::Size(w, h));
  const cv::Mat b = smallBlurred(l_b, cv::Size(w, h));
  cv::Scalar ma, sa, mb, sb;
  cv::meanStdDev(a, ma, sa);
  cv::meanStdDev(b, mb, sb);
  if (sa[0] < 1.0 || sb[0] < 1.0)  // flat: compare the levels
    return std::abs(ma[0] - mb[0]) < 10.0 && std::abs(sa[0] - sb[0]) < 1.0 ? 1.0 : 0.0;
  const double cov = cv::mean((a - ma[0]).mul(b - mb[0]))[0];
  return cov / (sa[0] * sb[0]);
}

Result<cv::Mat> loadReferenceAb(const std::string& path, int64_t frame, const cv::Mat& frame_l,
                                int rotation_deg) {
  return guarded("reading the reference image '" + path + "'", [&]() -> Result<cv::Mat> {
    cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    if (bgr.empty())
      return makeError("cannot read the reference image '" + path + "' for frame " +
                       std::to_string(frame) +
                       ": it is missing or not a picture OpenCV reads (PNG, JPEG, TIFF, ...)");
    switch (((rotation_deg % 360) + 360) % 360) {
      case 90:
        cv::rotate(bgr, bgr, cv::ROTATE_90_COUNTERCLOCKWISE);
        break;
      case 180:
        cv::rotate(bgr, bgr, cv::ROTATE_180);
        break;
      case 270:
        cv::rotate(bgr, bgr, cv::ROTATE_90_CLOCKWISE);
        break;
      default:
        break;
    }
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(rgb, CV_32F, bgr.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
    cv::resize(rgb, rgb, frame_l.size(), 0, 0,
               rgb.rows > frame_l.rows ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat l, ab;
    color::splitLab(color::rgbToLab(rgb), &l, &ab);
    const double corr = luminanceCorrelation(l, frame_l);
    if (!(corr >= kMinReferenceCorrelation))
      return makeError("the reference image '" + path + "' does not match frame " +
                       std::to_string(frame) + ": the correlation of their luminance is " +
                       QString::number(corr, 'f', 2).toStdString() + " (at least " +
                       QString::number(kMinReferenceCorrelation, 'f', 2).toStdString() +
                       " expected). Is it a picture of frame " + std::to_string(frame) +
                       " (frames count from 0)? It was not used.");
    return ab;
  });
}

cv::Vec2f srgbToAb(uint8_t r, uint8_t g, uint8_t b) {
  cv::Mat rgb(1, 1, CV_32FC3, cv::Scalar(r / 255.0, g / 255.0, b / 255.0));
  const cv::Vec3f lab = color::rgbToLab(rgb).at<cv::Vec3f>(0, 0);
  return {lab[1], lab[2]};
}

KeyframeColour keyframeColour(int64_t frame, const cv::Mat& reference_ab,
                              const std::vector<HintPoint>& hints, cv::Size size,
                              int rotation_deg) {
  KeyframeColour k;
  k.frame = frame;
  if (!reference_ab.empty()) {
    reference_ab.copyTo(k.ab);
    if (k.ab.size() != size)
      cv::resize(k.ab, k.ab, size, 0, 0, cv::INTER_AREA);
    k.confidence = cv::Mat(size, CV_32FC1, cv::Scalar(1.0));
    k.full = true;
  } else {
    k.ab = cv::Mat(size, CV_32FC2, cv::Scalar::all(0.0));
    k.confidence = cv::Mat(size, CV_32FC1, cv::Scalar(0.0));
  }
  const bool sideways = rotation_deg % 180 != 0;
  const double display_height_px = sideways ? size.width : size.height;
  for (const HintPoint& h : hints) {
    if (h.frame != frame)
      continue;
    const FramePoint p = storedFromDisplay({h.x, h.y}, rotation_deg);
    const cv::Point centre(static_cast<int>(std::lround(p.x * size.width - 0.5)),
                           static_cast<int>(std::lround(p.y * size.height - 0.5)));
    const int radius_px = std::max(1, static_cast<int>(std::lround(h.radius * display_height_px)));
    const cv::Vec2f ab = srgbToAb(h.r, h.g, h.b);
    cv::circle(k.ab, centre, radius_px, cv::Scalar(ab[0], ab[1]), cv::FILLED, cv::LINE_8);
    cv::circle(k.confidence, centre, radius_px, cv::Scalar(1.0), cv::FILLED, cv::LINE_8);
  }
  return k;
}

}  // namespace cf::guide
