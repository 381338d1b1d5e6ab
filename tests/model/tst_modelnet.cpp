// Network contract, ab bins, annealed-mean decoding, hints and a short training run.

#include <QtTest>
#include <cmath>

#include <torch/torch.h>

#include "model/AbBins.h"
#include "model/ColorizationNet.h"
#include "model/Losses.h"
#include "model/ModelConfig.h"

using namespace cf::model;

namespace {

ModelConfig config(const QString& preset, Head head, bool hints = true) {
  ModelConfig c;
  c.preset = preset;
  c.head = head;
  c.hints = hints;
  return c;
}

/// A synthetic training image: L ramps left to right, ab is orange in the top half and blue in
/// the bottom half.
std::pair<torch::Tensor, torch::Tensor> syntheticImage(int64_t h, int64_t w) {
  auto l = torch::linspace(20, 80, w).view({1, 1, 1, w}).expand({1, 1, h, w}).contiguous();
  auto ab = torch::zeros({1, 2, h, w});
  ab.index_put_({0, 0, torch::indexing::Slice(0, h / 2)}, 40.0);
  ab.index_put_({0, 1, torch::indexing::Slice(0, h / 2)}, 50.0);
  ab.index_put_({0, 0, torch::indexing::Slice(h / 2, h)}, 10.0);
  ab.index_put_({0, 1, torch::indexing::Slice(h / 2, h)}, -45.0);
  return {l, ab};
}

}  // namespace

