// Hints on a rotated video (issue #15), through the real window offscreen: the preview shows the
// picture upright (as a player does), hints are kept in that display orientation (as --hints takes
// them), and a click on an object of the preview colours that same object in the export. The
// clip carries a display matrix (MP4 `rotate` tag: a quarter turn); the export keeps the stored
// orientation and the rotation as metadata.

#include <QApplication>
#include <QColorDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "HintOverlay.h"
#include "MainWindow.h"
#include "PreviewWidget.h"
#include "SessionController.h"
#include "SuggestedColours.h"
#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "media/FrameToRgb.h"
#include "media/VideoReader.h"
#include "pipeline/ExportJob.h"

using namespace cf;
using namespace cf::ui;

namespace {
constexpr int kTimeoutMs = 120000;
constexpr int kFrame = 3;
const QPointF kStored(0.25, 0.3);  // the clicked object, in the stored picture

pipeline::PreviewFramePtr shown(const MainWindow& w) {
  return w.preview()->frame();
}

/// Red minus blue around a point (0..1) of a CV_8UC3 RGB picture (a 5x5 mean).
double redness(const cv::Mat& rgb, const QPointF& at) {
  const cv::Rect r(int(at.x() * rgb.cols) - 2, int(at.y() * rgb.rows) - 2, 5, 5);
  const cv::Scalar m = cv::mean(rgb(r & cv::Rect(0, 0, rgb.cols, rgb.rows)));
  return m[0] - m[2];
}
}  // namespace

