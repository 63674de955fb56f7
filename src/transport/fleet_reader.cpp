// fleet.csv → VehicleType: one record per row, every problem reported (see readers.h).
#include <fmt/format.h>

#include <unordered_map>

#include "transport/readers.h"
#include "transport/row_reader.h"

namespace sendplan::transport {
namespace {

constexpr detail::LocationColumns kDepot{"depot_postcode", "depot_lat", "depot_lon",
                                         "depot_easting", "depot_northing"};

}  // namespace

Checked<std::vector<VehicleType>, Problem> parse_fleet(std::string_view text,
                                                       const std::string& file_name,
                                                       const Policy& policy,
                                                       const geo::PostcodeDirectory* postcodes) {
  detail::ProblemList problems(file_name);
  const detail::InputTable table = detail::read_input_table(text, problems);
  if (!problems.empty()) return std::move(problems.problems());
  bool columns_ok =
      table.require_columns({"vehicle_type", "seats", "wheelchair_spaces", "available",
                             "fixed_cost_per_day", "cost_per_mile", "cost_per_hour"},
                            problems);
  columns_ok &= detail::require_location_columns(table, kDepot, problems);
  if (!columns_ok) return std::move(problems.problems());

  std::vector<VehicleType> fleet;
  std::unordered_map<std::string, int> row_of_name;
  for (const csv::Record& csv_row : table.rows) {
    const detail::RowReader row(table, csv_row, problems);
    const size_t problems_before = problems.size();
    VehicleType vehicle;
    vehicle.source_row = row.line();
    const std::optional<std::string> name = row.unique_id("vehicle_type", row_of_name);
    if (name) vehicle.name = *name;
    const std::optional<int> seats = row.whole_number("seats", 1);
    const std::optional<int> spaces = row.whole_number("wheelchair_spaces", 0);
    const std::optional<int> available = row.whole_number("available", 0);
    const std::optional<std::int64_t> fixed = row.pence("fixed_cost_per_day");
    const std::optional<std::int64_t> per_mile = row.pence("cost_per_mile");
    const std::optional<std::int64_t> per_hour = row.pence("cost_per_hour");
    const std::optional<std::int64_t> assistant =
        row.pence("assistant_cost_per_day", policy.assistant_cost_per_day_pence);
    const std::optional<detail::Place> depot = row.place(kDepot, postcodes);
    if (problems.size() != problems_before) continue;
    vehicle.seats = *seats;
    vehicle.wheelchair_spaces = *spaces;
    vehicle.available = *available;
    vehicle.fixed_cost_per_day_pence = *fixed;
    vehicle.cost_per_mile_pence = *per_mile;
    vehicle.cost_per_hour_pence = *per_hour;
    vehicle.assistant_cost_per_day_pence = *assistant;
    vehicle.depot = depot->position;
    vehicle.depot_postcode = depot->postcode;
    fleet.push_back(std::move(vehicle));
  }
  if (!problems.empty()) return std::move(problems.problems());
  return fleet;
}

}  // namespace sendplan::transport
