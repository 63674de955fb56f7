// `sendplan pool`: several boroughs' inputs planned together (see transport/pool.h). Writes each
// borough's stand-alone plan to OUT/<label>/, the pooled plan to OUT/pooled/, and the cost
// sharing to OUT/pool.json and OUT/pool.csv; prints the sharing table.
#pragma once

#include <string>
#include <vector>

#include "cli/plan_command.h"

namespace sendplan::cli {

struct PoolOptions {
  // "label=DIR", DIR holding pupils.csv, schools.csv and fleet.csv. At least two.
  std::vector<std::string> boroughs;
  std::string postcodes;
  std::string out;
  std::string sharing = "proportional";  // or "shapley" (plans every coalition; at most 5)
  SolverOptions solver{60.0, 0, 1, 1};   // --time-limit: for each day plan (both runs)
  TravelOptions travel;
  PolicyOptions policy;
};

int run_pool(const PoolOptions& options);

}  // namespace sendplan::cli
