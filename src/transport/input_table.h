// A planner input file (pupils, schools, fleet, current routes) read whole through the one CSV
// reader (io/csv_reader.h; inputs are small): its header and rows, and every problem as a
// transport Problem (file, row, column name). UTF-8 only: a file in UTF-16, Latin-1 or
// Windows-1252, malformed quoting or an empty file is one problem. Cells are read trimmed, with
// sendplan's own formula guard undone (csv::Columns::text); columns are found by name, any case.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_columns.h"
#include "io/csv_reader.h"
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

// The file's columns and rows (csv::Table), with the lookups the readers use.
struct InputTable : csv::Table {
  bool has_column(std::string_view name) const { return columns.has(name); }
  int header_line() const { return columns.line(); }
  // The trimmed cell; "" when the column is absent or the row is short.
  std::string_view cell(const csv::Record& row, std::string_view column) const {
    return columns.text(row, column);
  }
  // Reports each absent column at the header row ("required column is missing"); false if any.
  bool require_columns(std::initializer_list<std::string_view> names, ProblemList& problems) const;
};

// The file's header and rows; on a problem (added to `problems`) the table is empty.
InputTable read_input_table(std::string_view text, ProblemList& problems);

}  // namespace sendplan::transport::detail
