// Text helpers for the report writers.
#include "report/text_format.h"

#include <fmt/format.h>

#include <cmath>

namespace sendplan::report::detail {

std::string clock_time(double minutes) {
  const long long whole = minutes > 0 ? std::llround(minutes) : 0;
  return fmt::format("{:02}:{:02}", whole / 60, whole % 60);
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace sendplan::report::detail
