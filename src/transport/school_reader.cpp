// schools.csv → School: one record per row, every problem reported (see readers.h).
#include <fmt/format.h>

#include <unordered_map>

#include "transport/readers.h"
#include "transport/row_reader.h"

namespace sendplan::transport {
namespace {

constexpr detail::LocationColumns kSchool{"postcode", "lat", "lon", "easting", "northing"};

std::string clock(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace

Checked<std::vector<School>, Problem> parse_schools(std::string_view text,
                                                    const std::string& file_name,
                                                    const Policy& policy,
                                                    const geo::PostcodeDirectory* postcodes) {
  detail::ProblemList problems(file_name);
  const detail::InputTable table = detail::read_input_table(text, problems);
  if (!problems.empty()) return std::move(problems.problems());
  bool columns_ok = table.require_columns(
      {"school_id", "name", "borough", "start_time", "finish_time"}, problems);
  columns_ok &= detail::require_location_columns(table, kSchool, problems);
  if (!columns_ok) return std::move(problems.problems());

  std::vector<School> schools;
  std::unordered_map<std::string, int> row_of_id;
  for (const csv::Record& csv_row : table.rows) {
    const detail::RowReader row(table, csv_row, problems);
    const size_t problems_before = problems.size();
    School school;
    school.source_row = row.line();
    const std::optional<std::string> id = row.unique_id("school_id", row_of_id);
    if (id) school.id = *id;
    school.name = row.required("name").value_or("");
    school.borough = row.required("borough").value_or("");
    const std::optional<detail::Place> place = row.place(kSchool, postcodes);
    const std::optional<int> start = row.time_of_day("start_time");
    const std::optional<int> finish = row.time_of_day("finish_time");
    if (start && finish && *finish <= *start) {
      row.problem("finish_time", fmt::format("finish time {} is not after the start time {}",
                                             clock(*finish), clock(*start)));
    }
    const std::optional<int> early =
        row.whole_number("earliest_arrival_minutes", 0, policy.earliest_arrival_minutes);
    if (problems.size() != problems_before) continue;
    school.location = place->position;
    school.postcode = place->postcode;
    school.start_minutes = *start;
    school.finish_minutes = *finish;
    school.earliest_arrival_minutes = *early;
    schools.push_back(std::move(school));
  }
  if (!problems.empty()) return std::move(problems.problems());
  return schools;
}

}  // namespace sendplan::transport
