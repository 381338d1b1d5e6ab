#include "CoreText.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cf::ui {
namespace {

// A variable, so lupdate does not take the call below for a message of its own.
const char* const kReasonContext = "cf::ui::CoreText";

struct ReasonPattern {
  const char* regex;   // core's phrasing (core/analysis/FailureFlagger.cpp), numbers captured
  const char* source;  // the translatable text, %1.. = the captured numbers in order
};

// Keep in step with core/analysis/FailureFlagger.cpp; an unknown phrasing is shown in English.
const ReasonPattern kReasons[] = {
    {"^sepia: (\\S+) % of chroma in (\\S+)-(\\S+) degree hue band$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "sepia: %1 % of chroma in the %2-%3 degree hue band")},
    {"^desaturated: colourfulness (\\S+) is below (\\S+) \\(colour averaging\\)$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "desaturated: colourfulness %1 is below %2 (colour averaging)")},
    {"^desaturated: colourfulness (\\S+), far below the shot's median (\\S+)$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "desaturated: colourfulness %1, far below the shot's median %2")},
    {"^low confidence on (\\S+) % of frame$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "low confidence on %1 % of the frame")},
    {"^confidence (\\S+), far below the shot's median (\\S+)$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "confidence %1, far below the shot's median %2")},
    {"^flicker: colour jumps by (\\S+) ab units between frames$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "flicker: the colour jumps by %1 ab units between frames")},
    {"^flicker (\\S+)x above shot median$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "flicker %1 times the shot's median")},
    {"^heavy motion or an undetected cut: (\\S+) % occluded$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion or an undetected cut: %1 % occluded")},
    {"^heavy motion: (\\S+) % occluded$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion: %1 % occluded")},
    {"^heavy motion: (\\S+) % of the frame width per frame$",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion: %1 % of the frame width per frame")},
};

}  // namespace

QString translatedFailureReason(const std::string& reason) {
  const QString text = QString::fromStdString(reason);
  for (const ReasonPattern& p : kReasons) {
    const QRegularExpressionMatch m = QRegularExpression(QLatin1String(p.regex)).match(text);
    if (!m.hasMatch())
      continue;
    QString out = QCoreApplication::translate(kReasonContext, p.source);
    for (int i = 1; i <= m.lastCapturedIndex(); ++i)
      out = out.arg(m.captured(i));
    return out;
  }
  return text;
}

QString translatedDeviceName(const QString& device_name) {
  static const QRegularExpression cpu(QStringLiteral("^cpu \\((\\d+) threads?\\)$"));
  const QRegularExpressionMatch m = cpu.match(device_name);
  if (m.hasMatch()) {
    const int threads = m.captured(1).toInt();
    return QCoreApplication::translate("cf::ui::CoreText", "CPU (%n thread(s))", nullptr, threads);
  }
  if (device_name == QLatin1String("cuda fp16"))
    return QCoreApplication::translate("cf::ui::CoreText", "CUDA GPU (half precision)");
  return device_name;
}

QString translatedStage(const QString& stage) {
  if (stage == QLatin1String("export"))
    return QCoreApplication::translate("cf::ui::CoreText", "Exporting");
  if (stage == QLatin1String("scan"))
    return QCoreApplication::translate("cf::ui::CoreText", "Scanning for cuts");
  if (stage == QLatin1String("analyse"))
    return QCoreApplication::translate("cf::ui::CoreText", "Analysing");
  return stage;
}

}  // namespace cf::ui
