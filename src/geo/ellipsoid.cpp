#include "geo/ellipsoid.h"

#include <cmath>

namespace sendplan::geo::detail {

namespace {

// ν: the radius of curvature in the prime vertical at `latitude`.
double prime_vertical_radius(double latitude, const Ellipsoid& ellipsoid) {
  const double sin_latitude = std::sin(latitude);
  return ellipsoid.semi_major_axis /
         std::sqrt(1.0 - ellipsoid.eccentricity_squared() * sin_latitude * sin_latitude);
}

}  // namespace

Cartesian to_cartesian(const Geodetic& position, const Ellipsoid& ellipsoid) {
  const double nu = prime_vertical_radius(position.latitude, ellipsoid);
  const double e2 = ellipsoid.eccentricity_squared();
  const double cos_latitude = std::cos(position.latitude);
  return {(nu + position.height) * cos_latitude * std::cos(position.longitude),
          (nu + position.height) * cos_latitude * std::sin(position.longitude),
          ((1.0 - e2) * nu + position.height) * std::sin(position.latitude)};
}

Geodetic to_geodetic(const Cartesian& position, const Ellipsoid& ellipsoid) {
  constexpr double kTolerance = 1e-12;  // radians, about 6 micrometres
  constexpr int kMaxIterations = 20;
  const double e2 = ellipsoid.eccentricity_squared();
  const double p = std::hypot(position.x, position.y);
  double latitude = std::atan2(position.z, p * (1.0 - e2));
  for (int i = 0; i < kMaxIterations; ++i) {
    const double nu = prime_vertical_radius(latitude, ellipsoid);
    const double next = std::atan2(position.z + e2 * nu * std::sin(latitude), p);
    const bool converged = std::fabs(next - latitude) < kTolerance;
    latitude = next;
    if (converged) break;
  }
  const double nu = prime_vertical_radius(latitude, ellipsoid);
  // p / cos φ − ν loses precision near the poles; z / sin φ − (1 − e²)ν is used there instead.
  const double height = std::fabs(std::cos(latitude)) > 0.1
                            ? p / std::cos(latitude) - nu
                            : position.z / std::sin(latitude) - (1.0 - e2) * nu;
  return {latitude, std::atan2(position.y, position.x), height};
}

}  // namespace sendplan::geo::detail
