// JSON output of a hand-built Plan: exact keys, values, precision and write errors.
#include "io/plan_json.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "io/instance_readers.h"
#include "support/temp_dir.h"

namespace sendplan::io {
namespace {

using nlohmann::json;

constexpr const char* kTiny =
    "2 2 480 3 30\n"
    "0 0.0 0.0 0 0 0 480\n"
    "1 1.0 0.0 3 1 0 1440\n"
    "2 0.0 2.0 3 1 10 40\n"
    "3 3.0 4.0 3 -1 0 1440\n"
    "4 -1.0 0.0 3 -1 50 90\n"
    "5 0.0 0.0 0 0 0 480\n";

model::Problem tiny_problem() {
  return parse_cordeau(kTiny, "tiny.txt").value();
}

model::Plan tiny_plan() {
  model::Plan plan;
  plan.instance = "tiny";
  plan.feasible = false;
  plan.cost = 12.345678901234567;
  plan.distance = 12.345678901234567;
  plan.vehicles_used = 1;
  model::PlannedRoute route;
  route.vehicle = 1;
  route.vehicle_type = 0;
  route.start_time = 0.5;
  route.end_time = 20.25;
  route.distance = 12.345678901234567;
  route.duration = 19.75;
  route.cost = 12.345678901234567;
  model::PlannedStop pickup;
  pickup.request = 0;
  pickup.is_pickup = true;
  pickup.external_id = 1;
  pickup.arrival = 1.5;
  pickup.start = 2.0;
  pickup.departure = 5.0;
  pickup.load_after.amount[0] = 1;
  model::PlannedStop drop = pickup;
  drop.is_pickup = false;
  drop.external_id = 3;
  drop.arrival = 9.0;
  drop.start = 9.0;
  drop.departure = 12.0;
  drop.load_after.amount[0] = 0;
  route.stops = {pickup, drop};
  plan.routes.push_back(route);
  plan.unserved.push_back({1, "its time window cannot be met"});
  plan.statistics = {12345, 1.5, 4, 18446744073709551615ull};
  return plan;
}

std::set<std::string> keys(const json& object) {
  std::set<std::string> result;
  for (const auto& [key, value] : object.items()) result.insert(key);
  return result;
}

TEST(PlanJson, TopLevelKeysAndValues) {
  const json j = plan_to_json(tiny_plan(), tiny_problem());
  EXPECT_EQ(keys(j), (std::set<std::string>{"instance", "feasible", "cost", "vehicles_used",
                                            "routes", "distance", "unserved", "statistics"}));
  EXPECT_EQ(j["instance"], "tiny");
  EXPECT_EQ(j["feasible"], false);
  EXPECT_EQ(j["cost"].get<double>(), 12.345678901234567);
  EXPECT_EQ(j["distance"].get<double>(), 12.345678901234567);
  EXPECT_EQ(j["vehicles_used"], 1);
  ASSERT_EQ(j["unserved"].size(), 1u);
  EXPECT_EQ(j["unserved"][0],
            (json{{"request", "2"}, {"reason", "its time window cannot be met"}}));
  EXPECT_EQ(j["statistics"], (json{{"iterations", 12345},
                                   {"elapsed_seconds", 1.5},
                                   {"threads", 4},
                                   {"seed", 18446744073709551615ull}}));
}

TEST(PlanJson, RoutesAndStops) {
  const json j = plan_to_json(tiny_plan(), tiny_problem());
  ASSERT_EQ(j["routes"].size(), 1u);
  const json& route = j["routes"][0];
  EXPECT_EQ(keys(route), (std::set<std::string>{"vehicle", "vehicle_type", "start_time", "end_time",
                                                "distance", "duration", "cost", "stops"}));
  EXPECT_EQ(route["vehicle"], 1);
  EXPECT_EQ(route["vehicle_type"], "vehicle");
  EXPECT_EQ(route["start_time"], 0.5);
  EXPECT_EQ(route["end_time"], 20.25);
  EXPECT_EQ(route["duration"], 19.75);
  EXPECT_EQ(route["distance"].get<double>(), 12.345678901234567);
  EXPECT_EQ(route["cost"].get<double>(), 12.345678901234567);
  ASSERT_EQ(route["stops"].size(), 2u);
  const json& pickup = route["stops"][0];
  EXPECT_EQ(keys(pickup),
            (std::set<std::string>{"node", "time", "request", "action", "arrival", "load"}));
  EXPECT_EQ(pickup, (json{{"node", 1},
                          {"time", 2.0},
                          {"request", "1"},
                          {"action", "pickup"},
                          {"arrival", 1.5},
                          {"load", {1}}}));
  const json& drop = route["stops"][1];
  EXPECT_EQ(drop["node"], 3);
  EXPECT_EQ(drop["action"], "delivery");
  EXPECT_EQ(drop["request"], "1");
  EXPECT_EQ(drop["load"], json::array({0}));
}

TEST(PlanJson, EmptyPlanHasEmptyArrays) {
  model::Plan plan;
  plan.instance = "tiny";
  const json j = plan_to_json(plan, tiny_problem());
  EXPECT_TRUE(j["routes"].is_array());
  EXPECT_TRUE(j["routes"].empty());
  EXPECT_TRUE(j["unserved"].is_array());
  EXPECT_TRUE(j["unserved"].empty());
}

TEST(PlanJson, WritesAndReadsBackWithFullPrecision) {
  const sendplan::testing::TempDir folder("plan-json-test");
  const std::filesystem::path path = folder / "plan.json";
  const model::Problem problem = tiny_problem();
  Status s = write_plan_json(tiny_plan(), problem, path.string());
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  std::ifstream in(path);
  const json back = json::parse(in);
  EXPECT_EQ(back, plan_to_json(tiny_plan(), problem));
  EXPECT_EQ(back["cost"].get<double>(), 12.345678901234567);
}

TEST(PlanJson, UnwritablePathIsAnIoError) {
  const std::string path = "/nonexistent-sendplan-dir/sub/plan.json";
  Status s = write_plan_json(tiny_plan(), tiny_problem(), path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kIo);
  EXPECT_NE(s.error().to_string().find(path), std::string::npos) << s.error().to_string();
}

}  // namespace
}  // namespace sendplan::io
