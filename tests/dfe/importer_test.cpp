// The importer on both store backends (SQLite and a real PostgreSQL): one transaction for all
// files, the same file twice changes nothing, newer editions win, older ones only fill gaps,
// files that name areas by number or name import with a SEN2 file of the same batch.
#include "dfe/importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "dfe_test_support.h"

namespace sendplan::dfe::testing {
namespace {

constexpr const char* kHackney = "E09000012";
constexpr const char* kCamden = "E09000007";
constexpr const char* kIslington = "E09000019";

class ImporterTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<ScratchStore>> opened = ScratchStore::open(GetParam());
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    scratch_ = std::move(opened).value();
  }

  store::Store& store() { return scratch_->store(); }

  // Imports the files of data/ (in this order); the test stops on an error.
  ImportReport import(const std::vector<std::string>& names) {
    std::vector<FileToImport> files;
    for (const std::string& name : names) files.push_back(test_file(name));
    Result<ImportReport> report = import_files(store(), files, "tester");
    EXPECT_TRUE(report.ok()) << report.error().to_string();
    return report.ok() ? std::move(report).value() : ImportReport{};
  }

  std::vector<store::StatValue> values(const store::StatQuery& query) {
    Result<std::vector<store::StatValue>> found = store().query_stat_values(query);
    EXPECT_TRUE(found.ok()) << found.error().to_string();
    return found.ok() ? std::move(found).value() : std::vector<store::StatValue>{};
  }

  std::vector<store::StatValue> series(const std::string& name) {
    store::StatQuery query;
    query.series = name;
    return values(query);
  }

  std::vector<store::StatRelease> releases() {
    Result<std::vector<store::StatRelease>> list = store().list_stat_releases();
    EXPECT_TRUE(list.ok()) << list.error().to_string();
    return list.ok() ? std::move(list).value() : std::vector<store::StatRelease>{};
  }

  std::unique_ptr<ScratchStore> scratch_;
};

// The number of the one value with these keys (nullopt when missing or not a number).
std::optional<double> number(const std::vector<store::StatValue>& values,
                             const std::string& measure, const std::string& area,
                             const std::string& period, const std::string& breakdown = "") {
  const store::StatValue* value = find_value(values, measure, area, period, breakdown);
  if (value == nullptr) return std::nullopt;
  return value->value;
}

TEST_P(ImporterTest, ImportsValuesReleasesAndAreas) {
  const ImportReport report = import({"sen2_caseload_2025.csv"});
  ASSERT_EQ(report.outcomes.size(), 1u);
  EXPECT_EQ(report.outcomes[0].file_name, "sen2_caseload_2025.csv");
  EXPECT_EQ(report.outcomes[0].series, "sen2_caseload");
  EXPECT_FALSE(report.outcomes[0].already_imported);
  EXPECT_EQ(report.outcomes[0].values_changed, 33);
  EXPECT_EQ(report.outcomes[0].values_kept, 0);

  const std::vector<store::StatRelease> list = releases();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_GT(list[0].id, 0);
  EXPECT_EQ(list[0].series, "sen2_caseload");
  EXPECT_EQ(list[0].file_name, "sen2_caseload_2025.csv");
  EXPECT_EQ(list[0].edition, 2025);
  EXPECT_EQ(list[0].first_period, "2023/24");
  EXPECT_EQ(list[0].last_period, "2024/25");
  EXPECT_EQ(list[0].value_count, 33);
  EXPECT_EQ(list[0].imported_by, "tester");
  EXPECT_FALSE(list[0].imported_at.empty());
  EXPECT_EQ(list[0].sha256, report.files[0].import.release.sha256);

  const std::vector<store::StatValue> all = series("sen2_caseload");
  EXPECT_EQ(all.size(), 33u) << describe(all);
  const store::StatValue* hackney =
      find_value(all, "ehcplans", kHackney, "2024/25", "All EHC plans");
  ASSERT_NE(hackney, nullptr);
  EXPECT_EQ(hackney->text, "3100");
  EXPECT_EQ(hackney->value, 3100);
  EXPECT_EQ(hackney->year, 2025);
  EXPECT_EQ(hackney->breakdown_topic, "All EHC plans");
  EXPECT_EQ(hackney->release_id, list[0].id);
  // The text as published, its number apart.
  const store::StatValue* percent =
      find_value(all, "mainstream_total_pc", kEnglandCode, "2024/25", "All EHC plans");
  ASSERT_NE(percent, nullptr);
  EXPECT_EQ(percent->text, "43.600000000000");
  EXPECT_DOUBLE_EQ(percent->value.value_or(0), 43.6);

  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok()) << areas.error().to_string();
  const auto stored =
      std::find_if(areas.value().begin(), areas.value().end(),
                   [](const store::StatArea& area) { return area.code == kHackney; });
  ASSERT_NE(stored, areas.value().end());
  EXPECT_EQ(stored->la_number, "204");
  EXPECT_EQ(stored->name, "Hackney");
  EXPECT_EQ(stored->level, "la");
  EXPECT_EQ(stored->region_code, kLondonCode);
  EXPECT_EQ(areas.value().back().level, "la");
}

