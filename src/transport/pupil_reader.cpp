// pupils.csv → Pupil: one record per row, every problem reported (see readers.h).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "transport/readers.h"
#include "transport/row_reader.h"

namespace sendplan::transport {
namespace {

using detail::RowReader;

constexpr detail::LocationColumns kHome{"home_postcode", "home_lat", "home_lon", "home_easting",
                                        "home_northing"};

// The phase from the age cell (4–10 primary, 11–19 secondary) or the phase cell; both may be
// given, and must then agree.
std::optional<Phase> read_phase(const RowReader& row, int& age) {
  std::optional<Phase> from_age;
  std::optional<Phase> from_phase;
  bool bad = false;
  if (!row.text("age").empty()) {
    const std::optional<int> years = row.whole_number("age", 0);
    if (!years) {
      bad = true;
    } else if (*years < 4 || *years > 19) {
      row.problem("age", fmt::format("age must be 4 to 19 (school age), got {}", *years));
      bad = true;
    } else {
      age = *years;
      from_age = *years <= 10 ? Phase::kPrimary : Phase::kSecondary;
    }
  }
  const std::string phase = to_lower(row.text("phase"));
  if (phase == "primary") {
    from_phase = Phase::kPrimary;
  } else if (phase == "secondary") {
    from_phase = Phase::kSecondary;
  } else if (!phase.empty()) {
    row.problem("phase", fmt::format("expected primary or secondary, got {}",
                                     quoted_excerpt(row.text("phase"))));
    bad = true;
  }
  if (bad) return std::nullopt;
  if (from_age && from_phase && *from_age != *from_phase) {
    row.problem("phase",
                fmt::format("phase {} does not match age {} ({})",
                            quoted_excerpt(row.text("phase")), age, phase_name(*from_age)));
    return std::nullopt;
  }
  if (from_age) return from_age;
  if (from_phase) return from_phase;
  row.problem("age", "age or phase is required (age 4 to 19, or phase primary or secondary)");
  return std::nullopt;
}

std::vector<std::string> split_ids(std::string_view text) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view id = trim(text.substr(start, end - start));
    if (!id.empty()) ids.emplace_back(id);
    start = end + 1;
  }
  return ids;
}

}  // namespace

Checked<std::vector<Pupil>, Problem> parse_pupils(std::string_view text,
                                                  const std::string& file_name,
                                                  const Policy& policy,
                                                  const geo::PostcodeDirectory* postcodes) {
  detail::ProblemList problems(file_name);
  const detail::InputTable table = detail::read_input_table(text, problems);
  if (!problems.empty()) return std::move(problems.problems());
  bool columns_ok = table.require_columns(
      {"pupil_id", "borough", "school_id", "wheelchair", "passenger_assistant", "travel_alone"},
      problems);
  columns_ok &= detail::require_location_columns(table, kHome, problems);
  if (!table.has_column("age") && !table.has_column("phase")) {
    problems.add(table.header_line(), "age", "required column is missing: give age or phase");
    columns_ok = false;
  }
  if (!columns_ok) return std::move(problems.problems());

  std::vector<Pupil> pupils;
  std::unordered_map<std::string, int> row_of_id;
  for (const csv::Record& csv_row : table.rows) {
    const RowReader row(table, csv_row, problems);
    const size_t problems_before = problems.size();
    Pupil pupil;
    pupil.source_row = row.line();
    const std::optional<std::string> id = row.unique_id("pupil_id", row_of_id);
    if (id) pupil.id = *id;
    pupil.borough = row.required("borough").value_or("");
    pupil.school_id = row.required("school_id").value_or("");
    const std::optional<detail::Place> home = row.place(kHome, postcodes);
    const std::optional<bool> wheelchair = row.yes_no("wheelchair");
    const std::optional<bool> assistant = row.yes_no("passenger_assistant");
    const std::optional<bool> alone = row.yes_no("travel_alone");
    const std::optional<Phase> phase = read_phase(row, pupil.age);
    const int default_ride = phase == Phase::kSecondary ? policy.secondary_max_ride_minutes
                                                        : policy.primary_max_ride_minutes;
    const std::optional<int> ride = row.whole_number("max_ride_minutes", 1, default_ride);
    const int default_boarding =
        wheelchair.value_or(false) ? policy.wheelchair_boarding_minutes : policy.boarding_minutes;
    const std::optional<int> boarding = row.whole_number("boarding_minutes", 0, default_boarding);
    pupil.not_with = split_ids(row.text("not_with"));
    if (problems.size() != problems_before) continue;
    pupil.home = home->position;
    pupil.home_postcode = home->postcode;
    pupil.wheelchair = *wheelchair;
    pupil.needs_passenger_assistant = *assistant;
    pupil.must_travel_alone = *alone;
    pupil.phase = *phase;
    pupil.max_ride_minutes = *ride;
    pupil.boarding_minutes = *boarding;
    pupils.push_back(std::move(pupil));
  }

  // not_with names other pupils in this file; checked once every id is known. Rows with other
  // problems still had their ids recorded, so they are not reported as unknown.
  for (const csv::Record& csv_row : table.rows) {
    const RowReader row(table, csv_row, problems);
    const std::string_view own_id = row.text("pupil_id");
    for (const std::string& other : split_ids(row.text("not_with"))) {
      if (other == own_id) {
        row.problem("not_with", fmt::format("pupil {} cannot be kept apart from itself",
                                            quoted_excerpt(other)));
      } else if (!row_of_id.contains(other)) {
        row.problem("not_with", fmt::format("unknown pupil_id {}", quoted_excerpt(other)));
      }
    }
  }
  if (!problems.empty()) {
    std::stable_sort(problems.problems().begin(), problems.problems().end(),
                     [](const Problem& a, const Problem& b) { return a.row < b.row; });
    return std::move(problems.problems());
  }
  return pupils;
}

}  // namespace sendplan::transport
