#include "solver/insertion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>

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

// Makes the matrices asymmetric: the way back between two places takes up to 20 % longer.
void skew(model::ProblemData& data, Random& random) {
  const size_t n = data.coordinates.size();  // one per location (Euclidean test problems)
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < a; ++b) {
      const double factor = 1 + 0.2 * random.unit();
      data.distances[a * n + b] *= factor;
      data.travel_times[a * n + b] *= factor;
    }
  }
}

// A test problem with its engine objects and an empty route on vehicle 0.
struct RouteBench {
  explicit RouteBench(model::ProblemData data)
      : problem(model::Problem::create(std::move(data)).value()),
        model(problem),
        evaluator(model),
        inserter(evaluator) {
    route.vehicle = 0;
    refresh(route, evaluator);
  }
  model::Problem problem;
  SearchModel model;
  RouteEvaluator evaluator;
  InsertionEvaluator inserter;
  Route route;
};

// On random routes, best() finds exactly the cheapest insertion an exhaustive exact search finds
// (or both find none): the O(1) filters never discard it.
void expect_matches_exhaustive_search(bool asymmetric) {
  Random random(99);
  int found = 0, none = 0;
  for (int trial = 0; trial < 200; ++trial) {
    model::ProblemData data = testing::random_problem(random, 8, 150, 15 + trial % 25);
    if (asymmetric) skew(data, random);
    RouteBench bench(std::move(data));
    auto& [problem, model, evaluator, inserter, route] = bench;
    // Build a route by inserting requests 0..6 greedily, then test request 7 and the rest.
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

TEST(InsertionEvaluator, MatchesExhaustiveSearchOnRandomRoutes) {
  expect_matches_exhaustive_search(false);
}

// Symmetric matrices are read from the destination's row (SearchModel::distance_into); asymmetric
// ones must not be.
TEST(InsertionEvaluator, MatchesExhaustiveSearchWithAsymmetricTravel) {
  expect_matches_exhaustive_search(true);
}

// best(r, route, below) is best(r, route) when that costs less than `below`, and none otherwise
// (relocate and the repair pass the best found so far, so that dearer candidates skip the exact
// check).
TEST(InsertionEvaluator, BelowABoundFindsTheSameInsertionOrNone) {
  Random random(5);
  int kept = 0, cut = 0;
  for (int trial = 0; trial < 100; ++trial) {
    RouteBench bench(testing::random_problem(random, 8, 150, 30));
    auto& [problem, model, evaluator, inserter, route] = bench;
    for (int r = 0; r < 8; ++r) {
      const Insertion full = inserter.best(r, route);
      if (!full.feasible()) continue;
      for (double below : {full.cost, full.cost + 1e-7, full.cost * 2 * random.unit() + 1}) {
        const Insertion bounded = inserter.best(r, route, below);
        if (full.cost < below) {
          ASSERT_TRUE(bounded.feasible()) << "trial " << trial << " request " << r;
          EXPECT_EQ(bounded.cost, full.cost);
          EXPECT_EQ(bounded.pickup_after, full.pickup_after);
          EXPECT_EQ(bounded.delivery_after, full.delivery_after);
          ++kept;
        } else {
          EXPECT_FALSE(bounded.feasible()) << "trial " << trial << " request " << r;
          ++cut;
        }
      }
      inserter.apply(r, full, route);
    }
  }
  EXPECT_GT(kept, 100);
  EXPECT_GT(cut, 100);
}

// What the repair's skip rests on (SearchModel::removal_keeps_feasible): with metric travel times,
// a request that fits nowhere on a route fits nowhere once more stops are on it.
TEST(InsertionEvaluator, ARequestThatFitsNowhereStillFitsNowhereOnALongerRoute) {
  Random random(12);
  int checked = 0;
  for (int trial = 0; trial < 150; ++trial) {
    RouteBench bench(testing::random_problem(random, 10, 150, 15 + trial % 20));
    auto& [problem, model, evaluator, inserter, route] = bench;
    ASSERT_TRUE(model.removal_keeps_feasible());
    std::vector<int> misfits;
    for (int r = 0; r < 10; ++r) {
      const Insertion insertion = inserter.best(r, route);
      if (!insertion.feasible()) {
        misfits.push_back(r);
        continue;
      }
      inserter.apply(r, insertion, route);
      for (int m : misfits) {
        EXPECT_FALSE(inserter.best(m, route).feasible()) << "trial " << trial << " request " << m;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(SearchModel, TakingStopsOutKeepsARouteFeasibleOnlyWithoutADistanceLimit) {
  Random random(3);
  model::ProblemData data = testing::random_problem(random, 6, 150, 30);
  {
    auto problem = model::Problem::create(model::ProblemData(data));
    ASSERT_TRUE(problem.ok());
    EXPECT_TRUE(SearchModel(problem.value()).removal_keeps_feasible());
  }
  data.vehicle_types[0].max_distance = 1000;  // distances are not checked for the inequality
  auto problem = model::Problem::create(std::move(data));
  ASSERT_TRUE(problem.ok());
  EXPECT_FALSE(SearchModel(problem.value()).removal_keeps_feasible());
}

TEST(SearchModel, ReadsIntoADestinationAsFromTheOrigin) {
  Random random(7);
  for (bool asymmetric : {false, true}) {
    model::ProblemData data = testing::random_problem(random, 10, 150, 30);
    if (asymmetric) skew(data, random);
    auto problem = model::Problem::create(std::move(data));
    ASSERT_TRUE(problem.ok());
    SearchModel model(problem.value());
    const int n = problem.value().location_count();
    int differ = 0;
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < n; ++b) {
        EXPECT_EQ(model.distance_into(a, b), model.distance(a, b));
        EXPECT_EQ(model.travel_time_into(a, b), model.travel_time(a, b));
        if (model.distance(a, b) != model.distance(b, a)) ++differ;
      }
    }
    EXPECT_EQ(differ > 0, asymmetric);
  }
}

}  // namespace
}  // namespace sendplan::solver
