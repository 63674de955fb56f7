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
  // "zones" (TfL speeds by central/inner/outer London and time of day, from the GLA boundaries)
  // or "uniform" (one speed for all of London, --am-mph/--pm-mph).
  std::string model = "zones";
  std::string boundaries;     // --boundaries FILE; empty = kDefaultBoundariesPath, else uniform
  double speed_factor = 1;    // zone model: door-to-door share of TfL's main-road speeds
  double circuity = 1.35;     // both models (the zone model: every zone)
  double morning_mph = 11;    // uniform model
  double afternoon_mph = 12;  // uniform model
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
  std::string postcodes;       // ONS Postcode Directory layout CSV (.csv or .csv.gz)
  std::string current;         // the borough's routes today (routes.csv layout)
  std::string locked;          // routes kept exactly as they are; the rest re-planned around them
  std::string update;          // the plan in force (its routes.csv): changed as little as possible
  double max_time_shift = 10;  // --update: most a staying child's times may move (minutes)
  std::string out;
  std::string title;  // heading of the route sheets; default "<borough> SEN transport"
  SolverOptions solver{60.0, 0, 1, 1, {}};  // --time-limit is for both runs together
  TravelOptions travel;
  PolicyOptions policy;
};

// Exit code: 0 when every child is planned on both runs and every journey is within its limit
// or over it unavoidably (the direct journey is longer); 1 when some child-run is unplanned or
// breaks a rule (listed with reasons); exit_code(ErrorCode) for errors (invalid input: 4).
int run_plan(const PlanOptions& options);

}  // namespace sendplan::cli
