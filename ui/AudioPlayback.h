#pragma once
// The preview's sound (issue #16, feature 1): the source's audio, decoded by core
// (media::AudioDecoder, libswresample to 16-bit PCM) and played through Qt Multimedia's QAudioSink
// in pull mode, with volume and mute. Its clock (positionS: the time of the sample being heard)
// drives the PlaybackController, so picture follows sound. Without an output device (a headless
// machine, offscreen CI) or without an audio stream, it stays silent and says so: playback then
// runs on the timer alone, and nothing fails.

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QAudioSink;

namespace cf::media {
class AudioDecoder;
}

namespace cf::ui {

class PcmSource;

class AudioPlayback : public QObject {
  Q_OBJECT
 public:
  explicit AudioPlayback(QObject* parent = nullptr);
  ~AudioPlayback() override;

  /// Prepares the sound of `path`; false (and lastError()) when there is no output device or no
  /// audio stream. The video plays either way.
  bool open(const QString& path);
  void close();
  /// Starts the sound at `from_s` seconds from the video's first frame; false when it cannot.
  bool start(double from_s);
  void stop();
  bool isPlaying() const;
  /// Seconds from the video's first frame of what is heard now; nullopt while not playing.
  std::optional<double> positionS() const;

  /// 0..1; applies now and to later starts.
  void setVolume(double volume);
  double volume() const { return volume_; }
  void setMuted(bool muted);
  bool isMuted() const { return muted_; }
  /// An output device exists (QMediaDevices).
  static bool hasOutputDevice();
  bool hasSound() const { return decoder_ != nullptr; }
  QString lastError() const { return last_error_; }

  /// The clock from the sink's figures: the start time plus what the sink has processed, less
  /// what still waits in its buffer. Pure arithmetic, for the tests.
  static double clockS(double start_s, qint64 processed_us, qint64 buffered_bytes,
                       qint64 bytes_per_second);

 Q_SIGNALS:
  /// The sound could not play (device lost, decode error); playback goes on without it.
  void failed(const QString& message);

 private:
  void applyVolume();

  std::unique_ptr<media::AudioDecoder> decoder_;
  std::unique_ptr<PcmSource> source_;
  std::unique_ptr<QAudioSink> sink_;
  double start_s_ = 0.0;
  double volume_ = 1.0;
  bool muted_ = false;
  qint64 bytes_per_second_ = 0;
  QString last_error_;
};

}  // namespace cf::ui
