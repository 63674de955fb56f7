#include "dfe/table.h"

#include <fmt/format.h>

namespace sendplan::dfe {

namespace {

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

}  // namespace

Result<Table> Table::parse(std::string_view text, std::string file) {
  Result<std::vector<io::detail::CsvRecord>> records = io::detail::parse_csv(text, file);
  if (!records.ok()) return records.error();
  if (records.value().empty()) {
    return make_error(ErrorCode::kParse, "the file is empty (expected a header row)", {file, 1, 1});
  }
  Table table;
  table.file_ = std::move(file);
  std::vector<io::detail::CsvRecord>& all = records.value();
  for (const io::detail::CsvField& field : all.front().fields) {
    table.header_.push_back(trimmed(field.value));
  }
  table.rows_.assign(std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end()));
  return table;
}

std::optional<std::size_t> Table::index(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return i;
  }
  return std::nullopt;
}

std::string_view Table::cell(const io::detail::CsvRecord& row, std::size_t column) const {
  return column < row.fields.size() ? std::string_view(row.fields[column].value)
                                    : std::string_view();
}

Error Table::error_at(const io::detail::CsvRecord& row, std::size_t column,
                      std::string reason) const {
  if (column < row.fields.size()) {
    const io::detail::CsvField& field = row.fields[column];
    return make_error(ErrorCode::kParse, std::move(reason), {file_, field.line, field.column});
  }
  return make_error(ErrorCode::kParse, std::move(reason), {file_, row.line, 1});
}

Error Table::error_at_line(int line, std::string reason) const {
  return make_error(ErrorCode::kParse, std::move(reason), {file_, line, 1});
}

}  // namespace sendplan::dfe
