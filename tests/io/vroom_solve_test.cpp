// `sendplan solve --format vroom` end to end through the command (cli::run_solve): the VROOM
// solution it writes is re-read and re-checked by the independent checker (tests/checker, no code
// shared with src/), and each rule is shown to bind on a small hand-made file where the answer is
// known: fixed costs, ride alone, never together, maximum ride times, skills and max_tasks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/solve_command.h"
#include "io/file_text.h"
#include "io/test_paths.h"
#include "support/temp_dir.h"
#include "vroom_check.h"

namespace sendplan::io {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A scratch directory per test, removed afterwards.
class VroomSolve : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::make_unique<sendplan::testing::TempDir>("vroom-test");
    dir_ = folder_->path();
  }
  void TearDown() override { folder_.reset(); }

  static json load(const std::string& name) {
    return json::parse(detail::read_text_file(test_support::test_data("vroom/" + name)).value());
  }

  struct Solved {
    int exit_code = -1;
    json solution;
    check::Report report;
  };

  // Writes `problem`, solves it with a fixed seed and iteration limit, and checks the answer.
  Solved solve(const json& problem, int64_t iterations = 500) {
    const std::string input = (dir_ / "problem.json").string();
    const std::string output = (dir_ / "solution.json").string();
    std::ofstream(input) << problem.dump(2);
    cli::SolveOptions options;
    options.format = "vroom";
    options.instance = input;
    options.solver.time_limit_seconds = 0;
    options.solver.iterations = iterations;
    options.solver.seed = 7;
    options.output = output;
    Solved solved;
    solved.exit_code = cli::run_solve(options);
    if (!fs::exists(output)) return solved;
    solved.solution = json::parse(detail::read_text_file(output).value());
    solved.report = check::vroom::check_solution(check::vroom::read_problem(input),
                                                 check::vroom::read_solution(output));
    return solved;
  }

  std::unique_ptr<sendplan::testing::TempDir> folder_;
  fs::path dir_;
};

std::string describe(const check::Report& report) {
  std::string text;
  for (const check::Violation& v : report.violations) text += "\n  " + check::format_violation(v);
  return text.empty() ? " (no violations)" : text;
}

// The (type, id) of every task step of route r, in order.
std::vector<std::pair<std::string, uint64_t>> tasks_of(const json& route) {
  std::vector<std::pair<std::string, uint64_t>> tasks;
  for (const json& step : route["steps"])
    if (step.contains("id"))
      tasks.emplace_back(step["type"].get<std::string>(), step["id"].get<uint64_t>());
  return tasks;
}

TEST_F(VroomSolve, BasicFileGivesACheckedVroomSolution) {
  Solved solved = solve(load("basic.json"));
  ASSERT_EQ(solved.exit_code, 0);
  EXPECT_TRUE(solved.report.feasible()) << describe(solved.report);
  const json& s = solved.solution;
  EXPECT_EQ(s["code"], 0);
  EXPECT_TRUE(s["unassigned"].empty());
  for (const char* key :
       {"cost", "routes", "unassigned", "delivery", "pickup", "setup", "service", "duration",
        "waiting_time", "priority", "distance", "violations", "computing_times"})
    EXPECT_TRUE(s["summary"].contains(key)) << key;
  EXPECT_EQ(s["summary"]["delivery"], json({5}));  // jobs 4, shipment 1
  EXPECT_EQ(s["summary"]["pickup"], json({2}));    // job 14 and the shipment
  EXPECT_EQ(s["summary"]["service"], 1440);
  EXPECT_EQ(s["summary"]["setup"], 60);
  EXPECT_EQ(s["summary"]["priority"], 5);
  // Default costs: one per second of travel.
  EXPECT_EQ(s["summary"]["cost"], s["summary"]["duration"]);
  for (const json& route : s["routes"]) {
    EXPECT_EQ(route["steps"].front()["type"], "start");
    EXPECT_EQ(route["steps"].back()["type"], "end");
    EXPECT_EQ(route["steps"].front()["location_index"], 0);
  }
  EXPECT_EQ(solved.report.cost, s["summary"]["cost"].get<double>());
}

TEST_F(VroomSolve, FixedCostsUseTheFewestVehicles) {
  // Six jobs of one unit, vehicles of four: at least two vehicles. Without fixed costs three
  // star routes (3 × 21) beat two (21 + 122); a fixed cost of 1000 each makes two the best.
  Solved with_fixed = solve(load("fixed_costs.json"));
  ASSERT_EQ(with_fixed.exit_code, 0);
  EXPECT_TRUE(with_fixed.report.feasible()) << describe(with_fixed.report);
  EXPECT_EQ(with_fixed.solution["summary"]["routes"], 2);
  EXPECT_EQ(with_fixed.solution["summary"]["cost"], 2 * 1000 + 21 + 122);

  json problem = load("fixed_costs.json");
  for (json& vehicle : problem["vehicles"]) vehicle.erase("costs");
  Solved without = solve(problem);
  EXPECT_TRUE(without.report.feasible()) << describe(without.report);
  EXPECT_EQ(without.solution["summary"]["routes"], 3);
  EXPECT_EQ(without.solution["summary"]["cost"], 63);
}

TEST_F(VroomSolve, RideAloneShipmentTravelsAlone) {
  Solved alone = solve(load("ride_alone.json"));
  ASSERT_EQ(alone.exit_code, 0);
  EXPECT_TRUE(alone.report.feasible()) << describe(alone.report);
  EXPECT_EQ(alone.solution["summary"]["cost"], 500);  // two separate trips

  json problem = load("ride_alone.json");
  problem["shipments"][0].erase("ride_alone");
  Solved shared = solve(problem);
  EXPECT_TRUE(shared.report.feasible()) << describe(shared.report);
  EXPECT_EQ(shared.solution["summary"]["cost"], 300);  // both on board together
}

