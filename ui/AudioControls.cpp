#include "AudioControls.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace cf::ui {

AudioControls::AudioControls(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  mute_ = new QToolButton(this);
  mute_->setObjectName(QStringLiteral("muteButton"));
  mute_->setCheckable(true);
  mute_->setAutoRaise(true);
  volume_ = new QSlider(Qt::Horizontal, this);
  volume_->setObjectName(QStringLiteral("volumeSlider"));
  volume_->setRange(0, 100);
  volume_->setValue(100);
  volume_->setFixedWidth(90);
  layout->addWidget(mute_);
  layout->addWidget(volume_);
  connect(mute_, &QToolButton::toggled, this, [this](bool muted) {
    mute_->setIcon(
        style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    Q_EMIT mutedChanged(muted);
  });
  connect(volume_, &QSlider::valueChanged, this,
          [this](int v) { Q_EMIT volumeChanged(v / 100.0); });
  mute_->setIcon(style()->standardIcon(QStyle::SP_MediaVolume));
  setAvailable(false);
  retranslateUi();
}

void AudioControls::setAvailable(bool available, const QString& why_not) {
  available_ = available;
  why_not_ = why_not;
  mute_->setEnabled(available);
  volume_->setEnabled(available);
  retranslateUi();
}

bool AudioControls::isMuted() const {
  return mute_->isChecked();
}

double AudioControls::volume() const {
  return volume_->value() / 100.0;
}

void AudioControls::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void AudioControls::retranslateUi() {
  mute_->setText(tr("Mute"));
  mute_->setToolTip(available_ ? tr("Mute the preview's sound (playback keeps its timing)")
                               : (why_not_.isEmpty() ? tr("No sound") : why_not_));
  volume_->setToolTip(tr("Volume of the preview's sound, in per cent"));
  volume_->setAccessibleName(tr("Volume"));
}

}  // namespace cf::ui
