#include "geo/national_grid.h"

#include <cmath>
#include <numbers>

#include "geo/ellipsoid.h"

namespace sendplan::geo::detail {

namespace {

// National Grid constants (OS guide, table A.1 and annex C).
constexpr double kScaleOnCentralMeridian = 0.9996012717;  // F0
constexpr double kTrueOriginLatitude = 49.0 * std::numbers::pi / 180.0;
constexpr double kTrueOriginLongitude = -2.0 * std::numbers::pi / 180.0;
constexpr double kFalseEasting = 400000.0;    // E0, metres
constexpr double kFalseNorthing = -100000.0;  // N0, metres

constexpr double kA = kAiry1830.semi_major_axis;
constexpr double kB = kAiry1830.semi_minor_axis;
constexpr double kE2 = kAiry1830.eccentricity_squared();
constexpr double kN = (kA - kB) / (kA + kB);

constexpr double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}
constexpr double degrees(double radians) {
  return radians * 180.0 / std::numbers::pi;
}

// M: the developed meridional arc from the true origin's latitude to `latitude` (C.3).
double meridional_arc(double latitude) {
  const double n2 = kN * kN;
  const double n3 = n2 * kN;
  const double d = latitude - kTrueOriginLatitude;
  const double s = latitude + kTrueOriginLatitude;
  return kB * kScaleOnCentralMeridian *
         ((1.0 + kN + 1.25 * n2 + 1.25 * n3) * d -
          (3.0 * kN + 3.0 * n2 + 21.0 / 8.0 * n3) * std::sin(d) * std::cos(s) +
          (15.0 / 8.0 * n2 + 15.0 / 8.0 * n3) * std::sin(2.0 * d) * std::cos(2.0 * s) -
          35.0 / 24.0 * n3 * std::sin(3.0 * d) * std::cos(3.0 * s));
}

// ν, ρ and η² at `latitude`, scaled by F0 as in C.2.
struct Curvature {
  double nu;
  double rho;
  double eta2;
};

Curvature curvature(double latitude) {
  const double sin_latitude = std::sin(latitude);
  const double w = 1.0 - kE2 * sin_latitude * sin_latitude;
  const double nu = kA * kScaleOnCentralMeridian / std::sqrt(w);
  const double rho = kA * kScaleOnCentralMeridian * (1.0 - kE2) / (w * std::sqrt(w));
  return {nu, rho, nu / rho - 1.0};
}

}  // namespace

GridReference osgb36_to_grid(Osgb36LatLon position) {
  const double phi = radians(position.latitude);
  const double dl = radians(position.longitude) - kTrueOriginLongitude;
  const auto [nu, rho, eta2] = curvature(phi);
  const double sin_phi = std::sin(phi);
  const double cos_phi = std::cos(phi);
  const double cos3 = cos_phi * cos_phi * cos_phi;
  const double cos5 = cos3 * cos_phi * cos_phi;
  const double t2 = std::tan(phi) * std::tan(phi);
  const double t4 = t2 * t2;

  const double i = meridional_arc(phi) + kFalseNorthing;
  const double ii = nu / 2.0 * sin_phi * cos_phi;
  const double iii = nu / 24.0 * sin_phi * cos3 * (5.0 - t2 + 9.0 * eta2);
  const double iiia = nu / 720.0 * sin_phi * cos5 * (61.0 - 58.0 * t2 + t4);
  const double iv = nu * cos_phi;
  const double v = nu / 6.0 * cos3 * (nu / rho - t2);
  const double vi = nu / 120.0 * cos5 * (5.0 - 18.0 * t2 + t4 + 14.0 * eta2 - 58.0 * t2 * eta2);

  const double dl2 = dl * dl;
  return {kFalseEasting + dl * (iv + dl2 * (v + dl2 * vi)),
          i + dl2 * (ii + dl2 * (iii + dl2 * iiia))};
}

Osgb36LatLon grid_to_osgb36(GridReference grid) {
  constexpr double kArcTolerance = 1e-5;  // metres: the OS guide's 0.01 mm
  constexpr int kMaxIterations = 50;
  const double north = grid.northing - kFalseNorthing;
  double phi = north / (kA * kScaleOnCentralMeridian) + kTrueOriginLatitude;
  double m = meridional_arc(phi);
  for (int step = 0; step < kMaxIterations && std::fabs(north - m) >= kArcTolerance; ++step) {
    phi += (north - m) / (kA * kScaleOnCentralMeridian);
    m = meridional_arc(phi);
  }

  const auto [nu, rho, eta2] = curvature(phi);
  const double t = std::tan(phi);
  const double t2 = t * t;
  const double t4 = t2 * t2;
  const double t6 = t4 * t2;
  const double sec = 1.0 / std::cos(phi);
  const double nu3 = nu * nu * nu;
  const double nu5 = nu3 * nu * nu;
  const double nu7 = nu5 * nu * nu;

  const double vii = t / (2.0 * rho * nu);
  const double viii = t / (24.0 * rho * nu3) * (5.0 + 3.0 * t2 + eta2 - 9.0 * t2 * eta2);
  const double ix = t / (720.0 * rho * nu5) * (61.0 + 90.0 * t2 + 45.0 * t4);
  const double x = sec / nu;
  const double xi = sec / (6.0 * nu3) * (nu / rho + 2.0 * t2);
  const double xii = sec / (120.0 * nu5) * (5.0 + 28.0 * t2 + 24.0 * t4);
  const double xiia = sec / (5040.0 * nu7) * (61.0 + 662.0 * t2 + 1320.0 * t4 + 720.0 * t6);

  const double de = grid.easting - kFalseEasting;
  const double de2 = de * de;
  const double latitude = phi - de2 * (vii - de2 * (viii - de2 * ix));
  const double longitude = kTrueOriginLongitude + de * (x - de2 * (xi - de2 * (xii - de2 * xiia)));
  return {degrees(latitude), degrees(longitude)};
}

}  // namespace sendplan::geo::detail
