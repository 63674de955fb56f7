// Figure: one chart's worth of published statistics, ready to draw (web app, HTML report) and to
// download as CSV. Every figure names its source and period; missing values keep DfE's symbol.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendplan::stats {

enum class Unit { kCount, kPercent, kPounds, kRate };  // kRate: a plain number (e.g. per head)
// "count", "percent", "pounds", "rate".
const char* unit_name(Unit unit);

enum class ChartKind { kLine, kBar, kStackedBar };
// "line", "bar", "stacked-bar".
const char* chart_kind_name(ChartKind kind);

struct Point {
  std::string label;            // the period as published, e.g. "2024/25", or a category
  int year = 0;                 // the year the period ends in (0 for categories)
  std::optional<double> value;  // nullopt when missing
  std::string symbol;           // DfE's symbol when missing ("x", "c", ...), else ""
};

// One line (or one set of bars) of a figure: an area, or a forecast band.
struct Series {
  std::string name;  // e.g. "Hackney", "Statistical neighbours (mean)", "London", "England"
  std::string role;  // "area", "neighbours", "london", "england", "forecast", "low", "high"
  std::vector<Point> points;
};

struct Figure {
  std::string id;        // stable, e.g. "plans-over-time"
  std::string title;     // "EHC plans in place in January"
  std::string subtitle;  // e.g. "Hackney against its statistical neighbours, London and England"
  Unit unit = Unit::kCount;
  ChartKind kind = ChartKind::kLine;
  std::string source;  // "DfE, Education, health and care plans (SEN2), 2025 release"
  std::string period;  // "January 2019 to January 2025"
  std::string note;    // method or caveat, may be ""
  std::vector<Series> series;
};

// A value as a reader expects it in a table: thousands separators, and every published digit
// (the shortest text that reads back as the same double), e.g. count 3512 -> "3,512", percent
// 12.5 -> "12.5%", pounds 1234.5 -> "£1,234.50" (pennies only when not whole), rate 0.25 ->
// "0.25". Non-finite values -> "".
std::string format_value(double value, Unit unit);

// What a DfE symbol for a missing value means ("x" -> "not available", "c" -> "confidential
// (suppressed)", ...); nullptr for a symbol this list does not know. The known symbols, in the
// order reports list them: x, z, c, low, -, .., ~.
const char* symbol_meaning(std::string_view symbol);
const std::vector<std::string_view>& known_symbols();

}  // namespace sendplan::stats
