#include "temporal/TemporalSmoother.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <opencv2/imgproc.hpp>
#include <optional>

#include "common/ErrorBoundary.h"
#include "common/Logging.h"

namespace cf::temporal {

namespace {

SolverOptions solverOptions(const SmoothSettings& s) {
  SolverOptions o;
  o.lambda = s.lambda;
  o.max_iterations = s.max_iterations;
  o.tolerance = s.tolerance;
  o.relative_change_tolerance = s.relative_change_tolerance;
  o.exact_1d_when_possible = s.exact_1d_when_possible;
  return o;
}

Result<WindowFrame> makeFrame(int64_t index, const SmoothInput& in, const cv::Mat& like,
                              float lambda = -1.f) {
  if (in.ab.empty() || in.ab.depth() != CV_32F || in.ab.channels() > 2)
    return makeError("temporal smoothing: frame " + std::to_string(index) +
                     " has no CV_32FC2 ab; pass the colour model's ab at working resolution");
  if (!like.empty() && (in.ab.size() != like.size() || in.ab.type() != like.type()))
    return makeError("temporal smoothing: frame " + std::to_string(index) +
                     " differs in size or type from the frames before it");
  if (in.link && in.link->flow_to_prev.size() != in.ab.size())
    return makeError("temporal smoothing: the flow of frame " + std::to_string(index) +
                     " does not match its ab size; scale flows to the ab resolution");
  WindowFrame f;
  f.index = index;
  f.y = in.ab.isContinuous() ? in.ab : in.ab.clone();
  f.x = in.ab.clone();
  f.xbar = cv::Mat(in.ab.size(), in.ab.type());
  f.p = cv::Mat::zeros(in.ab.size(), in.ab.type());
  if (in.link)
    f.link = compileLink(*in.link);
  f.lambda = lambda;
  return f;
}

FrameLinkPtr downscaleLink(const FrameLinkPtr& link, cv::Size size) {
  if (!link || link->flow_to_prev.size() == size)
    return link;
  auto out = std::make_shared<FrameLink>();
  out->flow_to_prev = resizeFlow(link->flow_to_prev, size);
  cv::Mat m;
  link->mask.convertTo(m, CV_32F);
  cv::resize(m, m, size, 0, 0, cv::INTER_AREA);
  // A low-resolution pixel is linked only where (nearly) all its pixels are.
  cv::compare(m, 0.75, out->mask, cv::CMP_GE);
  out->mask /= 255;
  return out;
}

Error cancelledError(int64_t frame) {
  return makeError("temporal smoothing cancelled at frame " + std::to_string(frame));
}

}  // namespace

cv::Size solveSize(cv::Size ab_size, int solve_height_px) {
  if (solve_height_px <= 0 || solve_height_px >= ab_size.height)
    return ab_size;
  return cv::Size(std::max(1, cvRound(ab_size.width * double(solve_height_px) / ab_size.height)),
                  solve_height_px);
}

double SmoothSettings::lambdaAt(int64_t frame) const {
  const auto after =
      std::upper_bound(lambda_ranges.begin(), lambda_ranges.end(), frame,
                       [](int64_t f, const LambdaRange& r) { return f < r.first_frame; });
  return after == lambda_ranges.begin() ? lambda : std::prev(after)->lambda;
}

std::vector<LambdaRange> rebaseLambdaRanges(const std::vector<LambdaRange>& ranges,
                                            int64_t first_frame) {
  std::vector<LambdaRange> out;
  for (const LambdaRange& r : ranges) {
    LambdaRange shifted{std::max<int64_t>(0, r.first_frame - first_frame), r.lambda};
    if (!out.empty() && out.back().first_frame == shifted.first_frame)
      out.back() = shifted;  // a later range starting at or before first_frame wins
    else
      out.push_back(shifted);
  }
  return out;
}

Result<SmoothStats> smoothSequence(int64_t frame_count, const FrameSource& source,
                                   const FrameSink& sink, const SmoothSettings& settings,
                                   const CancelToken& cancel, const ProgressFn& progress) {
  return guarded("temporal smoothing", [&]() -> Result<SmoothStats> {
    SmoothStats stats;
    const int window = std::max(2, settings.window_frames);
    const int overlap = std::clamp(settings.overlap_frames, 0, window - 1);
    const SolverOptions options = solverOptions(settings);
    std::deque<WindowFrame> win;
    std::deque<cv::Mat> full_ab;  // the input ab at full resolution when solving at a lower one
    cv::Size low_size;
    cv::Mat anchor;  // solution of the last frame handed to the sink
    // The first frame of the next shot, read while filling a window of the shot before it.
    std::optional<WindowFrame> next_shot;
    int64_t next_read = 0;
    int64_t emitted = 0;
    while (emitted < frame_count) {
      bool shot_ended = false;
      if (next_shot) {
        win.push_back(std::move(*next_shot));
        next_shot.reset();
      }
      while (int(win.size()) < window && next_read < frame_count) {
        if (cancel.isCancelled())
          return cancelledError(next_read);
        auto in = source(next_read);
        if (!in)
          return in.error();
        SmoothInput solve_in = in.value();
        const cv::Mat& ab = solve_in.ab;
        if (settings.solve_height_px > 0 && !ab.empty() && settings.solve_height_px < ab.rows) {
          if (low_size.empty())
            low_size = solveSize(ab.size(), settings.solve_height_px);
          if (solve_in.link && solve_in.link->flow_to_prev.size() != ab.size() &&
              solve_in.link->flow_to_prev.size() != low_size)
            return makeError("temporal smoothing: the flow of frame " + std::to_string(next_read) +
                             " does not match its ab size; scale flows to the ab resolution");
          full_ab.push_back(ab);
          cv::Mat low;
          cv::resize(ab, low, low_size, 0, 0, cv::INTER_AREA);
          solve_in.ab = low;
          solve_in.link = downscaleLink(solve_in.link, low_size);
        }
        const float lambda =
            settings.lambda_ranges.empty() ? -1.f : float(settings.lambdaAt(next_read));
        auto frame = makeFrame(next_read, solve_in, win.empty() ? anchor : win.back().y, lambda);
        if (!frame)
          return frame.error();
        ++next_read;
        if (!win.empty() && !frame.value().link) {
          // A new shot: nothing links it to the frames before, so its windows start afresh at
          // its first frame. Each shot is then solved the same way whatever came before it,
          // which is what makes a shard that starts at a shot exactly equal to a whole export.
          next_shot = std::move(frame.value());
          shot_ended = true;
          break;
        }
        win.push_back(std::move(frame.value()));
      }
      stats.max_frames_held =
          std::max(stats.max_frames_held, int(win.size()) + (anchor.empty() ? 0 : 1));
      std::vector<WindowFrame*> ptrs;
      for (WindowFrame& f : win)
        ptrs.push_back(&f);
      const SolverResult r = solveWindow(ptrs, anchor, options, cancel);
      if (r.cancelled)
        return cancelledError(win.front().index);
      ++stats.windows;
      stats.iterations += r.iterations;
      stats.max_gap_rms = std::max(stats.max_gap_rms, r.gap_rms);
      qCDebug(lcTemporal) << "window at" << win.front().index << "frames" << win.size()
                          << "iterations" << r.iterations << "gap rms" << r.gap_rms;
      const bool last = shot_ended || (next_read == frame_count && !next_shot);
      const int emit = last ? int(win.size()) : int(win.size()) - overlap;
      for (int k = 0; k < emit; ++k) {
        WindowFrame& f = win.front();
        Status st;
        if (full_ab.empty()) {
          st = sink(f.index, f.x);
        } else {
          // Flicker is low-frequency: the correction solved at low resolution, upsampled, keeps
          // the network's full-resolution detail.
          cv::Mat correction;
          cv::resize(f.x - f.y, correction, full_ab.front().size(), 0, 0, cv::INTER_LINEAR);
          st = sink(f.index, full_ab.front() + correction);
          full_ab.pop_front();
        }
        if (!st)
          return st.error();
        anchor = f.x;
        win.pop_front();
        ++emitted;
      }
      if (shot_ended)
        anchor.release();  // the next shot is not linked to this one
      report(progress, emitted, frame_count, "temporal smoothing");
    }
    stats.frames = emitted;
    return stats;
  });
}

Status ShotSmoother::setShot(const std::vector<cv::Mat>& ab, const std::vector<FrameLinkPtr>& links,
                             int solve_height_px) {
  return guarded("temporal smoothing", [&]() -> Status {
    if (ab.size() != links.size())
      return makeError("temporal smoothing: " + std::to_string(ab.size()) + " frames but " +
                       std::to_string(links.size()) + " links");
    frames_.clear();
    full_ab_.clear();
    frames_.reserve(ab.size());
    const bool low = !ab.empty() && solve_height_px > 0 && solve_height_px < ab[0].rows;
    cv::Size low_size;
    if (low) {
      low_size = temporal::solveSize(ab[0].size(), solve_height_px);
      full_ab_ = ab;
    }
    for (size_t n = 0; n < ab.size(); ++n) {
      SmoothInput in{ab[n], n == 0 ? nullptr : links[n]};
      if (low) {
        if (ab[n].size() != ab[0].size())
          return makeError("temporal smoothing: frame " + std::to_string(n) +
                           " differs in size from frame 0");
        if (in.link && in.link->flow_to_prev.size() != ab[n].size() &&
            in.link->flow_to_prev.size() != low_size)
          return makeError("temporal smoothing: the flow of frame " + std::to_string(n) +
                           " does not match its ab size; scale flows to the ab resolution");
        cv::resize(ab[n], in.ab, low_size, 0, 0, cv::INTER_AREA);
        in.link = downscaleLink(in.link, low_size);
      }
      auto f = makeFrame(int64_t(n), in, n == 0 ? cv::Mat() : frames_.back().y);
      if (!f)
        return f.error();
      frames_.push_back(std::move(f.value()));
    }
    return {};
  });
}

cv::Mat ShotSmoother::frame(size_t n) const {
  const WindowFrame& f = frames_.at(n);
  if (full_ab_.empty())
    return f.x;
  cv::Mat correction;
  cv::resize(f.x - f.y, correction, full_ab_[n].size(), 0, 0, cv::INTER_LINEAR);
  return full_ab_[n] + correction;
}

Result<SmoothStats> ShotSmoother::smooth(const SmoothSettings& settings,
                                         const CancelToken& cancel) {
  return guarded("temporal smoothing", [&]() -> Result<SmoothStats> {
    std::vector<WindowFrame*> ptrs;
    for (WindowFrame& f : frames_)
      ptrs.push_back(&f);
    const SolverResult r = solveWindow(ptrs, cv::Mat(), solverOptions(settings), cancel);
    if (r.cancelled)
      return cancelledError(0);
    SmoothStats stats;
    stats.frames = int64_t(frames_.size());
    stats.windows = 1;
    stats.iterations = r.iterations;
    stats.max_frames_held = int(frames_.size());
    stats.max_gap_rms = r.gap_rms;
    return stats;
  });
}

}  // namespace cf::temporal
