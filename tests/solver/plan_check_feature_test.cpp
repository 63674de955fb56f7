// The independent plan check (plan_check.h) must itself catch broken plans, or the feature tests
// that rely on it prove nothing: each test takes a valid plan, breaks one rule by hand and
// expects the check to name it.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "solver/plan_check.h"
#include "solver/solve.h"

namespace sendplan::solver {
namespace {

using model::Plan;
using model::Problem;
using model::ProblemData;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Two passengers side by side (0: (10,0) -> (20,0), 1: (10,1) -> (20,1)), one car of 2 seats at
// (0,0); the solver puts both on one route, picked up before either is dropped.
ProblemData shared_ride() {
  ProblemData data;
  data.name = "check";
  data.coordinates = {{0, 0}, {10, 0}, {20, 0}, {10, 1}, {20, 1}};
  for (int r = 0; r < 2; ++r) {
    model::Request request;
    request.name = std::to_string(r);
    request.pickup = {1 + 2 * r, 0, 1000, 1, 1 + 2 * r};
    request.delivery = {2 + 2 * r, 0, 1000, 1, 2 + 2 * r};
    request.load.amount[0] = 1;
    data.requests.push_back(request);
  }
  model::VehicleType car;
  car.name = "car";
  car.count = 2;
  car.capacity.amount[0] = 2;
  data.vehicle_types.push_back(car);
  model::fill_euclidean_matrices(data);
  return data;
}

Problem make(ProblemData data) {
  auto problem = Problem::create(std::move(data));
  EXPECT_TRUE(problem.ok());
  return std::move(problem).value();
}

Plan solve_small(const Problem& problem) {
  SolverParameters p;
  p.time_limit_seconds = 0;
  p.max_iterations = 50;
  return solve(problem, p);
}

// The solved plan is valid and shares the ride: the starting point for every corruption below.
Plan valid_shared_plan(const Problem& problem) {
  Plan plan = solve_small(problem);
  EXPECT_EQ(testing::check_plan(problem, plan), "");
  EXPECT_EQ(plan.routes.size(), 1u);
  EXPECT_TRUE(testing::ever_on_board_together(problem, plan, 0, 1));
  return plan;
}

TEST(PlanCheckFeature, AcceptsTheSolversValidPlan) {
  const Problem problem = make(shared_ride());
  const Plan plan = valid_shared_plan(problem);
  EXPECT_EQ(testing::served_count(plan), 2);
  EXPECT_EQ(testing::route_serving(plan, 0), 0);
  EXPECT_EQ(testing::type_serving(plan, 1), 0);
}

TEST(PlanCheckFeature, CatchesAStopStartingBeforeTheVehicleCanArrive) {
  const Problem problem = make(shared_ride());
  Plan plan = valid_shared_plan(problem);
  ASSERT_EQ(plan.routes.size(), 1u);
  plan.routes[0].stops[1].start -= 5;
  plan.routes[0].stops[1].departure -= 5;
  EXPECT_TRUE(contains(testing::check_plan(problem, plan), "before it can arrive"));
}

TEST(PlanCheckFeature, CatchesAStopOutsideItsWindow) {
  ProblemData data = shared_ride();
  data.requests[1].delivery.due = 5;  // no vehicle can be there by 5
  const Problem tight = make(data);
  const Problem loose = make(shared_ride());
  const Plan plan = valid_shared_plan(loose);
  EXPECT_TRUE(contains(testing::check_plan(tight, plan), "outside its window"));
}

TEST(PlanCheckFeature, CatchesCapacityAndLoadMistakes) {
  ProblemData data = shared_ride();
  data.vehicle_types[0].capacity.amount[0] = 1;
  const Problem small_car = make(data);
  const Problem problem = make(shared_ride());
  Plan plan = valid_shared_plan(problem);
  EXPECT_TRUE(contains(testing::check_plan(small_car, plan), "capacity 1"));
  plan.routes[0].stops[0].load_after.amount[0] = 7;
  EXPECT_TRUE(contains(testing::check_plan(problem, plan), "reports load"));
}

TEST(PlanCheckFeature, CatchesDeliveryBeforePickup) {
  const Problem problem = make(shared_ride());
  Plan plan = valid_shared_plan(problem);
  auto& stops = plan.routes[0].stops;
  // Move request 0's delivery to the front of the route.
  for (size_t i = 0; i < stops.size(); ++i) {
    if (stops[i].request == 0 && !stops[i].is_pickup) {
      const model::PlannedStop drop = stops[i];
      stops.erase(stops.begin() + static_cast<std::ptrdiff_t>(i));
      stops.insert(stops.begin(), drop);
      break;
    }
  }
  EXPECT_TRUE(contains(testing::check_plan(problem, plan), "did not pick it up first"));
}

TEST(PlanCheckFeature, CatchesRideTimeRideAloneAndNotTogether) {
  const Problem problem = make(shared_ride());
  const Plan plan = valid_shared_plan(problem);

  ProblemData ride = shared_ride();
  ride.requests[0].max_ride_time = 10.5;  // direct is 10; the shared ride takes longer
  ride.requests[1].max_ride_time = 10.5;
  EXPECT_TRUE(contains(testing::check_plan(make(ride), plan), "ride time"));

  ProblemData alone = shared_ride();
  alone.requests[1].ride_alone = true;
  EXPECT_TRUE(contains(testing::check_plan(make(alone), plan), "ride-alone request 1"));

  ProblemData apart = shared_ride();
  apart.not_together.push_back({1, 0});
  EXPECT_TRUE(contains(testing::check_plan(make(apart), plan), "not-together requests 1 and 0"));
}

TEST(PlanCheckFeature, CatchesCostDistanceAndDurationMistakes) {
  const Problem problem = make(shared_ride());
  Plan plan = valid_shared_plan(problem);
  plan.routes[0].cost += 1;
  plan.cost += 1;
  EXPECT_TRUE(contains(testing::check_plan(problem, plan), "fixed + distance + time"));

  ProblemData priced = shared_ride();
  priced.vehicle_types[0].fixed_cost = 100;  // the plan's cost leaves it out
  EXPECT_TRUE(contains(testing::check_plan(make(priced), valid_shared_plan(problem)),
                       "fixed + distance + time"));

  ProblemData short_shift = shared_ride();
  short_shift.vehicle_types[0].max_duration = 20;
  EXPECT_TRUE(contains(testing::check_plan(make(short_shift), valid_shared_plan(problem)),
                       "exceeds the maximum"));

  Plan wrong_end = valid_shared_plan(problem);
  wrong_end.routes[0].end_time -= 3;
  wrong_end.routes[0].duration -= 3;
  EXPECT_TRUE(contains(testing::check_plan(problem, wrong_end), "cannot arrive before"));
}

TEST(PlanCheckFeature, CatchesDroppedDuplicatedAndDoublyListedRequests) {
  const Problem problem = make(shared_ride());
  Plan dropped = valid_shared_plan(problem);
  std::erase_if(dropped.routes[0].stops,
                [](const model::PlannedStop& s) { return s.request == 1; });
  EXPECT_TRUE(contains(testing::check_plan(problem, dropped), "neither served nor listed"));

  Plan listed = valid_shared_plan(problem);
  listed.unserved.push_back({1, "because"});
  listed.feasible = false;
  EXPECT_TRUE(contains(testing::check_plan(problem, listed), "served and also listed"));

  Plan twice = valid_shared_plan(problem);
  model::PlannedRoute copy = twice.routes[0];
  copy.vehicle = 1;
  twice.routes.push_back(copy);
  const std::string report = testing::check_plan(problem, twice);
  EXPECT_TRUE(contains(report, "2 pickups and 2 deliveries")) << report;
  EXPECT_TRUE(contains(report, "vehicles_used")) << report;

  Plan same_vehicle = valid_shared_plan(problem);
  same_vehicle.routes.push_back(same_vehicle.routes[0]);
  EXPECT_TRUE(contains(testing::check_plan(problem, same_vehicle), "used by two routes"));

  Plan flag = valid_shared_plan(problem);
  flag.feasible = false;
  EXPECT_TRUE(contains(testing::check_plan(problem, flag), "feasible is false"));
}

// Two cars of one seat each serve the two passengers (both collected in [10, 11]); checked
// against the same problem with both cars in a fleet limit of 1, the plan uses one car too many.
TEST(PlanCheckFeature, CatchesMoreVehiclesInAFleetLimitGroupThanItsLimit) {
  ProblemData data = shared_ride();
  data.vehicle_types[0].capacity.amount[0] = 1;
  for (model::Request& request : data.requests) {
    request.pickup.ready = 10;
    request.pickup.due = 11;
  }
  const Problem unlimited = make(data);
  const Plan plan = solve_small(unlimited);
  ASSERT_EQ(testing::check_plan(unlimited, plan), "");
  ASSERT_EQ(plan.routes.size(), 2u);

  data.fleet_limits.push_back({"car", 1, {0}});
  const std::string report = testing::check_plan(make(data), plan);
  EXPECT_TRUE(contains(report, "fleet limit 'car': 2 vehicles used, at most 1")) << report;

  data.fleet_limits[0].limit = 2;
  EXPECT_EQ(testing::check_plan(make(data), plan), "");
}

}  // namespace
}  // namespace sendplan::solver
