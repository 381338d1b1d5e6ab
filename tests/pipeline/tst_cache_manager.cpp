// The cache manager's core: sizes per video and in total, clearing, the size limit that evicts
// the least recently used folders (never those in use), moving the root, and that nothing but
// Chromaflow's own files is ever deleted.

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "pipeline/CacheManager.h"

using namespace cf::pipeline;

namespace {

void writeFile(const QString& path, qint64 bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QByteArray(int(bytes), 'x'));
}

// A cache folder of `entries` ab entries of 1000 bytes, last used `age_s` seconds ago.
QString makeFolder(const QString& root, const QString& name, int entries, int age_s) {
  const QString folder = QDir(root).filePath(name);
  QDir().mkpath(folder);
  for (int i = 0; i < entries; ++i)
    writeFile(QDir(folder).filePath(QStringLiteral("ab_%1.f16").arg(i, 9, 10, QLatin1Char('0'))),
              1000);
  markCacheFolderUsed(folder.toStdString());
  QFile marker(QDir(folder).filePath(QStringLiteral(".chromaflow-used")));
  marker.open(QIODevice::ReadWrite);
  marker.setFileTime(QDateTime::currentDateTime().addSecs(-age_s),
                     QFileDevice::FileModificationTime);
  return folder;
}

}  // namespace

