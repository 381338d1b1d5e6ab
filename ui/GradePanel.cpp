#include "GradePanel.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "Project.h"

namespace cf::ui {

namespace {

/// The value label that sits right of a slider (its buddy is the slider).
QLabel* valueLabel(QSlider* slider) {
  return slider->property("valueLabel").value<QLabel*>();
}

/// What a new hue remap starts with: reds (Lab hue 10..70 degrees) to blue.
color::HueRemap defaultRemap() {
  color::HueRemap r;
  r.source_from_deg = 10.0;
  r.source_to_deg = 70.0;
  r.target_deg = 280.0;
  r.softness_deg = 20.0;
  return r;
}

}  // namespace

GradePanel::GradePanel(Project* project, QWidget* parent) : QWidget(parent), project_(project) {
  auto* layout = new QVBoxLayout(this);
  shot_label_ = new QLabel(this);
  shot_label_->setWordWrap(true);
  layout->addWidget(shot_label_);
  form_ = new QFormLayout;
  saturation_ = addSliderRow(form_, 0, int(color::Grade::kMaxSaturation * 100), 100);
  const int wb = int(color::Grade::kMaxWhiteBalance);
  temperature_ = addSliderRow(form_, -wb, wb, 0);
  tint_ = addSliderRow(form_, -wb, wb, 0);
  layout->addLayout(form_);
  remap_box_ = new QGroupBox(this);
  remap_box_->setCheckable(true);
  remap_box_->setChecked(false);
  remap_form_ = new QFormLayout(remap_box_);
  const color::HueRemap r = defaultRemap();
  hue_from_ = addSliderRow(remap_form_, 0, 359, int(r.source_from_deg));
  hue_to_ = addSliderRow(remap_form_, 0, 359, int(r.source_to_deg));
  hue_target_ = addSliderRow(remap_form_, 0, 359, int(r.target_deg));
  softness_ = addSliderRow(remap_form_, 0, 90, int(r.softness_deg));
  layout->addWidget(remap_box_);
  reset_ = new QPushButton(this);
  layout->addWidget(reset_);
  layout->addStretch(1);
  connect(remap_box_, &QGroupBox::toggled, this, &GradePanel::onEdited);
  connect(reset_, &QPushButton::clicked, this, [this] {
    if (shot_first_ >= 0)
      project_->setShotGrade(shot_first_, color::Grade{});
  });
  connect(project_, &Project::overridesChanged, this, &GradePanel::showGrade);
  connect(project_, &Project::projectReset, this, &GradePanel::showGrade);
  retranslateUi();
  setCurrentShot(-1, -1);
}

QSlider* GradePanel::addSliderRow(QFormLayout* form, int min, int max, int value) {
  auto* slider = new QSlider(Qt::Horizontal, this);
  slider->setRange(min, max);
  slider->setValue(value);
  slider->setPageStep(std::max(1, (max - min) / 20));
  auto* value_label = new QLabel(this);
  value_label->setMinimumWidth(
      value_label->fontMetrics().horizontalAdvance(QStringLiteral("-000 %")));
  value_label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  slider->setProperty("valueLabel", QVariant::fromValue(value_label));
  auto* row = new QHBoxLayout;
  row->addWidget(slider, 1);
  row->addWidget(value_label);
  form->addRow(new QLabel(this), row);
  connect(slider, &QSlider::valueChanged, this, &GradePanel::onEdited);
  // One undo step per drag (the project merges the changes between press and release).
  connect(slider, &QSlider::sliderPressed, project_, &Project::beginGradeDrag);
  connect(slider, &QSlider::sliderReleased, project_, &Project::endGradeDrag);
  return slider;
}

void GradePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void GradePanel::retranslateUi() {
  const auto row = [](QFormLayout* form, QSlider* slider, const QString& label,
                      const QString& tip) {
    for (int r = 0; r < form->rowCount(); ++r) {
      QLayoutItem* field = form->itemAt(r, QFormLayout::FieldRole);
      if (field && field->layout() && field->layout()->indexOf(slider) >= 0)
        if (auto* l = qobject_cast<QLabel*>(form->itemAt(r, QFormLayout::LabelRole)->widget()))
          l->setText(label);
    }
    slider->setToolTip(tip);
    valueLabel(slider)->setToolTip(tip);
  };
  row(form_, saturation_, tr("Saturation (%)"),
      tr("How colourful the shot is: 0 % is grey, 100 % unchanged, 300 % three times as strong"));
  row(form_, temperature_, tr("Temperature (b*)"),
      tr("White balance: to the right warmer (yellow), to the left cooler (blue), in Lab b* "
         "units"));
  row(form_, tint_, tr("Tint (a*)"),
      tr("White balance: to the right magenta, to the left green, in Lab a* units"));
  remap_box_->setTitle(tr("Hue remap"));
  remap_box_->setToolTip(tr("Move one range of hues to another hue, e.g. make these reds blue"));
  row(remap_form_, hue_from_, tr("From hue (°)"),
      tr("Start of the hue range to move (Lab hue angle: red about 40°, yellow 90°, green 135°, "
         "blue 280°)"));
  row(remap_form_, hue_to_, tr("To hue (°)"), tr("End of the hue range to move"));
  row(remap_form_, hue_target_, tr("Target hue (°)"),
      tr("The hue the middle of the range moves to"));
  row(remap_form_, softness_, tr("Softness (°)"),
      tr("Hues this close outside the range move part of the way, so edges do not band"));
  reset_->setText(tr("Reset the shot's grade"));
  reset_->setToolTip(tr("Back to the colours the model gave the shot"));
  setCurrentShot(shot_first_, shot_last_);
}

void GradePanel::setCurrentShot(qint64 first_frame, qint64 last_frame) {
  shot_first_ = first_frame;
  shot_last_ = last_frame;
  const bool has_shot = first_frame >= 0;
  setEnabled(has_shot);
  shot_label_->setText(
      has_shot ? tr("Grade of the shot at frames %1-%2").arg(first_frame).arg(last_frame)
               : tr("No video open"));
  showGrade();
}

color::Grade GradePanel::grade() const {
  color::Grade g;
  g.saturation = saturation_->value() / 100.0;
  g.temperature = temperature_->value();
  g.tint = tint_->value();
  if (remap_box_->isChecked()) {
    color::HueRemap r;
    r.source_from_deg = hue_from_->value();
    r.source_to_deg = hue_to_->value();
    r.target_deg = hue_target_->value();
    r.softness_deg = softness_->value();
    g.hue_remap = r;
  }
  return g;
}

void GradePanel::showGrade() {
  const color::Grade g = shot_first_ >= 0 ? project_->effectiveGrade(shot_first_) : color::Grade{};
  loading_ = true;
  for (QObject* o : std::initializer_list<QObject*>{saturation_, temperature_, tint_, hue_from_,
                                                    hue_to_, hue_target_, softness_, remap_box_})
    o->blockSignals(true);
  // A slider being dragged keeps its handle under the mouse.
  if (!saturation_->isSliderDown())
    saturation_->setValue(int(std::lround(g.saturation * 100.0)));
  if (!temperature_->isSliderDown())
    temperature_->setValue(int(std::lround(g.temperature)));
  if (!tint_->isSliderDown())
    tint_->setValue(int(std::lround(g.tint)));
  remap_box_->setChecked(g.hue_remap.has_value());
  const color::HueRemap r = g.hue_remap.value_or(defaultRemap());
  hue_from_->setValue(int(std::lround(r.source_from_deg)));
  hue_to_->setValue(int(std::lround(r.source_to_deg)));
  hue_target_->setValue(int(std::lround(r.target_deg)));
  softness_->setValue(int(std::lround(r.softness_deg)));
  for (QObject* o : std::initializer_list<QObject*>{saturation_, temperature_, tint_, hue_from_,
                                                    hue_to_, hue_target_, softness_, remap_box_})
    o->blockSignals(false);
  loading_ = false;
  updateValueTexts();
}

void GradePanel::updateValueTexts() {
  valueLabel(saturation_)->setText(tr("%1 %").arg(saturation_->value()));
  for (QSlider* s : {temperature_, tint_})
    valueLabel(s)->setText(s->value() > 0 ? QStringLiteral("+%1").arg(s->value())
                                          : QString::number(s->value()));
  for (QSlider* s : {hue_from_, hue_to_, hue_target_, softness_})
    valueLabel(s)->setText(QStringLiteral("%1°").arg(s->value()));
}

void GradePanel::onEdited() {
  updateValueTexts();
  if (loading_ || shot_first_ < 0)
    return;
  project_->setShotGrade(shot_first_, grade());
}

}  // namespace cf::ui
