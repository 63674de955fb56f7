// Comma-separated records (RFC 4180 style): quoted fields may contain commas, newlines and doubled
// quotes. Each field keeps the 1-based line and column where it starts, for error messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sendplan::io::detail {

struct CsvField {
  std::string value;  // unquoted, with "" turned into "
  int line = 0;
  int column = 0;
};

struct CsvRecord {
  int line = 0;  // where the record starts
  std::vector<CsvField> fields;
};

// Splits `text` into records; blank lines are skipped, CRLF line ends accepted. kParse error (with
// `file`, line and column) for an unterminated quote or text after a closing quote.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& file);

}  // namespace sendplan::io::detail