// Regression (fixed): England and the regions a SEN2 file lists (National and Regional rows) are
// never stored as areas: the registry knows them from the start, so FileReader::learn() does not
// count them as new and the import's area list leaves them out. list_stat_areas() (documented as
// ordered "national, regional, la") and GET /api/stats/areas then list local authorities only.
TEST_P(ImporterTest, EnglandAndTheRegionsASen2FileListsAreStoredAsAreas) {
  import({"sen2_caseload_2025.csv"});
  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok()) << areas.error().to_string();
  ASSERT_FALSE(areas.value().empty());
  EXPECT_EQ(areas.value().front().code, kEnglandCode);
  EXPECT_EQ(areas.value().front().level, "national");
  const auto london =
      std::find_if(areas.value().begin(), areas.value().end(),
                   [](const store::StatArea& area) { return area.code == kLondonCode; });
  ASSERT_NE(london, areas.value().end());
  EXPECT_EQ(london->level, "regional");
  EXPECT_EQ(london->name, "London");
}

// Regression (fixed): the registry maps an LA number to the ONS code of the *last row read*, not of
// the newest period. The 2010-2022 special-caseload file lists 2022 first and 2010 last, when
// Gateshead (390) was still E08000020 (E08000037 since 2013); every file read after it that names
// Gateshead by number (LAIT, neighbours, DSG, Ofsted) is then stored under the retired code,
// apart from Gateshead's SEN2 figures. (Same for Northumberland 929: E06000048 / E06000057.)
TEST_P(ImporterTest, AnLaNumberResolvesToTheCodeOfItsNewestPeriod) {
  FileToImport lait{"lait_gateshead.csv",
                    "measure_short,years,la_or_region,value,la_number,region\n"
                    "SEN_CASES_JAN,2024,Gateshead,1900,390,North East\n"};
  import({"sen2_special_caseload_recoded.csv"});
  Result<ImportReport> report = import_files(store(), {lait}, "tester");
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  const std::vector<store::StatValue> values = series("lait_indicators");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].area_code, "E08000037");
}

// Regression (fixed): the same, with both files in one batch.
TEST_P(ImporterTest, AnLaNumberResolvesToTheCodeOfItsNewestPeriodInOneBatch) {
  FileToImport lait{"lait_gateshead.csv",
                    "measure_short,years,la_or_region,value,la_number,region\n"
                    "SEN_CASES_JAN,2024,Gateshead,1900,390,North East\n"};
  Result<ImportReport> report =
      import_files(store(), {test_file("sen2_special_caseload_recoded.csv"), lait}, "tester");
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  const std::vector<store::StatValue> values = series("lait_indicators");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].area_code, "E08000037");
}

