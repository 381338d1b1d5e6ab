#pragma once
// Scores of a colourisation against the true colours, shared by validation and `eval`:
//  - ab PSNR: 10 log10(255^2 / MSE) with MSE over the a and b channels in Lab units (the peak of
//    OpenCV's 8-bit Lab encoding, where a and b are stored 1:1 with an offset of 128);
//  - RGB PSNR on 8-bit sRGB (peak 255);
//  - Hasler-Suesstrunk colourfulness of the prediction and the truth (cf::color::colorfulness);
//  - hue accuracy: the share of clearly coloured true pixels (chroma > kHueTruthChroma) whose
//    prediction has chroma > kHuePredChroma and a hue within kHueToleranceDeg of the truth
//    (grey scores 0, random hues about 0.25);
//  - global cast: the distance in Lab units between the mean ab of prediction and truth.

#include <opencv2/core.hpp>

namespace cf::train {

inline constexpr double kHueTruthChroma = 12.0;
inline constexpr double kHuePredChroma = 6.0;
inline constexpr double kHueToleranceDeg = 45.0;

struct FrameScore {
  double ab_sq_err = 0.0;   ///< sum of squared ab errors (both channels)
  double rgb_sq_err = 0.0;  ///< sum of squared 8-bit RGB errors (three channels)
  double ab_values = 0.0;   ///< number of ab values (2 x pixels)
  double rgb_values = 0.0;  ///< number of RGB values (3 x pixels)
  double cf_pred = 0.0;
  double cf_truth = 0.0;
  double hue_hits = 0.0;      ///< coloured true pixels whose predicted hue is right
  double hue_coloured = 0.0;  ///< true pixels with chroma > kHueTruthChroma
  double cast = 0.0;          ///< |mean ab(pred) - mean ab(truth)|, Lab units
};

/// The hue-accuracy counts and the cast of one frame (ab CV_32FC2 of the same size).
void scoreHue(const cv::Mat& ab_pred, const cv::Mat& ab_truth, FrameScore* score);

/// l: CV_32FC1 L; ab_pred, ab_truth: CV_32FC2, same size. The prediction is rendered as
/// labToRgb(L, ab_pred) in 8 bits and compared with labToRgb(L, ab_truth) in 8 bits.
FrameScore scoreFrame(const cv::Mat& l, const cv::Mat& ab_pred, const cv::Mat& ab_truth);

double psnrFromMse(double mse, double peak = 255.0);

/// Sums frame scores: PSNR from the pooled MSE, colourfulness as the mean over frames.
class ScoreAccumulator {
 public:
  void add(const FrameScore& s);
  int frames() const { return frames_; }
  double abPsnr() const;
  double rgbPsnr() const;
  double cfPred() const;
  double cfTruth() const;
  /// Pooled over the frames' coloured pixels; 0 when no pixel is clearly coloured.
  double hueAccuracy() const;
  /// Mean over frames.
  double cast() const;

 private:
  FrameScore sum_;
  int frames_ = 0;
};

}  // namespace cf::train
