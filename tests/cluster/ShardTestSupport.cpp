#include "ShardTestSupport.h"

#include <QProcess>

#include "common/TestMedia.h"

namespace cf::test {

QString makeShotsClip(const QString& path, const std::vector<int>& shot_frames) {
  static const char* const kSources[] = {"testsrc2", "mandelbrot", "testsrc", "rgbtestsrc"};
  QStringList args;
  QString chain;
  int total = 0;
  for (size_t i = 0; i < shot_frames.size(); ++i) {
    args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
         << QStringLiteral("%1=size=160x96:rate=25").arg(QLatin1String(kSources[i % 4]));
    chain += QStringLiteral("[%1:v]trim=end_frame=%2,setpts=PTS-STARTPTS[v%1];")
                 .arg(i)
                 .arg(shot_frames[i]);
    total += shot_frames[i];
  }
  for (size_t i = 0; i < shot_frames.size(); ++i)
    chain += QStringLiteral("[v%1]").arg(i);
  chain += QStringLiteral("concat=n=%1:v=1,format=yuv420p[out]").arg(shot_frames.size());
  args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
       << QStringLiteral("sine=frequency=440:sample_rate=48000:duration=%1").arg(total / 25.0)
       << QStringLiteral("-filter_complex") << chain << QStringLiteral("-map")
       << QStringLiteral("[out]") << QStringLiteral("-map")
       << QStringLiteral("%1:a").arg(shot_frames.size()) << QStringLiteral("-c:v")
       << QStringLiteral("ffv1") << QStringLiteral("-c:a") << QStringLiteral("flac") << path;
  return runFfmpeg(args);
}

QStringList videoFrameMd5(const QString& path) {
  QProcess ff;
  ff.start(QStringLiteral("ffmpeg"),
           {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
            QStringLiteral("-i"), path, QStringLiteral("-map"), QStringLiteral("0:v"),
            QStringLiteral("-f"), QStringLiteral("framemd5"), QStringLiteral("-")});
  if (!ff.waitForFinished(60000) || ff.exitCode() != 0)
    return {};
  QStringList lines;
  for (const QString& line : QString::fromUtf8(ff.readAllStandardOutput()).split('\n'))
    if (!line.isEmpty() && !line.startsWith('#'))
      lines << line;
  return lines;
}

}  // namespace cf::test
