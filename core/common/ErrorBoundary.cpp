#include "common/ErrorBoundary.h"

#include <c10/util/Exception.h>

#include <new>
#include <opencv2/core.hpp>

#include "common/Logging.h"

namespace cf {

namespace {
std::string firstLine(const std::string& text) {
  const auto end = text.find('\n');
  return end == std::string::npos ? text : text.substr(0, end);
}

/// One line for the user from an exception text; the whole text goes to the debug log
/// (QT_LOGGING_RULES="chromaflow.model.debug=true"). A TorchScript interpreter error is a
/// traceback whose last line says what the model raised ("RuntimeError: ..."); others lead with
/// their message.
std::string oneLine(const std::string& text) {
  if (text.find('\n') == std::string::npos)
    return text;
  qCDebug(lcModel, "full error text:\n%s", text.c_str());
  if (text.find("TorchScript") == std::string::npos)
    return firstLine(text);
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos)
    return firstLine(text);
  const size_t begin = text.rfind('\n', end);
  const size_t from = begin == std::string::npos ? 0 : begin + 1;
  std::string last = text.substr(from, end + 1 - from);
  last.erase(0, last.find_first_not_of(" \t"));
  return "the TorchScript model raised an error: " + last +
         " (the traceback is in the debug log: QT_LOGGING_RULES=chromaflow.model.debug=true)";
}
}  // namespace

Error errorFromCurrentException(const std::string& context) {
  const std::string prefix = context.empty() ? std::string() : context + ": ";
  try {
    throw;
  } catch (const c10::Error& e) {
    // LibTorch messages carry a C++ backtrace after the first line; users need the first line.
    std::string what = oneLine(e.what_without_backtrace());
    if (what.find("out of memory") != std::string::npos)
      return makeError(prefix + "the device ran out of memory (" + what +
                       "). Lower the working height or the batch size, or use the CPU.");
    return makeError(prefix + what);
  } catch (const cv::Exception& e) {
    return makeError(prefix + "OpenCV error in " + e.func + ": " + e.err);
  } catch (const std::bad_alloc&) {
    return makeError(prefix + "out of memory. Lower the working height or close other programs.");
  } catch (const std::exception& e) {
    return makeError(prefix + oneLine(e.what()));
  } catch (...) {
    return makeError(prefix + "unknown internal error");
  }
}

}  // namespace cf
