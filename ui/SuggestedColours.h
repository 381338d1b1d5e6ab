#pragma once
// The colour chooser of the hint tool (issue #15): a small popup with the model's six most likely
// colours at the clicked pixel (Zhang et al. 2017's suggested colours, from the classification
// head; Session::suggestedColours), "Other colour…" (a QColorDialog) and "Pick from the
// reference…" (an eyedropper on the shot's reference image, when it has one). The swatches arrive
// from the engine a moment after the popup opens.

#include <QColor>
#include <QFrame>
#include <QVector>

#include "MetaTypes.h"

class QLabel;
class QPushButton;
class QToolButton;

namespace cf::ui {

class SuggestedColours : public QFrame {
  Q_OBJECT
 public:
  static constexpr int kSwatches = 6;

  explicit SuggestedColours(QWidget* parent = nullptr);

  /// Opens at `global_pos`, waiting for suggestions; `reference_path`: the shot's reference
  /// image for the eyedropper (empty: none); `current`: the colour the "Other colour…" dialog
  /// starts from.
  void open(const QPoint& global_pos, const QString& reference_path, const QColor& current);
  void setSuggestions(const SuggestedColourList& colours);
  /// The model cannot suggest (e.g. no classification head): says so, keeps the other choices.
  void setUnavailable(const QString& message);
  QToolButton* swatch(int index) const { return swatches_[index]; }
  QColor swatchColour(int index) const { return colours_.value(index); }

 Q_SIGNALS:
  void colourChosen(const QColor& colour);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void choose(const QColor& colour);

  QLabel* title_ = nullptr;
  QLabel* status_ = nullptr;
  QVector<QToolButton*> swatches_;
  QVector<QColor> colours_;
  QPushButton* other_ = nullptr;
  QPushButton* eyedropper_ = nullptr;
  QString reference_path_;
  QColor current_;
  bool waiting_ = false;
};

}  // namespace cf::ui
