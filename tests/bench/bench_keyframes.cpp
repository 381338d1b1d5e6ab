// Benchmark of keyframe colour (issue #15) with the protocol of the reference-based papers: colour
// clips made grey, frame 0 in its true colours as the reference. Mean RGB PSNR over the first N
// frames and on the last of them for (a) automatic colourisation, (b) zero chroma, (c) frame 0's
// ab warped naively along the flow, (d) ours (propagation with re-anchoring, fed to the network as
// hints, merged by GuidedBlend), (d') ours without re-anchoring and (d'') ours with the blend of
// the third pass (no fill of the unsure part, no calibration of the network); and hints alone: 12
// points taken from the truth on frame 0, over the first H frames, against automatic. Scores at the
// source resolution after the L-guided upsampling, before the temporal smoothing (which runs on
// every variant alike in an export). Not run by ctest; results go in tests/bench/RESULTS.md.
//
//   bench_keyframes [--frames N] [--hint-frames H] [--model FILE] [--quick] [--dump DIR]
//                   [--per-frame] [--set NAME=VALUE]... CLIP...
//
// --per-frame prints every 5th frame's PSNR of the naive warp, the propagated colour alone and
// ours, with the share of the frame the propagation is unsure of (confidence < 0.5) and the share
// it does not reach (< 0.02).
// --dump DIR writes DIR/CLIP.png per clip: frames 0, 20, 40 and the last (rows); truth, naive
// warp, ours with the old blend, ours (columns), at half size.

#include <QCoreApplication>
#include <QStringList>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "color/GuidedUpsampler.h"
#include "color/LabConversion.h"
#include "guide/GuidedBlend.h"
#include "guide/Propagation.h"
#include "media/FrameToRgb.h"
#include "media/VideoReader.h"
#include "model/Colorizer.h"
#include "pipeline/FrameConversions.h"
#include "pipeline/ModelLocator.h"
#include "pipeline/WorkingGeometry.h"
#include "temporal/FlowCache.h"

using namespace cf;

namespace {

double psnr(const cv::Mat& a, const cv::Mat& b) {
  const double mse = cv::norm(a, b, cv::NORM_L2SQR) / double(a.total() * a.channels());
  return 10.0 * std::log10(255.0 * 255.0 / std::max(mse, 1e-10));
}

struct Clip {
  std::vector<cv::Mat> l_full, l_work, truth_rgb, truth_ab;
};

Clip load(const std::string& path, int frames, const model::Colorizer& colorizer) {
  Clip c;
  auto reader = media::VideoReader::open(path);
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.message().c_str());
    return c;
  }
  for (int i = 0; i < frames; ++i) {
    auto f = (*reader)->next();
    if (!f || !*f)
      break;
    auto rgb = media::frameToRgb8(**f);
    if (!rgb)
      break;
    c.l_full.push_back(pipeline::lumaL(**f));
    c.l_work.push_back(colorizer.toWorkingResolution(c.l_full.back()));
    c.truth_rgb.push_back(*rgb);
    cv::Mat small, l, ab;
    cv::resize(*rgb, small, c.l_work.back().size(), 0, 0, cv::INTER_AREA);
    small.convertTo(small, CV_32F, 1.0 / 255.0);
    color::splitLab(color::rgbToLab(small), &l, &ab);
    c.truth_ab.push_back(ab);
  }
  return c;
}

// PSNR of each frame of `ab` (working resolution) against the truth.
std::vector<double> scores(const Clip& c, const std::vector<cv::Mat>& ab, size_t n) {
  std::vector<double> s;
  for (size_t i = 0; i < n; ++i)
    s.push_back(psnr(color::recombineToRgb8(c.l_full[i], ab[i]), c.truth_rgb[i]));
  return s;
}

double mean(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v)
    sum += x;
  return v.empty() ? 0.0 : sum / double(v.size());
}

