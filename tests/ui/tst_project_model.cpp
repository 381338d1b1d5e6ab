// The Project model: every setter is undoable and redoable, a λ drag is one undo step, signals
// say what changed, the modified state follows the history, and the JSON round-trips (including
// files of the previous format, version 1).

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Project.h"

using cf::ui::ExportSettings;
using cf::ui::Project;
using cf::ui::ProjectData;

class TestProjectModel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everySetterIsUndoableAndRedoable() {
    Project p;
    QUndoStack* undo = p.undoStack();
    QSignalSpy settings(&p, &Project::settingsChanged);
    QSignalSpy lambda(&p, &Project::lambdaChanged);
    QSignalSpy overrides(&p, &Project::overridesChanged);
    QSignalSpy in_out(&p, &Project::inOutChanged);
    QSignalSpy exports(&p, &Project::exportSettingsChanged);
    const ProjectData original = p.data();

    cf::pipeline::SessionSettings s = p.settings();
    s.temperature = 0.3;
    s.working_height_px = 320;
    s.flow_method = cf::FlowMethod::Farneback;
    s.thresholds.flicker_ratio = 6.0;
    s.lambda = 99.0;  // ignored: λ has its own setter
    p.setSettings(s);
    p.setLambda(1.5);
    p.setShotLambda(40, 0.25);
    p.setShotTemperature(40, 0.6);
    p.setShotLambda(0, 2.0);
    p.setInOut(10, 90);
    ExportSettings e;
    e.codec = cf::VideoCodec::FFV1;
    e.keep_audio = false;
    e.bit_depth = 12;  // the export's bit depth is the project's too, not the dialog's
    p.setExportSettings(e);
    p.clearShotOverride(0);
    QCOMPARE(undo->count(), 8);
    QVERIFY(p.isModified());

    QCOMPARE(p.settings().temperature, 0.3);
    QCOMPARE(p.settings().working_height_px, 320);
    QCOMPARE(p.settings().lambda, 1.5);
    QCOMPARE(p.overrides().size(), size_t(1));
    QCOMPARE(*p.shotOverride(40)->lambda, 0.25);
    QCOMPARE(*p.shotOverride(40)->temperature, 0.6);
    QCOMPARE(p.inFrame(), qint64(10));
    QCOMPARE(p.outFrame(), qint64(90));
    QCOMPARE(p.exportSettings().codec, cf::VideoCodec::FFV1);
    QCOMPARE(p.exportSettings().bit_depth, 12);
    QCOMPARE(settings.size(), 1);
    QCOMPARE(lambda.size(), 1);
    QCOMPARE(overrides.size(), 4);
    QCOMPARE(in_out.size(), 1);
    QCOMPARE(exports.size(), 1);

    // Each undo takes back exactly one edit, newest first.
    undo->undo();
    QVERIFY(p.shotOverride(0).has_value());
    undo->undo();
    QVERIFY(p.exportSettings().keep_audio);
    QCOMPARE(p.exportSettings().codec, original.export_settings.codec);
    QCOMPARE(p.exportSettings().bit_depth, 0);
    undo->undo();
    QCOMPARE(p.inFrame(), qint64(-1));
    QCOMPARE(p.outFrame(), qint64(-1));
    undo->undo();
    QVERIFY(!p.shotOverride(0).has_value());
    undo->undo();
    QVERIFY(!p.shotOverride(40)->temperature.has_value());
    undo->undo();
    QVERIFY(p.overrides().empty());
    undo->undo();
    QCOMPARE(p.settings().lambda, original.settings.lambda);
    undo->undo();
    QCOMPARE(p.settings().temperature, original.settings.temperature);
    QCOMPARE(p.settings().flow_method, original.settings.flow_method);
    QVERIFY(!undo->canUndo());
    QVERIFY(!p.isModified());
    QCOMPARE(settings.size(), 2);
    QCOMPARE(settings.last().at(1).value<cf::pipeline::SessionSettings>().temperature, 0.3);

