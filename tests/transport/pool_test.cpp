// Cross-borough pooling: merging keeps ids apart and shares schools that are the same school;
// cost shares add up and follow their definitions (checked against hand-worked games); a pooled
// plan of two boroughs passes the independent day check.
#include "transport/pool.h"

#include <gtest/gtest.h>

#include <numeric>

#include "day_check.h"
#include "transport/planner.h"
#include "travel/london_model.h"

namespace sendplan::transport {
namespace {

School make_school(const std::string& id, geo::LatLon where) {
  School s;
  s.id = id;
  s.name = id;
  s.location = where;
  s.start_minutes = 9 * 60;
  s.finish_minutes = 15 * 60 + 30;
  s.earliest_arrival_minutes = 30;
  return s;
}

Pupil make_pupil(const std::string& id, geo::LatLon home, const std::string& school) {
  Pupil p;
  p.id = id;
  p.home = home;
  p.school_id = school;
  p.max_ride_minutes = 75;
  p.boarding_minutes = 2;
  return p;
}

VehicleType make_taxi(geo::LatLon depot) {
  VehicleType v;
  v.name = "taxi";
  v.seats = 4;
  v.available = 4;
  v.fixed_cost_per_day_pence = 6500;
  v.cost_per_mile_pence = 220;
  v.depot = depot;
  return v;
}

// Two boroughs side by side whose children go to one shared school between them, plus a school
// of their own each that happens to have the same id "OWN".
std::vector<BoroughInputs> two_boroughs() {
  const geo::LatLon shared{51.55, -0.10};
  BoroughInputs west{"west", {}}, east{"east", {}};
  west.inputs.schools = {make_school("SHARED", shared), make_school("OWN", {51.55, -0.16})};
  east.inputs.schools = {make_school("SHARED", shared), make_school("OWN", {51.55, -0.04})};
  for (int i = 0; i < 3; ++i) {
    west.inputs.pupils.push_back(
        make_pupil("P" + std::to_string(i), {51.56 + 0.002 * i, -0.12}, "SHARED"));
    east.inputs.pupils.push_back(
        make_pupil("P" + std::to_string(i), {51.56 + 0.002 * i, -0.08}, "SHARED"));
  }
  west.inputs.pupils.push_back(make_pupil("P9", {51.54, -0.15}, "OWN"));
  west.inputs.pupils[0].not_with = {"P1"};
  west.inputs.pupils[1].not_with = {"P0"};
  west.inputs.fleet = {make_taxi({51.55, -0.13})};
  east.inputs.fleet = {make_taxi({51.55, -0.07})};
  return {west, east};
}

TEST(Pool, MergePrefixesIdsAndSharesTheSameSchool) {
  const MergedInputs merged = merge_boroughs(two_boroughs());
  ASSERT_EQ(merged.inputs.pupils.size(), 7u);
  EXPECT_EQ(merged.inputs.pupils[0].id, "west/P0");
  EXPECT_EQ(merged.inputs.pupils[0].not_with, std::vector<std::string>{"west/P1"});
  EXPECT_EQ(merged.inputs.pupils[4].id, "east/P0");
  EXPECT_EQ(merged.inputs.pupils[0].school_id, "SHARED");
  EXPECT_EQ(merged.inputs.pupils[4].school_id, "SHARED");
  EXPECT_EQ(merged.inputs.pupils[3].school_id, "west/OWN");  // same id, different school
  EXPECT_EQ(merged.inputs.schools.size(), 3u);
  EXPECT_EQ(merged.shared_schools, 1);
  EXPECT_EQ(merged.inputs.fleet.size(), 2u);
  EXPECT_EQ(merged.inputs.fleet[1].name, "east/taxi");
  EXPECT_EQ(merged.pupil_borough, (std::vector<int>{0, 0, 0, 0, 1, 1, 1}));
  // A coalition of one keeps that borough's ids (prefixed) and schools unprefixed.
  const MergedInputs east_only = merge_coalition(two_boroughs(), 2u);
  EXPECT_EQ(east_only.inputs.pupils.size(), 3u);
  EXPECT_EQ(east_only.inputs.schools[1].id, "OWN");
}

TEST(Pool, ProportionalSharesAddUpAndFollowStandaloneCost) {
  const auto shares = proportional_shares({30000, 10000, 20000}, 45001);
  EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), std::int64_t{0}), 45001);
  EXPECT_NEAR(static_cast<double>(shares[0]), 22500.5, 1);
  EXPECT_NEAR(static_cast<double>(shares[1]), 7500.2, 1);
  EXPECT_NEAR(static_cast<double>(shares[2]), 15000.3, 1);
}

TEST(Pool, ShapleySharesMatchHandWorkedGames) {
  // Symmetric: alone 100 each, together 150 -> 75 each.
  EXPECT_EQ(shapley_shares(2, {0, 100, 100, 150}), (std::vector<std::int64_t>{75, 75}));
  // Three boroughs; cost[mask], bit i = borough i. Worked by hand over the 6 join orders:
  // c(A)=60 c(B)=40 c(C)=30 c(AB)=80 c(AC)=75 c(BC)=55 c(ABC)=100.
  // Marginal costs in the orders ABC ACB BAC BCA CAB CBA:
  // A: 60 60 40 45 45 45 -> 295/6; B: 20 25 40 40 25 25 -> 175/6; C: 20 15 20 15 30 30 -> 130/6.
  const std::vector<std::int64_t> cost = {0, 60, 40, 80, 30, 75, 55, 100};
  const auto shares = shapley_shares(3, cost);
  EXPECT_EQ(shares[0] + shares[1] + shares[2], 100);
  EXPECT_NEAR(static_cast<double>(shares[0]), 295.0 / 6, 1);
  EXPECT_NEAR(static_cast<double>(shares[1]), 175.0 / 6, 1);
  EXPECT_NEAR(static_cast<double>(shares[2]), 130.0 / 6, 1);
}

TEST(Pool, CoalitionsNeverCostMoreThanTheirSplits) {
  // c(A)=60 c(B)=40 c(AB)=120 (a poor pooled plan) c(C)=30 c(AC)=75 c(BC)=55 c(ABC)=200.
  const auto fixed = separable_costs(3, {0, 60, 40, 120, 30, 75, 55, 200});
  EXPECT_EQ(fixed, (std::vector<std::int64_t>{0, 60, 40, 100, 30, 75, 55, 115}));
  // c(ABC) = min(200, c(A)+c(BC) = 115, c(B)+c(AC) = 115, c(C)+c(AB) = 130).
}

TEST(Pool, PooledPlanPassesTheDayCheckAndSharesTheSchool) {
  const MergedInputs merged = merge_boroughs(two_boroughs());
  auto model = travel::make_london_model();
  ASSERT_TRUE(model.ok());
  auto matrices = day_matrices(merged.inputs, *model.value());
  ASSERT_TRUE(matrices.ok());
  PlannerSettings settings;
  settings.solver.time_limit_seconds = 0;
  settings.solver.max_iterations = 300;
  auto day = plan_day(merged.inputs, std::move(matrices).value(), settings);
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(testing::check_day(merged.inputs, day.value().matrices.morning,
                               day.value().matrices.afternoon, day.value().day),
            "");
  EXPECT_EQ(day.value().day.summary.unserved, 0);
  // Six children to one school, four-seat taxis: pooled, two vehicles do the shared school's run
  // plus one for west's own school (planning apart needs two each for the shared school).
  EXPECT_LE(day.value().day.summary.routes_am, 3);
}

}  // namespace
}  // namespace sendplan::transport
