// A borough's (any area's) SEND profile from the store: headline facts and figures — plans over
// time with a forecast, growth since 2015, timeliness, requests, needs mix, placement mix,
// high-needs funding, the inspection outcome — each against its statistical neighbours, London
// and England, with its source and period. The web app and `sendplan report` draw the same one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "dfe/plans_forecast.h"
#include "stats/report_html.h"
#include "store/store.h"

namespace sendplan::dfe {

struct ProfileOptions {
  double cost_per_plan = 0;  // £ a year; 0 = derived (see plans_forecast.h)
  stats::ForecastOptions forecast;
  std::string today;  // "2026-12-03" for the report's date; "" = today (UTC)
};

struct Profile {
  store::StatArea area;
  std::vector<store::StatArea> neighbours;  // closest first
  stats::ProfileReport report;
  std::optional<PlansForecast> forecast;  // none when history is too short
  std::optional<stats::Backtest> backtest;
};

// The area named by `name_or_code` (ONS code, DfE LA number or name, loosely matched).
// kNotFound, listing how to find the names, when there is none.
Result<store::StatArea> find_area(store::Store& store, const std::string& name_or_code);

// kNotFound when the area is unknown; figures whose data is not in the store are left out (the
// report's notes say which files to import for them).
Result<Profile> build_profile(store::Store& store, const std::string& name_or_code,
                              const ProfileOptions& options = {});

// The attribution every page and report carries.
extern const char* const kAttribution;

}  // namespace sendplan::dfe
