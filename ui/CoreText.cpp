#include "CoreText.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cf::ui {
namespace {

const char* const kContext = "cf::ui::CoreText";

struct ReasonPattern {
  const char* regex;   // core's phrasing (core/analysis/FailureFlagger.cpp), numbers captured
  const char* source;  // the translatable text, %1.. = the captured numbers in order
};

// Keep in step with core/analysis/FailureFlagger.cpp; an unknown phrasing is shown in English.
const ReasonPattern kReasons[] = {
    {R"(^sepia: (\S+) % of chroma in (\S+)-(\S+) degree hue band$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "sepia: %1 % of chroma in the %2-%3 degree hue band")},
    {R"(^desaturated: colourfulness (\S+) is below (\S+) \(colour averaging\)$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "desaturated: colourfulness %1 is below %2 (colour averaging)")},
    {R"(^desaturated: colourfulness (\S+), far below the shot's median (\S+)$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "desaturated: colourfulness %1, far below the shot's median %2")},
    {R"(^low confidence on (\S+) % of frame$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "low confidence on %1 % of the frame")},
    {R"(^confidence (\S+), far below the shot's median (\S+)$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "confidence %1, far below the shot's median %2")},
    {R"(^flicker: colour jumps by (\S+) ab units between frames$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText",
                       "flicker: the colour jumps by %1 ab units between frames")},
    {R"(^flicker (\S+)x above shot median$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "flicker %1 times the shot's median")},
    {R"(^heavy motion or an undetected cut: (\S+) % occluded$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion or an undetected cut: %1 % occluded")},
    {R"(^heavy motion: (\S+) % occluded$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion: %1 % occluded")},
    {R"(^heavy motion: (\S+) % of the frame width per frame$)",
     QT_TRANSLATE_NOOP("cf::ui::CoreText", "heavy motion: %1 % of the frame width per frame")},
};

}  // namespace

QString translatedFailureReason(const std::string& reason) {
  const QString text = QString::fromStdString(reason);
  for (const ReasonPattern& p : kReasons) {
    const QRegularExpressionMatch m = QRegularExpression(QLatin1String(p.regex)).match(text);
    if (!m.hasMatch())
      continue;
    QString out = QCoreApplication::translate(kContext, p.source);
    for (int i = 1; i <= m.lastCapturedIndex(); ++i)
      out = out.arg(m.captured(i));
    return out;
  }
  return text;
}

QString translatedDeviceName(const QString& device_name) {
  static const QRegularExpression cpu(QStringLiteral(R"(^cpu \((\d+) threads?\)$)"));
  const QRegularExpressionMatch m = cpu.match(device_name);
  if (m.hasMatch())
    return QCoreApplication::translate(kContext, "CPU (%n thread(s))", nullptr,
                                       m.captured(1).toInt());
  if (device_name == QLatin1String("cuda fp16"))
    return QCoreApplication::translate(kContext, "CUDA GPU (half precision)");
  return device_name;
}

QString translatedStage(const QString& stage) {
  if (stage == QLatin1String("export"))
    return QCoreApplication::translate(kContext, "Exporting");
  if (stage == QLatin1String("scan"))
    return QCoreApplication::translate(kContext, "Scanning for cuts");
  if (stage == QLatin1String("analyse"))
    return QCoreApplication::translate(kContext, "Analysing");
  return stage;
}

}  // namespace cf::ui
