#pragma once
// Translations of the few texts that core hands to the GUI in English: failure reasons, device
// names and progress stage names. Core stays English (the CLI and the reports use it as is); the
// GUI recognises the known phrasings and shows them in the interface language, falling back to
// core's English for anything it does not know.

#include <QString>
#include <string>

namespace cf::ui {

/// "sepia: 72 % of chroma in 20-70 degree hue band" -> the same in the interface language.
QString translatedFailureReason(const std::string& reason);
/// "cpu (8 threads)", "cuda fp16" -> the same in the interface language.
QString translatedDeviceName(const QString& device_name);
/// Progress stage names ("export", "scan", "analyse") in the interface language.
QString translatedStage(const QString& stage);

}  // namespace cf::ui
