#include "dfe/inspections.h"

#include <map>

#include "dfe/area_registry.h"

namespace sendplan::dfe {

bool in_london(const std::string& area_code, const std::string& region_code) {
  return area_code.rfind("E09", 0) == 0 || region_code == kLondonCode ||
         region_code == "E13000001" || region_code == "E13000002";
}

Result<InspectionSummary> inspection_summary(store::Store& store) {
  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  const AreaRegistry registry(areas.value());

  store::StatQuery query;
  query.series = "area_send_2023";
  query.measures = {"outcome_grade", "publication_date", "inspection_outcome_text",
                    "inspection_link"};
  Result<std::vector<store::StatValue>> rows = store.query_stat_values(query);
  if (!rows.ok()) return rows.error();
  // The latest inspection of each area (periods are start dates: text order is time order).
  std::map<std::string, std::string> latest;
  for (const store::StatValue& row : rows.value()) {
    std::string& period = latest[row.area_code];
    if (row.period > period) period = row.period;
  }
  std::map<std::string, AreaInspection> by_area;
  for (const store::StatValue& row : rows.value()) {
    if (row.period != latest[row.area_code]) continue;
    AreaInspection& inspection = by_area[row.area_code];
    inspection.area_code = row.area_code;
    inspection.started = row.period;
    if (row.measure == "outcome_grade" && row.value) {
      inspection.outcome = static_cast<int>(*row.value);
    } else if (row.measure == "publication_date") {
      inspection.published = row.text;
    } else if (row.measure == "inspection_outcome_text") {
      inspection.outcome_text = row.text;
    } else if (row.measure == "inspection_link") {
      inspection.link = row.text;
    }
  }
  InspectionSummary summary;
  summary.london.name = "London";
  summary.england.name = "England";
  for (auto& [code, inspection] : by_area) {
    if (const store::StatArea* area = registry.by_code(code)) {
      inspection.area_name = area->name;
      inspection.region_code = area->region_code;
    }
    if (inspection.outcome >= 1 && inspection.outcome <= 3) {
      ++summary.england.inspected;
      ++summary.england.at_outcome[inspection.outcome];
      if (in_london(code, inspection.region_code)) {
        ++summary.london.inspected;
        ++summary.london.at_outcome[inspection.outcome];
      }
    }
    summary.areas.push_back(inspection);
  }

  store::StatQuery previous;
  previous.series = "area_send_2016";
  previous.measures = {"wsoa_required"};
  Result<std::vector<store::StatValue>> old_rows = store.query_stat_values(previous);
  if (!old_rows.ok()) return old_rows.error();
  for (const store::StatValue& row : old_rows.value()) {
    const store::StatArea* area = registry.by_code(row.area_code);
    if (!in_london(row.area_code, area != nullptr ? area->region_code : "")) continue;
    ++summary.inspected_2016;
    if (row.text == "Yes") ++summary.written_statements_2016;
  }
  return summary;
}

}  // namespace sendplan::dfe
