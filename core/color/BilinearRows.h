#pragma once
// Bilinear enlargement computed one output row at a time, so that a full-resolution result never
// has to be stored: the recombination upsamples the guided filter's coefficients (4 floats per
// pixel, 33 MB per frame at 1080p) row by row, straight into its Lab -> RGB loop.
//
// The rows equal, bit for bit, what cv::resize(src, dst, size, 0, 0, cv::INTER_LINEAR) writes for
// a float source and a destination at least as large in both dimensions: the same sample
// positions and weights (float), the horizontal pass first, then the vertical one, with the same
// operations in the same order (tst_bilinear_rows checks it against cv::resize). Hand-written
// because OpenCV has no row-at-a-time resize.

#include <opencv2/core.hpp>
#include <vector>

namespace cf::color {

/// The sample positions and weights of one enlargement (shared by all threads).
class BilinearPlan {
 public:
  /// `src` must not be larger than `dst` in either dimension (see supports()).
  BilinearPlan(cv::Size src, cv::Size dst);

  /// True when the row-at-a-time path reproduces cv::resize for these sizes.
  static bool supports(cv::Size src, cv::Size dst);

  cv::Size srcSize() const { return src_; }
  cv::Size dstSize() const { return dst_; }

 private:
  friend class BilinearRowReader;
  cv::Size src_, dst_;
  std::vector<int> xofs_;  ///< per destination column: left source column
  std::vector<float> ax_;  ///< per destination column: weights of the left and right columns
  int xmax_ = 0;           ///< columns from here on copy the last source column
  std::vector<int> yofs_;  ///< per destination row: upper source row (may be -1)
  std::vector<float> by_;  ///< per destination row: weights of the upper and lower rows
};

/// Reads destination rows of one CV_32FC(n) source (n <= 4), de-interleaved. Keeps the last two
/// horizontally interpolated source rows, so reading rows in increasing order interpolates each
/// source row once. Not thread-safe: one reader per thread.
class BilinearRowReader {
 public:
  BilinearRowReader(const BilinearPlan& plan, const cv::Mat& src);

  /// Writes destination row `dy`: out[c][x] for channel c < src.channels(), x < dst width.
  void row(int dy, float* const* out);

 private:
  /// Source row `sy` interpolated horizontally; a new row never replaces the one of row `keep`.
  const float* horizontal(int sy, int keep);

  const BilinearPlan& plan_;
  const cv::Mat& src_;
  int channels_;
  int width_;
  std::vector<float> rows_[2];  ///< horizontally interpolated source rows, channel-major
  int row_of_[2] = {-1, -1};
};

}  // namespace cf::color
