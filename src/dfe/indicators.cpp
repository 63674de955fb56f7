#include "dfe/indicators.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace sendplan::dfe {

namespace {

using stats::Unit;

constexpr const char* kSen2 = "DfE, Education, health and care plans (SEN2)";
constexpr const char* kCensus = "DfE, Special educational needs in England (school census)";

MeasureSource sen2(const char* series, std::vector<std::string> measures, const char* breakdown,
                   const char* per = "") {
  return {series, std::move(measures), per, breakdown, breakdown};
}

std::vector<Indicator> make_indicators() {
  const MeasureSource no_earlier;
  return {
      {"ehc-plans",
       "EHC plans in place in January",
       Unit::kCount,
       Polarity::kNeither,
       "EHC plans",
       kSen2,
       sen2("sen2_caseload", {"ehcplans"}, "All EHC plans"),
       {"sen2_special_caseload", {"Total_all"}, "", "Total", "Total"},
       "Before January 2019: statements and EHC plans, from DfE's 2010-2022 series."},
      {"requests",
       "Requests for an EHC needs assessment",
       Unit::kCount,
       Polarity::kNeither,
       "EHC plans",
       kSen2,
       sen2("sen2_requests", {"requests_received_in_year"},
            "All requests for EHC needs assessments"),
       {"sen2_mi_2014_2021", {"InreqEHC"}, "", std::nullopt, std::nullopt},
       ""},
      {"new-plans",
       "New EHC plans in the calendar year",
       Unit::kCount,
       Polarity::kNeither,
       "EHC plans",
       kSen2,
       sen2("sen2_new_plans", {"new_ehc_plans"}, "New EHC plans"),
       {"sen2_mi_2014_2021", {"NewallEHC"}, "", std::nullopt, std::nullopt},
       ""},
      {"timeliness-20-weeks",
       "New EHC plans issued within 20 weeks (including exceptions)",
       Unit::kPercent,
       Polarity::kHigherIsBetter,
       "Timeliness",
       kSen2,
       sen2("sen2_timeliness", {"pc_plans_issued_within_20_weeks"}, "All EHC plans issued"),
       {"sen2_mi_2014_2021", {"IncExc20weekRate"}, "", std::nullopt, std::nullopt},
       ""},
      {"timeliness-20-weeks-excluding-exceptions",
       "New EHC plans issued within 20 weeks (excluding exceptions)",
       Unit::kPercent,
       Polarity::kHigherIsBetter,
       "Timeliness",
       kSen2,
       sen2("sen2_timeliness", {"PC_plans_issued_20_weeks_ex"}, "All EHC plans issued"),
       {"sen2_mi_2014_2021", {"NoExc20weekRate"}, "", std::nullopt, std::nullopt},
       ""},
      {"placed-mainstream", "EHC plans in mainstream schools (%)", Unit::kPercent,
       Polarity::kNeither, "Placements", kSen2,
       sen2("sen2_caseload", {"mainstream_total_pc"}, "All EHC plans"), no_earlier, ""},
      {"placed-special", "EHC plans in special schools (%)", Unit::kPercent, Polarity::kNeither,
       "Placements", kSen2, sen2("sen2_caseload", {"special_total_pc"}, "All EHC plans"),
       no_earlier, ""},
      {"placed-independent-special",
       "EHC plans in independent or non-maintained special schools (%)", Unit::kPercent,
       Polarity::kLowerIsBetter, "Placements", kSen2,
       sen2("sen2_caseload", {"special_independent", "special_non_maintained"}, "All EHC plans",
            "ehcplans"),
       no_earlier, "Share of all EHC plans; computed from DfE's counts."},
      {"pupils-ehc-plan",
       "Pupils with an EHC plan, all schools (%)",
       Unit::kPercent,
       Polarity::kNeither,
       "Pupils",
       kCensus,
       {"census_sen_all_schools", {"% of pupils"}, "", "SEN provision", "EHC plan"},
       no_earlier,
       ""},
      {"pupils-sen-support",
       "Pupils on SEN support, all schools (%)",
       Unit::kPercent,
       Polarity::kNeither,
       "Pupils",
       kCensus,
       {"census_sen_all_schools", {"% of pupils"}, "", "SEN provision", "SEN support"},
       no_earlier,
       ""},
      {"appeal-rate",
       "Appeals to the SEND Tribunal (% of appealable decisions)",
       Unit::kPercent,
       Polarity::kLowerIsBetter,
       "EHC plans",
       "MoJ and DfE, via DfE's Local Authority Interactive Tool",
       {"lait_indicators", {"SEN_AppealableDec"}, "", std::nullopt, std::nullopt},
       no_earlier,
       ""},
      {"high-needs-block",
       "High-needs block of the dedicated schools grant (£, before deductions)",
       Unit::kPounds,
       Polarity::kNeither,
       "Finance",
       "ESFA, Dedicated schools grant allocations",
       {"dsg_allocations", {"high_needs_block_gross"}, "", std::nullopt, std::nullopt},
       no_earlier,
       ""},
      {"dsg-balance",
       "DSG cumulative balance (% of DSG income; negative = deficit)",
       Unit::kPercent,
       Polarity::kHigherIsBetter,
       "Finance",
       "DfE, DSG deficit analysis (section 251 outturn)",
       {"dsg_cumulative_balance",
        {"dsg_cumulative_balance_pct_of_total_income"},
        "",
        std::nullopt,
        std::nullopt},
       no_earlier,
       ""},
      {"high-needs-spend-per-head",
       "High-needs placement spend per head aged 2-18 (£)",
       Unit::kPounds,
       Polarity::kNeither,
       "Finance",
       "DfE, section 251 outturn",
       {"high_needs_spend_per_head", {"Spend per head"}, "", "category", "Total"},
       no_earlier,
       ""},
      {"high-needs-spend-per-head-independent",
       "High-needs spend per head aged 2-18 in independent or non-maintained settings (£)",
       Unit::kPounds,
       Polarity::kNeither,
       "Finance",
       "DfE, section 251 outturn",
       {"high_needs_spend_per_head",
        {"Spend per head"},
        "",
        "category",
        "Independent or non-maintained"},
       no_earlier,
       ""},
      {"area-send-outcome",
       "Area SEND inspection outcome (2023 framework; 1 best, 3 worst)",
       Unit::kRate,
       Polarity::kLowerIsBetter,
       "Inspections",
       "Ofsted and CQC area SEND inspection reports (community scrape; verify before "
       "high-stakes use)",
       {"area_send_2023", {"outcome_grade"}, "", std::nullopt, std::nullopt},
       no_earlier,
       "Period is the inspection's start date."},
  };
}

using Key = std::tuple<std::string, int, std::string>;  // area, year, period

// The values of one source, keyed by (area, year, period).
Result<std::map<Key, AreaValue>> source_values(store::Store& store, const MeasureSource& source,
                                               const std::vector<std::string>& area_codes) {
  std::map<Key, AreaValue> values;
  if (source.series.empty()) return values;
  store::StatQuery query;
  query.series = source.series;
  query.measures = source.measures;
  if (!source.per_measure.empty()) query.measures.push_back(source.per_measure);
  query.area_codes = area_codes;
  query.breakdown_topic = source.breakdown_topic;
  query.breakdown = source.breakdown;
  Result<std::vector<store::StatValue>> rows = store.query_stat_values(query);
  if (!rows.ok()) return rows.error();

  struct Parts {
    double sum = 0;
    int found = 0;
    std::optional<double> per;
    std::string symbol;
    std::string period;
    int year = 0;
  };
  std::map<Key, Parts> parts;
  for (const store::StatValue& row : rows.value()) {
    Parts& part = parts[{row.area_code, row.year, row.period}];
    part.period = row.period;
    part.year = row.year;
    if (!row.value) {
      if (part.symbol.empty()) part.symbol = row.text.empty() ? "" : row.text;
      continue;
    }
    if (row.measure == source.per_measure) {
      part.per = row.value;
    } else {
      part.sum += *row.value;
      ++part.found;
    }
  }
  const int wanted = static_cast<int>(source.measures.size());
  for (const auto& [key, part] : parts) {
    AreaValue value;
    value.area_code = std::get<0>(key);
    value.period = part.period;
    value.year = part.year;
    const bool complete = part.found == wanted && (source.per_measure.empty() || part.per);
    if (complete && source.per_measure.empty()) {
      value.value = part.sum;
    } else if (complete && *part.per > 0) {
      // Shares DfE does not publish are computed, then rounded as DfE rounds its own (0.1).
      value.value = std::round(1000.0 * part.sum / *part.per) / 10;
    } else {
      value.symbol = part.symbol.empty() ? "x" : part.symbol;
    }
    values.emplace(key, std::move(value));
  }
  return values;
}

}  // namespace

