// The London zone model: zone shares of each straight line, priced at TfL's speeds per zone.
#include "travel/london_zone_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>

#include "travel/great_circle.h"
#include "travel/london_model.h"
#include "travel/metric_closure.h"

namespace sendplan::travel {

namespace {

using detail::great_circle_metres;
using detail::unit_vector;
using detail::UnitVector;

Error out_of_range(const std::string& name, double value, const char* rule) {
  return make_error(
      ErrorCode::kInvalidArgument,
      fmt::format("London zone model: {} is {}, but it must be {}", name, value, rule));
}

// A place as the kernel needs it: its unit vector and its position on the zone grid.
struct GridPlace {
  UnitVector vector;
  double column;
  double row;
  geo::LatLon location;
};

// What the kernel needs for one time of day, per zone: road metres and seconds per
// great-circle metre.
struct ZoneRates {
  std::array<double, kLondonZoneCount> circuity;
  std::array<double, kLondonZoneCount> seconds_per_metre;  // circuity / speed
  std::array<double, kLondonZoneCount> seconds_per_road_metre;
  double overhead;
  double sample_metres;
};

// True unless a chain i → j → … → k (two or more journeys) provably takes at least as long as
// the direct journey d, so that the metric closure can leave the pair alone. Every journey pays
// the overhead and, per great-circle metre, at least the cheapest rate of the zones its samples
// fall in; a chain's straight lines add up to at least d, so it costs at least
// 2·overhead + fastest·d, where `fastest` is the cheapest rate of any zone sampled in the matrix.
bool may_be_beaten(double fastest, double overhead, double direct_seconds, double metres) {
  const double cheapest_chain = 2 * overhead + fastest * metres;
  return direct_seconds > cheapest_chain - 1e-7 * (1 + cheapest_chain);
}

struct PairValue {
  double metres;
  double seconds;
  std::array<int, kLondonZoneCount> samples;
  int sample_count;
};

// True when a comes before b in a fixed order of positions, so that a pair is always sampled
// from the same end and a → b is exactly b → a.
bool comes_first(const GridPlace& a, const GridPlace& b) {
  if (a.location.latitude != b.location.latitude) return a.location.latitude < b.location.latitude;
  return a.location.longitude < b.location.longitude;
}

PairValue price_pair(const LondonZoneMap& zones, const ZoneRates& rates, const GridPlace& first,
                     const GridPlace& second) {
  const GridPlace& a = comes_first(first, second) ? first : second;
  const GridPlace& b = comes_first(first, second) ? second : first;
  PairValue value{0, 0, {0, 0, 0}, 0};
  const double distance = great_circle_metres(a.vector, b.vector);
  if (distance <= 0) return value;
  const int samples = static_cast<int>(std::clamp(std::ceil(distance / rates.sample_metres), 1.0,
                                                  double{LondonZoneModel::kMaxSamples}));
  const double step_column = (b.column - a.column) / samples;
  const double step_row = (b.row - a.row) / samples;
  for (int s = 0; s < samples; ++s) {
    const double t = s + 0.5;
    ++value.samples[static_cast<std::size_t>(
        zones.zone_at_grid(a.column + t * step_column, a.row + t * step_row))];
  }
  value.sample_count = samples;
  for (std::size_t z = 0; z < kLondonZoneCount; ++z) {
    if (value.samples[z] == samples) {
      // Wholly in one zone: road metres / speed + overhead, exactly as the uniform model does.
      value.metres = distance * rates.circuity[z];
      value.seconds = value.metres * rates.seconds_per_road_metre[z] + rates.overhead;
      return value;
    }
  }
  double circuity = 0;
  double seconds_per_metre = 0;
  for (std::size_t z = 0; z < kLondonZoneCount; ++z) {
    circuity += value.samples[z] * rates.circuity[z];
    seconds_per_metre += value.samples[z] * rates.seconds_per_metre[z];
  }
  value.metres = distance * circuity / samples;
  value.seconds = distance * seconds_per_metre / samples + rates.overhead;
  return value;
}

}  // namespace

Status LondonZoneModelSettings::validate() const {
  const struct {
    const char* period;
    const PerZone& mph;
  } periods[] = {
      {"morning", morning_mph}, {"afternoon", afternoon_mph}, {"off-peak", off_peak_mph}};
  for (const auto& period : periods) {
    for (LondonZone zone : {LondonZone::kCentral, LondonZone::kInner, LondonZone::kOuter}) {
      const double mph = period.mph.of(zone);
      if (!std::isfinite(mph) || mph <= 0 || mph > 100) {
        return out_of_range(
            fmt::format("the {} speed in {} London (mph)", period.period, london_zone_name(zone)),
            mph, "more than 0 and at most 100");
      }
    }
  }
  if (!std::isfinite(speed_factor) || speed_factor <= 0 || speed_factor > 2) {
    return out_of_range("the speed factor", speed_factor, "more than 0 and at most 2");
  }
  for (LondonZone zone : {LondonZone::kCentral, LondonZone::kInner, LondonZone::kOuter}) {
    const double value = circuity.of(zone);
    if (!std::isfinite(value) || value < 1 || value > 3) {
      return out_of_range(fmt::format("the circuity in {} London", london_zone_name(zone)), value,
                          "1 to 3");
    }
  }
  if (!std::isfinite(overhead_seconds) || overhead_seconds < 0) {
    return out_of_range("the overhead per journey (seconds)", overhead_seconds, "at least 0");
  }
  if (metric_repair_max_places < 3) {
    return out_of_range("the most places the metric repair takes",
                        static_cast<double>(metric_repair_max_places), "at least 3");
  }
  return Status::success();
}

LondonZoneModel::LondonZoneModel(std::shared_ptr<const LondonZoneMap> zones,
                                 const LondonZoneModelSettings& settings)
    : zones_(std::move(zones)), settings_(settings) {}

PerZone LondonZoneModel::mph_at(TimeOfDay when) const {
  if (when == TimeOfDay::kMorningPeak) return settings_.morning_mph;
  if (when == TimeOfDay::kAfternoonPeak) return settings_.afternoon_mph;
  return settings_.off_peak_mph;
}

double LondonZoneModel::metres_per_second(LondonZone zone, TimeOfDay when) const {
  return mph_at(when).of(zone) * settings_.speed_factor * kMetresPerMile / 3600.0;
}

namespace {

ZoneRates rates_for(const LondonZoneModel& model, TimeOfDay when) {
  ZoneRates rates{};
  for (LondonZone zone : {LondonZone::kCentral, LondonZone::kInner, LondonZone::kOuter}) {
    const auto z = static_cast<std::size_t>(zone);
    rates.circuity[z] = model.settings().circuity.of(zone);
    rates.seconds_per_road_metre[z] = 1.0 / model.metres_per_second(zone, when);
    rates.seconds_per_metre[z] = rates.circuity[z] * rates.seconds_per_road_metre[z];
  }
  rates.overhead = model.settings().overhead_seconds;
  rates.sample_metres = model.zones().cell_metres();
  return rates;
}

GridPlace grid_place(const LondonZoneMap& zones, geo::LatLon location) {
  return {unit_vector(location), zones.column_of(location.longitude),
          zones.row_of(location.latitude), location};
}

}  // namespace

ZoneJourney LondonZoneModel::journey(geo::LatLon from, geo::LatLon to, TimeOfDay when) const {
  const ZoneRates rates = rates_for(*this, when);
  const GridPlace a = grid_place(*zones_, from);
  const GridPlace b = grid_place(*zones_, to);
  const PairValue value = price_pair(*zones_, rates, a, b);
  ZoneJourney journey;
  journey.great_circle_metres = great_circle_metres(a.vector, b.vector);
  journey.road_metres = value.metres;
  journey.seconds = value.seconds;
  for (std::size_t z = 0; z < kLondonZoneCount; ++z) {
    journey.shares[z] =
        value.sample_count > 0 ? static_cast<double>(value.samples[z]) / value.sample_count : 0;
  }
  if (value.sample_count == 0) journey.shares[static_cast<std::size_t>(zone_at(from))] = 1;
  return journey;
}

Result<TravelMatrix> LondonZoneModel::matrix(const std::vector<Place>& places, TimeOfDay when,
                                             const MatrixProgress& progress) const {
  Status valid = check_places(places);
  if (!valid.ok()) return valid.error();
  const int n = static_cast<int>(places.size());
  TravelMatrix matrix = TravelMatrix::zeros(n);
  std::vector<GridPlace> grid;
  grid.reserve(places.size());
  for (const Place& place : places) grid.push_back(grid_place(*zones_, place.location));
  const ZoneRates rates = rates_for(*this, when);

  // Tiles of the upper triangle, handed out to the threads one row of tiles at a time; each
  // pair is written to both halves.
  constexpr int kTile = 64;
  const int tile_rows = (n + kTile - 1) / kTile;
  std::atomic<int> next_tile_row{0};
  // Which zones any journey's samples fall in (one flag set per thread, merged after).
  std::vector<std::array<bool, kLondonZoneCount>> sampled(2, {false, false, false});
  auto work = [&](std::size_t thread) {
    std::array<bool, kLondonZoneCount>& seen = sampled[thread];
    for (int tile_row = next_tile_row++; tile_row < tile_rows; tile_row = next_tile_row++) {
      const int row_start = tile_row * kTile;
      const int row_end = std::min(n, row_start + kTile);
      for (int column_tile = row_start; column_tile < n; column_tile += kTile) {
        const int column_end = std::min(n, column_tile + kTile);
        for (int from = row_start; from < row_end; ++from) {
          const GridPlace& a = grid[static_cast<std::size_t>(from)];
          for (int to = std::max(from + 1, column_tile); to < column_end; ++to) {
            const PairValue value =
                price_pair(*zones_, rates, a, grid[static_cast<std::size_t>(to)]);
            for (std::size_t z = 0; z < kLondonZoneCount; ++z) seen[z] |= value.samples[z] > 0;
            matrix.metres[matrix.index(from, to)] = value.metres;
            matrix.seconds[matrix.index(from, to)] = value.seconds;
            matrix.metres[matrix.index(to, from)] = value.metres;
            matrix.seconds[matrix.index(to, from)] = value.seconds;
          }
        }
      }
    }
  };
  const unsigned threads = n < 256 ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, std::size_t{t});
  work(0);
  for (std::thread& helper : helpers) helper.join();

