// Help menu (issue #16, feature 5): the keyboard-shortcuts window is generated from the window's
// real actions (a changed shortcut shows at once), the user guide opens the installed file
// through the desktop (QDesktopServices, caught here by a URL handler), and About is there.

#include <QAction>
#include <QDesktopServices>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "MainWindow.h"
#include "ShortcutsDialog.h"

using cf::ui::MainWindow;
using cf::ui::ShortcutsDialog;

class UrlCatcher : public QObject {
  Q_OBJECT
 public:
  QList<QUrl> urls;
 public Q_SLOTS:
  void open(const QUrl& url) { urls << url; }
};

class TestHelp : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  static QStringList tableRow(const QTableWidget* t, const QString& action) {
    for (int r = 0; r < t->rowCount(); ++r)
      if (t->item(r, 0)->text() == action)
        return {t->item(r, 0)->text(), t->item(r, 1)->text()};
    return {};
  }

 private Q_SLOTS:
  void shortcutsWindowShowsTheRealActions() {
    MainWindow w(dir_.filePath(QStringLiteral("s.ini")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.action(QStringLiteral("shortcuts"))->trigger();
    auto* dialog = w.findChild<ShortcutsDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    int with_shortcut = 0;
    for (const QAction* a : w.actions())
      with_shortcut += a->shortcuts().isEmpty() ? 0 : 1;
    QVERIFY(with_shortcut >= 30);
    QCOMPARE(dialog->table()->rowCount(), with_shortcut);
    QCOMPARE(tableRow(dialog->table(), QStringLiteral("Play / Pause")),
             (QStringList{QStringLiteral("Play / Pause"), QStringLiteral("Space")}));
    QCOMPARE(tableRow(dialog->table(), QStringLiteral("Go to Timecode or Frame")).value(1),
             QKeySequence(Qt::CTRL | Qt::Key_G).toString(QKeySequence::NativeText));
    // Generated, not written down: a changed shortcut shows the next time the window opens.
    dialog->close();
    w.action(QStringLiteral("playPause"))->setShortcut(QKeySequence(Qt::Key_P));
    w.action(QStringLiteral("shortcuts"))->trigger();
    QCOMPARE(tableRow(dialog->table(), QStringLiteral("Play / Pause")).value(1),
             QStringLiteral("P"));
    dialog->close();
  }

  void userGuideOpensTheInstalledFile() {
    qputenv("CHROMAFLOW_DOC_DIR", QByteArray(CHROMAFLOW_SOURCE_DOCS));
    const QString guide = MainWindow::userGuidePath();
    QVERIFY2(guide.endsWith(QLatin1String("/user-guide.md")), qPrintable(guide));
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    MainWindow w(dir_.filePath(QStringLiteral("g.ini")));
    w.action(QStringLiteral("userGuide"))->trigger();
    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY(catcher.urls.first().isLocalFile());
    QCOMPARE(catcher.urls.first().toLocalFile(), guide);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    // Nowhere to be found: the window says so instead of failing silently.
    qputenv("CHROMAFLOW_DOC_DIR", QFile::encodeName(dir_.path()));
    if (MainWindow::userGuidePath().isEmpty()) {  // not installed on this machine either
      w.action(QStringLiteral("userGuide"))->trigger();
      QTRY_VERIFY(w.findChild<QMessageBox*>(QStringLiteral("userGuideBox")));
    }
    qunsetenv("CHROMAFLOW_DOC_DIR");
  }

  void helpMenuHoldsGuideShortcutsAndAbout() {
    MainWindow w(dir_.filePath(QStringLiteral("m.ini")));
    const auto* help = w.findChild<QMenu*>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QStringList names;
    for (const QAction* a : help->actions())
      if (!a->isSeparator())
        names << a->objectName();
    QCOMPARE(names, (QStringList{QStringLiteral("userGuide"), QStringLiteral("shortcuts"),
                                 QStringLiteral("about"), QStringLiteral("aboutQt")}));
    QCOMPARE(w.action(QStringLiteral("userGuide"))->shortcut(),
             QKeySequence(QKeySequence::HelpContents));
  }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
