// The multi-threaded search behind solve() and solve_from(): `parameters.threads` ALNS searches at
// once (seeds seed, seed+1, ...), each from scratch or from a copy of one start, of which the best
// becomes the Plan. Stopped by a time limit alone, they walk one trajectory together
// (SharedTrajectory, unless `one_trajectory` is off); given an iteration limit, each walks its own
// and they share their best at restarts, which is repeatable (ties go to the lowest thread).
#pragma once

#include "model/plan.h"
#include "solver/alns.h"
#include "solver/solve.h"

namespace sendplan::solver {

// Whether two or more threads would walk one trajectory (then a run is not repeatable).
bool uses_one_trajectory(const SolverParameters& parameters);

// Runs the searches and builds the plan of the best, with its statistics (iterations summed over
// threads, elapsed seconds since `started`, threads, seed). `start`, when given, is a Solution of
// `model` with penalty unserved_penalty(model, parameters); it is only read, by every thread.
// Parameters must be valid (SolverParameters::validate).
model::Plan parallel_search(const SearchModel& model, const SolverParameters& parameters,
                            const Solution* start, const ProgressCallback& on_progress,
                            Alns::Clock::time_point started);

}  // namespace sendplan::solver
