// The built-in London travel model: road distance = great-circle distance × circuity; time =
// road distance / speed for the time of day, plus a fixed overhead per journey (pulling in and
// parking). Metres and seconds. Needs no data, no network, and is metric: symmetric, zero only
// for zero distance, and it keeps the triangle inequality (great-circle distance does, scaling
// keeps it, and d ↦ d / v + overhead·[d > 0] is subadditive). Immutable; thread-safe.
//
// Why these defaults (sources in docs/engine.md, "Travel times"):
// - circuity 1.35. Road distance over straight-line distance is about 1.2 for random points
//   in an urban network (Newell 1980; O'Sullivan 1996 finds 1.21–1.23) and 1.34 on average for
//   journeys to the centre across 300 European cities (Environment and Planning B, 2023);
//   short journeys are more circuitous than long ones (Giacomin & Levinson 2015). School runs
//   are short, and London's irregular street pattern and few Thames crossings put it at the
//   upper end, so 1.35.
// - speeds. TfL's measured average traffic speeds on London's main roads (Travel in London
//   report 8, table 4.9, 2014/15) are in the AM peak 8.8 mph central, 11.6 inner and 18.3
//   outer London; inter-peak 7.8 / 12.6 / 21.1; PM peak 8.1 / 10.5 / 17.0. Door-to-door SEN
//   journeys also use side streets, 20 mph zones and school gates, and speeds have fallen since
//   then, so: morning school run (07:00–09:30) 11 mph, afternoon school run (14:30–17:00,
//   inter-peak into the PM peak) 12 mph, off-peak 16 mph.
// - overhead 60 s a journey: finding the door, pulling in and parking, which a speed does not
//   capture. Boarding time is not included (it is the stop's service time).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "travel/travel_source.h"

namespace sendplan::travel {

inline constexpr double kMetresPerMile = 1609.344;

struct LondonModelSettings {
  double circuity = 1.35;        // road metres per great-circle metre; ≥ 1
  double morning_mph = 11;       // 07:00–09:30; > 0
  double afternoon_mph = 12;     // 14:30–17:00; > 0
  double off_peak_mph = 16;      // any other time; > 0
  double overhead_seconds = 60;  // added to every journey between different positions; ≥ 0

  // kInvalidArgument naming the first setting out of range (or not finite).
  Status validate() const;
};

class LondonModel final : public TravelSource {
 public:
  // `settings` must be valid (see LondonModelSettings::validate); use make_london_model for
  // settings that come from a user.
  explicit LondonModel(const LondonModelSettings& settings);

  // Fills the matrix from per-place unit vectors, each pair once: a 3,200-place matrix takes
  // about 0.25 s, most of it the kernel providing the 164 MB the two tables take.
  Result<TravelMatrix> matrix(const std::vector<Place>& places, TimeOfDay when,
                              const MatrixProgress& progress = {}) const override;
  std::string description() const override;

  const LondonModelSettings& settings() const { return settings_; }
  double metres_per_second(TimeOfDay when) const;
  // Road metres between two positions: geo::haversine_metres × circuity.
  double road_metres(geo::LatLon from, geo::LatLon to) const;
  // Seconds to drive `road_metres` at `when`, overhead included; 0 for 0 metres.
  double seconds_for(double road_metres, TimeOfDay when) const;

 private:
  LondonModelSettings settings_;
};

// The London model, or kInvalidArgument when the settings are out of range.
Result<std::unique_ptr<TravelSource>> make_london_model(const LondonModelSettings& settings = {});

}  // namespace sendplan::travel
