// Areas on the map (boroughs, zones) as WGS84 polygons read from a GeoJSON FeatureCollection,
// with an even-odd point-in-polygon test. Degrees of latitude/longitude; plain data, safe to read
// from any thread. Used by the borough generator (transport) and the London zone model (travel).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/coordinates.h"

namespace sendplan::geo {

// One polygon: rings[0] is the outer ring, the rest are holes. Rings may be closed (last vertex
// repeats the first) or not: the test does not care.
struct Polygon {
  std::vector<std::vector<LatLon>> rings;
};

// The smallest latitude/longitude box holding some vertices.
struct LatLonBox {
  LatLon south_west;
  LatLon north_east;
};

// True when `point` is inside: even-odd ray casting over every ring of every polygon, so holes
// and separate parts are handled alike. A point exactly on an edge may go either way.
bool polygons_contain(const std::vector<Polygon>& polygons, LatLon point);
// The box around the outer rings' vertices; {+inf, -inf} corners when there are none.
LatLonBox polygons_bounding_box(const std::vector<Polygon>& polygons);

// One feature of a FeatureCollection: its string-valued properties (others are skipped) and
// its Polygon or MultiPolygon geometry.
struct GeoJsonArea {
  std::map<std::string, std::string, std::less<>> properties;
  std::vector<Polygon> polygons;  // at least one

  // The property's value, or nullptr when the feature has no such string property.
  const std::string* property(std::string_view key) const;
  bool contains(LatLon point) const { return polygons_contain(polygons, point); }
};

// Parses a GeoJSON FeatureCollection (RFC 7946) whose features all have Polygon or MultiPolygon
// geometry, positions [longitude, latitude, ...] in WGS84, rings of at least 3 positions, and a
// string property for each of `required_properties`. kParse (with `file_name`) when the text is
// not JSON, not that structure, or has no features.
Result<std::vector<GeoJsonArea>> parse_geojson_areas(
    std::string_view text, const std::string& file_name,
    const std::vector<std::string>& required_properties = {});
// The same from the file at `path`: kNotFound when it does not exist, kIo when it cannot be read.
Result<std::vector<GeoJsonArea>> read_geojson_areas(
    const std::string& path, const std::vector<std::string>& required_properties = {});

}  // namespace sendplan::geo
