#pragma once
// A picture of the worst frames: one row per frame with greyscale input, colourised result and
// confidence heat-map side by side, each row captioned with the frame number and the reasons.

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::analysis {

struct ContactSheetItem {
  int64_t frame_index = 0;
  cv::Mat grey_rgb8;    ///< CV_8UC3
  cv::Mat colour_rgb8;  ///< CV_8UC3
  cv::Mat confidence;   ///< CV_32FC1 0..1; empty: the row has two panels
  std::string caption;  ///< e.g. the flag reasons (ASCII)
};

struct ContactSheetLayout {
  int panel_width_px = 320;
  int caption_height_px = 24;
  int gap_px = 4;
};

/// Number of picture panels the sheet for `items` has (2 or 3 per row).
int contactSheetPanelCount(const std::vector<ContactSheetItem>& items);

/// CV_8UC3 RGB sheet. Width = 3 panels (+ gaps); height = rows of panel height + caption.
cv::Mat makeContactSheet(const std::vector<ContactSheetItem>& items,
                         const ContactSheetLayout& layout = {});

/// Writes the sheet as PNG (or any format OpenCV knows by the extension), atomically.
Status writeContactSheet(const std::vector<ContactSheetItem>& items, const std::string& path,
                         const ContactSheetLayout& layout = {});

}  // namespace cf::analysis
