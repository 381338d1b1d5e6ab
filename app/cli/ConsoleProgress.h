#pragma once
// A one-line progress bar with rate and ETA on stderr, redrawn at most a few times a second.

#include <QElapsedTimer>
#include <QString>
#include <cstdint>
#include <string>

#include "common/CancelToken.h"
#include "common/Eta.h"
#include "common/Progress.h"

namespace cf::app {

class ConsoleProgress {
 public:
  explicit ConsoleProgress(QString unit = QStringLiteral("frames"));
  /// Callback for core functions.
  ProgressFn callback();
  void update(const ProgressUpdate& u);
  /// Ends the line.
  void finish();

 private:
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
