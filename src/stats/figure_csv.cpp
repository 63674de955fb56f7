// A Figure as CSV, one row per (series, point) (see the header for the columns).
#include "stats/figure_csv.h"

#include <fmt/format.h>

#include <cmath>
#include <initializer_list>
#include <string_view>

#include "core/text.h"

namespace sendplan::stats {
namespace {

// The shortest text that reads back as exactly `value`: whole numbers below 10^15 without ".0"
// or an exponent, others as fmt's shortest round-trip form; non-finite values as "".
std::string value_text(double value) {
  if (!std::isfinite(value)) return "";
  if (value == 0) return "0";
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{}", value);
}

}  // namespace

std::string figure_csv(const Figure& figure) {
  std::string csv = "figure,series,period,year,value,symbol,unit,source\n";
  for (const Series& series : figure.series) {
    for (const Point& point : series.points) {
      const std::string year = point.year != 0 ? std::to_string(point.year) : "";
      const std::string value = point.value ? value_text(*point.value) : "";
      csv += csv_line({figure.id, series.name, point.label, year, value, point.symbol,
                       unit_name(figure.unit), figure.source});
    }
  }
  return csv;
}

}  // namespace sendplan::stats
