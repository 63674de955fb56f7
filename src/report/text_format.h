// Small text helpers shared by the report writers: clock times and rounding for JSON (CSV cells
// and HTML escaping come from core/text.h). Pure functions, safe from any thread.
#pragma once

#include <string>

#include "core/text.h"

namespace sendplan::report::detail {

// Minutes since midnight (fractional) as "HH:MM", rounded to the nearest minute; hours go on
// past 23 ("24:10") rather than wrapping, and negative times show as "00:00".
std::string clock_time(double minutes);

// CSV cells and HTML escaping are core's (core/text.h).
using sendplan::csv_cell;
using sendplan::csv_line;
using sendplan::html_escape;

// `value` rounded to `decimals` places (for JSON numbers, which print their shortest form).
double rounded(double value, int decimals);

}  // namespace sendplan::report::detail
