// The search as solve() runs it: a time limit shorter than the first construction still gives a
// plan serving everyone (and no iteration starts), progress is reported while the construction
// runs, and a seeded run stopped by its iteration limit is repeatable with granular
// neighbourhoods switched on; restarts announce each epoch once and adopt a better shared solution.
#include "solver/alns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/random.h"
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

}  // namespace
}  // namespace sendplan::solver
