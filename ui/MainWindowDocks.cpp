// MainWindow: dockable panels and the status bar.

#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>

#include "FailuresPanel.h"
#include "GradePanel.h"
#include "JobPanel.h"
#include "MainWindow.h"
#include "SettingsPanel.h"

namespace cf::ui {
namespace {

/// A vertical scroll area as wide as its contents need: the dock grows to fit the panel in every
/// language, so no field is pushed out of sight sideways (issue #16: German text pushed the λ
/// box and the Clear button out of the Settings dock). It follows the panel's layout changes.
class FitWidthScrollArea : public QScrollArea {
 public:
  explicit FitWidthScrollArea(QWidget* parent) : QScrollArea(parent) {
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidgetResizable(true);
  }
  void setPanel(QWidget* panel) {
    setWidget(panel);
    panel->installEventFilter(this);
  }
  QSize minimumSizeHint() const override {
    const QSize base = QScrollArea::minimumSizeHint();
    if (!widget())
      return base;
    const int width = widget()->minimumSizeHint().width() + 2 * frameWidth() +
                      verticalScrollBar()->sizeHint().width();
    return {std::max(base.width(), width), base.height()};
  }
  QSize sizeHint() const override {
    const QSize base = QScrollArea::sizeHint();
    return {std::max(base.width(), minimumSizeHint().width()), base.height()};
  }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
      updateGeometry();
    return QScrollArea::eventFilter(watched, event);
  }
};

}  // namespace

void MainWindow::createDocks() {
  settings_panel_ = new SettingsPanel(&project_, this);
  auto* scroll = new FitWidthScrollArea(this);
  scroll->setPanel(settings_panel_);
  settings_dock_ = new QDockWidget(this);
  settings_dock_->setObjectName("settingsDock");
  settings_dock_->setWidget(scroll);
  addDockWidget(Qt::RightDockWidgetArea, settings_dock_);

  // The shot's grade, a tab next to the settings (it is what a user reaches for after them).
  grade_panel_ = new GradePanel(&project_, this);
  auto* grade_scroll = new FitWidthScrollArea(this);
  grade_scroll->setPanel(grade_panel_);
  grade_dock_ = new QDockWidget(this);
  grade_dock_->setObjectName("gradeDock");
  grade_dock_->setWidget(grade_scroll);
  addDockWidget(Qt::RightDockWidgetArea, grade_dock_);
  tabifyDockWidget(settings_dock_, grade_dock_);
  settings_dock_->raise();

  failures_panel_ = new FailuresPanel(this);
  failures_dock_ = new QDockWidget(this);
  failures_dock_->setObjectName("failuresDock");
  failures_dock_->setWidget(failures_panel_);
  addDockWidget(Qt::RightDockWidgetArea, failures_dock_);

  job_panel_ = new JobPanel(this);
  job_dock_ = new QDockWidget(this);
  job_dock_->setObjectName("jobDock");
  job_dock_->setWidget(job_panel_);
  addDockWidget(Qt::RightDockWidgetArea, job_dock_);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (arrange_docks_) {
    arrange_docks_ = false;
    // After the first layout pass, when the docks have their real sizes.
    QTimer::singleShot(0, this, &MainWindow::arrangeDocks);
  }
}

void MainWindow::arrangeDocks() {
  // Left to Qt, the column splits by size hints: the Jobs dock's job list asks for as much as the
  // settings, and the settings end up showing three rows at 1440x900 with the Jobs dock half
  // empty. Jobs gets what its bars need, Settings up to half the column, Failures the rest.
  const int column = settings_dock_->height() + failures_dock_->height() + job_dock_->height();
  if (column <= 0 || settings_dock_->isFloating() || failures_dock_->isFloating() ||
      job_dock_->isFloating())
    return;
  const int chrome = settings_dock_->height() - settings_dock_->widget()->height();  // title, tabs
  const int jobs =
      job_panel_->minimumSizeHint().height() + job_dock_->height() - job_dock_->widget()->height();
  const int settings = std::min(settings_panel_->sizeHint().height() + chrome, (column - jobs) / 2);
  const int failures =
      std::max(column - jobs - settings, failures_panel_->minimumSizeHint().height());
  resizeDocks({settings_dock_, failures_dock_, job_dock_}, {settings, failures, jobs},
              Qt::Vertical);
}

void MainWindow::createStatusBar() {
  frame_label_ = new QLabel(this);
  frame_label_->setObjectName("frameLabel");
  analysis_label_ = new QLabel(this);
  device_label_ = new QLabel(this);
  statusBar()->addPermanentWidget(analysis_label_);
  statusBar()->addPermanentWidget(frame_label_);
  statusBar()->addPermanentWidget(device_label_);
}

}  // namespace cf::ui
