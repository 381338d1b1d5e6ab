// Keyframe colour propagation (core/guide/Propagation.h) on generated clips: one reference on
// frame 0 colours a moving textured object right in every frame, holds through an occlusion,
// two keyframes cross-fade, and the composed, re-anchored map drifts less than naive warping.

#include <QtTest>
#include <algorithm>
#include <map>
#include <opencv2/imgproc.hpp>

#include "SyntheticVideo.h"
#include "guide/KeyframeReach.h"
#include "guide/Propagation.h"
#include "temporal/OpticalFlow.h"

using namespace cf;

namespace {

const cv::Size kSize(192, 128);
const cv::Vec2f kBackground(-20.f, -25.f);  // teal
const cv::Vec2f kObject(55.f, 40.f);        // red

// Links computed on demand (flow from `from` to `to`), as the export's FrameLinker gives them:
// at the flow's own resolution (flow_height_px high; 0: the frames' size).
guide::LinkFn linksOf(const std::vector<cv::Mat>& l, int flow_height_px = 0) {
  auto estimator = std::make_shared<temporal::FlowEstimator>(
      temporal::FlowSettings{cf::FlowMethod::Dis, flow_height_px});
  return [&l, estimator](int64_t from, int64_t to) {
    return temporal::computeFrameLink(*estimator, l[static_cast<size_t>(to)],
                                      l[static_cast<size_t>(from)],
                                      estimator->flowSize(l[0].size()));
  };
}

guide::KeyframeColour reference(int64_t frame, const cv::Mat& ab) {
  guide::KeyframeColour k;
  k.frame = frame;
  k.ab = ab.clone();
  k.confidence = cv::Mat(ab.size(), CV_32FC1, cv::Scalar(1.0));
  k.full = true;
  return k;
}

// A hint-only keyframe: `ab` known in a disc of 12 px at the centre of frame `frame`.
guide::KeyframeColour hintDisc(int64_t frame, const cv::Mat& ab) {
  guide::KeyframeColour k;
  k.frame = frame;
  k.ab = ab.clone();
  k.confidence = cv::Mat::zeros(ab.size(), CV_32FC1);
  cv::circle(k.confidence, {ab.cols / 2, ab.rows / 2}, 12, cv::Scalar(1.0), cv::FILLED);
  k.full = false;
  return k;
}

// A WaitingColour that keeps what is parked in memory, as copies (a spill file keeps no shared
// pixels), and records the order of parks and unparks. Parking a colour without pixels is an
// error: no sweep reached that frame.
struct ParkedInMemory {
  std::map<int64_t, guide::PropagatedColour> parked;
  std::vector<int64_t> park_order, unpark_order, with_weights;

  guide::WaitingColour waiting() {
    guide::WaitingColour w;
    w.park = [this](int64_t i, guide::PropagatedColour&& c) -> Status {
      if (c.ab.empty())
        return makeError("frame " + std::to_string(i) + " parked without colour");
      if (!c.weight.empty())
        with_weights.push_back(i);
      parked[i] = guide::PropagatedColour{c.ab.clone(), c.confidence.clone(), c.reached_share,
                                          c.weight.clone()};
      park_order.push_back(i);
      return {};
    };
    w.unpark = [this](int64_t i) -> Result<guide::PropagatedColour> {
      auto it = parked.find(i);
      if (it == parked.end())
        return makeError("not parked");
      guide::PropagatedColour c = it->second;
      parked.erase(it);
      unpark_order.push_back(i);
      return c;
    };
    return w;
  }
};

// The largest difference between two propagations' colour or confidence, over all frames.
double largestDifference(const std::vector<guide::PropagatedColour>& a,
                         const std::vector<guide::PropagatedColour>& b) {
  if (a.size() != b.size())
    return 1e9;
  double worst = 0.0;
  for (size_t t = 0; t < a.size(); ++t)
    worst = std::max({worst, cv::norm(a[t].ab, b[t].ab, cv::NORM_INF),
                      cv::norm(a[t].confidence, b[t].confidence, cv::NORM_INF)});
  return worst;
}

double abDistance(cv::Vec2f a, cv::Vec2f b) {
  return std::hypot(double(a[0] - b[0]), double(a[1] - b[1]));
}

// The object's pixels away from its border (the flow is not exact at edges).
cv::Mat inner(const cv::Mat& mask) {
  cv::Mat m;
  cv::erode(mask, m, cv::Mat(), cv::Point(-1, -1), 2);
  return m;
}

}  // namespace

