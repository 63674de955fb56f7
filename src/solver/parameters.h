// SolverParameters: every tunable of the search in one place, with defaults, validation and JSON
// conversion. Units: seconds for time limits; fractions in [0, 1].
#pragma once

#include <atomic>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/result.h"

namespace sendplan::solver {

struct SolverParameters {
  double time_limit_seconds = 10.0;  // wall-clock limit; <= 0 means none (then max_iterations)
  int64_t max_iterations = 0;        // 0 = no limit; with a limit, runs are reproducible
  uint64_t seed = 1;
  int threads = 1;  // searches with seeds seed, seed+1, ... that cooperate (one_trajectory below)
  // When set and true, the search stops as at the time limit (e.g. the server shutting down).
  // Not part of the JSON form; the flag must outlive the solve.
  const std::atomic<bool>* stop = nullptr;

  // Destroy: how many requests one iteration removes (fraction of served requests, clamped).
  double min_removal_fraction = 0.05;
  double max_removal_fraction = 0.5;
  int min_removed = 2;
  int max_removed = 40;

  // Simulated annealing: a solution `start_worse_fraction` worse than the current one is accepted
  // with probability 1/2 at the start; the temperature falls geometrically to
  // `end_temperature_ratio` of that by the end of the run.
  double start_worse_fraction = 0.03;
  double end_temperature_ratio = 0.01;
  // Restarts: the run is cut into `restarts` + 1 equal epochs (of time, or of iterations). Each
  // new epoch starts again from the best solution found so far (with several threads, the best of
  // all threads) with the temperature back at its start: shorter annealing trajectories from the
  // best rather than one long one.
  int restarts = 4;
  // Splitting the work between threads that walk separate trajectories (one_trajectory false, or
  // no time limit): with 2 or more threads and at least this many requests, every other restart
  // (epochs 1, 3, ...) cuts the shared best into one part per thread (neighbouring routes,
  // decomposition.h), each thread searches its part as a problem of its own for one epoch, and
  // the parts are put back together; the epochs between search the whole problem. 0 = never (the default: at 10 s it did not beat sharing alone on the loose DARP set;
  // see docs/benchmarks.md, "Two threads").
  int decompose_min_requests = 0;
  // Two or more threads stopped by a time limit alone walk one trajectory together: every thread
  // builds candidates from the shared current solution and offers them back (alns.h,
  // SharedTrajectory), so candidates come about twice as fast as from one thread. Such a run is
  // not repeatable (the threads' timing decides the order of offers). Given an iteration limit
  // (a repeatable run), or with this off, each thread walks its own trajectory and they share
  // their best at restarts (above).
  bool one_trajectory = true;

  // Adaptive weights: scores for a new best, a better, an accepted solution; reaction factor.
  double score_new_best = 33;
  double score_better = 9;
  double score_accepted = 13;
  double reaction = 0.1;
  int segment_length = 100;

  // Polish candidates that beat the current solution with 2-opt, 2-opt* and relocate.
  bool local_search = true;

  // Cost of leaving one request unserved, as a multiple of the largest travel distance.
  double unserved_penalty_factor = 100.0;

  // Granular neighbourhoods for large instances: with at least `granular_min_requests` requests,
  // repair, relocate and 2-opt* only try the routes holding one of a request's
  // `granular_neighbours` most related requests (and empty vehicles). 0 neighbours = never.
  int granular_neighbours = 40;
  int granular_min_requests = 400;
  // Exchange (polish): swap a request with one of its `exchange_neighbours` most related requests
  // on another route, each at its best place in the other's route. 0 = never (the default: at
  // 10 s, 10 neighbours were no better on the loose DARP set and worse on a/b, where each
  // iteration took longer; docs/benchmarks.md).
  int exchange_neighbours = 0;

  Status validate() const;
};

void to_json(nlohmann::json& json, const SolverParameters& parameters);
// Reads known keys over the defaults; unknown keys are an error (typos are caught).
Result<SolverParameters> parameters_from_json(const nlohmann::json& json);

}  // namespace sendplan::solver
