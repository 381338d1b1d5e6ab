// core/train data side: folder scan and hold-out split, augmentation (ab untouched, L-only
// changes, flip, determinism), hint sampling, batches and the prefetching loader, and class
// rebalancing weights on hand-made distributions.

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include <torch/torch.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "color/LabConversion.h"
#include "common/TestMedia.h"
#include "model/AbBins.h"
#include "train/Augmentation.h"
#include "train/BatchLoader.h"
#include "train/ClassRebalancing.h"
#include "train/HintSampler.h"
#include "train/TrainDataset.h"

using namespace cf::train;

namespace {

/// CV_8UC3 RGB solid colour.
cv::Mat solid(int w, int h, cv::Vec3b rgb) {
  return cv::Mat(h, w, CV_8UC3, cv::Scalar(rgb[0], rgb[1], rgb[2]));
}

/// Left half one colour, right half another (RGB).
cv::Mat halves(int w, int h, cv::Vec3b left, cv::Vec3b right) {
  cv::Mat m = solid(w, h, left);
  m(cv::Rect(w / 2, 0, w - w / 2, h)).setTo(cv::Scalar(right[0], right[1], right[2]));
  return m;
}

bool writeRgb(const QString& path, const cv::Mat& rgb) {
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  return cv::imwrite(path.toStdString(), bgr);
}

/// Writes `count` small images into dir/a, dir/b/c (PNG, lossless) and a text file.
void makeTree(const QString& dir, int count) {
  QDir().mkpath(dir + "/a");
  QDir().mkpath(dir + "/b/c");
  for (int i = 0; i < count; ++i) {
    const QString sub = i % 2 ? QStringLiteral("/a/") : QStringLiteral("/b/c/");
    const auto v = static_cast<uchar>(20 + 9 * i);
    QVERIFY(writeRgb(dir + sub + QStringLiteral("img%1.png").arg(i, 3, 10, QLatin1Char('0')),
                     halves(40 + i, 30, {v, 60, 200}, {200, v, 40})));
  }
  QFile notes(dir + "/a/notes.txt");
  QVERIFY(notes.open(QIODevice::WriteOnly));
  notes.write("not an image");
}

cv::Vec2f labAb(cv::Vec3b rgb) {
  cv::Mat f(1, 1, CV_32FC3, cv::Scalar(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0));
  const cv::Vec3f lab = cf::color::rgbToLab(f).at<cv::Vec3f>(0, 0);
  return {lab[1], lab[2]};
}

}  // namespace

