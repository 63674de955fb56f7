// The solver's JSON output as the checker reads it (the contract of src/io/plan_json.h, re-read
// independently): instance, feasible, cost, vehicles_used, routes[{vehicle, stops[{node, time}]}]
// and an optional unserved[{request, reason}]. Other keys are ignored.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace sendplan::check {

struct Stop {
  int node = 0;     // node id from the instance file (depots are implicit)
  double time = 0;  // start of service
};

struct Route {
  int vehicle = 0;
  std::vector<Stop> stops;
};

struct UnservedEntry {
  std::string request;  // as written; a JSON number is converted to its text
  std::string reason;
};

struct Solution {
  std::string instance;
  bool feasible = false;
  double cost = 0;
  int vehicles_used = 0;
  std::vector<Route> routes;
  std::vector<UnservedEntry> unserved;
};

// Throws InputError "<source>: <json path>: <problem>" for a missing key or a wrong type.
Solution solution_from_json(const nlohmann::json& json, const std::string& source);
// Reads and parses the file; InputError naming it when unreadable or not valid JSON.
Solution read_solution(const std::string& path);

}  // namespace sendplan::check
