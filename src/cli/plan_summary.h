// Human-readable reports of a finished Plan for stderr: the one-paragraph summary and one line per
// unserved request.
#pragma once

#include <string>
#include <vector>

#include "model/plan.h"
#include "model/problem.h"
#include "solver/parameters.h"

namespace sendplan::cli {

// E.g. "a2-16: cost 294.25 with 2 vehicles, 16/16 requests served. 300 iterations in 0.41 s
// (seed 3, 1 thread)." Says when the time limit stopped the search before the iteration limit.
std::string plan_summary(const model::Plan& plan, const model::Problem& problem,
                         const solver::SolverParameters& parameters);

// "unserved request <name>: <reason>", one per unserved request, in plan order.
std::vector<std::string> unserved_lines(const model::Plan& plan, const model::Problem& problem);

}  // namespace sendplan::cli
