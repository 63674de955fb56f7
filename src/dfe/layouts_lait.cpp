// DfE's Local Authority Interactive Tool: indicators in long form (one row per measure, year and
// area) and the children's services statistical neighbours (ten per LA, with closeness).
#include <fmt/format.h>

#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

constexpr const char* kDfe = "Department for Education";

bool indicators(const Table& table) {
  return table.has("measure_short") && table.has("years") && table.has("la_or_region") &&
         table.has("value");
}

Status read_indicators(FileReader& reader) {
  const Table& table = reader.table();
  std::size_t at[5];
  const char* names[5] = {"measure_short", "years", "la_or_region", "value", "la_number"};
  for (int i = 0; i < 5; ++i) {
    Result<std::size_t> column = reader.column(names[i]);
    if (!column.ok()) return column.error();
    at[i] = column.value();
  }
  for (const csv::Record& row : table.rows()) {
    Result<std::pair<std::string, int>> period = reader.period(row, at[1]);
    if (!period.ok()) return period.error();
    // LAIT numbers England and the regions 970-990 (not LA numbers): they resolve by name.
    Result<std::string> code = reader.resolve(row, table.cell(row, at[4]), table.cell(row, at[2]));
    if (!code.ok()) return code.error();
    if (code.value().empty()) continue;
    Status added = reader.add(row, at[3], std::string(table.cell(row, at[0])), code.value(),
                              period.value().first, period.value().second);
    if (!added.ok()) return added;
  }
  return {};
}

bool neighbours(const Table& table) {
  return table.has("la_number") && table.has("sn1_la_number") && table.has("sn1_closeness");
}

Status read_neighbours(FileReader& reader) {
  const Table& table = reader.table();
  Result<std::size_t> number_at = reader.column("la_number");
  if (!number_at.ok()) return number_at.error();
  for (const csv::Record& row : table.rows()) {
    Result<std::string> area = reader.resolve(row, table.cell(row, number_at.value()), "");
    if (!area.ok()) return area.error();
    if (area.value().empty()) continue;
    for (int rank = 1; table.has(fmt::format("sn{}_la_number", rank)); ++rank) {
      const std::size_t neighbour_at = *table.index(fmt::format("sn{}_la_number", rank));
      std::optional<std::size_t> closeness_at = table.index(fmt::format("sn{}_closeness", rank));
      const store::StatArea* neighbour = reader.areas().by_la_number(table.cell(row, neighbour_at));
      if (neighbour == nullptr) continue;  // an LA no SEN2 file names (e.g. merged since)
      reader.out().neighbours.push_back(
          {area.value(), rank, neighbour->code,
           closeness_at ? std::string(table.cell(row, *closeness_at)) : std::string()});
    }
  }
  return {};
}

}  // namespace

std::vector<Layout> lait_layouts() {
  return {
      {"lait_indicators", "Local Authority Interactive Tool indicators", kDfe, indicators,
       read_indicators},
      {"lait_statistical_neighbours", "Children's services statistical neighbours", kDfe,
       neighbours, read_neighbours},
  };
}

}  // namespace sendplan::dfe
