#include "io/bks_csv.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "io/csv_columns.h"
#include "io/csv_reader.h"
#include "io/file_text.h"

namespace sendplan::io {

namespace {

std::string_view trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool parse_double(std::string_view text, double& value) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

Result<std::map<std::string, double>> read_bks_csv(const std::string& path,
                                                   const std::string& column) {
  Result<std::string> text = detail::read_text_file(path);
  if (!text) return text.error();
  csv::Reader reader(text.value(), path);
  Result<std::vector<csv::Record>> parsed = reader.read_all();
  if (!parsed) return parsed.error();
  const std::vector<csv::Record>& records = parsed.value();
  if (records.empty())
    return make_error(ErrorCode::kParse, "the file is empty: expected a header row", {path, 1, 0});

  const csv::Columns header(records[0], path);
  const std::optional<std::size_t> value_found = header.find(column);
  if (!value_found) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("unknown column '{}' (the header has: {})", column,
                                  fmt::join(header.names(), ", ")),
                      {path, header.line(), 0});
  }
  const std::size_t value_column = *value_found;
  const std::size_t name_column = header.find("instance").value_or(0);
  const size_t needed = std::max(value_column, name_column) + 1;

  std::map<std::string, double> values;
  std::map<std::string, int> first_line;
  for (size_t r = 1; r < records.size(); ++r) {
    const csv::Record& record = records[r];
    if (record.fields.size() < needed) {
      return make_error(
          ErrorCode::kParse,
          fmt::format("row has {} fields, expected at least {} (up to column '{}')",
                      record.fields.size(), needed,
                      value_column > name_column ? column : header.names()[name_column]),
          {path, record.line, 0});
    }
    const csv::Field& name_field = record.fields[name_column];
    const csv::Field& value_field = record.fields[value_column];
    const std::string_view value_text = trim(value_field.value);
    if (value_text.empty()) continue;
    const std::string name(trim(name_field.value));
    if (name.empty()) {
      return make_error(ErrorCode::kParse, "empty instance name",
                        {path, name_field.line, name_field.column});
    }
    double value = 0;
    if (!parse_double(value_text, value)) {
      return make_error(ErrorCode::kParse,
                        fmt::format("bad number '{}' in column '{}' for instance '{}'",
                                    value_field.value, column, name),
                        {path, value_field.line, value_field.column});
    }
    if (auto [it, inserted] = first_line.emplace(name, record.line); !inserted) {
      return make_error(ErrorCode::kParse,
                        fmt::format("duplicate instance '{}' (first on line {})", name, it->second),
                        {path, record.line, name_field.column});
    }
    values.emplace(name, value);
  }
  return values;
}

}  // namespace sendplan::io
