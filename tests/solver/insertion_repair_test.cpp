// InsertionRepair keeps each pending request's k best routes up to date incrementally; it must
// make exactly the choices of a plain implementation that re-evaluates every pending request on
// every candidate route before each insertion (greedy and regret-2/3, with fleet limits).
#include "solver/repair/insertion_repair.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

// The repair as the header defines it, recomputed from scratch at every step.
void reference_repair(Solution& solution, int regret, InsertionEvaluator& inserter) {
  std::vector<int> routes;
  while (true) {
    solution.candidate_routes(routes);
    int chosen = -1, chosen_route = -1;
    double chosen_score = -std::numeric_limits<double>::infinity();
    double chosen_best = std::numeric_limits<double>::infinity();
    Insertion chosen_insertion;
    for (int r : solution.unassigned()) {
      std::vector<std::pair<double, int>> costs;  // (cost, vehicle): ties to the lower vehicle
      std::vector<Insertion> insertions(static_cast<size_t>(solution.model().vehicle_count()));
      for (int v : routes) {
        insertions[v] = inserter.best(r, solution.route(v));
        if (insertions[v].feasible()) costs.emplace_back(std::max(0.0, insertions[v].cost), v);
      }
      if (costs.empty()) continue;
      std::sort(costs.begin(), costs.end());
      const int feasible = static_cast<int>(costs.size());
      double score;
      if (regret == 1) {
        score = -costs[0].first;
      } else {
        score = feasible < regret ? 1e18 * (regret - feasible) : 0.0;
        for (int h = 1; h < std::min(feasible, regret); ++h)
          score += costs[h].first - costs[0].first;
      }
      if (score > chosen_score || (score == chosen_score && costs[0].first < chosen_best)) {
        chosen = r;
        chosen_route = costs[0].second;
        chosen_score = score;
        chosen_best = costs[0].first;
        chosen_insertion = insertions[chosen_route];
      }
    }
    if (chosen < 0) return;
    solution.insert(chosen, chosen_route, chosen_insertion, inserter);
  }
}

// Two vehicle types sharing a fleet limit, so that repairs open vehicles until the group is full.
model::Problem limited_fleet(Random& random, int n, int limit) {
  model::ProblemData data = testing::random_problem(random, n, 240, 40);
  data.vehicle_types[0].count = 6;
  model::VehicleType big = data.vehicle_types[0];
  big.name = "big";
  big.capacity.amount[0] = 5;
  big.fixed_cost = 25;
  data.vehicle_types.push_back(big);
  data.fleet_limits.push_back({"shared", limit, {0, 1}});
  return model::Problem::create(data).value();
}

TEST(InsertionRepair, MakesTheSameChoicesAsRecomputingEverythingEachStep) {
  Random random(31);
  int served = 0, left = 0;
  for (int trial = 0; trial < 24; ++trial) {
    const model::Problem problem = limited_fleet(random, 20 + trial, 3 + trial % 5);
    const SearchModel model(problem);
    RouteEvaluator evaluator(model);
    InsertionEvaluator inserter(evaluator);
    InsertionRepair repair(inserter);
    for (int regret : {1, 2, 3}) {
      const std::string where =
          "trial " + std::to_string(trial) + " regret " + std::to_string(regret);
      // From scratch, then again after removing a third of the requests.
      Solution fast(model, 1000), slow(model, 1000);
      Random unused(1);
      repair.repair(fast, RepairKind{regret, false}, unused, 0);
      reference_repair(slow, regret, inserter);
      for (int round = 0; round < 2; ++round) {
        for (int v = 0; v < model.vehicle_count(); ++v)
          ASSERT_EQ(fast.route(v).stops, slow.route(v).stops) << where << " round " << round;
        ASSERT_EQ(fast.unassigned().size(), slow.unassigned().size()) << where;
        if (round == 1) break;
        for (int r = 0; r < model.request_count(); r += 3) {
          fast.remove(r, evaluator);
          slow.remove(r, evaluator);
        }
        repair.repair(fast, RepairKind{regret, false}, unused, 0);
        reference_repair(slow, regret, inserter);
      }
      served += model.request_count() - static_cast<int>(fast.unassigned().size());
      left += static_cast<int>(fast.unassigned().size());
    }
  }
  // The instances exercise both outcomes: most requests served, some left over by the limit.
  EXPECT_GT(served, 0);
  EXPECT_GT(left, 0);
}

TEST(InsertionRepair, WithNoiseServesWhatItCanAndIsRepeatable) {
  Random random(8);
  const model::Problem problem = limited_fleet(random, 30, 4);
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  InsertionRepair repair(inserter);
  for (int regret : {1, 2, 3}) {
    Solution first(model, 1000), second(model, 1000);
    Random a(77), b(77);
    repair.repair(first, RepairKind{regret, true}, a, 5.0);
    repair.repair(second, RepairKind{regret, true}, b, 5.0);
    for (int v = 0; v < model.vehicle_count(); ++v)
      EXPECT_EQ(first.route(v).stops, second.route(v).stops) << "regret " << regret;
    // Whatever is left over fits nowhere (a repair stops only then).
    std::vector<int> routes;
    first.candidate_routes(routes);
    for (int r : first.unassigned())
      for (int v : routes) EXPECT_FALSE(inserter.best(r, first.route(v)).feasible());
  }
}

TEST(InsertionRepair, ReportsTheSolutionEveryFewInsertions) {
  Random random(12);
  model::ProblemData data = testing::random_problem(random, 25, 1000, model::kUnlimited);
  data.vehicle_types[0].count = 25;
  for (model::Request& request : data.requests) {  // wide windows: every request can be served
    request.pickup.ready = request.delivery.ready = 0;
    request.pickup.due = request.delivery.due = 600;
  }
  const model::Problem problem = model::Problem::create(data).value();
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  InsertionRepair repair(inserter);
  Solution solution(model, 1000);
  std::vector<size_t> left;
  repair.repair(
      solution, RepairKind{2, false}, random, 0,
      [&](const Solution& partial) { left.push_back(partial.unassigned().size()); }, 10);
  ASSERT_TRUE(solution.unassigned().empty());
  // After 10 and 20 insertions, and once at the end.
  EXPECT_EQ(left, (std::vector<size_t>{15, 5, 0}));
}

}  // namespace
}  // namespace sendplan::solver
