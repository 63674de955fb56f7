// The profile's builder (profile.h), shared by the files that define it: profile.cpp (the
// comparators, the compared lines, the mixes, funding, the inspection, and building a profile)
// and profile_plans.cpp (EHC plans over time, their growth and the forecast). Only those files
// include this.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "dfe/indicators.h"
#include "dfe/profile.h"
#include "stats/report_html.h"
#include "store/store.h"

namespace sendplan::dfe::detail {

using stats::ChartKind;
using stats::Figure;
using stats::KeyFact;
using stats::Point;
using stats::Series;
using stats::Unit;

// Who an area is compared with: itself, the mean of its neighbours, London, England.
struct Comparator {
  std::string name;
  std::string role;
  std::vector<std::string> codes;  // several: their mean
};

// One comparator's points: its value per year (the mean over its areas with a value, to one
// decimal place; a single area's missing value keeps its symbol).
Series series_of(const Comparator& comparator, const std::vector<AreaValue>& values);

// A headline number: money of a million or more as "£103.9m", the rest as the unit says.
std::string headline(double value, Unit unit);

class ProfileBuilder {
 public:
  ProfileBuilder(store::Store& store, Profile& profile, const ProfileOptions& options);
  Status build();

 private:
  // --- figures, facts and the compared lines (profile.cpp)
  Result<std::vector<AreaValue>> values(const char* id);
  void add(Figure figure);
  std::string area_name() const;
  std::string subtitle() const;

  // The indicator for the area and its comparators, one line each.
  Status compared_line(const char* id);

  // A headline: the area's newest value, with England's for comparison.
  void latest_fact(const Indicator& indicator, const std::vector<AreaValue>& rows);

  // --- EHC plans, their growth and the forecast (profile_plans.cpp)
  Status plans();
  std::string forecast_note() const;
  void growth_fact(const std::vector<AreaValue>& rows);
  void forecast_figures();

  // --- the mixes, funding and the inspection (profile.cpp)
  // Shares of plans by primary need in the newest January: bars per need, one per comparator.
  Status needs_mix();

  // Shares of plans by type of placement in the newest January.
  Status placement_mix();

  // The comparators' values of `measures` in SEN2 `series`, all EHC plans (no breakdown).
  Result<std::vector<store::StatValue>> all_plans_values(const char* series,
                                                         std::vector<std::string> measures);

  // Bars: for each comparator, each part's share (sum of its measures) of the total, in the
  // newest year the area has. The total is "ehcplans" or "ehc_plans".
  Status category_mix(const char* id, const char* title, const char* source,
                      const std::vector<store::StatValue>& rows,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& parts);
  Status funding();
  Status inspection();

  store::Store& store_;
  Profile& profile_;
  const ProfileOptions& options_;
  std::vector<Comparator> comparators_;
};

}  // namespace sendplan::dfe::detail
