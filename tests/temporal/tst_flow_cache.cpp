// The disk flow cache: links survive a new cache object (a later run), come back exactly as
// insert() returned them, are rounded to 1/16 px, compress, and a damaged file is never trusted.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

#include "SyntheticVideo.h"
#include "temporal/DiskFlowCache.h"

using namespace cf::temporal;

class TestFlowCache : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  static bool sameLink(const FrameLink& a, const FrameLink& b) {
    return cv::norm(a.flow_to_prev, b.flow_to_prev, cv::NORM_INF) == 0.0 &&
           cv::norm(a.mask, b.mask, cv::NORM_INF) == 0.0;
  }

 private Q_SLOTS:
  void linksSurviveANewCacheObject() {
    const auto video = cf::test::movingObjectVideo(5, cv::Size(96, 64), 16, {10.f, 20.f},
                                                   {2.3f, 0.7f}, {0.f, 0.f}, {20.f, 20.f}, 3);
    const std::string folder = dir_.filePath(QStringLiteral("flows")).toStdString();
    std::vector<FrameLinkPtr> stored;
    int64_t bytes = 0;
    {
      auto cache = DiskFlowCache::open(folder, 2);
      QVERIFY(cache.ok());
      FrameLinker linker(FlowSettings{}, **cache);
      for (size_t n = 1; n < video.l.size(); ++n) {
        auto link = linker.link({int64_t(n - 1), int64_t(n)}, video.l[n - 1], video.l[n],
                                video.l[n].size());
        QVERIFY(link.ok());
        stored.push_back(*link);
        // Rounded to 1/16 px, as stored: the first run smooths with what a later run reads.
        cv::Mat scaled = (*link)->flow_to_prev * 16.0, rounded;
        scaled.convertTo(rounded, CV_32S);
        rounded.convertTo(rounded, CV_32F);
        QCOMPARE(cv::norm(scaled, rounded, cv::NORM_INF), 0.0);
      }
      QCOMPARE(linker.computedCount(), int64_t(video.l.size() - 1));
      bytes = (*cache)->bytesWritten();
    }
    // Compressed: far below the raw size of the flows and masks.
    const int64_t raw = int64_t(stored.size()) * 96 * 64 * (8 + 1);
    QVERIFY2(bytes > 0 && bytes < raw / 3,
             qPrintable(QStringLiteral("%1 of %2").arg(bytes).arg(raw)));

    auto again = DiskFlowCache::open(folder, 2);  // a later run: memory is empty
    QVERIFY(again.ok());
    FrameLinker linker(FlowSettings{}, **again);
    for (size_t n = 1; n < video.l.size(); ++n) {
      auto link =
          linker.link({int64_t(n - 1), int64_t(n)}, video.l[n - 1], video.l[n], video.l[n].size());
      QVERIFY(link.ok());
      QVERIFY(sameLink(**link, *stored[n - 1]));
    }
    QCOMPARE(linker.computedCount(), int64_t(0));
    // The moving object's flow is there (not a zero field that happens to compress well).
    double max_flow = 0.0;
    cv::minMaxLoc(stored[0]->flow_to_prev.reshape(1), nullptr, &max_flow);
    double min_flow = 0.0;
    cv::minMaxLoc(stored[0]->flow_to_prev.reshape(1), &min_flow, nullptr);
    max_flow = std::max(max_flow, -min_flow);
    QVERIFY2(max_flow > 1.0, qPrintable(QString::number(max_flow)));
  }

  void damagedFilesAreRecomputed() {
    const QString folder = dir_.filePath(QStringLiteral("damaged"));
    auto link = std::make_shared<FrameLink>();
    link->flow_to_prev = cv::Mat(40, 60, CV_32FC2, cv::Scalar(1.25f, -3.5f));
    link->mask = cv::Mat(40, 60, CV_8UC1, cv::Scalar(1));
    {
      auto cache = DiskFlowCache::open(folder.toStdString(), 1);
      QVERIFY(cache.ok());
      QVERIFY((*cache)->insert({0, 1}, link).ok());
      QVERIFY((*cache)->insert({1, 2}, link).ok());
    }
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.cfl")}, QDir::Files);
    QCOMPARE(files.size(), 2);
    QFile f(QDir(folder).filePath(files.at(0)));  // frames 0 -> 1
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() - 5));  // truncated, as by a crash without an atomic rename
    f.close();
    auto cache = DiskFlowCache::open(folder.toStdString(), 1);
    QVERIFY(cache.ok());
    QVERIFY((*cache)->find({0, 1}) == nullptr);
    const FrameLinkPtr intact = (*cache)->find({1, 2});
    QVERIFY(intact);
    QVERIFY(sameLink(*intact, *link));
    QVERIFY((*cache)->find({5, 6}) == nullptr);
  }

  // Issue #20: a changed payload byte of a compressed flow can unpack to a wrong flow; the CRC
  // of every entry catches it, and an entry copied to another pair's name is refused too.
  void changedBytesAndWrongPairAreRejected() {
    const QString folder = dir_.filePath(QStringLiteral("crc"));
    auto link = std::make_shared<FrameLink>();
    link->flow_to_prev = cv::Mat(40, 60, CV_32FC2, cv::Scalar(0.5f, 2.0f));
    link->mask = cv::Mat(40, 60, CV_8UC1, cv::Scalar(1));
    {
      auto cache = DiskFlowCache::open(folder.toStdString(), 1);
      QVERIFY((*cache)->insert({0, 1}, link).ok());
      QVERIFY((*cache)->insert({1, 2}, link).ok());
    }
    const QString first = QDir(folder).filePath(QStringLiteral("flow_000000000_000000001.cfl"));
    QFile f(first);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(f.size() - 3));
    char byte = 0;
    QVERIFY(f.getChar(&byte));
    QVERIFY(f.seek(f.size() - 3));
    QVERIFY(f.putChar(static_cast<char>(byte ^ 0x10)));
    f.close();
    auto cache = DiskFlowCache::open(folder.toStdString(), 1);
    QVERIFY((*cache)->find({0, 1}) == nullptr);
    QCOMPARE((*cache)->rejectedEntries(), int64_t(1));
    QVERIFY(!(*cache)->rejectionNote(1).empty());
    QVERIFY((*cache)->find({1, 2}) != nullptr);

    const std::string bytes = DiskFlowCache::encodeLink({1, 2}, *DiskFlowCache::quantized(*link));
    std::string problem;
    QVERIFY(DiskFlowCache::decodeLink(bytes.data(), bytes.size(), {1, 2}, &problem));
    QVERIFY(!DiskFlowCache::decodeLink(bytes.data(), bytes.size(), {2, 3}, &problem));
    QVERIFY2(problem.find("pair") != std::string::npos, problem.c_str());
    std::string old = bytes;
    old[4] = 1;  // format version 1
    QVERIFY(!DiskFlowCache::decodeLink(old.data(), old.size(), {1, 2}, &problem));
  }

  // Version 3: the flow is stored losslessly once rounded to 1/16 px (quantizeLink), so the
  // stated error bound is half a step, 1/32 px, against the computed flow; the residual coding
  // (median-edge prediction, zigzag, byte planes) round-trips any field exactly, rough or smooth,
  // negative or at the clamp.
  void storageIsLosslessWithinTheStatedBound() {
    cv::theRNG().state = 5;
    auto link = std::make_shared<FrameLink>();
    link->flow_to_prev.create(37, 53, CV_32FC2);
    cv::randu(link->flow_to_prev, -40.0, 40.0);
    link->flow_to_prev.at<cv::Vec2f>(0, 0) = cv::Vec2f(5000.f, -5000.f);  // beyond +-2048: clamped
    link->flow_to_prev.at<cv::Vec2f>(1, 2) = cv::Vec2f(2047.9f, -2047.99f);
    link->mask.create(37, 53, CV_8UC1);
    cv::randu(link->mask, 0, 2);
    const FrameLinkPtr q = quantizeLink(*link);
    cv::Mat err = cv::abs(q->flow_to_prev - link->flow_to_prev);
    err.at<cv::Vec2f>(0, 0) = cv::Vec2f(0.f, 0.f);
    QVERIFY(cv::norm(err, cv::NORM_INF) <= 1.0 / 32.0 + 1e-6);
    QCOMPARE(q->flow_to_prev.at<cv::Vec2f>(0, 0)[0], 32767.f / 16.f);
    QCOMPARE(q->flow_to_prev.at<cv::Vec2f>(0, 0)[1], -2048.f);
    QVERIFY(sameLink(*DiskFlowCache::quantized(*link), *q));
    const std::string bytes = DiskFlowCache::encodeLink({4, 5}, *q);
    std::string problem;
    const FrameLinkPtr back =
        DiskFlowCache::decodeLink(bytes.data(), bytes.size(), {4, 5}, &problem);
    QVERIFY2(back, problem.c_str());
    QVERIFY(sameLink(*back, *q));
    // A smooth field (what optical flow gives) packs far below its 16-bit size.
    auto smooth = std::make_shared<FrameLink>();
    smooth->flow_to_prev.create(64, 114, CV_32FC2);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 114; ++x)
        smooth->flow_to_prev.at<cv::Vec2f>(y, x) =
            cv::Vec2f(3.f + 0.05f * float(x), -1.f + 0.02f * float(y) * float(x) / 114.f);
    smooth->mask = cv::Mat(64, 114, CV_8UC1, cv::Scalar(1));
    const std::string packed = DiskFlowCache::encodeLink({0, 1}, *quantizeLink(*smooth));
    QVERIFY2(packed.size() < size_t(64 * 114 * 4) / 8, qPrintable(QString::number(packed.size())));
    const FrameLinkPtr smooth_back =
        DiskFlowCache::decodeLink(packed.data(), packed.size(), {0, 1}, &problem);
    QVERIFY(smooth_back && sameLink(*smooth_back, *quantizeLink(*smooth)));
    // An entry of the previous format (2) is recognised, not misread.
    std::string old = bytes;
    old[4] = 2;
    QVERIFY(!DiskFlowCache::decodeLink(old.data(), old.size(), {4, 5}, &problem));
    QVERIFY2(problem.find("format 2") != std::string::npos, problem.c_str());
  }

  // A memory-only cache serves a computed link rounded exactly as the disk cache does, so an
  // export without a disk cache equals one with it.
  void memoryAndDiskCachesServeTheSameLink() {
    const auto video = cf::test::movingObjectVideo(3, cv::Size(96, 64), 16, {10.f, 20.f},
                                                   {2.3f, 0.7f}, {0.f, 0.f}, {20.f, 20.f}, 3);
    MemoryFlowCache memory;
    auto disk = DiskFlowCache::open(dir_.filePath(QStringLiteral("same")).toStdString(), 1);
    QVERIFY(disk.ok());
    FrameLinker a(FlowSettings{}, memory), b(FlowSettings{}, **disk);
    const cv::Size size(48, 32);  // links at a lower (the smoothing's) resolution
    auto la = a.link({0, 1}, video.l[0], video.l[1], size);
    auto lb = b.link({0, 1}, video.l[0], video.l[1], size);
    QVERIFY(la.ok() && lb.ok());
    QCOMPARE((*la)->flow_to_prev.size(), size);
    QVERIFY(sameLink(**la, **lb));
    auto reread = DiskFlowCache::open(dir_.filePath(QStringLiteral("same")).toStdString(), 1);
    const FrameLinkPtr lc = (*reread)->find({0, 1});
    QVERIFY(lc && sameLink(*lc, **la));
  }

  // The committed fuzz seed of this format (tests/fuzz/make_cache_seeds.py) is a valid entry.
  void fuzzSeedOfThisFormatDecodes() {
    QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/seeds/cache_entry/flow_v3_6x4.bin"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    int64_t frame = 0;
    std::memcpy(&frame, bytes.constData(), sizeof frame);
    std::string problem;
    const FrameLinkPtr link = DiskFlowCache::decodeLink(
        bytes.constData() + 8, size_t(bytes.size()) - 8, {frame - 1, frame}, &problem);
    QVERIFY2(link, problem.c_str());
    QCOMPARE(link->flow_to_prev.size(), cv::Size(6, 4));
    // (3x - 2y + 5ch) / 4 px, as the generator wrote it.
    QCOMPARE(link->flow_to_prev.at<cv::Vec2f>(3, 5),
             cv::Vec2f(0.75f * 5 - 0.5f * 3, 0.75f * 5 - 0.5f * 3 + 1.25f));
  }

  void unusableFolderIsAClearError() {
    QFile file(dir_.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    // A folder under a regular file cannot be created, even by root.
    auto cache =
        DiskFlowCache::open(dir_.filePath(QStringLiteral("a-file/flows")).toStdString(), 1);
    QVERIFY(!cache.ok());
    QVERIFY2(cache.message().find("a-file/flows") != std::string::npos, cache.message().c_str());
    QVERIFY2(cache.message().find("choose another cache folder") != std::string::npos,
             cache.message().c_str());
  }
};

QTEST_APPLESS_MAIN(TestFlowCache)
#include "tst_flow_cache.moc"
