// Tests for routes.csv: the exact text of the sample plan, quoting included.
#include "report/routes_csv.h"

#include <gtest/gtest.h>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

TEST(RoutesCsv, OneRowPerStopInRouteOrder) {
  const std::string expected =
      "run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time\n"
      "AM,AM-001,\"Minibus, 8 seat\",1,P1,pickup,home,51.53210,-0.10570,07:46\n"
      "AM,AM-001,\"Minibus, 8 seat\",2,P2,pickup,home,51.52001,-0.12002,07:59\n"
      "AM,AM-001,\"Minibus, 8 seat\",3,P1,dropoff,S1,51.54321,-0.14321,08:20\n"
      "AM,AM-001,\"Minibus, 8 seat\",4,P2,dropoff,S1,51.54321,-0.14321,08:22\n"
      "AM,AM-002,car,1,\"<script>alert(\"\"x\"\")</script>\",pickup,home,51.56000,-0.09000,08:10\n"
      "AM,AM-002,car,2,\"<script>alert(\"\"x\"\")</script>\",dropoff,S2,51.55555,-0.10001,08:35\n"
      "PM,PM-001,\"Minibus, 8 seat\",1,P1,pickup,S1,51.54321,-0.14321,15:20\n"
      "PM,PM-001,\"Minibus, 8 seat\",2,P2,pickup,S1,51.54321,-0.14321,15:22\n"
      "PM,PM-001,\"Minibus, 8 seat\",3,P2,dropoff,home,51.52001,-0.12002,15:40\n"
      "PM,PM-001,\"Minibus, 8 seat\",4,P1,dropoff,home,51.53210,-0.10570,16:12\n";
  EXPECT_EQ(routes_csv(testing::sample_plan()), expected);
}

TEST(RoutesCsv, EmptyPlanIsJustTheHeader) {
  EXPECT_EQ(routes_csv(transport::DayPlan{}),
            "run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time\n");
}

}  // namespace
}  // namespace sendplan::report
