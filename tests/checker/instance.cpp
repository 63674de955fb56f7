// Instance helpers shared by the three parsers: format names, distances, file reading.
#include "instance.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace sendplan::check {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "cordeau") return Format::kCordeau;
  if (name == "solomon") return Format::kSolomon;
  if (name == "lilim") return Format::kLiLim;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kCordeau:
      return "cordeau";
    case Format::kSolomon:
      return "solomon";
    case Format::kLiLim:
      return "lilim";
  }
  return "?";
}

double Instance::travel(int from, int to) const {
  const Node& a = nodes[from];
  const Node& b = nodes[to];
  return std::hypot(a.x - b.x, a.y - b.y);
}

bool Instance::is_stop(int id) const {
  return id >= 0 && id < static_cast<int>(nodes.size()) && !is_depot(id);
}

Instance parse_instance(Format format, std::string_view text, const std::string& file) {
  switch (format) {
    case Format::kCordeau:
      return parse_cordeau(text, file);
    case Format::kSolomon:
      return parse_solomon(text, file);
    case Format::kLiLim:
      return parse_lilim(text, file);
  }
  throw InputError(file + ": unknown format");
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path + ": read error");
  return text.str();
}

Instance read_instance(Format format, const std::string& path) {
  return parse_instance(format, read_text_file(path), path);
}

}  // namespace sendplan::check
