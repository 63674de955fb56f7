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
  if (!load.fits_in(capacity)) return fail_capacity(vehicle, stops, count, -1);
  for (int i = 0; i < count; ++i) {
    load += m.stop(stops[i]).delta;
    if (!load.fits_in(capacity)) return fail_capacity(vehicle, stops, count, i);
  }
  return true;
}

// Off the hot path: recomputes the load to name the request and dimension. `at` is the stop
// index after which the load exceeds capacity, or -1 for the load leaving the start depot (then
// the delivery whose load first overflows it is named).
bool RouteEvaluator::fail_capacity(int vehicle, const int* stops, int count, int at) {
  const SearchModel& m = *model_;
  const model::Load& capacity = m.vehicle(vehicle).capacity;
  model::Load load;
  int request = -1;
  for (int i = 0; i < count && (at >= 0 || request < 0); ++i) {
    const int r = request_of(stops[i]);
    if (m.kind(r) != RequestKind::kDelivery) continue;
    load += m.request(r).load;
    if (at < 0 && !load.fits_in(capacity)) request = r;
  }
  for (int i = 0; i <= at; ++i) load += m.stop(stops[i]).delta;
  if (at >= 0) request = request_of(stops[at]);
  int dimension = 0;
  while (dimension + 1 < model::kMaxLoadDimensions &&
         load.amount[dimension] <= capacity.amount[dimension])
    ++dimension;
  fail(RouteRule::kCapacity, at + 1, request, load.amount[dimension], capacity.amount[dimension]);
  violation_.dimension = dimension;
  return false;
}

bool RouteEvaluator::check_sharing(const int* stops, int count) {
  const SearchModel& m = *model_;
  on_board_.clear();
  // `position` is where r boards (0: loaded at the start depot).
  auto admit = [&](int r, int position) {
    const model::Request& request = m.request(r);
    for (int other : on_board_) {
      const bool alone = request.ride_alone || m.request(other).ride_alone;
      if (alone || m.problem().must_not_share(r, other)) {
        fail(alone ? RouteRule::kRideAlone : RouteRule::kNotTogether, position, r);
        violation_.other_request = other;
        return false;
      }
    }
    on_board_.push_back(r);
    return true;
  };
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (m.kind(r) == RequestKind::kDelivery && !admit(r, 0)) return false;
  }
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (is_pickup(stops[i])) {
      if (!admit(r, i + 1)) return false;
    } else {
      on_board_.erase(std::find(on_board_.begin(), on_board_.end(), r));
    }
  }
  return true;
}

bool RouteEvaluator::check_vehicle_rules(int vehicle, const int* stops, int count) {
  const VehicleData& v = model_->vehicle(vehicle);
  if (count > v.max_stops) return fail(RouteRule::kStops, count, -1, count, v.max_stops);
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (!model_->allowed(r, vehicle)) return fail(RouteRule::kVehicleType, i + 1, r);
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
    violation_.rule = RouteRule::kNone;
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
      if (stamp_[r] == epoch_) return fail(RouteRule::kPrecedence, i + 1, r);  // a second delivery
      stamp_[r] = epoch_;
      delivery_position_[r] = i + 1;
      ++open_deliveries;
      continue;
    }
    if (stamp_[r] != epoch_ || delivery_position_[r] < 0)
      return fail(RouteRule::kPrecedence, i + 1, r);  // no later delivery
    delivery_position_[r] = -delivery_position_[r];   // matched: a second pickup finds it used
    --open_deliveries;
    const double limit = m.request(r).max_ride_time;
    if (limit < model::kUnlimited) ride_limits_.push_back({i + 1, -delivery_position_[r], limit});
  }
  if (open_deliveries != 0) return fail_unmatched_delivery(stops, count);
  if (load_check == LoadCheck::kCheck && !check_loads(vehicle, stops, count)) return false;
  if (m.has_sharing_rules() && !check_sharing(stops, count)) return false;
  if (m.has_vehicle_rules() && !check_vehicle_rules(vehicle, stops, count)) return false;

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
  double distance = 0, travel = 0;
  for (int p = 0; p < last; ++p) {
    travel_[p] = m.travel_time(location_[p], location_[p + 1]);
    travel += travel_[p];
    distance += m.distance(location_[p], location_[p + 1]);
  }
  if (travel > v.max_travel_time + kTimeEpsilon)
    return fail(RouteRule::kTravelTime, last, -1, travel, v.max_travel_time);
  if (distance > v.max_distance + kTimeEpsilon)
    return fail(RouteRule::kDistance, last, -1, distance, v.max_distance);

  // Forward pass: earliest times under windows only.
  std::vector<double>& start = schedule.start;
  start[0] = ready_[0];
  for (int p = 1; p <= last; ++p) {
    start[p] = std::max(ready_[p], start[p - 1] + service_[p - 1] + travel_[p - 1]);
    if (start[p] > due_[p] + kTimeEpsilon)
      return p == last
                 ? fail(RouteRule::kShift, p, -1, start[p], due_[p])
                 : fail(RouteRule::kTimeWindow, p, request_of(stops[p - 1]), start[p], due_[p]);
  }

  // Ride-time limits, latest pickup first: delay the pickup just enough, push forward.
  for (const RideLimit& ride : ride_limits_) {
    const int p = ride.pickup_position, d = ride.delivery_position;
    const double needed = start[d] - service_[p] - ride.limit;
    if (needed <= start[p]) continue;
    const double ride_before = start[d] - start[p] - service_[p];
    const int r = request_of(stops[p - 1]);
    start[p] = needed;
    if (needed > due_[p] + kTimeEpsilon)
      return fail(RouteRule::kRideTime, p, r, ride_before, ride.limit);
    if (!propagate(p, last, start))
      return fail(RouteRule::kRideTime, p, r, ride_before, ride.limit);
    // Still too long: the chain between p and d has no waiting left, so no schedule helps.
    if (start[d] - start[p] - service_[p] > ride.limit + kTimeEpsilon)
      return fail(RouteRule::kRideTime, p, r, ride_before, ride.limit);
  }

  // Maximum duration: delay the departure if needed.
  if (start[last] - start[0] > v.max_duration + kTimeEpsilon) {
    const double duration_before = start[last] - start[0];
    start[0] = start[last] - v.max_duration;
    if (start[0] > due_[0] + kTimeEpsilon || !propagate(0, last, start) ||
        start[last] - start[0] > v.max_duration + kTimeEpsilon)
      return fail(RouteRule::kDuration, last, -1, duration_before, v.max_duration);
  }

  // Leave the depot as late as the first stop allows (the least schedule itself is kept: the
  // insertion filters rely on it).
  schedule.departure = std::max(start[0], start[1] - travel_[0]);
  schedule.distance = distance;
  schedule.duration = start[last] - schedule.departure;
  schedule.cost =
      v.fixed_cost + v.cost_per_distance * distance + v.cost_per_time * schedule.duration;
  schedule.feasible = true;
  violation_.rule = RouteRule::kNone;
  return true;
}

// Off the hot path: names the first delivery whose pickup is missing or comes later.
bool RouteEvaluator::fail_unmatched_delivery(const int* stops, int count) {
  for (int i = 0; i < count; ++i) {
    const int r = request_of(stops[i]);
    if (!is_pickup(stops[i]) && model_->kind(r) == RequestKind::kPickupDelivery &&
        stamp_[r] == epoch_ && delivery_position_[r] > 0)
      return fail(RouteRule::kPrecedence, i + 1, r);
  }
  return fail(RouteRule::kPrecedence, -1, -1);
}

}  // namespace sendplan::solver
