// The multi-threaded search behind solve() and solve_from(): `parameters.threads` independent ALNS
// runs at once (seeds seed, seed+1, ...), each from scratch or from a copy of one start, of which
// the best becomes the Plan. Deterministic under an iteration limit (ties go to the lowest thread).
#pragma once

#include "model/plan.h"
#include "solver/alns.h"
#include "solver/solve.h"

namespace sendplan::solver {

// Runs the searches and builds the plan of the best, with its statistics (iterations summed over
// threads, elapsed seconds since `started`, threads, seed). `start`, when given, is a Solution of
// `model` with penalty unserved_penalty(model, parameters); it is only read, by every thread.
// Parameters must be valid (SolverParameters::validate).
model::Plan parallel_search(const SearchModel& model, const SolverParameters& parameters,
                            const Solution* start, const ProgressCallback& on_progress,
                            Alns::Clock::time_point started);

}  // namespace sendplan::solver
