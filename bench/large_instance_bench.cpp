// Micro-benchmarks on large random school-run instances (the scale of one borough's run, which
// the standard benchmark instances never reach: ~1,500 requests and ~1,500 vehicle slots):
//   BM_LargeConstruction — the first construction (regret-2 insertion from an empty solution);
//   BM_LargeAlnsRun      — a whole seeded ALNS run: construction, polish and 100 iterations.
// The instance: homes spread over a 40 x 40 minute square, one school per 70 pupils, arrival
// windows before the bell, ride limits of 45 or 75 minutes, 12 % wheelchair users; taxis, WAVs and
// minibuses, each with and without a passenger assistant under one fleet limit, fixed costs
// dominating. Travel time = Euclidean distance (minutes). Run:
//   build/bench/sendplan_microbench --benchmark_filter=Large --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "core/random.h"
#include "solver/alns.h"
#include "solver/repair/insertion_repair.h"

namespace sendplan::bench {
namespace {

constexpr uint64_t kInstanceSeed = 2026;
constexpr int64_t kLargeRunIterations = 100;

struct VehicleSpec {
  const char* name;
  int seats, wheelchairs, available;
  double fixed_cost, cost_per_distance;
};

model::ProblemData school_runs(int pupils) {
  Random random(kInstanceSeed + static_cast<uint64_t>(pupils));
  model::ProblemData data;
  data.name = "school-runs-" + std::to_string(pupils);
  data.load_dimensions = 3;
  data.load_dimension_names = {"seats", "wheelchair spaces", "assisted"};
  data.coordinates.push_back({20, 20});  // depot
  const int schools = std::max(3, pupils / 70);
  std::vector<double> bell;
  for (int s = 0; s < schools; ++s) {
    data.coordinates.push_back({random.unit() * 40, random.unit() * 40});
    bell.push_back(510 + 15 * random.below(5));  // 08:30 .. 09:30
  }
  for (int p = 0; p < pupils; ++p) {
    data.coordinates.push_back({random.unit() * 40, random.unit() * 40});
    const int school = static_cast<int>(random.below(static_cast<uint32_t>(schools)));
    const bool wheelchair = random.chance(0.12);
    model::Request request;
    request.name = "P" + std::to_string(p);
    request.kind = model::RequestKind::kPickupDelivery;
    const double boarding = wheelchair ? 5 : 2;
    request.pickup = {1 + schools + p, 330, bell[school], boarding, 1 + p};
    request.delivery = {1 + school, bell[school] - 30, bell[school] - boarding, boarding,
                        1 + pupils + p};
    request.load.amount[wheelchair ? 1 : 0] = 1;
    if (random.chance(0.3)) request.load.amount[2] = 1;  // needs a passenger assistant
    request.max_ride_time = random.chance(0.5) ? 45 : 75;
    data.requests.push_back(request);
  }
  const VehicleSpec specs[] = {{"taxi", 4, 0, pupils / 3, 65, 2.2},
                               {"wav", 5, 1, pupils / 10, 95, 2.6},
                               {"minibus", 12, 3, pupils / 12, 210, 1.8}};
  for (const VehicleSpec& spec : specs) {
    model::FleetLimit limit{spec.name, spec.available, {}};
    for (bool assistant : {false, true}) {
      model::VehicleType type;
      type.name = std::string(spec.name) + (assistant ? " with assistant" : "");
      type.count = spec.available;
      type.capacity.amount[0] = assistant ? spec.seats - 1 : spec.seats;
      type.capacity.amount[1] = spec.wheelchairs;
      type.capacity.amount[2] = assistant ? spec.seats + spec.wheelchairs : 0;
      type.shift_start = 330;
      type.shift_end = 660;
      type.fixed_cost = spec.fixed_cost + (assistant ? 90 : 0);
      type.cost_per_distance = spec.cost_per_distance;
      limit.vehicle_types.push_back(static_cast<int>(data.vehicle_types.size()));
      data.vehicle_types.push_back(type);
    }
    data.fleet_limits.push_back(limit);
  }
  model::fill_euclidean_matrices(data);
  return data;
}

struct LargeFixture {
  std::unique_ptr<model::Problem> problem;
  std::unique_ptr<solver::SearchModel> model;
};

const LargeFixture& large_fixture(int pupils) {
  static std::map<int, LargeFixture> cache;
  if (auto it = cache.find(pupils); it != cache.end()) return it->second;
  LargeFixture f;
  f.problem = std::make_unique<model::Problem>(model::Problem::create(school_runs(pupils)).value());
  f.model = std::make_unique<solver::SearchModel>(*f.problem);
  return cache.emplace(pupils, std::move(f)).first->second;
}

void BM_LargeConstruction(benchmark::State& state) {
  const LargeFixture& f = large_fixture(static_cast<int>(state.range(0)));
  solver::RouteEvaluator evaluator(*f.model);
  solver::InsertionEvaluator inserter(evaluator);
  solver::InsertionRepair repair(inserter);
  Random random(1);
  double cost = 0, routes = 0, unserved = 0;
  for (auto _ : state) {
    solver::Solution solution(*f.model, 1e6);
    repair.repair(solution, solver::RepairKind{2, false}, random, 0);
    benchmark::DoNotOptimize(solution);
    cost = solution.routes_cost();
    routes = solution.vehicles_used();
    unserved = static_cast<double>(solution.unassigned().size());
  }
  state.counters["vehicle slots"] = f.model->vehicle_count();
  state.counters["routes"] = routes;
  state.counters["unserved"] = unserved;
  state.counters["cost"] = cost;
}

void BM_LargeAlnsRun(benchmark::State& state) {
  const LargeFixture& f = large_fixture(static_cast<int>(state.range(0)));
  solver::SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = kLargeRunIterations;
  double cost = 0, routes = 0;
  for (auto _ : state) {
    solver::Alns alns(*f.model, parameters, parameters.seed);
    const solver::Solution best = alns.run(solver::Alns::Clock::now(), {});
    benchmark::DoNotOptimize(best);
    cost = best.routes_cost();
    routes = best.vehicles_used();
  }
  state.counters["routes"] = routes;
  state.counters["cost"] = cost;
}

BENCHMARK(BM_LargeConstruction)->Arg(500)->Arg(1500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LargeAlnsRun)->Arg(1500)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace sendplan::bench
