// The estimated journey and transport cost for one child between home and a provider, priced
// with the SEN transport planner's own models: road distance and time from travel::LondonModel,
// money from the planner's fleet cost model (fixed cost per vehicle day, cost per mile, cost per
// hour, passenger assistant per day). Kilometres, minutes; rates in pence, results in pounds.
// Pure functions; safe from any thread.
//
// How a day placement is costed (all rates in TransportRates):
//   vehicle   must travel alone → a solo vehicle: a WAV for a wheelchair user, else a taxi, the
//             whole cost to this child; wheelchair user → a wheelchair-accessible vehicle (WAV)
//             shared by `wav_children_sharing` children; anyone else → a taxi shared by
//             `taxi_children_sharing` children. A minibus is never chosen: it pays only on the
//             dense routes the planner builds, not for one child's estimate.
//   vehicle day = fixed cost per day + cost per mile × (AM miles + PM miles)
//               + cost per hour × (AM hours + PM hours),
//             the AM journey (home → provider) at the morning school-run speed and the PM
//             journey (provider → home) at the afternoon speed. Miles are the child's own direct
//             road miles: the empty legs from and to the depot and the detours to other children
//             are not known for one child and are left out (the sharing divides a route that is
//             longer than this child's journey, so the two roughly offset).
//   child's day = vehicle day / children sharing (1 when solo)
//               + assistant cost per day when the child needs a passenger assistant (in full:
//                 the other children on the route may not need one).
//   annual = child's day × `school_days_per_year` (190).
// Example: Kennington → Highbury (6.755 km by road, 4.197 miles, AM 23.9 min), shared taxi:
//   (£65 + £2.20 × 2 × 4.197) / 3 = £83.47 / 3 = £27.82 a day, £5,286 a year.
//
// How a residential placement is costed: a weekly boarder travels home → provider at the start
// of the week (a morning run) and back at the end (an afternoon run), `residential_weeks_per_year`
// (38) times a year. Each of those runs costs half a vehicle day (and half an assistant day), so
// one week of boarding costs what one school day of a day placement costs:
//   annual = child's day (as above) × residential_weeks_per_year,
//   daily  = annual / school_days_per_year (the cost per school day, to compare with day places).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "geo/coordinates.h"
#include "transport/inputs.h"
#include "travel/london_model.h"

namespace sendplan::placements {

// The rates and assumptions, with defaults equal to the planner's synthetic London fleet
// (transport/generator.cpp) and its Policy (transport/inputs.h).
struct TransportRates {
  // Taxi: 4 seats, £65 a day, £2.20 a mile.
  std::int64_t taxi_fixed_cost_per_day_pence = 6500;
  std::int64_t taxi_cost_per_mile_pence = 220;
  std::int64_t taxi_cost_per_hour_pence = 0;
  // Wheelchair-accessible vehicle: 5 seats + 1 wheelchair space, £95 a day, £2.60 a mile.
  std::int64_t wav_fixed_cost_per_day_pence = 9500;
  std::int64_t wav_cost_per_mile_pence = 260;
  std::int64_t wav_cost_per_hour_pence = 0;
  // Passenger assistant: £90 a day.
  std::int64_t assistant_cost_per_day_pence = transport::Policy{}.assistant_cost_per_day_pence;
  // Sharing: the average number of children a pooled vehicle carries, each paying an equal share.
  // A taxi has 4 seats (3 when an assistant rides); a WAV route is planned around its one
  // wheelchair space, with a seated child or two besides.
  double taxi_children_sharing = 3;
  double wav_children_sharing = 2;
  int school_days_per_year = 190;
  int residential_weeks_per_year = 38;
  // DfE guidance the planner applies when a child has no limit of their own: 45 minutes for
  // primary age (10 or under), 75 for secondary.
  int primary_max_journey_minutes = transport::Policy{}.primary_max_ride_minutes;
  int secondary_max_journey_minutes = transport::Policy{}.secondary_max_ride_minutes;
  int primary_max_age = 10;

  // kInvalidArgument naming the first rate out of range: costs ≥ 0, sharing ≥ 1, days, weeks
  // and minutes > 0.
  Status validate() const;
};

// What a child's travel needs are.
struct TravelNeeds {
  bool wheelchair_user = false;
  bool needs_passenger_assistant = false;
  bool must_travel_alone = false;
};

enum class Vehicle { kTaxi, kWav };
const char* vehicle_name(Vehicle vehicle);  // "taxi", "WAV"

struct TravelEstimate {
  double road_km = 0;     // home → provider, by road
  double minutes = 0;     // home → provider in the morning school run
  double pm_minutes = 0;  // provider → home in the afternoon school run
  Vehicle vehicle = Vehicle::kTaxi;
  double children_sharing = 1;  // 1 = solo
  bool with_assistant = false;
  bool residential = false;
  double daily_cost_pounds = 0;         // per school day, rounded to the penny
  std::int64_t annual_cost_pounds = 0;  // a year, rounded to the pound
  // One line: "WAV shared by 2, 12.3 km, 38 min, £71.20/day";
  // "weekly boarder: solo taxi + assistant, 80.0 km, 95 min, 38 return trips a year,
  // £9,120/year (£48.00/school day)".
  std::string explanation;
};

// The journey and its cost; kInvalidArgument when `rates` are invalid or a position is not a
// latitude in [-90, 90] and longitude in [-180, 180].
Result<TravelEstimate> estimate_travel(geo::LatLon home, geo::LatLon provider,
                                       const TravelNeeds& needs, bool residential,
                                       const travel::LondonModel& model,
                                       const TransportRates& rates = {});

// The journey-time limit for a child: their own, when given, or the DfE guidance by age.
struct JourneyTimeCheck {
  int limit_minutes = 0;
  int journey_minutes = 0;  // the journey, rounded to the nearest minute
  bool within = true;       // journey_minutes ≤ limit_minutes
  std::string basis;        // "the child's own limit", "DfE guidance for primary age, 10 or under"
};
// `minutes` is the direct journey (TravelEstimate::minutes, the slower morning run): a shared
// route's ride is longer, so a journey over the limit here is over it on any route.
JourneyTimeCheck check_journey_time(double minutes, int age, std::optional<int> own_limit_minutes,
                                    const TransportRates& rates = {});

// Whole pounds with thousands separators: 61200 → "£61,200"; -5 → "-£5".
std::string pounds_text(std::int64_t pounds);

}  // namespace sendplan::placements
