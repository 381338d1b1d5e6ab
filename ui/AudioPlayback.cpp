#include "AudioPlayback.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QIODevice>
#include <QMediaDevices>
#include <algorithm>

#include "media/AudioDecoder.h"

namespace cf::ui {

/// The sink pulls PCM from here; it reads the decoder on demand (small, fast reads).
class PcmSource : public QIODevice {
 public:
  explicit PcmSource(media::AudioDecoder* decoder) : decoder_(decoder) {}
  bool isSequential() const override { return true; }
  qint64 bytesAvailable() const override {
    return ended_ ? QIODevice::bytesAvailable() : QIODevice::bytesAvailable() + (1 << 16);
  }
  QString error() const { return error_; }

 protected:
  qint64 readData(char* data, qint64 max_bytes) override {
    const qint64 frame_bytes = qint64(sizeof(int16_t)) * decoder_->channels();
    const qint64 frames = max_bytes / frame_bytes;
    if (frames <= 0 || ended_)
      return 0;
    auto got = decoder_->read(reinterpret_cast<int16_t*>(data), frames);
    if (!got) {
      error_ = QString::fromStdString(got.message());
      ended_ = true;
      return 0;
    }
    ended_ = *got == 0;
    return *got * frame_bytes;
  }
  qint64 writeData(const char*, qint64) override { return -1; }

 private:
  media::AudioDecoder* decoder_ = nullptr;
  bool ended_ = false;
  QString error_;
};

AudioPlayback::AudioPlayback(QObject* parent) : QObject(parent) {}

AudioPlayback::~AudioPlayback() {
  stop();
}

bool AudioPlayback::hasOutputDevice() {
  return !QMediaDevices::defaultAudioOutput().isNull();
}

double AudioPlayback::clockS(double start_s, qint64 processed_us, qint64 buffered_bytes,
                             qint64 bytes_per_second) {
  const double buffered_s =
      bytes_per_second > 0 ? double(std::max<qint64>(0, buffered_bytes)) / double(bytes_per_second)
                           : 0.0;
  return start_s + std::max(0.0, double(processed_us) * 1e-6 - buffered_s);
}

bool AudioPlayback::open(const QString& path) {
  close();
  const QAudioDevice device = QMediaDevices::defaultAudioOutput();
  if (device.isNull()) {
    last_error_ = tr("No sound output device; the video plays without sound.");
    return false;
  }
  QAudioFormat format;
  format.setSampleRate(48000);
  format.setChannelCount(2);
  format.setSampleFormat(QAudioFormat::Int16);
  if (!device.isFormatSupported(format)) {
    const QAudioFormat preferred = device.preferredFormat();
    format.setSampleRate(preferred.sampleRate() > 0 ? preferred.sampleRate() : 48000);
    format.setChannelCount(std::clamp(preferred.channelCount(), 1, 2));
  }
  auto decoder =
      media::AudioDecoder::open(path.toStdString(), format.sampleRate(), format.channelCount());
  if (!decoder) {
    last_error_ = QString::fromStdString(decoder.message());
    return false;
  }
  decoder_ = std::move(*decoder);
  sink_ = std::make_unique<QAudioSink>(device, format);
  bytes_per_second_ = qint64(format.bytesForDuration(1000000));
  applyVolume();
  last_error_.clear();
  return true;
}

void AudioPlayback::close() {
  stop();
  sink_.reset();
  decoder_.reset();
}

bool AudioPlayback::start(double from_s) {
  stop();
  if (!decoder_ || !sink_)
    return false;
  if (Status s = decoder_->seek(std::max(0.0, from_s)); !s) {
    last_error_ = QString::fromStdString(s.message());
    Q_EMIT failed(last_error_);
    return false;
  }
  source_ = std::make_unique<PcmSource>(decoder_.get());
  source_->open(QIODevice::ReadOnly);
  start_s_ = std::max(0.0, from_s);
  sink_->start(source_.get());
  if (sink_->error() != QAudio::NoError) {
    last_error_ = tr("The sound output could not start; the video plays without sound.");
    sink_->stop();
    source_.reset();
    Q_EMIT failed(last_error_);
    return false;
  }
  return true;
}

void AudioPlayback::stop() {
  if (sink_)
    sink_->stop();
  source_.reset();
}

bool AudioPlayback::isPlaying() const {
  return sink_ && source_ && sink_->state() != QAudio::StoppedState;
}

std::optional<double> AudioPlayback::positionS() const {
  if (!isPlaying() || sink_->state() == QAudio::IdleState)
    return std::nullopt;  // not started, or the sound has ended: the timer carries on
  const qint64 buffered = sink_->bufferSize() - sink_->bytesFree();
  return clockS(start_s_, sink_->processedUSecs(), buffered, bytes_per_second_);
}

void AudioPlayback::setVolume(double volume) {
  volume_ = std::clamp(volume, 0.0, 1.0);
  applyVolume();
}

void AudioPlayback::setMuted(bool muted) {
  muted_ = muted;
  applyVolume();
}

void AudioPlayback::applyVolume() {
  // Muted sound keeps playing silently, so its clock still drives the picture.
  if (sink_)
    sink_->setVolume(muted_ ? 0.0 : volume_);
}

}  // namespace cf::ui
