// Log-linear trend forecasts, their back-test and the empirical band (see the header for the
// method, the quantile definition and the band rule).
#include "stats/forecast.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <iterator>
#include <set>
#include <utility>

namespace sendplan::stats {
namespace {

constexpr int kMinimumYears = 3;

Error invalid_argument(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}

Status check_fit_years(const ForecastOptions& options) {
  if (options.fit_years < kMinimumYears) {
    return invalid_argument(
        fmt::format("fit_years must be at least {}; got {}", kMinimumYears, options.fit_years));
  }
  return Status::success();
}

// The points with a positive, finite value, sorted by year; an error when a year appears twice.
Result<std::vector<YearValue>> usable_history(const std::vector<YearValue>& history) {
  std::vector<YearValue> usable;
  for (const YearValue& point : history) {
    if (std::isfinite(point.value) && point.value > 0) usable.push_back(point);
  }
  std::sort(usable.begin(), usable.end(),
            [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
  for (size_t i = 1; i < usable.size(); ++i) {
    if (usable[i].year == usable[i - 1].year) {
      return invalid_argument(fmt::format("year {} appears twice", usable[i].year));
    }
  }
  return usable;
}

// f(value) = mean + slope·(year − mean_year), fitted by least squares, with f = log for constant
// growth and f = identity for a straight line; "no change" keeps the last value (slope 0 on the
// identity, through the last point).
struct Trend {
  TrendMethod method = TrendMethod::kConstantGrowth;
  double mean_year = 0;
  double mean = 0;
  double slope = 0;

  double at(int year) const {
    const double fitted = mean + slope * (static_cast<double>(year) - mean_year);
    return method == TrendMethod::kConstantGrowth ? std::exp(fitted) : fitted;
  }
};

// Fits the last `fit_years` points of usable[0, end) (end >= 3; years are distinct, so the
// denominator is positive).
Trend fit_trend(const std::vector<YearValue>& usable, size_t end, const ForecastOptions& options) {
  assert(end >= static_cast<size_t>(kMinimumYears) && end <= usable.size());
  Trend trend;
  trend.method = options.method;
  if (options.method == TrendMethod::kNoChange) {
    trend.mean = usable[end - 1].value;
    return trend;
  }
  const auto f = [&](double value) {
    return options.method == TrendMethod::kConstantGrowth ? std::log(value) : value;
  };
  const auto fit_years = static_cast<size_t>(options.fit_years);
  const size_t begin = end > fit_years ? end - fit_years : 0;
  const double count = static_cast<double>(end - begin);
  for (size_t i = begin; i < end; ++i) {
    trend.mean_year += static_cast<double>(usable[i].year) / count;
    trend.mean += f(usable[i].value) / count;
  }
  double covariance = 0;
  double variance = 0;
  for (size_t i = begin; i < end; ++i) {
    const double dx = static_cast<double>(usable[i].year) - trend.mean_year;
    covariance += dx * (f(usable[i].value) - trend.mean);
    variance += dx * dx;
  }
  trend.slope = covariance / variance;
  return trend;
}

// The errors gathered for one horizon before they are summarised.
struct HorizonCases {
  std::vector<double> log_errors;
  double sum_absolute_percent = 0;
  double sum_signed_percent = 0;
};

HorizonError summarise(int horizon, const HorizonCases& cases, const ForecastOptions& options) {
  HorizonError error;
  error.horizon = horizon;
  error.cases = static_cast<int>(cases.log_errors.size());
  if (error.cases == 0) return error;
  const double count = static_cast<double>(error.cases);
  error.mape = cases.sum_absolute_percent / count;
  error.mean_error = cases.sum_signed_percent / count;
  error.log_error_low = empirical_quantile(cases.log_errors, options.band_low_quantile);
  error.log_error_high = empirical_quantile(cases.log_errors, options.band_high_quantile);
  return error;
}

}  // namespace

const char* trend_method_name(TrendMethod method) {
  switch (method) {
    case TrendMethod::kStraightLine:
      return "straight line";
    case TrendMethod::kNoChange:
      return "no change";
    case TrendMethod::kConstantGrowth:
      break;
  }
  return "constant growth";
}

double empirical_quantile(std::vector<double> values, double q) {
  assert(!values.empty());
  std::sort(values.begin(), values.end());
  const double position = std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size() - 1);
  const auto below = static_cast<size_t>(std::floor(position));
  if (below + 1 >= values.size()) return values.back();
  const double fraction = position - static_cast<double>(below);
  return values[below] + fraction * (values[below + 1] - values[below]);
}

Result<std::vector<YearValue>> trend_forecast(const std::vector<YearValue>& history,
                                              const ForecastOptions& options) {
  if (Status status = check_fit_years(options); !status) return status.error();
  if (options.horizon < 1) {
    return invalid_argument(fmt::format("horizon must be at least 1; got {}", options.horizon));
  }
  Result<std::vector<YearValue>> usable = usable_history(history);
  if (!usable) return usable.error();
  const std::vector<YearValue>& points = usable.value();
  if (points.size() < static_cast<size_t>(kMinimumYears)) {
    return invalid_argument(
        fmt::format("a forecast needs at least {} years with a positive value; got {}",
                    kMinimumYears, points.size()));
  }
  const Trend trend = fit_trend(points, points.size(), options);
  std::vector<YearValue> forecast;
  for (int ahead = 1; ahead <= options.horizon; ++ahead) {
    const int year = points.back().year + ahead;
    forecast.push_back({year, std::max(trend.at(year), 0.0)});
  }
  return forecast;
}

Result<Backtest> backtest(const std::map<std::string, std::vector<YearValue>>& series,
                          const ForecastOptions& options, int max_horizon) {
  if (Status status = check_fit_years(options); !status) return status.error();
  if (max_horizon < 1) {
    return invalid_argument(fmt::format("max_horizon must be at least 1; got {}", max_horizon));
  }
  if (!(0 <= options.band_low_quantile && options.band_low_quantile <= options.band_high_quantile &&
        options.band_high_quantile <= 1)) {
    return invalid_argument("band quantiles must satisfy 0 <= low <= high <= 1");
  }
  std::vector<HorizonCases> by_horizon(static_cast<size_t>(max_horizon) + 1);
  std::set<int> origins;
  for (const auto& [name, history] : series) {
    Result<std::vector<YearValue>> usable = usable_history(history);
    if (!usable) return invalid_argument(name + ": " + usable.error().message);
    const std::vector<YearValue>& points = usable.value();
    for (size_t origin = kMinimumYears - 1; origin + 1 < points.size(); ++origin) {
      const int origin_year = points[origin].year;
      const Trend trend = fit_trend(points, origin + 1, options);
      for (size_t later = origin + 1; later < points.size(); ++later) {
        const int horizon = points[later].year - origin_year;
        if (horizon > max_horizon) break;
        // A straight line can fall through zero: such a forecast counts as the smallest
        // positive one (its error is then as large as it really is, not undefined).
        const double forecast = std::max(trend.at(points[later].year), 1e-9);
        const double actual = points[later].value;
        HorizonCases& cases = by_horizon[static_cast<size_t>(horizon)];
        cases.log_errors.push_back(std::log(actual / forecast));
        cases.sum_absolute_percent += 100 * std::fabs(forecast - actual) / actual;
        cases.sum_signed_percent += 100 * (forecast - actual) / actual;
        origins.insert(origin_year);
      }
    }
  }
  if (origins.empty()) {
    return invalid_argument(
        "no back-test case: no series has 3 years followed by an actual within the horizon");
  }
  Backtest result;
  result.origins.assign(origins.begin(), origins.end());
  for (int horizon = 1; horizon <= max_horizon; ++horizon) {
    result.horizons.push_back(
        summarise(horizon, by_horizon[static_cast<size_t>(horizon)], options));
  }
  return result;
}

Result<std::vector<ForecastPoint>> forecast_with_band(const std::vector<YearValue>& history,
                                                      const Backtest& errors,
                                                      const ForecastOptions& options) {
  std::map<int, const HorizonError*> tested;
  for (const HorizonError& error : errors.horizons) {
    if (error.cases > 0 && error.horizon >= 1) tested[error.horizon] = &error;
  }
  if (tested.empty()) return invalid_argument("the back-test has no horizon with a case");
  Result<std::vector<YearValue>> points = trend_forecast(history, options);
  if (!points) return points.error();

  std::vector<ForecastPoint> banded;
  double previous_low = 0;
  double previous_high = 0;
  for (size_t k = 0; k < points.value().size(); ++k) {
    const int horizon = static_cast<int>(k) + 1;
    auto above = tested.upper_bound(horizon);
    const HorizonError& reference =
        above != tested.begin() ? *std::prev(above)->second : *above->second;
    const double scale = std::sqrt(static_cast<double>(horizon) / reference.horizon);
    const double log_low = std::min({reference.log_error_low * scale, 0.0, previous_low});
    const double log_high = std::max({reference.log_error_high * scale, 0.0, previous_high});
    previous_low = log_low;
    previous_high = log_high;
    const YearValue& point = points.value()[k];
    banded.push_back({point.year, point.value, point.value * std::exp(log_low),
                      point.value * std::exp(log_high)});
  }
  return banded;
}

}  // namespace sendplan::stats
