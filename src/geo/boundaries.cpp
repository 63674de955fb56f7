// GeoJSON polygon areas: reading and point-in-polygon.
#include "geo/boundaries.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "geo/gzip_file.h"

namespace sendplan::geo {

namespace {

using nlohmann::json;

// Thrown inside the parser only, turned into a kParse error at its edge.
struct ShapeError {
  std::string message;
};

std::vector<LatLon> read_ring(const json& ring) {
  if (!ring.is_array()) throw ShapeError{"a ring is not an array of positions"};
  std::vector<LatLon> points;
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

Polygon read_polygon(const json& rings) {
  if (!rings.is_array() || rings.empty()) throw ShapeError{"a polygon has no rings"};
  Polygon polygon;
  for (const json& ring : rings) polygon.rings.push_back(read_ring(ring));
  return polygon;
}

// "feature 3" or "feature 3 ('Hackney')" for messages.
std::string feature_label(std::size_t index, const GeoJsonArea& area) {
  const std::string* name = area.property("name");
  std::string label = "feature " + std::to_string(index + 1);
  if (name != nullptr) label += " ('" + *name + "')";
  return label;
}

GeoJsonArea read_feature(const json& feature, std::size_t index,
                         const std::vector<std::string>& required_properties) {
  const std::string number = "feature " + std::to_string(index + 1);
  if (!feature.is_object()) throw ShapeError{number + " is not an object"};
  const auto properties = feature.find("properties");
  const auto geometry = feature.find("geometry");
  GeoJsonArea area;
  if (properties != feature.end() && properties->is_object()) {
    for (const auto& [key, value] : properties->items()) {
      if (value.is_string()) area.properties.emplace(key, value.get<std::string>());
    }
  }
  const std::string label = feature_label(index, area);
  for (const std::string& key : required_properties) {
    if (area.property(key) == nullptr) {
      throw ShapeError{label + " has no string property '" + key + "'"};
    }
  }
  if (geometry == feature.end() || !geometry->is_object())
    throw ShapeError{label + " has no geometry"};
  const std::string type = geometry->value("type", "");
  const auto coordinates = geometry->find("coordinates");
  if (coordinates == geometry->end() || !coordinates->is_array())
    throw ShapeError{label + " has no coordinates"};
  try {
    if (type == "Polygon") {
      area.polygons.push_back(read_polygon(*coordinates));
    } else if (type == "MultiPolygon") {
      for (const json& polygon : *coordinates) area.polygons.push_back(read_polygon(polygon));
    } else {
      throw ShapeError{"has geometry type '" + type + "' (expected Polygon or MultiPolygon)"};
    }
  } catch (const ShapeError& e) {
    throw ShapeError{label + ": " + e.message};
  }
  if (area.polygons.empty()) throw ShapeError{label + " has no polygons"};
  return area;
}

}  // namespace

const std::string* GeoJsonArea::property(std::string_view key) const {
  const auto found = properties.find(key);
  return found == properties.end() ? nullptr : &found->second;
}

bool polygons_contain(const std::vector<Polygon>& polygons, LatLon point) {
  const double x = point.longitude;
  const double y = point.latitude;
  bool inside = false;
  for (const Polygon& polygon : polygons) {
    for (const std::vector<LatLon>& ring : polygon.rings) {
      const std::size_t n = ring.size();
      for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[i].longitude, yi = ring[i].latitude;
        const double xj = ring[j].longitude, yj = ring[j].latitude;
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

LatLonBox polygons_bounding_box(const std::vector<Polygon>& polygons) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  LatLonBox box{{kInf, kInf}, {-kInf, -kInf}};
  for (const Polygon& polygon : polygons) {
    if (polygon.rings.empty()) continue;
    for (const LatLon& p : polygon.rings.front()) {
      box.south_west.latitude = std::min(box.south_west.latitude, p.latitude);
      box.south_west.longitude = std::min(box.south_west.longitude, p.longitude);
      box.north_east.latitude = std::max(box.north_east.latitude, p.latitude);
      box.north_east.longitude = std::max(box.north_east.longitude, p.longitude);
    }
  }
  return box;
}

Result<std::vector<GeoJsonArea>> parse_geojson_areas(
    std::string_view text, const std::string& file_name,
    const std::vector<std::string>& required_properties) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    return make_error(ErrorCode::kParse, std::string("not valid JSON: ") + e.what(), {file_name});
  }
  try {
    const auto features = document.is_object() ? document.find("features") : document.end();
    if (!document.is_object() || features == document.end() || !features->is_array()) {
      throw ShapeError{"expected a GeoJSON FeatureCollection with a 'features' array"};
    }
    std::vector<GeoJsonArea> areas;
    areas.reserve(features->size());
    for (const json& feature : *features) {
      areas.push_back(read_feature(feature, areas.size(), required_properties));
    }
    if (areas.empty()) throw ShapeError{"the FeatureCollection has no features"};
    return areas;
  } catch (const ShapeError& e) {
    return make_error(ErrorCode::kParse, e.message, {file_name});
  } catch (const json::exception& e) {
    return make_error(ErrorCode::kParse, e.what(), {file_name});
  }
}

Result<std::vector<GeoJsonArea>> read_geojson_areas(
    const std::string& path, const std::vector<std::string>& required_properties) {
  Result<std::string> text = detail::read_possibly_gzipped_file(path);
  if (!text) return text.error();
  return parse_geojson_areas(text.value(), path, required_properties);
}

}  // namespace sendplan::geo
