// TwoOptSearch skips moves before the exact check (segments holding a pickup and its delivery,
// tails cut while a passenger is on board, joins that cannot be on time, moves whose distance and
// fixed cost do not fall). Those filters must never hide an improving feasible move: on random
// two-route solutions, 2-opt* and 2-opt find a move exactly when exhaustive exact search does.
#include "solver/two_opt.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"
#include "solver/repair/insertion_repair.h"

namespace sendplan::solver {
namespace {

double exact_cost(RouteEvaluator& evaluator, int vehicle, const std::vector<int>& stops,
                  bool& feasible) {
  if (stops.empty()) return 0;
  RouteSchedule schedule;
  feasible = feasible &&
             evaluator.evaluate(vehicle, stops.data(), static_cast<int>(stops.size()), schedule);
  return schedule.cost;
}

// The largest gain of any feasible tail swap between routes a and b (0 when none gains).
double best_tail_swap_gain(const Solution& solution, RouteEvaluator& evaluator, int a, int b) {
  const std::vector<int>& sa = solution.route(a).stops;
  const std::vector<int>& sb = solution.route(b).stops;
  const double before = solution.route(a).cost() + solution.route(b).cost();
  double best = 0;
  for (size_t i = 0; i <= sa.size(); ++i) {
    for (size_t j = 0; j <= sb.size(); ++j) {
      if ((i == sa.size() && j == sb.size()) || (i == 0 && j == 0)) continue;
      std::vector<int> new_a(sa.begin(), sa.begin() + static_cast<std::ptrdiff_t>(i));
      new_a.insert(new_a.end(), sb.begin() + static_cast<std::ptrdiff_t>(j), sb.end());
      std::vector<int> new_b(sb.begin(), sb.begin() + static_cast<std::ptrdiff_t>(j));
      new_b.insert(new_b.end(), sa.begin() + static_cast<std::ptrdiff_t>(i), sa.end());
      bool feasible = true;
      const double after =
          exact_cost(evaluator, a, new_a, feasible) + exact_cost(evaluator, b, new_b, feasible);
      if (feasible) best = std::max(best, before - after);
    }
  }
  return best;
}

// The largest gain of reversing any segment of route v (0 when none gains).
double best_reversal_gain(const Solution& solution, RouteEvaluator& evaluator, int v) {
  const std::vector<int>& stops = solution.route(v).stops;
  double best = 0;
  for (size_t i = 0; i < stops.size(); ++i) {
    for (size_t j = i + 2; j <= stops.size(); ++j) {
      std::vector<int> reversed = stops;
      std::reverse(reversed.begin() + static_cast<std::ptrdiff_t>(i),
                   reversed.begin() + static_cast<std::ptrdiff_t>(j));
      bool feasible = true;
      const double after = exact_cost(evaluator, v, reversed, feasible);
      if (feasible) best = std::max(best, solution.route(v).cost() - after);
    }
  }
  return best;
}

// Two vehicles; with `unlike`, the second is of another type that ends its shift earlier and pays
// a fixed cost (so the junction check cannot borrow the first one's latest times).
model::Problem two_vehicles(Random& random, bool unlike) {
  model::ProblemData data = testing::random_problem(random, 10, 200, 35);
  if (unlike) {
    data.vehicle_types[0].count = 1;
    model::VehicleType other = data.vehicle_types[0];
    other.name = "other";
    other.shift_end = 170;
    other.fixed_cost = 15;
    data.vehicle_types.push_back(other);
  }
  return model::Problem::create(data).value();
}

void check_filters_keep_every_improving_move(bool unlike) {
  Random random(unlike ? 41 : 40);
  int tail_moves = 0, reversals = 0, pairs = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const std::string where = "trial " + std::to_string(trial);
    const model::Problem problem = two_vehicles(random, unlike);
    const SearchModel model(problem);
    RouteEvaluator evaluator(model);
    InsertionEvaluator inserter(evaluator);
    InsertionRepair repair(inserter);
    Solution solution(model, 1000);
    // A noisy greedy repair leaves routes with room for improvement.
    repair.repair(solution, RepairKind{1, true}, random, 15.0);
    if (solution.route(0).empty() || solution.route(1).empty()) continue;
    ++pairs;

    const double tail_gain = best_tail_swap_gain(solution, evaluator, 0, 1);
    Solution tails = solution;
    TwoOptSearch search(evaluator);
    const int moved = search.improve_tails(tails, {0, 1}, 1);
    if (tail_gain > 1e-6) {
      EXPECT_EQ(moved, 1) << where << ": missed a gain of " << tail_gain;
    }
    if (moved == 1) {
      EXPECT_GT(tail_gain, 1e-7) << where;
      EXPECT_LT(tails.routes_cost(), solution.routes_cost()) << where;
    }
    tail_moves += moved;

    for (int v : {0, 1}) {
      const double gain = best_reversal_gain(solution, evaluator, v);
      Solution reversed = solution;
      const int reversal = search.improve_routes(reversed, {v}, 1);
      if (gain > 1e-6) {
        EXPECT_EQ(reversal, 1) << where << " route " << v << ": missed " << gain;
      }
      if (reversal == 1) {
        EXPECT_GT(gain, 1e-7) << where << " route " << v;
      }
      reversals += reversal;
    }
    if (::testing::Test::HasFailure()) return;
  }
  // The instances do exercise both searches.
  EXPECT_GT(pairs, 100);
  EXPECT_GT(tail_moves, 5);
  EXPECT_GT(reversals, 5);
}

TEST(TwoOptSearch, FiltersKeepEveryImprovingMoveOnAlikeVehicles) {
  check_filters_keep_every_improving_move(false);
}

TEST(TwoOptSearch, FiltersKeepEveryImprovingMoveOnUnlikeVehicles) {
  check_filters_keep_every_improving_move(true);
}

TEST(TwoOptSearch, StopsAtTheDeadline) {
  Random random(9);
  const model::Problem problem = two_vehicles(random, false);
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  InsertionRepair repair(inserter);
  Solution solution(model, 1000);
  repair.repair(solution, RepairKind{1, true}, random, 15.0);
  TwoOptSearch search(evaluator);
  const double before = solution.routes_cost();
  EXPECT_EQ(search.improve_tails(solution, {0, 1}, 1000, TwoOptSearch::Clock::now()), 0);
  EXPECT_EQ(solution.routes_cost(), before);
}

}  // namespace
}  // namespace sendplan::solver
