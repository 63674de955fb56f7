// Checker rules on the hand-made 2-request DARP instance data/cordeau_2req.txt (see
// data/README.md for the geometry): one correct plan, and one broken plan per rule.
#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"

namespace sendplan::check {
namespace {

using testing::make_solution;
using testing::OnlyViolates;
using testing::Violates;

class CordeauRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    instance_ =
        new Instance(read_instance(Format::kCordeau, testing::data_path("cordeau_2req.txt")));
  }
  static void TearDownTestSuite() { delete instance_; }

  Report check(const nlohmann::json& json) { return testing::check_json(*instance_, json); }

  // 0 -> 1@5 -> 3@11 -> 2@20 -> 4@25 -> 5 (back at 30), cost 5 + 5 + 6 + 4 + 4.
  static constexpr double kGoodCost = 24;
  static testing::TestRoute good_route() { return {0, {{1, 5}, {3, 11}, {2, 20}, {4, 25}}}; }

  static Instance* instance_;
};

Instance* CordeauRules::instance_ = nullptr;

TEST_F(CordeauRules, CorrectPlanIsFeasibleWithExactCost) {
  Report report = check(make_solution({good_route()}, kGoodCost));
  EXPECT_TRUE(testing::IsFeasible(report));
  EXPECT_DOUBLE_EQ(report.cost, 24);
  EXPECT_EQ(report.routes_used, 1);
  EXPECT_EQ(report.requests_served, 2);
}

TEST_F(CordeauRules, EmptyRoutesAreIgnored) {
  Report report = check(make_solution({{1, {}}, good_route()}, kGoodCost));
  EXPECT_TRUE(testing::IsFeasible(report));
}

TEST_F(CordeauRules, DurationCountsFromTheLatestPossibleDeparture) {
  // 2@20 4@25 1@55 3@61, back at 72: leaving at 20 - 8 = 12 makes the duration exactly T = 60.
  Report report = check(make_solution({{0, {{2, 20}, {4, 25}, {1, 55}, {3, 61}}}}, 30));
  EXPECT_TRUE(testing::IsFeasible(report));
}

TEST_F(CordeauRules, RouteDurationTooLong) {
  // As above but 1@60 3@66, back at 77: 77 - 12 = 65 > 60.
  Report report = check(make_solution({{0, {{2, 20}, {4, 25}, {1, 60}, {3, 66}}}}, 30));
  EXPECT_TRUE(OnlyViolates(report, Rule::kRouteDuration));
}

TEST_F(CordeauRules, LateArrival) {
  // Drop-off 4 has window [0, 26]; serving it at 27 is late.
  Report report = check(make_solution({{0, {{1, 7}, {3, 13}, {2, 20}, {4, 27}}}}, kGoodCost));
  ASSERT_TRUE(OnlyViolates(report, Rule::kTimeWindow));
  EXPECT_EQ(report.violations[0].route, 0);
  EXPECT_EQ(report.violations[0].node, 4);
}

TEST_F(CordeauRules, ServiceBeforeWindowOpens) {
  // Pickup 2 has window [20, 50]; waiting is allowed but starting at 18 is not.
  Report report = check(make_solution({{0, {{1, 5}, {3, 11}, {2, 18}, {4, 23}}}}, kGoodCost));
  ASSERT_TRUE(OnlyViolates(report, Rule::kTimeWindow));
  EXPECT_EQ(report.violations[0].node, 2);
}

TEST_F(CordeauRules, NotEnoughTravelTime) {
  // 1@5 plus service 1 plus travel 5: node 3 cannot start before 11.
  Report report = check(make_solution({{0, {{1, 5}, {3, 10}, {2, 20}, {4, 25}}}}, kGoodCost));
  ASSERT_TRUE(OnlyViolates(report, Rule::kTravelTime));
  EXPECT_EQ(report.violations[0].node, 3);
}

TEST_F(CordeauRules, FirstStopBeforeTheVehicleCanArrive) {
  // Depot opens at 0 and node 1 is 5 away.
  Report report = check(make_solution({{0, {{1, 4}, {3, 11}, {2, 20}, {4, 25}}}}, kGoodCost));
  EXPECT_TRUE(OnlyViolates(report, Rule::kDepotDeparture));
}

TEST_F(CordeauRules, RideTimeExceeded) {
  // Request 1 rides from 6 to 40: 34 > L = 30.
  Report report = check(make_solution({{0, {{1, 5}, {3, 40}}}, {1, {{2, 20}, {4, 25}}}}, 20 + 16));
  ASSERT_TRUE(OnlyViolates(report, Rule::kRideTime));
  EXPECT_EQ(report.violations[0].node, 3);
}

TEST_F(CordeauRules, CapacityExceeded) {
  // Q = 1 but both passengers are on board between 2 and 4.
  double three = 26 + std::sqrt(52.0);
  Report report =
      check(make_solution({{0, {{1, 5}, {2, 20}, {4, 25}, {3, three}}}}, 24 + std::sqrt(52.0)));
  ASSERT_TRUE(OnlyViolates(report, Rule::kCapacity));
  EXPECT_EQ(report.violations[0].node, 2);
}

TEST_F(CordeauRules, DeliveryBeforePickup) {
  Report report = check(make_solution({{0, {{3, 10}, {1, 16}}}, {1, {{2, 20}, {4, 25}}}}, 20 + 16));
  EXPECT_TRUE(Violates(report, Rule::kPrecedence));
  EXPECT_EQ(report.count(Rule::kPrecedence), 1);
}

TEST_F(CordeauRules, RequestSplitAcrossRoutes) {
  Report report = check(make_solution({{0, {{1, 5}}}, {1, {{3, 10}, {2, 20}, {4, 25}}}}, 10 + 24));
  EXPECT_TRUE(Violates(report, Rule::kSplitRequest));
  EXPECT_FALSE(report.has(Rule::kMissingRequest));
}

