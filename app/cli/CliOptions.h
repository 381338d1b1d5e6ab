#pragma once
// Options shared by the commands that run the colour pipeline (colorize, analyze, ...).

#include <QCommandLineParser>
#include <optional>

#include "pipeline/SessionTypes.h"

namespace cf::app {

/// Parses `args` for `command` (e.g. "chromaflow-cli colorize"). Returns the exit code when the
/// command must stop now (2 after printing a bad-option error, 0 after printing --help), or nothing
/// when it should go on.
std::optional<int> parseOrExit(QCommandLineParser& parser, const QString& command,
                               const QStringList& args);

/// --model, --working-height, --device, --temperature, --lambda, --flow, --cache.
void addSessionOptions(QCommandLineParser& parser);
/// Fills `settings`; false with a one-line `problem` for a bad value.
bool parseSessionOptions(const QCommandLineParser& parser, pipeline::SessionSettings* settings,
                         QString* problem);
/// "h264", "h265", "ffv1", "prores".
bool parseExportCodec(const QString& name, pipeline::ExportCodec* codec);

}  // namespace cf::app
