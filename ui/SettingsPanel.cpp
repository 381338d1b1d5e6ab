#include "SettingsPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "CoreText.h"
#include "Project.h"
#include "model/ModelContainer.h"
#include "pipeline/ModelLocator.h"

namespace cf::ui {
namespace {

struct ThresholdSpec {
  const char* label;    // translated in retranslateUi
  const char* tooltip;  // translated in retranslateUi
  double analysis::FailureThresholds::*member;
  double min;
  double max;
  double step;
};

const ThresholdSpec kThresholds[] = {
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Sepia (share of chroma, 0-1)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag a frame as sepia when more than this share of its colour lies in "
                       "the orange-brown hue band"),
     &analysis::FailureThresholds::sepia_fraction, 0.0, 1.0, 0.05},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Minimum colourfulness (0-100)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag a frame as washed out when its colourfulness (Hasler-Süsstrunk) is "
                       "below this value"),
     &analysis::FailureThresholds::min_colorfulness, 0.0, 100.0, 1.0},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Low-confidence area (share, 0-1)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag a frame when more than this share of it has a model confidence "
                       "below 0.2"),
     &analysis::FailureThresholds::low_confidence_area, 0.0, 1.0, 0.05},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Flicker (× shot median)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag a frame when its colour flicker is this many times the median "
                       "flicker of its shot"),
     &analysis::FailureThresholds::flicker_ratio, 1.0, 20.0, 0.5},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Motion (share of width, 0-1)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag heavy motion when the mean movement between frames exceeds this "
                       "share of the frame width"),
     &analysis::FailureThresholds::motion_fraction, 0.0, 1.0, 0.01},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Occluded area (share, 0-1)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Flag heavy motion when this share of the frame is hidden or revealed "
                       "between frames (an outlier in its shot)"),
     &analysis::FailureThresholds::occluded_fraction, 0.0, 1.0, 0.05},
    {QT_TRANSLATE_NOOP("cf::ui::SettingsPanel", "Outlier z-score (0 = off)"),
     QT_TRANSLATE_NOOP("cf::ui::SettingsPanel",
                       "Also flag a frame whose measures stand out from the rest of its shot by "
                       "more than this robust z-score; 0 turns it off"),
     &analysis::FailureThresholds::robust_z, 0.0, 20.0, 0.5},
};

}  // namespace

SettingsPanel::SettingsPanel(Project* project, QWidget* parent)
    : QWidget(parent), project_(project) {
  settle_timer_ = new QTimer(this);
  settle_timer_->setSingleShot(true);
  settle_timer_->setInterval(kSettleDelayMs);
  connect(settle_timer_, &QTimer::timeout, this, [this] { project_->setSettings(settings()); });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(buildModelGroup());
  layout->addWidget(buildSmoothingGroup());
  layout->addWidget(buildShotGroup());
  layout->addWidget(buildThresholdGroup());
  layout->addStretch(1);
  connect(project_, &Project::overridesChanged, this, &SettingsPanel::refreshShotLabel);
  connect(project_, &Project::settingsChanged, this,
          [this](const pipeline::SessionSettings& s) { showSettings(s); });
  connect(project_, &Project::projectReset, this, [this] {
    showSettings(project_->settings());
    refreshShotLabel();
  });
  connect(project_, &Project::lambdaChanged, this, &SettingsPanel::showLambda);
  retranslateUi();
  showSettings(project_->settings());
  setCurrentShot(-1, -1);
}

void SettingsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void SettingsPanel::setRowLabel(QFormLayout* form, QWidget* field, const QString& text) {
  if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
    label->setText(text);
}

void SettingsPanel::setRowLabel(QFormLayout* form, QLayout* field, const QString& text) {
  if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
    label->setText(text);
}

