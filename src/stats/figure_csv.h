// A Figure as CSV: one row per (series, point): figure, series, period, year, value, symbol,
// unit, source. Missing values are an empty value with DfE's symbol in `symbol`.
// Format: a header row, then rows in series order and point order; lines end in "\n" (as every
// CSV sendplan writes); a field holding a comma, a double quote, CR or LF is quoted with its
// quotes doubled (RFC 4180); a text field a spreadsheet could run as a formula gets a leading '
// and is quoted (core/text.h csv_cell). `value` is the shortest text that reads back as exactly the
// stored double (whole numbers below 10^15 without ".0"); `year` is empty when 0; `unit` is
// unit_name.
#pragma once

#include <string>

#include "stats/figure.h"

namespace sendplan::stats {

std::string figure_csv(const Figure& figure);

}  // namespace sendplan::stats
