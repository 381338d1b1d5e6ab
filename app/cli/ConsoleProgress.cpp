#include "ConsoleProgress.h"

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "common/CancelToken.h"

namespace cf::app {

namespace {
// The bar that log messages must not run into, and the handler they went to before it.
ConsoleProgress* g_active_bar = nullptr;
QtMessageHandler g_previous_handler = nullptr;

void messageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (g_active_bar)
    g_active_bar->breakLine();
  if (g_previous_handler)
    g_previous_handler(type, context, message);
}
}  // namespace

ConsoleProgress::ConsoleProgress(QString unit) : unit_(std::move(unit)) {
  since_start_.start();
  g_active_bar = this;
  g_previous_handler = qInstallMessageHandler(messageHandler);
}

ConsoleProgress::~ConsoleProgress() {
  qInstallMessageHandler(g_previous_handler);
  g_active_bar = nullptr;
}

void ConsoleProgress::breakLine() {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_)
    std::fputs("\n", stderr);
  drawn_ = false;
}

ProgressFn ConsoleProgress::callback() {
  return [this](const ProgressUpdate& u) { update(u); };
}

void ConsoleProgress::update(const ProgressUpdate& u) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (u.stage != stage_) {  // the next stage: its own rate, its own ETA
    if (drawn_)
      std::fputs("\n", stderr);
    drawn_ = false;
    stage_ = u.stage;  // Eta starts the stage's own estimate itself (a new total or count)
    since_start_.start();
  }
  eta_.update(u.done, u.total);
  const bool last = u.total > 0 && u.done >= u.total;
  if (drawn_ && since_draw_.isValid() && since_draw_.elapsed() < 250 && !last)
    return;
  since_draw_.start();
  drawn_ = true;
  const double fraction = u.total > 0 ? double(u.done) / double(u.total) : 0.0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(fraction * kWidth);
  const QString bar =
      QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char('-'));
  const double elapsed_s = since_start_.elapsed() / 1000.0;
  const double rate = elapsed_s > 0 ? u.done / elapsed_s : 0.0;
  const auto left = eta_.secondsLeft();
  const QString line =
      QStringLiteral("\r%1 [%2] %3/%4 %5, %6/s, ETA %7   ")
          .arg(QString::fromStdString(u.stage).leftJustified(8), bar)
          .arg(u.done)
          .arg(u.total)
          .arg(unit_)
          .arg(rate, 0, 'f', 1)
          .arg(left ? QString::fromStdString(Eta::format(*left)) : QStringLiteral("--:--"));
  std::fputs(line.toLocal8Bit().constData(), stderr);
  std::fflush(stderr);
}

void ConsoleProgress::finish() {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_)
    std::fputs("\n", stderr);
  drawn_ = false;
}

namespace {
// The one piece of global state a signal handler needs: the flag it sets.
CancelToken* g_interrupt_token = nullptr;
volatile std::sig_atomic_t g_interrupts = 0;

extern "C" void onInterrupt(int) {
  if (++g_interrupts > 1)
    _exit(130);
  if (g_interrupt_token)
    g_interrupt_token->cancel();
  const char msg[] = "\ninterrupted: stopping cleanly (press Ctrl-C again to quit at once)\n";
  (void)!write(STDERR_FILENO, msg, sizeof msg - 1);
}
}  // namespace

CancelToken installInterruptHandler() {
  static CancelToken token;
  g_interrupt_token = &token;
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  std::signal(SIGHUP, onInterrupt);  // the terminal closed: stop cleanly too
  return token;
}

}  // namespace cf::app
