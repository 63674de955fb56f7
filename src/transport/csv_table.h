// A whole CSV file held as a header and rows of trimmed cells, looked up by column name
// (case-insensitive). Accepts UTF-8 only (a file in UTF-16, Latin-1 or Windows-1252 is one
// problem saying so), strips a UTF-8 BOM, accepts LF, CRLF and CR alone (old Mac) as line ends,
// skips blank lines, and keeps each row's 1-based line number. Malformed lines (bad quoting)
// become problems and are skipped. A cell sendplan guarded against spreadsheet formulas
// ("'=x", see core/text.h) reads as it was before ("=x").
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "transport/problems.h"

namespace sendplan::transport::detail {

// Collects the problems of one file.
class ProblemList {
 public:
  explicit ProblemList(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }
  void add(int row, std::string column, std::string reason) {
    problems_.push_back({file_, row, std::move(column), std::move(reason)});
  }
  size_t size() const { return problems_.size(); }
  bool empty() const { return problems_.empty(); }
  std::vector<Problem>& problems() { return problems_; }

 private:
  std::string file_;
  std::vector<Problem> problems_;
};

struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

class CsvTable {
 public:
  // An empty file (no header) is a problem at row 1.
  static CsvTable parse(std::string_view text, ProblemList& problems);

  bool has_column(std::string_view name) const { return index_of(name) >= 0; }
  int header_line() const { return header_line_; }
  const std::vector<CsvRow>& rows() const { return rows_; }
  // The trimmed cell; "" when the column is absent or the row is short.
  std::string_view cell(const CsvRow& row, std::string_view column) const;
  // Reports each absent column at the header row; false if any is absent.
  bool require_columns(std::initializer_list<std::string_view> names, ProblemList& problems) const;

 private:
  int index_of(std::string_view name) const;

  std::vector<std::string> header_;  // lower case, trimmed
  int header_line_ = 1;
  std::vector<CsvRow> rows_;
};

using sendplan::to_lower;  // core/text.h
using sendplan::trim;

}  // namespace sendplan::transport::detail