void SettingsPanel::retranslateUi() {
  model_box_->setTitle(tr("Model"));
  fillModelChoices(model_path_);
  setRowLabel(model_form_, model_choice_, tr("Model"));
  model_choice_->setToolTip(
      tr("The colourisation model: the shipped one, one installed in a "
         "models folder, or any model file"));
  // 0 means "the model's own temperature" (from its card); the spin box says so.
  temperature_->setSpecialValueText(tr("Model default"));
  temperature_->setToolTip(
      tr("Annealed-mean temperature of classification heads: lower gives "
         "bolder colours, higher gives safer, duller ones"));
  setRowLabel(model_form_, temperature_, tr("Temperature (0-2)"));
  setRowLabel(model_form_, working_height_, tr("Working height (px)"));
  working_height_->setToolTip(
      tr("Height the network works at; the colours are upsampled to the full frame"));
  device_->setItemText(0, tr("Automatic"));
  setRowLabel(model_form_, device_, tr("Device"));
  device_->setToolTip(tr("Where the network runs: Automatic uses a CUDA GPU when there is one"));
  setRowLabel(model_form_, detected_device_, tr("In use"));
  detected_device_->setToolTip(tr("The device the network actually runs on"));
  setDetectedDevice(detected_, detected_threads_);

  smoothing_box_->setTitle(tr("Temporal smoothing"));
  lambda_slider_->setToolTip(
      tr("Smoothing strength λ: 0 is off; higher values remove more "
         "flicker but can smear colours across motion"));
  lambda_spin_->setToolTip(lambda_slider_->toolTip());
  setRowLabel(smoothing_form_, lambda_row_, tr("Smoothing λ"));
  flow_method_->setToolTip(
      tr("How motion between frames is measured for the smoothing: DIS is "
         "fast, TV-L1 is the most accurate"));
  flow_method_->setItemText(0, tr("DIS (fast)"));
  flow_method_->setItemText(2, tr("TV-L1 (accurate, slow)"));
  setRowLabel(smoothing_form_, flow_method_, tr("Optical flow"));

  threshold_box_->setTitle(tr("Failure thresholds"));
  for (size_t i = 0; i < threshold_spins_.size(); ++i) {
    setRowLabel(threshold_form_, threshold_spins_[i], tr(kThresholds[i].label));
    threshold_spins_[i]->setToolTip(tr(kThresholds[i].tooltip));
  }

  shot_box_->setTitle(tr("Current shot"));
  shot_lambda_->setText(tr("Use this λ for the shot"));
  shot_temperature_->setText(tr("Use this temperature"));
  shot_clear_->setText(tr("Clear"));
  shot_lambda_->setToolTip(tr("Smooth the shot under the playhead with the λ above"));
  shot_temperature_->setToolTip(tr("Colour the shot under the playhead at the temperature above"));
  shot_clear_->setToolTip(tr("The shot under the playhead goes back to the global settings"));
  refreshShotLabel();
}

QWidget* SettingsPanel::buildModelGroup() {
  // Texts are set in retranslateUi().
  auto* box = new QGroupBox(this);
  model_box_ = box;
  auto* form = new QFormLayout(box);
  model_form_ = form;
  model_choice_ = new QComboBox(box);
  model_choice_->setObjectName(QStringLiteral("modelChoice"));
  model_choice_->setEditable(false);
  model_choice_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  model_choice_->setMinimumContentsLength(12);
  form->addRow(new QLabel(box), model_choice_);
  temperature_ = new QDoubleSpinBox(box);
  temperature_->setRange(0.0, 2.0);
  temperature_->setSingleStep(0.01);
  form->addRow(new QLabel(box), temperature_);
  working_height_ = new QSpinBox(box);
  working_height_->setRange(128, 1024);  // what the colour network accepts
  working_height_->setSingleStep(16);
  working_height_->setSuffix(QStringLiteral(" px"));
  form->addRow(new QLabel(box), working_height_);
  device_ = new QComboBox(box);
  device_->addItem(QString(), int(cf::DeviceChoice::Auto));
  device_->addItem(QStringLiteral("CPU"), int(cf::DeviceChoice::Cpu));
  device_->addItem(QStringLiteral("CUDA"), int(cf::DeviceChoice::Cuda));
  form->addRow(new QLabel(box), device_);
  detected_device_ = new QLabel(box);
  detected_device_->setWordWrap(true);
  form->addRow(new QLabel(box), detected_device_);
  // `activated`: only the user's choice applies a model, never a focus change.
  connect(model_choice_, &QComboBox::activated, this, &SettingsPanel::onModelActivated);
  connect(temperature_, &QDoubleSpinBox::valueChanged, this,
          &SettingsPanel::scheduleSettingsChanged);
  connect(working_height_, &QSpinBox::valueChanged, this, &SettingsPanel::scheduleSettingsChanged);
  connect(device_, &QComboBox::currentIndexChanged, this, &SettingsPanel::scheduleSettingsChanged);
  return box;
}

