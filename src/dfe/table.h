// A CSV file as a header and rows whose cells remember their line and column, for the DfE file
// readers. Errors point into the file: "file.csv:12:34: reason".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/csv_records.h"

namespace sendplan::dfe {

class Table {
 public:
  // kParse for malformed CSV or an empty file; a leading byte-order mark is skipped. Header
  // names are trimmed; a repeated header name keeps its first column (the repeat is ignored).
  static Result<Table> parse(std::string_view text, std::string file);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  bool has(std::string_view column) const { return index(column).has_value(); }
  std::optional<std::size_t> index(std::string_view column) const;

  // The data rows (not the header), in file order.
  const std::vector<io::detail::CsvRecord>& rows() const { return rows_; }

  // The cell of `row` in `column` ("" when the row is short).
  std::string_view cell(const io::detail::CsvRecord& row, std::size_t column) const;

  // An error at `row`'s cell in `column` (or at the row's start when it is short).
  Error error_at(const io::detail::CsvRecord& row, std::size_t column, std::string reason) const;
  Error error_at_line(int line, std::string reason) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<io::detail::CsvRecord> rows_;
};

}  // namespace sendplan::dfe
