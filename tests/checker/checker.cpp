// Re-checks a Solution against an Instance: node validity, pairing and precedence, schedule
// (windows, travel, depot departure/return), load, ride time, route duration, fleet, cost and
// coverage of the requests.
#include "checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sendplan::check {
namespace {

struct Position {
  int route = -1;  // -1: not visited
  int index = 0;   // position among the route's valid stops
  double time = 0;
};

class Checker {
 public:
  Checker(const Instance& instance, const Solution& solution)
      : instance_(instance), solution_(solution), first_visit_(instance.nodes.size()) {}

  Report run() {
    report_.requests_total = static_cast<int>(instance_.requests.size());
    std::set<int> vehicles;
    for (size_t r = 0; r < solution_.routes.size(); ++r) {
      const Route& route = solution_.routes[r];
      if (route.stops.empty()) continue;
      ++report_.routes_used;
      int route_index = static_cast<int>(r);
      if (route.vehicle < 0 || route.vehicle >= instance_.fleet_size) {
        add(Rule::kVehicleIndex, route_index, -1,
            fmt::format("vehicle {} is not in [0, {})", route.vehicle, instance_.fleet_size));
      } else if (!vehicles.insert(route.vehicle).second) {
        add(Rule::kVehicleIndex, route_index, -1,
            fmt::format("vehicle {} already drives another route", route.vehicle));
      }
      check_route(route_index, valid_stops(route_index));
    }
    check_requests();
    check_totals();
    return std::move(report_);
  }

 private:
  void add(Rule rule, int route, int node, std::string message) {
    report_.violations.push_back({rule, route, node, std::move(message)});
  }

  // The route's stops at existing customer nodes; records first visits, reports the rest.
  std::vector<Stop> valid_stops(int r) {
    std::vector<Stop> stops;
    for (const Stop& stop : solution_.routes[r].stops) {
      if (!instance_.is_stop(stop.node)) {
        add(Rule::kUnknownNode, r, stop.node,
            instance_.is_depot(stop.node)
                ? fmt::format("node {} is a depot; depots are implicit", stop.node)
                : fmt::format("node {} does not exist in the instance", stop.node));
        continue;
      }
      Position& first = first_visit_[stop.node];
      if (first.route >= 0) {
        add(Rule::kDuplicateNode, r, stop.node,
            fmt::format("already visited on route {} at time {:.6f}", first.route, first.time));
      } else {
        first = {r, static_cast<int>(stops.size()), stop.time};
      }
      stops.push_back(stop);
    }
    return stops;
  }

  void check_route(int r, const std::vector<Stop>& stops) {
    if (stops.empty()) return;
    const Node& start = instance_.nodes[instance_.start_depot];
    const Node& end = instance_.nodes[instance_.end_depot];
    const double tol = kTimeTolerance;
    double load = 0;
    bool over = false;
    bool negative = false;
    int previous = instance_.start_depot;
    double previous_done = 0;  // end of service at the previous stop
    for (size_t i = 0; i < stops.size(); ++i) {
      const Stop& stop = stops[i];
      const Node& node = instance_.nodes[stop.node];
      double leg = instance_.travel(previous, stop.node);
      report_.cost += leg;
      if (i == 0) {
        double earliest = start.ready + leg;
        if (stop.time < earliest - tol) {
          add(Rule::kDepotDeparture, r, stop.node,
              fmt::format("time {:.6f} < depot opening {:.6f} + travel {:.6f} = {:.6f}", stop.time,
                          start.ready, leg, earliest));
        }
      } else if (stop.time < previous_done + leg - tol) {
        add(Rule::kTravelTime, r, stop.node,
            fmt::format("time {:.6f} < end of service at node {} {:.6f} + travel {:.6f} = {:.6f}",
                        stop.time, previous, previous_done, leg, previous_done + leg));
      }
      if (stop.time < node.ready - tol) {
        add(Rule::kTimeWindow, r, stop.node,
            fmt::format("time {:.6f} before window [{:.6f}, {:.6f}] opens", stop.time, node.ready,
                        node.due));
      }
      if (stop.time > node.due + tol) {
        add(Rule::kTimeWindow, r, stop.node,
            fmt::format("time {:.6f} after window [{:.6f}, {:.6f}] closes (late by {:.6f})",
                        stop.time, node.ready, node.due, stop.time - node.due));
      }
      load += node.demand;
      if (instance_.paired() && load > instance_.capacity + tol && !over) {
        over = true;
        add(Rule::kCapacity, r, stop.node,
            fmt::format("load {:.6f} > capacity {:.6f}", load, instance_.capacity));
      }
      if (instance_.paired() && load < -tol && !negative) {
        negative = true;
        add(Rule::kCapacity, r, stop.node, fmt::format("load {:.6f} < 0", load));
      }
      previous = stop.node;
      previous_done = stop.time + node.service;
    }
    if (!instance_.paired() && load > instance_.capacity + tol) {
      add(Rule::kCapacity, r, -1,
          fmt::format("total demand {:.6f} > capacity {:.6f}", load, instance_.capacity));
    }
    double home_leg = instance_.travel(previous, instance_.end_depot);
    report_.cost += home_leg;
    double back = previous_done + home_leg;
    if (back > end.due + tol) {
      add(Rule::kDepotReturn, r, previous,
          fmt::format("back at depot {} at {:.6f} > due {:.6f}", instance_.end_depot, back,
                      end.due));
    }
    double departure =
        stops.front().time - instance_.travel(instance_.start_depot, stops.front().node);
    if (back - departure > instance_.max_route_duration + tol) {
      add(Rule::kRouteDuration, r, -1,
          fmt::format("duration {:.6f} (leave {:.6f}, back {:.6f}) > limit {:.6f}",
                      back - departure, departure, back, instance_.max_route_duration));
    }
  }

