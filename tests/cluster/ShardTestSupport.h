#pragma once
// Helpers of the shard tests: clips with scene cuts where a test wants them, and the per-frame
// MD5 of a video's decoded frames (ffmpeg -f framemd5), the check that joined shards are the
// single-machine export frame for frame.

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace cf::test {

/// A 160x96, 25 fps FFV1 clip of consecutive shots of the given lengths, each from a different
/// lavfi source (testsrc2, mandelbrot, testsrc, ...; hard cuts between them), with a FLAC sine
/// track. Returns an empty string on success, else the ffmpeg error.
QString makeShotsClip(const QString& path, const std::vector<int>& shot_frames);

/// The framemd5 lines of the video stream (pts, duration, size and MD5 of every decoded frame);
/// empty when ffmpeg fails.
QStringList videoFrameMd5(const QString& path);

}  // namespace cf::test
