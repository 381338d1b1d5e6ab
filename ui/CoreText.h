#pragma once
// The GUI's wording of what core hands it: failure reasons (a code and its numbers, worded here
// with tr(); no parsing of core's English), device names and progress stage names. Core stays
// English for the CLI and the reports.

#include <QString>
#include <string>

#include "analysis/FailureTypes.h"
#include "common/Vocabulary.h"

namespace cf::ui {

/// A failure reason in the interface language, e.g. "sepia: 72 % of chroma in the 20-70 degree
/// hue band".
QString translatedFailureReason(const analysis::Reason& reason);
/// The device the network runs on (SessionInfo::device_in_use), in the interface language;
/// empty while it is not known (Auto).
QString translatedDevice(DeviceChoice device_in_use, int cpu_threads);
/// Progress stage names ("export", "scan", "analyse") in the interface language.
QString translatedStage(const QString& stage);

}  // namespace cf::ui
