// From search state to the finished Plan: exact times per stop, route totals, and for every
// request left unassigned the reason in words (why no vehicle could take it).
#pragma once

#include <string>

#include "model/plan.h"
#include "solver/solution.h"

namespace sendplan::solver {

model::Plan build_plan(const SearchModel& model, const Solution& solution);

// Why request r cannot be served in `solution`: checks it alone against every vehicle type
// (capacity, windows reachable from the depot, direct ride time, shift end, duration); if some
// type could carry it alone, the fleet was full, and when only fleet limits kept such a type's
// empty vehicles closed, the reason names those limits.
std::string unserved_reason(const SearchModel& model, const Solution& solution, int r);

}  // namespace sendplan::solver
