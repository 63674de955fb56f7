// `sendplan solve`: read one instance, solve it, write the plan JSON and report on stderr. With
// --format vroom the input is VROOM's problem JSON and the output VROOM's solution JSON.
#pragma once

#include <string>

#include "cli/solver_options.h"

namespace sendplan::cli {

struct SolveOptions {
  std::string format;    // cordeau | solomon | lilim | vroom
  std::string instance;  // path of the instance file
  SolverOptions solver;
  std::string output;  // plan (or VROOM solution) JSON path; empty = print it to stdout
};

// Exit code: 0 all served; 1 plan written but some requests unserved (or infeasible);
// exit_code(ErrorCode) for errors (bad arguments, unreadable or invalid input, write failures).
int run_solve(const SolveOptions& options);

}  // namespace sendplan::cli
