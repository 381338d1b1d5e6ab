// CPU time of the keyframe propagation alone (issue #15: guided export speed), on the first N
// frames of a clip at the working height, with frame 0 as a full reference (its grey L as ab 0 is
// enough: the cost does not depend on the colour). The links are computed first, as the export's
// propagation does (at the flows' own resolution), and timed apart. Prints the process CPU time
// (all threads: the sweep and its helper) of each part, and a checksum of the propagated colour
// (sum of |ab| and of the confidence) so that an optimisation can be checked to change nothing.
// Not run by ctest; results go in tests/bench/RESULTS.md.
//
//   bench_propagation [--frames N] [--runs R] [--set NAME=VALUE]... CLIP

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <opencv2/imgproc.hpp>

#include "guide/GuidedBlend.h"
#include "guide/Propagation.h"
#include "media/VideoReader.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/WorkingGeometry.h"
#include "temporal/FlowCache.h"

using namespace cf;

namespace {

double cpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments().mid(1);
  int frames = 60;
  int runs = 1;
  guide::PropagationSettings ps;
  QString clip;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--frames") && i + 1 < args.size()) {
      frames = args[++i].toInt();
    } else if (args[i] == QLatin1String("--threads") && i + 1 < args.size()) {
      cv::setNumThreads(args[++i].toInt());  // OpenCV's own (DIS, remap...)
    } else if (args[i] == QLatin1String("--runs") && i + 1 < args.size()) {
      runs = args[++i].toInt();
    } else if (args[i] == QLatin1String("--set") && i + 1 < args.size()) {
      const QStringList kv = args[++i].split(QLatin1Char('='));
      const QString k = kv.value(0);
      const double v = kv.value(1).toDouble();
      if (k == QLatin1String("reanchor"))
        ps.reanchor = v != 0.0;
      else if (k == QLatin1String("reanchor_iterations"))
        ps.reanchor_iterations = int(v);
      else if (k == QLatin1String("direct_match"))
        ps.direct_match = v != 0.0;
      else if (k == QLatin1String("direct_every"))
        ps.direct_every = int(v);
      else if (k == QLatin1String("direct_coarser"))
        ps.direct_coarser = int(v);
      else {
        std::fprintf(stderr, "unknown setting %s\n", qPrintable(k));
        return 2;
      }
    } else {
      clip = args[i];
    }
  }
  auto reader = media::VideoReader::open(clip.toStdString());
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.message().c_str());
    return 1;
  }
  const int work_h = 256;
  std::vector<cv::Mat> l;
  for (int i = 0; i < frames; ++i) {
    auto f = (*reader)->next();
    if (!f || !*f)
      break;
    // As Colorizer::toWorkingResolution() (the export's working L).
    const cv::Mat full = pipeline::lumaL(**f);
    const int w = std::max(1, int(std::lround(double(full.cols) * work_h / full.rows)));
    cv::Mat small;
    cv::resize(full, small, cv::Size(w, work_h), 0, 0,
               work_h < full.rows ? cv::INTER_AREA : cv::INTER_LINEAR);
    l.push_back(small);
  }
  if (l.size() < 2) {
    std::fprintf(stderr, "fewer than 2 frames in %s\n", qPrintable(clip));
    return 1;
  }
  const cv::Size size = l.front().size();
  temporal::FlowSettings fs{cf::FlowMethod::Dis, pipeline::stageHeights(work_h).flow_px};
  const cv::Size link_size = temporal::FlowEstimator(fs).flowSize(size);
  temporal::MemoryFlowCache cache;
  temporal::FrameLinker linker(fs, cache);
  guide::LinkFn links = [&](int64_t from, int64_t to) {
    return linker.link({to, from}, l[size_t(to)], l[size_t(from)], link_size);
  };
  double t0 = cpuSeconds();
  for (size_t i = 1; i < l.size(); ++i)
    if (!links(int64_t(i), int64_t(i) - 1))
      return 1;
  const double links_s = cpuSeconds() - t0;
  guide::KeyframeColour key;
  key.frame = 0;
  key.ab = cv::Mat(size, CV_32FC2, cv::Scalar(10.0, -20.0));
  key.confidence = cv::Mat(size, CV_32FC1, cv::Scalar(1.0));
  key.full = true;
  std::printf("%s: %zu frames at %dx%d, links %.1f ms/frame (CPU)\n", qPrintable(clip), l.size(),
              size.width, size.height, 1000.0 * links_s / double(l.size() - 1));
  for (int r = 0; r < runs; ++r) {
    t0 = cpuSeconds();
    auto prop = guide::propagateShot(0, l, {key}, links, ps);
    const double prop_s = cpuSeconds() - t0;
    if (!prop) {
      std::fprintf(stderr, "%s\n", prop.message().c_str());
      return 1;
    }
    double sum_ab = 0.0;
    double sum_conf = 0.0;
    for (const guide::PropagatedColour& p : *prop) {
      sum_ab += cv::norm(p.ab, cv::NORM_L1);
      sum_conf += cv::sum(p.confidence)[0];
    }
    std::printf("  propagation %.1f ms/frame (CPU), checksum ab %.10e confidence %.10e\n",
                1000.0 * prop_s / double(l.size() - 1), sum_ab, sum_conf);
    // How much of each frame the propagation leaves unsure (confidence below the blend's full
    // trust, 0.5): the part where the network's colour counts.
    std::vector<double> shares, reached;
    for (const guide::PropagatedColour& p : *prop) {
      reached.push_back(p.reached_share);
      cv::Mat unsure = p.confidence < 0.5;
      shares.push_back(double(cv::countNonZero(unsure)) / double(unsure.total()));
    }
    const auto below = [&](double x) {
      return std::count_if(shares.begin(), shares.end(), [x](double s) { return s <= x; });
    };
    std::sort(shares.begin(), shares.end());
    std::sort(reached.begin(), reached.end());
    std::printf("  reached share (trusted and from inside the keyframe): median %.4f, min %.4f\n",
                reached[reached.size() / 2], reached[1]);  // [0]: the keyframe's own, -1
    // The blend's fill of the unsure part (GuidedBlend), which runs in the network stage.
    t0 = cpuSeconds();
    double sum_fill = 0.0;
    for (size_t i = 0; i < prop->size(); ++i) {
      const guide::BlendSettings bs;
      cv::Mat fill, q;
      guide::fillFromTrusted((*prop)[i], guide::trustOf((*prop)[i], bs), l[i], bs, &fill, &q);
      sum_fill += cv::norm(fill, cv::NORM_L1);
    }
    std::printf("  fill %.1f ms/frame (CPU), checksum %.10e\n",
                1000.0 * (cpuSeconds() - t0) / double(prop->size()), sum_fill);
    std::printf(
        "  unsure share (confidence < 0.5): median %.4f, max %.4f; frames with none %ld, "
        "<= 0.1 %% %ld, <= 1 %% %ld of %zu\n",
        shares[shares.size() / 2], shares.back(), long(below(0.0)), long(below(0.001)),
        long(below(0.01)), shares.size());
  }
  return 0;
}
