// pupils.csv: what every child gets on each run, one row per child-run in the DayPlan's order
// (per pupil, AM then PM). Columns, exactly:
// pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,direct_minutes,
// allowed_minutes,limit_group,excess_minutes,compliant,reason,note
// - pickup_time is the collection time a parent (AM) or school (PM) is told: when the child
//   starts to board; dropoff_time when the vehicle arrives and the child gets off.
// - ride_minutes as the policy counts it (from collection by default); limit_minutes the
//   child's guidance limit; direct_minutes the direct journey counted the same way;
//   allowed_minutes the guidance, or the direct journey plus the allowance when that is longer.
// - limit_group: within, unavoidable (over guidance, but the direct journey is longer than the
//   limit) or avoidable (over guidance when it need not be); excess_minutes the ride over the
//   guidance (0 when within).
// - route_id, the times, ride_minutes, limit_group and excess_minutes are blank when the child
//   is not served on that run; times HH:MM rounded to the nearest minute; minutes 1 decimal.
// - compliant: yes or no; reason: why not served or not compliant ("" when compliant); note:
//   "over guidance: unavoidable (direct journey 48 min)" or "".
// Cells holding a comma, quote, CR or LF are quoted (RFC 4180); a text cell a spreadsheet could run
// as a formula (starting =, +, -, @, tab or CR; not a number) is written with a leading ' and
// quoted (core/text.h csv_cell).
#pragma once

#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

inline constexpr const char* kPupilsCsvHeader =
    "pupil_id,run,route_id,pickup_time,dropoff_time,ride_minutes,limit_minutes,direct_minutes,"
    "allowed_minutes,limit_group,excess_minutes,compliant,reason,note";

// The whole file, header first, each line ending in "\n".
std::string pupils_csv(const transport::DayPlan& plan);

}  // namespace sendplan::report
