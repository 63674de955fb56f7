// Small text helpers every reader and writer needs: trimming ASCII white space, ASCII lower case,
// CSV cells (RFC 4180, safe from spreadsheet formulas), excerpts of a user's value for messages,
// and HTML/XML escaping. Pure functions, safe from any thread.
#pragma once

#include <cstddef>
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

// True when the whole of `text` is one number: an optional sign, digits with an optional decimal
// part (or a decimal part alone), and an optional exponent ("-3.5", "+2", ".5", "-1e-05").
bool is_plain_number(std::string_view text);

// True when a spreadsheet could run `text` as a formula: it starts with '=', '+', '-', '@', a tab
// or a CR, has more than that one character ("-" is DfE's nil symbol), and is not a plain number
// ("-3.5" stays a number) -- or it starts with an apostrophe followed by such a text, so that
// from_spreadsheet_safe undoes spreadsheet_safe exactly.
bool needs_formula_guard(std::string_view text);
// `text` safe to open in a spreadsheet (OWASP "CSV injection"): prefixed with an apostrophe when
// needs_formula_guard, otherwise unchanged.
std::string spreadsheet_safe(std::string_view text);
// The inverse of spreadsheet_safe, for readers of the files sendplan writes: a cell that starts
// with an apostrophe and would have been guarded without it loses the apostrophe.
std::string_view from_spreadsheet_safe(std::string_view text);

// One CSV cell, the one writer of every CSV cell sendplan makes: first made spreadsheet_safe (a
// guarded cell is always quoted), then quoted (with inner quotes doubled) when it holds a comma,
// a quote, CR or LF, or starts or ends with a space (readers that trim cells then read it back
// exactly); otherwise unchanged (RFC 4180).
std::string csv_cell(std::string_view text);
// Cells joined by commas, each through csv_cell, ending in "\n".
std::string csv_line(std::initializer_list<std::string_view> cells);

// A user's value for a message, never the whole of a huge one: `text` itself when it has at
// most `limit` characters, otherwise its first `limit` characters (whole UTF-8 sequences)
// followed by "… (N characters)" (N counts the bytes that start a UTF-8 character).
std::string excerpt(std::string_view text, std::size_t limit = 80);
// The same in single quotes: "'abc'", or "'first 80…' (N characters)".
std::string quoted_excerpt(std::string_view text, std::size_t limit = 80);

// &, <, >, " and ' as character references: safe in HTML or XML element text and in quoted
// attributes.
std::string html_escape(std::string_view text);

}  // namespace sendplan
