// Tests for the log-linear trend forecast, its back-test and the empirical band: exact series
// forecast exactly, small hand-computed back-tests, the quantile definition and the band rule.
#include "stats/forecast.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sendplan::stats {
namespace {

// value = start·growth^(year − first_year) for each year given.
std::vector<YearValue> geometric(const std::vector<int>& years, double start, double growth) {
  std::vector<YearValue> series;
  for (int year : years) series.push_back({year, start * std::pow(growth, year - years.front())});
  return series;
}

std::vector<int> years_between(int first, int last) {
  std::vector<int> years;
  for (int year = first; year <= last; ++year) years.push_back(year);
  return years;
}

void expect_relative_near(double actual, double expected, double tolerance) {
  EXPECT_NEAR(actual / expected, 1.0, tolerance) << actual << " vs " << expected;
}

TEST(TrendForecast, GeometricSeriesIsForecastExactly) {
  ForecastOptions options;
  options.horizon = 3;
  const auto forecast = trend_forecast(geometric(years_between(2015, 2024), 100, 1.1), options);
  ASSERT_TRUE(forecast.ok()) << forecast.error().message;
  ASSERT_EQ(forecast.value().size(), 3u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(forecast.value()[k].year, 2025 + k);
    expect_relative_near(forecast.value()[k].value, 100 * std::pow(1.1, 10 + k), 1e-9);
  }
}

TEST(TrendForecast, FitsOnlyTheLastFitYears) {
  // Flat at 100 for 2010..2016, then doubling every year: only the doubling is fitted.
  std::vector<YearValue> history;
  for (int year = 2010; year <= 2016; ++year) history.push_back({year, 100});
  for (int year = 2017; year <= 2021; ++year)
    history.push_back({year, 100 * std::pow(2, year - 2016)});
  ForecastOptions options;
  options.fit_years = 5;
  options.horizon = 1;
  const auto forecast = trend_forecast(history, options);
  ASSERT_TRUE(forecast.ok());
  expect_relative_near(forecast.value()[0].value, 6400, 1e-9);

  options.fit_years = 12;  // now the flat years pull the growth down
  const auto longer = trend_forecast(history, options);
  ASSERT_TRUE(longer.ok());
  EXPECT_LT(longer.value()[0].value, 6000);
}

TEST(TrendForecast, FewerThanThreeUsableYearsIsInvalidArgument) {
  const auto two = trend_forecast({{2020, 10}, {2021, 11}}, {});
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().code, ErrorCode::kInvalidArgument);
  // Three years, but one is not positive.
  const auto zero = trend_forecast({{2020, 10}, {2021, 0}, {2022, 12}}, {});
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  const auto none = trend_forecast({}, {});
  EXPECT_FALSE(none.ok());
}

TEST(TrendForecast, NonPositiveAndNonFiniteValuesAreIgnored) {
  std::vector<YearValue> history = geometric(years_between(2015, 2020), 50, 1.2);
  history.insert(history.begin() + 2, {2014, -3});
  history.push_back({2021, 0});
  history.push_back({2022, std::nan("")});
  ForecastOptions options;
  options.horizon = 2;
  const auto forecast = trend_forecast(history, options);
  ASSERT_TRUE(forecast.ok());
  // The last usable year is 2020, so the forecast starts in 2021.
  EXPECT_EQ(forecast.value()[0].year, 2021);
  expect_relative_near(forecast.value()[0].value, 50 * std::pow(1.2, 6), 1e-9);
  expect_relative_near(forecast.value()[1].value, 50 * std::pow(1.2, 7), 1e-9);
}

TEST(TrendForecast, GapsInYearsAndUnsortedInputAreHandled) {
  // 2017 is missing; the fit uses the real years, so growth stays exact.
  std::vector<YearValue> history = geometric({2015, 2016, 2017, 2018, 2019}, 100, 1.05);
  history.erase(history.begin() + 2);
  std::swap(history[0], history[3]);
  ForecastOptions options;
  options.horizon = 1;
  const auto forecast = trend_forecast(history, options);
  ASSERT_TRUE(forecast.ok());
  EXPECT_EQ(forecast.value()[0].year, 2020);
  expect_relative_near(forecast.value()[0].value, 100 * std::pow(1.05, 5), 1e-9);
}

TEST(TrendForecast, RejectsDuplicateYearsAndBadOptions) {
  EXPECT_FALSE(trend_forecast({{2020, 1}, {2021, 2}, {2021, 3}, {2022, 4}}, {}).ok());
  const std::vector<YearValue> history = geometric(years_between(2015, 2020), 10, 1.1);
  ForecastOptions options;
  options.fit_years = 2;
  EXPECT_EQ(trend_forecast(history, options).error().code, ErrorCode::kInvalidArgument);
  options = {};
  options.horizon = 0;
  EXPECT_EQ(trend_forecast(history, options).error().code, ErrorCode::kInvalidArgument);
}

