// Sharded rendering (colorize --plan/--shard/--range) and joining (concat): the plan is a pure
// function of the video that snaps borders to scene cuts; shards with and without cuts near their
// borders join into exactly the frames of a single-machine FFV1 export (framemd5); concat refuses
// missing, duplicated, reordered, foreign and mismatched shards and leaves no output behind.

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "ShardTestSupport.h"
#include "common/TestMedia.h"
#include "common/TestPaths.h"
#include "pipeline/ShardPlan.h"

using namespace cf;

class TestShards : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString cut_clip_;    // shots of 37, 48 and 35 frames: cuts at 37 and 85, near the borders 40, 80
  QString plain_clip_;  // shots of 25 and 95 frames: no cut near the borders 40 and 80
  QStringList cut_shards_;
  QStringList plain_shards_;

  QString path(const QString& name) const { return dir_.filePath(name); }

  // The shipped model at a small working height, smoothing on, on the CPU (same on every node).
  static QStringList common(const QString& cache) {
    return {QStringLiteral("--working-height"), QStringLiteral("128"),
            QStringLiteral("--device"),         QStringLiteral("cpu"),
            QStringLiteral("--lambda"),         QStringLiteral("4"),
            QStringLiteral("--cache"),          cache};
  }

  bool colorize(const QStringList& args) {
    const test::CliResult r = test::runCli(QStringList{QStringLiteral("colorize")} + args, 300000);
    if (r.exit_code != 0)
      qWarning("colorize %s failed (%d): %s", qPrintable(args.join(' ')), r.exit_code,
               qPrintable(r.err));
    return r.exit_code == 0;
  }

  // Single-machine export, its shards (each with its own cache when `own_caches`), the join.
  void renderAndJoin(const QString& clip, const QString& tag, bool own_caches, QStringList* shards,
                     QString* whole, QString* joined) {
    *whole = path(tag + QStringLiteral("-whole.mkv"));
    QVERIFY(colorize(QStringList{clip, *whole, QStringLiteral("--codec"), QStringLiteral("ffv1")} +
                     common(path(tag + QStringLiteral("-cache-whole")))));
    for (int i = 0; i < 3; ++i) {
      const QString shard = path(QStringLiteral("%1-shard%2.mkv").arg(tag).arg(i));
      const QString cache = path(
          tag + (own_caches ? QStringLiteral("-cache-shard%1").arg(i) : QStringLiteral("-cache")));
      QVERIFY(colorize(
          QStringList{clip, shard, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)} +
          common(cache)));
      *shards << shard;
    }
    *joined = path(tag + QStringLiteral("-joined.mkv"));
    const test::CliResult r =
        test::runCli(QStringList{QStringLiteral("concat")} + *shards +
                     QStringList{*joined, QStringLiteral("--audio-from"), clip});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("copied, not re-encoded")), qPrintable(r.out));
  }

  // concat with `shards`; expects exit 1 with `words` in the message and nothing at the output.
  void expectRefusal(const QStringList& shards, const QString& words) {
    const QString out = path(QStringLiteral("refused.mkv"));
    const test::CliResult r =
        test::runCli(QStringList{QStringLiteral("concat")} + shards + QStringList{out});
    QVERIFY2(r.exit_code == 1, qPrintable(QString::number(r.exit_code) + r.err));
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    cut_clip_ = path(QStringLiteral("cuts.mkv"));
    QCOMPARE(test::makeShotsClip(cut_clip_, {37, 48, 35}), QString());
    plain_clip_ = path(QStringLiteral("plain.mkv"));
    QCOMPARE(test::makeShotsClip(plain_clip_, {25, 95}), QString());
  }

  void planIsPureAndSnapsToCuts() {
    pipeline::ShardPlanSettings s;
    s.shards = 4;
    const std::vector<int64_t> cuts{240, 480, 760};
    auto a = pipeline::planShards(1000, cuts, s);
    auto b = pipeline::planShards(1000, cuts, s);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(pipeline::planToJson(*a), pipeline::planToJson(*b));
    QCOMPARE(a->snap_frames, int64_t(62));  // a quarter of a shard
    QCOMPARE(a->shards[1].span.first, int64_t(240));
    QCOMPARE(a->shards[2].span.first, int64_t(480));
    QCOMPARE(a->shards[3].span.first, int64_t(760));
    QCOMPARE(a->shards[3].span.last, int64_t(999));
    for (const auto& shard : a->shards) {
      QVERIFY(shard.starts_at_cut);
      QCOMPARE(shard.span.smooth_first, shard.span.first);  // no smoothing context before
      QVERIFY(shard.span.contextBefore() < s.layout.batch_frames);
    }
    // No cut near the border at 500: it stays, and the shard reads back to its shot's start
    // (the cut at 100, rounded down to a network batch) and on to the end of a smoothing window.
    s.shards = 2;
    auto c = pipeline::planShards(1000, {100}, s);
    QVERIFY(c.ok());
    QCOMPARE(c->shards[1].span.first, int64_t(500));
    QVERIFY(!c->shards[1].starts_at_cut);
    QCOMPARE(c->shards[1].span.smooth_first, int64_t(100));
    QCOMPARE(c->shards[1].span.decode_first, int64_t(96));
    // Shard 0 ends at 499 in the shot from 100: windows of 64 every 56 frames from 100, the one
    // holding 499 starts at 492 and ends at 555, rounded up to the batch end 559.
    QCOMPARE(c->shards[0].span.smooth_last, int64_t(555));
    QCOMPARE(c->shards[0].span.decode_last, int64_t(559));
    QVERIFY(!pipeline::planShards(3, {}, pipeline::ShardPlanSettings{5, -1, {}}).ok());
  }

  void cliPlanFollowsTheClipsCuts() {
    const QStringList args{QStringLiteral("colorize"), cut_clip_, QStringLiteral("--plan"),
                           QStringLiteral("3"), QStringLiteral("--json")};
    const test::CliResult a = test::runCli(args);
    const test::CliResult b = test::runCli(args);
    QVERIFY2(a.exit_code == 0, qPrintable(a.err));
    QCOMPARE(a.out, b.out);
    const QJsonObject plan = QJsonDocument::fromJson(a.out.toUtf8()).object();
    QCOMPARE(plan.value(QStringLiteral("frames")).toInt(), 120);
    const QJsonArray shards = plan.value(QStringLiteral("shards")).toArray();
    QCOMPARE(shards.size(), 3);
    QCOMPARE(shards[1].toObject().value(QStringLiteral("first")).toInt(), 37);
    QCOMPARE(shards[2].toObject().value(QStringLiteral("first")).toInt(), 85);
    QVERIFY(shards[2].toObject().value(QStringLiteral("starts_at_cut")).toBool());
  }

  void shardsAtCutsJoinToTheSingleExport() {
    QString whole, joined;
    renderAndJoin(cut_clip_, QStringLiteral("cuts"), true, &cut_shards_, &whole, &joined);
    if (QTest::currentTestFailed())
      return;
    const QStringList expected = test::videoFrameMd5(whole);
    QCOMPARE(expected.size(), 120);
    QCOMPARE(test::videoFrameMd5(joined), expected);
    QCOMPARE(test::streamValue(joined, QStringLiteral("a:0"), QStringLiteral("codec_name")),
             QStringLiteral("flac"));
  }

  void shardsWithoutCutsJoinToTheSingleExport() {
    QString whole, joined;
    renderAndJoin(plain_clip_, QStringLiteral("plain"), false, &plain_shards_, &whole, &joined);
    if (QTest::currentTestFailed())
      return;
    const QStringList expected = test::videoFrameMd5(whole);
    QCOMPARE(expected.size(), 120);
    QCOMPARE(test::videoFrameMd5(joined), expected);

    // The same with explicit ranges.
    const QString cache = path(QStringLiteral("plain-cache"));
    const QString r0 = path(QStringLiteral("plain-range0.mkv"));
    const QString r1 = path(QStringLiteral("plain-range1.mkv"));
    QVERIFY(
        colorize(QStringList{plain_clip_, r0, QStringLiteral("--range"), QStringLiteral("0:49")} +
                 common(cache)));
    QVERIFY(
        colorize(QStringList{plain_clip_, r1, QStringLiteral("--range"), QStringLiteral("50:119")} +
                 common(cache)));
    const QString ranges = path(QStringLiteral("plain-ranges.mkv"));
    const test::CliResult r = test::runCli({QStringLiteral("concat"), r0, r1, ranges});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QCOMPARE(test::videoFrameMd5(ranges), expected);

    // The check can fail: a plain range export (no context) differs from the whole export.
    const QString naive = path(QStringLiteral("plain-naive.mkv"));
    QVERIFY(
        colorize(QStringList{plain_clip_, naive, QStringLiteral("--codec"), QStringLiteral("ffv1"),
                             QStringLiteral("--first"), QStringLiteral("40"),
                             QStringLiteral("--last"), QStringLiteral("79")} +
                 common(cache)));
    const QStringList naive_md5 = test::videoFrameMd5(naive);
    QCOMPARE(naive_md5.size(), 40);
    int differing = 0;
    for (int i = 0; i < 40; ++i)  // compare the MD5 (last column) only: the naive range is retimed
      differing += naive_md5[i].section(',', -1) != expected[40 + i].section(',', -1);
    QVERIFY2(differing > 0, "a range export without context matched the whole export");
  }

  void guidedShardsJoinToTheSingleExport() {
    // Keyframe colour (issue #15) is per shot: a range whose border lies inside a guided shot
    // propagates the whole shot, so the join equals the single export.
    const QString clip = path(QStringLiteral("guided.mkv"));
    QCOMPARE(test::makeShotsClip(clip, {10, 30}), QString());
    const QString hints = path(QStringLiteral("hints.json"));
    {
      QFile f(hints);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(
          "{\"hints\": [{\"frame\": 25, \"x\": 0.4, \"y\": 0.5, \"color\": \"#c03020\", "
          "\"radius\": 0.1}]}");
    }
    const QStringList guide{QStringLiteral("--hints"), hints};
    const QString whole = path(QStringLiteral("guided-whole.mkv"));
    QVERIFY(colorize(QStringList{clip, whole, QStringLiteral("--codec"), QStringLiteral("ffv1")} +
                     guide + common(path(QStringLiteral("guided-cache-whole")))));
    const QString r0 = path(QStringLiteral("guided-range0.mkv"));
    const QString r1 = path(QStringLiteral("guided-range1.mkv"));
    QVERIFY(colorize(QStringList{clip, r0, QStringLiteral("--range"), QStringLiteral("0:19")} +
                     guide + common(path(QStringLiteral("guided-cache0")))));
    QVERIFY(colorize(QStringList{clip, r1, QStringLiteral("--range"), QStringLiteral("20:39")} +
                     guide + common(path(QStringLiteral("guided-cache1")))));
    const QString joined = path(QStringLiteral("guided-joined.mkv"));
    const test::CliResult r = test::runCli({QStringLiteral("concat"), r0, r1, joined});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const QStringList expected = test::videoFrameMd5(whole);
    QCOMPARE(expected.size(), 40);
    QCOMPARE(test::videoFrameMd5(joined), expected);
    // A shard without the hints is another picture: the join refuses to mix them.
    const QString plain = path(QStringLiteral("unguided-range1.mkv"));
    QVERIFY(colorize(QStringList{clip, plain, QStringLiteral("--range"), QStringLiteral("20:39")} +
                     common(path(QStringLiteral("guided-cache1")))));
    QVERIFY(test::videoFrameMd5(plain) != test::videoFrameMd5(r1));  // the hint shows
    expectRefusal({r0, plain}, QStringLiteral("other settings"));
  }

  void concatRefusesBadShardSets() {
    QCOMPARE(cut_shards_.size(), 3);
    QCOMPARE(plain_shards_.size(), 3);
    const QStringList& s = cut_shards_;
    expectRefusal({s[0], s[2]}, QStringLiteral("missing"));
    expectRefusal({s[0], s[1]}, QStringLiteral("missing shard at the end"));
    expectRefusal({s[0], s[1], s[1], s[2]}, QStringLiteral("duplicated"));
    expectRefusal({s[1], s[0], s[2]}, QStringLiteral("out of order"));
    expectRefusal({s[0], plain_shards_[1], s[2]}, QStringLiteral("foreign"));
    expectRefusal({s[0], cut_clip_, s[2]}, QStringLiteral("not a Chromaflow shard"));
    // Made with another lambda: same frames, other settings.
    const QString other = path(QStringLiteral("cuts-shard1-lambda2.mkv"));
    QStringList args =
        QStringList{cut_clip_, other, QStringLiteral("--shard"), QStringLiteral("1/3")} +
        common(path(QStringLiteral("cuts-cache-shard1")));
    args[args.indexOf(QStringLiteral("--lambda")) + 1] = QStringLiteral("2");
    QVERIFY(colorize(args));
    expectRefusal({s[0], other, s[2]}, QStringLiteral("other settings"));
    // The audio must come from the film the shards were made from.
    const QString out = path(QStringLiteral("wrong-audio.mkv"));
    const test::CliResult r =
        test::runCli(QStringList{QStringLiteral("concat")} + s +
                     QStringList{out, QStringLiteral("--audio-from"), plain_clip_});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(QLatin1String("not the film")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
  }

  void concatEncodesOtherCodecsOnce() {
    QCOMPARE(cut_shards_.size(), 3);
    // Matroska: it holds the source's FLAC audio as it is.
    const QString out = path(QStringLiteral("joined-h264.mkv"));
    const test::CliResult r =
        test::runCli(QStringList{QStringLiteral("concat")} + cut_shards_ +
                     QStringList{out, QStringLiteral("--codec"), QStringLiteral("h264"),
                                 QStringLiteral("--audio-from"), cut_clip_});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("encoded once")), qPrintable(r.out));
    QCOMPARE(test::packetCount(out, QStringLiteral("v:0")), 120);
    QCOMPARE(test::streamValue(out, QStringLiteral("v:0"), QStringLiteral("codec_name")),
             QStringLiteral("h264"));
    QVERIFY(!test::streamValue(out, QStringLiteral("a:0"), QStringLiteral("codec_name")).isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
