// sendplan_check's command line through run_cli: verdict lines, exit codes 0/1/2, --quiet.
#include "cli.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_util.h"

namespace sendplan::check {
namespace {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

CliRun run(std::vector<std::string> args) {
  std::ostringstream out, err;
  CliRun result;
  result.code = run_cli(args, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

using testing::data_path;

TEST(CheckerCli, FeasiblePlans) {
  CliRun cordeau = run(
      {"--format", "cordeau", data_path("cordeau_2req.txt"), data_path("cordeau_2req_ok.json")});
  EXPECT_EQ(cordeau.code, kExitFeasible) << cordeau.out << cordeau.err;
  EXPECT_EQ(cordeau.out, "FEASIBLE cost=24.000000 routes=1\n");
  // The same instance in Cordeau & Laporte's 2003 dialect (no end-depot line): the same plan.
  CliRun cordeau_2003 = run({"--format", "cordeau", data_path("cordeau_2req_2003.txt"),
                             data_path("cordeau_2req_ok.json")});
  EXPECT_EQ(cordeau_2003.code, kExitFeasible) << cordeau_2003.out << cordeau_2003.err;
  EXPECT_EQ(cordeau_2003.out, "FEASIBLE cost=24.000000 routes=1\n");
  CliRun solomon =
      run({"--format=solomon", data_path("solomon_3cust.txt"), data_path("solomon_3cust_ok.json")});
  EXPECT_EQ(solomon.out, "FEASIBLE cost=32.000000 routes=2\n");
  CliRun lilim = run({data_path("lilim_2pair.txt"), data_path("lilim_2pair_ok.json"), "--format",
                      "lilim", "--quiet"});
  EXPECT_EQ(lilim.code, kExitFeasible) << lilim.out << lilim.err;
}

TEST(CheckerCli, InfeasiblePlanListsViolations) {
  CliRun late = run(
      {"--format", "cordeau", data_path("cordeau_2req.txt"), data_path("cordeau_2req_late.json")});
  EXPECT_EQ(late.code, kExitInfeasible);
  EXPECT_EQ(late.out,
            "INFEASIBLE cost=24.000000 routes=1 violations=1 unserved=0\n"
            "[time-window] route 0 node 4: time 27.000000 after window [0.000000, 26.000000] "
            "closes (late by 1.000000)\n");
  CliRun quiet = run({"--format", "cordeau", data_path("cordeau_2req.txt"),
                      data_path("cordeau_2req_late.json"), "--quiet"});
  EXPECT_EQ(quiet.code, kExitInfeasible);
  EXPECT_EQ(quiet.out, "INFEASIBLE cost=24.000000 routes=1 violations=1 unserved=0\n");
}

TEST(CheckerCli, UsageAndFileErrorsExitTwo) {
  EXPECT_EQ(run({}).code, kExitUsage);
  EXPECT_EQ(run({"--format", "tsp", "a", "b"}).code, kExitUsage);
  EXPECT_EQ(run({"--format", "cordeau", "only-one"}).code, kExitUsage);
  EXPECT_EQ(run({"--format", "cordeau", "a", "b", "--bogus"}).code, kExitUsage);
  CliRun missing =
      run({"--format", "cordeau", "/nonexistent/i.txt", data_path("cordeau_2req_ok.json")});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_NE(missing.err.find("/nonexistent/i.txt"), std::string::npos) << missing.err;
  CliRun malformed =
      run({"--format", "cordeau", data_path("cordeau_2req.txt"), data_path("malformed.json")});
  EXPECT_EQ(malformed.code, kExitUsage);
  EXPECT_NE(malformed.err.find("malformed.json"), std::string::npos) << malformed.err;
  EXPECT_NE(malformed.err.find("missing key \"cost\""), std::string::npos) << malformed.err;
  CliRun wrong_format = run(
      {"--format", "cordeau", data_path("solomon_3cust.txt"), data_path("solomon_3cust_ok.json")});
  EXPECT_EQ(wrong_format.code, kExitUsage);
  EXPECT_NE(wrong_format.err.find("solomon_3cust.txt"), std::string::npos) << wrong_format.err;
}

}  // namespace
}  // namespace sendplan::check
