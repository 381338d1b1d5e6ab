#include "common/ErrorBoundary.h"

#include <c10/util/Exception.h>

#include <new>
#include <opencv2/core.hpp>

namespace cf {

namespace {
std::string firstLine(const std::string& text) {
  const auto end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}
}  // namespace

Error errorFromCurrentException(const std::string& context) {
  const std::string prefix = context.empty() ? std::string() : context + ": ";
  try {
    throw;
  } catch (const c10::Error& e) {
    // LibTorch messages carry a C++ backtrace after the first line; users need the first line.
    std::string what = firstLine(e.what_without_backtrace());
    if (what.find("out of memory") != std::string::npos)
      return makeError(prefix + "the device ran out of memory (" + what +
                       "). Lower the working height or the batch size, or use the CPU.");
    return makeError(prefix + what);
  } catch (const cv::Exception& e) {
    return makeError(prefix + "OpenCV error in " + e.func + ": " + e.err);
  } catch (const std::bad_alloc&) {
    return makeError(prefix + "out of memory. Lower the working height or close other programs.");
  } catch (const std::exception& e) {
    return makeError(prefix + e.what());
  } catch (...) {
    return makeError(prefix + "unknown internal error");
  }
}

}  // namespace cf
