// Every file layout: a small hand-made file with the real header shape (data/) is recognised as
// its series and read into the right values; DfE's symbols stay text with no value; broken files
// are refused with the file, line and column of the fault.
#include "dfe/layouts.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dfe/importer.h"
#include "dfe_test_support.h"

namespace sendplan::dfe {
namespace {

using testing::describe;
using testing::find_value;
using testing::registry_with_boroughs;
using testing::test_file;

constexpr const char* kHackney = "E09000012";
constexpr const char* kCamden = "E09000007";
constexpr const char* kCityOfLondon = "E09000001";
constexpr const char* kBristol = "E06000023";

// The file of data/ read with `areas`; the test stops when it cannot be read.
ReadFile read_ok(const std::string& name, AreaRegistry& areas) {
  Result<ReadFile> read = read_stat_file(test_file(name), areas);
  EXPECT_TRUE(read.ok()) << name << ": " << read.error().to_string();
  return read.ok() ? std::move(read).value() : ReadFile{};
}

// The error reading `content` as a file named `name`.
Error read_error(const std::string& name, const std::string& content, AreaRegistry& areas) {
  Result<ReadFile> read = read_stat_file({name, content}, areas);
  EXPECT_FALSE(read.ok()) << name << " was read as " << read.value().import.release.series;
  return read.ok() ? Error{} : read.error();
}

// Expects `value` to exist, hold a number equal to `number` and the text `text`.
void expect_number(const store::StatValue* value, double number, const std::string& text,
                   const std::vector<store::StatValue>& all) {
  ASSERT_NE(value, nullptr) << describe(all);
  ASSERT_TRUE(value->value.has_value()) << value->text;
  EXPECT_DOUBLE_EQ(*value->value, number);
  EXPECT_EQ(value->text, text);
}

// Expects `value` to exist and be missing: the symbol as text and no number (never 0).
void expect_symbol(const store::StatValue* value, const std::string& symbol,
                   const std::vector<store::StatValue>& all) {
  ASSERT_NE(value, nullptr) << describe(all);
  EXPECT_EQ(value->text, symbol);
  EXPECT_FALSE(value->value.has_value()) << "'" << symbol << "' read as " << *value->value;
}

// --- the layout list

TEST(LayoutsTest, EverySeriesHasOneLayoutWithAReaderAndTitle) {
  std::set<std::string> series;
  for (const Layout& layout : layouts()) {
    EXPECT_TRUE(series.insert(layout.series).second) << "twice: " << layout.series;
    EXPECT_NE(layout.matches, nullptr) << layout.series;
    EXPECT_NE(layout.read, nullptr) << layout.series;
    EXPECT_FALSE(std::string(layout.title).empty()) << layout.series;
    EXPECT_FALSE(std::string(layout.publisher).empty()) << layout.series;
  }
  for (const char* expected :
       {"sen2_caseload", "sen2_needs_all_plans", "sen2_needs_new_plans", "sen2_special_caseload",
        "sen2_timeliness", "census_sen_all_schools", "census_sen_mainstream",
        "census_sen_school_types", "lait_indicators", "lait_statistical_neighbours",
        "dsg_allocations", "high_needs_benchmarking", "high_needs_spend_per_head",
        "dsg_cumulative_balance", "area_send_2023", "area_send_2016"}) {
    EXPECT_EQ(series.count(expected), 1u) << expected;
  }
  EXPECT_EQ(known_layouts().size(), layouts().size());
}

// --- EES SEN2

TEST(LayoutsTest, EesCaseloadFile) {
  AreaRegistry areas;  // England and the regions only: SEN2 files teach the LAs
  const ReadFile read = read_ok("sen2_caseload_2025.csv", areas);
  const store::StatImport& file = read.import;
  const auto& values = file.values;
  EXPECT_EQ(file.release.series, "sen2_caseload");
  EXPECT_EQ(file.release.publisher, "Department for Education");
  EXPECT_EQ(file.release.file_name, "sen2_caseload_2025.csv");
  EXPECT_EQ(file.release.edition, 2025);
  EXPECT_EQ(file.release.first_period, "2023/24");
  EXPECT_EQ(file.release.last_period, "2024/25");
  EXPECT_EQ(file.release.sha256.size(), 64u);
  EXPECT_EQ(file.release.sha256.find_first_not_of("0123456789abcdef"), std::string::npos);
  // 11 rows, 3 measures each.
  EXPECT_EQ(values.size(), 33u) << describe(values);
  EXPECT_EQ(file.release.value_count, 33);
  EXPECT_TRUE(read.skipped.empty());

  const store::StatValue* england =
      find_value(values, "ehcplans", kEnglandCode, "2024/25", "All EHC plans");
  ASSERT_NE(england, nullptr) << describe(values);
  expect_number(england, 640000, "640000", values);
  EXPECT_EQ(england->series, "sen2_caseload");
  EXPECT_EQ(england->breakdown_topic, "All EHC plans");
  EXPECT_EQ(england->year, 2025);
  expect_number(find_value(values, "ehcplans", kLondonCode, "2024/25", "All EHC plans"), 99000,
                "99000", values);
  expect_number(find_value(values, "ehcplans", kHackney, "2024/25", "All EHC plans"), 3100, "3100",
                values);
  expect_number(find_value(values, "ehcplans", kHackney, "2023/24", "All EHC plans"), 2950, "2950",
                values);
  expect_number(find_value(values, "ehcplans", kBristol, "2024/25", "All EHC plans"), 4931, "4931",
                values);
  // The text is kept as published.
  expect_number(find_value(values, "mainstream_total_pc", kEnglandCode, "2024/25", "All EHC plans"),
                43.6, "43.600000000000", values);
  const store::StatValue* under_5 = find_value(values, "ehcplans", kHackney, "2024/25", "Under 5");
  ASSERT_NE(under_5, nullptr) << describe(values);
  expect_number(under_5, 150, "150", values);
  EXPECT_EQ(under_5->breakdown_topic, "Age");
}

TEST(LayoutsTest, EesSymbolsAreTextWithoutAValue) {
  AreaRegistry areas;
  const ReadFile read = read_ok("sen2_caseload_2025.csv", areas);
  const auto& values = read.import.values;
  expect_symbol(find_value(values, "special_independent", kCamden, "2024/25", "All EHC plans"), "x",
                values);
  expect_symbol(find_value(values, "mainstream_total_pc", kCamden, "2024/25", "All EHC plans"), "c",
                values);
  expect_symbol(find_value(values, "mainstream_total_pc", kCamden, "2024/25", "Under 5"), "low",
                values);
  expect_symbol(
      find_value(values, "special_independent", kCityOfLondon, "2024/25", "All EHC plans"), "low",
      values);
  expect_symbol(
      find_value(values, "mainstream_total_pc", kCityOfLondon, "2024/25", "All EHC plans"), "z",
      values);
  // No value of the file is a zero that the file did not publish.
  for (const store::StatValue& value : values) {
    if (value.value && *value.value == 0) ADD_FAILURE() << "a zero from '" << value.text << "'";
  }
}

TEST(LayoutsTest, EesFileTeachesTheRegistryItsLocalAuthorities) {
  AreaRegistry areas;
  const ReadFile read = read_ok("sen2_caseload_2025.csv", areas);
  ASSERT_NE(areas.by_la_number("204"), nullptr);
  EXPECT_EQ(areas.by_la_number("204")->code, kHackney);
  ASSERT_NE(areas.by_name("Bristol"), nullptr);
  EXPECT_EQ(areas.by_name("Bristol")->code, kBristol);
  ASSERT_NE(areas.by_code(kHackney), nullptr);
  EXPECT_EQ(areas.by_code(kHackney)->region_code, kLondonCode);
  EXPECT_EQ(areas.by_code(kHackney)->level, "la");
  // The import lists every area once, Hackney with both its codes.
  int hackneys = 0;
  for (const store::StatArea& area : read.import.areas) {
    if (area.code != kHackney) continue;
    ++hackneys;
    EXPECT_EQ(area.la_number, "204");
    EXPECT_EQ(area.name, "Hackney");
    EXPECT_EQ(area.region_name, "London");
  }
  EXPECT_EQ(hackneys, 1);
}

TEST(LayoutsTest, AnyOtherYearsFileOfTheSameLayoutLoads) {
  // A 2026 file with a measure no earlier year had, in the middle of the measures.
  AreaRegistry areas;
  const ReadFile read = read_ok("sen2_caseload_2026_new_measure.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "sen2_caseload");
  EXPECT_EQ(read.import.release.edition, 2026);
  EXPECT_EQ(read.import.release.last_period, "2025/26");
  EXPECT_EQ(values.size(), 8u) << describe(values);
  expect_number(
      find_value(values, "ehcplans_with_health_section", kHackney, "2025/26", "All EHC plans"), 410,
      "410", values);
  expect_number(find_value(values, "ehcplans", kEnglandCode, "2025/26", "All EHC plans"), 690000,
                "690000", values);
  expect_symbol(find_value(values, "special_independent", kHackney, "2025/26", "All EHC plans"),
                "x", values);
  const store::StatValue* hackney =
      find_value(values, "ehcplans", kHackney, "2025/26", "All EHC plans");
  ASSERT_NE(hackney, nullptr);
  EXPECT_EQ(hackney->year, 2026);
}

TEST(LayoutsTest, PrimaryNeedOfAllPlansAndOfNewPlansAreTwoSeries) {
  AreaRegistry areas;
  const ReadFile all_plans = read_ok("sen2_needs_all_plans.csv", areas);
  const ReadFile new_plans = read_ok("sen2_needs_new_plans.csv", areas);
  EXPECT_EQ(all_plans.import.release.series, "sen2_needs_all_plans");
  EXPECT_EQ(new_plans.import.release.series, "sen2_needs_new_plans");
  expect_number(
      find_value(all_plans.import.values, "number_asd", kHackney, "2024/25", "All EHC plans"), 1100,
      "1100", all_plans.import.values);
  expect_number(
      find_value(new_plans.import.values, "number_asd", kHackney, "2024", "All new EHC plans"), 150,
      "150", new_plans.import.values);
  EXPECT_EQ(new_plans.import.release.edition, 2024);
}

TEST(LayoutsTest, SpecialCaseloadByEstablishmentGroupAndType) {
  AreaRegistry areas;
  const ReadFile read = read_ok("sen2_special_caseload_2022.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "sen2_special_caseload");
  EXPECT_EQ(read.import.release.first_period, "2013");
  EXPECT_EQ(read.import.release.last_period, "2022");
  const store::StatValue* total =
      find_value(values, "Total_all", kEnglandCode, "2022", "Total", "Total");
  ASSERT_NE(total, nullptr) << describe(values);
  expect_number(total, 473255, "473255", values);
  EXPECT_EQ(total->breakdown_topic, "Total");
  const store::StatValue* independent =
      find_value(values, "Total_all", kHackney, "2022", "Special - Independent");
  ASSERT_NE(independent, nullptr) << describe(values);
  expect_number(independent, 120, "120", values);
  EXPECT_EQ(independent->breakdown_topic, "Special school");
  expect_symbol(find_value(values, "Total_st", kHackney, "2022", "Special - Independent"), "z",
                values);
  expect_number(find_value(values, "Total_st", kHackney, "2013", "Special - Independent"), 60, "60",
                values);
}

// --- school census

TEST(LayoutsTest, CensusAllSchools) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("census_all_schools.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "census_sen_all_schools");
  EXPECT_EQ(values.size(), 5u) << describe(values);
  const store::StatValue* hackney =
      find_value(values, "% of pupils", kHackney, "2022/23", "EHC plan");
  ASSERT_NE(hackney, nullptr) << describe(values);
  expect_number(hackney, 5.12, "5.12", values);
  EXPECT_EQ(hackney->breakdown_topic, "SEN provision");
  EXPECT_EQ(hackney->year, 2023);
  expect_number(find_value(values, "% of pupils", kHackney, "2022/23", "SEN support"), 14.8, "14.8",
                values);
  expect_number(find_value(values, "% of pupils", kEnglandCode, "2022/23", "EHC plan"), 4.29,
                "4.29", values);
  expect_number(find_value(values, "% of pupils", kLondonCode, "2022/23", "EHC plan"), 4.61, "4.61",
                values);
  expect_symbol(find_value(values, "% of pupils", kBristol, "2022/23", "EHC plan"), "x", values);
}

TEST(LayoutsTest, CensusMainstream) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("census_mainstream.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "census_sen_mainstream");
  EXPECT_EQ(values.size(), 6u) << describe(values);
  expect_number(find_value(values, "% of pupils", kHackney, "2022/23", "All SEN"), 15.02, "15.02",
                values);
  expect_number(find_value(values, "total_pupils", kHackney, "2022/23", "EHC plan"), 25057, "25057",
                values);
  expect_number(find_value(values, "total_pupils", kEnglandCode, "2022/23", "EHC plan"), 8315518,
                "8315518", values);
}

TEST(LayoutsTest, CensusSchoolTypes) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("census_school_types.csv", areas);
  const auto& values = read.import.values;
  const std::string measure = "% of pupils (with SEN provision type)";
  EXPECT_EQ(read.import.release.series, "census_sen_school_types");
  EXPECT_EQ(values.size(), 3u) << describe(values);
  // The provision type is the topic, the type of school its member.
  const store::StatValue* independent =
      find_value(values, measure, kHackney, "2022/23", "Independent school");
  ASSERT_NE(independent, nullptr) << describe(values);
  expect_number(independent, 7.5, "7.5", values);
  EXPECT_EQ(independent->breakdown_topic, "pupils with EHC plans");
  const store::StatValue* england =
      find_value(values, measure, kEnglandCode, "2022/23", "Independent school");
  ASSERT_NE(england, nullptr) << describe(values);
  expect_number(england, 6.52, "6.52", values);
  EXPECT_EQ(england->breakdown_topic, "all pupils");
  expect_symbol(find_value(values, measure, kHackney, "2021/22", "State-funded special school"),
                "c", values);
}

// --- LAIT

TEST(LayoutsTest, LaitIndicators) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("lait_indicators.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "lait_indicators");
  EXPECT_EQ(values.size(), 7u) << describe(values);
  expect_number(find_value(values, "SEN_CASES_JAN", kHackney, "2024"), 3050, "3050", values);
  // England and the regions carry LAIT's own 970-990 numbers: they resolve by name.
  expect_number(find_value(values, "SEN_CASES_JAN", kEnglandCode, "2024"), 576474, "576474",
                values);
  expect_number(find_value(values, "SEN_CASES_JAN", "E13000001", "2024"), 40000, "40000", values);
  expect_number(find_value(values, "SEN_CASES_JAN", kBristol, "2024"), 4500, "4500", values);
  const store::StatValue* outturn = find_value(values, "SENFinance", kHackney, "2023-24 (outturn)");
  ASSERT_NE(outturn, nullptr) << describe(values);
  expect_number(outturn, 1234.5, "1234.5", values);
  EXPECT_EQ(outturn->year, 2024);
  expect_symbol(find_value(values, "SENFinance", kCamden, "2023-24 (outturn)"), "-", values);
  expect_number(find_value(values, "SEN_EHC_All_20wks", kHackney, "2023"), 0.01623,
                "1.6230000000000001E-2", values);
  // An area no SEN2 file names is skipped and reported.
  ASSERT_EQ(read.skipped.size(), 1u);
  EXPECT_NE(read.skipped.front().find("line 9"), std::string::npos) << read.skipped.front();
  EXPECT_NE(read.skipped.front().find("Nowhere Shire"), std::string::npos) << read.skipped.front();
}

TEST(LayoutsTest, LaitIndicatorsWithByteOrderMarkCrlfAndColumnsInAnotherOrder) {
  AreaRegistry areas = registry_with_boroughs();
  const std::string content =
      "\xEF\xBB\xBFmeasure_short,years,la_or_region,la_number,region,value\r\n"
      "SEN_CASES_JAN,2024,Hackney,204,Inner London,3050\r\n"
      "SEN_CASES_JAN,2023,Hackney,204,Inner London,2980\r\n";
  Result<ReadFile> read = read_stat_file({"lait_crlf.csv", content}, areas);
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  const auto& values = read.value().import.values;
  EXPECT_EQ(read.value().import.release.series, "lait_indicators");
  expect_number(find_value(values, "SEN_CASES_JAN", kHackney, "2024"), 3050, "3050", values);
  expect_number(find_value(values, "SEN_CASES_JAN", kHackney, "2023"), 2980, "2980", values);
}

TEST(LayoutsTest, LaitStatisticalNeighbours) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("lait_neighbours.csv", areas);
  EXPECT_EQ(read.import.release.series, "lait_statistical_neighbours");
  EXPECT_TRUE(read.import.values.empty());
  const auto& neighbours = read.import.neighbours;
  // Hackney's third neighbour (999) is no LA the registry knows: left out.
  ASSERT_EQ(neighbours.size(), 5u);
  EXPECT_EQ(neighbours[0].area_code, kHackney);
  EXPECT_EQ(neighbours[0].rank, 1);
  EXPECT_EQ(neighbours[0].neighbour_code, "E09000019");
  EXPECT_EQ(neighbours[0].closeness, "Very close");
  EXPECT_EQ(neighbours[1].area_code, kHackney);
  EXPECT_EQ(neighbours[1].rank, 2);
  EXPECT_EQ(neighbours[1].neighbour_code, kCamden);
  EXPECT_EQ(neighbours[1].closeness, "Close");
  EXPECT_EQ(neighbours[4].area_code, kCamden);
  EXPECT_EQ(neighbours[4].rank, 3);
  EXPECT_EQ(neighbours[4].neighbour_code, kCityOfLondon);
  EXPECT_EQ(neighbours[4].closeness, "Somewhat close");
}

// --- high-needs finance

TEST(LayoutsTest, DsgAllocations) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("dsg_allocations.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "dsg_allocations");
  EXPECT_EQ(read.import.release.publisher, "Education and Skills Funding Agency");
  EXPECT_EQ(read.import.release.edition, 2024);
  // England, LONDON and Hackney twice; ten measures each (source_file is no measure).
  EXPECT_EQ(values.size(), 40u) << describe(values);
  EXPECT_EQ(find_value(values, "source_file", kHackney, "2023-24"), nullptr);
  expect_number(find_value(values, "high_needs_block_gross", kEnglandCode, "2023-24"), 10123456789,
                "10123456789", values);
  expect_number(find_value(values, "total_dsg_gross", kEnglandCode, "2023-24"), 58599382712,
                "58599382712", values);
  // The regional row "LONDON" is the London region.
  expect_number(find_value(values, "high_needs_block_gross", kLondonCode, "2023-24"), 1900000000,
                "1900000000", values);
  expect_number(find_value(values, "high_needs_block_gross", kHackney, "2022-23"), 68000000,
                "68000000", values);
  // "METROPOLITAN AUTHORITIES" is no area: skipped and reported.
  ASSERT_EQ(read.skipped.size(), 1u);
  EXPECT_NE(read.skipped.front().find("METROPOLITAN AUTHORITIES"), std::string::npos);
}

TEST(LayoutsTest, HighNeedsBenchmarking) {
  AreaRegistry areas = registry_with_boroughs();
  areas.add({"E09000003", "302", "Barnet", "la", kLondonCode, "London"});
  const ReadFile read = read_ok("high_needs_benchmarking.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "high_needs_benchmarking");
  // The budget year comes from the s251_budget_2021_22_ columns.
  EXPECT_EQ(read.import.release.first_period, "2021-22");
  EXPECT_EQ(read.import.release.edition, 2022);
  EXPECT_EQ(values.size(), 26u) << describe(values);
  expect_number(find_value(values, "placed_nmss_or_independent", kHackney, "2021-22"), 372, "372",
                values);
  expect_number(find_value(values, "s251_budget_2021_22_topup_nonmaintained_independent", kHackney,
                           "2021-22"),
                17505272, "17505272", values);
  expect_number(find_value(values, "population_2_18_ons_mid2021_projection", kHackney, "2021-22"),
                59459.93999999995, "59459.93999999995", values);
  expect_number(find_value(values, "hn_import_export_adjustment", "E09000003", "2021-22"), -250000,
                "-250000", values);
  // A blank cell is missing, not zero.
  expect_symbol(find_value(values, "hn_nff_allocation_2021_22", kHackney, "2021-22"), "", values);
}

TEST(LayoutsTest, HighNeedsSpendPerHead) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("high_needs_spend_per_head.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "high_needs_spend_per_head");
  EXPECT_EQ(values.size(), 9u) << describe(values);
  const store::StatValue* state =
      find_value(values, "Spend per head", kHackney, "2021-22", "State");
  ASSERT_NE(state, nullptr) << describe(values);
  expect_number(state, 350.5, "350.5", values);
  EXPECT_EQ(state->breakdown_topic, "category");
  expect_number(
      find_value(values, "total_spend", kHackney, "2021-22", "Independent or non-maintained"),
      7215000, "7215000", values);
  expect_number(find_value(values, "Spend per head", kBristol, "2020-21", "Total"), 300.125,
                "300.125", values);
  EXPECT_EQ(read.skipped.size(), 1u);  // Atlantis
}

TEST(LayoutsTest, DsgCumulativeBalance) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("dsg_balance.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "dsg_cumulative_balance");
  EXPECT_EQ(values.size(), 8u) << describe(values);
  expect_number(
      find_value(values, "dsg_cumulative_balance_pct_of_total_income", kHackney, "2021-22"), -4.59,
      "-4.59", values);
  expect_number(
      find_value(values, "dsg_cumulative_balance_pct_of_total_income", kHackney, "2019-20"), -1.78,
      "-1.78", values);
  expect_number(
      find_value(values, "dsg_cumulative_balance_pct_of_total_income", kEnglandCode, "2021-22"),
      -2.26, "-2.26", values);
  expect_number(find_value(values, "deficit_pct_of_income", kLondonCode, "2021-22"), 1.5, "1.5",
                values);
  // time_period is an identifier, not a measure.
  EXPECT_EQ(find_value(values, "time_period", kHackney, "2021-22"), nullptr);
}

// --- Ofsted

TEST(LayoutsTest, OfstedAreaSend2023Framework) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("ofsted_2023_framework.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "area_send_2023");
  EXPECT_EQ(read.import.release.publisher, "Ofsted and the Care Quality Commission");
  // Three rows, eight measures each: urn, codes, name, start date and scrape note are not.
  EXPECT_EQ(values.size(), 24u) << describe(values);
  const store::StatValue* hackney = find_value(values, "outcome_grade", kHackney, "2025-11-17");
  ASSERT_NE(hackney, nullptr) << describe(values);
  expect_number(hackney, 2, "2", values);
  EXPECT_EQ(hackney->year, 2025);
  const store::StatValue* text =
      find_value(values, "inspection_outcome_text", kHackney, "2025-11-17");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->text,
            "The local area partnership\u2019s arrangements lead to inconsistent experiences and "
            "outcomes, for children and young people with SEND.");
  EXPECT_FALSE(text->value.has_value());
  const store::StatValue* next = find_value(values, "next_inspection", kHackney, "2025-11-17");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->text, "3 years");
  // "london corporation" is LA 201, the City of London.
  expect_number(find_value(values, "outcome_grade", kCityOfLondon, "2025-09-29"), 1, "1", values);
  // No start date and no LA number: dated by publication, found by name.
  expect_symbol(find_value(values, "outcome_grade", kBristol, "2024-07-01"), "", values);
  EXPECT_EQ(find_value(values, "scrape_note", kBristol, "2024-07-01"), nullptr);
}

TEST(LayoutsTest, OfstedAreaSend2016Framework) {
  AreaRegistry areas = registry_with_boroughs();
  const ReadFile read = read_ok("ofsted_2016_framework.csv", areas);
  const auto& values = read.import.values;
  EXPECT_EQ(read.import.release.series, "area_send_2016");
  EXPECT_EQ(values.size(), 16u) << describe(values);
  const store::StatValue* camden = find_value(values, "wsoa_required", kCamden, "2019-02-11");
  ASSERT_NE(camden, nullptr);
  EXPECT_EQ(camden->text, "Yes");
  EXPECT_FALSE(camden->value.has_value());
  expect_number(find_value(values, "n_significant_weaknesses", kCamden, "2019-02-11"), 4, "4",
                values);
  const store::StatValue* progress =
      find_value(values, "revisit_sufficient_progress", kCamden, "2019-02-11");
  ASSERT_NE(progress, nullptr);
  EXPECT_EQ(progress->text, "Some");
  expect_symbol(find_value(values, "n_significant_weaknesses", kHackney, "2017-03-27"), "", values);
  ASSERT_EQ(read.skipped.size(), 1u);  // Northamptonshire: no SEN2 file names it
}

// --- broken files

TEST(LayoutsTest, TextInANumericLayoutIsRefusedAtItsCell) {
  AreaRegistry areas = registry_with_boroughs();
  const Error error = read_error("lait_bad_value.csv",
                                 "measure_short,years,la_or_region,value,la_number,region\n"
                                 "SEN_CASES_JAN,2024,Hackney,3050,204,Inner London\n"
                                 "SEN_CASES_JAN,2024,Hackney,12a,204,Inner London\n",
                                 areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "lait_bad_value.csv");
  EXPECT_EQ(error.where.line, 3);
  EXPECT_EQ(error.where.column, 28);
  EXPECT_NE(error.message.find("12a"), std::string::npos) << error.message;
}

TEST(LayoutsTest, TextInAFinanceFileIsRefusedAtItsCell) {
  AreaRegistry areas = registry_with_boroughs();
  const Error error = read_error("balance_bad.csv",
                                 "time_period,geographic_level,region_name,la_name,"
                                 "deficit_pct_of_income,dsg_cumulative_balance_pct_of_total_"
                                 "income,financial_year\n"
                                 "202122,Local authority,London,Hackney,4.59,minus 4.59,2021-22\n",
                                 areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "balance_bad.csv");
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 44);
}

