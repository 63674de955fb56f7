// The VROOM reader: the small files in data/vroom map onto the model as docs/vroom.md says, and
// each kind of broken or unsupported input fails with its line and column (malformed JSON) or its
// JSON path (everything else) and a reason.
#include "io/vroom_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "io/file_text.h"
#include "io/test_paths.h"

namespace sendplan::io {
namespace {

using nlohmann::json;
using test_support::test_data;

std::string vroom_file(const std::string& name) {
  return test_data("vroom/" + name);
}

json load(const std::string& name) {
  return json::parse(detail::read_text_file(vroom_file(name)).value());
}

VroomInstance parse_ok(const json& problem) {
  Result<VroomInstance> read = parse_vroom(problem.dump(), "test.json");
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().to_string());
  return std::move(read).value();
}

// Parsing fails with `code`, no line (semantic errors name a JSON path) and `fragment`.
void expect_refused(const json& problem, ErrorCode code, const std::string& fragment) {
  Result<VroomInstance> read = parse_vroom(problem.dump(), "test.json");
  ASSERT_FALSE(read.ok()) << "expected an error containing: " << fragment;
  const Error& e = read.error();
  EXPECT_EQ(e.code, code) << e.to_string();
  EXPECT_EQ(e.where.file, "test.json");
  EXPECT_NE(e.message.find(fragment), std::string::npos) << e.to_string();
}

TEST(VroomReader, ReadsJobsShipmentsAndVehicles) {
  Result<VroomInstance> read = read_vroom(vroom_file("basic.json"));
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  const model::Problem& problem = read.value().problem;
  const VroomDetails& vroom = read.value().vroom;
  EXPECT_EQ(problem.name(), "basic");
  ASSERT_EQ(problem.request_count(), 5);
  ASSERT_EQ(problem.vehicle_types().size(), 2u);
  EXPECT_EQ(problem.location_count(), 6);  // both vehicles have a start and an end
  EXPECT_EQ(vroom.amount_dimensions, 1);
  EXPECT_TRUE(vroom.has_distances());

  const model::Request& job11 = problem.request(0);
  EXPECT_EQ(job11.name, "job 11");
  EXPECT_EQ(job11.kind, model::RequestKind::kDelivery);
  EXPECT_EQ(job11.delivery.location, 1);
  EXPECT_EQ(job11.delivery.ready, 0);
  EXPECT_EQ(job11.delivery.due, 3600);
  EXPECT_EQ(job11.delivery.service, 300);
  EXPECT_EQ(job11.load.amount[0], 1);
  EXPECT_EQ(problem.request(1).delivery.due, model::kUnlimited);  // no window
  const model::Request& job14 = problem.request(3);
  EXPECT_EQ(job14.kind, model::RequestKind::kPickup);
  EXPECT_EQ(job14.pickup.service, 360);  // setup 60 + service 300
  const model::Request& shipment = problem.request(4);
  EXPECT_EQ(shipment.kind, model::RequestKind::kPickupDelivery);
  EXPECT_EQ(shipment.pickup.location, 5);
  EXPECT_EQ(shipment.delivery.location, 3);
  EXPECT_EQ(shipment.delivery.due, 7200);
  EXPECT_EQ(shipment.max_ride_time, model::kUnlimited);
  EXPECT_EQ(vroom.requests[4].pickup.id, 21u);
  EXPECT_EQ(vroom.requests[4].delivery.id, 22u);

  const model::VehicleType& van = problem.vehicle_types()[0];
  EXPECT_EQ(van.name, "vehicle 1");
  EXPECT_EQ(van.count, 1);
  EXPECT_EQ(van.capacity.amount[0], 4);
  EXPECT_EQ(van.shift_start, 0);
  EXPECT_EQ(van.shift_end, 36000);
  EXPECT_EQ(vroom.vehicles[0].description, "van 1");
  // Default cost: one unit per second of travel, so the model's distance is the duration.
  EXPECT_EQ(van.cost_per_distance, 1);
  EXPECT_EQ(van.cost_per_time, 0);
  EXPECT_EQ(problem.travel_time(1, 2), 180);
  EXPECT_EQ(problem.distance(1, 2), 180);
  EXPECT_EQ(vroom.distance(1, 2), 3000);
  // Setup and priority are announced.
  ASSERT_EQ(vroom.notes.size(), 2u);
  EXPECT_NE(vroom.notes[0].find("Priorities"), std::string::npos);
  EXPECT_NE(vroom.notes[1].find("Setup"), std::string::npos);
}

TEST(VroomReader, FixedCostsBecomeTheVehicleTypesFixedCost) {
  VroomInstance read = parse_ok(load("fixed_costs.json"));
  ASSERT_EQ(read.problem.vehicle_types().size(), 4u);
  for (const model::VehicleType& type : read.problem.vehicle_types())
    EXPECT_EQ(type.fixed_cost, 1000);
}

TEST(VroomReader, AMissingStartOrEndIsAnywhere) {
  VroomInstance read = parse_ok(load("open_routes.json"));
  const model::Problem& problem = read.problem;
  EXPECT_EQ(problem.location_count(), 6);  // 5 places and "anywhere"
  const auto& types = problem.vehicle_types();
  EXPECT_EQ(types[0].start_location, 5);
  EXPECT_EQ(types[0].end_location, 0);
  EXPECT_EQ(types[1].start_location, 4);
  EXPECT_EQ(types[1].end_location, 5);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(problem.travel_time(5, i), 0);
    EXPECT_EQ(problem.travel_time(i, 5), 0);
    EXPECT_EQ(problem.distance(5, i), 0);
  }
  EXPECT_EQ(problem.load_dimensions(), 2);
  EXPECT_EQ(types[1].capacity.amount[1], 1);
  EXPECT_EQ(types[1].shift_start, 100);
}

