// SettingsPanel, a view of the Project: the project follows the λ slider while dragging (one undo
// step per drag), other settings are debounced into one command, per-shot overrides are undoable,
// and the panel shows what the project holds after an undo.

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QUndoStack>
#include <QtTest>

#include "ExportDialog.h"
#include "GradePanel.h"
#include "Project.h"
#include "SettingsPanel.h"

using cf::ui::Project;
using cf::ui::SettingsPanel;

namespace {

/// Every row of every form under `root` has a label with text, and every field in it a tooltip
/// (issue #16: the rows were added with empty labels and showed as bare boxes).
void checkFormRows(QWidget* root) {
  const auto forms = root->findChildren<QFormLayout*>();
  QVERIFY(!forms.isEmpty());
  int rows = 0;
  for (QFormLayout* form : forms) {
    for (int r = 0; r < form->rowCount(); ++r) {
      QLayoutItem* field = form->itemAt(r, QFormLayout::FieldRole);
      QLayoutItem* label = form->itemAt(r, QFormLayout::LabelRole);
      QVERIFY2(field, qPrintable(QStringLiteral("row %1 has no field").arg(r)));
      auto* label_widget = label ? qobject_cast<QLabel*>(label->widget()) : nullptr;
      QVERIFY2(label_widget && !label_widget->text().trimmed().isEmpty(),
               qPrintable(QStringLiteral("row %1 of a form in %2 has no label")
                              .arg(r)
                              .arg(root->metaObject()->className())));
      QList<QWidget*> fields;
      if (field->widget())
        fields << field->widget();
      else if (QLayout* l = field->layout())
        for (int i = 0; i < l->count(); ++i)
          if (QWidget* w = l->itemAt(i)->widget())
            fields << w;
      QVERIFY(!fields.isEmpty());
      for (QWidget* w : fields)
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(QStringLiteral("'%1': %2 has no tooltip")
                                                         .arg(label_widget->text())
                                                         .arg(w->metaObject()->className())));
      ++rows;
    }
  }
  QVERIFY(rows >= 4);
}

}  // namespace

