#pragma once
// One name table per pipeline vocabulary (device, flow method, export codec), shared by the CLI's
// options, the project file and the GUI, so a name is spelt in one place only. Names are stable
// identifiers (lower case ASCII), never shown to users as they are: the GUI words them with tr().

#include <string>

#include "pipeline/SessionTypes.h"

namespace cf::pipeline {

/// "auto", "cpu", "cuda".
const char* deviceChoiceName(DeviceChoice device);
bool deviceChoiceFromName(const std::string& name, DeviceChoice* device);

/// "dis", "farneback", "tvl1".
const char* flowMethodName(FlowMethod method);
bool flowMethodFromName(const std::string& name, FlowMethod* method);

/// "h264", "h265", "ffv1", "prores".
const char* exportCodecName(ExportCodec codec);
bool exportCodecFromName(const std::string& name, ExportCodec* codec);

}  // namespace cf::pipeline
