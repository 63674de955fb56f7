#include "geo/helmert.h"

#include <numbers>

namespace sendplan::geo::detail {

namespace {

constexpr double arcseconds_to_radians(double arcseconds) {
  return arcseconds / 3600.0 * std::numbers::pi / 180.0;
}

}  // namespace

Cartesian helmert_transform(const Cartesian& position, const HelmertParameters& parameters) {
  const double scale = 1.0 + parameters.scale_ppm * 1e-6;
  const double rx = arcseconds_to_radians(parameters.rotation_x_arcsec);
  const double ry = arcseconds_to_radians(parameters.rotation_y_arcsec);
  const double rz = arcseconds_to_radians(parameters.rotation_z_arcsec);
  const auto [x, y, z] = position;
  return {parameters.translation_x + scale * x - rz * y + ry * z,
          parameters.translation_y + rz * x + scale * y - rx * z,
          parameters.translation_z - ry * x + rx * y + scale * z};
}

}  // namespace sendplan::geo::detail
