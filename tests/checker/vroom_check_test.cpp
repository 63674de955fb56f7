// The VROOM rules of sendplan_check: a hand-checked valid solution passes, and a hand-made broken
// solution (or a tightened problem) fails each rule alone. Solutions are written by a small
// builder that schedules a route the way VROOM reports it (arrival = previous departure + travel,
// waiting until the window opens, setup and service always applied).
#include "vroom_check.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "test_util.h"

namespace sendplan::check::vroom {
namespace {

using nlohmann::json;
using testing::IsFeasible;
using testing::OnlyViolates;
using testing::Violates;

// Four places, 100 s and 1000 m apart; vehicle 1 (skills [1]) and vehicle 2; job 1 (delivery,
// skill 1, window [0, 500], service 10) and a shipment 2 → 3 with a ride limit of 150.
json base_problem() {
  json durations = json::array(), distances = json::array();
  for (int i = 0; i < 4; ++i) {
    json row = json::array(), metres = json::array();
    for (int j = 0; j < 4; ++j) {
      row.push_back(i == j ? 0 : 100);
      metres.push_back(i == j ? 0 : 1000);
    }
    durations.push_back(row);
    distances.push_back(metres);
  }
  return {
      {"vehicles",
       {{{"id", 1},
         {"start_index", 0},
         {"end_index", 0},
         {"capacity", {2}},
         {"skills", {1}},
         {"time_window", {0, 1000}},
         {"max_tasks", 4},
         {"max_travel_time", 500},
         {"max_distance", 5000}},
        {{"id", 2}, {"start_index", 0}, {"end_index", 0}, {"capacity", {2}}}}},
      {"jobs",
       {{{"id", 1},
         {"location_index", 1},
         {"delivery", {1}},
         {"skills", {1}},
         {"service", 10},
         {"time_windows", {{0, 500}}}}}},
      {"shipments",
       {{{"amount", {1}},
         {"max_ride_time", 150},
         {"pickup", {{"id", 2}, {"location_index", 2}}},
         {"delivery", {{"id", 3}, {"location_index", 3}}}}}},
      {"matrices", {{"car", {{"durations", durations}, {"distances", distances}}}}},
  };
}

struct PlannedRoute {
  uint64_t vehicle = 1;
  std::vector<std::pair<std::string, uint64_t>> tasks;  // (type, id)
};

const json* find_task(const json& problem, const std::string& type, uint64_t id) {
  if (type == "job") {
    for (const json& job : problem["jobs"])
      if (job["id"] == id) return &job;
  } else {
    for (const json& shipment : problem["shipments"])
      if (shipment[type]["id"] == id) return &shipment[type];
  }
  return nullptr;
}

const json& shipment_of(const json& problem, const std::string& type, uint64_t id) {
  for (const json& shipment : problem["shipments"])
    if (shipment[type]["id"] == id) return shipment;
  throw std::runtime_error("no such shipment");
}

// A solution in VROOM's shape for these routes, with every figure computed (default costs).
json build(const json& problem, const std::vector<PlannedRoute>& routes,
           const std::vector<std::pair<std::string, uint64_t>>& unassigned = {}) {
  const json& durations = problem["matrices"]["car"]["durations"];
  const json& distances = problem["matrices"]["car"]["distances"];
  json out_routes = json::array();
  int64_t cost = 0, travel_total = 0, service_total = 0, distance_total = 0, delivery_total = 0,
          pickup_total = 0;
  for (const PlannedRoute& planned : routes) {
    const json* vehicle = nullptr;
    for (const json& v : problem["vehicles"])
      if (v["id"] == planned.vehicle) vehicle = &v;
    int at = (*vehicle)["start_index"];
    int64_t load = 0, clock = 0, travel = 0, distance = 0, service = 0, delivered = 0,
            collected = 0;
    for (const auto& [type, id] : planned.tasks)
      if (type == "job")
        load += find_task(problem, type, id)->value("delivery", json::array({0}))[0].get<int64_t>();
    json steps = json::array();
    steps.push_back({{"type", "start"},
                     {"location_index", at},
                     {"arrival", 0},
                     {"duration", 0},
                     {"distance", 0},
                     {"load", {load}}});
    for (const auto& [type, id] : planned.tasks) {
      const json& task = *find_task(problem, type, id);
      const int place = task["location_index"];
      travel += durations[at][place].get<int64_t>();
      distance += distances[at][place].get<int64_t>();
      const int64_t arrival = clock + durations[at][place].get<int64_t>();
      int64_t start = arrival;
      if (task.contains("time_windows"))
        start = std::max(start, task["time_windows"][0][0].get<int64_t>());
      const int64_t task_service = task.value("service", 0);
      if (type == "job") {
        const int64_t amount = task.value("delivery", json::array({0}))[0];
        load -= amount;
        delivered += amount;
      } else {
        const int64_t amount = shipment_of(problem, type, id)["amount"][0];
        load += type == "pickup" ? amount : -amount;
        (type == "pickup" ? collected : delivered) += amount;
      }
      steps.push_back({{"type", type},
                       {"id", id},
                       {"location_index", place},
                       {"setup", 0},
                       {"service", task_service},
                       {"waiting_time", start - arrival},
                       {"arrival", arrival},
                       {"duration", travel},
                       {"distance", distance},
                       {"load", {load}}});
      clock = start + task_service;
      service += task_service;
      at = place;
    }
    const int end = (*vehicle)["end_index"];
    travel += durations[at][end].get<int64_t>();
    distance += distances[at][end].get<int64_t>();
    steps.push_back({{"type", "end"},
                     {"location_index", end},
                     {"arrival", clock + durations[at][end].get<int64_t>()},
                     {"duration", travel},
                     {"distance", distance},
                     {"load", {load}}});
    out_routes.push_back({{"vehicle", planned.vehicle},
                          {"cost", travel},
                          {"delivery", {delivered}},
                          {"pickup", {collected}},
                          {"setup", 0},
                          {"service", service},
                          {"duration", travel},
                          {"waiting_time", 0},
                          {"priority", 0},
                          {"distance", distance},
                          {"steps", steps}});
    cost += travel;
    travel_total += travel;
    service_total += service;
    distance_total += distance;
    delivery_total += delivered;
    pickup_total += collected;
  }
  json out_unassigned = json::array();
  for (const auto& [type, id] : unassigned) out_unassigned.push_back({{"id", id}, {"type", type}});
  return {{"code", 0},
          {"summary",
           {{"cost", cost},
            {"routes", routes.size()},
            {"unassigned", unassigned.size()},
            {"delivery", {delivery_total}},
            {"pickup", {pickup_total}},
            {"setup", 0},
            {"service", service_total},
            {"duration", travel_total},
            {"waiting_time", 0},
            {"priority", 0},
            {"distance", distance_total}}},
          {"unassigned", out_unassigned},
          {"routes", out_routes}};
}

Report check(const json& problem, const json& solution) {
  return check_solution(problem_from_json(problem, "problem.json"),
                        solution_from_json(solution, "solution.json"));
}

const PlannedRoute kGood{1, {{"job", 1}, {"pickup", 2}, {"delivery", 3}}};

TEST(VroomCheck, HandCheckedSolutionIsFeasible) {
  const json solution = build(base_problem(), {kGood});
  // start 0 → job 1 at 100 (service 10) → pickup at 210 → delivery at 310 → back at 410.
  EXPECT_EQ(solution["routes"][0]["steps"][3]["arrival"], 310);
  EXPECT_EQ(solution["routes"][0]["steps"][4]["arrival"], 410);
  EXPECT_EQ(solution["summary"]["cost"], 400);
  const Report report = check(base_problem(), solution);
  EXPECT_TRUE(IsFeasible(report));
  EXPECT_EQ(report.cost, 400);
  EXPECT_EQ(report.routes_used, 1);
  EXPECT_EQ(report.requests_total, 2);
}

TEST(VroomCheck, TimeWindowAndTravelTime) {
  json problem = base_problem();
  problem["jobs"][0]["time_windows"] = {{0, 50}};
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kTimeWindow));
  json early = build(base_problem(), {kGood});
  early["routes"][0]["steps"][1]["arrival"] = 50;
  EXPECT_TRUE(OnlyViolates(check(base_problem(), early), Rule::kTravelTime));
}

