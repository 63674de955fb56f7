// SEN2 files in explore-education-statistics' tidy format: identifier columns (time_period,
// time_identifier, geographic_level, country/region/LA codes and names, and breakdown_topic /
// breakdown, or establishment_group / establishment_type) and one column per measure. Every
// column that is not an identifier is a measure, so a year that adds a column still loads.
// Areas: National rows → country_code, Regional → region_code, Local authority → new_la_code
// (each LA row teaches the registry its DfE number and name).
#include <fmt/format.h>

#include <set>
#include <string>

#include "core/text.h"
#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

const std::set<std::string, std::less<>> kIdentifiers = {
    "time_period",        "time_identifier",
    "geographic_level",   "country_code",
    "country_name",       "region_code",
    "region_name",        "new_la_code",
    "old_la_code",        "la_name",
    "breakdown_topic",    "breakdown",
    "establishment_type", "establishment_group"};

bool ees(const Table& table) {
  return table.has("time_period") && table.has("time_identifier") &&
         table.has("geographic_level") && table.has("country_code") && table.has("new_la_code");
}

// The first data row's time_identifier ("Academic year" / "Calendar year").
std::string first_time_identifier(const Table& table) {
  std::optional<std::size_t> column = table.index("time_identifier");
  if (!column || table.rows().empty()) return "";
  return std::string(table.cell(table.rows().front(), *column));
}

Status read_ees(FileReader& reader) {
  const Table& table = reader.table();
  std::size_t columns[10];
  const char* names[10] = {"time_period", "geographic_level", "country_code", "country_name",
                           "region_code", "region_name",      "new_la_code",  "old_la_code",
                           "la_name",     "time_identifier"};
  for (int i = 0; i < 10; ++i) {
    Result<std::size_t> at = reader.column(names[i]);
    if (!at.ok()) return at.error();
    columns[i] = at.value();
  }
  const auto [period_at, level_at, country_at, country_name_at, region_at, region_name_at,
              la_code_at, la_number_at, la_name_at, identifier_at] =
      std::tuple(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6],
                 columns[7], columns[8], columns[9]);
  (void)identifier_at;
  std::optional<std::size_t> topic_at = table.index("breakdown_topic");
  std::optional<std::size_t> breakdown_at = table.index("breakdown");
  if (!topic_at) {
    topic_at = table.index("establishment_group");
    breakdown_at = table.index("establishment_type");
  }
  std::vector<std::size_t> measures;
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    const std::string& name = table.header()[i];
    if (name.empty() || kIdentifiers.count(name) > 0) continue;
    if (table.index(name) != i) continue;  // a repeated column: the first one counts
    measures.push_back(i);
  }
  if (measures.empty()) return table.error_at_line(1, "the file has no measure columns");

  for (const csv::Record& row : table.rows()) {
    Result<std::pair<std::string, int>> period = reader.period(row, period_at);
    if (!period.ok()) return period.error();
    const std::string_view level = table.cell(row, level_at);
    store::StatArea area;
    if (level == "National") {
      area = {std::string(table.cell(row, country_at)),
              "",
              std::string(table.cell(row, country_name_at)),
              "national",
              "",
              ""};
    } else if (level == "Regional") {
      area = {std::string(table.cell(row, region_at)),
              "",
              std::string(table.cell(row, region_name_at)),
              "regional",
              "",
              ""};
    } else if (level == "Local authority") {
      area = {
          std::string(table.cell(row, la_code_at)), std::string(table.cell(row, la_number_at)),
          std::string(table.cell(row, la_name_at)), "la",
          std::string(table.cell(row, region_at)),  std::string(table.cell(row, region_name_at))};
    } else {
      return table.error_at(row, level_at,
                            fmt::format("geographic_level {} is not National, Regional or "
                                        "Local authority",
                                        quoted_excerpt(level)));
    }
    area.year = period.value().second;
    if (area.code.empty()) {
      return table.error_at_line(row.line,
                                 fmt::format("a {} row without its code", excerpt(level)));
    }
    reader.learn(area);
    const std::string topic = topic_at ? std::string(table.cell(row, *topic_at)) : "";
    const std::string breakdown = breakdown_at ? std::string(table.cell(row, *breakdown_at)) : "";
    for (std::size_t measure : measures) {
      Status added = reader.add(row, measure, table.header()[measure], area.code,
                                period.value().first, period.value().second, topic, breakdown,
                                /*text_allowed=*/true);
      if (!added.ok()) return added;
    }
  }
  return {};
}

