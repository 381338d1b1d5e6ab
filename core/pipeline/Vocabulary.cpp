#include "pipeline/Vocabulary.h"

#include <utility>

namespace cf::pipeline {
namespace {

template <class Enum, size_t N>
const char* nameOf(const std::pair<Enum, const char*> (&table)[N], Enum value) {
  for (const auto& [v, name] : table)
    if (v == value)
      return name;
  return table[0].second;
}

template <class Enum, size_t N>
bool valueOf(const std::pair<Enum, const char*> (&table)[N], const std::string& name, Enum* value) {
  for (const auto& [v, n] : table) {
    if (name == n) {
      *value = v;
      return true;
    }
  }
  return false;
}

const std::pair<DeviceChoice, const char*> kDevices[] = {
    {DeviceChoice::Auto, "auto"}, {DeviceChoice::Cpu, "cpu"}, {DeviceChoice::Cuda, "cuda"}};
const std::pair<FlowMethod, const char*> kFlowMethods[] = {
    {FlowMethod::Dis, "dis"}, {FlowMethod::Farneback, "farneback"}, {FlowMethod::TvL1, "tvl1"}};
const std::pair<ExportCodec, const char*> kCodecs[] = {{ExportCodec::H264Mp4, "h264"},
                                                       {ExportCodec::H265Mkv, "h265"},
                                                       {ExportCodec::Ffv1Mkv, "ffv1"},
                                                       {ExportCodec::ProResMov, "prores"}};

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
const char* exportCodecName(ExportCodec codec) {
  return nameOf(kCodecs, codec);
}
bool exportCodecFromName(const std::string& name, ExportCodec* codec) {
  return valueOf(kCodecs, name, codec);
}

}  // namespace cf::pipeline
