// SettingsPanel: the lambda slider emits while dragging, debounced settings, undoable overrides.

#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QUndoStack>
#include <QtTest>

#include "SettingsPanel.h"
#include "ShotOverrides.h"

using cf::ui::SettingsPanel;
using cf::ui::ShotOverrides;

class TestSettingsPanel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lambdaSliderEmitsWhileDragging() {
    QUndoStack undo;
    ShotOverrides overrides;
    SettingsPanel panel(&undo, &overrides);
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
    QSignalSpy lambda(&panel, &SettingsPanel::lambdaChanged);
    QSignalSpy settings(&panel, &SettingsPanel::settingsChanged);
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
    // Lambda alone never triggers the (expensive) settings change.
    QTest::qWait(SettingsPanel::kSettleDelayMs + 100);
    QCOMPARE(settings.size(), 0);
    // Typing a number moves the slider and emits too.
    panel.lambdaSpin()->setValue(1.5);
    QCOMPARE(lambda.last().at(0).toDouble(), 1.5);
    QCOMPARE(slider->value(), 30);  // 1.5 of 20 over 400 steps
  }

  void otherSettingsAreDebounced() {
    QUndoStack undo;
    ShotOverrides overrides;
    SettingsPanel panel(&undo, &overrides);
    cf::pipeline::SessionSettings s;
    s.temperature = 0.2;
    s.working_height_px = 320;
    s.flow_method = cf::pipeline::FlowMethod::Farneback;
    s.thresholds.flicker_ratio = 5.0;
    s.cache_dir = "/tmp/somewhere";
    QSignalSpy settings(&panel, &SettingsPanel::settingsChanged);
    panel.setSettings(s);
    QCOMPARE(panel.settings().temperature, 0.2);
    QCOMPARE(panel.settings().working_height_px, 320);
    QCOMPARE(panel.settings().flow_method, cf::pipeline::FlowMethod::Farneback);
    QCOMPARE(panel.settings().thresholds.flicker_ratio, 5.0);
    QCOMPARE(panel.settings().cache_dir, std::string("/tmp/somewhere"));
    panel.temperatureSpin()->setValue(0.3);
    panel.temperatureSpin()->setValue(0.35);
    panel.temperatureSpin()->setValue(0.4);
    QVERIFY(settings.wait(2000));
    QCOMPARE(settings.size(), 1);  // three edits, one change
    QCOMPARE(settings.last().at(0).value<cf::pipeline::SessionSettings>().temperature, 0.4);
    QCOMPARE(settings.size(), 1);
  }

  void perShotOverrideUndoRedo() {
    QUndoStack undo;
    ShotOverrides overrides;
    SettingsPanel panel(&undo, &overrides);
    QSignalSpy changed(&overrides, &ShotOverrides::changed);
    panel.setCurrentShot(40, 79);
    panel.lambdaSpin()->setValue(0.3);
    panel.overrideLambdaForShot();
    QCOMPARE(undo.count(), 1);
    QVERIFY(overrides.find(40).has_value());
    QCOMPARE(*overrides.find(40)->lambda, 0.3);
    panel.temperatureSpin()->setValue(0.5);
    panel.overrideTemperatureForShot();
    QCOMPARE(*overrides.find(40)->temperature, 0.5);
    QCOMPARE(*overrides.find(40)->lambda, 0.3);  // merged into the same shot
    panel.setCurrentShot(0, 39);
    panel.lambdaSpin()->setValue(1.2);
    panel.overrideLambdaForShot();
    QCOMPARE(overrides.all().size(), size_t(2));
    QCOMPARE(overrides.all().front().shot_first_frame, int64_t(0));  // kept sorted
    undo.undo();
    QVERIFY(!overrides.find(0).has_value());
    undo.undo();
    QVERIFY(!overrides.find(40)->temperature.has_value());
    QCOMPARE(*overrides.find(40)->lambda, 0.3);
    undo.undo();
    QVERIFY(overrides.all().empty());
    QVERIFY(!undo.canUndo());
    undo.redo();
    undo.redo();
    QCOMPARE(*overrides.find(40)->temperature, 0.5);
    QVERIFY(undo.undoText().contains("40"));
    panel.setCurrentShot(40, 79);
    panel.clearShotOverride();
    QVERIFY(!overrides.find(40).has_value());
    undo.undo();
    QCOMPARE(*overrides.find(40)->lambda, 0.3);
    QVERIFY(changed.size() >= 8);
  }
};

QTEST_MAIN(TestSettingsPanel)
#include "tst_settings_panel.moc"
