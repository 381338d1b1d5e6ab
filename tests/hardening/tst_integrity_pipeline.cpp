// Issue #20, the pipeline's part: no silent corruption from the caches or the model, and bad
// options are usage errors. Each case ran to exit 0 with a wrong film before its fix:
// - changed bytes in a cache entry were served (one fp16 NaN blackened the film);
// - another film of the same size and mtime reused the first film's network output;
// - a model returning NaN or 1e30 made every frame black, and a sparse NaN spread through the
//   smoothing;
// - --first/--last out of range exported one frame; --lambda nan meant 0.
// All runs use chromaflow-cli on tiny clips (64x48, a dozen frames) at working height 128.

#include <torch/script.h>

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstdlib>

#include "common/TestMedia.h"
#include "common/TestModel.h"
#include "common/TestPaths.h"
#include "pipeline/CacheKey.h"

using cf::test::CliResult;
using cf::test::runCli;

namespace {

/// The lines of stderr that are the command's own error ("chromaflow-cli colorize: ...").
QStringList errorLines(const QString& err) {
  QStringList lines;
  for (const QString& line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
    if (line.startsWith(QLatin1String("chromaflow-cli ")))
      lines << line;
  return lines;
}

/// Mean absolute difference of the luma of two same-sized gray frame sequences, per frame (max).
double worstLumaDifference(const QByteArray& a, const QByteArray& b, int frame_bytes) {
  double worst = 0.0;
  for (int at = 0; at + frame_bytes <= a.size() && at + frame_bytes <= b.size();
       at += frame_bytes) {
    double sum = 0.0;
    for (int i = 0; i < frame_bytes; ++i)
      sum +=
          std::abs(static_cast<unsigned char>(a[at + i]) - static_cast<unsigned char>(b[at + i]));
    worst = std::max(worst, sum / frame_bytes);
  }
  return worst;
}

}  // namespace

class TestIntegrityPipeline : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString model_;
  QString clip_;  // 12 frames, 64x48 H.264

  QString path(const QString& name) const { return dir_.filePath(name); }

  CliResult colorize(const QString& in, const QString& out, const QStringList& extra = {},
                     const QString& model = QString()) {
    return runCli(QStringList{QStringLiteral("colorize"), in, out, QStringLiteral("--model"),
                              model.isEmpty() ? model_ : model, QStringLiteral("--working-height"),
                              QStringLiteral("128"), QStringLiteral("--device"),
                              QStringLiteral("cpu"), QStringLiteral("--cache"),
                              path(QStringLiteral("cache"))} +
                  extra);
  }

  QString scriptModel(const QString& name, const std::string& source) {
    const QString file = path(name + QStringLiteral(".pt"));
    try {
      torch::jit::Module m(name.toStdString());
      m.define(source);
      m.save(file.toStdString());
    } catch (const std::exception& e) {
      qWarning("cannot make the TorchScript model %s: %s", qPrintable(name), e.what());
      return QString();
    }
    return file;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    model_ = path(QStringLiteral("tiny.cfmodel"));
    QCOMPARE(cf::test::makeTinyModel(model_), QString());
    clip_ = path(QStringLiteral("clip.mp4"));
    cf::test::ClipSpec spec;
    spec.path = clip_;
    spec.width_px = 64;
    spec.height_px = 48;
    spec.frames = 12;
    QCOMPARE(cf::test::makeClip(spec), QString());
  }

