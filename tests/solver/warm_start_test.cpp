// Warm starts (solver/warm_start.h): a plan fed back in is accepted and never made worse; requests
// a start leaves out are inserted; insert_into keeps every start route and only adds; starts that
// break a rule are refused with a reason naming the route, the request and the rule; runs from a
// start are repeatable under an iteration limit, with one thread or two. Every plan is re-checked
// by the independent checker (plan_check.h).
#include "solver/warm_start.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/random.h"
#include "io/instance_readers.h"
#include "solver/plan_check.h"
#include "solver/problem_builder.h"

namespace sendplan::solver {
namespace {

using model::Plan;
using model::Problem;
using model::ProblemData;
using model::RequestKind;
using testing::check_plan;
using ::testing::HasSubstr;

constexpr double kCostTolerance = 1e-6;

SolverParameters iterations(int64_t count, uint64_t seed = 1, int threads = 1) {
  SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = count;
  parameters.seed = seed;
  parameters.threads = threads;
  return parameters;
}

Problem create(const ProblemData& data) {
  Result<Problem> problem = Problem::create(data);
  EXPECT_TRUE(problem.ok()) << problem.error().message;
  return std::move(problem).value();
}

// n random requests, a vehicle each, windows within [0, 600]; every fifth request is a drop-off
// only job (loaded at the depot) and every fifth but one a collection only job.
Problem mixed_kinds(int n, uint64_t seed) {
  Random random(seed);
  ProblemData data = testing::random_problem(random, n, 1000, 90);
  data.vehicle_types[0].count = n;
  for (int r = 0; r < n; ++r) {
    model::Request& request = data.requests[r];
    request.pickup.ready = request.delivery.ready = 0;
    request.pickup.due = request.delivery.due = 600;
    if (r % 5 == 0) request.kind = RequestKind::kDelivery;
    if (r % 5 == 1) request.kind = RequestKind::kPickup;
    if (request.kind != RequestKind::kPickupDelivery) request.max_ride_time = model::kUnlimited;
  }
  return create(data);
}

// The start without the given requests (their stops taken off their routes).
StartSolution without(StartSolution start, const std::set<int>& left_out) {
  for (StartRoute& route : start.routes)
    std::erase_if(route.stops, [&](const StartStop& stop) { return left_out.count(stop.request); });
  return start;
}

// The stops of `route` whose request is on some route of `start`, as (request, pickup) pairs.
std::vector<std::pair<int, bool>> stops_in(const model::PlannedRoute& route,
                                           const std::set<int>& requests) {
  std::vector<std::pair<int, bool>> out;
  for (const model::PlannedStop& stop : route.stops)
    if (requests.count(stop.request)) out.emplace_back(stop.request, stop.is_pickup);
  return out;
}

std::vector<std::pair<int, bool>> stops_of(const StartRoute& route) {
  std::vector<std::pair<int, bool>> out;
  for (const StartStop& stop : route.stops) out.emplace_back(stop.request, stop.pickup);
  return out;
}

std::set<int> requests_in(const StartSolution& start) {
  std::set<int> requests;
  for (const StartRoute& route : start.routes)
    for (const StartStop& stop : route.stops) requests.insert(stop.request);
  return requests;
}

void expect_same_routes(const Plan& a, const Plan& b) {
  EXPECT_EQ(a.cost, b.cost);
  EXPECT_EQ(testing::stop_sequences(a), testing::stop_sequences(b));
}

// ---- From a solved plan ----

TEST(WarmStart, APlanFedBackInIsAcceptedAndNeverMadeWorse) {
  const Problem problem = mixed_kinds(30, 1);
  const Plan first = solve(problem, iterations(100));
  ASSERT_EQ(check_plan(problem, first), "");
  ASSERT_TRUE(first.feasible);
  const StartSolution start = start_from_plan(first);
  ASSERT_EQ(start.routes.size(), first.routes.size());
  const Status checked = check_start(problem, start);
  EXPECT_TRUE(checked.ok()) << checked.error().message;

  Result<Plan> again = solve_from(problem, iterations(200, 7), start);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(check_plan(problem, again.value()), "");
  EXPECT_TRUE(again.value().feasible);
  EXPECT_LE(again.value().cost, first.cost + kCostTolerance);
  EXPECT_EQ(again.value().statistics.iterations, 200);
}

TEST(WarmStart, InsertIntoACompletePlanChangesNothing) {
  const Problem problem = mixed_kinds(30, 2);
  const Plan first = solve(problem, iterations(50));
  ASSERT_TRUE(first.feasible);
  Result<Plan> same = insert_into(problem, iterations(1), start_from_plan(first));
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(check_plan(problem, same.value()), "");
  EXPECT_EQ(testing::stop_sequences(same.value()), testing::stop_sequences(first));
  EXPECT_NEAR(same.value().cost, first.cost, kCostTolerance);
}

TEST(WarmStart, AnEmptyStartIsASolveFromScratch) {
  const Problem problem = mixed_kinds(20, 3);
  Result<Plan> plan = solve_from(problem, iterations(50), StartSolution{});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(check_plan(problem, plan.value()), "");
  EXPECT_TRUE(plan.value().feasible);
}

// ---- Requests the start leaves out ----

TEST(WarmStart, RequestsLeftOutOfTheStartAreAllInserted) {
  const Problem problem = mixed_kinds(30, 4);
  const Plan first = solve(problem, iterations(50));
  ASSERT_TRUE(first.feasible);
  const std::set<int> left_out = {0, 1, 2, 7, 13, 21, 29};  // of every kind
  const StartSolution start = without(start_from_plan(first), left_out);
  EXPECT_TRUE(check_start(problem, start).ok());

  Result<Plan> searched = solve_from(problem, iterations(100), start);
  ASSERT_TRUE(searched.ok()) << searched.error().message;
  EXPECT_EQ(check_plan(problem, searched.value()), "");
  EXPECT_EQ(testing::served_count(searched.value()), 30);

  Result<Plan> inserted = insert_into(problem, iterations(1), start);
  ASSERT_TRUE(inserted.ok()) << inserted.error().message;
  EXPECT_EQ(check_plan(problem, inserted.value()), "");
  EXPECT_EQ(testing::served_count(inserted.value()), 30);
}

TEST(InsertInto, KeepsEveryStartRouteAndOnlyAdds) {
  const Problem problem = mixed_kinds(40, 5);
  const Plan first = solve(problem, iterations(50));
  ASSERT_TRUE(first.feasible);
  const std::set<int> left_out = {3, 4, 5, 10, 16, 22, 35, 39};
  const StartSolution start = without(start_from_plan(first), left_out);
  Result<Plan> result = insert_into(problem, iterations(1), start);
  ASSERT_TRUE(result.ok()) << result.error().message;
  const Plan& plan = result.value();
  EXPECT_EQ(check_plan(problem, plan), "");
  EXPECT_TRUE(plan.feasible);

  // Per type, the start's routes take its vehicles in order: the plan's routes of that type begin
  // with them, each with the start's stops in the start's order and only left-out requests added.
  const std::set<int> kept = requests_in(start);
  std::vector<const StartRoute*> start_routes;
  for (const StartRoute& route : start.routes)
    if (!route.stops.empty()) start_routes.push_back(&route);
  ASSERT_GE(plan.routes.size(), start_routes.size());
  for (size_t i = 0; i < start_routes.size(); ++i) {
    EXPECT_EQ(plan.routes[i].vehicle_type, start_routes[i]->vehicle_type) << "route " << i;
    EXPECT_EQ(stops_in(plan.routes[i], kept), stops_of(*start_routes[i])) << "route " << i;
    for (const model::PlannedStop& stop : plan.routes[i].stops)
      EXPECT_TRUE(kept.count(stop.request) || left_out.count(stop.request)) << stop.request;
  }
  for (size_t i = start_routes.size(); i < plan.routes.size(); ++i)
    for (const model::PlannedStop& stop : plan.routes[i].stops)
      EXPECT_TRUE(left_out.count(stop.request)) << "a kept request moved to a new route";
}

// Two types based at (0, 0): "bus" (cost 3 per distance) and "taxi" (cost 1), one of each, two
// seats. Request 1 is near the depot; request 0 is at (10, 0) -> (10, 1).
ProblemData bus_and_taxi(double pickup_due_of_0, double pickup_due_of_1) {
  ProblemData data = testing::paired_problem(
      {{10, 0, 10, 1, 0, pickup_due_of_0, 0, 1000}, {0, 1, 0, 2, 0, pickup_due_of_1, 0, 1000}}, 1,
      2, 1000, 1000);
  data.vehicle_types[0].cost_per_distance = 3;
  model::VehicleType taxi = data.vehicle_types[0];
  taxi.name = "taxi";
  taxi.cost_per_distance = 1;
  data.vehicle_types.push_back(taxi);
  return data;
}

const StartSolution kBusServesRequest0 = {{{0, {{0, true}, {0, false}}}}};

TEST(InsertInto, OpensNoVehicleWhileAUsedRouteCanTakeTheRequest) {
  const Problem problem = create(bus_and_taxi(1000, 1000));
  // From scratch, a taxi for request 1 is cheaper (4) than the bus's detour (3 × 2.2)...
  Result<Plan> searched = solve_from(problem, iterations(20), kBusServesRequest0);
  ASSERT_TRUE(searched.ok());
  EXPECT_EQ(testing::type_serving(searched.value(), 1), 1);
  // ...but a mid-term update puts it on the bus already running.
  Result<Plan> inserted = insert_into(problem, iterations(1), kBusServesRequest0);
  ASSERT_TRUE(inserted.ok()) << inserted.error().message;
  EXPECT_EQ(check_plan(problem, inserted.value()), "");
  EXPECT_EQ(inserted.value().vehicles_used, 1);
  EXPECT_EQ(testing::type_serving(inserted.value(), 1), 0);
}

TEST(InsertInto, OpensAVehicleWhenNoUsedRouteCanTakeTheRequest) {
  // Request 0 must be picked up by 12 and request 1 by 5: one vehicle cannot do both.
  const Problem problem = create(bus_and_taxi(12, 5));
  Result<Plan> inserted = insert_into(problem, iterations(1), kBusServesRequest0);
  ASSERT_TRUE(inserted.ok()) << inserted.error().message;
  EXPECT_EQ(check_plan(problem, inserted.value()), "");
  EXPECT_TRUE(inserted.value().feasible);
  EXPECT_EQ(testing::type_serving(inserted.value(), 0), 0);
  EXPECT_EQ(testing::type_serving(inserted.value(), 1), 1);
}

TEST(InsertInto, ListsWhatFitsNowhereAsUnserved) {
  ProblemData data = bus_and_taxi(12, 5);
  data.vehicle_types.pop_back();  // no taxi
  const Problem problem = create(data);
  Result<Plan> inserted = insert_into(problem, iterations(1), kBusServesRequest0);
  ASSERT_TRUE(inserted.ok()) << inserted.error().message;
  EXPECT_EQ(check_plan(problem, inserted.value()), "");
  EXPECT_EQ(testing::served_count(inserted.value()), 1);
  EXPECT_NE(testing::unserved_reason(inserted.value(), 1), "");
}

// ---- Starts that break a rule ----

// Four requests on a line at x = 10 (requests 0 and 2, named "1" and "3") and x = -10 ("2" and
// "4"), wide windows, two buses of two seats.
ProblemData four_requests() {
  return testing::paired_problem({{10, 0, 10, 1, 0, 1000, 0, 1000},
                                  {-10, 0, -10, 1, 0, 1000, 0, 1000},
                                  {10, 2, 10, 3, 0, 1000, 0, 1000},
                                  {-10, 2, -10, 3, 0, 1000, 0, 1000}},
                                 2, 2, 1000, 1000);
}

StartRoute bus(std::vector<StartStop> stops) {
  return StartRoute{0, std::move(stops)};
}

// check_start's message; solve_from and insert_into must refuse the start with the same one.
std::string refusal(const ProblemData& data, const StartSolution& start) {
  const Problem problem = create(data);
  const Status checked = check_start(problem, start);
  if (checked.ok()) return "";
  EXPECT_EQ(checked.error().code, ErrorCode::kInvalidInput);
  Result<Plan> searched = solve_from(problem, iterations(5), start);
  Result<Plan> inserted = insert_into(problem, iterations(5), start);
  EXPECT_FALSE(searched.ok());
  EXPECT_FALSE(inserted.ok());
  if (!searched.ok()) {
    EXPECT_EQ(searched.error().message, checked.error().message);
  }
  if (!inserted.ok()) {
    EXPECT_EQ(inserted.error().message, checked.error().message);
  }
  return checked.error().message;
}

TEST(CheckStart, AcceptsAFeasibleStart) {
  EXPECT_EQ(refusal(four_requests(), {{bus({{0, true}, {2, true}, {0, false}, {2, false}}),
                                       bus({{1, true}, {1, false}})}}),
            "");
}

TEST(CheckStart, RefusesAnOverfullVehicle) {
  ProblemData data = four_requests();
  data.vehicle_types[0].capacity.amount[0] = 1;
  EXPECT_EQ(refusal(data, {{bus({{1, true}, {1, false}}),
                            bus({{0, true}, {2, true}, {0, false}, {2, false}})}}),
            "route 1 (bus): request 3: capacity: leaving its pickup the vehicle would carry 2 "
            "load, but it holds 1");
}

TEST(CheckStart, RefusesAMissedTimeWindow) {
  ProblemData data = four_requests();
  data.requests[2].pickup.due = 5;
  // Depot -> (10, 0) at 10, service 1, -> (10, 1) at 12, service 1, -> (10, 2) at 14.
  EXPECT_EQ(refusal(data, {{bus({{0, true}, {0, false}, {2, true}, {2, false}})}}),
            "route 0 (bus): request 3: time window: its pickup cannot start before 14.00, 9.00 "
            "after its window closes at 5.00");
}

TEST(CheckStart, RefusesADropOffBeforeItsPickup) {
  EXPECT_EQ(refusal(four_requests(), {{bus({{0, false}, {0, true}})}}),
            "route 0 (bus): request 1: its drop-off comes before its pickup (precedence)");
}

TEST(CheckStart, RefusesAPickupWithoutItsDropOff) {
  EXPECT_THAT(refusal(four_requests(), {{bus({{0, true}})}}),
              HasSubstr("route 0 (bus): request 1: its pickup is here but its drop-off is on no "
                        "route"));
  EXPECT_THAT(refusal(four_requests(), {{bus({{0, true}}), bus({{0, false}})}}),
              HasSubstr("route 0 (bus): request 1: its pickup is here but its drop-off is on "
                        "route 1"));
}

TEST(CheckStart, RefusesARequestTwice) {
  EXPECT_EQ(refusal(four_requests(),
                    {{bus({{0, true}, {0, false}}), bus({{1, true}, {0, true}, {0, false}})}}),
            "route 1 (bus): request 1: its pickup is also on route 0; a request goes on one route "
            "only");
  EXPECT_EQ(refusal(four_requests(), {{bus({{0, true}, {0, true}, {0, false}})}}),
            "route 0 (bus): request 1: its pickup is on the route twice (precedence)");
}

TEST(CheckStart, RefusesMoreRoutesOfATypeThanItsVehicles) {
  EXPECT_EQ(refusal(four_requests(), {{bus({{0, true}, {0, false}}), bus({{1, true}, {1, false}}),
                                       bus({{2, true}, {2, false}})}}),
            "route 2 (bus): the start has more 'bus' routes than the 2 vehicles of that type");
}

TEST(CheckStart, RefusesMoreRoutesThanAFleetLimitAllows) {
  ProblemData data = four_requests();
  model::VehicleType assisted = data.vehicle_types[0];
  assisted.name = "bus with assistant";
  data.vehicle_types.push_back(assisted);
  data.fleet_limits.push_back({"minibus", 2, {0, 1}});
  const StartRoute assisted_route{1, {{2, true}, {2, false}}};
  EXPECT_EQ(refusal(data, {{bus({{0, true}, {0, false}}), bus({{1, true}, {1, false}})}}), "");
  EXPECT_EQ(
      refusal(data, {{bus({{0, true}, {0, false}}), bus({{1, true}, {1, false}}), assisted_route}}),
      "route 2 (bus with assistant): fleet limit: 'minibus' allows 2 vehicles over its "
      "types, and the routes before this one use them all");
}

TEST(CheckStart, RefusesARideOverItsLimit) {
  ProblemData data = four_requests();
  data.requests[0].max_ride_time = 3;
  EXPECT_THAT(refusal(data, {{bus({{0, true}, {2, true}, {2, false}, {0, false}})}}),
              HasSubstr("route 0 (bus): request 1: ride time: its ride cannot be kept within its "
                        "maximum 3.00"));
}

TEST(CheckStart, RefusesARouteOverItsDurationOrShift) {
  ProblemData data = four_requests();
  data.vehicle_types[0].max_duration = 30;
  // Out to x = 10 and back to x = -10: at least 10 + 1 + 1 + 1 + 20 + ... > 30.
  EXPECT_THAT(refusal(data, {{bus({{0, true}, {0, false}, {1, true}, {1, false}})}}),
              HasSubstr("route 0 (bus): duration: the route from request 1's pickup to request "
                        "2's drop-off lasts at least"));
  data = four_requests();
  data.vehicle_types[0].shift_end = 30;
  EXPECT_THAT(refusal(data, {{bus({{0, true}, {0, false}, {1, true}, {1, false}})}}),
              HasSubstr("route 0 (bus): request 2: shift:"));
}

TEST(CheckStart, RefusesBrokenSharingRules) {
  ProblemData data = four_requests();
  data.requests[0].ride_alone = true;
  const StartSolution shared = {{bus({{0, true}, {2, true}, {0, false}, {2, false}})}};
  EXPECT_EQ(refusal(data, shared),
            "route 0 (bus): request 3: ride alone: it would be on board with request 1, and "
            "request 1 must ride alone");
  data = four_requests();
  data.not_together.push_back({0, 2});
  EXPECT_EQ(refusal(data, shared),
            "route 0 (bus): request 3: not together: it would be on board with request 1, and they "
            "must not share");
}

TEST(CheckStart, RefusesStopsAndTypesTheProblemDoesNotHave) {
  ProblemData data = four_requests();
  data.requests[3].kind = RequestKind::kDelivery;
  EXPECT_EQ(refusal(data, {{bus({{3, true}})}}),
            "route 0 (bus): request 4: it is a drop-off only (loaded at the start depot), so it "
            "has no pickup");
  EXPECT_EQ(refusal(data, {{bus({{3, false}})}}), "");
  data.requests[3].kind = RequestKind::kPickup;
  EXPECT_EQ(refusal(data, {{bus({{3, false}})}}),
            "route 0 (bus): request 4: it is a collection only (carried to the end depot), so it "
            "has no drop-off");
  EXPECT_EQ(refusal(data, {{bus({{3, true}})}}), "");
  EXPECT_EQ(refusal(four_requests(), {{bus({{4, true}})}}),
            "route 0 (bus): stop 0 names request 4, but the problem has 4 requests");
  EXPECT_EQ(refusal(four_requests(), {{StartRoute{1, {{0, true}, {0, false}}}}}),
            "route 0: vehicle type 1 does not exist (the problem has 1)");
}

TEST(CheckStart, IgnoresRoutesWithoutStops) {
  EXPECT_EQ(refusal(four_requests(), {{bus({}), bus({}), bus({}), bus({{0, true}, {0, false}})}}),
            "");
}

// ---- Determinism and threads ----

TEST(SolveFrom, IsRepeatableUnderAnIterationLimit) {
  const Problem problem = mixed_kinds(40, 6);
  const Plan first = solve(problem, iterations(30));
  const StartSolution start = without(start_from_plan(first), {1, 2, 3});
  Result<Plan> a = solve_from(problem, iterations(150, 11), start);
  Result<Plan> b = solve_from(problem, iterations(150, 11), start);
  ASSERT_TRUE(a.ok() && b.ok());
  expect_same_routes(a.value(), b.value());
  Result<Plan> c = insert_into(problem, iterations(1, 11), start);
  Result<Plan> d = insert_into(problem, iterations(1, 99), start);
  ASSERT_TRUE(c.ok() && d.ok());
  expect_same_routes(c.value(), d.value());
}

TEST(SolveFrom, TwoThreadsFromAStartAreNeverWorseAndRepeatable) {
  const Problem problem = mixed_kinds(40, 7);
  const Plan first = solve(problem, iterations(40));
  ASSERT_TRUE(first.feasible);
  const StartSolution start = start_from_plan(first);
  Result<Plan> a = solve_from(problem, iterations(100, 3, 2), start);
  Result<Plan> b = solve_from(problem, iterations(100, 3, 2), start);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(check_plan(problem, a.value()), "");
  EXPECT_LE(a.value().cost, first.cost + kCostTolerance);
  EXPECT_EQ(a.value().statistics.threads, 2);
  EXPECT_EQ(a.value().statistics.iterations, 200);
  expect_same_routes(a.value(), b.value());
}

TEST(SolveFrom, ReportsProgressFromTheStart) {
  const Problem problem = mixed_kinds(30, 8);
  const Plan first = solve(problem, iterations(30));
  std::vector<Progress> reports;
  Result<Plan> plan = solve_from(problem, iterations(20), start_from_plan(first),
                                 [&](const Progress& progress) { reports.push_back(progress); });
  ASSERT_TRUE(plan.ok());
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.back().best_unserved, 0);
  EXPECT_LE(reports.back().best_cost, first.cost + kCostTolerance);
}

TEST(SolveFrom, RefusesInvalidParameters) {
  const Problem problem = mixed_kinds(5, 9);
  SolverParameters parameters = iterations(10);
  parameters.threads = 0;
  Result<Plan> plan = solve_from(problem, parameters, StartSolution{});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kInvalidArgument);
}

