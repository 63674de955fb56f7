#include "io/instance_readers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "io/file_text.h"
#include "io/vroom_reader.h"

namespace sendplan::io {

Result<InstanceFormat> parse_instance_format(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "cordeau") return InstanceFormat::kCordeau;
  if (lower == "solomon") return InstanceFormat::kSolomon;
  if (lower == "lilim") return InstanceFormat::kLiLim;
  if (lower == "vroom") return InstanceFormat::kVroom;
  return make_error(
      ErrorCode::kInvalidArgument,
      fmt::format("unknown format '{}' (expected cordeau, solomon, lilim or vroom)", name));
}

const char* instance_format_name(InstanceFormat format) {
  switch (format) {
    case InstanceFormat::kCordeau:
      return "cordeau";
    case InstanceFormat::kSolomon:
      return "solomon";
    case InstanceFormat::kLiLim:
      return "lilim";
    case InstanceFormat::kVroom:
      return "vroom";
  }
  return "unknown";
}

Result<model::Problem> read_instance(InstanceFormat format, const std::string& path) {
  Result<std::string> text = detail::read_text_file(path);
  if (!text) return text.error();
  switch (format) {
    case InstanceFormat::kCordeau:
      return parse_cordeau(text.value(), path);
    case InstanceFormat::kSolomon:
      return parse_solomon(text.value(), path);
    case InstanceFormat::kLiLim:
      return parse_lilim(text.value(), path);
    case InstanceFormat::kVroom: {
      Result<VroomInstance> vroom = parse_vroom(text.value(), path);
      if (!vroom) return vroom.error();
      return std::move(vroom).value().problem;
    }
  }
  return make_error(ErrorCode::kInternal, "unknown instance format", {path, 0, 0});
}

std::string instance_name_from_path(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

}  // namespace sendplan::io
