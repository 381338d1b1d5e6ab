#pragma once
// Where the shipped default model is: next to the installed program, never at build-tree paths.

#include <string>

namespace cf::pipeline {

/// File name of the shipped default model inside <prefix>/share/chromaflow/models/.
constexpr const char* kDefaultModelFile = "default.cfmodel";

/// The default model's path: $CHROMAFLOW_MODEL when set, else
/// <application dir>/../share/chromaflow/models/default.cfmodel, else the same under /usr.
/// Returns the first candidate that exists, or the install-relative one when none does.
std::string defaultModelPath();

/// `path` when not empty, else defaultModelPath().
std::string resolveModelPath(const std::string& path);

}  // namespace cf::pipeline
