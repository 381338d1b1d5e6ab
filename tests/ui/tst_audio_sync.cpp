// Sound in the preview (issue #16, feature 1) without a sound device: the playhead follows the
// sound's clock within a frame however the timer drifts or stalls, it falls back to the timer
// when there is no sound, the sink's figures give the clock, and with no output device the
// playback object fails gracefully.

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <cmath>

#include "AudioControls.h"
#include "AudioPlayback.h"
#include "PlaybackController.h"
#include "common/TestMedia.h"

using namespace cf::ui;

class TestAudioSync : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void playheadFollowsTheSoundWithinAFrame() {
    constexpr double kFps = 25.0;
    PlaybackController play;
    play.setFrameCount(2000, kFps);
    double audio_s = 0.0;
    bool sound = true;
    play.setClock([&]() -> std::optional<double> {
      return sound ? std::optional<double>(audio_s) : std::nullopt;
    });
    play.togglePlay();
    QCOMPARE(play.speed(), 1);
    // The sound card runs 3 % fast against the nominal rate, the timer ticks with jitter, and the
    // GUI stalls now and then for a few frames.
    double wall_s = 0.0;
    int max_error = 0;
    for (int tick = 0; tick < 1500; ++tick) {
      const double step_s = (tick % 97 == 0) ? 0.17 : 0.04 * (1.0 + 0.3 * std::sin(tick * 1.7));
      wall_s += step_s;
      audio_s = wall_s * 1.03;
      play.tick();
      const qint64 heard = qint64(std::floor(audio_s * kFps));
      max_error = std::max(max_error, int(std::abs(play.frame() - std::min<qint64>(heard, 1999))));
      if (!play.isPlaying())
        break;
    }
    QVERIFY2(max_error <= 1, qPrintable(QString::number(max_error)));
    QCOMPARE(max_error, 0);  // in fact exact: each tick shows the frame being heard
  }

  void withoutSoundTheTimerDrives() {
    PlaybackController play;
    play.setFrameCount(100, 25.0);
    play.setClock([]() -> std::optional<double> { return std::nullopt; });
    play.togglePlay();
    play.tick();
    play.tick();
    QCOMPARE(play.frame(), qint64(2));
    // Shuttle speeds never follow the sound (there is none at 2x).
    play.setClock([]() -> std::optional<double> { return 3.0; });
    play.shuttleForward();
    QCOMPARE(play.speed(), 2);
    play.tick();
    QCOMPARE(play.frame(), qint64(4));
  }

  void speedAndExternalMovesAreSignalled() {
    PlaybackController play;
    play.setFrameCount(100, 25.0);
    QSignalSpy speed(&play, &PlaybackController::speedChanged);
    QSignalSpy moved(&play, &PlaybackController::movedWhilePlaying);
    play.togglePlay();
    play.setFrame(40);  // the user clicks the timeline while it plays: the sound must follow
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.last().at(0).toLongLong(), qint64(40));
    play.pause();
    play.setFrame(50);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(speed.count(), 2);
    QCOMPARE(speed.last().at(0).toInt(), 0);
    QCOMPARE(PlaybackController::frameAtTime(12 / 25.0, 25.0), qint64(12));
    QCOMPARE(PlaybackController::frameAtTime(0.0399, 25.0), qint64(0));
  }

  void clockFromTheSinksFigures() {
    // 48 kHz stereo 16-bit: 192000 bytes/s; 50 ms still in the buffer.
    QCOMPARE(AudioPlayback::clockS(2.0, 500000, 9600, 192000), 2.45);
    QCOMPARE(AudioPlayback::clockS(2.0, 10000, 96000, 192000), 2.0);  // not below the start
  }

  void noDeviceFailsGracefully() {
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("with_sound.mkv"));
    QCOMPARE(cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"),
                                  QStringLiteral("-i"), QStringLiteral("testsrc2=s=64x48:r=25:d=1"),
                                  QStringLiteral("-f"), QStringLiteral("lavfi"),
                                  QStringLiteral("-i"), QStringLiteral("sine=f=440:r=48000:d=1"),
                                  QStringLiteral("-c:v"), QStringLiteral("ffv1"),
                                  QStringLiteral("-c:a"), QStringLiteral("pcm_s16le"), clip}),
             QString());
    AudioPlayback audio;
    const bool opened = audio.open(clip);
    if (!AudioPlayback::hasOutputDevice()) {  // offscreen CI: no sound card
      QVERIFY(!opened);
      QVERIFY(!audio.lastError().isEmpty());
      QVERIFY(!audio.start(0.0));
    } else {
      QVERIFY2(opened, qPrintable(audio.lastError()));
    }
    audio.setMuted(true);
    audio.setVolume(0.5);
    audio.stop();
    QVERIFY(!audio.isPlaying());
    QVERIFY(!audio.positionS().has_value());  // the timer drives playback
    AudioControls controls;
    controls.setAvailable(opened, audio.lastError());
    QCOMPARE(controls.muteButton()->isEnabled(), opened);
  }
};

QTEST_MAIN(TestAudioSync)
#include "tst_audio_sync.moc"
