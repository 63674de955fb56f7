#include "solver/solution.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

using testing::paired_problem;

// Three requests along a line, all on vehicle 0: P1 P2 P3 D1 D2 D3 (loads fit in 3 seats).
class SolutionTest : public ::testing::Test {
 protected:
  SolutionTest()
      : problem_(model::Problem::create(paired_problem({{1, 0, 4, 0, 0, 100, 0, 100},
                                                        {2, 0, 5, 0, 0, 100, 0, 100},
                                                        {3, 0, 6, 0, 0, 100, 0, 100}},
                                                       2, 3, 200, 200))
                     .value()),
        model_(problem_),
        evaluator_(model_),
        inserter_(evaluator_),
        solution_(model_, 1000) {
    // Insert each request with explicit positions to build P1 P2 P3 D1 D2 D3.
    solution_.insert(0, 0, Insertion{0, 0, 0}, inserter_);  // P1 D1
    solution_.insert(1, 0, Insertion{0, 1, 2}, inserter_);  // P1 P2 D1 D2
    solution_.insert(2, 0, Insertion{0, 2, 4}, inserter_);  // P1 P2 P3 D1 D2 D3
  }
  model::Problem problem_;
  SearchModel model_;
  RouteEvaluator evaluator_;
  InsertionEvaluator inserter_;
  Solution solution_;
};

TEST_F(SolutionTest, BuildsTheExpectedRoute) {
  EXPECT_EQ(solution_.route(0).stops, (std::vector<int>{0, 2, 4, 1, 3, 5}));
  EXPECT_TRUE(solution_.unassigned().empty());
  EXPECT_NEAR(solution_.routes_cost(), 12.0, 1e-9);  // out to 6 and back
}

TEST_F(SolutionTest, RemoveUnassignsAndKeepsCostInStep) {
  solution_.remove(1, evaluator_);
  EXPECT_EQ(solution_.route_of(1), -1);
  EXPECT_EQ(solution_.unassigned(), std::vector<int>{1});
  EXPECT_EQ(solution_.route(0).stops, (std::vector<int>{0, 4, 1, 5}));
  EXPECT_NEAR(solution_.routes_cost(), 12.0, 1e-9);
}

// Regression: split() put a request cut in two onto the unassigned list twice, so repair
// inserted it twice and a route held duplicated stops (found by the random feature test).
TEST_F(SolutionTest, SplitUnassignsEachCutRequestExactlyOnce) {
  solution_.split(0, 3, 1, evaluator_);  // P1 P2 P3 | D1 D2 D3: all three are cut
  std::vector<int> unassigned = solution_.unassigned();
  std::sort(unassigned.begin(), unassigned.end());
  EXPECT_EQ(unassigned, (std::vector<int>{0, 1, 2}));
  EXPECT_TRUE(solution_.route(0).empty());
  EXPECT_TRUE(solution_.route(1).empty());
  EXPECT_NEAR(solution_.routes_cost(), 0.0, 1e-9);
}

TEST_F(SolutionTest, SplitMovesWholeRequestsToTheNewVehicle) {
  solution_.remove(2, evaluator_);                        // P1 P2 D1 D2
  solution_.remove(1, evaluator_);                        // P1 D1
  solution_.insert(1, 0, Insertion{0, 2, 2}, inserter_);  // P1 D1 P2 D2
  solution_.split(0, 2, 1, evaluator_);                   // P1 D1 | P2 D2
  EXPECT_EQ(solution_.route(0).stops, (std::vector<int>{0, 1}));
  EXPECT_EQ(solution_.route(1).stops, (std::vector<int>{2, 3}));
  EXPECT_EQ(solution_.route_of(1), 1);
  EXPECT_EQ(solution_.unassigned(), std::vector<int>{2});
  // Two round trips: to 4 and back, to 5 and back.
  EXPECT_NEAR(solution_.routes_cost(), 8.0 + 10.0, 1e-9);
}

}  // namespace
}  // namespace sendplan::solver
