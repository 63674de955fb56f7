// Great-circle distances from unit vectors, for filling matrices fast: each place's vector is
// computed once, then a pair costs a square root and an arcsine. Metres on the sphere
// geo::haversine_metres uses (a test checks the two agree). Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/coordinates.h"

namespace sendplan::travel::detail {

inline constexpr double kMeanEarthRadiusMetres = 6371008.8;

struct UnitVector {
  double x;
  double y;
  double z;
};

inline UnitVector unit_vector(geo::LatLon position) {
  constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
  const double latitude = position.latitude * kRadiansPerDegree;
  const double longitude = position.longitude * kRadiansPerDegree;
  const double cos_latitude = std::cos(latitude);
  return {cos_latitude * std::cos(longitude), cos_latitude * std::sin(longitude),
          std::sin(latitude)};
}

// Great-circle distance from the chord between two unit vectors: the central angle is
// 2·asin(chord / 2), which is what the haversine formula computes, and stays accurate for
// short distances (a 1 m chord is 1.6e-7, far above rounding).
inline double great_circle_metres(const UnitVector& a, const UnitVector& b) {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  const double dz = a.z - b.z;
  const double half_chord = 0.5 * std::sqrt(dx * dx + dy * dy + dz * dz);
  return 2.0 * kMeanEarthRadiusMetres * std::asin(std::min(1.0, half_chord));
}

}  // namespace sendplan::travel::detail
