// The GUI in each shipped language: the embedded catalogues load, the main window's menus and
// actions switch live (View > Language) and back, a window built after a switch starts translated,
// the choice is stored, panels and core texts (failure reasons, devices) follow, and the app picks
// its language from the system locale, the stored setting or --lang (checked on `chromaflow
// --help` in a child process with LC_ALL set).

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

#include "CoreText.h"
#include "ExportDialog.h"
#include "FailuresPanel.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "SettingsPanel.h"
#include "analysis/FailureFlagger.h"

using namespace cf::ui;

namespace {

QString menuTitle(const MainWindow& w, const char* name) {
  const auto* menu = w.findChild<QMenu*>(QLatin1String(name));
  return menu ? menu->title() : QStringLiteral("<no menu %1>").arg(QLatin1String(name));
}

/// Actions of one menu (or the menu bar) that share an accelerator key, e.g. "F: &File, &Find".
QStringList acceleratorClashes(const QList<QAction*>& actions) {
  QMap<QChar, QStringList> by_key;
  for (const QAction* a : actions) {
    const QString text = a->text();
    for (int i = 0; i + 1 < text.size(); ++i) {
      if (text[i] != QLatin1Char('&'))
        continue;
      if (text[i + 1] == QLatin1Char('&')) {
        ++i;
        continue;
      }
      by_key[text[i + 1].toLower()].append(text);
      break;
    }
  }
  QStringList out;
  for (auto it = by_key.cbegin(); it != by_key.cend(); ++it)
    if (it.value().size() > 1)
      out << QString(it.key()) + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
  return out;
}

/// Widgets of `dock` that are cut off: sticking out of the dock sideways (or at the bottom,
/// outside a scroll area), or narrower than their text needs. Item views count as one widget.
QStringList clippedWidgets(QDockWidget* dock) {
  QStringList out;
  const QRect area = dock->rect();
  for (QWidget* w : dock->findChildren<QWidget*>()) {
    // Qt's own title-bar buttons of a dock (qt_dockwidget_*) are not ours to lay out.
    if (!w->isVisibleTo(dock) || w->isWindow() || qobject_cast<QScrollBar*>(w) ||
        w->objectName().startsWith(QLatin1String("qt_")))
      continue;
    bool in_view = false, in_scroll = false;
    for (QWidget* p = w->parentWidget(); p && p != dock; p = p->parentWidget()) {
      in_view = in_view || qobject_cast<QAbstractItemView*>(p);
      in_scroll = in_scroll || qobject_cast<QAbstractScrollArea*>(p);
    }
    if (in_view)
      continue;
    const QRect r(w->mapTo(dock, QPoint(0, 0)), w->size());
    const QString name = QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()),
                                                       w->property("text").toString().isEmpty()
                                                           ? w->objectName()
                                                           : w->property("text").toString());
    if (r.left() < area.left() || r.right() > area.right())
      out << name + QStringLiteral(" sticks out sideways (x %1..%2 of %3)")
                        .arg(r.left())
                        .arg(r.right())
                        .arg(area.right());
    else if (!in_scroll && (r.top() < area.top() || r.bottom() > area.bottom()))
      out << name + QStringLiteral(" sticks out at the bottom");
    const auto* label = qobject_cast<QLabel*>(w);
    const bool has_text = qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
                          qobject_cast<QAbstractSpinBox*>(w) || (label && !label->wordWrap());
    if (has_text && w->width() < w->minimumSizeHint().width())
      out << name + QStringLiteral(" is %1 px wide, needs %2")
                        .arg(w->width())
                        .arg(w->minimumSizeHint().width());
  }
  return out;
}

QStringList allClashes(const MainWindow& w) {
  QStringList out = acceleratorClashes(w.menuBar()->actions());
  for (const QMenu* menu : w.findChildren<QMenu*>())
    out << acceleratorClashes(menu->actions());
  return out;
}

