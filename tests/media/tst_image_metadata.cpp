// A colourised photo keeps its metadata (issue 17): EXIF (author, resolution), XMP and an RGB ICC
// profile are copied to JPEG, PNG and TIFF outputs with the orientation reset to upright; a grey
// ICC profile is left out with a note; a file without metadata copies nothing; the single-image
// writer carries metadata and DPI over by itself.

#include <QTemporaryDir>
#include <QtTest>
#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

#include "media/ImageMetadata.h"
#include "media/ImageSequenceWriter.h"

namespace {

/// A 132-byte ICC header that Exiv2 accepts: size, 'acsp' signature and a colour space.
std::vector<unsigned char> iccHeader(const char* space) {
  std::vector<unsigned char> icc(132, 0);
  icc[3] = 132;                             // profile size, big endian
  std::memcpy(icc.data() + 12, "mntr", 4);  // device class
  std::memcpy(icc.data() + 16, space, 4);   // data colour space
  std::memcpy(icc.data() + 20, "XYZ ", 4);  // connection space
  std::memcpy(icc.data() + 36, "acsp", 4);  // signature
  return icc;
}

void writeTagged(const std::string& path, const char* icc_space, bool with_metadata) {
  cv::Mat grey(48, 64, CV_8UC3, cv::Scalar(90, 90, 90));
  QVERIFY(cv::imwrite(path, grey));
  if (!with_metadata)
    return;
  Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(path);
  image->readMetadata();
  Exiv2::ExifData exif;
  exif["Exif.Image.Artist"] = std::string("Ada Archivist");
  exif["Exif.Image.Orientation"] = uint16_t{6};
  exif["Exif.Image.XResolution"] = Exiv2::URational(300, 1);
  exif["Exif.Image.YResolution"] = Exiv2::URational(300, 1);
  exif["Exif.Image.ResolutionUnit"] = uint16_t{2};
  image->setExifData(exif);
  Exiv2::XmpData xmp;
  xmp["Xmp.dc.source"] = std::string("Box 12, print 7");
  image->setXmpData(xmp);
  if (icc_space) {
    const std::vector<unsigned char> icc = iccHeader(icc_space);
    Exiv2::DataBuf buf(icc.data(), static_cast<long>(icc.size()));
    image->setIccProfile(buf);
  }
  image->writeMetadata();
}

struct Read {
  std::string artist, source;
  long orientation = 0;
  bool icc = false;
  std::string icc_space;
};

Read readBack(const std::string& path) {
  Read r;
  Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(path);
  image->readMetadata();
  const auto& exif = image->exifData();
  if (auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Artist")); it != exif.end())
    r.artist = it->toString();
  if (auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation")); it != exif.end())
    r.orientation = it->toLong();
  const auto& xmp = image->xmpData();
  if (auto it = xmp.findKey(Exiv2::XmpKey("Xmp.dc.source")); it != xmp.end())
    r.source = it->toString();
  r.icc = image->iccProfileDefined();
  if (r.icc)
    r.icc_space = std::string(reinterpret_cast<const char*>(image->iccProfile()->pData_) + 16, 4);
  return r;
}

}  // namespace

class TestImageMetadata : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  std::string path(const char* name) const {
    return dir_.filePath(QString::fromLatin1(name)).toStdString();
  }

 private Q_SLOTS:
  void copiesExifXmpAndIccToEveryFormat() {
    const std::string src = path("scan.jpg");
    writeTagged(src, "RGB ", true);
    QCOMPARE(cf::media::imageDpi(src), 300.0);
    for (const char* name : {"out.jpg", "out.png", "out.tif"}) {
      const std::string dst = path(name);
      writeTagged(dst, nullptr, false);
      auto copied = cf::media::copyImageMetadata(src, dst);
      QVERIFY2(copied, copied ? "" : copied.message().c_str());
      QVERIFY(copied->exif && copied->xmp && copied->icc);
      QCOMPARE(copied->dpi, 300.0);
      const Read r = readBack(dst);
      QCOMPARE(QString::fromStdString(r.artist), QStringLiteral("Ada Archivist"));
      QCOMPARE(QString::fromStdString(r.source), QStringLiteral("Box 12, print 7"));
      QCOMPARE(r.orientation, 1L);  // the pixels are written upright
      QVERIFY(r.icc);
      QCOMPARE(QString::fromStdString(r.icc_space), QStringLiteral("RGB "));
      QVERIFY2(!cv::imread(dst).empty(), name);  // still a readable image
    }
  }

  void leavesAGreyProfileOutWithANote() {
    const std::string src = path("grey_profile.jpg");
    writeTagged(src, "GRAY", true);
    const std::string dst = path("grey_out.png");
    writeTagged(dst, nullptr, false);
    auto copied = cf::media::copyImageMetadata(src, dst);
    QVERIFY(copied);
    QVERIFY(copied->exif);
    QVERIFY(!copied->icc);
    QCOMPARE(copied->notes.size(), size_t{1});
    QVERIFY(QString::fromStdString(copied->notes.front()).contains(QStringLiteral("grey")));
    QVERIFY(!readBack(dst).icc);
  }

  void plainImagesCopyNothing() {
    const std::string src = path("plain.png");
    writeTagged(src, nullptr, false);
    const std::string dst = path("plain_out.jpg");
    writeTagged(dst, nullptr, false);
    auto copied = cf::media::copyImageMetadata(src, dst);
    QVERIFY(copied);
    QVERIFY(!copied->exif && !copied->icc && !copied->xmp);
    QCOMPARE(cf::media::imageDpi(src), 0.0);
  }

  void singleImageWriterCarriesMetadataAndDpi() {
    const std::string src = path("photo.jpg");
    writeTagged(src, "RGB ", true);
    cf::media::ImageWriterSettings s;
    s.output_path = path("photo_colour.tif");
    s.width_px = 64;
    s.height_px = 48;
    s.inputs = {src};
    s.metadata_source = src;
    auto writer = cf::media::ImageSequenceWriter::create(s);
    QVERIFY2(writer, writer ? "" : writer.message().c_str());
    QVERIFY((*writer)->writeRgb(cv::Mat(48, 64, CV_8UC3, cv::Scalar(10, 120, 200)), 0));
    const Read r = readBack(s.output_path);
    QCOMPARE(QString::fromStdString(r.artist), QStringLiteral("Ada Archivist"));
    QVERIFY(r.icc);
    QCOMPARE(cf::media::imageDpi(s.output_path), 300.0);
    const cv::Mat back = cv::imread(s.output_path, cv::IMREAD_UNCHANGED);
    QCOMPARE(back.cols, 64);
    QCOMPARE(back.at<cv::Vec3b>(10, 10)[0], uchar{200});  // OpenCV reads BGR
  }
};

QTEST_GUILESS_MAIN(TestImageMetadata)
#include "tst_image_metadata.moc"

#pragma GCC diagnostic pop
