// The ab cache: fp16 round trip, memory bound, disk persistence across instances, bad folders.

#include <QTemporaryDir>
#include <QtTest>

#include "pipeline/AbCache.h"

using cf::pipeline::AbCache;
using cf::pipeline::CachedAb;

namespace {
std::shared_ptr<CachedAb> randomEntry(int seed) {
  cv::theRNG().state = static_cast<uint64_t>(seed);
  auto e = std::make_shared<CachedAb>();
  e->ab.create(24, 40, CV_32FC2);
  e->confidence.create(24, 40, CV_32FC1);
  cv::randu(e->ab, -80, 80);
  cv::randu(e->confidence, 0, 1);
  return e;
}
}  // namespace

class TestAbCache : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void diskRoundTripMatchesMemoryExactly() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("cache")).toStdString();
    auto cache = AbCache::open(path, 4);
    QVERIFY(cache.ok());
    const auto entry = randomEntry(1);
    QVERIFY((*cache)->store(7, entry).ok());
    const auto from_memory = (*cache)->find(7);
    QVERIFY(from_memory);
    // fp16 rounding: close to the input...
    QVERIFY(cv::norm(from_memory->ab, entry->ab, cv::NORM_INF) < 0.07);
    // ...and a fresh instance reading the file returns exactly what memory served.
    auto reopened = AbCache::open(path, 4);
    QVERIFY(reopened.ok());
    QVERIFY((*reopened)->contains(7));
    QVERIFY(!(*reopened)->contains(8));
    const auto from_disk = (*reopened)->find(7);
    QVERIFY(from_disk);
    QCOMPARE(cv::norm(from_disk->ab, from_memory->ab, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(from_disk->confidence, from_memory->confidence, cv::NORM_INF), 0.0);
    QCOMPARE((*cache)->bytesOnDisk(), AbCache::entryBytes(cv::Size(40, 24), true));
  }

  void memoryIsBounded() {
    auto cache = AbCache::open(std::string(), 3);
    QVERIFY(cache.ok());
    for (int i = 0; i < 10; ++i)
      QVERIFY((*cache)->store(i, randomEntry(i)).ok());
    QCOMPARE((*cache)->memoryEntries(), size_t(3));
    QVERIFY((*cache)->find(9));
    QVERIFY(!(*cache)->find(0));  // evicted, and no disk behind it
  }

  void corruptFileIsIgnored() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("c")).toStdString();
    {
      auto cache = AbCache::open(path, 2);
      QVERIFY((*cache)->store(1, randomEntry(3)).ok());
    }
    QFile f(QString::fromStdString(path) + QStringLiteral("/ab_000000001.f16"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.resize(f.size() / 2);  // truncated, as after a crash without atomic rename
    f.close();
    auto cache = AbCache::open(path, 2);
    QVERIFY(!(*cache)->find(1));
  }

  void unwritableFolderIsAnError() {
    auto cache = AbCache::open("/proc/chromaflow-cache", 2);
    QVERIFY(!cache.ok());
    QVERIFY(cache.message().find("/proc/chromaflow-cache") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestAbCache)
#include "tst_ab_cache.moc"
