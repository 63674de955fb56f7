// Reading a planner input file into an InputTable.
#include "transport/input_table.h"

namespace sendplan::transport::detail {

InputTable read_input_table(std::string_view text, ProblemList& problems) {
  csv::Reader reader(text, problems.file());
  Result<std::optional<csv::Table>> read = csv::read_table(reader);
  if (!read.ok()) {
    problems.add(read.error().where.line, "", read.error().message);
    return {};
  }
  if (!read.value()) {
    problems.add(1, "", "the file is empty: expected a header row");
    return {};
  }
  return InputTable{std::move(*read.value())};
}

bool InputTable::require_columns(std::initializer_list<std::string_view> names,
                                 ProblemList& problems) const {
  bool all = true;
  for (std::string_view name : names) {
    if (!has_column(name)) {
      problems.add(header_line(), std::string(name), "required column is missing");
      all = false;
    }
  }
  return all;
}

}  // namespace sendplan::transport::detail