TEST(VroomReader, PerKmCostsPutDistancesInTheModel) {
  VroomInstance read = parse_ok(load("per_km.json"));
  const model::Problem& problem = read.problem;
  const auto& types = problem.vehicle_types();
  EXPECT_EQ(problem.distance(0, 4), 1500);  // metres × 1000/1000
  EXPECT_EQ(types[0].cost_per_distance, 1);
  EXPECT_EQ(types[1].cost_per_distance, 2);
  EXPECT_EQ(types[1].fixed_cost, 10);
  EXPECT_EQ(types[0].max_distance, 9000);
  EXPECT_EQ(types[1].max_travel_time, 100000);
  EXPECT_EQ(types[1].max_distance, model::kUnlimited);
}

TEST(VroomReader, ProportionalRatesScaleOneCostMatrix) {
  json problem = load("basic.json");
  problem["vehicles"][0]["costs"] = {{"per_hour", 3600}, {"per_km", 1000}};
  problem["vehicles"][1]["costs"] = {{"per_hour", 1800}, {"per_km", 500}};
  VroomInstance read = parse_ok(problem);
  // per_hour × 180 s / 3600 + per_km × 3000 m / 1000 = 180 + 3000.
  EXPECT_DOUBLE_EQ(read.problem.distance(1, 2), 3180);
  EXPECT_EQ(read.problem.vehicle_types()[1].cost_per_distance, 0.5);
}

TEST(VroomReader, CustomCostsMatrixIsTheModelDistance) {
  json problem = load("per_km.json");
  for (json& vehicle : problem["vehicles"]) {
    vehicle.erase("costs");
    vehicle.erase("max_distance");
  }
  json costs = problem["matrices"]["car"]["durations"];
  costs[0][1] = 7;
  problem["matrices"]["car"]["costs"] = costs;
  VroomInstance read = parse_ok(problem);
  EXPECT_EQ(read.problem.distance(0, 1), 7);
  EXPECT_EQ(read.problem.vehicle_types()[1].cost_per_distance, 1);
}