/// Metrics of one shot that trip every failure phrasing core has (one or more per frame).
std::vector<cf::analysis::FrameMetrics> trippingMetrics() {
  std::vector<cf::analysis::FrameMetrics> frames(24);
  for (size_t i = 0; i < frames.size(); ++i) {
    auto& m = frames[i];
    m.frame_index = int64_t(i);
    m.colorfulness = 30.0;
    m.mean_chroma = 20.0;
    m.sepia_fraction = 0.1;
    m.hue_spread_deg = 60.0;
    m.mean_confidence = 0.9;
    m.flicker = 1.0;
    m.flicker_ab = 4.0;
    m.occluded_fraction = 0.05;
    m.motion_fraction = 0.005;
    m.has_previous = i > 0;
  }
  frames[1].sepia_fraction = 0.8;
  frames[1].hue_spread_deg = 10.0;
  frames[2].colorfulness = 3.0;   // below the minimum
  frames[3].colorfulness = 20.0;  // far below the shot's median
  frames[4].low_confidence_fraction = 0.8;
  frames[5].mean_confidence = 0.5;    // far below the shot's median
  frames[6].flicker = 30.0;           // above the absolute limit
  frames[7].flicker = 10.0;           // far above the shot's median
  frames[8].occluded_fraction = 0.9;  // likely an undetected cut
  // Heavy motion must last 3 of 5 frames (a scratched frame is not motion; issue #16).
  for (size_t i : {9, 10, 11})
    frames[i].occluded_fraction = 0.5;
  for (size_t i : {12, 13, 14})
    frames[i].motion_fraction = 0.05;
  return frames;
}

}  // namespace

