// Unit tests of the sendplan_cli pieces that need no process: option translation, natural
// order, the bench table's gap statistics and CSV, shell quoting.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/bench_table.h"
#include "cli/checker_runner.h"
#include "cli/solver_options.h"

namespace sendplan::cli {
namespace {

TEST(SolverOptions, TimeLimitZeroNeedsAnIterationLimit) {
  SolverOptions options;
  options.time_limit_seconds = 0;
  Result<solver::SolverParameters> none = make_parameters(options);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);

  options.iterations = 300;
  options.seed = 3;
  Result<solver::SolverParameters> p = make_parameters(options);
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p.value().time_limit_seconds, 0);
  EXPECT_EQ(p.value().max_iterations, 300);
  EXPECT_EQ(p.value().seed, 3u);
}

TEST(SolverOptions, RejectsNegativeValues) {
  SolverOptions options;
  options.time_limit_seconds = -1;
  EXPECT_FALSE(make_parameters(options).ok());
  options = {};
  options.iterations = -5;
  EXPECT_FALSE(make_parameters(options).ok());
  options = {};
  options.seed = -1;
  EXPECT_FALSE(make_parameters(options).ok());
  options = {};
  options.threads = 0;
  EXPECT_FALSE(make_parameters(options).ok());
}

TEST(NaturalLess, OrdersDigitRunsAsNumbers) {
  std::vector<std::string> names = {"a10-1", "a2-20", "a2-16", "b2-16", "a2-9", "C101", "C1"};
  std::sort(names.begin(), names.end(), natural_less);
  EXPECT_EQ(names,
            (std::vector<std::string>{"C1", "C101", "a2-9", "a2-16", "a2-20", "a10-1", "b2-16"}));
  EXPECT_FALSE(natural_less("a2-16", "a2-16"));
}

BenchRow row(const std::string& name, double cost, double bks, bool feasible, int unserved = 0) {
  BenchRow r;
  r.instance = name;
  r.cost = cost;
  r.best_known = bks;
  r.solver_feasible = feasible;
  r.unserved = unserved;
  return r;
}

TEST(BenchTable, GapStatisticsLeaveOutFlaggedRows) {
  std::vector<BenchRow> rows = {row("a", 101, 100, true), row("b", 103, 100, true),
                                row("c", 90, 100, false, 2)};
  rows.push_back(row("d", 100, 100, true));
  rows.back().checker_feasible = false;  // the checker overrules the solver
  EXPECT_DOUBLE_EQ(rows[0].gap_percent(), 1.0);
  EXPECT_TRUE(rows[3].disagreement());
  EXPECT_FALSE(rows[3].feasible());

  BenchTable table(1);
  std::string footer = table.footer(rows);
  EXPECT_NE(footer.find("feasible: 2/4 instances"), std::string::npos) << footer;
  EXPECT_NE(footer.find("mean gap: +2.00 % over 2 feasible instances"), std::string::npos)
      << footer;
  EXPECT_NE(footer.find("worst gap: +3.00 % (b)"), std::string::npos) << footer;
  EXPECT_NE(table.row(rows[2]).find("NO (2 unserved"), std::string::npos) << table.row(rows[2]);
  EXPECT_NE(table.row(rows[3]).find("NO (solver says yes"), std::string::npos);
  EXPECT_NE(table.row(rows[0]).find("yes"), std::string::npos);
}

TEST(BenchTable, AGapThatRoundsToZeroIsPlusZero) {
  BenchTable table(1);
  std::string text = table.row(row("a", 294.249, 294.25, true));  // BKS rounded to 2 decimals
  EXPECT_NE(text.find("+0.00"), std::string::npos) << text;
  EXPECT_EQ(text.find("-0.00"), std::string::npos) << text;
  EXPECT_NE(table.row(row("b", 90, 100, true)).find("-10.00"), std::string::npos);
}

TEST(BenchTable, CsvHasOneLinePerRowAndQuotesErrors) {
  BenchRow broken = row("x", 0, 50, false);
  broken.error = "x.txt:3: bad, very bad";
  std::string csv = bench_csv({row("a", 101, 100, true), broken});
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
  EXPECT_NE(csv.find("a,101.0000,100.0000,1.0000,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"x.txt:3: bad, very bad\""), std::string::npos) << csv;
}

TEST(ShellQuote, SurvivesSpacesAndQuotes) {
  EXPECT_EQ(shell_quote("a b"), "'a b'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
}

}  // namespace
}  // namespace sendplan::cli