TEST(VroomReader, SkillsRestrictVehiclesAndUnservableTasksAreSetAside) {
  VroomInstance read = parse_ok(load("skills_max_tasks.json"));
  const model::Problem& problem = read.problem;
  ASSERT_EQ(problem.request_count(), 4);  // job 5 needs skill 3, which no vehicle has
  EXPECT_EQ(problem.request(0).allowed_vehicle_types, std::vector<int>{0});
  EXPECT_TRUE(problem.request(3).allowed_vehicle_types.empty());  // both vehicles have skill 2
  EXPECT_EQ(problem.vehicle_types()[0].max_stops, 2);
  ASSERT_EQ(read.vroom.unassignable.size(), 1u);
  EXPECT_EQ(read.vroom.unassignable[0].request.job.id, 5u);
  EXPECT_EQ(read.vroom.unassignable[0].reason, "no vehicle has all its skills [3]");
}

TEST(VroomReader, RideExtensions) {
  VroomInstance ride = parse_ok(load("max_ride.json"));
  EXPECT_EQ(ride.problem.request(0).max_ride_time, 150);  // factor 1.5 × direct 100
  EXPECT_EQ(ride.problem.request(1).max_ride_time, 150);  // absolute
  json both = load("max_ride.json");
  both["shipments"][0]["max_ride_time"] = 120;
  EXPECT_EQ(parse_ok(both).problem.request(0).max_ride_time, 120);  // the smaller
  VroomInstance alone = parse_ok(load("ride_alone.json"));
  EXPECT_TRUE(alone.problem.request(0).ride_alone);
  EXPECT_FALSE(alone.problem.request(1).ride_alone);
  VroomInstance apart = parse_ok(load("never_together.json"));  // legacy "matrix"
  ASSERT_EQ(apart.problem.not_together().size(), 1u);
  EXPECT_EQ(apart.problem.not_together()[0], (std::pair<int, int>{0, 1}));
}

TEST(VroomReader, ASharedSpeedFactorScalesDurations) {
  json problem = load("basic.json");
  for (json& vehicle : problem["vehicles"]) vehicle["speed_factor"] = 2;
  VroomInstance read = parse_ok(problem);
  EXPECT_EQ(read.problem.travel_time(1, 2), 90);
  EXPECT_EQ(read.vroom.duration(1, 2), 90);
}

TEST(VroomReader, IgnoresKeysVroomAccepts) {
  json problem = load("basic.json");
  problem["options"] = {{"g", true}};
  problem["description"] = "a test";
  problem["jobs"][0]["location"] = {2.35, 48.85};
  problem["vehicles"][0]["steps"] = json::array({{{"type", "start"}}});
  VroomInstance read = parse_ok(problem);
  EXPECT_EQ(read.vroom.requests[0].job.coordinates, json({2.35, 48.85}));
  EXPECT_NE(read.vroom.notes.back().find("steps"), std::string::npos);
}

// ---- malformed JSON: line and column ---------------------------------------------------------

TEST(VroomReaderErrors, SyntaxErrorHasLineAndColumn) {
  const std::string text = "{\n  \"vehicles\": [\n    {\"id\": 1,, \"start_index\": 0}\n  ]\n}\n";
  Result<VroomInstance> read = parse_vroom(text, "bad.json");
  ASSERT_FALSE(read.ok());
  const Error& e = read.error();
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.file, "bad.json");
  EXPECT_EQ(e.where.line, 3);
  EXPECT_EQ(e.where.column, 14);
  EXPECT_NE(e.message.find("invalid JSON: syntax error"), std::string::npos) << e.to_string();
  EXPECT_EQ(e.message.find("json.exception"), std::string::npos) << e.to_string();
}