class TestPropagation : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void oneReferenceColoursEveryFrame_data() {
    QTest::addColumn<int>("flow_height_px");
    QTest::newRow("links at the frames' size") << 0;
    // As the export gives them: at the flow's resolution, half the frames' (the sweep scales them).
    QTest::newRow("links at half size") << kSize.height / 2;
  }

  void oneReferenceColoursEveryFrame() {
    QFETCH(int, flow_height_px);
    const int frames = 24;
    auto video = test::movingObjectVideo(frames, kSize, 22, {8.f, 20.f}, {1.5f, 0.5f}, kBackground,
                                         kObject, 11);
    auto links = linksOf(video.l, flow_height_px);
    if (flow_height_px > 0)
      QCOMPARE((*links(1, 0))->flow_to_prev.rows, flow_height_px);
    auto prop = guide::propagateShot(0, video.l, {reference(0, video.ab[0])}, links, {});
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    QCOMPARE(prop->size(), size_t(frames));
    for (int t = 0; t < frames; ++t) {
      const cv::Mat obj = inner(video.object_mask[size_t(t)]);
      cv::Mat bg;
      cv::bitwise_not(video.object_mask[size_t(t)], bg);
      cv::erode(bg, bg, cv::Mat(), cv::Point(-1, -1), 3);
      // Most of the object is confident, and confidently the right colour (the network fills
      // the rest in the export).
      const cv::Mat confident = obj & ((*prop)[size_t(t)].confidence > 0.5);
      QVERIFY2(cv::countNonZero(confident) >= 0.7 * cv::countNonZero(obj),
               qPrintable(QStringLiteral("frame %1: %2 of %3 object pixels confident")
                              .arg(t)
                              .arg(cv::countNonZero(confident))
                              .arg(cv::countNonZero(obj))));
      const cv::Vec2f on_obj = test::meanAb((*prop)[size_t(t)].ab, confident);
      const cv::Vec2f on_bg = test::meanAb((*prop)[size_t(t)].ab, bg);
      QVERIFY2(
          abDistance(on_obj, kObject) < 8.0,
          qPrintable(
              QStringLiteral("frame %1: object ab (%2, %3)").arg(t).arg(on_obj[0]).arg(on_obj[1])));
      QVERIFY2(abDistance(on_bg, kBackground) < 4.0, qPrintable(QString::number(t)));
    }
  }

  void holdsThroughAnOcclusion() {
    // A dark bar sweeps left across the frame and passes over the red object.
    const int frames = 30;
    auto video = test::movingObjectVideo(frames, kSize, 22, {20.f, 20.f}, {1.0f, 0.f}, kBackground,
                                         kObject, 21);
    const cv::Mat bar_tex = test::randomTexture(cv::Size(10, kSize.height), 5, 3.f, 9.f);
    std::vector<cv::Mat> bar_mask(frames);
    for (int t = 0; t < frames; ++t) {
      const int x0 = 90 - 4 * t;  // enters at frame ~0, covers the object around frames 10-18
      bar_mask[size_t(t)] = cv::Mat::zeros(kSize, CV_8UC1);
      for (int x = std::max(0, x0); x < std::min(kSize.width, x0 + 10); ++x) {
        bar_tex.col(x - x0).copyTo(video.l[size_t(t)].col(x));
        bar_mask[size_t(t)].col(x).setTo(255);
        video.ab[size_t(t)].col(x).setTo(cv::Scalar(0.0, 0.0));  // a grey bar
        video.object_mask[size_t(t)].col(x).setTo(0);
      }
    }
    auto links = linksOf(video.l);
    auto prop = guide::propagateShot(0, video.l, {reference(0, video.ab[0])}, links, {});
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    int frames_after = 0;
    for (int t = 0; t < frames; ++t) {
      const cv::Mat obj = inner(video.object_mask[size_t(t)]);
      if (cv::countNonZero(obj) < 20)
        continue;
      // Visible object pixels keep the colour, with confidence where it counts: near the bar the
      // flow is unreliable (the network takes over there), once the bar has passed it is back.
      const cv::Mat& ab = (*prop)[size_t(t)].ab;
      const cv::Mat& conf = (*prop)[size_t(t)].confidence;
      cv::Mat near_bar;
      cv::dilate(bar_mask[size_t(t)], near_bar, cv::Mat(), cv::Point(-1, -1), 8);
      const bool bar_near = cv::countNonZero(near_bar & video.object_mask[size_t(t)]) > 0;
      cv::Mat confident = obj & (conf > 0.5);
      const bool after = t > 8 && !bar_near;  // the bar has crossed the object
      frames_after += after ? 1 : 0;
      qInfo("frame %d: %s, %d of %d object pixels confident", t, bar_near ? "bar near" : "clear",
            cv::countNonZero(confident), cv::countNonZero(obj));
      if (bar_near)  // slivers beside the bar: the network's
        confident = confident & 0;
      else
        QVERIFY2(cv::countNonZero(confident) > 0.3 * cv::countNonZero(obj),
                 qPrintable(QStringLiteral("frame %1: %2 of %3 object pixels confident")
                                .arg(t)
                                .arg(cv::countNonZero(confident))
                                .arg(cv::countNonZero(obj))));
      const cv::Vec2f on_obj = test::meanAb(ab, confident);
      QVERIFY2(
          bar_near || abDistance(on_obj, kObject) < 8.0,
          qPrintable(
              QStringLiteral("frame %1: object ab (%2, %3)").arg(t).arg(on_obj[0]).arg(on_obj[1])));
      // The occluder never carries the object's colour with confidence.
      cv::Mat bar;
      cv::erode(bar_mask[size_t(t)], bar, cv::Mat(), cv::Point(-1, -1), 2);
      cv::Mat red;
      cv::Mat dist;
      cv::absdiff(ab, cv::Scalar(kObject[0], kObject[1]), dist);
      cv::transform(dist, dist, cv::Matx12f(1.f, 1.f));
      red = bar & (dist < 40.f) & (conf > 0.3);
      QVERIFY2(cv::countNonZero(red) <= cv::countNonZero(bar) / 20,
               qPrintable(QStringLiteral("frame %1: %2 of %3 bar pixels confidently red")
                              .arg(t)
                              .arg(cv::countNonZero(red))
                              .arg(cv::countNonZero(bar))));
    }
    QVERIFY2(frames_after >= 5, qPrintable(QString::number(frames_after)));
  }

  void twoKeyframesBlend() {
    const int frames = 11;
    auto video = test::movingObjectVideo(frames, kSize, 22, {20.f, 20.f}, {1.f, 0.f}, kBackground,
                                         kObject, 31);
    // Two references that disagree on the whole frame: (40, 0) on frame 0, (0, 40) on frame 10.
    const cv::Mat a(kSize, CV_32FC2, cv::Scalar(40.0, 0.0));
    const cv::Mat b(kSize, CV_32FC2, cv::Scalar(0.0, 40.0));
    auto links = linksOf(video.l);
    auto prop = guide::propagateShot(0, video.l, {reference(0, a), reference(10, b)}, links, {});
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    const cv::Mat centre = cv::Mat::zeros(kSize, CV_8UC1);
    centre(cv::Rect(16, 12, 64, 40)).setTo(255);
    for (int t : {0, 2, 5, 8, 10}) {
      const cv::Vec2f m = test::meanAb((*prop)[size_t(t)].ab, centre);
      const float share_b = float(t) / 10.f;  // linear cross-fade by distance
      QVERIFY2(
          std::abs(m[0] - 40.f * (1.f - share_b)) < 2.5f && std::abs(m[1] - 40.f * share_b) < 2.5f,
          qPrintable(QStringLiteral("frame %1: (%2, %3)").arg(t).arg(m[0]).arg(m[1])));
    }
    // A keyframe's own frame, which no other sweep reaches, keeps its reference exactly (a frame
    // with one contribution is not put through the weighted mean's arithmetic).
    QCOMPARE(cv::norm((*prop)[0].ab, a, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm((*prop)[10].ab, b, cv::NORM_INF), 0.0);
    QCOMPARE(cv::countNonZero((*prop)[10].confidence != 1.0f), 0);
  }

  void hintOnlyKeyframeCarriesItsDisc() {
    const int frames = 12;
    auto video = test::movingObjectVideo(frames, kSize, 22, {10.f, 20.f}, {2.f, 0.f}, kBackground,
                                         kObject, 41);
    guide::HintPoint h;
    h.frame = 0;
    h.x = 21.0 / kSize.width;  // the object's centre on frame 0
    h.y = 31.0 / kSize.height;
    h.r = 200;
    h.g = 30;
    h.b = 30;
    h.radius = 0.08;
    const guide::KeyframeColour k = guide::keyframeColour(0, {}, {h}, kSize, 0);
    QVERIFY(!k.full);
    QVERIFY(cv::countNonZero(k.confidence) > 10);
    auto prop = guide::propagateShot(0, video.l, {k}, linksOf(video.l), {});
    QVERIFY(prop.ok());
    const cv::Vec2f hint_ab = guide::srgbToAb(200, 30, 30);
    for (int t = 0; t < frames; ++t) {
      // The disc moves with the object: confident pixels have the hint's colour, inside the object.
      const cv::Mat confident = (*prop)[size_t(t)].confidence > 0.5;
      QVERIFY2(cv::countNonZero(confident) > 5, qPrintable(QString::number(t)));
      QVERIFY(abDistance(test::meanAb((*prop)[size_t(t)].ab, confident), hint_ab) < 3.0);
      cv::Mat outside;
      cv::bitwise_not(video.object_mask[size_t(t)], outside);
      QVERIFY2(cv::countNonZero(confident & outside) <= 3, qPrintable(QString::number(t)));
    }
  }

  void aHintOnlyKeyframeKeepsTheReferenceAwayFromItsHints() {
    // A reference on frame 0 and one hint on frame 30: frame 30 keeps the reference's colour and
    // confidence away from the hint's disc, as without the hint. (The weight floor used to be
    // scaled by 1 / distance, so the hint keyframe's own empty pixels outweighed the reference
    // there: about a quarter of its colour and confidence lost on this one frame, a flash.)
    const int frames = 31;
    auto video = test::movingObjectVideo(frames, kSize, 22, {10.f, 20.f}, {1.f, 0.f}, kBackground,
                                         kObject, 43);
    auto links = linksOf(video.l);
    guide::HintPoint h;
    h.frame = 30;
    h.x = 0.85;
    h.y = 0.2;
    h.r = 30;
    h.g = 60;
    h.b = 200;
    h.radius = 0.08;
    const guide::KeyframeColour hint = guide::keyframeColour(30, {}, {h}, kSize, 0);
    QVERIFY(!hint.full);
    auto alone = guide::propagateShot(0, video.l, {reference(0, video.ab[0])}, links, {});
    auto both = guide::propagateShot(0, video.l, {reference(0, video.ab[0]), hint}, links, {});
    QVERIFY(alone.ok() && both.ok());
    cv::Mat away;  // pixels well away from the hint's disc
    cv::dilate(hint.confidence > 0.0f, away, cv::Mat(), cv::Point(-1, -1), 4);
    cv::bitwise_not(away, away);
    QVERIFY(cv::countNonZero(away) > int(kSize.area()) / 2);
    const guide::PropagatedColour& a = (*alone)[30];
    const guide::PropagatedColour& b = (*both)[30];
    cv::Mat diff;
    cv::absdiff(a.ab, b.ab, diff);
    const cv::Scalar mean_diff = cv::mean(diff, away);
    QVERIFY2(
        mean_diff[0] < 0.25 && mean_diff[1] < 0.25,
        qPrintable(QStringLiteral("ab moved by (%1, %2)").arg(mean_diff[0]).arg(mean_diff[1])));
    const double conf_alone = cv::mean(a.confidence, away)[0];
    const double conf_both = cv::mean(b.confidence, away)[0];
    QVERIFY2(conf_alone > 0.5 && conf_both > 0.98 * conf_alone,
             qPrintable(QStringLiteral("confidence %1 -> %2").arg(conf_alone).arg(conf_both)));
    // And the hint holds on its own frame.
    const cv::Mat disc = hint.confidence > 0.99f;
    QVERIFY(abDistance(test::meanAb(b.ab, disc), guide::srgbToAb(30, 60, 200)) < 1.0);

    // A faint reference (confidence 0.1: its sweep's weight at frame 30 is what a full one's
    // is about 300 frames away): the hint's sweep, empty away from its disc, leaves it alone there
    // too.
    guide::KeyframeColour faint = reference(0, video.ab[0]);
    faint.confidence.setTo(0.1);
    auto faint_alone = guide::propagateShot(0, video.l, {faint}, links, {});
    auto faint_both = guide::propagateShot(0, video.l, {faint, hint}, links, {});
    QVERIFY(faint_alone.ok() && faint_both.ok());
    cv::Mat faint_diff;
    cv::absdiff((*faint_alone)[30].ab, (*faint_both)[30].ab, faint_diff);
    const cv::Scalar fd = cv::mean(faint_diff, away);
    QVERIFY2(
        fd[0] < 0.1 && fd[1] < 0.1,
        qPrintable(QStringLiteral("faint reference: ab moved by (%1, %2)").arg(fd[0]).arg(fd[1])));
  }

  void reanchoringDriftsLessThanNaiveWarp() {
    // A slow sub-pixel motion: every naive warp resamples (blurs) the colour once more.
    const int frames = 30;
    auto video = test::movingObjectVideo(frames, kSize, 22, {10.f, 20.f}, {1.7f, 0.3f}, kBackground,
                                         kObject, 51);
    auto links = linksOf(video.l);
    const guide::KeyframeColour k = reference(0, video.ab[0]);
    for (int t : {1, 10, 20}) {
      auto lk = links(t, t - 1);
      const cv::Scalar mf = cv::mean((*lk)->flow_to_prev, inner(video.object_mask[size_t(t)]));
      qInfo("flow %d->%d on the object: (%.2f, %.2f)", t, t - 1, mf[0], mf[1]);
    }
    auto ours = guide::propagateShot(0, video.l, {k}, links, {});
    guide::PropagationSettings na;
    na.reanchor = false;
    auto noanchor = guide::propagateShot(0, video.l, {k}, links, na);
    auto naive = guide::naiveWarpForward(0, video.l, k, links);
    QVERIFY(ours.ok() && naive.ok());
    // On the object (its inner part) in the last frame: what both methods can know.
    auto error = [&](const cv::Mat& ab, int t) {
      cv::Mat d;
      cv::absdiff(ab, video.ab[size_t(t)], d);
      std::vector<cv::Mat> ch;
      cv::split(d, ch);
      return cv::mean(ch[0] + ch[1], inner(video.object_mask[size_t(t)]))[0];
    };
    for (int t = 1; t < frames; t += 4)
      qInfo("frame %d: ours %.2f (confidence %.2f) naive %.2f", t, error((*ours)[size_t(t)].ab, t),
            cv::mean((*ours)[size_t(t)].confidence, inner(video.object_mask[size_t(t)]))[0],
            error((*naive)[size_t(t)], t));
    for (int t = 1; t < frames; t += 4)
      qInfo("frame %d: no anchor %.2f", t, error((*noanchor)[size_t(t)].ab, t));
    const double e_ours = error((*ours)[frames - 1].ab, frames - 1);
    const double e_naive = error((*naive)[frames - 1], frames - 1);
    qInfo("mean |ab error| on the last frame: ours %.2f, naive warp %.2f", e_ours, e_naive);
    QVERIFY2(e_ours < e_naive, qPrintable(QStringLiteral("%1 vs %2").arg(e_ours).arg(e_naive)));
  }

  void framesAreHandedOnAsSoonAsTheyAreFinal() {
    // Two references: every frame is handed on once, with what the whole-shot result holds,
    // and before the last sweep ends the frames up to the second keyframe are already out.
    const int frames = 12;
    auto video = test::movingObjectVideo(frames, kSize, 22, {8.f, 20.f}, {1.5f, 0.5f}, kBackground,
                                         kObject, 13);
    auto links = linksOf(video.l);
    const std::vector<guide::KeyframeColour> keys{reference(0, video.ab[0]),
                                                  reference(7, video.ab[7])};
    auto whole = guide::propagateShot(0, video.l, keys, links, {});
    QVERIFY(whole.ok());
    std::vector<int> seen(frames, 0);
    std::vector<guide::PropagatedColour> got(frames);
    std::vector<size_t> order;
    auto streamed = guide::propagateShot(0, video.l, keys, links, {}, CancelToken(),
                                         [&](size_t i, guide::PropagatedColour&& c) {
                                           ++seen[i];
                                           got[i] = std::move(c);
                                           order.push_back(i);
                                         });
    QVERIFY(streamed.ok());
    for (int t = 0; t < frames; ++t) {
      QCOMPARE(seen[size_t(t)], 1);
      QCOMPARE(cv::norm(got[size_t(t)].ab, (*whole)[size_t(t)].ab, cv::NORM_INF), 0.0);
      QCOMPARE(cv::norm(got[size_t(t)].confidence, (*whole)[size_t(t)].confidence, cv::NORM_INF),
               0.0);
    }
    // Frames 0..6 (reached by the first keyframe's sweep and the second's backward sweep) are
    // out before any frame after the second keyframe.
    const auto first_late =
        std::find_if(order.begin(), order.end(), [](size_t i) { return i > 7; });
    for (auto it = first_late; it != order.end(); ++it)
      QVERIFY2(*it > 6, qPrintable(QString::number(*it)));
  }

  void waitingColourCanBeParked() {
    // Two references 9 frames apart: the first one's colour for frames 1..8 waits for the second
    // one's backward sweep. Parked outside (as the export spills it to disk) and taken back,
    // the result is the same to the bit; a park that fails stops the propagation with its error.
    const int frames = 12;
    auto video = test::movingObjectVideo(frames, kSize, 22, {8.f, 20.f}, {1.5f, 0.5f}, kBackground,
                                         kObject, 17);
    auto links = linksOf(video.l);
    const std::vector<guide::KeyframeColour> keys{reference(0, video.ab[0]),
                                                  reference(9, video.ab[9])};
    auto in_memory = guide::propagateShot(0, video.l, keys, links, {});
    QVERIFY(in_memory.ok());
    ParkedInMemory store;
    const guide::WaitingColour waiting = store.waiting();
    auto out = guide::propagateShot(0, guide::shotFrames(video.l), keys, links, {}, CancelToken(),
                                    {}, {}, waiting);
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(largestDifference(*out, *in_memory), 0.0);
    // Frames 1..8 waited, in the order the first sweep left them, and came back the other way.
    QCOMPARE(store.park_order, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
    QCOMPARE(store.unpark_order, (std::vector<int64_t>{8, 7, 6, 5, 4, 3, 2, 1}));
    QVERIFY(store.with_weights.empty());  // two sweeps: no sums wait
    QVERIFY(store.parked.empty());

    guide::WaitingColour full = waiting;
    full.park = [](int64_t i, guide::PropagatedColour&&) -> Status {
      return makeError("disk full at frame " + std::to_string(i));
    };
    auto failed = guide::propagateShot(0, guide::shotFrames(video.l), keys, links, {},
                                       CancelToken(), {}, {}, full);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.message().find("disk full at frame 1") != std::string::npos,
             failed.message().c_str());
  }

  void summedColourCanBeParkedForAThirdSweep() {
    // A reference on frame 0 and hint-only keyframes on 4 and 8 (a hint's sweep stops at the next
    // keyframe, a reference's passes hint-only ones): frames 5..7 are reached by three sweeps,
    // the reference's forward one, frame 4's forward one and frame 8's backward one. After the
    // second their weighted sums wait for the third, parked like a first sweep's colour, with
    // their weights; the result is the same to the bit as in memory.
    const int frames = 12;
    auto video = test::movingObjectVideo(frames, kSize, 22, {8.f, 20.f}, {1.5f, 0.5f}, kBackground,
                                         kObject, 17);
    auto links = linksOf(video.l);
    const std::vector<guide::KeyframeColour> keys{
        reference(0, video.ab[0]), hintDisc(4, video.ab[4]), hintDisc(8, video.ab[8])};
    auto in_memory = guide::propagateShot(0, video.l, keys, links, {});
    QVERIFY(in_memory.ok());
    ParkedInMemory store;
    const guide::WaitingColour waiting = store.waiting();
    auto out = guide::propagateShot(0, guide::shotFrames(video.l), keys, links, {}, CancelToken(),
                                    {}, {}, waiting);
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(largestDifference(*out, *in_memory), 0.0);
    for (const guide::PropagatedColour& c : *out)
      QVERIFY(c.weight.empty());  // what is handed on carries no sums
    QCOMPARE(store.park_order, (std::vector<int64_t>{1, 2, 3, 5, 6, 7, 9, 10, 11, 5, 6, 7}));
    QCOMPARE(store.with_weights, (std::vector<int64_t>{5, 6, 7}));
    QCOMPARE(store.unpark_order, (std::vector<int64_t>{3, 2, 1, 5, 6, 7, 7, 6, 5, 9, 10, 11}));
    QVERIFY(store.parked.empty());
    // Sums that come back without their weights are an error, not a silent wrong colour.
    guide::WaitingColour lossy = waiting;
    lossy.unpark = [&](int64_t i) -> Result<guide::PropagatedColour> {
      guide::PropagatedColour c = store.parked[i];
      store.parked.erase(i);
      c.weight.release();
      return c;
    };
    auto failed = guide::propagateShot(0, guide::shotFrames(video.l), keys, links, {},
                                       CancelToken(), {}, {}, lossy);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.message().find("frame 7 came back without its weights") != std::string::npos,
             failed.message().c_str());
  }

  void aSweepThatStopsEarlyParksNothingItDidNotReach() {
    // A hint-only keyframe on 2 and a reference on 9. With min_confidence 0.99 a sweep stops once
    // its confidence has decayed three frames (0.995^3 < 0.99): frame 2's forward sweep leaves
    // colour on 3..5 and is done with 6..8 without any, which then wait for frame 9's backward
    // sweep with nothing to park. Parked or in memory, the propagation succeeds with the same
    // result.
    const int frames = 12;
    auto video = test::movingObjectVideo(frames, kSize, 22, {8.f, 20.f}, {1.5f, 0.5f}, kBackground,
                                         kObject, 17);
    auto links = linksOf(video.l);
    const std::vector<guide::KeyframeColour> keys{hintDisc(2, video.ab[2]),
                                                  reference(9, video.ab[9])};
    guide::PropagationSettings ps;
    ps.min_confidence = 0.99;
    auto in_memory = guide::propagateShot(0, video.l, keys, links, ps);
    QVERIFY(in_memory.ok());
    ParkedInMemory store;
    auto out = guide::propagateShot(0, guide::shotFrames(video.l), keys, links, ps, CancelToken(),
                                    {}, {}, store.waiting());
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(largestDifference(*out, *in_memory), 0.0);
    // Frames 1, 0 (frame 2's backward sweep) and 3..5 (its forward one) waited; 6..8 did not.
    QCOMPARE(store.park_order, (std::vector<int64_t>{1, 0, 3, 4, 5}));
    QVERIFY(store.parked.empty());
  }

  void longestGapOfAShot() {
    // Shares against a keyframe covering 0.8: frames 3-4 dip (too short), 8-13 are a gap whose
    // weakest frame is 11; a frame not known (-1) breaks a stretch.
    const std::vector<double> shares = {0.8, 0.8,  0.7,  0.3, 0.2, 0.6, 0.7,  0.5, 0.39, 0.3, 0.2,
                                        0.1, 0.15, 0.35, 0.6, 0.3, 0.3, -1.0, 0.3, 0.3,  0.3};
    const guide::ReachGap gap = guide::longestGap(100, shares, 0.8);
    QCOMPARE(gap.first, int64_t(108));
    QCOMPARE(gap.last, int64_t(113));
    QCOMPARE(gap.weakest, int64_t(111));
    QCOMPARE(gap.share, 0.1);
    QCOMPARE(gap.relative, 0.125);
    // Below 0.3 of the keyframes' share (0.24) only frame 4 and frames 10-12: a stretch of three,
    // too short by default, a gap when three frames are enough.
    QVERIFY(guide::longestGap(0, shares, 0.8, {0.3, 5}).empty());
    QCOMPARE(guide::longestGap(0, shares, 0.8, {0.3, 3}).first, int64_t(10));
    QCOMPARE(guide::longestGap(0, shares, 0.8, {0.3, 3}).last, int64_t(12));
    QVERIFY(guide::longestGap(0, shares, 0.0).empty());
    QVERIFY(guide::longestGap(0, {}, 0.8).empty());
  }

  void somethingNewCoveringTheFrameIsAGap() {
    // A textured panel, brighter than the textured wall behind it, slides in from the left 8 px a
    // frame and covers the 192 px frame by frame 24: nothing of it is in the keyframe (frame 0,
    // the wall alone). The trusted share follows the wall's share of the picture, and the gap
    // starts about where the panel covers half of it.
    const int frames = 24;
    const int step = 8;
    auto texture = [](cv::Size size, double lo, double hi, int seed) {
      cv::Mat t(size, CV_32FC1);
      cv::RNG rng(seed);
      rng.fill(t, cv::RNG::UNIFORM, 0.0, 1.0);
      cv::GaussianBlur(t, t, cv::Size(0, 0), 2.0);
      cv::normalize(t, t, lo, hi, cv::NORM_MINMAX);
      return t;
    };
    const cv::Mat wall = texture(kSize, 10.0, 45.0, 7);
    const cv::Mat panel = texture(kSize, 55.0, 90.0, 8);
    std::vector<cv::Mat> l;
    for (int t = 0; t < frames; ++t) {
      cv::Mat f = wall.clone();
      const int w = std::min(kSize.width, step * t);  // the panel's visible width
      if (w > 0)
        panel(cv::Rect(kSize.width - w, 0, w, kSize.height))
            .copyTo(f(cv::Rect(0, 0, w, kSize.height)));
      l.push_back(f);
    }
    const cv::Mat ab0(kSize, CV_32FC2, cv::Scalar(kBackground[0], kBackground[1]));
    auto prop = guide::propagateShot(0, l, {reference(0, ab0)}, linksOf(l), {});
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    std::vector<double> shares;
    for (int t = 0; t < frames; ++t) {
      shares.push_back(guide::trustedShare((*prop)[size_t(t)].confidence, 0.5));
      const double wall_share = std::max(0.0, 1.0 - double(step * t) / kSize.width);
      // Never much more than the wall's share; most of it where the flow holds.
      QVERIFY2(shares.back() <= wall_share + 0.06 && shares.back() >= 0.7 * wall_share - 0.06,
               qPrintable(QStringLiteral("frame %1: share %2, wall %3")
                              .arg(t)
                              .arg(shares.back())
                              .arg(wall_share)));
    }
    const guide::ReachGap gap = guide::longestGap(0, shares, 1.0);
    QVERIFY(!gap.empty());
    QVERIFY2(gap.first >= 9 && gap.first <= 13, qPrintable(QString::number(gap.first)));
    QCOMPARE(gap.last, int64_t(frames - 1));
    QVERIFY2(gap.weakest >= frames - 4, qPrintable(QString::number(gap.weakest)));
    QVERIFY(gap.share < 0.1);
  }

  void aPanReachesOnlyWhatTheKeyframeShowed() {
    // The camera pans over a textured wall, 6 px a frame on a 192 px frame, and the wall's colour
    // changes along it. The columns the pan brings in keep the colour at the frame's edge, at times
    // with some confidence (a wall mostly goes on past the edge); reached_share does not count
    // them: it follows the overlap with frame 0 (a little above it: the direct match finds a few
    // false matches in this texture), and the gap starts about where that falls under half.
    const int frames = 30;
    const int step = 6;
    cv::Mat wall(kSize.height, kSize.width + step * frames, CV_32FC1);
    cv::RNG rng(5);
    rng.fill(wall, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::GaussianBlur(wall, wall, cv::Size(0, 0), 2.0);
    cv::normalize(wall, wall, 10.0, 90.0, cv::NORM_MINMAX);
    cv::Mat wall_ab(wall.size(), CV_32FC2);
    for (int x = 0; x < wall.cols; ++x)
      wall_ab.col(x).setTo(cv::Scalar(40.0 * std::cos(x * 0.02), 40.0 * std::sin(x * 0.02)));
    std::vector<cv::Mat> l;
    for (int t = 0; t < frames; ++t)
      l.push_back(wall(cv::Rect(step * t, 0, kSize.width, kSize.height)).clone());
    const cv::Mat ab0 = wall_ab(cv::Rect(0, 0, kSize.width, kSize.height)).clone();
    auto prop = guide::propagateShot(0, l, {reference(0, ab0)}, linksOf(l), {});
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    QCOMPARE((*prop)[0].reached_share, -1.0);  // the keyframe itself: not measured
    std::vector<double> shares{1.0};
    for (int t = 1; t < frames; ++t) {
      const guide::PropagatedColour& p = (*prop)[size_t(t)];
      const double overlap = 1.0 - double(step * t) / kSize.width;
      QVERIFY2(p.reached_share <= overlap + 0.16 && p.reached_share >= 0.7 * overlap - 0.06 &&
                   p.reached_share <= guide::trustedShare(p.confidence, 0.5),
               qPrintable(QStringLiteral("frame %1: reached %2, trusted %3, overlap %4")
                              .arg(t)
                              .arg(p.reached_share)
                              .arg(guide::trustedShare(p.confidence, 0.5))
                              .arg(overlap)));
      shares.push_back(p.reached_share);
    }
    const guide::ReachGap gap = guide::longestGap(0, shares, 1.0);
    QVERIFY2(gap.first >= 14 && gap.first <= 19, qPrintable(QString::number(gap.first)));
    QCOMPARE(gap.last, int64_t(frames - 1));
    // The trusted share alone would not have shown it: it stays above half to the end.
    QVERIFY(guide::trustedShare((*prop)[size_t(frames - 1)].confidence, 0.5) > 0.5);
  }

  void aLongStillShotKeepsItsColour() {
    // 160 frames of a still textured picture with a little grain: every pixel passes every
    // check, so its colour stays fully trusted to the end (the decay stops at min_decay) instead
    // of fading towards the network's guess (0.995^159 = 0.45 without the floor).
    const int frames = 160;
    const cv::Size size(96, 64);
    cv::Mat still(size, CV_32FC1);
    cv::RNG rng(11);
    rng.fill(still, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::GaussianBlur(still, still, cv::Size(0, 0), 2.0);
    cv::normalize(still, still, 20.0, 80.0, cv::NORM_MINMAX);
    std::vector<cv::Mat> l;
    for (int t = 0; t < frames; ++t) {
      cv::Mat grain(size, CV_32FC1);
      rng.fill(grain, cv::RNG::NORMAL, 0.0, 0.5);
      l.push_back(still + grain);
    }
    const cv::Mat ab0(size, CV_32FC2, cv::Scalar(kObject[0], kObject[1]));
    guide::PropagationSettings floor;
    QCOMPARE(floor.min_decay, 0.5);
    auto prop = guide::propagateShot(0, l, {reference(0, ab0)}, linksOf(l), floor);
    QVERIFY2(prop.ok(), prop.ok() ? "" : prop.message().c_str());
    const guide::PropagatedColour& last = prop->back();
    QVERIFY2(guide::trustedShare(last.confidence, 0.5) > 0.95,
             qPrintable(QString::number(guide::trustedShare(last.confidence, 0.5))));
    QVERIFY2(last.reached_share > 0.85, qPrintable(QString::number(last.reached_share)));
    QVERIFY(abDistance(test::meanAb(last.ab, cv::Mat(size, CV_8U, cv::Scalar(255))), kObject) <
            1.0);
    guide::PropagationSettings fading;
    fading.min_decay = 0.0;
    auto faded = guide::propagateShot(0, l, {reference(0, ab0)}, linksOf(l), fading);
    QVERIFY(faded.ok());
    QVERIFY2(guide::trustedShare(faded->back().confidence, 0.5) <
                 guide::trustedShare(last.confidence, 0.5) - 0.05,
             qPrintable(QString::number(guide::trustedShare(faded->back().confidence, 0.5))));
  }

  void cancelStops() {
    auto video =
        test::movingObjectVideo(6, kSize, 22, {10.f, 20.f}, {1.f, 0.f}, kBackground, kObject, 61);
    CancelToken cancel;
    cancel.cancel();
    auto prop =
        guide::propagateShot(0, video.l, {reference(0, video.ab[0])}, linksOf(video.l), {}, cancel);
    QVERIFY(!prop.ok());
  }
};

QTEST_APPLESS_MAIN(TestPropagation)
#include "tst_propagation.moc"