class TestHintRotation : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private Q_SLOTS:
  void aClickColoursTheSameObjectInTheExport() {
    QVERIFY(dir_.isValid());
    test::ClipSpec spec;
    spec.path = dir_.filePath(QStringLiteral("stored.mp4"));
    spec.width_px = 160;
    spec.height_px = 96;
    spec.frames = 8;
    QCOMPARE(test::makeClip(spec), QString());
    const QString clip = dir_.filePath(QStringLiteral("rotated.mp4"));
    QCOMPARE(test::runFfmpeg({QStringLiteral("-i"), spec.path, QStringLiteral("-c"),
                              QStringLiteral("copy"), QStringLiteral("-metadata:s:v:0"),
                              QStringLiteral("rotate=90"), clip}),
             QString());
    int rotation = 0;  // clockwise to display; Debian's ffmpeg 5.1 stores this tag as 270
    {
      auto reader = media::VideoReader::open(clip.toStdString());
      QVERIFY(reader.ok());
      rotation = (*reader)->info().rotation_deg;
    }
    QVERIFY2(rotation == 90 || rotation == 270, qPrintable(QString::number(rotation)));
    // Where the stored point is seen upright (turned clockwise by 90: the stored (x, y) shows at
    // (1 - y, x); by 270: at (y, 1 - x)), and where a hint read as stored would land instead.
    const QPointF display = rotation == 90 ? QPointF(1.0 - kStored.y(), kStored.x())
                                           : QPointF(kStored.y(), 1.0 - kStored.x());
    const QPointF misread = rotation == 90 ? QPointF(kStored.y(), 1.0 - kStored.x())
                                           : QPointF(1.0 - kStored.y(), kStored.x());
    const QString model = dir_.filePath(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(test::makeTinyModel(model), QString());

    MainWindow window(dir_.filePath(QStringLiteral("settings.ini")));
    connect(window.engine(), &SessionController::errorOccurred, this,
            [](const QString& m) { qWarning("engine error: %s", qPrintable(m)); });
    ProjectData data;
    data.settings.model_path = model.toStdString();
    data.settings.device = cf::DeviceChoice::Cpu;
    data.settings.working_height_px = 128;
    data.settings.lambda = 2.0;
    data.settings.cache_dir = dir_.filePath(QStringLiteral("cache")).toStdString();
    window.project()->reset(data, QString());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &MainWindow::videoOpened);
    window.openVideo(clip);
    QVERIFY(opened.wait(kTimeoutMs));
    window.goToFrame(kFrame);
    QTRY_VERIFY_WITH_TIMEOUT(shown(window) && shown(window)->frame_index == kFrame &&
                                 shown(window)->guide == pipeline::GuideState::None,
                             kTimeoutMs);
    const cv::Mat automatic = shown(window)->smoothed_rgb8.clone();
    QCOMPARE(automatic.cols, 160);  // the frames stay stored...
    // ...and the preview turns them upright: 96 wide, 160 high, and the stored point's pixel is
    // where the display orientation puts it (on every side, the original's grey too).
    for (const PreviewSide side : {PreviewSide::Left, PreviewSide::Right}) {
      const QImage upright = window.preview()->image(side);
      QCOMPARE(upright.size(), QSize(96, 160));
      const cv::Mat& stored = side == PreviewSide::Right ? automatic : shown(window)->grey_rgb8;
      const cv::Vec3b want =
          stored.at<cv::Vec3b>(int(kStored.y() * stored.rows), int(kStored.x() * stored.cols));
      const QColor got = upright.pixelColor(int(display.x() * upright.width()),
                                            int(display.y() * upright.height()));
      QVERIFY2(std::abs(got.red() - want[0]) + std::abs(got.green() - want[1]) +
                       std::abs(got.blue() - want[2]) <=
                   24,
               qPrintable(QStringLiteral("side %1: %2,%3,%4 against %5,%6,%7")
                              .arg(int(side))
                              .arg(got.red())
                              .arg(got.green())
                              .arg(got.blue())
                              .arg(want[0])
                              .arg(want[1])
                              .arg(want[2])));
    }
    const QRectF upright_rect = window.preview()->imageRect(PreviewSide::Right);
    QVERIFY(upright_rect.height() > upright_rect.width());

    // Click the object where the (upright) preview shows it, and choose a red.
    window.action(QStringLiteral("hintTool"))->setChecked(true);
    const QRectF r = window.preview()->imageRect(PreviewSide::Right);
    const QPoint click(int(r.left() + display.x() * r.width()),
                       int(r.top() + display.y() * r.height()));
    QTest::mouseClick(window.hintOverlay(), Qt::LeftButton, {}, click);
    QTRY_VERIFY(window.suggestedColours()->isVisible());
    QTimer::singleShot(50, [] {
      if (auto* dialog = qobject_cast<QColorDialog*>(QApplication::activeModalWidget())) {
        dialog->setCurrentColor(QColor(210, 30, 40));
        dialog->accept();
      }
    });
    window.suggestedColours()->findChild<QPushButton*>(QStringLiteral("otherColour"))->click();
    const auto& hints = window.project()->guidance().hints;
    QCOMPARE(int(hints.size()), 1);
    // Kept in the display orientation.
    QVERIFY2(std::abs(hints[0].x - display.x()) < 0.02 && std::abs(hints[0].y - display.y()) < 0.02,
             qPrintable(QStringLiteral("hint at %1, %2").arg(hints[0].x).arg(hints[0].y)));
    // The overlay draws it where it was clicked.
    const QPointF drawn = window.hintOverlay()->toWidget(hints[0].x, hints[0].y);
    QVERIFY(std::abs(drawn.x() - click.x()) <= 2.0 && std::abs(drawn.y() - click.y()) <= 2.0);
    QTRY_VERIFY_WITH_TIMEOUT(shown(window) && shown(window)->frame_index == kFrame &&
                                 shown(window)->guide == pipeline::GuideState::Applied,
                             kTimeoutMs);
    QVERIFY(redness(shown(window)->smoothed_rgb8, kStored) > redness(automatic, kStored) + 20.0);

    // The export (stored frames, the rotation kept as metadata): red on the clicked object, not
    // where a hint read in the stored orientation would have put it.
    pipeline::ExportJobSpec job;
    job.input_path = clip.toStdString();
    job.settings = window.project()->settings();
    job.guidance = window.project()->guidance();
    job.request.codec = cf::VideoCodec::FFV1;
    job.request.keep_audio = false;
    job.request.output_path = dir_.filePath(QStringLiteral("hinted.mkv")).toStdString();
    auto done = pipeline::runExportJob(job, {}, {});
    QVERIFY2(done.ok(), done.ok() ? "" : done.message().c_str());
    auto out = media::VideoReader::open(job.request.output_path);
    QVERIFY(out.ok());
    auto frame = (*out)->frameAt(kFrame);
    QVERIFY(frame.ok() && *frame);
    auto rgb = media::frameToRgb8(**frame);
    QVERIFY(rgb.ok());
    QCOMPARE(rgb->cols, 160);
    QVERIFY2(redness(*rgb, kStored) > redness(automatic, kStored) + 20.0,
             qPrintable(QStringLiteral("red-blue %1 -> %2")
                            .arg(redness(automatic, kStored))
                            .arg(redness(*rgb, kStored))));
    QVERIFY(redness(*rgb, misread) < redness(automatic, misread) + 10.0);
  }
};

QTEST_MAIN(TestHintRotation)
#include "tst_hint_rotation.moc"