class TestLanguageSwitch : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    ini_ = dir_.filePath(QStringLiteral("settings.ini"));
  }

  void cleanup() {
    // Back to English for the next test, whatever this one left installed.
    LanguageSwitcher english;
    QVERIFY(english.apply(QStringLiteral("en")));
  }

  void embeddedCataloguesLoad() {
    for (const char* code : {"de", "fr", "es", "zh_CN"}) {
      QTranslator t;
      QVERIFY2(t.load(QStringLiteral(":/i18n/chromaflow_%1.qm").arg(QLatin1String(code))), code);
      QVERIFY(!t.isEmpty());
      QCOMPARE(t.language(), QString::fromLatin1(code));
    }
    LanguageSwitcher s;
    QVERIFY(!s.apply(QStringLiteral("xx")));
    QVERIFY(!s.apply(QStringLiteral("de_AT")));
    QVERIFY(s.apply(QStringLiteral("fr")));
    QCOMPARE(s.effective(), QStringLiteral("fr"));
    QCOMPARE(s.requested(), QStringLiteral("fr"));
  }

  void menusSwitchLive_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("menus");    // file, edit, playback, view, help, language
    QTest::addColumn<QStringList>("actions");  // open, export, next failure, quit
    QTest::addColumn<QString>("settings_dock");
    QTest::newRow("de") << QStringLiteral("de")
                        << QStringList{"&Datei",   "&Bearbeiten", "&Wiedergabe",
                                       "&Ansicht", "&Hilfe",      "&Sprache"}
                        << QStringList{"&Video öffnen…", "&Exportieren…", "Nächste &Problemstelle",
                                       "&Beenden"}
                        << QStringLiteral("Einstellungen");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringList{"&Fichier",   "É&dition", "&Lecture",
                                                               "Affic&hage", "&Aide",    "&Langue"}
                        << QStringList{"&Ouvrir une vidéo…", "E&xporter…", "&Défaut suivant",
                                       "&Quitter"}
                        << QStringLiteral("Paramètres");
    QTest::newRow("es") << QStringLiteral("es")
                        << QStringList{"&Archivo", "&Editar", "&Reproducción",
                                       "&Ver",     "Ay&uda",  "&Idioma"}
                        << QStringList{"&Abrir vídeo…", "&Exportar…", "Siguiente &fallo", "&Salir"}
                        << QStringLiteral("Ajustes");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN")
                           << QStringList{"文件(&F)", "编辑(&E)", "播放(&P)",
                                          "视图(&V)", "帮助(&H)", "语言(&L)"}
                           << QStringList{"打开视频(&O)…", "导出(&E)…", "下一个问题帧(&N)",
                                          "退出(&Q)"}
                           << QStringLiteral("设置");
  }
  void menusSwitchLive() {
    QFETCH(QString, code);
    QFETCH(QStringList, menus);
    QFETCH(QStringList, actions);
    QFETCH(QString, settings_dock);
    const char* menu_names[] = {"fileMenu", "editMenu", "playbackMenu",
                                "viewMenu", "helpMenu", "languageMenu"};
    const char* action_names[] = {"open", "export", "nextFailure", "quit"};
    const QStringList english_menus{"&File", "&Edit", "&Playback", "&View", "&Help", "&Language"};
    const QStringList english_actions{"&Open Video…", "&Export…", "&Next Failure", "&Quit"};

    MainWindow w(ini_);
    for (int i = 0; i < 6; ++i)
      QCOMPARE(menuTitle(w, menu_names[i]), english_menus[i]);
    QCOMPARE(w.menuBar()->actions().size(), 5);
    QVERIFY2(allClashes(w).isEmpty(), qPrintable(allClashes(w).join('\n')));

    QVERIFY(w.setLanguage(code));
    for (int i = 0; i < 6; ++i) {
      QVERIFY(menus[i] != english_menus[i]);
      QCOMPARE(menuTitle(w, menu_names[i]), menus[i]);
    }
    // Each menu keeps one action per accelerator key in this language too.
    QVERIFY2(allClashes(w).isEmpty(), qPrintable(allClashes(w).join('\n')));
    // The menu bar shows the same (translated) menus.
    QCOMPARE(w.menuBar()->actions().first()->text(), menus[0]);
    for (int i = 0; i < 4; ++i) {
      QVERIFY(actions[i] != english_actions[i]);
      QCOMPARE(w.action(QLatin1String(action_names[i]))->text(), actions[i]);
    }
    QCOMPARE(w.findChild<QDockWidget*>(QStringLiteral("settingsDock"))->windowTitle(),
             settings_dock);
    QVERIFY(w.action(QStringLiteral("language_") + code)->isChecked());
    QCOMPARE(QSettings(ini_, QSettings::IniFormat).value(LanguageSwitcher::kSettingsKey).toString(),
             code);
    // Native names are never translated.
    QCOMPARE(w.action(QStringLiteral("language_de"))->text(), QStringLiteral("Deutsch"));
    // Shortcuts stay the same in every language.
    QCOMPARE(w.action(QStringLiteral("openProject"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    QVERIFY(w.setLanguage(QStringLiteral("en")));
    for (int i = 0; i < 6; ++i)
      QCOMPARE(menuTitle(w, menu_names[i]), english_menus[i]);
    QCOMPARE(w.action(QStringLiteral("open"))->text(), english_actions[0]);
  }

  void windowBuiltAfterSwitchStartsTranslated() {
    LanguageSwitcher language;
    QVERIFY(language.apply(QStringLiteral("de")));
    MainWindow w(ini_, nullptr, &language);
    QCOMPARE(menuTitle(w, "fileMenu"), QStringLiteral("&Datei"));
    // "[*]" is where Qt shows the modified marker; a new window has nothing to save.
    QCOMPARE(w.windowTitle(), QStringLiteral("Kein Video[*] - Chromaflow"));
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.action(QStringLiteral("language_de"))->isChecked());
    QVERIFY(!w.action(QStringLiteral("language_system"))->isChecked());
    // Undo/redo are our own actions, so their text follows the language too.
    QCOMPARE(w.action(QStringLiteral("undo"))->text(), QStringLiteral("&Rückgängig"));
  }

  void panelsFollowTheLanguage() {
    MainWindow w(ini_);
    ExportDialog* dialog = w.exportDialog();
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Export colourised video"));
    QVERIFY(w.setLanguage(QStringLiteral("fr")));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Exporter la vidéo colorisée"));
    QCOMPARE(dialog->exportButton()->text(), QStringLiteral("Exporter"));
    QStringList titles;
    for (const QGroupBox* box : w.findChildren<QGroupBox*>())
      titles << box->title();
    QVERIFY2(titles.contains(QStringLiteral("Lissage temporel")), qPrintable(titles.join('|')));
    QCOMPARE(w.failuresPanel()->tree()->headerItem()->text(2), QStringLiteral("Raison"));

    FailuresPanel panel;
    panel.setFailures({{1, 2, cf::analysis::FlagKind::Sepia, {}, "x"}},
                      cf::TimecodeClock(25.0, {}));
    QCOMPARE(panel.tree()->topLevelItem(0)->text(1), QStringLiteral("Sépia"));
  }

  void pluralsAndCoreTexts() {
    LanguageSwitcher language;
    QVERIFY(language.apply(QStringLiteral("de")));
    FailuresPanel panel;
    const auto* summary = panel.findChild<QLabel*>();
    QVERIFY(summary);
    using cf::analysis::FlagKind;
    panel.setFailures({{1, 2, FlagKind::Sepia, {}, "x"}}, cf::TimecodeClock(25.0, {}));
    QCOMPARE(summary->text(), QStringLiteral("1 markierter Bereich"));
    panel.setFailures({{1, 2, FlagKind::Sepia, {}, "x"},
                       {5, 6, FlagKind::Flicker, {}, "y"},
                       {9, 9, FlagKind::Motion, {}, "z"}},
                      cf::TimecodeClock(25.0, {}));
    QCOMPARE(summary->text(), QStringLiteral("3 markierte Bereiche"));
    QCOMPARE(translatedDevice(cf::DeviceChoice::Cpu, 1), QStringLiteral("CPU (1 Thread)"));
    QCOMPARE(translatedDevice(cf::DeviceChoice::Cpu, 8), QStringLiteral("CPU (8 Threads)"));
    QVERIFY(translatedDevice(cf::DeviceChoice::Auto, 8).isEmpty());  // not known yet
    QCOMPARE(translatedStage(QStringLiteral("export")), QStringLiteral("Export läuft"));

    // Every reason core gives (a code and its numbers) is worded in the interface language.
    const auto reports = cf::analysis::flagFrames(trippingMetrics(), {});
    QSet<QString> reasons;
    std::vector<cf::analysis::Reason> whys;
    for (const auto& r : reports)
      for (const auto& flag : r.flags)
        if (!reasons.contains(QString::fromStdString(flag.reason))) {
          reasons.insert(QString::fromStdString(flag.reason));
          whys.push_back(flag.why);
        }
    QVERIFY2(reasons.size() >= 10,
             qPrintable(QStringList(reasons.begin(), reasons.end()).join('\n')));
    QSet<QString> phrasings;
    for (const auto& why : whys) {
      const QString reason = QString::fromStdString(cf::analysis::reasonText(why));
      const QString german = translatedFailureReason(why);
      QVERIFY2(german != reason, qPrintable(QStringLiteral("untranslated: ") + reason));
      QVERIFY2(!german.contains(QStringLiteral("%1")), qPrintable(german));
      phrasings.insert(QString(german).replace(QRegularExpression(QStringLiteral("[0-9.]+")),
                                               QStringLiteral("#")));
    }
    QVERIFY2(phrasings.size() >= 10,
             qPrintable(QStringList(phrasings.begin(), phrasings.end()).join('\n')));
    QCOMPARE(translatedFailureReason(
                 cf::analysis::Reason{cf::analysis::ReasonCode::LowConfidenceArea, 35.0}),
             QStringLiteral("Geringe Konfidenz auf 35 % des Bildes"));
  }

  /// Issue #16: every dock, laid out at the default window size in every language, shows each
  /// of its widgets whole (German pushed the λ box and the Clear button out of the Settings dock).
  void docksFitInEveryLanguage() {
    MainWindow w(dir_.filePath(QStringLiteral("layout.ini")));
    w.resize(1440, 900);  // the default size (app/gui/main.cpp)
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const auto docks = w.findChildren<QDockWidget*>();
    QVERIFY(docks.size() >= 3);
    for (const char* code : {"en", "de", "fr", "es", "zh_CN", "en"}) {
      QVERIFY(w.setLanguage(QLatin1String(code)));
      // Let the layouts settle (LayoutRequest events, the dock area's new split).
      for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
      }
      for (QDockWidget* dock : docks) {
        dock->raise();  // Settings and Grade share a place as tabs
        for (int i = 0; i < 3; ++i) {
          QCoreApplication::sendPostedEvents();
          QCoreApplication::processEvents();
        }
        QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        const QStringList clipped = clippedWidgets(dock);
        QVERIFY2(clipped.isEmpty(), qPrintable(QStringLiteral("%1, %2: %3")
                                                   .arg(QLatin1String(code), dock->objectName(),
                                                        clipped.join(QStringLiteral("; ")))));
      }
    }
  }

  /// Issue #16: numbers follow the language at once -- back in English they read 4.00 again,
  /// not German's 4,00, without a restart.
  void numbersFollowTheLanguage() {
    MainWindow w(dir_.filePath(QStringLiteral("numbers.ini")));
    QDoubleSpinBox* lambda = w.settingsPanel()->lambdaSpin();
    QVERIFY(w.setLanguage(QStringLiteral("en")));
    QVERIFY2(lambda->text().contains(QLatin1Char('.')), qPrintable(lambda->text()));
    QVERIFY(w.setLanguage(QStringLiteral("de")));
    QVERIFY2(lambda->text().contains(QLatin1Char(',')), qPrintable(lambda->text()));
    QVERIFY(w.setLanguage(QStringLiteral("en")));
    QVERIFY2(
        lambda->text().contains(QLatin1Char('.')) && !lambda->text().contains(QLatin1Char(',')),
        qPrintable(lambda->text()));
    QCOMPARE(lambda->locale().decimalPoint(), QStringLiteral("."));
    // A window made later starts in the language's format as well.
    QVERIFY(w.setLanguage(QStringLiteral("fr")));
    ExportDialog dialog;
    QCOMPARE(dialog.locale().decimalPoint(), QStringLiteral(","));
  }

  void appFollowsSystemLocaleSettingAndOption_data() {
    QTest::addColumn<QString>("lc_all");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    const QString en = QStringLiteral("Colourise black-and-white video.");
    QTest::newRow("C") << "C"
                       << ""
                       << "" << en;
    QTest::newRow("system de") << "de_DE.UTF-8"
                               << ""
                               << ""
                               << "Schwarzweißvideos kolorieren.";
    QTest::newRow("system fr") << "fr_FR.UTF-8"
                               << ""
                               << ""
                               << "Coloriser des vidéos en noir et blanc.";
    QTest::newRow("system es") << "es_ES.UTF-8"
                               << ""
                               << ""
                               << "Colorear vídeos en blanco y negro.";
    QTest::newRow("system zh") << "zh_CN.UTF-8"
                               << ""
                               << ""
                               << "为黑白视频上色。";
    QTest::newRow("system zh_TW") << "zh_TW.UTF-8"
                                  << ""
                                  << "" << en;
    QTest::newRow("stored es") << "de_DE.UTF-8"
                               << "es"
                               << ""
                               << "Colorear vídeos en blanco y negro.";
    QTest::newRow("stored en") << "de_DE.UTF-8"
                               << "en"
                               << "" << en;
    QTest::newRow("--lang fr") << "de_DE.UTF-8"
                               << "es"
                               << "fr"
                               << "Coloriser des vidéos en noir et blanc.";
  }
  void appFollowsSystemLocaleSettingAndOption() {
    QFETCH(QString, lc_all);
    QFETCH(QString, stored);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    if (!stored.isEmpty()) {
      QSettings s(home.filePath(QStringLiteral("Chromaflow/chromaflow.conf")),
                  QSettings::IniFormat);
      s.setValue(LanguageSwitcher::kSettingsKey, stored);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.insert(QStringLiteral("LC_ALL"), lc_all);
    env.insert(QStringLiteral("LANG"), lc_all);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess app;
    app.setProcessEnvironment(env);
    QStringList args{QStringLiteral("--help")};
    if (!option.isEmpty())
      args << QStringLiteral("--lang") << option;
    app.start(QStringLiteral(CHROMAFLOW_GUI), args);
    QVERIFY(app.waitForFinished(30000));
    const QString out = QString::fromUtf8(app.readAllStandardOutput());
    QCOMPARE(app.exitCode(), 0);
    QVERIFY2(out.contains(expected), qPrintable(out));
  }

 private:
  QTemporaryDir dir_;
  QString ini_;
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
