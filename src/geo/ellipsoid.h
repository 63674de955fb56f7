// Reference ellipsoids and the conversion between geodetic (latitude, longitude, height) and
// earth-centred cartesian coordinates. Angles in radians, lengths in metres. Pure functions.
#pragma once

namespace sendplan::geo::detail {

struct Ellipsoid {
  double semi_major_axis;  // a, metres
  double semi_minor_axis;  // b, metres

  constexpr double eccentricity_squared() const {
    return 1.0 - (semi_minor_axis * semi_minor_axis) / (semi_major_axis * semi_major_axis);
  }
};

// The ellipsoid of OSGB36 (and so of the National Grid).
inline constexpr Ellipsoid kAiry1830{6377563.396, 6356256.909};
// GRS80, the ellipsoid of ETRS89; WGS84's differs from it by 0.1 mm in b, which is ignored here
// as it is in the OS guide.
inline constexpr Ellipsoid kGrs80{6378137.000, 6356752.3141};

// A position on an ellipsoid: radians, radians, metres above the ellipsoid.
struct Geodetic {
  double latitude;
  double longitude;
  double height;
};

// Earth-centred, earth-fixed coordinates in metres (x towards lon 0, z towards the north pole).
struct Cartesian {
  double x;
  double y;
  double z;
};

Cartesian to_cartesian(const Geodetic& position, const Ellipsoid& ellipsoid);
// Iterative (OS guide, section B.2); converges to 1e-12 rad in a handful of steps.
Geodetic to_geodetic(const Cartesian& position, const Ellipsoid& ellipsoid);

}  // namespace sendplan::geo::detail
