// Keyframes in the project model (issue #15): adding, moving and removing hints and references
// is undoable and says guidanceChanged, and the guidance round-trips through the project file,
// with a bad hint in a file refused by name.

#include <QSignalSpy>
#include <QtTest>

#include "Project.h"

using cf::ui::Project;
using cf::ui::ProjectData;

namespace {

cf::guide::HintPoint hint(int64_t frame, double x) {
  cf::guide::HintPoint h;
  h.frame = frame;
  h.x = x;
  h.y = 0.5;
  h.r = 200;
  h.g = 20;
  h.b = 10;
  return h;
}

}  // namespace

class TestProjectGuidance : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void editsAreUndoable() {
    Project p;
    QSignalSpy changed(&p, &Project::guidanceChanged);
    p.addHint(hint(12, 0.25));
    p.addHint(hint(12, 0.75));
    p.setReference(12, QStringLiteral("/tmp/ref12.png"));
    p.setReference(40, QStringLiteral("/tmp/ref40.png"));
    p.moveHint(0, hint(12, 0.3));
    p.setReferenceStrength(0.6);
    QCOMPARE(changed.count(), 6);
    QCOMPARE(p.guidance().hints.size(), size_t(2));
    QCOMPARE(p.guidance().hints[0].x, 0.3);
    QCOMPARE(p.guidance().keyframes(), (std::vector<int64_t>{12, 40}));
    QCOMPARE(p.guidance().strength, 0.6);
    QVERIFY(p.isModified());

    p.moveKeyframe(12, 20);  // the reference and both hints move
    QCOMPARE(p.guidance().keyframes(), (std::vector<int64_t>{20, 40}));
    QCOMPARE(p.guidance().hints[1].frame, int64_t(20));
    p.removeKeyframe(40);
    QCOMPARE(p.guidance().references.size(), size_t(1));
    p.removeHint(1);
    QCOMPARE(p.guidance().hints.size(), size_t(1));

    // Undo walks back through every edit, redo forward again.
    p.undoStack()->undo();
    QCOMPARE(p.guidance().hints.size(), size_t(2));
    p.undoStack()->undo();
    QCOMPARE(p.guidance().keyframes(), (std::vector<int64_t>{20, 40}));
    p.undoStack()->undo();
    QCOMPARE(p.guidance().keyframes(), (std::vector<int64_t>{12, 40}));
    while (p.undoStack()->canUndo())
      p.undoStack()->undo();
    QVERIFY(p.guidance().empty());
    QCOMPARE(p.guidance().strength, 1.0);
    QVERIFY(!p.isModified());
    while (p.undoStack()->canRedo())
      p.undoStack()->redo();
    QCOMPARE(p.guidance().hints.size(), size_t(1));
    QCOMPARE(p.guidance().references.size(), size_t(1));
    QCOMPARE(p.guidance().references[0].frame, int64_t(20));
    // No-op edits push nothing.
    const int count = p.undoStack()->count();
    p.removeHint(7);
    p.setReference(99, QString());
    p.moveKeyframe(20, 20);
    QCOMPARE(p.undoStack()->count(), count);
  }

  void guidanceRoundTripsThroughTheFile() {
    ProjectData d;
    d.source_path = QStringLiteral("/films/a.mp4");
    d.guidance.references.push_back({3, "/refs/three.png"});
    d.guidance.hints.push_back(hint(5, 0.4));
    d.guidance.hints.back().radius = 0.05;
    d.guidance.strength = 0.75;
    auto back = cf::ui::projectFromJson(cf::ui::projectToJson(d), QStringLiteral("p.chromaflow"));
    QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
    QVERIFY(back->guidance == d.guidance);
    // A project without keyframes has no "guidance" key and reads back empty.
    ProjectData plain;
    QVERIFY(!cf::ui::projectToJson(plain).contains("guidance"));
    QVERIFY(cf::ui::projectFromJson(cf::ui::projectToJson(plain), QStringLiteral("p"))
                ->guidance.empty());
  }

  void badHintInTheFileIsNamed() {
    ProjectData d;
    d.guidance.hints.push_back(hint(5, 0.4));
    QByteArray json = cf::ui::projectToJson(d);
    json.replace("\"x\": 0.4", "\"x\": 4");
    auto back = cf::ui::projectFromJson(json, QStringLiteral("p.chromaflow"));
    QVERIFY(!back.ok());
    QVERIFY2(QString::fromStdString(back.message()).contains(QLatin1String("'x' is 4")),
             back.message().c_str());
    QVERIFY(QString::fromStdString(back.message()).contains(QLatin1String("p.chromaflow")));
  }
};

QTEST_GUILESS_MAIN(TestProjectGuidance)
#include "tst_project_guidance.moc"
