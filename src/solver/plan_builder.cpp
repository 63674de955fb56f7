#include "solver/plan_builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace sendplan::solver {

using model::RequestKind;

namespace {

// The reason one vehicle type cannot carry request r alone, or "" if it can. Uses the request's
// own windows (not the search model's tightened ones), so the reason names the real conflict.
std::string reason_for_type(const SearchModel& m, RouteEvaluator& evaluator, int r, int type) {
  const int v = m.first_vehicle_of_type()[type];
  const VehicleData& vehicle = m.vehicle(v);
  const model::Request& request = m.request(r);
  const model::Problem& problem = m.problem();
  if (!problem.type_allowed(r, type)) return "may not carry it (a skill or type it needs)";
  if (vehicle.max_stops < (request.kind == RequestKind::kPickupDelivery ? 2 : 1))
    return fmt::format("takes at most {} stops", vehicle.max_stops);
  for (int d = 0; d < problem.load_dimensions(); ++d) {
    if (request.load.amount[d] > vehicle.capacity.amount[d])
      return fmt::format("needs {} {} but has {}", request.load.amount[d],
                         problem.load_dimension_name(d), vehicle.capacity.amount[d]);
  }
  const bool paired = request.kind == RequestKind::kPickupDelivery;
  const bool limited_ride = paired && request.max_ride_time < model::kUnlimited;
  if (limited_ride) {
    const double direct = m.travel_time(request.pickup.location, request.delivery.location);
    if (direct > request.max_ride_time + kTimeEpsilon)
      return fmt::format("direct journey {:.2f} exceeds the maximum ride time {:.2f}", direct,
                         request.max_ride_time);
    const double gap = request.delivery.ready - (request.pickup.due + request.pickup.service);
    if (gap > request.max_ride_time + kTimeEpsilon)
      return fmt::format(
          "the drop-off window opens {:.2f} after the pickup window closes, longer than the "
          "maximum ride time {:.2f}",
          gap, request.max_ride_time);
  }
  double time = vehicle.shift_start;
  int at = vehicle.start_location;
  for (const model::StopSpec* stop : {request.has_pickup() ? &request.pickup : nullptr,
                                      request.has_delivery() ? &request.delivery : nullptr}) {
    if (stop == nullptr) continue;
    const double arrive = time + m.travel_time(at, stop->location);
    if (arrive > stop->due + kTimeEpsilon)
      return fmt::format("cannot reach the {} before its window closes at {:.2f} (earliest {:.2f})",
                         stop == &request.pickup ? "pickup" : "drop-off", stop->due, arrive);
    time = std::max(arrive, stop->ready) + stop->service;
    at = stop->location;
  }
  const double back = time + m.travel_time(at, vehicle.end_location);
  if (back > vehicle.shift_end + kTimeEpsilon)
    return fmt::format(
        "cannot return to the depot by the end of the shift {:.2f} (earliest {:.2f})",
        vehicle.shift_end, back);
  int stops[2];
  const int count = m.stops_of(r, stops);
  RouteSchedule schedule;
  if (evaluator.evaluate(v, stops, count, schedule)) return "";
  const RouteViolation& violation = evaluator.last_violation();
  if (violation.rule == RouteRule::kTravelTime)
    return fmt::format("would travel {:.2f} to carry it alone, over its maximum travel time {:.2f}",
                       violation.value, violation.limit);
  if (violation.rule == RouteRule::kDistance)
    return fmt::format("would cover {:.2f} to carry it alone, over its maximum distance {:.2f}",
                       violation.value, violation.limit);
  std::vector<std::string> limits;
  if (limited_ride)
    limits.push_back(fmt::format("the maximum ride time {:.2f}", request.max_ride_time));
  if (vehicle.max_duration < model::kUnlimited)
    limits.push_back(fmt::format("the maximum route duration {:.2f}", vehicle.max_duration));
  if (limits.empty()) return "its time windows cannot be met on any route";
  return fmt::format("its time windows cannot be met within {}", fmt::join(limits, " and "));
}

}  // namespace

