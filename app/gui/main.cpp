// chromaflow: the desktop editor.

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <algorithm>
#include <memory>

#include "LanguageSwitcher.h"
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

  // The interface language: the stored choice (View > Language), else the system locale. Set
  // before the parser so --help is translated too; --lang below overrides it for this run.
  cf::ui::LanguageSwitcher language;
  const QString stored =
      QSettings().value(QLatin1String(cf::ui::LanguageSwitcher::kSettingsKey)).toString();
  // An explicit --lang wins already here, so --help is shown in it.
  const QStringList args = QApplication::arguments();
  const qsizetype lang_at = args.indexOf(QStringLiteral("--lang"));
  const QString early = lang_at > 0 && lang_at + 1 < args.size() ? args[lang_at + 1] : stored;
  if (!language.apply(early) && !language.apply(stored))
    language.apply(QString());

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
  const QCommandLineOption screenshot_delay(
      QStringLiteral("screenshot-delay"),
      QApplication::translate("main",
                              "With --screenshot: seconds to wait after the first preview "
                              "(default 3; longer lets keyframe colour propagate)."),
      QStringLiteral("seconds"), QStringLiteral("3"));
  parser.addOption(screenshot_delay);
  const QCommandLineOption start_frame(
      QStringLiteral("frame"),
      QApplication::translate("main",
                              "Open the video at this frame (0-based) instead of the first."),
      QStringLiteral("n"));
  parser.addOption(start_frame);
  const QCommandLineOption lang(
      QStringLiteral("lang"),
      QApplication::translate("main",
                              "Interface language for this run: en, de, fr, es or zh_CN "
                              "(default: the View > Language setting, else the system locale)."),
      QStringLiteral("code"));
  parser.addOption(lang);
  parser.process(app);
  if (parser.isSet(lang) && !language.apply(parser.value(lang))) {
    qCritical("chromaflow: %s",
              qPrintable(QApplication::translate("main", "unknown language '%1'; use one of: %2")
                             .arg(parser.value(lang), QStringLiteral("en, de, fr, es, zh_CN"))));
    return 2;
  }

  cf::ui::MainWindow window(QString(), nullptr, &language);
  window.show();
  qint64 start = -1;  // --frame, when given
  if (parser.isSet(start_frame)) {
    bool ok = false;
    start = parser.value(start_frame).toLongLong(&ok);
    if (!ok || start < 0) {
      qCritical("chromaflow: %s",
                qPrintable(QApplication::translate("main",
                                                   "--frame needs a frame number (0 or "
                                                   "more), not '%1'")
                               .arg(parser.value(start_frame))));
      return 2;
    }
    QObject::connect(
        window.engine(), &cf::ui::SessionController::opened, &window,
        [&window, start] {
          QTimer::singleShot(0, &window, [&window, start] { window.goToFrame(start); });
        },
        Qt::SingleShotConnection);
  }
  if (parser.isSet(screenshot)) {
    const QString png = parser.value(screenshot);
    const int delay_ms =
        std::clamp(int(parser.value(screenshot_delay).toDouble() * 1000.0), 0, 600000);
    window.resize(1440, 900);
    // The first preview (of the --frame one, if given) arrives after the video opened; give
    // analysis a moment for the lanes.
    auto waiting = std::make_shared<bool>(true);
    QObject::connect(
        window.preview(), &cf::ui::PreviewWidget::frameShown, &window,
        [&window, png, delay_ms, start, waiting](qint64 shown) {
          if (!*waiting || (start >= 0 && shown != start && shown < window.frameCount() - 1))
            return;  // not yet the frame asked for (one past the end shows the last)
          *waiting = false;
          QTimer::singleShot(delay_ms, &window, [&window, png] {
            const bool saved = window.grab().save(png);
            qInfo("chromaflow: saved %s (frame %lld)", qPrintable(png),
                  static_cast<long long>(window.currentFrame()));
            QCoreApplication::exit(saved ? 0 : 1);
          });
        });
    // Without a preview (e.g. no model), capture the whole screen with the error shown.
    QObject::connect(
        window.engine(), &cf::ui::SessionController::errorOccurred, &window,
        [&window, png](const QString& message) {
          qWarning("chromaflow: %s", qPrintable(message));
          QTimer::singleShot(1500, &window, [png] {
            const bool saved = QGuiApplication::primaryScreen()->grabWindow(0).save(png);
            QCoreApplication::exit(saved ? 3 : 1);
          });
        },
        Qt::SingleShotConnection);
    QObject::connect(window.engine(), &cf::ui::SessionController::openFailed, &window,
                     [](const QString& message) {
                       qCritical("chromaflow: %s", qPrintable(message));
                       QCoreApplication::exit(2);
                     });
    // A refused open that the window offers to mend (a truncated file, timestamps that jump
    // back): capture the screen with the offer shown.
    const auto capture_offer = [png, delay_ms] {
      QTimer::singleShot(std::max(delay_ms, 1500), [png] {
        const bool saved = QGuiApplication::primaryScreen()->grabWindow(0).save(png);
        QCoreApplication::exit(saved ? 4 : 1);
      });
    };
    QObject::connect(window.engine(), &cf::ui::SessionController::openTruncated, &window,
                     capture_offer, Qt::SingleShotConnection);
    QObject::connect(window.engine(), &cf::ui::SessionController::openTimestampsJump, &window,
                     capture_offer, Qt::SingleShotConnection);
  }
  if (!parser.positionalArguments().isEmpty())
    window.openPath(parser.positionalArguments().first());
  return QApplication::exec();
}