    // And redo brings all of it back.
    while (undo->canRedo())
      undo->redo();
    QCOMPARE(p.settings().temperature, 0.3);
    QCOMPARE(p.settings().lambda, 1.5);
    QCOMPARE(*p.shotOverride(40)->temperature, 0.6);
    QVERIFY(!p.shotOverride(0).has_value());
    QCOMPARE(p.outFrame(), qint64(90));
    QVERIFY(!p.exportSettings().keep_audio);
    QVERIFY(undo->undoText().contains("0"));
  }

  void unchangedValuesPushNothing() {
    Project p;
    p.setLambda(p.settings().lambda);
    p.setSettings(p.settings());
    p.setInOut(-1, -1);
    p.setExportSettings(p.exportSettings());
    p.clearShotOverride(12);
    QCOMPARE(p.undoStack()->count(), 0);
    QVERIFY(!p.isModified());
  }

  void lambdaDragIsOneUndoStep() {
    Project p;
    const double before = p.settings().lambda;
    QSignalSpy lambda(&p, &Project::lambdaChanged);
    p.beginLambdaDrag();
    for (int i = 1; i <= 20; ++i)
      p.setLambda(i * 0.5);
    p.endLambdaDrag();
    QCOMPARE(lambda.size(), 20);  // the preview follows every step
    QCOMPARE(p.undoStack()->count(), 1);
    QCOMPARE(p.settings().lambda, 10.0);
    // A second drag is a second step, and typing a value is one more.
    p.beginLambdaDrag();
    p.setLambda(3.0);
    p.setLambda(2.0);
    p.endLambdaDrag();
    p.setLambda(7.0);
    QCOMPARE(p.undoStack()->count(), 3);
    p.undoStack()->undo();
    QCOMPARE(p.settings().lambda, 2.0);
    p.undoStack()->undo();
    QCOMPARE(p.settings().lambda, 10.0);
    p.undoStack()->undo();
    QCOMPARE(p.settings().lambda, before);
  }

  void effectiveSettingsApplyTheShotsOverrides() {
    Project p;
    p.setLambda(2.0);
    p.setShotLambda(12, 8.0);
    p.setShotTemperature(30, 0.5);
    QCOMPARE(p.effectiveSettings(0).lambda, 2.0);
    QCOMPARE(p.effectiveSettings(12).lambda, 8.0);
    QCOMPARE(p.effectiveSettings(30).lambda, 2.0);
    QCOMPARE(p.effectiveSettings(30).temperature, 0.5);
    QCOMPARE(p.effectiveSettings(12).temperature, p.settings().temperature);
  }

  /// Issue #15: a shot's grade is an undoable override; a slider drag is one undo step, the
  /// identity grade removes it, and clearing the shot clears the grade too.
  void shotGradeIsUndoable() {
    Project p;
    QSignalSpy changed(&p, &Project::overridesChanged);
    cf::color::Grade g;
    g.saturation = 1.5;
    p.setShotGrade(24, g);
    QCOMPARE(p.effectiveGrade(24), g);
    QVERIFY(p.effectiveGrade(0).isIdentity());
    QCOMPARE(p.undoStack()->count(), 1);
    p.beginGradeDrag();
    for (int t = 1; t <= 10; ++t) {
      g.temperature = t;
      p.setShotGrade(24, g);
    }
    p.endGradeDrag();
    QCOMPARE(p.undoStack()->count(), 2);  // the drag is one step
    QCOMPARE(p.effectiveGrade(24).temperature, 10.0);
    p.undoStack()->undo();
    QCOMPARE(p.effectiveGrade(24).temperature, 0.0);
    QCOMPARE(p.effectiveGrade(24).saturation, 1.5);
    p.undoStack()->redo();
    QCOMPARE(p.effectiveGrade(24).temperature, 10.0);
    p.setShotLambda(24, 3.0);
    p.clearShotOverride(24);
    QVERIFY(p.effectiveGrade(24).isIdentity());
    QVERIFY(!p.shotOverride(24));
    p.setShotGrade(24, g);
    p.setShotGrade(24, cf::color::Grade{});  // back to the identity: no override left
    QVERIFY(!p.shotOverride(24));
    QVERIFY(changed.size() >= 6);
  }

  void saveMarksCleanAndResetClearsHistory() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Project p;
    ProjectData d;
    d.source_path = dir.filePath("film.mp4");
    p.reset(d, QString());
    QCOMPARE(p.displayName(), QStringLiteral("film.mp4"));
    QSignalSpy title(&p, &Project::titleChanged);
    p.setLambda(0.75);
    QVERIFY(p.isModified());
    QVERIFY(title.size() >= 1);
    const QString path = dir.filePath("film.chromaflow");
    QVERIFY(p.saveTo(path).ok());
    QVERIFY(!p.isModified());
    QCOMPARE(p.filePath(), path);
    QCOMPARE(p.displayName(), QStringLiteral("film"));
    p.undoStack()->undo();  // back behind the saved state: modified again
    QVERIFY(p.isModified());
    p.undoStack()->redo();
    QVERIFY(!p.isModified());

    auto read = Project::read(path);
    QVERIFY(read.ok());
    Project q;
    QSignalSpy reset(&q, &Project::projectReset);
    q.setLambda(9.0);
    q.reset(*read, path);
    QCOMPARE(reset.size(), 1);
    QVERIFY(!q.undoStack()->canUndo());
    QVERIFY(!q.isModified());
    QCOMPARE(q.settings().lambda, 0.75);
    QCOMPARE(q.sourcePath(), d.source_path);
  }

  void jsonRoundTripsEveryPart() {
    Project p;
    cf::pipeline::SessionSettings s = p.settings();
    s.model_path = "/models/m.cfmodel";
    s.device = cf::DeviceChoice::Cpu;
    s.cache_dir = "/tmp/cache";
    p.setSettings(s);
    p.setLambda(3.25);
    p.setShotLambda(24, 0.5);
    p.setInOut(5, 50);
    ExportSettings e;
    e.codec = cf::VideoCodec::ProRes;
    e.quality_crf = 23;
    e.use_in_out = false;
    e.bit_depth = 10;
    p.setExportSettings(e);
    auto back = cf::ui::projectFromJson(cf::ui::projectToJson(p.data()), "memory");
    QVERIFY(back.ok());
    QCOMPARE(back->settings.model_path, s.model_path);
    QCOMPARE(back->settings.device, cf::DeviceChoice::Cpu);
    QCOMPARE(back->settings.lambda, 3.25);
    QCOMPARE(back->settings.cache_dir, std::string("/tmp/cache"));
    QCOMPARE(back->overrides.size(), size_t(1));
    QCOMPARE(*back->overrides[0].lambda, 0.5);
    QCOMPARE(back->in_frame, qint64(5));
    QCOMPARE(back->out_frame, qint64(50));
    QVERIFY(back->export_settings == e);
  }
};

QTEST_MAIN(TestProjectModel)
#include "tst_project_model.moc"