// The network's output for each frame, guided by the propagated colour's hints when `prop` is set.
std::vector<model::ColorizedFrame> network(model::Colorizer& colorizer,
                                           const std::vector<cv::Mat>& l,
                                           const std::vector<guide::PropagatedColour>* prop) {
  std::vector<model::ColorizedFrame> out;
  for (size_t b0 = 0; b0 < l.size(); b0 += 8) {
    const size_t b1 = std::min(l.size(), b0 + 8);
    std::vector<cv::Mat> in(l.begin() + long(b0), l.begin() + long(b1));
    std::vector<model::ColorHints> hints;
    if (prop)
      for (size_t i = b0; i < b1; ++i) {
        model::ColorHints h;
        guide::networkHints((*prop)[i], &h.ab, &h.mask);
        hints.push_back(h);
      }
    auto r = colorizer.colorize(in, hints);
    if (!r) {
      std::fprintf(stderr, "%s\n", r.message().c_str());
      std::exit(1);
    }
    for (model::ColorizedFrame& f : *r)
      out.push_back(std::move(f));
  }
  return out;
}

std::vector<cv::Mat> abOf(const std::vector<model::ColorizedFrame>& net) {
  std::vector<cv::Mat> out;
  for (const model::ColorizedFrame& f : net)
    out.push_back(f.ab);
  return out;
}

// The network's guided output merged with the propagated colour.
std::vector<cv::Mat> blended(const std::vector<guide::PropagatedColour>& prop,
                             const std::vector<cv::Mat>& l,
                             const std::vector<model::ColorizedFrame>& net,
                             const guide::BlendSettings& settings) {
  std::vector<cv::Mat> out;
  for (size_t i = 0; i < net.size(); ++i)
    out.push_back(
        guide::blendGuided(prop[i], l[i], net[i].ab, net[i].confidence, 1.0, settings).ab);
  return out;
}

