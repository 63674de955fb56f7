#include "solver/route_evaluator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

using testing::paired_problem;
using testing::PointRequest;

// Reference: the schedule as a system of difference constraints, solved by Bellman-Ford-style
// relaxation from the lower bounds (least solution) with the ORIGINAL windows of the Problem.
// Independent of the evaluator's ordering argument; slow but simple.
bool reference_feasible(const model::Problem& problem, const std::vector<int>& stops) {
  const model::VehicleType& v = problem.vehicle_types()[0];
  const int k = static_cast<int>(stops.size()), last = k + 1;
  std::vector<int> loc(last + 1);
  std::vector<double> ready(last + 1), due(last + 1), service(last + 1, 0.0);
  loc[0] = v.start_location;
  ready[0] = v.shift_start;
  due[0] = v.shift_end;
  loc[last] = v.end_location;
  ready[last] = v.shift_start;
  due[last] = v.shift_end;
  struct Edge {  // x[to] >= x[from] + weight
    int from, to;
    double weight;
  };
  std::vector<Edge> edges;
  std::vector<int> pickup_position(problem.request_count(), -1);
  int load = 0;
  for (int i = 0; i < k; ++i) {
    const int r = stops[i] / 2;
    const model::Request& q = problem.request(r);
    const bool pick = stops[i] % 2 == 0;
    const model::StopSpec& spec = pick ? q.pickup : q.delivery;
    loc[i + 1] = spec.location;
    ready[i + 1] = spec.ready;
    due[i + 1] = spec.due;
    service[i + 1] = spec.service;
    if (pick) {
      pickup_position[r] = i + 1;
      load += q.load.amount[0];
    } else {
      if (pickup_position[r] < 0) return false;
      load -= q.load.amount[0];
      edges.push_back(
          {i + 1, pickup_position[r], -(q.max_ride_time + spec.service * 0) - q.pickup.service});
    }
    if (load > v.capacity.amount[0]) return false;
  }
  for (int r = 0; r < problem.request_count(); ++r) {
    const bool has_pick = std::find(stops.begin(), stops.end(), 2 * r) != stops.end();
    const bool has_drop = std::find(stops.begin(), stops.end(), 2 * r + 1) != stops.end();
    if (has_pick != has_drop) return false;
  }
  for (int p = 0; p < last; ++p)
    edges.push_back({p, p + 1, service[p] + problem.travel_time(loc[p], loc[p + 1])});
  edges.push_back({last, 0, -v.max_duration});
  std::vector<double> x(ready);
  for (int round = 0; round <= 4 * (last + 1); ++round) {
    bool changed = false;
    for (const Edge& e : edges) {
      if (x[e.from] + e.weight > x[e.to] + 1e-9) {
        x[e.to] = x[e.from] + e.weight;
        changed = true;
      }
    }
    for (int p = 0; p <= last; ++p)
      if (x[p] > due[p] + 1e-9) return false;
    if (!changed) return true;
  }
  return false;  // still changing: a positive cycle
}

TEST(RouteEvaluator, EmptyRouteIsFeasibleAndFree) {
  auto problem =
      model::Problem::create(paired_problem({{1, 0, 2, 0, 0, 100, 0, 100}}, 1, 3, 100, 100));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  EXPECT_TRUE(evaluator.evaluate(0, nullptr, 0, schedule));
  EXPECT_EQ(schedule.cost, 0);
}

TEST(RouteEvaluator, ComputesDistanceAndEarliestTimes) {
  // Depot (0,0) -> pickup (3,0) -> drop (3,4) -> depot: 3 + 4 + 5 = 12.
  auto problem =
      model::Problem::create(paired_problem({{3, 0, 3, 4, 10, 20, 0, 100}}, 1, 3, 100, 100));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  const int stops[] = {0, 1};
  ASSERT_TRUE(evaluator.evaluate(0, stops, 2, schedule));
  EXPECT_DOUBLE_EQ(schedule.distance, 12);
  EXPECT_DOUBLE_EQ(schedule.start[1], 10);  // waits for the window
  EXPECT_DOUBLE_EQ(schedule.start[2], 15);  // 10 + service 1 + 4
  EXPECT_DOUBLE_EQ(schedule.start[0], 0);   // least schedule: could leave at once
  EXPECT_DOUBLE_EQ(schedule.departure, 7);  // but leaves just in time
  EXPECT_DOUBLE_EQ(schedule.duration, 21 - 7);
}

