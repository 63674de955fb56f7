// The feasibility check: every constraint of the instance re-verified on a solver Solution, each
// violation reported with its rule, route, node and the numbers involved.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "instance.h"
#include "solution.h"

namespace sendplan::check {

inline constexpr double kTimeTolerance = 1e-6;  // absolute, on times, loads and durations
inline constexpr double kCostTolerance = 1e-6;  // relative and absolute, on the total cost

enum class Rule {
  kUnknownNode,        // stop is not a customer node of the instance (depot or out of range)
  kDuplicateNode,      // node visited more than once
  kIncompleteRequest,  // pickup visited without its delivery, or the other way round
  kSplitRequest,       // pickup and delivery on different routes
  kPrecedence,         // delivery before its pickup
  kTimeWindow,         // start of service outside [ready, due]
  kTravelTime,         // not enough time between consecutive stops (service + travel)
  kDepotDeparture,     // first stop earlier than leaving the depot at its opening allows
  kDepotReturn,        // back at the (end) depot after its due time
  kCapacity,           // load above capacity (or below zero)
  kRideTime,           // cordeau: drop-off start - (pickup start + pickup service) > L
  kRouteDuration,      // cordeau: latest departure to earliest return > T
  kFleetSize,          // more non-empty routes than vehicles
  kVehicleIndex,       // vehicle index out of range or used by two routes
  kVehiclesUsed,       // "vehicles_used" differs from the number of non-empty routes
  kCost,               // "cost" differs from the recomputed cost
  kMissingRequest,     // not served although feasible=true, or not listed in "unserved"
  kServedAndUnserved,  // served and also listed in "unserved"
  kUnknownRequest,     // "unserved" names a request the instance does not have
  kFeasibleFlag,       // feasible=false although everything is served and valid
  // VROOM format only:
  kSkills,         // a task on a vehicle lacking one of its skills
  kMaxTasks,       // more tasks on a route than the vehicle's max_tasks
  kMaxTravelTime,  // route travel time above the vehicle's max_travel_time
  kMaxDistance,    // route distance above the vehicle's max_distance
  kRideAlone,      // a ride-alone shipment shares the vehicle (extension)
  kNotTogether,    // a never_together pair on board together (extension)
  kReportedValue,  // a reported figure (load, setup, duration, summary total, ...) is wrong
};

std::string_view rule_name(Rule rule);

struct Violation {
  Rule rule = Rule::kUnknownNode;
  int route = -1;  // index into Solution::routes; -1 when not about one route
  int node = -1;   // node id; -1 when not about one node
  std::string message;
};

struct Report {
  std::vector<Violation> violations;
  double cost = 0;      // recomputed total Euclidean length
  int routes_used = 0;  // routes with at least one stop
  int requests_total = 0;
  int requests_served = 0;  // with at least one of their nodes visited

  // No violation: the solution is valid as far as it goes (requests may be listed unserved).
  bool consistent() const { return violations.empty(); }
  // Consistent and every request served: the checker's verdict FEASIBLE.
  bool feasible() const { return consistent() && requests_served == requests_total; }
  bool has(Rule rule) const;
  int count(Rule rule) const;
};

Report check_solution(const Instance& instance, const Solution& solution);

// "[rule] route R node N: message".
std::string format_violation(const Violation& violation);

}  // namespace sendplan::check