TEST(VroomReaderErrors, TruncatedFileEndsAtTheLastLine) {
  Result<VroomInstance> read = parse_vroom("{\"vehicles\": [\n  {\"id\": 1", "cut.json");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kParse);
  EXPECT_EQ(read.error().where.line, 2);
  EXPECT_NE(read.error().message.find("unexpected end of input"), std::string::npos)
      << read.error().to_string();
}

TEST(VroomReaderErrors, OffsetsBecomeLinesAndColumns) {
  const std::string text = "ab\ncd\n\nef";
  EXPECT_EQ(location_of_offset(text, 0, "f").line, 1);
  EXPECT_EQ(location_of_offset(text, 4, "f").column, 2);
  EXPECT_EQ(location_of_offset(text, 4, "f").line, 2);
  EXPECT_EQ(location_of_offset(text, 7, "f").line, 4);
  EXPECT_EQ(location_of_offset(text, 7, "f").column, 1);
  EXPECT_EQ(location_of_offset(text, 99, "f").column, 3);  // clamped to the end
}

TEST(VroomReaderErrors, MissingFile) {
  Result<VroomInstance> read = read_vroom(vroom_file("no-such-file.json"));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
}

// ---- wrong shape: the JSON path --------------------------------------------------------------

TEST(VroomReaderErrors, ShapeErrorsNameTheJsonPath) {
  json problem = load("basic.json");
  problem.erase("vehicles");
  expect_refused(problem, ErrorCode::kParse, "(top level): missing key \"vehicles\"");

  problem = load("basic.json");
  problem["jobs"][2]["service"] = "abc";
  expect_refused(problem, ErrorCode::kParse,
                 "jobs[2].service: expected an integer, found the string \"abc\"");

  problem = load("basic.json");
  problem["jobs"][1].erase("location_index");
  expect_refused(problem, ErrorCode::kParse, "jobs[1]: missing key \"location_index\"");

  problem = load("basic.json");
  problem["shipments"][0]["pickup"]["id"] = -4;
  expect_refused(problem, ErrorCode::kParse, "shipments[0].pickup.id: expected a non-negative");

  problem = load("basic.json");
  problem["matrices"]["car"]["durations"][2] = {1, 2};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "matrices.car.durations[2]: 2 entries in a 6x6 matrix");

  problem = load("basic.json");
  problem["shipments"][0]["ride_alone"] = "yes";
  expect_refused(problem, ErrorCode::kParse, "shipments[0].ride_alone: expected true or false");
}

// ---- impossible data --------------------------------------------------------------------------

TEST(VroomReaderErrors, ImpossibleDataNamesTheJsonPath) {
  json problem = load("basic.json");
  problem["jobs"][0]["time_windows"] = {{500, 300}};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[0].time_windows[0]: the window [500, 300] ends before it starts");

  problem = load("basic.json");
  problem["jobs"][3]["location_index"] = 9;
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[3].location_index: 9 is outside the matrices (6 locations)");

  problem = load("basic.json");
  problem["jobs"][1]["id"] = 11;
  expect_refused(problem, ErrorCode::kInvalidInput, "jobs[1].id: job id 11 is used twice");

  problem = load("basic.json");
  problem["vehicles"][1]["id"] = 1;
  expect_refused(problem, ErrorCode::kInvalidInput, "vehicles[1].id: vehicle id 1 is used twice");

  problem = load("basic.json");
  problem["jobs"][2]["delivery"] = {1, 1};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[2].delivery: 2 amount values, but vehicles[0].capacity has 1");

  problem = load("basic.json");
  problem["vehicles"][0].erase("capacity");
  expect_refused(problem, ErrorCode::kInvalidInput, "vehicles[0]: no \"capacity\"");

  problem = load("basic.json");
  problem["vehicles"][0].erase("start_index");
  problem["vehicles"][0].erase("end_index");
  expect_refused(problem, ErrorCode::kInvalidInput, "vehicles[0]: a vehicle needs a start_index");

  problem = load("max_ride.json");
  problem["shipments"][0]["max_ride_factor"] = 0.5;
  expect_refused(problem, ErrorCode::kInvalidInput, "shipments[0].max_ride_factor: 0.5 is less");

  problem = load("never_together.json");
  problem["never_together"] = {{1, 2}};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "never_together[0][1]: no shipment has pickup id 2");
}

