#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace cf::ui {

using cf::VideoCodec;

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent) {
  // Texts are set in retranslateUi().
  auto* layout = new QVBoxLayout(this);
  form_ = new QFormLayout;
  auto* form = form_;
  codec_ = new QComboBox(this);
  codec_->addItem(QStringLiteral("MP4 / H.264"), int(VideoCodec::H264));
  codec_->addItem(QStringLiteral("MKV / H.265"), int(VideoCodec::H265));
  codec_->addItem(QString(), int(VideoCodec::FFV1));
  codec_->addItem(QStringLiteral("MOV / ProRes"), int(VideoCodec::ProRes));
  codec_->addItem(QString(), int(VideoCodec::DpxSequence));
  codec_->addItem(QString(), int(VideoCodec::TiffSequence));
  codec_->addItem(QString(), int(VideoCodec::PngSequence));
  form->addRow(new QLabel(this), codec_);
  depth_ = new QComboBox(this);
  depth_->addItem(QString(), 0);
  for (const int bits : {8, 10, 12, 16})
    depth_->addItem(QString::number(bits), bits);
  form->addRow(new QLabel(this), depth_);
  quality_ = new QSpinBox(this);
  quality_->setRange(0, 51);
  quality_->setValue(18);
  form->addRow(new QLabel(this), quality_);
  range_row_ = new QHBoxLayout;
  range_all_ = new QRadioButton(this);
  range_in_out_ = new QRadioButton(this);
  range_all_->setChecked(true);
  range_row_->addWidget(range_all_);
  range_row_->addWidget(range_in_out_);
  form->addRow(new QLabel(this), range_row_);
  audio_ = new QCheckBox(this);
  audio_->setChecked(true);
  form->addRow(new QLabel(this), audio_);
  out_row_ = new QHBoxLayout;
  output_ = new QLineEdit(this);
  browse_ = new QToolButton(this);
  browse_->setText(QStringLiteral("…"));
  auto* browse = browse_;
  out_row_->addWidget(output_, 1);
  out_row_->addWidget(browse);
  form->addRow(new QLabel(this), out_row_);
  layout->addLayout(form);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  export_button_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  cancel_button_ = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
  close_button_ = buttons->addButton(QDialogButtonBox::Close);
  layout->addWidget(buttons);
  connect(export_button_, &QPushButton::clicked, this, &ExportDialog::startExport);
  connect(cancel_button_, &QPushButton::clicked, this, [this] {
    cancel_button_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
    Q_EMIT cancelRequested();
  });
  connect(close_button_, &QPushButton::clicked, this, &ExportDialog::reject);
  connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
  connect(codec_, &QComboBox::currentIndexChanged, this, &ExportDialog::onCodecChanged);
  setRunning(false);
  onCodecChanged();
  retranslateUi();
}

void ExportDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QDialog::changeEvent(event);
}

void ExportDialog::retranslateUi() {
  const auto label = [this](auto* field, const QString& text) {
    if (auto* l = qobject_cast<QLabel*>(form_->labelForField(field)))
      l->setText(text);
  };
  setWindowTitle(tr("Export colourised video"));
  codec_->setItemText(codec_->findData(int(VideoCodec::FFV1)), tr("MKV / FFV1 (lossless)"));
  codec_->setItemText(codec_->findData(int(VideoCodec::DpxSequence)),
                      tr("Image sequence / %1").arg(QStringLiteral("DPX")));
  codec_->setItemText(codec_->findData(int(VideoCodec::TiffSequence)),
                      tr("Image sequence / %1").arg(QStringLiteral("TIFF")));
  codec_->setItemText(codec_->findData(int(VideoCodec::PngSequence)),
                      tr("Image sequence / %1").arg(QStringLiteral("PNG")));
  label(codec_, tr("Format"));
  codec_->setToolTip(
      tr("Container and video codec of the exported file; FFV1 is lossless and "
         "large, ProRes suits editing software"));
  depth_->setItemText(0, tr("As the source"));
  label(depth_, tr("Bit depth"));
  depth_->setToolTip(
      tr("Bits per colour channel of the output; \"As the source\" keeps the "
         "source's depth (10 bits or more suit archive masters)"));
  quality_->setToolTip(tr("Constant rate factor: lower is better and larger; 18 looks lossless"));
  label(quality_, tr("Quality (CRF, 0-51)"));
  range_all_->setText(tr("Whole video"));
  label(range_row_, tr("Range"));
  range_all_->setToolTip(tr("Export every frame of the video"));
  range_in_out_->setToolTip(tr("Export only the frames between the in and out points"));
  label(audio_, tr("Audio"));
  audio_->setToolTip(tr("Copy the source's sound into the export, unchanged"));
  browse_->setToolTip(tr("Choose where to save"));
  output_->setToolTip(
      tr("The file the colourised video is written to (it appears only once the "
         "export has finished)"));
  label(out_row_, tr("Output file"));
  export_button_->setText(tr("Export"));
  cancel_button_->setText(tr("Cancel export"));
  updateSourceTexts();
}

