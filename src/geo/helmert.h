// Seven-parameter Helmert transformation between earth-centred cartesian frames (OS guide,
// section 6.2), small-angle form. Translations in metres, scale in ppm, rotations in arcseconds.
#pragma once

#include "geo/ellipsoid.h"

namespace sendplan::geo::detail {

struct HelmertParameters {
  double translation_x;  // metres
  double translation_y;
  double translation_z;
  double scale_ppm;          // parts per million
  double rotation_x_arcsec;  // arcseconds
  double rotation_y_arcsec;
  double rotation_z_arcsec;
};

// OSGB36 → WGS84, as published in the OS guide (table 6) with its signs reversed, which is how
// the guide says to go in this direction. About 5 m accurate across Great Britain.
inline constexpr HelmertParameters kOsgb36ToWgs84{446.448, -125.157, 542.060, -20.4894,
                                                  0.1502,  0.2470,   0.8421};
// WGS84 → OSGB36: the OS guide's table 6 as published. Following one transformation by the
// other returns to within about 3 mm (the reversal is not an exact inverse).
inline constexpr HelmertParameters kWgs84ToOsgb36{-446.448, 125.157, -542.060, 20.4894,
                                                  -0.1502,  -0.2470, -0.8421};

Cartesian helmert_transform(const Cartesian& position, const HelmertParameters& parameters);

}  // namespace sendplan::geo::detail
