// Checker rules on the hand-made VRPTW (data/solomon_3cust.txt) and PDPTW (data/lilim_2pair.txt)
// instances: the correct plan is accepted, broken plans are rejected with the right rule.
#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"

namespace sendplan::check {
namespace {

using testing::make_solution;
using testing::OnlyViolates;
using testing::Violates;

Report check_solomon(const nlohmann::json& json) {
  static const Instance instance =
      read_instance(Format::kSolomon, testing::data_path("solomon_3cust.txt"));
  return testing::check_json(instance, json);
}

Report check_lilim(const nlohmann::json& json) {
  static const Instance instance =
      read_instance(Format::kLiLim, testing::data_path("lilim_2pair.txt"));
  return testing::check_json(instance, json);
}

// Solomon: [1@5, 2@12] back at 24 (cost 20), [3@6] back at 14 (cost 12).
TEST(SolomonRules, CorrectPlanIsFeasible) {
  Report report = check_solomon(make_solution({{0, {{1, 5}, {2, 12}}}, {1, {{3, 6}}}}, 32));
  EXPECT_TRUE(testing::IsFeasible(report));
  EXPECT_DOUBLE_EQ(report.cost, 32);
  EXPECT_EQ(report.routes_used, 2);
}

TEST(SolomonRules, TotalDemandAboveCapacity) {
  // Demands 4 + 3 + 5 = 12 > 10 on one route (schedule and cost are fine).
  Report report = check_solomon(make_solution({{0, {{1, 5}, {2, 12}, {3, 22}}}}, 24));
  ASSERT_TRUE(OnlyViolates(report, Rule::kCapacity));
  EXPECT_EQ(report.violations[0].route, 0);
}

TEST(SolomonRules, TooManyRoutes) {
  Report report =
      check_solomon(make_solution({{0, {{1, 5}}}, {1, {{2, 10}}}, {2, {{3, 6}}}}, 10 + 20 + 12));
  EXPECT_TRUE(Violates(report, Rule::kFleetSize));
}

TEST(SolomonRules, LateArrival) {
  Report report = check_solomon(make_solution({{0, {{1, 5}, {2, 16}}}, {1, {{3, 6}}}}, 32));
  ASSERT_TRUE(OnlyViolates(report, Rule::kTimeWindow));
  EXPECT_EQ(report.violations[0].node, 2);
}

TEST(SolomonRules, DepotReturnTooLate) {
  // 3@46 is inside its window [0, 49] but the vehicle is back at 48 + 6 = 54 > 50.
  Report report = check_solomon(make_solution({{0, {{1, 5}, {2, 12}}}, {1, {{3, 46}}}}, 32));
  ASSERT_TRUE(OnlyViolates(report, Rule::kDepotReturn));
  EXPECT_EQ(report.violations[0].route, 1);
  EXPECT_EQ(report.violations[0].node, 3);
}

TEST(SolomonRules, UnknownNodeAndMissingCustomer) {
  Report unknown =
      check_solomon(make_solution({{0, {{1, 5}, {2, 12}}}, {1, {{3, 6}, {4, 20}}}}, 32));
  EXPECT_TRUE(OnlyViolates(unknown, Rule::kUnknownNode));
  Report missing = check_solomon(make_solution({{0, {{1, 5}, {2, 12}}}}, 20));
  EXPECT_TRUE(OnlyViolates(missing, Rule::kMissingRequest));
}

TEST(SolomonRules, NoRideTimeOrDurationLimit) {
  // A long wait before customer 3 is fine: VRPTW has neither limit.
  Report report = check_solomon(make_solution({{0, {{1, 5}, {2, 12}}}, {1, {{3, 40}}}}, 32));
  EXPECT_TRUE(testing::IsFeasible(report));
}

// Li & Lim: pairs 1->3 and 4->2; correct plan [1@5, 3@11, 4@18, 2@23], cost 24.
TEST(LiLimRules, CorrectPlanIsFeasible) {
  Report report = check_lilim(make_solution({{0, {{1, 5}, {3, 11}, {4, 18}, {2, 23}}}}, 24));
  EXPECT_TRUE(testing::IsFeasible(report));
  EXPECT_DOUBLE_EQ(report.cost, 24);
}

TEST(LiLimRules, CapacityExceeded) {
  // Loads 5 then 11 > 10.
  Report report = check_lilim(make_solution(
      {{0, {{1, 5}, {4, 11}, {2, 16}, {3, 17 + std::sqrt(52.0)}}}}, 24 + std::sqrt(52.0)));
  ASSERT_TRUE(OnlyViolates(report, Rule::kCapacity));
  EXPECT_EQ(report.violations[0].node, 4);
}

TEST(LiLimRules, DeliveryBeforePickup) {
  Report report = check_lilim(make_solution({{0, {{3, 10}, {1, 16}, {4, 22}, {2, 27}}}}, 28));
  EXPECT_TRUE(Violates(report, Rule::kPrecedence));
}

TEST(LiLimRules, RequestSplitAcrossRoutes) {
  Report report =
      check_lilim(make_solution({{0, {{4, 8}, {2, 13}, {1, 17}}}, {1, {{3, 10}}}}, 20 + 20));
  EXPECT_TRUE(Violates(report, Rule::kSplitRequest));
}

TEST(LiLimRules, LateArrival) {
  Report report = check_lilim(make_solution({{0, {{1, 5}, {3, 11}, {4, 51}, {2, 56}}}}, 24));
  ASSERT_TRUE(OnlyViolates(report, Rule::kTimeWindow));
  EXPECT_EQ(report.violations[0].node, 4);
}

TEST(LiLimRules, UnservedPairListedIsConsistent) {
  Report report = check_lilim(make_solution({{0, {{1, 5}, {3, 11}}}}, 20, false, {"4"}));
  EXPECT_TRUE(report.consistent()) << testing::describe(report);
  EXPECT_FALSE(report.feasible());
}

}  // namespace
}  // namespace sendplan::check
