// routes.csv -> CurrentRoute: the cells of each row first, then each route's shape, then the
// pickups and drop-offs of each pupil; every problem reported (see routes_csv_reader.h).
#include "report/routes_csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "transport/input_table.h"
#include "transport/row_reader.h"

namespace sendplan::report {
namespace {

using transport::Run;
using transport::detail::InputTable;
using transport::detail::ProblemList;
using transport::detail::RowReader;

// One line of the file; a field is absent (nullopt or "") when its cell was bad.
struct Row {
  int line = 0;
  std::optional<Run> run;
  std::string route_id;
  std::string vehicle_type;
  std::optional<int> seq;
  std::string pupil_id;
  std::optional<bool> pickup;
  std::optional<double> time;
  std::string place;
  std::optional<geo::LatLon> location;
  bool clean = false;  // no problem in any of its cells
};

// A finite number, or nullopt (lat and lon are informative: a bad cell is not a problem).
std::optional<double> number(std::string_view text) {
  const std::string cell(text);
  if (cell.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  if (end != cell.c_str() + cell.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// The rows of one route_id, in file order.
struct RouteRows {
  std::string route_id;
  std::vector<const Row*> rows;
  std::optional<Run> run;  // the first run given on its rows
};

std::optional<Run> read_run(const RowReader& row) {
  const std::string value = to_lower(row.text("run"));
  if (value == "am") return Run::kMorning;
  if (value == "pm") return Run::kAfternoon;
  row.problem("run", value.empty() ? std::string("required value is empty (expected AM or PM)")
                                   : fmt::format("unknown run {}: expected AM or PM",
                                                 quoted_excerpt(row.text("run"))));
  return std::nullopt;
}

std::optional<bool> read_action(const RowReader& row) {
  const std::string value = to_lower(row.text("action"));
  if (value == "pickup") return true;
  if (value == "dropoff") return false;
  row.problem("action", value.empty()
                            ? std::string("required value is empty (expected pickup or dropoff)")
                            : fmt::format("unknown action {}: expected pickup or dropoff",
                                          quoted_excerpt(row.text("action"))));
  return std::nullopt;
}

Row read_row(const InputTable& table, const csv::Record& csv_row, ProblemList& problems) {
  const RowReader reader(table, csv_row, problems);
  const size_t problems_before = problems.size();
  Row row;
  row.line = reader.line();
  row.run = read_run(reader);
  row.route_id = reader.required("route_id").value_or("");
  row.vehicle_type = reader.required("vehicle_type").value_or("");
  row.seq = reader.whole_number("seq", 1);
  row.pupil_id = reader.required("pupil_id").value_or("");
  row.pickup = read_action(reader);
  if (!reader.text("time").empty()) {
    const std::optional<int> time = reader.time_of_day("time");
    if (time) row.time = *time;
  }
  row.place = std::string(reader.text("place"));
  const std::optional<double> lat = number(reader.text("lat"));
  const std::optional<double> lon = number(reader.text("lon"));
  if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180)
    row.location = geo::LatLon{*lat, *lon};
  row.clean = problems.size() == problems_before;
  return row;
}

// Rows grouped by route_id, routes in order of their first row; rows without a route_id are
// left out (already reported).
std::vector<RouteRows> group_by_route(const std::vector<Row>& rows) {
  std::vector<RouteRows> routes;
  std::unordered_map<std::string, size_t> index_of;
  for (const Row& row : rows) {
    if (row.route_id.empty()) continue;
    const auto [it, inserted] = index_of.emplace(row.route_id, routes.size());
    if (inserted) routes.push_back({row.route_id, {}, std::nullopt});
    RouteRows& route = routes[it->second];
    route.rows.push_back(&row);
    if (!route.run) route.run = row.run;
  }
  return routes;
}

// One run and one vehicle type per route (those of its first row that gives them).
void check_one_run_and_vehicle(const RouteRows& route, ProblemList& problems) {
  const Row* run_row = nullptr;
  const Row* vehicle_row = nullptr;
  for (const Row* row : route.rows) {
    if (row->run) {
      if (run_row == nullptr) {
        run_row = row;
      } else if (*row->run != *run_row->run) {
        problems.add(row->line, "run",
                     fmt::format("route {} is on the {} run (row {}) but this row says {}: a "
                                 "route is on one run and route ids are unique within the day",
                                 quoted_excerpt(route.route_id), transport::run_name(*run_row->run),
                                 run_row->line, transport::run_name(*row->run)));
      }
    }
    if (!row->vehicle_type.empty()) {
      if (vehicle_row == nullptr) {
        vehicle_row = row;
      } else if (row->vehicle_type != vehicle_row->vehicle_type) {
        problems.add(
            row->line, "vehicle_type",
            fmt::format("route {} has vehicle type {} (row {}) but this row says "
                        "{}: a route has one vehicle type",
                        quoted_excerpt(route.route_id), quoted_excerpt(vehicle_row->vehicle_type),
                        vehicle_row->line, quoted_excerpt(row->vehicle_type)));
      }
    }
  }
}

// seq increases strictly down the route's rows.
void check_seq(const RouteRows& route, ProblemList& problems) {
  std::unordered_map<int, int> line_of_seq;
  const Row* previous = nullptr;
  for (const Row* row : route.rows) {
    if (!row->seq) continue;
    const auto [it, inserted] = line_of_seq.emplace(*row->seq, row->line);
    if (!inserted) {
      problems.add(row->line, "seq",
                   fmt::format("seq {} is repeated in route {} (first on row {})", *row->seq,
                               quoted_excerpt(route.route_id), it->second));
      continue;
    }
    if (previous != nullptr && *row->seq < *previous->seq) {
      problems.add(
          row->line, "seq",
          fmt::format("seq {} comes after seq {} (row {}) in route {}: a route's rows "
                      "must be in stop order, seq increasing",
                      *row->seq, *previous->seq, previous->line, quoted_excerpt(route.route_id)));
    }
    previous = row;
  }
}

// Each pupil picked up at most once per run, over all routes; by each row's own run (a row on
// the wrong run of its route is reported once, as a mixed route). In file order, so "first on
// row" is the earlier row.
void check_picked_up_once_per_run(const std::vector<Row>& rows, ProblemList& problems) {
  std::map<std::pair<Run, std::string>, int> pickup_line;
  for (const Row& row : rows) {
    if (!row.run || row.pupil_id.empty() || row.pickup != true) continue;
    const auto [it, inserted] = pickup_line.emplace(std::pair(*row.run, row.pupil_id), row.line);
    if (!inserted) {
      problems.add(
          row.line, "action",
          fmt::format("pupil {} is picked up twice on the {} run (first on row {})",
                      quoted_excerpt(row.pupil_id), transport::run_name(*row.run), it->second));
    }
  }
}

// Within a route: every drop-off follows a pickup of the same pupil, and every pickup has a
// drop-off. Only for routes whose cells are all good, so a bad cell does not also show up as a
// missing pickup or drop-off.
void check_pickups_and_dropoffs(const RouteRows& route, ProblemList& problems) {
  if (!std::all_of(route.rows.begin(), route.rows.end(), [](const Row* row) { return row->clean; }))
    return;
  std::unordered_map<std::string, int> on_board;     // pupil -> pickup row
  std::unordered_map<std::string, int> dropped_off;  // pupil -> drop-off row
  std::unordered_set<std::string> early;             // dropped off before a later pickup
  for (size_t i = 0; i < route.rows.size(); ++i) {
    const Row& row = *route.rows[i];
    if (*row.pickup) {
      if (!early.contains(row.pupil_id)) on_board.emplace(row.pupil_id, row.line);
      continue;
    }
    if (const auto boarded = on_board.find(row.pupil_id); boarded != on_board.end()) {
      on_board.erase(boarded);
      dropped_off.emplace(row.pupil_id, row.line);
      continue;
    }
    if (const auto first = dropped_off.find(row.pupil_id); first != dropped_off.end()) {
      problems.add(
          row.line, "action",
          fmt::format("pupil {} is dropped off twice on route {} (first on row {})",
                      quoted_excerpt(row.pupil_id), quoted_excerpt(route.route_id), first->second));
      continue;
    }
    const auto later_pickup = std::find_if(
        route.rows.begin() + static_cast<std::ptrdiff_t>(i) + 1, route.rows.end(),
        [&](const Row* other) { return *other->pickup && other->pupil_id == row.pupil_id; });
    if (later_pickup != route.rows.end()) {
      problems.add(row.line, "action",
                   fmt::format("pupil {} is dropped off before being picked up (row {}) on "
                               "route {}",
                               quoted_excerpt(row.pupil_id), (*later_pickup)->line,
                               quoted_excerpt(route.route_id)));
      early.insert(row.pupil_id);
    } else {
      problems.add(row.line, "action",
                   fmt::format("pupil {} is dropped off but never picked up on route {}",
                               quoted_excerpt(row.pupil_id), quoted_excerpt(route.route_id)));
    }
  }
  for (const Row* row : route.rows) {
    const auto boarded = on_board.find(row->pupil_id);
    if (*row->pickup && boarded != on_board.end() && boarded->second == row->line) {
      problems.add(row->line, "action",
                   fmt::format("pupil {} is picked up but never dropped off on route {}",
                               quoted_excerpt(row->pupil_id), quoted_excerpt(route.route_id)));
    }
  }
}

CurrentRoute to_current_route(const RouteRows& rows) {
  CurrentRoute route;
  route.run = *rows.run;
  route.route_id = rows.route_id;
  route.vehicle_type = rows.rows.front()->vehicle_type;
  route.source_row = rows.rows.front()->line;
  for (const Row* row : rows.rows)
    route.stops.push_back(
        {row->pupil_id, *row->pickup, row->time, row->line, row->place, row->location});
  return route;
}

}  // namespace

Checked<std::vector<CurrentRoute>, transport::Problem> parse_current_routes(
    std::string_view text, const std::string& file_name) {
  ProblemList problems(file_name);
  const InputTable table = read_input_table(text, problems);
  if (!problems.empty()) return std::move(problems.problems());
  if (!table.require_columns({"run", "route_id", "vehicle_type", "seq", "pupil_id", "action"},
                             problems)) {
    return std::move(problems.problems());
  }
  if (table.rows.empty()) {
    problems.add(table.header_line(), "", "no routes: the file has a header but no stop rows");
    return std::move(problems.problems());
  }

  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const csv::Record& csv_row : table.rows) rows.push_back(read_row(table, csv_row, problems));
  const std::vector<RouteRows> routes = group_by_route(rows);
  for (const RouteRows& route : routes) {
    check_one_run_and_vehicle(route, problems);
    check_seq(route, problems);
  }
  check_picked_up_once_per_run(rows, problems);
  for (const RouteRows& route : routes) check_pickups_and_dropoffs(route, problems);

  if (!problems.empty()) {
    std::vector<transport::Problem>& found = problems.problems();
    std::stable_sort(
        found.begin(), found.end(),
        [](const transport::Problem& a, const transport::Problem& b) { return a.row < b.row; });
    return std::move(found);
  }
  std::vector<CurrentRoute> current;
  current.reserve(routes.size());
  for (const RouteRows& route : routes) current.push_back(to_current_route(route));
  return current;
}

Checked<std::vector<CurrentRoute>, transport::Problem> read_current_routes(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::vector<transport::Problem>{{path, 0, "", "cannot open the file (does it exist?)"}};
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::vector<transport::Problem>{{path, 0, "", "reading the file failed"}};
  return parse_current_routes(text.str(), path);
}

Checked<std::vector<transport::CurrentRoute>, transport::Problem> resolve_current_routes(
    const std::vector<CurrentRoute>& routes, const transport::TransportInputs& inputs,
    const std::string& file) {
  std::unordered_map<std::string, int> pupils, fleet;
  for (size_t p = 0; p < inputs.pupils.size(); ++p) pupils.emplace(inputs.pupils[p].id, int(p));
  for (size_t f = 0; f < inputs.fleet.size(); ++f) fleet.emplace(inputs.fleet[f].name, int(f));
  std::vector<transport::Problem> problems;
  std::vector<transport::CurrentRoute> resolved;
  for (const CurrentRoute& route : routes) {
    transport::CurrentRoute out;
    out.run = route.run;
    out.route_id = route.route_id;
    const auto type = fleet.find(route.vehicle_type);
    if (type == fleet.end())
      problems.push_back({file, route.source_row, "vehicle_type",
                          fmt::format("vehicle type {} is not in the fleet file",
                                      quoted_excerpt(route.vehicle_type))});
    else
      out.fleet_index = type->second;
    for (const CurrentStop& stop : route.stops) {
      const auto pupil = pupils.find(stop.pupil_id);
      if (pupil == pupils.end()) {
        problems.push_back(
            {file, stop.source_row, "pupil_id",
             fmt::format("pupil {} is not in the pupils file", quoted_excerpt(stop.pupil_id))});
        continue;
      }
      out.stops.emplace_back(pupil->second, stop.pickup);
    }
    resolved.push_back(std::move(out));
  }
  if (!problems.empty()) return problems;
  return resolved;
}

}  // namespace sendplan::report
