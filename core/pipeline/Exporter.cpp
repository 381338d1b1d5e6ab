#include "pipeline/Exporter.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "common/ThreadName.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/AbCache.h"
#include "pipeline/ConcurrentCutScan.h"
#include "pipeline/CutScan.h"
#include "pipeline/ExportOutput.h"
#include "pipeline/ExportStages.h"
#include "pipeline/ShardPlan.h"

namespace cf::pipeline {

namespace {

using Clock = std::chrono::steady_clock;

// The stages after the network (flow, smoothing, recombination) run at a lower CPU priority than
// decoding, the network and encoding: when the cores are scarce the network, usually the
// bottleneck, gets them, and the later stages fill the gaps (their queues are short, so they
// never fall far behind). Threads that the stage creates inherit it; OpenCV's shared pool does not.
constexpr int kLaterStageNice = 4;

void lowerThisThread(int nice_delta) {
#ifdef __linux__
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, tid, getpriority(PRIO_PROCESS, tid) + nice_delta);
#else
  (void)nice_delta;
#endif
}

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The stage threads of one export. The first failure wins; it aborts every queue so that all
// stages stop promptly; the destructor aborts and joins, so no thread outlives the export.
class StageRunner {
 public:
  explicit StageRunner(std::vector<FrameQueue*> queues) : queues_(std::move(queues)) {}
  ~StageRunner() {
    abortQueues();
    join();
  }
  StageRunner(const StageRunner&) = delete;
  StageRunner& operator=(const StageRunner&) = delete;

  /// Runs `fn` on a new thread called `name`, `nice_delta` steps below the caller's CPU priority.
  template <class Fn>
  void start(const char* name, Fn fn, int nice_delta = 0) {
    threads_.emplace_back([this, name, fn, nice_delta]() {
      nameThisThread(name);
      if (nice_delta > 0)
        lowerThisThread(nice_delta);
      Status s = fn();
      if (!s)
        fail(s.error());
    });
  }
  void fail(const Error& e) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failed_) {
        failed_ = true;
        error_ = e;
      }
    }
    abortQueues();
  }
  void join() {
    for (std::thread& t : threads_)
      if (t.joinable())
        t.join();
  }
  bool failed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
  }
  Error error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
  }

 private:
  void abortQueues() {
    for (FrameQueue* q : queues_)
      q->abort();
  }
  std::vector<FrameQueue*> queues_;
  std::vector<std::thread> threads_;
  mutable std::mutex mutex_;
  bool failed_ = false;
  Error error_;
};

std::vector<int64_t> sortedCutFrames(const std::vector<temporal::SceneCut>& cuts) {
  std::vector<int64_t> frames;
  for (const temporal::SceneCut& cut : cuts)
    frames.push_back(cut.frame);
  std::sort(frames.begin(), frames.end());
  return frames;
}

}  // namespace

Status validateFrameRange(int64_t first, int64_t last, int64_t frame_count) {
  const std::string frames = "the video has " + std::to_string(frame_count) + " frames (0.." +
                             std::to_string(frame_count - 1) + ")";
  if (first < 0)
    return makeError("the first frame " + std::to_string(first) +
                     " is negative: frames count from 0, and " + frames);
  if (first >= frame_count)
    return makeError("the first frame " + std::to_string(first) + " is past the end: " + frames);
  if (last < -1)
    return makeError("the last frame " + std::to_string(last) +
                     " is negative: give a frame number, or -1 (or nothing) for the end; " +
                     frames);
  if (last >= frame_count)
    return makeError("the last frame " + std::to_string(last) + " is past the end: " + frames +
                     "; leave it out to go to the end");
  if (last >= 0 && last < first)
    return makeError("the range " + std::to_string(first) + ".." + std::to_string(last) +
                     " is empty: the last frame is before the first; " + frames);
  return Status::success();
}