TEST_P(ImporterTest, SymbolsAreStoredAsTextWithoutAValue) {
  import({"sen2_caseload_2025.csv", "lait_indicators.csv"});
  const std::vector<store::StatValue> caseload = series("sen2_caseload");
  for (const auto& [measure, area, breakdown, symbol] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"special_independent", kCamden, "All EHC plans", "x"},
           {"mainstream_total_pc", kCamden, "All EHC plans", "c"},
           {"mainstream_total_pc", kCamden, "Under 5", "low"},
           {"mainstream_total_pc", "E09000001", "All EHC plans", "z"}}) {
    const store::StatValue* value = find_value(caseload, measure, area, "2024/25", breakdown);
    ASSERT_NE(value, nullptr) << measure << " " << area;
    EXPECT_EQ(value->text, symbol);
    EXPECT_FALSE(value->value.has_value()) << measure << " " << area << " = " << *value->value;
  }
  const store::StatValue* dash =
      find_value(series("lait_indicators"), "SENFinance", kCamden, "2023-24 (outturn)");
  ASSERT_NE(dash, nullptr);
  EXPECT_EQ(dash->text, "-");
  EXPECT_FALSE(dash->value.has_value());
}

TEST_P(ImporterTest, LargeAmountsKeepEveryDigit) {
  import({"sen2_caseload_2025.csv", "dsg_allocations.csv"});
  const std::vector<store::StatValue> dsg = series("dsg_allocations");
  EXPECT_EQ(number(dsg, "total_dsg_gross", kEnglandCode, "2023-24"), 58599382712.0);
  EXPECT_EQ(number(dsg, "high_needs_block_gross", kEnglandCode, "2023-24"), 10123456789.0);
}

TEST_P(ImporterTest, ImportingTheSameFilesTwiceChangesNothing) {
  import({"sen2_caseload_2025.csv", "lait_indicators.csv", "lait_neighbours.csv"});
  const std::vector<store::StatValue> before = series("sen2_caseload");
  const ImportReport again =
      import({"sen2_caseload_2025.csv", "lait_indicators.csv", "lait_neighbours.csv"});
  ASSERT_EQ(again.outcomes.size(), 3u);
  for (const store::StatImportOutcome& outcome : again.outcomes) {
    EXPECT_TRUE(outcome.already_imported) << outcome.file_name;
    EXPECT_EQ(outcome.values_changed, 0) << outcome.file_name;
  }
  EXPECT_EQ(again.outcomes[0].values_kept, 33);
  EXPECT_EQ(releases().size(), 3u);
  const std::vector<store::StatValue> after = series("sen2_caseload");
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].text, before[i].text);
    EXPECT_EQ(after[i].release_id, before[i].release_id);
  }
}

TEST_P(ImporterTest, TheSameFileUnderAnotherNameIsRecognised) {
  import({"sen2_caseload_2025.csv"});
  FileToImport renamed = test_file("sen2_caseload_2025.csv");
  renamed.name = "downloaded_again.csv";
  Result<ImportReport> report = import_files(store(), {renamed}, "tester");
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  ASSERT_EQ(report.value().outcomes.size(), 1u);
  EXPECT_TRUE(report.value().outcomes[0].already_imported);
  EXPECT_EQ(report.value().outcomes[0].values_changed, 0);
  EXPECT_EQ(releases().size(), 1u);
}

TEST_P(ImporterTest, TheSameFileTwiceInOneBatchIsImportedOnce) {
  const ImportReport report = import({"sen2_caseload_2025.csv", "sen2_caseload_2025.csv"});
  ASSERT_EQ(report.outcomes.size(), 2u);
  EXPECT_FALSE(report.outcomes[0].already_imported);
  EXPECT_EQ(report.outcomes[0].values_changed, 33);
  EXPECT_TRUE(report.outcomes[1].already_imported);
  EXPECT_EQ(report.outcomes[1].values_changed, 0);
  EXPECT_EQ(releases().size(), 1u);
}

