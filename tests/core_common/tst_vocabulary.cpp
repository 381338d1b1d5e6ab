// The pipeline's vocabularies (common/Vocabulary.h): one name table each, read and written by the
// CLI, the project file and the GUI alike.

#include <QtTest>

#include "common/Vocabulary.h"

using namespace cf;

class TestVocabulary : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyValueRoundTrips() {
    for (DeviceChoice d : {DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda}) {
      DeviceChoice back = d == DeviceChoice::Cpu ? DeviceChoice::Cuda : DeviceChoice::Cpu;
      QVERIFY(deviceChoiceFromName(deviceChoiceName(d), &back));
      QCOMPARE(back, d);
    }
    for (FlowMethod m : {FlowMethod::Dis, FlowMethod::Farneback, FlowMethod::TvL1}) {
      FlowMethod back = m == FlowMethod::Dis ? FlowMethod::TvL1 : FlowMethod::Dis;
      QVERIFY(flowMethodFromName(flowMethodName(m), &back));
      QCOMPARE(back, m);
    }
    for (VideoCodec c :
         {VideoCodec::H264, VideoCodec::H265, VideoCodec::FFV1, VideoCodec::ProRes,
          VideoCodec::DpxSequence, VideoCodec::TiffSequence, VideoCodec::PngSequence}) {
      VideoCodec back = c == VideoCodec::H264 ? VideoCodec::PngSequence : VideoCodec::H264;
      QVERIFY(videoCodecFromName(videoCodecName(c), &back));
      QCOMPARE(back, c);
    }
  }

  void namesAreTheStableOnes() {
    // Written in project files, shard manifests and command lines: they never change.
    QCOMPARE(QString(deviceChoiceName(DeviceChoice::Cuda)), QStringLiteral("cuda"));
    QCOMPARE(QString(flowMethodName(FlowMethod::Farneback)), QStringLiteral("farneback"));
    QCOMPARE(QString(videoCodecName(VideoCodec::ProRes)), QStringLiteral("prores"));
    QCOMPARE(QString(videoCodecName(VideoCodec::DpxSequence)), QStringLiteral("dpx"));
  }

  void readingIsLenientWritingIsNot() {
    DeviceChoice d = DeviceChoice::Auto;
    QVERIFY(deviceChoiceFromName(" CUDA ", &d));
    QCOMPARE(d, DeviceChoice::Cuda);
    d = DeviceChoice::Auto;
    QVERIFY(deviceChoiceFromName("gpu", &d));  // an alias, read only
    QCOMPARE(d, DeviceChoice::Cuda);
    QCOMPARE(QString(deviceChoiceName(DeviceChoice::Cuda)), QStringLiteral("cuda"));
    VideoCodec c = VideoCodec::H264;
    QVERIFY(videoCodecFromName("HEVC", &c));
    QCOMPARE(c, VideoCodec::H265);
    QCOMPARE(QString(videoCodecName(VideoCodec::H265)), QStringLiteral("h265"));
  }

  void unknownNamesLeaveTheValue() {
    DeviceChoice d = DeviceChoice::Cpu;
    QVERIFY(!deviceChoiceFromName("tpu", &d));
    QCOMPARE(d, DeviceChoice::Cpu);
    FlowMethod m = FlowMethod::TvL1;
    QVERIFY(!flowMethodFromName("", &m));
    QCOMPARE(m, FlowMethod::TvL1);
    VideoCodec c = VideoCodec::FFV1;
    QVERIFY(!videoCodecFromName("av1", &c));
    QCOMPARE(c, VideoCodec::FFV1);
  }

  void onlyTheVideoCodecsMakeVideoFiles() {
    QVERIFY(isVideoFileCodec(VideoCodec::H264) && isVideoFileCodec(VideoCodec::ProRes));
    QVERIFY(!isVideoFileCodec(VideoCodec::DpxSequence) &&
            !isVideoFileCodec(VideoCodec::PngSequence));
  }
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "tst_vocabulary.moc"
