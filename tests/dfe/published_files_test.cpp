// The real published files of ../shared/data, imported once (SQLite) and compared with figures
// read from the same CSVs by the tests' own reader, and with figures the publishers document.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "dfe/importer.h"
#include "dfe_test_support.h"

namespace sendplan::dfe::testing {
namespace {

constexpr const char* kCaseload = "sen2_ehcp/ehcp2025_caseload_totals_all_la.csv";
constexpr const char* kNeeds = "sen2_ehcp/ehcp2025_sen_needs_all_plans_totals_all_la.csv";
constexpr const char* kTimeliness = "sen2_ehcp/ehcp2025_timeliness_20_week_totals_all_la.csv";
constexpr const char* kSpecial =
    "sen2_ehcp/ehcp2022_caseload_by_establishment_type_special_2010_2022.csv";
constexpr const char* kNeighbours = "lait/statistical_neighbours_may_2025.csv";
constexpr const char* kLait = "lait/lait_send_finance_context_long.csv";
constexpr const char* kDsg = "high_needs_finance/dsg_allocations_by_la_2020_21_to_2023_24.csv";
constexpr const char* kOfsted = "ofsted_area_send/ofsted_area_send_inspections_2023_framework.csv";

constexpr const char* kHackney = "E09000012";

const std::set<std::string> kEesIdentifiers = {
    "time_period",  "time_identifier", "geographic_level", "country_code",
    "country_name", "region_code",     "region_name",      "new_la_code",
    "old_la_code",  "la_name",         "breakdown_topic",  "breakdown"};

// The ONS code of an EES row, by its geographic level.
std::string ees_area(const std::map<std::string, std::string>& row) {
  const std::string& level = row.at("geographic_level");
  if (level == "National") return row.at("country_code");
  if (level == "Regional") return row.at("region_code");
  return row.at("new_la_code");
}

// "202425" → "2024/25"; other periods unchanged; " (OT)" → " (outturn)".
std::string period_label(std::string text) {
  if (text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos) {
    return text.substr(0, 4) + "/" + text.substr(4);
  }
  const std::size_t outturn = text.find(" (OT)");
  if (outturn != std::string::npos) text.replace(outturn, 5, " (outturn)");
  return text;
}

class PublishedFilesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const char* path :
         {kCaseload, kNeeds, kTimeliness, kSpecial, kNeighbours, kLait, kDsg, kOfsted}) {
      if (!shared_file_exists(path)) {
        missing_ = path;
        return;
      }
    }
    Result<std::unique_ptr<ScratchStore>> opened = ScratchStore::open(Backend::kSqlite);
    if (!opened.ok()) {
      setup_error_ = opened.error().to_string();
      return;
    }
    scratch_ = std::move(opened).value().release();
    // The name-only files first: the importer must still read the SEN2 files before them.
    std::vector<FileToImport> files;
    for (const char* path :
         {kLait, kNeighbours, kDsg, kOfsted, kCaseload, kNeeds, kTimeliness, kSpecial}) {
      files.push_back(shared_file(path));
    }
    Result<ImportReport> imported = import_files(scratch_->store(), files, "published-test");
    if (!imported.ok()) {
      setup_error_ = imported.error().to_string();
      return;
    }
    report_ = new ImportReport(std::move(imported).value());
  }

  static void TearDownTestSuite() {
    delete report_;
    report_ = nullptr;
    delete scratch_;
    scratch_ = nullptr;
  }

  void SetUp() override {
    if (!missing_.empty()) GTEST_SKIP() << "no " << missing_ << " in " << SENDPLAN_SHARED_DIR;
    ASSERT_TRUE(setup_error_.empty()) << setup_error_;
    ASSERT_NE(report_, nullptr);
  }

  static store::Store& store() { return scratch_->store(); }

  static std::vector<store::StatValue> query(const std::string& series,
                                             const std::vector<std::string>& measures = {},
                                             const std::vector<std::string>& areas = {}) {
    store::StatQuery query;
    query.series = series;
    query.measures = measures;
    query.area_codes = areas;
    Result<std::vector<store::StatValue>> values = store().query_stat_values(query);
    EXPECT_TRUE(values.ok()) << values.error().to_string();
    return values.ok() ? std::move(values).value() : std::vector<store::StatValue>{};
  }

  static PlainCsv csv(const char* path) {
    return read_plain_csv(read_whole_file(std::string(SENDPLAN_SHARED_DIR) + "/data/" + path));
  }

  static inline std::string missing_;
  static inline std::string setup_error_;
  static inline ScratchStore* scratch_ = nullptr;
  static inline ImportReport* report_ = nullptr;
};

