#include "pipeline/Exporter.h"

#include <chrono>
#include <deque>

#include "color/GuidedUpsampler.h"
#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/AbCache.h"
#include "pipeline/AnalysedFrameStream.h"
#include "pipeline/CutScan.h"

namespace cf::pipeline {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

Result<RenderStats> renderVideo(const RenderRequest& request, const RenderServices& services,
                                const CancelToken& cancel, const ProgressFn& progress) {
  return guarded("exporting '" + request.output_path + "'", [&]() -> Result<RenderStats> {
    const auto t_start = Clock::now();
    RenderStats stats;
    auto reader = media::VideoReader::open(request.input_path);
    if (!reader)
      return reader.error();
    const media::StreamInfo& info = (*reader)->info();
    const int64_t first = std::clamp<int64_t>(request.first_frame, 0, info.frame_count - 1);
    const int64_t last = request.last_frame < 0
                             ? info.frame_count - 1
                             : std::clamp<int64_t>(request.last_frame, first, info.frame_count - 1);
    const int64_t count = last - first + 1;

    std::vector<temporal::SceneCut> all_cuts;
    if (services.cuts) {
      all_cuts = *services.cuts;
    } else {
      auto scan = scanSceneCuts(request.input_path, request.temporal.cuts, cancel, {});
      if (!scan)
        return scan.error();
      all_cuts = scan->cuts;
    }
    const std::vector<temporal::SceneCut> cuts = cutsInRange(all_cuts, first, last);

    media::VideoWriterSettings ws;
    ws.output_path = request.output_path;
    ws.codec = request.codec;
    ws.width_px = info.width_px;
    ws.height_px = info.height_px;
    ws.fps = info.fps;
    ws.time_base = info.time_base;
    ws.crf = request.crf;
    ws.sample_aspect = info.sample_aspect;
    ws.rotation_deg = info.rotation_deg;
    ws.source_path = request.input_path;
    ws.full_range = false;
    const bool whole = first == 0 && last == info.frame_count - 1;
    if (request.keep_audio && info.hasAudio()) {
      if (whole)
        ws.audio_source_path = request.input_path;
      else
        stats.notes.push_back(
            "the audio was left out: exporting a frame range with its audio is not supported yet");
    }
    auto writer = media::VideoWriter::create(ws);
    if (!writer)
      return writer.error();

    AnalysedFrameStream stream(**reader, *services.colorizer, *services.ab_cache, first, last);
    std::deque<AnalysedFramePtr> in_flight;  // between the smoother's source and its sink
    temporal::VideoSmoother smoother(request.temporal, *services.flow_cache);

    auto source = [&](int64_t i) -> Result<temporal::LabFrame> {
      auto f = stream.next(cancel);
      if (!f)
        return f.error();
      if (!*f || (*f)->index != first + i)
        return makeError("frame " + std::to_string(first + i) + " of '" + request.input_path +
                         "' could not be decoded (the file ends early)");
      in_flight.push_back(*f);
      return temporal::LabFrame{(*f)->l_work, (*f)->ab->ab};
    };
    double smooth_and_sink_s = 0.0;
    int64_t pts_offset = 0;  // a range export starts where the source starts
    auto sink = [&](int64_t i, const cv::Mat& ab) -> Status {
      if (cancel.isCancelled())
        return makeError("cancelled");
      if (in_flight.empty() || in_flight.front()->index != first + i)
        return makeError("internal error: frame order lost at frame " + std::to_string(first + i));
      const AnalysedFramePtr f = in_flight.front();
      in_flight.pop_front();
      const auto t_recombine = Clock::now();
      const cv::Mat rgb = color::recombineToRgb8(f->l_full, ab);
      stats.recombine_s += since(t_recombine);
      const auto t_encode = Clock::now();
      if (i == 0 && !whole)
        pts_offset = f->frame->pts - info.start_pts;
      const int64_t pts = f->frame->pts - pts_offset;
      Status s = (*writer)->writeRgb(rgb, pts, f->frame->duration);
      stats.encode_s += since(t_encode);
      ++stats.frames;
      report(progress, stats.frames, count, "export");
      return s;
    };
    const auto t_run = Clock::now();
    auto run = smoother.run(count, source, cuts, sink, cancel, {});
    smooth_and_sink_s = since(t_run);
    if (!run)
      return run.error();
    if (Status s = (*writer)->finish(); !s)
      return s.error();

    const StreamTimings& t = stream.timings();
    stats.decode_s = t.decode_s;
    stats.inference_s = t.inference_s;
    stats.cache_hits = t.cache_hits;
    stats.flows_computed = run->flows_computed;
    stats.smoothing_s = std::max(
        0.0, smooth_and_sink_s - t.decode_s - t.inference_s - stats.recombine_s - stats.encode_s);
    for (const std::string& note : (*writer)->notes())
      stats.notes.push_back(note);
    if (!info.subtitle_codecs.empty())
      stats.notes.push_back(media::subtitlesLeftOutNote(info));
    if (const std::string damage = (*reader)->damageSummary(); !damage.empty())
      stats.notes.push_back(damage);
    stats.total_s = since(t_start);
    qCInfo(lcPipeline, "exported %lld frames to %s in %.1f s", static_cast<long long>(stats.frames),
           request.output_path.c_str(), stats.total_s);
    return stats;
  });
}

}  // namespace cf::pipeline
