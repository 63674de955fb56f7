// routes.csv: every stop of every route of a DayPlan, one row each, in route order then stop
// order. Columns, exactly: run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time
// - run: AM or PM; seq: 1..n within the route; action: pickup or dropoff;
// - place: the school id, or "home"; lat/lon: WGS84 degrees, 5 decimals (about 1 m);
// - time: when the child gets on or off, HH:MM rounded to the nearest minute.
// Cells holding a comma, quote, CR or LF are quoted (RFC 4180). The same layout is read back by
// routes_csv_reader.h. Note: lat/lon of "home" rows are children's homes (personal data).
#pragma once

#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

inline constexpr const char* kRoutesCsvHeader =
    "run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time";

// The whole file, header first, each line ending in "\n".
std::string routes_csv(const transport::DayPlan& plan);

}  // namespace sendplan::report