  // Only pairs dearer per metre than the cheapest zone sampled may be beaten by a chain: a
  // borough wholly in one zone has none, and the closure then costs nothing.
  double fastest = std::numeric_limits<double>::infinity();
  for (std::size_t z = 0; z < kLondonZoneCount; ++z) {
    if (sampled[0][z] || sampled[1][z]) fastest = std::min(fastest, rates.seconds_per_metre[z]);
  }
  if (n > settings_.metric_repair_max_places) {
    matrix.notes.push_back(fmt::format(
        "journeys were not made metric: {} places is more than the repair takes ({}; its cost "
        "grows with the cube of the places), so a chain of journeys through faster zones may "
        "beat a direct one",
        n, settings_.metric_repair_max_places));
    if (progress) progress(1, 1);
    return matrix;
  }
  std::vector<std::uint8_t> may_shorten(matrix.seconds.size(), 0);
  bool any = false;
  if (std::isfinite(fastest)) {
    for (int i = 0; i < n; ++i) {
      for (int k = i + 1; k < n; ++k) {
        const double metres = great_circle_metres(grid[static_cast<std::size_t>(i)].vector,
                                                  grid[static_cast<std::size_t>(k)].vector);
        if (may_be_beaten(fastest, rates.overhead, matrix.seconds[matrix.index(i, k)], metres)) {
          may_shorten[matrix.index(i, k)] = 1;
          may_shorten[matrix.index(k, i)] = 1;
          any = true;
        }
      }
    }
  }
  if (any) make_metric(matrix, may_shorten, threads);
  if (progress) progress(1, 1);
  return matrix;
}