class TestTrainData : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void scanAndSplit() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    makeTree(tmp.path() + "/one", 40);
    auto ds = TrainDataset::scan({tmp.path() + "/one"}, 1, 0.25);
    QVERIFY2(ds.ok(), ds.ok() ? "" : ds.message().c_str());
    QCOMPARE(ds->train().size() + ds->validation().size(), size_t(40));  // the .txt is ignored
    QVERIFY(!ds->validation().empty());
    QVERIFY(ds->train().size() > ds->validation().size());
    // The split follows the path relative to the folder: a copy elsewhere splits the same way.
    makeTree(tmp.path() + "/elsewhere/two", 40);
    auto copy = TrainDataset::scan({tmp.path() + "/elsewhere/two"}, 1, 0.25);
    QVERIFY(copy.ok());
    QCOMPARE(copy->validation().size(), ds->validation().size());
    for (size_t i = 0; i < ds->validation().size(); ++i)
      QCOMPARE(QFileInfo(copy->validation()[i].path).fileName(),
               QFileInfo(ds->validation()[i].path).fileName());
    // Train and validation never share a file; fraction 0 holds nothing out.
    for (const auto& v : ds->validation())
      for (const auto& t : ds->train())
        QVERIFY(v.path != t.path);
    auto none = TrainDataset::scan({tmp.path() + "/one"}, 1, 0.0);
    QVERIFY(none.ok());
    QCOMPARE(none->validation().size(), size_t(0));
    // Errors: missing folder, folder without pictures.
    auto missing = TrainDataset::scan({tmp.path() + "/nope"}, 1, 0.1);
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.message()).contains("does not exist"));
    QDir().mkpath(tmp.path() + "/empty");
    QVERIFY(!TrainDataset::scan({tmp.path() + "/empty"}, 1, 0.1).ok());
  }

  void videoFramesAreSamples() {
    QTemporaryDir tmp;
    cf::test::ClipSpec clip;
    clip.path = tmp.path() + "/clip.mp4";
    clip.width_px = 64;
    clip.height_px = 48;
    clip.frames = 12;
    const QString error = cf::test::makeClip(clip);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto ds = TrainDataset::scan({clip.path}, 5, 0.0);
    QVERIFY2(ds.ok(), ds.ok() ? "" : ds.message().c_str());
    QCOMPARE(ds->train().size(), size_t(3));  // frames 0, 5, 10
    QCOMPARE(ds->train()[2].frame, int64_t(10));
    SampleDecoder decoder;
    auto rgb = decoder.decodeRgb8(ds->train()[2]);
    QVERIFY2(rgb.ok(), rgb.ok() ? "" : rgb.message().c_str());
    QCOMPARE(rgb->size(), cv::Size(64, 48));
    QCOMPARE(rgb->type(), CV_8UC3);
    // The whole video is on one side of the split.
    auto held = TrainDataset::scan({clip.path}, 5, 0.49);
    QVERIFY(held.ok() || QString::fromStdString(held.message()).contains("no training"));
  }

  void augmentationKeepsAbAndChangesOnlyL() {
    const cv::Vec3b colour{200, 80, 40};
    const cv::Mat img = solid(50, 40, colour);
    AugmentSettings a;
    a.crop_px = 32;
    a.film_fraction = 1.0;
    a.film_grain_max = 4.0;
    a.gamma_jitter = 0.3;
    Rng rng1 = sampleRng(7, 3, 1);
    const LabSample s = augmentSample(img, a, rng1);
    QCOMPARE(s.l.size(), cv::Size(32, 32));
    QCOMPARE(s.ab.type(), CV_32FC2);
    const cv::Vec2f truth = labAb(colour);
    cv::Mat diff = cv::abs(s.ab - cv::Scalar(truth[0], truth[1]));
    double worst = 0.0;
    cv::minMaxLoc(diff.reshape(1), nullptr, &worst);
    QVERIFY2(worst < 0.05, qPrintable(QString::number(worst)));  // ab is the true colour
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(s.l, &lo, &hi);
    QVERIFY(lo >= 0.0 && hi <= 100.0);
    cv::Scalar mean, stddev;
    cv::meanStdDev(s.l, mean, stddev);
    QVERIFY2(stddev[0] > 0.1, "film grain should vary L on a flat picture");
    // Same generator state -> same sample; another seed -> another sample.
    Rng again = sampleRng(7, 3, 1);
    const LabSample s2 = augmentSample(img, a, again);
    QCOMPARE(cv::norm(s.l, s2.l, cv::NORM_INF), 0.0);
    Rng other = sampleRng(7, 3, 2);
    QVERIFY(cv::norm(s.l, augmentSample(img, a, other).l, cv::NORM_INF) > 0.0);
  }

  void flipAndCrop() {
    // Left red, right blue; with the whole picture taken (min_crop_frac 1 on a square) the flip
    // must show blue on the left.
    const cv::Vec3b red{220, 30, 30}, blue{30, 40, 220};
    const cv::Mat img = halves(64, 64, red, blue);
    AugmentSettings a;
    a.crop_px = 32;
    a.min_crop_frac = 1.0;
    a.gamma_jitter = 0.0;
    a.contrast_jitter = 0.0;
    a.film_fraction = 0.0;
    int flipped = 0, kept = 0;
    for (int i = 0; i < 40; ++i) {
      Rng rng = sampleRng(1, 0, i);
      const LabSample s = augmentSample(img, a, rng);
      const float left_b = s.ab.at<cv::Vec2f>(16, 2)[1];
      const float right_b = s.ab.at<cv::Vec2f>(16, 29)[1];
      if (left_b < right_b)
        ++flipped;  // blue (negative b) on the left
      else
        ++kept;
      QVERIFY(std::abs(left_b - right_b) > 40.0f);
    }
    QVERIFY2(flipped > 8 && kept > 8, qPrintable(QStringLiteral("%1/%2").arg(flipped).arg(kept)));
    // Without flipping, never mirrored.
    a.flip = false;
    for (int i = 0; i < 10; ++i) {
      Rng rng = sampleRng(1, 0, i);
      const LabSample s = augmentSample(img, a, rng);
      QVERIFY(s.ab.at<cv::Vec2f>(16, 2)[1] > s.ab.at<cv::Vec2f>(16, 29)[1]);
    }
  }

  void hintSampling() {
    cv::Mat ab(40, 40, CV_32FC2);
    for (int y = 0; y < ab.rows; ++y)
      for (int x = 0; x < ab.cols; ++x)
        ab.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(x - 20), static_cast<float>(y));
    HintSettings h;
    h.point_p = 0.125;
    h.max_patch_px = 5;
    Rng rng(42);
    double total = 0.0;
    const int trials = 400;
    int with_none = 0;
    for (int t = 0; t < trials; ++t) {
      const auto points = sampleHintPoints(ab, h, rng);
      total += static_cast<double>(points.size());
      with_none += points.empty() ? 1 : 0;
      for (const auto& p : points) {
        QVERIFY(p.patch.width >= 1 && p.patch.width <= 5 && p.patch.width == p.patch.height);
        QVERIFY((cv::Rect(0, 0, 40, 40) & p.patch) == p.patch);
        // The patch mean of this linear ramp is its centre.
        const float cx = p.patch.x + (p.patch.width - 1) / 2.0f - 20.0f;
        const float cy = p.patch.y + (p.patch.height - 1) / 2.0f;
        QVERIFY(std::abs(p.ab[0] - cx) < 1e-3f && std::abs(p.ab[1] - cy) < 1e-3f);
      }
      if (t == 0 && !points.empty()) {
        const cv::Mat img = renderHints(ab.size(), points);
        const cv::Vec3f inside = img.at<cv::Vec3f>(points[0].patch.y, points[0].patch.x);
        QCOMPARE(inside[2], 1.0f);
      }
    }
    const double mean = total / trials;  // geometric: (1 - p) / p = 7
    QVERIFY2(mean > 5.5 && mean < 8.5, qPrintable(QString::number(mean)));
    QVERIFY(with_none > 10 && with_none < 100);  // P(0) = 1/8 -> ~50
    // Mask is zero outside the patches.
    const cv::Mat img = renderHints(ab.size(), {HintPoint{cv::Rect(2, 3, 2, 2), {5.0f, -7.0f}}});
    std::vector<cv::Mat> planes;
    cv::split(img, planes);
    QCOMPARE(cv::countNonZero(planes[2]), 4);
    QCOMPARE(img.at<cv::Vec3f>(4, 3)[1], -7.0f);
  }

  void denseHintsHaveHolesAndCarryTheTruth() {
    // A ramp in a and a constant b: away from the holes and the blur's reach, the hint is the
    // truth; the holes are zero with mask 0; every sample has 5..95 % unknown.
    cv::Mat ab(64, 96, CV_32FC2);
    for (int y = 0; y < ab.rows; ++y)
      for (int x = 0; x < ab.cols; ++x)
        ab.at<cv::Vec2f>(y, x) = cv::Vec2f(static_cast<float>(x) - 48.0f, 12.0f);
    Rng rng(7);
    int edge_bands = 0;
    double mean_known = 0.0;
    const int trials = 200;
    for (int t = 0; t < trials; ++t) {
      const cv::Mat img = renderDenseHints(ab, rng);
      QCOMPARE(img.size(), ab.size());
      QCOMPARE(img.type(), CV_32FC3);
      std::vector<cv::Mat> planes;
      cv::split(img, planes);
      const double known = double(cv::countNonZero(planes[2])) / double(planes[2].total());
      QVERIFY2(known >= 0.05 && known <= 0.95, qPrintable(QString::number(known)));
      mean_known += known;
      // The mask is exactly 0 or 1, and the colour is zero where it is 0.
      QCOMPARE(cv::countNonZero((planes[2] != 0) & (planes[2] != 1)), 0);
      QCOMPARE(cv::countNonZero((planes[2] == 0) & (planes[0] != 0)), 0);
      // Known colour: b is the truth exactly (a blur keeps a constant), a within a blur's
      // reach of the ramp's value (2 px of sigma, reflected borders: at most a few units).
      for (int y = 0; y < ab.rows; ++y)
        for (int x = 0; x < ab.cols; ++x) {
          const cv::Vec3f v = img.at<cv::Vec3f>(y, x);
          if (v[2] == 1.0f) {
            QVERIFY(std::abs(v[1] - 12.0f) < 1e-3f);
            QVERIFY2(std::abs(v[0] - (float(x) - 48.0f)) < 4.0f, qPrintable(QString::number(v[0])));
          }
        }
      // An edge band shows as a whole unknown column or row at the border.
      const bool left = cv::countNonZero(planes[2].col(0)) == 0;
      const bool right = cv::countNonZero(planes[2].col(ab.cols - 1)) == 0;
      const bool top = cv::countNonZero(planes[2].row(0)) == 0;
      const bool bottom = cv::countNonZero(planes[2].row(ab.rows - 1)) == 0;
      edge_bands += (left || right || top || bottom) ? 1 : 0;
    }
    mean_known /= trials;
    // Mostly known (the propagation reaches most of a frame), with holes to learn from.
    QVERIFY2(mean_known > 0.5 && mean_known < 0.9, qPrintable(QString::number(mean_known)));
    QVERIFY2(edge_bands > 20, qPrintable(QString::number(edge_bands)));
  }

  void denseHintBatchesFollowTheShare() {
    QTemporaryDir tmp;
    makeTree(tmp.path(), 12);
    auto ds = TrainDataset::scan({tmp.path()}, 1, 0.0);
    QVERIFY(ds.ok());
    BatchRecipe r;
    r.augment.crop_px = 32;
    r.batch_size = 4;
    r.seed = 3;
    r.hints.batch_fraction = 1.0;
    r.hints.point_p = 1.0;  // point hints: always none, so any hint seen is a dense one
    SampleDecoder decoder;
    // With dense_fraction 0 no sample gets hints, with 1 every one gets 5..95 % of it.
    for (double dense : {0.0, 1.0}) {
      r.hints.dense_fraction = dense;
      int dense_samples = 0;
      for (int step = 0; step < 4; ++step) {
        auto b = makeBatch(ds->train(), r, step, decoder);
        QVERIFY(b.ok());
        QVERIFY(b->hints.defined());
        for (int i = 0; i < 4; ++i) {
          const double known = b->hints[i][2].mean().item<double>();
          QVERIFY(known == 0.0 || (known >= 0.05 && known <= 0.95));
          dense_samples += known > 0.0 ? 1 : 0;
        }
      }
      QCOMPARE(dense_samples, dense > 0.0 ? 16 : 0);
    }
  }

  void batchesAreDeterministicAndPrefetched() {
    QTemporaryDir tmp;
    makeTree(tmp.path(), 12);
    auto ds = TrainDataset::scan({tmp.path()}, 1, 0.0);
    QVERIFY(ds.ok());
    BatchRecipe r;
    r.augment.crop_px = 16;
    r.batch_size = 3;
    r.seed = 5;
    r.hints.batch_fraction = 0.5;
    SampleDecoder decoder;
    int with_hints = 0;
    std::vector<Batch> direct;
    for (int step = 0; step < 16; ++step) {
      auto b = makeBatch(ds->train(), r, step, decoder);
      QVERIFY2(b.ok(), b.ok() ? "" : b.message().c_str());
      QCOMPARE(b->l.sizes(), (torch::IntArrayRef{3, 1, 16, 16}));
      QCOMPARE(b->ab.sizes(), (torch::IntArrayRef{3, 2, 16, 16}));
      if (b->hints.defined()) {
        ++with_hints;
        QCOMPARE(b->hints.sizes(), (torch::IntArrayRef{3, 3, 16, 16}));
      }
      direct.push_back(std::move(b.value()));
    }
    QVERIFY2(with_hints >= 3 && with_hints <= 13, qPrintable(QString::number(with_hints)));
    // An epoch (4 batches of 3 = 12 files) uses every file once: the L means are a permutation.
    // The loader with 2 workers and a queue of 2 yields exactly the same batches, in order,
    // starting anywhere (as a resumed run does).
    BatchLoader loader(ds->train(), r, 5, 2, 2);
    for (int step = 5; step < 16; ++step) {
      auto b = loader.next();
      QVERIFY(b.ok());
      QCOMPARE(b->step, int64_t(step));
      QVERIFY(torch::equal(b->l, direct[static_cast<size_t>(step)].l));
      QVERIFY(torch::equal(b->ab, direct[static_cast<size_t>(step)].ab));
      QCOMPARE(b->hints.defined(), direct[static_cast<size_t>(step)].hints.defined());
    }
    EpochOrder order(12, 5);
    std::vector<size_t> seen;
    for (int i = 0; i < 12; ++i)
      seen.push_back(order.at(i));
    std::sort(seen.begin(), seen.end());
    for (size_t i = 0; i < 12; ++i)
      QCOMPARE(seen[i], i);
  }

  void rebalancingOnHandMadeDistribution() {
    // Two bins far apart (no smoothing between them), counts 3:1, lambda 0.5, Q = 2:
    // p~ = (.75, .25); w ~ 1/(.5 p~ + .25) = (1.6, 2.667); E[w] = 1.8667 -> (0.857, 1.429).
    const auto centres = torch::tensor({0.0f, 0.0f, 100.0f, 0.0f}).view({2, 2});
    const auto counts = torch::tensor({3.0, 1.0});
    const auto w = rebalanceWeights(counts, centres, 5.0, 0.5);
    QVERIFY(std::abs(w[0].item<double>() - 0.6 / 0.7) < 1e-4);
    QVERIFY(std::abs(w[1].item<double>() - 1.0 / 0.7) < 1e-4);
    // lambda = 1: uniform prior, every weight 1.
    const auto flat = rebalanceWeights(counts, centres, 5.0, 1.0);
    QVERIFY(torch::allclose(flat, torch::ones({2})));

    // Three bins on a line 10 apart, sigma 5: mass spreads to neighbours and is kept.
    const auto line = torch::tensor({0.0f, 0.0f, 10.0f, 0.0f, 20.0f, 0.0f}).view({3, 2});
    const auto p = smoothBinDistribution(torch::tensor({0.0, 1.0, 0.0}), line, 5.0);
    QVERIFY(std::abs(p.sum().item<double>() - 1.0) < 1e-9);
    QVERIFY(p[0].item<double>() > 0.05 &&
            std::abs(p[0].item<double>() - p[2].item<double>()) < 1e-9);
    QVERIFY(p[1].item<double>() > p[0].item<double>());

    // Real bins: a distribution concentrated on grey gives greys the smallest weight, rare
    // saturated bins the largest, and the expected weight under p~ is 1.
    const auto bins = cf::model::AbBins::inGamut(10);
    const auto c = bins.centres();
    auto real = torch::ones({bins.count()}, torch::kFloat64);
    const auto grey = (c.pow(2).sum(1) < 1.0).nonzero().flatten();
    QCOMPARE(grey.numel(), int64_t(1));
    real.index_put_({grey}, 1000.0);
    const auto rw = rebalanceWeights(real, c, 5.0, 0.5);
    const auto smooth = smoothBinDistribution(real, c, 5.0);
    QVERIFY(std::abs((smooth * rw.to(torch::kFloat64)).sum().item<double>() - 1.0) < 1e-5);
    QCOMPARE(rw.argmin().item<int64_t>(), grey.item<int64_t>());
    QVERIFY(rw.max().item<double>() > 3.0 * rw.min().item<double>());
  }

  void binCountsFromImages() {
    QTemporaryDir tmp;
    QVERIFY(writeRgb(tmp.path() + "/red.png", solid(20, 20, {220, 30, 30})));
    QVERIFY(writeRgb(tmp.path() + "/grey.png", solid(20, 20, {128, 128, 128})));
    auto ds = TrainDataset::scan({tmp.path()}, 1, 0.0);
    QVERIFY(ds.ok());
    const auto bins = cf::model::AbBins::inGamut(10);
    auto counts = binCounts(ds->train(), bins, 10, 1, cf::CancelToken());
    QVERIFY(counts.ok());
    QCOMPARE(counts->sum().item<double>(), 2.0 * 64 * 64);
    QCOMPARE(static_cast<int>((counts.value() > 0).sum().item<int64_t>()), 2);  // two colours
  }
};

QTEST_GUILESS_MAIN(TestTrainData)
#include "tst_traindata.moc"
