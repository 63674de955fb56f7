// The SEN transport planner: a borough's pupils, schools and fleet in; the morning and afternoon
// runs planned by the engine and returned as a DayPlan (routes, every child's outcome, the day's
// cost). Also re-times and costs the borough's current routes with the same travel model, so a
// plan and today's routes are compared like for like.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"
#include "solver/parameters.h"
#include "solver/solve.h"
#include "transport/day_builder.h"
#include "transport/run_problem.h"

namespace sendplan::transport {

struct PlannerSettings {
  Policy policy;
  RunSettings run;
  // The engine's settings for EACH run (time_limit_seconds is per run).
  solver::SolverParameters solver;
  // Plan the AM and PM runs at the same time, on two threads (each run is independent and
  // seeded, so the result is the same either way).
  bool runs_in_parallel = true;
  int school_days_per_year = 190;
  // When the fleet leaves children unplanned, plan again with more vehicles (for a quarter of
  // the time limit, 2 to 60 s) to say which vehicles would serve them.
  bool advise_fleet = true;
};

// Progress of the long steps: which run, and the engine's progress within it.
using PlannerProgress = std::function<void(Run run, const solver::Progress& progress)>;

// The travel matrices of a day (over day_places): the morning run's (morning peak) and the
// afternoon run's.
struct DayMatrices {
  travel::TravelMatrix morning;
  travel::TravelMatrix afternoon;
};

struct PlannedDay {
  DayPlan day;
  DayMatrices matrices;
};
Result<DayMatrices> day_matrices(const TransportInputs& inputs, const travel::TravelSource& travel);

Result<PlannedDay> plan_day(const TransportInputs& inputs, DayMatrices matrices,
                            const PlannerSettings& settings, const PlannerProgress& progress = {});

// Why one child cannot be carried on `run` by any vehicle of the fleet, in the borough's terms
// ("" if nothing obvious: the engine's own reason is used then). A direct journey longer than
// the child's limit is never a reason: the limit then becomes the direct journey plus an
// allowance (ride_limits.h).
std::string obvious_unserved_reason(const TransportInputs& inputs, int pupil, Run run,
                                    const travel::TravelMatrix& matrix);

// The borough's current routes, re-timed with the same travel model and costed the same way.
// Each route: its run, route id, vehicle type (index into inputs.fleet), and stops in order as
// (pupil index, pickup?). A route carries a passenger assistant when a child on it needs one.
struct CurrentRoute {
  Run run = Run::kMorning;
  std::string route_id;
  int fleet_index = 0;
  std::vector<std::pair<int, bool>> stops;
};
DayPlan cost_current_routes(const TransportInputs& inputs, const DayMatrices& matrices,
                            const std::vector<CurrentRoute>& routes,
                            const PlannerSettings& settings);

}  // namespace sendplan::transport
