#pragma once
// Box means of several planes in one pass, equal bit for bit to what
//   cv::boxFilter(plane, mean, CV_32F, Size(2r+1, 2r+1), Point(-1, -1), true, BORDER_REFLECT)
// computes for each CV_32F plane: OpenCV sums a float image in double, each row's window first
// (radius 1 and 2: the window's values added left to right), then a running sum down each column
// (the new row added, the result scaled by 1/(2r+1)^2 and rounded to float, the old row
// subtracted), the image's edges reflected (fedcba|abcdef). This does the same additions in the
// same order. The planes' rows are made by the caller on demand and their means handed back a row
// at a time, so neither the inputs (products of other planes, say) nor the means are stored
// whole, and one pass over the rows serves all planes (the guided filter's ten box filters are
// two passes: GuidedUpsampler.cpp). Hand-written because OpenCV's filter engine takes one stored
// image per call; tests/color/tst_box_means.cpp checks it against cv::boxFilter.

#include <functional>
#include <vector>

namespace cf::color {

class BoxMeans {
 public:
  /// Fills row `y` (0..rows-1) of every plane: rows[p] has `cols` floats.
  using RowSource = std::function<void(int y, float* const* rows)>;
  /// Receives row `y` of every plane's box mean, in order from y = 0.
  using RowSink = std::function<void(int y, const float* const* means)>;

  /// Whether the exact path handles this size and radius (radius 1 or 2, at least 2r+1 rows and
  /// columns); otherwise use cv::boxFilter.
  static bool supports(int rows, int cols, int radius);

  BoxMeans(int planes, int rows, int cols, int radius);
  /// Asks `source` for each row once or twice (the reflected edge rows) and hands every mean row
  /// to `sink`.
  void run(const RowSource& source, const RowSink& sink);

 private:
  int planes_, rows_, cols_, radius_, ksize_;
  std::vector<float> in_;         // one input row per plane, with `radius` reflected at each end
  std::vector<double> row_sums_;  // ksize rows per plane: the window's row sums
  std::vector<double> column_;    // running column sums per plane
  std::vector<float> out_;        // one mean row per plane
};

}  // namespace cf::color
