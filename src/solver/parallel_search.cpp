#include "solver/parallel_search.h"

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

}  // namespace

model::Plan parallel_search(const SearchModel& model, const SolverParameters& parameters,
                            const Solution* start, const ProgressCallback& on_progress,
                            Alns::Clock::time_point started) {
  const int threads = parameters.threads;
  ProgressAggregator aggregator(threads, on_progress, started);

  std::vector<std::optional<Solution>> results(threads);
  std::vector<int64_t> iterations(threads, 0);
  auto work = [&](int t) {
    Alns search(model, parameters, parameters.seed + static_cast<uint64_t>(t));
    results[t] = search.run(
        started, [&](int64_t it, const Solution& best) { aggregator.update(t, it, best); }, start);
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
