#include "dfe/file_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/text.h"
#include "dfe/periods.h"
#include "dfe/symbols.h"

namespace sendplan::dfe {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The number in `text` ("3512", "-1.08", "57.900000000000", "1e3"), or nullopt.
std::optional<double> number_in(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

Result<std::size_t> FileReader::column(std::string_view name) const {
  if (std::optional<std::size_t> at = table_.index(name)) return *at;
  return table_.error_at_line(1, fmt::format("the header has no column {}", quoted_excerpt(name)));
}

Status FileReader::add(const csv::Record& row, std::size_t column, const std::string& measure,
                       const std::string& area_code, const std::string& period, int year,
                       const std::string& breakdown_topic, const std::string& breakdown,
                       bool text_allowed) {
  const std::string_view text = trimmed(table_.cell(row, column));
  store::StatValue value;
  value.value = number_in(text);
  if (!value.value && !is_missing(text) && !text_allowed) {
    return table_.error_at(
        row, column,
        fmt::format("{} in column '{}' is neither a number nor a DfE symbol (x, z, c, low, -, "
                    "..,  ~ or empty)",
                    quoted_excerpt(text), measure));
  }
  value.series = layout_.series;
  value.measure = measure;
  value.area_code = area_code;
  value.period = period;
  value.year = year;
  value.breakdown_topic = breakdown_topic;
  value.breakdown = breakdown;
  value.text = std::string(text);
  out_.values.push_back(std::move(value));
  return {};
}

Result<std::pair<std::string, int>> FileReader::period(const csv::Record& row,
                                                       std::size_t column) const {
  Result<Period> parsed = parse_period(table_.cell(row, column));
  if (!parsed.ok()) return table_.error_at(row, column, parsed.error().message);
  return std::pair<std::string, int>(parsed.value().label, parsed.value().year);
}

Result<std::string> FileReader::resolve(const csv::Record& row, std::string_view la_number,
                                        std::string_view name) {
  la_number = trimmed(la_number);
  name = trimmed(name);
  if (!la_number.empty()) {
    if (const store::StatArea* area = areas_.by_la_number(la_number)) return area->code;
  }
  if (!name.empty()) {
    if (const store::StatArea* area = areas_.by_name(name)) return area->code;
  }
  bool any_la = false;
  for (const store::StatArea& area : areas_.areas()) any_la = any_la || area.level == "la";
  if (!any_la) {
    return table_.error_at_line(
        row.line, fmt::format("cannot tell which area {} is: this file names areas only by LA "
                              "number or name; import a SEN2 file first (or in the same command), "
                              "which lists every local authority with its codes",
                              quoted_excerpt(name.empty() ? la_number : name)));
  }
  skipped_.push_back(
      fmt::format("line {}: {}", row.line, excerpt(name.empty() ? la_number : name)));
  return std::string();
}

std::vector<std::size_t> measure_columns(const Table& table,
                                         std::initializer_list<std::string_view> identifiers) {
  std::vector<std::size_t> measures;
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    const std::string& name = table.header()[i];
    if (name.empty() || table.index(name) != i) continue;
    bool identifier = false;
    for (std::string_view id : identifiers) identifier = identifier || name == id;
    if (!identifier) measures.push_back(i);
  }
  return measures;
}

void FileReader::learn(const store::StatArea& area) {
  if (area.code.empty()) return;
  areas_.add(area);
  // One entry per area in the import, holding its newest year.
  auto [entry, first] = learnt_.try_emplace(area.code, out_.areas.size());
  if (first) {
    out_.areas.push_back(area);
    return;
  }
  store::StatArea& learnt = out_.areas[entry->second];
  if (area.year >= learnt.year) {
    const int year = area.year;
    learnt = area;
    learnt.year = year;
  }
}

}  // namespace sendplan::dfe
