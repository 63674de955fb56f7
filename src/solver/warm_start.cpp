#include "solver/warm_start.h"

#include <fmt/format.h>

#include <string>

#include "core/random.h"
#include "solver/alns.h"
#include "solver/parallel_search.h"
#include "solver/plan_builder.h"
#include "solver/repair/insertion_repair.h"

namespace sendplan::solver {

using model::RequestKind;

namespace {

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message));
}

std::string route_label(const model::Problem& problem, int index, int type) {
  return fmt::format("route {} ({})", index, problem.vehicle_types()[type].name);
}

std::string request_label(const model::Problem& problem, int r) {
  return fmt::format("request {}", problem.request(r).name);
}

const char* stop_word(bool pickup) {
  return pickup ? "pickup" : "drop-off";
}

// The structure of a start, before any vehicle is looked at: types and requests in range, each
// stop one its request has and given once, both stops of a paired request on one route in order.
// Writes each route's stop ids to `stops`.
Status check_structure(const model::Problem& problem, const StartSolution& start,
                       std::vector<std::vector<int>>& stops) {
  const int types = static_cast<int>(problem.vehicle_types().size());
  const int requests = problem.request_count();
  // Per stop id: the route and the position (in that route) it is on, or -1.
  std::vector<int> route_of_stop(2 * static_cast<size_t>(requests), -1);
  std::vector<int> position_of_stop(route_of_stop.size(), -1);
  stops.assign(start.routes.size(), {});
  for (int i = 0; i < static_cast<int>(start.routes.size()); ++i) {
    const StartRoute& route = start.routes[i];
    if (route.stops.empty()) continue;
    if (route.vehicle_type < 0 || route.vehicle_type >= types)
      return invalid(fmt::format("route {}: vehicle type {} does not exist (the problem has {})", i,
                                 route.vehicle_type, types));
    const std::string where = route_label(problem, i, route.vehicle_type);
    for (int p = 0; p < static_cast<int>(route.stops.size()); ++p) {
      const StartStop& stop = route.stops[p];
      if (stop.request < 0 || stop.request >= requests)
        return invalid(fmt::format("{}: stop {} names request {}, but the problem has {} requests",
                                   where, p, stop.request, requests));
      const model::Request& request = problem.request(stop.request);
      const std::string who = request_label(problem, stop.request);
      if (stop.pickup && !request.has_pickup())
        return invalid(fmt::format(
            "{}: {}: it is a drop-off only (loaded at the start depot), so it has no pickup", where,
            who));
      if (!stop.pickup && !request.has_delivery())
        return invalid(fmt::format(
            "{}: {}: it is a collection only (carried to the end depot), so it has no drop-off",
            where, who));
      const int s = stop.pickup ? pickup_stop(stop.request) : delivery_stop(stop.request);
      if (route_of_stop[s] == i)
        return invalid(fmt::format("{}: {}: its {} is on the route twice (precedence)", where, who,
                                   stop_word(stop.pickup)));
      if (route_of_stop[s] >= 0)
        return invalid(
            fmt::format("{}: {}: its {} is also on route {}; a request goes on one "
                        "route only",
                        where, who, stop_word(stop.pickup), route_of_stop[s]));
      route_of_stop[s] = i;
      position_of_stop[s] = p;
      stops[i].push_back(s);
    }
  }
  // Paired requests: both stops on one route, the pickup first.
  for (int i = 0; i < static_cast<int>(start.routes.size()); ++i) {
    for (int s : stops[i]) {
      const int r = request_of(s);
      if (problem.request(r).kind != RequestKind::kPickupDelivery) continue;
      const int pick = pickup_stop(r), drop = delivery_stop(r);
      const int other = is_pickup(s) ? drop : pick;
      const std::string where = route_label(problem, i, start.routes[i].vehicle_type);
      const std::string who = request_label(problem, r);
      if (route_of_stop[other] < 0)
        return invalid(
            fmt::format("{}: {}: its {} is here but its {} is on no route; both go on "
                        "the same route (precedence)",
                        where, who, stop_word(is_pickup(s)), stop_word(!is_pickup(s))));
      if (route_of_stop[other] != i)
        return invalid(fmt::format(
            "{}: {}: its {} is here but its {} is on route {}; both go on "
            "the same route (precedence)",
            where, who, stop_word(is_pickup(s)), stop_word(!is_pickup(s)), route_of_stop[other]));
      if (position_of_stop[drop] < position_of_stop[pick])
        return invalid(
            fmt::format("{}: {}: its drop-off comes before its pickup (precedence)", where, who));
    }
  }
  return {};
}

// The latest start of service the problem itself allows at stop s (its original window).
double window_closes(const model::Problem& problem, int s) {
  const model::Request& request = problem.request(request_of(s));
  return is_pickup(s) ? request.pickup.due : request.delivery.due;
}