class TestSettingsPanel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyFormRowHasALabelAndATooltip() {
    Project project;
    SettingsPanel panel(&project);
    checkFormRows(&panel);
    cf::ui::ExportDialog dialog;
    checkFormRows(&dialog);
    cf::ui::GradePanel grade(&project);
    checkFormRows(&grade);
  }

  /// Issue #15: the grade sliders edit the shot's grade in the project, a drag is one undo step,
  /// and the panel shows what the project holds (after an undo, for another shot).
  void gradePanelEditsTheShotsGrade() {
    Project project;
    cf::ui::GradePanel panel(&project);
    QVERIFY(!panel.isEnabled());  // no video: no shot
    panel.setCurrentShot(24, 47);
    QVERIFY(panel.isEnabled());
    QSlider* saturation = panel.saturationSlider();
    QCOMPARE(saturation->value(), 100);
    saturation->setSliderDown(true);  // a drag: press, moves, release
    for (int v = 110; v <= 160; v += 10)
      saturation->setSliderPosition(v);
    saturation->setSliderDown(false);
    QCOMPARE(project.effectiveGrade(24).saturation, 1.6);
    QCOMPARE(project.undoStack()->count(), 1);
    panel.temperatureSlider()->setValue(-12);
    panel.hueRemapBox()->setChecked(true);
    panel.hueTargetSlider()->setValue(200);
    const cf::color::Grade g = project.effectiveGrade(24);
    QCOMPARE(g.temperature, -12.0);
    QVERIFY(g.hue_remap.has_value());
    QCOMPARE(g.hue_remap->target_deg, 200.0);
    QCOMPARE(panel.grade(), g);
    QVERIFY(project.effectiveGrade(0).isIdentity());  // another shot is not graded
    panel.setCurrentShot(0, 23);
    QCOMPARE(saturation->value(), 100);
    QVERIFY(!panel.hueRemapBox()->isChecked());
    panel.setCurrentShot(24, 47);
    QCOMPARE(saturation->value(), 160);
    project.undoStack()->undo();  // the target hue
    project.undoStack()->undo();  // the remap
    project.undoStack()->undo();  // the temperature
    QCOMPARE(panel.temperatureSlider()->value(), 0);
    QVERIFY(!panel.hueRemapBox()->isChecked());
    QCOMPARE(saturation->value(), 160);
    panel.resetButton()->click();
    QVERIFY(project.effectiveGrade(24).isIdentity());
    QVERIFY(!project.shotOverride(24));
    QCOMPARE(saturation->value(), 100);
  }

  void lambdaSliderEmitsWhileDragging() {
    Project project;
    SettingsPanel panel(&project);
    panel.resize(400, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSlider* slider = panel.lambdaSlider();
    QStyleOptionSlider opt;
    opt.initFrom(slider);
    opt.orientation = Qt::Horizontal;
    opt.minimum = slider->minimum();
    opt.maximum = slider->maximum();
    opt.sliderPosition = slider->value();
    opt.sliderValue = slider->value();
    const QRect handle =
        slider->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider);
    QSignalSpy lambda(&project, &Project::lambdaChanged);
    QSignalSpy settings(&project, &Project::settingsChanged);
    QTest::mousePress(slider, Qt::LeftButton, {}, handle.center());
    QVERIFY(slider->isSliderDown());
    for (int dx = 10; dx <= 60; dx += 10)
      QTest::mouseMove(slider, handle.center() + QPoint(dx, 0));
    QVERIFY(slider->isSliderDown());
    const int while_dragging = lambda.size();
    QVERIFY2(while_dragging >= 3, qPrintable(QString::number(while_dragging)));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle.center() + QPoint(60, 0));
    const double last = lambda.last().at(0).toDouble();
    QVERIFY(last > 0.5);
    QCOMPARE(panel.lambda(), last);
    QCOMPARE(panel.lambdaSpin()->value(), last);
    QCOMPARE(panel.settings().lambda, last);
    QCOMPARE(project.settings().lambda, last);
    QCOMPARE(project.undoStack()->count(), 1);  // the whole drag is one undo step
    // Lambda alone never triggers the (expensive) settings change.
    QTest::qWait(SettingsPanel::kSettleDelayMs + 100);
    QCOMPARE(settings.size(), 0);
    // Typing a number moves the slider and emits too.
    panel.lambdaSpin()->setValue(1.5);
    QCOMPARE(lambda.last().at(0).toDouble(), 1.5);
    QCOMPARE(slider->value(), 30);  // 1.5 of 20 over 400 steps
    QCOMPARE(project.undoStack()->count(), 2);
    // Undo shows the project's value again in both widgets.
    project.undoStack()->undo();
    QCOMPARE(panel.lambdaSpin()->value(), last);
    QCOMPARE(slider->value(), int(std::lround(last / SettingsPanel::kLambdaSliderMax *
                                              SettingsPanel::kLambdaSliderSteps)));
    project.undoStack()->undo();
    QCOMPARE(panel.lambda(), cf::pipeline::SessionSettings{}.lambda);
  }

  void otherSettingsAreDebounced() {
    Project project;
    SettingsPanel panel(&project);
    cf::pipeline::SessionSettings s;
    s.temperature = 0.2;
    s.working_height_px = 320;
    s.flow_method = cf::FlowMethod::Farneback;
    s.thresholds.flicker_ratio = 5.0;
    s.cache_dir = "/tmp/somewhere";
    project.setSettings(s);
    QSignalSpy settings(&project, &Project::settingsChanged);
    QCOMPARE(panel.settings().temperature, 0.2);
    QCOMPARE(panel.settings().working_height_px, 320);
    QCOMPARE(panel.settings().flow_method, cf::FlowMethod::Farneback);
    QCOMPARE(panel.settings().thresholds.flicker_ratio, 5.0);
    QCOMPARE(panel.settings().cache_dir, std::string("/tmp/somewhere"));
    panel.temperatureSpin()->setValue(0.3);
    panel.temperatureSpin()->setValue(0.35);
    panel.temperatureSpin()->setValue(0.4);
    QVERIFY(settings.wait(2000));
    QCOMPARE(settings.size(), 1);  // three edits, one change
    QCOMPARE(settings.last().at(0).value<cf::pipeline::SessionSettings>().temperature, 0.4);
    QCOMPARE(settings.size(), 1);
    QCOMPARE(project.undoStack()->count(), 2);  // setSettings above, and the three edits
    project.undoStack()->undo();
    QCOMPARE(panel.temperatureSpin()->value(), 0.2);
    QCOMPARE(project.settings().temperature, 0.2);
  }

  void perShotOverrideUndoRedo() {
    Project project;
    QUndoStack& undo = *project.undoStack();
    SettingsPanel panel(&project);
    QSignalSpy changed(&project, &Project::overridesChanged);
    const double default_lambda = project.settings().lambda;
    panel.setCurrentShot(40, 79);
    panel.lambdaSpin()->setValue(0.3);  // global λ
    panel.overrideLambdaForShot();
    QVERIFY(project.shotOverride(40).has_value());
    QCOMPARE(*project.shotOverride(40)->lambda, 0.3);
    panel.temperatureSpin()->setValue(0.5);
    panel.overrideTemperatureForShot();
    QTest::qWait(SettingsPanel::kSettleDelayMs + 100);  // the global temperature settles too
    QCOMPARE(*project.shotOverride(40)->temperature, 0.5);
    QCOMPARE(*project.shotOverride(40)->lambda, 0.3);  // merged into the same shot
    panel.setCurrentShot(0, 39);
    panel.lambdaSpin()->setValue(1.2);
    panel.overrideLambdaForShot();
    QCOMPARE(undo.count(), 6);
    QCOMPARE(project.overrides().size(), size_t(2));
    QCOMPARE(project.overrides().front().shot_first_frame, int64_t(0));  // kept sorted
    undo.undo();
    QVERIFY(!project.shotOverride(0).has_value());
    undo.undo();
    QCOMPARE(panel.lambda(), 0.3);
    undo.undo();
    QCOMPARE(panel.temperatureSpin()->value(), 0.0);
    undo.undo();
    QVERIFY(!project.shotOverride(40)->temperature.has_value());
    QCOMPARE(*project.shotOverride(40)->lambda, 0.3);
    undo.undo();
    QVERIFY(project.overrides().empty());
    undo.undo();
    QCOMPARE(panel.lambda(), default_lambda);
    QVERIFY(!undo.canUndo());
    for (int i = 0; i < 3; ++i)
      undo.redo();
    QCOMPARE(*project.shotOverride(40)->temperature, 0.5);
    QVERIFY(undo.undoText().contains("40"));
    panel.setCurrentShot(40, 79);
    panel.clearShotOverride();
    QVERIFY(!project.shotOverride(40).has_value());
    undo.undo();
    QCOMPARE(*project.shotOverride(40)->lambda, 0.3);
    QVERIFY(changed.size() >= 8);
  }
};

QTEST_MAIN(TestSettingsPanel)
#include "tst_settings_panel.moc"
