// A DfE CSV file as a header and rows, read through the one CSV reader (io/csv_reader.h) and
// looked up through its header mapping (io/csv_columns.h), for the DfE file readers. Errors point
// into the file: "file.csv:12:34: reason".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"

namespace sendplan::dfe {

class Table {
 public:
  // kParse for malformed CSV or an empty file; a leading byte-order mark is skipped. Header
  // names are trimmed and found ignoring case; a repeated header name keeps its first column
  // (the repeat is ignored).
  static Result<Table> parse(std::string_view text, std::string file);

  const std::string& file() const { return table_.columns.file(); }
  const std::vector<std::string>& header() const { return table_.columns.names(); }
  bool has(std::string_view column) const { return table_.columns.has(column); }
  std::optional<std::size_t> index(std::string_view column) const {
    return table_.columns.find(column);
  }

  // The data rows (not the header), in file order.
  const std::vector<csv::Record>& rows() const { return table_.rows; }

  // The cell of `row` in `column` ("" when the row is short).
  std::string_view cell(const csv::Record& row, std::size_t column) const {
    return table_.columns.cell(row, column);
  }

  // An error at `row`'s cell in `column` (or at the row's start when it is short).
  Error error_at(const csv::Record& row, std::size_t column, std::string reason) const;
  Error error_at_line(int line, std::string reason) const;

 private:
  csv::Table table_;
};

}  // namespace sendplan::dfe
