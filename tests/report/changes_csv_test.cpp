// Tests for changes.csv: the exact rows, and (security review) text cells neutralised against
// spreadsheet formulas while a negative shift stays a number.
#include "report/changes_csv.h"

#include <gtest/gtest.h>

namespace sendplan::report {
namespace {

transport::ChildChange change(std::string pupil, std::string before, std::string after,
                              double before_pickup, double after_pickup) {
  transport::ChildChange c;
  c.pupil_id = std::move(pupil);
  c.before_route = std::move(before);
  c.after_route = std::move(after);
  c.before_pickup = before_pickup;
  c.after_pickup = after_pickup;
  return c;
}

TEST(ChangesCsv, OneRowPerChangedChildRun) {
  transport::PlanDifference difference;
  difference.children = {change("P1", "AM-001", "AM-001", 480, 483),
                         change("P2", "AM-001", "AM-002", 490, 480)};
  transport::UpdateReport report;
  report.left = {"P9"};
  EXPECT_EQ(changes_csv(difference, &report),
            "pupil_id,run,change,before_route,after_route,before_pickup,after_pickup,"
            "shift_minutes\n"
            "P1,AM,re-timed,AM-001,AM-001,08:00,08:03,3.0\n"
            "P2,AM,new route,AM-001,AM-002,08:10,08:00,-10.0\n"
            "P9,AM,left,,,,,\n"
            "P9,PM,left,,,,,\n");
}

// Regression: ids that a spreadsheet would run as formulas are written with a leading
// apostrophe and quoted; the negative minutes shift is left a number.
TEST(ChangesCsv, FormulaIdsAreNeutralisedAndNegativeShiftsStayNumbers) {
  transport::PlanDifference difference;
  difference.children = {change("=HYPERLINK(\"http://x\",\"Click\")", "+R1", "@R2", 480, 476.5)};
  EXPECT_EQ(changes_csv(difference, nullptr).substr(std::string(kChangesCsvHeader).size() + 1),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\",AM,new route,\"'+R1\",\"'@R2\","
            "08:00,07:57,-3.5\n");
}

}  // namespace
}  // namespace sendplan::report
