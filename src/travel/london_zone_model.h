// The London zone model: TfL's average traffic speeds for central, inner and outer London by time
// of day, applied to the share of each journey's straight line that lies in each zone. Metres
// and seconds. Needs the GLA borough boundaries (LondonZoneMap), read once at start-up; without
// them the uniform LondonModel (london_model.h) is used instead. Immutable; thread-safe.
//
// A journey from a to b (great-circle distance d, metres):
//   - n = ⌈d / 200 m⌉ sample points along the straight line (1 to 64; at the midpoints of n
//     equal parts), each classified by the zone raster; share_z = samples in zone z / n.
//   - road metres = d · Σ share_z · circuity_z
//   - seconds     = overhead + d · Σ share_z · circuity_z / (speed_z(when) · speed_factor)
//   so a journey wholly inside one zone takes road metres / speed + overhead exactly, a journey
//   crossing zones takes between the pure-zone times, and a → b equals b → a; 0 for the same spot.
// Speeds differ by zone, so a detour through faster roads can beat the straight line (i → j → k
// quicker than i → k): the matrix is then made metric (metric_closure.h), as the planner's
// solver needs for its time-window tightening. This is the model's way of driving round on
// faster roads: on 160 random places over London's bounding box, 42 % of the morning journeys
// are cut to a chain through other places, by 7.5 % of their time on average and 23 % at most
// (test LondonZones.TheMatrixIsMetricAndNeverSlowerThanTheJourney prints the figures).
//
// Sources and assumptions (see also docs/travel-calibration.md):
// - speeds: TfL, Travel in London report 8 (2015), table 4.9 "Average traffic speeds by
//   functional sector of London, working weekdays, by time period, TfL's network of interest",
//   2014/15 column (18-month period), published in km/h and converted here (÷ 1.609344):
//                 central   inner    outer
//     AM peak      14.1     18.7     29.4 km/h  =  8.8 / 11.6 / 18.3 mph
//     inter-peak   12.6     20.3     33.9 km/h  =  7.8 / 12.6 / 21.1 mph
//     PM peak      13.1     16.9     27.4 km/h  =  8.1 / 10.5 / 17.0 mph
//   No newer table of speeds by sector and period was found in published TfL material (later
//   Travel in London reports chart speeds without a comparable table), so these are kept.
// - time of day: the morning school run (07:00–09:30) is TfL's AM peak; the afternoon run
//   (14:30–17:00) straddles TfL's inter-peak (to 16:00) and PM peak, so it takes the mean of
//   the two speeds; any other time is the inter-peak.
// - speed_factor 1: TfL's speeds are for its "network of interest" (main roads). Door-to-door
//   journeys start and end on side streets, but we know of no published figure for how much
//   slower those are, so the default applies TfL's speeds as they are and leaves the factor as
//   a setting (e.g. 0.9 for 10 % slower); the overhead below covers the door and school gate.
// - circuity 1.35 in every zone: OUR ASSUMPTION (TfL publishes no circuity by zone); the
//   reasoning is the uniform model's (london_model.h). Settable per zone.
// - overhead 60 s a journey (pulling in, parking): our assumption, as in the uniform model.
//
// Speed (bench/travel_microbench.cpp, this 2-core machine): 800 places 0.26 s, 3,200 places
// 30 s, against 0.009 s and 0.15 s for the uniform model. Nearly all of it is the metric repair,
// whose cost grows with the cube of the places: fine for a borough (1,500 pupils: ~4 s a run),
// too slow for a London-wide pool of several thousand children, so it is skipped above
// metric_repair_max_places (the matrix notes say so).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "travel/london_zones.h"
#include "travel/travel_source.h"

namespace sendplan::travel {

// A value for each zone.
struct PerZone {
  double central;
  double inner;
  double outer;

