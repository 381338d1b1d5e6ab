#include "CacheDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "pipeline/CacheManager.h"

namespace cf::ui {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}  // namespace

CacheDialog::CacheDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("cacheDialog"));
  setWindowTitle(tr("Cache"));
  auto* form = new QFormLayout;
  video_label_ = new QLabel(this);
  total_label_ = new QLabel(this);
  clear_video_ = new QPushButton(tr("Clear"), this);
  clear_video_->setToolTip(
      tr("Delete the cached network output and optical flows of this video; "
         "they are computed again when needed"));
  clear_all_ = new QPushButton(tr("Clear all"), this);
  clear_all_->setToolTip(tr("Delete the cache of every video"));
  auto* video_row = new QHBoxLayout;
  video_row->addWidget(video_label_, 1);
  video_row->addWidget(clear_video_);
  auto* total_row = new QHBoxLayout;
  total_row->addWidget(total_label_, 1);
  total_row->addWidget(clear_all_);
  form->addRow(tr("This video:"), video_row);
  form->addRow(tr("All videos:"), total_row);
  limit_ = new QSpinBox(this);
  limit_->setRange(0, 10 * 1024 * 1024);
  limit_->setSingleStep(1024);
  limit_->setSuffix(QStringLiteral(" MiB"));  // a unit symbol, the same in every language
  limit_->setSpecialValueText(tr("No limit"));
  limit_->setToolTip(tr("Beyond this size the least recently used videos' caches are deleted"));
  form->addRow(tr("Size limit:"), limit_);
  folder_ = new QLineEdit(this);
  folder_->setReadOnly(true);
  move_ = new QPushButton(tr("Move…"), this);
  move_->setToolTip(tr("Move the cache, with everything in it, to another folder"));
  auto* folder_row = new QHBoxLayout;
  folder_row->addWidget(folder_, 1);
  folder_row->addWidget(move_);
  form->addRow(tr("Cache folder:"), folder_row);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(clear_video_, &QPushButton::clicked, this, &CacheDialog::clearVideo);
  connect(clear_all_, &QPushButton::clicked, this, &CacheDialog::clearAll);
  connect(limit_, &QSpinBox::editingFinished, this, &CacheDialog::applyLimit);
  connect(move_, &QPushButton::clicked, this, &CacheDialog::browseMove);
}

void CacheDialog::setCache(const QString& root, const std::vector<std::string>& video_folders,
                           qint64 limit_mib) {
  root_ = root;
  video_folders_ = video_folders;
  folder_->setText(root);
  const QSignalBlocker block(limit_);
  limit_->setValue(int(std::clamp<qint64>(limit_mib, 0, limit_->maximum())));
  status_->clear();
  refresh();
}

qint64 CacheDialog::limitMiB() const {
  return limit_->value();
}

void CacheDialog::refresh() {
  const pipeline::CacheUsage u = pipeline::measureCache(root_.toStdString(), video_folders_);
  const QLocale locale;
  video_label_->setText(video_folders_.empty() ? tr("no video open")
                                               : locale.formattedDataSize(u.video_bytes));
  clear_video_->setEnabled(!video_folders_.empty() && u.video_bytes > 0);
  total_label_->setText(tr("%1 in %n folder(s)", nullptr, int(u.folders.size()))
                            .arg(locale.formattedDataSize(u.total_bytes)));
  clear_all_->setEnabled(u.total_bytes > 0);
}

void CacheDialog::clearVideo() {
  for (const std::string& folder : video_folders_)
    if (Status s = pipeline::clearCacheFolder(folder); !s) {
      status_->setText(QString::fromStdString(s.message()));
      refresh();
      return;
    }
  status_->setText(tr("The cache of this video was cleared."));
  refresh();
  Q_EMIT cleared();
}

void CacheDialog::clearAll() {
  if (Status s = pipeline::clearCache(root_.toStdString()); !s)
    status_->setText(QString::fromStdString(s.message()));
  else
    status_->setText(tr("The cache was cleared."));
  refresh();
  Q_EMIT cleared();
}

void CacheDialog::applyLimit() {
  const qint64 limit = limitMiB();
  auto freed = pipeline::enforceCacheLimit(root_.toStdString(), limit * kMiB, video_folders_);
  if (!freed)
    status_->setText(QString::fromStdString(freed.message()));
  else if (*freed > 0)
    status_->setText(
        tr("%1 of least recently used caches deleted.").arg(QLocale().formattedDataSize(*freed)));
  refresh();
  Q_EMIT limitChanged(limit);
}

bool CacheDialog::moveTo(const QString& folder) {
  if (Status s = pipeline::moveCache(root_.toStdString(), folder.toStdString()); !s) {
    status_->setText(QString::fromStdString(s.message()));
    refresh();
    return false;
  }
  for (std::string& f : video_folders_)  // the same folder names, under the new root
    f = QDir(folder).filePath(QFileInfo(QString::fromStdString(f)).fileName()).toStdString();
  root_ = folder;
  folder_->setText(folder);
  refresh();
  status_->setText(tr("The cache was moved to %1.").arg(folder));
  Q_EMIT rootMoved(folder);
  return true;
}

void CacheDialog::browseMove() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Move the cache to"), root_);
  if (!folder.isEmpty())
    moveTo(folder);
}

}  // namespace cf::ui
