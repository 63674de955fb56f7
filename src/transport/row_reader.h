// RowReader: typed, checked access to the cells of one CSV row. Each accessor reports a problem
// (at the row's line and the column's name) and returns nullopt when the cell is bad, so a
// reader can carry on and find every problem in the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "geo/coordinates.h"
#include "geo/postcode.h"
#include "transport/input_table.h"

namespace sendplan::transport::detail {

// The column names of one place: e.g. {"home_postcode", "home_lat", "home_lon",
// "home_easting", "home_northing"}.
struct LocationColumns {
  std::string_view postcode;
  std::string_view latitude;
  std::string_view longitude;
  std::string_view easting;
  std::string_view northing;
};

// True when the header has at least one complete form of the location; otherwise reports it
// at the header row.
bool require_location_columns(const InputTable& table, const LocationColumns& columns,
                              ProblemList& problems);

struct Place {
  geo::LatLon position{};
  std::string postcode;  // normalised; "" when given as coordinates
};

class RowReader {
 public:
  RowReader(const InputTable& table, const csv::Record& row, ProblemList& problems)
      : table_(table), row_(row), problems_(problems) {}

  int line() const { return row_.line; }
  std::string_view text(std::string_view column) const { return table_.cell(row_, column); }
  void problem(std::string_view column, std::string reason) const;

  // A non-empty cell.
  std::optional<std::string> required(std::string_view column) const;
  // A non-empty cell that no earlier row had in this column; `first_row` maps each id seen to
  // its row. A repeat is a problem naming the first row (the value is still returned).
  std::optional<std::string> unique_id(std::string_view column,
                                       std::unordered_map<std::string, int>& first_row) const;
  // "yes" or "no", any case; required.
  std::optional<bool> yes_no(std::string_view column) const;
  // A whole number >= minimum; a blank cell gives `blank` (a problem when it has no value).
  std::optional<int> whole_number(std::string_view column, int minimum,
                                  std::optional<int> blank = std::nullopt) const;
  // HH:MM, 00:00–23:59, as minutes since midnight; required.
  std::optional<int> time_of_day(std::string_view column) const;
  // Pounds ("12", "12.5", "12.50", "£12.50") as pence, not negative.
  std::optional<std::int64_t> pence(std::string_view column,
                                    std::optional<std::int64_t> blank = std::nullopt) const;
  // The place in the first complete form (lat+lon, easting+northing, postcode).
  std::optional<Place> place(const LocationColumns& columns,
                             const geo::PostcodeDirectory* postcodes) const;

 private:
  std::optional<double> decimal(std::string_view column) const;

  const InputTable& table_;
  const csv::Record& row_;
  ProblemList& problems_;
};

}  // namespace sendplan::transport::detail