  double of(LondonZone zone) const {
    return zone == LondonZone::kCentral ? central : zone == LondonZone::kInner ? inner : outer;
  }
};

// TfL's published speeds (Travel in London 8, table 4.9, 2014/15), km/h.
inline constexpr PerZone kTflAmPeakKmh{14.1, 18.7, 29.4};
inline constexpr PerZone kTflInterPeakKmh{12.6, 20.3, 33.9};
inline constexpr PerZone kTflPmPeakKmh{13.1, 16.9, 27.4};

inline constexpr double kKilometresPerMile = 1.609344;
inline constexpr PerZone mph_from_kmh(PerZone kmh) {
  return {kmh.central / kKilometresPerMile, kmh.inner / kKilometresPerMile,
          kmh.outer / kKilometresPerMile};
}
inline constexpr PerZone mean_of(PerZone a, PerZone b) {
  return {(a.central + b.central) / 2, (a.inner + b.inner) / 2, (a.outer + b.outer) / 2};
}

struct LondonZoneModelSettings {
  // mph on TfL's main roads; each > 0.
  PerZone morning_mph = mph_from_kmh(kTflAmPeakKmh);                               // 07:00–09:30
  PerZone afternoon_mph = mph_from_kmh(mean_of(kTflInterPeakKmh, kTflPmPeakKmh));  // 14:30–17:00
  PerZone off_peak_mph = mph_from_kmh(kTflInterPeakKmh);                           // other times
  // Door-to-door speed as a share of the speeds above; 0 < factor ≤ 2.
  double speed_factor = 1.0;
  // Road metres per great-circle metre in each zone; each ≥ 1.
  PerZone circuity{1.35, 1.35, 1.35};
  // Added to every journey between different positions; ≥ 0.
  double overhead_seconds = 60;
  // The metric repair's cost grows with the cube of the places (about 30 s for 3,200 places,
  // an hour for 8,000 spread over London): above this many places the matrix is left as the
  // journeys are priced, not made metric, and says so in TravelMatrix::notes. The engine works
  // with such a matrix (it checks the triangle inequality and then skips what needs it), and
  // every plan timed with one matrix is still timed alike. ≥ 3.
  int metric_repair_max_places = 4500;

  // kInvalidArgument naming the first setting out of range (or not finite).
  Status validate() const;
};

// One journey as the model prices it, before the matrix is made metric.
struct ZoneJourney {
  double great_circle_metres = 0;
  double road_metres = 0;
  double seconds = 0;
  std::array<double, kLondonZoneCount> shares{};  // of the straight line, by LondonZone
};

class LondonZoneModel final : public TravelSource {
 public:
  static constexpr int kMaxSamples = 64;

  // `zones` must not be null and `settings` must be valid; use make_london_zone_model for
  // settings that come from a user.
  LondonZoneModel(std::shared_ptr<const LondonZoneMap> zones,
                  const LondonZoneModelSettings& settings);

  // Every pair once (the model is symmetric), on up to two threads, then made metric.
  Result<TravelMatrix> matrix(const std::vector<Place>& places, TimeOfDay when,
                              const MatrixProgress& progress = {}) const override;
  // "London zone model (TfL speeds by central/inner/outer London and time of day; ...)".
  std::string description() const override;

  // One journey, priced as the matrix prices it before the metric repair.
  ZoneJourney journey(geo::LatLon from, geo::LatLon to, TimeOfDay when) const;
  LondonZone zone_at(geo::LatLon position) const { return zones_->zone_at(position); }
  // The speed in `zone` at `when`, speed factor included, metres per second.
  double metres_per_second(LondonZone zone, TimeOfDay when) const;
  const LondonZoneModelSettings& settings() const { return settings_; }
  const LondonZoneMap& zones() const { return *zones_; }

 private:
  PerZone mph_at(TimeOfDay when) const;

  std::shared_ptr<const LondonZoneMap> zones_;
  LondonZoneModelSettings settings_;
};

// The zone model, or kInvalidArgument when the settings are out of range (or zones is null).
Result<std::unique_ptr<TravelSource>> make_london_zone_model(
    std::shared_ptr<const LondonZoneMap> zones, const LondonZoneModelSettings& settings = {});

}  // namespace sendplan::travel
