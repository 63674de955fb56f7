// Tests for pupils.csv: one row per child-run, blank cells when unserved, quoting.
#include "report/pupils_csv.h"

#include <gtest/gtest.h>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

TEST(PupilsCsv, OneRowPerChildRun) {
  const std::string expected =
      "pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,direct_minutes,"
      "allowed_minutes,limit_group,excess_minutes,compliant,reason,note\n"
      "P1,AM,AM-001,07:46,08:20,33.6,45,20.0,45.0,within,0.0,yes,,\n"
      "P1,PM,PM-001,15:20,16:12,52.0,45,20.0,45.0,avoidable,7.0,no,"
      "ride 52.0 minutes is over the limit of 45,\n"
      "P2,AM,AM-001,07:59,08:22,24.0,45,20.0,45.0,within,0.0,yes,,\n"
      "P2,PM,PM-001,15:22,15:40,18.0,45,20.0,45.0,within,0.0,yes,,\n"
      "\"<script>alert(\"\"x\"\")</script>\",AM,AM-002,08:10,08:35,25.0,75,20.0,75.0,within,0.0,"
      "yes,,\n"
      "\"<script>alert(\"\"x\"\")</script>\",PM,,,,,75,20.0,75.0,,,no,"
      "\"no vehicle is free to take them alone (\"\"car\"\": all 1 in use)\",\n";
  EXPECT_EQ(pupils_csv(testing::sample_plan()), expected);
}

// Issue 12: an unavoidable over-guidance ride is compliant, grouped and explained.
TEST(PupilsCsv, UnavoidableRideIsGroupedWithItsNote) {
  transport::DayPlan plan = testing::sample_plan();
  transport::PupilRun& far = plan.pupil_runs[0];
  far.ride_minutes = 53;
  far.direct_minutes = 48.2;
  far.allowed_minutes = 54;
  far.group = transport::LimitGroup::kUnavoidable;
  far.excess_minutes = 8;
  far.note = "over guidance: unavoidable (direct journey 49 min)";
  const std::string text = pupils_csv(plan);
  EXPECT_NE(text.find("P1,AM,AM-001,07:46,08:20,53.0,45,48.2,54.0,unavoidable,8.0,yes,,"
                      "over guidance: unavoidable (direct journey 49 min)\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace sendplan::report
