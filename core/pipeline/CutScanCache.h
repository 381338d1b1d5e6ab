#pragma once
// The scene cuts of a video kept in the cache folder, keyed by the video's content fingerprint
// (not its path), so that the nodes of a cluster run that share one cache folder decode the film
// for its cuts once (the plan step) instead of once per node, and a second export skips the scan.

#include <optional>
#include <string>

#include "pipeline/CutScan.h"
#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// <cache root>/cuts-<hash>.json, the hash over the content fingerprint of the video and the
/// cut settings; empty when the video cannot be read.
std::string cutScanCacheFile(const std::string& video_path, const SessionSettings& settings,
                             const temporal::SceneCutSettings& cut_settings);

/// The cached scan, or nothing when the file is missing or unreadable.
std::optional<CutScanResult> loadCutScan(const std::string& file);

/// Writes the scan (to a temporary name, then renamed: safe when two nodes write it at once).
Status saveCutScan(const std::string& file, const CutScanResult& scan);

}  // namespace cf::pipeline
