// Columns: a CSV header's names, and a row's cells by name.
#include "io/csv_columns.h"

#include <iterator>

#include "core/text.h"

namespace sendplan::csv {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

Columns::Columns(const Record& header, std::string file)
    : file_(std::move(file)), line_(header.line) {
  for (const Field& field : header.fields) {
    const std::string_view name = trim(field.value);
    const std::optional<std::size_t> first = find(name);
    if (first && !name.empty()) repeats_.push_back({names_.size(), *first});
    names_.emplace_back(name);
    header_lines_.push_back(field.line);
    header_columns_.push_back(field.column);
  }
}

std::optional<std::size_t> Columns::find(std::string_view name) const {
  name = trim(name);
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (same_name(names_[i], name)) return i;
  }
  return std::nullopt;
}

std::vector<std::string> Columns::missing(const std::vector<std::string>& wanted) const {
  std::vector<std::string> absent;
  for (const std::string& name : wanted) {
    if (!has(name)) absent.push_back(name);
  }
  return absent;
}

const Field* Columns::field(const Record& row, std::size_t column) const {
  return column < row.fields.size() ? &row.fields[column] : nullptr;
}

const Field* Columns::field(const Record& row, std::string_view name) const {
  const std::optional<std::size_t> column = find(name);
  return column ? field(row, *column) : nullptr;
}

std::string_view Columns::cell(const Record& row, std::size_t column) const {
  const Field* found = field(row, column);
  return found ? std::string_view(found->value) : std::string_view();
}

std::string_view Columns::cell(const Record& row, std::string_view name) const {
  const Field* found = field(row, name);
  return found ? std::string_view(found->value) : std::string_view();
}

std::string_view Columns::text(const Record& row, std::string_view name) const {
  return from_spreadsheet_safe(trim(cell(row, name)));
}

SourceLocation Columns::where(const Record& row, std::size_t column) const {
  const Field* found = field(row, column);
  if (found) return {file_, found->line, found->column};
  return {file_, row.line, 1};
}

SourceLocation Columns::where(const Record& row, std::string_view name) const {
  const Field* found = field(row, name);
  if (found) return {file_, found->line, found->column};
  return {file_, row.line, 1};
}

SourceLocation Columns::header_where(std::optional<std::size_t> column) const {
  if (column && *column < names_.size()) {
    return {file_, header_lines_[*column], header_columns_[*column]};
  }
  return {file_, line_, 1};
}

Result<std::optional<Table>> read_table(Reader& reader) {
  Result<std::vector<Record>> records = reader.read_all();
  if (!records.ok()) return records.error();
  std::vector<Record>& all = records.value();
  if (all.empty()) return std::optional<Table>();
  Table table;
  table.columns = Columns(all.front(), reader.file());
  table.rows.assign(std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end()));
  return std::optional<Table>(std::move(table));
}

}  // namespace sendplan::csv
