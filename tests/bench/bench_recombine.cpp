// Benchmark of the recombination (full-resolution L + working-resolution ab -> 8-bit RGB), the
// export's last step before the encoder (not run by ctest). For 480p and 1080p frames with ab at
// 455x256, it times, interleaved in one run, the previous implementation (full-resolution
// coefficient map by cv::resize, one pixel at a time; tests/color/RecombineReference.h) and the
// current one (row at a time), with and without the working-resolution L handed in, on all of
// OpenCV's threads and on one. Prints median ms per frame and the ratio new / old.
// Usage: bench_recombine [repetitions=15]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "../color/RecombineReference.h"
#include "color/GuidedUpsampler.h"

namespace {

using Clock = std::chrono::steady_clock;

template <class Fn>
double ms(const Fn& fn) {
  const auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void frame(cv::Size full, cv::Size low, cv::Mat* l, cv::Mat* ab) {
  cv::RNG rng(1);
  *l = cv::Mat(full, CV_32FC1);
  for (int r = 0; r < full.height; ++r)
    for (int c = 0; c < full.width; ++c)
      l->at<float>(r, c) = 50.f + 45.f * std::sin(0.02f * float(c) + 0.013f * float(r));
  cv::Mat noise(full, CV_32FC1);
  rng.fill(noise, cv::RNG::NORMAL, 0.0, 3.0);
  *l = cv::min(cv::max(*l + noise, 0.0), 100.0);
  *ab = cv::Mat(low, CV_32FC2);
  rng.fill(*ab, cv::RNG::UNIFORM, -60.0, 60.0);
  cv::GaussianBlur(*ab, *ab, cv::Size(9, 9), 0);
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(3, std::atoi(argv[1])) : 15;
  const int all_threads = cv::getNumThreads();
  std::printf("%-6s %-8s %10s %10s %14s %9s %9s\n", "size", "threads", "old ms", "new ms",
              "new+L_low ms", "new/old", "+L/old");
  for (const cv::Size full : {cv::Size(854, 480), cv::Size(1920, 1080)}) {
    cv::Mat l, ab, l_low;
    frame(full, cv::Size(455, 256), &l, &ab);
    cv::resize(l, l_low, ab.size(), 0, 0, cv::INTER_AREA);
    for (const int threads : {all_threads, 1}) {
      cv::setNumThreads(threads);
      std::vector<double> t_old, t_new, t_low;
      for (int i = 0; i < reps; ++i) {
        t_old.push_back(ms([&] { ref::recombineToRgb8(l, ab, nullptr); }));
        t_new.push_back(ms([&] { cf::color::recombineToRgb8(l, ab); }));
        t_low.push_back(ms([&] { cf::color::recombineToRgb8(l, ab, {}, nullptr, l_low); }));
      }
      const double o = median(t_old), n = median(t_new), w = median(t_low);
      std::printf("%-6d %-8d %10.2f %10.2f %14.2f %9.2f %9.2f\n", full.height, threads, o, n, w,
                  n / o, w / o);
    }
    cv::setNumThreads(all_threads);
  }
  return 0;
}
