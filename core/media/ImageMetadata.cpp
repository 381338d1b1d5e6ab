#include "media/ImageMetadata.h"

#include <mutex>

// Exiv2 0.27's handles are std::auto_ptr, deprecated in C++17; they stay inside this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>

namespace cf::media {

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

void initExiv2() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);  // failures come back as exceptions
  });
}

double dpiOf(const Exiv2::ExifData& exif) {
  const auto x = exif.findKey(Exiv2::ExifKey("Exif.Image.XResolution"));
  if (x == exif.end() || x->count() == 0)
    return 0.0;
  const double value = x->toFloat();
  const auto unit = exif.findKey(Exiv2::ExifKey("Exif.Image.ResolutionUnit"));
  const long u = unit != exif.end() && unit->count() > 0 ? unit->toLong() : 2;
  return u == 3 ? value * 2.54 : value;  // 3: per centimetre, 2 (the default): per inch
}

/// An ICC profile's data colour space (header bytes 16..19), e.g. "RGB " or "GRAY".
std::string iccColourSpace(const Exiv2::DataBuf& icc) {
  if (icc.size_ < 20)
    return {};
  return std::string(reinterpret_cast<const char*>(icc.pData_) + 16, 4);
}

}  // namespace

int imageOrientation(const std::string& path) {
  initExiv2();
  try {
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(path);
    image->readMetadata();
    const Exiv2::ExifData& exif = image->exifData();
    const auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
    const long value = it != exif.end() && it->count() > 0 ? it->toLong() : 1;
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  } catch (const std::exception&) {
    return 1;
  }
}

double imageDpi(const std::string& path) {
  initExiv2();
  try {
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(path);
    image->readMetadata();
    return dpiOf(image->exifData());
  } catch (const std::exception&) {
    return 0.0;
  }
}

Result<ImageMetadataCopy> copyImageMetadata(const std::string& from, const std::string& to) {
  initExiv2();
  ImageMetadataCopy copy;
  Exiv2::Image::AutoPtr source;
  try {
    source = Exiv2::ImageFactory::open(from);
    source->readMetadata();
  } catch (const std::exception& e) {
    // Not a format Exiv2 knows (e.g. BMP): nothing to carry over.
    copy.notes.push_back("the metadata of " + inQuotes(from) + " could not be read (" + e.what() +
                         "), so none was copied");
    return copy;
  }
  try {
    Exiv2::Image::AutoPtr target = Exiv2::ImageFactory::open(to);
    target->readMetadata();
    Exiv2::ExifData exif = source->exifData();
    if (!exif.empty()) {
      exif["Exif.Image.Orientation"] = uint16_t{1};  // the pixels are written upright
      copy.dpi = dpiOf(exif);
      target->setExifData(exif);
      copy.exif = true;
    }
    if (!source->iptcData().empty()) {
      target->setIptcData(source->iptcData());
      copy.iptc = true;
    }
    if (!source->xmpData().empty()) {
      Exiv2::XmpData xmp = source->xmpData();
      const auto orientation = xmp.findKey(Exiv2::XmpKey("Xmp.tiff.Orientation"));
      if (orientation != xmp.end())
        xmp.erase(orientation);
      target->setXmpData(xmp);
      copy.xmp = true;
    }
    if (source->iccProfileDefined()) {
      const Exiv2::DataBuf* icc = source->iccProfile();
      if (iccColourSpace(*icc) == "RGB ") {
        Exiv2::DataBuf profile(icc->pData_, icc->size_);
        target->setIccProfile(profile);
        copy.icc = true;
      } else {
        copy.notes.push_back("the ICC profile of " + inQuotes(from) + " describes " +
                             (iccColourSpace(*icc) == "GRAY" ? "grey" : "non-RGB") +
                             " pixels, so it was not attached to the colour image");
      }
    }
    target->writeMetadata();
  } catch (const std::exception& e) {
    return makeError("cannot copy the metadata of " + inQuotes(from) + " to " + inQuotes(to) +
                     ": " + e.what());
  }
  return copy;
}

}  // namespace cf::media

#pragma GCC diagnostic pop