void ExportDialog::updateSourceTexts() {
  const bool has_range = in_frame_ >= 0 || out_frame_ >= 0;
  range_in_out_->setText(has_range ? tr("In/out range (frames %1-%2)")
                                         .arg(std::max<qint64>(0, in_frame_))
                                         .arg(out_frame_ >= 0 ? out_frame_ : frame_count_ - 1)
                                   : tr("In/out range (set with I and O)"));
  audio_->setText(has_audio_ ? tr("Keep the original sound")
                             : tr("Keep the original sound (the source has none)"));
}

QString ExportDialog::numberSuffixFor(VideoCodec codec) {
  const bool sequence = codec == VideoCodec::DpxSequence || codec == VideoCodec::TiffSequence ||
                        codec == VideoCodec::PngSequence;
  return sequence ? QStringLiteral("_%06d") : QString();
}

QString ExportDialog::extensionFor(VideoCodec codec) {
  switch (codec) {
    case VideoCodec::H265:
    case VideoCodec::FFV1:
      return QStringLiteral("mkv");
    case VideoCodec::ProRes:
      return QStringLiteral("mov");
    case VideoCodec::DpxSequence:
      return QStringLiteral("dpx");
    case VideoCodec::TiffSequence:
      return QStringLiteral("tif");
    case VideoCodec::PngSequence:
      return QStringLiteral("png");
    case VideoCodec::H264:
      break;
  }
  return QStringLiteral("mp4");
}

QString ExportDialog::defaultFolder(const QString& last_folder) {
  if (!last_folder.isEmpty()) {
    const QFileInfo last(last_folder);
    if (last.isDir() && last.isWritable())
      return last.absoluteFilePath();
  }
  const QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
  if (!videos.isEmpty() && QDir().mkpath(videos) && QFileInfo(videos).isWritable())
    return videos;
  return QDir::homePath();
}

void ExportDialog::setOutputFolder(const QString& folder) {
  output_folder_ = folder;
}

void ExportDialog::setSource(const QString& source_path, qint64 frame_count, bool has_audio,
                             qint64 in_frame, qint64 out_frame) {
  frame_count_ = frame_count;
  in_frame_ = in_frame;
  out_frame_ = out_frame;
  has_audio_ = has_audio;
  const bool has_range = in_frame >= 0 || out_frame >= 0;
  range_in_out_->setEnabled(has_range);
  if (!has_range)
    range_all_->setChecked(true);
  audio_->setEnabled(has_audio);
  audio_->setChecked(has_audio);
  updateSourceTexts();
  const QFileInfo info(source_path);
  const auto codec = VideoCodec(codec_->currentData().toInt());
  // The suffix is part of a file name, not interface text: the same in every language.
  const QString folder = output_folder_.isEmpty() ? defaultFolder(QString()) : output_folder_;
  output_->setText(QDir(folder).filePath(info.completeBaseName() + QStringLiteral("_colour") +
                                         numberSuffixFor(codec) + QLatin1Char('.') +
                                         extensionFor(codec)));
  progress_->setValue(0);
  status_->clear();
}