TEST(LayoutsTest, BadPeriodIsRefusedAtItsCell) {
  AreaRegistry areas;
  const Error error = read_error(
      "sen2_bad_period.csv",
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
      "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans\n"
      "202425,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,1\n"
      "\n"
      "202426,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,2\n",
      areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "sen2_bad_period.csv");
  EXPECT_EQ(error.where.line, 4);
  EXPECT_EQ(error.where.column, 1);
  EXPECT_NE(error.message.find("202426"), std::string::npos) << error.message;
}

TEST(LayoutsTest, BadPeriodInLaitIsRefusedAtItsCell) {
  AreaRegistry areas = registry_with_boroughs();
  const Error error = read_error("lait_bad_period.csv",
                                 "measure_short,years,la_or_region,value,la_number,region\n"
                                 "SEN_CASES_JAN,2023-25,Hackney,3050,204,Inner London\n",
                                 areas);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 15);
}

TEST(LayoutsTest, UnknownGeographicLevelIsRefusedAtItsCell) {
  AreaRegistry areas;
  const Error error = read_error(
      "sen2_bad_level.csv",
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
      "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans\n"
      "202425,Academic year,County,E92000001,England,,,,,,All EHC plans,All EHC plans,1\n",
      areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "sen2_bad_level.csv");
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 22);
  EXPECT_NE(error.message.find("County"), std::string::npos) << error.message;
}

