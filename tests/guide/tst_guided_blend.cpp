// The merge of propagated keyframe colour and the network's colour (core/guide/GuidedBlend.h) on
// synthetic frames: trusted pixels keep the propagated colour; a thin unsure band takes the colour
// of the trusted pixels of its own surface (not its own wrong propagated colour, not the network's
// guess, not the colour across a luminance edge); a large unsure region far from any trusted pixel
// of its surface takes the network's colour scaled by the gain measured on the trusted part; the
// reference strength cross-fades to the network; the caller's network output is left untouched.

#include <QtTest>
#include <opencv2/imgproc.hpp>

#include "guide/GuidedBlend.h"

using namespace cf;

namespace {

const cv::Size kSize(160, 96);
const cv::Vec2f kRed(50.f, 35.f);
const cv::Vec2f kTeal(-25.f, -20.f);
const cv::Vec2f kGreen(-40.f, 40.f);

double distance(cv::Vec2f a, cv::Vec2f b) {
  return std::hypot(double(a[0] - b[0]), double(a[1] - b[1]));
}

cv::Vec2f meanAb(const cv::Mat& ab, const cv::Rect& r) {
  const cv::Scalar m = cv::mean(ab(r));
  return {float(m[0]), float(m[1])};
}

// L 30 on the left half, 70 on the right.
cv::Mat twoSurfaces() {
  cv::Mat l(kSize, CV_32FC1, cv::Scalar(30.0));
  l(cv::Rect(kSize.width / 2, 0, kSize.width / 2, kSize.height)).setTo(70.0);
  return l;
}

}  // namespace

