#include "dfe/plans_forecast.h"

#include <fmt/format.h>

#include <map>

#include "dfe/area_registry.h"
#include "dfe/indicators.h"
#include "dfe/needs.h"
#include "stats/figure.h"

namespace sendplan::dfe {

namespace {

// Plans in January by area, from the "ehc-plans" indicator.
Result<std::map<std::string, std::vector<stats::YearValue>>> plan_series(
    store::Store& store, const std::vector<std::string>& area_codes) {
  Result<std::vector<AreaValue>> values =
      indicator_values(store, *find_indicator("ehc-plans"), area_codes);
  if (!values.ok()) return values.error();
  std::map<std::string, std::vector<stats::YearValue>> series;
  for (const AreaValue& value : values.value()) {
    if (value.value) series[value.area_code].push_back({value.year, *value.value});
  }
  return series;
}

Result<std::vector<NeedShare>> need_shares(store::Store& store, const std::string& area_code,
                                           std::string& period) {
  store::StatQuery query;
  query.series = "sen2_needs_all_plans";
  for (const NeedType& need : need_types()) query.measures.push_back(need.count_measure);
  query.area_codes = {area_code};
  query.breakdown_topic = "All EHC plans";
  query.breakdown = "All EHC plans";
  Result<std::vector<store::StatValue>> rows = store.query_stat_values(query);
  if (!rows.ok()) return rows.error();
  int latest = 0;
  for (const store::StatValue& row : rows.value()) latest = std::max(latest, row.year);
  std::map<std::string, double> counts;
  double total = 0;
  for (const store::StatValue& row : rows.value()) {
    if (row.year != latest || !row.value) continue;
    counts[row.measure] = *row.value;
    total += *row.value;
    period = row.period;
  }
  std::vector<NeedShare> shares;
  if (total <= 0) return shares;
  for (const NeedType& need : need_types()) {
    auto it = counts.find(need.count_measure);
    shares.push_back({need.code, need.name, it == counts.end() ? 0 : it->second / total});
  }
  return shares;
}

// The newest high-needs block of `area_code` divided by its plans in that financial year's
// January; nullopt when either is missing.
Result<std::optional<std::pair<double, std::string>>> derived_cost(
    store::Store& store, const std::string& area_code, const std::string& area_name,
    const std::vector<stats::YearValue>& plans) {
  Result<std::vector<AreaValue>> block =
      indicator_values(store, *find_indicator("high-needs-block"), {area_code});
  if (!block.ok()) return block.error();
  for (auto it = block.value().rbegin(); it != block.value().rend(); ++it) {
    if (!it->value) continue;
    for (const stats::YearValue& plan : plans) {
      if (plan.year == it->year && plan.value > 0) {
        return std::optional<std::pair<double, std::string>>(
            {*it->value / plan.value,
             fmt::format("{}'s high-needs block {} ({}) divided by its EHC plans in January {} "
                         "({})",
                         area_name, it->period,
                         stats::format_value(*it->value, stats::Unit::kPounds), plan.year,
                         stats::format_value(plan.value, stats::Unit::kCount))});
      }
    }
  }
  return std::optional<std::pair<double, std::string>>();
}

}  // namespace

Result<stats::Backtest> london_backtest(store::Store& store,
                                        const stats::ForecastOptions& options) {
  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  std::vector<std::string> boroughs;
  for (const store::StatArea& area : areas.value()) {
    if (area.code.rfind("E09", 0) == 0) boroughs.push_back(area.code);
  }
  if (boroughs.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "no London borough's EHC plans in the store: import the SEN2 caseload files");
  }
  Result<std::map<std::string, std::vector<stats::YearValue>>> series =
      plan_series(store, boroughs);
  if (!series.ok()) return series.error();
  return stats::backtest(series.value(), options, 3);
}

Result<PlansForecast> forecast_plans(store::Store& store, const std::string& area_code,
                                     const stats::Backtest& errors,
                                     const stats::ForecastOptions& options, double cost_per_plan) {
  Result<std::map<std::string, std::vector<stats::YearValue>>> series =
      plan_series(store, {area_code});
  if (!series.ok()) return series.error();
  PlansForecast forecast;
  forecast.area_code = area_code;
  forecast.history = series.value()[area_code];
  if (forecast.history.size() < 3) {
    return make_error(ErrorCode::kNotFound,
                      fmt::format("{} has {} years of EHC plan counts; a forecast needs 3",
                                  area_code, forecast.history.size()));
  }
  Result<std::vector<stats::ForecastPoint>> total =
      stats::forecast_with_band(forecast.history, errors, options);
  if (!total.ok()) return total.error();
  forecast.total = std::move(total).value();

  Result<std::vector<NeedShare>> needs = need_shares(store, area_code, forecast.needs_period);
  if (!needs.ok()) return needs.error();
  forecast.needs = std::move(needs).value();

  if (cost_per_plan > 0) {
    forecast.cost_per_plan = cost_per_plan;
    forecast.cost_basis = "set by the user";
    return forecast;
  }
  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  const AreaRegistry registry(areas.value());
  for (const std::string& code : {area_code, std::string(kEnglandCode)}) {
    const store::StatArea* area = registry.by_code(code);
    Result<std::map<std::string, std::vector<stats::YearValue>>> plans =
        code == area_code ? series : plan_series(store, {code});
    if (!plans.ok()) return plans.error();
    Result<std::optional<std::pair<double, std::string>>> cost =
        derived_cost(store, code, area != nullptr ? area->name : code, plans.value()[code]);
    if (!cost.ok()) return cost.error();
    if (cost.value()) {
      forecast.cost_per_plan = cost.value()->first;
      forecast.cost_basis = cost.value()->second;
      return forecast;
    }
  }
  forecast.cost_basis = "no high-needs block in the store: import the DSG allocations to cost it";
  return forecast;
}

}  // namespace sendplan::dfe
