// Fleet limits (model::FleetLimit): Problem::create rejects bad groups, naming them; Solution
// counts the vehicles used per group through every kind of change and stops offering empty
// vehicles of a full group; InsertionRepair never opens more vehicles of a group than its limit.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"
#include "solver/repair/insertion_repair.h"
#include "solver/solution.h"

namespace sendplan::solver {
namespace {

using model::FleetLimit;
using model::Problem;
using model::ProblemData;
using testing::paired_problem;
using testing::PointRequest;

// Vehicle types "plain" (0) and "assisted" (1), `count` each, one seat each, based at (0, 0),
// for the given requests; no fleet limit yet.
ProblemData two_types(const std::vector<PointRequest>& requests, int count) {
  ProblemData data = paired_problem(requests, count, 1, 1000, 1000);
  data.vehicle_types[0].name = "plain";
  model::VehicleType assisted = data.vehicle_types[0];
  assisted.name = "assisted";
  assisted.fixed_cost = 5;
  data.vehicle_types.push_back(assisted);
  return data;
}

std::string create_error(ProblemData data) {
  auto problem = Problem::create(std::move(data));
  return problem.ok() ? std::string() : problem.error().message;
}

TEST(FleetLimitValidation, AcceptsDisjointGroupsAndIndexesThem) {
  ProblemData data = two_types({{1, 0, 2, 0, 0, 100, 0, 100}}, 2);
  data.vehicle_types.push_back(data.vehicle_types[0]);
  data.vehicle_types.back().name = "taxi";
  data.fleet_limits.push_back({"minibus", 3, {0, 1}});
  data.fleet_limits.push_back({"taxi", 0, {2}});
  auto problem = Problem::create(data);
  ASSERT_TRUE(problem.ok()) << problem.error().message;
  EXPECT_EQ(problem.value().fleet_of_type(0), 0);
  EXPECT_EQ(problem.value().fleet_of_type(1), 0);
  EXPECT_EQ(problem.value().fleet_of_type(2), 1);
  EXPECT_EQ(problem.value().fleet_limits().size(), 2u);
}

TEST(FleetLimitValidation, RejectsANegativeLimit) {
  ProblemData data = two_types({}, 2);
  data.fleet_limits.push_back({"minibus", -1, {0, 1}});
  EXPECT_EQ(create_error(data), "fleet limit 'minibus': limit -1 is negative");
}

TEST(FleetLimitValidation, RejectsAnUnknownVehicleType) {
  ProblemData data = two_types({}, 2);
  data.fleet_limits.push_back({"minibus", 2, {0, 2}});
  EXPECT_EQ(create_error(data),
            "fleet limit 'minibus': vehicle type 2 does not exist (there are 2)");
  data.fleet_limits[0].vehicle_types = {-1};
  EXPECT_EQ(create_error(data),
            "fleet limit 'minibus': vehicle type -1 does not exist (there are 2)");
}

TEST(FleetLimitValidation, RejectsATypeListedTwiceInOneGroup) {
  ProblemData data = two_types({}, 2);
  data.fleet_limits.push_back({"minibus", 2, {0, 1, 0}});
  EXPECT_EQ(create_error(data), "fleet limit 'minibus': lists vehicle type 'plain' twice");
}

TEST(FleetLimitValidation, RejectsATypeInTwoGroups) {
  ProblemData data = two_types({}, 2);
  data.fleet_limits.push_back({"minibus", 2, {0, 1}});
  data.fleet_limits.push_back({"spare", 1, {1}});
  EXPECT_EQ(create_error(data),
            "fleet limit 'spare': vehicle type 'assisted' is already in fleet limit 'minibus'");
}

// Vehicles 0, 1 are "plain", 2, 3 "assisted", all in one group of `limit`. Requests 0 and 1 run
// side by side near the depot (cheaper together than apart); 2 and 3 likewise further out.
class FleetLimitSolutionTest : public ::testing::Test {
 protected:
  FleetLimitSolutionTest()
      : problem_(make(2)), model_(problem_), evaluator_(model_), inserter_(evaluator_) {}

  static Problem make(int limit) {
    ProblemData data = two_types({{1, 0, 4, 0, 0, 100, 0, 100},
                                  {2, 0, 5, 0, 0, 100, 0, 100},
                                  {10, 0, 14, 0, 0, 100, 0, 100},
                                  {11, 0, 15, 0, 0, 100, 0, 100}},
                                 2);
    data.fleet_limits.push_back(FleetLimit{"minibus", limit, {0, 1}});
    return Problem::create(data).value();
  }

