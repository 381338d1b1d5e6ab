#pragma once
// A temporary file next to an output target ("dir/.name.partial-XXXXXX.ext") that becomes the
// target only on commit(). Without commit() it is removed, so a failed or cancelled export never
// leaves a file at the target path. Refuses targets that are one of the inputs.
//
// The temporary file is held under an exclusive flock() for its whole life. A run that was killed
// (SIGKILL, a second Ctrl-C, a power cut) leaves its temporary file behind, unlocked: the next
// create() for the same target removes such stale files, and leaves alone the locked ones of a
// run still writing.

#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"

namespace cf::media {

class TempOutputFile {
 public:
  /// Checks that `target` can be written (its folder exists and is writable, it is not a folder,
  /// it is not one of `inputs` -- compared by canonical path and by inode) and creates the
  /// temporary file.
  static Result<std::unique_ptr<TempOutputFile>> create(const std::string& target,
                                                        const std::vector<std::string>& inputs);
  ~TempOutputFile();
  TempOutputFile(const TempOutputFile&) = delete;
  TempOutputFile& operator=(const TempOutputFile&) = delete;

  const std::string& path() const { return temp_path_; }
  const std::string& target() const { return target_; }

  /// Renames the temporary file onto the target (atomic on one file system).
  Status commit();
  /// Removes the temporary file (no-op after commit()).
  void discard();

  /// Removes the temporary files of `target` ("dir/.name.partial-XXXXXX.ext") that no live
  /// TempOutputFile holds; returns how many it removed. create() calls it.
  static int removeStalePartials(const std::string& target);

 private:
  TempOutputFile(std::string target, std::string temp_path, int lock_fd);
  void unlock();
  std::string target_;
  std::string temp_path_;
  int lock_fd_ = -1;
  bool done_ = false;
};

}  // namespace cf::media
