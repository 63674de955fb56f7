// Changing a plan rather than making a new one: what officers do through the term.
// - plan_around: re-plan every child who is not on a locked route; locked routes are kept
//   exactly as they are (same stops, vehicle, route id, times) and their vehicles are not
//   offered to the search.
// - apply_edit: move children between routes and remove routes, re-timing only the routes the
//   edit touches (a removed route's children are left unplanned until the plan is re-planned
//   around the rest); every breach a move causes is reported per child, as for current routes.
// - update_day: a mid-term update. From the plan in force and the changed inputs (children who
//   joined, left, moved house or school, or whose needs changed) it changes as few routes as
//   possible: leavers are taken off their routes, every other child keeps their route and has
//   their times moved by at most UpdateSettings::max_time_shift_minutes, and each new or moved
//   child is inserted where it costs least (a new vehicle only when no route can take them).
// - compare_days: what differs between two plans of the same borough: cost, vehicles, routes
//   whose stops differ, and each child whose route or times changed.
// Routes are given as CurrentRoute (planner.h): run, route id, fleet type, stops in order.
// Times are minutes since midnight; money pence. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "transport/planner.h"

namespace sendplan::transport {

// The routes of a DayPlan as CurrentRoutes over `inputs` (stops of pupils not in `inputs`, and
// routes of vehicle types not in the fleet, are dropped).
std::vector<CurrentRoute> routes_of(const DayPlan& day, const TransportInputs& inputs);

// Plans the children not on `locked` around it. The locked routes keep their route ids; new
// routes are numbered after them. A locked route that breaks a rule under today's inputs is
// kept as given and its breaches reported (as for current routes).
Result<PlannedDay> plan_around(const TransportInputs& inputs, DayMatrices matrices,
                               const PlannerSettings& settings,
                               const std::vector<CurrentRoute>& locked,
                               const PlannerProgress& progress = {});

struct ChildMove {
  std::string pupil_id;
  Run run = Run::kMorning;
  std::string to_route_id;  // a route of the same run
};
struct PlanEdit {
  std::vector<ChildMove> moves;
  std::vector<std::string> removed_routes;  // route ids
};
// `routes` are the plan's (routes_of). A moved child is inserted into the target route where it
// costs least among the positions that keep every rule, or, when none does, where it adds least
// time (and the breach is reported). kInvalidArgument for an unknown pupil or route, a move to
// a route of the other run, or a removed route that is also a move's target.
Result<DayPlan> apply_edit(const TransportInputs& inputs, const DayMatrices& matrices,
                           const PlannerSettings& settings, const std::vector<CurrentRoute>& routes,
                           const PlanEdit& edit);

// What changed for one child on one run between two plans.
struct ChildChange {
  std::string pupil_id;
  Run run = Run::kMorning;
  std::string before_route;                    // "" when not planned before
  std::string after_route;                     // "" when not planned after
  double before_pickup = 0, after_pickup = 0;  // collection times (valid when planned)
  double before_ride = 0, after_ride = 0;
  double pickup_shift_minutes() const { return after_pickup - before_pickup; }
};
struct PlanDifference {
  std::int64_t cost_per_day_change_pence = 0;  // after - before
  int vehicles_change = 0;
  std::vector<std::string> routes_changed;  // route ids in either plan whose stops differ
  std::vector<std::string> routes_added;    // in after only
  std::vector<std::string> routes_removed;  // in before only
  // Children whose route changed or whose collection or drop-off moved by more than
  // `threshold_minutes` (per compare_days call), in pupil order, AM then PM.
  std::vector<ChildChange> children;
};
PlanDifference compare_days(const DayPlan& before, const DayPlan& after,
                            double threshold_minutes = 0.5);

// A route of the plan in force, as routes.csv holds it (locations and times optional).
struct PreviousStop {
  std::string pupil_id;
  bool pickup = true;
  std::string place;                    // "home" or the school id ("" when not given)
  std::optional<geo::LatLon> location;  // where the stop was
  std::optional<double> time;           // when the child got on or off
};
struct PreviousRoute {
  Run run = Run::kMorning;
  std::string route_id;
  std::string vehicle_type;
  std::vector<PreviousStop> stops;
};

// A DayPlan's routes as the plan in force (what routes.csv holds, times unrounded).
std::vector<PreviousRoute> previous_routes(const DayPlan& day);

struct UpdateSettings {
  // No child who stays on their route has a collection or drop-off time moved by more than
  // this (minutes).
  double max_time_shift_minutes = 10;
  // A home or school more than this far from where the plan had it means the child moved.
  double moved_metres = 50;
};

struct UpdateReport {
  std::vector<std::string> joined;    // pupil ids in the inputs, not in the plan
  std::vector<std::string> left;      // pupil ids in the plan, not in the inputs
  std::vector<std::string> moved;     // home or school changed: re-planned
  std::vector<std::string> refitted;  // on a route that broke a rule under the new inputs
  PlanDifference difference;          // the plan in force (re-timed on today's inputs) -> updated
  int routes_kept = 0;                // routes identical in stops to the plan in force
};
struct UpdatedDay {
  PlannedDay planned;
  UpdateReport report;
};
Result<UpdatedDay> update_day(const TransportInputs& inputs, DayMatrices matrices,
                              const PlannerSettings& settings,
                              const std::vector<PreviousRoute>& previous,
                              const UpdateSettings& update = {});

}  // namespace sendplan::transport
