// Alns: one adaptive large neighbourhood search (Ropke & Pisinger 2006) — destroy and repair
// operators chosen by roulette on adaptive weights, simulated-annealing acceptance with a
// temperature falling with progress (time or iterations). Owns its scratch; one per thread.
// Deterministic for a given seed when only the iteration limit stops it. It may start from a given
// solution (warm_start.h): then that, completed by insertion, is the first best.
// The time limit bounds the whole run: the first construction always finishes (a plan serving
// every servable request beats none) but then nothing else starts once the time is up, and local
// search stops at the limit.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/random.h"
#include "solver/destroy/removal.h"
#include "solver/exchange.h"
#include "solver/local_search.h"
#include "solver/nearest_requests.h"
#include "solver/parameters.h"
#include "solver/repair/insertion_repair.h"
#include "solver/two_opt.h"

namespace sendplan::solver {

// The cost of leaving one request unserved in the search's Solution (penalty factor × the
// largest distance); a start handed to Alns::run must be built with it.
double unserved_penalty(const SearchModel& model, const SolverParameters& parameters);

inline constexpr int kRepairKindCount = 6;

// Adaptive operator weights, of the destroy and the repair operators: each candidate scores the
// pair that made it; every `segment_length` candidates the scores are blended into the weights.
class OperatorWeights {
 public:
  OperatorWeights();
  const std::array<double, kDestroyKindCount>& destroy() const { return destroy_.weight; }
  const std::array<double, kRepairKindCount>& repair() const { return repair_.weight; }
  // Scores the operators of the `offered`-th candidate (counting from 1).
  void record(int destroy_index, int repair_index, double score, int64_t offered,
              const SolverParameters& parameters);

 private:
  template <int N>
  struct Table {
    std::array<double, N> weight;
    std::array<double, N> score{};
    std::array<int, N> uses{};
    void end_segment(double reaction);
  };
  Table<kDestroyKindCount> destroy_;
  Table<kRepairKindCount> repair_;
};

// One search trajectory that several threads walk together (SolverParameters::one_trajectory):
// each thread takes the current solution, builds a candidate from it with its own operators and
// offers it back; the current and best solutions, the acceptance, the operator weights and the
// restarts are shared, so two threads make candidates about twice as fast as one. Which thread's
// candidate comes first depends on timing: such a run is not repeatable. Guarded by its mutex.
class SharedTrajectory {
 public:
  SharedTrajectory() = default;

 private:
  friend class Alns;
  std::mutex mutex_;
  std::optional<Solution> current_, best_;
  OperatorWeights weights_;
  double start_temperature_ = 0;
  int64_t started_iterations_ = 0;  // claimed by a thread
  int64_t offered_iterations_ = 0;  // their candidates offered back
  int epoch_ = 0;
};

struct AlnsStatistics {
  int64_t iterations = 0;
};

class Alns {
 public:
  using Clock = std::chrono::steady_clock;
  // Called about every quarter second with (iterations, best solution); during the first
  // construction with (0, the partial solution).
  using Report = std::function<void(int64_t, const Solution&)>;
  // Called at each restart (parameters.restarts) with the epoch just ended (1, 2, ...) and this
  // search's best; returns the solution to go on from (e.g. the best of cooperating searches), or
  // null to go on from this search's own best. Every epoch is announced exactly once, in order.
  using Exchange = std::function<const Solution*(int epoch, const Solution& best)>;

  Alns(const SearchModel& model, const SolverParameters& parameters, uint64_t seed);

  // Builds a first solution, then searches until the iteration or time limit. Returns the best.
  // With a `start` (of the same model, penalty unserved_penalty()), the first solution is a copy of
  // it with its unassigned requests inserted and then polished, so the result is never worse than
  // that; `start` is only read (threads may share one).
  Solution run(Clock::time_point started, const Report& report, const Solution* start = nullptr,
               const Exchange& exchange = {});
  // The same search, as one of the threads that walk `shared` together (every thread calls it
  // with the same `shared`). Returns the shared best.
  Solution run_shared(Clock::time_point started, const Report& report, const Solution* start,
                      SharedTrajectory& shared);
  const AlnsStatistics& statistics() const { return statistics_; }

 private:
  double progress(Clock::time_point started, int64_t iteration) const;
  bool out_of_time(Clock::time_point started) const;
  int removal_count(int served);
  int roulette(const double* weights, int count);
  // The first solution: `start` (or an empty one) completed by insertion, then polished.
  Solution construct(Clock::time_point started, const Report& report, const Solution* start);
  // Replaces `candidate` by a destroyed, repaired (and, when it beats `base`, polished) copy of
  // `base`.
  void propose(const Solution& base, Solution& candidate, int destroy_index, int repair_index,
               Clock::time_point started);
  // Simulated annealing: takes `candidate` as the new current (and best) or not; returns the
  // operators' score.
  double accept(const Solution& candidate, Solution& current, Solution& best, double temperature);
  double start_temperature(const Solution& first) const;
  double temperature(double start, double epoch_progress) const;
  // Local search towards a local optimum of 2-opt, 2-opt*, relocate and exchange, over the routes
  // that differ from `reference` (all routes when null) and those the search itself changes.
  void polish(Solution& solution, const Solution* reference, Clock::time_point started);
  Clock::time_point deadline(Clock::time_point started) const;

  const SearchModel* model_;
  SolverParameters parameters_;
  std::unique_ptr<NearestRequests> nearest_;  // granular neighbourhoods; null for small instances
  Random random_;
  RouteEvaluator evaluator_;
  InsertionEvaluator inserter_;
  InsertionRepair repair_;
  RelocateSearch relocate_;
  std::unique_ptr<NearestRequests> exchange_nearest_;  // null when exchange is off
  std::unique_ptr<ExchangeSearch> exchange_;
  TwoOptSearch two_opt_;
  DestroyContext context_;
  AlnsStatistics statistics_;
  std::vector<int> touched_;            // scratch of polish
  std::vector<uint64_t> seen_version_;  // per vehicle: its route's version at a polish round
};

}  // namespace sendplan::solver
