#include "color/LabConversion.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace cf::color {

// Hand-written: OpenCV's float cvtColor(RGB2Lab) interpolates the sRGB gamma curve from a table
// and is off by up to ~0.05 L (tests/color compare against the CIE formulas), so we evaluate the
// formulas directly. sRGB primaries, D65 white (0.95047, 1, 1.08883).

namespace {

constexpr double kWhiteX = 0.95047;
constexpr double kWhiteZ = 1.08883;
constexpr double kEpsilon = 216.0 / 24389.0;
constexpr double kKappa = 24389.0 / 27.0;

inline double srgbToLinear(double v) {
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
inline double linearToSrgb(double v) {
  return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}
inline double labF(double t) {
  return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0;
}
inline double labFInv(double f) {
  const double f3 = f * f * f;
  return f3 > kEpsilon ? f3 : (116.0 * f - 16.0) / kKappa;
}

inline cv::Vec3f pixelRgbToLab(const cv::Vec3f& rgb) {
  const double r = srgbToLinear(rgb[0]), g = srgbToLinear(rgb[1]), b = srgbToLinear(rgb[2]);
  const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / kWhiteX;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / kWhiteZ;
  const double fx = labF(x), fy = labF(y), fz = labF(z);
  return {static_cast<float>(116.0 * fy - 16.0), static_cast<float>(500.0 * (fx - fy)),
          static_cast<float>(200.0 * (fy - fz))};
}

inline cv::Vec3f pixelLabToRgb(const cv::Vec3f& lab) {
  const double fy = (lab[0] + 16.0) / 116.0;
  const double fx = fy + lab[1] / 500.0;
  const double fz = fy - lab[2] / 200.0;
  const double x = labFInv(fx) * kWhiteX;
  const double y = lab[0] > kKappa * kEpsilon ? fy * fy * fy : lab[0] / kKappa;
  const double z = labFInv(fz) * kWhiteZ;
  const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  auto encode = [](double v) {
    return static_cast<float>(std::clamp(linearToSrgb(std::clamp(v, 0.0, 1.0)), 0.0, 1.0));
  };
  return {encode(r), encode(g), encode(b)};
}

template <class Fn>
cv::Mat mapPixels(const cv::Mat& in, Fn fn) {
  cv::Mat out(in.size(), CV_32FC3);
  cv::parallel_for_(cv::Range(0, in.rows), [&](const cv::Range& rows) {
    for (int r = rows.start; r < rows.end; ++r) {
      const cv::Vec3f* src = in.ptr<cv::Vec3f>(r);
      cv::Vec3f* dst = out.ptr<cv::Vec3f>(r);
      for (int c = 0; c < in.cols; ++c)
        dst[c] = fn(src[c]);
    }
  });
  return out;
}

}  // namespace

cv::Mat rgbToLab(const cv::Mat& rgb) {
  CV_Assert(rgb.type() == CV_32FC3);
  return mapPixels(rgb, pixelRgbToLab);
}

cv::Mat labToRgb(const cv::Mat& lab) {
  CV_Assert(lab.type() == CV_32FC3);
  return mapPixels(lab, pixelLabToRgb);
}

cv::Mat lumaToL(const cv::Mat& y, int bit_depth, bool full_range) {
  CV_Assert(y.type() == CV_8UC1 || y.type() == CV_16UC1);
  CV_Assert(bit_depth >= 8 && bit_depth <= 16);
  const int levels = 1 << bit_depth;
  const double max_code = levels - 1;
  const double scale = static_cast<double>(1 << (bit_depth - 8));
  const double black = full_range ? 0.0 : 16.0 * scale;
  const double white = full_range ? max_code : 235.0 * scale;
  // A lookup table over every code value: exact, and the per-pixel cost is one load.
  std::vector<float> table(static_cast<size_t>(levels));
  for (int code = 0; code < levels; ++code) {
    const double v = std::clamp((code - black) / (white - black), 0.0, 1.0);
    const float g = static_cast<float>(v);
    table[static_cast<size_t>(code)] = pixelRgbToLab({g, g, g})[0];
  }
  cv::Mat l(y.size(), CV_32FC1);
  for (int r = 0; r < y.rows; ++r) {
    float* out = l.ptr<float>(r);
    if (y.depth() == CV_8U) {
      const uint8_t* in = y.ptr<uint8_t>(r);
      for (int c = 0; c < y.cols; ++c)
        out[c] = table[in[c]];
    } else {
      const uint16_t* in = y.ptr<uint16_t>(r);
      for (int c = 0; c < y.cols; ++c)
        out[c] = table[std::min<int>(in[c], levels - 1)];
    }
  }
  return l;
}

cv::Mat lToGrey8(const cv::Mat& l) {
  CV_Assert(l.type() == CV_32FC1);
  cv::Mat lab = mergeLab(l, cv::Mat::zeros(l.size(), CV_32FC2));
  cv::Mat rgb = labToRgb(lab);
  cv::Mat grey;
  cv::extractChannel(rgb, grey, 1);
  grey.convertTo(grey, CV_8U, 255.0);
  return grey;
}

cv::Mat resizeToHeight(const cv::Mat& img, int height_px) {
  CV_Assert(!img.empty() && height_px > 0);
  if (img.rows == height_px)
    return img.clone();
  const int width_px =
      std::max(1, static_cast<int>(std::lround(double(img.cols) * height_px / img.rows)));
  cv::Mat out;
  const int interp = height_px < img.rows ? cv::INTER_AREA : cv::INTER_LINEAR;
  cv::resize(img, out, cv::Size(width_px, height_px), 0, 0, interp);
  return out;
}

cv::Mat mergeLab(const cv::Mat& l, const cv::Mat& ab) {
  CV_Assert(l.type() == CV_32FC1 && ab.type() == CV_32FC2 && l.size() == ab.size());
  cv::Mat lab(l.size(), CV_32FC3);
  const cv::Mat in[] = {l, ab};
  const int from_to[] = {0, 0, 1, 1, 2, 2};
  cv::mixChannels(in, 2, &lab, 1, from_to, 3);
  return lab;
}

void splitLab(const cv::Mat& lab, cv::Mat* l, cv::Mat* ab) {
  CV_Assert(lab.type() == CV_32FC3);
  *l = cv::Mat(lab.size(), CV_32FC1);
  *ab = cv::Mat(lab.size(), CV_32FC2);
  cv::Mat out[] = {*l, *ab};
  const int from_to[] = {0, 0, 1, 1, 2, 2};
  cv::mixChannels(&lab, 1, out, 2, from_to, 3);
}

}  // namespace cf::color