// An EES caseload file of `rows` made-up local authorities (E0990xxxx, numbers 5xx), ehcplans
// and one percentage each, for `period` ("202425") with plans = base + row.
FileToImport many_authorities(const std::string& name, int rows, const std::string& period,
                              int base) {
  std::string content =
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
      "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,"
      "special_total_pc\n";
  for (int row = 0; row < rows; ++row) {
    content += period + ",Academic year,Local authority,E92000001,England,E12000007,London," +
               "E0990" + std::to_string(1000 + row) + "," + std::to_string(500 + row) +
               ",Borough " + std::to_string(row) + ",All EHC plans,All EHC plans," +
               std::to_string(base + row) + "," + (row % 7 == 0 ? "x" : "27.5") + "\n";
  }
  return {name, content};
}

TEST_P(ImporterTest, ManyValuesImportInSeveralStatements) {
  // 2 x 450 values: more than one multi-row statement each.
  Result<ImportReport> first =
      import_files(store(), {many_authorities("older.csv", 450, "202324", 1000)}, "tester");
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first.value().outcomes[0].values_changed, 900);
  Result<ImportReport> second = import_files(store(),
                                             {many_authorities("newer.csv", 450, "202324", 2000),
                                              many_authorities("newest.csv", 450, "202425", 3000)},
                                             "tester");
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  // newer.csv has the same edition (2024) as older.csv with other plans: they replace them.
  EXPECT_EQ(second.value().outcomes[0].values_changed, 450);
  EXPECT_EQ(second.value().outcomes[0].values_kept, 450);
  EXPECT_EQ(second.value().outcomes[1].values_changed, 900);

  const std::vector<store::StatValue> all = series("sen2_caseload");
  EXPECT_EQ(all.size(), 1800u);
  EXPECT_EQ(number(all, "ehcplans", "E09901000", "2023/24", "All EHC plans"), 2000);
  EXPECT_EQ(number(all, "ehcplans", "E09901449", "2023/24", "All EHC plans"), 2449);
  EXPECT_EQ(number(all, "ehcplans", "E09901449", "2024/25", "All EHC plans"), 3449);
  EXPECT_EQ(number(all, "special_total_pc", "E09901201", "2024/25", "All EHC plans"), 27.5);
  const store::StatValue* symbol =
      find_value(all, "special_total_pc", "E09901203", "2024/25", "All EHC plans");
  ASSERT_NE(symbol, nullptr);
  EXPECT_EQ(symbol->text, "x");
  EXPECT_FALSE(symbol->value.has_value());
  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok());
  EXPECT_GE(areas.value().size(), 450u);
}

TEST_P(ImporterTest, NewerEditionReplacesTheValuesItPublishesAgain) {
  import({"sen2_caseload_2024.csv"});
  EXPECT_EQ(number(series("sen2_caseload"), "ehcplans", kHackney, "2023/24", "All EHC plans"),
            2900);
  const ImportReport newer = import({"sen2_caseload_2025.csv"});
  ASSERT_EQ(newer.outcomes.size(), 1u);
  EXPECT_FALSE(newer.outcomes[0].already_imported);
  // All 33 values are new or replaced (Hackney 2023/24's three are republished, one changed).
  EXPECT_GE(newer.outcomes[0].values_changed, 31);

  const std::vector<store::StatValue> all = series("sen2_caseload");
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2023/24", "All EHC plans"), 2950);
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2024/25", "All EHC plans"), 3100);
  // What the newer edition does not publish stays as the older one had it.
  EXPECT_EQ(number(all, "ehcplans", kCamden, "2023/24", "All EHC plans"), 2000);
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2022/23", "All EHC plans"), 2700);
  const std::vector<store::StatRelease> list = releases();
  ASSERT_EQ(list.size(), 2u);
  const store::StatValue* republished =
      find_value(all, "ehcplans", kHackney, "2023/24", "All EHC plans");
  const store::StatValue* kept = find_value(all, "ehcplans", kCamden, "2023/24", "All EHC plans");
  ASSERT_NE(republished, nullptr);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(republished->release_id, list[1].id);
  EXPECT_EQ(kept->release_id, list[0].id);
}

