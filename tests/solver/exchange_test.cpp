// ExchangeSearch swaps two requests between routes, each at its best place in the other route.
// On random solutions it must keep every route feasible and every request served, lower the cost
// whenever it swaps, and stop only when no swap of a request with a listed neighbour would gain
// (checked by exhaustive exact search over both requests' positions).
#include "solver/exchange.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"
#include "solver/repair/insertion_repair.h"

namespace sendplan::solver {
namespace {

// The cheapest cost of `stops` with request r added at any positions (infinity when none fits).
double best_with(RouteEvaluator& evaluator, int vehicle, const std::vector<int>& stops, int r) {
  double best = std::numeric_limits<double>::infinity();
  RouteSchedule schedule;
  const size_t k = stops.size();
  for (size_t i = 0; i <= k; ++i) {
    for (size_t j = i; j <= k; ++j) {
      std::vector<int> sequence;
      for (size_t p = 0; p <= k; ++p) {
        if (p > 0) sequence.push_back(stops[p - 1]);
        if (p == i) sequence.push_back(pickup_stop(r));
        if (p == j) sequence.push_back(delivery_stop(r));
      }
      if (evaluator.evaluate(vehicle, sequence.data(), static_cast<int>(sequence.size()), schedule))
        best = std::min(best, schedule.cost);
    }
  }
  return best;
}

std::vector<int> without(const std::vector<int>& stops, int r) {
  std::vector<int> out;
  for (int s : stops)
    if (request_of(s) != r) out.push_back(s);
  return out;
}

// The largest gain of swapping r and s (on different routes) at their best places (0 if none).
double best_swap_gain(const Solution& solution, RouteEvaluator& evaluator, int r, int s) {
  const int a = solution.route_of(r), b = solution.route_of(s);
  const Route& route_a = solution.route(a);
  const Route& route_b = solution.route(b);
  const double after = best_with(evaluator, a, without(route_a.stops, r), s) +
                       best_with(evaluator, b, without(route_b.stops, s), r);
  return std::max(0.0, route_a.cost() + route_b.cost() - after);
}

void expect_valid(const Solution& solution, RouteEvaluator& evaluator, const std::string& where) {
  double total = 0;
  for (const Route& route : solution.routes()) {
    if (route.empty()) continue;
    RouteSchedule schedule;
    EXPECT_TRUE(evaluator.evaluate(route.vehicle, route.stops.data(), route.size(), schedule))
        << where;
    EXPECT_NEAR(schedule.cost, route.cost(), 1e-9) << where;
    total += schedule.cost;
  }
  EXPECT_NEAR(total, solution.routes_cost(), 1e-6) << where;
}

TEST(ExchangeSearch, SwapsOnlyForAGainAndLeavesNoGainingSwap) {
  Random random(17);
  int swaps = 0, solutions = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const std::string where = "trial " + std::to_string(trial);
    model::ProblemData data = testing::random_problem(random, 12, 200, 35);
    data.vehicle_types[0].count = 4;
    const model::Problem problem = model::Problem::create(data).value();
    const SearchModel model(problem);
    RouteEvaluator evaluator(model);
    InsertionEvaluator inserter(evaluator);
    InsertionRepair repair(inserter);
    Solution solution(model, 1000);
    // A noisy greedy repair leaves room for improvement.
    repair.repair(solution, RepairKind{1, true}, random, 15.0);
    std::vector<int> routes = solution.used_routes();
    if (routes.size() < 2) continue;
    ++solutions;
    const size_t served = problem.request_count() - solution.unassigned().size();

    const NearestRequests everyone(model, problem.request_count() - 1);
    ExchangeSearch search(inserter, everyone);
    const double before = solution.cost();
    const int made = search.improve(solution, random, routes, 1000);
    swaps += made;
    expect_valid(solution, evaluator, where);
    EXPECT_EQ(problem.request_count() - solution.unassigned().size(), served) << where;
    if (made > 0) {
      EXPECT_LT(solution.cost(), before - 1e-7) << where;
    } else {
      EXPECT_DOUBLE_EQ(solution.cost(), before) << where;
    }
    // Converged: no pair on two routes (each route keeping another request) gains by a swap.
    for (int r = 0; r < problem.request_count(); ++r) {
      for (int s = r + 1; s < problem.request_count(); ++s) {
        const int a = solution.route_of(r), b = solution.route_of(s);
        if (a < 0 || b < 0 || a == b) continue;
        if (solution.route(a).size() <= 2 || solution.route(b).size() <= 2) continue;
        EXPECT_LT(best_swap_gain(solution, evaluator, r, s), 1e-6)
            << where << ": requests " << r << " and " << s;
      }
    }
    if (::testing::Test::HasFailure()) return;
  }
  EXPECT_GT(solutions, 40);
  EXPECT_GT(swaps, 10);  // the instances do exercise the search
}

}  // namespace
}  // namespace sendplan::solver