TEST_F(CordeauRules, PickupWithoutDelivery) {
  Report report = check(make_solution({{0, {{1, 5}, {2, 20}, {4, 25}}}}, 5 + 5 + 4 + 4, false));
  EXPECT_TRUE(Violates(report, Rule::kIncompleteRequest));
}

TEST_F(CordeauRules, MissingRequestWhileClaimingFeasible) {
  Report report = check(make_solution({{0, {{2, 20}, {4, 25}}}}, 16, true));
  ASSERT_TRUE(OnlyViolates(report, Rule::kMissingRequest));
  EXPECT_EQ(report.violations[0].node, 1);
}

TEST_F(CordeauRules, MissingRequestListedUnservedIsConsistent) {
  Report by_pickup = check(make_solution({{0, {{2, 20}, {4, 25}}}}, 16, false, {"1"}));
  EXPECT_TRUE(by_pickup.consistent()) << testing::describe(by_pickup);
  EXPECT_FALSE(by_pickup.feasible());
  EXPECT_EQ(by_pickup.requests_served, 1);
  Report by_delivery = check(make_solution({{0, {{2, 20}, {4, 25}}}}, 16, false, {"3"}));
  EXPECT_TRUE(by_delivery.consistent()) << testing::describe(by_delivery);
}

TEST_F(CordeauRules, MissingRequestNotListedUnserved) {
  Report report = check(make_solution({{0, {{2, 20}, {4, 25}}}}, 16, false));
  EXPECT_TRUE(OnlyViolates(report, Rule::kMissingRequest));
}

TEST_F(CordeauRules, ServedAndListedUnserved) {
  Report report = check(make_solution({good_route()}, kGoodCost, true, {"2"}));
  EXPECT_TRUE(OnlyViolates(report, Rule::kServedAndUnserved));
}

TEST_F(CordeauRules, UnknownRequestListedUnserved) {
  Report report = check(make_solution({good_route()}, kGoodCost, true, {"7"}));
  EXPECT_TRUE(OnlyViolates(report, Rule::kUnknownRequest));
}

TEST_F(CordeauRules, DuplicateNode) {
  Report report = check(make_solution({good_route(), {1, {{1, 5}}}}, kGoodCost + 10));
  ASSERT_TRUE(OnlyViolates(report, Rule::kDuplicateNode));
  EXPECT_EQ(report.violations[0].route, 1);
  EXPECT_EQ(report.violations[0].node, 1);
}

TEST_F(CordeauRules, WrongCost) {
  EXPECT_TRUE(OnlyViolates(check(make_solution({good_route()}, 24.5)), Rule::kCost));
  EXPECT_TRUE(OnlyViolates(check(make_solution({good_route()}, 24.0001)), Rule::kCost));
  // Within the tolerance (relative 1e-6).
  EXPECT_TRUE(testing::IsFeasible(check(make_solution({good_route()}, 24 + 1e-8))));
}

TEST_F(CordeauRules, TooManyRoutes) {
  Report report =
      check(make_solution({{0, {{1, 5}}}, {1, {{3, 10}}}, {2, {{2, 20}, {4, 25}}}}, 10 + 20 + 16));
  EXPECT_TRUE(Violates(report, Rule::kFleetSize));
}

TEST_F(CordeauRules, DepotReturnTooLate) {
  // Back at the end depot at 96 + 10 = 106 > 100.
  Report report = check(make_solution({{0, {{1, 85}, {3, 95}}}, {1, {{2, 20}, {4, 25}}}}, 20 + 16));
  ASSERT_TRUE(OnlyViolates(report, Rule::kDepotReturn));
  EXPECT_EQ(report.violations[0].route, 0);
}

TEST_F(CordeauRules, UnknownNodes) {
  for (int node : {9, -1, 0, 5}) {  // out of range, start depot, end depot
    testing::TestRoute route = good_route();
    route.stops.push_back({node, 30});
    Report report = check(make_solution({route}, kGoodCost));
    ASSERT_TRUE(OnlyViolates(report, Rule::kUnknownNode)) << "node " << node;
    EXPECT_EQ(report.violations[0].node, node);
  }
}

TEST_F(CordeauRules, VehiclesUsedMismatch) {
  nlohmann::json json = make_solution({good_route()}, kGoodCost);
  json["vehicles_used"] = 2;
  EXPECT_TRUE(OnlyViolates(check(json), Rule::kVehiclesUsed));
}

TEST_F(CordeauRules, VehicleIndexOutOfRangeOrShared) {
  testing::TestRoute route = good_route();
  route.vehicle = 2;
  EXPECT_TRUE(OnlyViolates(check(make_solution({route}, kGoodCost)), Rule::kVehicleIndex));
  Report shared = check(make_solution({{1, {{1, 5}, {3, 11}}}, {1, {{2, 20}, {4, 25}}}}, 20 + 16));
  EXPECT_TRUE(OnlyViolates(shared, Rule::kVehicleIndex));
}

TEST_F(CordeauRules, FeasibleFlagFalseForAValidCompletePlan) {
  EXPECT_TRUE(
      OnlyViolates(check(make_solution({good_route()}, kGoodCost, false)), Rule::kFeasibleFlag));
}

TEST_F(CordeauRules, ViolationTextNamesRouteNodeAndNumbers) {
  Report report = check(make_solution({{0, {{1, 7}, {3, 13}, {2, 20}, {4, 27}}}}, kGoodCost));
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_EQ(format_violation(report.violations[0]),
            "[time-window] route 0 node 4: time 27.000000 after window [0.000000, 26.000000] "
            "closes (late by 1.000000)");
}

}  // namespace
}  // namespace sendplan::check