TEST_P(ImporterTest, OlderEditionImportedLaterOnlyAddsWhatTheNewerLacks) {
  import({"sen2_caseload_2025.csv"});
  const ImportReport older = import({"sen2_caseload_2024.csv"});
  ASSERT_EQ(older.outcomes.size(), 1u);
  EXPECT_FALSE(older.outcomes[0].already_imported);
  // Of its nine values, Hackney 2023/24's three are held by the newer edition.
  EXPECT_EQ(older.outcomes[0].values_changed, 6);
  EXPECT_EQ(older.outcomes[0].values_kept, 3);

  const std::vector<store::StatValue> all = series("sen2_caseload");
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2023/24", "All EHC plans"), 2950);
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2024/25", "All EHC plans"), 3100);
  EXPECT_EQ(number(all, "ehcplans", kCamden, "2023/24", "All EHC plans"), 2000);
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2022/23", "All EHC plans"), 2700);
  EXPECT_EQ(all.size(), 33u + 6u) << describe(all);
}

TEST_P(ImporterTest, BothEditionsInOneBatchGiveTheSameStoreInEitherOrder) {
  import({"sen2_caseload_2024.csv", "sen2_caseload_2025.csv"});
  const std::vector<store::StatValue> all = series("sen2_caseload");
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2023/24", "All EHC plans"), 2950);
  EXPECT_EQ(number(all, "ehcplans", kHackney, "2022/23", "All EHC plans"), 2700);
  EXPECT_EQ(all.size(), 39u);

  Result<std::unique_ptr<ScratchStore>> other = ScratchStore::open(GetParam());
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  Result<ImportReport> reversed = import_files(
      other.value()->store(),
      {test_file("sen2_caseload_2025.csv"), test_file("sen2_caseload_2024.csv")}, "tester");
  ASSERT_TRUE(reversed.ok()) << reversed.error().to_string();
  store::StatQuery query;
  query.series = "sen2_caseload";
  Result<std::vector<store::StatValue>> again = other.value()->store().query_stat_values(query);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  ASSERT_EQ(again.value().size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(again.value()[i].text, all[i].text)
        << all[i].measure << " " << all[i].area_code << " " << all[i].period;
  }
}

