// Decomposition for threads that split the work: cutting the routes into parts, searching a part
// as a problem of its own and putting it back never loses a request and never makes the solution
// worse; two threads that split the work give a checked plan, the same one every time under an
// iteration limit.
#include "solver/decomposition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "core/random.h"
#include "solver/alns.h"
#include "solver/plan_builder.h"
#include "solver/plan_check.h"
#include "solver/problem_builder.h"
#include "solver/solve.h"

namespace sendplan::solver {
namespace {

model::Problem problem_of(int requests, uint64_t seed) {
  Random random(seed);
  model::ProblemData data = testing::random_problem(random, requests, 480, 90);
  data.vehicle_types[0].count = requests;
  return model::Problem::create(data).value();
}

SolverParameters iterations(int64_t count) {
  SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = count;
  return parameters;
}

Solution first_solution(const SearchModel& model) {
  return Alns(model, iterations(30), 1).run(Alns::Clock::now(), {});
}

TEST(Decomposition, SplitPutsEveryUsedRouteInExactlyOnePartOfSimilarSize) {
  const model::Problem problem = problem_of(60, 11);
  const SearchModel model(problem);
  const Solution solution = first_solution(model);
  ASSERT_GE(solution.used_routes().size(), 4u);
  for (int turn = 0; turn < 3; ++turn) {
    const auto parts = split_routes(solution, 2, turn);
    ASSERT_EQ(parts.size(), 2u);
    std::multiset<int> seen;
    int stops[2] = {0, 0};
    for (int g = 0; g < 2; ++g)
      for (int v : parts[g]) {
        seen.insert(v);
        stops[g] += solution.route(v).size();
      }
    const std::vector<int>& used = solution.used_routes();
    EXPECT_EQ(seen, std::multiset<int>(used.begin(), used.end())) << "turn " << turn;
    EXPECT_GT(stops[0], 0);
    EXPECT_GT(stops[1], 0);
    // No part holds more than three quarters of the stops.
    EXPECT_LE(std::max(stops[0], stops[1]) * 4, 3 * (stops[0] + stops[1])) << "turn " << turn;
    EXPECT_EQ(parts, split_routes(solution, 2, turn)) << "deterministic";
  }
  EXPECT_NE(split_routes(solution, 2, 0), split_routes(solution, 2, 1)) << "turns cut elsewhere";
}

TEST(Decomposition, APartSearchedOnItsOwnAndPutBackKeepsEveryRequestAndNeverCostsMore) {
  const model::Problem problem = problem_of(60, 12);
  const SearchModel model(problem);
  const Solution solution = first_solution(model);
  const auto parts = split_routes(solution, 2, 0);
  Solution merged = solution;
  for (const std::vector<int>& part : parts) {
    int64_t ran = 0;
    const auto stops = improve_part(merged, part, iterations(300), 5, &ran);
    EXPECT_EQ(ran, part.size() >= 2 ? 300 : 0);
    ASSERT_EQ(stops.size(), part.size());
    // The part's requests are the ones it carried.
    std::multiset<int> before, after;
    for (int v : part)
      for (int s : merged.route(v).stops) before.insert(s);
    for (const auto& route : stops) after.insert(route.begin(), route.end());
    EXPECT_EQ(before, after);
    merged = merge_routes(merged, part, stops);
  }
  EXPECT_EQ(merged.unassigned().size(), solution.unassigned().size());
  EXPECT_LE(merged.cost(), solution.cost() + 1e-9);
  EXPECT_EQ(testing::check_plan(problem, build_plan(model, merged)), "");
}

TEST(Decomposition, MergeRefusesRoutesThatLoseARequest) {
  const model::Problem problem = problem_of(30, 13);
  const SearchModel model(problem);
  const Solution solution = first_solution(model);
  const int v = solution.used_routes().front();
  std::vector<int> shorter = solution.route(v).stops;
  const int r = request_of(shorter.front());
  std::erase_if(shorter, [r](int s) { return request_of(s) == r; });
  const Solution merged = merge_routes(solution, {v}, {shorter});
  EXPECT_EQ(merged.cost(), solution.cost());
  EXPECT_EQ(merged.unassigned(), solution.unassigned());
}

TEST(Decomposition, TwoThreadsThatSplitTheWorkGiveACheckedPlanTheSameEachTime) {
  const model::Problem problem = problem_of(60, 14);
  SolverParameters parameters = iterations(400);
  parameters.threads = 2;
  parameters.decompose_min_requests = 20;
  const model::Plan first = solve(problem, parameters);
  const model::Plan second = solve(problem, parameters);
  EXPECT_EQ(testing::check_plan(problem, first), "");
  ASSERT_EQ(first.unserved.size(), second.unserved.size());
  EXPECT_EQ(first.cost, second.cost);
  EXPECT_EQ(testing::stop_sequences(first), testing::stop_sequences(second));
  // The parts' iterations are counted: more than the two whole searches alone.
  EXPECT_GT(first.statistics.iterations, 2 * 400);
}

}  // namespace
}  // namespace sendplan::solver
