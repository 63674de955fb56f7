// VROOM's solution JSON for a Plan of a VroomInstance, so that VROOM users can compare answers
// with the same tools: {"code": 0, "summary": {...}, "unassigned": [...], "routes": [...]}.
// Times, durations, distances and costs are whole numbers like VROOM's: each step's arrival and
// service start are rounded to the nearest second; a route's cost is its exact cost (fixed cost
// plus every leg) rounded to the nearest integer, and the summary cost is the sum of the routes'.
// Extension: every unassigned entry has a "reason" in words. See docs/vroom.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "io/vroom_reader.h"
#include "model/plan.h"

namespace sendplan::io {

// summary.computing_times, in milliseconds (routing is always 0: no routing server is used).
struct VroomTimings {
  int64_t loading_ms = 0;
  int64_t solving_ms = 0;
};

nlohmann::ordered_json vroom_solution_to_json(const VroomInstance& instance,
                                              const model::Plan& plan, const VroomTimings& timings);
// Writes pretty-printed JSON; kIo error naming the path on failure.
Status write_vroom_solution(const VroomInstance& instance, const model::Plan& plan,
                            const VroomTimings& timings, const std::string& path);

}  // namespace sendplan::io
