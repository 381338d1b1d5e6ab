// Export benchmark (issue: export pipeline). For each clip, in one run:
//   1. cold export (fresh cache) with the default model at working height 256, lambda 4;
//   2. warm re-export at lambda 8 (network output and flows from the disk cache);
//   3. inference only: the network over every frame, L decoded beforehand (not timed);
//   4. `ffmpeg -i IN -c:v libx264 OUT`, the plain transcode of the same clip.
// Prints export frames/s, the per-stage busy times, ratio 1 = cold / (inference + transcode)
// and ratio 2 = warm / cold.
//
// The exports encode H.264 at CRF 23, libx264's default, so that the transcode they are compared
// with does the same encoding work (the app's own default is CRF 18, about 1.3x the encode time).
// Stage times are each stage's busy wall time; on a machine with fewer cores than busy threads
// they include time spent waiting for a core, so they add up to more than the total.
//
// CPU times (user + system, getrusage; the transcode's from its child process) are printed beside
// the wall times, with the same two ratios taken in CPU seconds: on a shared machine the wall
// times move with the other processes' load, the CPU a run consumes much less.
//
// With --repeat N each clip is measured N times in a row (cold, warm, inference, transcode each
// time) and the medians are printed, ratios taken within each repetition: the machines these run
// on are shared and noisy. The cache size is also given per 1500 frames (a minute at 25 fps).
//
// Usage: bench_export [--repeat N] CLIP [CLIP...]     (CHROMAFLOW_MODEL or the shipped model)

#include <sys/resource.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/ModelLocator.h"
#include "pipeline/Session.h"

using namespace cf;

namespace {

// CPU seconds (user + system) used so far by this process, or by its finished children.
double cpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// Wall and CPU seconds of one measured step.
struct Timed {
  double wall_s = -1.0;
  double cpu_s = -1.0;
};

Timed inferenceOnly(const std::string& clip, const std::string& model_path, int height) {
  model::ColorizerSettings cs;
  cs.model_path = QString::fromStdString(model_path);
  cs.device = cf::DeviceChoice::Auto;
  cs.working_height_px = height;
  auto colorizer = model::Colorizer::create(cs);
  auto reader = media::VideoReader::open(clip);
  if (!colorizer || !reader)
    return {};
  std::vector<cv::Mat> frames;
  for (;;) {
    auto f = (*reader)->next();
    if (!f || !*f)
      break;
    frames.push_back((*colorizer)->toWorkingResolution(pipeline::lumaL(**f)));
  }
  const size_t batch = static_cast<size_t>(std::max(1, (*colorizer)->batchSize()));
  QElapsedTimer t;
  t.start();
  const double cpu0 = cpuSeconds(RUSAGE_SELF);
  for (size_t i = 0; i < frames.size(); i += batch) {
    std::vector<cv::Mat> in(frames.begin() + long(i),
                            frames.begin() + long(std::min(frames.size(), i + batch)));
    if (!(*colorizer)->colorize(in, {}, {}, {}))
      return {};
  }
  return {t.elapsed() / 1000.0, cpuSeconds(RUSAGE_SELF) - cpu0};
}

Timed ffmpegTranscode(const QString& clip, const QString& out) {
  QElapsedTimer t;
  t.start();
  const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
  QProcess p;
  p.start(QStringLiteral("ffmpeg"),
          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
           QStringLiteral("-i"), clip, QStringLiteral("-c:v"), QStringLiteral("libx264"), out});
  if (!p.waitForFinished(-1) || p.exitCode() != 0)
    return {};
  return {t.elapsed() / 1000.0, cpuSeconds(RUSAGE_CHILDREN) - cpu0};
}

// `cpu_s`: the CPU used by the export call itself (the session's opening, model load included,
// is not counted, as it is not in the export's wall time either).
bool exportOnce(const std::string& clip, const pipeline::SessionSettings& settings,
                const std::string& out, pipeline::ExportStats* stats, double* fps, double* cpu_s) {
  auto session = pipeline::Session::open(clip, settings);
  if (!session) {
    std::fprintf(stderr, "%s\n", session.message().c_str());
    return false;
  }
  pipeline::ExportRequest req;
  req.output_path = out;
  req.quality_crf = 23;
  const double cpu0 = cpuSeconds(RUSAGE_SELF);
  const Status s = (*session)->exportVideo(req, {}, {});
  *cpu_s = cpuSeconds(RUSAGE_SELF) - cpu0;
  if (!s) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return false;
  }
  *stats = (*session)->lastExportStats();
  *fps = (*session)->info().fps;
  return true;
}