TEST(LayoutsTest, UnterminatedQuoteIsRefusedWhereTheQuoteOpens) {
  AreaRegistry areas = registry_with_boroughs();
  const Error error = read_error("spend_quote.csv",
                                 "\"la_name\",\"category\",\"year\",\"Spend per head\",\"pop_est\","
                                 "\"total_spend\",\"region\"\n"
                                 "\"Hackney\",\"State\",\"2021-22\",350.5,60000,21030000,\"Inner "
                                 "London\"\n"
                                 "\"Hackney\",\"Total,2021-22,470.75,60000,28245000,x\n",
                                 areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "spend_quote.csv");
  EXPECT_EQ(error.where.line, 3);
  EXPECT_EQ(error.where.column, 11);
}

TEST(LayoutsTest, UnknownHeaderNamesTheLayoutsSendplanReads) {
  AreaRegistry areas;
  const Error error = read_error("mystery.csv", "pupil_id,postcode,school\nP1,E8 1AA,123\n", areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "mystery.csv");
  EXPECT_EQ(error.where.line, 1);
  EXPECT_EQ(error.where.column, 1);
  EXPECT_NE(error.message.find("pupil_id,postcode,school"), std::string::npos) << error.message;
  for (const std::string& layout : known_layouts()) {
    EXPECT_NE(error.message.find(layout), std::string::npos) << layout << ": " << error.message;
  }
}

