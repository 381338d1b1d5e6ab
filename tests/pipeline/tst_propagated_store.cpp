// Propagated colour waiting for the network (pipeline/PropagatedStore): at most the set number of
// frames in memory, the rest in spill files read back bit for bit; the frames the consumer wants
// first stay in memory; spill files go when taken or with the store; a folder that cannot be
// written is a clear error.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "pipeline/PropagatedStore.h"

using namespace cf;

namespace {

guide::PropagatedColour colourOf(int64_t frame) {
  guide::PropagatedColour c;
  c.ab.create(17, 23, CV_32FC2);
  c.confidence.create(17, 23, CV_32FC1);
  cv::RNG rng(static_cast<uint64_t>(frame) + 1);
  rng.fill(c.ab, cv::RNG::UNIFORM, -80.0, 80.0);
  rng.fill(c.confidence, cv::RNG::UNIFORM, 0.0, 1.0);
  c.reached_share = 0.01 * static_cast<double>(frame);
  return c;
}

int spillFiles(const QString& dir) {
  return static_cast<int>(
      QDir(dir)
          .entryList({QLatin1String(pipeline::PropagatedStore::kSpillPrefix) + QLatin1Char('*')},
                     QDir::Files)
          .size());
}

}  // namespace

class TestPropagatedStore : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aBackwardSweepKeepsTheFirstFramesInMemory() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    constexpr int64_t kFrames = 12;
    {
      pipeline::PropagatedStore store(3, dir.path().toStdString());
      // As a backward sweep from a keyframe at 12 finishes them: 11, 10, ... 0.
      for (int64_t f = kFrames - 1; f >= 0; --f) {
        const Status s = store.put(f, colourOf(f));
        QVERIFY2(s.ok(), s.message().c_str());
        QVERIFY(store.inMemory() <= 3);
      }
      QCOMPARE(store.peakInMemory(), size_t(3));
      QCOMPARE(store.spilledFrames(), kFrames - 3);
      QCOMPARE(spillFiles(dir.path()), int(kFrames - 3));
      // The three the consumer wants first (0, 1, 2) are the ones in memory.
      for (int64_t f = 0; f < kFrames; ++f)
        QCOMPARE(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("spill_%1.f32").arg(f))),
                 f >= 3);
      // Taken in order, as the export takes them: every frame exactly as it was put.
      for (int64_t f = 0; f < kFrames; ++f) {
        auto c = store.get(f);
        QVERIFY2(c.ok(), c.ok() ? "" : c.message().c_str());
        const guide::PropagatedColour want = colourOf(f);
        QCOMPARE(cv::norm(c->ab, want.ab, cv::NORM_INF), 0.0);
        QCOMPARE(cv::norm(c->confidence, want.confidence, cv::NORM_INF), 0.0);
        QCOMPARE(c->reached_share, want.reached_share);
        store.erase(f);
      }
      QCOMPARE(spillFiles(dir.path()), 0);
      QVERIFY(!store.get(0).ok());  // erased
      // Left without being taken: removed with the store.
      for (int64_t f = 0; f < 6; ++f)
        QVERIFY(store.put(f, colourOf(f)).ok());
      QCOMPARE(spillFiles(dir.path()), 3);
    }
    QCOMPARE(spillFiles(dir.path()), 0);
  }

  void withoutAFolderItSpillsToATemporaryOne() {
    pipeline::PropagatedStore store(1, std::string());
    for (int64_t f = 0; f < 4; ++f)
      QVERIFY(store.put(f, colourOf(f)).ok());
    QCOMPARE(store.spilledFrames(), int64_t(3));
    auto c = store.get(3);
    QVERIFY(c.ok());
    QCOMPARE(cv::norm(c->ab, colourOf(3).ab, cv::NORM_INF), 0.0);
  }

  void summedColourKeepsItsWeights() {
    // Sums waiting for a third sweep carry their weights: spilled and read back exactly, and
    // colour without weights comes back without them.
    pipeline::PropagatedStore store(1, std::string());
    guide::PropagatedColour summed = colourOf(5);
    summed.weight.create(17, 23, CV_32FC1);
    cv::RNG(9).fill(summed.weight, cv::RNG::UNIFORM, 0.0, 300.0);
    const cv::Mat weight = summed.weight.clone();
    QVERIFY(store.put(5, std::move(summed)).ok());
    QVERIFY(store.put(0, colourOf(0)).ok());  // frame 5 goes to its spill file
    QVERIFY(store.put(1, colourOf(1)).ok());  // and frame 1 to its own
    QCOMPARE(store.spilledFrames(), int64_t(2));
    auto c = store.get(5);
    QVERIFY2(c.ok(), c.ok() ? "" : c.message().c_str());
    QCOMPARE(c->weight.type(), CV_32FC1);
    QCOMPARE(cv::norm(c->weight, weight, cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(c->ab, colourOf(5).ab, cv::NORM_INF), 0.0);
    auto plain = store.get(1);
    QVERIFY(plain.ok());
    QVERIFY(plain->weight.empty());
    QCOMPARE(cv::norm(plain->confidence, colourOf(1).confidence, cv::NORM_INF), 0.0);
  }

  void anUnwritableFolderIsAClearError() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("not_a_folder"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    pipeline::PropagatedStore store(1, file.toStdString());
    QVERIFY(store.put(0, colourOf(0)).ok());
    const Status s = store.put(1, colourOf(1));
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.message()).contains(QStringLiteral("cannot write")) &&
                 QString::fromStdString(s.message()).contains(QStringLiteral("not_a_folder")),
             s.message().c_str());
    // Nothing was lost from memory.
    QVERIFY(store.get(0).ok());
  }
};

QTEST_GUILESS_MAIN(TestPropagatedStore)
#include "tst_propagated_store.moc"