TEST(VroomCheck, VehicleTimeWindow) {
  json problem = base_problem();
  problem["vehicles"][0]["time_window"] = {0, 300};
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kDepotReturn));
  problem["vehicles"][0]["time_window"] = {10, 1000};
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kDepotDeparture));
}

TEST(VroomCheck, CapacityPerDimensionAfterEveryStep) {
  json problem = base_problem();
  problem["vehicles"][0]["capacity"] = {0};
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kCapacity));
}

TEST(VroomCheck, SkillsAndVehicleLimits) {
  json problem = base_problem();
  problem["jobs"][0]["skills"] = {2};
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kSkills));
  problem = base_problem();
  problem["vehicles"][0]["max_tasks"] = 2;
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kMaxTasks));
  problem = base_problem();
  problem["vehicles"][0]["max_travel_time"] = 300;
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kMaxTravelTime));
  problem = base_problem();
  problem["vehicles"][0]["max_distance"] = 3000;
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kMaxDistance));
}

TEST(VroomCheck, RideTimeAbsoluteAndRelative) {
  json problem = base_problem();
  problem["shipments"][0]["max_ride_time"] = 50;
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kRideTime));
  problem = base_problem();
  problem["shipments"][0]["max_ride_factor"] = 0.5;  // 50 s of a direct 100 s
  EXPECT_TRUE(OnlyViolates(check(problem, build(base_problem(), {kGood})), Rule::kRideTime));
}

