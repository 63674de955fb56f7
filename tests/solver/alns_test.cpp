// The search as solve() runs it: a time limit shorter than the first construction still gives a
// plan serving everyone (and no iteration starts), progress is reported while the construction
// runs, and a seeded run stopped by its iteration limit is repeatable with granular
// neighbourhoods switched on; restarts announce each epoch once and adopt a better shared solution;
// threads on one trajectory share its best and, together, stop at the iteration limit.
#include "solver/alns.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/random.h"
#include "solver/parallel_search.h"
#include "solver/plan_check.h"
#include "solver/problem_builder.h"
#include "solver/search_model.h"
#include "solver/solve.h"

namespace sendplan::solver {
namespace {

// n requests with wide windows and no ride limit, and a vehicle for each: all can be served.
model::Problem roomy(int n, uint64_t seed) {
  Random random(seed);
  model::ProblemData data = testing::random_problem(random, n, 1000, model::kUnlimited);
  data.vehicle_types[0].count = n;
  for (model::Request& request : data.requests) {
    request.pickup.ready = request.delivery.ready = 0;
    request.pickup.due = request.delivery.due = 600;
  }
  return model::Problem::create(data).value();
}

TEST(Solve, FinishesTheConstructionButStartsNoIterationAfterTheTimeLimit) {
  const model::Problem problem = roomy(300, 1);
  SolverParameters parameters;
  parameters.time_limit_seconds = 1e-6;
  const model::Plan plan = solve(problem, parameters);
  EXPECT_EQ(plan.statistics.iterations, 0);
  EXPECT_TRUE(plan.unserved.empty())
      << plan.unserved.size() << " unserved, e.g. " << plan.unserved[0].reason;
}

TEST(Solve, ReportsProgressWhileTheFirstConstructionRuns) {
  const model::Problem problem = roomy(300, 2);
  SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = 1;
  std::vector<Progress> reports;
  solve(problem, parameters, [&](const Progress& progress) { reports.push_back(progress); });
  ASSERT_FALSE(reports.empty());
  // The first comes before every request is in (iteration 0, some still unserved).
  EXPECT_EQ(reports.front().iterations, 0);
  EXPECT_GT(reports.front().best_unserved, 0);
  EXPECT_LT(reports.front().best_unserved, 300);
  EXPECT_EQ(reports.back().best_unserved, 0);
}

TEST(Solve, GranularRunsAreRepeatableUnderAnIterationLimit) {
  const model::Problem problem = roomy(80, 3);
  SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = 150;
  parameters.granular_neighbours = 10;
  parameters.granular_min_requests = 50;
  const model::Plan first = solve(problem, parameters);
  const model::Plan second = solve(problem, parameters);
  EXPECT_EQ(first.cost, second.cost);
  ASSERT_EQ(first.routes.size(), second.routes.size());
  for (size_t i = 0; i < first.routes.size(); ++i) {
    ASSERT_EQ(first.routes[i].stops.size(), second.routes[i].stops.size()) << "route " << i;
    for (size_t s = 0; s < first.routes[i].stops.size(); ++s) {
      EXPECT_EQ(first.routes[i].stops[s].request, second.routes[i].stops[s].request);
      EXPECT_EQ(first.routes[i].stops[s].is_pickup, second.routes[i].stops[s].is_pickup);
    }
  }
}

// Restarts: an iteration-limited run announces each epoch once, in order, at the iterations that
// cut the run into equal parts; the search goes on from the solution the exchange hands back when
// that is better, and from its own best otherwise; the result is never worse than what it was
// handed.
TEST(Alns, RestartsAnnounceEveryEpochOnceAndAdoptABetterSharedSolution) {
  const model::Problem problem = roomy(40, 4);
  const SearchModel model(problem);
  SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = 200;
  parameters.restarts = 3;

  // A better solution to hand over: a longer run from another seed.
  SolverParameters longer = parameters;
  longer.max_iterations = 2000;
  longer.restarts = 0;
  const Solution good = Alns(model, longer, 99).run(Alns::Clock::now(), {});

  std::vector<int> epochs;
  Alns search(model, parameters, 1);
  const Solution result = search.run(Alns::Clock::now(), {}, nullptr,
                                     [&](int epoch, const Solution&) -> const Solution* {
                                       epochs.push_back(epoch);
                                       return epoch == 2 ? &good : nullptr;
                                     });
  EXPECT_EQ(epochs, (std::vector<int>{1, 2, 3}));
  EXPECT_LE(result.cost(), good.cost() + 1e-9);
  EXPECT_EQ(search.statistics().iterations, 200);
}

// Two threads stopped by a time limit alone walk one trajectory and give a feasible plan; given an
// iteration limit they walk their own (repeatable) ways, each up to the limit.
TEST(Solve, TwoThreadsWalkOneTrajectoryUnlessAnIterationLimitIsGiven) {
  const model::Problem problem = roomy(60, 5);
  SolverParameters parameters;
  parameters.time_limit_seconds = 0.3;
  parameters.threads = 2;
  ASSERT_TRUE(uses_one_trajectory(parameters));
  const model::Plan plan = solve(problem, parameters);
  EXPECT_EQ(testing::check_plan(problem, plan), "");
  EXPECT_TRUE(plan.unserved.empty());
  EXPECT_GT(plan.statistics.iterations, 0);
  EXPECT_EQ(plan.statistics.threads, 2);

  parameters.one_trajectory = false;
  EXPECT_FALSE(uses_one_trajectory(parameters));
  parameters.one_trajectory = true;
  parameters.time_limit_seconds = 600;
  parameters.max_iterations = 300;
  EXPECT_FALSE(uses_one_trajectory(parameters));
  const model::Plan separate = solve(problem, parameters);
  EXPECT_EQ(separate.statistics.iterations, 2 * 300);
  EXPECT_EQ(testing::stop_sequences(separate), testing::stop_sequences(solve(problem, parameters)));
}

// Each thread returns the shared best: the same solution, no worse than the best first solution
// any of them built; the threads' iterations add up to the limit.
TEST(Alns, ThreadsOnOneTrajectoryReturnTheSharedBest) {
  const model::Problem problem = roomy(50, 6);
  const SearchModel model(problem);
  SolverParameters parameters;
  parameters.time_limit_seconds = 600;
  parameters.max_iterations = 300;
  SolverParameters construction_only = parameters;
  construction_only.max_iterations = 0;
  construction_only.time_limit_seconds = 1e-9;
  const double first_a = Alns(model, construction_only, 11).run(Alns::Clock::now(), {}).cost();
  const double first_b = Alns(model, construction_only, 12).run(Alns::Clock::now(), {}).cost();

  SharedTrajectory shared;
  Alns a(model, parameters, 11), b(model, parameters, 12);
  std::optional<Solution> from_a, from_b;
  const auto started = Alns::Clock::now();
  std::thread other([&] { from_b = b.run_shared(started, {}, nullptr, shared); });
  from_a = a.run_shared(started, {}, nullptr, shared);
  other.join();
  EXPECT_EQ(from_a->cost(), from_b->cost());
  for (int v = 0; v < model.vehicle_count(); ++v)
    EXPECT_EQ(from_a->route(v).stops, from_b->route(v).stops) << "route " << v;
  EXPECT_LE(from_a->cost(), std::min(first_a, first_b) + 1e-9);
  EXPECT_EQ(a.statistics().iterations + b.statistics().iterations, 300);
}

// The stop flag ends a shared run as it ends a single one.
TEST(Alns, AStopFlagEndsThreadsOnOneTrajectory) {
  const model::Problem problem = roomy(30, 7);
  const SearchModel model(problem);
  std::atomic<bool> stop{true};
  SolverParameters parameters;
  parameters.time_limit_seconds = 600;
  parameters.stop = &stop;
  SharedTrajectory shared;
  Alns search(model, parameters, 1);
  const Solution result = search.run_shared(Alns::Clock::now(), {}, nullptr, shared);
  EXPECT_EQ(search.statistics().iterations, 0);
  EXPECT_TRUE(result.unassigned().empty());
}

}  // namespace
}  // namespace sendplan::solver
