#include "color/Colorfulness.h"

#include <cmath>

namespace cf::color {

double colorfulness(const cv::Mat& rgb) {
  CV_Assert(rgb.type() == CV_8UC3 || rgb.type() == CV_32FC3);
  cv::Mat f;
  rgb.convertTo(f, CV_32F, rgb.depth() == CV_8U ? 1.0 : 255.0);
  cv::Mat ch[3];
  cv::split(f, ch);
  const cv::Mat rg = ch[0] - ch[1];
  const cv::Mat yb = 0.5 * (ch[0] + ch[1]) - ch[2];
  cv::Scalar mean_rg, std_rg, mean_yb, std_yb;
  cv::meanStdDev(rg, mean_rg, std_rg);
  cv::meanStdDev(yb, mean_yb, std_yb);
  const double sigma = std::sqrt(std_rg[0] * std_rg[0] + std_yb[0] * std_yb[0]);
  const double mu = std::sqrt(mean_rg[0] * mean_rg[0] + mean_yb[0] * mean_yb[0]);
  return sigma + 0.3 * mu;
}

}  // namespace cf::color
