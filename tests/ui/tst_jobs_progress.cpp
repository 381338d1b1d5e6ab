// The Jobs dock (issue #16, bug 7): the background analysis shows its progress there, and an
// export that was cancelled or failed says so instead of showing a full bar.

#include <QLabel>
#include <QProgressBar>
#include <QtTest>

#include "JobPanel.h"
#include "JobQueue.h"

using namespace cf::ui;

class TestJobsProgress : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void backgroundAnalysisShowsProgress() {
    JobPanel panel;
    panel.setAnalysisProgress(90, 360);
    QCOMPARE(panel.analysisBar()->value(), 250);
    QVERIFY(panel.analysisBar()->text().contains(QStringLiteral("90 / 360")));
    QVERIFY(panel.analysisLabel()->text().contains(QStringLiteral("Analysing")));
    panel.setAnalysisProgress(360, 360);
    QCOMPARE(panel.analysisBar()->value(), 1000);
    QVERIFY(panel.analysisLabel()->text().contains(QStringLiteral("complete")));
  }

  void cancelledExportIsNotAFullBar() {
    QProgressBar bar;
    JobStatus j;
    j.state = JobStatus::State::Running;
    j.stage = QStringLiteral("scan");
    j.done = j.total = 360;  // the scan finished; the export had not written a frame yet
    JobPanel::showJobProgress(j, &bar);
    QCOMPARE(bar.value(), 1000);
    j.state = JobStatus::State::Cancelled;
    JobPanel::showJobProgress(j, &bar);
    QCOMPARE(bar.value(), 0);
    QVERIFY2(bar.text().startsWith(QStringLiteral("Cancelled")), qPrintable(bar.text()));
    // Cancelled halfway through the frames: the bar says how far it got.
    j.stage = QStringLiteral("export");
    j.done = 90;
    JobPanel::showJobProgress(j, &bar);
    QCOMPARE(bar.value(), 250);
    QVERIFY(bar.text().contains(QStringLiteral("25%")));
    j.state = JobStatus::State::Failed;
    JobPanel::showJobProgress(j, &bar);
    QVERIFY(bar.text().startsWith(QStringLiteral("Failed")));
    j.state = JobStatus::State::Done;
    JobPanel::showJobProgress(j, &bar);
    QCOMPARE(bar.value(), 1000);
    QCOMPARE(bar.text(), QStringLiteral("100%"));
  }

  void failedOpenIsNotAFullBar() {
    JobPanel panel;
    panel.startJob(QStringLiteral("Opening"));
    panel.finishJob(QStringLiteral("Could not open the video"), false);
    const auto bars = panel.findChildren<QProgressBar*>();
    bool any_full = false;
    for (auto* b : bars)
      any_full = any_full || (b->objectName().isEmpty() && b->value() == 1000);
    QVERIFY(!any_full);
  }
};

QTEST_MAIN(TestJobsProgress)
#include "tst_jobs_progress.moc"
