// Forecasts of a yearly count (EHC plans in place in January) with an uncertainty band, and the
// back-test that measures the method's error on history.
//
// Method (documented in docs/guide/dashboard.md, "Forecasts"): by default a log-linear trend (constant growth
// rate; see TrendMethod for the baselines) fitted by least squares to the last `fit_years`
// observed years (fewer when history is shorter; at least
// 3), projected `horizon` years ahead. The band at horizon h is the point forecast scaled by the
// empirical 10th and 90th percentiles of the back-test's log errors at horizon h (pooled over
// every area and origin year given), so it is as wide as the method's real past errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace sendplan::stats {

struct YearValue {
  int year = 0;
  double value = 0;
};

// The trend method. The dashboard forecasts with kConstantGrowth; the other two are the
// baselines its back-test is compared with (`sendplan forecast` prints all three).
enum class TrendMethod {
  kConstantGrowth,  // log-linear least squares: a constant growth rate
  kStraightLine,    // linear least squares: a constant yearly increase
  kNoChange,        // the last observed value carried forward
};
// "constant growth", "straight line", "no change".
const char* trend_method_name(TrendMethod method);

struct ForecastOptions {
  TrendMethod method = TrendMethod::kConstantGrowth;
  int fit_years = 5;
  int horizon = 5;
  double band_low_quantile = 0.10;
  double band_high_quantile = 0.90;
};

struct ForecastPoint {
  int year = 0;
  double value = 0;  // point forecast
  double low = 0;    // band
  double high = 0;
};

// The error of the method at one horizon, over every (area, origin) pair that had the actual.
// With F the forecast and A the actual: MAPE = mean of 100·|F − A| / A; mean_error = mean of
// 100·(F − A) / A (positive: the method over-forecast); log errors are log(A / F). All fields
// but `horizon` are 0 when the horizon had no case.
struct HorizonError {
  int horizon = 0;            // years ahead
  int cases = 0;              // forecasts compared
  double mape = 0;            // mean absolute percentage error, in percent
  double mean_error = 0;      // mean signed percentage error (bias), in percent
  double log_error_low = 0;   // quantile `band_low_quantile` of log(actual / forecast)
  double log_error_high = 0;  // quantile `band_high_quantile` of log(actual / forecast)
};

struct Backtest {
  std::vector<int> origins;            // the last fitted years used, e.g. 2019..2022
  std::vector<HorizonError> horizons;  // 1..max_horizon
};

// The q-quantile (0 <= q <= 1) of `values` by linear interpolation between order statistics
// (Hyndman and Fan's type 7, the default of R and NumPy): with x(0) <= ... <= x(n-1) sorted and
// p = q·(n − 1), the answer is x(floor p) + (p − floor p)·(x(floor p + 1) − x(floor p)).
// `values` must not be empty.
double empirical_quantile(std::vector<double> values, double q);

// Point forecasts for `history` (sorted or not; years may have gaps, non-positive and non-finite
// values are ignored), for the `options.horizon` calendar years after the last usable year. The
// fit uses the last `fit_years` usable observations, whatever years they fall in.
// kInvalidArgument when fewer than 3 usable years, when a year appears twice, or when
// fit_years < 3 or horizon < 1.
Result<std::vector<YearValue>> trend_forecast(const std::vector<YearValue>& history,
                                              const ForecastOptions& options);

// Back-tests the method: for every series and every origin year Y from which at least 3 years
// up to Y exist and at least one actual in Y+1..Y+max_horizon exists, fit on years <= Y and
// compare with the actuals. Origins are the series' own usable years (an unobserved year would
// repeat the fit of the year before it). The log-error quantiles use `band_low_quantile` and
// `band_high_quantile` of `options`. kInvalidArgument when there is no case at all, when
// max_horizon < 1, when the quantiles are not 0 <= low <= high <= 1, or when a series has a year
// twice.
Result<Backtest> backtest(const std::map<std::string, std::vector<YearValue>>& series,
                          const ForecastOptions& options, int max_horizon = 3);

// Forecast with a band from `errors` (a back-test's horizons; horizons beyond the back-test's
// reuse its longest horizon's quantiles widened by sqrt(h / h_max)).
//
// Band rule at horizon h, in log terms around the point forecast F:
//  1. take the quantiles (lo, hi) of horizon h if it had cases; otherwise of the nearest
//     horizon r below h with cases (or, if none below, the nearest above), scaled by
//     sqrt(h / r);
//  2. clamp so the band holds the forecast: lo = min(lo, 0), hi = max(hi, 0);
//  3. never narrower than at h − 1: lo = min(lo, lo(h−1)), hi = max(hi, hi(h−1));
//  low = F·exp(lo), high = F·exp(hi).
// The quantiles are those stored in `errors` (the back-test's options chose them); the band
// quantiles of `options` are not reused here. kInvalidArgument when `errors` has no horizon with
// a case, or as trend_forecast.
Result<std::vector<ForecastPoint>> forecast_with_band(const std::vector<YearValue>& history,
                                                      const Backtest& errors,
                                                      const ForecastOptions& options);

}  // namespace sendplan::stats
