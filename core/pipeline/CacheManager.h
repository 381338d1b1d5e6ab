#pragma once
// What the cache manager (GUI: Tools › Cache…) does with the cache root: the size of one video's
// cache folders and of all of them, clearing either, a size limit that evicts the least recently
// used folders, and moving the root elsewhere. Every video gets two folders under the root (network
// output; optical flows: CacheKey.h), plus a cut-scan file, and with keyframe colour one folder per
// guided shot one level deeper, in `<network folder>-guided/` (GuidedShots.h); Session marks its
// folders as used each time it opens them, and that time orders the eviction.
//
// Only Chromaflow's own files are ever deleted (cache entries, their temporary names, the use
// marker, cut-scan files): a cache root pointed at a folder holding anything else loses nothing
// else, and a folder that still holds other files is left in place.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Result.h"
#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

struct CacheFolderInfo {
  std::string path;
  int64_t bytes = 0;
  int64_t last_used_ms = 0;  ///< ms since the epoch (use marker, else the newest entry)
};

struct CacheUsage {
  int64_t total_bytes = 0;               ///< every cache folder and cut-scan file under the root
  int64_t video_bytes = 0;               ///< the folders passed as the video's
  std::vector<CacheFolderInfo> folders;  ///< least recently used first
};

/// Appended to a video's network cache folder: the folder that holds its guided shots' folders.
inline constexpr char kGuidedCacheSuffix[] = "-guided";

/// The cache folders of one video with these settings (network output, flows, and the folder of
/// its guided shots), whether or not they exist yet. Every cache folder inside one of them is the
/// video's too.
std::vector<std::string> videoCacheFolders(const std::string& video_path,
                                           const SessionSettings& settings);

/// Marks `folder` as used now (the eviction order); silently does nothing when it cannot.
void markCacheFolderUsed(const std::string& folder);

/// Sizes of the cache folders under `root`; `video_folders` are one video's (counted in
/// video_bytes as well). A missing root is an empty cache.
CacheUsage measureCache(const std::string& root, const std::vector<std::string>& video_folders);

/// Deletes Chromaflow's files in `folder`, then the folder when that leaves it empty (and its
/// guided shots' parent folder when that is left empty). A guided shots' parent folder: each of
/// its shots' folders.
Status clearCacheFolder(const std::string& folder);

/// Clears every cache folder and cut-scan file under `root`.
Status clearCache(const std::string& root);

/// Deletes least recently used cache folders under `root` until the total is at most
/// `limit_bytes` (0 = no limit), never those in `keep` (in use). Returns the bytes freed.
Result<int64_t> enforceCacheLimit(const std::string& root, int64_t limit_bytes,
                                  const std::vector<std::string>& keep);

/// Moves every cache folder and cut-scan file from root `from` to root `to` (created when
/// missing): a rename on the same file system, else a copy and a delete. Fails, leaving `from`
/// whole, when `to` cannot be written or already holds a folder of the same name.
Status moveCache(const std::string& from, const std::string& to);

}  // namespace cf::pipeline
