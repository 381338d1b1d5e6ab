#pragma once
// A temporary file next to an output target ("dir/.name.partial-XXXXXX.ext") that becomes the
// target only on commit(). Without commit() it is removed, so a failed or cancelled export never
// leaves a file at the target path. Refuses targets that are one of the inputs.

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

 private:
  TempOutputFile(std::string target, std::string temp_path);
  std::string target_;
  std::string temp_path_;
  bool done_ = false;
};

}  // namespace cf::media
