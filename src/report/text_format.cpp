// Text helpers for the report writers.
#include "report/text_format.h"

#include <fmt/format.h>

#include <cmath>

namespace sendplan::report::detail {

std::string clock_time(double minutes) {
  const long long whole = minutes > 0 ? std::llround(minutes) : 0;
  return fmt::format("{:02}:{:02}", whole / 60, whole % 60);
}

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_line(std::initializer_list<std::string_view> cells) {
  std::string line;
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) line += ',';
    line += csv_cell(cell);
    first = false;
  }
  return line + '\n';
}

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

}  // namespace sendplan::report::detail
