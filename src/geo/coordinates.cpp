#include "geo/coordinates.h"

#include <cmath>
#include <numbers>

#include "geo/ellipsoid.h"
#include "geo/helmert.h"
#include "geo/national_grid.h"

namespace sendplan::geo {

namespace {

constexpr double kMeanEarthRadiusMetres = 6371008.8;  // IUGG mean radius R1

constexpr double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}
constexpr double degrees(double radians) {
  return radians * 180.0 / std::numbers::pi;
}

}  // namespace

LatLon grid_to_wgs84(GridReference grid) {
  const detail::Osgb36LatLon osgb36 = detail::grid_to_osgb36(grid);
  const detail::Cartesian airy = detail::to_cartesian(
      {radians(osgb36.latitude), radians(osgb36.longitude), 0.0}, detail::kAiry1830);
  const detail::Geodetic wgs84 =
      detail::to_geodetic(detail::helmert_transform(airy, detail::kOsgb36ToWgs84), detail::kGrs80);
  return {degrees(wgs84.latitude), degrees(wgs84.longitude)};
}

GridReference wgs84_to_grid(LatLon position) {
  const detail::Cartesian grs80 = detail::to_cartesian(
      {radians(position.latitude), radians(position.longitude), 0.0}, detail::kGrs80);
  const detail::Geodetic osgb36 = detail::to_geodetic(
      detail::helmert_transform(grs80, detail::kWgs84ToOsgb36), detail::kAiry1830);
  return detail::osgb36_to_grid({degrees(osgb36.latitude), degrees(osgb36.longitude)});
}

double haversine_metres(LatLon from, LatLon to) {
  const double half_dlat = radians(to.latitude - from.latitude) / 2.0;
  const double half_dlon = radians(to.longitude - from.longitude) / 2.0;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(radians(from.latitude)) * std::cos(radians(to.latitude)) *
                       std::sin(half_dlon) * std::sin(half_dlon);
  return 2.0 * kMeanEarthRadiusMetres * std::asin(std::sqrt(std::fmin(1.0, h)));
}

double grid_distance_metres(GridReference from, GridReference to) {
  return std::hypot(to.easting - from.easting, to.northing - from.northing);
}

}  // namespace sendplan::geo
