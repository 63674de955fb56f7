// `sendplan bench` on two small DARP instances with the independent checker: both rows, the gap
// summary and the checker's "yes" verdicts, plus the CSV; and its errors.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The table row whose first column is `instance` ("" when absent).
std::string row_of(const std::string& table, const std::string& instance) {
  for (const std::string& line : lines_of(table))
    if (line.rfind(instance + " ", 0) == 0) return line;
  return "";
}

std::string bench_command(const std::string& extra) {
  return quote(sendplan_bin()) + " bench darp --instances " +
         quote(benchmark("darp_cordeau/a_instances")) + " --bks " +
         quote(benchmark("darp_cordeau/BKS.csv")) + extra;
}

TEST(Bench, TwoDarpInstancesWithTheChecker) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  RunResult r =
      run(bench_command(" --only a2-20,a2-16 --iterations 200 --time-limit 0 --checker " +
                        quote(checker_bin()) + " --solutions " + quote(dir.file("solutions")) +
                        " --csv " + quote(dir.file("bench.csv"))),
          dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  const std::string a216 = row_of(r.out, "a2-16");
  const std::string a220 = row_of(r.out, "a2-20");
  ASSERT_FALSE(a216.empty()) << r.out;
  ASSERT_FALSE(a220.empty()) << r.out;
  EXPECT_LT(r.out.find(a216), r.out.find(a220)) << "rows sorted by name";
  EXPECT_NE(a216.find("294.25"), std::string::npos) << a216;  // the best known value
  EXPECT_NE(a216.find(" yes"), std::string::npos) << a216;
  EXPECT_NE(a220.find(" yes"), std::string::npos) << a220;
  EXPECT_NE(r.out.find("feasible: 2/2 instances"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("mean gap: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("worst gap: "), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("disagreement"), std::string::npos) << r.err;

  std::vector<std::string> csv = lines_of(read_file(dir.file("bench.csv")));
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv[0].rfind("instance,cost,best_known,gap_percent", 0), 0u) << csv[0];
  EXPECT_EQ(csv[1].rfind("a2-16,", 0), 0u) << csv[1];
  EXPECT_EQ(read_file(dir.file("solutions/a2-16.json")).empty(), false);
}

TEST(Bench, ErrorsExitNonZero) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  RunResult missing_dir =
      run(quote(sendplan_bin()) + " bench darp --instances " + quote(dir.file("nowhere")) +
              " --bks " + quote(benchmark("darp_cordeau/BKS.csv")) + " --iterations 10",
          dir.path());
  EXPECT_EQ(missing_dir.exit_code, 5) << missing_dir.err;
  RunResult unknown_only = run(bench_command(" --only zz9-99 --iterations 10"), dir.path());
  EXPECT_EQ(unknown_only.exit_code, 5) << unknown_only.err;
  RunResult bad_set =
      run(quote(sendplan_bin()) + " bench tsp --instances " + quote(dir.path()) + " --bks x.csv",
          dir.path());
  EXPECT_EQ(bad_set.exit_code, 2) << bad_set.err;
}

}  // namespace
}  // namespace sendplan::e2e
