// CsvTable: reading a planner CSV file into trimmed cells by column name.
#include "transport/csv_table.h"

#include <cctype>

#include "core/text_encoding.h"
#include "geo/csv_line.h"

namespace sendplan::transport::detail {

CsvTable CsvTable::parse(std::string_view text, ProblemList& problems) {
  CsvTable table;
  std::string converted;  // the text with old Mac line ends made LF, when they were
  Result<std::string_view> readable = utf8_csv_text(text, problems.file(), converted);
  if (!readable.ok()) {
    problems.add(readable.error().where.line, "", readable.error().message);
    return table;
  }
  text = readable.value();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  geo::detail::CsvLineSplitter splitter;
  const std::string no_file;  // splitter errors are re-reported through `problems`
  bool have_header = false;
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (trim(line).empty()) continue;
    Status split = splitter.split(line, no_file, line_number);
    if (!split.ok()) {
      problems.add(line_number, "", split.error().message);
      if (!have_header) return table;
      continue;
    }
    std::vector<std::string> cells;
    for (const geo::detail::CsvCell& cell : splitter.cells()) {
      cells.emplace_back(have_header ? from_spreadsheet_safe(trim(cell.text)) : trim(cell.text));
    }
    if (!have_header) {
      for (const std::string& name : cells) table.header_.push_back(to_lower(name));
      table.header_line_ = line_number;
      have_header = true;
    } else {
      table.rows_.push_back({line_number, std::move(cells)});
    }
  }
  if (!have_header) problems.add(1, "", "the file is empty: expected a header row");
  return table;
}

int CsvTable::index_of(std::string_view name) const {
  const std::string lower = to_lower(name);
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == lower) return static_cast<int>(i);
  }
  return -1;
}

std::string_view CsvTable::cell(const CsvRow& row, std::string_view column) const {
  const int index = index_of(column);
  if (index < 0 || static_cast<size_t>(index) >= row.cells.size()) return {};
  return row.cells[static_cast<size_t>(index)];
}

bool CsvTable::require_columns(std::initializer_list<std::string_view> names,
                               ProblemList& problems) const {
  bool all = true;
  for (std::string_view name : names) {
    if (!has_column(name)) {
      problems.add(header_line_, std::string(name), "required column is missing");
      all = false;
    }
  }
  return all;
}

}  // namespace sendplan::transport::detail
