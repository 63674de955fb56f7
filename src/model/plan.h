// Plan: the finished answer for a Problem (plain, serialisable). Times are starts of service in
// the instance's units; route distance/duration/cost follow the vehicle type's cost model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/load.h"

namespace sendplan::model {

struct PlannedStop {
  int request = 0;        // index into Problem::requests()
  bool is_pickup = true;  // false: the delivery stop
  int external_id = 0;    // node id from the input file
  double arrival = 0;     // when the vehicle arrives
  double start = 0;       // start of service (arrival + waiting)
  double departure = 0;   // end of service
  Load load_after;        // on board when leaving
};

struct PlannedRoute {
  int vehicle = 0;        // index over all vehicles: types in order, `count` each
  int vehicle_type = 0;   // index into Problem::vehicle_types()
  double start_time = 0;  // departure from the start depot
  double end_time = 0;    // arrival at the end depot
  double distance = 0;
  double duration = 0;  // end_time - start_time
  double cost = 0;
  std::vector<PlannedStop> stops;
};

// A request no vehicle could take, with the reason in words a user understands.
struct UnservedRequest {
  int request = 0;
  std::string reason;
};

struct SolveStatistics {
  int64_t iterations = 0;
  double elapsed_seconds = 0;
  int threads = 1;
  uint64_t seed = 0;
};

struct Plan {
  std::string instance;
  bool feasible = false;  // every request served and every constraint met
  double cost = 0;
  double distance = 0;
  int vehicles_used = 0;
  std::vector<PlannedRoute> routes;  // only routes with at least one stop
  std::vector<UnservedRequest> unserved;
  SolveStatistics statistics;
};

}  // namespace sendplan::model
