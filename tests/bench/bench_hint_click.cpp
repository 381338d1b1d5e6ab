// Benchmark of the hint tool's live re-colour (issue #15): the time from a click (a new hint in the
// guidance) to the re-coloured preview of the current frame, through the editor's engine path
// (Session::setGuidance + Session::preview: the keyframe re-coloured alone by one network pass
// with its hint channels, before the shot propagates). The frame's preview window is warm, as it
// is when the user looks at the frame before clicking. Also the suggested colours at a pixel
// (Session::suggestedColours). Median of several clicks at different points. Target: 300 ms at
// the default working height on the 2-core CPU. Not run by ctest; results go in RESULTS.md.
//
//   bench_hint_click [--frame N] [--clicks K] [--height PX] [--model FILE] CLIP

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "pipeline/Session.h"

using namespace cf;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QStringList args = app.arguments();
  args.removeFirst();
  int64_t frame = 30;
  int clicks = 7;
  pipeline::SessionSettings settings;  // defaults: the shipped model, 256 px, auto device
  settings.cache_dir = "/tmp/bench_hint_click_cache";
  std::string clip;
  for (int i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--frame" && has_value)
      frame = args[++i].toLongLong();
    else if (a == "--clicks" && has_value)
      clicks = args[++i].toInt();
    else if (a == "--height" && has_value)
      settings.working_height_px = args[++i].toInt();
    else if (a == "--model" && has_value)
      settings.model_path = args[++i].toStdString();
    else
      clip = a.toStdString();
  }
  if (clip.empty()) {
    std::fprintf(stderr,
                 "usage: bench_hint_click [--frame N] [--clicks K] [--height PX] "
                 "[--model FILE] CLIP\n");
    return 2;
  }
  auto session = pipeline::Session::open(clip, settings);
  if (!session) {
    std::fprintf(stderr, "%s\n", session.message().c_str());
    return 1;
  }
  pipeline::Session& s = **session;
  // Warm: the model is loaded and the frame's window analysed, as when the user looks at it.
  const auto t_warm = std::chrono::steady_clock::now();
  auto warm = s.preview({frame, settings.lambda}, {});
  if (!warm) {
    std::fprintf(stderr, "%s\n", warm.message().c_str());
    return 1;
  }
  const double warm_ms = msSince(t_warm);
  std::vector<double> click_ms, suggest_ms, again_ms;
  for (int k = 0; k < 3; ++k) {  // the same preview again: decode and recombination only
    const auto t0 = std::chrono::steady_clock::now();
    if (!s.preview({frame, settings.lambda}, {}))
      return 1;
    again_ms.push_back(msSince(t0));
  }
  guide::Guidance g;
  for (int k = 0; k < clicks; ++k) {
    guide::HintPoint h;
    h.frame = frame;
    h.x = 0.15 + 0.7 * double(k) / std::max(1, clicks - 1);
    h.y = 0.3 + 0.4 * double(k % 3) / 2.0;
    h.r = uint8_t(40 + 30 * k);
    h.g = 80;
    h.b = uint8_t(200 - 25 * k);
    auto t0 = std::chrono::steady_clock::now();
    auto colours = s.suggestedColours(frame, h.x, h.y);
    suggest_ms.push_back(msSince(t0));
    if (!colours) {
      std::fprintf(stderr, "%s\n", colours.message().c_str());
      return 1;
    }
    g.hints.push_back(h);
    t0 = std::chrono::steady_clock::now();
    s.setGuidance(g);
    auto p = s.preview({frame, settings.lambda}, {});
    click_ms.push_back(msSince(t0));
    if (!p || (*p)->guide != pipeline::GuideState::Pending) {
      std::fprintf(stderr, "the click did not re-colour the keyframe: %s\n",
                   p ? "wrong state" : p.message().c_str());
      return 1;
    }
  }
  std::printf("clip %s, frame %lld, %dx%d, working height %d px, %s\n", clip.c_str(),
              static_cast<long long>(frame), s.info().width_px, s.info().height_px,
              settings.working_height_px, s.info().device_name.c_str());
  std::printf("first preview (model load + window analysis): %.0f ms\n", warm_ms);
  std::printf("click -> re-coloured frame: median %.1f ms (min %.1f, max %.1f, %d clicks)\n",
              median(click_ms), *std::min_element(click_ms.begin(), click_ms.end()),
              *std::max_element(click_ms.begin(), click_ms.end()), clicks);
  std::printf("the same preview again (decode + recombination, no network): median %.1f ms\n",
              median(again_ms));
  std::printf("suggested colours at a pixel: median %.1f ms\n", median(suggest_ms));
  return 0;
}
