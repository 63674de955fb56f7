// A placements CSV file (the provider register, a placements file, a DfE provider list, a GIAS
// extract) read whole through the one CSV reader (io/csv_reader.h), with the checks every
// placements importer makes of a header, and the problems found so far. Problems are Errors at
// file, line and column, handed back in file order.
//
// Reading: UTF-8 (a BOM skipped), or Windows-1252 when the importer asks; a file in UTF-16, or
// not in the encoding asked for, is one kParse problem saying so, and so are malformed quoting
// and an empty file (no header). Header names are trimmed and found ignoring case; a repeated
// name is a problem at the repeat (the first column of that name is the one used); a column with
// no name is a problem only when a row has a value in it; a row with more cells than the header
// has names (a comma in an unquoted value) is a problem at the first extra non-blank cell.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"

namespace sendplan::placements::detail {

class CsvFile {
 public:
  // The file's rows, or the one problem that stops the reading.
  static Result<CsvFile> read(std::string_view text, std::string file,
                              csv::Encoding encoding = csv::Encoding::kUtf8);

  const std::string& file() const { return table_.columns.file(); }
  const csv::Columns& columns() const { return table_.columns; }
  const std::vector<std::string>& header() const { return table_.columns.names(); }
  const std::vector<csv::Record>& rows() const { return table_.rows; }
  // The column called `name` (trimmed, any case).
  std::optional<std::size_t> column(std::string_view name) const {
    return table_.columns.find(name);
  }

  // A problem at the header cell of `column` (or at the header's start when it is nullopt).
  void header_problem(std::optional<std::size_t> column, std::string reason,
                      ErrorCode code = ErrorCode::kParse);
  // Reports every name in `required` missing from the header, in one problem at the header
  // ("missing columns 'a', 'b' (`layout` needs ...)"). False if any is missing.
  bool require_columns(const std::vector<std::string>& required, std::string_view layout);
  // Reports every header name not in `known` (a typo would otherwise be read as a blank column).
  void reject_unknown_columns(const std::vector<std::string>& known);

  void add_problem(Error problem) { problems_.push_back(std::move(problem)); }
  const std::vector<Error>& problems() const { return problems_; }
  // The problems in file order (by line, then column), leaving none.
  std::vector<Error> take_problems();

 private:
  void check_header_and_widths();

  csv::Table table_;
  std::vector<Error> problems_;
};

}  // namespace sendplan::placements::detail
