// `sendplan solve` on one instance of each benchmark format: the plan passes the independent
// checker, has the contract keys, and is reproducible for a fixed seed and iteration limit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

using nlohmann::json;

// The reproducible limits every test uses: an iteration limit and no wall-clock limit.
const std::string kLimits = " --iterations 300 --seed 3 --time-limit 0";

struct Case {
  const char* format;
  const char* file;  // under shared/benchmarks
};
// Keeps test names readable (gtest would print the struct's bytes).
void PrintTo(const Case& c, std::ostream* out) {
  *out << c.format << " " << c.file;
}

void expect_contract_keys(const json& plan) {
  for (const char* key :
       {"instance", "feasible", "cost", "vehicles_used", "routes", "unserved", "statistics"})
    EXPECT_TRUE(plan.contains(key)) << "missing key " << key;
  ASSERT_TRUE(plan["routes"].is_array());
  ASSERT_FALSE(plan["routes"].empty());
  for (const json& route : plan["routes"]) {
    EXPECT_TRUE(route.contains("vehicle"));
    ASSERT_TRUE(route.contains("stops") && route["stops"].is_array());
    for (const json& stop : route["stops"]) {
      EXPECT_TRUE(stop.contains("node"));
      EXPECT_TRUE(stop.contains("time"));
    }
  }
  EXPECT_EQ(plan["vehicles_used"].get<size_t>(), plan["routes"].size());
}

class SolveBenchmark : public ::testing::TestWithParam<Case> {};

TEST_P(SolveBenchmark, PlanPassesTheChecker) {
  SENDPLAN_REQUIRE_SHARED();
  const Case& c = GetParam();
  ScratchDir dir;
  const std::string instance = benchmark(c.file);
  const std::string output = dir.file("plan.json");

  RunResult solved = run(quote(sendplan_bin()) + " solve --format " + c.format + " " +
                             quote(instance) + kLimits + " --output " + quote(output),
                         dir.path());
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  EXPECT_NE(solved.err.find("requests served"), std::string::npos) << solved.err;
  EXPECT_TRUE(solved.out.empty()) << "with --output nothing goes to stdout";

  json plan = json::parse(read_file(output));
  expect_contract_keys(plan);
  EXPECT_TRUE(plan["feasible"].get<bool>());
  EXPECT_TRUE(plan["unserved"].empty());

  RunResult checked = run(
      quote(checker_bin()) + " --format " + c.format + " " + quote(instance) + " " + quote(output),
      dir.path());
  ASSERT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  ASSERT_EQ(checked.out.rfind("FEASIBLE", 0), 0u) << checked.out;
  size_t at = checked.out.find("cost=");
  ASSERT_NE(at, std::string::npos) << checked.out;
  EXPECT_NEAR(std::strtod(checked.out.c_str() + at + 5, nullptr), plan["cost"].get<double>(), 0.01);
}

INSTANTIATE_TEST_SUITE_P(Formats, SolveBenchmark,
                         ::testing::Values(Case{"cordeau", "darp_cordeau/a_instances/a2-16.txt"},
                                           Case{"solomon", "vrptw_solomon/instances/C101.txt"},
                                           Case{"lilim", "pdptw_lilim/instances/lc101.txt"}),
                         [](const auto& test) { return std::string(test.param.format); });

TEST(Solve, SameSeedAndIterationsGiveTheSamePlan) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string command = quote(sendplan_bin()) + " solve --format cordeau " +
                              quote(benchmark("darp_cordeau/a_instances/a2-20.txt")) + kLimits +
                              " --output ";
  RunResult first = run(command + quote(dir.file("first.json")), dir.path());
  RunResult second = run(command + quote(dir.file("second.json")), dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;

  json a = json::parse(read_file(dir.file("first.json")));
  json b = json::parse(read_file(dir.file("second.json")));
  EXPECT_EQ(a["routes"].dump(), b["routes"].dump());
  EXPECT_EQ(a["cost"].get<double>(), b["cost"].get<double>());
  EXPECT_EQ(a["statistics"]["iterations"].get<int64_t>(), 300);
}

TEST(Solve, WithoutOutputPrintsThePlanJsonToStdout) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  RunResult solved = run(quote(sendplan_bin()) + " solve --format cordeau " +
                             quote(benchmark("darp_cordeau/a_instances/a2-16.txt")) +
                             " --iterations 50 --time-limit 0",
                         dir.path());
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  json plan = json::parse(solved.out);
  expect_contract_keys(plan);
  EXPECT_EQ(plan["instance"], "a2-16");
  EXPECT_NE(solved.err.find("a2-16: cost"), std::string::npos) << solved.err;
  EXPECT_EQ(solved.err.find('\r'), std::string::npos) << "no progress line when not a terminal";
}

}  // namespace
}  // namespace sendplan::e2e
