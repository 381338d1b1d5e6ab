// A device failure during inference (a c10::Error from a CUDA op, or CUDA out of memory that a
// smaller batch does not cure) moves the Colorizer to the CPU for the rest of the run, with a
// notice, and the frames come out as on a plain CPU run. Without a GPU the failure is injected
// (ColorizerSettings::inject_device_fault, test only), the Colorizer pretending to be on CUDA.

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>

#include "common/TestModel.h"
#include "model/Colorizer.h"

using namespace cf::model;
using cf::DeviceChoice;

namespace {

std::vector<cv::Mat> randomFrames(int count, uint64_t seed) {
  cv::RNG rng(seed);
  std::vector<cv::Mat> frames;
  for (int i = 0; i < count; ++i) {
    cv::Mat l(64, 96, CV_32FC1);
    rng.fill(l, cv::RNG::UNIFORM, 0.0, 100.0);
    frames.push_back(l);
  }
  return frames;
}

double maxDiff(const std::vector<ColorizedFrame>& a, const std::vector<ColorizedFrame>& b) {
  if (a.size() != b.size())
    return 1e9;
  double worst = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, cv::norm(a[i].ab, b[i].ab, cv::NORM_INF));
    worst = std::max(worst, cv::norm(a[i].confidence, b[i].confidence, cv::NORM_INF));
  }
  return worst;
}

}  // namespace

class TestDeviceFallback : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString model_;

  ColorizerSettings settings(int batch, const std::string& fault) const {
    ColorizerSettings s;
    s.model_path = model_;
    s.device = DeviceChoice::Cpu;
    s.batch_size = batch;
    s.cpu_threads = 2;
    s.inject_device_fault = fault;
    return s;
  }

  std::vector<ColorizedFrame> plainCpuRun(int batch, const std::vector<cv::Mat>& frames) {
    auto engine = Colorizer::create(settings(batch, {}));
    if (!engine)
      return {};
    auto out = engine.value()->colorize(frames);
    return out ? out.value() : std::vector<ColorizedFrame>{};
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    const QString made = cf::test::makeTinyModel(model_, 3);
    QVERIFY2(made.isEmpty(), qPrintable(made));
  }

  void deviceFailureContinuesOnCpu() {
    const auto frames = randomFrames(7, 11);
    const auto expected = plainCpuRun(2, frames);
    QCOMPARE(expected.size(), frames.size());

    auto made = Colorizer::create(settings(2, "after_batches:2"));
    QVERIFY2(made.ok(), made.ok() ? "" : made.message().c_str());
    Colorizer& engine = *made.value();
    QVERIFY(engine.onCuda());  // pretends to be on the GPU until the fault
    QVERIFY(engine.notice().isEmpty());

    auto out = engine.colorize(frames);
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QVERIFY(!engine.onCuda());
    QCOMPARE(engine.batchSize(), 2);
    const QString notice = engine.notice();
    QVERIFY2(notice.contains(QLatin1String("GPU failed after 4 frames")), qPrintable(notice));
    QVERIFY2(notice.contains(QLatin1String("illegal memory access")), qPrintable(notice));
    QVERIFY2(notice.contains(QLatin1String("continuing on the CPU")), qPrintable(notice));
    QVERIFY2(notice.contains(QLatin1String("choose the device 'cpu'")), qPrintable(notice));
    // Same batches, same weights reloaded from the file: the same frames as a plain CPU run.
    QCOMPARE(maxDiff(out.value(), expected), 0.0);

    // The rest of the run stays on the CPU.
    auto again = engine.colorize(frames);
    QVERIFY(again.ok());
    QCOMPARE(maxDiff(again.value(), expected), 0.0);
  }

  void outOfMemoryRetriesSmallerBatchesThenCpu() {
    const auto frames = randomFrames(8, 12);
    const auto expected = plainCpuRun(4, frames);
    QCOMPARE(expected.size(), frames.size());

    auto made = Colorizer::create(settings(4, "oom_after_batches:1"));
    QVERIFY(made.ok());
    Colorizer& engine = *made.value();
    QStringList progress;
    auto out = engine.colorize(frames, {}, [&](const cf::ProgressUpdate& u) {
      progress << QStringLiteral("%1/%2").arg(u.done).arg(u.total);
    });
    QVERIFY2(out.ok(), out.ok() ? "" : out.message().c_str());
    QVERIFY(!engine.onCuda());
    QCOMPARE(engine.batchSize(), 4);  // back to the setting on the CPU
    const QString notice = engine.notice();
    QVERIFY2(notice.contains(QLatin1String("out of memory even at batch size 1")),
             qPrintable(notice));
    QVERIFY2(notice.contains(QLatin1String("continuing on the CPU")), qPrintable(notice));
    QVERIFY2(notice.contains(QLatin1String("lower the working height")), qPrintable(notice));
    QCOMPARE(maxDiff(out.value(), expected), 0.0);
    QCOMPARE(progress.join(QLatin1Char(' ')), QStringLiteral("4/8 8/8"));
  }

  void faultSpecFromSettingOrEnvironment() {
    auto bad = Colorizer::create(settings(2, "after_batches:x"));
    QVERIFY(!bad.ok());
    QVERIFY2(QString::fromStdString(bad.message()).contains(QLatin1String("whole number")),
             bad.message().c_str());
    auto unknown = Colorizer::create(settings(2, "sometimes"));
    QVERIFY(!unknown.ok());
    QVERIFY2(QString::fromStdString(unknown.message()).contains(QLatin1String("after_batches:N")),
             unknown.message().c_str());

    auto plain = Colorizer::create(settings(2, {}));
    QVERIFY(plain.ok());
    QVERIFY(!plain.value()->onCuda());

    qputenv("CHROMAFLOW_INJECT_DEVICE_FAULT", "after_batches:0");
    auto from_env = Colorizer::create(settings(2, {}));
    qunsetenv("CHROMAFLOW_INJECT_DEVICE_FAULT");
    QVERIFY(from_env.ok());
    QVERIFY(from_env.value()->onCuda());
    QVERIFY(from_env.value()->colorize(randomFrames(1, 13)).ok());
    QVERIFY(!from_env.value()->onCuda());
    QVERIFY(from_env.value()->notice().contains(QLatin1String("GPU failed after 0 frames")));
  }
};

QTEST_GUILESS_MAIN(TestDeviceFallback)
#include "tst_device_fallback.moc"
