#include "solver/route_evaluator.h"

#include <algorithm>
#include <limits>

namespace sendplan::solver {

using model::RequestKind;

RouteEvaluator::RouteEvaluator(const SearchModel& model)
    : model_(&model),
      delivery_position_(static_cast<size_t>(model.request_count()), 0),
      stamp_(static_cast<size_t>(model.request_count()), 0) {}

bool RouteEvaluator::check_loads(int vehicle, const int* stops, int count) {
  const SearchModel& m = *model_;
  model::Load load;
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (m.kind(r) == RequestKind::kDelivery) load += m.request(r).load;
  }
  const model::Load& capacity = m.vehicle(vehicle).capacity;
  if (!load.fits_in(capacity)) return false;
  for (int i = 0; i < count; ++i) {
    load += m.stop(stops[i]).delta;
    if (!load.fits_in(capacity)) return false;
  }
  return true;
}

bool RouteEvaluator::check_sharing(const int* stops, int count) {
  const SearchModel& m = *model_;
  on_board_.clear();
  auto admit = [&](int r) {
    const model::Request& request = m.request(r);
    for (int other : on_board_) {
      if (request.ride_alone || m.request(other).ride_alone) return false;
      if (m.problem().must_not_share(r, other)) return false;
    }
    on_board_.push_back(r);
    return true;
  };
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (m.kind(r) == RequestKind::kDelivery && !admit(r)) return false;
  }
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (is_pickup(stops[i])) {
      if (!admit(r)) return false;
    } else {
      on_board_.erase(std::find(on_board_.begin(), on_board_.end(), r));
    }
  }
  return true;
}

// Pushes start times forward from position `from` (already set) to `last`; false if a due time
// is exceeded. Stops as soon as a position is not delayed.
bool RouteEvaluator::propagate(int from, int last, std::vector<double>& start) const {
  for (int p = from + 1; p <= last; ++p) {
    const double earliest = std::max(ready_[p], start[p - 1] + service_[p - 1] + travel_[p - 1]);
    if (earliest <= start[p]) return true;
    start[p] = earliest;
    if (earliest > due_[p] + kTimeEpsilon) return false;
  }
  return true;
}

bool RouteEvaluator::evaluate(int vehicle, const int* stops, int count, RouteSchedule& schedule,
                              LoadCheck load_check) {
  const SearchModel& m = *model_;
  const VehicleData& v = m.vehicle(vehicle);
  schedule.feasible = false;
  schedule.distance = schedule.duration = schedule.cost = schedule.departure = 0;
  const int last = count + 1;
  schedule.start.assign(static_cast<size_t>(last) + 1, 0.0);
  if (count == 0) {
    schedule.start[0] = v.shift_start;
    schedule.start[1] = v.shift_start;
    schedule.departure = v.shift_start;
    schedule.feasible = true;
    return true;
  }

  // Walk backwards: every paired pickup must meet its delivery later on this route. The ride
  // limits come out ordered by descending pickup position, the order the scheduler needs.
  ++epoch_;
  if (epoch_ == 0) {  // wrapped: clear the stamps once in 4 billion evaluations
    std::fill(stamp_.begin(), stamp_.end(), 0u);
    epoch_ = 1;
  }
  ride_limits_.clear();
  int open_deliveries = 0;
  for (int i = count - 1; i >= 0; --i) {
    const int s = stops[i];
    const int r = request_of(s);
    if (m.kind(r) != RequestKind::kPickupDelivery) continue;
    if (!is_pickup(s)) {
      if (stamp_[r] == epoch_) return false;  // a second delivery of the same request
      stamp_[r] = epoch_;
      delivery_position_[r] = i + 1;
      ++open_deliveries;
      continue;
    }
    if (stamp_[r] != epoch_ || delivery_position_[r] < 0) return false;  // no later delivery
    delivery_position_[r] = -delivery_position_[r];  // matched: a second pickup finds it used
    --open_deliveries;
    const double limit = m.request(r).max_ride_time;
    if (limit < model::kUnlimited) ride_limits_.push_back({i + 1, -delivery_position_[r], limit});
  }
  if (open_deliveries != 0) return false;  // delivery without an earlier pickup
  if (load_check == LoadCheck::kCheck && !check_loads(vehicle, stops, count)) return false;
  if (m.has_sharing_rules() && !check_sharing(stops, count)) return false;

  // Per-position data; position 0 and `last` are the depots.
  location_.resize(static_cast<size_t>(last) + 1);
  ready_.resize(location_.size());
  due_.resize(location_.size());
  service_.resize(location_.size());
  travel_.resize(location_.size());
  location_[0] = v.start_location;
  ready_[0] = v.shift_start;
  due_[0] = v.shift_end;
  service_[0] = 0;
  for (int i = 0; i < count; ++i) {
    const StopData& stop = m.stop(stops[i]);
    location_[i + 1] = stop.location;
    ready_[i + 1] = stop.ready;
    due_[i + 1] = stop.due;
    service_[i + 1] = stop.service;
  }
  location_[last] = v.end_location;
  ready_[last] = -std::numeric_limits<double>::infinity();
  due_[last] = v.shift_end;
  service_[last] = 0;
  double distance = 0;
  for (int p = 0; p < last; ++p) {
    travel_[p] = m.travel_time(location_[p], location_[p + 1]);
    distance += m.distance(location_[p], location_[p + 1]);
  }

  // Forward pass: earliest times under windows only.
  std::vector<double>& start = schedule.start;
  start[0] = ready_[0];
  for (int p = 1; p <= last; ++p) {
    start[p] = std::max(ready_[p], start[p - 1] + service_[p - 1] + travel_[p - 1]);
    if (start[p] > due_[p] + kTimeEpsilon) return false;
  }

  // Ride-time limits, latest pickup first: delay the pickup just enough, push forward.
  for (const RideLimit& ride : ride_limits_) {
    const int p = ride.pickup_position, d = ride.delivery_position;
    const double needed = start[d] - service_[p] - ride.limit;
    if (needed <= start[p]) continue;
    start[p] = needed;
    if (needed > due_[p] + kTimeEpsilon) return false;
    if (!propagate(p, last, start)) return false;
    // Still too long: the chain between p and d has no waiting left, so no schedule helps.
    if (start[d] - start[p] - service_[p] > ride.limit + kTimeEpsilon) return false;
  }

  // Maximum duration: delay the departure if needed.
  if (start[last] - start[0] > v.max_duration + kTimeEpsilon) {
    start[0] = start[last] - v.max_duration;
    if (start[0] > due_[0] + kTimeEpsilon) return false;
    if (!propagate(0, last, start)) return false;
    if (start[last] - start[0] > v.max_duration + kTimeEpsilon) return false;
  }

  // Leave the depot as late as the first stop allows (the least schedule itself is kept: the
  // insertion filters rely on it).
  schedule.departure = std::max(start[0], start[1] - travel_[0]);
  schedule.distance = distance;
  schedule.duration = start[last] - schedule.departure;
  schedule.cost =
      v.fixed_cost + v.cost_per_distance * distance + v.cost_per_time * schedule.duration;
  schedule.feasible = true;
  return true;
}

}  // namespace sendplan::solver
