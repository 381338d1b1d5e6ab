#pragma once
// Options shared by the commands that run the colour pipeline (colorize, analyze, ...).

#include <QCommandLineParser>

#include "pipeline/SessionTypes.h"

namespace cf::app {

/// --model, --working-height, --device, --temperature, --lambda, --flow, --cache.
void addSessionOptions(QCommandLineParser& parser);
/// Fills `settings`; false with a one-line `problem` for a bad value.
bool parseSessionOptions(const QCommandLineParser& parser, pipeline::SessionSettings* settings,
                         QString* problem);
/// "h264", "h265", "ffv1", "prores".
bool parseExportCodec(const QString& name, pipeline::ExportCodec* codec);

}  // namespace cf::app
