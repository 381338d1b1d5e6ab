// Benchmark of core/temporal (not run by ctest). Prints:
//  1. optical flow ms/frame per method at 480p (854x480), flow computed at 480 and at 256 px high;
//  2. streaming smoothing ms/frame at working height 256 (455x256 ab) for lambda 0.1, 0.5, 2;
//  3. re-tune latency: a lambda change on a cached 300-frame shot (480p source, ab at 256 px),
//     solved at the ab resolution and at lower solve heights, with the distance to the
//     full-resolution solution.
// Input is synthetic (a panning textured background and a moving textured object, with a random
// per-frame ab flicker), generated deterministically.
// Usage: bench_temporal [frames_for_retune=300]

#include <chrono>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "temporal/FrameLink.h"
#include "temporal/OpticalFlow.h"
#include "temporal/TemporalSmoother.h"

using namespace cf::temporal;
using cf::FlowMethod;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

cv::Mat texture(cv::Size size, uint64_t seed, double sigma) {
  cv::RNG rng(seed);
  cv::Mat m(size, CV_32FC1);
  rng.fill(m, cv::RNG::UNIFORM, 0.0, 1.0);
  cv::GaussianBlur(m, m, cv::Size(0, 0), sigma);
  cv::normalize(m, m, 10.0, 90.0, cv::NORM_MINMAX);
  return m;
}

struct Clip {
  std::vector<cv::Mat> l;   // L 0..100
  std::vector<cv::Mat> ab;  // flickering ab
};

