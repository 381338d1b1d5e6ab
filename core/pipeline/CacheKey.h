#pragma once
// The cache folder of one (video, model, working height, temperature) combination.

#include <string>

#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// <root>/<hash>, where root is settings.cache_dir or the user's cache folder
/// (~/.cache/chromaflow) and the hash covers the video file (path, size, mtime), the model file
/// (path, size, mtime) and the settings that change the network's output.
std::string cacheFolderFor(const std::string& video_path, const std::string& model_path,
                           const SessionSettings& settings);

/// <root>/<name>-flow-<hash>: the frame links of the video, which depend on the video, the flow
/// method and the working height but not on the model, so a model change keeps them.
std::string flowCacheFolderFor(const std::string& video_path, const SessionSettings& settings);

}  // namespace cf::pipeline
