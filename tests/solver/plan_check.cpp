#include "solver/plan_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace sendplan::testing {

using model::Load;
using model::Plan;
using model::PlannedRoute;
using model::PlannedStop;
using model::Problem;
using model::Request;
using model::RequestKind;

namespace {

std::string load_text(const Load& load, int dimensions) {
  std::string text = "(";
  for (int d = 0; d < dimensions; ++d) text += fmt::format("{}{}", d ? ", " : "", load.amount[d]);
  return text + ")";
}

bool near(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

// The stop's place and window in the Problem (the original window, not a tightened one).
const model::StopSpec& spec_of(const Request& request, const PlannedStop& stop) {
  return stop.is_pickup ? request.pickup : request.delivery;
}

// Who is on board: before the first stop (index 0) and after each stop (index i + 1).
std::vector<std::vector<int>> on_board_snapshots(const Problem& problem,
                                                 const PlannedRoute& route) {
  std::vector<int> on_board;
  for (const PlannedStop& stop : route.stops) {
    if (stop.request < 0 || stop.request >= problem.request_count()) continue;
    if (problem.request(stop.request).kind == RequestKind::kDelivery &&
        std::find(on_board.begin(), on_board.end(), stop.request) == on_board.end())
      on_board.push_back(stop.request);
  }
  std::vector<std::vector<int>> snapshots{on_board};
  for (const PlannedStop& stop : route.stops) {
    if (stop.is_pickup) {
      on_board.push_back(stop.request);
    } else {
      auto it = std::find(on_board.begin(), on_board.end(), stop.request);
      if (it != on_board.end()) on_board.erase(it);
    }
    snapshots.push_back(on_board);
  }
  return snapshots;
}

class Checker {
 public:
  Checker(const Problem& problem, const Plan& plan, double tolerance)
      : problem_(problem), plan_(plan), tolerance_(tolerance) {}

  std::string run() {
    const int n = problem_.request_count();
    pickup_seen_.assign(static_cast<size_t>(n), 0);
    delivery_seen_.assign(static_cast<size_t>(n), 0);
    pickup_route_.assign(static_cast<size_t>(n), -1);
    delivery_route_.assign(static_cast<size_t>(n), -1);
    pickup_end_.assign(static_cast<size_t>(n), 0.0);

    double total_cost = 0, total_distance = 0;
    std::set<int> vehicles;
    for (int k = 0; k < static_cast<int>(plan_.routes.size()); ++k) {
      const PlannedRoute& route = plan_.routes[k];
      if (!vehicles.insert(route.vehicle).second)
        fail(fmt::format("route {}: vehicle {} is used by two routes", k, route.vehicle));
      const auto [distance, cost] = check_route(k, route);
      total_cost += cost;
      total_distance += distance;
    }
    check_requests();
    check_fleet_limits();

    if (!near(plan_.cost, total_cost, tolerance_))
      fail(fmt::format("plan cost {} but the routes recompute to {}", plan_.cost, total_cost));
    if (!near(plan_.distance, total_distance, tolerance_))
      fail(fmt::format("plan distance {} but the routes recompute to {}", plan_.distance,
                       total_distance));
    if (plan_.vehicles_used != static_cast<int>(plan_.routes.size()))
      fail(fmt::format("vehicles_used {} but {} routes", plan_.vehicles_used, plan_.routes.size()));
    if (plan_.feasible != plan_.unserved.empty())
      fail(fmt::format("feasible is {} with {} unserved requests", plan_.feasible,
                       plan_.unserved.size()));
    return report_;
  }

 private:
  void fail(const std::string& message) {
    if (!report_.empty()) report_ += "\n";
    report_ += message;
  }

  // Returns the recomputed {distance, cost}.
  std::pair<double, double> check_route(int k, const PlannedRoute& route) {
    const auto& types = problem_.vehicle_types();
    if (route.vehicle_type < 0 || route.vehicle_type >= static_cast<int>(types.size())) {
      fail(fmt::format("route {}: vehicle type {} does not exist", k, route.vehicle_type));
      return {0, 0};
    }
    const model::VehicleType& type = types[route.vehicle_type];
    int first = 0;
    for (int t = 0; t < route.vehicle_type; ++t) first += types[t].count;
    if (route.vehicle < first || route.vehicle >= first + type.count)
      fail(fmt::format("route {}: vehicle {} is not one of type '{}' ({}..{})", k, route.vehicle,
                       type.name, first, first + type.count - 1));
    if (route.stops.empty()) fail(fmt::format("route {}: has no stops", k));
    const int dims = problem_.load_dimensions();
    const std::string where = fmt::format("route {} ({} #{})", k, type.name, route.vehicle);

    if (route.start_time < type.shift_start - tolerance_)
      fail(fmt::format("{}: leaves the depot at {} before the shift starts at {}", where,
                       route.start_time, type.shift_start));

    // Load on board from the depot: every delivery-only job on this route.
    Load load;
    for (const PlannedStop& stop : route.stops) {
      if (stop.request >= 0 && stop.request < problem_.request_count() &&
          problem_.request(stop.request).kind == RequestKind::kDelivery && !stop.is_pickup)
        load += problem_.request(stop.request).load;
    }
    check_load(where + " leaving the depot", load, type.capacity, dims);

    if (static_cast<int>(route.stops.size()) > type.max_stops)
      fail(fmt::format("{}: {} stops, over the maximum {}", where, route.stops.size(),
                       type.max_stops));
    double distance = 0, travel_total = 0;
    double leave = route.start_time;
    int at = type.start_location;
    for (int i = 0; i < static_cast<int>(route.stops.size()); ++i) {
      const PlannedStop& stop = route.stops[i];
      const std::string here = fmt::format("{} stop {} (request {} {})", where, i, stop.request,
                                           stop.is_pickup ? "pickup" : "delivery");
      if (stop.request < 0 || stop.request >= problem_.request_count()) {
        fail(here + ": unknown request");
        continue;
      }
      const Request& request = problem_.request(stop.request);
      const auto& allowed = request.allowed_vehicle_types;
      if (!allowed.empty() &&
          std::find(allowed.begin(), allowed.end(), route.vehicle_type) == allowed.end())
        fail(here + ": this vehicle type may not carry the request");
      if (stop.is_pickup && !request.has_pickup()) fail(here + ": the request has no pickup");
      if (!stop.is_pickup && !request.has_delivery()) fail(here + ": the request has no delivery");
      const model::StopSpec& spec = spec_of(request, stop);
      if (stop.external_id != spec.external_id)
        fail(fmt::format("{}: external id {} but the problem says {}", here, stop.external_id,
                         spec.external_id));

      const double travel = problem_.travel_time(at, spec.location);
      travel_total += travel;
      distance += problem_.distance(at, spec.location);
      if (!near(stop.arrival, leave + travel, tolerance_))
        fail(fmt::format("{}: arrival {} but leaving at {} plus travel {} gives {}", here,
                         stop.arrival, leave, travel, leave + travel));
      if (stop.start < leave + travel - tolerance_)
        fail(fmt::format("{}: starts at {} before it can arrive ({} + travel {})", here, stop.start,
                         leave, travel));
      if (stop.start < spec.ready - tolerance_ || stop.start > spec.due + tolerance_)
        fail(fmt::format("{}: starts at {} outside its window [{}, {}]", here, stop.start,
                         spec.ready, spec.due));
      if (!near(stop.departure, stop.start + spec.service, tolerance_))
        fail(fmt::format("{}: departs at {} but service {} from {} ends at {}", here,
                         stop.departure, spec.service, stop.start, stop.start + spec.service));

      if (stop.is_pickup) {
        ++pickup_seen_[stop.request];
        pickup_route_[stop.request] = k;
        pickup_end_[stop.request] = stop.start + spec.service;
        load += request.load;
      } else {
        ++delivery_seen_[stop.request];
        delivery_route_[stop.request] = k;
        load -= request.load;
        if (request.kind == RequestKind::kPickupDelivery) {
          if (pickup_route_[stop.request] != k)
            fail(here + ": delivered on a route that did not pick it up first");
          else if (request.max_ride_time < model::kUnlimited) {
            const double ride = stop.start - pickup_end_[stop.request];
            if (ride > request.max_ride_time + tolerance_)
              fail(fmt::format("{}: ride time {} exceeds the maximum {}", here, ride,
                               request.max_ride_time));
          }
        }
      }
      check_load(here, load, type.capacity, dims);
      if (stop.load_after != load)
        fail(fmt::format("{}: reports load {} but {} is on board", here,
                         load_text(stop.load_after, dims), load_text(load, dims)));
      leave = stop.departure;
      at = spec.location;
    }
    const double back = leave + problem_.travel_time(at, type.end_location);
    distance += problem_.distance(at, type.end_location);
    travel_total += problem_.travel_time(at, type.end_location);
    if (travel_total > type.max_travel_time + tolerance_)
      fail(fmt::format("{}: travels {} over the maximum {}", where, travel_total,
                       type.max_travel_time));
    if (distance > type.max_distance + tolerance_)
      fail(fmt::format("{}: covers {} over the maximum distance {}", where, distance,
                       type.max_distance));
    if (route.end_time < back - tolerance_)
      fail(fmt::format("{}: back at the end depot at {} but cannot arrive before {}", where,
                       route.end_time, back));
    if (route.end_time > type.shift_end + tolerance_)
      fail(fmt::format("{}: back at {} after the shift ends at {}", where, route.end_time,
                       type.shift_end));
    const double duration = route.end_time - route.start_time;
    if (!near(route.duration, duration, tolerance_))
      fail(fmt::format("{}: duration {} but end - start = {}", where, route.duration, duration));
    if (duration > type.max_duration + tolerance_)
      fail(fmt::format("{}: duration {} exceeds the maximum {}", where, duration,
                       type.max_duration));
    if (!near(route.distance, distance, tolerance_))
      fail(fmt::format("{}: distance {} but the matrix gives {}", where, route.distance, distance));
    const double cost =
        type.fixed_cost + type.cost_per_distance * distance + type.cost_per_time * duration;
    if (!near(route.cost, cost, tolerance_))
      fail(
          fmt::format("{}: cost {} but fixed + distance + time gives {}", where, route.cost, cost));

    check_sharing(where, route);
    return {distance, cost};
  }

  void check_load(const std::string& where, const Load& load, const Load& capacity, int dims) {
    for (int d = 0; d < model::kMaxLoadDimensions; ++d) {
      if (d >= dims && load.amount[d] != 0)
        fail(fmt::format("{}: load in unused dimension {}", where, d));
      if (load.amount[d] > capacity.amount[d])
        fail(fmt::format("{}: {} {} on board, capacity {}", where, load.amount[d],
                         problem_.load_dimension_name(d), capacity.amount[d]));
      if (load.amount[d] < 0)
        fail(fmt::format("{}: negative {} ({}) on board", where, problem_.load_dimension_name(d),
                         load.amount[d]));
    }
  }

  void check_sharing(const std::string& where, const PlannedRoute& route) {
    const auto snapshots = on_board_snapshots(problem_, route);
    for (size_t i = 0; i < snapshots.size(); ++i) {
      const std::vector<int>& on_board = snapshots[i];
      const std::string when =
          i == 0 ? std::string("leaving the depot") : fmt::format("after stop {}", i - 1);
      if (on_board.size() > 1) {
        for (int r : on_board)
          if (problem_.request(r).ride_alone)
            fail(fmt::format("{} {}: ride-alone request {} shares with {} others", where, when, r,
                             on_board.size() - 1));
      }
      for (const auto& [a, b] : problem_.not_together()) {
        const bool has_a = std::find(on_board.begin(), on_board.end(), a) != on_board.end();
        const bool has_b = std::find(on_board.begin(), on_board.end(), b) != on_board.end();
        if (has_a && has_b)
          fail(fmt::format("{} {}: not-together requests {} and {} are on board together", where,
                           when, a, b));
      }
    }
  }

  // Vehicles used per fleet limit group, counted from the routes' types, never above the limit.
  void check_fleet_limits() {
    for (const model::FleetLimit& fleet : problem_.fleet_limits()) {
      int used = 0;
      for (const PlannedRoute& route : plan_.routes)
        if (std::find(fleet.vehicle_types.begin(), fleet.vehicle_types.end(), route.vehicle_type) !=
            fleet.vehicle_types.end())
          ++used;
      if (used > fleet.limit)
        fail(fmt::format("fleet limit '{}': {} vehicles used, at most {} allowed", fleet.name, used,
                         fleet.limit));
    }
  }

  void check_requests() {
    const int n = problem_.request_count();
    std::vector<int> unserved(static_cast<size_t>(n), 0);
    for (const model::UnservedRequest& u : plan_.unserved) {
      if (u.request < 0 || u.request >= n) {
        fail(fmt::format("unserved names unknown request {}", u.request));
        continue;
      }
      ++unserved[u.request];
      if (u.reason.empty()) fail(fmt::format("unserved request {} has no reason", u.request));
    }
    for (int r = 0; r < n; ++r) {
      const Request& request = problem_.request(r);
      const int want_pickups = request.has_pickup() ? 1 : 0;
      const int want_deliveries = request.has_delivery() ? 1 : 0;
      const bool any = pickup_seen_[r] + delivery_seen_[r] > 0;
      if (any && (pickup_seen_[r] != want_pickups || delivery_seen_[r] != want_deliveries))
        fail(fmt::format("request {} ('{}'): {} pickups and {} deliveries, expected {} and {}", r,
                         request.name, pickup_seen_[r], delivery_seen_[r], want_pickups,
                         want_deliveries));
      if (any && request.kind == RequestKind::kPickupDelivery &&
          pickup_route_[r] != delivery_route_[r])
        fail(fmt::format("request {} ('{}'): picked up on route {}, delivered on route {}", r,
                         request.name, pickup_route_[r], delivery_route_[r]));
      if (any && unserved[r] > 0)
        fail(fmt::format("request {} ('{}') is served and also listed unserved", r, request.name));
      if (!any && unserved[r] == 0)
        fail(fmt::format("request {} ('{}') is neither served nor listed unserved", r,
                         request.name));
      if (unserved[r] > 1)
        fail(fmt::format("request {} ('{}') is listed unserved {} times", r, request.name,
                         unserved[r]));
    }
  }

  const Problem& problem_;
  const Plan& plan_;
  double tolerance_;
  std::string report_;
  std::vector<int> pickup_seen_, delivery_seen_, pickup_route_, delivery_route_;
  std::vector<double> pickup_end_;
};

}  // namespace

std::string check_plan(const Problem& problem, const Plan& plan, double tolerance) {
  return Checker(problem, plan, tolerance).run();
}

int route_serving(const Plan& plan, int r) {
  for (int k = 0; k < static_cast<int>(plan.routes.size()); ++k)
    for (const PlannedStop& stop : plan.routes[k].stops)
      if (stop.request == r) return k;
  return -1;
}

int type_serving(const Plan& plan, int r) {
  const int k = route_serving(plan, r);
  return k < 0 ? -1 : plan.routes[k].vehicle_type;
}

bool ever_on_board_together(const Problem& problem, const Plan& plan, int r, int s) {
  for (const PlannedRoute& route : plan.routes) {
    for (const std::vector<int>& on_board : on_board_snapshots(problem, route)) {
      if (std::find(on_board.begin(), on_board.end(), r) != on_board.end() &&
          std::find(on_board.begin(), on_board.end(), s) != on_board.end())
        return true;
    }
  }
  return false;
}

std::string unserved_reason(const Plan& plan, int r) {
  for (const model::UnservedRequest& u : plan.unserved)
    if (u.request == r) return u.reason;
  return "";
}

int served_count(const Plan& plan) {
  std::set<int> served;
  for (const PlannedRoute& route : plan.routes)
    for (const PlannedStop& stop : route.stops) served.insert(stop.request);
  return static_cast<int>(served.size());
}

std::vector<std::string> stop_sequences(const Plan& plan) {
  std::vector<std::string> sequences;
  for (const PlannedRoute& route : plan.routes) {
    std::string text = fmt::format("v{}:", route.vehicle);
    for (const PlannedStop& stop : route.stops)
      text += fmt::format(" {}{}", stop.request, stop.is_pickup ? '+' : '-');
    sequences.push_back(text);
  }
  return sequences;
}

}  // namespace sendplan::testing
