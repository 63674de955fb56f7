// Area SEND inspection outcomes: each area's latest inspection under the 2023 framework, and the
// share of inspected areas at each outcome, London against England.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace sendplan::dfe {

struct AreaInspection {
  std::string area_code;
  std::string area_name;
  std::string region_code;  // the LA's region as SEN2 gives it (London: E12000007 or E13...)
  std::string started;      // inspection start date (the value's period)
  std::string published;
  int outcome = 0;  // 1..3; 0 = not parsed from the report
  std::string outcome_text;
  std::string link;
};

struct OutcomeShares {
  std::string name;                  // "London", "England"
  int inspected = 0;                 // areas with an outcome
  int at_outcome[4] = {0, 0, 0, 0};  // [1..3] used
};

struct InspectionSummary {
  std::vector<AreaInspection> areas;  // every inspected area, latest inspection each
  OutcomeShares london;
  OutcomeShares england;
  int written_statements_2016 = 0;  // London areas that needed a written statement of action
  int inspected_2016 = 0;           // London areas inspected under the 2016 framework
};

bool in_london(const std::string& area_code, const std::string& region_code);

Result<InspectionSummary> inspection_summary(store::Store& store);

}  // namespace sendplan::dfe
