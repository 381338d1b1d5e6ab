#pragma once
// File › Cache…: the disk cache of the network's output and the optical flows. Shows its size for
// the open video and in total, clears either, sets a size limit (the least recently used videos'
// folders are deleted beyond it) and moves the cache folder. The work is pipeline/CacheManager.h;
// the limit is an app setting (QSettings, kept by MainWindow) and the folder is the project's
// cache_dir setting, both reported through signals.

#include <QDialog>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cf::ui {

class CacheDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CacheDialog(QWidget* parent = nullptr);

  /// `root`: the cache folder; `video_folders`: the open video's cache folders (none: no video);
  /// `limit_mib`: the size limit, 0 = none.
  void setCache(const QString& root, const std::vector<std::string>& video_folders,
                qint64 limit_mib);
  /// Measures the sizes again.
  void refresh();
  /// Moves the cache to `folder` (what Move… does once a folder is chosen); false, with the
  /// reason shown, when it fails.
  bool moveTo(const QString& folder);
  QString root() const { return root_; }
  qint64 limitMiB() const;

  QLabel* videoLabel() const { return video_label_; }
  QLabel* totalLabel() const { return total_label_; }
  QLabel* statusLabel() const { return status_; }
  QPushButton* clearVideoButton() const { return clear_video_; }
  QPushButton* clearAllButton() const { return clear_all_; }
  QSpinBox* limitBox() const { return limit_; }

 Q_SIGNALS:
  /// The user changed the limit (already applied to the cache).
  void limitChanged(qint64 limit_mib);
  /// The cache now lives in `root`; the engine must reopen its caches there.
  void rootMoved(const QString& root);
  /// Entries were deleted; the engine recomputes what it needs.
  void cleared();

 private:
  void clearVideo();
  void clearAll();
  void applyLimit();
  void browseMove();

  QString root_;
  std::vector<std::string> video_folders_;
  QLabel* video_label_ = nullptr;
  QLabel* total_label_ = nullptr;
  QLineEdit* folder_ = nullptr;
  QSpinBox* limit_ = nullptr;
  QPushButton* clear_video_ = nullptr;
  QPushButton* clear_all_ = nullptr;
  QPushButton* move_ = nullptr;
  QLabel* status_ = nullptr;
};

}  // namespace cf::ui
