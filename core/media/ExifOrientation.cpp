#include "media/ExifOrientation.h"

#include <opencv2/imgproc.hpp>
#include <vector>

namespace cf::media {

void applyExifOrientation(cv::Mat* y, cv::Mat* u, cv::Mat* v, int orientation) {
  if (orientation < 2 || orientation > 8)
    return;
  const bool transposed = orientation >= 5;
  const cv::Size full_size = y->size();  // before it is turned
  for (cv::Mat* plane : {y, u, v}) {
    cv::Mat p = *plane;
    if (transposed && plane != y && p.size() != full_size) {
      cv::Mat full;
      cv::resize(p, full, full_size, 0, 0, cv::INTER_LINEAR);
      p = full;
    }
    cv::Mat out;
    switch (orientation) {  // as OpenCV's ApplyExifOrientation
      case 2:
        cv::flip(p, out, 1);
        break;
      case 3:
        cv::flip(p, out, -1);
        break;
      case 4:
        cv::flip(p, out, 0);
        break;
      case 5:
        cv::transpose(p, out);
        break;
      default: {
        cv::Mat t;
        cv::transpose(p, t);
        cv::flip(t, out, orientation == 6 ? 1 : orientation == 7 ? -1 : 0);
        break;
      }
    }
    *plane = out;
  }
}

}  // namespace cf::media
