// The shipped translations are complete: every .ts file under translations/ has every string the
// sources mark with tr() (lupdate is run here over the same files into a scratch .ts), each one
// finished and non-empty, with the same placeholders (%1.., %n), one accelerator where the source
// has one, all plural forms, and nothing obsolete or vanished. Fails on any unfinished entry.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
  QString context;
  QString source;
  bool numerus = false;
  QString type;              ///< the translation's type attribute ("" when finished)
  QStringList translations;  ///< one, or the plural forms
};

struct TsFile {
  QString language;
  QVector<Message> messages;
  QString error;
};

TsFile readTs(const QString& path) {
  TsFile ts;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
    return ts;
  }
  QXmlStreamReader xml(&file);
  QString context;
  Message message;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      const auto name = xml.name();
      if (name == QLatin1String("TS")) {
        ts.language = xml.attributes().value(QLatin1String("language")).toString();
      } else if (name == QLatin1String("name")) {
        context = xml.readElementText();
      } else if (name == QLatin1String("message")) {
        message = Message{};
        message.context = context;
        message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
      } else if (name == QLatin1String("source")) {
        message.source = xml.readElementText();
      } else if (name == QLatin1String("translation")) {
        message.type = xml.attributes().value(QLatin1String("type")).toString();
        if (!message.numerus)
          message.translations.append(xml.readElementText());
      } else if (name == QLatin1String("numerusform")) {
        message.translations.append(xml.readElementText());
      }
    } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
      ts.messages.append(message);
    }
  }
  if (xml.hasError())
    ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return ts;
}

/// The placeholders of a text: "%1", "%2", "%n" (also as %L1 / %Ln), sorted, with repeats.
QStringList placeholders(const QString& text) {
  static const QRegularExpression re(QStringLiteral("%L?([0-9]{1,2}|n)"));
  QStringList out;
  for (auto it = re.globalMatch(text); it.hasNext();)
    out.append(QLatin1Char('%') + it.next().captured(1));
  out.sort();
  out.removeDuplicates();
  return out;
}

/// Keyboard accelerators: '&' followed by anything but '&' or a space ("&&" is a literal '&').
int accelerators(const QString& text) {
  int count = 0;
  for (int i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != QLatin1Char('&'))
      continue;
    if (text[i + 1] == QLatin1Char('&')) {
      ++i;
      continue;
    }
    if (!text[i + 1].isSpace())
      ++count;
  }
  return count;
}

/// Plural forms Qt expects per language (see QTranslator / lrelease numerus rules).
int pluralForms(const QString& language) {
  return language.startsWith(QLatin1String("zh")) ? 1 : 2;
}

/// Words that are spelt the same as in English and correct as they are (checked by hand).
QSet<QString> sameAsEnglish(const QString& language) {
  if (language == QLatin1String("de"))
    return {QStringLiteral("Format"), QStringLiteral("Audio"), QStringLiteral("Original"),
            QStringLiteral("Sepia"), QStringLiteral("Pa&use (K)")};
  if (language == QLatin1String("fr"))
    return {QStringLiteral("Format"), QStringLiteral("Audio"), QStringLiteral("Original"),
            QStringLiteral("Pa&use (K)")};
  if (language == QLatin1String("es"))
    return {QStringLiteral("Audio"), QStringLiteral("Original"), QStringLiteral("Sepia")};
  return {};
}

/// False for pure formats such as "%1: %2", which may read the same in every language.
bool hasWords(const QString& source) {
  static const QRegularExpression re(QStringLiteral("%L?([0-9]{1,2}|n)"));
  const QString rest = QString(source).remove(re);
  return std::any_of(rest.begin(), rest.end(), [](QChar c) { return c.isLetter(); });
}

QString key(const Message& m) {
  return m.context + QStringLiteral(" | ") + m.source + (m.numerus ? QStringLiteral(" [n]") : "");
}

const QStringList kLanguages = QStringLiteral(CHROMAFLOW_LANGUAGES).split(QLatin1Char('|'));

QString tsPath(const QString& language) {
  return QDir(QStringLiteral(CHROMAFLOW_TS_DIR))
      .filePath(QStringLiteral("chromaflow_%1.ts").arg(language));
}

}  // namespace

