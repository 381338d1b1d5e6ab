#include "GuideProgress.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace cf::ui {

GuideProgress::GuideProgress(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("guideProgress"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  bar_ = new QProgressBar(this);
  bar_->setRange(0, 1000);
  layout->addWidget(label_);
  layout->addWidget(bar_);
  hide();
}

void GuideProgress::setProgress(qint64 done, qint64 total) {
  if (total <= 0) {
    hide();
    return;
  }
  label_->setText(tr("Keyframe colour: propagating through the shot"));
  bar_->setValue(int(1000.0 * double(std::min(done, total)) / double(total)));
  show();
}

void GuideProgress::setShotReady(qint64 first, qint64 last) {
  label_->setText(tr("Keyframe colour of frames %1 to %2 is ready").arg(first).arg(last));
  bar_->setValue(1000);
  show();
}

}  // namespace cf::ui
