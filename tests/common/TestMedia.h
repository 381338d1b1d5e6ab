#pragma once
// Tiny test clips made with the ffmpeg CLI from lavfi sources (testsrc2, mandelbrot, sine), and
// ffprobe/ffmpeg helpers to check what the code under test wrote. Used by the media suites.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <utility>

namespace cf::test {

/// Runs `ffmpeg -hide_banner -loglevel error -y ARGS`. Returns an empty string on success, else
/// the error output.
QString runFfmpeg(const QStringList& args);

struct ClipSpec {
  QString path;  ///< output path; the extension picks the container
  int width_px = 160;
  int height_px = 120;
  int frames = 24;
  QString fps = QStringLiteral("25");
  QString source = QStringLiteral("testsrc2");  ///< or "mandelbrot"
  QStringList video_args = {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                            QStringLiteral("-bf"),  QStringLiteral("2"),
                            QStringLiteral("-g"),   QStringLiteral("12")};
  QString pix_fmt = QStringLiteral("yuv420p");
  QString audio_codec;   ///< empty = no audio, else e.g. "aac", "pcm_s16le", "flac"
  QString video_filter;  ///< extra -vf chain, e.g. "setsar=4/3"
  QStringList extra_args;
};

/// Makes the clip; returns an empty string on success, else the ffmpeg error.
QString makeClip(const ClipSpec& spec);

/// All decoded frames of the video stream as raw planes in `pix_fmt` (ffmpeg -f rawvideo).
QByteArray rawFrames(const QString& path, const QString& pix_fmt);

/// One ffprobe value of a stream: streamValue(path, "a:0", "codec_name"); an entry with '=' is
/// passed to -show_entries as is (e.g. "stream_side_data=rotation", "format=duration").
QString streamValue(const QString& path, const QString& selector, const QString& entry);
/// First audio packet's pts and the end (pts + duration) of the last one, in seconds (ffprobe);
/// {-1, -1} without audio.
std::pair<double, double> audioPacketSpan(const QString& path);

/// A 24-frame 160x96 FFV1 clip of two different scenes with a hard cut at frame 12 (testsrc2,
/// then mandelbrot). Returns an empty string on success, else the ffmpeg error.
QString makeCutClip(const QString& path);

/// Number of packets of a stream (ffprobe -count_packets).
int packetCount(const QString& path, const QString& selector);

}  // namespace cf::test