class TestTranslationFiles : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QCOMPARE(kLanguages.size(), 4);
    // The source strings, as lupdate finds them in the code today.
    QVERIFY(scratch_.isValid());
    const QString out = scratch_.filePath(QStringLiteral("sources.ts"));
    QStringList args = QStringLiteral(CHROMAFLOW_I18N_SOURCES).split(QLatin1Char('|'));
    args << QStringLiteral("-no-obsolete") << QStringLiteral("-locations") << QStringLiteral("none")
         << QStringLiteral("-silent") << QStringLiteral("-ts") << out;
    QProcess lupdate;
    lupdate.start(QStringLiteral(CHROMAFLOW_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(30000), "lupdate did not finish in 30 s");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    const TsFile sources = readTs(out);
    QVERIFY2(sources.error.isEmpty(), qPrintable(sources.error));
    for (const Message& m : sources.messages)
      source_keys_.insert(key(m));
    // The GUI has far more than a handful of strings; a tiny count means lupdate saw nothing.
    QVERIFY2(source_keys_.size() > 150, qPrintable(QString::number(source_keys_.size())));
  }

  void everySourceStringIsInEveryLanguage_data() {
    QTest::addColumn<QString>("language");
    for (const QString& l : kLanguages)
      QTest::newRow(qPrintable(l)) << l;
  }
  void everySourceStringIsInEveryLanguage() {
    QFETCH(QString, language);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);
    QSet<QString> keys;
    for (const Message& m : ts.messages)
      keys.insert(key(m));
    QStringList missing = QStringList(source_keys_.begin(), source_keys_.end());
    missing.erase(std::remove_if(missing.begin(), missing.end(),
                                 [&](const QString& k) { return keys.contains(k); }),
                  missing.end());
    QStringList stale = QStringList(keys.begin(), keys.end());
    stale.erase(std::remove_if(stale.begin(), stale.end(),
                               [&](const QString& k) { return source_keys_.contains(k); }),
                stale.end());
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("not in %1 (run `cmake --build build --target "
                                       "update_translations`, then translate):\n  %2")
                            .arg(tsPath(language), missing.join(QStringLiteral("\n  ")))));
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("no longer in the sources (%1):\n  %2")
                            .arg(tsPath(language), stale.join(QStringLiteral("\n  ")))));
  }

  void everyEntryIsFinished_data() { everySourceStringIsInEveryLanguage_data(); }
  void everyEntryIsFinished() {
    QFETCH(QString, language);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList problems;
    const QSet<QString> same = sameAsEnglish(language);
    for (const Message& m : ts.messages) {
      const QString where = QStringLiteral("%1 \"%2\"").arg(m.context, m.source);
      if (!m.type.isEmpty()) {
        problems << QStringLiteral("%1: type=\"%2\"").arg(where, m.type);
        continue;
      }
      const int forms = m.numerus ? pluralForms(language) : 1;
      if (m.translations.size() != forms) {
        problems << QStringLiteral("%1: %2 form(s), expected %3")
                        .arg(where)
                        .arg(m.translations.size())
                        .arg(forms);
        continue;
      }
      for (const QString& t : m.translations) {
        if (t.trimmed().isEmpty()) {
          problems << where + QStringLiteral(": empty translation");
          continue;
        }
        if (t == m.source && !same.contains(m.source) && hasWords(m.source))
          problems << where + QStringLiteral(": copied from English");
        if (placeholders(t) != placeholders(m.source))
          problems << QStringLiteral("%1: placeholders %2 in \"%3\"")
                          .arg(where, placeholders(t).join(QLatin1Char(',')), t);
        if (accelerators(t) != std::min(accelerators(m.source), 1))
          problems << QStringLiteral("%1: %2 accelerator(s) in \"%3\"")
                          .arg(where)
                          .arg(accelerators(t))
                          .arg(t);
      }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(ts.messages.size(), source_keys_.size());
  }

  void checkerCatchesBadEntries() {
    // The checks above can fail: they see what a careless edit leaves behind.
    const QString bad = scratch_.filePath(QStringLiteral("bad.ts"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="de"><context><name>C</name>
<message><source>Open %1</source><translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n file(s)</source><translation><numerusform>%n Datei</numerusform></translation></message>
<message><source>Gone</source><translation type="vanished">Weg</translation></message>
</context></TS>)");
    f.close();
    const TsFile ts = readTs(bad);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.messages.size(), 3);
    QCOMPARE(ts.messages[0].type, QStringLiteral("unfinished"));
    QCOMPARE(ts.messages[1].translations.size(), 1);  // German needs two plural forms
    QCOMPARE(ts.messages[2].type, QStringLiteral("vanished"));
    QCOMPARE(placeholders(QStringLiteral("%1 of %2, %n left, 50 %")),
             QStringList({QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%n")}));
    QVERIFY(placeholders(QStringLiteral("Bild %1")) != placeholders(QStringLiteral("Frame %1 %2")));
    QCOMPARE(accelerators(QStringLiteral("&Open && Save")), 1);
    QCOMPARE(accelerators(QStringLiteral("打开(&O)")), 1);
    QCOMPARE(accelerators(QStringLiteral("Rock & Roll")), 0);
  }

 private:
  QTemporaryDir scratch_;
  QSet<QString> source_keys_;
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translation_files.moc"
