#pragma once
// Settings dock: model, temperature, working height, device (with the detected one), smoothing
// lambda (slider + numeric entry, emitted while dragging), flow method, failure thresholds, and
// undoable per-shot overrides of lambda / temperature (QUndoStack).

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
class QUndoStack;

namespace cf::ui {

class ShotOverrides;

class SettingsPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr double kLambdaSliderMax = 20.0;
  static constexpr int kLambdaSliderSteps = 400;
  static constexpr int kSettleDelayMs = 300;

  SettingsPanel(QUndoStack* undo_stack, ShotOverrides* overrides, QWidget* parent = nullptr);

  pipeline::SessionSettings settings() const;
  /// Shows `settings` without emitting any signal.
  void setSettings(const pipeline::SessionSettings& settings);
  double lambda() const;
  void setDetectedDevice(const QString& device_name);
  /// The shot under the playhead; `first_frame` < 0 when no video is open.
  void setCurrentShot(qint64 first_frame, qint64 last_frame);
  qint64 currentShotFirstFrame() const { return shot_first_; }

  QSlider* lambdaSlider() const { return lambda_slider_; }
  QDoubleSpinBox* lambdaSpin() const { return lambda_spin_; }
  QDoubleSpinBox* temperatureSpin() const { return temperature_; }

 public Q_SLOTS:
  void overrideLambdaForShot();
  void overrideTemperatureForShot();
  void clearShotOverride();

 Q_SIGNALS:
  /// Emitted on every slider step while dragging, so the preview follows the handle.
  void lambdaChanged(double lambda);
  /// Emitted once the other settings settle (debounced), never for lambda alone.
  void settingsChanged(const cf::pipeline::SessionSettings& settings);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
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
  void browseModel();

  QUndoStack* undo_stack_ = nullptr;
  ShotOverrides* overrides_ = nullptr;
  QGroupBox* model_box_ = nullptr;
  QGroupBox* smoothing_box_ = nullptr;
  QGroupBox* threshold_box_ = nullptr;
  QGroupBox* shot_box_ = nullptr;
  QFormLayout* model_form_ = nullptr;
  QFormLayout* smoothing_form_ = nullptr;
  QFormLayout* threshold_form_ = nullptr;
  QLayout* model_row_ = nullptr;
  QToolButton* browse_model_ = nullptr;
  QString detected_name_;
  QLineEdit* model_path_ = nullptr;
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
  QString last_model_path_;
};

}  // namespace cf::ui
