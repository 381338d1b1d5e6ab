// Evaluation on a generated video of one known colour, with a TorchScript model that answers that
// colour: the model must score near-perfectly, the zero-chroma baseline exactly as the colour's
// distance from grey says, and the CLI must write the same numbers to JSON.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include <torch/script.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "color/Colorfulness.h"
#include "color/LabConversion.h"
#include "common/TestMedia.h"
#include "common/TestPaths.h"
#include "media/VideoReader.h"
#include "pipeline/FrameConversions.h"
#include "train/ColourMetrics.h"
#include "train/Evaluator.h"

using namespace cf::train;

class TestEval : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(tmp_.isValid());
    clip_ = tmp_.path() + "/blue.mkv";
    const QString error =
        cf::test::runFfmpeg({"-f", "lavfi", "-i", "color=c=0x3C64C8:s=96x64:r=10", "-frames:v", "6",
                             "-c:v", "ffv1", "-pix_fmt", "yuv444p", clip_});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The true colour is what the decoder gives (YUV -> RGB rounding included).
    auto reader = cf::media::VideoReader::open(clip_.toStdString());
    QVERIFY(reader.ok());
    auto frame = (*reader)->next();
    QVERIFY(frame.ok() && frame.value());
    truth_rgb_ = cf::pipeline::frameToRgb8(*frame.value());
    const cv::Vec3b c = truth_rgb_.at<cv::Vec3b>(32, 48);
    QVERIFY(std::abs(c[0] - 0x3C) <= 3 && std::abs(c[1] - 0x64) <= 3 && std::abs(c[2] - 0xC8) <= 3);
    cv::Mat f(1, 1, CV_32FC3, cv::Scalar(c[0] / 255.0, c[1] / 255.0, c[2] / 255.0));
    const cv::Vec3f lab = cf::color::rgbToLab(f).at<cv::Vec3f>(0, 0);
    a_ = lab[1];
    b_ = lab[2];
    QVERIFY(b_ < -30.0);  // clearly blue

    // A TorchScript model that always answers the clip's colour.
    torch::jit::Module m("KnownColour");
    m.define(QStringLiteral(R"JIT(
      def forward(self, x):
          y = torch.avg_pool2d(x, [2, 2]) * 0.0
          return torch.cat([y + %1, y + %2], 1)
    )JIT")
                 .arg(a_, 0, 'f', 6)
                 .arg(b_, 0, 'f', 6)
                 .toStdString());
    model_ = tmp_.path() + "/known.pt";
    m.save(model_.toStdString());
    image_ = tmp_.path() + "/still.png";
    cv::Mat bgr;
    cv::cvtColor(truth_rgb_, bgr, cv::COLOR_RGB2BGR);
    QVERIFY(cv::imwrite(image_.toStdString(), bgr));
  }

  void scoresKnownColours() {
    EvalSettings s;
    s.colorizer.model_path = model_;
    s.colorizer.device = cf::DeviceChoice::Cpu;
    s.colorizer.working_height_px = 128;
    s.colorizer.batch_size = 4;
    auto report = evaluate({clip_}, s);
    QVERIFY2(report.ok(), report.ok() ? "" : report.message().c_str());
    QCOMPARE(report->items.size(), size_t(1));
    const EvalItem& it = report->items[0];
    QCOMPARE(it.frames, int64_t(6));
    QVERIFY2(it.model.ab_psnr > 45.0, qPrintable(QString::number(it.model.ab_psnr)));
    QVERIFY(it.model.rgb_psnr > 40.0);
    // Zero chroma misses by exactly the colour's ab: MSE = (a^2 + b^2) / 2.
    const double zero_psnr = 10.0 * std::log10(255.0 * 255.0 / ((a_ * a_ + b_ * b_) / 2.0));
    QVERIFY2(std::abs(it.zero_chroma.ab_psnr - zero_psnr) < 0.2,
             qPrintable(QStringLiteral("%1 vs %2").arg(it.zero_chroma.ab_psnr).arg(zero_psnr)));
    QVERIFY(it.zero_chroma.ab_psnr < it.model.ab_psnr - 20.0);
    // Colourfulness: the truth's is that of the flat colour; the model matches it; grey is 0.
    const double cf_truth = cf::color::colorfulness(truth_rgb_);
    QVERIFY(cf_truth > 30.0);
    QVERIFY(std::abs(it.model.cf_truth - cf_truth) < 1.0);
    QVERIFY(std::abs(it.model.cf_pred - cf_truth) < 1.5);
    QVERIFY(std::abs(it.zero_chroma.cf_pred) < 0.5);
    QVERIFY(it.zero_chroma.deltaCf() < -30.0);
    QVERIFY(report->table().contains("blue.mkv"));
    // Hue and cast: the model is right everywhere; grey has no hue and a cast of the chroma.
    QVERIFY2(it.model.hue_accuracy > 0.99, qPrintable(QString::number(it.model.hue_accuracy)));
    QVERIFY2(it.model.cast < 1.0, qPrintable(QString::number(it.model.cast)));
    QCOMPARE(it.zero_chroma.hue_accuracy, 0.0);
    QVERIFY(std::abs(it.zero_chroma.cast - std::hypot(a_, b_)) < 0.5);
    QVERIFY(report->score_at_full_resolution);

    // The working-height scoring of older reports still works and agrees on a flat colour.
    s.score_at_full_resolution = false;
    auto working = evaluate({clip_}, s);
    QVERIFY(working.ok());
    QVERIFY(std::abs(working->items[0].model.cast - it.model.cast) < 1.0);
    s.score_at_full_resolution = true;

    s.max_frames = 2;
    s.video_frame_step = 2;
    auto few = evaluate({clip_}, s);
    QVERIFY(few.ok());
    QCOMPARE(few->items[0].frames, int64_t(2));
  }

  // Hue accuracy and cast on hand-built ab images with known answers.
  void hueAccuracyAndCastKnownAnswers() {
    // Truth: the left half red-ish (a 40, b 20; chroma 44.7), the right half grey.
    cv::Mat truth(10, 20, CV_32FC2, cv::Scalar(0.f, 0.f));
    truth(cv::Rect(0, 0, 10, 10)).setTo(cv::Scalar(40.f, 20.f));
    auto score = [&truth](const cv::Mat& pred) {
      FrameScore s;
      scoreHue(pred, truth, &s);
      return s;
    };
    auto rotated = [&truth](double deg, double scale = 1.0) {
      const double r = deg * M_PI / 180.0;
      cv::Mat p = truth.clone();
      p.forEach<cv::Vec2f>([&](cv::Vec2f& v, const int*) {
        v = cv::Vec2f(static_cast<float>(scale * (v[0] * std::cos(r) - v[1] * std::sin(r))),
                      static_cast<float>(scale * (v[0] * std::sin(r) + v[1] * std::cos(r))));
      });
      return p;
    };
    FrameScore same = score(truth);
    QCOMPARE(same.hue_coloured, 100.0);  // only the coloured half counts
    QCOMPARE(same.hue_hits, 100.0);
    QVERIFY(same.cast < 1e-6);
    QCOMPARE(score(rotated(30.0)).hue_hits, 100.0);  // within 45 degrees
    QCOMPARE(score(rotated(-44.0)).hue_hits, 100.0);
    QCOMPARE(score(rotated(50.0)).hue_hits, 0.0);
    QCOMPARE(score(rotated(180.0)).hue_hits, 0.0);
    QCOMPARE(score(rotated(0.0, 0.12)).hue_hits, 0.0);   // chroma 5.4 < 6: no colour given
    QCOMPARE(score(rotated(0.0, 0.2)).hue_hits, 100.0);  // chroma 8.9 > 6
    QCOMPARE(score(cv::Mat(10, 20, CV_32FC2, cv::Scalar(0.f, 0.f))).hue_hits, 0.0);
    // Cast: a uniform shift of (3, -4) moves the mean by 5 Lab units.
    const cv::Mat shifted = truth + cv::Scalar(3.f, -4.f);
    QVERIFY(std::abs(score(shifted).cast - 5.0) < 1e-4);
    // Grey against the truth: the mean truth ab is (20, 10), so the cast is |(20, 10)|.
    QVERIFY(std::abs(score(cv::Mat(10, 20, CV_32FC2, cv::Scalar(0.f, 0.f))).cast -
                     std::hypot(20.0, 10.0)) < 1e-4);
    ScoreAccumulator acc;
    acc.add(score(truth));
    acc.add(score(rotated(90.0)));
    QCOMPARE(acc.hueAccuracy(), 0.5);  // pooled over both frames' coloured pixels
  }

  void cliWritesJson() {
    const QString json = tmp_.path() + "/eval.json";
    QProcess p;
    p.start(cf::test::cliPath(), {"eval", "--model", model_, "--device", "cpu", "--working-height",
                                  "128", "--json", json, clip_, image_});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QString table = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(table.contains("still.png") && table.contains("mean"));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value("inputs").toArray().size(), 2);
    const QJsonObject mean = o.value("mean").toObject();
    QCOMPARE(mean.value("frames").toInt(), 7);
    QVERIFY(mean.value("model").toObject().value("ab_psnr_db").toDouble() > 40.0);
    QVERIFY(mean.value("zero_chroma").toObject().value("delta_colourfulness").toDouble() < -30.0);
    QVERIFY(mean.value("model").toObject().value("hue_accuracy").toDouble() > 0.9);
    QVERIFY(mean.value("model").toObject().contains("cast_lab"));
    QCOMPARE(o.value("scored_at").toString(), QString("full"));
    QVERIFY(table.contains("hueAcc"));

    QProcess bad;
    bad.start(cf::test::cliPath(), {"eval", "--model", model_, tmp_.path() + "/missing.mp4"});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
    const QString err = QString::fromUtf8(bad.readAllStandardError());
    QVERIFY2(err.startsWith("chromaflow-cli eval: input") && err.contains("does not exist"),
             qPrintable(err));  // checked before the model is even loaded
  }

 private:
  QTemporaryDir tmp_;
  QString clip_;
  QString model_;
  QString image_;
  cv::Mat truth_rgb_;
  double a_ = 0.0;
  double b_ = 0.0;
};

QTEST_GUILESS_MAIN(TestEval)
#include "tst_eval.moc"