// What `violation` (from evaluating `stops` on vehicle `v`) means, in words: "request X: rule:
// what is wrong". Numbers in the problem's units, two decimals as in plan_builder's reasons.
std::string describe(const SearchModel& m, int v, const std::vector<int>& stops,
                     const RouteViolation& violation) {
  const model::Problem& problem = m.problem();
  const int count = static_cast<int>(stops.size());
  const int p = violation.position;
  const bool at_stop = p >= 1 && p <= count;
  const int s = at_stop ? stops[p - 1] : -1;
  auto who = [&](int r) { return request_label(problem, r); };
  auto stop_name = [&](int stop) {
    return fmt::format("{}'s {}", who(request_of(stop)), stop_word(is_pickup(stop)));
  };
  switch (violation.rule) {
    case RouteRule::kCapacity: {
      const std::string what =
          fmt::format("{} {}", violation.value, problem.load_dimension_name(violation.dimension));
      if (!at_stop)
        return fmt::format(
            "{}: capacity: the drop-offs loaded at the start depot need {} (counting this "
            "request's), but the vehicle holds {}",
            who(violation.request), what, violation.limit);
      return fmt::format("{}: capacity: leaving its {} the vehicle would carry {}, but it holds {}",
                         who(violation.request), stop_word(is_pickup(s)), what, violation.limit);
    }
    case RouteRule::kRideAlone:
      return fmt::format("{}: ride alone: it would be on board with {}, and {} must ride alone",
                         who(violation.request), who(violation.other_request),
                         problem.request(violation.request).ride_alone
                             ? std::string("it")
                             : who(violation.other_request));
    case RouteRule::kNotTogether:
      return fmt::format("{}: not together: it would be on board with {}, and they must not share",
                         who(violation.request), who(violation.other_request));
    case RouteRule::kTimeWindow: {
      const double closes = window_closes(problem, s);
      const std::string stop = stop_word(is_pickup(s));
      if (violation.value > closes + kTimeEpsilon)
        return fmt::format(
            "{}: time window: its {} cannot start before {:.2f}, {:.2f} after its window closes at "
            "{:.2f}",
            who(violation.request), stop, violation.value, violation.value - closes, closes);
      // Within its own window but after the search model's tightened one: say which later
      // constraint the tightening came from (this vehicle's return, or the request's drop-off).
      const VehicleData& vehicle = m.vehicle(v);
      const StopData& data = m.stop(s);
      const double back =
          violation.value + data.service + m.travel_time(data.location, vehicle.end_location);
      if (back > vehicle.shift_end + kTimeEpsilon)
        return fmt::format(
            "{}: shift: after its {} (at {:.2f} at the earliest) the vehicle cannot be back at the "
            "depot before {:.2f}, after the shift ends at {:.2f}",
            who(violation.request), stop, violation.value, back, vehicle.shift_end);
      const model::Request& request = problem.request(violation.request);
      if (is_pickup(s) && request.kind == RequestKind::kPickupDelivery) {
        const double drop = violation.value + data.service +
                            m.travel_time(data.location, request.delivery.location);
        if (drop > request.delivery.due + kTimeEpsilon)
          return fmt::format(
              "{}: time window: its pickup cannot start before {:.2f}, so its drop-off cannot "
              "start before {:.2f}, after its window closes at {:.2f}",
              who(violation.request), violation.value, drop, request.delivery.due);
      }
      return fmt::format(
          "{}: time window: its {} cannot start before {:.2f}, too late for what must follow it "
          "(its drop-off, ride time or the return to the depot), which needs it by {:.2f}",
          who(violation.request), stop, violation.value, violation.limit);
    }
    case RouteRule::kShift:
      return fmt::format(
          "{}: shift: after its {} the vehicle cannot be back at the depot before {:.2f}, after "
          "the shift ends at {:.2f}",
          who(request_of(stops.back())), stop_word(is_pickup(stops.back())), violation.value,
          m.vehicle(v).shift_end);
    case RouteRule::kRideTime:
      return fmt::format(
          "{}: ride time: its ride cannot be kept within its maximum {:.2f} (it lasts {:.2f} in "
          "the earliest schedule) without missing a time window or the shift end",
          who(violation.request), violation.limit, violation.value);
    case RouteRule::kDuration:
      return fmt::format(
          "duration: the route from {} to {} lasts at least {:.2f}, over the vehicle's maximum "
          "{:.2f}, even leaving as late as its windows allow",
          stop_name(stops.front()), stop_name(stops.back()), violation.value, violation.limit);
    case RouteRule::kVehicleType:
      return fmt::format("{}: vehicle: this vehicle's type may not carry it (a skill it needs)",
                         who(violation.request));
    case RouteRule::kStops:
      return fmt::format("stops: the route has {} stops, over the vehicle's maximum {}",
                         violation.value, violation.limit);
    case RouteRule::kTravelTime:
      return fmt::format("travel time: the route travels {:.2f}, over the vehicle's maximum {:.2f}",
                         violation.value, violation.limit);
    case RouteRule::kDistance:
      return fmt::format("distance: the route covers {:.2f}, over the vehicle's maximum {:.2f}",
                         violation.value, violation.limit);
    case RouteRule::kPrecedence:
      if (violation.request >= 0)
        return fmt::format(
            "{}: precedence: its pickup and drop-off are not both on the route in "
            "that order",
            who(violation.request));
      return "precedence: a pickup and its drop-off are not both on the route in that order";
    case RouteRule::kNone:
      break;
  }
  return "the route breaks a rule";
}

}  // namespace

