// Area SEND inspections by Ofsted and CQC: outcomes under the 2023 framework (1 positive,
// 2 inconsistent, 3 widespread or systemic failings) and the 2016-2022 framework's inspections
// (written statement of action, revisits). A row's period is its inspection's start date.
#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

constexpr const char* kOfsted = "Ofsted and the Care Quality Commission";

// `date_column` dates each row; when it is empty, `fallback_date_column` does.
Status read_inspections(FileReader& reader, const char* date_column,
                        const char* fallback_date_column, const char* code_column,
                        const char* number_column, const char* name_column,
                        std::initializer_list<std::string_view> identifiers) {
  const Table& table = reader.table();
  Result<std::size_t> date_at = reader.column(date_column);
  if (!date_at.ok()) return date_at.error();
  Result<std::size_t> fallback_at = reader.column(fallback_date_column);
  if (!fallback_at.ok()) return fallback_at.error();
  const std::vector<std::size_t> measures = measure_columns(table, identifiers);
  for (const csv::Record& row : table.rows()) {
    const bool dated = !table.cell(row, date_at.value()).empty();
    Result<std::pair<std::string, int>> period =
        reader.period(row, dated ? date_at.value() : fallback_at.value());
    if (!period.ok()) return period.error();
    auto cell = [&](const char* name) -> std::string {
      if (name == nullptr) return "";
      std::optional<std::size_t> at = table.index(name);
      return at ? std::string(table.cell(row, *at)) : std::string();
    };
    std::string code;
    if (const store::StatArea* area = reader.areas().by_code(cell(code_column))) code = area->code;
    if (code.empty()) {
      Result<std::string> resolved = reader.resolve(row, cell(number_column), cell(name_column));
      if (!resolved.ok()) return resolved.error();
      code = resolved.value();
    }
    if (code.empty()) continue;
    for (std::size_t column : measures) {
      Status added = reader.add(row, column, table.header()[column], code, period.value().first,
                                period.value().second, "", "", /*text_allowed=*/true);
      if (!added.ok()) return added;
    }
  }
  return {};
}

bool framework_2023(const Table& table) {
  return table.has("outcome_grade") && table.has("inspection_start_date") && table.has("la_code");
}
bool framework_2016(const Table& table) {
  return table.has("wsoa_required") && table.has("inspection_start_date");
}

}  // namespace

std::vector<Layout> ofsted_layouts() {
  return {
      {"area_send_2023", "Area SEND inspections, 2023 framework: outcomes", kOfsted, framework_2023,
       [](FileReader& reader) {
         return read_inspections(reader, "inspection_start_date", "publication_date", nullptr,
                                 "la_code", "local_authority",
                                 {"urn", "la_code", "region_code", "ltla23cd", "local_authority",
                                  "inspection_start_date", "scrape_note"});
       }},
      {"area_send_2016", "Area SEND inspections, 2016 framework: written statements of action",
       kOfsted, framework_2016,
       [](FileReader& reader) {
         return read_inspections(
             reader, "inspection_start_date", "inspection_publication_date", "new_la_code", nullptr,
             "area_name", {"new_la_code", "area_name", "ofsted_region", "inspection_start_date"});
       }},
  };
}

}  // namespace sendplan::dfe
