#pragma once
// The keyframe-colour options of `chromaflow-cli colorize` (issue #15): --reference N:IMAGE
// (repeatable), --hints FILE.json and --reference-strength S.

#include <QCommandLineParser>
#include <string>

#include "guide/GuideTypes.h"

namespace cf::app {

void addGuideOptions(QCommandLineParser& parser);
/// True when any of the options is given (--reference-strength alone too, so it is checked).
bool hasGuideOptions(const QCommandLineParser& parser);
/// Fills `guidance` from the options for a video of `frame_count` frames, reading the hints file
/// and checking every reference image against its frame of `video_path` (decoded here; no model
/// is loaded). False with a one-line `problem` naming the bad argument.
bool parseGuideOptions(const QCommandLineParser& parser, const std::string& video_path,
                       int64_t frame_count, guide::Guidance* guidance, QString* problem);

}  // namespace cf::app