TEST_F(VroomSolve, NeverTogetherShipmentsAreNotOnBoardTogether) {
  Solved apart = solve(load("never_together.json"));
  ASSERT_EQ(apart.exit_code, 0);
  EXPECT_TRUE(apart.report.feasible()) << describe(apart.report);
  EXPECT_EQ(apart.solution["summary"]["cost"], 500);

  json problem = load("never_together.json");
  problem.erase("never_together");
  Solved together = solve(problem);
  EXPECT_TRUE(together.report.feasible()) << describe(together.report);
  EXPECT_EQ(together.solution["summary"]["cost"], 300);
}

TEST_F(VroomSolve, MaximumRideTimesAbsoluteAndRelative) {
  // Both limits: no pooled order keeps both rides within 150, so two trips.
  Solved both = solve(load("max_ride.json"));
  ASSERT_EQ(both.exit_code, 0);
  EXPECT_TRUE(both.report.feasible()) << describe(both.report);
  EXPECT_EQ(both.solution["summary"]["cost"], 500);

  // Only the absolute limit on the second shipment: pooled, its delivery (4) comes first.
  json absolute = load("max_ride.json");
  absolute["shipments"][0].erase("max_ride_factor");
  Solved first = solve(absolute);
  EXPECT_TRUE(first.report.feasible()) << describe(first.report);
  EXPECT_EQ(first.solution["summary"]["cost"], 400);
  auto tasks = tasks_of(first.solution["routes"][0]);
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[2], (std::pair<std::string, uint64_t>{"delivery", 4}));

  // Only the relative limit on the first shipment: pooled, its delivery (2) comes first.
  json relative = load("max_ride.json");
  relative["shipments"][1].erase("max_ride_time");
  Solved second = solve(relative);
  EXPECT_TRUE(second.report.feasible()) << describe(second.report);
  EXPECT_EQ(second.solution["summary"]["cost"], 400);
  tasks = tasks_of(second.solution["routes"][0]);
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[2], (std::pair<std::string, uint64_t>{"delivery", 2}));
}

TEST_F(VroomSolve, SkillsAndMaxTasksLeaveTasksUnassignedWithReasons) {
  Solved solved = solve(load("skills_max_tasks.json"));
  EXPECT_EQ(solved.exit_code, 1);  // some tasks unassigned
  EXPECT_TRUE(solved.report.consistent()) << describe(solved.report);
  const json& s = solved.solution;
  // Jobs 1-3 need skill 1 (vehicle 7 only, at most 2 tasks): one of them is left; job 5 needs
  // skill 3, which no vehicle has.
  ASSERT_EQ(s["unassigned"].size(), 2u);
  EXPECT_EQ(s["summary"]["unassigned"], 2);
  std::set<uint64_t> unassigned;
  for (const json& entry : s["unassigned"]) {
    EXPECT_EQ(entry["type"], "job");
    EXPECT_FALSE(entry["reason"].get<std::string>().empty());
    unassigned.insert(entry["id"].get<uint64_t>());
  }
  EXPECT_EQ(unassigned.count(5), 1u);
  for (const json& route : s["routes"]) {
    const auto tasks = tasks_of(route);
    if (route["vehicle"] == 7) {
      EXPECT_LE(tasks.size(), 2u);
    }
    if (route["vehicle"] == 8) {
      for (const auto& task : tasks) EXPECT_EQ(task.second, 4u) << "vehicle 8 lacks skill 1";
    }
  }
}

TEST_F(VroomSolve, OpenRoutesHaveNoStartOrEndStep) {
  Solved solved = solve(load("open_routes.json"));
  ASSERT_EQ(solved.exit_code, 0);
  EXPECT_TRUE(solved.report.feasible()) << describe(solved.report);
  for (const json& route : solved.solution["routes"]) {
    if (route["vehicle"] == 1) {
      EXPECT_NE(route["steps"].front()["type"], "start");
      EXPECT_EQ(route["steps"].back()["type"], "end");
    } else {
      EXPECT_EQ(route["steps"].front()["type"], "start");
      EXPECT_NE(route["steps"].back()["type"], "end");
    }
  }
}

TEST_F(VroomSolve, PerKmCostsAndDistanceLimits) {
  Solved solved = solve(load("per_km.json"));
  ASSERT_EQ(solved.exit_code, 0);
  EXPECT_TRUE(solved.report.feasible()) << describe(solved.report);
  for (const json& route : solved.solution["routes"]) {
    const int64_t distance = route["distance"];
    const int64_t expected = route["vehicle"] == 1 ? distance : 10 + 2 * distance;
    EXPECT_EQ(route["cost"], expected);
    if (route["vehicle"] == 1) {
      EXPECT_LE(distance, 9000);
    }
  }
}

TEST_F(VroomSolve, ErrorsFollowSendplansExitCodes) {
  const std::string input = (dir_ / "broken.json").string();
  std::ofstream(input) << "{\"vehicles\": [\n  {\"id\": 1,, }\n]}\n";
  cli::SolveOptions options;
  options.format = "vroom";
  options.instance = input;
  options.solver.time_limit_seconds = 0;
  options.solver.iterations = 10;
  EXPECT_EQ(cli::run_solve(options), 3);  // malformed input
  json problem = load("basic.json");
  problem["vehicles"][0]["breaks"] = json::array({json{{"id", 1}}});
  std::ofstream(input, std::ios::trunc) << problem.dump();
  EXPECT_EQ(cli::run_solve(options), 4);  // valid JSON that sendplan cannot model
}

}  // namespace
}  // namespace sendplan::io
