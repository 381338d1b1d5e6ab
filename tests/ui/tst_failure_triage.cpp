// Failure triage (issue #16, feature 3): the failures panel filters by kind, sorts by time or
// severity and shows counts per kind; ranges are marked reviewed or ignored in the Project (undo,
// project file), and the panel shows the marks.

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

#include "FailureReview.h"
#include "FailuresPanel.h"
#include "Project.h"

using namespace cf::ui;
using cf::analysis::FlagKind;
using cf::analysis::Reason;
using cf::analysis::ReasonCode;
using cf::pipeline::FailureRange;

namespace {
// Sorted by first frame, as the core gives them.
std::vector<FailureRange> sample() {
  return {{10, 12, FlagKind::Motion, Reason{ReasonCode::MotionWidth, 4}, "m", 1.5},
          {30, 30, FlagKind::Flicker, Reason{ReasonCode::FlickerAboveShot, 9}, "f", 3.0},
          {50, 59, FlagKind::Sepia, Reason{ReasonCode::SepiaBand, 70, 20, 70}, "s", 1.1},
          {70, 75, FlagKind::Motion, Reason{ReasonCode::Occluded, 40}, "m", 8.0}};
}
}  // namespace

class TestFailureTriage : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void marksCoverTheirSpan() {
    const auto f = sample();
    std::vector<FailureReview> reviews = withReview({}, f[0], ReviewStatus::Ignored);
    QCOMPARE(reviewOf(reviews, f[0]), std::optional<ReviewStatus>(ReviewStatus::Ignored));
    QVERIFY(!reviewOf(reviews, f[3]));  // same kind, other frames
    FailureRange shrunk = f[0];
    shrunk.last_frame = 11;  // λ changed: the range shrank, the mark still holds
    QVERIFY(reviewOf(reviews, shrunk));
    FailureRange grown = f[0];
    grown.last_frame = 20;  // grew past what was looked at: look again
    QVERIFY(!reviewOf(reviews, grown));
    reviews = withReview(reviews, f[0], ReviewStatus::Reviewed);  // replaces, not adds
    QCOMPARE(reviews.size(), size_t(1));
    QCOMPARE(reviews[0].status, ReviewStatus::Reviewed);
    QVERIFY(withReview(reviews, f[0], std::nullopt).empty());
    const std::vector<int> counts = countPerKind(f);
    QCOMPARE(counts[size_t(FlagKind::Motion)], 2);
    QCOMPARE(counts[size_t(FlagKind::Sepia)], 1);
    QCOMPARE(counts[size_t(FlagKind::Desaturated)], 0);
  }

  void projectMarksAreUndoableAndSaved() {
    Project p;
    QSignalSpy changed(&p, &Project::failureReviewsChanged);
    p.setFailureReview(sample()[1], ReviewStatus::Reviewed);
    p.setFailureReview(sample()[1], ReviewStatus::Reviewed);  // no change, no command
    p.setFailureReview(sample()[3], ReviewStatus::Ignored);
    QCOMPARE(p.undoStack()->count(), 2);
    QCOMPARE(p.failureReviews().size(), size_t(2));
    QCOMPARE(changed.size(), 2);
    p.undoStack()->undo();
    QCOMPARE(p.failureReviews().size(), size_t(1));
    QCOMPARE(changed.size(), 3);
    p.undoStack()->redo();
    QCOMPARE(p.failureReviews().size(), size_t(2));

    auto read = projectFromJson(projectToJson(p.data()), QStringLiteral("memory"));
    QVERIFY(read.ok());
    QCOMPARE(read->failure_reviews, p.failureReviews());
    // A file without marks reads as unmarked; an unknown kind or mark is skipped.
    QByteArray json = projectToJson(ProjectData{});
    QVERIFY(!json.contains("failure_reviews"));
    json.replace("\"format\"",
                 "\"failure_reviews\": [{\"kind\": \"teleport\", \"first_frame\": 1, "
                 "\"last_frame\": 2, \"status\": \"ignored\"}, {\"kind\": \"motion\", "
                 "\"first_frame\": 5, \"last_frame\": 9, \"status\": \"reviewed\"}], \"format\"");
    auto partial = projectFromJson(json, QStringLiteral("memory"));
    QVERIFY(partial.ok());
    QCOMPARE(partial->failure_reviews.size(), size_t(1));
    QCOMPARE(partial->failure_reviews[0].first_frame, int64_t(5));
  }

  void panelFiltersSortsAndCounts() {
    FailuresPanel panel;
    panel.setFailures(sample(), cf::TimecodeClock(25.0, {}));
    QCOMPARE(panel.count(), 4);
    QCOMPARE(panel.summary()->text(), QStringLiteral("4 flagged range(s)"));
    QVERIFY2(panel.counts()->text().contains(QStringLiteral("Heavy motion 2")),
             qPrintable(panel.counts()->text()));
    auto* kinds = panel.findChild<QComboBox*>(QStringLiteral("failureKindFilter"));
    QVERIFY(kinds);
    QVERIFY(kinds->itemText(kinds->findData(int(FlagKind::Motion))).contains(QStringLiteral("2")));
    panel.setKindFilter(FlagKind::Motion);
    QCOMPARE(panel.count(), 2);
    QCOMPARE(panel.shownRange(0).first_frame, int64_t(10));
    panel.setSortOrder(FailuresPanel::SortOrder::Severity);
    QCOMPARE(panel.shownRange(0).first_frame, int64_t(70));  // severity 8 before 1.5
    panel.setKindFilter(std::nullopt);
    QCOMPARE(panel.count(), 4);
    QCOMPARE(panel.shownRange(1).first_frame, int64_t(30));  // 8, 3, 1.5, 1.1
    panel.setSortOrder(FailuresPanel::SortOrder::Time);
    QCOMPARE(panel.shownRange(3).first_frame, int64_t(70));
  }

  void panelMarksGoThroughTheProject() {
    Project project;
    FailuresPanel panel;
    connect(&panel, &FailuresPanel::reviewRequested, &project, &Project::setFailureReview);
    connect(&project, &Project::failureReviewsChanged, &panel,
            [&] { panel.setReviews(project.failureReviews()); });
    panel.setFailures(sample(), cf::TimecodeClock(25.0, {}));
    panel.tree()->topLevelItem(3)->setSelected(true);
    QPushButton* ignore = nullptr;
    for (auto* b : panel.findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Ignore"))
        ignore = b;
    QVERIFY(ignore);
    ignore->click();
    QCOMPARE(project.failureReviews().size(), size_t(1));
    QCOMPARE(project.failureReviews()[0].first_frame, int64_t(70));
    QCOMPARE(panel.tree()->topLevelItem(3)->text(3), QStringLiteral("Ignored"));
    QVERIFY(panel.counts()->text().contains(QStringLiteral("1 marked")));
    panel.setHideIgnored(true);
    QCOMPARE(panel.count(), 3);
    panel.setHideIgnored(false);
    project.undoStack()->undo();
    QCOMPARE(panel.count(), 4);
    QVERIFY(panel.tree()->topLevelItem(3)->text(3).isEmpty());
    // A progress tick that changes one range rebuilds one row, marks and all.
    std::vector<FailureRange> next = sample();
    next[1].why.value = 12;
    panel.setFailures(next, cf::TimecodeClock(25.0, {}));
    QCOMPARE(panel.lastRowsChanged(), 1);
  }
};

QTEST_MAIN(TestFailureTriage)
#include "tst_failure_triage.moc"