QWidget* SettingsPanel::buildSmoothingGroup() {
  auto* box = new QGroupBox(this);
  smoothing_box_ = box;
  auto* form = new QFormLayout(box);
  smoothing_form_ = form;
  auto* row = new QHBoxLayout;
  lambda_slider_ = new QSlider(Qt::Horizontal, box);
  lambda_slider_->setRange(0, kLambdaSliderSteps);
  lambda_slider_->setTracking(true);
  lambda_spin_ = new QDoubleSpinBox(box);
  lambda_spin_->setRange(0.0, 50.0);
  lambda_spin_->setSingleStep(0.01);
  lambda_spin_->setDecimals(2);
  lambda_row_ = row;
  row->addWidget(lambda_slider_, 1);
  row->addWidget(lambda_spin_);
  form->addRow(new QLabel(box), row);
  flow_method_ = new QComboBox(box);
  flow_method_->addItem(QString(), int(cf::FlowMethod::Dis));
  flow_method_->addItem(QStringLiteral("Farnebäck"), int(cf::FlowMethod::Farneback));
  flow_method_->addItem(QString(), int(cf::FlowMethod::TvL1));
  form->addRow(new QLabel(box), flow_method_);
  connect(lambda_slider_, &QSlider::valueChanged, this, &SettingsPanel::onSliderMoved);
  // One undo step per drag: the project merges the λ changes between press and release.
  connect(lambda_slider_, &QSlider::sliderPressed, project_, &Project::beginLambdaDrag);
  connect(lambda_slider_, &QSlider::sliderReleased, project_, &Project::endLambdaDrag);
  connect(lambda_spin_, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::onSpinChanged);
  connect(flow_method_, &QComboBox::currentIndexChanged, this,
          &SettingsPanel::scheduleSettingsChanged);
  return box;
}

QWidget* SettingsPanel::buildThresholdGroup() {
  auto* box = new QGroupBox(this);
  threshold_box_ = box;
  auto* form = new QFormLayout(box);
  threshold_form_ = form;
  for (const auto& spec : kThresholds) {
    auto* spin = new QDoubleSpinBox(box);
    spin->setRange(spec.min, spec.max);
    spin->setSingleStep(spec.step);
    spin->setDecimals(spec.step < 0.05 ? 3 : 2);
    form->addRow(new QLabel(box), spin);
    connect(spin, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::scheduleSettingsChanged);
    threshold_spins_.push_back(spin);
  }
  return box;
}

QWidget* SettingsPanel::buildShotGroup() {
  auto* box = new QGroupBox(this);
  shot_box_ = box;
  auto* layout = new QVBoxLayout(box);
  shot_label_ = new QLabel(box);
  shot_label_->setWordWrap(true);
  layout->addWidget(shot_label_);
  // One button per line: a row of three long labels (German) would not fit the dock.
  shot_lambda_ = new QPushButton(box);
  shot_temperature_ = new QPushButton(box);
  shot_clear_ = new QPushButton(box);
  layout->addWidget(shot_lambda_);
  layout->addWidget(shot_temperature_);
  layout->addWidget(shot_clear_);
  connect(shot_lambda_, &QPushButton::clicked, this, &SettingsPanel::overrideLambdaForShot);
  connect(shot_temperature_, &QPushButton::clicked, this,
          &SettingsPanel::overrideTemperatureForShot);
  connect(shot_clear_, &QPushButton::clicked, this, &SettingsPanel::clearShotOverride);
  return box;
}

