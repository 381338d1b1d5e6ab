#pragma once
// A one-line progress bar with rate and ETA on stderr, redrawn at most a few times a second.
// While it lives, log messages (qWarning and the chromaflow.* categories) first end the bar's
// line, so a message never runs on after the bar; the bar is drawn again on the next update.

#include <QElapsedTimer>
#include <QString>
#include <cstdint>
#include <mutex>
#include <string>

#include "common/CancelToken.h"
#include "common/Eta.h"
#include "common/Progress.h"

namespace cf::app {

class ConsoleProgress {
 public:
  explicit ConsoleProgress(QString unit = QStringLiteral("frames"));
  ~ConsoleProgress();
  ConsoleProgress(const ConsoleProgress&) = delete;
  ConsoleProgress& operator=(const ConsoleProgress&) = delete;
  /// Callback for core functions.
  ProgressFn callback();
  void update(const ProgressUpdate& u);
  /// Ends the line.
  void finish();
  /// Ends the bar's line when one is drawn (before other text goes to stderr).
  void breakLine();

 private:
  std::mutex mutex_;  ///< progress comes from the stage threads, log messages from any thread
  QString unit_;
  Eta eta_;
  QElapsedTimer since_draw_;
  QElapsedTimer since_start_;
  bool drawn_ = false;
  std::string stage_;
};

/// Installs a SIGINT/SIGTERM/SIGHUP handler that cancels `token` (the first signal) and returns the
/// token; a second signal ends the program at once.
CancelToken installInterruptHandler();

}  // namespace cf::app
