#include "media/ImageSequence.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include "media/DpxHeader.h"
#include "media/ImageMetadata.h"
#include "media/FfmpegError.h"

namespace cf::media {

namespace fs = std::filesystem;

namespace {

std::string inQuotes(const std::string& text) {
  return "'" + text + "'";
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string escapePercent(const std::string& text) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '%')
      out += '%';
  }
  return out;
}

/// A pattern split at its number: prefix + number (padded to `width`, 0 = not padded) + suffix.
struct PatternParts {
  std::string dir;
  std::string prefix;  ///< unescaped file-name text before the number
  std::string suffix;  ///< unescaped file-name text after it
  int width = 0;
};

bool isDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// Parses "%d"/"%0Nd" in the file name of `pattern`; false when there is none (or two).
bool splitPattern(const std::string& pattern, PatternParts* parts) {
  const fs::path p(pattern);
  parts->dir = p.parent_path().string();
  const std::string name = p.filename().string();
  std::string prefix, suffix;
  bool found = false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != '%') {
      (found ? suffix : prefix) += name[i];
      continue;
    }
    if (i + 1 < name.size() && name[i + 1] == '%') {
      (found ? suffix : prefix) += '%';
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j])))
      ++j;
    if (found || j >= name.size() || name[j] != 'd')
      return false;
    const std::string digits = name.substr(i + 1, j - i - 1);
    parts->width = digits.empty() ? 0 : std::stoi(digits);
    found = true;
    i = j;
  }
  parts->prefix = prefix;
  parts->suffix = suffix;
  return found;
}

std::string joinPattern(const PatternParts& parts) {
  const std::string number =
      parts.width > 0 ? "%0" + std::to_string(parts.width) + "d" : std::string("%d");
  const std::string name = escapePercent(parts.prefix) + number + escapePercent(parts.suffix);
  return parts.dir.empty() ? name : (fs::path(parts.dir) / name).string();
}

/// The number in `name` when it matches prefix + digits + suffix at `width`; -1 otherwise.
int64_t numberIn(const std::string& name, const PatternParts& parts) {
  if (name.size() <= parts.prefix.size() + parts.suffix.size() ||
      name.compare(0, parts.prefix.size(), parts.prefix) != 0 ||
      name.compare(name.size() - parts.suffix.size(), parts.suffix.size(), parts.suffix) != 0)
    return -1;
  const std::string digits =
      name.substr(parts.prefix.size(), name.size() - parts.prefix.size() - parts.suffix.size());
  if (!isDigits(digits) || digits.size() > 15)
    return -1;
  const auto width = static_cast<size_t>(parts.width);
  if (parts.width > 0 && (digits.size() < width || (digits.size() > width && digits[0] == '0')))
    return -1;
  if (parts.width == 0 && digits.size() > 1 && digits[0] == '0')
    return -1;
  return std::stoll(digits);
}

std::vector<std::string> fileNames(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec))
      names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// Numbers of the files of `parts` in its folder, ascending.