pipeline::SessionSettings SettingsPanel::settings() const {
  pipeline::SessionSettings s;
  s.model_path = model_path_.toStdString();
  s.device = cf::DeviceChoice(device_->currentData().toInt());
  s.working_height_px = working_height_->value();
  s.temperature = temperature_->value();
  s.flow_method = cf::FlowMethod(flow_method_->currentData().toInt());
  s.lambda = lambda_spin_->value();
  s.cache_dir = cache_dir_;
  for (size_t i = 0; i < threshold_spins_.size(); ++i)
    s.thresholds.*kThresholds[i].member = threshold_spins_[i]->value();
  return s;
}

void SettingsPanel::showSettings(const pipeline::SessionSettings& s) {
  loading_ = true;
  const QSignalBlocker b1(lambda_slider_);
  const QSignalBlocker b2(lambda_spin_);
  selectModel(QString::fromStdString(s.model_path));
  device_->setCurrentIndex(device_->findData(int(s.device)));
  working_height_->setValue(s.working_height_px);
  temperature_->setValue(s.temperature);
  flow_method_->setCurrentIndex(flow_method_->findData(int(s.flow_method)));
  showLambda(s.lambda);
  cache_dir_ = s.cache_dir;
  for (size_t i = 0; i < threshold_spins_.size(); ++i)
    threshold_spins_[i]->setValue(s.thresholds.*kThresholds[i].member);
  loading_ = false;
  settle_timer_->stop();
}

void SettingsPanel::showLambda(double lambda) {
  const QSignalBlocker b1(lambda_slider_);
  const QSignalBlocker b2(lambda_spin_);
  lambda_spin_->setValue(lambda);
  if (!lambda_slider_->isSliderDown())  // do not pull the handle from under the mouse
    lambda_slider_->setValue(int(
        std::lround(std::min(lambda, kLambdaSliderMax) / kLambdaSliderMax * kLambdaSliderSteps)));
}

double SettingsPanel::lambda() const {
  return lambda_spin_->value();
}

void SettingsPanel::setDetectedDevice(DeviceChoice device_in_use, int cpu_threads) {
  detected_ = device_in_use;
  detected_threads_ = cpu_threads;
  detected_device_->setText(device_in_use == DeviceChoice::Auto
                                ? tr("(not known until a video is open)")
                                : translatedDevice(device_in_use, cpu_threads));
}

void SettingsPanel::scheduleSettingsChanged() {
  if (!loading_)
    settle_timer_->start();
}

void SettingsPanel::onSliderMoved(int value) {
  const double lambda = value * kLambdaSliderMax / kLambdaSliderSteps;
  {
    const QSignalBlocker block(lambda_spin_);
    lambda_spin_->setValue(lambda);
  }
  project_->setLambda(lambda);
}

void SettingsPanel::onSpinChanged(double value) {
  {
    const QSignalBlocker block(lambda_slider_);
    lambda_slider_->setValue(int(
        std::lround(std::min(value, kLambdaSliderMax) / kLambdaSliderMax * kLambdaSliderSteps)));
  }
  project_->setLambda(value);
}

void SettingsPanel::setCurrentShot(qint64 first_frame, qint64 last_frame) {
  shot_first_ = first_frame;
  shot_last_ = last_frame;
  refreshShotLabel();
}

void SettingsPanel::refreshShotLabel() {
  const bool has_shot = shot_first_ >= 0;
  shot_lambda_->setEnabled(has_shot);
  shot_temperature_->setEnabled(has_shot);
  if (!has_shot) {
    shot_label_->setText(tr("No video open"));
    shot_clear_->setEnabled(false);
    return;
  }
  const auto o = project_->shotOverride(shot_first_);
  shot_clear_->setEnabled(o.has_value());
  QString text = tr("Frames %1-%2").arg(shot_first_).arg(shot_last_);
  if (o && o->lambda)
    text += QLatin1Char('\n') + tr("λ %1 (override)").arg(*o->lambda, 0, 'f', 2);
  if (o && o->temperature)
    text += QLatin1Char('\n') + tr("Temperature %1 (override)").arg(*o->temperature, 0, 'f', 2);
  if (!o)
    text += QLatin1Char('\n') + tr("Uses the global settings");
  shot_label_->setText(text);
}

