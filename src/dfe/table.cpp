#include "dfe/table.h"

namespace sendplan::dfe {

Result<Table> Table::parse(std::string_view text, std::string file) {
  csv::Reader reader(text, file);
  Result<std::optional<csv::Table>> read = csv::read_table(reader);
  if (!read.ok()) return read.error();
  if (!read.value()) {
    return make_error(ErrorCode::kParse, "the file is empty (expected a header row)", {file, 1, 1});
  }
  Table table;
  table.table_ = std::move(*read.value());
  return table;
}

Error Table::error_at(const csv::Record& row, std::size_t column, std::string reason) const {
  return make_error(ErrorCode::kParse, std::move(reason), table_.columns.where(row, column));
}

Error Table::error_at_line(int line, std::string reason) const {
  return make_error(ErrorCode::kParse, std::move(reason), {file(), line, 1});
}

}  // namespace sendplan::dfe
