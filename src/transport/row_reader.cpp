// RowReader: the checks shared by the pupil, school and fleet readers.
#include "transport/row_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/text.h"

namespace sendplan::transport::detail {
namespace {

// Great Britain and its waters, generously: a coordinate outside is a typing error.
constexpr double kMinLatitude = 49.0, kMaxLatitude = 61.0;
constexpr double kMinLongitude = -9.0, kMaxLongitude = 3.0;
constexpr double kMaxEasting = 700000.0, kMaxNorthing = 1300000.0;

}  // namespace

bool require_location_columns(const InputTable& table, const LocationColumns& columns,
                              ProblemList& problems) {
  if (table.has_column(columns.postcode) ||
      (table.has_column(columns.latitude) && table.has_column(columns.longitude)) ||
      (table.has_column(columns.easting) && table.has_column(columns.northing))) {
    return true;
  }
  problems.add(
      table.header_line(), std::string(columns.postcode),
      fmt::format("no location columns: give {}, or {} and {}, or {} and {}", columns.postcode,
                  columns.latitude, columns.longitude, columns.easting, columns.northing));
  return false;
}

void RowReader::problem(std::string_view column, std::string reason) const {
  problems_.add(row_.line, std::string(column), std::move(reason));
}

std::optional<std::string> RowReader::required(std::string_view column) const {
  const std::string_view cell = text(column);
  if (cell.empty()) {
    problem(column, "required value is empty");
    return std::nullopt;
  }
  return std::string(cell);
}

std::optional<std::string> RowReader::unique_id(
    std::string_view column, std::unordered_map<std::string, int>& first_row) const {
  std::optional<std::string> id = required(column);
  if (!id) return id;
  const auto [it, inserted] = first_row.emplace(*id, line());
  if (!inserted)
    problem(column, fmt::format("duplicate {} {} (first on row {})", column, quoted_excerpt(*id),
                                it->second));
  return id;
}

std::optional<bool> RowReader::yes_no(std::string_view column) const {
  const std::string value = to_lower(text(column));
  if (value == "yes") return true;
  if (value == "no") return false;
  if (value.empty()) {
    problem(column, "required value is empty (expected yes or no)");
  } else {
    problem(column, fmt::format("expected yes or no, got {}", quoted_excerpt(text(column))));
  }
  return std::nullopt;
}

std::optional<int> RowReader::whole_number(std::string_view column, int minimum,
                                           std::optional<int> blank) const {
  const std::string_view cell = text(column);
  if (cell.empty()) {
    if (!blank) problem(column, "required value is empty");
    return blank;
  }
  int value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size()) {
    problem(column, fmt::format("expected a whole number, got {}", quoted_excerpt(cell)));
    return std::nullopt;
  }
  if (value < minimum) {
    problem(column, minimum == 0 ? fmt::format("must not be negative, got {}", value)
                                 : fmt::format("must be at least {}, got {}", minimum, value));
    return std::nullopt;
  }
  return value;
}

std::optional<int> RowReader::time_of_day(std::string_view column) const {
  const std::string_view cell = text(column);
  if (cell.empty()) {
    problem(column, "required value is empty (expected HH:MM)");
    return std::nullopt;
  }
  const size_t colon = cell.find(':');
  int hours = -1, minutes = -1;
  if (colon != std::string_view::npos && colon >= 1 && colon <= 2 && cell.size() == colon + 3) {
    const char* begin = cell.data();
    const auto h = std::from_chars(begin, begin + colon, hours);
    const auto m = std::from_chars(begin + colon + 1, begin + cell.size(), minutes);
    if (h.ptr != begin + colon || m.ptr != begin + cell.size()) hours = -1;
  }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
    problem(column,
            fmt::format("expected a time HH:MM (00:00 to 23:59), got {}", quoted_excerpt(cell)));
    return std::nullopt;
  }
  return hours * 60 + minutes;
}

