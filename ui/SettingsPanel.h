#pragma once
// Settings dock: a view of the Project's settings -- model, temperature, working height, device
// (with the detected one), smoothing lambda (slider + numeric entry; the project follows while
// dragging, one undo step per drag), flow method, failure thresholds, and per-shot overrides of
// lambda / temperature. Every edit goes to the Project as an undoable command; the panel shows
// whatever the project holds (after an undo, an open, ...).

#include <QWidget>

#include "MetaTypes.h"
#include "pipeline/SessionTypes.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

namespace cf::ui {

class Project;

class SettingsPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kLambdaSliderMax = 20.0;
  static constexpr int kLambdaSliderSteps = 400;
  static constexpr int kSettleDelayMs = 300;

  explicit SettingsPanel(Project* project, QWidget* parent = nullptr);

  /// What the fields show (the project's settings once the debounce has passed).
  pipeline::SessionSettings settings() const;
  double lambda() const;
  /// The device the network runs on (SessionInfo::device_in_use; Auto: not known yet).
  void setDetectedDevice(DeviceChoice device_in_use, int cpu_threads);
  /// The shot under the playhead; `first_frame` < 0 when no video is open.
  void setCurrentShot(qint64 first_frame, qint64 last_frame);
  qint64 currentShotFirstFrame() const { return shot_first_; }

  QSlider* lambdaSlider() const { return lambda_slider_; }
  QDoubleSpinBox* lambdaSpin() const { return lambda_spin_; }
  QDoubleSpinBox* temperatureSpin() const { return temperature_; }
  QComboBox* modelChoice() const { return model_choice_; }

 public Q_SLOTS:
  void overrideLambdaForShot();
  void overrideTemperatureForShot();
  void clearShotOverride();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  /// Shows `settings` without editing the project.
  void showSettings(const pipeline::SessionSettings& settings);
  void showLambda(double lambda);
  static void setRowLabel(QFormLayout* form, QWidget* field, const QString& text);
  static void setRowLabel(QFormLayout* form, QLayout* field, const QString& text);
  QWidget* buildModelGroup();
  QWidget* buildSmoothingGroup();
  QWidget* buildThresholdGroup();
  QWidget* buildShotGroup();
  void scheduleSettingsChanged();
  void onSliderMoved(int value);
  void onSpinChanged(double value);
  void refreshShotLabel();
  /// "Other file…": a file dialog; a file that is not a model keeps the current choice.
  void browseModel();
  void onModelActivated(int index);
  /// Lists the shipped model, the installed ones, `path` when it is none of them, and
  /// "Other file…"; selects `path`.
  void fillModelChoices(const QString& path);
  void selectModel(const QString& path);
  QString chosenModelPath() const;

  Project* project_ = nullptr;
  QGroupBox* model_box_ = nullptr;
  QGroupBox* smoothing_box_ = nullptr;
  QGroupBox* threshold_box_ = nullptr;
  QGroupBox* shot_box_ = nullptr;
  QFormLayout* model_form_ = nullptr;
  QFormLayout* smoothing_form_ = nullptr;
  QFormLayout* threshold_form_ = nullptr;
  QLayout* lambda_row_ = nullptr;
  DeviceChoice detected_ = DeviceChoice::Auto;
  int detected_threads_ = 0;
  QComboBox* model_choice_ = nullptr;  ///< never editable: a model is chosen, not typed
  QDoubleSpinBox* temperature_ = nullptr;
  QSpinBox* working_height_ = nullptr;
  QComboBox* device_ = nullptr;
  QLabel* detected_device_ = nullptr;
  QSlider* lambda_slider_ = nullptr;
  QDoubleSpinBox* lambda_spin_ = nullptr;
  QComboBox* flow_method_ = nullptr;
  std::vector<QDoubleSpinBox*> threshold_spins_;
  QLabel* shot_label_ = nullptr;
  QPushButton* shot_lambda_ = nullptr;
  QPushButton* shot_temperature_ = nullptr;
  QPushButton* shot_clear_ = nullptr;
  QTimer* settle_timer_ = nullptr;
  qint64 shot_first_ = -1;
  qint64 shot_last_ = -1;
  bool loading_ = false;
  std::string cache_dir_;
  QString model_path_;  ///< the model chosen now (empty: the shipped one)
};

}  // namespace cf::ui