// An EES file whose measure columns include `column`.
template <const char* column>
bool ees_with(const Table& table) {
  return ees(table) && table.has(column);
}

constexpr char kCaseload[] = "ehcplans";
constexpr char kNewPlans[] = "new_ehc_plans";
constexpr char kRequests[] = "requests_received_in_year";
constexpr char kAssessments[] = "assess_in_year";
constexpr char kTimeliness[] = "plans_issued_den";
constexpr char kReviews[] = "review_expected";
constexpr char kCeased[] = "total_ceased";
constexpr char kBudgets[] = "personal_budget";
constexpr char kResidential[] = "Res_tot";
constexpr char kWorkBased[] = "open_wbp";
constexpr char kOfficers[] = "des_med_off";
constexpr char kManagementInformation[] = "NewallEHC";
constexpr char kSpecialCaseload[] = "Total_all";

// Primary need of all plans (a January count: academic year) or of new plans (calendar year).
bool needs_all_plans(const Table& table) {
  return ees(table) && table.has("number_asd") && first_time_identifier(table) == "Academic year";
}
bool needs_new_plans(const Table& table) {
  return ees(table) && table.has("number_asd") && first_time_identifier(table) != "Academic year";
}

constexpr const char* kDfe = "Department for Education";

}  // namespace

std::vector<Layout> ees_layouts() {
  return {
      {"sen2_caseload", "EHC plans in place in January, by type of placement", kDfe,
       ees_with<kCaseload>, read_ees},
      {"sen2_new_plans", "New EHC plans in the calendar year, by type of placement", kDfe,
       ees_with<kNewPlans>, read_ees},
      {"sen2_requests", "Requests for an EHC needs assessment and their outcomes", kDfe,
       ees_with<kRequests>, read_ees},
      {"sen2_assessments", "EHC needs assessments and their outcomes", kDfe, ees_with<kAssessments>,
       read_ees},
      {"sen2_timeliness", "EHC plans issued within 20 weeks", kDfe, ees_with<kTimeliness>,
       read_ees},
      {"sen2_needs_all_plans", "EHC plans in place in January, by primary need", kDfe,
       needs_all_plans, read_ees},
      {"sen2_needs_new_plans", "New EHC plans, by primary need", kDfe, needs_new_plans, read_ees},
      {"sen2_annual_reviews", "Annual reviews of EHC plans", kDfe, ees_with<kReviews>, read_ees},
      {"sen2_ceased", "EHC plans ceased, by reason", kDfe, ees_with<kCeased>, read_ees},
      {"sen2_personal_budgets", "Personal budgets in EHC plans", kDfe, ees_with<kBudgets>,
       read_ees},
      {"sen2_residential", "EHC plans with a residential placement", kDfe, ees_with<kResidential>,
       read_ees},
      {"sen2_work_based", "Work-based placements (internships, apprenticeships)", kDfe,
       ees_with<kWorkBased>, read_ees},
      {"sen2_officers", "Designated medical, clinical and social care officers", kDfe,
       ees_with<kOfficers>, read_ees},
      {"sen2_mi_2014_2021",
       "SEN2 management information 2014 to 2021 (new plans, requests, "
       "20-week timeliness)",
       kDfe, ees_with<kManagementInformation>, read_ees},
      {"sen2_special_caseload",
       "Statements and EHC plans by type of establishment, January "
       "2010 to 2022",
       kDfe, ees_with<kSpecialCaseload>, read_ees},
  };
}

}  // namespace sendplan::dfe
