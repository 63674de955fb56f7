// The planner's one-run search, over all of a day's children or a part of them: used by
// plan_day (a fresh plan), plan_around (around locked routes) and update_day (a plan in force,
// changed as little as possible). Internal to the transport library.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "transport/day_builder.h"
#include "transport/planner.h"

namespace sendplan::transport::detail {

struct RunScope {
  // The children the engine plans on this run (indices into inputs.pupils, ascending); the rest
  // are on fixed routes. Empty `only` with `everyone` true: every child.
  bool everyone = true;
  std::vector<int> only;
  // Per fleet type: vehicles the fixed routes of this run already use (not offered).
  std::vector<int> vehicles_taken;
  // Narrowed windows for children who keep their times (over inputs.pupils); may be null.
  const TimeAnchors* anchors = nullptr;
  // Routes to start from (their pupils must be planned children); with `insert_only`, they are
  // kept and only the children not on them are inserted.
  std::vector<CurrentRoute> start;
  bool insert_only = false;
};

struct RunOutcome {
  std::vector<TimedRoute> routes;  // route_id set for routes that grew from a start route
  std::vector<UnservedPupil> unserved;
};

// `matrix` covers day_places(inputs).
Result<RunOutcome> plan_run(const TransportInputs& inputs, Run run,
                            const travel::TravelMatrix& matrix, const PlannerSettings& settings,
                            const RunScope& scope, const solver::ProgressCallback& progress);

// Runs `work(run)` for the AM and PM runs, at the same time when `parallel`; returns the first
// error.
Status for_both_runs(bool parallel, const std::function<Status(Run)>& work);
// Plans both runs with `plan(run)` (at the same time when `parallel`) and joins their outcomes:
// the AM routes and unserved children first, then the PM ones. The first error, if any.
Result<RunOutcome> plan_both_runs(bool parallel,
                                  const std::function<Result<RunOutcome>(Run)>& plan);

// Times fixed routes of one run (the borough's current routes, locked routes, a plan in force):
// the engine's least schedule when a route keeps every rule, or driven as given (leaving as
// late as its school windows allow) when it breaks some. A route carries a passenger assistant
// when a child on it needs one. Builds the run's engine problem once.
class FixedRouteTimer {
 public:
  FixedRouteTimer(const TransportInputs& inputs, Run run, const travel::TravelMatrix& matrix,
                  const PlannerSettings& settings, const TimeAnchors* anchors = nullptr);
  ~FixedRouteTimer();
  FixedRouteTimer(const FixedRouteTimer&) = delete;
  FixedRouteTimer& operator=(const FixedRouteTimer&) = delete;

  // The engine's schedule, or nullopt when the route breaks a rule (or a stop repeats).
  std::optional<TimedRoute> engine_schedule(const CurrentRoute& route);
  bool keeps_every_rule(const CurrentRoute& route) { return engine_schedule(route).has_value(); }
  // The engine's schedule, or the route driven as given; keeps the route's id.
  TimedRoute time(const CurrentRoute& route);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sendplan::transport::detail
