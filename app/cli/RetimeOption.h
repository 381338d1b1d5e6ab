#pragma once
// --regenerate-timestamps (colorize, analyze): a video whose timestamps jump back is used through
// a lossless copy with fresh timestamps, kept in the cache (pipeline/RetimedSource.h).

#include <QCommandLineParser>
#include <QString>
#include <string>

#include "common/CancelToken.h"
#include "pipeline/SessionTypes.h"

namespace cf::app {

void addRetimeOption(QCommandLineParser& parser);

/// With --regenerate-timestamps and a video at `*in_path` whose timestamps jump back: makes or
/// reuses the copy (progress on stderr), says so on stderr and points `*in_path` at it. False with
/// a one-line `problem` when the copy cannot be made. Without the option, or for a sane file,
/// nothing changes.
bool applyRetimeOption(const QCommandLineParser& parser, const pipeline::SessionSettings& settings,
                       const CancelToken& cancel, std::string* in_path, QString* problem);

}  // namespace cf::app