// Panning background (1.5, 0.5) px/frame and an object moving (-3, 1) px/frame, at `size`.
Clip makeClip(int frames, cv::Size size, uint64_t seed) {
  Clip c;
  const cv::Mat bg = texture(size + cv::Size(int(frames * 1.5) + 8, frames / 2 + 8), seed, 2.5);
  const int obj_px = size.height / 3;
  const cv::Mat obj = texture(cv::Size(obj_px, obj_px), seed + 1, 1.5);
  cv::RNG rng(seed + 2);
  const cv::Mat ab_bg_base = texture(size, seed + 3, 20.0);  // slow spatial colour variation
  for (int t = 0; t < frames; ++t) {
    cv::Mat l;
    const cv::Matx23f pan(1, 0, -1.5f * t, 0, 1, -0.5f * t);
    cv::warpAffine(bg, l, pan, size, cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const cv::Point2f pos(size.width * 0.7f - 3.f * t, size.height * 0.2f + 1.f * t);
    cv::Mat obj_l;
    cv::Mat obj_m;
    const cv::Matx23f move(1, 0, pos.x, 0, 1, pos.y);
    cv::warpAffine(obj, obj_l, move, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    cv::warpAffine(cv::Mat(obj.size(), CV_8UC1, cv::Scalar(255)), obj_m, move, size,
                   cv::INTER_NEAREST, cv::BORDER_CONSTANT);
    obj_l.copyTo(l, obj_m);
    cv::Mat a = ab_bg_base * 0.5 - 35.0;
    cv::Mat b = 25.0 - ab_bg_base * 0.3;
    a.setTo(35.0, obj_m);
    b.setTo(15.0, obj_m);
    cv::Mat ab;
    cv::merge(std::vector<cv::Mat>{a, b}, ab);
    ab += cv::Scalar(rng.uniform(-6.0, 6.0), rng.uniform(-6.0, 6.0));
    c.l.push_back(l);
    c.ab.push_back(ab);
  }
  return c;
}

Clip resizeClip(const Clip& in, int height_px) {
  Clip out;
  for (size_t n = 0; n < in.l.size(); ++n) {
    const cv::Size s(cvRound(in.l[n].cols * double(height_px) / in.l[n].rows), height_px);
    cv::Mat l;
    cv::Mat ab;
    cv::resize(in.l[n], l, s, 0, 0, cv::INTER_AREA);
    cv::resize(in.ab[n], ab, s, 0, 0, cv::INTER_AREA);
    out.l.push_back(l);
    out.ab.push_back(ab);
  }
  return out;
}

std::vector<FrameLinkPtr> links(const Clip& c, int flow_height_px, double* ms_per_frame) {
  FlowSettings fs;
  fs.flow_height_px = flow_height_px;
  FlowEstimator est(fs);
  std::vector<FrameLinkPtr> out(c.l.size());
  const auto t0 = Clock::now();
  for (size_t n = 1; n < c.l.size(); ++n) {
    auto link = computeFrameLink(est, c.l[n - 1], c.l[n], c.ab[n].size());
    if (link)
      out[n] = link.value();
  }
  if (ms_per_frame)
    *ms_per_frame = msSince(t0) / double(c.l.size() - 1);
  return out;
}

double rmsDiff(const ShotSmoother& a, const ShotSmoother& b) {
  double sum = 0.0;
  double count = 0.0;
  for (size_t n = 0; n < a.size(); ++n) {
    const double d = cv::norm(a.frame(n), b.frame(n), cv::NORM_L2);
    sum += d * d;
    count += double(a.frame(n).total()) * 2.0;
  }
  return std::sqrt(sum / count);
}

}  // namespace

int main(int argc, char** argv) {
  const int retune_frames = argc > 1 ? std::atoi(argv[1]) : 300;
  std::printf("OpenCV threads: %d\n", cv::getNumThreads());

  // 1. Flow ms/frame at 480p.
  const Clip clip480 = makeClip(8, cv::Size(854, 480), 1);
  std::printf("\n## Optical flow, 854x480 L, one direction, ms/frame\n");
  for (FlowMethod m : {FlowMethod::Dis, FlowMethod::Farneback, FlowMethod::TvL1}) {
    for (int h : {480, 256}) {
      FlowSettings fs;
      fs.method = m;
      fs.flow_height_px = h;
      FlowEstimator est(fs);
      const int pairs = m == FlowMethod::TvL1 ? 3 : 7;
      (void)est.compute(clip480.l[0], clip480.l[1], cv::Size(455, 256));  // warm-up
      const auto t0 = Clock::now();
      for (int n = 1; n <= pairs; ++n)
        (void)est.compute(clip480.l[size_t(n - 1)], clip480.l[size_t(n)], cv::Size(455, 256));
      std::printf("%-10s flow height %3d: %8.1f ms/frame\n", flowMethodName(m), h,
                  msSince(t0) / pairs);
    }
  }

  // 2. Streaming smoothing at working height 256.
  const int stream_frames = 128;
  const Clip work = resizeClip(makeClip(stream_frames, cv::Size(854, 480), 2), 256);
  double link_ms = 0.0;
  const auto work_links = links(work, 256, &link_ms);
  std::printf("\n## Streaming smoothing, %d frames of %dx%d ab (window 64, overlap 8, max 60 it)\n",
              stream_frames, work.ab[0].cols, work.ab[0].rows);
  std::printf("(frame links: DIS both ways + masks at 256 px: %.1f ms/frame)\n", link_ms);
  for (double lambda : {0.1, 0.5, 2.0}) {
    SmoothSettings s;
    s.lambda = lambda;
    int64_t sink_count = 0;
    const auto t0 = Clock::now();
    auto stats = smoothSequence(
        stream_frames,
        [&](int64_t i) -> cf::Result<SmoothInput> {
          return SmoothInput{work.ab[size_t(i)], work_links[size_t(i)]};
        },
        [&](int64_t, const cv::Mat&) -> cf::Status {
          ++sink_count;
          return {};
        },
        s);
    const double ms = msSince(t0);
    if (!stats) {
      std::printf("lambda %.1f failed: %s\n", lambda, stats.message().c_str());
      continue;
    }
    std::printf("lambda %.1f: %6.1f ms/frame, %d windows, %lld iterations, worst gap RMS %.3f ab\n",
                lambda, ms / stream_frames, stats->windows,
                static_cast<long long>(stats->iterations), stats->max_gap_rms);
  }

  // 3. Re-tune latency on a cached shot.
  std::printf("\n## Re-tune latency, cached %d-frame shot, 480p source, ab %dx%d\n", retune_frames,
              work.ab[0].cols, work.ab[0].rows);
  const Clip shot = resizeClip(makeClip(retune_frames, cv::Size(854, 480), 3), 256);
  const auto shot_links = links(shot, 256, nullptr);
  ShotSmoother reference;
  {
    const auto t0 = Clock::now();
    (void)reference.setShot(shot.ab, shot_links, 0);
    SmoothSettings s;
    s.lambda = 1.0;
    s.max_iterations = 300;
    s.tolerance = 0.01;
    auto st = reference.smooth(s);
    std::printf("reference (solve at 256, lambda 1, to gap RMS %.3f): %lld it, %.0f ms\n",
                st ? st->max_gap_rms : -1.0, st ? static_cast<long long>(st->iterations) : 0LL,
                msSince(t0));
  }
  for (int solve_h : {256, 128, 96, 64}) {
    ShotSmoother sm;
    auto t0 = Clock::now();
    (void)sm.setShot(shot.ab, shot_links, solve_h);
    const double setup_ms = msSince(t0);
    SmoothSettings s;
    s.max_iterations = 60;
    s.lambda = 0.5;
    t0 = Clock::now();
    auto first = sm.smooth(s);
    const double first_ms = msSince(t0);
    std::printf("solve %dx%d: set shot %.0f ms; first solve (lambda 0.5) %.0f ms, %d it\n",
                sm.solveSize().width, sm.solveSize().height, setup_ms, first_ms,
                first ? int(first->iterations) : -1);
    for (int iters : {10, 20}) {
      s.lambda = 0.5;
      s.max_iterations = 60;
      (void)sm.smooth(s);  // back to the previous slider position
      s.lambda = 1.0;
      s.max_iterations = iters;
      t0 = Clock::now();
      auto st = sm.smooth(s);
      const double ms = msSince(t0);
      t0 = Clock::now();
      const cv::Mat one = sm.frame(size_t(retune_frames / 2));
      const double frame_ms = msSince(t0);
      std::printf(
          "  lambda 0.5 -> 1.0, %2d it warm: %6.0f ms (+%.1f ms per frame shown), gap RMS "
          "%.3f, RMS vs reference %.3f ab\n",
          iters, ms, frame_ms, st ? st->max_gap_rms : -1.0, rmsDiff(sm, reference));
    }
  }
  return 0;
}
