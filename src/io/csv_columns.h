// The one header-to-field mapping of the CSV importers: a file's header row read once, then a
// row's cell found by column name. Names are trimmed of white space and matched ignoring ASCII
// case ("Pupil_ID " is pupil_id). A name that appears twice keeps its first column; the repeat
// is listed in repeats() for an importer that reports it. Problems point at the cell (file, line,
// column) or, for a column a row lacks, at the row's first column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "io/csv_reader.h"

namespace sendplan::csv {

// True when `a` and `b` are equal ignoring ASCII case.
bool same_name(std::string_view a, std::string_view b);

class Columns {
 public:
  struct Repeat {
    std::size_t column;  // 0-based
    std::size_t first;   // the earlier column of the same name
  };

  Columns() = default;
  Columns(const Record& header, std::string file);

  const std::string& file() const { return file_; }
  int line() const { return line_; }  // the header's line
  std::size_t size() const { return names_.size(); }
  // The header's names, trimmed, as written.
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<Repeat>& repeats() const { return repeats_; }

  // The 0-based column called `name` (trimmed, any case).
  std::optional<std::size_t> find(std::string_view name) const;
  bool has(std::string_view name) const { return find(name).has_value(); }
  // Those of `wanted` the header lacks, in the order given.
  std::vector<std::string> missing(const std::vector<std::string>& wanted) const;

  // The field of `row` in `column` / the column called `name`; null when the header has no such
  // column or the row is short.
  const Field* field(const Record& row, std::size_t column) const;
  const Field* field(const Record& row, std::string_view name) const;
  // Its value as read (not trimmed); "" when there is no field.
  std::string_view cell(const Record& row, std::size_t column) const;
  std::string_view cell(const Record& row, std::string_view name) const;

  // The cell as sendplan means it: trimmed of white space, and a cell sendplan guarded against
  // spreadsheet formulas ("'=x", core/text.h) read back as it was ("=x"); "" when there is none.
  std::string_view text(const Record& row, std::string_view name) const;

  // Where the field is; the row's line, column 1, when there is none.
  SourceLocation where(const Record& row, std::size_t column) const;
  SourceLocation where(const Record& row, std::string_view name) const;
  // Where the header's cell of `column` is; the header's line, column 1, for nullopt.
  SourceLocation header_where(std::optional<std::size_t> column) const;

 private:
  std::string file_;
  int line_ = 1;
  std::vector<std::string> names_;
  std::vector<int> header_columns_;  // where each name starts on the header's line(s)
  std::vector<int> header_lines_;
  std::vector<Repeat> repeats_;
};

// A whole file read at once, for importers that check rows against each other: the header's
// columns and the records after it.
struct Table {
  Columns columns;
  std::vector<Record> rows;
};

// Every record `reader` has left, the first as the header; nullopt when there is none (an empty
// file: each importer words that problem itself), or the reader's problem.
Result<std::optional<Table>> read_table(Reader& reader);

}  // namespace sendplan::csv
