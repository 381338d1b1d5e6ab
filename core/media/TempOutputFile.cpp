#include "media/TempOutputFile.h"

#include <fcntl.h>
#include <stdlib.h>    // mkstemps
#include <sys/file.h>  // flock
#include <sys/stat.h>  // fchmod, umask
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "common/Logging.h"
#include "common/OutputPath.h"

namespace cf::media {

namespace fs = std::filesystem;

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

// The process's file-creation mask. Read from /proc (Linux 4.7+), so that no thread ever sees
// a changed mask; elsewhere set and restored at once (umask(2) has no read-only form).
mode_t processUmask() {
  if (FILE* f = std::fopen("/proc/self/status", "re")) {
    char line[256] = {};
    unsigned mask = 0;
    bool found = false;
    while (!found && std::fgets(line, sizeof line, f))
      found = std::sscanf(line, "Umask: %o", &mask) == 1;
    std::fclose(f);
    if (found)
      return static_cast<mode_t>(mask);
  }
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// mkstemps() creates 0600; the finished file must have the mode any other new file would get
// (0666 less the umask), or, when it replaces a file, that file's mode.
void setOutputMode(int fd, const fs::path& target) {
  struct stat existing {};
  const mode_t mode = ::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)
                          ? (existing.st_mode & 07777)
                          : (0666 & ~processUmask());
  if (::fchmod(fd, mode) != 0)
    qCWarning(lcMedia, "cannot set the mode of '%s': %s", target.c_str(), std::strerror(errno));
}

}  // namespace

TempOutputFile::TempOutputFile(std::string target, std::string temp_path, int lock_fd)
    : target_(std::move(target)), temp_path_(std::move(temp_path)), lock_fd_(lock_fd) {}

TempOutputFile::~TempOutputFile() {
  discard();
  unlock();
}

void TempOutputFile::unlock() {
  if (lock_fd_ >= 0)
    ::close(lock_fd_);  // releases the flock
  lock_fd_ = -1;
}

int TempOutputFile::removeStalePartials(const std::string& target) {
  const fs::path target_path(target);
  fs::path dir = target_path.parent_path();
  if (dir.empty())
    dir = ".";
  const std::string name = target_path.filename().string();
  const std::string ext = target_path.extension().string();
  const std::string prefix = "." + name.substr(0, name.size() - ext.size()) + ".partial-";
  constexpr size_t kRandomChars = 6;  // mkstemps' XXXXXX
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (entry.size() != prefix.size() + kRandomChars + ext.size() ||
        entry.compare(0, prefix.size(), prefix) != 0 ||
        entry.compare(entry.size() - ext.size(), ext.size(), ext) != 0)
      continue;
    std::error_code type_ec;
    if (!fs::is_regular_file(it->symlink_status(type_ec)))
      continue;
    const int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
      continue;
    // Locked: a live run is writing it. Unlocked: its run died.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      std::error_code rm_ec;
      if (fs::remove(it->path(), rm_ec)) {
        ++removed;
        qCInfo(lcMedia, "removed '%s', left behind by an interrupted run", it->path().c_str());
      }
    }
    ::close(fd);
  }
  return removed;
}

Result<std::unique_ptr<TempOutputFile>> TempOutputFile::create(
    const std::string& target, const std::vector<std::string>& inputs) {
  if (target.empty())
    return makeError("no output file given. Pass the path of the video to write.");
  const fs::path target_path(target);
  if (Status s = checkOutputIsNotInput(target, inputs); !s)
    return s.error();
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

  removeStalePartials(target);
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
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
    qCDebug(lcMedia, "cannot lock '%s'; a later run may remove it", pattern.c_str());
  setOutputMode(fd, target_path);
  return std::unique_ptr<TempOutputFile>(new TempOutputFile(target, pattern, fd));
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
  unlock();
  return Status::success();
}

void TempOutputFile::discard() {
  if (done_)
    return;
  std::error_code ec;
  fs::remove(temp_path_, ec);
  done_ = true;
  unlock();
}

}  // namespace cf::media
