// School census SEN extracts (DfE "Special educational needs in England", as prepared for DfE's
// SEND and AP dashboard): percentages of pupils with an EHC plan or on SEN support, in all
// schools and in mainstream schools, and where pupils with each provision are educated.
#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

constexpr const char* kDfe = "Department for Education";

// The area of a row with geographic_level, region_name and la_name (and maybe new_la_code).
Result<std::string> census_area(FileReader& reader, const csv::Record& row) {
  const Table& table = reader.table();
  auto cell = [&](const char* name) -> std::string {
    std::optional<std::size_t> at = table.index(name);
    return at ? std::string(table.cell(row, *at)) : std::string();
  };
  const std::string level = cell("geographic_level");
  if (level == "National") return std::string(kEnglandCode);
  if (level == "Regional") return reader.resolve(row, "", cell("region_name"));
  if (const store::StatArea* area = reader.areas().by_code(cell("new_la_code"))) {
    return area->code;
  }
  return reader.resolve(row, "", cell("la_name"));
}

// One value column, with one breakdown column (and an optional second, joined as the topic).
Status read_census(FileReader& reader, const char* period_column, const char* topic_column,
                   const char* breakdown_column, std::initializer_list<const char*> values) {
  const Table& table = reader.table();
  Result<std::size_t> period_at = reader.column(period_column);
  if (!period_at.ok()) return period_at.error();
  Result<std::size_t> topic_at = reader.column(topic_column);
  if (!topic_at.ok()) return topic_at.error();
  std::optional<std::size_t> breakdown_at;
  if (breakdown_column != nullptr) {
    Result<std::size_t> at = reader.column(breakdown_column);
    if (!at.ok()) return at.error();
    breakdown_at = at.value();
  }
  std::vector<std::pair<std::size_t, std::string>> measures;
  for (const char* value : values) {
    Result<std::size_t> at = reader.column(value);
    if (!at.ok()) return at.error();
    measures.emplace_back(at.value(), value);
  }
  for (const csv::Record& row : table.rows()) {
    Result<std::pair<std::string, int>> period = reader.period(row, period_at.value());
    if (!period.ok()) return period.error();
    Result<std::string> area = census_area(reader, row);
    if (!area.ok()) return area.error();
    if (area.value().empty()) continue;
    // With two breakdown columns the first names the group (topic), the second the member.
    const std::string topic =
        breakdown_at ? std::string(table.cell(row, topic_at.value())) : std::string(topic_column);
    const std::string breakdown = breakdown_at ? std::string(table.cell(row, *breakdown_at))
                                               : std::string(table.cell(row, topic_at.value()));
    for (const auto& [column, name] : measures) {
      Status added = reader.add(row, column, name, area.value(), period.value().first,
                                period.value().second, topic, breakdown);
      if (!added.ok()) return added;
    }
  }
  return {};
}

bool all_schools(const Table& table) {
  return table.has("SEN provision") && table.has("% of pupils") && table.has("new_la_code") &&
         !table.has("total_pupils");
}
bool mainstream(const Table& table) {
  return table.has("SEN provision") && table.has("% of pupils") && table.has("total_pupils");
}
bool school_types(const Table& table) {
  return table.has("phase_type_grouping") && table.has("Provision type") &&
         table.has("% of pupils (with SEN provision type)");
}

}  // namespace

std::vector<Layout> census_layouts() {
  return {
      {"census_sen_all_schools", "Pupils with an EHC plan or on SEN support, all schools (%)", kDfe,
       all_schools,
       [](FileReader& reader) {
         return read_census(reader, "time_period", "SEN provision", nullptr, {"% of pupils"});
       }},
      {"census_sen_mainstream",
       "Pupils with an EHC plan or on SEN support, state-funded mainstream schools (%)", kDfe,
       mainstream,
       [](FileReader& reader) {
         return read_census(reader, "time_period", "SEN provision", nullptr,
                            {"% of pupils", "total_pupils"});
       }},
      {"census_sen_school_types",
       "Where pupils with each SEN provision are educated, by type of school (%)", kDfe,
       school_types,
       [](FileReader& reader) {
         return read_census(reader, "academic_year", "Provision type", "phase_type_grouping",
                            {"% of pupils (with SEN provision type)"});
       }},
  };
}

}  // namespace sendplan::dfe