void writeSheet(const std::string& path, const std::vector<size_t>& frames,
                const std::vector<std::vector<cv::Mat>>& columns) {
  std::vector<cv::Mat> rows;
  for (size_t r = 0; r < frames.size(); ++r) {
    std::vector<cv::Mat> cells;
    for (const std::vector<cv::Mat>& col : columns) {
      cv::Mat cell;
      cv::resize(col[r], cell, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
      cells.push_back(cell);
    }
    cv::Mat row;
    cv::hconcat(cells, row);
    rows.push_back(row);
  }
  cv::Mat sheet, bgr;
  cv::vconcat(rows, sheet);
  cv::cvtColor(sheet, bgr, cv::COLOR_RGB2BGR);
  cv::imwrite(path, bgr);
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QStringList args = app.arguments().mid(1);
  int frames = 60;
  int hint_frames = 40;
  std::string model_path = pipeline::defaultModelPath();
  QStringList clips;
  guide::PropagationSettings ps;
  bool quick = false;
  bool per_frame = false;
  QString dump_dir;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--quick")) {
      quick = true;
      continue;
    }
    if (args[i] == QLatin1String("--per-frame")) {
      per_frame = true;
      continue;
    }
    if (args[i] == QLatin1String("--dump") && i + 1 < args.size()) {
      dump_dir = args[++i];
      continue;
    }
    if (args[i] == QLatin1String("--set") && i + 1 < args.size()) {
      // --set name=value: one PropagationSettings field (a variant to compare).
      const QStringList kv = args[++i].split(QLatin1Char('='));
      const QString k = kv.value(0);
      const double v = kv.value(1).toDouble();
      if (k == QLatin1String("reanchor_iterations"))
        ps.reanchor_iterations = int(v);
      else if (k == QLatin1String("match_finest_scale"))
        ps.match_finest_scale = int(v);
      else if (k == QLatin1String("match_height_px"))
        ps.match_height_px = int(v);
      else if (k == QLatin1String("direct_coarser"))
        ps.direct_coarser = int(v);
      else if (k == QLatin1String("direct_every"))
        ps.direct_every = int(v);
      else if (k == QLatin1String("direct_match"))
        ps.direct_match = v != 0.0;
      else if (k == QLatin1String("reanchor"))
        ps.reanchor = v != 0.0;
      else if (k == QLatin1String("luma_sigma"))
        ps.luma_sigma = v;
      else if (k == QLatin1String("residual_sigma_px"))
        ps.residual_sigma_px = v;
      else {
        std::fprintf(stderr, "unknown setting %s\n", qPrintable(k));
        return 2;
      }
      continue;
    }
    if (args[i] == QLatin1String("--frames") && i + 1 < args.size())
      frames = args[++i].toInt();
    else if (args[i] == QLatin1String("--hint-frames") && i + 1 < args.size())
      hint_frames = args[++i].toInt();
    else if (args[i] == QLatin1String("--model") && i + 1 < args.size())
      model_path = args[++i].toStdString();
    else
      clips << args[i];
  }
  model::ColorizerSettings cs;
  cs.model_path = QString::fromStdString(model_path);
  cs.device = cf::DeviceChoice::Cpu;
  auto colorizer = model::Colorizer::create(cs);
  if (!colorizer) {
    std::fprintf(stderr, "%s\n", colorizer.message().c_str());
    return 1;
  }
  temporal::FlowSettings fs{cf::FlowMethod::Dis, pipeline::stageHeights(256).flow_px};
  std::printf(
      "%-34s %6s | %7s %7s %7s %7s %7s %7s | %7s %7s %7s %7s %7s %7s | %7s %7s | %7s %7s | %5s "
      "%5s %5s\n",
      "clip", "frames", "auto", "zero", "naive", "ours", "noanch", "oldbl", "auto@L", "zero@L",
      "naive@L", "ours@L", "noan@L", "oldb@L", "autoH", "hints", "prop", "prop@L", "link s",
      "prop s", "net s");
  std::vector<std::vector<double>> rows;
  for (const QString& clip_path : clips) {
    Clip c = load(clip_path.toStdString(), frames, **colorizer);
    if (c.l_work.size() < 2)
      continue;
    const size_t n = c.l_work.size();
    temporal::MemoryFlowCache cache;
    temporal::FrameLinker linker(fs, cache);
    const cv::Size size = c.l_work[0].size();
    // As the export computes them: at the flows' own resolution.
    const cv::Size link_size = temporal::FlowEstimator(fs).flowSize(size);
    guide::LinkFn links = [&](int64_t from, int64_t to) {
      return linker.link({to, from}, c.l_work[size_t(to)], c.l_work[size_t(from)], link_size);
    };
    guide::KeyframeColour ref;
    ref.frame = 0;
    ref.ab = c.truth_ab[0];
    ref.confidence = cv::Mat(size, CV_32FC1, cv::Scalar(1.0));
    ref.full = true;

    const auto auto_ab = abOf(network(**colorizer, c.l_work, nullptr));
    std::vector<cv::Mat> zero(n, cv::Mat::zeros(size, CV_32FC2));
    auto naive = guide::naiveWarpForward(0, c.l_work, ref, links);
    auto t0 = std::chrono::steady_clock::now();
    // The links first, so that the propagation's time is its own work.
    for (size_t i = 1; i < n; ++i)
      if (!links(int64_t(i), int64_t(i) - 1))
        return 1;
    const double links_s = secondsSince(t0);
    t0 = std::chrono::steady_clock::now();
    auto prop = guide::propagateShot(0, c.l_work, {ref}, links, ps);
    const double prop_s = secondsSince(t0);
    guide::PropagationSettings no_anchor = ps;
    no_anchor.reanchor = false;
    auto prop_na = quick ? prop : guide::propagateShot(0, c.l_work, {ref}, links, no_anchor);
    if (!naive || !prop || !prop_na) {
      std::fprintf(stderr, "propagation failed\n");
      return 1;
    }
    t0 = std::chrono::steady_clock::now();
    const auto net = network(**colorizer, c.l_work, &*prop);
    const auto ours = blended(*prop, c.l_work, net, {});
    const double net_s = secondsSince(t0);
    const auto ours_old = blended(*prop, c.l_work, net, guide::BlendSettings::withoutFill());
    const auto ours_na =
        quick ? ours : blended(*prop_na, c.l_work, network(**colorizer, c.l_work, &*prop_na), {});
    std::vector<cv::Mat> prop_only;
    for (const guide::PropagatedColour& p : *prop)
      prop_only.push_back(p.ab);

    // Hints alone: 12 points (a 4 x 3 grid) with the true colour of frame 0 at each.
    const size_t hn = std::min(n, size_t(quick ? 2 : hint_frames));
    std::vector<guide::HintPoint> points;
    for (int gy = 0; gy < 3; ++gy)
      for (int gx = 0; gx < 4; ++gx) {
        guide::HintPoint h;
        h.x = (gx + 0.5) / 4.0;
        h.y = (gy + 0.5) / 3.0;
        const cv::Mat& rgb = c.truth_rgb[0];
        const cv::Vec3b px = rgb.at<cv::Vec3b>(int(h.y * rgb.rows), int(h.x * rgb.cols));
        h.r = px[0];
        h.g = px[1];
        h.b = px[2];
        points.push_back(h);
      }
    std::vector<cv::Mat> l_h(c.l_work.begin(), c.l_work.begin() + long(hn));
    auto hprop =
        guide::propagateShot(0, l_h, {guide::keyframeColour(0, {}, points, size, 0)}, links, {});
    if (!hprop)
      return 1;
    const auto hinted = blended(*hprop, l_h, network(**colorizer, l_h, &*hprop), {});

    std::vector<double> row;
    const std::vector<cv::Mat>* variants[] = {&auto_ab, &zero, &*naive, &ours, &ours_na, &ours_old};
    for (const std::vector<cv::Mat>* v : variants) {
      const auto s = scores(c, *v, n);
      row.push_back(mean(s));
      row.push_back(s.back());
    }
    row.push_back(mean(scores(c, auto_ab, hn)));
    row.push_back(mean(scores(c, hinted, hn)));
    const auto po = scores(c, prop_only, n);
    if (per_frame) {
      const auto sn = scores(c, *naive, n);
      const auto so = scores(c, ours, n);
      for (size_t i = 0; i < n; i += 5) {
        cv::Mat unsure = (*prop)[i].confidence < 0.5;
        cv::Mat none = (*prop)[i].confidence < 0.02;
        std::printf("  frame %2zu naive %6.2f prop %6.2f ours %6.2f unsure %.3f none %.3f\n", i,
                    sn[i], po[i], so[i], cv::countNonZero(unsure) / double(unsure.total()),
                    cv::countNonZero(none) / double(none.total()));
      }
    }
    row.push_back(mean(po));
    row.push_back(po.back());
    rows.push_back(row);
    if (!dump_dir.isEmpty()) {
      std::vector<size_t> at;
      for (size_t i : {size_t(0), size_t(20), size_t(40), n - 1})
        if (i < n && (at.empty() || i > at.back()))
          at.push_back(i);
      std::vector<std::vector<cv::Mat>> columns(4);
      for (size_t i : at) {
        columns[0].push_back(c.truth_rgb[i]);
        columns[1].push_back(color::recombineToRgb8(c.l_full[i], (*naive)[i]));
        columns[2].push_back(color::recombineToRgb8(c.l_full[i], ours_old[i]));
        columns[3].push_back(color::recombineToRgb8(c.l_full[i], ours[i]));
      }
      writeSheet((dump_dir + QLatin1Char('/') +
                  clip_path.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0) +
                  QStringLiteral(".png"))
                     .toStdString(),
                 at, columns);
    }
    std::printf(
        "%-34s %6zu | %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | "
        "%7.2f %7.2f | %7.2f %7.2f | %5.1f %5.1f %5.1f\n",
        clip_path.section(QLatin1Char('/'), -1).toUtf8().constData(), n, row[0], row[2], row[4],
        row[6], row[8], row[10], row[1], row[3], row[5], row[7], row[9], row[11], row[12], row[13],
        row[14], row[15], links_s, prop_s, net_s);
    std::fflush(stdout);
  }
  if (rows.empty())
    return 1;
  std::vector<double> avg(rows[0].size(), 0.0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i)
      avg[i] += r[i] / double(rows.size());
  std::printf(
      "%-34s %6s | %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f | "
      "%7.2f %7.2f | %7.2f %7.2f\n",
      "MEAN", "", avg[0], avg[2], avg[4], avg[6], avg[8], avg[10], avg[1], avg[3], avg[5], avg[7],
      avg[9], avg[11], avg[12], avg[13], avg[14], avg[15]);
  return 0;
}
