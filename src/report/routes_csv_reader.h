// Reading a borough's current routes (`--current routes.csv`) in the layout routes_csv.h writes,
// so the planner can cost today's routes with its own travel model and compare.
//
// Format accepted: as the planner's input files (transport/readers.h): UTF-8, LF, CRLF or CR,
// RFC 4180 quoting within one line, blank lines skipped, columns by name in any order and any
// case, cells trimmed, unknown columns ignored.
// - required columns: run (AM or PM, any case), route_id, vehicle_type, seq (a whole number,
//   at least 1), pupil_id, action (pickup or dropoff, any case);
// - optional: time (HH:MM; a blank cell is allowed); place, lat and lon are kept as they are
//   (a mid-term update compares them with today's inputs to see who moved; a cell that is not a
//   number is no problem) but never used to place a stop: the planner places every stop from
//   pupils.csv and schools.csv and re-times the routes itself.
// A route is all the rows with one route_id, in file order, which must be stop order:
// - every row of a route has the same run and vehicle_type as its first row, and route ids are
//   unique within the day (the same id on AM and PM rows is a mixed route);
// - seq increases strictly down a route's rows (gaps are allowed);
// - each pupil is picked up at most once on each run (over all routes of that run), dropped off
//   on the same route after the pickup, and dropped off exactly once.
// Every problem is reported (file, line, column, reason) and then no routes are returned; a
// file with a header but no rows is a problem. Pupil ids and vehicle types are not checked
// against pupils.csv and fleet.csv here. Thread-safe (no shared state).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "transport/day_plan.h"
#include "transport/planner.h"
#include "transport/problems.h"
#include "transport/readers.h"

namespace sendplan::report {

struct CurrentStop {
  std::string pupil_id;
  bool pickup = true;                   // false: drop-off
  std::optional<double> time;           // minutes since midnight, when the file gives one
  int source_row = 0;                   // line in the file, for later messages
  std::string place;                    // the place cell ("home", a school id), or ""
  std::optional<geo::LatLon> location;  // the lat/lon cells, when both are numbers
};

struct CurrentRoute {
  transport::Run run = transport::Run::kMorning;
  std::string route_id;
  std::string vehicle_type;
  std::vector<CurrentStop> stops;  // in stop order
  int source_row = 0;              // the route's first line
};

// Routes in order of their first row. `file_name` names the text in problems.
Checked<std::vector<CurrentRoute>, transport::Problem> parse_current_routes(
    std::string_view text, const std::string& file_name);
// The same, reading `path` (problems name the path; an unreadable file is a problem at row 0).
Checked<std::vector<CurrentRoute>, transport::Problem> read_current_routes(const std::string& path);

// The routes with pupils and vehicle types resolved against the inputs, ready for
// transport::cost_current_routes: every pupil id not in pupils.csv and every vehicle type not in
// fleet.csv is a problem at its row of `file_name`.
Checked<std::vector<transport::CurrentRoute>, transport::Problem> resolve_current_routes(
    const std::vector<CurrentRoute>& routes, const transport::TransportInputs& inputs,
    const std::string& file_name);

}  // namespace sendplan::report
