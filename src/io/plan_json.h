// JSON output of a Plan, the contract other tools depend on:
// {"instance": "...", "feasible": true, "cost": 294.25, "vehicles_used": 2,
//  "routes": [{"vehicle": 0, "stops": [{"node": 3, "time": 12.5}, ...]}], ...}
// `node` is the id used in the input file (depots excluded), `time` the start of service.
// Extra fields: per route vehicle_type, start_time, end_time, distance, duration, cost and per stop
// request, action ("pickup"/"delivery"), arrival, load; "unserved" [{request, reason}];
// "statistics" {iterations, elapsed_seconds, threads, seed}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "model/plan.h"
#include "model/problem.h"

namespace sendplan::io {

nlohmann::json plan_to_json(const model::Plan& plan, const model::Problem& problem);
// Writes pretty-printed JSON; kIo error naming the path on failure.
Status write_plan_json(const model::Plan& plan, const model::Problem& problem,
                       const std::string& path);

}  // namespace sendplan::io
