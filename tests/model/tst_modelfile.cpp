// Model files (save/load, every bad-file error), TorchScript bring-your-own models, the VGG16
// import from torch.save files, and the Colorizer engine contract.

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/script.h>
#include <torch/torch.h>
#include <opencv2/core.hpp>

#include "TorchSaveWriter.h"
#include "model/Colorizer.h"
#include "model/Losses.h"
#include "model/ModelContainer.h"
#include "model/ModelFile.h"
#include "model/TorchStateDict.h"
#include "model/VggImport.h"

using namespace cf::model;
using cf::DeviceChoice;

namespace {

ColorizationNet tinyNet(Head head, bool train_a_bit) {
  ModelConfig c;
  c.preset = QStringLiteral("tiny");
  c.head = head;
  ColorizationNet net(c);
  if (train_a_bit) {  // move weights and BatchNorm statistics away from their defaults
    net->train();
    torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.01));
    auto l = torch::rand({2, 1, 128, 128}) * 100.0;
    auto ab = (torch::rand({2, 2, 128, 128}) - 0.5) * 80.0;
    for (int i = 0; i < 2; ++i) {
      opt.zero_grad();
      auto raw = net->forward(l);
      auto loss = head == Head::L2 ? l2Loss(raw, ab) : classificationLoss(raw, ab, net->bins());
      loss.backward();
      opt.step();
    }
  }
  net->eval();
  return net;
}

QString errorOf(const QString& path) {
  auto r = loadModel(path);
  return r.ok() ? QString() : QString::fromStdString(r.message());
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(bytes);
}

cv::Mat lFrame(int h, int w, float value) {
  return cv::Mat(h, w, CV_32FC1, cv::Scalar(value));
}

}  // namespace