  // Pairing, precedence and ride time per request; counts served requests.
  void check_requests() {
    for (const Request& request : instance_.requests) {
      const Position& pickup = first_visit_[request.pickup];
      if (request.delivery < 0) {
        if (pickup.route >= 0) ++report_.requests_served;
        continue;
      }
      const Position& delivery = first_visit_[request.delivery];
      if (pickup.route < 0 && delivery.route < 0) continue;
      ++report_.requests_served;
      if (pickup.route < 0 || delivery.route < 0) {
        bool has_pickup = pickup.route >= 0;
        add(Rule::kIncompleteRequest, has_pickup ? pickup.route : delivery.route,
            has_pickup ? request.pickup : request.delivery,
            fmt::format("request {}: {} {} is visited but {} {} is not", request.name,
                        has_pickup ? "pickup" : "delivery",
                        has_pickup ? request.pickup : request.delivery,
                        has_pickup ? "delivery" : "pickup",
                        has_pickup ? request.delivery : request.pickup));
      } else if (pickup.route != delivery.route) {
        add(Rule::kSplitRequest, pickup.route, request.pickup,
            fmt::format("request {}: pickup {} on route {}, delivery {} on route {}", request.name,
                        request.pickup, pickup.route, request.delivery, delivery.route));
      } else if (delivery.index < pickup.index) {
        add(Rule::kPrecedence, pickup.route, request.delivery,
            fmt::format("request {}: delivery {} (time {:.6f}) before pickup {} (time {:.6f})",
                        request.name, request.delivery, delivery.time, request.pickup,
                        pickup.time));
      } else {
        double ride = delivery.time - (pickup.time + instance_.nodes[request.pickup].service);
        if (ride > instance_.max_ride_time + kTimeTolerance) {
          add(Rule::kRideTime, pickup.route, request.delivery,
              fmt::format("request {}: ride time {:.6f} > limit {:.6f}", request.name, ride,
                          instance_.max_ride_time));
        }
      }
    }
  }

  void check_totals() {
    if (report_.routes_used > instance_.fleet_size) {
      add(Rule::kFleetSize, -1, -1,
          fmt::format("{} non-empty routes > {} vehicles", report_.routes_used,
                      instance_.fleet_size));
    }
    if (solution_.vehicles_used != report_.routes_used) {
      add(Rule::kVehiclesUsed, -1, -1,
          fmt::format("vehicles_used {} but {} non-empty routes", solution_.vehicles_used,
                      report_.routes_used));
    }
    double difference = std::abs(solution_.cost - report_.cost);
    if (difference > std::max(kCostTolerance, kCostTolerance * std::abs(report_.cost))) {
      add(Rule::kCost, -1, -1,
          fmt::format("reported cost {:.6f} but recomputed {:.6f} (difference {:.6g})",
                      solution_.cost, report_.cost, difference));
    }
    check_coverage();
  }

