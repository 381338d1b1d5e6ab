#include "pipeline/RetimedSource.h"

#include <QDir>
#include <QFileInfo>

#include "common/Logging.h"
#include "media/Demuxer.h"
#include "media/ImageSequence.h"
#include "media/TimestampRegenerator.h"
#include "pipeline/CacheKey.h"
#include "pipeline/CacheManager.h"

namespace cf::pipeline {

int64_t timestampJumps(const std::string& video_path) {
  auto images = media::findImageInput(video_path);
  if (!images || images.value())
    return 0;
  auto fmt = media::openInputFile(video_path);
  if (!fmt)
    return 0;
  const int vidx = media::findVideoStream(fmt.value().get());
  if (vidx < 0)
    return 0;
  return media::scanVideoPackets(fmt.value().get(), vidx).dts_jumps_back;
}

std::string retimedCopyPath(const std::string& video_path, const SessionSettings& settings) {
  // Named after the original, so the copy's own cache folders are too ("joined.retimed-…").
  const QString base = QFileInfo(QString::fromStdString(video_path)).completeBaseName().left(40);
  return retimedFolderFor(video_path, settings) + "/" + base.toStdString() + ".retimed.mkv";
}

Result<std::string> makeRetimedCopy(const std::string& video_path, const SessionSettings& settings,
                                    const ProgressFn& progress, const CancelToken& cancel) {
  const std::string folder = retimedFolderFor(video_path, settings);
  const std::string copy = retimedCopyPath(video_path, settings);
  if (QFileInfo(QString::fromStdString(copy)).isFile()) {
    markCacheFolderUsed(folder);
    qCInfo(lcPipeline, "reusing the copy of '%s' with fresh timestamps: %s", video_path.c_str(),
           copy.c_str());
    return copy;
  }
  if (!QDir().mkpath(QString::fromStdString(folder)))
    return makeError("cannot create the cache folder '" + folder +
                     "' for the copy with fresh timestamps. Choose another cache folder (File › "
                     "Cache…; chromaflow-cli: --cache DIR).");
  auto made = media::regenerateTimestamps(video_path, copy, progress, cancel);
  if (!made) {
    QDir(QString::fromStdString(folder)).removeRecursively();
    return made.error();
  }
  markCacheFolderUsed(folder);
  qCInfo(lcPipeline, "gave '%s' fresh timestamps: %lld frames at %d/%d fps in %s",
         video_path.c_str(), static_cast<long long>(made->frames), made->fps.num, made->fps.den,
         copy.c_str());
  return copy;
}

}  // namespace cf::pipeline
