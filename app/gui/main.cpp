// chromaflow: the desktop editor.

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include "MainWindow.h"
#include "OpenMpPolicy.h"
#include "PreviewWidget.h"
#include "SessionController.h"

int main(int argc, char** argv) {
  cf::app::ensurePassiveOpenMpWait(argv);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Chromaflow"));
  QApplication::setApplicationName(QStringLiteral("chromaflow"));
  QApplication::setApplicationDisplayName(QStringLiteral("Chromaflow"));
  QApplication::setApplicationVersion(QStringLiteral(CHROMAFLOW_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("chromaflow"));

  // Qt's own strings and ours, following the system locale; missing catalogues are harmless.
  QTranslator qt_translator;
  if (qt_translator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qt_translator);
  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("chromaflow"), QStringLiteral("_"),
                      QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Colourise black-and-white video."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("file"),
                               QApplication::translate("main", "Video or project to open."),
                               QStringLiteral("[file]"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QApplication::translate("main",
                              "Open the file, wait for its first preview, save a screenshot of "
                              "the window to <png> and quit (for documentation, e.g. under Xvfb)."),
      QStringLiteral("png"));
  parser.addOption(screenshot);
  parser.process(app);

  cf::ui::MainWindow window;
  window.show();
  if (parser.isSet(screenshot)) {
    const QString png = parser.value(screenshot);
    window.resize(1440, 900);
    // The first preview arrives after the video opened; give analysis a moment for the lanes.
    QObject::connect(
        window.preview(), &cf::ui::PreviewWidget::frameShown, &window,
        [&window, png] {
          QTimer::singleShot(3000, &window, [&window, png] {
            const bool saved = window.grab().save(png);
            QCoreApplication::exit(saved ? 0 : 1);
          });
        },
        Qt::SingleShotConnection);
    QObject::connect(window.engine(), &cf::ui::SessionController::openFailed, &window,
                     [](const QString& message) {
                       qCritical("chromaflow: %s", qPrintable(message));
                       QCoreApplication::exit(2);
                     });
  }
  if (!parser.positionalArguments().isEmpty())
    window.openPath(parser.positionalArguments().first());
  return QApplication::exec();
}
