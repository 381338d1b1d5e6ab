// Failure report files (JSON round trip, CSV) and the contact sheet.

#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

#include "analysis/ContactSheet.h"
#include "analysis/ReportIO.h"

using namespace cf::analysis;

class TestFailureReport : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void jsonRoundTrip() {
    AnalysisReport report;
    report.source_path = "/films/ünïcode clip.mp4";
    report.model_name = "slim-cls";
    report.thresholds.flicker_ratio = 2.5;
    for (int i = 0; i < 3; ++i) {
      FrameReport fr;
      fr.metrics.frame_index = i;
      fr.metrics.colorfulness = 10.5 * i;
      fr.metrics.flicker = 0.125 * i;
      fr.metrics.scene_cut = i == 2;
      fr.shot_index = i == 2 ? 1 : 0;
      if (i == 1)
        fr.flags.push_back(Flag{FlagKind::Flicker, Reason{ReasonCode::FlickerAboveShot, 4.1},
                                "flicker 4.1x above shot median", 1.4});
      report.frames.push_back(fr);
    }
    report.ranges.push_back(FailureRange{1, 1, FlagKind::Flicker,
                                         Reason{ReasonCode::FlickerAboveShot, 4.1},
                                         "flicker 4.1x above shot median"});

    const auto back = reportFromJson(reportToJson(report));
    QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
    QCOMPARE(back->source_path, report.source_path);
    QCOMPARE(back->thresholds.flicker_ratio, 2.5);
    QCOMPARE(back->frames.size(), size_t(3));
    QCOMPARE(back->frames[2].metrics.colorfulness, 21.0);
    QCOMPARE(back->frames[2].metrics.scene_cut, true);
    QCOMPARE(back->frames[2].shot_index, 1);
    QCOMPARE(back->frames[1].flags.size(), size_t(1));
    QCOMPARE(back->frames[1].flags[0].kind, FlagKind::Flicker);
    QCOMPARE(back->frames[1].flags[0].severity, 1.4);
    QCOMPARE(back->ranges.size(), size_t(1));
    QCOMPARE(back->ranges[0].reason, report.ranges[0].reason);
    QCOMPARE(back->ranges[0].kind, FlagKind::Flicker);
    QCOMPARE(back->ranges[0].why.code, ReasonCode::FlickerAboveShot);
    QCOMPARE(back->ranges[0].why.value, 4.1);
    QCOMPARE(back->frames[1].flags[0].why.code, ReasonCode::FlickerAboveShot);
    QCOMPARE(reasonText(back->ranges[0].why), back->ranges[0].reason);
    // And it is stable: serialising the parsed report gives the same text.
    QCOMPARE(reportToJson(*back), reportToJson(report));
  }

  void badJsonIsRejected() {
    QVERIFY(!reportFromJson("{not json").ok());
    const auto wrong = reportFromJson("{\"format\": \"something-else\"}");
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.message().find("not a Chromaflow failure report") != std::string::npos);
  }

  void csvHasOneRowPerFrame() {
    AnalysisReport report;
    for (int i = 0; i < 4; ++i) {
      FrameReport fr;
      fr.metrics.frame_index = i;
      if (i == 2)
        fr.flags.push_back(Flag{FlagKind::Sepia, {}, "sepia: \"82\" %", 1.0});
      report.frames.push_back(fr);
    }
    const std::string csv = reportToCsv(report);
    QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 5L);
    QVERIFY(csv.rfind("frame,shot,scene_cut,colorfulness", 0) == 0);
    QVERIFY(csv.find("\"sepia: '82' %\"") != std::string::npos);
  }

  void writeReportByExtension() {
    QTemporaryDir dir;
    AnalysisReport report;
    const std::string json = (dir.path() + QStringLiteral("/r.json")).toStdString();
    QVERIFY(writeReport(report, json).ok());
    QVERIFY(QFile::exists(QString::fromStdString(json)));
    const auto bad = writeReport(report, (dir.path() + QStringLiteral("/r.txt")).toStdString());
    QVERIFY(!bad.ok());
    QVERIFY(bad.message().find(".json or .csv") != std::string::npos);
    const auto unwritable = writeReport(report, "/proc/no/such/dir/r.json");
    QVERIFY(!unwritable.ok());
  }

  void contactSheetSizeAndPanels() {
    std::vector<ContactSheetItem> items;
    for (int i = 0; i < 4; ++i) {
      ContactSheetItem item;
      item.frame_index = i * 10;
      item.grey_rgb8 = cv::Mat(90, 160, CV_8UC3, cv::Scalar(100, 100, 100));
      item.colour_rgb8 = cv::Mat(90, 160, CV_8UC3, cv::Scalar(200, 40, 40));
      item.confidence = cv::Mat(45, 80, CV_32FC1, cv::Scalar(0.25));
      item.caption = "flicker 4.1x above shot median";
      items.push_back(item);
    }
    ContactSheetLayout layout;
    layout.panel_width_px = 200;
    const cv::Mat sheet = makeContactSheet(items, layout);
    QCOMPARE(contactSheetPanelCount(items), 12);
    QCOMPARE(sheet.cols, 3 * 200 + 4 * layout.gap_px);
    const int panel_h = 200 * 90 / 160;
    QCOMPARE(sheet.rows, layout.gap_px + 4 * (layout.caption_height_px + panel_h + layout.gap_px));
    // The colour panel of the first row really holds the colourised frame.
    const cv::Vec3b px = sheet.at<cv::Vec3b>(layout.gap_px + layout.caption_height_px + 10,
                                             layout.gap_px * 2 + 200 + 10);
    QCOMPARE(px, cv::Vec3b(200, 40, 40));

    QTemporaryDir dir;
    const std::string path = (dir.path() + QStringLiteral("/sheet.png")).toStdString();
    QVERIFY(writeContactSheet(items, path, layout).ok());
    const cv::Mat read = cv::imread(path);
    QCOMPARE(read.cols, sheet.cols);
    QCOMPARE(read.rows, sheet.rows);
  }
};

QTEST_GUILESS_MAIN(TestFailureReport)
#include "tst_failure_report.moc"
