// routes.csv: every stop of every route of a DayPlan, one row each, in route order then stop
// order. Columns, exactly: run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time
// - run: AM or PM; seq: 1..n within the route; action: pickup or dropoff;
// - place: the school id, or "home"; lat/lon: WGS84 degrees, 5 decimals (about 1 m);
// - time: when the child gets on or off, HH:MM rounded to the nearest minute.
// Cells holding a comma, quote, CR or LF are quoted (RFC 4180); a text cell a spreadsheet could run
// as a formula (starting =, +, -, @, tab or CR; not a number) is written with a leading ' and
// quoted (core/text.h csv_cell). The same layout is read back by routes_csv_reader.h (which removes
// that '). Note: lat/lon of "home" rows are children's homes (personal data).
#pragma once

#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

inline constexpr const char* kRoutesCsvHeader =
    "run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time";

// The whole file, header first, each line ending in "\n".
std::string routes_csv(const transport::DayPlan& plan);

}  // namespace sendplan::report
