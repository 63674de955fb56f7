#include "solver/insertion.h"

#include <algorithm>

namespace sendplan::solver {

using model::RequestKind;

InsertionEvaluator::InsertionEvaluator(RouteEvaluator& evaluator)
    : evaluator_(&evaluator), model_(&evaluator.model()) {}

// Paired request: pickup after position i, delivery after position j >= i (of the old route).
//   before: 0 .. i  i+1 .. j  j+1 .. k+1
//   after:  0 .. i  P  i+1 .. j  D  j+1 .. k+1      (j == i: 0 .. i P D i+1 ..)
void InsertionEvaluator::collect_paired(int r, const Route& route) {
  const SearchModel& m = *model_;
  const VehicleData& v = m.vehicle(route.vehicle);
  const StopData& pick = m.stop(pickup_stop(r));
  const StopData& drop = m.stop(delivery_stop(r));
  const model::Request& request = m.request(r);
  const double ride_limit = request.max_ride_time;
  const int k = route.size();
  const std::vector<double>& start = route.schedule.start;
  auto service_at = [&](int p) {
    return p == 0 || p > k ? 0.0 : m.stop(route.stops[p - 1]).service;
  };
  auto loc = [&](int p) { return route.location[p]; };
  const double fixed = k == 0 ? v.fixed_cost : 0.0;
  const double pick_to_drop_time = m.travel_time(pick.location, drop.location);
  // The direct journey is the quickest only when travel times are metric.
  if (m.travel_times_metric() && pick_to_drop_time > ride_limit + kTimeEpsilon) return;

  for (int i = 0; i <= k; ++i) {
    // Start times only grow along the route: once a stop starts after the pickup's window has
    // closed, no later position can take the pickup.
    if (start[i] > pick.due + kTimeEpsilon) break;
    if (!(route.load_after[i] + request.load).fits_in(v.capacity)) continue;
    if (request.ride_alone && !route.load_after[i].empty()) continue;
    // Whatever goes between, the next stop cannot start before the pickup's earliest end: a test
    // that needs no travel time, so positions the route passes long before the window cost little.
    if (pick.ready + pick.service > route.latest[i + 1] + kTimeEpsilon) continue;
    const double pick_time =
        std::max(pick.ready, start[i] + service_at(i) + m.travel_time_into(loc(i), pick.location));
    if (pick_time > pick.due + kTimeEpsilon) continue;
    const double leave_pick = pick_time + pick.service;
    const double d_i_next = m.distance(loc(i), loc(i + 1));
    const double d_i_pick = m.distance_into(loc(i), pick.location);

    // Delivery right after the pickup.
    {
      const double drop_time = std::max(drop.ready, leave_pick + pick_to_drop_time);
      if (drop_time <= drop.due + kTimeEpsilon) {
        const double next_time = std::max(
            start[i + 1], drop_time + drop.service + m.travel_time(drop.location, loc(i + 1)));
        if (next_time <= route.latest[i + 1] + kTimeEpsilon) {
          const double delta = d_i_pick + m.distance(pick.location, drop.location) +
                               m.distance(drop.location, loc(i + 1)) - d_i_next;
          add_candidate(fixed + v.cost_per_distance * delta, i, i);
        }
      }
    }
    if (i == k || request.ride_alone) continue;

    // Delivery later: walk j forward carrying the pushed start time at position j.
    double time_at_j =
        std::max(start[i + 1], leave_pick + m.travel_time(pick.location, loc(i + 1)));
    if (time_at_j > route.latest[i + 1] + kTimeEpsilon) continue;
    double ride_so_far = m.travel_time(pick.location, loc(i + 1));  // lower bound to position j
    const double pick_delta = d_i_pick + m.distance(pick.location, loc(i + 1)) - d_i_next;
    for (int j = i + 1; j <= k; ++j) {
      if (time_at_j > drop.due + kTimeEpsilon) break;  // the delivery would be late from here on
      if (!(route.load_after[j] + request.load).fits_in(v.capacity)) break;
      const double to_drop = service_at(j) + m.travel_time_into(loc(j), drop.location);
      if (ride_so_far + to_drop <= ride_limit + kTimeEpsilon) {
        const double drop_time = std::max(drop.ready, time_at_j + to_drop);
        if (drop_time <= drop.due + kTimeEpsilon) {
          const double next_time = std::max(
              start[j + 1], drop_time + drop.service + m.travel_time(drop.location, loc(j + 1)));
          if (next_time <= route.latest[j + 1] + kTimeEpsilon) {
            const double delta = pick_delta + m.distance_into(loc(j), drop.location) +
                                 m.distance(drop.location, loc(j + 1)) -
                                 m.distance(loc(j), loc(j + 1));
            add_candidate(fixed + v.cost_per_distance * delta, i, j);
          }
        }
      }
      const double step = service_at(j) + m.travel_time(loc(j), loc(j + 1));
      ride_so_far += step;
      if (ride_so_far > ride_limit + kTimeEpsilon) break;
      time_at_j = std::max(start[j + 1], time_at_j + step);
      if (time_at_j > route.latest[j + 1] + kTimeEpsilon) break;
    }
  }
}

// Single-stop job: the stop goes after position i. A delivery's load is on board from the depot
// to the stop; a pickup's from the stop to the depot.
void InsertionEvaluator::collect_single(int r, const Route& route) {
  const SearchModel& m = *model_;
  const VehicleData& v = m.vehicle(route.vehicle);
  const model::Request& request = m.request(r);
  const bool delivery = request.kind == RequestKind::kDelivery;
  const StopData& stop = m.stop(delivery ? delivery_stop(r) : pickup_stop(r));
  const int k = route.size();
  const std::vector<double>& start = route.schedule.start;
  const double fixed = k == 0 ? v.fixed_cost : 0.0;
  for (int i = 0; i <= k; ++i) {
    if (start[i] > stop.due + kTimeEpsilon) break;  // start times only grow along the route
    const model::Load& peak = delivery ? route.max_load_up_to[i] : route.max_load_from[i];
    if (!(peak + request.load).fits_in(v.capacity)) {
      if (delivery) break;  // the prefix maximum only grows with i
      continue;
    }
    const double service_i = i == 0 ? 0.0 : m.stop(route.stops[i - 1]).service;
    const int li = route.location[i], next = route.location[i + 1];
    const double time =
        std::max(stop.ready, start[i] + service_i + m.travel_time_into(li, stop.location));
    if (time > stop.due + kTimeEpsilon) continue;
    const double next_time =
        std::max(start[i + 1], time + stop.service + m.travel_time(stop.location, next));
    if (next_time > route.latest[i + 1] + kTimeEpsilon) continue;
    const double delta =
        m.distance_into(li, stop.location) + m.distance(stop.location, next) - m.distance(li, next);
    add_candidate(fixed + v.cost_per_distance * delta, i, i);
  }
}

void InsertionEvaluator::build_sequence(int r, const Route& route, int pickup_after,
                                        int delivery_after) {
  const SearchModel& m = *model_;
  sequence_.clear();
  const model::RequestKind kind = m.kind(r);
  const int first = kind == RequestKind::kDelivery ? delivery_stop(r) : pickup_stop(r);
  const int k = route.size();
  for (int p = 0; p <= k; ++p) {
    if (p > 0) sequence_.push_back(route.stops[p - 1]);
    if (p == pickup_after) sequence_.push_back(first);
    if (kind == RequestKind::kPickupDelivery && p == delivery_after)
      sequence_.push_back(delivery_stop(r));
  }
}

Insertion InsertionEvaluator::best(int r, const Route& route, double below) {
  candidates_.clear();
  // A margin for rounding: the exact cost decides (below), the filter only drops clear misses.
  keep_below_ = model_->prices_time() ? std::numeric_limits<double>::infinity() : below + 1e-9;
  if (model_->has_vehicle_rules()) {
    const int added = model_->kind(r) == RequestKind::kPickupDelivery ? 2 : 1;
    if (!model_->allowed(r, route.vehicle) ||
        route.size() + added > model_->vehicle(route.vehicle).max_stops)
      return Insertion{};
  }
  if (model_->kind(r) == RequestKind::kPickupDelivery)
    collect_paired(r, route);
  else
    collect_single(r, route);
  std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
    return a.approximate_cost < b.approximate_cost;
  });
  Insertion best;
  const double old_cost = route.cost();
  // Without time costs the approximate cost is exact: the first feasible candidate wins.
  // With them, take the best of the first few feasible ones.
  int feasible_budget = model_->prices_time() ? 6 : 1;
  for (const Candidate& c : candidates_) {
    build_sequence(r, route, c.pickup_after, c.delivery_after);
    if (!evaluator_->evaluate(route.vehicle, sequence_.data(), static_cast<int>(sequence_.size()),
                              scratch_, LoadCheck::kAlreadyChecked))
      continue;
    const double delta = scratch_.cost - old_cost;
    if (delta < best.cost) best = Insertion{delta, c.pickup_after, c.delivery_after};
    if (--feasible_budget == 0) break;
  }
  return best.cost < below ? best : Insertion{};
}

void InsertionEvaluator::apply(int r, const Insertion& insertion, Route& route) {
  build_sequence(r, route, insertion.pickup_after, insertion.delivery_after);
  route.stops = sequence_;
  refresh(route, *evaluator_);
}

}  // namespace sendplan::solver
