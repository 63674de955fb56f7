// London borough boundaries (GLA "excluding mean high water" polygons, WGS84) read from a GeoJSON
// FeatureCollection, with a point-in-borough test and a forgiving lookup by name. Used by the
// synthetic borough generator (generator.h). The polygons and the GeoJSON reading are
// geo/boundaries.h; this adds the borough's name and code. Plain data; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/boundaries.h"
#include "geo/coordinates.h"

namespace sendplan::transport {

// One polygon: rings[0] is the outer ring, the rest are holes (geo::Polygon).
using BoundaryPolygon = geo::Polygon;

struct BoroughBoundary {
  std::string name;      // e.g. "Kensington and Chelsea"
  std::string gss_code;  // e.g. "E09000020"
  std::vector<BoundaryPolygon> polygons;

  // True when `point` is inside the borough: even-odd ray casting over every ring of every
  // polygon (so holes and separate parts are handled alike).
  bool contains(geo::LatLon point) const;
  // The smallest latitude/longitude box holding every vertex: {south-west, north-east}.
  std::pair<geo::LatLon, geo::LatLon> bounding_box() const;
};

// Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features with `name` and
// `gss_code` properties. Errors: kNotFound (missing file), kIo (unreadable), kParse (not JSON,
// or not the expected structure).
Result<std::vector<BoroughBoundary>> read_borough_boundaries(const std::string& path);

// The borough called `name`: case-insensitive, ignoring extra spaces, "&" the same as "and"
// (and the GSS code is accepted too). kInvalidArgument naming the valid boroughs otherwise.
Result<BoroughBoundary> find_borough(const std::vector<BoroughBoundary>& boroughs,
                                     std::string_view name);

}  // namespace sendplan::transport
