// RouteEvaluator: the one place that decides whether a route is feasible and what it costs.
// For a fixed stop sequence it computes the least (earliest) schedule satisfying time windows,
// the shift, maximum ride times (end of pickup service -> start of delivery service) and the
// maximum route duration; such a schedule exists iff the route is feasible. Ride-time and duration
// constraints only ever delay earlier stops; processed by descending pickup position one pass is
// exact, because a delay propagates forward non-increasingly (a pickup is delayed at least as much
// as its later delivery). Also checks capacity in every load dimension, pickup-before-delivery,
// ride-alone and not-together rules. When a route is infeasible it also records the first rule it
// found broken (last_violation()), so that callers can say why in words without a second copy of
// the rules. Not thread-safe (holds scratch space): one per search thread.
#pragma once

#include <vector>

#include "solver/search_model.h"

namespace sendplan::solver {

inline constexpr double kTimeEpsilon = 1e-9;

// Positions 0 and count+1 are the start and end depots; 1..count the stops.
struct RouteSchedule {
  bool feasible = false;
  double distance = 0;
  double departure = 0;       // the latest departure from the start depot that keeps these times
  double duration = 0;        // arrival at the end depot minus `departure`
  double cost = 0;            // fixed (if any stop) + per distance + per time
  std::vector<double> start;  // start of service per position: the least (earliest) schedule
};

// The rules a route can break, as RouteEvaluator::evaluate finds them.
enum class RouteRule {
  kNone,         // feasible
  kPrecedence,   // a stop repeats, or a pickup and its delivery are not both on it in that order
  kCapacity,     // the load on board exceeds the vehicle's capacity in some dimension
  kRideAlone,    // a ride-alone request would share the vehicle
  kNotTogether,  // two requests that must not share would be on board together
  kTimeWindow,   // service at a stop cannot start by the latest time its window allows
  kShift,        // the vehicle cannot be back at its end depot by the shift end
  kRideTime,     // a ride cannot be kept within its maximum ride time
  kDuration,     // the route cannot be kept within the vehicle's maximum duration
  kVehicleType,  // the request may not go on this vehicle's type (e.g. it lacks a skill)
  kStops,        // the route has more stops than the vehicle's maximum
  kTravelTime,   // the route's travel time (no service, no waiting) exceeds the vehicle's maximum
  kDistance,     // the route's distance exceeds the vehicle's maximum
};

// Why the last evaluation failed: the first broken rule found, where, and by how much. Positions
// are as in RouteSchedule (0 = start depot, 1..count = stops, count+1 = end depot).
struct RouteViolation {
  RouteRule rule = RouteRule::kNone;
  int position = -1;       // where it was found
  int request = -1;        // the request concerned, or -1 (capacity at the start depot, duration)
  int other_request = -1;  // sharing rules: the request already on board (`request` boards)
  int dimension = -1;      // capacity: the load dimension
  // kCapacity: load on board / capacity; kTimeWindow, kShift: earliest start (arrival) / latest
  // allowed (the search model's tightened window); kRideTime: shortest ride this sequence allows
  // before delaying the pickup / max ride time; kDuration: duration / max duration; kStops,
  // kTravelTime, kDistance: the route's total / the vehicle's maximum.
  double value = 0;
  double limit = 0;
};

// kAlreadyChecked: the caller has proved every load fits (insertion filters do), so skip it.
enum class LoadCheck { kCheck, kAlreadyChecked };

class RouteEvaluator {
 public:
  explicit RouteEvaluator(const SearchModel& model);

  // Evaluates `count` stops in order on `vehicle`. Returns schedule.feasible.
  bool evaluate(int vehicle, const int* stops, int count, RouteSchedule& schedule,
                LoadCheck load_check = LoadCheck::kCheck);

  const SearchModel& model() const { return *model_; }
  // Why the last evaluate() returned false (rule kNone after a feasible one).
  const RouteViolation& last_violation() const { return violation_; }

 private:
  // Records a broken rule; returns false so that `return fail(...)` ends an evaluation.
  bool fail(RouteRule rule, int position, int request, double value = 0, double limit = 0) {
    violation_ = RouteViolation{rule, position, request, -1, -1, value, limit};
    return false;
  }
  bool check_loads(int vehicle, const int* stops, int count);
  bool fail_capacity(int vehicle, const int* stops, int count, int at);
  bool fail_unmatched_delivery(const int* stops, int count);
  bool check_sharing(const int* stops, int count);
  bool check_vehicle_rules(int vehicle, const int* stops, int count);
  bool propagate(int from, int last, std::vector<double>& start) const;

  const SearchModel* model_;
  // Scratch, per position: location, ready, due, service, travel time to the next position.
  std::vector<int> location_;
  std::vector<double> ready_, due_, service_, travel_;
  // Scratch, per request: the position of its delivery in the current sequence, valid when
  // stamp_ == epoch_.
  std::vector<int> delivery_position_;
  std::vector<unsigned> stamp_;
  unsigned epoch_ = 0;
  struct RideLimit {
    int pickup_position;
    int delivery_position;
    double limit;
  };
  std::vector<RideLimit> ride_limits_;
  std::vector<int> on_board_;
  RouteViolation violation_;
};

}  // namespace sendplan::solver
