#pragma once
// The confidence overlay's legend: a gradient from "less sure" to "more sure" with the shot's
// confidence values at its ends, painted in the bottom-left corner of the preview.

#include <QPainter>
#include <QString>

#include "analysis/ConfidenceMap.h"

namespace cf::ui {

/// Paints the legend into `pane`; returns the rectangle it covers.
QRectF drawConfidenceLegend(QPainter& p, const QRectF& pane, const analysis::ConfidenceScale& scale,
                            const QString& low_text, const QString& high_text);

}  // namespace cf::ui
