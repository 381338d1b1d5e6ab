// Regression guard for the shipped default model: real colour photos with known answers from
// Debian's opencv-doc (a green football pitch, green leaves around a brown squirrel, forest from
// the air) are made grey and colourised on colorize's path (default working height, padding,
// L-guided upsampling, chroma fade). The model must get the hues mostly right and must paint the
// green areas green: a model or code change that brings back the magenta cast fails here.

#include <QFileInfo>
#include <QtTest>
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
    s.device = cf::model::DeviceChoice::CPU;  // the defaults of colorize otherwise
    auto c = cf::model::Colorizer::create(s);
    QVERIFY2(c.ok(), c.ok() ? "" : c.message().c_str());
    colorizer_ = std::move(c.value());
  }

  void photoHasRightHuesAndGreenStaysGreen_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("pitch") << "messi5.jpg";
    QTest::newRow("squirrel") << "squirrel_cls.jpg";
    QTest::newRow("forest") << "aero3.jpg";
  }

  void photoHasRightHuesAndGreenStaysGreen() {
    QFETCH(QString, file);
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
    QVERIFY(score.hue_coloured > 0.1 * static_cast<double>(truth.l.total()));
    const double accuracy = score.hue_hits / score.hue_coloured;

    // Green in the truth: clearly coloured, a* well below zero.
    double a_sum = 0.0, green = 0.0;
    for (int r = 0; r < ab.rows; ++r)
      for (int c = 0; c < ab.cols; ++c) {
        const cv::Vec2f t = truth.ab.at<cv::Vec2f>(r, c);
        if (t[0] < -8.f && std::hypot(t[0], t[1]) > 12.0) {
          a_sum += ab.at<cv::Vec2f>(r, c)[0];
          green += 1.0;
        }
      }
    QVERIFY(green > 0.05 * static_cast<double>(truth.l.total()));
    const double green_a = a_sum / green;
    qInfo("%s: hue accuracy %.3f, mean a* of the green areas %.2f, cast %.2f", qPrintable(file),
          accuracy, green_a, score.cast);
    QVERIFY2(accuracy >= 0.5, qPrintable(QString("hue accuracy %1 < 0.5").arg(accuracy)));
    QVERIFY2(green_a < 0.0, qPrintable(QString("green areas have mean a* %1 >= 0").arg(green_a)));
  }

 private:
  std::unique_ptr<cf::model::Colorizer> colorizer_;
};

QTEST_GUILESS_MAIN(TestDefaultModelColours)
#include "tst_default_model_colours.moc"
