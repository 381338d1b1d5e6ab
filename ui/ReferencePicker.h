#pragma once
// The eyedropper of the hint tool (issue #15): shows a shot's reference image; a click picks the
// colour under the pointer (averaged over a few pixels, so grain does not decide it).

#include <QDialog>
#include <QImage>

class QLabel;

namespace cf::ui {

class ReferencePicker : public QDialog {
  Q_OBJECT
 public:
  /// The image is shown at most this large (logical pixels).
  static constexpr int kMaxSidePx = 720;

  explicit ReferencePicker(const QString& image_path, QWidget* parent = nullptr);
  /// The picked colour; invalid until a click.
  QColor colour() const { return colour_; }
  /// The colour at image point (x, y) in 0..1 (a 5x5 average); invalid outside the image.
  QColor colourAt(double x, double y) const;
  QLabel* imageLabel() const { return label_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QImage image_;
  QLabel* label_ = nullptr;
  QColor colour_;
};

}  // namespace cf::ui
