#include "ConfidenceLegend.h"

#include <QLinearGradient>

#include "ImageConvert.h"

namespace cf::ui {

QRectF drawConfidenceLegend(QPainter& p, const QRectF& pane, const analysis::ConfidenceScale& scale,
                            const QString& low_text, const QString& high_text) {
  const QFontMetrics fm = p.fontMetrics();
  const QString left = QStringLiteral("%1 %2").arg(low_text).arg(scale.low, 0, 'f', 2);
  const QString right = QStringLiteral("%1 %2").arg(scale.high, 0, 'f', 2).arg(high_text);
  const double bar_w = 110.0;
  const double w = fm.horizontalAdvance(left) + fm.horizontalAdvance(right) + bar_w + 32.0;
  const double h = fm.height() + 10.0;
  const QRectF box(pane.left() + 6, pane.bottom() - h - 6, w, h);
  p.save();
  p.fillRect(box, QColor(0, 0, 0, 170));
  p.setPen(Qt::white);
  const QRectF left_rect(box.left() + 6, box.top(), fm.horizontalAdvance(left), h);
  p.drawText(left_rect, Qt::AlignVCenter | Qt::AlignLeft, left);
  const QRectF bar(left_rect.right() + 10, box.center().y() - 5, bar_w, 10);
  // The gradient over a neutral grey, as the overlay sits over the picture.
  p.fillRect(bar, QColor(128, 128, 128));
  QLinearGradient gradient(bar.topLeft(), bar.topRight());
  for (int i = 0; i <= 8; ++i)
    gradient.setColorAt(i / 8.0, confidenceColour(float(i) / 8.f));
  p.fillRect(bar, gradient);
  p.setPen(QColor(220, 220, 220));
  p.drawRect(bar);
  p.setPen(Qt::white);
  p.drawText(QRectF(bar.right() + 10, box.top(), fm.horizontalAdvance(right), h),
             Qt::AlignVCenter | Qt::AlignLeft, right);
  p.restore();
  return box;
}

}  // namespace cf::ui
