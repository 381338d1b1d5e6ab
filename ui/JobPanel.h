#pragma once
// Job dock: what the engine is doing, with a progress bar, ETA and a cancel button.

#include <QElapsedTimer>
#include <QWidget>

#include "common/Eta.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace cf::ui {

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

 Q_SIGNALS:
  void cancelRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  QLabel* title_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* eta_label_ = nullptr;
  QPushButton* cancel_ = nullptr;
  Eta eta_;
  bool running_ = false;
  bool has_job_ = false;
};

}  // namespace cf::ui
