#include "solver/parallel_search.h"

#include <algorithm>
#include <barrier>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "solver/decomposition.h"
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
// post overwrites a slot still being read. At every other restart of a large enough problem the
// threads then split the work (decomposition.h): the best is cut into one part per thread, each
// searches its part for one epoch, all wait, and each puts the same parts back together. Every
// thread takes the same path, as it depends only on the epoch and the shared best. A search that
// ends leaves the barrier, so none waits for it; a part nobody searched stays as it was.
class BestBoard {
 public:
  BestBoard(const SolverParameters& parameters, Alns::Clock::time_point started)
      : threads_(parameters.threads),
        parameters_(parameters),
        started_(started),
        slots_(threads_),
        chosen_(threads_),
        part_stops_(threads_),
        part_epoch_(threads_, -1),
        part_iterations_(threads_, 0),
        barrier_(threads_) {}

  const Solution* exchange(int thread, int epoch, const Solution& best) {
    slots_[thread] = &best;
    barrier_.arrive_and_wait();
    const Solution* winner = nullptr;
    for (const Solution* posted : slots_)
      if (posted != nullptr && (winner == nullptr || posted->cost() < winner->cost()))
        winner = posted;
    chosen_[thread] = *winner;
    barrier_.arrive_and_wait();
    slots_[thread] = nullptr;
    if (split_this_epoch(epoch, *chosen_[thread])) split_work(thread, epoch);
    return &*chosen_[thread];
  }
  // Called once by each search when it ends (its slot is already empty).
  void leave() { barrier_.arrive_and_drop(); }
  int64_t part_iterations(int thread) const { return part_iterations_[thread]; }

 private:
  bool split_this_epoch(int epoch, const Solution& shared) const {
    return epoch % 2 == 1 && parameters_.decompose_min_requests > 0 &&
           shared.request_count() >= parameters_.decompose_min_requests &&
           static_cast<int>(shared.used_routes().size()) >= 2 * threads_;
  }

  void split_work(int thread, int epoch) {
    const Solution& shared = *chosen_[thread];
    const std::vector<std::vector<int>> parts = split_routes(shared, threads_, epoch / 2);
    SolverParameters own = parameters_;
    const int epochs = parameters_.restarts + 1;
    if (parameters_.max_iterations > 0)
      own.max_iterations = std::max<int64_t>(1, parameters_.max_iterations / epochs);
    if (parameters_.time_limit_seconds > 0) {
      const double elapsed = std::chrono::duration<double>(Alns::Clock::now() - started_).count();
      own.time_limit_seconds = std::clamp(parameters_.time_limit_seconds - elapsed, 1e-3,
                                          std::max(1e-3, parameters_.time_limit_seconds / epochs));
    }
    part_stops_[thread] = improve_part(
        shared, parts[thread], own, parameters_.seed + 7919 * static_cast<uint64_t>(epoch) + thread,
        &part_iterations_[thread]);
    part_epoch_[thread] = epoch;
    barrier_.arrive_and_wait();
    std::vector<int> vehicles;
    std::vector<std::vector<int>> stops;
    for (int t = 0; t < threads_; ++t) {
      if (part_epoch_[t] != epoch) continue;  // that search has ended
      vehicles.insert(vehicles.end(), parts[t].begin(), parts[t].end());
      stops.insert(stops.end(), part_stops_[t].begin(), part_stops_[t].end());
    }
    chosen_[thread] = merge_routes(shared, vehicles, stops);
    // No second wait: part_stops_ is written again only at a later split, which every thread
    // reaches through the waits of that exchange, after it has merged this one.
  }

  int threads_;
  SolverParameters parameters_;
  Alns::Clock::time_point started_;
  std::vector<const Solution*> slots_;
  std::vector<std::optional<Solution>> chosen_;
  std::vector<std::vector<std::vector<int>>> part_stops_;
  std::vector<int> part_epoch_;
  std::vector<int64_t> part_iterations_;
  std::barrier<> barrier_;
};

}  // namespace

bool uses_one_trajectory(const SolverParameters& parameters) {
  return parameters.one_trajectory && parameters.time_limit_seconds > 0 &&
         parameters.max_iterations == 0;
}

model::Plan parallel_search(const SearchModel& model, const SolverParameters& parameters,
                            const Solution* start, const ProgressCallback& on_progress,
                            Alns::Clock::time_point started) {
  const int threads = parameters.threads;
  ProgressAggregator aggregator(threads, on_progress, started);

  std::vector<std::optional<Solution>> results(threads);
  std::vector<int64_t> iterations(threads, 0);
  BestBoard board(parameters, started);
  SharedTrajectory trajectory;
  const bool one_trajectory = threads > 1 && uses_one_trajectory(parameters);
  auto work = [&](int t) {
    Alns search(model, parameters, parameters.seed + static_cast<uint64_t>(t));
    auto report = [&](int64_t it, const Solution& best) { aggregator.update(t, it, best); };
    if (one_trajectory) {
      results[t] = search.run_shared(started, report, start, trajectory);
      iterations[t] = search.statistics().iterations;
      return;
    }
    Alns::Exchange exchange;
    if (threads > 1)
      exchange = [&board, t](int epoch, const Solution& best) {
        return board.exchange(t, epoch, best);
      };
    results[t] = search.run(started, report, start, exchange);
    board.leave();
    iterations[t] = search.statistics().iterations + board.part_iterations(t);
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
