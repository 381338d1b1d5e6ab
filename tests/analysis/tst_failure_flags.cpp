// Failure flags on generated frame sequences with known defects.

#include <QtTest>
#include <opencv2/imgproc.hpp>
#include <random>
#include <set>

#include "analysis/FailureFlagger.h"
#include "analysis/FrameSignals.h"

using namespace cf::analysis;

namespace {

struct SynthFrame {
  cv::Mat l, ab;
};

// A static textured scene with four colourful regions (sky blue, grass green, red, skin).
SynthFrame naturalFrame(cv::Size size, std::mt19937& rng) {
  SynthFrame f;
  f.l = cv::Mat(size, CV_32FC1);
  cv::Mat noise(size, CV_32FC1);
  cv::randn(noise, 0, 2);
  for (int r = 0; r < size.height; ++r)
    for (int c = 0; c < size.width; ++c)
      f.l.at<float>(r, c) = 30.f + 40.f * (r + c) / float(size.height + size.width);
  f.l += noise;
  f.ab = cv::Mat(size, CV_32FC2);
  const int hw = size.width / 2, hh = size.height / 2;
  f.ab(cv::Rect(0, 0, hw, hh)).setTo(cv::Scalar(-10, -35));               // sky
  f.ab(cv::Rect(hw, 0, size.width - hw, hh)).setTo(cv::Scalar(-40, 40));  // grass
  f.ab(cv::Rect(0, hh, hw, size.height - hh)).setTo(cv::Scalar(55, 40));  // red
  f.ab(cv::Rect(hw, hh, size.width - hw, size.height - hh)).setTo(cv::Scalar(15, 20));
  cv::Mat ab_noise(size, CV_32FC2);
  cv::randn(ab_noise, 0, 0.3);
  f.ab += ab_noise;
  (void)rng;
  return f;
}

std::vector<FrameMetrics> metricsOf(const std::vector<SynthFrame>& frames) {
  std::vector<FrameMetrics> out;
  for (size_t i = 0; i < frames.size(); ++i) {
    FrameSignalInputs in;
    in.frame_index = static_cast<int64_t>(i);
    in.l = frames[i].l;
    in.ab = frames[i].ab;
    if (i > 0) {  // a static camera: the warp is the identity
      in.warped_prev_l = frames[i - 1].l;
      in.warped_prev_ab = frames[i - 1].ab;
    }
    out.push_back(computeFrameMetrics(in));
  }
  return out;
}

std::set<int64_t> framesWith(const std::vector<FrameReport>& reports, FlagKind kind) {
  std::set<int64_t> s;
  for (const auto& r : reports)
    for (const auto& f : r.flags)
      if (f.kind == kind)
        s.insert(r.metrics.frame_index);
  return s;
}

}  // namespace

class TestFailureFlags : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sepiaFramesAreFlaggedExactly() {
    std::mt19937 rng(1);
    std::vector<SynthFrame> frames;
    for (int i = 0; i < 40; ++i) {
      SynthFrame f = naturalFrame(cv::Size(96, 64), rng);
      if (i >= 10 && i <= 19) {
        cv::Mat ab_noise(f.ab.size(), CV_32FC2);
        cv::randn(ab_noise, 0, 1.0);
        f.ab = cv::Mat(f.ab.size(), CV_32FC2, cv::Scalar(9, 21)) + ab_noise;  // sepia tone
      }
      frames.push_back(f);
    }
    const auto reports = flagFrames(metricsOf(frames), FailureThresholds{});
    const auto sepia = framesWith(reports, FlagKind::Sepia);
    std::set<int64_t> expected;
    for (int i = 10; i <= 19; ++i)
      expected.insert(i);
    QCOMPARE(sepia, expected);
    const auto& reason = reports[12].flags.front().reason;
    QVERIFY2(reason.find("sepia:") == 0 &&
                 reason.find("% of chroma in 20-75 degree hue band") != std::string::npos,
             reason.c_str());

