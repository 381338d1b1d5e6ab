#pragma once
// Jobs dock (after Shotcut's Jobs panel): at the top what the editor's engine is doing (opening a
// video, with a progress bar, ETA and a cancel button), below it one row per export job of the
// JobQueue with its progress, ETA, a Cancel button and an Open Folder button.

#include <QElapsedTimer>
#include <QWidget>
#include <map>

#include "common/Eta.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace cf::ui {

class JobQueue;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(QWidget* parent = nullptr);

  void startJob(const QString& title);
  void setProgress(qint64 done, qint64 total, const QString& stage);
  void finishJob(const QString& message);
  bool isRunning() const { return running_; }
  /// "ETA 0:42" or empty while unknown.
  QString etaText() const;
  QPushButton* cancelButton() const { return cancel_; }

  /// Shows the jobs of `queue` (one row each, updated as they run).
  void setQueue(JobQueue* queue);
  /// The row widgets of a job: "jobCancel" / "jobOpenFolder" buttons, "jobProgress" bar.
  QWidget* jobRow(int id) const;

 Q_SIGNALS:
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct JobRow {
    QWidget* widget = nullptr;
    QLabel* title = nullptr;
    QProgressBar* bar = nullptr;
    QLabel* status = nullptr;
    QPushButton* cancel = nullptr;
    QPushButton* open_folder = nullptr;
  };
  void retranslateUi();
  void addJobRow(int id);
  void updateJobRow(int id);
  QLabel* title_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* eta_label_ = nullptr;
  QPushButton* cancel_ = nullptr;
  Eta eta_;
  bool running_ = false;
  bool has_job_ = false;
  JobQueue* queue_ = nullptr;
  QVBoxLayout* jobs_layout_ = nullptr;
  QLabel* jobs_header_ = nullptr;
  std::map<int, JobRow> rows_;
};

}  // namespace cf::ui