TEST_F(PublishedFilesTest, EveryFileIsRecognisedAsItsSeries) {
  const std::map<std::string, std::string> expected = {
      {"ehcp2025_caseload_totals_all_la.csv", "sen2_caseload"},
      {"ehcp2025_sen_needs_all_plans_totals_all_la.csv", "sen2_needs_all_plans"},
      {"ehcp2025_timeliness_20_week_totals_all_la.csv", "sen2_timeliness"},
      {"ehcp2022_caseload_by_establishment_type_special_2010_2022.csv", "sen2_special_caseload"},
      {"statistical_neighbours_may_2025.csv", "lait_statistical_neighbours"},
      {"lait_send_finance_context_long.csv", "lait_indicators"},
      {"dsg_allocations_by_la_2020_21_to_2023_24.csv", "dsg_allocations"},
      {"ofsted_area_send_inspections_2023_framework.csv", "area_send_2023"}};
  ASSERT_EQ(report_->outcomes.size(), expected.size());
  for (const store::StatImportOutcome& outcome : report_->outcomes) {
    ASSERT_EQ(expected.count(outcome.file_name), 1u) << outcome.file_name;
    EXPECT_EQ(outcome.series, expected.at(outcome.file_name));
    EXPECT_FALSE(outcome.already_imported);
  }
  // The SEN2 files were read first although given last.
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(report_->files[i].import.release.series.rfind("sen2_", 0), 0u)
        << report_->files[i].import.release.file_name;
  }
  Result<std::vector<store::StatRelease>> releases = store().list_stat_releases();
  ASSERT_TRUE(releases.ok());
  EXPECT_EQ(releases.value().size(), expected.size());
}

TEST_F(PublishedFilesTest, PlansInEnglandAndLondonInJanuary2025) {
  // Read independently from the CSV...
  std::map<std::string, std::string> published;
  for (const auto& row : csv(kCaseload).rows) {
    if (row.at("time_period") == "202425" && row.at("breakdown") == "All EHC plans") {
      published[ees_area(row)] = row.at("ehcplans");
    }
  }
  EXPECT_EQ(published[kEnglandCode], "638745");
  EXPECT_EQ(published[kLondonCode], "99116");
  // ...and from the store.
  const std::vector<store::StatValue> values =
      query("sen2_caseload", {"ehcplans"}, {kEnglandCode, kLondonCode});
  const store::StatValue* england =
      find_value(values, "ehcplans", kEnglandCode, "2024/25", "All EHC plans");
  const store::StatValue* london =
      find_value(values, "ehcplans", kLondonCode, "2024/25", "All EHC plans");
  ASSERT_NE(england, nullptr);
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(england->value, 638745);
  EXPECT_EQ(england->year, 2025);
  EXPECT_EQ(london->value, 99116);
  EXPECT_EQ(england->text, published[kEnglandCode]);
  EXPECT_EQ(london->text, published[kLondonCode]);
}

TEST_F(PublishedFilesTest, LondonBoroughsAddUpToLondon) {
  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok()) << areas.error().to_string();
  std::vector<std::string> boroughs;
  for (const store::StatArea& area : areas.value()) {
    if (area.level == "la" && area.region_code == kLondonCode) boroughs.push_back(area.code);
  }
  EXPECT_EQ(boroughs.size(), 33u);  // 32 boroughs and the City of London
  const std::vector<store::StatValue> values = query("sen2_caseload", {"ehcplans"}, boroughs);
  double sum = 0;
  int counted = 0;
  for (const store::StatValue& value : values) {
    if (value.period != "2024/25" || value.breakdown != "All EHC plans") continue;
    ASSERT_TRUE(value.value.has_value()) << value.area_code << " '" << value.text << "'";
    sum += *value.value;
    ++counted;
  }
  EXPECT_EQ(counted, 33);
  const std::vector<store::StatValue> london = query("sen2_caseload", {"ehcplans"}, {kLondonCode});
  const store::StatValue* total =
      find_value(london, "ehcplans", kLondonCode, "2024/25", "All EHC plans");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(sum, total->value);
  EXPECT_EQ(sum, 99116);
}

