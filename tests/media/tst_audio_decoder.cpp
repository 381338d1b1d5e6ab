// The preview's sound decoder (issue #16, feature 1): 16-bit PCM at the rate asked for, on the
// video's clock, with sample-accurate seeks. A generated clip is silent for its first second and
// then plays a tone, so where the tone starts tells whether the clock is right.

#include <QTemporaryDir>
#include <QtTest>
#include <vector>

#include "common/TestMedia.h"
#include "media/AudioDecoder.h"

using cf::media::AudioDecoder;

namespace {
constexpr int kRate = 48000;

// Index of the first sample frame whose magnitude exceeds a small threshold; -1 if none.
int64_t firstLoud(const std::vector<int16_t>& pcm, int channels) {
  for (size_t i = 0; i < pcm.size(); ++i)
    if (std::abs(int(pcm[i])) > 1000)
      return int64_t(i) / channels;
  return -1;
}

std::vector<int16_t> readFrames(AudioDecoder& d, int64_t frames) {
  std::vector<int16_t> pcm(size_t(frames) * size_t(d.channels()));
  int64_t got = 0;
  while (got < frames) {
    auto n = d.read(pcm.data() + got * d.channels(), frames - got);
    if (!n || *n == 0)
      break;
    got += *n;
  }
  pcm.resize(size_t(got) * size_t(d.channels()));
  return pcm;
}
}  // namespace

class TestAudioDecoder : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString clip_;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    clip_ = dir_.filePath(QStringLiteral("tone.mkv"));
    // Silence for 1 s, then a 440 Hz tone; 44.1 kHz mono source, resampled on decode.
    QCOMPARE(
        cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("testsrc2=s=64x48:r=25:d=3"), QStringLiteral("-f"),
                             QStringLiteral("lavfi"), QStringLiteral("-i"),
                             QStringLiteral("aevalsrc=if(gte(t\\,1)\\,0.5*sin(2*PI*440*t)\\,0)"
                                            ":s=44100:d=3"),
                             QStringLiteral("-c:v"), QStringLiteral("ffv1"), QStringLiteral("-c:a"),
                             QStringLiteral("pcm_s16le"), clip_}),
        QString());
  }

  void decodesOnTheVideosClock() {
    auto d = AudioDecoder::open(clip_.toStdString(), kRate, 2);
    QVERIFY2(d.ok(), d.ok() ? "" : d.message().c_str());
    QCOMPARE((*d)->sampleRate(), kRate);
    QCOMPARE((*d)->channels(), 2);
    const auto pcm = readFrames(**d, 2 * kRate);
    QCOMPARE(int64_t(pcm.size()), int64_t(2 * kRate * 2));
    const int64_t loud = firstLoud(pcm, 2);
    // The tone starts at 1 s: within a millisecond (far less than a frame, 40 ms).
    QVERIFY2(std::abs(loud - kRate) < kRate / 1000, qPrintable(QString::number(loud)));
  }

  void seeksToTheSample() {
    auto d = AudioDecoder::open(clip_.toStdString(), kRate, 2);
    QVERIFY(d.ok());
    // Frame 12 of the 25 fps video starts at 0.48 s: the tone comes 0.52 s later.
    QVERIFY((*d)->seek(12 / 25.0).ok());
    QCOMPARE((*d)->position_s(), 0.48);
    auto pcm = readFrames(**d, kRate);
    QVERIFY2(std::abs(firstLoud(pcm, 2) - int64_t(0.52 * kRate)) < kRate / 1000,
             qPrintable(QString::number(firstLoud(pcm, 2))));
    // Into the tone, then back before it: the same clock either way.
    QVERIFY((*d)->seek(2.0).ok());
    pcm = readFrames(**d, kRate / 10);
    QCOMPARE(firstLoud(pcm, 2) < 50, true);
    QVERIFY((*d)->seek(0.9).ok());
    pcm = readFrames(**d, kRate / 5);
    QVERIFY2(std::abs(firstLoud(pcm, 2) - int64_t(0.1 * kRate)) < kRate / 1000,
             qPrintable(QString::number(firstLoud(pcm, 2))));
    // Past the end: nothing more, no error.
    QVERIFY((*d)->seek(10.0).ok());
    QVERIFY(readFrames(**d, 1000).empty());
  }

  void noAudioIsAClearError() {
    const QString silent = dir_.filePath(QStringLiteral("silent.mkv"));
    QCOMPARE(cf::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"),
                                  QStringLiteral("-i"), QStringLiteral("testsrc2=s=64x48:r=25:d=1"),
                                  QStringLiteral("-c:v"), QStringLiteral("ffv1"), silent}),
             QString());
    auto d = AudioDecoder::open(silent.toStdString(), kRate, 2);
    QVERIFY(!d.ok());
    QVERIFY2(d.message().find("no audio") != std::string::npos, d.message().c_str());
  }
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "tst_audio_decoder.moc"
