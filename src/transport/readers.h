// Readers for the planner's three CSV files, and the cross-file checks. Format accepted:
// UTF-8 only (a leading BOM is skipped; a UTF-16, Latin-1 or Windows-1252 file is one problem
// saying so, with the line and column of the first bad byte), LF, CRLF or CR alone (old Mac) as
// line ends, RFC 4180 quoting (a quoted cell may span lines; io/csv_reader.h), blank lines
// ignored. The first non-blank line is the header; columns are matched by name,
// case-insensitively, in any order; unknown columns are ignored; cells are trimmed.
// - yes/no cells: "yes" or "no" (any case). Times: HH:MM (24-hour). Money: pounds, e.g. "12.50"
//   or "£12.50", stored in pence. Locations, first present form wins: lat+lon (WGS84 degrees,
//   within Great Britain), easting+northing (British National Grid metres), postcode (needs a
//   postcode directory).
// - pupils.csv: pupil_id, borough, school_id, wheelchair, passenger_assistant, travel_alone,
//   age or phase, home_postcode | home_lat+home_lon | home_easting+home_northing; optional
//   max_ride_minutes, boarding_minutes, not_with (pupil ids separated by ';').
// - schools.csv: school_id, name, borough, start_time, finish_time, postcode | lat+lon |
//   easting+northing; optional earliest_arrival_minutes.
// - fleet.csv: vehicle_type, seats, wheelchair_spaces, available, fixed_cost_per_day,
//   cost_per_mile, cost_per_hour, depot_postcode | depot_lat+depot_lon |
//   depot_easting+depot_northing; optional assistant_cost_per_day.
// Every reader reports ALL problems found (file, row, column, reason) and returns no data at all
// when there is any; a problem quotes at most 80 characters of a bad value. `file_name` names the
// text in problems. Thread-safe (no shared state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "geo/postcode.h"
#include "transport/inputs.h"
#include "transport/problems.h"

namespace sendplan::transport {

// `postcodes` may be null: rows placed only by a postcode are then problems.
Checked<std::vector<Pupil>, Problem> parse_pupils(std::string_view text,
                                                  const std::string& file_name,
                                                  const Policy& policy,
                                                  const geo::PostcodeDirectory* postcodes);
Checked<std::vector<School>, Problem> parse_schools(std::string_view text,
                                                    const std::string& file_name,
                                                    const Policy& policy,
                                                    const geo::PostcodeDirectory* postcodes);
Checked<std::vector<VehicleType>, Problem> parse_fleet(std::string_view text,
                                                       const std::string& file_name,
                                                       const Policy& policy,
                                                       const geo::PostcodeDirectory* postcodes);

// The same, reading `path` (problems name the path; a missing or unreadable file is a problem
// at row 0).
Checked<std::vector<Pupil>, Problem> read_pupils(const std::string& path, const Policy& policy,
                                                 const geo::PostcodeDirectory* postcodes);
Checked<std::vector<School>, Problem> read_schools(const std::string& path, const Policy& policy,
                                                   const geo::PostcodeDirectory* postcodes);
Checked<std::vector<VehicleType>, Problem> read_fleet(const std::string& path, const Policy& policy,
                                                      const geo::PostcodeDirectory* postcodes);

// Cross-file checks: every pupil's school_id names a school. Problems are reported in
// `pupils_file` at each pupil's row; empty when all is well.
std::vector<Problem> validate_references(const std::vector<Pupil>& pupils,
                                         const std::vector<School>& schools,
                                         const std::string& pupils_file);

// All three files and the cross-file checks together: everything, or every problem in them.
struct TransportInputs {
  std::vector<Pupil> pupils;
  std::vector<School> schools;
  std::vector<VehicleType> fleet;
};
struct InputPaths {
  std::string pupils;
  std::string schools;
  std::string fleet;
};
Checked<TransportInputs, Problem> read_transport_inputs(const InputPaths& paths,
                                                        const Policy& policy,
                                                        const geo::PostcodeDirectory* postcodes);

}  // namespace sendplan::transport
