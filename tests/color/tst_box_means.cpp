// BoxMeans equals cv::boxFilter (CV_32F, normalised, BORDER_REFLECT) bit for bit, for every plane
// of a multi-plane pass, on sizes from the smallest it takes to a working-resolution frame, and on
// values whose magnitudes differ widely (so that any change in the order of the double additions
// would show).
#include <QtTest>
#include <cstring>
#include <opencv2/imgproc.hpp>

#include "color/BoxMeans.h"

using namespace cf::color;

namespace {

cv::Mat boxFilter(const cv::Mat& m, int r) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, cv::Size(2 * r + 1, 2 * r + 1), cv::Point(-1, -1), true,
                cv::BORDER_REFLECT);
  return out;
}

// Random values with magnitudes from 1e-8 to 1e3 and both signs.
cv::Mat wildPlane(int rows, int cols, cv::RNG& rng) {
  cv::Mat m(rows, cols, CV_32F);
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x)
      m.at<float>(y, x) = float(rng.uniform(-1.0, 1.0) * std::pow(10.0, rng.uniform(-8.0, 3.0)));
  return m;
}

bool bitEqual(const cv::Mat& a, const cv::Mat& b) {
  if (a.size() != b.size() || a.type() != b.type())
    return false;
  for (int y = 0; y < a.rows; ++y)
    if (std::memcmp(a.ptr(y), b.ptr(y), a.cols * a.elemSize()) != 0)
      return false;
  return true;
}

}  // namespace

class TstBoxMeans : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void supportsRadiiOneAndTwoOnLargeEnoughPlanes() {
    QVERIFY(BoxMeans::supports(5, 5, 2));
    QVERIFY(BoxMeans::supports(3, 3, 1));
    QVERIFY(!BoxMeans::supports(4, 9, 2));
    QVERIFY(!BoxMeans::supports(9, 4, 2));
    QVERIFY(!BoxMeans::supports(64, 64, 3));
    QVERIFY(!BoxMeans::supports(64, 64, 0));
  }

  void equalsOpenCvBitForBit_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("radius");
    for (int r : {1, 2}) {
      const int k = 2 * r + 1;
      QTest::addRow("smallest r%d", r) << k << k << r;
      QTest::addRow("odd r%d", r) << k + 2 << k + 5 << r;
      QTest::addRow("tall r%d", r) << 61 << k << r;
      QTest::addRow("wide r%d", r) << k << 97 << r;
      QTest::addRow("working 16:9 r%d", r) << 256 << 455 << r;
      QTest::addRow("working 4:3 r%d", r) << 128 << 171 << r;
    }
  }
  void equalsOpenCvBitForBit() {
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, radius);
    cv::RNG rng(uint64_t(rows * 1000 + cols * 10 + radius));
    const int planes = 3;
    std::vector<cv::Mat> in;
    for (int p = 0; p < planes; ++p)
      in.push_back(p == 0 ? wildPlane(rows, cols, rng) : cv::Mat(rows, cols, CV_32F));
    rng.fill(in[1], cv::RNG::UNIFORM, 0.0, 1.0);       // a guide's range
    rng.fill(in[2], cv::RNG::UNIFORM, -110.0, 110.0);  // an ab channel's
    std::vector<cv::Mat> out(size_t(planes), cv::Mat(rows, cols, CV_32F, cv::Scalar(-1)));
    for (cv::Mat& m : out)
      m = cv::Mat(rows, cols, CV_32F, cv::Scalar(-1));
    std::vector<int> asked(size_t(rows), 0);
    int next_out = 0;
    BoxMeans box(planes, rows, cols, radius);
    box.run(
        [&](int y, float* const* row) {
          ++asked[size_t(y)];
          for (int p = 0; p < planes; ++p)
            std::memcpy(row[p], in[size_t(p)].ptr<float>(y), sizeof(float) * size_t(cols));
        },
        [&](int y, const float* const* mean) {
          QCOMPARE(y, next_out++);
          for (int p = 0; p < planes; ++p)
            std::memcpy(out[size_t(p)].ptr<float>(y), mean[p], sizeof(float) * size_t(cols));
        });
    QCOMPARE(next_out, rows);
    for (int y = 0; y < rows; ++y)
      QVERIFY(asked[size_t(y)] >= 1 && asked[size_t(y)] <= 2);
    for (int p = 0; p < planes; ++p)
      QVERIFY2(bitEqual(out[size_t(p)], boxFilter(in[size_t(p)], radius)),
               qPrintable(QStringLiteral("plane %1 differs").arg(p)));
  }
};

QTEST_GUILESS_MAIN(TstBoxMeans)
#include "tst_box_means.moc"