std::string LondonZoneModel::description() const {
  const auto speeds = [](const PerZone& mph) {
    return fmt::format("{:.1f}/{:.1f}/{:.1f}", mph.central, mph.inner, mph.outer);
  };
  const PerZone& c = settings_.circuity;
  const std::string circuity = c.central == c.inner && c.inner == c.outer
                                   ? fmt::format("{:g}", c.central)
                                   : fmt::format("{:g}/{:g}/{:g}", c.central, c.inner, c.outer);
  const std::string factor =
      settings_.speed_factor == 1 ? "" : fmt::format(" × {:g}", settings_.speed_factor);
  return fmt::format(
      "London zone model (TfL speeds by central/inner/outer London and time of day; AM {} mph, "
      "PM {} mph, off-peak {} mph{}; circuity {}; {:g} s a journey)",
      speeds(settings_.morning_mph), speeds(settings_.afternoon_mph),
      speeds(settings_.off_peak_mph), factor, circuity, settings_.overhead_seconds);
}

Result<std::unique_ptr<TravelSource>> make_london_zone_model(
    std::shared_ptr<const LondonZoneMap> zones, const LondonZoneModelSettings& settings) {
  if (zones == nullptr)
    return make_error(ErrorCode::kInvalidArgument, "London zone model: no zone map");
  Status valid = settings.validate();
  if (!valid.ok()) return valid.error();
  return std::unique_ptr<TravelSource>(
      std::make_unique<LondonZoneModel>(std::move(zones), settings));
}

}  // namespace sendplan::travel