StartSolution start_from_plan(const model::Plan& plan) {
  StartSolution start;
  for (const model::PlannedRoute& planned : plan.routes) {
    StartRoute route;
    route.vehicle_type = planned.vehicle_type;
    for (const model::PlannedStop& stop : planned.stops)
      route.stops.push_back({stop.request, stop.is_pickup});
    start.routes.push_back(std::move(route));
  }
  return start;
}

Result<Solution> start_state(const SearchModel& model, const StartSolution& start,
                             double unserved_penalty) {
  const model::Problem& problem = model.problem();
  std::vector<std::vector<int>> stops;
  if (Status structure = check_structure(problem, start, stops); !structure)
    return structure.error();

  Solution solution(model, unserved_penalty);
  RouteEvaluator evaluator(model);
  std::vector<int> routes_of_type(problem.vehicle_types().size(), 0);
  for (int i = 0; i < static_cast<int>(start.routes.size()); ++i) {
    if (stops[i].empty()) continue;
    const int type = start.routes[i].vehicle_type;
    const model::VehicleType& vehicle_type = problem.vehicle_types()[type];
    const std::string where = route_label(problem, i, type);
    ++routes_of_type[type];
    const int v = solution.first_empty_vehicle_of_type(type);
    if (routes_of_type[type] > vehicle_type.count)
      return invalid(
          fmt::format("{}: the start has more '{}' routes than the {} vehicles of that type", where,
                      vehicle_type.name, vehicle_type.count));
    if (v < 0) {
      const int fleet = problem.fleet_of_type(type);
      if (fleet < 0) return make_error(ErrorCode::kInternal, where + ": no vehicle to put it on");
      const model::FleetLimit& limit = problem.fleet_limits()[fleet];
      return invalid(fmt::format(
          "{}: fleet limit: '{}' allows {} vehicles over its types, and the routes before this "
          "one use them all",
          where, limit.name, limit.limit));
    }
    if (!solution.assign_route(v, stops[i], evaluator))
      return invalid(
          fmt::format("{}: {}", where, describe(model, v, stops[i], evaluator.last_violation())));
  }
  return solution;
}

Status check_start(const model::Problem& problem, const StartSolution& start) {
  const SearchModel model(problem);
  Result<Solution> state = start_state(model, start, 1.0);
  if (!state) return state.error();
  return {};
}

Result<model::Plan> solve_from(const model::Problem& problem, const SolverParameters& parameters,
                               const StartSolution& start, const ProgressCallback& on_progress) {
  const auto started = Alns::Clock::now();
  if (Status valid = parameters.validate(); !valid) return valid.error();
  const SearchModel model(problem);
  Result<Solution> state = start_state(model, start, unserved_penalty(model, parameters));
  if (!state) return state.error();
  return parallel_search(model, parameters, &state.value(), on_progress, started);
}

Result<model::Plan> insert_into(const model::Problem& problem, const SolverParameters& parameters,
                                const StartSolution& start) {
  const auto started = Alns::Clock::now();
  if (Status valid = parameters.validate(); !valid) return valid.error();
  const SearchModel model(problem);
  Result<Solution> state = start_state(model, start, unserved_penalty(model, parameters));
  if (!state) return state.error();
  Solution& solution = state.value();

  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  InsertionRepair repair(inserter);
  Random random(parameters.seed);  // the repair's; without noise it draws nothing
  constexpr RepairKind kRegret2{2, false};
  constexpr int kObserveEvery = 100;
  while (!solution.unassigned().empty()) {
    // Into the routes in use while any can take a request; then open one vehicle, for the
    // request regret picks (none of the pending fits a route in use), and go back to those.
    repair.repair(solution, kRegret2, random, 0, {}, kObserveEvery, RepairScope{false});
    const size_t pending = solution.unassigned().size();
    if (pending == 0) break;
    repair.repair(solution, kRegret2, random, 0, {}, kObserveEvery, RepairScope{true, 1});
    if (solution.unassigned().size() == pending) break;  // what is left fits nowhere
  }

  model::Plan plan = build_plan(model, solution);
  plan.statistics.elapsed_seconds =
      std::chrono::duration<double>(Alns::Clock::now() - started).count();
  plan.statistics.threads = 1;
  plan.statistics.seed = parameters.seed;
  return plan;
}

}  // namespace sendplan::solver
