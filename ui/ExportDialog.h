#pragma once
// Export dialog: container/codec or image sequence (DPX/TIFF/PNG) and bit depth, quality, range
// (all or in/out), audio passthrough (on by default), output file, and a progress bar with ETA and
// a cancel button. The dialog builds a typed ExportRequest; the engine thread runs it and reports
// back through the slots.

#include <QDialog>

#include "MetaTypes.h"
#include "ProjectFile.h"
#include "common/Eta.h"
#include "pipeline/SessionTypes.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QToolButton;

namespace cf::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ExportDialog(QWidget* parent = nullptr);

  /// The opened video: proposes an output path next to it and enables the in/out range if set.
  void setSource(const QString& source_path, qint64 frame_count, bool has_audio, qint64 in_frame,
                 qint64 out_frame);
  pipeline::ExportRequest request() const;
  /// The project's export settings: shown with setExportSettings(), read back on export.
  void setExportSettings(const ExportSettings& settings);
  ExportSettings exportSettings() const;

  void setOutputPath(const QString& path);
  QString outputPath() const;
  void setCodec(pipeline::ExportCodec codec);
  void setUseInOut(bool use);
  bool isRunning() const { return running_; }
  static QString extensionFor(pipeline::ExportCodec codec);
  /// "_%06d" for the image sequences (one file per frame), empty for videos.
  static QString numberSuffixFor(pipeline::ExportCodec codec);

  QPushButton* exportButton() const { return export_button_; }
  QPushButton* cancelButton() const { return cancel_button_; }
  QCheckBox* audioCheck() const { return audio_; }
  QLabel* statusLabel() const { return status_; }

 public Q_SLOTS:
  void setProgress(qint64 done, qint64 total);
  void setFinished(bool ok, const QString& message);
  /// Starts the export (as if the Export button were pressed).
  void startExport();
  /// Closing while an export runs cancels it instead.
  void reject() override;

 Q_SIGNALS:
  void exportRequested(const cf::pipeline::ExportRequest& request);
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  /// The range and audio texts, which depend on the source.
  void updateSourceTexts();
  void onCodecChanged();
  void browse();
  void setRunning(bool running);

  QFormLayout* form_ = nullptr;
  QHBoxLayout* range_row_ = nullptr;
  QHBoxLayout* out_row_ = nullptr;
  QToolButton* browse_ = nullptr;
  bool has_audio_ = true;
  QComboBox* codec_ = nullptr;
  QComboBox* depth_ = nullptr;
  QSpinBox* quality_ = nullptr;
  QRadioButton* range_all_ = nullptr;
  QRadioButton* range_in_out_ = nullptr;
  QCheckBox* audio_ = nullptr;
  QLineEdit* output_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* export_button_ = nullptr;
  QPushButton* cancel_button_ = nullptr;
  QPushButton* close_button_ = nullptr;
  qint64 frame_count_ = 0;
  qint64 in_frame_ = -1;
  qint64 out_frame_ = -1;
  bool running_ = false;
  Eta eta_;
};

}  // namespace cf::ui
