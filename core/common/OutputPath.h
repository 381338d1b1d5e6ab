#pragma once
// The output-is-input check that every command applies to every path it writes: a report, a
// contact sheet, a model or a video must never replace one of the files the command reads.

#include <string>
#include <vector>

#include "common/Result.h"

namespace cf {

/// True when `a` and `b` name the same existing file: by device and inode (so a symlink or a hard
/// link to it counts) or by canonical path.
bool isSameFile(const std::string& a, const std::string& b);

/// An error ("refusing to write 'target': it is the input file 'x'. Choose a different output
/// path.") when `target` is one of `inputs` (empty entries are skipped); success otherwise.
Status checkOutputIsNotInput(const std::string& target, const std::vector<std::string>& inputs);

}  // namespace cf