// A Cordeau benchmark instance (a2-16: 16 requests, 2 vehicles, ride limits): a short solve fed
// back in with two threads and some requests left out is completed and never worse.
TEST(SolveFrom, CompletesAndImprovesABenchmarkPlan) {
  const std::string path =
      std::string(SENDPLAN_SHARED_DIR) + "/benchmarks/darp_cordeau/a_instances/a2-16.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  Result<Problem> read = io::read_instance(io::InstanceFormat::kCordeau, path);
  ASSERT_TRUE(read.ok()) << read.error().message;
  const Problem& problem = read.value();
  const Plan first = solve(problem, iterations(100));
  ASSERT_EQ(check_plan(problem, first), "");
  ASSERT_TRUE(first.feasible);
  Result<Plan> again = solve_from(problem, iterations(300, 5, 2), start_from_plan(first));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(check_plan(problem, again.value()), "");
  EXPECT_LE(again.value().cost, first.cost + kCostTolerance);

  const StartSolution partial = without(start_from_plan(first), {0, 5, 11});
  Result<Plan> completed = solve_from(problem, iterations(100, 5, 2), partial);
  ASSERT_TRUE(completed.ok()) << completed.error().message;
  EXPECT_EQ(check_plan(problem, completed.value()), "");
  EXPECT_EQ(testing::served_count(completed.value()), problem.request_count());
}

}  // namespace
}  // namespace sendplan::solver