  void check_coverage() {
    // "unserved" may name a request by its pickup (or customer) id or by its delivery id.
    std::map<std::string, int> by_name;
    for (size_t i = 0; i < instance_.requests.size(); ++i) {
      const Request& request = instance_.requests[i];
      by_name[request.name] = static_cast<int>(i);
      if (request.delivery >= 0) by_name[std::to_string(request.delivery)] = static_cast<int>(i);
    }
    std::set<int> listed;
    for (const UnservedEntry& entry : solution_.unserved) {
      auto found = by_name.find(entry.request);
      if (found == by_name.end()) {
        add(Rule::kUnknownRequest, -1, -1,
            fmt::format("\"unserved\" lists request \"{}\" which the instance does not have",
                        entry.request));
      } else {
        listed.insert(found->second);
      }
    }
    for (size_t i = 0; i < instance_.requests.size(); ++i) {
      const Request& request = instance_.requests[i];
      bool served = first_visit_[request.pickup].route >= 0 ||
                    (request.delivery >= 0 && first_visit_[request.delivery].route >= 0);
      bool is_listed = listed.count(static_cast<int>(i)) > 0;
      if (served && is_listed) {
        add(Rule::kServedAndUnserved, -1, request.pickup,
            fmt::format("request {} is served and also listed in \"unserved\"", request.name));
      } else if (!served && solution_.feasible) {
        add(Rule::kMissingRequest, -1, request.pickup,
            fmt::format("request {} is not served although feasible=true", request.name));
      } else if (!served && !is_listed) {
        add(Rule::kMissingRequest, -1, request.pickup,
            fmt::format("request {} is neither served nor listed in \"unserved\"", request.name));
      }
    }
    if (!solution_.feasible && report_.violations.empty() &&
        report_.requests_served == report_.requests_total) {
      add(Rule::kFeasibleFlag, -1, -1,
          "feasible=false but every request is served and every constraint holds");
    }
  }

  const Instance& instance_;
  const Solution& solution_;
  std::vector<Position> first_visit_;  // by node id
  Report report_;
};

}  // namespace

std::string_view rule_name(Rule rule) {
  switch (rule) {
    case Rule::kUnknownNode:
      return "unknown-node";
    case Rule::kDuplicateNode:
      return "duplicate-node";
    case Rule::kIncompleteRequest:
      return "incomplete-request";
    case Rule::kSplitRequest:
      return "split-request";
    case Rule::kPrecedence:
      return "precedence";
    case Rule::kTimeWindow:
      return "time-window";
    case Rule::kTravelTime:
      return "travel-time";
    case Rule::kDepotDeparture:
      return "depot-departure";
    case Rule::kDepotReturn:
      return "depot-return";
    case Rule::kCapacity:
      return "capacity";
    case Rule::kRideTime:
      return "ride-time";
    case Rule::kRouteDuration:
      return "route-duration";
    case Rule::kFleetSize:
      return "fleet-size";
    case Rule::kVehicleIndex:
      return "vehicle-index";
    case Rule::kVehiclesUsed:
      return "vehicles-used";
    case Rule::kCost:
      return "cost";
    case Rule::kMissingRequest:
      return "missing-request";
    case Rule::kServedAndUnserved:
      return "served-and-unserved";
    case Rule::kUnknownRequest:
      return "unknown-request";
    case Rule::kFeasibleFlag:
      return "feasible-flag";
    case Rule::kSkills:
      return "skills";
    case Rule::kMaxTasks:
      return "max-tasks";
    case Rule::kMaxTravelTime:
      return "max-travel-time";
    case Rule::kMaxDistance:
      return "max-distance";
    case Rule::kRideAlone:
      return "ride-alone";
    case Rule::kNotTogether:
      return "not-together";
    case Rule::kReportedValue:
      return "reported-value";
  }
  return "?";
}

bool Report::has(Rule rule) const {
  return count(rule) > 0;
}

int Report::count(Rule rule) const {
  return static_cast<int>(std::count_if(violations.begin(), violations.end(),
                                        [rule](const Violation& v) { return v.rule == rule; }));
}

Report check_solution(const Instance& instance, const Solution& solution) {
  return Checker(instance, solution).run();
}

std::string format_violation(const Violation& violation) {
  std::string where;
  if (violation.route >= 0) where += fmt::format(" route {}", violation.route);
  if (violation.node >= 0) where += fmt::format(" node {}", violation.node);
  return fmt::format("[{}]{}: {}", rule_name(violation.rule), where, violation.message);
}

}  // namespace sendplan::check
