// CellReader and the placements readers' text helpers (see the header).
#include "placements/cell_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/text.h"

namespace sendplan::placements::detail {

std::string_view CellReader::text(std::string_view column) const {
  return sheet_.columns().text(row_, column);
}

SourceLocation CellReader::where(std::string_view column) const {
  return sheet_.columns().where(row_, column);
}

void CellReader::problem(std::string_view column, std::string reason, ErrorCode code) const {
  sheet_.add_problem(make_error(code, fmt::format("{}: {}", column, reason), where(column)));
}

std::optional<std::string> CellReader::required(std::string_view column) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    problem(column, "required value is empty");
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<std::int64_t> CellReader::whole_number(std::string_view column, std::int64_t minimum,
                                                     std::int64_t maximum,
                                                     std::optional<std::int64_t> blank) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (!blank) problem(column, "required value is empty");
    return blank;
  }
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size()) {
    problem(column, fmt::format("expected a whole number, got {}", quoted_excerpt(value)),
            ErrorCode::kParse);
    return std::nullopt;
  }
  if (number < minimum) {
    problem(column, minimum == 0 ? fmt::format("must not be negative, got {}", number)
                                 : fmt::format("must be at least {}, got {}", minimum, number));
    return std::nullopt;
  }
  if (number > maximum) {
    problem(column, fmt::format("must be at most {}, got {}", maximum, number));
    return std::nullopt;
  }
  return number;
}

std::optional<double> CellReader::decimal(std::string_view column, double minimum, double maximum,
                                          std::string_view what) const {
  const std::string_view value = text(column);
  double number = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(number)) {
    problem(column, fmt::format("expected a number, got {}", quoted_excerpt(value)),
            ErrorCode::kParse);
    return std::nullopt;
  }
  if (number < minimum || number > maximum) {
    problem(column,
            fmt::format("{} is outside {} ({} to {})", excerpt(value), what, minimum, maximum));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> CellReader::yes_no(std::string_view column, std::optional<bool> blank) const {
  const std::string value = to_lower(text(column));
  if (value == "yes") return true;
  if (value == "no") return false;
  if (value.empty()) {
    if (!blank) problem(column, "required value is empty (expected yes or no)");
    return blank;
  }
  problem(column, fmt::format("expected yes or no, got {}", quoted_excerpt(text(column))),
          ErrorCode::kParse);
  return std::nullopt;
}

std::optional<std::string> CellReader::iso_date(std::string_view column, bool optional) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (optional) return std::string();
    problem(column, "required value is empty (expected a date YYYY-MM-DD)");
    return std::nullopt;
  }
  const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
  std::optional<std::string> date = parse_iso_date(value);
  if (!date) {
    if (shaped) {
      problem(column, fmt::format("no such date {}", quoted_excerpt(value)));
    } else {
      problem(column, fmt::format("expected a date YYYY-MM-DD, got {}", quoted_excerpt(value)),
              ErrorCode::kParse);
    }
  }
  return date;
}

// ---- text helpers -----------------------------------------------------------------------------

bool valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= days;
}

std::optional<std::string> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  if (!valid_date(number(0, 4), number(5, 2), number(8, 2))) return std::nullopt;
  return std::string(text);
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(fields[i]);
  }
  out += '\n';
}

std::string format_decimal(double value) {
  return fmt::format("{}", value);
}

}  // namespace sendplan::placements::detail
