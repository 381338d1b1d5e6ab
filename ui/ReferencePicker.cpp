#include "ReferencePicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>

namespace cf::ui {

ReferencePicker::ReferencePicker(const QString& image_path, QWidget* parent)
    : QDialog(parent), image_(image_path) {
  setObjectName(QStringLiteral("referencePicker"));
  setWindowTitle(tr("Pick a colour from the reference image"));
  auto* layout = new QVBoxLayout(this);
  auto* hint =
      new QLabel(image_.isNull() ? tr("The reference image %1 could not be read.").arg(image_path)
                                 : tr("Click the colour to use."),
                 this);
  hint->setWordWrap(true);
  label_ = new QLabel(this);
  label_->setObjectName(QStringLiteral("referenceImage"));
  label_->setCursor(Qt::CrossCursor);
  if (!image_.isNull())
    label_->setPixmap(QPixmap::fromImage(
        image_.scaled(kMaxSidePx, kMaxSidePx, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
  label_->installEventFilter(this);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(hint);
  layout->addWidget(label_);
  layout->addWidget(buttons);
}

QColor ReferencePicker::colourAt(double x, double y) const {
  if (image_.isNull() || x < 0.0 || x > 1.0 || y < 0.0 || y > 1.0)
    return {};
  const int cx = std::clamp(int(x * image_.width()), 0, image_.width() - 1);
  const int cy = std::clamp(int(y * image_.height()), 0, image_.height() - 1);
  double r = 0, g = 0, b = 0;
  int n = 0;
  for (int yy = std::max(0, cy - 2); yy <= std::min(image_.height() - 1, cy + 2); ++yy)
    for (int xx = std::max(0, cx - 2); xx <= std::min(image_.width() - 1, cx + 2); ++xx) {
      const QColor c = image_.pixelColor(xx, yy);
      r += c.red();
      g += c.green();
      b += c.blue();
      ++n;
    }
  return QColor(int(r / n + 0.5), int(g / n + 0.5), int(b / n + 0.5));
}

bool ReferencePicker::eventFilter(QObject* watched, QEvent* event) {
  if (watched == label_ && event->type() == QEvent::MouseButtonPress && label_->pixmap().width()) {
    const QPointF pos = static_cast<QMouseEvent*>(event)->position();
    const QSize shown = label_->pixmap().deviceIndependentSize().toSize();
    // The pixmap is centred vertically and left-aligned in the label.
    const double top = (label_->height() - shown.height()) / 2.0;
    colour_ = colourAt(pos.x() / shown.width(), (pos.y() - top) / shown.height());
    if (colour_.isValid())
      accept();
    return true;
  }
  return QDialog::eventFilter(watched, event);
}

}  // namespace cf::ui
