#pragma once
// The Grade dock: the grading of the shot under the playhead -- saturation, white balance
// (temperature and tint) and a hue-range remap ("make these reds blue") -- as labelled sliders.
// A view of the Project: every move is an undoable edit of the shot's grade (one undo step per
// slider drag), the preview follows live, and the export applies the same grade (color/Grade.h).

#include <QWidget>

#include "color/Grade.h"

class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;

namespace cf::ui {

class Project;

class GradePanel : public QWidget {
  Q_OBJECT
 public:
  explicit GradePanel(Project* project, QWidget* parent = nullptr);

  /// The shot under the playhead; `first_frame` < 0 when no video is open.
  void setCurrentShot(qint64 first_frame, qint64 last_frame);
  /// What the sliders show.
  color::Grade grade() const;

  QSlider* saturationSlider() const { return saturation_; }
  QSlider* temperatureSlider() const { return temperature_; }
  QSlider* tintSlider() const { return tint_; }
  QGroupBox* hueRemapBox() const { return remap_box_; }
  QSlider* hueFromSlider() const { return hue_from_; }
  QSlider* hueToSlider() const { return hue_to_; }
  QSlider* hueTargetSlider() const { return hue_target_; }
  QSlider* softnessSlider() const { return softness_; }
  QPushButton* resetButton() const { return reset_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QSlider* addSliderRow(QFormLayout* form, int min, int max, int value);
  void retranslateUi();
  void showGrade();
  void updateValueTexts();
  void onEdited();

  Project* project_ = nullptr;
  QLabel* shot_label_ = nullptr;
  QFormLayout* form_ = nullptr;
  QFormLayout* remap_form_ = nullptr;
  QGroupBox* remap_box_ = nullptr;
  QSlider* saturation_ = nullptr;
  QSlider* temperature_ = nullptr;
  QSlider* tint_ = nullptr;
  QSlider* hue_from_ = nullptr;
  QSlider* hue_to_ = nullptr;
  QSlider* hue_target_ = nullptr;
  QSlider* softness_ = nullptr;
  QPushButton* reset_ = nullptr;
  qint64 shot_first_ = -1;
  qint64 shot_last_ = -1;
  bool loading_ = false;
};

}  // namespace cf::ui
