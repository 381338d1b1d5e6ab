#pragma once
// Where the shipped default model is: next to the installed program, never at build-tree paths.

#include <string>
#include <vector>

namespace cf::pipeline {

/// File name of the shipped default model inside <prefix>/share/chromaflow/models/.
constexpr const char* kDefaultModelFile = "default.cfmodel";

/// The default model's path: $CHROMAFLOW_MODEL when set, else
/// <application dir>/../share/chromaflow/models/default.cfmodel, else the same under /usr.
/// Returns the first candidate that exists, or the install-relative one when none does.
std::string defaultModelPath();

/// Folders that hold installed models, most specific first: the user's
/// <data dir>/chromaflow/models, then <application dir>/../share/chromaflow/models, /usr/local and
/// /usr. Folders that do not exist are left out.
std::vector<std::string> modelFolders();

/// The model files (*.cfmodel, *.pt, *.ts) in modelFolders(), sorted by file name within each
/// folder, without duplicates and without the shipped default model itself.
std::vector<std::string> installedModels();

/// `path` when not empty, else defaultModelPath().
std::string resolveModelPath(const std::string& path);

}  // namespace cf::pipeline
