// Names for units and chart kinds, the table format of a value, and DfE's missing-value symbols.
#include "stats/figure.h"

#include <fmt/format.h>

#include <cmath>

namespace sendplan::stats {
namespace {

// The shortest decimal text that reads back as `value`; whole numbers without ".0" and, below
// 10^15, without an exponent.
std::string shortest_text(double value) {
  if (value == 0) return "0";  // also turns -0 into "0"
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{}", value);
}

// "-1234567.5" -> "-1,234,567.5"; text with an exponent is left alone.
std::string with_thousands_separators(const std::string& text) {
  if (text.find_first_of("eE") != std::string::npos) return text;
  const size_t start = (!text.empty() && text[0] == '-') ? 1 : 0;
  size_t end = text.find('.', start);
  if (end == std::string::npos) end = text.size();
  std::string grouped = text.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) grouped += ',';
    grouped += text[i];
  }
  return grouped + text.substr(end);
}

}  // namespace

const char* unit_name(Unit unit) {
  switch (unit) {
    case Unit::kCount:
      return "count";
    case Unit::kPercent:
      return "percent";
    case Unit::kPounds:
      return "pounds";
    case Unit::kRate:
      return "rate";
  }
  return "count";
}

const char* chart_kind_name(ChartKind kind) {
  switch (kind) {
    case ChartKind::kLine:
      return "line";
    case ChartKind::kBar:
      return "bar";
    case ChartKind::kStackedBar:
      return "stacked-bar";
  }
  return "line";
}

std::string format_value(double value, Unit unit) {
  if (!std::isfinite(value)) return "";
  switch (unit) {
    case Unit::kPercent:
      return with_thousands_separators(shortest_text(value)) + "%";
    case Unit::kPounds: {
      const double pounds = std::fabs(value);
      const std::string digits = pounds == std::floor(pounds) && pounds < 1e15
                                     ? fmt::format("{:.0f}", pounds)
                                     : fmt::format("{:.2f}", pounds);
      return (value < 0 ? "-£" : "£") + with_thousands_separators(digits);
    }
    case Unit::kCount:
    case Unit::kRate:
      return with_thousands_separators(shortest_text(value));
  }
  return shortest_text(value);
}

const std::vector<std::string_view>& known_symbols() {
  static const std::vector<std::string_view> symbols = {"x", "z", "c", "low", "-", "..", "~"};
  return symbols;
}

const char* symbol_meaning(std::string_view symbol) {
  if (symbol == "x") return "not available";
  if (symbol == "z") return "not applicable";
  if (symbol == "c") return "confidential (suppressed)";
  if (symbol == "low") return "rounds to zero";
  if (symbol == "-") return "missing";
  if (symbol == "..") return "not applicable";
  if (symbol == "~") return "suppressed (fewer than 5)";
  return nullptr;
}

}  // namespace sendplan::stats