class TestCacheManager : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void measuresPerVideoAndInTotal() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    const QString a = makeFolder(root, QStringLiteral("a-1"), 3, 300);
    makeFolder(root, QStringLiteral("b-2"), 2, 100);
    writeFile(QDir(root).filePath(QStringLiteral("cuts-abc.json")), 50);
    QDir().mkpath(QDir(root).filePath(QStringLiteral("not-a-cache")));
    const CacheUsage u = measureCache(root.toStdString(), {a.toStdString()});
    QCOMPARE(u.folders.size(), size_t(2));
    QCOMPARE(u.folders.front().path, a.toStdString());  // least recently used first
    QVERIFY(u.video_bytes >= 3000 && u.video_bytes < 3100);
    QVERIFY(u.total_bytes >= 5050 && u.total_bytes < 5300);
    QCOMPARE(measureCache(dir.filePath(QStringLiteral("missing")).toStdString(), {}).total_bytes,
             int64_t(0));
  }

  void clearingDeletesOnlyChromaflowFiles() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    const QString a = makeFolder(root, QStringLiteral("a-1"), 2, 10);
    const QString b = makeFolder(root, QStringLiteral("b-2"), 2, 10);
    writeFile(QDir(b).filePath(QStringLiteral("holiday.mp4")), 10);  // not ours
    writeFile(QDir(root).filePath(QStringLiteral("cuts-abc.json")), 50);
    writeFile(QDir(root).filePath(QStringLiteral("notes.txt")), 5);
    QVERIFY(clearCacheFolder(a.toStdString()).ok());
    QVERIFY(!QFileInfo::exists(a));
    QVERIFY(clearCache(root.toStdString()).ok());
    QVERIFY(QFileInfo::exists(QDir(b).filePath(QStringLiteral("holiday.mp4"))));
    QCOMPARE(QDir(b).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("holiday.mp4")});
    QVERIFY(!QFileInfo::exists(QDir(root).filePath(QStringLiteral("cuts-abc.json"))));
    QVERIFY(QFileInfo::exists(QDir(root).filePath(QStringLiteral("notes.txt"))));
  }

  void limitEvictsLeastRecentlyUsedButNotInUse() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    const QString oldest = makeFolder(root, QStringLiteral("old-1"), 4, 900);
    const QString in_use = makeFolder(root, QStringLiteral("use-2"), 4, 600);
    const QString older = makeFolder(root, QStringLiteral("mid-3"), 4, 300);
    const QString newest = makeFolder(root, QStringLiteral("new-4"), 4, 10);
    // 16 kB in four folders; a 9 kB limit must free two folders: the oldest one and, the one in
    // use being spared, the next oldest.
    auto freed = enforceCacheLimit(root.toStdString(), 9000, {in_use.toStdString()});
    QVERIFY(freed.ok());
    QVERIFY(*freed >= 8000);
    QVERIFY(!QFileInfo::exists(oldest));
    QVERIFY(QFileInfo::exists(in_use));
    QVERIFY(!QFileInfo::exists(older));
    QVERIFY(QFileInfo::exists(newest));
    QVERIFY(measureCache(root.toStdString(), {}).total_bytes <= 9000);
    // No limit, or under it: nothing is deleted.
    QCOMPARE(*enforceCacheLimit(root.toStdString(), 0, {}), int64_t(0));
    QCOMPARE(*enforceCacheLimit(root.toStdString(), 1 << 20, {}), int64_t(0));
    QVERIFY(QFileInfo::exists(newest));
  }

  void moveKeepsEveryEntry() {
    QTemporaryDir dir;
    const QString from = dir.filePath(QStringLiteral("from"));
    const QString to = dir.filePath(QStringLiteral("to/deeper"));
    makeFolder(from, QStringLiteral("a-1"), 3, 10);
    makeFolder(from, QStringLiteral("b-2"), 1, 10);
    writeFile(QDir(from).filePath(QStringLiteral("cuts-abc.json")), 50);
    const int64_t before = measureCache(from.toStdString(), {}).total_bytes;
    QVERIFY(moveCache(from.toStdString(), to.toStdString()).ok());
    QCOMPARE(measureCache(to.toStdString(), {}).total_bytes, before);
    QCOMPARE(measureCache(from.toStdString(), {}).total_bytes, int64_t(0));
    QVERIFY(QFileInfo::exists(QDir(to).filePath(QStringLiteral("a-1/ab_000000002.f16"))));
    // A clash leaves the source whole and says why.
    makeFolder(from, QStringLiteral("a-1"), 1, 10);
    const cf::Status clash = moveCache(from.toStdString(), to.toStdString());
    QVERIFY(!clash.ok());
    QVERIFY2(clash.message().find("a-1") != std::string::npos, clash.message().c_str());
    QVERIFY(QFileInfo::exists(QDir(from).filePath(QStringLiteral("a-1/ab_000000000.f16"))));
    // An unwritable target is refused before anything moves.
    const cf::Status bad = moveCache(from.toStdString(), "/proc/chromaflow-cache");
    QVERIFY(!bad.ok());
    QVERIFY(QFileInfo::exists(QDir(from).filePath(QStringLiteral("a-1/ab_000000000.f16"))));
  }

  void guidedShotFoldersAreTheVideosToo() {
    // Keyframe colour: one folder per guided shot in `<network folder>-guided/` (issue #15).
    QTemporaryDir dir;
    const QString root = dir.path();
    const QString net = makeFolder(root, QStringLiteral("clip-1"), 2, 300);
    const QString guided = net + QString::fromLatin1(kGuidedCacheSuffix);
    const QString shot_a = makeFolder(guided, QStringLiteral("0123abcd"), 3, 200);
    const QString shot_b = makeFolder(guided, QStringLiteral("4567ef01"), 1, 100);
    const QString other = makeFolder(root, QStringLiteral("other-2"), 4, 50);
    // The video's folders as videoCacheFolders() names them: network, flows, guided shots.
    const std::vector<std::string> video{net.toStdString(),
                                         (root + QStringLiteral("/clip-1-flow")).toStdString(),
                                         guided.toStdString()};
    const CacheUsage u = measureCache(root.toStdString(), video);
    QCOMPARE(u.folders.size(), size_t(4));
    QVERIFY2(u.video_bytes >= 6000 && u.video_bytes < 6100,
             qPrintable(QString::number(u.video_bytes)));
    QVERIFY(u.total_bytes >= 10000 && u.total_bytes < 10200);
    QCOMPARE(u.folders[1].path, shot_a.toStdString());  // least recently used first

    // Moved with their parent folder.
    QTemporaryDir to_dir;
    const QString to = to_dir.filePath(QStringLiteral("moved"));
    QVERIFY(moveCache(root.toStdString(), to.toStdString()).ok());
    QVERIFY(QFileInfo::exists(to + QStringLiteral("/clip-1-guided/0123abcd/ab_000000002.f16")));
    QVERIFY(!QFileInfo::exists(guided));
    QCOMPARE(measureCache(to.toStdString(), {}).total_bytes, u.total_bytes);
    QVERIFY(moveCache(to.toStdString(), root.toStdString()).ok());

    // The limit evicts a guided shot like any folder (the oldest first).
    auto freed = enforceCacheLimit(root.toStdString(), 9000, {other.toStdString()});
    QVERIFY(freed.ok());
    QVERIFY(!QFileInfo::exists(net));
    QVERIFY(QFileInfo::exists(shot_b));

    // Clearing the video's folders clears its guided shots and their parent.
    for (const std::string& folder : video)
      QVERIFY(clearCacheFolder(folder).ok());
    QVERIFY(!QFileInfo::exists(shot_a));
    QVERIFY(!QFileInfo::exists(shot_b));
    QVERIFY(!QFileInfo::exists(guided));
    QVERIFY(QFileInfo::exists(other));
    QCOMPARE(measureCache(root.toStdString(), video).video_bytes, int64_t(0));
  }
};

QTEST_GUILESS_MAIN(TestCacheManager)
#include "tst_cache_manager.moc"
