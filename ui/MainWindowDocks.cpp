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
  settings_panel_ = new SettingsPanel(&project_, this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(settings_panel_);
  scroll->setWidgetResizable(true);
  settings_dock_ = new QDockWidget(this);
  settings_dock_->setObjectName("settingsDock");
  settings_dock_->setWidget(scroll);
  addDockWidget(Qt::RightDockWidgetArea, settings_dock_);

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

void MainWindow::createStatusBar() {
  frame_label_ = new QLabel(this);
  analysis_label_ = new QLabel(this);
  device_label_ = new QLabel(this);
  statusBar()->addPermanentWidget(analysis_label_);
  statusBar()->addPermanentWidget(frame_label_);
  statusBar()->addPermanentWidget(device_label_);
}

}  // namespace cf::ui