TEST_P(ImporterTest, ABatchWithOneBadFileImportsNothing) {
  FileToImport bad{"lait_broken.csv",
                   "measure_short,years,la_or_region,value,la_number,region\n"
                   "SEN_CASES_JAN,2024,Hackney,lots,204,Inner London\n"};
  Result<ImportReport> report = import_files(
      store(), {test_file("sen2_caseload_2025.csv"), bad, test_file("dsg_allocations.csv")},
      "tester");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kParse);
  EXPECT_NE(report.error().message.find("lait_broken.csv:2:28"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("nothing imported"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(report.error().message.find("sen2_caseload_2025.csv"), std::string::npos)
      << report.error().message;
  EXPECT_TRUE(releases().empty());
  EXPECT_TRUE(series("sen2_caseload").empty());
  EXPECT_TRUE(series("dsg_allocations").empty());
  Result<std::vector<store::StatArea>> areas = store().list_stat_areas();
  ASSERT_TRUE(areas.ok());
  for (const store::StatArea& area : areas.value()) EXPECT_NE(area.level, "la") << area.code;
  Result<std::vector<store::StatNeighbour>> neighbours = store().list_stat_neighbours();
  ASSERT_TRUE(neighbours.ok());
  EXPECT_TRUE(neighbours.value().empty());
}

TEST_P(ImporterTest, EveryBadFileOfABatchIsReported) {
  FileToImport unknown{"mystery.csv", "a,b,c\n1,2,3\n"};
  FileToImport empty{"empty.csv", ""};
  Result<ImportReport> report =
      import_files(store(), {unknown, test_file("sen2_caseload_2025.csv"), empty}, "tester");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("mystery.csv"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("empty.csv"), std::string::npos) << report.error().message;
  EXPECT_NE(report.error().message.find("2 of 3"), std::string::npos) << report.error().message;
  EXPECT_TRUE(releases().empty());
}

TEST_P(ImporterTest, NameOnlyFilesImportWithASen2FileGivenAfterThem) {
  const ImportReport report =
      import({"high_needs_spend_per_head.csv", "lait_indicators.csv", "lait_neighbours.csv",
              "dsg_allocations.csv", "sen2_caseload_2025.csv"});
  ASSERT_EQ(report.files.size(), 5u);
  // The SEN2 file is read first.
  EXPECT_EQ(report.files[0].import.release.series, "sen2_caseload");
  ASSERT_EQ(report.outcomes.size(), 5u);
  for (const store::StatImportOutcome& outcome : report.outcomes) {
    EXPECT_FALSE(outcome.already_imported) << outcome.file_name;
  }
  EXPECT_EQ(
      number(series("high_needs_spend_per_head"), "Spend per head", kHackney, "2021-22", "State"),
      350.5);
  EXPECT_EQ(number(series("lait_indicators"), "SEN_CASES_JAN", kHackney, "2024"), 3050);
  EXPECT_EQ(number(series("dsg_allocations"), "high_needs_block_gross", kHackney, "2023-24"),
            75000000);
}

TEST_P(ImporterTest, NameOnlyFileAloneAsksForSen2FirstThenImportsAfterIt) {
  Result<ImportReport> alone = import_files(store(), {test_file("lait_indicators.csv")}, "tester");
  ASSERT_FALSE(alone.ok());
  EXPECT_NE(alone.error().message.find("import a SEN2 file first"), std::string::npos)
      << alone.error().message;
  EXPECT_NE(alone.error().message.find("lait_indicators.csv"), std::string::npos);
  EXPECT_TRUE(releases().empty());

  import({"sen2_caseload_2025.csv"});
  // A later run knows the local authorities from the store.
  const ImportReport later = import({"lait_indicators.csv"});
  ASSERT_EQ(later.outcomes.size(), 1u);
  EXPECT_EQ(later.outcomes[0].values_changed, 7);
  EXPECT_EQ(number(series("lait_indicators"), "SEN_CASES_JAN", "E06000023", "2024"), 4500);
}

TEST_P(ImporterTest, QueriesFilterByMeasureAreaAndBreakdown) {
  import({"sen2_caseload_2025.csv", "sen2_caseload_2026_new_measure.csv"});
  store::StatQuery query;
  query.series = "sen2_caseload";
  query.measures = {"ehcplans"};
  std::vector<store::StatValue> found = values(query);
  EXPECT_EQ(found.size(), 13u) << describe(found);
  for (const store::StatValue& value : found) EXPECT_EQ(value.measure, "ehcplans");

  query.area_codes = {kHackney, kCamden};
  found = values(query);
  EXPECT_EQ(found.size(), 7u) << describe(found);
  for (const store::StatValue& value : found) {
    EXPECT_TRUE(value.area_code == kHackney || value.area_code == kCamden) << value.area_code;
  }
  // Ordered by measure, area, then year.
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front().area_code, kCamden);
  EXPECT_EQ(found.back().area_code, kHackney);
  EXPECT_EQ(found.back().year, 2026);

  query.breakdown_topic = "Age";
  found = values(query);
  EXPECT_EQ(found.size(), 3u) << describe(found);
  query.breakdown = "Under 5";
  found = values(query);
  ASSERT_EQ(found.size(), 2u) << describe(found);
  EXPECT_EQ(found[0].area_code, kCamden);
  EXPECT_EQ(found[0].text, "90");
  EXPECT_EQ(found[1].area_code, kHackney);
  EXPECT_EQ(found[1].text, "150");

  store::StatQuery several;
  several.series = "sen2_caseload";
  several.measures = {"ehcplans", "ehcplans_with_health_section"};
  several.area_codes = {kHackney};
  several.breakdown = "All EHC plans";
  found = values(several);
  EXPECT_EQ(found.size(), 4u) << describe(found);

  store::StatQuery other_series;
  other_series.series = "lait_indicators";
  EXPECT_TRUE(values(other_series).empty());
  store::StatQuery no_area;
  no_area.series = "sen2_caseload";
  no_area.area_codes = {"E09000099"};
  EXPECT_TRUE(values(no_area).empty());
}

TEST_P(ImporterTest, NeighboursAreStored) {
  import({"sen2_caseload_2025.csv", "lait_neighbours.csv"});
  Result<std::vector<store::StatNeighbour>> neighbours = store().list_stat_neighbours();
  ASSERT_TRUE(neighbours.ok()) << neighbours.error().to_string();
  const std::vector<store::StatNeighbour>& list = neighbours.value();
  ASSERT_EQ(list.size(), 5u);
  // By area, then rank: Camden (E09000007) before Hackney (E09000012).
  EXPECT_EQ(list[0].area_code, kCamden);
  EXPECT_EQ(list[0].rank, 1);
  EXPECT_EQ(list[0].neighbour_code, kIslington);
  EXPECT_EQ(list[2].area_code, kCamden);
  EXPECT_EQ(list[2].rank, 3);
  EXPECT_EQ(list[2].neighbour_code, "E09000001");
  EXPECT_EQ(list[2].closeness, "Somewhat close");
  EXPECT_EQ(list[3].area_code, kHackney);
  EXPECT_EQ(list[3].rank, 1);
  EXPECT_EQ(list[3].neighbour_code, kIslington);
  EXPECT_EQ(list[3].closeness, "Very close");
  EXPECT_EQ(list[4].area_code, kHackney);
  EXPECT_EQ(list[4].rank, 2);
  EXPECT_EQ(list[4].neighbour_code, kCamden);
}

TEST_P(ImporterTest, EveryLayoutImports) {
  const ImportReport report = import(
      {"census_all_schools.csv", "census_mainstream.csv", "census_school_types.csv",
       "lait_indicators.csv", "lait_neighbours.csv", "dsg_allocations.csv",
       "high_needs_benchmarking.csv", "high_needs_spend_per_head.csv", "dsg_balance.csv",
       "ofsted_2023_framework.csv", "ofsted_2016_framework.csv", "sen2_needs_all_plans.csv",
       "sen2_needs_new_plans.csv", "sen2_special_caseload_2022.csv", "sen2_caseload_2025.csv"});
  ASSERT_EQ(report.outcomes.size(), 15u);
  EXPECT_EQ(releases().size(), 15u);
  for (std::size_t i = 0; i < report.files.size(); ++i) {
    const store::StatImport& file = report.files[i].import;
    const std::vector<store::StatValue> stored = series(file.release.series);
    EXPECT_EQ(stored.size(), file.values.size()) << file.release.file_name;
    EXPECT_EQ(report.outcomes[i].values_changed, static_cast<int>(file.values.size()))
        << file.release.file_name;
  }
  const store::StatValue* grade =
      find_value(series("area_send_2023"), "outcome_grade", kHackney, "2025-11-17");
  ASSERT_NE(grade, nullptr);
  EXPECT_EQ(grade->value, 2);
  const store::StatValue* wsoa =
      find_value(series("area_send_2016"), "wsoa_required", kCamden, "2019-02-11");
  ASSERT_NE(wsoa, nullptr);
  EXPECT_EQ(wsoa->text, "Yes");
}

TEST_P(ImporterTest, ProgressHearsEveryStep) {
  std::vector<std::string> lines;
  Result<ImportReport> report =
      import_files(store(), {test_file("dsg_allocations.csv"), test_file("sen2_caseload_2025.csv")},
                   "tester", [&](const std::string& line) { lines.push_back(line); });
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("sen2_caseload_2025.csv"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("dsg_allocations.csv"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("METROPOLITAN AUTHORITIES"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("one transaction"), std::string::npos) << lines[2];
}

INSTANTIATE_TEST_SUITE_P(Backends, ImporterTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::dfe::testing
