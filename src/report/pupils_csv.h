// pupils.csv: what every child gets on each run, one row per child-run in the DayPlan's order
// (per pupil, AM then PM). Columns, exactly:
// pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,compliant,reason
// - route_id, pickup_time, dropoff_time and ride_minutes are blank when the child is not
//   served on that run; times HH:MM rounded to the nearest minute; ride_minutes 1 decimal;
// - compliant: yes or no; reason: why not served or not compliant ("" when compliant).
// Cells holding a comma, quote, CR or LF are quoted (RFC 4180).
#pragma once

#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

inline constexpr const char* kPupilsCsvHeader =
    "pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,compliant,reason";

// The whole file, header first, each line ending in "\n".
std::string pupils_csv(const transport::DayPlan& plan);

}  // namespace sendplan::report
