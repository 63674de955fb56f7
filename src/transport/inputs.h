// The validated, immutable inputs of the SEN transport planner: pupils, schools and vehicle
// types, as read from the borough's CSV files (see readers.h), and the policy defaults applied to
// blank cells. Units: locations WGS84 degrees (geo::LatLon); times of day in minutes since
// midnight; durations in whole minutes; money in pence (int64). Plain data, safe to share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/coordinates.h"

namespace sendplan::transport {

// How a ride is timed: from collection (the child starts boarding, as a parent counts it: the
// default) or from the end of boarding; either way to the vehicle's arrival at the destination
// (the start of getting off).
enum class RideCounting { kFromCollection, kFromEndOfBoarding };
const char* ride_counting_name(
    RideCounting counting);  // "from collection" / "from end of boarding"

// Defaults for cells left blank, and the journey-time rules; a borough may set its own.
struct Policy {
  int primary_max_ride_minutes = 45;    // blank max_ride_minutes, primary-age pupils
  int secondary_max_ride_minutes = 75;  // blank max_ride_minutes, secondary-age pupils
  int boarding_minutes = 2;             // blank boarding_minutes
  int wheelchair_boarding_minutes = 5;  // blank boarding_minutes, wheelchair users
  int earliest_arrival_minutes = 30;    // blank earliest_arrival_minutes (before school start)
  std::int64_t assistant_cost_per_day_pence = 9000;  // blank assistant_cost_per_day (£90)
  RideCounting ride_counting = RideCounting::kFromCollection;
  // A child whose direct journey is already longer than their limit still travels, as directly
  // as possible: their limit becomes the direct journey plus the larger of these two allowances
  // (rounded up to a whole minute), and they are flagged "over guidance: unavoidable".
  int unavoidable_allowance_percent = 10;  // of the direct journey
  int unavoidable_allowance_minutes = 5;
};

// School phase: from the age column (4–10 primary, 11–19 secondary) or the phase column.
enum class Phase { kPrimary, kSecondary };
const char* phase_name(Phase phase);  // "primary" / "secondary"

struct Pupil {
  std::string id;
  std::string borough;
  geo::LatLon home{};
  std::string home_postcode;  // normalised; "" when the home was given as coordinates
  std::string school_id;
  bool wheelchair = false;                 // travels in a wheelchair space
  bool needs_passenger_assistant = false;  // a passenger assistant must ride with them
  bool must_travel_alone = false;          // no other pupil on the vehicle
  Phase phase = Phase::kPrimary;
  int age = 0;                        // years; 0 when only the phase was given
  int max_ride_minutes = 0;           // longest time on board
  int boarding_minutes = 0;           // time to get on or off
  std::vector<std::string> not_with;  // pupil ids that must not share a vehicle
  int source_row = 0;                 // line in pupils.csv, for later messages
};

struct School {
  std::string id;
  std::string name;
  std::string borough;
  geo::LatLon location{};
  std::string postcode;              // normalised; "" when given as coordinates
  int start_minutes = 0;             // school start, minutes since midnight
  int finish_minutes = 0;            // school finish, minutes since midnight; > start_minutes
  int earliest_arrival_minutes = 0;  // pupils may arrive at most this long before the start
  int source_row = 0;                // line in schools.csv
};

struct VehicleType {
  std::string name;  // the vehicle_type column, unique
  int seats = 0;     // ordinary seats, at least 1
  int wheelchair_spaces = 0;
  int available = 0;  // how many vehicles of this type may be used
  std::int64_t fixed_cost_per_day_pence = 0;
  std::int64_t cost_per_mile_pence = 0;
  std::int64_t cost_per_hour_pence = 0;
  std::int64_t assistant_cost_per_day_pence = 0;
  geo::LatLon depot{};
  std::string depot_postcode;  // normalised; "" when given as coordinates
  int source_row = 0;          // line in fleet.csv
};

}  // namespace sendplan::transport
