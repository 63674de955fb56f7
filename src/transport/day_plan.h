// DayPlan: a borough's planned (or current) school day of SEN transport, in the planner's own
// terms: the morning run (home -> school) and the afternoon run (school -> home), each a set of
// routes; what every child gets on each run; and what the day costs. Plain data, produced by the
// planner (planner.h) or by costing the borough's current routes, and written out by the
// reports (src/report). Times of day are minutes since midnight (fractional); money is pence.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/coordinates.h"
#include "transport/ride_limits.h"

namespace sendplan::transport {

enum class Run { kMorning, kAfternoon };
inline const char* run_name(Run run) {
  return run == Run::kMorning ? "AM" : "PM";
}

// One stop of a route: a child getting on or off.
struct RouteStop {
  std::string pupil_id;
  bool pickup = true;    // false: drop-off
  std::string place;     // where: the school id, or "home" (a home is never named by address)
  geo::LatLon location;  // the home or the school
  double arrival = 0;    // when the vehicle gets there
  double time = 0;       // when the child gets on or off (service start)
};

struct TransportRoute {
  Run run = Run::kMorning;
  std::string route_id;      // "AM-001", unique within the day
  std::string vehicle_type;  // fleet.csv's vehicle_type
  bool with_assistant = false;
  geo::LatLon depot;
  double depart = 0;                    // leaves the depot
  double return_time = 0;               // back at the depot
  double miles = 0;                     // depot to depot
  std::int64_t running_cost_pence = 0;  // miles and hours on this run (fixed costs are per day)
  std::vector<RouteStop> stops;
};

// What one child gets on one run.
struct PupilRun {
  std::string pupil_id;
  Run run = Run::kMorning;
  std::string route_id;        // "" when not served on this run
  double pickup = 0;           // gets on (valid when served)
  double dropoff = 0;          // gets off
  double ride_minutes = 0;     // as the policy counts it (from collection, by default)
  int limit_minutes = 0;       // the child's guidance limit (max_ride_minutes)
  double direct_minutes = 0;   // the direct journey, counted the same way
  double allowed_minutes = 0;  // limit_minutes, or the direct journey + allowance when longer
  LimitGroup group = LimitGroup::kWithin;  // valid when served
  double excess_minutes = 0;               // ride over limit_minutes (0 when within)
  bool compliant = false;  // served, within the allowed minutes and every rule for the child kept
  std::string reason;      // why not served or not compliant; "" when compliant
  std::string note;        // "over guidance: unavoidable (direct journey 48 min)", or ""
};

struct DayCost {
  std::int64_t vehicles_pence = 0;    // fixed cost per day of the vehicles needed
  std::int64_t assistants_pence = 0;  // passenger assistants per day
  std::int64_t mileage_pence = 0;     // both runs
  std::int64_t hours_pence = 0;       // both runs
  std::int64_t total_pence() const {
    return vehicles_pence + assistants_pence + mileage_pence + hours_pence;
  }
};

struct DaySummary {
  // Vehicles a day needs: per vehicle type the larger of the AM and PM counts (a vehicle hired
  // for the day does both runs).
  int vehicles = 0;
  std::map<std::string, int> vehicles_by_type;
  int routes_am = 0;
  int routes_pm = 0;
  int assistants = 0;  // larger of the AM and PM counts of routes with an assistant
  DayCost cost;
  int school_days_per_year = 190;
  std::int64_t cost_per_year_pence() const { return cost.total_pence() * school_days_per_year; }
  double total_miles = 0;
  double mean_ride_minutes = 0;  // over served child-runs
  double max_ride_minutes = 0;
  int pupils = 0;
  int over_limit = 0;  // child-runs served but not compliant (over the allowed ride or a rule)
  int unserved = 0;    // child-runs not served
  // Served child-runs by journey-time group (ride_limits.h); they add up to the served runs.
  int within_guidance = 0;
  int over_guidance_unavoidable = 0;
  int over_guidance_avoidable = 0;  // a plan must have none
  double max_unavoidable_excess_minutes = 0;
  double mean_unavoidable_excess_minutes = 0;
};

// What would serve the children a fleet's size left unplanned, found by planning again with
// every vehicle type's `available` raised.
struct FleetAdvice {
  int children = 0;         // children unplanned on some run whom some vehicle type could carry
  int children_served = 0;  // of those, served by the relaxed plan on both runs
  std::map<std::string, int> extra_vehicles;  // vehicle type -> vehicles beyond `available`
  std::int64_t extra_cost_per_day_pence = 0;  // their daily hire (and any extra assistants)
  std::string text;  // "2 more wav would serve the 6 unplanned children (+£160.00 a day)"
};

struct DayPlan {
  std::string name;                    // e.g. "planned" or "current"
  std::vector<TransportRoute> routes;  // AM routes first, each run in route_id order
  std::vector<PupilRun> pupil_runs;    // per pupil in input order: AM then PM
  DaySummary summary;
  std::optional<FleetAdvice> fleet_advice;  // when the fleet left children unplanned
};

}  // namespace sendplan::transport
