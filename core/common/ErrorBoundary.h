#pragma once
// The core boundary: exceptions from LibTorch (c10::Error), OpenCV (cv::Exception) and the standard
// library become a cf::Error with a readable message. FFmpeg codes go through ffmpegErrorText().

#include <exception>
#include <string>
#include <type_traits>
#include <utility>

#include "common/Result.h"

namespace cf {

/// Converts the exception currently being handled into an Error prefixed with `context`.
/// Must be called from inside a catch block.
Error errorFromCurrentException(const std::string& context);

/// Runs `fn` and converts any exception into an Error. `fn` returns Result<T> or Status.
template <class Fn>
auto guarded(const std::string& context, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (...) {
    return errorFromCurrentException(context);
  }
}

}  // namespace cf
