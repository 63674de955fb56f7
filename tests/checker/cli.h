// The sendplan_check command line, as a function so tests can run it without a subprocess:
//   sendplan_check --format cordeau|solomon|lilim INSTANCE SOLUTION.json [--quiet]
//   sendplan_check --format vroom PROBLEM.json VROOM_SOLUTION.json [--quiet]  (vroom_check.h)
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace sendplan::check {

inline constexpr int kExitFeasible = 0;
inline constexpr int kExitInfeasible = 1;
inline constexpr int kExitUsage = 2;  // also: unreadable or malformed input file

// `args` excludes the program name. Prints "FEASIBLE cost=<c> routes=<k>" or "INFEASIBLE ..."
// and one line per violation (only the verdict line with --quiet) to `out`; errors to `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace sendplan::check