TEST(VroomCheck, RideAloneAndNeverTogether) {
  json problem = base_problem();
  problem["shipments"].push_back({{"amount", {1}},
                                  {"pickup", {{"id", 4}, {"location_index", 2}}},
                                  {"delivery", {{"id", 5}, {"location_index", 3}}}});
  const PlannedRoute pooled{
      1, {{"job", 1}, {"pickup", 2}, {"pickup", 4}, {"delivery", 3}, {"delivery", 5}}};
  const PlannedRoute in_turn{
      1, {{"job", 1}, {"pickup", 2}, {"delivery", 3}, {"pickup", 4}, {"delivery", 5}}};
  problem["vehicles"][0]["max_tasks"] = 5;
  problem["vehicles"][0]["max_travel_time"] = 1000;
  problem["vehicles"][0]["max_distance"] = 10000;
  EXPECT_TRUE(IsFeasible(check(problem, build(problem, {pooled}))));
  json alone = problem;
  alone["shipments"][1]["ride_alone"] = true;
  EXPECT_TRUE(OnlyViolates(check(alone, build(alone, {pooled})), Rule::kRideAlone));
  EXPECT_TRUE(IsFeasible(check(alone, build(alone, {in_turn}))));
  // A job's goods are on board from the start until its stop: a ride-alone shipment picked up
  // before it shares the vehicle.
  const PlannedRoute job_last{
      1, {{"pickup", 4}, {"delivery", 5}, {"job", 1}, {"pickup", 2}, {"delivery", 3}}};
  EXPECT_TRUE(OnlyViolates(check(alone, build(alone, {job_last})), Rule::kRideAlone));
  json apart = problem;
  apart["never_together"] = {{2, 4}};
  EXPECT_TRUE(OnlyViolates(check(apart, build(apart, {pooled})), Rule::kNotTogether));
  EXPECT_TRUE(IsFeasible(check(apart, build(apart, {in_turn}))));
}

TEST(VroomCheck, ShipmentsStayWholeAndInOrder) {
  const json problem = base_problem();
  EXPECT_TRUE(
      Violates(check(problem, build(problem, {{1, {{"job", 1}, {"delivery", 3}, {"pickup", 2}}}})),
               Rule::kPrecedence));
  EXPECT_TRUE(Violates(
      check(problem, build(problem, {{1, {{"job", 1}, {"pickup", 2}}}, {2, {{"delivery", 3}}}})),
      Rule::kSplitRequest));
  EXPECT_TRUE(Violates(
      check(problem, build(problem, {{1, {{"job", 1}, {"pickup", 2}}}}, {{"delivery", 3}})),
      Rule::kIncompleteRequest));
}

TEST(VroomCheck, EveryTaskRoutedOrUnassignedOnce) {
  const json problem = base_problem();
  const PlannedRoute shipment_only{1, {{"pickup", 2}, {"delivery", 3}}};
  EXPECT_TRUE(OnlyViolates(check(problem, build(problem, {shipment_only})), Rule::kMissingRequest));
  const Report left = check(problem, build(problem, {shipment_only}, {{"job", 1}}));
  EXPECT_TRUE(left.consistent()) << testing::describe(left);
  EXPECT_FALSE(left.feasible());  // consistent, but not everything is served
  EXPECT_EQ(left.requests_served, 1);
  EXPECT_TRUE(OnlyViolates(check(problem, build(problem, {kGood}, {{"job", 1}})),
                           Rule::kServedAndUnserved));
  EXPECT_TRUE(
      OnlyViolates(check(problem, build(problem, {kGood}, {{"job", 9}})), Rule::kUnknownRequest));
  const PlannedRoute twice{1, {{"job", 1}, {"job", 1}, {"pickup", 2}, {"delivery", 3}}};
  EXPECT_TRUE(Violates(check(problem, build(problem, {twice})), Rule::kDuplicateNode));
  json solution = build(problem, {kGood});
  solution["routes"][0]["steps"][1]["id"] = 7;
  EXPECT_TRUE(Violates(check(problem, solution), Rule::kUnknownNode));
  solution = build(problem, {kGood});
  solution["routes"][0]["vehicle"] = 9;
  EXPECT_TRUE(Violates(check(problem, solution), Rule::kVehicleIndex));
}

