// The profile's EHC plans (profile.h, profile_internal.h): plans over time with the forecast
// and its band, growth since 2015 against the comparators, the headline facts, and the forecast
// by primary need and its implied high-needs cost.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "dfe/profile_internal.h"

namespace sendplan::dfe::detail {

Status ProfileBuilder::plans() {
  const Indicator& indicator = *find_indicator("ehc-plans");
  Result<std::vector<AreaValue>> rows = values("ehc-plans");
  if (!rows.ok()) return rows.error();

  // Plans over time, with the forecast and its band.
  Figure plans;
  plans.id = "plans-over-time";
  plans.title = "EHC plans in place in January, and the forecast";
  plans.subtitle = area_name();
  plans.unit = Unit::kCount;
  plans.source = indicator.source;
  plans.note = indicator.note;
  plans.series.push_back(series_of(comparators_.front(), rows.value()));
  if (profile_.forecast) {
    Series forecast{"Forecast", "forecast", {}};
    Series low{"Forecast band: 10th percentile of past errors", "low", {}};
    Series high{"90th percentile", "high", {}};
    for (const stats::ForecastPoint& point : profile_.forecast->total) {
      const std::string label = fmt::format("{}/{:02}", point.year - 1, point.year % 100);
      forecast.points.push_back({label, point.year, std::round(point.value), ""});
      low.points.push_back({label, point.year, std::round(point.low), ""});
      high.points.push_back({label, point.year, std::round(point.high), ""});
    }
    plans.series.push_back(std::move(forecast));
    plans.series.push_back(std::move(low));
    plans.series.push_back(std::move(high));
    plans.note += (plans.note.empty() ? "" : " ") + forecast_note();
  }
  growth_fact(rows.value());
  add(std::move(plans));

  // Growth since 2015 (2015 = 100) for every comparator.
  Figure growth;
  growth.id = "plans-growth";
  growth.title = "Growth in EHC plans since January 2015 (January 2015 = 100)";
  growth.subtitle = subtitle();
  growth.unit = Unit::kRate;
  growth.source = indicator.source;
  growth.note = "Each line divided by its own January 2015 figure (statements and EHC plans).";
  for (const Comparator& comparator : comparators_) {
    // Index each area on its own 2015 before averaging neighbours.
    std::vector<AreaValue> indexed;
    for (const std::string& code : comparator.codes) {
      std::optional<double> base;
      for (const AreaValue& value : rows.value()) {
        if (value.area_code == code && value.year == 2015 && value.value) base = value.value;
      }
      if (!base || *base <= 0) continue;
      for (const AreaValue& value : rows.value()) {
        if (value.area_code != code || value.year < 2015) continue;
        AreaValue index = value;
        if (index.value) index.value = 100.0 * *index.value / *base;
        indexed.push_back(std::move(index));
      }
    }
    Series series = series_of(comparator, indexed);
    for (Point& point : series.points) {
      if (point.value) point.value = std::round(*point.value * 10) / 10;
    }
    if (!series.points.empty()) growth.series.push_back(std::move(series));
  }
  add(std::move(growth));
  if (profile_.forecast) forecast_figures();
  return {};
}

std::string ProfileBuilder::forecast_note() const {
  const stats::Backtest& test = *profile_.backtest;
  std::string errors;
  for (const stats::HorizonError& horizon : test.horizons) {
    if (horizon.cases == 0) continue;
    errors +=
        fmt::format("{}{} year{} ahead {:.1f}% ({} cases)", errors.empty() ? "" : ", ",
                    horizon.horizon, horizon.horizon == 1 ? "" : "s", horizon.mape, horizon.cases);
  }
  return fmt::format(
      "Forecast: a constant growth rate fitted to the last {} Januaries; the band spans the "
      "10th to 90th percentile of the method's own errors when it was back-tested on every "
      "London borough's history (mean absolute error {}).",
      options_.forecast.fit_years, errors);
}

void ProfileBuilder::growth_fact(const std::vector<AreaValue>& rows) {
  std::optional<double> base;
  const AreaValue* latest = nullptr;
  for (const AreaValue& value : rows) {
    if (value.area_code != profile_.area.code || !value.value) continue;
    if (value.year == 2015) base = value.value;
    if (latest == nullptr || value.year > latest->year) latest = &value;
  }
  if (latest == nullptr) return;
  std::string comparison;
  if (base && *base > 0) {
    comparison =
        fmt::format("{:+.0f}% since January 2015", 100.0 * (*latest->value - *base) / *base);
  }
  profile_.report.facts.insert(profile_.report.facts.begin(),
                               {fmt::format("EHC plans in place, January {}", latest->year),
                                stats::format_value(*latest->value, Unit::kCount), comparison,
                                find_indicator("ehc-plans")->source});
}

void ProfileBuilder::forecast_figures() {
  const PlansForecast& forecast = *profile_.forecast;
  if (forecast.total.empty()) return;
  const stats::ForecastPoint& last = forecast.total.back();
  profile_.report.facts.push_back(
      {fmt::format("Forecast EHC plans, January {}", last.year),
       stats::format_value(std::round(last.value), Unit::kCount),
       fmt::format("band {} to {}", stats::format_value(std::round(last.low), Unit::kCount),
                   stats::format_value(std::round(last.high), Unit::kCount)),
       "sendplan forecast from DfE SEN2"});

  if (!forecast.needs.empty()) {
    Figure needs;
    needs.id = "forecast-by-need";
    needs.title = "Forecast EHC plans by primary need";
    needs.subtitle = area_name();
    needs.unit = Unit::kCount;
    needs.kind = ChartKind::kStackedBar;
    needs.source = "sendplan forecast from DfE SEN2";
    needs.note = fmt::format(
        "The forecast total split in the shares of each primary need in {} (DfE publishes "
        "need by area for one January only, so shares are held constant).",
        forecast.needs_period);
    for (const NeedShare& need : forecast.needs) {
      Series series{need.name, "need", {}};
      for (const stats::ForecastPoint& point : forecast.total) {
        series.points.push_back(
            {std::to_string(point.year), point.year, std::round(point.value * need.share), ""});
      }
      needs.series.push_back(std::move(series));
    }
    add(std::move(needs));
  }
  if (forecast.cost_per_plan > 0) {
    Figure cost;
    cost.id = "forecast-cost";
    cost.title = "Implied high-needs cost of the forecast plans (£ a year)";
    cost.subtitle = area_name();
    cost.unit = Unit::kPounds;
    cost.source = "sendplan forecast from DfE SEN2 and ESFA DSG allocations";
    cost.note = fmt::format("Forecast plans × {} per plan a year: {}.",
                            stats::format_value(std::round(forecast.cost_per_plan), Unit::kPounds),
                            forecast.cost_basis);
    Series central{"Implied cost", "forecast", {}};
    Series low{"Low", "low", {}};
    Series high{"High", "high", {}};
    for (const stats::ForecastPoint& point : forecast.total) {
      const std::string label = std::to_string(point.year);
      central.points.push_back(
          {label, point.year, std::round(point.value * forecast.cost_per_plan), ""});
      low.points.push_back({label, point.year, std::round(point.low * forecast.cost_per_plan), ""});
      high.points.push_back(
          {label, point.year, std::round(point.high * forecast.cost_per_plan), ""});
    }
    cost.series = {std::move(central), std::move(low), std::move(high)};
    profile_.report.facts.push_back(
        {fmt::format("Implied high-needs cost, {}", last.year),
         headline(std::round(last.value * forecast.cost_per_plan), Unit::kPounds),
         fmt::format("at {} per plan",
                     stats::format_value(std::round(forecast.cost_per_plan), Unit::kPounds)),
         "sendplan forecast"});
    add(std::move(cost));
  }
}

}  // namespace sendplan::dfe::detail
