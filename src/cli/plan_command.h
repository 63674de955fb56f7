// `sendplan plan`: a borough's pupils.csv, schools.csv and fleet.csv in; the morning and
// afternoon runs planned and written to --out (routes.csv, pupils.csv, summary.json,
// routes.geojson, route_sheets.html). With --current, the borough's routes today are costed with
// the same model and compared in the summary. Nothing is written when any input is invalid.
#pragma once

#include <string>

#include "cli/solver_options.h"
#include "transport/inputs.h"

namespace sendplan::cli {

// How travel times are found: the built-in London model (default), a CSV matrix, or OSRM.
struct TravelOptions {
  std::string matrix;  // --travel-matrix FILE
  std::string osrm;    // --osrm URL
  double circuity = 1.35;
  double morning_mph = 11;
  double afternoon_mph = 12;
};

// Borough policy settings from the command line (defaults in transport::Policy).
struct PolicyOptions {
  int primary_max_ride = 45;
  int secondary_max_ride = 75;
  int earliest_arrival = 30;
  int afternoon_wait = 15;             // children may be collected up to this long after the finish
  double assistant_cost_per_day = 90;  // pounds
  int school_days = 190;
  std::string ride_counted = "collection";  // "collection" or "boarded" (end of boarding)
  int unavoidable_allowance_percent = 10;
  int unavoidable_allowance_minutes = 5;
};

struct PlanOptions {
  std::string pupils;
  std::string schools;
  std::string fleet;
  std::string postcodes;  // ONS Postcode Directory layout CSV (.csv or .csv.gz)
  std::string current;    // the borough's routes today (routes.csv layout)
  std::string out;
  std::string title;  // heading of the route sheets; default "<borough> SEN transport"
  SolverOptions solver{60.0, 0, 1, 1};  // --time-limit is for both runs together
  TravelOptions travel;
  PolicyOptions policy;
};

// Exit code: 0 when every child is planned on both runs and every journey is within its limit
// or over it unavoidably (the direct journey is longer); 1 when some child-run is unplanned or
// breaks a rule (listed with reasons); exit_code(ErrorCode) for errors (invalid input: 4).
int run_plan(const PlanOptions& options);

}  // namespace sendplan::cli