  void changedCacheBytesAreRecomputedNotServed() {
    const QString first = path(QStringLiteral("cache_first.mkv"));
    CliResult r = colorize(clip_, first, {QStringLiteral("--codec"), QStringLiteral("ffv1")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    // Two payload bytes of one entry set to FF FF: one fp16 NaN, size and header intact.
    QString entry;
    for (QDirIterator it(path(QStringLiteral("cache")), {QStringLiteral("ab_000000005.f16")},
                         QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();)
      entry = it.next();
    QVERIFY(!entry.isEmpty());
    QFile f(entry);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(f.size() / 2 & ~qint64(1)));
    QCOMPARE(f.write("\xff\xff", 2), qint64(2));
    f.close();

    const QString second = path(QStringLiteral("cache_second.mkv"));
    r = colorize(clip_, second, {QStringLiteral("--codec"), QStringLiteral("ffv1")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(
        r.err.contains(QLatin1String("note:")) && r.err.contains(QLatin1String("computed again")),
        qPrintable(r.err));
    QVERIFY2(!r.out.contains(QLatin1String("(12 frames from cache)")), qPrintable(r.out));
    // The damaged entry was recomputed: the film is the same as the first run's, bit for bit.
    const QByteArray a = cf::test::rawFrames(first, QStringLiteral("rgb24"));
    const QByteArray b = cf::test::rawFrames(second, QStringLiteral("rgb24"));
    QCOMPARE(a.size(), 12 * 64 * 48 * 3);
    QVERIFY(a == b);
  }

  void anotherFilmOfTheSameSizeAndMtimeGetsItsOwnCache() {
    // Raw video in AVI: two different films of exactly the same size.
    const QString a = path(QStringLiteral("film_a.avi"));
    const QString b = path(QStringLiteral("film_b.avi"));
    for (const auto& [file, source] :
         {std::pair{a, QStringLiteral("testsrc2")}, std::pair{b, QStringLiteral("mandelbrot")}}) {
      cf::test::ClipSpec spec;
      spec.path = file;
      spec.width_px = 64;
      spec.height_px = 48;
      spec.frames = 6;
      spec.source = source;
      spec.video_args = {QStringLiteral("-c:v"), QStringLiteral("rawvideo")};
      QCOMPARE(cf::test::makeClip(spec), QString());
    }
    QCOMPARE(QFileInfo(a).size(), QFileInfo(b).size());
    const QString film = path(QStringLiteral("film.avi"));
    QVERIFY(QFile::copy(a, film));
    const QDateTime mtime = QFileInfo(film).lastModified();
    CliResult r = colorize(film, path(QStringLiteral("film_1.mkv")));
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const std::string folder_a =
        cf::pipeline::cacheFolderFor(film.toStdString(), model_.toStdString(), {});

    // Replace the film: same path, size and modification time, other pictures.
    QVERIFY(QFile::remove(film));
    QVERIFY(QFile::copy(b, film));
    {
      QFile f(film);
      QVERIFY(f.open(QIODevice::ReadWrite));
      QVERIFY(f.setFileTime(mtime, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(film).lastModified(), mtime);
    QVERIFY(cf::pipeline::cacheFolderFor(film.toStdString(), model_.toStdString(), {}) != folder_a);
    r = colorize(film, path(QStringLiteral("film_2.mkv")));
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("(0 frames from cache)")), qPrintable(r.out));
  }

  void modelReturningNanOrHugeValuesIsAnErrorNamingTheFrame_data() {
    QTest::addColumn<QString>("value");
    QTest::newRow("nan") << QStringLiteral("float('nan')");
    QTest::newRow("1e30") << QStringLiteral("1e30");
  }
  void modelReturningNanOrHugeValuesIsAnErrorNamingTheFrame() {
    QFETCH(QString, value);
    const QString model = scriptModel(QStringLiteral("Broken") + QString::number(qHash(value)),
                                      "def forward(self, x):\n"
                                      "    y = torch.avg_pool2d(x, [2, 2])\n"
                                      "    return torch.cat([y * 0.0 + " +
                                          value.toStdString() + ", y * 0.0], 1)\n");
    QVERIFY(!model.isEmpty());
    const QString out = path(QStringLiteral("broken.mp4"));
    const CliResult r = colorize(clip_, out, {}, model);
    QCOMPARE(r.exit_code, 1);
    const QStringList lines = errorLines(r.err);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].contains(QLatin1String("invalid values")) &&
                 lines[0].contains(QLatin1String("frame 0")),
             qPrintable(lines[0]));
    QVERIFY(!QFile::exists(out));
  }

  void sparseNanIsMaskedAndDoesNotSpread() {
    // One NaN pixel in every frame's ab. Before the fix, the smoothing spread it and whole frames
    // came out black; now it is masked (grey), with a note, and every frame keeps its luma.
    const QString model = scriptModel(QStringLiteral("Holey"),
                                      "def forward(self, x):\n"
                                      "    y = torch.avg_pool2d(x, [2, 2])\n"
                                      "    ab = torch.cat([y * 0.3 - 12.0, 15.0 - y * 0.2], 1)\n"
                                      "    hole = torch.zeros_like(ab)\n"
                                      "    hole[:, :, 3, 5] = float('nan')\n"
                                      "    return ab + hole\n");
    QVERIFY(!model.isEmpty());
    const QString out = path(QStringLiteral("holey.mkv"));
    const CliResult r =
        colorize(clip_, out, {QStringLiteral("--codec"), QStringLiteral("ffv1")}, model);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("note: the colour model produced invalid values")),
             qPrintable(r.err));
    const QByteArray src = cf::test::rawFrames(clip_, QStringLiteral("gray"));
    const QByteArray got = cf::test::rawFrames(out, QStringLiteral("gray"));
    QCOMPARE(got.size(), src.size());
    const double worst = worstLumaDifference(src, got, 64 * 48);
    QVERIFY2(worst < 6.0, qPrintable(QString::number(worst)));
  }

  void raisingModelGivesOneLine() {
    // A shape error inside the interpreter: LibTorch wraps it in a TorchScript traceback.
    const QString model = scriptModel(QStringLiteral("Raises"),
                                      "def forward(self, x):\n"
                                      "    y = torch.cat([x, x], 1)\n"
                                      "    return y.view(-1, 7, 3, 11)\n");
    QVERIFY(!model.isEmpty());
    const CliResult r = colorize(clip_, path(QStringLiteral("raises.mp4")), {}, model);
    QCOMPARE(r.exit_code, 1);
    const QStringList lines = errorLines(r.err);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].contains(QLatin1String("is invalid for input of size")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("Traceback")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("The following operation failed")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1String("is invalid for input of size")), 1);
  }

  void badFrameRangesAreUsageErrors_data() {
    QTest::addColumn<QStringList>("range");
    QTest::newRow("last before first") << QStringList{"--first", "8", "--last", "3"};
    QTest::newRow("first past the end") << QStringList{"--first", "500"};
    QTest::newRow("negative first") << QStringList{"--first", "-3"};
    QTest::newRow("last past the end") << QStringList{"--last", "12"};
  }
  void badFrameRangesAreUsageErrors() {
    QFETCH(QStringList, range);
    const QString out = path(QStringLiteral("range.mp4"));
    const CliResult r = colorize(clip_, out, range);
    QCOMPARE(r.exit_code, 2);
    const QStringList lines = errorLines(r.err);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].contains(QLatin1String("12 frames (0..11)")), qPrintable(lines[0]));
    QVERIFY(!QFile::exists(out));
  }

  void nonFiniteOptionValuesAreUsageErrors() {
    for (const QString& option : {QStringLiteral("--lambda"), QStringLiteral("--temperature")}) {
      for (const QString& value : {QStringLiteral("nan"), QStringLiteral("inf")}) {
        const CliResult r = colorize(clip_, path(QStringLiteral("nan.mp4")), {option, value});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains(option + QStringLiteral(" must be a finite number")),
                 qPrintable(r.err));
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestIntegrityPipeline)
#include "tst_integrity_pipeline.moc"
