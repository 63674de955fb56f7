// An independent check of a solver Plan against the Problem it answers, for feature tests. It
// shares no code with the solver: every time, load, distance and cost is recomputed from the
// Problem's matrices and original (untightened) windows. Use it as
//   EXPECT_EQ(testing::check_plan(problem, plan), "");
// so a failure prints every violation found.
#pragma once

#include <string>
#include <vector>

#include "model/plan.h"
#include "model/problem.h"

namespace sendplan::testing {

inline constexpr double kPlanTolerance = 1e-6;  // absolute, on times, distances and costs

// Every violation found, one per line ("" when the plan is valid). Checks, per route: the vehicle
// index belongs to its type and is used once; departure at or after the shift start; each stop's
// start >= previous departure + travel time and within its window; departure = start + service;
// the reported arrival, load_after and external id; the load (deliveries on board from the depot)
// never above capacity or below zero in any dimension; pickup before delivery on the same route;
// ride time (delivery start - pickup start - pickup service) <= max_ride_time; ride-alone
// requests never share the vehicle and not-together pairs are never on board together; arrival at
// the end depot no earlier than the last departure allows and by the shift end; the reported
// distance, duration (<= max duration) and cost (fixed + per distance + per time). For the plan:
// each request served exactly once or listed in `unserved` exactly once (with a reason), never
// both; totals (cost, distance, vehicles_used) add up; `feasible` iff nothing is unserved; per
// fleet limit, the routes whose type is in its group number at most its limit.
std::string check_plan(const model::Problem& problem, const model::Plan& plan,
                       double tolerance = kPlanTolerance);

// The index of the route that serves request r, or -1.
int route_serving(const model::Plan& plan, int r);

// The vehicle type that serves request r, or -1.
int type_serving(const model::Plan& plan, int r);

// True when requests r and s are ever on board the same vehicle at the same time (recomputed from
// the stop sequences; deliveries count as on board from the start depot, pickups to the end).
bool ever_on_board_together(const model::Problem& problem, const model::Plan& plan, int r, int s);

// The reason given for leaving request r unserved, or "" when it is served.
std::string unserved_reason(const model::Plan& plan, int r);

// The number of requests the plan serves.
int served_count(const model::Plan& plan);

// Each route as its sequence of (request, is_pickup) stops, e.g. "0+ 1+ 0- 1-" per route.
std::vector<std::string> stop_sequences(const model::Plan& plan);

}  // namespace sendplan::testing