    const auto ranges = mergeRanges(reports);
    bool found = false;
    for (const auto& r : ranges)
      if (r.kind == FlagKind::Sepia) {
        QCOMPARE(r.first_frame, int64_t(10));
        QCOMPARE(r.last_frame, int64_t(19));
        found = true;
      }
    QVERIFY(found);
  }

  void flickerIsFlaggedButAFadeIsNot() {
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> jitter(-14.f, 14.f);
    std::vector<SynthFrame> frames;
    const SynthFrame base = naturalFrame(cv::Size(96, 64), rng);
    for (int i = 0; i < 50; ++i) {
      SynthFrame f{base.l.clone(), base.ab.clone()};
      cv::Mat n(f.ab.size(), CV_32FC2);
      cv::randn(n, 0, 0.5);  // the network's ordinary frame-to-frame noise
      f.ab += n;
      if (i >= 5 && i <= 20) {
        // A global fade: luma darkens by 3 L per frame; chroma follows the brightness, as a
        // network's output does.
        const float gain = 1.f - 0.04f * static_cast<float>(i - 4);
        f.l = base.l * gain;
        f.ab = f.ab * gain;
      }
      if (i >= 30 && i <= 35)
        f.ab += cv::Scalar(jitter(rng), jitter(rng));
      frames.push_back(f);
    }
    const auto reports = flagFrames(metricsOf(frames), FailureThresholds{});
    const auto flicker = framesWith(reports, FlagKind::Flicker);
    for (int i = 30; i <= 35; ++i)
      QVERIFY2(flicker.count(i), qPrintable(QString::number(i)));
    for (int64_t f : flicker)
      QVERIFY2(f >= 30 && f <= 36,
               qPrintable(QStringLiteral("unexpected flicker flag on %1").arg(f)));
  }

  void heavyMotionIsFlagged() {
    // Frames whose flow says a large part of the picture is occluded.
    std::mt19937 rng(3);
    std::vector<FrameMetrics> metrics;
    SynthFrame prev = naturalFrame(cv::Size(64, 48), rng);
    for (int i = 0; i < 20; ++i) {
      SynthFrame cur = naturalFrame(cv::Size(64, 48), rng);
      FrameSignalInputs in;
      in.frame_index = i;
      in.l = cur.l;
      in.ab = cur.ab;
      if (i > 0) {
        in.warped_prev_l = prev.l;
        in.warped_prev_ab = prev.ab;
        in.valid_mask = cv::Mat(cur.l.size(), CV_8UC1, cv::Scalar(255));
        in.flow = cv::Mat(cur.l.size(), CV_32FC2, cv::Scalar(0.2, 0));
        if (i >= 8 && i <= 11) {
          in.valid_mask(cv::Rect(0, 0, 24, 48)).setTo(0);  // 37.5 % occluded
          in.flow(cv::Rect(0, 0, 24, 48)).setTo(cv::Scalar(12, 0));
        }
      }
      metrics.push_back(computeFrameMetrics(in));
      prev = cur;
    }
    const auto reports = flagFrames(metrics, FailureThresholds{});
    QCOMPARE(framesWith(reports, FlagKind::Motion), (std::set<int64_t>{8, 9, 10, 11}));
    QCOMPARE(QString::fromStdString(reports[9].flags.front().reason),
             QStringLiteral("heavy motion: 38 % occluded"));
  }

  void scratchesAndGrainAreNotOcclusion() {
    // Issue #16, feature 3: the flow check fails along film scratches (thin vertical lines) and on
    // grain specks; neither is motion. A wide occluded patch still counts.
    const cv::Size size(320, 240);
    FrameSignalInputs in;
    in.l = cv::Mat(size, CV_32FC1, cv::Scalar(50));
    in.ab = cv::Mat(size, CV_32FC2, cv::Scalar(10, 10));
    in.warped_prev_l = in.l;
    in.warped_prev_ab = in.ab;
    in.valid_mask = cv::Mat(size, CV_8UC1, cv::Scalar(1));
    in.flow = cv::Mat(size, CV_32FC2, cv::Scalar(0.5, 0));
    for (int x : {40, 41, 120, 200, 201, 202, 290})  // scratches, 1-3 px wide, full height
      in.valid_mask.col(x).setTo(0);
    cv::Mat wild = in.flow.colRange(200, 203);
    wild.setTo(cv::Scalar(60, -40));  // the flow goes wild along a scratch
    std::mt19937 rng(5);
    for (int i = 0; i < 1500; ++i)  // grain: isolated failed pixels
      in.valid_mask.at<uchar>(int(rng() % 240), int(rng() % 320)) = 0;
    const double failed = 1.0 - cv::countNonZero(in.valid_mask) / double(size.area());
    QVERIFY(failed > 0.04);  // what the old measure called occluded
    FrameMetrics m = computeFrameMetrics(in);
    QVERIFY2(m.occluded_fraction < 0.005, qPrintable(QString::number(m.occluded_fraction)));
    QVERIFY2(std::abs(m.motion_px - 0.5) < 0.05, qPrintable(QString::number(m.motion_px)));

    in.valid_mask(cv::Rect(0, 0, 80, 240)).setTo(0);  // a wide occluded band: real motion
    m = computeFrameMetrics(in);
    QVERIFY2(m.occluded_fraction > 0.24 && m.occluded_fraction < 0.27,
             qPrintable(QString::number(m.occluded_fraction)));
  }

  void aScratchedFrameIsNotHeavyMotion() {
    // One damaged frame upsets the flow of its two links (into it and out of it); lasting motion
    // is flagged, a two-frame blip is not.
    std::vector<FrameMetrics> metrics(40);
    for (int i = 0; i < 40; ++i) {
      metrics[i].frame_index = i;
      metrics[i].colorfulness = 30;
      metrics[i].has_previous = i > 0;
      metrics[i].occluded_fraction = 0.02;
      metrics[i].motion_fraction = 0.001;
    }
    metrics[10].occluded_fraction = metrics[11].occluded_fraction = 0.45;  // scratched frame 10
    metrics[20].motion_fraction = metrics[21].motion_fraction = 0.05;      // dust: flow blip
    for (int i = 30; i <= 36; ++i)  // real motion, with a repeated frame (pulldown) at 33
      metrics[i].motion_fraction = i == 33 ? 0.0 : 0.05;
    const auto reports = flagFrames(metrics, FailureThresholds{});
    QCOMPARE(framesWith(reports, FlagKind::Motion), (std::set<int64_t>{30, 31, 32, 34, 35, 36}));
    // A nearly fully occluded frame alone is still flagged (likely a missed cut).
    metrics[5].occluded_fraction = 0.9;
    QVERIFY(framesWith(flagFrames(metrics, FailureThresholds{}), FlagKind::Motion).count(5));
  }

  void steadyFlowNoiseIsNotMotion() {
    // Grainy old film: 15 % of every frame fails the flow check, with no real motion.
    std::vector<FrameMetrics> metrics(30);
    for (int i = 0; i < 30; ++i) {
      metrics[i].frame_index = i;
      metrics[i].colorfulness = 30;
      metrics[i].has_previous = i > 0;
      metrics[i].occluded_fraction = 0.15 + 0.02 * ((i * 7) % 5 - 2) / 2.0;
    }
    const auto reports = flagFrames(metrics, FailureThresholds{});
    QVERIFY(framesWith(reports, FlagKind::Motion).empty());
  }

  void lowConfidenceIsFlagged() {
    std::mt19937 rng(4);
    std::vector<FrameMetrics> metrics;
    for (int i = 0; i < 10; ++i) {
      SynthFrame f = naturalFrame(cv::Size(40, 40), rng);
      FrameSignalInputs in;
      in.frame_index = i;
      in.l = f.l;
      in.ab = f.ab;
      in.confidence = cv::Mat(f.l.size(), CV_32FC1, cv::Scalar(0.9));
      if (i == 6)
        in.confidence(cv::Rect(0, 0, 40, 28)).setTo(0.1);  // 70 %
      metrics.push_back(computeFrameMetrics(in));
    }
    const auto reports = flagFrames(metrics, FailureThresholds{});
    QCOMPARE(framesWith(reports, FlagKind::LowConfidence), (std::set<int64_t>{6}));
    QCOMPARE(QString::fromStdString(reports[6].flags.front().reason),
             QStringLiteral("low confidence on 70 % of frame"));
  }

  void greyOutputIsDesaturated() {
    std::mt19937 rng(5);
    std::vector<SynthFrame> frames;
    for (int i = 0; i < 6; ++i) {
      SynthFrame f = naturalFrame(cv::Size(40, 30), rng);
      if (i == 3)
        f.ab.setTo(cv::Scalar(0.5, 0.5));
      frames.push_back(f);
    }
    const auto reports = flagFrames(metricsOf(frames), FailureThresholds{});
    QCOMPARE(framesWith(reports, FlagKind::Desaturated), (std::set<int64_t>{3}));
  }

  void rangesMerge() {
    std::vector<FrameReport> reports(12);
    for (int i = 0; i < 12; ++i)
      reports[i].metrics.frame_index = i;
    auto flag = [&](int i, FlagKind k, double severity) {
      reports[i].flags.push_back(Flag{k, {}, "r" + std::to_string(i), severity});
    };
    flag(1, FlagKind::Flicker, 1.0);
    flag(2, FlagKind::Flicker, 3.0);
    flag(3, FlagKind::Flicker, 2.0);
    flag(5, FlagKind::Flicker, 1.0);
    flag(2, FlagKind::Sepia, 1.0);
    flag(11, FlagKind::Motion, 1.0);
    const auto ranges = mergeRanges(reports);
    QCOMPARE(ranges.size(), size_t(4));
    QCOMPARE(ranges[0].kind, FlagKind::Flicker);
    QCOMPARE(ranges[0].first_frame, int64_t(1));
    QCOMPARE(ranges[0].last_frame, int64_t(3));
    QCOMPARE(ranges[0].reason, std::string("r2"));  // the worst frame's reason
    QCOMPARE(ranges[1].kind, FlagKind::Sepia);
    QCOMPARE(ranges[2].first_frame, int64_t(5));
    QCOMPARE(ranges[3].kind, FlagKind::Motion);
    // With a gap of one frame allowed, 1-3 and 5 join.
    const auto joined = mergeRanges(reports, 1);
    QCOMPARE(joined[0].last_frame, int64_t(5));
  }
};

QTEST_GUILESS_MAIN(TestFailureFlags)
#include "tst_failure_flags.moc"
