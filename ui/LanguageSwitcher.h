#pragma once
// The user interface language: installs Chromaflow's catalogue (embedded under :/i18n) and Qt's
// own for a language code, or for the system locale. Installing or removing a translator sends
// QEvent::LanguageChange to every widget, which retranslates itself.

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>
#include <QVector>

namespace cf::ui {

struct LanguageOption {
  QString code;         ///< "" = system default, "en", "de", "fr", "es", "zh_CN"
  QString native_name;  ///< the language's name in itself ("Deutsch"); empty for the default
};

class LanguageSwitcher : public QObject {
  Q_OBJECT
 public:
  /// QSettings key that stores the chosen code ("" or absent = follow the system locale).
  static constexpr const char* kSettingsKey = "ui/language";

  explicit LanguageSwitcher(QObject* parent = nullptr);
  ~LanguageSwitcher() override;

  /// The selectable languages, the system default first.
  static QVector<LanguageOption> options();
  /// True when `code` names a shipped language (or "" for the system default).
  static bool isKnown(const QString& code);
  /// The code of the catalogue the system locale would pick ("en" when none matches).
  static QString systemLanguage();

  /// Switches to `code` ("" = system locale). Returns false (and changes nothing) for an unknown
  /// code or a catalogue that cannot be loaded.
  bool apply(const QString& code);
  /// The code last applied ("" = system default).
  QString requested() const { return requested_; }
  /// The language actually shown ("en" when no catalogue is installed).
  QString effective() const { return effective_; }

 Q_SIGNALS:
  void languageChanged(const QString& code);

 private:
  void removeTranslators();

  QTranslator app_;
  QTranslator qt_;
  bool app_installed_ = false;
  bool qt_installed_ = false;
  QString requested_;
  QString effective_ = QStringLiteral("en");
};

}  // namespace cf::ui