TEST(VroomCheck, ReportedFiguresAreRecomputed) {
  const json problem = base_problem();
  json solution = build(problem, {kGood});
  solution["routes"][0]["cost"] = 405;
  solution["summary"]["cost"] = 405;
  EXPECT_TRUE(OnlyViolates(check(problem, solution), Rule::kCost));
  solution = build(problem, {kGood});
  solution["routes"][0]["steps"][2]["duration"] = 150;
  EXPECT_TRUE(OnlyViolates(check(problem, solution), Rule::kReportedValue));
  solution = build(problem, {kGood});
  solution["routes"][0]["steps"][2]["load"] = {2};
  EXPECT_TRUE(OnlyViolates(check(problem, solution), Rule::kReportedValue));
  solution = build(problem, {kGood});
  solution["summary"]["distance"] = 1;
  EXPECT_TRUE(OnlyViolates(check(problem, solution), Rule::kReportedValue));
  solution = build(problem, {kGood});
  solution["routes"][0]["steps"][1]["service"] = 0;
  EXPECT_TRUE(Violates(check(problem, solution), Rule::kReportedValue));
  solution = build(problem, {kGood});
  solution["summary"]["routes"] = 2;
  EXPECT_TRUE(OnlyViolates(check(problem, solution), Rule::kVehiclesUsed));
}

TEST(VroomCheck, SetupMayBeSkippedAtTheSamePlace) {
  json problem = base_problem();
  problem["jobs"].push_back({{"id", 2}, {"location_index", 1}, {"setup", 50}});
  problem["jobs"][0]["setup"] = 50;
  // job 1 at 100: setup 50, service 10 → job 2 at the same place from 160, setup skipped.
  json solution = build(problem, {{1, {{"job", 1}, {"job", 2}, {"pickup", 2}, {"delivery", 3}}}});
  json& steps = solution["routes"][0]["steps"];
  steps[1]["setup"] = 50;
  steps[2]["arrival"] = 160;
  steps[2]["setup"] = 0;
  for (int k = 3; k <= 5; ++k) steps[k]["arrival"] = steps[k]["arrival"].get<int64_t>() + 50;
  solution["routes"][0]["setup"] = 50;
  solution["summary"]["setup"] = 50;
  problem["vehicles"][0]["max_tasks"] = 4;
  EXPECT_TRUE(IsFeasible(check(problem, solution)));
  steps[2]["setup"] = 20;
  EXPECT_TRUE(Violates(check(problem, solution), Rule::kReportedValue));
}

TEST(VroomCheck, ProblemAndSolutionShapeErrors) {
  json problem = base_problem();
  problem["jobs"][0]["location_index"] = 8;
  EXPECT_THROW(problem_from_json(problem, "p.json"), InputError);
  json solution = build(base_problem(), {kGood});
  solution["code"] = 2;
  solution["error"] = "bad input";
  EXPECT_THROW(solution_from_json(solution, "s.json"), InputError);
  solution = build(base_problem(), {kGood});
  solution["routes"][0].erase("steps");
  try {
    solution_from_json(solution, "s.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("s.json: routes[0]: missing key \"steps\""),
              std::string::npos)
        << e.what();
  }
}

TEST(VroomCheck, CommandLine) {
  std::ostringstream out, err;
  const std::string problem = testing::data_path("vroom_problem.json");
  const std::string good = testing::data_path("vroom_solution_ok.json");
  EXPECT_EQ(run_cli({"--format", "vroom", problem, good}, out, err), kExitFeasible) << err.str();
  EXPECT_EQ(out.str(), "FEASIBLE cost=400.000000 routes=1\n");
  std::ostringstream out2, err2;
  const std::string late = testing::data_path("vroom_solution_early.json");
  EXPECT_EQ(run_cli({"--format", "vroom", problem, late, "--quiet"}, out2, err2), kExitInfeasible);
  EXPECT_EQ(out2.str(), "INFEASIBLE cost=400.000000 routes=1 violations=1 unserved=0\n");
  std::ostringstream out3, err3;
  EXPECT_EQ(run_cli({"--format", "vroom", problem, problem}, out3, err3), kExitUsage);
  EXPECT_NE(err3.str().find("missing key \"code\""), std::string::npos) << err3.str();
}

}  // namespace
}  // namespace sendplan::check::vroom
