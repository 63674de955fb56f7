// The indicators the dashboard shows: each one a published measure (or a share of two) of one
// series, with its unit, its polarity and its source. `indicator_values` reads one indicator for
// some areas from the store: one value per area and period, missing values keeping DfE's symbol.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "stats/figure.h"
#include "store/store.h"

namespace sendplan::dfe {

enum class Polarity { kHigherIsBetter, kLowerIsBetter, kNeither };
// "higher", "lower", "neither".
const char* polarity_name(Polarity polarity);

// Where an indicator's numbers are: `measures` summed (a share when `per_measure` is set:
// 100 × sum / per_measure), in one series and breakdown.
struct MeasureSource {
  std::string series;
  std::vector<std::string> measures;
  std::string per_measure;  // "" = not a share
  std::optional<std::string> breakdown_topic;
  std::optional<std::string> breakdown;
};

struct Indicator {
  std::string id;     // "ehc-plans"
  std::string title;  // "EHC plans in place in January"
  stats::Unit unit = stats::Unit::kCount;
  Polarity polarity = Polarity::kNeither;
  std::string group;  // "EHC plans", "Timeliness", "Placements", "Pupils", "Finance", "Inspections"
  std::string source;  // "DfE, Education, health and care plans (SEN2)"
  MeasureSource primary;
  // Years the primary source lacks come from here (e.g. plans before 2019 from the 2010-2022
  // series); empty series = none.
  MeasureSource earlier;
  std::string note;  // caveat shown with the figure, may be ""
};

// Every indicator, in the order the dashboard lists them.
const std::vector<Indicator>& indicators();
// nullptr when there is none with that id.
const Indicator* find_indicator(const std::string& id);

struct AreaValue {
  std::string area_code;
  std::string period;  // as published, e.g. "2024/25"
  int year = 0;
  std::optional<double> value;
  std::string symbol;           // DfE's symbol when missing
  bool earlier_source = false;  // came from the indicator's `earlier` source
};

// Values of `indicator` for `area_codes` (empty = every area), sorted by area then year.
Result<std::vector<AreaValue>> indicator_values(store::Store& store, const Indicator& indicator,
                                                const std::vector<std::string>& area_codes = {});

// The newest value of each area (by year, then period text).
std::vector<AreaValue> latest_per_area(const std::vector<AreaValue>& values);

}  // namespace sendplan::dfe
