#include "common/OutputPath.h"

#include <filesystem>
#include <system_error>

namespace cf {

namespace fs = std::filesystem;

bool isSameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (a.empty() || b.empty() || !fs::exists(b, ec))
    return false;
  if (fs::exists(a, ec) && fs::equivalent(a, b, ec))
    return true;
  const fs::path ca = fs::weakly_canonical(a, ec);
  if (ec)
    return false;
  const fs::path cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

Status checkOutputIsNotInput(const std::string& target, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs)
    if (isSameFile(target, input))
      return makeError("refusing to write '" + target + "': it is the input file '" + input +
                       "'. Choose a different output path.");
  return Status::success();
}

}  // namespace cf
