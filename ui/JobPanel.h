#pragma once
// Jobs dock (after Shotcut's Jobs panel): at the top what the editor's engine is doing (opening a
// video, with a progress bar, ETA and a cancel button), below it one row per export job of the
// JobQueue with its progress, ETA, a Cancel button and an Open Folder button. Between them, the
// background analysis of the open video with its progress and ETA.

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
struct JobStatus;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(QWidget* parent = nullptr);

  void startJob(const QString& title);
  /// The editor's background analysis: `analysed` of `total` frames, with its own ETA.
  void setAnalysisProgress(qint64 analysed, qint64 total);
  QProgressBar* analysisBar() const { return analysis_bar_; }
  QLabel* analysisLabel() const { return analysis_label_; }
  /// Adds a row of the editor's engine work under the analysis (e.g. keyframe colour).
  void addEngineRow(QWidget* row);
  /// Shows an export job's state on its bar: its progress while running, the export stage's
  /// progress with "Cancelled" or "Failed" when it stopped early (a finished scan stage is not a
  /// full bar), 100 % only when done.
  static void showJobProgress(const JobStatus& job, QProgressBar* bar);
  void setProgress(qint64 done, qint64 total, const QString& stage);
  /// `completed`: false when the job failed or was cancelled (the bar is not shown full).
  void finishJob(const QString& message, bool completed = true);
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
  QLabel* analysis_label_ = nullptr;
  QProgressBar* analysis_bar_ = nullptr;
  Eta analysis_eta_;
  qint64 analysed_ = -1;
  qint64 analysis_total_ = 0;
  bool running_ = false;
  bool has_job_ = false;
  JobQueue* queue_ = nullptr;
  QVBoxLayout* jobs_layout_ = nullptr;
  QLabel* jobs_header_ = nullptr;
  std::map<int, JobRow> rows_;
};

}  // namespace cf::ui
