// Micro-benchmarks of the dial-a-ride solver's hot paths on real instances (see bench_instances.h):
//   BM_RouteEvaluate      — RouteEvaluator::evaluate of every non-empty route of a solution;
//   BM_BestInsertion      — InsertionEvaluator::best of every request into every non-empty route
//                           (its own route with it removed first);
//   BM_RepairAfterRemoval — remove 10% of the served requests (untimed), regret-2 repair (timed);
//   BM_AlnsIterations     — a whole seeded ALNS run of 200 iterations from scratch.
// Times are CPU time of the benchmark thread. DoNotOptimize is only given const values or whole
// objects: with GCC 12 and benchmark 1.7.1 its "+m,r" form garbled a double that was read after.
// Run:
//   build/bench/sendplan_microbench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "bench_instances.h"
#include "core/random.h"
#include "solver/alns.h"
#include "solver/insertion.h"
#include "solver/repair/insertion_repair.h"
#include "solver/route_evaluator.h"

namespace sendplan::bench {
namespace {

using solver::Route;

constexpr int64_t kAlnsRunIterations = 200;
constexpr double kRepairRemovalFraction = 0.10;
constexpr uint64_t kRemovalSeed = 777;
constexpr double kNoiseFraction = 0.025;  // as in Alns (unused by plain regret-2)

// The fixture, or nullptr after marking the benchmark skipped.
const Fixture* fixture_or_skip(benchmark::State& state, size_t index) {
  std::string error;
  const Fixture* f = fixture(index, error);
  if (f == nullptr) state.SkipWithError(("cannot read instance: " + error).c_str());
  return f;
}

std::vector<const Route*> non_empty_routes(const solver::Solution& solution) {
  std::vector<const Route*> routes;
  for (const Route& route : solution.routes())
    if (!route.empty()) routes.push_back(&route);
  return routes;
}

void BM_RouteEvaluate(benchmark::State& state, size_t index) {
  const Fixture* f = fixture_or_skip(state, index);
  if (f == nullptr) return;
  const std::vector<const Route*> routes = non_empty_routes(*f->solution);
  solver::RouteEvaluator evaluator(*f->model);
  solver::RouteSchedule schedule;
  int64_t stops = 0;
  for (const Route* route : routes) {
    stops += route->size();
    if (!evaluator.evaluate(route->vehicle, route->stops.data(), route->size(), schedule)) {
      state.SkipWithError("a route of the fixture solution is infeasible");
      return;
    }
  }

  for (auto _ : state) {
    for (const Route* route : routes) {
      const bool feasible =
          evaluator.evaluate(route->vehicle, route->stops.data(), route->size(), schedule);
      benchmark::DoNotOptimize(feasible);
      benchmark::DoNotOptimize(schedule);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(routes.size()));
  state.counters["routes"] = static_cast<double>(routes.size());
  state.counters["stops/route"] =
      routes.empty() ? 0.0 : static_cast<double>(stops) / static_cast<double>(routes.size());
}

void BM_BestInsertion(benchmark::State& state, size_t index) {
  const Fixture* f = fixture_or_skip(state, index);
  if (f == nullptr) return;
  const solver::Solution& solution = *f->solution;
  solver::RouteEvaluator evaluator(*f->model);
  solver::InsertionEvaluator inserter(evaluator);

  // Each served request's own route without it (built untimed).
  std::vector<Route> own_route_without(solution.request_count());
  std::vector<char> has_own_route(solution.request_count(), 0);
  for (int r = 0; r < solution.request_count(); ++r) {
    const int v = solution.route_of(r);
    if (v < 0) continue;
    Route reduced = solution.route(v);
    std::erase_if(reduced.stops, [r](int s) { return solver::request_of(s) == r; });
    if (!solver::refresh(reduced, evaluator)) continue;  // only without the triangle inequality
    own_route_without[r] = std::move(reduced);
    has_own_route[r] = 1;
  }
  struct Task {
    int request;
    const Route* route;
  };
  std::vector<Task> tasks;
  for (int r = 0; r < solution.request_count(); ++r) {
    for (const Route* route : non_empty_routes(solution)) {
      if (route->vehicle != solution.route_of(r))
        tasks.push_back({r, route});
      else if (has_own_route[r])
        tasks.push_back({r, &own_route_without[r]});
    }
  }

  int64_t feasible = 0;
  for (auto _ : state) {
    for (const Task& task : tasks) {
      const solver::Insertion insertion = inserter.best(task.request, *task.route);
      feasible += insertion.feasible() ? 1 : 0;
      benchmark::DoNotOptimize(insertion.cost);
    }
  }
  const double done = static_cast<double>(state.iterations()) * static_cast<double>(tasks.size());
  state.counters["insertions/s"] = benchmark::Counter(done, benchmark::Counter::kIsRate);
  state.counters["pairs"] = static_cast<double>(tasks.size());
  state.counters["feasible"] = done > 0 ? static_cast<double>(feasible) / done : 0.0;
}

void BM_RepairAfterRemoval(benchmark::State& state, size_t index) {
  const Fixture* f = fixture_or_skip(state, index);
  if (f == nullptr) return;
  const solver::Solution& solution = *f->solution;
  solver::RouteEvaluator evaluator(*f->model);
  solver::InsertionEvaluator inserter(evaluator);
  solver::InsertionRepair repair(inserter);
  Random random(kRemovalSeed);
  const double noise = kNoiseFraction * f->model->max_distance();
  const int to_remove =
      std::max(1, static_cast<int>(std::lround(kRepairRemovalFraction * solution.request_count())));

  std::vector<int> served;
  for (int r = 0; r < solution.request_count(); ++r)
    if (solution.route_of(r) >= 0) served.push_back(r);
  const int removed = std::min(to_remove, static_cast<int>(served.size()));

  solver::Solution work = solution;
  double unserved_after = 0;
  for (auto _ : state) {
    state.PauseTiming();
    work = solution;
    for (int i = 0; i < removed; ++i) {  // partial Fisher-Yates: `removed` distinct requests
      const int j = i + static_cast<int>(random.below(static_cast<uint32_t>(served.size() - i)));
      std::swap(served[i], served[j]);
      work.remove(served[i], evaluator);
    }
    state.ResumeTiming();
    repair.repair(work, solver::RepairKind{2, false}, random, noise);
    benchmark::DoNotOptimize(work.cost());
    unserved_after += static_cast<double>(work.unassigned().size());
  }
  state.counters["repairs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["removed"] = static_cast<double>(removed);
  state.counters["unserved"] =
      state.iterations() > 0 ? unserved_after / static_cast<double>(state.iterations()) : 0.0;
}

void BM_AlnsIterations(benchmark::State& state, size_t index) {
  const Fixture* f = fixture_or_skip(state, index);
  if (f == nullptr) return;
  const solver::SolverParameters parameters =
      fixed_iteration_parameters(kAlnsRunIterations, kFixtureSeed);
  int64_t iterations = 0;
  double cost = 0;
  for (auto _ : state) {
    solver::Alns alns(*f->model, parameters, parameters.seed);
    const solver::Solution best = alns.run(solver::Alns::Clock::now(), {});
    iterations += alns.statistics().iterations;
    benchmark::DoNotOptimize(best);
    cost = best.routes_cost();
  }
  state.counters["iterations/s"] =
      benchmark::Counter(static_cast<double>(iterations), benchmark::Counter::kIsRate);
  state.counters["cost"] = cost;
}

void register_benchmarks() {
  const std::vector<InstanceSpec>& specs = instance_specs();
  for (size_t i = 0; i < specs.size(); ++i)
    benchmark::RegisterBenchmark(("BM_RouteEvaluate/" + specs[i].name).c_str(), BM_RouteEvaluate, i)
        ->Unit(benchmark::kMicrosecond);
  for (size_t i = 0; i < specs.size(); ++i)
    benchmark::RegisterBenchmark(("BM_BestInsertion/" + specs[i].name).c_str(), BM_BestInsertion, i)
        ->Unit(benchmark::kMicrosecond);
  for (size_t i = 0; i < specs.size(); ++i)
    benchmark::RegisterBenchmark(("BM_RepairAfterRemoval/" + specs[i].name).c_str(),
                                 BM_RepairAfterRemoval, i)
        ->Unit(benchmark::kMicrosecond);
  for (size_t i = 0; i < specs.size(); ++i)
    benchmark::RegisterBenchmark(("BM_AlnsIterations/" + specs[i].name).c_str(), BM_AlnsIterations,
                                 i)
        ->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace sendplan::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  sendplan::bench::register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