TEST_F(PublishedFilesTest, EveryCaseloadCellIsStoredAndEveryXIsMissing) {
  const PlainCsv file = csv(kCaseload);
  std::size_t cells = 0;
  std::size_t x_cells = 0;
  for (const auto& row : file.rows) {
    for (const std::string& column : file.header) {
      if (kEesIdentifiers.count(column) > 0) continue;
      ++cells;
      x_cells += row.at(column) == "x";
    }
  }
  EXPECT_GT(x_cells, 0u);
  const std::vector<store::StatValue> values = query("sen2_caseload");
  EXPECT_EQ(values.size(), cells);
  std::size_t stored_x = 0;
  for (const store::StatValue& value : values) {
    if (value.text == "x") {
      EXPECT_FALSE(value.value.has_value()) << value.measure << " " << value.area_code;
      ++stored_x;
    }
  }
  EXPECT_EQ(stored_x, x_cells);
}

TEST_F(PublishedFilesTest, EveryPrimaryNeedCellMatchesTheCsv) {
  const PlainCsv file = csv(kNeeds);
  const std::vector<store::StatValue> values = query("sen2_needs_all_plans");
  std::map<std::tuple<std::string, std::string, std::string, std::string>, const store::StatValue*>
      stored;
  for (const store::StatValue& value : values) {
    stored[{value.measure, value.area_code, value.period, value.breakdown}] = &value;
  }
  std::size_t compared = 0;
  for (const auto& row : file.rows) {
    for (const std::string& column : file.header) {
      if (kEesIdentifiers.count(column) > 0) continue;
      const auto found = stored.find(
          {column, ees_area(row), period_label(row.at("time_period")), row.at("breakdown")});
      ASSERT_NE(found, stored.end()) << column << " " << ees_area(row);
      EXPECT_EQ(found->second->text, row.at(column)) << column << " " << ees_area(row);
      char* end = nullptr;
      const double number = std::strtod(row.at(column).c_str(), &end);
      if (!row.at(column).empty() && *end == '\0') {
        EXPECT_EQ(found->second->value, number) << column << " " << ees_area(row);
      } else {
        EXPECT_FALSE(found->second->value.has_value()) << column << " " << ees_area(row);
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, values.size());
  // England's autism figure, January 2025.
  const store::StatValue* asd = stored[{"number_asd", kEnglandCode, "2024/25", "All EHC plans"}];
  ASSERT_NE(asd, nullptr);
  EXPECT_EQ(asd->value, 201183);
}

TEST_F(PublishedFilesTest, HackneyTimeliness2024) {
  std::string published_2024;
  std::string published_2023;
  for (const auto& row : csv(kTimeliness).rows) {
    if (row.at("new_la_code") != kHackney) continue;
    if (row.at("time_period") == "2024") published_2024 = row.at("pc_plans_issued_within_20_weeks");
    if (row.at("time_period") == "2023") published_2023 = row.at("pc_plans_issued_within_20_weeks");
  }
  ASSERT_FALSE(published_2024.empty());
  const std::vector<store::StatValue> values =
      query("sen2_timeliness", {"pc_plans_issued_within_20_weeks"}, {kHackney});
  const store::StatValue* in_2024 = find_value(values, "pc_plans_issued_within_20_weeks", kHackney,
                                               "2024", "All EHC plans issued");
  ASSERT_NE(in_2024, nullptr) << describe(values);
  EXPECT_EQ(in_2024->text, published_2024);
  EXPECT_EQ(in_2024->value, std::stod(published_2024));
  EXPECT_EQ(in_2024->year, 2024);
  // 2023 was not available for Hackney: 'x', missing, never 0.
  EXPECT_EQ(published_2023, "x");
  const store::StatValue* in_2023 = find_value(values, "pc_plans_issued_within_20_weeks", kHackney,
                                               "2023", "All EHC plans issued");
  ASSERT_NE(in_2023, nullptr);
  EXPECT_EQ(in_2023->text, "x");
  EXPECT_FALSE(in_2023->value.has_value());
}

TEST_F(PublishedFilesTest, SpecialCaseloadInEnglandJanuary2022) {
  std::string published;
  for (const auto& row : csv(kSpecial).rows) {
    if (row.at("geographic_level") == "National" && row.at("time_period") == "2022" &&
        row.at("establishment_group") == "Total" && row.at("establishment_type") == "Total") {
      published = row.at("Total_all");
    }
  }
  EXPECT_EQ(published, "473255");
  const std::vector<store::StatValue> values =
      query("sen2_special_caseload", {"Total_all"}, {kEnglandCode});
  // Establishment group "Total" (all plans) and type "Total"; group "Special school" has its own.
  const store::StatValue* total =
      find_value(values, "Total_all", kEnglandCode, "2022", "Total", "Total");
  ASSERT_NE(total, nullptr) << describe(values);
  EXPECT_EQ(total->breakdown_topic, "Total");
  EXPECT_EQ(total->text, published);
  EXPECT_EQ(total->value, 473255);
  // 2022 has no statements any more: 'z', missing.
  const store::StatValue* statements =
      find_value(query("sen2_special_caseload", {"Total_st"}, {kEnglandCode}), "Total_st",
                 kEnglandCode, "2022", "Total", "Total");
  ASSERT_NE(statements, nullptr);
  EXPECT_EQ(statements->text, "z");
  EXPECT_FALSE(statements->value.has_value());
}

TEST_F(PublishedFilesTest, LaitValuesOfHackneyEnglandAndInnerLondonMatchTheCsv) {
  const std::map<std::string, std::string> code_by_lait_number = {
      {"204", kHackney}, {"970", kEnglandCode}, {"986", kLondonCode}, {"987", "E13000001"}};
  std::map<std::string, std::size_t> rows_by_code;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> published;
  for (const auto& row : csv(kLait).rows) {
    const auto code = code_by_lait_number.find(row.at("la_number"));
    if (code == code_by_lait_number.end()) continue;
    ++rows_by_code[code->second];
    published[{row.at("measure_short"), code->second, period_label(row.at("years"))}] =
        row.at("value");
  }
  const std::vector<store::StatValue> values =
      query("lait_indicators", {}, {kHackney, kEnglandCode, kLondonCode, "E13000001"});
  std::map<std::string, std::size_t> stored_by_code;
  for (const store::StatValue& value : values) ++stored_by_code[value.area_code];
  EXPECT_EQ(stored_by_code, rows_by_code);
  std::size_t dashes = 0;
  for (const store::StatValue& value : values) {
    const auto found = published.find({value.measure, value.area_code, value.period});
    ASSERT_NE(found, published.end())
        << value.measure << " " << value.area_code << " " << value.period;
    EXPECT_EQ(value.text, found->second);
    if (value.text == "-") {
      ++dashes;
      EXPECT_FALSE(value.value.has_value());
    } else {
      ASSERT_TRUE(value.value.has_value()) << value.text;
      EXPECT_DOUBLE_EQ(*value.value, std::stod(found->second));
    }
  }
  EXPECT_GT(dashes, 0u);
}

// Regression (fixed): fails for Gateshead (390) and Northumberland (929): the 2010-2022
// special-caseload file, read after the 2025 files, ends with 2010 rows carrying their pre-2013
// codes (E08000020, E06000048), and the registry keeps the last code it read for a number; the
// neighbours file (and LAIT, DSG, Ofsted) are then stored under the retired codes. See
// ImporterTest.AnLaNumberResolvesToTheCodeOfItsNewestPeriod.
TEST_F(PublishedFilesTest, StatisticalNeighboursMatchTheCsv) {
  // LA numbers to their current codes, from the 2025 caseload file (every row has today's code).
  std::map<std::string, std::string> code_by_number;
  for (const auto& row : csv(kCaseload).rows) {
    if (row.at("geographic_level") == "Local authority") {
      code_by_number[row.at("old_la_code")] = row.at("new_la_code");
    }
  }
  std::map<std::pair<std::string, int>, std::pair<std::string, std::string>> published;
  for (const auto& row : csv(kNeighbours).rows) {
    if (code_by_number.count(row.at("la_number")) == 0) continue;
    for (int rank = 1; rank <= 10; ++rank) {
      const std::string number = row.at("sn" + std::to_string(rank) + "_la_number");
      if (code_by_number.count(number) == 0) continue;
      published[{code_by_number[row.at("la_number")], rank}] = {
          code_by_number[number], row.at("sn" + std::to_string(rank) + "_closeness")};
    }
  }
  Result<std::vector<store::StatNeighbour>> neighbours = store().list_stat_neighbours();
  ASSERT_TRUE(neighbours.ok()) << neighbours.error().to_string();
  EXPECT_EQ(neighbours.value().size(), published.size());
  int hackneys = 0;
  for (const store::StatNeighbour& neighbour : neighbours.value()) {
    const auto found = published.find({neighbour.area_code, neighbour.rank});
    ASSERT_NE(found, published.end()) << neighbour.area_code << " " << neighbour.rank;
    EXPECT_EQ(neighbour.neighbour_code, found->second.first);
    EXPECT_EQ(neighbour.closeness, found->second.second);
    hackneys += neighbour.area_code == kHackney;
  }
  EXPECT_EQ(hackneys, 10);
}

TEST_F(PublishedFilesTest, HighNeedsBlockAllocationsMatchTheCsv) {
  std::map<std::pair<std::string, std::string>, std::string> published;  // (area, year) → £
  for (const auto& row : csv(kDsg).rows) {
    std::string code;
    if (row.at("la_name") == "England") code = kEnglandCode;
    if (row.at("la_name") == "LONDON") code = kLondonCode;
    if (row.at("old_la_code") == "204") code = kHackney;
    if (!code.empty())
      published[{code, row.at("financial_year")}] = row.at("high_needs_block_gross");
  }
  ASSERT_EQ(published.size(), 12u);  // three areas, four years
  const std::vector<store::StatValue> values =
      query("dsg_allocations", {"high_needs_block_gross"}, {kEnglandCode, kLondonCode, kHackney});
  EXPECT_EQ(values.size(), published.size()) << describe(values);
  for (const auto& [key, amount] : published) {
    const store::StatValue* value =
        find_value(values, "high_needs_block_gross", key.first, key.second);
    ASSERT_NE(value, nullptr) << key.first << " " << key.second;
    EXPECT_EQ(value->text, amount);
    EXPECT_EQ(value->value, std::stod(amount)) << key.first << " " << key.second;
  }
  // The totals rows of authority types are no areas: skipped, and said so.
  const ReadFile* dsg = nullptr;
  for (const ReadFile& file : report_->files) {
    if (file.import.release.series == "dsg_allocations") dsg = &file;
  }
  ASSERT_NE(dsg, nullptr);
  ASSERT_FALSE(dsg->skipped.empty());
  bool metropolitan = false;
  for (const std::string& skipped : dsg->skipped) {
    metropolitan = metropolitan || skipped.find("METROPOLITAN AUTHORITIES") != std::string::npos;
  }
  EXPECT_TRUE(metropolitan);
}

TEST_F(PublishedFilesTest, OfstedOutcomesMatchTheCsv) {
  std::map<std::pair<std::string, std::string>, std::string> published;  // (LA number, date)
  std::size_t london = 0;
  for (const auto& row : csv(kOfsted).rows) {
    const std::string& date = row.at("inspection_start_date").empty()
                                  ? row.at("publication_date")
                                  : row.at("inspection_start_date");
    published[{row.at("la_code"), date}] = row.at("outcome_grade");
    london += row.at("region_code") == "GL";
  }
  EXPECT_EQ(published.size(), 96u);  // the README: 96 local area partnerships, 20 in London
  EXPECT_EQ(london, 20u);

  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok());
  std::map<std::string, store::StatArea> by_code;
  for (const store::StatArea& area : areas.value()) by_code[area.code] = area;
  const std::vector<store::StatValue> grades = query("area_send_2023", {"outcome_grade"});
  EXPECT_EQ(grades.size(), published.size());
  std::size_t stored_london = 0;
  for (const store::StatValue& grade : grades) {
    const store::StatArea& area = by_code[grade.area_code];
    const auto found = published.find({area.la_number, grade.period});
    ASSERT_NE(found, published.end()) << grade.area_code << " " << grade.period;
    EXPECT_EQ(grade.text, found->second) << area.name;
    EXPECT_EQ(grade.value.has_value(), !found->second.empty()) << area.name;
    stored_london += area.region_code == kLondonCode;
  }
  EXPECT_EQ(stored_london, 20u);
  const store::StatValue* hackney =
      find_value(query("area_send_2023", {"outcome_grade"}, {kHackney}), "outcome_grade", kHackney,
                 "2025-11-17");
  ASSERT_NE(hackney, nullptr);
  EXPECT_EQ(hackney->text, (published[{"204", "2025-11-17"}]));
}

}  // namespace
}  // namespace sendplan::dfe::testing
