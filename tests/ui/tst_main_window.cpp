// The editor end to end on a generated clip, through the real engine thread: open, scrub, live
// lambda, failure navigation, shortcuts, project round trip, export and cancelled export jobs,
// edits while an export runs (which must not change it), a failed open that keeps the project, and
// the unsaved-changes prompt on close (answered by the test). A stall detector records the longest
// time the GUI event loop was blocked (printed, not asserted: timing never decides a test).

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include "ExportDialog.h"
#include "FailureNavigation.h"
#include "GradePanel.h"
#include "JobQueue.h"
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
#include "pipeline/ExportJob.h"

using namespace cf::ui;

namespace {
constexpr int kFrames = 30;
constexpr int kOpenTimeoutMs = 120000;
constexpr int kPreviewTimeoutMs = 60000;
constexpr int kExportTimeoutMs = 180000;

qint64 shownFrame(const PreviewWidget* p) {
  return p->frame() ? p->frame()->frame_index : -1;
}

/// Answers the next modal message box with `button` once it shows (the test plays the user).
void answerNextMessageBox(QMessageBox::StandardButton button, QString* seen_name = nullptr,
                          int attempts = 500) {
  QTimer::singleShot(10, [=] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box || !box->button(button)) {
      if (attempts > 0)  // not shown yet: look again (for 5 s at most)
        answerNextMessageBox(button, seen_name, attempts - 1);
      return;
    }
    if (seen_name)
      *seen_name = box->objectName();
    box->button(button)->click();
  });
}

