// The dial-a-ride solver's entry point: adaptive large neighbourhood search (ALNS) with simulated
// annealing acceptance over an exact route scheduler (time windows, ride times, durations).
// solve() is deterministic for a given seed when stopped by max_iterations (not by time).
#pragma once

#include <cstdint>
#include <functional>

#include "model/plan.h"
#include "model/problem.h"
#include "solver/parameters.h"

namespace sendplan::solver {

struct Progress {
  int64_t iterations = 0;
  double elapsed_seconds = 0;
  double best_cost = 0;
  int best_unserved = 0;
};

// Called from the solving thread(s), at most a few times a second; must be thread-safe.
using ProgressCallback = std::function<void(const Progress&)>;

// Solves `problem`. Parameters must be valid (SolverParameters::validate).
model::Plan solve(const model::Problem& problem, const SolverParameters& parameters,
                  const ProgressCallback& on_progress = {});

}  // namespace sendplan::solver
