// Route: one vehicle's stop sequence in the search state, with its exact schedule and the caches
// insertion filters read. Invariant: after refresh() the schedule is feasible (the search only
// ever keeps feasible routes) and the caches describe `stops`.
#pragma once

#include <vector>

#include "solver/route_evaluator.h"

namespace sendplan::solver {

struct Route {
  int vehicle = 0;
  std::vector<int> stops;  // stop ids, depots excluded
  RouteSchedule schedule;
  // Per position 0..size()+1 (0 and size()+1 are the depots):
  std::vector<int> location;
  std::vector<double> latest;  // latest start keeping windows and shift (ride times ignored)
  // Per position 0..size(): what is on board when leaving that position.
  std::vector<model::Load> load_after;
  std::vector<model::Load> max_load_up_to;  // max of load_after[0..p]
  std::vector<model::Load> max_load_from;   // max of load_after[p..size()]

  int size() const { return static_cast<int>(stops.size()); }
  bool empty() const { return stops.empty(); }
  double cost() const { return stops.empty() ? 0.0 : schedule.cost; }
};

// Re-evaluates the route and rebuilds its caches; returns schedule.feasible.
bool refresh(Route& route, RouteEvaluator& evaluator);

}  // namespace sendplan::solver
