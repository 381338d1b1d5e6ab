// Exported files honour the umask (issue #16, bug 4): the temporary file an export is written to
// is made by mkstemps() with mode 0600; the finished file must get 0666 less the umask, or keep
// the mode of the file it replaces.

#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "media/TempOutputFile.h"
#include "media/VideoWriter.h"

namespace {

mode_t modeOf(const QString& path) {
  struct stat st {};
  return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

// Restores the test process's umask whatever happens.
struct UmaskGuard {
  explicit UmaskGuard(mode_t mask) : old(::umask(mask)) {}
  ~UmaskGuard() { ::umask(old); }
  mode_t old;
};

QString commitEmpty(const QString& target) {
  auto temp = cf::media::TempOutputFile::create(target.toStdString(), {});
  if (!temp)
    return QString::fromStdString(temp.message());
  QFile f(QString::fromStdString((*temp)->path()));
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))  // as libavformat's avio_open does
    return f.errorString();
  f.write("data");
  f.close();
  const cf::Status s = (*temp)->commit();
  return s ? QString() : QString::fromStdString(s.message());
}

}  // namespace

class TestOutputMode : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void newFilesFollowTheUmask() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
      UmaskGuard mask(022);
      QCOMPARE(commitEmpty(dir.filePath(QStringLiteral("a.mp4"))), QString());
      QCOMPARE(modeOf(dir.filePath(QStringLiteral("a.mp4"))), mode_t(0644));
    }
    {
      UmaskGuard mask(027);
      QCOMPARE(commitEmpty(dir.filePath(QStringLiteral("b.mkv"))), QString());
      QCOMPARE(modeOf(dir.filePath(QStringLiteral("b.mkv"))), mode_t(0640));
    }
  }

  void aReplacedFileKeepsItsMode() {
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("kept.mov"));
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0664) == 0);
    UmaskGuard mask(077);
    QCOMPARE(commitEmpty(target), QString());
    QCOMPARE(modeOf(target), mode_t(0664));
  }

  void anEncodedVideoFollowsTheUmask() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("encoded.mkv"));
    UmaskGuard mask(022);
    cf::media::VideoWriterSettings ws;
    ws.output_path = out.toStdString();
    ws.codec = cf::VideoCodec::FFV1;
    ws.width_px = 64;
    ws.height_px = 48;
    ws.fps = {25, 1};
    auto writer = cf::media::VideoWriter::create(ws);
    QVERIFY2(writer.ok(), writer.ok() ? "" : writer.message().c_str());
    const cv::Mat y(48, 64, CV_8UC1, cv::Scalar(100)), c(24, 32, CV_8UC1, cv::Scalar(128));
    for (int n = 0; n < 4; ++n)
      QVERIFY((*writer)->writePlanes(y, c, c, 8).ok());
    QVERIFY((*writer)->finish().ok());
    QCOMPARE(modeOf(out), mode_t(0644));
  }
};

QTEST_GUILESS_MAIN(TestOutputMode)
#include "tst_output_mode.moc"
