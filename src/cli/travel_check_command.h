// `sendplan travel-check`: the London travel models on journeys a user can check. Reads a CSV of
// journeys (postcodes or coordinates), prices each with the zone model (and the uniform model
// beside it) and prints, per journey, the straight-line and road miles, the share of the line in
// central/inner/outer London, the minutes on the morning and afternoon school runs, the
// door-to-door speed this implies and TfL's published speed for the same mix of zones; with a
// user's own checked minutes, the difference. docs/travel-calibration.md is its output on real
// London postcodes.
#pragma once

#include <string>

#include "cli/plan_command.h"

namespace sendplan::cli {

struct TravelCheckOptions {
  // journey,from_postcode,to_postcode | journey,from_lat,from_lon,to_lat,to_lon; optional
  // checked_minutes (a journey planner's morning time) and checked_miles.
  std::string journeys;
  std::string postcodes;  // ONS Postcode Directory layout; needed for postcode journeys
  std::string csv_out;    // optional: the table as CSV
  TravelOptions travel;   // --boundaries, --speed-factor, --circuity, --am-mph, --pm-mph
};

// Exit code: 0 printed; exit_code(ErrorCode) for errors (every problem in the journeys file
// listed as file:line:column: reason, exit 4).
int run_travel_check(const TravelCheckOptions& options);

}  // namespace sendplan::cli
