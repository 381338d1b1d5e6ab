#include "common/Timecode.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

extern "C" {
#include <libavutil/timecode.h>
}

namespace cf {

namespace {

bool near(double a, double b) {
  return std::abs(a - b) < 0.005;
}

/// Frame numbers skipped at the start of each minute (not the tenth) in drop-frame counting.
int dropPerMinute(double fps) {
  return isDropFrameRate(fps) ? 2 * timecodeFrameBase(fps) / 30 : 0;
}

std::string formatCounting(int64_t frame, double fps, bool drop_frame);
std::optional<int64_t> parseCounting(const std::string& text, double fps, bool drop_frame);

}  // namespace

int timecodeFrameBase(double fps) {
  if (!(fps > 0.0))
    return 25;
  return std::max(1, static_cast<int>(std::lround(fps)));
}

bool isDropFrameRate(double fps) {
  return near(fps, 30000.0 / 1001.0) || near(fps, 60000.0 / 1001.0);
}

std::string formatTimecode(int64_t frame, double fps) {
  return formatCounting(frame, fps, isDropFrameRate(fps));
}

std::optional<int64_t> parseTimecodeOrFrame(const std::string& text, double fps) {
  return parseCounting(text, fps, isDropFrameRate(fps));
}

namespace {

std::string formatCounting(int64_t frame, double fps, bool drop_frame) {
  const int64_t base = timecodeFrameBase(fps);
  const int64_t drop = drop_frame ? dropPerMinute(fps) : 0;
  int64_t n = std::max<int64_t>(0, frame);
  if (drop > 0) {
    // SMPTE 12M: skip `drop` numbers each minute except every tenth (as libavutil's
    // av_timecode_adjust_ntsc_framenum2).
    const int64_t per_10_min = base * 600 - drop * 9;
    const int64_t per_min = base * 60 - drop;
    const int64_t tens = n / per_10_min;
    const int64_t rest = n % per_10_min;
    n += drop * 9 * tens + (rest > drop ? drop * ((rest - drop) / per_min) : 0);
  }
  const int64_t ff = n % base;
  const int64_t total_s = n / base;
  char text[40] = {0};
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld%c%02lld",
                static_cast<long long>(total_s / 3600), static_cast<long long>(total_s / 60 % 60),
                static_cast<long long>(total_s % 60), drop > 0 ? ';' : ':',
                static_cast<long long>(ff));
  return text;
}

std::optional<int64_t> parseCounting(const std::string& text, double fps, bool drop_frame) {
  std::vector<int64_t> fields{0};
  bool digit_seen = false;
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
    ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
    --end;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (fields.back() > 1'000'000'000'000LL)
        return std::nullopt;
      fields.back() = fields.back() * 10 + (c - '0');
      digit_seen = true;
    } else if ((c == ':' || c == ';' || c == '.' || c == ',') && digit_seen) {
      fields.push_back(0);
      digit_seen = false;
    } else {
      return std::nullopt;
    }
  }
  if (!digit_seen || fields.size() > 4)
    return std::nullopt;
  if (fields.size() == 1)
    return fields[0];  // a frame number
  while (fields.size() < 4)
    fields.insert(fields.begin(), 0);
  const int64_t base = timecodeFrameBase(fps);
  const int64_t h = fields[0], m = fields[1], s = fields[2], ff = fields[3];
  if (m >= 60 || s >= 60 || ff >= base)
    return std::nullopt;
  const int64_t drop = drop_frame ? dropPerMinute(fps) : 0;
  const int64_t minutes = h * 60 + m;
  if (drop > 0 && s == 0 && ff < drop && minutes % 10 != 0)
    return std::nullopt;  // skipped in drop-frame counting
  return (minutes * 60 + s) * base + ff - drop * (minutes - minutes / 10);
}

}  // namespace

std::string timecodeAfter(const std::string& start, int64_t frames, int fps_num, int fps_den) {
  if (start.empty() || fps_num <= 0 || fps_den <= 0)
    return {};
  AVTimecode tc;
  if (av_timecode_init_from_string(&tc, AVRational{fps_num, fps_den}, start.c_str(), nullptr) < 0)
    return {};
  char text[AV_TIMECODE_STR_SIZE] = {0};
  return av_timecode_make_string(&tc, text, static_cast<int>(frames));
}

TimecodeClock::TimecodeClock(double fps, const std::string& start)
    : fps_(fps > 0.0 ? fps : 25.0), drop_(isDropFrameRate(fps_)) {
  const bool drop = isDropFrameRate(fps_) && start.find(';') != std::string::npos;
  // Only a full HH:MM:SS:FF counts as a start timecode: a bare number is not one.
  const auto separators = std::count_if(start.begin(), start.end(), [](char c) {
    return c == ':' || c == ';' || c == '.' || c == ',';
  });
  if (separators != 3)
    return;
  if (const auto offset = parseCounting(start, fps_, drop)) {
    offset_ = *offset;
    drop_ = drop;
    from_source_ = true;
  }
}

std::string TimecodeClock::format(int64_t frame) const {
  return formatCounting(offset_ + std::max<int64_t>(0, frame), fps_, drop_);
}

std::optional<int64_t> TimecodeClock::parse(const std::string& text) const {
  const auto separators = std::count_if(text.begin(), text.end(), [](char c) {
    return c == ':' || c == ';' || c == '.' || c == ',';
  });
  if (from_source_ && separators > 0 && separators < 3) {
    // A short form ("12:05") takes the fields it leaves out from the start timecode, as edit
    // controllers do: 12:05 on a reel starting at 01:00:00:00 is 01:00:12:05.
    const std::string start = format(0);  // "HH:MM:SS:FF"
    const size_t keep = static_cast<size_t>(3 - separators) * 3;
    const auto value = parseCounting(start.substr(0, keep) + text, fps_, drop_);
    if (!value || *value < offset_)
      return std::nullopt;
    return *value - offset_;
  }
  const auto value = parseCounting(text, fps_, drop_);
  if (!value)
    return std::nullopt;
  const bool plain_number = text.find_first_of(":;.,") == std::string::npos;
  if (plain_number)
    return value;
  if (*value < offset_)
    return std::nullopt;
  return *value - offset_;
}

}  // namespace cf
