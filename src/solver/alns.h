// Alns: one adaptive large neighbourhood search (Ropke & Pisinger 2006) — destroy and repair
// operators chosen by roulette on adaptive weights, simulated-annealing acceptance with a
// temperature falling with progress (time or iterations). Owns its scratch; one per thread.
// Deterministic for a given seed when only the iteration limit stops it.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>

#include "core/random.h"
#include "solver/destroy/removal.h"
#include "solver/local_search.h"
#include "solver/parameters.h"
#include "solver/repair/insertion_repair.h"
#include "solver/two_opt.h"

namespace sendplan::solver {

struct AlnsStatistics {
  int64_t iterations = 0;
};

class Alns {
 public:
  using Clock = std::chrono::steady_clock;
  // Called about every quarter second with (iterations, best solution).
  using Report = std::function<void(int64_t, const Solution&)>;

  Alns(const SearchModel& model, const SolverParameters& parameters, uint64_t seed);

  // Builds a first solution, then searches until the iteration or time limit. Returns the best.
  Solution run(Clock::time_point started, const Report& report);
  const AlnsStatistics& statistics() const { return statistics_; }

 private:
  double progress(Clock::time_point started, int64_t iteration) const;
  int removal_count(int served);
  int roulette(const double* weights, int count);
  // Local search to a local optimum of 2-opt, 2-opt* and relocate.
  void polish(Solution& solution);

  const SearchModel* model_;
  SolverParameters parameters_;
  Random random_;
  RouteEvaluator evaluator_;
  InsertionEvaluator inserter_;
  InsertionRepair repair_;
  RelocateSearch relocate_;
  TwoOptSearch two_opt_;
  AlnsStatistics statistics_;
};

}  // namespace sendplan::solver
