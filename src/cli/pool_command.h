// `sendplan pool`: several boroughs' inputs planned together (transport/pool_search.h: each
// borough alone, then the pooled plan from their union, improved at the seams) and the cost
// shared (transport/pool_sharing.h). Writes each borough's stand-alone plan to OUT/<label>/, the
// pooled plan to OUT/pooled/, and the sharing to OUT/pool.json and OUT/pool.csv; prints the
// sharing table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/plan_command.h"

namespace sendplan::cli {

struct PoolOptions {
  // "label=DIR", DIR holding pupils.csv, schools.csv and fleet.csv. At least two.
  std::vector<std::string> boroughs;
  std::string postcodes;
  std::string out;
  std::string sharing = "shapley";      // or "proportional"
  SolverOptions solver{60.0, 0, 1, 1, {}};  // --time-limit: for each borough's own plan (both runs)
  int cluster_pupils = 200;             // transport::PoolSearchSettings
  std::int64_t cluster_iterations = 2000;
  double seam_km = 5.0;
  int shapley_samples = 200;  // beyond 10 boroughs
  TravelOptions travel;
  PolicyOptions policy;
};

int run_pool(const PoolOptions& options);

}  // namespace sendplan::cli
