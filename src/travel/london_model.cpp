// The London model: great-circle distance × circuity, at a speed for the time of day.
#include "travel/london_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "travel/great_circle.h"

namespace sendplan::travel {

namespace {

using detail::great_circle_metres;
using detail::unit_vector;
using detail::UnitVector;

Error out_of_range(const char* name, double value, const char* rule) {
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("London model: {} is {}, but it must be {}", name, value, rule));
}

}  // namespace

Status LondonModelSettings::validate() const {
  if (!std::isfinite(circuity) || circuity < 1) {
    return out_of_range("the circuity", circuity, "at least 1");
  }
  const struct {
    const char* name;
    double mph;
  } speeds[] = {{"the morning speed (mph)", morning_mph},
                {"the afternoon speed (mph)", afternoon_mph},
                {"the off-peak speed (mph)", off_peak_mph}};
  for (const auto& speed : speeds) {
    if (!std::isfinite(speed.mph) || speed.mph <= 0) {
      return out_of_range(speed.name, speed.mph, "more than 0");
    }
  }
  if (!std::isfinite(overhead_seconds) || overhead_seconds < 0) {
    return out_of_range("the overhead per journey (seconds)", overhead_seconds, "at least 0");
  }
  return Status::success();
}

LondonModel::LondonModel(const LondonModelSettings& settings) : settings_(settings) {}

double LondonModel::metres_per_second(TimeOfDay when) const {
  double mph = settings_.off_peak_mph;
  if (when == TimeOfDay::kMorningPeak) mph = settings_.morning_mph;
  if (when == TimeOfDay::kAfternoonPeak) mph = settings_.afternoon_mph;
  return mph * kMetresPerMile / 3600.0;
}

double LondonModel::road_metres(geo::LatLon from, geo::LatLon to) const {
  return geo::haversine_metres(from, to) * settings_.circuity;
}

double LondonModel::seconds_for(double road_metres, TimeOfDay when) const {
  if (road_metres <= 0) return 0;
  return road_metres / metres_per_second(when) + settings_.overhead_seconds;
}

Result<TravelMatrix> LondonModel::matrix(const std::vector<Place>& places, TimeOfDay when,
                                         const MatrixProgress& progress) const {
  Status valid = check_places(places);
  if (!valid.ok()) return valid.error();
  const int n = static_cast<int>(places.size());
  TravelMatrix matrix = TravelMatrix::zeros(n);

  std::vector<UnitVector> vectors;
  vectors.reserve(places.size());
  for (const Place& place : places) vectors.push_back(unit_vector(place.location));

  const double metres_per_great_circle_metre = settings_.circuity;
  const double seconds_per_metre = 1.0 / metres_per_second(when);
  const double overhead = settings_.overhead_seconds;
  // The model is symmetric: each pair is computed once and written to both halves. Going tile
  // by tile keeps the mirrored writes within a few cache-resident rows.
  constexpr int kTile = 64;
  for (int row_tile = 0; row_tile < n; row_tile += kTile) {
    const int row_end = std::min(n, row_tile + kTile);
    for (int column_tile = row_tile; column_tile < n; column_tile += kTile) {
      const int column_end = std::min(n, column_tile + kTile);
      for (int from = row_tile; from < row_end; ++from) {
        const UnitVector& a = vectors[static_cast<std::size_t>(from)];
        for (int to = std::max(from + 1, column_tile); to < column_end; ++to) {
          const double metres = great_circle_metres(a, vectors[static_cast<std::size_t>(to)]) *
                                metres_per_great_circle_metre;
          const double seconds = metres > 0 ? metres * seconds_per_metre + overhead : 0.0;
          matrix.metres[matrix.index(from, to)] = metres;
          matrix.seconds[matrix.index(from, to)] = seconds;
          matrix.metres[matrix.index(to, from)] = metres;
          matrix.seconds[matrix.index(to, from)] = seconds;
        }
      }
    }
  }
  if (progress) progress(1, 1);
  return matrix;
}

std::string LondonModel::description() const {
  return fmt::format(
      "London model (circuity {:g}, AM {:g} mph, PM {:g} mph, off-peak {:g} mph, {:g} s a "
      "journey)",
      settings_.circuity, settings_.morning_mph, settings_.afternoon_mph, settings_.off_peak_mph,
      settings_.overhead_seconds);
}

Result<std::unique_ptr<TravelSource>> make_london_model(const LondonModelSettings& settings) {
  Status valid = settings.validate();
  if (!valid.ok()) return valid.error();
  return std::unique_ptr<TravelSource>(std::make_unique<LondonModel>(settings));
}

}  // namespace sendplan::travel
