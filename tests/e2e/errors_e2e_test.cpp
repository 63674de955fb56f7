// `sendplan solve` on bad input: each kind of failure has its exit code and a message that says
// what and where (exit codes from core/error.h: 2 usage, 3 parse, 4 invalid, 5 not found; 1 when
// the plan was written but some request could not be served).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

// A small valid Cordeau instance: 1 vehicle, 2 requests; `header` and `pickup2` can be replaced.
std::string cordeau(const std::string& header = "1 2 480 3 30",
                    const std::string& pickup2 = "2  2.0 1.0 3 1 0 480") {
  return header + "\n" +
         "0  0.0 0.0 0 0 0 480\n"
         "1  1.0 0.0 3 1 0 480\n" +
         pickup2 + "\n" +
         "3  3.0 0.0 3 -1 0 480\n"
         "4  3.0 1.0 3 -1 0 480\n"
         "5  0.0 0.0 0 0 0 480\n";
}

RunResult solve(const ScratchDir& dir, const std::string& file, const std::string& extra = "") {
  return run(quote(sendplan_bin()) + " solve --format cordeau " + quote(file) +
                 " --iterations 100 --time-limit 0 --output " + quote(dir.file("plan.json")) +
                 extra,
             dir.path());
}

TEST(SolveErrors, ValidSmallInstanceSolves) {
  ScratchDir dir;
  write_file(dir.file("ok.txt"), cordeau());
  RunResult r = solve(dir, dir.file("ok.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(SolveErrors, MalformedFileExitsThreeAndSaysFileAndLine) {
  ScratchDir dir;
  const std::string file = dir.file("bad.txt");
  write_file(file, cordeau("1 2 480 3 30", "2  2.0 oops 3 1 0 480"));  // line 4
  RunResult r = solve(dir, file);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("error: " + file + ":4"), std::string::npos) << r.err;
}

TEST(SolveErrors, UnknownFormatExitsTwo) {
  ScratchDir dir;
  write_file(dir.file("ok.txt"), cordeau());
  RunResult r = run(quote(sendplan_bin()) + " solve --format tsplib " + quote(dir.file("ok.txt")),
                    dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("tsplib"), std::string::npos) << r.err;
}

TEST(SolveErrors, BadCommandLineExitsTwo) {
  ScratchDir dir;
  write_file(dir.file("ok.txt"), cordeau());
  EXPECT_EQ(
      run(quote(sendplan_bin()) + " solve " + quote(dir.file("ok.txt")), dir.path()).exit_code,
      2);  // --format missing
  EXPECT_EQ(run(quote(sendplan_bin()) + " frobnicate", dir.path()).exit_code, 2);
  RunResult no_limit = solve(dir, dir.file("ok.txt"), " --iterations 0");  // no limit at all
  EXPECT_EQ(no_limit.exit_code, 2) << no_limit.err;
  EXPECT_NE(no_limit.err.find("--iterations"), std::string::npos) << no_limit.err;
  EXPECT_EQ(solve(dir, dir.file("ok.txt"), " --threads 0").exit_code, 2);
  EXPECT_EQ(run(quote(sendplan_bin()) + " --help", dir.path()).exit_code, 0);
}

TEST(SolveErrors, MissingFileExitsFive) {
  ScratchDir dir;
  RunResult r = solve(dir, dir.file("nowhere.txt"));
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("nowhere.txt"), std::string::npos) << r.err;
}

TEST(SolveErrors, NegativeCapacityExitsFour) {
  ScratchDir dir;
  write_file(dir.file("negative.txt"), cordeau("1 2 480 -3 30"));
  RunResult r = solve(dir, dir.file("negative.txt"));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("capacity"), std::string::npos) << r.err;
}

TEST(SolveErrors, UnreachableRequestIsReportedAndThePlanStillWritten) {
  ScratchDir dir;
  // Request 2's pickup is 8 away from the depot but its window closes at time 1.
  write_file(dir.file("late.txt"), cordeau("1 2 480 3 30", "2  8.0 0.0 3 1 0 1"));
  RunResult r = solve(dir, dir.file("late.txt"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const size_t at = r.err.find("unserved request 2: ");
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_GT(r.err.find('\n', at) - at, std::string("unserved request 2: ").size() + 5)
      << "the reason is missing: " << r.err;

  nlohmann::json plan = nlohmann::json::parse(read_file(dir.file("plan.json")));
  EXPECT_FALSE(plan["feasible"].get<bool>());
  ASSERT_EQ(plan["unserved"].size(), 1u);
  EXPECT_EQ(plan["routes"].size(), 1u) << "request 1 is still served";
}

}  // namespace
}  // namespace sendplan::e2e
