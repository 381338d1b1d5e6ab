// `chromaflow-cli temporal-report IN`, run as a user would: a clip with per-frame hue flicker
// reports a higher warping error and CDC than the same clip without it; errors are one line.

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "common/TestMedia.h"
#include "common/TestPaths.h"

namespace {

double metric(const QString& text, const QString& label) {
  const QRegularExpression re(QRegularExpression::escape(label) +
                              QStringLiteral("[^:]*: ([0-9.eE+-]+)"));
  const auto m = re.match(text);
  return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

}  // namespace

class TestTemporalReport : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void flickerRaisesTheMetrics() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    cf::test::ClipSpec steady;
    steady.path = dir.filePath(QStringLiteral("steady.mkv"));
    steady.width_px = 128;
    steady.height_px = 96;
    steady.frames = 16;
    steady.video_args = {QStringLiteral("-c:v"), QStringLiteral("ffv1")};
    QCOMPARE(cf::test::makeClip(steady), QString());
    cf::test::ClipSpec flicker = steady;
    flicker.path = dir.filePath(QStringLiteral("flicker.mkv"));
    flicker.video_filter = QStringLiteral("hue=H=1.2*sin(37*n):s=1.5");
    QCOMPARE(cf::test::makeClip(flicker), QString());

    const cf::test::CliResult a =
        cf::test::runCli({QStringLiteral("temporal-report"), steady.path});
    const cf::test::CliResult b =
        cf::test::runCli({QStringLiteral("temporal-report"), flicker.path});
    QVERIFY2(a.exit_code == 0, qPrintable(a.err));
    QVERIFY2(b.exit_code == 0, qPrintable(b.err));
    QVERIFY(a.out.contains(QStringLiteral("frames: 16")));
    const double ewarp_a = metric(a.out, QStringLiteral("E_warp"));
    const double ewarp_b = metric(b.out, QStringLiteral("E_warp"));
    const double cdc_a = metric(a.out, QStringLiteral("CDC"));
    const double cdc_b = metric(b.out, QStringLiteral("CDC"));
    QVERIFY2(ewarp_a >= 0.0 && cdc_a >= 0.0, qPrintable(a.out));
    QVERIFY2(ewarp_b > 2.0 * ewarp_a, qPrintable(a.out + b.out));
    QVERIFY2(cdc_b > cdc_a, qPrintable(a.out + b.out));
    QVERIFY(metric(a.out, QStringLiteral("colourfulness")) < 0.0);  // "mean" is not "label: x"
    QVERIFY(a.out.contains(QStringLiteral("colourfulness")));
  }

  void missingFileIsAOneLineError() {
    const cf::test::CliResult r = cf::test::runCli(
        {QStringLiteral("temporal-report"), QStringLiteral("/nonexistent/clip.mp4")});
    QVERIFY(r.exit_code != 0);
    QVERIFY(r.err.startsWith(QStringLiteral("chromaflow-cli temporal-report: ")));
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    const cf::test::CliResult bad =
        cf::test::runCli({QStringLiteral("temporal-report"), QStringLiteral("--flow"),
                          QStringLiteral("magic"), QStringLiteral("x.mp4")});
    QCOMPARE(bad.exit_code, 2);
  }
};

QTEST_GUILESS_MAIN(TestTemporalReport)
#include "tst_temporal_report.moc"
