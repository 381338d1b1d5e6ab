// A cache folder shared by several nodes: two processes write the same entries of the network
// cache and of the flow cache at the same moment, and each reads back every entry intact (the
// writes go to a unique temporary name and are renamed, so a reader never sees a torn file).
// The test runs this same executable twice as the writers (CF_CACHE_WRITER=dir).

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

#include "pipeline/AbCache.h"
#include "temporal/DiskFlowCache.h"

using namespace cf;

namespace {

constexpr int kEntries = 6;
constexpr int kRounds = 12;

// The same content in every process (as two nodes computing one aligned batch get).
std::shared_ptr<pipeline::CachedAb> abEntry(int frame) {
  cv::RNG rng(static_cast<uint64_t>(1000 + frame));
  auto e = std::make_shared<pipeline::CachedAb>();
  e->ab.create(360, 640, CV_32FC2);  // ~1.4 MB on disk with the confidence: slow enough to overlap
  e->confidence.create(360, 640, CV_32FC1);
  rng.fill(e->ab, cv::RNG::UNIFORM, -80, 80);
  rng.fill(e->confidence, cv::RNG::UNIFORM, 0, 1);
  return e;
}

temporal::FrameLinkPtr flowEntry(int frame) {
  cv::RNG rng(static_cast<uint64_t>(2000 + frame));
  auto link = std::make_shared<temporal::FrameLink>();
  link->flow_to_prev.create(180, 320, CV_32FC2);
  rng.fill(link->flow_to_prev, cv::RNG::UNIFORM, -4, 4);
  link->mask.create(180, 320, CV_8UC1);
  rng.fill(link->mask, cv::RNG::UNIFORM, 0, 2);
  return link;
}

bool sameMat(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0.0;
}

// Writes every entry kRounds times, reading each back right after writing it (the other process
// may have replaced it in between). Returns the number of bad reads.
int runWriter(const QString& dir) {
  auto ab = pipeline::AbCache::open(dir.toStdString() + "/ab", 1);
  auto flows = temporal::DiskFlowCache::open(dir.toStdString() + "/flow", 1);
  if (!ab || !flows)
    return 100;
  int bad = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int f = 0; f < kEntries; ++f) {
      const auto entry = abEntry(f);
      if (!(*ab)->store(f, entry))
        ++bad;
      const auto expected = pipeline::AbCache::quantized(*entry);
      // A fresh cache object reads from disk, not from this one's memory.
      auto reader = pipeline::AbCache::open(dir.toStdString() + "/ab", 1);
      const auto got = (*reader)->find(f);
      if (!got || !sameMat(got->ab, expected->ab) ||
          !sameMat(got->confidence, expected->confidence))
        ++bad;
      const temporal::FramePair pair{f, f + 1};
      const auto link = flowEntry(f);
      auto stored = (*flows)->insert(pair, link);
      if (!stored)
        ++bad;
      auto flow_reader = temporal::DiskFlowCache::open(dir.toStdString() + "/flow", 1);
      const auto back = (*flow_reader)->find(pair);
      if (!back || !stored || !sameMat(back->mask, (*stored)->mask) ||
          !sameMat(back->flow_to_prev, (*stored)->flow_to_prev))
        ++bad;
    }
  }
  return bad;
}

}  // namespace

class TestSharedCache : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void twoWritersOfOneEntryBothReadItBackIntact() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess a, b;
    for (QProcess* p : {&a, &b}) {
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert(QStringLiteral("CF_CACHE_WRITER"), dir.path());
      p->setProcessEnvironment(env);
      p->setProcessChannelMode(QProcess::ForwardedChannels);
    }
    a.start(QCoreApplication::applicationFilePath(), {});
    b.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(a.waitForFinished(120000));
    QVERIFY(b.waitForFinished(120000));
    QCOMPARE(a.exitStatus(), QProcess::NormalExit);
    QCOMPARE(b.exitStatus(), QProcess::NormalExit);
    QCOMPARE(a.exitCode(), 0);  // bad reads in writer a
    QCOMPARE(b.exitCode(), 0);
    // Afterwards every entry reads back intact, and no temporary file is left beside them.
    auto ab = pipeline::AbCache::open(dir.filePath(QStringLiteral("ab")).toStdString(), 1);
    QVERIFY(ab.ok());
    for (int f = 0; f < kEntries; ++f) {
      const auto got = (*ab)->find(f);
      QVERIFY(got);
      QVERIFY(sameMat(got->ab, pipeline::AbCache::quantized(*abEntry(f))->ab));
    }
    QCOMPARE(QDir(dir.filePath(QStringLiteral("ab"))).entryList(QDir::Files | QDir::Hidden).size(),
             kEntries);
  }
};

int main(int argc, char** argv) {
  const QString writer_dir = qEnvironmentVariable("CF_CACHE_WRITER");
  if (!writer_dir.isEmpty())
    return std::min(runWriter(writer_dir), 99);
  QCoreApplication app(argc, argv);
  TestSharedCache test;
  return QTest::qExec(&test, argc, argv);
}

#include "tst_shared_cache.moc"
