#pragma once
// Flicker metrics of a colour video:
// - warping error E_warp (Lai et al., "Learning blind video temporal consistency", ECCV 2018): mean
//   over t of the masked mean of ||V_t - warp(V_t+1)||^2 (squared RGB distance, RGB in [0,1]),
//   with the flow t -> t+1 computed on luma and the forward-backward / motion-boundary mask;
// - CDC, colour distribution consistency (Liu et al. 2021): Jensen-Shannon divergence (natural
//   log) of the 256-bin R, G, B histograms of frames t and t+d, averaged over channels, t, and
//   d in {1, 2, 4};
// - colourfulness per frame (Hasler and Suesstrunk, cf::color::colorfulness).
// FlickerMeter is streaming: it holds the previous frame and four histograms, nothing more.

#include <array>
#include <deque>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "common/Result.h"
#include "temporal/OpticalFlow.h"

namespace cf::temporal {

/// Masked mean of ||a - warp(b)||^2 with warp(b)(p) = b(p + flow(p)); mask CV_8UC1 (nonzero =
/// counted). a, b: CV_32FC3 in [0,1]. Returns -1 when the mask is empty.
double warpingError(const cv::Mat& a, const cv::Mat& b, const cv::Mat& flow_a_to_b,
                    const cv::Mat& mask);

/// Three normalised 256-bin histograms (R, G, B) of CV_8UC3 or CV_32FC3 [0,1] RGB.
using RgbHistogram = std::array<std::array<double, 256>, 3>;
RgbHistogram rgbHistogram(const cv::Mat& rgb);

/// Jensen-Shannon divergence (natural log, 0..ln 2) averaged over the three channels.
double jsDivergence(const RgbHistogram& p, const RgbHistogram& q);

struct FlickerReport {
  int64_t frames = 0;
  double warping_error = 0.0;                  ///< mean over pairs with a non-empty mask
  double cdc = 0.0;                            ///< mean over d in {1,2,4} of the mean JS
  std::vector<double> warping_error_per_pair;  ///< [t] = pair (t, t+1); -1 where the mask was empty
  std::vector<double> colorfulness;            ///< per frame, 0..255 scale
  double mean_colorfulness = 0.0;
};

/// Multi-line text for the CLI (`temporal-report`): frames, E_warp, CDC, colourfulness
/// mean/min/max.
std::string formatFlickerReport(const FlickerReport& report);

class FlickerMeter {
 public:
  explicit FlickerMeter(FlowSettings flow = {});

  /// rgb: CV_8UC3 or CV_32FC3 [0,1], RGB order. luma: CV_32FC1 L or CV_8UC1 for the flow; when
  /// empty it is taken from rgb (pass the source luma to compare versions of one video on equal
  /// flows).
  Status addFrame(const cv::Mat& rgb, const cv::Mat& luma = cv::Mat());
  FlickerReport report() const;

 private:
  FlowEstimator estimator_;
  cv::Mat prev_rgb_;
  cv::Mat prev_luma_;
  std::deque<RgbHistogram> history_;  // newest last, at most 4
  std::vector<double> warp_;
  std::vector<double> colorfulness_;
  std::array<double, 3> js_sum_{};
  std::array<int64_t, 3> js_count_{};
};

}  // namespace cf::temporal
