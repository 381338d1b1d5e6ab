#include "media/TempOutputFile.h"

#include <stdlib.h>  // mkstemps
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace cf::media {

namespace fs = std::filesystem;

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

bool sameFile(const fs::path& a, const std::string& b) {
  std::error_code ec;
  if (b.empty() || !fs::exists(b, ec))
    return false;
  if (fs::exists(a, ec) && fs::equivalent(a, b, ec))
    return true;
  const fs::path ca = fs::weakly_canonical(a, ec);
  const fs::path cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

}  // namespace

TempOutputFile::TempOutputFile(std::string target, std::string temp_path)
    : target_(std::move(target)), temp_path_(std::move(temp_path)) {}

TempOutputFile::~TempOutputFile() {
  discard();
}

Result<std::unique_ptr<TempOutputFile>> TempOutputFile::create(
    const std::string& target, const std::vector<std::string>& inputs) {
  if (target.empty())
    return makeError("no output file given. Pass the path of the video to write.");
  const fs::path target_path(target);
  for (const std::string& input : inputs) {
    if (sameFile(target_path, input))
      return makeError("refusing to write " + inQuotes(target) + ": it is the input file " +
                       inQuotes(input) + ". Choose a different output path.");
  }
  std::error_code ec;
  if (fs::is_directory(target_path, ec))
    return makeError("cannot write " + inQuotes(target) +
                     ": it is a folder. Give a file name such as out.mp4.");
  fs::path dir = target_path.parent_path();
  if (dir.empty())
    dir = ".";
  if (!fs::exists(dir, ec))
    return makeError("cannot write " + inQuotes(target) + ": the folder " + inQuotes(dir.string()) +
                     " does not exist. Create it or choose another output folder.");
  if (!fs::is_directory(dir, ec))
    return makeError("cannot write " + inQuotes(target) + ": " + inQuotes(dir.string()) +
                     " is not a folder.");

  const std::string name = target_path.filename().string();
  const std::string ext = target_path.extension().string();
  const std::string stem = name.substr(0, name.size() - ext.size());
  std::string pattern = (dir / ("." + stem + ".partial-XXXXXX" + ext)).string();
  const int fd = mkstemps(pattern.data(), static_cast<int>(ext.size()));
  if (fd < 0) {
    const int error = errno;
    return makeError("cannot write " + inQuotes(target) + ": the folder " + inQuotes(dir.string()) +
                     " is not writable (" + std::strerror(error) +
                     "). Choose a folder you can write to.");
  }
  ::close(fd);
  return std::unique_ptr<TempOutputFile>(new TempOutputFile(target, pattern));
}

Status TempOutputFile::commit() {
  if (done_)
    return makeError("the output " + inQuotes(target_) + " was already finished or discarded.");
  std::error_code ec;
  fs::rename(temp_path_, target_, ec);
  if (ec)
    return makeError("cannot move the finished video to " + inQuotes(target_) + " (" +
                     ec.message() + "); nothing was written there.");
  done_ = true;
  return Status::success();
}

void TempOutputFile::discard() {
  if (done_)
    return;
  std::error_code ec;
  fs::remove(temp_path_, ec);
  done_ = true;
}

}  // namespace cf::media
