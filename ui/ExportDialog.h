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

  /// Where exports go by default: `last_folder` (the folder of the last export) when it is still
  /// a writable folder, else the user's Videos folder (QStandardPaths::MoviesLocation, created
  /// when missing), else the home folder. Never the source's folder, often a read-only archive.
  static QString defaultFolder(const QString& last_folder);
  /// The folder setSource() proposes the output in (see defaultFolder()); empty: defaultFolder("").
  void setOutputFolder(const QString& folder);

  /// The opened video: proposes "<name>_colour.<ext>" in the output folder and enables the
  /// in/out range if set.
  void setSource(const QString& source_path, qint64 frame_count, bool has_audio, qint64 in_frame,
                 qint64 out_frame);
  pipeline::ExportRequest request() const;
  /// The project's export settings: shown with setExportSettings(), read back on export.
  void setExportSettings(const ExportSettings& settings);
  ExportSettings exportSettings() const;

  void setOutputPath(const QString& path);
  QString outputPath() const;
  void setCodec(cf::VideoCodec codec);
  void setUseInOut(bool use);
  bool isRunning() const { return running_; }
  static QString extensionFor(cf::VideoCodec codec);
  /// "_%06d" for the image sequences (one file per frame), empty for videos.
  static QString numberSuffixFor(cf::VideoCodec codec);

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
  QString output_folder_;
  qint64 frame_count_ = 0;
  qint64 in_frame_ = -1;
  qint64 out_frame_ = -1;
  bool running_ = false;
  Eta eta_;
};

}  // namespace cf::ui