std::vector<int64_t> numbersOf(const PatternParts& parts, const std::vector<std::string>& names) {
  std::vector<int64_t> numbers;
  for (const std::string& name : names) {
    const int64_t n = numberIn(name, parts);
    if (n >= 0)
      numbers.push_back(n);
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

/// Splits a file name at its last run of digits; false when it has none.
bool splitAtNumber(const std::string& name, PatternParts* parts, std::string* digits) {
  const std::string ext = fs::path(name).extension().string();
  const std::string stem = name.substr(0, name.size() - ext.size());
  size_t end = stem.size();
  while (end > 0 && !std::isdigit(static_cast<unsigned char>(stem[end - 1])))
    --end;
  if (end == 0)
    return false;
  size_t begin = end;
  while (begin > 0 && std::isdigit(static_cast<unsigned char>(stem[begin - 1])))
    --begin;
  *digits = stem.substr(begin, end - begin);
  if (digits->size() > 15)
    return false;
  parts->prefix = stem.substr(0, begin);
  parts->suffix = stem.substr(end) + ext;
  return true;
}

ImageSequence makeSequence(const PatternParts& parts, std::vector<int64_t> numbers, int64_t first) {
  ImageSequence seq;
  seq.pattern = joinPattern(parts);
  numbers.erase(numbers.begin(), std::lower_bound(numbers.begin(), numbers.end(), first));
  seq.first_number = numbers.empty() ? first : numbers.front();
  seq.last_number = numbers.empty() ? first : numbers.back();
  seq.file_count = static_cast<int64_t>(numbers.size());
  for (size_t i = 1; i < numbers.size(); ++i)
    for (int64_t n = numbers[i - 1] + 1; n < numbers[i]; ++n)
      seq.missing.push_back(n);
  return seq;
}

void addHeaderFacts(ImageSequence& seq) {
  if (lower(fs::path(seq.pattern).extension().string()) != ".dpx")
    return;
  const DpxHeaderFacts facts = readDpxHeader(seq.pathOf(seq.first_number));
  seq.header_fps = facts.fps;
  seq.header_timecode = facts.timecode;
}

ImageSequence singleStill(const std::string& path) {
  ImageSequence seq;
  seq.pattern = escapePercent(path);
  seq.file_count = 1;
  seq.single_still = true;
  addHeaderFacts(seq);
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".jpg" || ext == ".jpeg")
    seq.orientation = imageOrientation(path);
  return seq;
}

Result<std::optional<ImageSequence>> fromPattern(const std::string& path) {
  PatternParts parts;
  if (!splitPattern(path, &parts))
    return makeError("cannot use " + inQuotes(path) +
                     ": a sequence pattern needs exactly one frame number such as %06d.");
  const std::vector<int64_t> numbers = numbersOf(parts, fileNames(parts.dir));
  if (numbers.empty())
    return makeError("cannot use " + inQuotes(path) +
                     ": no files match this sequence pattern. Check the folder, the name and the "
                     "number of digits (%04d means 0001, 0002, ...).");
  ImageSequence seq = makeSequence(parts, numbers, numbers.front());
  addHeaderFacts(seq);
  return std::optional<ImageSequence>(std::move(seq));
}

Result<std::optional<ImageSequence>> fromFile(const std::string& path) {
  PatternParts parts;
  std::string digits;
  const fs::path p(path);
  parts.dir = p.parent_path().string();
  if (!splitAtNumber(p.filename().string(), &parts, &digits))
    return std::optional<ImageSequence>(singleStill(path));
  const std::vector<std::string> names = fileNames(parts.dir);
  // Padded ("0001") numbers first; unpadded when that finds more files (f_9.png, f_10.png).
  parts.width = static_cast<int>(digits.size());
  std::vector<int64_t> numbers = numbersOf(parts, names);
  if (digits[0] != '0' || digits.size() == 1) {
    PatternParts plain = parts;
    plain.width = 0;
    std::vector<int64_t> unpadded = numbersOf(plain, names);
    if (unpadded.size() > numbers.size()) {
      parts = plain;
      numbers = std::move(unpadded);
    }
  }
  const int64_t first = std::stoll(digits);
  ImageSequence seq = makeSequence(parts, numbers, first);
  if (seq.file_count < 2)
    return std::optional<ImageSequence>(singleStill(path));
  addHeaderFacts(seq);
  return std::optional<ImageSequence>(std::move(seq));
}

Result<std::optional<ImageSequence>> fromFolder(const std::string& dir) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> groups;
  std::vector<std::string> images;
  for (const std::string& name : fileNames(dir)) {
    if (name.empty() || name[0] == '.' || !isImageExtension(name))
      continue;
    images.push_back(name);
    PatternParts parts;
    std::string digits;
    if (splitAtNumber(name, &parts, &digits))
      groups[{parts.prefix, parts.suffix}].push_back(digits);
  }
  std::vector<std::pair<PatternParts, std::vector<std::string>>> sequences;
  for (auto& [key, digit_list] : groups) {
    if (digit_list.size() < 2)
      continue;
    PatternParts parts;
    parts.dir = dir;
    parts.prefix = key.first;
    parts.suffix = key.second;
    const size_t width = digit_list.front().size();
    const bool same_width =
        std::all_of(digit_list.begin(), digit_list.end(),
                    [width](const std::string& d) { return d.size() == width; });
    parts.width = same_width ? static_cast<int>(width) : 0;
    sequences.emplace_back(parts, digit_list);
  }
  if (sequences.empty()) {
    if (images.empty())
      return makeError("cannot use the folder " + inQuotes(dir) +
                       ": it holds no image files (DPX, TIFF, PNG, JPEG, EXR). Give a video file "
                       "or a folder of numbered frames.");
    return makeError("cannot use the folder " + inQuotes(dir) + " as a film: its " +
                     std::to_string(images.size()) +
                     " images are not a numbered sequence. Colourise them as photos with "
                     "--stills.");
  }
  if (sequences.size() > 1) {
    std::string names;
    for (const auto& s : sequences)
      names += (names.empty() ? "" : ", ") +
               inQuotes(fs::path(joinPattern(s.first)).filename().string()) + " (" +
               std::to_string(s.second.size()) + " files)";
    return makeError("cannot use the folder " + inQuotes(dir) + ": it holds " +
                     std::to_string(sequences.size()) + " image sequences (" + names +
                     "). Give one of them as a pattern, e.g. " +
                     inQuotes(joinPattern(sequences.front().first)) + ".");
  }
  const PatternParts& parts = sequences.front().first;
  const std::vector<int64_t> numbers = numbersOf(parts, fileNames(dir));
  if (numbers.size() < 2)
    return makeError("cannot use the folder " + inQuotes(dir) + ": its numbered files " +
                     inQuotes(joinPattern(parts)) +
                     " are not consistently padded. Give a pattern.");
  ImageSequence seq = makeSequence(parts, numbers, numbers.front());
  addHeaderFacts(seq);
  return std::optional<ImageSequence>(std::move(seq));
}

}  // namespace

