// Forecasts of EHC plans in place for an area: the total by the back-tested trend method of
// stats/forecast.h (its band from the method's errors on London boroughs' own history), split by
// primary need in the shares of the latest January, and the implied high-needs cost at a cost
// per plan the user sets (by default the area's high-needs block divided by its plans).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "stats/forecast.h"
#include "store/store.h"

namespace sendplan::dfe {

// The back-test over every London borough's plans series (2010 onwards): how wrong the method
// was 1, 2 and 3 years ahead. kInvalidArgument when the store has too little history.
Result<stats::Backtest> london_backtest(store::Store& store,
                                        const stats::ForecastOptions& options = {});

struct NeedShare {
  std::string code;
  std::string name;
  double share = 0;  // 0..1 of plans with a recorded count
};

struct PlansForecast {
  std::string area_code;
  std::vector<stats::YearValue> history;    // plans in January, by year
  std::vector<stats::ForecastPoint> total;  // the forecast years
  std::vector<NeedShare> needs;             // empty when the store has no need counts
  std::string needs_period;                 // e.g. "2024/25"
  double cost_per_plan = 0;                 // £ a year
  std::string cost_basis;                   // how cost_per_plan was chosen
};

// kNotFound when the area has fewer than 3 years of plans. `cost_per_plan` 0 = derive it: the
// area's newest high-needs block allocation divided by its plans in the January of that
// financial year (e.g. 2023-24 block ÷ January 2024 plans), else England's.
Result<PlansForecast> forecast_plans(store::Store& store, const std::string& area_code,
                                     const stats::Backtest& errors,
                                     const stats::ForecastOptions& options,
                                     double cost_per_plan = 0);

}  // namespace sendplan::dfe
