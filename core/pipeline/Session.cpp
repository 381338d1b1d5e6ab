#include "pipeline/Session.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "common/ErrorBoundary.h"
#include "common/Logging.h"
#include "common/ProgressSum.h"
#include "pipeline/CacheKey.h"
#include "pipeline/CacheManager.h"
#include "pipeline/CutScanCache.h"
#include "pipeline/ExportOutput.h"
#include "pipeline/Exporter.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/GuidedShots.h"
#include "pipeline/ModelLocator.h"
#include "pipeline/SessionImpl.h"
#include "pipeline/WorkingGeometry.h"
#include "temporal/DiskFlowCache.h"

namespace cf::pipeline {

namespace {

// Frames of network output kept in memory in front of the disk cache.
constexpr size_t kMemoryAbFrames = 64;
// Flow links kept in memory in front of the disk cache (each ~65 kB at working height 256, at the
// smoothing's resolution): the preview's window and a little more. Without a disk cache, enough for
// re-tuning a shot.
constexpr size_t kMemoryFlowLinks = 32;
constexpr size_t kMemoryOnlyFlowLinks = 512;

}  // namespace

// ---- Impl helpers ----

namespace {
model::ColorizerSettings colorizerSettings(const SessionSettings& settings) {
  model::ColorizerSettings cs;
  cs.model_path = QString::fromStdString(resolveModelPath(settings.model_path));
  cs.device = settings.device;
  cs.working_height_px = settings.working_height_px;
  cs.temperature = settings.temperature;
  return cs;
}
}  // namespace

Status Session::Impl::ensureEngine() {
  if (colorizer && ab_cache)
    return {};
  if (!colorizer) {
    auto created = model::Colorizer::create(colorizerSettings(settings));
    if (!created)
      return created.error();
    colorizer = std::move(*created);
  }
  info.device_name = colorizer->deviceName().toStdString();
  info.device_in_use = colorizer->onCuda() ? DeviceChoice::Cuda : DeviceChoice::Cpu;
  info.cpu_threads = colorizer->cpuThreads();
  auto cache = AbCache::open(cacheFolderFor(info.path, model_path, settings), kMemoryAbFrames);
  if (!cache) {
    // An unusable cache folder must not stop the preview: fall back to memory only, and say so.
    qCWarning(lcPipeline, "%s; caching in memory only", cache.message().c_str());
    cache_note = cache.message() +
                 " (so caching in memory only: the network's output is not "
                 "kept for the next run; choose a writable cache folder)";
    cache = AbCache::open(std::string(), kMemoryAbFrames);
  }
  ab_cache = std::move(*cache);
  if (!ab_cache->dir().empty())
    markCacheFolderUsed(ab_cache->dir());  // the cache manager's eviction order
  ensureFlowCache();
  return {};
}

void Session::Impl::ensureFlowCache() {
  if (flow_cache)
    return;
  auto disk =
      temporal::DiskFlowCache::open(flowCacheFolderFor(info.path, settings), kMemoryFlowLinks);
  if (disk) {
    markCacheFolderUsed((*disk)->dir());
    flow_cache = std::move(*disk);
    return;
  }
  qCWarning(lcPipeline, "%s; keeping flows in memory only", disk.message().c_str());
  if (cache_note.empty())  // the ab cache's note names the same root folder already
    cache_note = disk.message() +
                 " (so keeping optical flows in memory only: they are computed again next "
                 "time; choose a writable cache folder)";
  flow_cache = std::make_unique<temporal::MemoryFlowCache>(kMemoryOnlyFlowLinks);
}

bool Session::Impl::loadCachedScan() {
  if (scan)
    return true;
  auto cached = loadCutScan(cutScanCacheFile(info.path, settings, temporal::SceneCutSettings{}));
  if (!cached || cached->frames != info.frame_count)
    return false;
  adoptScan(std::move(*cached), false);
  return true;
}

Status Session::Impl::ensureScan(const CancelToken& cancel, const ProgressFn& progress) {
  if (loadCachedScan())
    return {};
  auto result =
      scanSceneCuts(info.path, temporal::SceneCutSettings{}, cancel, progress, settings.input);
  if (!result)
    return result.error();
  adoptScan(std::move(*result), true);
  return {};
}

void Session::Impl::adoptScan(CutScanResult result, bool save) {
  scan = std::move(result);
  // Cached by content in the cache folder: shared by the nodes of a cluster run.
  if (save)
    if (Status saved =
            saveCutScan(cutScanCacheFile(info.path, settings, temporal::SceneCutSettings{}), *scan);
        !saved)
      qCWarning(lcPipeline, "%s", saved.message().c_str());
  info.damaged_frames = scan->damaged_frames;
  info.first_damaged_frame = scan->first_damaged_frame;
  for (const temporal::SceneCut& cut : scan->cuts)
    if (cut.frame >= 0 && cut.frame < static_cast<int64_t>(metrics.size()))
      metrics[static_cast<size_t>(cut.frame)].scene_cut = true;
}

void Session::Impl::dropNetworkCaches() {
  colorizer.reset();
  ab_cache.reset();
  window = PreviewWindow();
  std::fill(analysed.begin(), analysed.end(), 0);
  timeline_reset = true;
}

temporal::FlowSettings Session::Impl::flowSettings() const {
  temporal::FlowSettings fs;
  fs.method = settings.flow_method;
  // Half the working height: the smoothing solves at a quarter of it, and DIS at 128 px costs a
  // quarter of DIS at 256 px.
  fs.flow_height_px = stageHeights(settings.working_height_px).flow_px;
  return fs;
}

temporal::TemporalSettings Session::Impl::temporalSettings(double lambda) const {
  temporal::TemporalSettings ts;
  ts.flow = flowSettings();
  ts.smooth.lambda = lambda;
  ts.smooth.solve_height_px = smoothSolveHeight();
  return ts;
}

double Session::Impl::lambdaFor(int64_t frame) const {
  const int64_t shot_first = shotOf(frame).first;
  for (const ShotOverride& o : overrides)
    if (o.shot_first_frame == shot_first && o.lambda)
      return *o.lambda;
  return settings.lambda;
}

const color::Grade* Session::Impl::gradeFor(int64_t frame) const {
  const int64_t shot_first = shotOf(frame).first;
  for (const ShotOverride& o : overrides)
    if (o.shot_first_frame == shot_first && o.grade)
      return &*o.grade;
  return nullptr;
}

std::pair<int64_t, int64_t> Session::Impl::shotOf(int64_t frame) const {
  int64_t first = 0, end = info.frame_count;
  if (scan) {
    for (const temporal::SceneCut& cut : scan->cuts) {
      if (cut.frame <= frame)
        first = std::max(first, cut.frame);
      if (cut.frame > frame)
        end = std::min(end, cut.frame);
    }
  }
  return {first, end};
}

// ---- Session ----

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::open(const std::string& video_path,
                                               const SessionSettings& settings) {
  return guarded("opening '" + video_path + "'", [&]() -> Result<std::unique_ptr<Session>> {
    auto reader = media::VideoReader::open(video_path, settings.input);
    if (!reader)
      return reader.error();
    if (Status s = checkWorkingGeometry(video_path, (*reader)->info().width_px,
                                        (*reader)->info().height_px, settings.working_height_px);
        !s)
      return s.error();
    auto impl = std::make_unique<Impl>();
    impl->settings = settings;
    impl->model_path = resolveModelPath(settings.model_path);
    const media::StreamInfo& s = (*reader)->info();
    impl->info.path = video_path;
    impl->info.width_px = s.width_px;
    impl->info.height_px = s.height_px;
    impl->info.frame_count = s.frame_count;
    impl->info.rotation_deg = s.rotation_deg;
    impl->info.fps = s.fps.toDouble();
    impl->info.start_timecode = s.timecode;
    impl->info.duration_s = s.duration_s;
    impl->info.has_audio = s.hasAudio();
    impl->info.truncated = s.truncated;
    impl->info.listed_frames = s.listed_frames;
    auto first = (*reader)->frameAt(0);
    if (!first)
      return first.error();
    impl->info.source_has_colour = *first && frameHasChroma(**first);
    impl->reader = std::move(*reader);
    impl->metrics.resize(static_cast<size_t>(s.frame_count));
    impl->analysed.assign(static_cast<size_t>(s.frame_count), 0);
    for (size_t i = 0; i < impl->metrics.size(); ++i)
      impl->metrics[i].frame_index = static_cast<int64_t>(i);
    return std::unique_ptr<Session>(new Session(std::move(impl)));
  });
}

const SessionInfo& Session::info() const {
  return impl_->info;
}
const SessionSettings& Session::settings() const {
  return impl_->settings;
}

Status Session::updateSettings(const SessionSettings& settings) {
  const SessionSettings& old = impl_->settings;
  const bool network_changed =
      settings.model_path != old.model_path || settings.device != old.device ||
      settings.working_height_px != old.working_height_px ||
      settings.temperature != old.temperature || settings.cache_dir != old.cache_dir;
  const bool flow_changed = settings.flow_method != old.flow_method;
  if (settings.working_height_px != old.working_height_px)
    if (Status s = checkWorkingGeometry(impl_->info.path, impl_->info.width_px,
                                        impl_->info.height_px, settings.working_height_px);
        !s)
      return s;
  const bool readable_part = old.input.readable_part;  // how this file was opened stays
  // Load the new model before anything is dropped: a model that does not load leaves the
  // session as it was, with the previous model and everything analysed with it.
  std::unique_ptr<model::Colorizer> next_colorizer;
  if (network_changed && impl_->colorizer) {
    auto created = model::Colorizer::create(colorizerSettings(settings));
    if (!created)
      return makeError("the model could not be loaded, so the previous one stays in use: " +
                       created.message());
    next_colorizer = std::move(*created);
  }
  impl_->settings = settings;
  impl_->settings.input.readable_part = readable_part;
  impl_->model_path = resolveModelPath(settings.model_path);
  if (network_changed || flow_changed)
    impl_->dropGuidedShots();  // coloured by the old network along the old flows
  if (network_changed) {
    impl_->dropNetworkCaches();
    impl_->colorizer = std::move(next_colorizer);  // null when no model was loaded yet
  }
  if (network_changed || flow_changed) {
    impl_->flow_cache.reset();  // reopened for the new settings (its folder depends on them)
    impl_->window = Impl::PreviewWindow();
    std::fill(impl_->analysed.begin(), impl_->analysed.end(), 0);
    impl_->timeline_reset = true;
  }
  return {};
}

void Session::setShotOverrides(std::vector<ShotOverride> overrides) {
  impl_->overrides = std::move(overrides);
}

Result<cv::Mat> Session::thumbnail(int64_t frame_index, int height_px) {
  return guarded("thumbnail of frame " + std::to_string(frame_index), [&]() -> Result<cv::Mat> {
    auto frame = impl_->reader->frameAt(frame_index);
    if (!frame)
      return frame.error();
    if (!*frame)
      return makeError("frame " + std::to_string(frame_index) + " does not exist");
    cv::Mat y8 = (*frame)->y;
    if (y8.depth() != CV_8U)
      y8.convertTo(y8, CV_8U, 255.0 / double((1 << (*frame)->bit_depth) - 1));
    const int h = std::max(8, height_px);
    const int w = std::max(8, y8.cols * h / std::max(1, y8.rows));
    cv::Mat small, rgb;
    cv::resize(y8, small, cv::Size(w, h), 0, 0, cv::INTER_AREA);
    cv::cvtColor(small, rgb, cv::COLOR_GRAY2RGB);
    return rgb;
  });
}

Result<std::vector<int64_t>> Session::sceneCutFrames(const CancelToken& cancel,
                                                     const ProgressFn& progress) {
  if (Status s = impl_->ensureScan(cancel, progress); !s)
    return s.error();
  std::vector<int64_t> frames;
  for (const temporal::SceneCut& cut : impl_->scan->cuts)
    frames.push_back(cut.frame);
  std::sort(frames.begin(), frames.end());
  return frames;
}

Status Session::loadModel() {
  return impl_->ensureEngine();
}

const std::string& Session::modelPath() const {
  return impl_->model_path;
}

const ExportStats& Session::lastExportStats() const {
  return impl_->last_export;
}

Status Session::checkExportTarget(const ExportRequest& request) {
  if (isImageOutputPath(request.output_path)) {
    // Image sequences and stills: their writer checks the names; the folder is checked here.
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::path(request.output_path).parent_path();
    if (dir.empty())
      dir = ".";
    if (!std::filesystem::is_directory(dir, ec))
      return makeError("cannot write '" + request.output_path + "': the folder '" + dir.string() +
                       "' does not exist. Create it or choose another output folder.");
    return {};
  }
  return media::checkVideoTarget(request.output_path, request.codec);
}

Status Session::exportVideo(const ExportRequest& request, const CancelToken& cancel,
                            const ProgressFn& progress) {
  // A bad output is reported before the model loads and the film is scanned.
  if (Status s = checkExportTarget(request); !s)
    return s;
  if (Status s = impl_->ensureEngine(); !s)
    return s;
  // The cuts are needed before the export starts only for per-shot settings, keyframes and exact
  // ranges; otherwise a scan still to be done runs alongside the export (ConcurrentCutScan.h).
  const bool known = impl_->loadCachedScan();
  const bool scan_alongside =
      !known && impl_->overrides.empty() && impl_->guidance.empty() && !request.exact_range;
  const auto t_scan = std::chrono::steady_clock::now();
  if (!known && !scan_alongside)
    if (Status s = impl_->ensureScan(cancel, progress); !s)
      return s;
  // The scan's own time (not the model's loading), when it ran before the export.
  const double scan_s =
      known || scan_alongside
          ? 0.0
          : std::chrono::duration<double>(std::chrono::steady_clock::now() - t_scan).count();
  const int64_t bytes_before = impl_->ab_cache->bytesOnDisk();
  auto* disk_flows = dynamic_cast<temporal::DiskFlowCache*>(impl_->flow_cache.get());
  const int64_t flow_bytes_before = disk_flows ? disk_flows->bytesWritten() : 0;
  const int64_t ab_rejected_before = impl_->ab_cache->rejectedEntries();
  const int64_t flow_rejected_before = disk_flows ? disk_flows->rejectedEntries() : 0;
  RenderRequest rr;
  rr.input_path = impl_->info.path;
  rr.input = impl_->settings.input;
  rr.output_path = request.output_path;
  rr.codec = request.codec;
  rr.crf = request.quality_crf;
  rr.keep_audio = request.keep_audio;
  rr.first_frame = request.first_frame;
  rr.last_frame = request.last_frame;
  rr.exact_range = request.exact_range;
  rr.metadata = request.metadata;
  rr.bit_depth = request.bit_depth;
  rr.start_number = request.start_number;
  rr.temporal = impl_->temporalSettings(impl_->settings.lambda);
  if (!impl_->overrides.empty()) {  // per-shot lambdas, in source frames (one range per shot)
    rr.temporal.smooth.lambda_ranges.push_back({0, impl_->lambdaFor(0)});
    for (const temporal::SceneCut& cut : impl_->scan->cuts)
      rr.temporal.smooth.lambda_ranges.push_back({cut.frame, impl_->lambdaFor(cut.frame)});
  }
  const std::vector<int64_t> cut_frames = impl_->cutFrames();  // sorted, after frame 0
  // The export's bar: frames encoded plus the guided shots' propagation, which runs alongside
  // (and which the encoder waits for), so the bar moves while a guided shot propagates.
  ProgressSum export_progress(progress, "export");
  std::unique_ptr<GuidedShots> guided;
  if (!impl_->guidance.empty()) {
    const GuideServices gs = impl_->guideServices();  // the preview's too (SessionGuide.cpp)
    const int64_t count = impl_->info.frame_count;
    const int64_t last = request.last_frame < 0 ? count - 1 : request.last_frame;
    export_progress.expect(0, last - request.first_frame + 1);
    auto prepared = GuidedShots::prepare(impl_->guidance, cut_frames, count, request.first_frame,
                                         last, gs, cancel, export_progress.part(1));
    if (!prepared)
      return prepared.error();
    guided = std::move(*prepared);
    export_progress.expect(1, guided->progressTotal());
  }
  // Per-shot grades, one range per shot from the first graded one on (an ungraded shot after a
  // graded one gets the identity grade, so a grade never runs past its cut).
  std::vector<int64_t> shot_starts{0};
  shot_starts.insert(shot_starts.end(), cut_frames.begin(), cut_frames.end());
  for (int64_t start : shot_starts) {
    const color::Grade* g = impl_->gradeFor(start);
    if (g || !rr.grades.empty())
      rr.grades.push_back({start, g ? *g : color::Grade{}});
  }
  RenderServices services;
  services.guided = guided.get();
  services.reader = impl_->reader.get();
  services.colorizer = impl_->colorizer.get();
  services.ab_cache = impl_->ab_cache.get();
  services.flow_cache = impl_->flow_cache.get();
  CutScanResult scan_result;  // the scan run alongside
  services.cuts = scan_alongside ? nullptr : &impl_->scan->cuts;
  services.scan_result = &scan_result;
  auto stats = renderVideo(rr, services, cancel, guided ? export_progress.part(0) : progress);
  if (!stats)
    return stats.error();
  if (scan_alongside)
    impl_->adoptScan(std::move(scan_result), true);
  ExportStats& e = impl_->last_export;
  e = std::move(*stats);
  if (!scan_alongside) {  // alongside: renderVideo gave the scan's time, already in its total
    e.scan_s = scan_s;
    e.total_s += scan_s;
  }
  e.cache_bytes = impl_->ab_cache->bytesOnDisk() - bytes_before;
  if (auto* disk = dynamic_cast<temporal::DiskFlowCache*>(impl_->flow_cache.get()))
    e.flow_cache_bytes = disk->bytesWritten() - flow_bytes_before;
  e.cache_dir = impl_->ab_cache->dir();
  const std::string ab_rejected =
      impl_->ab_cache->rejectionNote(impl_->ab_cache->rejectedEntries() - ab_rejected_before);
  if (!ab_rejected.empty())
    e.notes.push_back(ab_rejected);
  if (auto* disk = dynamic_cast<temporal::DiskFlowCache*>(impl_->flow_cache.get()))
    if (const std::string n = disk->rejectionNote(disk->rejectedEntries() - flow_rejected_before);
        !n.empty())
      e.notes.push_back(n);
  if (!impl_->cache_note.empty())
    e.notes.push_back(impl_->cache_note);
  if (!impl_->colorizer->notice().isEmpty())
    e.notes.push_back(impl_->colorizer->notice().toStdString());
  if (guided) {
    const GuideStats& g = guided->finish();
    e.guide_s = g.seconds;  // alongside the export: part of its total already
    e.notes.push_back("keyframe colour: " + std::to_string(g.shots) + " guided shot(s), " +
                      std::to_string(g.shots_reused) + " reused from the cache, " +
                      std::to_string(g.frames_guided) +
                      " frames coloured with hints; propagation " +
                      QString::number(g.seconds, 'f', 1).toStdString() + " s and guided network " +
                      QString::number(g.network_s, 'f', 1).toStdString() +
                      " s, alongside the export's other stages");
    for (const guide::ReachGap& gap : g.gaps)
      e.notes.push_back(
          "keyframe colour reaches less than half of frames " + std::to_string(gap.first) + "-" +
          std::to_string(gap.last) + " (at frame " + std::to_string(gap.weakest) + " only " +
          QString::number(100.0 * gap.share, 'f', 0).toStdString() +
          " % of the picture): the network guesses the rest; a reference or hints near frame " +
          std::to_string(gap.weakest) + " would help");
  }
  return {};
}

}  // namespace cf::pipeline
