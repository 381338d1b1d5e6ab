#pragma once
// The hints file of `chromaflow-cli colorize --hints FILE.json`, also the "hints" array of the
// project file:
//   {"hints": [{"frame": 12, "x": 0.41, "y": 0.63, "color": "#2f5d2a", "radius": 0.02}, ...]}
// frame: 0-based; x, y: 0..1 across the frame's width and height (display orientation); color:
// sRGB hex; radius (optional): a share of the frame height, default 0.02.
// Every error names the entry (its index), the field, the value and why it is refused.

#include <QByteArray>
#include <QJsonArray>
#include <string>
#include <vector>

#include "common/Result.h"
#include "guide/GuideTypes.h"

namespace cf::guide {

/// Parses a hints document (the bytes of the file). `source` names it in errors (a path).
/// `frame_count` > 0: frames past the end are refused too.
Result<std::vector<HintPoint>> parseHintsJson(const QByteArray& bytes, const std::string& source,
                                              int64_t frame_count);
/// Reads and parses a hints file.
Result<std::vector<HintPoint>> loadHintsFile(const std::string& path, int64_t frame_count);

/// Parses the "hints" array itself (the project file's), with the same checks.
Result<std::vector<HintPoint>> parseHintsArray(const QJsonArray& array, const std::string& source,
                                               int64_t frame_count);
/// The "hints" array (what parseHintsArray reads back).
QJsonArray hintsToJson(const std::vector<HintPoint>& hints);
/// A whole hints document, as --hints reads it.
QByteArray hintsDocument(const std::vector<HintPoint>& hints);

/// Checks frames, references and strength against a video of `frame_count` frames: an error
/// naming the bad keyframe otherwise.
Status validateGuidance(const Guidance& guidance, int64_t frame_count);

}  // namespace cf::guide
