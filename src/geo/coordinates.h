// Where things are: British National Grid references (EPSG:27700, metres) and WGS84
// latitude/longitude (degrees), kept as different types, with the OS conversion between them.
// Pure functions, safe from any thread. The conversion is a Helmert datum shift, about 5 m
// accurate across Great Britain (OSTN15 would give 0.1 m, and is not needed for routing).
#pragma once

namespace sendplan::geo {

// British National Grid (OSGB36 / EPSG:27700), metres from the grid's false origin; Great
// Britain lies within easting 0–700000 and northing 0–1300000.
struct GridReference {
  double easting;
  double northing;
};

// WGS84 geographic coordinates in degrees: latitude north positive, longitude east positive.
struct LatLon {
  double latitude;
  double longitude;
};

// Grid reference → WGS84: inverse transverse Mercator on Airy 1830 to OSGB36 latitude/longitude
// (OS guide, annex C), then the OSGB36 → WGS84 Helmert transformation (section 6.6), with the
// height on the Airy ellipsoid taken as 0.
LatLon grid_to_wgs84(GridReference grid);
// WGS84 → grid reference: the WGS84 → OSGB36 Helmert transformation, then the projection. The
// round trip through grid_to_wgs84 returns within 1 cm anywhere in Great Britain.
GridReference wgs84_to_grid(LatLon position);

// Great-circle distance on a sphere of the mean Earth radius (6,371,008.8 m), in metres; within
// 0.5 % of the ellipsoidal distance.
double haversine_metres(LatLon from, LatLon to);
// Straight-line distance on the grid, in metres. Grid metres are ground metres times the
// projection's scale: 0.9996 on E 400000, 0.9998 in London, up to 1.0007 300 km east or west.
double grid_distance_metres(GridReference from, GridReference to);

}  // namespace sendplan::geo
