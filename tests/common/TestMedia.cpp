#include "TestMedia.h"

#include <QProcess>
#include <algorithm>

namespace cf::test {

namespace {

struct Output {
  int exit_code = -1;
  QByteArray out;
  QByteArray err;
};

Output run(const QString& program, const QStringList& args) {
  QProcess process;
  process.start(program, args);
  Output result;
  if (!process.waitForFinished(120000)) {
    process.kill();
    process.waitForFinished();
    result.err = "timed out or failed to start: " + program.toUtf8();
    return result;
  }
  result.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = process.readAllStandardOutput();
  result.err = process.readAllStandardError();
  return result;
}

}  // namespace

QString runFfmpeg(const QStringList& args) {
  const Output result = run(QStringLiteral("ffmpeg"),
                            QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                                        QStringLiteral("error"), QStringLiteral("-y")} +
                                args);
  if (result.exit_code == 0)
    return QString();
  return QStringLiteral("ffmpeg %1 failed: %2")
      .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(result.err));
}

QString makeClip(const ClipSpec& spec) {
  // With audio, both streams are cut at frames / fps seconds with -t so that they end together
  // (-frames:v would end the file before the audio is written).
  const QStringList fps = spec.fps.split(QLatin1Char('/'));
  const double rate = fps.size() == 2 ? fps[0].toDouble() / fps[1].toDouble() : fps[0].toDouble();
  const QString duration = QString::number(spec.frames / rate, 'f', 6);
  const QString size = QStringLiteral("%1x%2").arg(spec.width_px).arg(spec.height_px);
  QStringList args{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("%1=s=%2:r=%3").arg(spec.source, size, spec.fps)};
  if (!spec.audio_codec.isEmpty())
    args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
         << QStringLiteral("sine=frequency=440:sample_rate=48000") << QStringLiteral("-t")
         << duration;
  else  // video only: count frames (works for retimed/VFR filters too)
    args << QStringLiteral("-frames:v") << QString::number(spec.frames);
  if (!spec.video_filter.isEmpty())
    args << QStringLiteral("-vf") << spec.video_filter;
  args << spec.video_args << QStringLiteral("-pix_fmt") << spec.pix_fmt;
  if (!spec.audio_codec.isEmpty())
    args << QStringLiteral("-c:a") << spec.audio_codec;
  args << spec.extra_args << spec.path;
  return runFfmpeg(args);
}

QByteArray rawFrames(const QString& path, const QString& pix_fmt) {
  const Output result =
      run(QStringLiteral("ffmpeg"),
          {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
           QStringLiteral("-i"), path, QStringLiteral("-map"), QStringLiteral("0:v:0"),
           QStringLiteral("-fps_mode"), QStringLiteral("passthrough"), QStringLiteral("-f"),
           QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), pix_fmt, QStringLiteral("-")});
  return result.exit_code == 0 ? result.out : QByteArray();
}

QString streamValue(const QString& path, const QString& selector, const QString& entry) {
  const Output result =
      run(QStringLiteral("ffprobe"),
          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
           selector, QStringLiteral("-show_entries"),
           entry.contains(QLatin1Char('=')) ? entry : QStringLiteral("stream=") + entry,
           QStringLiteral("-of"), QStringLiteral("default=nw=1:nk=1"), path});
  return QString::fromUtf8(result.out).trimmed();
}

int packetCount(const QString& path, const QString& selector) {
  const Output result =
      run(QStringLiteral("ffprobe"),
          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_packets"),
           QStringLiteral("-select_streams"), selector, QStringLiteral("-show_entries"),
           QStringLiteral("stream=nb_read_packets"), QStringLiteral("-of"),
           QStringLiteral("default=nw=1:nk=1"), path});
  bool ok = false;
  const int count = QString::fromUtf8(result.out).trimmed().toInt(&ok);
  return ok ? count : -1;
}

std::pair<double, double> audioPacketSpan(const QString& path) {
  QProcess probe;
  probe.start(QStringLiteral("ffprobe"),
              {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
               QStringLiteral("a:0"), QStringLiteral("-show_entries"),
               QStringLiteral("packet=pts_time,duration_time"), QStringLiteral("-of"),
               QStringLiteral("csv=p=0"), path});
  if (!probe.waitForFinished(30000))
    return {-1.0, -1.0};
  double first = -1.0;
  double end = -1.0;
  for (const QString& line : QString::fromUtf8(probe.readAllStandardOutput()).split('\n')) {
    const QStringList parts = line.trimmed().split(',');
    if (parts.size() < 2)
      continue;
    const double pts = parts[0].toDouble();
    if (first < 0.0)
      first = pts;
    end = std::max(end, pts + parts[1].toDouble());
  }
  return {first, end};
}

QString makeCutClip(const QString& path) {
  return runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=size=160x96:rate=25:duration=0.48"),
                    QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("mandelbrot=size=160x96:rate=25"),
                    QStringLiteral("-filter_complex"),
                    QStringLiteral("[1:v]trim=end_frame=12[m];[0:v][m]concat=n=2:v=1"),
                    QStringLiteral("-c:v"), QStringLiteral("ffv1"), path});
}

}  // namespace cf::test
