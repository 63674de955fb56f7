#include "cli/report_command.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>

#include "cli/terminal.h"
#include "dfe/profile.h"
#include "stats/figure.h"
#include "stats/report_html.h"
#include "store/store.h"

namespace sendplan::cli {

namespace {

stats::ForecastOptions forecast_options(const ReportOptions& options) {
  stats::ForecastOptions forecast;
  forecast.fit_years = options.fit_years;
  forecast.horizon = options.horizon;
  return forecast;
}

}  // namespace

int run_report(const ReportOptions& options) {
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  dfe::ProfileOptions profile_options;
  profile_options.cost_per_plan = options.cost_per_plan;
  profile_options.forecast = forecast_options(options);
  Result<dfe::Profile> profile =
      dfe::build_profile(*store.value(), options.borough, profile_options);
  if (!profile.ok()) return report_error(profile.error());
  const std::string html = stats::render_profile_html(profile.value().report);
  std::ofstream out(options.out, std::ios::binary);
  out << html;
  out.close();
  if (!out) {
    return report_error(make_error(ErrorCode::kIo, fmt::format("cannot write {}", options.out)));
  }
  fmt::print("Wrote {}: {} figures, {} headline facts for {}.\n", options.out,
             profile.value().report.figures.size(), profile.value().report.facts.size(),
             profile.value().area.name);
  for (const std::string& note : profile.value().report.notes) {
    if (note.rfind("No data", 0) == 0 || note.rfind("No forecast", 0) == 0) {
      fmt::print("note: {}\n", note);
    }
  }
  return 0;
}

int run_forecast(const ReportOptions& options) {
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  const stats::ForecastOptions forecast = forecast_options(options);
  Result<stats::Backtest> backtest = dfe::london_backtest(*store.value(), forecast);
  if (!backtest.ok()) return report_error(backtest.error());
  fmt::print(
      "Back-test of the forecast (constant growth fitted to the last {} Januaries), every "
      "London borough, origins {} to {}:\n",
      forecast.fit_years, backtest.value().origins.front(), backtest.value().origins.back());
  fmt::print("{:>8} {:>6} {:>10} {:>10} {:>10} {:>10}\n", "horizon", "cases", "MAPE %", "bias %",
             "p10 err %", "p90 err %");
  for (const stats::HorizonError& horizon : backtest.value().horizons) {
    fmt::print("{:>8} {:>6} {:>10.1f} {:>10.1f} {:>10.1f} {:>10.1f}\n", horizon.horizon,
               horizon.cases, horizon.mape, horizon.mean_error,
               100 * (std::exp(horizon.log_error_low) - 1),
               100 * (std::exp(horizon.log_error_high) - 1));
  }
  // The same back-test for the two baselines, so the method's choice can be checked.
  fmt::print("\nMean absolute percentage error by method (same cases):\n{:<16}", "method");
  for (const stats::HorizonError& horizon : backtest.value().horizons) {
    fmt::print(" {:>8}", fmt::format("{} yr", horizon.horizon));
  }
  fmt::print("\n");
  for (stats::TrendMethod method :
       {stats::TrendMethod::kConstantGrowth, stats::TrendMethod::kStraightLine,
        stats::TrendMethod::kNoChange}) {
    stats::ForecastOptions baseline = forecast;
    baseline.method = method;
    Result<stats::Backtest> tested = dfe::london_backtest(*store.value(), baseline);
    if (!tested.ok()) return report_error(tested.error());
    fmt::print("{:<16}", stats::trend_method_name(method));
    for (const stats::HorizonError& horizon : tested.value().horizons) {
      fmt::print(" {:>7.1f}%", horizon.mape);
    }
    fmt::print("\n");
  }
  if (options.borough.empty()) return 0;
  Result<store::StatArea> area = dfe::find_area(*store.value(), options.borough);
  if (!area.ok()) return report_error(area.error());
  Result<dfe::PlansForecast> plans = dfe::forecast_plans(
      *store.value(), area.value().code, backtest.value(), forecast, options.cost_per_plan);
  if (!plans.ok()) return report_error(plans.error());
  fmt::print("\nEHC plans in January, {} (cost per plan {}: {}):\n", area.value().name,
             stats::format_value(std::round(plans.value().cost_per_plan), stats::Unit::kPounds),
             plans.value().cost_basis);
  fmt::print("{:>6} {:>10} {:>10} {:>10} {:>16}\n", "year", "forecast", "low", "high",
             "implied cost £");
  for (const stats::ForecastPoint& point : plans.value().total) {
    fmt::print("{:>6} {:>10.0f} {:>10.0f} {:>10.0f} {:>16.0f}\n", point.year, point.value,
               point.low, point.high, point.value * plans.value().cost_per_plan);
  }
  return 0;
}

}  // namespace sendplan::cli