TEST(EmpiricalQuantile, InterpolatesLinearlyBetweenOrderStatistics) {
  // Sorted: 1 2 3 4; p = q·3.
  const std::vector<double> values = {4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(empirical_quantile(values, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(empirical_quantile(values, 0.1), 1.3);  // p = 0.3
  EXPECT_DOUBLE_EQ(empirical_quantile(values, 0.5), 2.5);  // p = 1.5
  EXPECT_DOUBLE_EQ(empirical_quantile(values, 0.9), 3.7);  // p = 2.7
  EXPECT_DOUBLE_EQ(empirical_quantile(values, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(empirical_quantile({7}, 0.1), 7.0);
  EXPECT_DOUBLE_EQ(empirical_quantile({-1, 1}, 0.25), -0.5);
}

TEST(Backtest, CountsCasesPerHorizonAndOrigins) {
  // Six years: origins 2017, 2018 and 2019 (3 years up to each, an actual after);
  // horizon 1: 3 cases, horizon 2: 2, horizon 3: 1 per series.
  std::map<std::string, std::vector<YearValue>> series;
  series["A"] = geometric(years_between(2015, 2020), 100, 1.1);
  series["B"] = geometric(years_between(2015, 2020), 300, 1.03);
  // C has a gap (2019 missing): origins 2017 (2018 at h1, 2020 at h3) and 2018 (2020 at h2).
  series["C"] = geometric({2015, 2016, 2017, 2018, 2020}, 40, 1.2);
  const auto result = backtest(series, {}, 3);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result.value().origins, (std::vector<int>{2017, 2018, 2019}));
  ASSERT_EQ(result.value().horizons.size(), 3u);
  EXPECT_EQ(result.value().horizons[0].horizon, 1);
  EXPECT_EQ(result.value().horizons[0].cases, 3 + 3 + 1);
  EXPECT_EQ(result.value().horizons[1].cases, 2 + 2 + 1);
  EXPECT_EQ(result.value().horizons[2].cases, 1 + 1 + 1);
  // Constant growth is forecast exactly, so every error is (almost) zero.
  for (const HorizonError& error : result.value().horizons) {
    EXPECT_NEAR(error.mape, 0, 1e-9);
    EXPECT_NEAR(error.log_error_high, 0, 1e-9);
  }
}

TEST(Backtest, TinyCaseMatchesHandComputation) {
  // A: fitted on 100, 110, 121 -> 133.1 for 2018; actual 150 (growth changed).
  // B: fitted on 200, 220, 242 -> 266.2 for 2018; actual 242 (growth stopped).
  std::map<std::string, std::vector<YearValue>> series;
  series["A"] = {{2015, 100}, {2016, 110}, {2017, 121}, {2018, 150}};
  series["B"] = {{2015, 200}, {2016, 220}, {2017, 242}, {2018, 242}};
  const auto result = backtest(series, {}, 1);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().origins, std::vector<int>{2017});
  ASSERT_EQ(result.value().horizons.size(), 1u);
  const HorizonError& error = result.value().horizons[0];
  EXPECT_EQ(error.cases, 2);
  const double percent_a = 100 * (133.1 - 150) / 150;  // -11.27 % (under-forecast)
  const double percent_b = 100 * (266.2 - 242) / 242;  // +10 % (over-forecast)
  EXPECT_NEAR(error.mape, (std::fabs(percent_a) + std::fabs(percent_b)) / 2, 1e-9);
  EXPECT_NEAR(error.mean_error, (percent_a + percent_b) / 2, 1e-9);
  const double log_b = std::log(242 / 266.2);  // the lower of the two log errors
  const double log_a = std::log(150 / 133.1);
  EXPECT_NEAR(error.log_error_low, log_b + 0.1 * (log_a - log_b), 1e-12);
  EXPECT_NEAR(error.log_error_high, log_b + 0.9 * (log_a - log_b), 1e-12);
}

TEST(Backtest, HorizonWithoutCasesIsZeroAndNoCaseIsAnError) {
  std::map<std::string, std::vector<YearValue>> series;
  series["A"] = {{2015, 100}, {2016, 110}, {2017, 121}, {2018, 150}};
  const auto result = backtest(series, {}, 2);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().horizons[1].cases, 0);
  EXPECT_EQ(result.value().horizons[1].mape, 0);

  series["A"].pop_back();  // three years and nothing after: no case
  const auto none = backtest(series, {}, 3);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(backtest({}, {}, 3).ok());
  series["A"].push_back({2018, 150});
  EXPECT_FALSE(backtest(series, {}, 0).ok());
}

Backtest two_horizons(double low1, double high1, double low2, double high2) {
  Backtest errors;
  errors.origins = {2018, 2019};
  errors.horizons.push_back({1, 10, 5, 0, low1, high1});
  errors.horizons.push_back({2, 8, 9, 0, low2, high2});
  return errors;
}

TEST(ForecastWithBand, UsesTheQuantilesAndWidensBeyondTheBacktest) {
  const std::vector<YearValue> history = geometric(years_between(2015, 2024), 100, 1.1);
  ForecastOptions options;
  options.horizon = 4;
  const auto banded = forecast_with_band(history, two_horizons(-0.05, 0.1, -0.1, 0.2), options);
  ASSERT_TRUE(banded.ok()) << banded.error().message;
  ASSERT_EQ(banded.value().size(), 4u);
  const double expected_low[] = {-0.05, -0.1, -0.1 * std::sqrt(1.5), -0.1 * std::sqrt(2.0)};
  const double expected_high[] = {0.1, 0.2, 0.2 * std::sqrt(1.5), 0.2 * std::sqrt(2.0)};
  for (size_t k = 0; k < 4; ++k) {
    const ForecastPoint& point = banded.value()[k];
    EXPECT_EQ(point.year, 2025 + static_cast<int>(k));
    expect_relative_near(point.value, 100 * std::pow(1.1, 10 + static_cast<double>(k)), 1e-9);
    EXPECT_NEAR(std::log(point.low / point.value), expected_low[k], 1e-12);
    EXPECT_NEAR(std::log(point.high / point.value), expected_high[k], 1e-12);
    EXPECT_LE(point.low, point.value);
    EXPECT_GE(point.high, point.value);
    if (k > 0) {
      const ForecastPoint& before = banded.value()[k - 1];
      EXPECT_GT(point.high / point.value, before.high / before.value);
      EXPECT_LT(point.low / point.value, before.low / before.value);
    }
  }
}

TEST(ForecastWithBand, BandAlwaysHoldsTheForecastAndNeverNarrows) {
  const std::vector<YearValue> history = geometric(years_between(2015, 2024), 100, 1.1);
  ForecastOptions options;
  options.horizon = 2;
  // Horizon 1: every past error positive; horizon 2 narrower than horizon 1.
  const auto banded = forecast_with_band(history, two_horizons(0.05, 0.3, -0.01, 0.1), options);
  ASSERT_TRUE(banded.ok());
  const ForecastPoint& first = banded.value()[0];
  EXPECT_DOUBLE_EQ(first.low, first.value);  // clamped to the forecast
  EXPECT_NEAR(std::log(first.high / first.value), 0.3, 1e-12);
  const ForecastPoint& second = banded.value()[1];
  EXPECT_NEAR(std::log(second.low / second.value), -0.01, 1e-12);
  EXPECT_NEAR(std::log(second.high / second.value), 0.3, 1e-12);  // kept from horizon 1
}

TEST(ForecastWithBand, NeedsABacktestWithCases) {
  const std::vector<YearValue> history = geometric(years_between(2015, 2024), 100, 1.1);
  Backtest empty;
  EXPECT_EQ(forecast_with_band(history, empty, {}).error().code, ErrorCode::kInvalidArgument);
  empty.horizons.push_back({1, 0, 0, 0, 0, 0});
  EXPECT_FALSE(forecast_with_band(history, empty, {}).ok());
  EXPECT_FALSE(forecast_with_band({{2024, 5}}, two_horizons(-0.1, 0.1, -0.2, 0.2), {}).ok());
}

TEST(ForecastWithBand, EndToEndFromABacktest) {
  // Areas whose growth changes part-way give real errors; the band must hold the forecast.
  std::map<std::string, std::vector<YearValue>> series;
  for (int area = 0; area < 6; ++area) {
    std::vector<YearValue> history;
    double value = 100 + 50 * area;
    for (int year = 2012; year <= 2024; ++year) {
      history.push_back({year, value});
      value *= (year < 2018 ? 1.03 : 1.08) + 0.01 * ((year + area) % 3 - 1);
    }
    series["area " + std::to_string(area)] = history;
  }
  const auto errors = backtest(series, {}, 3);
  ASSERT_TRUE(errors.ok());
  for (const HorizonError& error : errors.value().horizons) {
    EXPECT_GT(error.cases, 0);
    EXPECT_GT(error.mape, 0);
    EXPECT_LE(error.log_error_low, error.log_error_high);
  }
  EXPECT_GT(errors.value().horizons[2].mape, errors.value().horizons[0].mape);
  const auto banded = forecast_with_band(series["area 0"], errors.value(), {});
  ASSERT_TRUE(banded.ok());
  ASSERT_EQ(banded.value().size(), 5u);
  for (size_t k = 0; k < banded.value().size(); ++k) {
    const ForecastPoint& point = banded.value()[k];
    EXPECT_LE(point.low, point.value);
    EXPECT_GE(point.high, point.value);
    if (k > 0) {
      EXPECT_GE(point.high - point.low, banded.value()[k - 1].high - banded.value()[k - 1].low);
    }
  }
}

}  // namespace
}  // namespace sendplan::stats
