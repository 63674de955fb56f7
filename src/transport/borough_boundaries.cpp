// Borough boundaries: names and codes over geo::read_geojson_areas, and lookup by name.
#include "transport/borough_boundaries.h"

#include <algorithm>
#include <cctype>

namespace sendplan::transport {

namespace {

// Lower case, "&" as "and", runs of spaces as one, trimmed.
std::string normalise_name(std::string_view name) {
  std::string spaced;
  for (char c : name) {
    if (c == '&') {
      spaced += " and ";
    } else {
      spaced += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  std::string out;
  for (char c : spaced) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool BoroughBoundary::contains(geo::LatLon point) const {
  return geo::polygons_contain(polygons, point);
}

std::pair<geo::LatLon, geo::LatLon> BoroughBoundary::bounding_box() const {
  const geo::LatLonBox box = geo::polygons_bounding_box(polygons);
  return {box.south_west, box.north_east};
}

Result<std::vector<BoroughBoundary>> read_borough_boundaries(const std::string& path) {
  Result<std::vector<geo::GeoJsonArea>> areas = geo::read_geojson_areas(path, {"name", "gss_code"});
  if (!areas) {
    if (areas.error().code == ErrorCode::kNotFound)
      return make_error(ErrorCode::kNotFound, "borough boundaries file not found", {path});
    return areas.error();
  }
  std::vector<BoroughBoundary> boroughs;
  boroughs.reserve(areas.value().size());
  for (geo::GeoJsonArea& area : areas.value()) {
    BoroughBoundary borough;
    borough.name = *area.property("name");
    borough.gss_code = *area.property("gss_code");
    borough.polygons = std::move(area.polygons);
    boroughs.push_back(std::move(borough));
  }
  return boroughs;
}

Result<BoroughBoundary> find_borough(const std::vector<BoroughBoundary>& boroughs,
                                     std::string_view name) {
  const std::string wanted = normalise_name(name);
  for (const BoroughBoundary& borough : boroughs) {
    if (normalise_name(borough.name) == wanted || normalise_name(borough.gss_code) == wanted) {
      return borough;
    }
  }
  std::vector<std::string> names;
  for (const BoroughBoundary& borough : boroughs) names.push_back(borough.name);
  std::sort(names.begin(), names.end());
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return make_error(ErrorCode::kInvalidArgument,
                    "unknown borough '" + std::string(name) + "'; the boroughs are: " + list);
}

}  // namespace sendplan::transport
