#include "solver/solution.h"

#include <algorithm>
#include <cassert>

namespace sendplan::solver {

Solution::Solution(const SearchModel& model, double unserved_penalty)
    : model_(&model), unserved_penalty_(unserved_penalty) {
  RouteEvaluator evaluator(model);
  routes_.resize(model.vehicle_count());
  for (int v = 0; v < model.vehicle_count(); ++v) {
    routes_[v].vehicle = v;
    refresh(routes_[v], evaluator);
  }
  route_of_.assign(model.request_count(), -1);
  for (int r = 0; r < model.request_count(); ++r) unassigned_.push_back(r);
  fleet_used_.assign(static_cast<size_t>(model.fleet_count()), 0);
}

void Solution::count_usage(int v, bool was_empty) {
  const bool now_empty = routes_[v].empty();
  if (was_empty == now_empty) return;
  const int change = now_empty ? -1 : 1;
  vehicles_used_ += change;
  const int fleet = model_->vehicle(v).fleet;
  if (fleet >= 0) fleet_used_[fleet] += change;
}

void Solution::remove(int r, RouteEvaluator& evaluator) {
  const int v = route_of_[r];
  if (v < 0) return;
  Route& route = routes_[v];
  const double before = route.cost();
  std::erase_if(route.stops, [r](int s) { return request_of(s) == r; });
  route_of_[r] = -1;
  unassigned_.push_back(r);
  if (!refresh(route, evaluator)) unassign_route(v, evaluator);
  routes_cost_ += route.cost() - before;
  count_usage(v, false);
}

void Solution::unassign_route(int v, RouteEvaluator& evaluator) {
  Route& route = routes_[v];
  for (int s : route.stops) {
    const int r = request_of(s);
    if (route_of_[r] == v) {  // once per request, whichever of its stops comes first
      route_of_[r] = -1;
      unassigned_.push_back(r);
    }
  }
  route.stops.clear();
  refresh(route, evaluator);
}

void Solution::split(int v, int cut, int target, RouteEvaluator& evaluator) {
  Route& head = routes_[v];
  Route& tail = routes_[target];
  const bool head_was_empty = head.empty(), tail_was_empty = tail.empty();
  const double before = head.cost() + tail.cost();
  tail.stops.assign(head.stops.begin() + cut, head.stops.end());
  head.stops.resize(static_cast<size_t>(cut));
  // A request with its pickup in the head and delivery in the tail belongs to neither.
  std::vector<int> straddling;
  for (int s : tail.stops)
    if (!is_pickup(s) && model_->kind(request_of(s)) == model::RequestKind::kPickupDelivery &&
        route_of_[request_of(s)] == v &&
        std::find(tail.stops.begin(), tail.stops.end(), pickup_stop(request_of(s))) ==
            tail.stops.end())
      straddling.push_back(request_of(s));
  for (int r : straddling) {
    std::erase_if(head.stops, [r](int s) { return request_of(s) == r; });
    std::erase_if(tail.stops, [r](int s) { return request_of(s) == r; });
    route_of_[r] = -1;
    unassigned_.push_back(r);  // once, though it left two routes
  }
  for (int s : tail.stops) route_of_[request_of(s)] = target;
  const bool head_feasible = refresh(head, evaluator);
  const bool tail_feasible = refresh(tail, evaluator);
  // Without the triangle inequality a part can become infeasible: its requests are unassigned.
  if (!tail_feasible) unassign_route(target, evaluator);
  if (!head_feasible) unassign_route(v, evaluator);
  routes_cost_ += head.cost() + tail.cost() - before;
  count_usage(v, head_was_empty);
  count_usage(target, tail_was_empty);
}

bool Solution::replace_if_better(int a, const std::vector<int>& stops_a, int b,
                                 const std::vector<int>& stops_b, RouteEvaluator& evaluator,
                                 double epsilon) {
  Route trial_a = routes_[a];
  trial_a.stops = stops_a;
  if (!refresh(trial_a, evaluator)) return false;
  double before = routes_[a].cost(), after = trial_a.cost();
  Route trial_b;
  if (b >= 0) {
    trial_b = routes_[b];
    trial_b.stops = stops_b;
    if (!refresh(trial_b, evaluator)) return false;
    before += routes_[b].cost();
    after += trial_b.cost();
  }
  if (after >= before - epsilon) return false;
  const bool a_was_empty = routes_[a].empty();
  const bool b_was_empty = b >= 0 && routes_[b].empty();
  routes_[a] = std::move(trial_a);
  for (int s : routes_[a].stops) route_of_[request_of(s)] = a;
  if (b >= 0) {
    routes_[b] = std::move(trial_b);
    for (int s : routes_[b].stops) route_of_[request_of(s)] = b;
  }
  routes_cost_ += after - before;
  count_usage(a, a_was_empty);
  if (b >= 0) count_usage(b, b_was_empty);
  return true;
}

void Solution::insert(int r, int v, const Insertion& insertion, InsertionEvaluator& inserter) {
  Route& route = routes_[v];
  const bool was_empty = route.empty();
  assert(!was_empty || model_->vehicle(v).fleet < 0 || !fleet_full(model_->vehicle(v).fleet));
  const double before = route.cost();
  inserter.apply(r, insertion, route);
  routes_cost_ += route.cost() - before;
  route_of_[r] = v;
  unassigned_.erase(std::find(unassigned_.begin(), unassigned_.end(), r));
  count_usage(v, was_empty);
}

int Solution::first_empty_vehicle_of_type(int type) const {
  const int fleet = model_->problem().fleet_of_type(type);
  if (fleet >= 0 && fleet_full(fleet)) return -1;
  const int end = model_->vehicle_end_of_type(type);
  for (int v = model_->first_vehicle_of_type()[type]; v < end; ++v)
    if (routes_[v].empty()) return v;
  return -1;
}

}  // namespace sendplan::solver
