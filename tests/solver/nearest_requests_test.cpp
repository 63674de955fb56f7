// NearestRequests: each request's list holds the `count` most related other requests, nearest
// first; near_candidate_routes gives their routes, the extra route and one empty vehicle per type.
#include "solver/nearest_requests.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

TEST(NearestRequests, ListsTheMostRelatedOthersNearestFirst) {
  Random random(3);
  const model::Problem problem =
      model::Problem::create(testing::random_problem(random, 30, 200, 50)).value();
  const SearchModel model(problem);
  const NearestRequests nearest(model, 7);
  EXPECT_EQ(nearest.count(), 7);
  for (int r = 0; r < model.request_count(); ++r) {
    const std::vector<int>& list = nearest.of(r);
    ASSERT_EQ(list.size(), 7u);
    EXPECT_EQ(std::find(list.begin(), list.end(), r), list.end()) << "lists itself";
    for (size_t i = 1; i < list.size(); ++i)
      EXPECT_LE(model.relatedness(r, list[i - 1]), model.relatedness(r, list[i]));
    // Nobody left out is more related than the last one listed.
    for (int s = 0; s < model.request_count(); ++s) {
      if (s == r || std::find(list.begin(), list.end(), s) != list.end()) continue;
      EXPECT_GE(model.relatedness(r, s), model.relatedness(r, list.back()));
    }
  }
}

TEST(NearestRequests, CountIsClampedToTheOtherRequests) {
  Random random(4);
  const model::Problem problem =
      model::Problem::create(testing::random_problem(random, 5, 200, 50)).value();
  const SearchModel model(problem);
  const NearestRequests nearest(model, 50);
  EXPECT_EQ(nearest.count(), 4);
  for (int r = 0; r < 5; ++r) EXPECT_EQ(nearest.of(r).size(), 4u);
}

TEST(NearestRequests, CandidateRoutesAreTheNeighboursRoutesAndOneEmptyVehiclePerType) {
  Random random(6);
  model::ProblemData data = testing::random_problem(random, 12, 400, 1000);
  data.vehicle_types[0].count = 12;
  const model::Problem problem = model::Problem::create(data).value();
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  Solution solution(model, 1000);
  for (int r = 0; r < 12; ++r) solution.insert(r, r, Insertion{0, 0, 0}, inserter);  // one each
  solution.remove(11, evaluator);  // vehicle 11 is empty again
  const NearestRequests nearest(model, 3);
  std::vector<int> routes;
  near_candidate_routes(solution, nearest, 0, 5, routes);
  std::vector<int> expected{5, 11};  // the extra route and the first empty vehicle
  for (int s : nearest.of(0))
    if (s != 11) expected.push_back(s);  // request s rides alone on vehicle s
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  EXPECT_EQ(routes, expected);
}

}  // namespace
}  // namespace sendplan::solver