void printStats(const char* what, const pipeline::ExportStats& s, double cpu_s) {
  std::printf(
      "  %-5s %6.1f s (CPU %5.1f s) %5.2f frames/s | scan %.1f decode %.1f network %.1f flow %.1f "
      "(%lld "
      "computed) smoothing %.1f recombine %.1f encode %.1f (busy s)\n",
      what, s.total_s, cpu_s, s.frames / std::max(1e-9, s.total_s), s.scan_s, s.decode_s,
      s.inference_s, s.flow_s, static_cast<long long>(s.flows_computed), s.smoothing_s,
      s.recombine_s, s.encode_s);
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0.0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QStringList clips = app.arguments().mid(1);
  int repeat = 1;
  if (clips.size() >= 2 && clips.front() == QLatin1String("--repeat")) {
    repeat = std::max(1, clips.at(1).toInt());
    clips = clips.mid(2);
  }
  if (clips.isEmpty()) {
    std::fprintf(stderr, "usage: bench_export [--repeat N] CLIP [CLIP...]\n");
    return 2;
  }
  const std::string model_path = pipeline::resolveModelPath(std::string());
  std::printf("model %s, working height 256, lambda 4 then 8, H.264 CRF 23, %d repetition(s)\n",
              model_path.c_str(), repeat);
  for (const QString& clip : clips) {
    const std::string c = clip.toStdString();
    std::printf("%s\n", QFileInfo(clip).fileName().toUtf8().constData());
    std::vector<double> cold_s, warm_s, infer_v, ffmpeg_v, ratio1, ratio2;
    std::vector<double> cold_cpu, warm_cpu, infer_cpu, ffmpeg_cpu, cpu_ratio1, cpu_ratio2;
    pipeline::ExportStats cold, warm;
    double fps = 0.0, cold_cpu_s = 0.0, warm_cpu_s = 0.0;
    for (int r = 0; r < repeat; ++r) {
      QTemporaryDir dir;
      pipeline::SessionSettings settings;
      settings.cache_dir = dir.filePath(QStringLiteral("cache")).toStdString();
      settings.lambda = 4.0;
      if (!exportOnce(c, settings, dir.filePath(QStringLiteral("cold.mp4")).toStdString(), &cold,
                      &fps, &cold_cpu_s))
        return 1;
      settings.lambda = 8.0;
      if (!exportOnce(c, settings, dir.filePath(QStringLiteral("warm.mp4")).toStdString(), &warm,
                      &fps, &warm_cpu_s))
        return 1;
      const Timed infer = inferenceOnly(c, model_path, 256);
      const Timed ffmpeg = ffmpegTranscode(clip, dir.filePath(QStringLiteral("x264.mp4")));
      if (infer.wall_s < 0 || ffmpeg.wall_s < 0)
        return 1;
      const double infer_s = infer.wall_s, ffmpeg_s = ffmpeg.wall_s;
      printStats("cold", cold, cold_cpu_s);
      printStats("warm", warm, warm_cpu_s);
      std::printf(
          "  inference only %.1f s (CPU %.1f s), ffmpeg libx264 transcode %.1f s (CPU %.1f s), "
          "%lld frames\n",
          infer_s, infer.cpu_s, ffmpeg_s, ffmpeg.cpu_s, static_cast<long long>(cold.frames));
      cold_cpu.push_back(cold_cpu_s);
      warm_cpu.push_back(warm_cpu_s);
      infer_cpu.push_back(infer.cpu_s);
      ffmpeg_cpu.push_back(ffmpeg.cpu_s);
      cpu_ratio1.push_back(cold_cpu_s / (infer.cpu_s + ffmpeg.cpu_s));
      cpu_ratio2.push_back(warm_cpu_s / cold_cpu_s);
      cold_s.push_back(cold.total_s);
      warm_s.push_back(warm.total_s);
      infer_v.push_back(infer_s);
      ffmpeg_v.push_back(ffmpeg_s);
      ratio1.push_back(cold.total_s / (infer_s + ffmpeg_s));
      ratio2.push_back(warm.total_s / cold.total_s);
      std::printf("  run %d: ratio 1 = %.2f, ratio 2 = %.2f (in CPU seconds: %.2f, %.2f)\n", r + 1,
                  ratio1.back(), ratio2.back(), cpu_ratio1.back(), cpu_ratio2.back());
      std::fflush(stdout);
    }
    std::printf("  median of %d: cold %.1f s, warm %.1f s, inference %.1f s, transcode %.1f s\n",
                repeat, median(cold_s), median(warm_s), median(infer_v), median(ffmpeg_v));
    std::printf("  ratio 1 = cold / (inference + transcode) = %.2f (median; target <= 1.15)\n",
                median(ratio1));
    std::printf("  ratio 2 = warm / cold = %.2f (median; target <= 0.3)\n", median(ratio2));
    std::printf(
        "  CPU seconds, medians: cold %.1f, warm %.1f, inference %.1f, transcode %.1f; ratio 1 "
        "%.2f, ratio 2 %.2f\n",
        median(cold_cpu), median(warm_cpu), median(infer_cpu), median(ffmpeg_cpu),
        median(cpu_ratio1), median(cpu_ratio2));
    const double bytes = double(cold.cache_bytes + cold.flow_cache_bytes);
    std::printf(
        "  cache: %.2f MiB network output + %.2f MiB flows = %.1f MiB per minute of video at "
        "%.3g fps, %.1f MiB per 1500 frames (a minute at 25 fps)\n",
        cold.cache_bytes / 1048576.0, cold.flow_cache_bytes / 1048576.0,
        bytes / 1048576.0 / std::max(1e-9, cold.frames / std::max(1.0, fps) / 60.0), fps,
        bytes / 1048576.0 * 1500.0 / std::max<int64_t>(1, cold.frames));
    std::fflush(stdout);
  }
  return 0;
}
