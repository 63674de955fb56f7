// Small text helpers every reader and writer needs: trimming ASCII white space, ASCII lower case,
// CSV cells (RFC 4180) and HTML/XML escaping.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace sendplan {

// Money for people: "£1,234.56" (thousands separated by commas), "-£3.00" when negative.
std::string pounds_text(std::int64_t pence);

// `text` without leading and trailing white space (space, tab, CR, LF, VT, FF).
std::string_view trim(std::string_view text);
// `text` with A–Z turned to a–z (other bytes, including UTF-8, unchanged).
std::string to_lower(std::string_view text);

// One CSV cell: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF, or
// starts or ends with a space (readers that trim cells then read it back exactly); otherwise
// unchanged (RFC 4180).
std::string csv_cell(std::string_view text);
// Cells joined by commas, each through csv_cell, ending in "\n".
std::string csv_line(std::initializer_list<std::string_view> cells);

// &, <, >, " and ' as character references: safe in HTML or XML element text and in quoted
// attributes.
std::string html_escape(std::string_view text);

}  // namespace sendplan
