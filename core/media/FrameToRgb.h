#pragma once
// A decoded Frame's own colours as 8-bit RGB, through swscale (BT.709 from 720 lines up, BT.601
// below, as players assume when a file carries no matrix tag), for reference views and metrics.

#include <opencv2/core.hpp>

#include "common/Result.h"
#include "media/Frame.h"

namespace cf::media {

/// CV_8UC3 in R, G, B order, the frame's size.
Result<cv::Mat> frameToRgb8(const Frame& frame);

}  // namespace cf::media