class TestGuidedBlend : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void trustedPixelsKeepThePropagatedColour() {
    const cv::Mat l = twoSurfaces();
    guide::PropagatedColour p{cv::Mat(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1])),
                              cv::Mat(kSize, CV_32FC1, cv::Scalar(0.6))};
    const cv::Mat net(kSize, CV_32FC2, cv::Scalar(kGreen[0], kGreen[1]));
    const cv::Mat net_conf(kSize, CV_32FC1, cv::Scalar(0.3));
    const guide::GuidedColour g = guide::blendGuided(p, l, net, net_conf, 1.0);
    QCOMPARE(cv::norm(g.ab, p.ab, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(g.confidence, cv::Mat(kSize, CV_32FC1, cv::Scalar(1.0)), cv::NORM_INF), 0.0);
  }

  void nothingTrustedIsTheNetwork() {
    const cv::Mat l = twoSurfaces();
    guide::PropagatedColour p{cv::Mat(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1])),
                              cv::Mat::zeros(kSize, CV_32FC1)};
    const cv::Mat net(kSize, CV_32FC2, cv::Scalar(kGreen[0], kGreen[1]));
    const guide::GuidedColour g = guide::blendGuided(p, l, net, cv::Mat(), 1.0);
    QVERIFY(cv::norm(g.ab, net, cv::NORM_INF) < 1e-3);
    QVERIFY(g.confidence.empty());  // the network gave none
  }

  void thinUnsureBandTakesTheColourOfItsSurface() {
    // Left surface red, right surface teal, all trusted, except a 4 px band inside the left
    // surface whose propagated colour came from the wrong place (teal) and failed its checks
    // (confidence 0: its own colour has no weight).
    const cv::Mat l = twoSurfaces();
    cv::Mat ab(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1]));
    ab(cv::Rect(kSize.width / 2, 0, kSize.width / 2, kSize.height))
        .setTo(cv::Scalar(kTeal[0], kTeal[1]));
    cv::Mat conf(kSize, CV_32FC1, cv::Scalar(1.0));
    const cv::Rect band(40, 0, 4, kSize.height);
    ab(band).setTo(cv::Scalar(kTeal[0], kTeal[1]));
    conf(band).setTo(0.0);
    const guide::PropagatedColour p{ab, conf};
    const cv::Mat net(kSize, CV_32FC2, cv::Scalar(kGreen[0], kGreen[1]));
    const cv::Mat net_conf(kSize, CV_32FC1, cv::Scalar(0.4));

    const guide::GuidedColour g = guide::blendGuided(p, l, net, net_conf, 1.0);
    const guide::GuidedColour old =
        guide::blendGuided(p, l, net, net_conf, 1.0, guide::BlendSettings::withoutFill());
    const cv::Vec2f got = meanAb(g.ab, band);
    const cv::Vec2f got_old = meanAb(old.ab, band);
    // Before: the network's green.
    QVERIFY2(distance(got_old, kGreen) < 10.0,
             qPrintable(QString::number(distance(got_old, kGreen))));
    // Now: the red of the trusted pixels of the same surface (times the fill's certainty, a
    // little under 1 in a 4 px hole; the rest is the network's, calibrated to nothing here, as
    // it points away from what the trusted pixels show).
    QVERIFY2(distance(got, kRed) < 6.0, qPrintable(QString::number(distance(got, kRed))));
    QVERIFY(distance(got, kTeal) > 60.0);
    // The teal across the luminance edge did not leak in, and the trusted pixels kept theirs.
    QCOMPARE(cv::norm(g.ab(cv::Rect(100, 0, 60, kSize.height)),
                      ab(cv::Rect(100, 0, 60, kSize.height)), cv::NORM_INF),
             0.0);
    // The fill is certain there, so the band's confidence rose well above the network's.
    QVERIFY(cv::mean(g.confidence(band))[0] > 0.9);
    QVERIFY(cv::mean(old.confidence(band))[0] < 0.5);
  }

  void largeUnsureRegionTakesTheCalibratedNetwork() {
    // The left surface is trusted (red); the right surface (another L, so the fill cannot reach
    // it) is unsure everywhere. The network doubles the chroma of what is known on the left:
    // its gain is 0.5, and its guess on the right is halved.
    const cv::Mat l = twoSurfaces();
    const cv::Rect left(0, 0, kSize.width / 2, kSize.height);
    const cv::Rect right(kSize.width / 2, 0, kSize.width / 2, kSize.height);
    cv::Mat ab(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1]));
    cv::Mat conf(kSize, CV_32FC1, cv::Scalar(1.0));
    ab(right).setTo(cv::Scalar(kTeal[0], kTeal[1]));
    conf(right).setTo(0.0);
    const guide::PropagatedColour p{ab, conf};
    cv::Mat net(kSize, CV_32FC2, cv::Scalar(2 * kRed[0], 2 * kRed[1]));
    net(right).setTo(cv::Scalar(kGreen[0], kGreen[1]));

    QCOMPARE(guide::networkGain(p, guide::trustOf(p), net), 0.5);
    const guide::GuidedColour g = guide::blendGuided(p, l, net, cv::Mat(), 1.0);
    const cv::Rect inside(right.x + 8, 0, right.width - 8, kSize.height);
    const cv::Vec2f got = meanAb(g.ab, inside);
    QVERIFY2(distance(got, 0.5f * kGreen) < 2.0,
             qPrintable(QString::number(distance(got, 0.5f * kGreen))));
    // The old blend gave the network's full chroma there.
    const guide::GuidedColour old =
        guide::blendGuided(p, l, net, cv::Mat(), 1.0, guide::BlendSettings::withoutFill());
    QVERIFY(distance(meanAb(old.ab, inside), kGreen) < 0.5);
    // The trusted part is unchanged.
    QCOMPARE(cv::norm(g.ab(left), ab(left), cv::NORM_INF), 0.0);
  }

  void fillAtHalfSizeMatchesTheFullSizeFill() {
    // The default fill works at half the frame's size (a speed-up); against the fill at the full
    // size it must stay within a few ab units in the unsure part and still stop at the L edge.
    // Scene: a dark disc (L 25) on a bright ground (L 75) with a gradient of trusted colour on
    // each; an unsure blob straddling the disc's edge and an unsure strip on the ground.
    cv::Mat l(kSize, CV_32FC1, cv::Scalar(75.0));
    const cv::Point centre(60, 48);
    cv::circle(l, centre, 30, cv::Scalar(25.0), cv::FILLED);
    cv::Mat ab(kSize, CV_32FC2);
    for (int y = 0; y < kSize.height; ++y)
      for (int x = 0; x < kSize.width; ++x)
        ab.at<cv::Vec2f>(y, x) = l.at<float>(y, x) < 50.f
                                     ? cv::Vec2f(40.f + 0.1f * float(x), 30.f)
                                     : cv::Vec2f(-20.f, -30.f + 0.2f * float(y));
    cv::Mat conf(kSize, CV_32FC1, cv::Scalar(1.0));
    cv::circle(conf, cv::Point(centre.x + 30, centre.y), 9, cv::Scalar(0.0), cv::FILLED);
    conf(cv::Rect(120, 10, 6, 70)).setTo(0.0);
    const guide::PropagatedColour p{ab, conf};
    guide::BlendSettings full;
    full.fill_scale = 1.0;
    full.fill_iterations = 3;
    const guide::BlendSettings half;  // the default
    QCOMPARE(half.fill_scale, 0.5);
    cv::Mat fill_full, q_full, fill_half, q_half;
    guide::fillFromTrusted(p, guide::trustOf(p, full), l, full, &fill_full, &q_full);
    guide::fillFromTrusted(p, guide::trustOf(p, half), l, half, &fill_half, &q_half);
    QCOMPARE(fill_half.size(), kSize);
    QCOMPARE(q_half.size(), kSize);
    const cv::Mat unsure = conf < 0.5;
    cv::Mat diff;
    cv::absdiff(fill_full, fill_half, diff);
    const cv::Scalar mean_diff = cv::mean(diff, unsure);
    QVERIFY2(mean_diff[0] < 3.0 && mean_diff[1] < 3.0,
             qPrintable(QString("%1 %2").arg(mean_diff[0]).arg(mean_diff[1])));
    // Each side of the disc's edge inside the blob keeps its own surface's colour (a, ~45 inside
    // against -20 outside), at either size.
    for (const cv::Mat* f : {&fill_full, &fill_half}) {
      const cv::Vec2f in = f->at<cv::Vec2f>(centre.y, centre.x + 26);
      const cv::Vec2f out = f->at<cv::Vec2f>(centre.y, centre.x + 34);
      QVERIFY2(in[0] > 35.f && out[0] < -10.f, qPrintable(QString("%1 %2").arg(in[0]).arg(out[0])));
    }
    // The fill is certain in the thin strip at either size.
    QVERIFY(cv::mean(q_half(cv::Rect(121, 20, 4, 50)))[0] > 0.8);
  }

  void networkGainIsBounded() {
    const cv::Mat l = twoSurfaces();
    guide::PropagatedColour p{cv::Mat(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1])),
                              cv::Mat(kSize, CV_32FC1, cv::Scalar(1.0))};
    const cv::Mat m = guide::trustOf(p);
    // Opposite colours: no negative gain.
    QCOMPARE(guide::networkGain(p, m, cv::Mat(kSize, CV_32FC2, cv::Scalar(-kRed[0], -kRed[1]))),
             0.0);
    // A near-grey network: at most max_network_gain.
    QCOMPARE(guide::networkGain(p, m, cv::Mat(kSize, CV_32FC2, cv::Scalar(1.0, 1.0))), 2.0);
    // A grey network: no gain to measure.
    QCOMPARE(guide::networkGain(p, m, cv::Mat::zeros(kSize, CV_32FC2)), 1.0);
    // Too little of the frame trusted: 1.
    p.confidence.setTo(0.0);
    p.confidence(cv::Rect(0, 0, 4, 4)).setTo(1.0);
    QCOMPARE(guide::networkGain(p, guide::trustOf(p),
                                cv::Mat(kSize, CV_32FC2, cv::Scalar(2 * kRed[0], 2 * kRed[1]))),
             1.0);
  }

  void strengthCrossFadesToTheNetwork() {
    const cv::Mat l = twoSurfaces();
    guide::PropagatedColour p{cv::Mat(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1])),
                              cv::Mat(kSize, CV_32FC1, cv::Scalar(1.0))};
    p.confidence(cv::Rect(0, 0, 20, 20)).setTo(0.0);
    const cv::Mat net(kSize, CV_32FC2, cv::Scalar(kGreen[0], kGreen[1]));
    const guide::GuidedColour full = guide::blendGuided(p, l, net, cv::Mat(), 1.0);
    const guide::GuidedColour none = guide::blendGuided(p, l, net, cv::Mat(), 0.0);
    const guide::GuidedColour half = guide::blendGuided(p, l, net, cv::Mat(), 0.5);
    QVERIFY(cv::norm(none.ab, net, cv::NORM_INF) < 1e-4);
    cv::Mat expected = 0.5 * full.ab + 0.5 * net;
    QVERIFY(cv::norm(half.ab, expected, cv::NORM_INF) < 1e-3);
  }

  void leavesTheNetworkOutputAlone() {
    // Regression: an expression assigned to a header sharing the caller's buffer wrote the
    // calibrated chroma into the caller's network output.
    const cv::Mat l = twoSurfaces();
    cv::Mat ab(kSize, CV_32FC2, cv::Scalar(kRed[0], kRed[1]));
    cv::Mat conf(kSize, CV_32FC1, cv::Scalar(1.0));
    conf(cv::Rect(0, 0, 30, 30)).setTo(0.0);
    cv::Mat net(kSize, CV_32FC2, cv::Scalar(2 * kRed[0], 2 * kRed[1]));
    cv::Mat net_conf(kSize, CV_32FC1, cv::Scalar(0.5));
    const cv::Mat net_before = net.clone();
    const cv::Mat conf_before = net_conf.clone();
    guide::blendGuided({ab, conf}, l, net, net_conf, 1.0);
    QCOMPARE(cv::norm(net, net_before, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(net_conf, conf_before, cv::NORM_INF), 0.0);
  }
};

QTEST_APPLESS_MAIN(TestGuidedBlend)
#include "tst_guided_blend.moc"