std::string unserved_reason(const SearchModel& m, const Solution& solution, int r) {
  RouteEvaluator evaluator(m);
  const model::Problem& problem = m.problem();
  const auto& types = problem.vehicle_types();
  std::string reasons;
  // Over the types that could carry it alone: whether one may still open a vehicle, whether one
  // has vehicles in use, and the fleet limits that keep their empty vehicles closed.
  bool fits_alone = false, could_open = false, in_use = false;
  std::vector<int> full_fleets;
  for (int t = 0; t < static_cast<int>(types.size()); ++t) {
    if (types[t].count == 0) continue;
    const std::string why = reason_for_type(m, evaluator, r, t);
    if (why.empty()) {
      fits_alone = true;
      could_open = could_open || solution.first_empty_vehicle_of_type(t) >= 0;
      bool has_empty = false;
      for (int v = m.first_vehicle_of_type()[t]; v < m.vehicle_end_of_type(t); ++v) {
        if (solution.route(v).empty())
          has_empty = true;
        else
          in_use = true;
      }
      const int fleet = problem.fleet_of_type(t);
      if (fleet >= 0 && has_empty && solution.fleet_full(fleet) &&
          std::find(full_fleets.begin(), full_fleets.end(), fleet) == full_fleets.end())
        full_fleets.push_back(fleet);
      continue;
    }
    if (!reasons.empty()) reasons += "; ";
    reasons += types.size() == 1 ? why : fmt::format("vehicle type '{}' {}", types[t].name, why);
  }
  const std::string no_room =
      "every vehicle that could carry it is full or cannot fit it into its schedule";
  if (fits_alone && (could_open || full_fleets.empty())) return "no vehicle had room: " + no_room;
  if (fits_alone) {
    // Only fleet limits kept a vehicle that could carry it from being opened: name them.
    std::vector<std::string> limits;
    for (int fleet : full_fleets) {
      const model::FleetLimit& limit = problem.fleet_limits()[fleet];
      limits.push_back(limit.limit == 0
                           ? fmt::format("no '{}' vehicle may be used (fleet limit 0)", limit.name)
                           : fmt::format("all {} '{}' vehicles are in use (fleet limit)",
                                         limit.limit, limit.name));
    }
    return fmt::format("no vehicle had room: {}{}", fmt::join(limits, "; "),
                       in_use ? ", and " + no_room : std::string());
  }
  if (reasons.empty()) return "there are no vehicles";
  return reasons;
}

model::Plan build_plan(const SearchModel& m, const Solution& solution) {
  model::Plan plan;
  plan.instance = m.problem().name();
  RouteEvaluator evaluator(m);
  RouteSchedule schedule;
  for (const Route& route : solution.routes()) {
    if (route.empty()) continue;
    evaluator.evaluate(route.vehicle, route.stops.data(), route.size(), schedule);
    const VehicleData& vehicle = m.vehicle(route.vehicle);
    model::PlannedRoute planned;
    planned.vehicle = route.vehicle;
    planned.vehicle_type = vehicle.type;
    planned.start_time = schedule.departure;
    planned.end_time = schedule.start.back();
    planned.distance = schedule.distance;
    planned.duration = schedule.duration;
    planned.cost = schedule.cost;
    model::Load load;
    for (int s : route.stops)
      if (m.kind(request_of(s)) == RequestKind::kDelivery) load += m.request(request_of(s)).load;
    double leave = planned.start_time;
    int at = vehicle.start_location;
    for (int i = 0; i < route.size(); ++i) {
      const int s = route.stops[i];
      const StopData& stop = m.stop(s);
      const model::Request& request = m.request(request_of(s));
      model::PlannedStop out;
      out.request = request_of(s);
      out.is_pickup = is_pickup(s);
      out.external_id = out.is_pickup ? request.pickup.external_id : request.delivery.external_id;
      out.arrival = leave + m.travel_time(at, stop.location);
      out.start = schedule.start[i + 1];
      out.departure = out.start + stop.service;
      load += stop.delta;
      out.load_after = load;
      planned.stops.push_back(out);
      leave = out.departure;
      at = stop.location;
    }
    plan.cost += planned.cost;
    plan.distance += planned.distance;
    plan.routes.push_back(std::move(planned));
  }
  plan.vehicles_used = static_cast<int>(plan.routes.size());
  for (int r : solution.unassigned()) plan.unserved.push_back({r, unserved_reason(m, solution, r)});
  std::sort(plan.unserved.begin(), plan.unserved.end(),
            [](const model::UnservedRequest& a, const model::UnservedRequest& b) {
              return a.request < b.request;
            });
  plan.feasible = plan.unserved.empty();
  return plan;
}

}  // namespace sendplan::solver
