#include "CoreText.h"

#include <QCoreApplication>

#include "analysis/FailureTypes.h"

namespace cf::ui {
namespace {

QString num(double v, int decimals) {
  return QString::number(v, 'f', decimals);
}

}  // namespace

QString translatedFailureReason(const analysis::Reason& r) {
  using analysis::ReasonCode;
  // The source texts are core's phrasings (analysis::reasonText), with the same decimals.
  switch (r.code) {
    case ReasonCode::SepiaBand:
      return QCoreApplication::translate("cf::ui::CoreText",
                                         "sepia: %1 % of chroma in the %2-%3 degree hue band")
          .arg(num(r.value, 0), num(r.limit, 0), num(r.extra, 0));
    case ReasonCode::ColourfulnessBelow:
      return QCoreApplication::translate(
                 "cf::ui::CoreText", "desaturated: colourfulness %1 is below %2 (colour averaging)")
          .arg(num(r.value, 1), num(r.limit, 1));
    case ReasonCode::ColourfulnessBelowShot:
      return QCoreApplication::translate(
                 "cf::ui::CoreText",
                 "desaturated: colourfulness %1, far below the shot's median %2")
          .arg(num(r.value, 1), num(r.limit, 1));
    case ReasonCode::LowConfidenceArea:
      return QCoreApplication::translate("cf::ui::CoreText", "low confidence on %1 % of the frame")
          .arg(num(r.value, 0));
    case ReasonCode::ConfidenceBelowShot:
      return QCoreApplication::translate("cf::ui::CoreText",
                                         "confidence %1, far below the shot's median %2")
          .arg(num(r.value, 2), num(r.limit, 2));
    case ReasonCode::FlickerJump:
      return QCoreApplication::translate("cf::ui::CoreText",
                                         "flicker: the colour jumps by %1 ab units between frames")
          .arg(num(r.value, 1));
    case ReasonCode::FlickerAboveShot:
      return QCoreApplication::translate("cf::ui::CoreText", "flicker %1 times the shot's median")
          .arg(num(r.value, 1));
    case ReasonCode::OccludedOrCut:
      return QCoreApplication::translate("cf::ui::CoreText",
                                         "heavy motion or an undetected cut: %1 % occluded")
          .arg(num(r.value, 0));
    case ReasonCode::Occluded:
      return QCoreApplication::translate("cf::ui::CoreText", "heavy motion: %1 % occluded")
          .arg(num(r.value, 0));
    case ReasonCode::MotionWidth:
      return QCoreApplication::translate("cf::ui::CoreText",
                                         "heavy motion: %1 % of the frame width per frame")
          .arg(num(r.value, 1));
  }
  return QString::fromStdString(analysis::reasonText(r));
}

QString translatedDevice(DeviceChoice device_in_use, int cpu_threads) {
  switch (device_in_use) {
    case DeviceChoice::Cpu:
      return QCoreApplication::translate("cf::ui::CoreText", "CPU (%n thread(s))", nullptr,
                                         cpu_threads);
    case DeviceChoice::Cuda:
      return QCoreApplication::translate("cf::ui::CoreText", "CUDA GPU (half precision)");
    case DeviceChoice::Auto:
      break;
  }
  return {};
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
