// Geodetic ↔ cartesian conversion and the Helmert datum shift, against published test points.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/ellipsoid.h"
#include "geo/helmert.h"

namespace sendplan::geo::detail {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kArcsecond = kDegree / 3600.0;

TEST(Ellipsoid, CartesianRoundTripIsExact) {
  for (const Ellipsoid& ellipsoid : {kAiry1830, kGrs80}) {
    for (double latitude = -85.0; latitude <= 85.0; latitude += 17.0) {
      for (double longitude = -170.0; longitude <= 180.0; longitude += 35.0) {
        const Geodetic position{latitude * kDegree, longitude * kDegree, 123.4};
        const Geodetic back = to_geodetic(to_cartesian(position, ellipsoid), ellipsoid);
        EXPECT_NEAR(back.latitude, position.latitude, 1e-11);
        EXPECT_NEAR(back.longitude, position.longitude, 1e-11);
        EXPECT_NEAR(back.height, position.height, 1e-4);
      }
    }
  }
}

TEST(Ellipsoid, EquatorAndPoleLieOnTheAxes) {
  const Cartesian equator = to_cartesian({0.0, 0.0, 0.0}, kGrs80);
  EXPECT_NEAR(equator.x, kGrs80.semi_major_axis, 1e-6);
  const Cartesian pole = to_cartesian({90.0 * kDegree, 0.0, 0.0}, kGrs80);
  EXPECT_NEAR(pole.z, kGrs80.semi_minor_axis, 1e-6);
}

// gov.uk, "Oil and gas: petroleum operations notices", test point for the OSGB petroleum
// transformation: WGS84 53°N 1°E, 50 m → OSGB36 52°59'58.719"N 1°00'06.490"E, 3.99 m. Those
// parameters are the OS ones with rotations rounded to 0.001" (a few millimetres here).
TEST(Helmert, MatchesThePetroleumOperationsNoticeTestPoint) {
  const Cartesian wgs84 = to_cartesian({53.0 * kDegree, 1.0 * kDegree, 50.0}, kGrs80);
  const Geodetic osgb36 = to_geodetic(helmert_transform(wgs84, kWgs84ToOsgb36), kAiry1830);
  EXPECT_NEAR(osgb36.latitude, (52.0 + 59.0 / 60.0) * kDegree + 58.719 * kArcsecond,
              0.001 * kArcsecond);
  EXPECT_NEAR(osgb36.longitude, 1.0 * kDegree + 6.490 * kArcsecond, 0.001 * kArcsecond);
  EXPECT_NEAR(osgb36.height, 3.99, 0.01);
}

// Reversing the signs is not an exact inverse: the residual is about scale × translation
// (20 ppm × 700 m ≈ 1.4 cm), nearly all of it vertical; horizontally it is a few millimetres.
TEST(Helmert, ReversedParametersUndoTheShiftToWithinMillimetresHorizontally) {
  const Geodetic start{51.5 * kDegree, -0.1 * kDegree, 0.0};
  const Cartesian there = helmert_transform(to_cartesian(start, kAiry1830), kOsgb36ToWgs84);
  const Cartesian back_cartesian = helmert_transform(there, kWgs84ToOsgb36);
  const Geodetic back = to_geodetic(back_cartesian, kAiry1830);
  const double north = (back.latitude - start.latitude) * kAiry1830.semi_major_axis;
  const double east =
      (back.longitude - start.longitude) * kAiry1830.semi_major_axis * std::cos(start.latitude);
  EXPECT_LT(std::hypot(north, east), 0.005);
  EXPECT_LT(std::fabs(back.height - start.height), 0.015);
}

}  // namespace
}  // namespace sendplan::geo::detail