Result<ExportStats> renderVideo(const RenderRequest& request, const RenderServices& services,
                                const CancelToken& cancel, const ProgressFn& progress) {
  return guarded("exporting '" + request.output_path + "'", [&]() -> Result<ExportStats> {
    const auto t_start = Clock::now();
    ExportStats stats;
    std::unique_ptr<media::VideoReader> own_reader;
    media::VideoReader* reader = services.reader;
    if (!reader) {
      auto opened = media::VideoReader::open(request.input_path, request.input);
      if (!opened)
        return opened.error();
      own_reader = std::move(*opened);
      reader = own_reader.get();
    }
    const media::StreamInfo& info = reader->info();
    if (Status s = validateFrameRange(request.first_frame, request.last_frame, info.frame_count);
        !s)
      return s.error();
    const int64_t first = request.first_frame;
    const int64_t last = request.last_frame < 0 ? info.frame_count - 1 : request.last_frame;
    const int64_t count = last - first + 1;

    // The scene cuts: given, scanned now (an exact range's span depends on them), or scanned
    // alongside the export, whose flow stage is the first to need them.
    std::vector<int64_t> cut_frames;  // source frame numbers, sorted
    std::optional<ConcurrentCutScan> scan_alongside;
    if (services.cuts) {
      cut_frames = sortedCutFrames(*services.cuts);
    } else if (request.exact_range) {
      const auto t_scan = Clock::now();
      auto scan =
          scanSceneCuts(request.input_path, request.temporal.cuts, cancel, {}, request.input);
      if (!scan)
        return scan.error();
      cut_frames = sortedCutFrames(scan->cuts);
      stats.scan_s = since(t_scan);
      if (services.scan_result)
        *services.scan_result = std::move(*scan);
    } else {
      scan_alongside.emplace(request.input_path, request.temporal.cuts, request.input);
    }
    const size_t batch = static_cast<size_t>(std::max(1, services.colorizer->batchSize()));
    // The frames read: the range itself, or with the context an exact range needs.
    RenderSpan span{first, last, first, last, first, last};
    if (request.exact_range)
      span = exactSpan(first, last, info.frame_count, cut_frames,
                       SpanLayout{static_cast<int>(batch), request.temporal.smooth.window_frames,
                                  request.temporal.smooth.overlap_frames});

    auto output = ExportOutput::create(request, *reader, first, last);
    if (!output)
      return output.error();
    ExportOutput& writer = **output;

    // Queue sizes: enough for the network to work on one batch while the next is decoded; the
    // later stages pass single frames. Memory: these plus one smoothing window of frames.
    FrameQueue decoded(2 * batch), inferred(2 * batch), linked(4), smoothed(4), recombined(4);
    StageTimes times;
    temporal::FrameLinker linker(request.temporal.flow, *services.flow_cache);
    StageRunner runner({&decoded, &inferred, &linked, &smoothed, &recombined});
    std::optional<CutScanResult> scanned;  // by scan_alongside, once the export has asked
    auto waitForScan = [&]() -> Status {
      if (!scan_alongside || scanned)
        return {};
      auto scan = scan_alongside->wait([&] { return cancel.isCancelled() || runner.failed(); });
      if (!scan)
        return scan.error();
      scanned = std::move(*scan);
      return {};
    };
    const CutFramesFn cuts_fn = [&]() -> Result<std::vector<int64_t>> {
      if (Status s = waitForScan(); !s)
        return s.error();
      return scanned ? sortedCutFrames(scanned->cuts) : cut_frames;
    };
    media::VideoReader& rd = *reader;
    model::Colorizer& colorizer = *services.colorizer;
    AbCache& ab_cache = *services.ab_cache;
    temporal::SmoothSettings smooth = request.temporal.smooth;  // per-shot lambdas, range-relative
    smooth.lambda_ranges =
        temporal::rebaseLambdaRanges(request.temporal.smooth.lambda_ranges, span.smooth_first);
    const FrameSpan smoothed_span{span.smooth_first, span.smooth_last};
    const FrameSpan written_span{first, last};
    runner.start("cf-decode", [&] {
      return runDecodeStage(rd, colorizer, span.decode_first, span.decode_last, decoded, cancel,
                            times);
    });
    runner.start("cf-network", [&] {
      return runInferenceStage(colorizer, ab_cache, span.decode_last, decoded, inferred, cancel,
                               times, services.guided);
    });
    runner.start(
        "cf-flow",
        [&] {
          return runFlowStage(linker, smooth.solve_height_px, cuts_fn, smoothed_span, inferred,
                              linked, cancel, times);
        },
        kLaterStageNice);
    runner.start(
        "cf-smooth",
        [&] {
          return runSmoothingStage(smooth, span.smooth_last - span.smooth_first + 1, linked,
                                   smoothed, cancel, times);
        },
        kLaterStageNice);
    const int rgb_depth = writer.rgbDepth();
    runner.start(
        "cf-recombine",
        [&] {
          return runRecombineStage(written_span, request.grades, smoothed, recombined, rgb_depth,
                                   cancel, times);
        },
        kLaterStageNice);

    // Encoding runs here, on the calling thread.
    int64_t pts_offset = 0;  // a range export starts where the source starts (or at 0)
    ExportFramePtr f;
    // Until the first frame arrives, the scan alongside reports its progress as the "scan" stage
    // from here (the caller's progress function is only ever called from this thread).
    bool scan_reporting = scan_alongside.has_value();
    for (;;) {
      if (scan_reporting) {
        if (const int64_t total = scan_alongside->framesTotal(); total > 0)
          report(progress, scan_alongside->framesScanned(), total, "scan");
        if (cancel.isCancelled()) {
          runner.fail(makeError("cancelled"));
          break;
        }
        const auto popped = recombined.popFor(f, std::chrono::milliseconds(100));
        if (popped == FrameQueue::Popped::TimedOut)
          continue;
        if (popped == FrameQueue::Popped::Ended)
          break;
        scan_reporting = false;
      } else if (!recombined.pop(f)) {
        break;
      }
      if (cancel.isCancelled()) {
        runner.fail(makeError("cancelled"));
        break;
      }
      const auto t_encode = Clock::now();
      if (stats.frames == 0)
        pts_offset = writer.ptsOffset(f->frame->pts);
      const int64_t out_index = f->index - first;
      Status s =
          writer.alreadyWritten(out_index)
              ? Status()
              : writer.write(f->rgb, out_index, f->frame->pts - pts_offset, f->frame->duration);
      times.encode_s += since(t_encode);
      if (!s) {
        runner.fail(s.error());
        break;
      }
      f.reset();
      ++stats.frames;
      report(progress, stats.frames, count, "export");
    }
    runner.join();
    if (runner.failed())
      return cancel.isCancelled() ? makeError("cancelled") : runner.error();
    if (stats.frames != count)
      return makeError("internal error: " + std::to_string(stats.frames) + " of " +
                       std::to_string(count) + " frames reached the encoder");
    // A scan the export did not wait for (no frame was linked) must still succeed, as it would
    // have before an export that scanned first.
    if (Status s = waitForScan(); !s)
      return cancel.isCancelled() ? makeError("cancelled") : s.error();
    if (scanned) {
      stats.scan_s = scan_alongside->seconds();
      if (services.scan_result)
        *services.scan_result = std::move(*scanned);
    }
    const auto t_finish = Clock::now();
    if (Status s = writer.finish(); !s)
      return s.error();
    times.encode_s += since(t_finish);

    stats.decode_s = times.decode_s;
    stats.inference_s = times.inference_s;
    stats.flow_s = times.flow_s;
    stats.smoothing_s = times.smoothing_s;
    stats.recombine_s = times.recombine_s;
    stats.encode_s = times.encode_s;
    stats.cache_hits = times.cache_hits;
    stats.flows_computed = times.flows_computed;
    stats.frames_held_max = static_cast<int64_t>(
        decoded.highWater() + inferred.highWater() + linked.highWater() + smoothed.highWater() +
        recombined.highWater() + static_cast<size_t>(smooth.window_frames) + batch + 4);
    for (const std::string& note : writer.notes())
      stats.notes.push_back(note);
    if (const std::string masked = maskedOutputNote(times.masked); !masked.empty())
      stats.notes.push_back(masked);
    if (!info.subtitle_codecs.empty())
      stats.notes.push_back(media::subtitlesLeftOutNote(info));
    if (info.truncated)
      stats.notes.push_back(
          "'" + request.input_path + "' is truncated: only its first " +
          std::to_string(info.frame_count) + " frames" +
          (info.listed_frames > 0 ? " (of the " + std::to_string(info.listed_frames) + " listed)"
                                  : std::string()) +
          " could be read and exported; the rest of the film is missing from the file.");
    if (const std::string damage = reader->damageSummary(); !damage.empty())
      stats.notes.push_back(damage);
    if (const std::string resized = reader->resizeSummary(); !resized.empty())
      stats.notes.push_back(resized);
    if (info.other_video_streams > 0)
      stats.notes.push_back(
          "'" + request.input_path + "' has " + std::to_string(info.other_video_streams + 1) +
          " video streams: only stream #" + std::to_string(info.video_stream_index) + " (" +
          info.video_codec + ", " + std::to_string(info.width_px) + "x" +
          std::to_string(info.height_px) +
          ") was colourised; the other video streams were left out.");
    stats.total_s = since(t_start);
    qCInfo(lcPipeline, "exported %lld frames to %s in %.1f s", static_cast<long long>(stats.frames),
           request.output_path.c_str(), stats.total_s);
    return stats;
  });
}

}  // namespace cf::pipeline
