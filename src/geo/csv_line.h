// Splitting one line of a comma-separated file into cells. Quoting as in RFC 4180 ("a,b" and
// doubled "" inside quotes), except that a quoted cell may not span lines. Cells keep their
// 1-based column for error messages. Not thread-safe: one splitter per reader.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sendplan::geo::detail {

struct CsvCell {
  std::string_view text;  // unquoted; valid until the next split() call
  int column = 0;         // 1-based column of the cell's first character (its quote, if any)
};

class CsvLineSplitter {
 public:
  // Splits `line` (without its line end; a trailing '\r' is dropped). kParse at `file`,
  // `line_number` and the column for an unterminated quote or text after a closing quote.
  Status split(std::string_view line, const std::string& file, int line_number);
  const std::vector<CsvCell>& cells() const { return cells_; }

 private:
  std::vector<CsvCell> cells_;
  std::deque<std::string> unescaped_;  // cells that held "" (stable addresses for the views)
};

}  // namespace sendplan::geo::detail
