#include "solver/solution.h"

#include <algorithm>

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
}

int Solution::vehicles_used() const {
  int used = 0;
  for (const Route& route : routes_) used += route.empty() ? 0 : 1;
  return used;
}

void Solution::remove(int r, RouteEvaluator& evaluator) {
  const int v = route_of_[r];
  if (v < 0) return;
  Route& route = routes_[v];
  const double before = route.cost();
  std::erase_if(route.stops, [r](int s) { return request_of(s) == r; });
  route_of_[r] = -1;
  unassigned_.push_back(r);
  if (!refresh(route, evaluator)) {
    for (int s : route.stops) {
      // Count each request once: at its pickup, or at its only stop.
      if (is_pickup(s) || model_->kind(request_of(s)) != model::RequestKind::kPickupDelivery) {
        route_of_[request_of(s)] = -1;
        unassigned_.push_back(request_of(s));
      }
    }
    route.stops.clear();
    refresh(route, evaluator);
  }
  routes_cost_ += route.cost() - before;
}

void Solution::insert(int r, int v, const Insertion& insertion, InsertionEvaluator& inserter) {
  Route& route = routes_[v];
  const double before = route.cost();
  inserter.apply(r, insertion, route);
  routes_cost_ += route.cost() - before;
  route_of_[r] = v;
  unassigned_.erase(std::find(unassigned_.begin(), unassigned_.end(), r));
}

int Solution::first_empty_vehicle_of_type(int type) const {
  const auto& firsts = model_->first_vehicle_of_type();
  const int end = type + 1 < static_cast<int>(firsts.size()) ? firsts[type + 1]
                                                              : model_->vehicle_count();
  for (int v = firsts[type]; v < end; ++v)
    if (routes_[v].empty()) return v;
  return -1;
}

}  // namespace sendplan::solver
