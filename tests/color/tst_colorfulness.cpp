// Hasler-Suesstrunk colourfulness on hand-computed cases.

#include <QtTest>
#include <opencv2/core.hpp>

#include "color/Colorfulness.h"

class TestColorfulness : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void greyIsZero() {
    cv::Mat grey(32, 32, CV_8UC3);
    cv::randu(grey, 0, 256);
    cv::Mat ch[3];
    cv::split(grey, ch);
    cv::Mat same[] = {ch[0], ch[0], ch[0]};
    cv::merge(same, 3, grey);
    QCOMPARE(cf::color::colorfulness(grey), 0.0);
  }

  void uniformColourIsPointThreeTimesMeanMagnitude() {
    // Pure red: rg = 255, yb = 127.5 everywhere; sigma = 0, mu = sqrt(255^2 + 127.5^2).
    cv::Mat red(8, 8, CV_8UC3, cv::Scalar(255, 0, 0));
    const double expected = 0.3 * std::sqrt(255.0 * 255.0 + 127.5 * 127.5);
    QVERIFY(std::abs(cf::color::colorfulness(red) - expected) < 1e-6);
    cv::Mat red_f(8, 8, CV_32FC3, cv::Scalar(1, 0, 0));
    QVERIFY(std::abs(cf::color::colorfulness(red_f) - expected) < 1e-3);
  }

  void halfRedHalfGreen() {
    // rg = +255 / -255 (sigma 255, mean 0); yb = 127.5 both (sigma 0, mean 127.5).
    cv::Mat img(8, 8, CV_8UC3, cv::Scalar(255, 0, 0));
    img(cv::Rect(0, 0, 4, 8)).setTo(cv::Scalar(0, 255, 0));
    const double expected = 255.0 + 0.3 * 127.5;
    QVERIFY(std::abs(cf::color::colorfulness(img) - expected) < 1e-6);
  }
};

QTEST_GUILESS_MAIN(TestColorfulness)
#include "tst_colorfulness.moc"
