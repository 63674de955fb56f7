// Tests for pupils.csv: one row per child-run, blank cells when unserved, quoting.
#include "report/pupils_csv.h"

#include <gtest/gtest.h>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

TEST(PupilsCsv, OneRowPerChildRun) {
  const std::string expected =
      "pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,compliant,"
      "reason\n"
      "P1,AM,AM-001,07:46,08:20,33.6,45,yes,\n"
      "P1,PM,PM-001,15:20,16:12,52.0,45,no,ride 52.0 minutes is over the limit of 45\n"
      "P2,AM,AM-001,07:59,08:22,24.0,45,yes,\n"
      "P2,PM,PM-001,15:22,15:40,18.0,45,yes,\n"
      "\"<script>alert(\"\"x\"\")</script>\",AM,AM-002,08:10,08:35,25.0,75,yes,\n"
      "\"<script>alert(\"\"x\"\")</script>\",PM,,,,,75,no,"
      "\"no vehicle is free to take them alone (\"\"car\"\": all 1 in use)\"\n";
  EXPECT_EQ(pupils_csv(testing::sample_plan()), expected);
}

}  // namespace
}  // namespace sendplan::report