// ---- what sendplan cannot model: refused, with why ---------------------------------------------

TEST(VroomReaderErrors, UnsupportedFeaturesAreRefusedClearly) {
  json problem = load("basic.json");
  problem.erase("matrices");
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "matrices.car: no matrices for profile \"car\": sendplan has no routing server");

  problem = load("basic.json");
  problem["jobs"][0].erase("location_index");
  problem["jobs"][0]["location"] = {2.35, 48.85};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[0].location: coordinates without \"location_index\"");

  problem = load("basic.json");
  problem["jobs"][1]["time_windows"] = {{0, 100}, {200, 300}};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[1].time_windows: job 12 has 2 time windows; sendplan supports one per task");

  problem = load("basic.json");
  problem["vehicles"][1]["profile"] = "bike";
  expect_refused(problem, ErrorCode::kInvalidInput, "vehicles: the vehicles use 2 profiles");

  problem = load("basic.json");
  problem["vehicles"][0]["breaks"] = json::array({json{{"id", 1}}});
  expect_refused(problem, ErrorCode::kInvalidInput, "vehicles[0].breaks: breaks are not supported");

  problem = load("basic.json");
  problem["jobs"][0]["pickup"] = {1};
  expect_refused(problem, ErrorCode::kInvalidInput, "jobs[0]: job 11 both delivers and picks up");

  problem = load("basic.json");
  problem["vehicles"][0]["capacity"] = {1, 1, 1, 1};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "vehicles[0].capacity: 4 amount dimensions; sendplan supports at most 3");

  problem = load("basic.json");
  problem["vehicles"][0]["costs"] = {{"per_hour", 3600}, {"per_km", 0}};
  problem["vehicles"][1]["costs"] = {{"per_hour", 0}, {"per_km", 1000}};
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "vehicles[1].costs: per_hour 0 and per_km 1000 are not in the same proportion");

  problem = load("basic.json");
  problem["vehicles"][0]["max_distance"] = 10000;
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "vehicles[0].max_distance: a maximum distance is supported only when costs are "
                 "proportional to distance");

  problem = load("basic.json");
  problem["vehicles"][0]["speed_factor"] = 1.5;
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "vehicles[1].speed_factor: speed factor 1 differs from vehicles[0]'s 1.5");

  problem = load("per_km.json");
  problem["matrices"]["car"]["costs"] = problem["matrices"]["car"]["distances"];
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "vehicles[0].costs: per_hour and per_km cannot be combined with the custom");

  problem = load("basic.json");
  problem["jobs"][0]["amount"] = {1};
  expect_refused(problem, ErrorCode::kInvalidInput, "jobs[0].amount: a job's \"amount\"");
}

TEST(VroomReaderErrors, ExtensionsAreCheckedForTypos) {
  json problem = load("max_ride.json");
  problem["shipments"][1]["max_ride_tme"] = 100;
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "shipments[1].max_ride_tme: unknown key; did you mean sendplan's "
                 "\"max_ride_time\"?");

  problem = load("never_together.json");
  problem["never_togther"] = problem["never_together"];
  expect_refused(problem, ErrorCode::kInvalidInput, "did you mean sendplan's \"never_together\"");

  problem = load("basic.json");
  problem["jobs"][0]["ride_alone"] = true;
  expect_refused(problem, ErrorCode::kInvalidInput,
                 "jobs[0].ride_alone: sendplan's ride extensions apply to shipments only");
}

}  // namespace
}  // namespace sendplan::io