std::optional<std::int64_t> RowReader::pence(std::string_view column,
                                             std::optional<std::int64_t> blank) const {
  std::string_view cell = text(column);
  if (cell.empty()) {
    if (!blank) problem(column, "required value is empty");
    return blank;
  }
  const std::string_view original = cell;
  if (cell.starts_with("\xC2\xA3")) cell.remove_prefix(2);  // £ in UTF-8
  bool negative = false;
  if (cell.starts_with('-')) {
    negative = true;
    cell.remove_prefix(1);
  }
  const size_t dot = cell.find('.');
  const std::string_view whole = cell.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : cell.substr(dot + 1);
  std::int64_t pounds = 0, pennies = 0;
  bool good = !whole.empty() && whole.size() <= 12 &&
              (dot == std::string_view::npos || (!fraction.empty() && fraction.size() <= 2));
  if (good) {
    const auto w = std::from_chars(whole.data(), whole.data() + whole.size(), pounds);
    good = w.ec == std::errc() && w.ptr == whole.data() + whole.size();
  }
  if (good && !fraction.empty()) {
    const auto f = std::from_chars(fraction.data(), fraction.data() + fraction.size(), pennies);
    good = f.ec == std::errc() && f.ptr == fraction.data() + fraction.size();
    if (fraction.size() == 1) pennies *= 10;
  }
  if (!good) {
    problem(column, fmt::format("expected an amount in pounds such as 12.50, got {}",
                                quoted_excerpt(original)));
    return std::nullopt;
  }
  if (negative) {
    problem(column, fmt::format("must not be negative, got {}", quoted_excerpt(original)));
    return std::nullopt;
  }
  return pounds * 100 + pennies;
}

std::optional<double> RowReader::decimal(std::string_view column) const {
  const std::string_view cell = text(column);
  double value = 0.0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
    problem(column, fmt::format("expected a number, got {}", quoted_excerpt(cell)));
    return std::nullopt;
  }
  return value;
}

std::optional<Place> RowReader::place(const LocationColumns& columns,
                                      const geo::PostcodeDirectory* postcodes) const {
  const bool has_lat = !text(columns.latitude).empty();
  const bool has_lon = !text(columns.longitude).empty();
  const bool has_east = !text(columns.easting).empty();
  const bool has_north = !text(columns.northing).empty();
  const std::string_view postcode = text(columns.postcode);

  if (has_lat != has_lon) {
    problem(has_lat ? columns.longitude : columns.latitude,
            fmt::format("{} and {} must be given together", columns.latitude, columns.longitude));
    return std::nullopt;
  }
  if (has_east != has_north) {
    problem(has_east ? columns.northing : columns.easting,
            fmt::format("{} and {} must be given together", columns.easting, columns.northing));
    return std::nullopt;
  }
  if (has_lat) {
    const std::optional<double> latitude = decimal(columns.latitude);
    const std::optional<double> longitude = decimal(columns.longitude);
    if (!latitude || !longitude) return std::nullopt;
    bool good = true;
    if (*latitude < kMinLatitude || *latitude > kMaxLatitude) {
      problem(columns.latitude,
              fmt::format("latitude {} is outside Great Britain ({} to {})",
                          excerpt(text(columns.latitude)), kMinLatitude, kMaxLatitude));
      good = false;
    }
    if (*longitude < kMinLongitude || *longitude > kMaxLongitude) {
      problem(columns.longitude,
              fmt::format("longitude {} is outside Great Britain ({} to {})",
                          excerpt(text(columns.longitude)), kMinLongitude, kMaxLongitude));
      good = false;
    }
    if (!good) return std::nullopt;
    return Place{{*latitude, *longitude}, ""};
  }
  if (has_east) {
    const std::optional<double> easting = decimal(columns.easting);
    const std::optional<double> northing = decimal(columns.northing);
    if (!easting || !northing) return std::nullopt;
    bool good = true;
    if (*easting < 0 || *easting > kMaxEasting) {
      problem(columns.easting, fmt::format("easting {} is outside the National Grid (0 to {})",
                                           excerpt(text(columns.easting)), kMaxEasting));
      good = false;
    }
    if (*northing < 0 || *northing > kMaxNorthing) {
      problem(columns.northing, fmt::format("northing {} is outside the National Grid (0 to {})",
                                            excerpt(text(columns.northing)), kMaxNorthing));
      good = false;
    }
    if (!good) return std::nullopt;
    return Place{geo::grid_to_wgs84({*easting, *northing}), ""};
  }
  if (!postcode.empty()) {
    if (postcodes == nullptr) {
      problem(columns.postcode,
              fmt::format("postcode {} needs a postcode directory: pass --postcodes FILE "
                          "(an ONS Postcode Directory CSV), or give coordinates instead",
                          quoted_excerpt(postcode)));
      return std::nullopt;
    }
    Result<geo::GridReference> grid = postcodes->resolve(postcode, {});
    if (!grid.ok()) {
      problem(columns.postcode, grid.error().message);
      return std::nullopt;
    }
    return Place{geo::grid_to_wgs84(grid.value()), geo::normalise_postcode(postcode)};
  }
  problem(columns.postcode,
          fmt::format("no location: give {}, or {} and {}, or {} and {}", columns.postcode,
                      columns.latitude, columns.longitude, columns.easting, columns.northing));
  return std::nullopt;
}

}  // namespace sendplan::transport::detail
