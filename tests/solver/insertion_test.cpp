#include "solver/insertion.h"

#include <gtest/gtest.h>

#include <limits>

#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

// Exhaustive reference: try every pickup/delivery position pair with the exact evaluator.
double brute_force_best(const SearchModel& model, RouteEvaluator& evaluator, const Route& route,
                        int r) {
  double best = std::numeric_limits<double>::infinity();
  const int k = route.size();
  RouteSchedule schedule;
  for (int i = 0; i <= k; ++i) {
    for (int j = i; j <= k; ++j) {
      std::vector<int> sequence;
      for (int p = 0; p <= k; ++p) {
        if (p > 0) sequence.push_back(route.stops[p - 1]);
        if (p == i) sequence.push_back(pickup_stop(r));
        if (p == j) sequence.push_back(delivery_stop(r));
      }
      if (evaluator.evaluate(route.vehicle, sequence.data(), static_cast<int>(sequence.size()),
                             schedule))
        best = std::min(best, schedule.cost - route.cost());
    }
  }
  (void)model;
  return best;
}

// The O(1) filters never discard the best feasible insertion: on random routes, best() finds
// exactly the cheapest insertion an exhaustive exact search finds (or both find none).
TEST(InsertionEvaluator, MatchesExhaustiveSearchOnRandomRoutes) {
  Random random(99);
  int found = 0, none = 0;
  for (int trial = 0; trial < 200; ++trial) {
    auto problem = model::Problem::create(testing::random_problem(random, 8, 150, 15 + trial % 25));
    ASSERT_TRUE(problem.ok());
    SearchModel model(problem.value());
    RouteEvaluator evaluator(model);
    InsertionEvaluator inserter(evaluator);
    // Build a route by inserting requests 0..6 greedily, then test request 7 and the rest.
    Route route;
    route.vehicle = 0;
    refresh(route, evaluator);
    for (int r = 0; r < 8; ++r) {
      const Insertion fast = inserter.best(r, route);
      const double slow = brute_force_best(model, evaluator, route, r);
      if (std::isinf(slow)) {
        EXPECT_FALSE(fast.feasible()) << "trial " << trial << " request " << r;
        ++none;
        continue;
      }
      ASSERT_TRUE(fast.feasible()) << "trial " << trial << " request " << r;
      EXPECT_NEAR(fast.cost, slow, 1e-9) << "trial " << trial << " request " << r;
      ++found;
      if (random.chance(0.7)) inserter.apply(r, fast, route);
    }
  }
  EXPECT_GT(found, 300);
  EXPECT_GT(none, 50);
}

}  // namespace
}  // namespace sendplan::solver
