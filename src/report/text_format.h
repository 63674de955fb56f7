// Small text helpers shared by the report writers: clock times, CSV cells, HTML escaping and
// rounding for JSON. Pure functions, safe from any thread.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace sendplan::report::detail {

// Minutes since midnight (fractional) as "HH:MM", rounded to the nearest minute; hours go on
// past 23 ("24:10") rather than wrapping, and negative times show as "00:00".
std::string clock_time(double minutes);

// One CSV cell: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF;
// otherwise unchanged (RFC 4180).
std::string csv_cell(std::string_view text);
// Cells joined by commas, each through csv_cell, ending in "\n".
std::string csv_line(std::initializer_list<std::string_view> cells);

// &, <, >, " and ' as HTML character references: safe in element text and quoted attributes.
std::string html_escape(std::string_view text);

// `value` rounded to `decimals` places (for JSON numbers, which print their shortest form).
double rounded(double value, int decimals);

}  // namespace sendplan::report::detail
