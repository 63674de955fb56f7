// Borough boundaries: GeoJSON reading, point-in-polygon and lookup by name.
#include "transport/borough_boundaries.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sendplan::transport {

namespace {

using nlohmann::json;

// Thrown inside the reader only, turned into a kParse error at its edge.
struct ShapeError {
  std::string message;
};

std::vector<geo::LatLon> read_ring(const json& ring) {
  if (!ring.is_array()) throw ShapeError{"a ring is not an array of positions"};
  std::vector<geo::LatLon> points;
  points.reserve(ring.size());
  for (const json& position : ring) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
        !position[1].is_number()) {
      throw ShapeError{"a position is not [longitude, latitude]"};
    }
    points.push_back({position[1].get<double>(), position[0].get<double>()});
  }
  if (points.size() < 3) throw ShapeError{"a ring has fewer than 3 positions"};
  return points;
}

BoundaryPolygon read_polygon(const json& rings) {
  if (!rings.is_array() || rings.empty()) throw ShapeError{"a polygon has no rings"};
  BoundaryPolygon polygon;
  for (const json& ring : rings) polygon.rings.push_back(read_ring(ring));
  return polygon;
}

std::string property(const json& properties, const char* key) {
  const auto it = properties.find(key);
  if (it == properties.end() || !it->is_string()) {
    throw ShapeError{std::string("a feature has no string property '") + key + "'"};
  }
  return it->get<std::string>();
}

BoroughBoundary read_feature(const json& feature) {
  if (!feature.is_object()) throw ShapeError{"a feature is not an object"};
  const auto properties = feature.find("properties");
  const auto geometry = feature.find("geometry");
  if (properties == feature.end() || !properties->is_object())
    throw ShapeError{"a feature has no properties"};
  if (geometry == feature.end() || !geometry->is_object())
    throw ShapeError{"a feature has no geometry"};
  BoroughBoundary borough;
  borough.name = property(*properties, "name");
  borough.gss_code = property(*properties, "gss_code");
  const std::string type = geometry->value("type", "");
  const auto coordinates = geometry->find("coordinates");
  if (coordinates == geometry->end() || !coordinates->is_array())
    throw ShapeError{"borough '" + borough.name + "' has no coordinates"};
  if (type == "Polygon") {
    borough.polygons.push_back(read_polygon(*coordinates));
  } else if (type == "MultiPolygon") {
    for (const json& polygon : *coordinates) borough.polygons.push_back(read_polygon(polygon));
  } else {
    throw ShapeError{"borough '" + borough.name + "' has geometry type '" + type +
                     "' (expected Polygon or MultiPolygon)"};
  }
  if (borough.polygons.empty()) throw ShapeError{"borough '" + borough.name + "' has no polygons"};
  return borough;
}

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
  const double x = point.longitude;
  const double y = point.latitude;
  bool inside = false;
  for (const BoundaryPolygon& polygon : polygons) {
    for (const std::vector<geo::LatLon>& ring : polygon.rings) {
      const size_t n = ring.size();
      for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[i].longitude, yi = ring[i].latitude;
        const double xj = ring[j].longitude, yj = ring[j].latitude;
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

std::pair<geo::LatLon, geo::LatLon> BoroughBoundary::bounding_box() const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  geo::LatLon low{kInf, kInf};
  geo::LatLon high{-kInf, -kInf};
  for (const BoundaryPolygon& polygon : polygons) {
    for (const geo::LatLon& p : polygon.rings.front()) {
      low.latitude = std::min(low.latitude, p.latitude);
      low.longitude = std::min(low.longitude, p.longitude);
      high.latitude = std::max(high.latitude, p.latitude);
      high.longitude = std::max(high.longitude, p.longitude);
    }
  }
  return {low, high};
}

Result<std::vector<BoroughBoundary>> read_borough_boundaries(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return make_error(ErrorCode::kNotFound, "borough boundaries file not found", {path});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open the borough boundaries file", {path});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return make_error(ErrorCode::kIo, "cannot read the borough boundaries file", {path});

  json document;
  try {
    document = json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    return make_error(ErrorCode::kParse, std::string("not valid JSON: ") + e.what(), {path});
  }
  try {
    const auto features = document.is_object() ? document.find("features") : document.end();
    if (!document.is_object() || features == document.end() || !features->is_array()) {
      throw ShapeError{"expected a GeoJSON FeatureCollection with a 'features' array"};
    }
    std::vector<BoroughBoundary> boroughs;
    for (const json& feature : *features) boroughs.push_back(read_feature(feature));
    if (boroughs.empty()) throw ShapeError{"the FeatureCollection has no features"};
    return boroughs;
  } catch (const ShapeError& e) {
    return make_error(ErrorCode::kParse, e.message, {path});
  } catch (const json::exception& e) {
    return make_error(ErrorCode::kParse, e.what(), {path});
  }
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
