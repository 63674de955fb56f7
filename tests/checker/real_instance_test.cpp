// The checker on a real benchmark file (Cordeau a2-16: 2 vehicles, 16 requests) with trivially
// built solutions. Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "test_util.h"

namespace sendplan::check {
namespace {

class RealInstance : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path =
        std::string(SENDPLAN_SHARED_DIR) + "/benchmarks/darp_cordeau/a_instances/a2-16.txt";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
    instance_ = read_instance(Format::kCordeau, path);
  }
  Instance instance_;
};

TEST_F(RealInstance, HeaderAndNodes) {
  EXPECT_EQ(instance_.fleet_size, 2);
  EXPECT_EQ(instance_.requests.size(), 16u);
  EXPECT_EQ(instance_.end_depot, 33);
  EXPECT_EQ(instance_.max_route_duration, 480);
  EXPECT_EQ(instance_.max_ride_time, 30);
  EXPECT_EQ(instance_.nodes[33].due, 480);
}

TEST_F(RealInstance, NothingServedButAllListedIsConsistentNotFeasible) {
  std::vector<std::string> all;
  for (int i = 1; i <= 16; ++i) all.push_back(std::to_string(i));
  Report report = testing::check_json(instance_, testing::make_solution({}, 0, false, all));
  EXPECT_TRUE(report.consistent()) << testing::describe(report);
  EXPECT_FALSE(report.feasible());
  EXPECT_EQ(report.requests_served, 0);
}

TEST_F(RealInstance, FeasibleClaimWithoutRoutesIsRejected) {
  Report report = testing::check_json(instance_, testing::make_solution({}, 0, true));
  EXPECT_TRUE(testing::OnlyViolates(report, Rule::kMissingRequest));
  EXPECT_EQ(report.count(Rule::kMissingRequest), 16);
}

TEST_F(RealInstance, OneRequestOnItsOwnRoute) {
  // Request 1 alone: pick up as late as needed to reach the drop-off when its window opens.
  const Node& pickup = instance_.nodes[1];
  const Node& drop = instance_.nodes[17];
  double leg = pickup.service + instance_.travel(1, 17);
  double at_pickup = std::max({pickup.ready, instance_.travel(0, 1), drop.ready - leg});
  double at_drop = std::max(drop.ready, at_pickup + leg);
  ASSERT_LE(at_pickup, pickup.due) << "a2-16 changed?";
  ASSERT_LE(at_drop, drop.due) << "a2-16 changed?";
  double cost = instance_.travel(0, 1) + instance_.travel(1, 17) + instance_.travel(17, 33);
  std::vector<std::string> rest;
  for (int i = 2; i <= 16; ++i) rest.push_back(std::to_string(i));
  Report report = testing::check_json(
      instance_, testing::make_solution({{0, {{1, at_pickup}, {17, at_drop}}}}, cost, false, rest));
  EXPECT_TRUE(report.consistent()) << testing::describe(report);
  EXPECT_EQ(report.requests_served, 1);
}

}  // namespace
}  // namespace sendplan::check
