#pragma once
// chromaflow-cli colorize: the options for image inputs and outputs (image sequences, photos,
// bit depth) and the batch mode that colourises photos one by one with a summary at the end.

#include <QCommandLineParser>
#include <QStringList>

#include "pipeline/SessionTypes.h"

namespace cf::app {

/// "24", "25", "23.976", "24000/1001" -> a rate; invalid when unparsable or out of 1..1000.
media::Rational parseFrameRate(const QString& text);

/// --fps, --bit-depth, --start-number, --stills.
void addImageOptions(QCommandLineParser& parser);

/// Fills settings->input and the request's bit depth and start number for OUT `out_path` (one
/// image as OUT makes a numbered IN file a single photo). False with a one-line `problem`.
/// --deinterlace auto|on|off into `input`; false with `problem` set for another word.
bool parseDeinterlace(const QCommandLineParser& parser, media::InputOptions* input,
                      QString* problem);

bool parseImageOptions(const QCommandLineParser& parser, const QString& out_path,
                       pipeline::SessionSettings* settings, pipeline::ExportRequest* request,
                       QString* problem);

/// True for a batch of photos: --stills, or more than one IN before OUT.
bool isStillBatch(const QCommandLineParser& parser, const QStringList& positional);

/// Colourises each photo of positional[0..n-2] (files or folders of photos) into the folder
/// positional[n-1]; a photo that fails does not stop the others. Prints one line per photo and a
/// summary; returns 0 when all succeeded, 1 when any failed, 2 for a usage error.
int runStillBatch(const QStringList& positional, const pipeline::SessionSettings& settings,
                  const pipeline::ExportRequest& request);

}  // namespace cf::app