const char* polarity_name(Polarity polarity) {
  switch (polarity) {
    case Polarity::kHigherIsBetter:
      return "higher";
    case Polarity::kLowerIsBetter:
      return "lower";
    case Polarity::kNeither:
      break;
  }
  return "neither";
}

const std::vector<Indicator>& indicators() {
  static const std::vector<Indicator> list = make_indicators();
  return list;
}

const Indicator* find_indicator(const std::string& id) {
  for (const Indicator& indicator : indicators()) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

Result<std::vector<AreaValue>> indicator_values(store::Store& store, const Indicator& indicator,
                                                const std::vector<std::string>& area_codes) {
  Result<std::map<Key, AreaValue>> primary = source_values(store, indicator.primary, area_codes);
  if (!primary.ok()) return primary.error();
  Result<std::map<Key, AreaValue>> earlier = source_values(store, indicator.earlier, area_codes);
  if (!earlier.ok()) return earlier.error();

  // The earlier source fills only the years before the primary source's first for that area.
  std::map<std::string, int> first_year;
  for (const auto& [key, value] : primary.value()) {
    auto [it, inserted] = first_year.emplace(value.area_code, value.year);
    if (!inserted) it->second = std::min(it->second, value.year);
  }
  std::vector<AreaValue> values;
  for (auto& [key, value] : earlier.value()) {
    auto first = first_year.find(value.area_code);
    if (first != first_year.end() && value.year >= first->second) continue;
    value.earlier_source = true;
    values.push_back(std::move(value));
  }
  for (auto& [key, value] : primary.value()) values.push_back(std::move(value));
  std::sort(values.begin(), values.end(), [](const AreaValue& a, const AreaValue& b) {
    return std::tie(a.area_code, a.year, a.period) < std::tie(b.area_code, b.year, b.period);
  });
  return values;
}

std::vector<AreaValue> latest_per_area(const std::vector<AreaValue>& values) {
  std::map<std::string, const AreaValue*> latest;
  for (const AreaValue& value : values) {
    const AreaValue*& best = latest[value.area_code];
    if (best == nullptr ||
        std::tie(value.year, value.period) > std::tie(best->year, best->period)) {
      best = &value;
    }
  }
  std::vector<AreaValue> list;
  for (const auto& [code, value] : latest) list.push_back(*value);
  return list;
}

}  // namespace sendplan::dfe