  // Opens a new vehicle of `type` for request r alone.
  void open(Solution& solution, int type, int r) {
    const int v = solution.first_empty_vehicle_of_type(type);
    ASSERT_GE(v, 0);
    solution.insert(r, v, Insertion{0, 0, 0}, inserter_);
  }

  Problem problem_;
  SearchModel model_;
  RouteEvaluator evaluator_;
  InsertionEvaluator inserter_;
};

TEST_F(FleetLimitSolutionTest, AFullGroupOffersNoEmptyVehicleOfAnyOfItsTypes) {
  Solution solution(model_, 1000);
  EXPECT_EQ(solution.fleet_used(0), 0);
  open(solution, 0, 0);
  EXPECT_EQ(solution.fleet_used(0), 1);
  EXPECT_FALSE(solution.fleet_full(0));
  EXPECT_EQ(solution.first_empty_vehicle_of_type(0), 1);
  EXPECT_EQ(solution.first_empty_vehicle_of_type(1), 2);
  open(solution, 1, 2);
  EXPECT_EQ(solution.fleet_used(0), 2);
  EXPECT_TRUE(solution.fleet_full(0));
  EXPECT_EQ(solution.first_empty_vehicle_of_type(0), -1);
  EXPECT_EQ(solution.first_empty_vehicle_of_type(1), -1);
  EXPECT_EQ(solution.vehicles_used(), 2);

  // Adding to a vehicle in use is still fine; emptying one frees the group.
  solution.insert(1, 0, inserter_.best(1, solution.route(0)), inserter_);
  EXPECT_EQ(solution.fleet_used(0), 2);
  solution.remove(2, evaluator_);
  EXPECT_EQ(solution.fleet_used(0), 1);
  EXPECT_EQ(solution.vehicles_used(), 1);
  EXPECT_EQ(solution.first_empty_vehicle_of_type(1), 2);
}

TEST_F(FleetLimitSolutionTest, SplitAndReplaceKeepTheCountInStep) {
  Solution solution(model_, 1000);
  open(solution, 0, 0);
  solution.insert(1, 0, Insertion{2, 2, 2}, inserter_);  // P0 D0 P1 D1 on vehicle 0
  ASSERT_EQ(solution.route(0).size(), 4);
  const int target = solution.first_empty_vehicle_of_type(1);
  ASSERT_EQ(target, 2);
  solution.split(0, 2, target, evaluator_);  // P0 D0 | P1 D1
  EXPECT_EQ(solution.route(2).size(), 2);
  EXPECT_EQ(solution.fleet_used(0), 2);
  EXPECT_EQ(solution.first_empty_vehicle_of_type(0), -1);

  // Both requests on vehicle 0 again, one after the other, is cheaper (no second depot round trip
  // and no fixed cost for the assisted vehicle): vehicle 2 is freed.
  const std::vector<int> both{pickup_stop(0), delivery_stop(0), pickup_stop(1), delivery_stop(1)};
  ASSERT_TRUE(solution.replace_if_better(0, both, 2, {}, evaluator_, 1e-9));
  EXPECT_TRUE(solution.route(2).empty());
  EXPECT_EQ(solution.fleet_used(0), 1);
  EXPECT_EQ(solution.vehicles_used(), 1);
  EXPECT_EQ(solution.first_empty_vehicle_of_type(1), 2);
}

// Four requests collected at the same moment, 20 apart, one vehicle each: two "plain" and two
// "assisted" vehicles, but only two in all. Every repair kind serves exactly two.
TEST(FleetLimitRepair, NeverOpensMoreVehiclesOfAGroupThanItsLimit) {
  ProblemData data = two_types({{20, 0, 25, 0, 20, 22, 0, 200},
                                {0, 20, 0, 25, 20, 22, 0, 200},
                                {-20, 0, -25, 0, 20, 22, 0, 200},
                                {0, -20, 0, -25, 20, 22, 0, 200}},
                               2);
  data.vehicle_types[1].fixed_cost = 0;  // both types equally attractive
  data.fleet_limits.push_back({"minibus", 2, {0, 1}});
  const Problem problem = Problem::create(data).value();
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  InsertionRepair repair(inserter);
  for (int regret : {1, 2, 3}) {
    for (bool noise : {false, true}) {
      Random random(7);
      Solution solution(model, 1000);
      repair.repair(solution, RepairKind{regret, noise}, random, 1.0);
      int used = 0;
      for (const Route& route : solution.routes()) used += route.empty() ? 0 : 1;
      EXPECT_EQ(used, 2) << "regret " << regret << " noise " << noise;
      EXPECT_EQ(solution.fleet_used(0), 2);
      EXPECT_EQ(solution.vehicles_used(), 2);
      EXPECT_EQ(solution.unassigned().size(), 2u);
    }
  }
}

}  // namespace
}  // namespace sendplan::solver
