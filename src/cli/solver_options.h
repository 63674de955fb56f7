// The search options `solve` and `bench` share (--time-limit, --iterations, --seed, --threads,
// --parameters) and
// their translation into SolverParameters.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "solver/parameters.h"

namespace sendplan::cli {

struct SolverOptions {
  double time_limit_seconds = 10.0;  // 0 = no wall-clock limit (then --iterations is required)
  int64_t iterations = 0;            // 0 = no iteration limit
  int64_t seed = 1;
  int threads = 1;
  // A JSON file of solver parameters (solver/parameters.h names) read over the defaults; the four
  // options above always win. "" = none.
  std::string parameters_file;
};

// Validated parameters, or a kInvalidArgument error phrased in terms of the options.
Result<solver::SolverParameters> make_parameters(const SolverOptions& options);

}  // namespace sendplan::cli
