// CsvFile: a placements CSV file read through the one CSV reader, and its header checks.
#include "placements/csv_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/text.h"

namespace sendplan::placements::detail {

Result<CsvFile> CsvFile::read(std::string_view text, std::string file, csv::Encoding encoding) {
  csv::Reader reader(text, file, encoding);
  Result<std::optional<csv::Table>> read = csv::read_table(reader);
  if (!read.ok()) return read.error();
  if (!read.value()) {
    return make_error(ErrorCode::kParse, "the file is empty (expected a header row)", {file, 1, 1});
  }
  CsvFile sheet;
  sheet.table_ = std::move(*read.value());
  sheet.check_header_and_widths();
  return sheet;
}

void CsvFile::check_header_and_widths() {
  for (const csv::Columns::Repeat& repeat : table_.columns.repeats()) {
    header_problem(repeat.column, fmt::format("repeated column {} (first as column {})",
                                              quoted_excerpt(table_.columns.names()[repeat.column]),
                                              repeat.first + 1));
  }
  const std::size_t width = table_.columns.size();
  for (const csv::Record& row : table_.rows) {
    // More cells than the header has names: usually an unquoted comma inside a name.
    for (std::size_t c = width; c < row.fields.size(); ++c) {
      if (trim(row.fields[c].value).empty()) continue;
      problems_.push_back(make_error(
          ErrorCode::kParse,
          fmt::format("the row has {} fields but the header has {} columns (is a comma in a "
                      "value not quoted?)",
                      row.fields.size(), width),
          table_.columns.where(row, c)));
      break;
    }
  }
  // A column with no name is only a problem when something is written in it.
  for (std::size_t c = 0; c < width; ++c) {
    if (!table_.columns.names()[c].empty()) continue;
    for (const csv::Record& row : table_.rows) {
      if (!trim(table_.columns.cell(row, c)).empty()) {
        header_problem(
            c, fmt::format("column {} has no name but line {} has a value in it", c + 1, row.line));
        break;
      }
    }
  }
}

void CsvFile::header_problem(std::optional<std::size_t> column, std::string reason,
                             ErrorCode code) {
  problems_.push_back(make_error(code, std::move(reason), table_.columns.header_where(column)));
}

bool CsvFile::require_columns(const std::vector<std::string>& required, std::string_view layout) {
  std::vector<std::string> missing;
  for (const std::string& name : table_.columns.missing(required))
    missing.push_back(quoted_excerpt(name));
  if (missing.empty()) return true;
  header_problem(std::nullopt,
                 fmt::format("missing column{} {} ({} needs {})", missing.size() == 1 ? "" : "s",
                             fmt::join(missing, ", "), layout, fmt::join(required, ", ")));
  return false;
}

void CsvFile::reject_unknown_columns(const std::vector<std::string>& known) {
  const std::vector<std::string>& names = table_.columns.names();
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (names[c].empty()) continue;
    const bool found = std::any_of(known.begin(), known.end(), [&](const std::string& name) {
      return csv::same_name(name, names[c]);
    });
    if (!found) {
      header_problem(c, fmt::format("unknown column {} (the columns are {})",
                                    quoted_excerpt(names[c]), fmt::join(known, ", ")));
    }
  }
}

std::vector<Error> CsvFile::take_problems() {
  std::stable_sort(problems_.begin(), problems_.end(), [](const Error& a, const Error& b) {
    return a.where.line != b.where.line ? a.where.line < b.where.line
                                        : a.where.column < b.where.column;
  });
  return std::move(problems_);
}

}  // namespace sendplan::placements::detail