class TestModelNet : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    torch::manual_seed(7);
    torch::set_num_threads(2);
  }

  void configValidation() {
    QVERIFY(config(QStringLiteral("slim"), Head::L2).validate().ok());
    ModelConfig bad = config(QStringLiteral("slim"), Head::L2);
    bad.architecture = QStringLiteral("resnet-unet");
    QVERIFY(!bad.validate().ok());
    QVERIFY(
        QString::fromStdString(bad.validate().message()).contains(QLatin1String("architecture")));
    QVERIFY(!presetSpec(QStringLiteral("huge")).ok());
    auto round = ModelConfig::fromJson(config(QStringLiteral("tiny"), Head::L2, false).toJson());
    QVERIFY(round.ok());
    QCOMPARE(round->preset, QStringLiteral("tiny"));
    QCOMPARE(round->head, Head::L2);
    QCOMPARE(round->hints, false);
    QVERIFY(!headFromName(QStringLiteral("softmax")).ok());
  }

  void shapeContract_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("classification");
    for (const QString& p : presetNames()) {
      QTest::newRow(qPrintable(p + "-l2")) << p << false;
      QTest::newRow(qPrintable(p + "-cls")) << p << true;
    }
  }

  void shapeContract() {
    QFETCH(QString, preset);
    QFETCH(bool, classification);
    const Head head = classification ? Head::Classification : Head::L2;
    ColorizationNet net(config(preset, head));
    net->eval();
    const int m = net->preset().multiple_px();
    const int64_t h = 2 * m;
    const int64_t w = 3 * m;
    const int s = net->preset().hypercolumn_stride;
    torch::NoGradGuard ng;
    auto l = torch::rand({2, 1, h, w}) * 100.0;
    auto raw = net->forward(l);
    QCOMPARE(raw.dim(), int64_t(4));
    QCOMPARE(raw.size(0), int64_t(2));
    QCOMPARE(raw.size(1), int64_t(net->outputChannels()));
    QCOMPARE(raw.size(2), h / s);
    QCOMPARE(raw.size(3), w / s);
    QCOMPARE(net->outputChannels(), classification ? net->bins().count() : 2);
    auto dec = net->decode(raw, 0.38);
    QCOMPARE(dec.ab.sizes().vec(), (std::vector<int64_t>{2, 2, h / s, w / s}));
    QVERIFY(torch::isfinite(dec.ab).all().item<bool>());
    QCOMPARE(dec.confidence.defined(), classification);
    if (classification) {
      QCOMPARE(dec.confidence.size(1), int64_t(1));
      QVERIFY(dec.confidence.min().item<float>() >= 0.0f);
      QVERIFY(dec.confidence.max().item<float>() <= 1.0f);
      // Annealed mean of bin centres stays inside the bin lattice's hull.
      QVERIFY(dec.ab.abs().max().item<float>() <= 130.0f);
    }
    // Hypercolumn = sum of the five VGG widths + 3 hint channels.
    int expected = 3;
    for (int c : net->preset().backbone_widths)
      expected += c;
    QCOMPARE(net->hypercolumnChannels(), expected);
  }

  void presetsDiffer() {
    ColorizationNet full(config(QStringLiteral("full"), Head::L2));
    ColorizationNet slim(config(QStringLiteral("slim"), Head::L2));
    ColorizationNet tiny(config(QStringLiteral("tiny"), Head::L2));
    QCOMPARE(full->preset().backbone_widths, (std::array<int, 5>{64, 128, 256, 512, 512}));
    QVERIFY(parameterCount(*full) > 10 * parameterCount(*slim));
    QVERIFY(parameterCount(*slim) > parameterCount(*tiny));
  }

  void inGamutBins() {
    const AbBins bins = AbBins::inGamut(10);
    qInfo() << "in-gamut ab bins at grid 10:" << bins.count();
    // Zhang et al. keep 313; the sRGB gamut itself gives fewer (see MODEL_FORMAT.md).
    QVERIFY(bins.count() > 240 && bins.count() < 330);
    const auto c = bins.centres();
    bool has_zero = false;
    for (int64_t q = 0; q < c.size(0); ++q) {
      const double a = c[q][0].item<float>();
      const double b = c[q][1].item<float>();
      if (a == 0.0 && b == 0.0)
        has_zero = true;
      // Some colour within the bin's cell is in gamut for some L.
      bool some = false;
      for (int i = 0; i <= 8 && !some; ++i)
        for (int j = 0; j <= 8 && !some; ++j)
          for (int l = 0; l <= 100 && !some; ++l)
            some = labInSrgbGamut(l, a - 4.99 + 1.2475 * i, b - 4.99 + 1.2475 * j);
      QVERIFY2(some, qPrintable(QStringLiteral("bin %1,%2 is never in gamut").arg(a).arg(b)));
    }
    QVERIFY(has_zero);
    QVERIFY(!labInSrgbGamut(50, 120, 120));
    QVERIFY(labInSrgbGamut(50, 0, 0));
    QVERIFY(AbBins::inGamut(20).count() < bins.count() / 3);

    // Every in-gamut colour quantises to a bin within grid/sqrt(2) of it.
    auto lab = torch::rand({20000, 3}) * torch::tensor({100.0f, 240.0f, 240.0f}) -
               torch::tensor({0.0f, 120.0f, 120.0f});
    std::vector<float> ab;
    const auto acc = lab.accessor<float, 2>();
    for (int64_t i = 0; i < lab.size(0); ++i) {
      if (labInSrgbGamut(acc[i][0], acc[i][1], acc[i][2])) {
        ab.push_back(acc[i][1]);
        ab.push_back(acc[i][2]);
      }
    }
    const auto n = static_cast<int64_t>(ab.size() / 2);
    QVERIFY(n > 500);
    auto pts = torch::from_blob(ab.data(), {n, 2}).clone();
    auto idx = bins.quantize(pts.t().contiguous().view({1, 2, 1, n})).view({n});
    const float worst = (c.index({idx}) - pts).norm(2, 1).max().item<float>();
    QVERIFY2(worst <= 5.0f * std::sqrt(2.0f) + 1e-3f, qPrintable(QString::number(worst)));
  }

  void quantizationRoundTrip() {
    const AbBins bins = AbBins::inGamut(10);
    const int64_t q = bins.count();
    // Every centre quantises to itself.
    auto centres = bins.centres().t().contiguous().view({1, 2, 1, q});
    auto idx = bins.quantize(centres).view({q});
    QVERIFY(torch::equal(idx, torch::arange(q)));
    // Points jittered by less than half a bin stay in their bin.
    auto jitter = (torch::rand({1, 2, 1, q}) - 0.5) * 9.0;
    QVERIFY(torch::equal(bins.quantize(centres + jitter).view({q}), torch::arange(q)));
    // Soft encoding: a distribution per pixel whose peak is the nearest bin.
    auto ab = (torch::rand({2, 2, 4, 5}) - 0.5) * 120.0;
    auto soft = bins.softEncode(ab);
    QCOMPARE(soft.size(1), q);
    QVERIFY(torch::allclose(soft.sum(1), torch::ones({2, 4, 5}), 1e-5, 1e-5));
    QVERIFY(torch::equal(soft.argmax(1), bins.quantize(ab)));
  }

  void annealedMean() {
    const AbBins bins = AbBins::inGamut(10);
    const int64_t q = bins.count();
    const auto c = bins.centres();
    // Hand-built distribution: 0.4 on bin m, 0.3 on bin u, 0.3 spread evenly over the rest.
    const int64_t m = q / 3;
    const int64_t u = (2 * q) / 3;
    auto p = torch::full({q}, 0.3 / static_cast<double>(q - 2));
    p[m] = 0.4;
    p[u] = 0.3;
    auto probs = p.view({1, q, 1, 1});
    const auto mean = (p.view({q, 1}) * c).sum(0);
    const auto t1 = bins.annealedMean(probs, 1.0).view({2});
    QVERIFY(torch::allclose(t1, mean, 1e-4, 1e-3));
    const auto t0 = bins.annealedMean(probs, 1e-3).view({2});
    QVERIFY(torch::allclose(t0, c[m], 1e-4, 1e-3));
    // The default T lies between: closer to the mode than the mean is.
    const auto t38 = bins.annealedMean(probs, 0.38).view({2});
    QVERIFY((t38 - c[m]).norm().item<float>() < (mean - c[m]).norm().item<float>());
    // From logits gives the same as from probabilities.
    const auto from_logits = bins.annealedMeanFromLogits(torch::log(probs) + 3.0, 0.38).view({2});
    QVERIFY(torch::allclose(from_logits, t38, 1e-4, 1e-3));
  }

  void entropyConfidence() {
    const int64_t q = 313;
    auto uniform = torch::full({1, q, 1, 1}, 1.0 / q);
    auto onehot = torch::zeros({1, q, 1, 1});
    onehot[0][5][0][0] = 1.0;
    QVERIFY(AbBins::confidenceFromProbs(uniform).item<float>() < 1e-4f);
    QVERIFY(AbBins::confidenceFromProbs(onehot).item<float>() > 0.999f);
    auto two = torch::zeros({1, q, 1, 1});
    two[0][1][0][0] = 0.5;
    two[0][2][0][0] = 0.5;
    const float mid = AbBins::confidenceFromProbs(two).item<float>();
    QVERIFY(mid > 0.5f && mid < 1.0f);
  }

  void hintsChangeOutput() {
    ColorizationNet net(config(QStringLiteral("tiny"), Head::Classification));
    net->eval();
    torch::NoGradGuard ng;
    auto l = torch::rand({1, 1, 128, 128}) * 100.0;
    auto automatic = net->decode(net->forward(l), 0.38).ab;
    auto zeros = net->decode(net->forward(l, torch::zeros({1, 3, 128, 128})), 0.38).ab;
    QVERIFY(torch::equal(automatic, zeros));  // all-zero hints == automatic

    auto hints = torch::zeros({1, 3, 128, 128});
    using torch::indexing::Slice;
    hints.index_put_({0, 0, Slice(32, 48), Slice(32, 48)}, 60.0);
    hints.index_put_({0, 1, Slice(32, 48), Slice(32, 48)}, -40.0);
    hints.index_put_({0, 2, Slice(32, 48), Slice(32, 48)}, 1.0);
    auto hinted = net->decode(net->forward(l, hints), 0.38).ab;
    // Output grid is 1/8: the hinted patch covers cells 4..5.
    const auto diff = (hinted - automatic).abs();
    QVERIFY(diff.index({0, Slice(), Slice(4, 6), Slice(4, 6)}).max().item<float>() > 1e-3f);

    // A model built without hint support ignores them by construction (3 fewer input channels).
    ColorizationNet plain(config(QStringLiteral("tiny"), Head::Classification, false));
    QCOMPARE(plain->hypercolumnChannels() + 3, net->hypercolumnChannels());
  }

  void trainingReducesLoss_data() {
    QTest::addColumn<bool>("classification");
    QTest::newRow("l2") << false;
    QTest::newRow("classification") << true;
  }

  void trainingReducesLoss() {
    QFETCH(bool, classification);
    torch::manual_seed(3);
    ColorizationNet net(
        config(QStringLiteral("tiny"), classification ? Head::Classification : Head::L2));
    net->train();
    auto [l, ab] = syntheticImage(128, 128);
    torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(3e-3));
    auto lossOf = [&](const torch::Tensor& raw) {
      return classification ? classificationLoss(raw, ab, net->bins()) : l2Loss(raw, ab);
    };
    double first = 0.0;
    double last = 0.0;
    for (int step = 0; step < 40; ++step) {
      opt.zero_grad();
      auto loss = lossOf(net->forward(l));
      loss.backward();
      opt.step();
      if (step == 0)
        first = loss.item<double>();
      last = loss.item<double>();
    }
    net->eval();
    torch::NoGradGuard ng;
    const double eval_loss = lossOf(net->forward(l)).item<double>();
    qInfo() << (classification ? "classification" : "l2") << "loss" << first << "->" << last
            << "eval" << eval_loss;
    QVERIFY(std::isfinite(last));
    QVERIFY2(last < 0.6 * first, "training loss did not drop by 40 %");
  }
};

QTEST_GUILESS_MAIN(TestModelNet)
#include "tst_modelnet.moc"
