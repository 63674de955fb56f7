// The National Grid projection: transverse Mercator on the Airy 1830 ellipsoid (OS guide, annex
// C), between grid references and OSGB36 latitude/longitude. The series are sub-millimetre within
// 200 km of the central meridian (E 400000); inverse-then-forward drifts to 1 cm at E 0, N 1250000.
#pragma once

#include "geo/coordinates.h"

namespace sendplan::geo::detail {

// Latitude and longitude on the OSGB36 datum (Airy 1830), in degrees. Not WGS84: the two differ
// by up to about 120 m in Great Britain, so this is its own type.
struct Osgb36LatLon {
  double latitude;
  double longitude;
};

Osgb36LatLon grid_to_osgb36(GridReference grid);
GridReference osgb36_to_grid(Osgb36LatLon position);

}  // namespace sendplan::geo::detail
