// SMPTE timecode: known answers (non-drop and drop-frame), parsing and its round trip, and the
// same strings as libavutil's av_timecode_make_string over the first hour and a half.

#include <QtTest>

extern "C" {
#include <libavutil/log.h>
#include <libavutil/timecode.h>
}

#include "common/Timecode.h"

using cf::formatTimecode;
using cf::parseTimecodeOrFrame;

namespace {
constexpr double kNtsc = 30000.0 / 1001.0;
constexpr double kNtsc60 = 60000.0 / 1001.0;
}  // namespace

class TestTimecode : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void knownAnswers_data() {
    QTest::addColumn<double>("fps");
    QTest::addColumn<qint64>("frame");
    QTest::addColumn<QString>("timecode");
    QTest::newRow("25 start") << 25.0 << qint64(0) << "00:00:00:00";
    QTest::newRow("25 last of second") << 25.0 << qint64(24) << "00:00:00:24";
    QTest::newRow("25 one second") << 25.0 << qint64(25) << "00:00:01:00";
    QTest::newRow("25 one hour") << 25.0 << qint64(90000) << "01:00:00:00";
    QTest::newRow("25 past a day") << 25.0 << qint64(25 * 3600 * 25) << "25:00:00:00";
    QTest::newRow("24 one minute") << 24.0 << qint64(1440) << "00:01:00:00";
    QTest::newRow("23.976 counts 24") << 24000.0 / 1001.0 << qint64(24) << "00:00:01:00";
    QTest::newRow("12 fps film scan") << 12.0 << qint64(12 * 61 + 5) << "00:01:01:05";
    QTest::newRow("29.97 DF last of minute 0") << kNtsc << qint64(1799) << "00:00:59;29";
    QTest::newRow("29.97 DF skips ;00 ;01") << kNtsc << qint64(1800) << "00:01:00;02";
    QTest::newRow("29.97 DF minute 2") << kNtsc << qint64(3598) << "00:02:00;02";
    QTest::newRow("29.97 DF before ten minutes") << kNtsc << qint64(17981) << "00:09:59;29";
    QTest::newRow("29.97 DF ten minutes") << kNtsc << qint64(17982) << "00:10:00;00";
    // Minute 10 drops nothing, so minute 11 starts 1800 frames after 10:00;00.
    QTest::newRow("29.97 DF eleven minutes") << kNtsc << qint64(17982 + 1800) << "00:11:00;02";
    QTest::newRow("29.97 DF one hour") << kNtsc << qint64(107892) << "01:00:00;00";
    QTest::newRow("59.94 DF skips four") << kNtsc60 << qint64(3600) << "00:01:00;04";
    QTest::newRow("59.94 DF ten minutes") << kNtsc60 << qint64(35964) << "00:10:00;00";
    QTest::newRow("30 is not drop-frame") << 30.0 << qint64(1800) << "00:01:00:00";
  }

  void knownAnswers() {
    QFETCH(double, fps);
    QFETCH(qint64, frame);
    QFETCH(QString, timecode);
    QCOMPARE(QString::fromStdString(formatTimecode(frame, fps)), timecode);
    QCOMPARE(parseTimecodeOrFrame(timecode.toStdString(), fps), std::optional<int64_t>(frame));
  }

  void dropFrameRatesAreTheNtscOnes() {
    QVERIFY(cf::isDropFrameRate(kNtsc));
    QVERIFY(cf::isDropFrameRate(29.97));
    QVERIFY(cf::isDropFrameRate(kNtsc60));
    QVERIFY(!cf::isDropFrameRate(30.0));
    QVERIFY(!cf::isDropFrameRate(25.0));
    QVERIFY(!cf::isDropFrameRate(24000.0 / 1001.0));
  }

  void parsesShortFormsAndFrameNumbers() {
    QCOMPARE(parseTimecodeOrFrame("1234", 25.0), std::optional<int64_t>(1234));
    QCOMPARE(parseTimecodeOrFrame("  77 ", 25.0), std::optional<int64_t>(77));
    QCOMPARE(parseTimecodeOrFrame("1:05", 25.0), std::optional<int64_t>(30));         // SS:FF
    QCOMPARE(parseTimecodeOrFrame("2:01:05", 25.0), std::optional<int64_t>(3030));    // MM:SS:FF
    QCOMPARE(parseTimecodeOrFrame("00.00.02,10", 25.0), std::optional<int64_t>(60));  // separators
    for (const char* bad : {"", ":", "1::2", "a", "00:00:00:25", "00:60:00:00", "00:00:61:00",
                            "1:2:3:4:5", "-5", "12:00:00:00x"})
      QVERIFY2(!parseTimecodeOrFrame(bad, 25.0), bad);
    // Drop-frame: ;00 and ;01 do not exist at the start of minutes 1-9 of each ten.
    QVERIFY(!parseTimecodeOrFrame("00:01:00;00", kNtsc));
    QVERIFY(!parseTimecodeOrFrame("00:01:00;01", kNtsc));
    QVERIFY(parseTimecodeOrFrame("00:10:00;00", kNtsc));
  }

  void roundTripsEveryFrame() {
    for (double fps : {25.0, kNtsc, kNtsc60, 24.0, 16.0})
      for (int64_t f = 0; f < 40000; ++f) {
        const std::string tc = formatTimecode(f, fps);
        if (parseTimecodeOrFrame(tc, fps) != std::optional<int64_t>(f))
          QFAIL(qPrintable(QStringLiteral("%1 fps, frame %2 -> %3")
                               .arg(fps)
                               .arg(f)
                               .arg(QString::fromStdString(tc))));
      }
  }

  void matchesLibavutil() {
    av_log_set_level(AV_LOG_ERROR);
    const struct {
      AVRational rate;
      int flags;
      double fps;
    } rates[] = {{{25, 1}, 0, 25.0},
                 {{30000, 1001}, AV_TIMECODE_FLAG_DROPFRAME, kNtsc},
                 {{60000, 1001}, AV_TIMECODE_FLAG_DROPFRAME, kNtsc60},
                 {{24, 1}, 0, 24.0}};
    for (const auto& r : rates) {
      AVTimecode tc{};
      QCOMPARE(av_timecode_init(&tc, r.rate, r.flags, 0, nullptr), 0);
      for (int f = 0; f < 200000; f += 7) {
        char expected[AV_TIMECODE_STR_SIZE] = {0};
        av_timecode_make_string(&tc, expected, f);
        if (formatTimecode(f, r.fps) != expected)
          QFAIL(qPrintable(
              QStringLiteral("%1 fps, frame %2: %3, libavutil %4")
                  .arg(r.fps)
                  .arg(f)
                  .arg(QString::fromStdString(formatTimecode(f, r.fps)), QLatin1String(expected))));
      }
    }
  }

  // The editor's clock starts at the source's own timecode and keeps its convention; it must
  // name every frame as the exported file's timecode does (timecodeAfter(), libavutil).
  void clockFollowsTheSourceStartTimecode() {
    av_log_set_level(AV_LOG_ERROR);
    const struct {
      const char* start;
      int num, den;
    } sources[] = {
        {"01:00:00:00", 24, 1},       {"10:59:58:20", 25, 1}, {"00:59:59;28", 30000, 1001},
        {"01:00:00:00", 30000, 1001},  // NTSC rate counted non-drop, as some tapes are
        {"00:00:10:05", 16, 1},        // a silent-film scan at 16 fps
        {"23:59:59;58", 60000, 1001}};
    for (const auto& s : sources) {
      const double fps = double(s.num) / s.den;
      const cf::TimecodeClock clock(fps, s.start);
      QVERIFY2(clock.hasSourceStart(), s.start);
      QCOMPARE(QString::fromStdString(clock.format(0)), QLatin1String(s.start));
      for (int f = 0; f < 40000; f += 13) {
        const std::string shown = clock.format(f);
        const std::string written = cf::timecodeAfter(s.start, f, s.num, s.den);
        if (shown != written)
          QFAIL(
              qPrintable(QStringLiteral("%1 at %2/%3, frame %4: shown %5, written %6")
                             .arg(QLatin1String(s.start))
                             .arg(s.num)
                             .arg(s.den)
                             .arg(f)
                             .arg(QString::fromStdString(shown), QString::fromStdString(written))));
        if (clock.parse(shown) != std::optional<int64_t>(f))
          QFAIL(qPrintable(QStringLiteral("%1: %2 does not read back as frame %3")
                               .arg(QLatin1String(s.start), QString::fromStdString(shown))
                               .arg(f)));
      }
    }
  }

  void clockWithoutSourceTimecodeCountsFromZero() {
    for (const char* start : {"", "garbage", "12", "00:00:99:00", "01:00:00:40"}) {
      const cf::TimecodeClock clock(25.0, start);
      QVERIFY2(!clock.hasSourceStart(), start);
      QCOMPARE(clock.format(0), std::string("00:00:00:00"));
      QCOMPARE(clock.format(26), formatTimecode(26, 25.0));
    }
    const cf::TimecodeClock ntsc(kNtsc, "");
    QCOMPARE(ntsc.format(1800), std::string("00:01:00;02"));  // the rate's own convention
  }

  void clockReadsFrameNumbersAndRefusesTimesBeforeTheStart() {
    const cf::TimecodeClock clock(24.0, "01:00:00:00");
    QCOMPARE(clock.parse("48"), std::optional<int64_t>(48));  // a plain number is a frame
    QCOMPARE(clock.parse("01:00:02:00"), std::optional<int64_t>(48));
    QCOMPARE(clock.parse("1:00:02:00"), std::optional<int64_t>(48));
    QCOMPARE(clock.parse("2:00"), std::optional<int64_t>(48));      // short: 01:00:02:00
    QCOMPARE(clock.parse("00:02:00"), std::optional<int64_t>(48));  // short: 01:00:02:00
    QCOMPARE(clock.parse("01:00"), std::optional<int64_t>(24));     // 01:00:01:00
    QCOMPARE(cf::TimecodeClock(24.0, "10:20:30:00").parse("31:12"),
             std::optional<int64_t>(36));                             // 10:20:31:12
    QVERIFY(!cf::TimecodeClock(24.0, "10:20:30:00").parse("29:00"));  // 10:20:29:00: before
    QVERIFY(!clock.parse("00:59:59:23"));                             // before the first frame
    QVERIFY(!clock.parse("00:00:02:00"));
    QVERIFY(!clock.parse("01:00:02:24"));  // FF past the rate
    QVERIFY(!clock.parse("nonsense"));
  }
};

QTEST_GUILESS_MAIN(TestTimecode)
#include "tst_timecode.moc"
