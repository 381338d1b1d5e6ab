#include "LanguageSwitcher.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QWidget>

namespace cf::ui {
namespace {

const QString kCatalogue = QStringLiteral("chromaflow");
const QString kResourceDir = QStringLiteral(":/i18n");

/// The shipped catalogue for one language ("de", "zh_CN"), "en" for English, empty for none.
QString catalogueFor(const QLocale& locale) {
  if (locale.language() == QLocale::English)
    return QStringLiteral("en");
  for (const LanguageOption& o : LanguageSwitcher::options()) {
    if (o.code.isEmpty() || o.code == QLatin1String("en"))
      continue;
    const QLocale candidate(o.code);
    if (candidate.language() != locale.language())
      continue;
    // Chinese: the Simplified catalogue serves zh_CN/zh_SG/zh_Hans, not Traditional scripts.
    if (candidate.language() == QLocale::Chinese &&
        locale.script() == QLocale::TraditionalChineseScript)
      continue;
    return o.code;
  }
  return {};
}

}  // namespace

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

LanguageSwitcher::~LanguageSwitcher() {
  removeTranslators();
}

QVector<LanguageOption> LanguageSwitcher::options() {
  // Native names stay untranslated, so a user can find their language in any interface language.
  return {{QString(), QString()},
          {QStringLiteral("en"), QStringLiteral("English")},
          {QStringLiteral("de"), QStringLiteral("Deutsch")},
          {QStringLiteral("fr"), QStringLiteral("Français")},
          {QStringLiteral("es"), QStringLiteral("Español")},
          {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

bool LanguageSwitcher::isKnown(const QString& code) {
  for (const LanguageOption& o : options())
    if (o.code == code)
      return true;
  return false;
}

QString LanguageSwitcher::systemLanguage() {
  // The user's preferred languages in order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux): the
  // first one that we ship, or English, wins.
  for (const QString& name : QLocale::system().uiLanguages()) {
    const QString code = catalogueFor(QLocale(name));
    if (!code.isEmpty())
      return code;
  }
  return QStringLiteral("en");
}

bool LanguageSwitcher::apply(const QString& code) {
  if (!isKnown(code))
    return false;
  const QString target = code.isEmpty() ? systemLanguage() : code;
  const bool english = target == QLatin1String("en");
  const QString catalogue = kResourceDir + QLatin1Char('/') + kCatalogue + QLatin1Char('_') +
                            target + QStringLiteral(".qm");
  if (!english && !QFile::exists(catalogue))
    return false;
  removeTranslators();
  QLocale::setDefault(code.isEmpty() ? QLocale::system() : QLocale(target));
  // Widgets keep the locale they were made with: make every window take the new default, so
  // numbers (spin boxes) read 1.5 in English again after German's 1,5 (issue #16).
  if (qobject_cast<QApplication*>(QCoreApplication::instance()))
    for (QWidget* w : QApplication::topLevelWidgets())
      w->setLocale(QLocale());
  if (!english) {
    // Qt's own strings (standard buttons, file dialogs); a missing catalogue is harmless.
    if (qt_.load(QLocale(target), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      qt_installed_ = QCoreApplication::installTranslator(&qt_);
    app_installed_ = app_.load(catalogue) && QCoreApplication::installTranslator(&app_);
  }
  requested_ = code;
  effective_ = app_installed_ ? target : QStringLiteral("en");
  Q_EMIT languageChanged(code);
  return english || app_installed_;
}

void LanguageSwitcher::removeTranslators() {
  if (app_installed_)
    QCoreApplication::removeTranslator(&app_);
  if (qt_installed_)
    QCoreApplication::removeTranslator(&qt_);
  app_installed_ = qt_installed_ = false;
}

}  // namespace cf::ui