std::string ImageSequence::pathOf(int64_t number) const {
  if (single_still) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      out += pattern[i];
      if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == '%')
        ++i;
    }
    return out;
  }
  char buf[4096] = {0};
  if (av_get_frame_filename2(buf, sizeof buf, pattern.c_str(), static_cast<int>(number),
                             AV_FRAME_FILENAME_FLAGS_MULTIPLE) < 0)
    return pattern;
  return buf;
}

std::string ImageSequence::missingText() const {
  constexpr size_t kListed = 12;
  std::string text;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i == kListed) {
      text += ", ... (" + std::to_string(missing.size()) + " in all)";
      break;
    }
    text += (i ? ", " : "") + std::to_string(missing[i]);
  }
  return text;
}

bool isImageExtension(const std::string& path) {
  static const char* const kExtensions[] = {".dpx",  ".tif", ".tiff", ".png", ".jpg",
                                            ".jpeg", ".exr", ".webp", ".bmp"};
  const std::string ext = lower(fs::path(path).extension().string());
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&ext](const char* e) { return ext == e; });
}

bool isSequencePattern(const std::string& path) {
  PatternParts parts;
  return splitPattern(path, &parts);
}

Result<std::optional<ImageSequence>> findImageInput(const std::string& path, bool single_image) {
  if (path.empty())
    return std::optional<ImageSequence>();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!ec && fs::is_directory(status))
    return fromFolder(path);
  if (!ec && fs::is_regular_file(status))
    return !isImageExtension(path) ? std::optional<ImageSequence>()
           : single_image          ? std::optional<ImageSequence>(singleStill(path))
                                   : fromFile(path);
  if (isSequencePattern(path))
    return fromPattern(path);
  return std::optional<ImageSequence>();
}

Result<InputFormatPtr> openImageInput(const ImageSequence& seq, Rational fps) {
  const std::string shown = inQuotes(seq.single_still ? seq.pathOf(0) : seq.pattern);
  if (!seq.missing.empty())
    return makeError("cannot use the image sequence " + shown + ": " +
                     std::to_string(seq.missing.size()) + " frame file(s) are missing from " +
                     std::to_string(seq.first_number) + ".." + std::to_string(seq.last_number) +
                     " (number " + seq.missingText() +
                     "). Restore them, or fill each gap with a copy of the frame before.");
  if (!fps.valid())
    fps = seq.header_fps.valid() ? seq.header_fps : kDefaultSequenceFps;
  const AVInputFormat* image2 = av_find_input_format("image2");
  if (!image2)
    return makeError("cannot read " + shown + ": this FFmpeg build has no image2 demuxer.");
  AVDictionary* options = nullptr;
  av_dict_set(&options, "framerate",
              (std::to_string(fps.num) + "/" + std::to_string(fps.den)).c_str(), 0);
  if (!seq.single_still) {
    av_dict_set(&options, "pattern_type", "sequence", 0);
    av_dict_set_int(&options, "start_number", seq.first_number, 0);
  } else {
    av_dict_set(&options, "pattern_type", "none", 0);
  }
  AVFormatContext* raw = nullptr;
  const std::string url = seq.single_still ? seq.pathOf(0) : seq.pattern;
  int ret = avformat_open_input(&raw, url.c_str(), image2, &options);
  av_dict_free(&options);
  if (ret < 0)
    return makeError("cannot open " + shown + " (" + ffmpegErrorText(ret) +
                     "). Check that the files are complete images.");
  InputFormatPtr fmt(raw);
  ret = avformat_find_stream_info(fmt.get(), nullptr);
  if (ret < 0 || fmt->nb_streams == 0)
    return makeError("cannot read the images of " + shown + " (" + ffmpegErrorText(ret) +
                     "). The first file may be damaged or not an image FFmpeg reads.");
  return fmt;
}

Result<std::vector<std::string>> collectStillPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> stills;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const std::string& name : fileNames(path))
        if (!name.empty() && name[0] != '.' && isImageExtension(name))
          stills.push_back((fs::path(path) / name).string());
    } else if (fs::is_regular_file(path, ec) && isImageExtension(path)) {
      stills.push_back(path);
    } else if (!fs::exists(path, ec)) {
      return makeError("cannot use " + inQuotes(path) + ": it does not exist. Check the path.");
    } else {
      return makeError("cannot use " + inQuotes(path) +
                       " as a photo: it is not a JPEG, PNG, TIFF, WebP, BMP, DPX or EXR file.");
    }
  }
  return stills;
}


}  // namespace cf::media
