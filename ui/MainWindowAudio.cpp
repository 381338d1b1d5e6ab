// MainWindow: the preview's sound (issue #16, feature 1). The source's audio plays while the
// video plays forward at normal speed, from the playhead; its clock drives the playhead, so the
// picture stays within a frame of the sound. Mute and volume sit in the status bar.

#include <QStatusBar>

#include "AudioControls.h"
#include "AudioPlayback.h"
#include "MainWindow.h"
#include "SessionController.h"

namespace cf::ui {

void MainWindow::setupAudio() {
  audio_ = new AudioPlayback(this);
  audio_controls_ = new AudioControls(this);
  statusBar()->addPermanentWidget(audio_controls_);
  connect(audio_controls_, &AudioControls::mutedChanged, audio_, &AudioPlayback::setMuted);
  connect(audio_controls_, &AudioControls::volumeChanged, audio_, &AudioPlayback::setVolume);
  playback_.setClock([this] { return audio_->positionS(); });
  connect(engine_, &SessionController::opened, this, [this](const pipeline::SessionInfo& info) {
    audio_->close();
    if (!info.has_audio) {
      audio_controls_->setAvailable(false, tr("This video has no sound"));
      return;
    }
    const bool ready = audio_->open(QString::fromStdString(info.path));
    audio_controls_->setAvailable(ready, audio_->lastError());
  });
  auto follow = [this] {
    // Sound only at normal forward speed; from wherever the playhead is now.
    if (playback_.speed() == 1 && audio_->hasSound())
      audio_->start(double(playback_.frame()) / playback_.fps());
    else
      audio_->stop();
  };
  connect(&playback_, &PlaybackController::speedChanged, this, follow);
  connect(&playback_, &PlaybackController::movedWhilePlaying, this, follow);
  connect(audio_, &AudioPlayback::failed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
}

}  // namespace cf::ui
