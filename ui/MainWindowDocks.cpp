// MainWindow: dockable panels and the status bar.

#include <QDockWidget>
#include <QLabel>
#include <QScrollArea>
#include <QStatusBar>

#include "FailuresPanel.h"
#include "JobPanel.h"
#include "MainWindow.h"
#include "SettingsPanel.h"

namespace cf::ui {

void MainWindow::createDocks() {
  settings_panel_ = new SettingsPanel(&undo_stack_, &overrides_, this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(settings_panel_);
  scroll->setWidgetResizable(true);
  auto* settings_dock = new QDockWidget(tr("Settings"), this);
  settings_dock->setObjectName("settingsDock");
  settings_dock->setWidget(scroll);
  addDockWidget(Qt::RightDockWidgetArea, settings_dock);

  failures_panel_ = new FailuresPanel(this);
  auto* failures_dock = new QDockWidget(tr("Failures"), this);
  failures_dock->setObjectName("failuresDock");
  failures_dock->setWidget(failures_panel_);
  addDockWidget(Qt::RightDockWidgetArea, failures_dock);

  job_panel_ = new JobPanel(this);
  auto* job_dock = new QDockWidget(tr("Job"), this);
  job_dock->setObjectName("jobDock");
  job_dock->setWidget(job_panel_);
  addDockWidget(Qt::RightDockWidgetArea, job_dock);
}

void MainWindow::createStatusBar() {
  frame_label_ = new QLabel(this);
  analysis_label_ = new QLabel(this);
  device_label_ = new QLabel(this);
  statusBar()->addPermanentWidget(analysis_label_);
  statusBar()->addPermanentWidget(frame_label_);
  statusBar()->addPermanentWidget(device_label_);
  statusBar()->showMessage(tr("Open a black-and-white video to start (Ctrl+O or drop a file)"));
}

}  // namespace cf::ui
