#include "common/Vocabulary.h"

#include <algorithm>
#include <cctype>

namespace cf {
namespace {

template <class Enum>
struct Entry {
  Enum value;
  const char* name;
  bool alias;  ///< accepted when reading, never written
};

const Entry<DeviceChoice> kDevices[] = {{DeviceChoice::Auto, "auto", false},
                                        {DeviceChoice::Cpu, "cpu", false},
                                        {DeviceChoice::Cuda, "cuda", false},
                                        {DeviceChoice::Cuda, "gpu", true}};
const Entry<FlowMethod> kFlowMethods[] = {{FlowMethod::Dis, "dis", false},
                                          {FlowMethod::Farneback, "farneback", false},
                                          {FlowMethod::TvL1, "tvl1", false}};
const Entry<VideoCodec> kCodecs[] = {
    {VideoCodec::H264, "h264", false},         {VideoCodec::H265, "h265", false},
    {VideoCodec::H265, "hevc", true},          {VideoCodec::FFV1, "ffv1", false},
    {VideoCodec::ProRes, "prores", false},     {VideoCodec::DpxSequence, "dpx", false},
    {VideoCodec::TiffSequence, "tiff", false}, {VideoCodec::PngSequence, "png", false}};

template <class Enum, size_t N>
const char* nameOf(const Entry<Enum> (&table)[N], Enum value) {
  for (const auto& e : table)
    if (e.value == value && !e.alias)
      return e.name;
  return "unknown";
}

std::string normalised(const std::string& name) {
  const auto first = name.find_first_not_of(" \t\r\n");
  const auto last = name.find_last_not_of(" \t\r\n");
  std::string out =
      first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

template <class Enum, size_t N>
bool valueOf(const Entry<Enum> (&table)[N], const std::string& name, Enum* value) {
  const std::string n = normalised(name);
  for (const auto& e : table) {
    if (n == e.name) {
      *value = e.value;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* deviceChoiceName(DeviceChoice device) {
  return nameOf(kDevices, device);
}
bool deviceChoiceFromName(const std::string& name, DeviceChoice* device) {
  return valueOf(kDevices, name, device);
}
const char* flowMethodName(FlowMethod method) {
  return nameOf(kFlowMethods, method);
}
bool flowMethodFromName(const std::string& name, FlowMethod* method) {
  return valueOf(kFlowMethods, name, method);
}
const char* videoCodecName(VideoCodec codec) {
  return nameOf(kCodecs, codec);
}
bool videoCodecFromName(const std::string& name, VideoCodec* codec) {
  return valueOf(kCodecs, name, codec);
}
bool isVideoFileCodec(VideoCodec codec) {
  return codec == VideoCodec::H264 || codec == VideoCodec::H265 || codec == VideoCodec::FFV1 ||
         codec == VideoCodec::ProRes;
}

}  // namespace cf