class TestModelFile : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString path(const QString& name) const { return dir_.filePath(name); }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    torch::manual_seed(11);
    torch::set_num_threads(2);
  }

  void saveLoadBitExact() {
    auto net = tinyNet(Head::Classification, true);
    ModelCard card;
    card.name = QStringLiteral("test-tiny");
    card.training.data = QStringLiteral("synthetic noise");
    card.training.terms = QStringLiteral("public domain");
    card.metrics[QStringLiteral("ab_psnr")] = 12.5;
    const QString file = path(QStringLiteral("tiny.cfmodel"));
    QVERIFY(saveModel(file, net, card).ok());

    auto loaded = loadModel(file);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
    QCOMPARE(loaded->card.name, card.name);
    QCOMPARE(loaded->card.training.terms, card.training.terms);
    QCOMPARE(loaded->card.metrics.value(QStringLiteral("ab_psnr")).toDouble(), 12.5);
    QCOMPARE(loaded->card.config.preset, QStringLiteral("tiny"));
    QCOMPARE(loaded->card.weights_sha256.size(), 64);
    QCOMPARE(loaded->card.output_channels, net->outputChannels());

    auto a = net->named_parameters(true);
    auto b = loaded->net->named_parameters(true);
    QCOMPARE(a.size(), b.size());
    for (const auto& p : a)
      QVERIFY2(torch::equal(p.value(), b[p.key()]), p.key().c_str());
    auto ab = net->named_buffers(true);
    auto bb = loaded->net->named_buffers(true);
    for (const auto& p : ab)
      QVERIFY2(torch::equal(p.value(), bb[p.key()]), p.key().c_str());
    torch::NoGradGuard ng;
    auto l = torch::rand({1, 1, 128, 192}) * 100.0;
    QVERIFY(torch::equal(net->forward(l), loaded->net->forward(l)));

    // Saving the loaded model again gives the same weights blob.
    const QString again = path(QStringLiteral("again.cfmodel"));
    QVERIFY(saveModel(again, loaded->net, loaded->card).ok());
    QCOMPARE(readModelCard(again)->weights_sha256, loaded->card.weights_sha256);
    // The card is readable without LibTorch and is plain JSON in the file.
    auto only_card = readModelCard(file);
    QVERIFY(only_card.ok());
    QCOMPARE(only_card->training.data, card.training.data);
  }

  void badModelFiles() {
    auto net = tinyNet(Head::L2, false);
    const QString good = path(QStringLiteral("good.cfmodel"));
    QVERIFY(saveModel(good, net, ModelCard()).ok());
    const QByteArray bytes = readAll(good);

    QVERIFY(
        errorOf(path(QStringLiteral("nope.cfmodel"))).contains(QLatin1String("does not exist")));

    const QString truncated = path(QStringLiteral("truncated.cfmodel"));
    writeAll(truncated, bytes.left(bytes.size() / 2));
    QVERIFY(errorOf(truncated).contains(QLatin1String("truncated")));
    writeAll(truncated, bytes.left(10));
    QVERIFY(errorOf(truncated).contains(QLatin1String("truncated")));
    // Header complete but the weights' length field cut: used to read past the end (fuzzing).
    writeAll(truncated, bytes.left(36));
    QVERIFY2(errorOf(truncated).contains(QLatin1String("shorter than the header")),
             qPrintable(errorOf(truncated)));

    const QString garbage = path(QStringLiteral("garbage.cfmodel"));
    writeAll(garbage, QByteArray(4096, '\x5a'));
    QVERIFY(errorOf(garbage).contains(QLatin1String("not a Chromaflow model")));

    auto container = readModelContainer(good);
    QVERIFY(container.ok());
    const QJsonObject card = QJsonDocument::fromJson(container->card_json).object();

    // Corrupt card JSON.
    ModelContainer broken = container.value();
    broken.card_json = broken.card_json.left(broken.card_json.size() / 2);
    const QString bad_json = path(QStringLiteral("badjson.cfmodel"));
    QVERIFY(writeModelContainer(bad_json, broken).ok());
    QVERIFY(errorOf(bad_json).contains(QLatin1String("not valid JSON")));

    // Issue #20: a field of the wrong type was read as its default ("hot" -> 0.38), and a card
    // that is valid JSON but not an object gave "not valid JSON (no error occurred)".
    QJsonObject hot = card;
    QJsonObject hot_cfg = hot[QStringLiteral("config")].toObject();
    hot_cfg[QStringLiteral("temperature")] = QStringLiteral("hot");
    hot[QStringLiteral("config")] = hot_cfg;
    ModelContainer hot_card = container.value();
    hot_card.card_json = QJsonDocument(hot).toJson();
    const QString hot_file = path(QStringLiteral("hot.cfmodel"));
    QVERIFY(writeModelContainer(hot_file, hot_card).ok());
    QVERIFY2(errorOf(hot_file).contains(QLatin1String("\"config.temperature\" must be a number")),
             qPrintable(errorOf(hot_file)));
    QVERIFY(!readModelCard(hot_file).ok());
    ModelContainer list_card = container.value();
    list_card.card_json = QByteArrayLiteral("[1,2,3]");
    const QString list_file = path(QStringLiteral("list.cfmodel"));
    QVERIFY(writeModelContainer(list_file, list_card).ok());
    QVERIFY2(errorOf(list_file).contains(QLatin1String("is a JSON list, not an object")),
             qPrintable(errorOf(list_file)));
    QVERIFY(!errorOf(list_file).contains(QLatin1String("no error occurred")));

    // Wrong architecture.
    QJsonObject other = card;
    QJsonObject cfg = other[QStringLiteral("config")].toObject();
    cfg[QStringLiteral("architecture")] = QStringLiteral("deoldify-unet");
    other[QStringLiteral("config")] = cfg;
    ModelContainer wrong_arch = container.value();
    wrong_arch.card_json = QJsonDocument(other).toJson();
    const QString arch = path(QStringLiteral("arch.cfmodel"));
    QVERIFY(writeModelContainer(arch, wrong_arch).ok());
    QVERIFY(errorOf(arch).contains(QLatin1String("wrong architecture")));

    // Checksum mismatch: one weight byte flipped, container structure intact.
    ModelContainer flipped = container.value();
    flipped.weights[flipped.weights.size() - 200] =
        static_cast<char>(flipped.weights[flipped.weights.size() - 200] ^ 0x10);
    const QString sum = path(QStringLiteral("checksum.cfmodel"));
    QVERIFY(writeModelContainer(sum, flipped).ok());
    QVERIFY(errorOf(sum).contains(QLatin1String("checksum")));

    // Shape mismatch: tiny weights under a card that says slim (with a valid checksum).
    QJsonObject slim = card;
    cfg = slim[QStringLiteral("config")].toObject();
    cfg[QStringLiteral("preset")] = QStringLiteral("slim");
    slim[QStringLiteral("config")] = cfg;
    ModelContainer mismatch = container.value();
    mismatch.card_json = QJsonDocument(slim).toJson();
    const QString shape = path(QStringLiteral("shape.cfmodel"));
    QVERIFY(writeModelContainer(shape, mismatch).ok());
    QVERIFY(errorOf(shape).contains(QLatin1String("shape mismatch")));

    // Weights blob that is not a pickle archive (checksum matches the garbage).
    ModelContainer junk = container.value();
    junk.weights = QByteArray(1000, '\x01');
    QJsonObject junk_card = card;
    junk_card[QStringLiteral("weights_sha256")] = weightsSha256(junk.weights);
    junk.card_json = QJsonDocument(junk_card).toJson();
    const QString junk_path = path(QStringLiteral("junk.cfmodel"));
    QVERIFY(writeModelContainer(junk_path, junk).ok());
    QVERIFY(errorOf(junk_path).contains(QLatin1String("corrupt")));

    // Every error names the file.
    QVERIFY(errorOf(shape).contains(shape));
  }

  void torchScriptBringYourOwn() {
    torch::jit::Module m("ByoColorizer");
    m.define(R"JIT(
      def forward(self, x):
          y = torch.avg_pool2d(x, [2, 2])
          return torch.cat([y * 0.5 - 10.0, 20.0 - y * 0.25], 1)
    )JIT");
    const QString file = path(QStringLiteral("byo.pt"));
    m.save(file.toStdString());
    QCOMPARE(detectModelFile(file).value(), ModelFileKind::TorchScript);

    ColorizerSettings s;
    s.model_path = file;
    s.device = DeviceChoice::Cpu;
    auto engine = Colorizer::create(s);
    QVERIFY2(engine.ok(), engine.ok() ? "" : engine.message().c_str());
    QVERIFY(engine.value()->isTorchScript());
    QVERIFY(!engine.value()->hasConfidence());
    auto out = engine.value()->colorize({lFrame(70, 50, 40.0f), lFrame(70, 50, 40.0f)});
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(out->size(), size_t(2));
    const ColorizedFrame& f = out->at(1);
    QCOMPARE(f.ab.type(), CV_32FC2);
    QCOMPARE(f.ab.rows, 70);
    QCOMPARE(f.ab.cols, 50);
    double lo = 0.0;
    double hi = 0.0;
    cv::Mat a;
    cv::extractChannel(f.ab, a, 0);
    cv::minMaxLoc(a, &lo, &hi);
    QVERIFY(std::abs(lo - 10.0) < 1e-3 && std::abs(hi - 10.0) < 1e-3);  // 40*0.5-10
    cv::extractChannel(f.ab, a, 1);
    cv::minMaxLoc(a, &lo, &hi);
    QVERIFY(std::abs(lo - 10.0) < 1e-3 && std::abs(hi - 10.0) < 1e-3);  // 20-40*0.25

    // A TorchScript module that breaks the contract gets a clear error, not a crash.
    torch::jit::Module bad("Bad");
    bad.define("def forward(self, x):\n  return torch.cat([x, x, x], 1)\n");
    const QString bad_file = path(QStringLiteral("bad.pt"));
    bad.save(bad_file.toStdString());
    s.model_path = bad_file;
    auto bad_engine = Colorizer::create(s);
    QVERIFY(bad_engine.ok());
    auto bad_out = bad_engine.value()->colorize({lFrame(64, 64, 50.0f)});
    QVERIFY(!bad_out.ok());
    QVERIFY(QString::fromStdString(bad_out.message()).contains(QLatin1String("contract")));
  }

  void colorizerContract() {
    auto net = tinyNet(Head::Classification, true);
    const QString file = path(QStringLiteral("engine.cfmodel"));
    QVERIFY(saveModel(file, net, ModelCard()).ok());
    ColorizerSettings s;
    s.model_path = file;
    s.device = DeviceChoice::Cpu;
    s.batch_size = 2;
    s.cpu_threads = 2;
    auto made = Colorizer::create(s);
    QVERIFY2(made.ok(), made.ok() ? "" : made.message().c_str());
    Colorizer& engine = *made.value();
    QVERIFY(!engine.onCuda());
    QVERIFY(engine.hasConfidence());
    QVERIFY(engine.supportsHints());
    QCOMPARE(engine.multiplePx(), 64);

    cv::RNG rng(5);
    std::vector<cv::Mat> frames;
    for (int i = 0; i < 5; ++i) {
      cv::Mat m(i < 3 ? 72 : 100, i < 3 ? 96 : 64, CV_32FC1);
      rng.fill(m, cv::RNG::UNIFORM, 0.0, 100.0);
      frames.push_back(m);
    }
    int64_t last_done = 0;
    auto out =
        engine.colorize(frames, {}, [&](const cf::ProgressUpdate& u) { last_done = u.done; });
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QCOMPARE(out->size(), frames.size());
    QCOMPARE(last_done, int64_t(5));
    for (size_t i = 0; i < frames.size(); ++i) {
      const auto& f = out->at(i);
      QCOMPARE(f.ab.size(), frames[i].size());
      QCOMPARE(f.ab.type(), CV_32FC2);
      QCOMPARE(f.confidence.size(), frames[i].size());
      QCOMPARE(f.confidence.type(), CV_32FC1);
      double lo = 0.0;
      double hi = 0.0;
      cv::minMaxLoc(f.confidence, &lo, &hi);
      QVERIFY(lo >= 0.0 && hi <= 1.0);
      QVERIFY(cv::checkRange(f.ab));
    }
    // Same frame alone or in a batch gives the same colours.
    auto single = engine.colorize({frames[1]});
    QVERIFY(single.ok());
    QVERIFY(cv::norm(single->at(0).ab, out->at(1).ab, cv::NORM_INF) < 1e-4);

    // Hints through the engine change the colours where given.
    ColorHints hint;
    hint.ab = cv::Mat(72, 96, CV_32FC2, cv::Scalar(0, 0));
    hint.mask = cv::Mat::zeros(72, 96, CV_8UC1);
    hint.ab(cv::Rect(40, 30, 8, 8)).setTo(cv::Scalar(70, -30));
    hint.mask(cv::Rect(40, 30, 8, 8)).setTo(255);
    auto hinted = engine.colorize({frames[0]}, {hint});
    QVERIFY(hinted.ok());
    QVERIFY(cv::norm(hinted->at(0).ab(cv::Rect(40, 30, 8, 8)),
                     out->at(0).ab(cv::Rect(40, 30, 8, 8)), cv::NORM_INF) > 1e-3);

    // Temperature is live: a colder decoding changes the colours.
    QCOMPARE(engine.temperature(), 0.38);
    engine.setTemperature(1.0);
    auto warm = engine.colorize({frames[0]});
    QVERIFY(warm.ok());
    QVERIFY(cv::norm(warm->at(0).ab, out->at(0).ab, cv::NORM_INF) > 1e-3);
    engine.setTemperature(0.38);

    // Cancellation between batches.
    cf::CancelToken cancel;
    auto cancelled = engine.colorize(
        frames, {}, [&](const cf::ProgressUpdate&) { cancel.cancel(); }, cancel);
    QVERIFY(!cancelled.ok());
    QVERIFY(QString::fromStdString(cancelled.message()).contains(QLatin1String("cancelled")));

    // Bad input gets an error, not a crash.
    QVERIFY(!engine.colorize({cv::Mat(64, 64, CV_8UC1, cv::Scalar(3))}).ok());
    QVERIFY(!engine.colorize(frames, {hint}).ok());
    s.working_height_px = 64;
    QVERIFY(!Colorizer::create(s).ok());
    s.working_height_px = 256;
    s.device = DeviceChoice::Cuda;
    if (!torch::cuda::is_available())
      QVERIFY(!Colorizer::create(s).ok());

    // Working resolution keeps the aspect ratio.
    QCOMPARE(engine.toWorkingResolution(lFrame(720, 1280, 50.0f)).size(), cv::Size(455, 256));
  }

  void mcDropoutConfidence() {
    auto net = tinyNet(Head::L2, false);
    const QString file = path(QStringLiteral("l2.cfmodel"));
    QVERIFY(saveModel(file, net, ModelCard()).ok());
    ColorizerSettings s;
    s.model_path = file;
    s.device = DeviceChoice::Cpu;
    auto plain = Colorizer::create(s);
    QVERIFY(plain.ok());
    QVERIFY(!plain.value()->hasConfidence());
    cv::Mat l(128, 128, CV_32FC1);
    cv::randu(l, 0.0, 100.0);
    auto a = plain.value()->colorize({l});
    QVERIFY(a.ok());
    QCOMPARE(cv::countNonZero(a->at(0).confidence != 1.0f), 0);
    s.mc_dropout = true;
    auto mc = Colorizer::create(s);
    QVERIFY(mc.ok());
    QVERIFY(mc.value()->hasConfidence());
    auto b = mc.value()->colorize({l});
    QVERIFY(b.ok());
    double lo = 0.0;
    double hi = 0.0;
    cv::minMaxLoc(b->at(0).confidence, &lo, &hi);
    QVERIFY(lo >= 0.0 && hi <= 1.0 && lo < 1.0);
  }

  void vggImport_data() {
    QTest::addColumn<bool>("zip");
    QTest::newRow("zip (torch >= 1.6)") << true;
    QTest::newRow("legacy (torchvision 2017 files)") << false;
  }

  void vggImport() {
    QFETCH(bool, zip);
    // A torchvision-format VGG16 state dict with the tiny preset's widths.
    const std::array<int, 5> widths = presetSpec(QStringLiteral("tiny"))->backbone_widths;
    const std::vector<int> index = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
    const std::array<int, 5> depth = {2, 2, 3, 3, 3};
    std::vector<std::pair<std::string, torch::Tensor>> sd;
    int in = 3;
    size_t k = 0;
    for (int b = 0; b < 5; ++b) {
      for (int i = 0; i < depth[b]; ++i, ++k) {
        const std::string p = "features." + std::to_string(index[k]) + ".";
        sd.emplace_back(p + "weight", torch::randn({widths[b], in, 3, 3}) * 0.1);
        sd.emplace_back(p + "bias", torch::randn({widths[b]}) * 0.1);
        in = widths[b];
      }
    }
    sd.emplace_back("classifier.0.weight", torch::randn({4, 7}));
    sd.emplace_back("classifier.0.bias", torch::randn({4}));
    const QString file =
        path(zip ? QStringLiteral("vgg16-zip.pth") : QStringLiteral("vgg16-old.pth"));
    cf::test::writeTorchSave(
        file, sd, zip ? cf::test::TorchSaveFormat::Zip : cf::test::TorchSaveFormat::Legacy);

    auto read = readTorchStateDict(file);
    QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
    QCOMPARE(read->size(), sd.size());
    for (size_t i = 0; i < sd.size(); ++i) {
      QCOMPARE(read->at(i).first, sd[i].first);
      QVERIFY(torch::equal(read->at(i).second, sd[i].second));
    }

    VggBackbone backbone(widths, false);
    auto report = importTorchvisionVgg16(file, *backbone);
    QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
    QCOMPARE(report->convs_imported, 13);
    QVERIFY(torch::equal(backbone->convs()[1].second->weight, sd[2].second));  // conv1_2
    QVERIFY(torch::equal(backbone->convs()[12].second->bias, sd[25].second));  // conv5_3

    // conv1_1 on L equals torchvision's conv1_1 on the ImageNet-normalised grey RGB image.
    torch::NoGradGuard ng;
    auto l = torch::rand({1, 1, 16, 16}) * 100.0;
    auto ours = backbone->convs()[0].second->forward(l / 100.0 - 0.5);
    auto rgb = (l / 100.0).expand({1, 3, 16, 16});
    auto mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({1, 3, 1, 1});
    auto stdv = torch::tensor({0.229f, 0.224f, 0.225f}).view({1, 3, 1, 1});
    auto theirs = torch::conv2d((rgb - mean) / stdv, sd[0].second, sd[1].second, 1, 1);
    using torch::indexing::Slice;
    QVERIFY(torch::allclose(ours.index({Slice(), Slice(), Slice(1, -1), Slice(1, -1)}),
                            theirs.index({Slice(), Slice(), Slice(1, -1), Slice(1, -1)}), 1e-4,
                            1e-4));

    // Importing into a backbone of other widths fails with a clear error.
    VggBackbone slim(presetSpec(QStringLiteral("slim"))->backbone_widths, true);
    auto mismatch = importTorchvisionVgg16(file, *slim);
    QVERIFY(!mismatch.ok());
    QVERIFY(QString::fromStdString(mismatch.message()).contains(QLatin1String("full")));
    QVERIFY(!importTorchvisionVgg16(path(QStringLiteral("missing.pth")), *backbone).ok());
    // A truncated file is an error, not a crash.
    const QByteArray bytes = readAll(file);
    const QString cut = path(QStringLiteral("cut.pth"));
    writeAll(cut, bytes.left(bytes.size() - 100));
    QVERIFY(!importTorchvisionVgg16(cut, *backbone).ok());
  }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
