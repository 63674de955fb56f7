#include "solver/solution.h"

#include <algorithm>
#include <atomic>
#include <cassert>

namespace sendplan::solver {

namespace {
// Route versions: unique over the process, so that versions from unrelated solutions never match.
// Version 0 is the empty route every solution starts with (they are all alike).
uint64_t next_route_version() {
  static std::atomic<uint64_t> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}
}  // namespace

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
  used_position_.assign(routes_.size(), -1);
  first_empty_ = model.first_vehicle_of_type();
  route_version_.assign(routes_.size(), 0);
}

Solution& Solution::operator=(const Solution& other) {
  if (this == &other) return *this;
  if (routes_.size() != other.routes_.size()) {
    routes_ = other.routes_;
    route_version_ = other.route_version_;
  } else {
    for (size_t v = 0; v < routes_.size(); ++v) {
      if (route_version_[v] == other.route_version_[v]) continue;
      routes_[v] = other.routes_[v];
      route_version_[v] = other.route_version_[v];
    }
  }
  model_ = other.model_;
  route_of_ = other.route_of_;
  unassigned_ = other.unassigned_;
  routes_cost_ = other.routes_cost_;
  unserved_penalty_ = other.unserved_penalty_;
  vehicles_used_ = other.vehicles_used_;
  fleet_used_ = other.fleet_used_;
  used_routes_ = other.used_routes_;
  used_position_ = other.used_position_;
  first_empty_ = other.first_empty_;
  return *this;
}

void Solution::note_change(int v, bool was_empty) {
  route_version_[v] = next_route_version();
  const bool now_empty = routes_[v].empty();
  if (was_empty == now_empty) return;
  const int change = now_empty ? -1 : 1;
  vehicles_used_ += change;
  const VehicleData& vehicle = model_->vehicle(v);
  if (vehicle.fleet >= 0) fleet_used_[vehicle.fleet] += change;
  int& first_empty = first_empty_[vehicle.type];
  if (now_empty) {
    const int position = used_position_[v];
    used_routes_[position] = used_routes_.back();
    used_position_[used_routes_[position]] = position;
    used_routes_.pop_back();
    used_position_[v] = -1;
    first_empty = std::min(first_empty, v);
  } else {
    used_position_[v] = static_cast<int>(used_routes_.size());
    used_routes_.push_back(v);
    if (first_empty == v) {
      const int end = model_->vehicle_end_of_type(vehicle.type);
      while (first_empty < end && !routes_[first_empty].empty()) ++first_empty;
    }
  }
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
  note_change(v, false);
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
  note_change(v, head_was_empty);
  note_change(target, tail_was_empty);
}

bool Solution::replace_if_better(int a, const std::vector<int>& stops_a, int b,
                                 const std::vector<int>& stops_b, RouteEvaluator& evaluator,
                                 double epsilon) {
  // Price both sequences first (no route copies: most tries are rejected), then apply.
  thread_local RouteSchedule schedule;
  auto price = [&](int v, const std::vector<int>& stops, double& cost) {
    if (stops.empty()) return true;  // an empty route costs nothing
    if (!evaluator.evaluate(v, stops.data(), static_cast<int>(stops.size()), schedule))
      return false;
    cost += schedule.cost;
    return true;
  };
  double before = routes_[a].cost(), after = 0;
  if (!price(a, stops_a, after)) return false;
  if (b >= 0) {
    before += routes_[b].cost();
    if (!price(b, stops_b, after)) return false;
  }
  if (after >= before - epsilon) return false;
  const bool a_was_empty = routes_[a].empty();
  const bool b_was_empty = b >= 0 && routes_[b].empty();
  const double old_cost = before;
  routes_[a].stops = stops_a;
  refresh(routes_[a], evaluator);
  for (int s : routes_[a].stops) route_of_[request_of(s)] = a;
  double new_cost = routes_[a].cost();
  if (b >= 0) {
    routes_[b].stops = stops_b;
    refresh(routes_[b], evaluator);
    for (int s : routes_[b].stops) route_of_[request_of(s)] = b;
    new_cost += routes_[b].cost();
  }
  routes_cost_ += new_cost - old_cost;
  note_change(a, a_was_empty);
  if (b >= 0) note_change(b, b_was_empty);
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
  note_change(v, was_empty);
}

bool Solution::assign_route(int v, const std::vector<int>& stops, RouteEvaluator& evaluator) {
  Route& route = routes_[v];
  assert(route.empty() && v == first_empty_vehicle_of_type(model_->vehicle(v).type));
  {
    RouteSchedule schedule;  // priced first: the route stays empty when it is infeasible
    if (!evaluator.evaluate(v, stops.data(), static_cast<int>(stops.size()), schedule))
      return false;
  }
  if (stops.empty()) return true;
  route.stops = stops;
  refresh(route, evaluator);
  for (int s : stops) {
    assert(route_of_[request_of(s)] < 0 || route_of_[request_of(s)] == v);
    route_of_[request_of(s)] = v;
  }
  // Keeps the order of the others: repair takes the unassigned requests in this order.
  std::erase_if(unassigned_, [&](int r) { return route_of_[r] == v; });
  routes_cost_ += route.cost();
  note_change(v, true);
  return true;
}

int Solution::first_empty_vehicle_of_type(int type) const {
  const int fleet = model_->problem().fleet_of_type(type);
  if (fleet >= 0 && fleet_full(fleet)) return -1;
  const int v = first_empty_[type];
  return v < model_->vehicle_end_of_type(type) ? v : -1;
}

void Solution::candidate_routes(std::vector<int>& out) const {
  out = used_routes_;
  const int types = static_cast<int>(first_empty_.size());
  for (int t = 0; t < types; ++t) {
    const int v = first_empty_vehicle_of_type(t);
    if (v >= 0) out.push_back(v);
  }
  std::sort(out.begin(), out.end());
}

}  // namespace sendplan::solver