pipeline::ExportRequest ExportDialog::request() const {
  pipeline::ExportRequest r;
  r.output_path = output_->text().trimmed().toStdString();
  r.codec = VideoCodec(codec_->currentData().toInt());
  r.quality_crf = quality_->value();
  r.bit_depth = depth_->currentData().toInt();
  r.keep_audio = audio_->isEnabled() && audio_->isChecked();
  if (range_in_out_->isChecked() && range_in_out_->isEnabled()) {
    r.first_frame = std::max<qint64>(0, in_frame_);
    r.last_frame = out_frame_ >= 0 ? out_frame_ : -1;
  }
  return r;
}

void ExportDialog::setExportSettings(const ExportSettings& settings) {
  setCodec(settings.codec);
  quality_->setValue(settings.quality_crf);
  if (audio_->isEnabled())
    audio_->setChecked(settings.keep_audio);
  setUseInOut(settings.use_in_out);
  depth_->setCurrentIndex(std::max(0, depth_->findData(settings.bit_depth)));
}

ExportSettings ExportDialog::exportSettings() const {
  ExportSettings e;
  e.codec = VideoCodec(codec_->currentData().toInt());
  e.quality_crf = quality_->value();
  e.keep_audio = audio_->isEnabled() ? audio_->isChecked() : true;
  e.use_in_out = range_in_out_->isEnabled() ? range_in_out_->isChecked() : true;
  e.bit_depth = depth_->currentData().toInt();
  return e;
}

void ExportDialog::setOutputPath(const QString& path) {
  output_->setText(path);
}

QString ExportDialog::outputPath() const {
  return output_->text().trimmed();
}

void ExportDialog::setCodec(VideoCodec codec) {
  codec_->setCurrentIndex(codec_->findData(int(codec)));
}

void ExportDialog::setUseInOut(bool use) {
  (use && range_in_out_->isEnabled() ? range_in_out_ : range_all_)->setChecked(true);
}

void ExportDialog::onCodecChanged() {
  const auto codec = VideoCodec(codec_->currentData().toInt());
  const bool crf = codec == VideoCodec::H264 || codec == VideoCodec::H265;
  quality_->setEnabled(crf);
  depth_->setEnabled(codec != VideoCodec::ProRes);  // ProRes is always 10-bit
  QString path = output_->text();
  if (!path.isEmpty()) {
    const QFileInfo info(path);
    QString base = info.completeBaseName();
    base.remove(QRegularExpression(QStringLiteral("_?%0?\\d*d$")));  // a sequence's frame number
    output_->setText(info.dir().filePath(base + numberSuffixFor(codec) + QLatin1Char('.') +
                                         extensionFor(codec)));
  }
}

void ExportDialog::browse() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), outputPath(),
                                                    tr("Video files (*.mp4 *.mkv *.mov)"));
  if (!path.isEmpty())
    output_->setText(path);
}

void ExportDialog::startExport() {
  if (running_)
    return;
  if (outputPath().isEmpty()) {
    status_->setText(tr("Choose an output file first."));
    return;
  }
  eta_ = Eta();
  eta_.newStage();
  progress_->setValue(0);
  status_->setText(tr("Exporting…"));
  setRunning(true);
  Q_EMIT exportRequested(request());
}

void ExportDialog::setProgress(qint64 done, qint64 total) {
  if (!running_ || total <= 0)
    return;
  eta_.update(done, total);
  progress_->setValue(int(1000.0 * double(done) / double(total)));
  const auto left = eta_.secondsLeft();
  status_->setText(left ? tr("Frame %1 of %2, ETA %3")
                              .arg(done)
                              .arg(total)
                              .arg(QString::fromStdString(Eta::format(*left)))
                        : tr("Frame %1 of %2").arg(done).arg(total));
}

void ExportDialog::setFinished(bool ok, const QString& message) {
  setRunning(false);
  if (ok)
    progress_->setValue(1000);
  status_->setText(message);
}

void ExportDialog::setRunning(bool running) {
  running_ = running;
  export_button_->setEnabled(!running);
  cancel_button_->setEnabled(running);
  codec_->setEnabled(!running);
  depth_->setEnabled(!running && VideoCodec(codec_->currentData().toInt()) != VideoCodec::ProRes);
  output_->setEnabled(!running);
}

void ExportDialog::reject() {
  if (running_) {
    cancel_button_->click();  // closing a running export cancels it first
    return;
  }
  QDialog::reject();
}

}  // namespace cf::ui
