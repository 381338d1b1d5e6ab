// The editor end to end on a generated clip, through the real engine thread: open, scrub, live
// lambda, failure navigation, shortcuts, project round trip, export and cancelled export. A stall
// detector records the longest time the GUI event loop was blocked (printed, not asserted: timing
// never decides a test).

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SettingsPanel.h"
#include "StallDetector.h"
#include "TimelineWidget.h"
#include "common/TestMedia.h"
#include "media/VideoReader.h"
#include "model/ColorizationNet.h"
#include "model/ModelFile.h"

using namespace cf::ui;

namespace {
constexpr int kFrames = 30;
constexpr int kOpenTimeoutMs = 120000;
constexpr int kPreviewTimeoutMs = 60000;
constexpr int kExportTimeoutMs = 180000;

qint64 shownFrame(const PreviewWidget* p) {
  return p->frame() ? p->frame()->frame_index : -1;
}
}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  QString clip_;
  std::unique_ptr<MainWindow> window_;
  cf::test::StallDetector stalls_;
  double longest_stall_ms_ = 0.0;
  double longest_stall_cpu_ms_ = 0.0;
  double baseline_ms_ = 0.0;

  void measure(const char* what, const std::function<void()>& step) {
    stalls_.start();
    step();
    stalls_.stop();
    if (QTest::currentTestFailed())
      return;
    qInfo("GUI stall during %s: longest %.1f ms (GUI thread CPU in that gap %.1f ms)", what,
          stalls_.longestStallMs(), stalls_.longestStallGuiCpuMs());
    if (stalls_.longestStallMs() > longest_stall_ms_) {
      longest_stall_ms_ = stalls_.longestStallMs();
      longest_stall_cpu_ms_ = stalls_.longestStallGuiCpuMs();
    }
  }

  void waitForFrame(qint64 frame) {
    QTRY_COMPARE_WITH_TIMEOUT(shownFrame(window_->preview()), frame, kPreviewTimeoutMs);
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath("clip.mp4");
    cf::test::ClipSpec spec;
    spec.path = clip_;
    spec.frames = kFrames;
    spec.fps = "10";
    spec.audio_codec = "aac";
    const QString error = cf::test::makeClip(spec);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A tiny untrained network keeps the test fast and independent of the shipped model.
    torch::manual_seed(3);
    cf::model::ModelConfig config;
    config.preset = QStringLiteral("tiny");
    cf::model::ColorizationNet net(config);
    const QString model = dir_.filePath("tiny.cfmodel");
    QVERIFY(cf::model::saveModel(model, net, cf::model::ModelCard()).ok());
    window_ = std::make_unique<MainWindow>(dir_.filePath("settings.ini"));
    connect(window_->engine(), &SessionController::errorOccurred, this,
            [](const QString& m) { qWarning("engine error: %s", qPrintable(m)); });
    connect(window_->engine(), &SessionController::openFailed, this,
            [](const QString& m) { qWarning("open failed: %s", qPrintable(m)); });
    cf::pipeline::SessionSettings s;
    s.model_path = model.toStdString();
    s.device = cf::pipeline::DeviceChoice::Cpu;
    s.working_height_px = 128;
    s.cache_dir = dir_.filePath("cache").toStdString();
    s.thresholds.min_colorfulness = 1000.0;  // flag every frame so failures exist
    window_->settingsPanel()->setSettings(s);
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    // Baseline: the same event loop with nothing to do, to tell machine load from our own work.
    stalls_.start();
    QTest::qWait(1500);
    stalls_.stop();
    baseline_ms_ = stalls_.longestStallMs();
    qInfo("GUI stall while idle (baseline): longest %.1f ms", baseline_ms_);
  }

  void opensGeneratedClip() {
    QSignalSpy opened(window_.get(), &MainWindow::videoOpened);
    measure("open", [&] {
      window_->openVideo(clip_);
      QVERIFY(opened.wait(kOpenTimeoutMs));
      waitForFrame(0);
    });
    QCOMPARE(window_->engine()->info().frame_count, int64_t(kFrames));
    // The device is known once the model is loaded for the first preview.
    QTRY_VERIFY_WITH_TIMEOUT(!window_->engine()->info().device_name.empty(), kPreviewTimeoutMs);
    QCOMPARE(window_->timeline()->frameCount(), qint64(kFrames));
    QVERIFY(window_->recentFiles().contains(QFileInfo(clip_).absoluteFilePath()));
  }

  void scrubShowsThatFrame() {
    TimelineWidget* t = window_->timeline();
    const QPoint at(int(t->xForFrame(20) + t->pxPerFrame() / 2), 30);
    measure("scrub", [&] {
      QTest::mousePress(t, Qt::LeftButton, {}, at);
      for (int dx = 1; dx < 40; dx += 4)
        QTest::mouseMove(t, at - QPoint(dx, 0));
      QTest::mouseMove(t, at);
      QTest::mouseRelease(t, Qt::LeftButton, {}, at);
      waitForFrame(20);
    });
    QCOMPARE(t->playhead(), qint64(20));
    QVERIFY(!window_->preview()->image(PreviewSide::Right).isNull());
  }

  void lambdaChangesSmoothedButNotRaw() {
    PreviewWidget* p = window_->preview();
    p->setPair(PreviewPair::RawVsSmoothed);
    window_->settingsPanel()->lambdaSpin()->setValue(0.0);
    QTRY_COMPARE_WITH_TIMEOUT(p->frame()->lambda, 0.0, kPreviewTimeoutMs);
    const QImage raw_before = p->image(PreviewSide::Left);
    const QImage smooth_before = p->image(PreviewSide::Right);
    measure("lambda drag", [&] {
      QSlider* slider = window_->settingsPanel()->lambdaSlider();
      slider->setSliderDown(true);
      for (int v = 0; v <= slider->maximum(); v += 20)
        slider->setSliderPosition(v);
      slider->setSliderDown(false);
      QTRY_COMPARE_WITH_TIMEOUT(p->frame()->lambda, SettingsPanel::kLambdaSliderMax,
                                kPreviewTimeoutMs);
    });
    QCOMPARE(shownFrame(p), qint64(20));
    QCOMPARE(p->image(PreviewSide::Left), raw_before);
    QVERIFY(p->image(PreviewSide::Right) != smooth_before);
    qInfo("previews dropped as stale so far: %lld", window_->engine()->droppedPreviews());
  }

  void shortcutsMoveThePlayhead() {
    QTest::keyClick(window_.get(), Qt::Key_Right);
    waitForFrame(21);
    QTest::keyClick(window_.get(), Qt::Key_Left);
    QTest::keyClick(window_.get(), Qt::Key_Left);
    waitForFrame(19);
    QTest::keyClick(window_.get(), Qt::Key_I);
    QCOMPARE(window_->timeline()->inFrame(), qint64(19));
    QTest::keyClick(window_.get(), Qt::Key_End);
    waitForFrame(kFrames - 1);
    QTest::keyClick(window_.get(), Qt::Key_O);
    QCOMPARE(window_->timeline()->outFrame(), qint64(kFrames - 1));
    QTest::keyClick(window_.get(), Qt::Key_Home);
    waitForFrame(0);
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QVERIFY(window_->playback()->isPlaying());
    QTest::keyClick(window_.get(), Qt::Key_K);
    QVERIFY(!window_->playback()->isPlaying());
  }

  void failureNavigationJumps() {
    QTRY_VERIFY_WITH_TIMEOUT(window_->timeline()->timelineData() &&
                                 !window_->timeline()->timelineData()->failures.empty(),
                             kPreviewTimeoutMs);
    const auto failures = window_->timeline()->timelineData()->failures;
    window_->goToFrame(kFrames - 1);
    const auto prev = previousFailure(failures, kFrames - 1);
    QVERIFY(prev.has_value());
    QTest::keyClick(window_.get(), Qt::Key_F, Qt::ShiftModifier);
    waitForFrame(failures[*prev].first_frame);
    const qint64 here = window_->timeline()->playhead();
    if (const auto next = nextFailure(failures, here)) {
      QTest::keyClick(window_.get(), Qt::Key_F);
      waitForFrame(failures[*next].first_frame);
    }
  }

  void projectRoundTrip() {
    window_->settingsPanel()->setCurrentShot(0, kFrames - 1);
    window_->settingsPanel()->overrideLambdaForShot();
    const QString project = dir_.filePath("film.chromaflow");
    QVERIFY(window_->saveProjectTo(project));
    MainWindow other(dir_.filePath("settings2.ini"));
    QSignalSpy opened(&other, &MainWindow::videoOpened);
    QVERIFY(other.openProject(project));
    QVERIFY(opened.wait(kOpenTimeoutMs));
    QCOMPARE(other.sourcePath(), QFileInfo(clip_).absoluteFilePath());
    QCOMPARE(other.shotOverrides()->all().size(), size_t(1));
    QCOMPARE(other.settingsPanel()->settings().working_height_px, 128);
    QCOMPARE(other.timeline()->inFrame(), qint64(19));
  }

  void dropOpensVideo() {
    MainWindow other(dir_.filePath("settings3.ini"));
    other.settingsPanel()->setSettings(window_->settingsPanel()->settings());
    QSignalSpy opened(&other, &MainWindow::videoOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(clip_)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(&other, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QApplication::sendEvent(&other, &drop);
    QVERIFY(opened.wait(kOpenTimeoutMs));
    QCOMPARE(other.sourcePath(), QFileInfo(clip_).absoluteFilePath());
  }

  void settingsPersistAcrossSessions() {
    const QString ini = dir_.filePath("persist.ini");
    {
      MainWindow first(ini);
      first.settingsPanel()->lambdaSpin()->setValue(1.25);
      first.action("modeWipe")->trigger();
      first.action("pairRawSmoothed")->trigger();
      first.close();
    }
    MainWindow second(ini);
    QCOMPARE(second.settingsPanel()->lambda(), 1.25);
    QCOMPARE(second.preview()->mode(), PreviewMode::Wipe);
    QCOMPARE(second.preview()->pair(), PreviewPair::RawVsSmoothed);
    QVERIFY(second.action("modeWipe")->isChecked());
  }

  void exportFromDialog() {
    QTest::keyClick(window_.get(), Qt::Key_E, Qt::ControlModifier);
    ExportDialog* d = window_->exportDialog();
    QVERIFY(d->isVisible());
    QVERIFY(d->audioCheck()->isChecked());
    const QString out = dir_.filePath("export.mp4");
    d->setOutputPath(out);
    d->setUseInOut(false);
    QSignalSpy finished(window_->engine(), &SessionController::exportFinished);
    measure("export", [&] {
      d->exportButton()->click();
      QVERIFY(finished.wait(kExportTimeoutMs));
    });
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    auto reader = cf::media::VideoReader::open(out.toStdString());
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QCOMPARE(reader.value()->info().frame_count, int64_t(kFrames));
    QCOMPARE(cf::test::streamValue(out, "a:0", "codec_type"), QStringLiteral("audio"));
  }

  void cancelledExportLeavesNoFile() {
    ExportDialog* d = window_->exportDialog();
    const QString out = dir_.filePath("cancelled.mkv");
    d->setCodec(cf::pipeline::ExportCodec::Ffv1Mkv);
    d->setOutputPath(out);
    QSignalSpy finished(window_->engine(), &SessionController::exportFinished);
    d->exportButton()->click();
    d->cancelButton()->click();
    QVERIFY(finished.wait(kExportTimeoutMs));
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY(!QFileInfo::exists(out));
    const QStringList leftovers = QDir(dir_.path()).entryList({"cancelled*"}, QDir::Files);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
    QVERIFY(!d->isRunning());
  }

  void cleanupTestCase() {
    qInfo(
        "LONGEST GUI STALL over open/scrub/lambda/export: %.1f ms, GUI thread CPU in it %.1f ms "
        "(target <= 50 ms)",
        longest_stall_ms_, longest_stall_cpu_ms_);
    window_.reset();
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