TEST(LayoutsTest, EmptyFileIsRefused) {
  AreaRegistry areas;
  for (const char* content : {"", "\n\n", "\r\n"}) {
    const Error error = read_error("empty.csv", content, areas);
    EXPECT_EQ(error.code, ErrorCode::kParse);
    EXPECT_EQ(error.where.file, "empty.csv");
    EXPECT_EQ(error.where.line, 1);
    EXPECT_NE(error.message.find("empty"), std::string::npos) << error.message;
  }
}

TEST(LayoutsTest, NameOnlyFileWithNoLocalAuthorityKnownSaysToImportSen2First) {
  for (const char* name : {"high_needs_spend_per_head.csv", "lait_indicators.csv",
                           "lait_neighbours.csv", "dsg_allocations.csv"}) {
    SCOPED_TRACE(name);
    AreaRegistry areas;  // England and the regions only
    Result<ReadFile> read = read_stat_file(test_file(name), areas);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::kParse);
    EXPECT_EQ(read.error().where.file, name);
    EXPECT_GE(read.error().where.line, 2);
    EXPECT_NE(read.error().message.find("import a SEN2 file first"), std::string::npos)
        << read.error().message;
  }
}

TEST(LayoutsTest, MissingRequiredColumnIsRefusedOnTheHeaderLine) {
  AreaRegistry areas = registry_with_boroughs();
  // LAIT indicators without la_number: recognised, but not readable.
  const Error error = read_error("lait_no_number.csv",
                                 "measure_short,years,la_or_region,value,region\n"
                                 "SEN_CASES_JAN,2024,Hackney,3050,Inner London\n",
                                 areas);
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 1);
  EXPECT_NE(error.message.find("la_number"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace sendplan::dfe
