#pragma once
// The cache folder of one (video, model, working height, temperature) combination.

#include <QByteArray>
#include <string>

#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// A hash (hex) of the file's size, its first and last 64 KiB and 32 blocks of 8 KiB spread
/// evenly between: another film of the same size and modification time gets another
/// fingerprint, and it costs ~400 KiB of reading whatever the file's length.
QByteArray contentFingerprint(const std::string& path);

/// The folder holding every video's cache folders: settings.cache_dir, or the user's cache folder
/// (~/.cache/chromaflow).
std::string cacheRootFor(const SessionSettings& settings);

/// <root>/<hash>, where root is settings.cache_dir or the user's cache folder
/// (~/.cache/chromaflow) and the hash covers the video file (path, size, mtime and
/// contentFingerprint()), the model file (the same) and the settings that change the network's
/// output.
std::string cacheFolderFor(const std::string& video_path, const std::string& model_path,
                           const SessionSettings& settings);

/// <root>/<name>-flow-<hash>: the frame links of the video, which depend on the video, the flow
/// method and the working height but not on the model, so a model change keeps them.
std::string flowCacheFolderFor(const std::string& video_path, const SessionSettings& settings);

/// <root>/<name>-retimed-<hash>: the copy of a video given fresh timestamps (RetimedSource.h),
/// keyed by the file (path, size, mtime and contentFingerprint()).
std::string retimedFolderFor(const std::string& video_path, const SessionSettings& settings);

}  // namespace cf::pipeline
