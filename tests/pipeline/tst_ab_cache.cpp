// The ab cache: fp16 round trip, memory bound, disk persistence across instances, bad folders,
// and the per-entry checksum that keeps changed bytes from being served.

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <limits>

#include "model/NetworkOutput.h"
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

  // Issue #20: two payload bytes set to FF FF (an fp16 NaN) used to be served as is, and the whole
  // film came out black. Every entry now carries a CRC-32 that find() verifies.
  void changedPayloadBytesAreDetectedAndRecomputed() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("c")).toStdString();
    const auto entry = randomEntry(4);
    {
      auto cache = AbCache::open(path, 2);
      QVERIFY((*cache)->store(3, entry).ok());
      QVERIFY((*cache)->store(4, entry).ok());
    }
    const QString file = QString::fromStdString(path) + QStringLiteral("/ab_000000003.f16");
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(f.seek(size / 2));
    QVERIFY(f.write("\xff\xff", 2) == 2);  // one fp16 NaN in the middle of the payload
    f.close();
    QCOMPARE(QFileInfo(file).size(), size);  // size and header intact: only the CRC can tell

    auto cache = AbCache::open(path, 2);
    QVERIFY(!(*cache)->find(3));
    QCOMPARE((*cache)->rejectedEntries(), int64_t(1));
    QVERIFY((*cache)->rejectionNote(1).find(path) != std::string::npos);
    QVERIFY((*cache)->find(4));  // the intact neighbour is still used
    QCOMPARE((*cache)->rejectedEntries(), int64_t(1));
    // Recomputed and stored again: served, and exactly the fp16 values.
    QVERIFY((*cache)->store(3, entry).ok());
    auto fresh = AbCache::open(path, 2);
    const auto back = (*fresh)->find(3);
    QVERIFY(back);
    QCOMPARE(cv::norm(back->ab, AbCache::quantized(*entry)->ab, cv::NORM_INF), 0.0);
  }

  void entryOfAnotherFrameOrFormatIsRejected() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("c")).toStdString();
    const auto entry = randomEntry(5);
    const std::string bytes = AbCache::encodeEntry(7, *entry);
    std::string problem;
    QVERIFY(AbCache::decodeEntry(bytes.data(), bytes.size(), 7, &problem));
    QVERIFY(!AbCache::decodeEntry(bytes.data(), bytes.size(), 8, &problem));  // copied to slot 8
    QVERIFY2(problem.find("frame 7") != std::string::npos, problem.c_str());
    std::string old = bytes;
    old[4] = 1;  // format version 1 (no checksum)
    QVERIFY(!AbCache::decodeEntry(old.data(), old.size(), 7, &problem));
    QVERIFY2(problem.find("format 1") != std::string::npos, problem.c_str());
    for (size_t cut : {size_t(0), size_t(10), size_t(39), bytes.size() - 1})
      QVERIFY(!AbCache::decodeEntry(bytes.data(), cut, 7, &problem));
    // A forged entry with a valid checksum but NaN payload is still refused.
    auto nan_entry = std::make_shared<CachedAb>(*entry);
    nan_entry->ab = entry->ab.clone();
    nan_entry->ab.at<cv::Vec2f>(0, 0)[0] = std::numeric_limits<float>::quiet_NaN();
    const std::string forged = AbCache::encodeEntry(7, *nan_entry);
    QVERIFY(!AbCache::decodeEntry(forged.data(), forged.size(), 7, &problem));
    QVERIFY2(problem.find("NaN") != std::string::npos, problem.c_str());
  }

  // The disk holds the network's own output (here 1/8 of a padded 48x32 frame, of which the
  // 45x30 top-left part is the working frame); find() upsamples it again, and what memory served
  // right after store() is exactly what a later run reads back.
  void nativeOutputIsStoredSmallAndUpsampledOnRead() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("cache")).toStdString();
    cv::theRNG().state = 11;
    auto entry = std::make_shared<CachedAb>();
    entry->native.ab.create(4, 6, CV_32FC2);
    entry->native.confidence.create(4, 6, CV_32FC1);
    cv::randu(entry->native.ab, -90, 90);
    cv::randu(entry->native.confidence, 0, 1);
    entry->native.padded = cv::Size(48, 32);
    entry->native.frame = cv::Size(45, 30);
    auto cache = AbCache::open(path, 4);
    QVERIFY(cache.ok());
    QVERIFY((*cache)->store(3, entry).ok());
    QCOMPARE((*cache)->bytesOnDisk(), AbCache::entryBytes(cv::Size(6, 4), true));
    QCOMPARE(QFileInfo(QString::fromStdString(path) + QStringLiteral("/ab_000000003.f16")).size(),
             qint64(AbCache::entryBytes(cv::Size(6, 4), true)));
    const auto served = (*cache)->find(3);
    QVERIFY(served);
    QCOMPARE(served->ab.size(), cv::Size(45, 30));
    QCOMPARE(served->confidence.size(), cv::Size(45, 30));
    // The same arithmetic as a frame computed without a cache: fp16 native, then upsampled.
    const auto expected = AbCache::quantized(*entry);
    cv::Mat ab, conf;
    cf::model::upsampleOutput(expected->native, ab, conf);
    QCOMPARE(cv::norm(served->ab, ab, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(served->confidence, conf, cv::NORM_INF), 0.0);
    auto reopened = AbCache::open(path, 4);
    const auto from_disk = (*reopened)->find(3);
    QVERIFY(from_disk);
    QCOMPARE(cv::norm(from_disk->ab, served->ab, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(from_disk->confidence, served->confidence, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(from_disk->native.ab, served->native.ab, cv::NORM_INF), 0.0);
    // Upsampling is bilinear: no value leaves the range of the native output.
    double lo = 0, hi = 0;
    cv::minMaxLoc(served->ab.reshape(1), &lo, &hi);
    QVERIFY(lo >= -90.1 && hi <= 90.1);
  }

  // A version-2 entry (the previous format: the upsampled ab at the working resolution, a 40-byte
  // header) has a valid checksum of its own, but is recognised by its version and never read as a
  // version-3 entry.
  void previousFormatIsDetectedNotMisread() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("cache")).toStdString();
    QVERIFY(QDir().mkpath(QString::fromStdString(path)));
    const int w = 8, h = 4;
    std::string v2(40 + size_t(w * h * 2 * 2), '\0');
    const uint32_t fields[] = {2u, uint32_t(w), uint32_t(h), 0u, uint32_t(w * h * 4)};
    std::memcpy(v2.data(), "CFAB", 4);
    std::memcpy(v2.data() + 4, fields, sizeof fields);
    const int64_t frame = 5;
    std::memcpy(v2.data() + 24, &frame, sizeof frame);
    std::string problem;
    QVERIFY(!AbCache::decodeEntry(v2.data(), v2.size(), 5, &problem));
    QVERIFY2(problem.find("format 2") != std::string::npos, problem.c_str());
    {
      QFile f(QString::fromStdString(path) + QStringLiteral("/ab_000000005.f16"));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(v2.data(), qint64(v2.size()));
    }
    auto cache = AbCache::open(path, 2);
    QVERIFY(!(*cache)->find(5));
    QCOMPARE((*cache)->rejectedEntries(), int64_t(1));
    QVERIFY((*cache)->rejectionNote(1).find("older Chromaflow") != std::string::npos);
    // Recomputed and stored: the new entry replaces the old file.
    QVERIFY((*cache)->store(5, randomEntry(2)).ok());
    auto fresh = AbCache::open(path, 2);
    QVERIFY((*fresh)->find(5));
    // The cache manager may delete the folder while a video is open: the next entry recreates it.
    QVERIFY(QDir(QString::fromStdString(path)).removeRecursively());
    const cf::Status again = (*fresh)->store(6, randomEntry(3));
    QVERIFY2(again.ok(), again.message().c_str());
    QVERIFY(QFileInfo::exists(QString::fromStdString(path) + QStringLiteral("/ab_000000006.f16")));
  }

  // The committed fuzz seeds (tests/fuzz/make_cache_seeds.py) are valid entries of this format,
  // so the fuzzer starts from the accepting path.
  void fuzzSeedsOfThisFormatDecode() {
    for (const char* name : {"ab_v3_conf_4x3.bin", "ab_v3_noconf_2x2.bin"}) {
      QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/seeds/cache_entry/") +
              QLatin1String(name));
      QVERIFY2(f.open(QIODevice::ReadOnly), name);
      const QByteArray bytes = f.readAll();
      int64_t frame = 0;
      std::memcpy(&frame, bytes.constData(), sizeof frame);
      std::string problem;
      const auto entry =
          AbCache::decodeEntry(bytes.constData() + 8, size_t(bytes.size()) - 8, frame, &problem);
      QVERIFY2(entry, problem.c_str());
      QCOMPARE(entry->ab.size(), entry->native.frame);
      QCOMPARE(AbCache::encodeEntry(frame, *entry), bytes.toStdString().substr(8));
    }
  }

  void unwritableFolderIsAnError() {
    auto cache = AbCache::open("/proc/chromaflow-cache", 2);
    QVERIFY(!cache.ok());
    QVERIFY(cache.message().find("/proc/chromaflow-cache") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestAbCache)
#include "tst_ab_cache.moc"
