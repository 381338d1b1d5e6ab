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

/// The parser's help with a usage line that names the command ("Usage: chromaflow-cli colorize
/// [options] IN OUT"), not the program's path.
QString helpText(const QCommandLineParser& parser, const QString& command);

/// --model, --working-height, --device, --temperature, --lambda, --flow, --cache.
void addSessionOptions(QCommandLineParser& parser);
/// Fills `settings`; false with a one-line `problem` for a bad value.
bool parseSessionOptions(const QCommandLineParser& parser, pipeline::SessionSettings* settings,
                         QString* problem);
/// The session settings of a project file under those given on the command line: each option
/// set on the command line wins, the project gives the rest (and the failure thresholds).
void applyProjectSettings(const QCommandLineParser& parser,
                          const pipeline::SessionSettings& project,
                          pipeline::SessionSettings* settings);
/// "h264", "h265", "ffv1", "prores".
bool parseExportCodec(const QString& name, cf::VideoCodec* codec);

}  // namespace cf::app
