// The National Grid projection (transverse Mercator on Airy 1830) against the OS guide's worked
// example, and its forward/inverse consistency across Great Britain.
#include "geo/national_grid.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sendplan::geo::detail {
namespace {

constexpr double kArcsecond = 1.0 / 3600.0;  // degrees

constexpr double dms(double degrees, double minutes, double seconds) {
  return degrees + minutes / 60.0 + seconds / 3600.0;
}

// "A guide to coordinate systems in Great Britain", annex C, examples C.1 and C.2 (Caister
// water tower): OSGB36 52°39'27.2531"N 1°43'4.5177"E is grid E 651409.903, N 313177.270.
constexpr Osgb36LatLon kWorkedExampleLatLon{dms(52, 39, 27.2531), dms(1, 43, 4.5177)};
constexpr GridReference kWorkedExampleGrid{651409.903, 313177.270};

TEST(NationalGrid, ProjectsTheOsWorkedExampleC1) {
  const GridReference grid = osgb36_to_grid(kWorkedExampleLatLon);
  // The guide prints millimetres; its latitude/longitude are rounded to 0.0001" (3 mm).
  EXPECT_NEAR(grid.easting, kWorkedExampleGrid.easting, 0.003);
  EXPECT_NEAR(grid.northing, kWorkedExampleGrid.northing, 0.003);
}

TEST(NationalGrid, UnprojectsTheOsWorkedExampleC2) {
  const Osgb36LatLon position = grid_to_osgb36(kWorkedExampleGrid);
  EXPECT_NEAR(position.latitude, kWorkedExampleLatLon.latitude, 1e-4 * kArcsecond);
  EXPECT_NEAR(position.longitude, kWorkedExampleLatLon.longitude, 1e-4 * kArcsecond);
}

TEST(NationalGrid, TrueOriginMapsToTheFalseOrigin) {
  const GridReference grid = osgb36_to_grid({49.0, -2.0});
  EXPECT_NEAR(grid.easting, 400000.0, 1e-6);
  EXPECT_NEAR(grid.northing, -100000.0, 1e-6);
  const Osgb36LatLon back = grid_to_osgb36({400000.0, -100000.0});
  EXPECT_NEAR(back.latitude, 49.0, 1e-9);
  EXPECT_NEAR(back.longitude, -2.0, 1e-9);
}

TEST(NationalGrid, InverseThenForwardReturnsWithinOneCentimetreAcrossGreatBritain) {
  double worst = 0.0;
  for (double easting = 0.0; easting <= 700000.0; easting += 25000.0) {
    for (double northing = 0.0; northing <= 1250000.0; northing += 25000.0) {
      const GridReference back = osgb36_to_grid(grid_to_osgb36({easting, northing}));
      worst = std::fmax(worst, std::hypot(back.easting - easting, back.northing - northing));
    }
  }
  // The truncated series lose most far from the central meridian (E 0, N 1250000: 1.1 cm).
  EXPECT_LT(worst, 0.012);
}

}  // namespace
}  // namespace sendplan::geo::detail
