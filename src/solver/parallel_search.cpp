#include "solver/parallel_search.h"

#include <barrier>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "solver/plan_builder.h"

namespace sendplan::solver {

namespace {

// Collects each thread's best and reports the overall best, from whichever thread calls.
class ProgressAggregator {
 public:
  ProgressAggregator(int threads, const ProgressCallback& callback, Alns::Clock::time_point started)
      : best_cost_(threads, 0),
        unserved_(threads, 0),
        iterations_(threads, 0),
        callback_(callback),
        started_(started) {}

  void update(int thread, int64_t iterations, const Solution& best) {
    if (!callback_) return;
    std::lock_guard lock(mutex_);
    best_cost_[thread] = best.routes_cost();
    unserved_[thread] = static_cast<int>(best.unassigned().size());
    iterations_[thread] = iterations;
    Progress progress;
    progress.elapsed_seconds = std::chrono::duration<double>(Alns::Clock::now() - started_).count();
    int best_thread = 0;
    for (size_t t = 0; t < best_cost_.size(); ++t) {
      progress.iterations += iterations_[t];
      if (iterations_[t] == 0) continue;
      if (iterations_[best_thread] == 0 || unserved_[t] < unserved_[best_thread] ||
          (unserved_[t] == unserved_[best_thread] && best_cost_[t] < best_cost_[best_thread]))
        best_thread = static_cast<int>(t);
    }
    progress.best_cost = best_cost_[best_thread];
    progress.best_unserved = unserved_[best_thread];
    callback_(progress);
  }

 private:
  std::mutex mutex_;
  std::vector<double> best_cost_;
  std::vector<int> unserved_;
  std::vector<int64_t> iterations_;
  const ProgressCallback& callback_;
  Alns::Clock::time_point started_;
};

// Cooperation at restarts: each search posts its best, all wait, each goes on from the best posted
// (ties to the lowest thread: deterministic under an iteration limit), all wait again so that no
// post overwrites a slot still being read. A search that ends leaves the barrier, so none waits
// for it.
class BestBoard {
 public:
  explicit BestBoard(int threads) : slots_(threads), chosen_(threads), barrier_(threads) {}

  const Solution* exchange(int thread, const Solution& best) {
    slots_[thread] = &best;
    barrier_.arrive_and_wait();
    const Solution* winner = nullptr;
    for (const Solution* posted : slots_)
      if (posted != nullptr && (winner == nullptr || posted->cost() < winner->cost()))
        winner = posted;
    chosen_[thread] = *winner;
    barrier_.arrive_and_wait();
    slots_[thread] = nullptr;
    return &*chosen_[thread];
  }
  // Called once by each search when it ends (its slot is already empty).
  void leave() { barrier_.arrive_and_drop(); }

 private:
  std::vector<const Solution*> slots_;
  std::vector<std::optional<Solution>> chosen_;
  std::barrier<> barrier_;
};

}  // namespace

model::Plan parallel_search(const SearchModel& model, const SolverParameters& parameters,
                            const Solution* start, const ProgressCallback& on_progress,
                            Alns::Clock::time_point started) {
  const int threads = parameters.threads;
  ProgressAggregator aggregator(threads, on_progress, started);

  std::vector<std::optional<Solution>> results(threads);
  std::vector<int64_t> iterations(threads, 0);
  BestBoard board(threads);
  auto work = [&](int t) {
    Alns search(model, parameters, parameters.seed + static_cast<uint64_t>(t));
    Alns::Exchange exchange;
    if (threads > 1)
      exchange = [&board, t](int, const Solution& best) { return board.exchange(t, best); };
    results[t] = search.run(
        started, [&](int64_t it, const Solution& best) { aggregator.update(t, it, best); }, start,
        exchange);
    board.leave();
    iterations[t] = search.statistics().iterations;
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (std::thread& thread : pool) thread.join();
  }

  // The best over threads; ties go to the lowest thread index (deterministic).
  int best = 0;
  for (int t = 1; t < threads; ++t)
    if (results[t]->cost() < results[best]->cost()) best = t;
  model::Plan plan = build_plan(model, *results[best]);
  for (int64_t it : iterations) plan.statistics.iterations += it;
  plan.statistics.elapsed_seconds =
      std::chrono::duration<double>(Alns::Clock::now() - started).count();
  plan.statistics.threads = threads;
  plan.statistics.seed = parameters.seed;
  return plan;
}

}  // namespace sendplan::solver