cf::ui::ProjectData projectWith(const cf::pipeline::SessionSettings& s) {
  cf::ui::ProjectData d;
  d.settings = s;
  return d;
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

  /// The text of every editable field of the window (line edits, spin boxes, combo boxes).
  QStringList fieldTexts() const {
    QStringList texts;
    for (const QLineEdit* e : window_->findChildren<QLineEdit*>())
      texts << e->text();
    for (const QComboBox* c : window_->findChildren<QComboBox*>())
      texts << c->currentText();
    return texts;
  }

  /// Where a key press goes: the focus widget, else the window.
  QWidget* focusTarget() const {
    QWidget* focus = QApplication::focusWidget();
    return focus ? focus : window_.get();
  }

  qint64 analysedFrames() const {
    const auto data = window_->timeline()->timelineData();
    return data ? std::count_if(data->frames.begin(), data->frames.end(),
                                [](const auto& f) { return f.analysed; })
                : 0;
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
    // A start timecode, as a camera or a telecine writes it: the editor counts from it.
    spec.extra_args = {QStringLiteral("-timecode"), QStringLiteral("01:00:00:00")};
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
    s.device = cf::DeviceChoice::Cpu;
    s.working_height_px = 128;
    s.cache_dir = dir_.filePath("cache").toStdString();
    s.thresholds.min_colorfulness = 1000.0;  // flag every frame so failures exist
    window_->project()->reset(projectWith(s), QString());
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

  /// Issue #16, focus trap: after start-up a key press reaches the window's shortcuts, whatever
  /// has the focus, and no text field changes.
  void keyPressAfterStartUpPlaysAndTypesNothing() {
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY2(!qobject_cast<QLineEdit*>(focus) && !qobject_cast<QAbstractSpinBox*>(focus) &&
                 !qobject_cast<QLineEdit*>(focus->focusProxy()),
             focus->metaObject()->className());
    const QStringList before = fieldTexts();
    QVERIFY(!window_->playback()->isPlaying());
    QTest::keyClick(focus, Qt::Key_Space);
    QVERIFY(window_->playback()->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K);
    QVERIFY(!window_->playback()->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_3);
    QVERIFY(window_->action("modeSingle")->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_1);
    QVERIFY(window_->action("modeSideBySide")->isChecked());
    QCOMPARE(fieldTexts(), before);
    // A text field being edited keeps its keys; a click on the preview or the timeline takes
    // the focus back, and the shortcuts work again.
    for (QWidget* target :
         {static_cast<QWidget*>(window_->preview()), static_cast<QWidget*>(window_->timeline())}) {
      window_->settingsPanel()->temperatureSpin()->setFocus();
      QCOMPARE(QApplication::focusWidget(), window_->settingsPanel()->temperatureSpin());
      QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(5, target->height() - 5));
      QCOMPARE(QApplication::focusWidget(), target);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(window_->playback()->isPlaying());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_K);
    QVERIFY(!window_->playback()->isPlaying());
    QCOMPARE(fieldTexts(), before);
  }

  /// Issue #16: a model that does not load keeps the previous model, its analysis and the
  /// project's setting, and the error is the window's (no command-line wording).
  void badModelKeepsThePreviousModelAndAnalysis() {
    QTRY_VERIFY_WITH_TIMEOUT(analysedFrames() > 0, kPreviewTimeoutMs);
    const std::string good = window_->project()->settings().model_path;
    QSignalSpy rejected(window_->engine(), &SessionController::settingsRejected);
    QSignalSpy timeline(window_->engine(), &SessionController::timelineUpdated);
    auto s = window_->project()->settings();
    s.model_path = dir_.filePath("missing.cfmodel").toStdString();
    window_->project()->setSettings(s);
    QVERIFY(rejected.wait(kPreviewTimeoutMs));
    QCOMPARE(window_->project()->settings().model_path, good);
    QCOMPARE(window_->settingsPanel()->settings().model_path, good);
    QCOMPARE(window_->settingsPanel()->modelChoice()->currentData().toString(),
             QString::fromStdString(good));
    auto* box = window_->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    QVERIFY(box);
    QVERIFY(!box->text().contains(QLatin1String("--")));
    QVERIFY(!box->informativeText().contains(QLatin1String("--model")));
    box->close();
    // The (window-modal) message box took the activation; give it back for the shortcuts.
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    // Nothing was dropped: the analysis stands (no timeline with fewer analysed frames).
    QTest::qWait(300);
    QVERIFY(analysedFrames() > 0);
    for (const auto& args : timeline) {
      const auto data = args.at(0).value<cf::pipeline::TimelineDataPtr>();
      QVERIFY(data);
      QVERIFY(std::any_of(data->frames.begin(), data->frames.end(),
                          [](const auto& f) { return f.analysed; }));
    }
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

  /// Issue #16: Ctrl+G goes to a timecode or a frame number; times read as SMPTE timecode,
  /// counted from the source's own start timecode (01:00:00:00 here), as the export writes it.
  void goToTimecodeOrFrame() {
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QTest::keyClick(focusTarget(), Qt::Key_G, Qt::ControlModifier);
    QLineEdit* field = window_->goToField();
    QCOMPARE(QApplication::focusWidget(), field);
    QTest::keyClicks(field, QStringLiteral("01:00:01:05"));  // 10 fps: frame 15
    QTest::keyClick(field, Qt::Key_Return);
    waitForFrame(15);
    QVERIFY(QApplication::focusWidget() != field);  // back to the playback keys
    const auto* label = window_->findChild<QLabel*>(QStringLiteral("frameLabel"));
    QVERIFY(label);
    QTRY_VERIFY(label->text().contains(QLatin1String("01:00:01:05")));
    // The failures list names its ranges on the same clock (every frame is flagged here).
    const auto* failures = window_->findChild<QTreeWidget*>();
    QVERIFY(failures);
    QTRY_VERIFY(failures->topLevelItemCount() > 0);
    QVERIFY2(failures->topLevelItem(0)->text(0).contains(QLatin1String("(01:00:0")),
             qPrintable(failures->topLevelItem(0)->text(0)));
    QTest::keyClick(focusTarget(), Qt::Key_G, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("7"));  // typed over the selected old text
    QTest::keyClick(field, Qt::Key_Return);
    waitForFrame(7);
    QTest::keyClick(focusTarget(), Qt::Key_G, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral("01:00:09:00"));  // past the end
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(!window_->goToTimecode(QStringLiteral("0x7")));
    QVERIFY(!window_->goToTimecode(QStringLiteral("00:00:01:05")));  // before the first frame
    QCOMPARE(QApplication::focusWidget(), field);
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(QApplication::focusWidget() != field);
    QTest::qWait(100);
    QCOMPARE(shownFrame(window_->preview()), qint64(7));
  }

  /// Issue #15: the shot's grade shows live in the preview (a warmer white balance), undo brings
  /// the frame back as it was.
  void gradeShowsLiveInThePreview() {
    PreviewWidget* p = window_->preview();
    QVERIFY(shownFrame(p) >= 0);
    const auto warmth = [](const QImage& img) {  // mean red minus blue
      const QImage rgb = img.convertToFormat(QImage::Format_RGB888);
      double sum = 0.0;
      int n = 0;
      for (int y = 0; y < rgb.height(); y += 2)
        for (int x = 0; x < rgb.width(); x += 2, ++n)
          sum += rgb.pixelColor(x, y).red() - rgb.pixelColor(x, y).blue();
      return n > 0 ? sum / n : 0.0;
    };
    const QImage before = p->image(PreviewSide::Right);
    auto* grade = window_->gradePanel();
    QVERIFY(grade->isEnabled());
    const int undo_count = window_->undoStack()->count();
    grade->temperatureSlider()->setValue(30);
    QTRY_VERIFY_WITH_TIMEOUT(p->frame() && p->frame()->grade.temperature == 30.0,
                             kPreviewTimeoutMs);
    const double warmer = warmth(p->image(PreviewSide::Right)) - warmth(before);
    QVERIFY2(warmer > 10.0, qPrintable(QString::number(warmer)));
    QCOMPARE(window_->undoStack()->count(), undo_count + 1);
    window_->action("undo")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(p->frame() && p->frame()->grade.isIdentity(), kPreviewTimeoutMs);
    QCOMPARE(p->image(PreviewSide::Right), before);
    QCOMPARE(grade->temperatureSlider()->value(), 0);
  }

  void failureNavigationJumps() {
    // Every frame is flagged: wait until the analysis has flagged frames before the last one.
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->timeline()->timelineData() &&
            previousFailure(window_->timeline()->timelineData()->failures, kFrames - 1),
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
    QCOMPARE(other.project()->overrides().size(), size_t(1));
    QVERIFY(!other.project()->isModified());
    QVERIFY(other.windowTitle().startsWith("film"));
    QCOMPARE(other.settingsPanel()->settings().working_height_px, 128);
    QCOMPARE(other.timeline()->inFrame(), qint64(19));
  }

  void dropOpensVideo() {
    MainWindow other(dir_.filePath("settings3.ini"));
    other.project()->reset(projectWith(window_->project()->settings()), QString());
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
    QSignalSpy finished(window_->jobs(), &JobQueue::jobFinished);
    measure("export", [&] {
      d->exportButton()->click();
      QVERIFY(finished.wait(kExportTimeoutMs));
    });
    QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
    auto reader = cf::media::VideoReader::open(out.toStdString());
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.message().c_str());
    QCOMPARE(reader.value()->info().frame_count, int64_t(kFrames));
    QCOMPARE(cf::test::streamValue(out, "a:0", "codec_type"), QStringLiteral("audio"));
  }

  void cancelledExportLeavesNoFile() {
    ExportDialog* d = window_->exportDialog();
    const QString out = dir_.filePath("cancelled.mkv");
    d->setCodec(cf::VideoCodec::FFV1);
    d->setOutputPath(out);
    QSignalSpy finished(window_->jobs(), &JobQueue::jobFinished);
    d->exportButton()->click();
    d->cancelButton()->click();
    QVERIFY(finished.wait(kExportTimeoutMs));
    QVERIFY(!finished.last().at(1).toBool());
    QCOMPARE(window_->jobs()->job(finished.last().at(0).toInt())->state,
             JobStatus::State::Cancelled);
    QVERIFY(!QFileInfo::exists(out));
    const QStringList leftovers = QDir(dir_.path()).entryList({"cancelled*"}, QDir::Files);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
    QVERIFY(!d->isRunning());
  }

  void editsDuringAnExportDoNotChangeIt() {
    // The job exports from a snapshot with its own Session; meanwhile the editor scrubs,
    // previews and changes λ. Its output must equal an export of the snapshot made on its own.
    Project* project = window_->project();
    project->clearShotOverride(0);  // the previews below follow the global λ
    window_->settingsPanel()->lambdaSpin()->setValue(3.0);
    cf::pipeline::ExportJobSpec snapshot;
    snapshot.input_path = window_->sourcePath().toStdString();
    snapshot.settings = project->settings();
    snapshot.overrides = project->overrides();
    ExportDialog* d = window_->exportDialog();
    d->setCodec(cf::VideoCodec::FFV1);
    d->setUseInOut(false);
    d->audioCheck()->setChecked(false);
    const QString out = dir_.filePath("during.mkv");
    d->setOutputPath(out);
    QSignalSpy finished(window_->jobs(), &JobQueue::jobFinished);
    int edits_while_running = 0;
    measure("edits during export", [&] {
      d->exportButton()->click();
      for (int i = 0; i < 6 && finished.isEmpty(); ++i) {
        window_->goToFrame(i * 4);
        waitForFrame(i * 4);
        window_->settingsPanel()->lambdaSpin()->setValue(0.5 + i);
        QTRY_COMPARE_WITH_TIMEOUT(window_->preview()->frame()->lambda, 0.5 + i, kPreviewTimeoutMs);
        edits_while_running += finished.isEmpty() ? 1 : 0;
      }
      if (finished.isEmpty())
        QVERIFY(finished.wait(kExportTimeoutMs));
    });
    qInfo("preview + λ edits served while the export ran: %d", edits_while_running);
    QVERIFY2(finished.last().at(1).toBool(), qPrintable(finished.last().at(2).toString()));
    snapshot.request = d->request();
    snapshot.request.output_path = dir_.filePath("reference.mkv").toStdString();
    auto reference = cf::pipeline::runExportJob(snapshot, {}, {});
    QVERIFY2(reference.ok(), reference.ok() ? "" : reference.message().c_str());
    const QByteArray a = cf::test::rawFrames(out, "rgb24");
    QVERIFY(!a.isEmpty());
    QVERIFY(a == cf::test::rawFrames(dir_.filePath("reference.mkv"), "rgb24"));
  }

  void failedOpenKeepsTheProject() {
    const QString bad = dir_.filePath("broken.mp4");
    {
      QFile f(bad);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(QByteArray(4096, 'x'));
    }
    const QString source = window_->sourcePath();
    const QString title = window_->windowTitle();
    const qint64 frames = window_->timeline()->frameCount();
    const double lambda = window_->project()->settings().lambda;
    QSignalSpy failed(window_->engine(), &SessionController::openFailed);
    QVERIFY(window_->project()->isModified());
    QString seen;
    answerNextMessageBox(QMessageBox::Discard, &seen);  // "save your changes first?"
    window_->openVideo(bad);
    QCOMPARE(seen, QStringLiteral("unsavedChangesBox"));
    QVERIFY(failed.wait(kOpenTimeoutMs));
    auto* error = window_->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    QVERIFY(error && error->informativeText().contains("broken.mp4"));
    error->close();
    QCOMPARE(window_->sourcePath(), source);
    QCOMPARE(window_->windowTitle(), title);
    QCOMPARE(window_->timeline()->frameCount(), frames);
    QCOMPARE(window_->project()->settings().lambda, lambda);
    QVERIFY(window_->engine()->isOpen());
    // The old video still previews and its playhead moves.
    window_->goToFrame(7);
    waitForFrame(7);
    window_->action("nextFrame")->trigger();
    waitForFrame(8);
  }

  void closeAsksBeforeLosingChanges() {
    window_->settingsPanel()->lambdaSpin()->setValue(1.75);
    QVERIFY(window_->project()->isModified());
    QVERIFY(window_->windowTitle().contains("[*]"));
    QVERIFY(window_->isWindowModified());
    // Cancel: the window stays, with its changes.
    QString seen;
    answerNextMessageBox(QMessageBox::Cancel, &seen);
    QVERIFY(!window_->close());
    QCOMPARE(seen, QStringLiteral("unsavedChangesBox"));
    QVERIFY(window_->isVisible());
    QVERIFY(window_->project()->isModified());
    // Save: written to the project file, then the window closes.
    const QString path = window_->project()->filePath();
    QVERIFY(!path.isEmpty());
    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(window_->close());
    QVERIFY(!window_->project()->isModified());
    auto saved = Project::read(path);
    QVERIFY(saved.ok());
    QCOMPARE(saved->settings.lambda, 1.75);
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
