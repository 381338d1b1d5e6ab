#pragma once
// The pipeline's vocabularies, each declared once: compute device, optical-flow method and output
// codec. One enum and one name table per concept, shared by the CLI's options, the project file,
// the GUI and the engine (Kdenlive's .kcfg, Olive's kVolumeInput constants). Names are stable
// identifiers (lower-case ASCII) for files and command lines; the GUI words them with tr().
// The failure kinds (analysis::FlagKind, analysis/FailureTypes.h) follow the same pattern.

#include <string>

namespace cf {

/// Where the network runs. Auto: CUDA when a device is there, else the CPU.
enum class DeviceChoice { Auto, Cpu, Cuda };

/// Dense optical flow between consecutive frames (OpenCV DIS, Farnebäck or TV-L1).
enum class FlowMethod { Dis, Farneback, TvL1 };

/// How an export writes its frames: a video codec, or one image file per frame. For an image
/// sequence the output path's extension picks the writer; the codec is the GUI's choice of it.
enum class VideoCodec { H264, H265, FFV1, ProRes, DpxSequence, TiffSequence, PngSequence };

/// "auto", "cpu", "cuda" (reading also accepts "gpu"; any case, spaces trimmed).
const char* deviceChoiceName(DeviceChoice device);
bool deviceChoiceFromName(const std::string& name, DeviceChoice* device);

/// "dis", "farneback", "tvl1".
const char* flowMethodName(FlowMethod method);
bool flowMethodFromName(const std::string& name, FlowMethod* method);

/// "h264", "h265", "ffv1", "prores", "dpx", "tiff", "png" (reading also accepts "hevc").
const char* videoCodecName(VideoCodec codec);
bool videoCodecFromName(const std::string& name, VideoCodec* codec);
/// The four video codecs (not the image sequences).
bool isVideoFileCodec(VideoCodec codec);

}  // namespace cf