TEST(RouteEvaluator, DelaysPickupToRespectRideTime) {
  // Request 1 is picked up early at (1,0); request 2's pickup window forces a wait before its
  // drop. The pickup of 1 must be delayed so its ride stays within 10.
  auto problem = model::Problem::create(paired_problem(
      {{1, 0, 2, 0, 0, 100, 0, 100, 0, 1, 10}, {1.5, 0, 1.6, 0, 20, 30, 0, 100, 0, 1, 10}}, 1, 3,
      100, 100));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  const int stops[] = {0, 2, 1, 3};  // P1 P2 D1 D2
  ASSERT_TRUE(evaluator.evaluate(0, stops, 4, schedule));
  const double ride = schedule.start[3] - schedule.start[1];
  EXPECT_LE(ride, 10 + 1e-9);
  EXPECT_GE(schedule.start[2], 20);
}

TEST(RouteEvaluator, RejectsRideTimeThatNoWaitingCanFix) {
  // Direct distance 10 but ride limit 5.
  auto problem = model::Problem::create(
      paired_problem({{0, 1, 10, 1, 0, 100, 0, 100, 0, 1, 5}}, 1, 3, 100, 100));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  const int stops[] = {0, 1};
  EXPECT_FALSE(evaluator.evaluate(0, stops, 2, schedule));
}

TEST(RouteEvaluator, RejectsCapacityPrecedenceAndDuration) {
  auto problem = model::Problem::create(paired_problem(
      {{1, 0, 2, 0, 0, 100, 0, 100, 0, 2}, {1, 1, 2, 1, 0, 100, 0, 100, 0, 2}}, 1, 3, 100, 6));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  const int overlapping[] = {0, 2, 1, 3};  // load 4 > 3
  EXPECT_FALSE(evaluator.evaluate(0, overlapping, 4, schedule));
  const int reversed[] = {1, 0};  // delivery before pickup
  EXPECT_FALSE(evaluator.evaluate(0, reversed, 2, schedule));
  const int sequential[] = {0, 1, 2, 3};  // length > max duration 6
  EXPECT_FALSE(evaluator.evaluate(0, sequential, 4, schedule));
}

// The evaluator's one-pass ride-time scheduling agrees with brute-force relaxation on thousands of
// random sequences (feasible and infeasible alike), and its schedules satisfy every constraint.
TEST(RouteEvaluator, AgreesWithBruteForceOnRandomRoutes) {
  Random random(2024);
  int feasible_seen = 0, infeasible_seen = 0;
  for (int trial = 0; trial < 300; ++trial) {
    auto problem = model::Problem::create(testing::random_problem(random, 6, 120, 12 + trial % 20));
    ASSERT_TRUE(problem.ok());
    SearchModel model(problem.value());
    RouteEvaluator evaluator(model);
    RouteSchedule schedule;
    for (int attempt = 0; attempt < 30; ++attempt) {
      // A random subset of requests in random precedence-respecting order.
      std::vector<int> stops;
      for (int r = 0; r < 6; ++r)
        if (random.chance(0.5)) stops.push_back(2 * r);
      for (size_t i = 0, n = stops.size(); i < n; ++i) stops.push_back(stops[i] + 1);
      for (int shuffle = 0; shuffle < 20; ++shuffle) {
        const int i = random.below(static_cast<uint32_t>(std::max<size_t>(stops.size(), 1)));
        const int j = random.below(static_cast<uint32_t>(std::max<size_t>(stops.size(), 1)));
        if (!stops.empty()) std::swap(stops[i], stops[j]);
      }
      const bool expected = reference_feasible(problem.value(), stops);
      const bool got =
          evaluator.evaluate(0, stops.data(), static_cast<int>(stops.size()), schedule);
      ASSERT_EQ(got, expected) << "trial " << trial << " attempt " << attempt;
      (got ? feasible_seen : infeasible_seen)++;
    }
  }
  EXPECT_GT(feasible_seen, 200);
  EXPECT_GT(infeasible_seen, 200);
}

}  // namespace
}  // namespace sendplan::solver

namespace sendplan::solver {
namespace {

// Regression: a corrupted sequence with a request's pickup twice (and another's delivery alone)
// balanced the open-delivery count and reached the sharing check, which then crashed.
TEST(RouteEvaluator, RejectsDuplicatedStops) {
  auto problem = model::Problem::create(
      paired_problem({{1, 0, 2, 0, 0, 100, 0, 100}, {1, 1, 2, 1, 0, 100, 0, 100}}, 1, 3, 100, 100));
  ASSERT_TRUE(problem.ok());
  SearchModel model(problem.value());
  RouteEvaluator evaluator(model);
  RouteSchedule schedule;
  const int twice_picked[] = {2, 2, 3, 1};  // P2 P2 D2 D1
  EXPECT_FALSE(evaluator.evaluate(0, twice_picked, 4, schedule));
  const int twice_delivered[] = {0, 1, 1};
  EXPECT_FALSE(evaluator.evaluate(0, twice_delivered, 3, schedule));
}

}  // namespace
}  // namespace sendplan::solver
