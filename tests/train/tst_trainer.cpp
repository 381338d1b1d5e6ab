// The trainer end to end on generated pictures (tiny preset, 64 px crops): 30 steps lower the
// loss, write CSV logs, a plot, a checkpoint and a model; a run stopped halfway (as Ctrl-C does)
// and resumed ends bit-exactly where the uninterrupted run ends.

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "model/ModelFile.h"
#include "train/Trainer.h"

using namespace cf::train;

namespace {

/// Sky over grass: blue top with brighter L, green bottom with darker L, a random boundary.
void makePictures(const QString& dir, int count) {
  cv::RNG rng(3);
  for (int i = 0; i < count; ++i) {
    cv::Mat rgb(72, 80, CV_8UC3);
    const int horizon = rng.uniform(25, 50);
    rgb(cv::Rect(0, 0, 80, horizon)).setTo(cv::Scalar(90, 150, 230));
    rgb(cv::Rect(0, horizon, 80, 72 - horizon)).setTo(cv::Scalar(50, 140, 40));
    cv::Mat noise(rgb.size(), CV_8UC3);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 12);
    rgb += noise;
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    QVERIFY(cv::imwrite(QStringLiteral("%1/p%2.png").arg(dir).arg(i).toStdString(), bgr));
  }
}

TrainSettings smallRun(const QString& data, const QString& out) {
  TrainSettings s;
  s.data = {data};
  s.out_dir = out;
  s.model.preset = QStringLiteral("tiny");
  s.augment.crop_px = 64;
  s.batch_size = 4;
  s.steps = 30;
  s.seed = 11;
  s.device = QStringLiteral("cpu");
  s.threads = 1;
  s.workers = 2;
  s.prefetch_batches = 2;
  s.optim.optimizer = OptimizerKind::Adam;
  s.optim.lr = 3e-3;
  s.optim.momentum = 0.9;
  s.optim.weight_decay = 0.0;
  s.optim.schedule = ScheduleKind::Cosine;
  s.optim.warmup_steps = 3;
  s.rebalance_images = 16;
  s.val_fraction = 0.15;
  s.val_images = 8;
  s.val_every = 10;
  s.checkpoint_every = 1000;
  s.log_every = 1;
  return s;
}

std::vector<std::pair<std::string, torch::Tensor>> weightsOf(const QString& path) {
  auto loaded = cf::model::loadModel(path);
  std::vector<std::pair<std::string, torch::Tensor>> out;
  if (!loaded)
    return out;
  for (const auto& p : loaded->net->named_parameters(true))
    out.emplace_back(p.key(), p.value().clone());
  for (const auto& b : loaded->net->named_buffers(true))
    out.emplace_back(b.key(), b.value().clone());
  return out;
}

}  // namespace

class TestTrainer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    data_ = tmp_.path() + "/data";
    QDir().mkpath(data_);
    makePictures(data_, 24);
  }

  void trainsAndResumesBitExactly() {
    // Uninterrupted run.
    const QString full_dir = tmp_.path() + "/full";
    auto full = Trainer::create(smallRun(data_, full_dir), false);
    QVERIFY2(full.ok(), full.ok() ? "" : full.message().c_str());
    QVERIFY((*full)->validationSamples() > 0);
    auto done = (*full)->run();
    QVERIFY2(done.ok(), done.ok() ? "" : done.message().c_str());
    QVERIFY(done->completed);
    QCOMPARE(done->steps_done, int64_t(30));
    QVERIFY(QFileInfo::exists(done->checkpoint_path));
    QVERIFY(QFileInfo::exists(done->model_path));
    QVERIFY(QFileInfo::exists(full_dir + "/loss.png"));
    QVERIFY(!cv::imread((full_dir + "/loss.png").toStdString()).empty());
    const auto& rows = (*full)->log().trainRows();
    QCOMPARE(rows.size(), size_t(30));
    double first = 0.0, last = 0.0;
    for (int i = 0; i < 5; ++i) {
      first += rows[static_cast<size_t>(i)].loss / 5.0;
      last += rows[rows.size() - 1 - static_cast<size_t>(i)].loss / 5.0;
    }
    QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    QVERIFY((*full)->log().valRows().size() >= 3);  // steps 10, 20 and the final one
    QVERIFY(done->metrics.contains("val_ab_psnr"));
    QVERIFY(done->metrics.value("val_zero_chroma_ab_psnr").toDouble() > 0.0);
    auto card = cf::model::readModelCard(done->model_path);
    QVERIFY(card.ok());
    QCOMPARE(card->config.preset, QStringLiteral("tiny"));
    QVERIFY(card->training.terms.contains("research"));
    QVERIFY(card->metrics.contains("val_colourfulness"));

    // The same run, stopped after 15 steps by the cancel token (what Ctrl-C sets) ...
    const QString part_dir = tmp_.path() + "/part";
    cf::CancelToken cancel;
    TrainCallbacks cb;
    cb.progress = [cancel](const TrainProgress& p) {
      if (p.step == 15)
        cancel.cancel();
    };
    auto part = Trainer::create(smallRun(data_, part_dir), false, cb);
    QVERIFY(part.ok());
    auto stopped = (*part)->run(cancel);
    QVERIFY(stopped.ok());
    QVERIFY(stopped->cancelled);
    QCOMPARE(stopped->steps_done, int64_t(15));
    QVERIFY(stopped->model_path.isEmpty());
    QVERIFY(QFileInfo::exists(part_dir + "/checkpoint.pt"));
    part->reset();

    // ... and resumed in a new trainer (one worker this time: batches do not depend on it).
    TrainSettings again = smallRun(data_, part_dir);
    again.workers = 1;
    again.steps = 999;  // ignored on resume: the checkpoint's settings rule
    auto resumed = Trainer::create(again, true);
    QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
    QCOMPARE((*resumed)->step(), int64_t(15));
    QCOMPARE((*resumed)->settings().steps, int64_t(30));
    auto finished = (*resumed)->run();
    QVERIFY(finished.ok());
    QVERIFY(finished->completed);
    QVERIFY2(finished->hours >= stopped->hours && finished->hours < 1.0,  // hours carried over
             qPrintable(QString::number(finished->hours)));

    // Same losses at every step, same final weights, bit for bit.
    const auto& resumed_rows = (*resumed)->log().trainRows();
    QCOMPARE(resumed_rows.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      QCOMPARE(resumed_rows[i].step, rows[i].step);
      QCOMPARE(resumed_rows[i].loss, rows[i].loss);
    }
    const auto a = weightsOf(done->model_path);
    const auto b = weightsOf(finished->model_path);
    QVERIFY(!a.empty());
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      QCOMPARE(a[i].first, b[i].first);
      QVERIFY2(torch::equal(a[i].second, b[i].second), a[i].first.c_str());
    }
  }

  void refusesBadSettings() {
    TrainSettings s = smallRun(data_, tmp_.path() + "/bad");
    s.augment.crop_px = 40;  // not a multiple of the tiny preset's 64 px
    auto t = Trainer::create(s, false);
    QVERIFY(!t.ok());
    QVERIFY(QString::fromStdString(t.message()).contains("multiple"));
    auto none = Trainer::create(smallRun(data_, tmp_.path() + "/nothing-here"), true);
    QVERIFY(!none.ok());
    QVERIFY(QString::fromStdString(none.message()).contains("does not exist"));
  }

 private:
  QTemporaryDir tmp_;
  QString data_;
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