void SettingsPanel::overrideLambdaForShot() {
  if (shot_first_ >= 0)
    project_->setShotLambda(shot_first_, lambda());
}

void SettingsPanel::overrideTemperatureForShot() {
  if (shot_first_ >= 0)
    project_->setShotTemperature(shot_first_, temperature_->value());
}

void SettingsPanel::clearShotOverride() {
  if (shot_first_ >= 0)
    project_->clearShotOverride(shot_first_);
}

namespace {
constexpr int kOtherFileRole = Qt::UserRole + 1;  ///< true on the "Other file…" item
}  // namespace

void SettingsPanel::fillModelChoices(const QString& path) {
  const QSignalBlocker block(model_choice_);
  model_choice_->clear();
  model_choice_->addItem(tr("Shipped default model"), QString());
  model_choice_->setItemData(0, QString::fromStdString(pipeline::defaultModelPath()),
                             Qt::ToolTipRole);
  for (const std::string& p : pipeline::installedModels()) {
    const QString file = QString::fromStdString(p);
    model_choice_->addItem(QFileInfo(file).fileName(), file);
    model_choice_->setItemData(model_choice_->count() - 1, file, Qt::ToolTipRole);
  }
  model_choice_->insertSeparator(model_choice_->count());
  model_choice_->addItem(tr("Other file…"));
  model_choice_->setItemData(model_choice_->count() - 1, true, kOtherFileRole);
  model_choice_->setItemData(model_choice_->count() - 1,
                             tr("Choose a .cfmodel or TorchScript file anywhere"), Qt::ToolTipRole);
  selectModel(path);
}

void SettingsPanel::selectModel(const QString& path) {
  const QSignalBlocker block(model_choice_);
  model_path_ = path;
  for (int i = 0; i < model_choice_->count(); ++i) {
    const QVariant data = model_choice_->itemData(i);
    if (!model_choice_->itemData(i, kOtherFileRole).toBool() && data.isValid() &&
        data.toString() == path) {
      model_choice_->setCurrentIndex(i);
      return;
    }
  }
  // A model outside the model folders: listed by name, just above the separator.
  const int at = std::max(1, model_choice_->count() - 2);
  model_choice_->insertItem(at, QFileInfo(path).fileName(), path);
  model_choice_->setItemData(at, path, Qt::ToolTipRole);
  model_choice_->setCurrentIndex(at);
}

QString SettingsPanel::chosenModelPath() const {
  return model_path_;
}

void SettingsPanel::onModelActivated(int index) {
  if (model_choice_->itemData(index, kOtherFileRole).toBool()) {
    browseModel();
    return;
  }
  const QString path = model_choice_->itemData(index).toString();
  if (path == model_path_)
    return;
  model_path_ = path;
  scheduleSettingsChanged();
}

void SettingsPanel::browseModel() {
  const QString previous = model_path_;
  selectModel(previous);  // the list shows the model in use while the dialog is open
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Choose a model"), previous.isEmpty() ? QString() : QFileInfo(previous).path(),
      tr("Chromaflow or TorchScript models (*.cfmodel *.pt *.ts);;All files (*)"));
  if (path.isEmpty())
    return;
  if (const auto kind = model::detectModelFile(path); !kind.ok()) {
    // Not a model: say so in the window's words; the model in use (and its analysis) stays.
    auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Chromaflow"),
                                tr("\"%1\" is not a model Chromaflow can use. The current model "
                                   "stays in use.")
                                    .arg(QFileInfo(path).fileName()),
                                QMessageBox::Ok, this);
    box->setInformativeText(
        tr("Choose a Chromaflow model (.cfmodel) or a TorchScript model (.pt, .ts)."));
    box->setDetailedText(QString::fromStdString(kind.message()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("badModelBox"));
    box->open();
    return;
  }
  selectModel(path);
  scheduleSettingsChanged();
}

}  // namespace cf::ui
