#include "media/DpxHeader.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

extern "C" {
#include <libavutil/rational.h>
}

namespace cf::media {

namespace {

constexpr size_t kGenericHeader = 1664;
constexpr size_t kIndustryHeaders = 384;  // film 256 + television 128
constexpr size_t kFilmFrameRate = 1724;
constexpr size_t kTvTimecode = 1920;
constexpr size_t kTvUserBits = 1924;
constexpr size_t kTvFrameRate = 1940;

uint32_t readU32(const unsigned char* p, bool big_endian) {
  return big_endian ? (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) |
                          uint32_t(p[3])
                    : (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) |
                          uint32_t(p[0]);
}

Rational rateFromFloatBits(uint32_t bits) {
  if (bits == 0xFFFFFFFFu || bits == 0)
    return {};
  float value = 0.f;
  std::memcpy(&value, &bits, sizeof value);
  if (!std::isfinite(value) || value < 1.f || value > 1000.f)
    return {};
  // Floats hold 23.976 as 23.9760246...: snap to the NTSC rates and whole numbers first.
  for (const int base : {24, 30, 48, 60, 120}) {
    if (std::fabs(value - base * 1000.0 / 1001.0) < 1e-3)
      return Rational{base * 1000, 1001};
  }
  if (std::fabs(value - std::round(value)) < 1e-3)
    return Rational{static_cast<int>(std::lround(value)), 1};
  const AVRational q = av_d2q(value, 1000);
  return q.num > 0 && q.den > 0 ? Rational{q.num, q.den} : Rational{};
}

void writeU32(uint8_t* p, uint32_t v, bool big) {
  for (int i = 0; i < 4; ++i)
    p[big ? i : 3 - i] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

void writeFloat(uint8_t* p, float f, bool big) {
  uint32_t bits = 0;
  std::memcpy(&bits, &f, sizeof bits);
  writeU32(p, bits, big);
}

}  // namespace

DpxHeaderFacts readDpxHeader(const std::string& path) {
  DpxHeaderFacts facts;
  std::ifstream in(path, std::ios::binary);
  unsigned char header[2048] = {0};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  const auto got = static_cast<size_t>(in.gcount());
  if (got < 8)
    return facts;
  const bool big = std::memcmp(header, "SDPX", 4) == 0;
  if (!big && std::memcmp(header, "XPDS", 4) != 0)
    return facts;
  const uint32_t data_offset = readU32(header + 4, big);
  auto has = [&](size_t offset) { return offset + 4 <= got && offset + 4 <= data_offset; };
  if (has(1724))  // film industry header: frame rate of the original
    facts.fps = rateFromFloatBits(readU32(header + 1724, big));
  if (!facts.fps.valid() && has(1940))  // television header: temporal sampling rate
    facts.fps = rateFromFloatBits(readU32(header + 1940, big));
  if (has(1920)) {
    const uint32_t tc = readU32(header + 1920, big);
    auto bcd = [](uint32_t byte) { return static_cast<int>((byte >> 4) * 10 + (byte & 15)); };
    const int h = bcd(tc >> 24), m = bcd((tc >> 16) & 255), s = bcd((tc >> 8) & 255),
              f = bcd(tc & 255);
    if (tc != 0xFFFFFFFFu && tc != 0 && h < 24 && m < 60 && s < 60 && f < 100) {
      char text[16];
      std::snprintf(text, sizeof text, "%02d:%02d:%02d:%02d", h, m, s, f);
      facts.timecode = text;
    }
  }
  return facts;
}

std::vector<uint8_t> dpxWithTimecode(const uint8_t* dpx, size_t size, const std::string& timecode,
                                     Rational fps) {
  if (size < kGenericHeader)
    return {};
  const bool big = std::memcmp(dpx, "SDPX", 4) == 0;
  if (!big && std::memcmp(dpx, "XPDS", 4) != 0)
    return {};
  const uint32_t data_offset = readU32(dpx + 4, big);
  const uint32_t generic_size = readU32(dpx + 24, big);
  const uint32_t element0_offset = readU32(dpx + 808, big);
  if (data_offset != kGenericHeader || generic_size != kGenericHeader ||
      element0_offset != kGenericHeader)
    return {};
  int h = 0, m = 0, s = 0, f = 0;
  char sep1 = 0, sep2 = 0, sep3 = 0;
  if (std::sscanf(timecode.c_str(), "%2d%c%2d%c%2d%c%2d", &h, &sep1, &m, &sep2, &s, &sep3, &f) !=
          7 ||
      h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || f < 0 || f > 99)
    return {};
  auto bcd = [](int v) { return static_cast<uint32_t>((v / 10) << 4 | (v % 10)); };

  std::vector<uint8_t> out(size + kIndustryHeaders);
  std::memcpy(out.data(), dpx, kGenericHeader);
  std::memset(out.data() + kGenericHeader, 0xFF, kIndustryHeaders);  // undefined
  std::memcpy(out.data() + kGenericHeader + kIndustryHeaders, dpx + kGenericHeader,
              size - kGenericHeader);
  const uint32_t new_offset = kGenericHeader + kIndustryHeaders;
  writeU32(out.data() + 4, new_offset, big);                          // image data offset
  writeU32(out.data() + 16, static_cast<uint32_t>(out.size()), big);  // file size
  writeU32(out.data() + 28, kIndustryHeaders, big);                   // industry header size
  writeU32(out.data() + 808, new_offset, big);                        // element 0's data
  const float rate = fps.valid() ? static_cast<float>(fps.toDouble()) : 0.0f;
  if (rate > 0.0f) {
    writeFloat(out.data() + kFilmFrameRate, rate, big);
    writeFloat(out.data() + kTvFrameRate, rate, big);
  }
  writeU32(out.data() + kTvTimecode, bcd(h) << 24 | bcd(m) << 16 | bcd(s) << 8 | bcd(f), big);
  writeU32(out.data() + kTvUserBits, 0, big);
  return out;
}

}  // namespace cf::media
