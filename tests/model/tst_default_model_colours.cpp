// Regression guard for the shipped default model: real colour photos with known answers from
// Debian's opencv-doc (a green football pitch, green leaves around a brown squirrel, forest from
// the air) are made grey and colourised on colorize's path (default working height, padding,
// L-guided upsampling, chroma fade). The model must get the hues mostly right and must paint the
// green areas green.
//
// KNOWN FAILURE (issue #13, open): the shipped model paints the pitch and the squirrel's leaves
// magenta/brown (mean a* +15 and +3 where the truth is green). Those checks are marked with
// QEXPECT_FAIL per photo, so the suite stays green while the failure is visible in every run;
// a model that fixes them makes the check XPASS, which fails the suite until the marks are removed
// and the guard becomes a plain regression test.

#include <QFileInfo>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/TestPaths.h"
#include "model/Colorizer.h"
#include "pipeline/ModelLocator.h"
#include "train/Augmentation.h"
#include "train/ColourMetrics.h"
#include "train/Evaluator.h"

class TestDefaultModelColours : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    cf::model::ColorizerSettings s;
    s.model_path = QString::fromStdString(cf::pipeline::defaultModelPath());
    QVERIFY2(QFileInfo::exists(s.model_path), qPrintable(s.model_path));
    s.device = cf::DeviceChoice::Cpu;  // the defaults of colorize otherwise
    auto c = cf::model::Colorizer::create(s);
    QVERIFY2(c.ok(), c.ok() ? "" : c.message().c_str());
    colorizer_ = std::move(c.value());
  }

  void photoHasRightHuesAndGreenStaysGreen_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("check_hue");
    QTest::addColumn<float>("green_min_chroma");  // what counts as green in the truth
    QTest::addColumn<bool>("known_bad_hue");      // issue #13: the shipped model fails these
    QTest::addColumn<bool>("known_bad_green");
    QTest::newRow("pitch") << "messi5.jpg" << true << 12.f << true << true;
    QTest::newRow("squirrel") << "squirrel_cls.jpg" << true << 12.f << false << true;
    // A hazy aerial view: only 0.6 % of its pixels have chroma > 12, too few for hue accuracy,
    // but its forests are a muted green (a* < -4 at chroma > 5) that must not turn magenta.
    QTest::newRow("forest") << "aero3.jpg" << false << 5.f << false << true;
  }

  void photoHasRightHuesAndGreenStaysGreen() {
    QFETCH(QString, file);
    QFETCH(bool, check_hue);
    QFETCH(float, green_min_chroma);
    QFETCH(bool, known_bad_hue);
    QFETCH(bool, known_bad_green);
    const QString path = cf::test::opencvDocVideo(file);
    QVERIFY2(!path.isEmpty(), qPrintable(file + " (opencv-doc) is missing"));
    cv::Mat bgr = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    QVERIFY(!bgr.empty());
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const cf::train::LabSample truth = cf::train::toLab(rgb);

    auto out = colorizer_->colorize({colorizer_->toWorkingResolution(truth.l)});
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    const cv::Mat ab = cf::train::exportAb(truth.l, out.value()[0].ab);
    QCOMPARE(ab.size(), truth.ab.size());

    cf::train::FrameScore score;
    cf::train::scoreHue(ab, truth.ab, &score);
    const double total = static_cast<double>(truth.l.total());
    const double accuracy = score.hue_hits / std::max(1.0, score.hue_coloured);

    // Green in the truth: coloured, a* clearly below zero.
    double a_sum = 0.0, green = 0.0;
    for (int r = 0; r < ab.rows; ++r)
      for (int c = 0; c < ab.cols; ++c) {
        const cv::Vec2f t = truth.ab.at<cv::Vec2f>(r, c);
        if (t[0] < -0.35f * green_min_chroma && std::hypot(t[0], t[1]) > green_min_chroma) {
          a_sum += ab.at<cv::Vec2f>(r, c)[0];
          green += 1.0;
        }
      }
    const double green_a = a_sum / std::max(1.0, green);
    qInfo(
        "%s: hue accuracy %.3f over %.1f %% coloured pixels, mean a* %.2f over %.1f %% green "
        "pixels, cast %.2f",
        qPrintable(file), accuracy, 100.0 * score.hue_coloured / total, green_a,
        100.0 * green / total, score.cast);
    // The photos are chosen for their colour: enough of each is clearly coloured and green.
    QVERIFY(green > 0.03 * total);
    if (check_hue) {
      QVERIFY(score.hue_coloured > 0.1 * total);
      if (known_bad_hue)
        QEXPECT_FAIL("", "issue #13: the shipped model's hues are wrong here", Continue);
      QVERIFY2(accuracy >= 0.5, qPrintable(QString("hue accuracy %1 < 0.5").arg(accuracy)));
    }
    if (known_bad_green)
      QEXPECT_FAIL("", "issue #13: the shipped model paints this green magenta/brown", Continue);
    QVERIFY2(green_a < 0.0, qPrintable(QString("green areas have mean a* %1 >= 0").arg(green_a)));
  }

 private:
  std::unique_ptr<cf::model::Colorizer> colorizer_;
};

QTEST_GUILESS_MAIN(TestDefaultModelColours)
#include "tst_default_model_colours.moc"
