// The provider register CSV: the canonical file reads and writes back byte for byte, written
// providers read back equal, and a broken file reports every bad cell at its line and column.
#include "placements/provider_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "placements/problem_expectations.h"

namespace sendplan::placements {
namespace {

using testing::expect_problems;
using testing::Expected;
using testing::read_file;

const std::string kData = SENDPLAN_TEST_DATA_DIR;

void expect_same(const Provider& a, const Provider& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.urn, b.urn);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.la_number, b.la_number);
  EXPECT_EQ(a.local_authority, b.local_authority);
  EXPECT_EQ(a.postcode, b.postcode);
  ASSERT_EQ(a.location.has_value(), b.location.has_value());
  if (a.location) {
    EXPECT_EQ(a.location->latitude, b.location->latitude);
    EXPECT_EQ(a.location->longitude, b.location->longitude);
  }
  EXPECT_EQ(a.age_low, b.age_low);
  EXPECT_EQ(a.age_high, b.age_high);
  EXPECT_EQ(a.needs, b.needs);
  EXPECT_EQ(a.boarding, b.boarding);
  EXPECT_EQ(a.wheelchair_accessible, b.wheelchair_accessible);
  EXPECT_EQ(a.capacity, b.capacity);
  EXPECT_EQ(a.places_commissioned, b.places_commissioned);
  EXPECT_EQ(a.vacancies, b.vacancies);
  EXPECT_EQ(a.ofsted_grade, b.ofsted_grade);
  EXPECT_EQ(a.ofsted_date, b.ofsted_date);
  EXPECT_EQ(a.section41, b.section41);
  EXPECT_EQ(a.source, b.source);
}

TEST(ProviderCsv, ReadsTheCanonicalFile) {
  const Checked<std::vector<Provider>> read = load_provider_csv(kData + "/providers.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const std::vector<Provider>& providers = read.value();
  ASSERT_EQ(providers.size(), 4u);

  const Provider& first = providers[0];
  EXPECT_EQ(first.id, 1);
  EXPECT_EQ(first.urn, "100001");
  EXPECT_EQ(first.name, "Example Special School");
  EXPECT_EQ(first.type, ProviderType::kMaintainedSpecial);
  EXPECT_EQ(first.la_number, "204");
  EXPECT_EQ(first.local_authority, "Hackney");
  EXPECT_EQ(first.postcode, "E8 1AA");
  ASSERT_TRUE(first.location);
  EXPECT_EQ(first.location->latitude, 51.545);
  EXPECT_EQ(first.location->longitude, -0.055);
  EXPECT_EQ(first.age_low, 4);
  EXPECT_EQ(first.age_high, 19);
  EXPECT_EQ(first.needs, (std::set<Need>{Need::kAsd, Need::kSlcn}));
  EXPECT_EQ(first.boarding, Boarding::kDay);
  EXPECT_TRUE(first.wheelchair_accessible);
  EXPECT_EQ(first.capacity, 120);
  EXPECT_EQ(first.places_commissioned, 30);
  EXPECT_EQ(first.vacancies, 5);
  EXPECT_EQ(first.ofsted_grade, 2);
  EXPECT_EQ(first.ofsted_date, "2023-05-17");
  EXPECT_FALSE(first.section41);
  EXPECT_EQ(first.source, "GIAS 20250422");

  // Blank cells: unknown ages, capacity, grade and location.
  const Provider& second = providers[1];
  EXPECT_EQ(second.name, "Eagle House School, Mitcham");
  EXPECT_EQ(second.age_low, 0);
  EXPECT_EQ(second.age_high, 0);
  EXPECT_EQ(second.capacity, 0);
  EXPECT_FALSE(second.location);
  EXPECT_FALSE(second.ofsted_grade);
  EXPECT_TRUE(second.needs.empty());
  EXPECT_TRUE(second.section41);

  EXPECT_EQ(providers[2].name, "The \"Quoted\" College");
  EXPECT_EQ(providers[2].boarding, Boarding::kBoth);
  EXPECT_EQ(providers[2].needs, (std::set<Need>{Need::kSemh, Need::kMld, Need::kPd}));
  EXPECT_EQ(providers[3].id, 0);  // new
  EXPECT_EQ(providers[3].type, ProviderType::kResourcedProvision);
  EXPECT_EQ(providers[3].boarding, Boarding::kResidential);
}

TEST(ProviderCsv, CanonicalFileWritesBackByteForByte) {
  const std::string text = read_file(kData + "/providers.csv");
  const Checked<std::vector<Provider>> read = read_provider_csv(text, "providers.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(write_provider_csv(read.value()), text);
}

TEST(ProviderCsv, WrittenProvidersReadBackEqual) {
  Provider full;
  full.id = 42;
  full.urn = "123456";
  full.name = "St Mary’s \"Special\", School\nAnnexe";  // UTF-8, quote, comma, line break
  full.type = ProviderType::kAcademySpecial;
  full.la_number = "305";
  full.local_authority = "Bromley";
  full.postcode = "BR1 1AA";
  full.location = geo::LatLon{51.40562812345678, 0.014901234567891};
  full.age_low = 2;
  full.age_high = 25;
  for (Need need : all_needs()) full.needs.insert(need);
  full.boarding = Boarding::kBoth;
  full.wheelchair_accessible = true;
  full.capacity = 200;
  full.places_commissioned = 200;
  full.vacancies = 0;
  full.ofsted_grade = 4;
  full.ofsted_date = "2024-02-29";
  full.section41 = true;
  full.source = "user, edited";
  const Provider empty_but_named = [] {
    Provider provider;
    provider.name = "Unknown Details";
    return provider;
  }();

  const std::string text = write_provider_csv({full, empty_but_named});
  const Checked<std::vector<Provider>> read = read_provider_csv(text, "written.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 2u);
  expect_same(read.value()[0], full);
  expect_same(read.value()[1], empty_but_named);
  EXPECT_EQ(write_provider_csv(read.value()), text);
}

TEST(ProviderCsv, ColumnsInAnyOrderAndOnlyNameAndTypeRequired) {
  const Checked<std::vector<Provider>> read = read_provider_csv(
      "type,needs,name\nIndependent special school, SEMH ; asd;,Hill House\n", "short.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 1u);
  EXPECT_EQ(read.value()[0].name, "Hill House");
  EXPECT_EQ(read.value()[0].type, ProviderType::kIndependentSpecial);
  EXPECT_EQ(read.value()[0].needs, (std::set<Need>{Need::kAsd, Need::kSemh}));
  // Needs are written in the order of Need, whatever order they were read in.
  EXPECT_NE(write_provider_csv(read.value()).find(",asd;semh,"), std::string::npos);
}

TEST(ProviderCsv, BrokenFileReportsEveryBadCell) {
  const std::string file = kData + "/providers_broken.csv";
  const Checked<std::vector<Provider>> read = load_provider_csv(file);
  ASSERT_FALSE(read.ok());
  expect_problems(
      read.problems(), file,
      {
          {3, 1, "id: expected a whole number, got 'x'"},
          {3, 4, "name: required value is empty"},
          {3, 5, "type: required value is empty (the types are independent-special"},
          {4, 1, "id: repeated id 1 (first on line 2)"},
          {4, 3, "urn: repeated urn 100001 (first on line 2)"},
          {5, 39, "needs: unknown need 'adhd' (the need codes are asd, slcn, semh"},
          {6, 35, "latitude: 91 is outside Great Britain's latitudes (49 to 61)"},
          {7, 33, "age_low: age_low 16 is above age_high 11"},
          {8, 46, "places_commissioned: 11 places commissioned is more than the capacity 10"},
          {8, 49, "vacancies: 12 vacancies is more than the capacity 10"},
          {9, 42, "capacity: must be at least 1, got -3"},
          {9, 45, "places_commissioned: must not be negative, got -1"},
          {10, 42, "ofsted_grade: must be at most 4, got 5"},
          {10, 44, "ofsted_date: no such date '2023-02-30'"},
          {11, 38, "boarding: expected day, residential or both, got 'weekly'"},
          {11, 45, "wheelchair_accessible: expected yes or no, got 'maybe'"},
          {11, 55, "ofsted_date: expected a date YYYY-MM-DD, got '17/05/2023'"},
          {11, 66, "section41: expected yes or no, got 'y'"},
          {12, 9, "type: unknown provider type 'school'"},
          {12, 16, "la_number: expected a 3-digit DfE LA number, got '20'"},
          {12, 20, "postcode: 'NOT A CODE' is not shaped like a UK postcode"},
          {13, 38, "longitude: latitude and longitude must be given together"},
          {13, 41, "age_high: age_low and age_high must be given together"},
          {14, 32, "latitude: expected a number, got 'north'"},
          {14, 38, "longitude: expected a number, got 'west'"},
          {14, 43, "age_low: expected a whole number, got 'four'"},
          {14, 54, "capacity: expected a whole number, got 'lots'"},
      });
  // Malformed values are parse errors; well-formed but impossible ones invalid input.
  EXPECT_EQ(read.problems()[0].code, ErrorCode::kParse);
  EXPECT_EQ(read.problems()[3].code, ErrorCode::kInvalidInput);
  EXPECT_EQ(read.problems()[6].code, ErrorCode::kInvalidInput);
  // As one error for the CLI: every problem on its own line.
  const Error combined = read.error();
  EXPECT_EQ(combined.where.line, 3);
  EXPECT_NE(combined.message.find("27 problems:\n"), std::string::npos);
}

TEST(ProviderCsv, HeaderProblemsAreAllReported) {
  const std::string text =
      "id,nmae,type,vacancy,type\n"
      "1,A School,independent-special,3,\n";
  const Checked<std::vector<Provider>> read = read_provider_csv(text, "header.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "header.csv",
                  {
                      {1, 1, "missing column 'name' (the provider register needs name, type)"},
                      {1, 4, "unknown column 'nmae' (the columns are id, urn, name"},
                      {1, 14, "unknown column 'vacancy'"},
                      {1, 22, "repeated column 'type' (first as column 3)"},
                  });
}

TEST(ProviderCsv, MalformedCsvIsOneParseError) {
  const Checked<std::vector<Provider>> read =
      read_provider_csv("name,type\n\"Open Quote,independent-special\n", "quote.csv");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.problems().size(), 1u);
  EXPECT_EQ(read.problems()[0].code, ErrorCode::kParse);
  EXPECT_EQ(read.problems()[0].where.line, 2);
  EXPECT_EQ(read.problems()[0].where.column, 1);
  EXPECT_NE(read.problems()[0].message.find("unterminated"), std::string::npos);
}

TEST(ProviderCsv, ExtraFieldsInARowAreReported) {
  const Checked<std::vector<Provider>> read =
      read_provider_csv("name,type\nSmith, Jones School,independent-special\n", "extra.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "extra.csv",
                  {{2, 7, "unknown provider type 'Jones School'"},
                   {2, 21, "the row has 3 fields but the header has 2 columns"}});
}

TEST(ProviderCsvFields, QuotingAndDecimals) {
  EXPECT_EQ(csv_cell("plain"), "plain");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell(" padded"), "\" padded\"");
  EXPECT_EQ(detail::format_decimal(51.5), "51.5");
  EXPECT_EQ(detail::format_decimal(-0.1226), "-0.1226");
  EXPECT_EQ(detail::format_decimal(3.0), "3");
  EXPECT_TRUE(detail::parse_iso_date("2024-02-29"));
  EXPECT_FALSE(detail::parse_iso_date("2023-02-29"));
  EXPECT_FALSE(detail::parse_iso_date("1900-02-29"));
  EXPECT_TRUE(detail::parse_iso_date("2000-02-29"));
  EXPECT_FALSE(detail::parse_iso_date("2023-1-01"));
  EXPECT_FALSE(detail::parse_iso_date("2023-04-31"));
}

// Regression (security review): a provider named =HYPERLINK(...) was exported verbatim, so a
// spreadsheet opening providers.csv ran it. The cell now starts with an apostrophe and is quoted;
// numbers (a negative longitude) stay numbers; and the register reads it back as it was.
TEST(ProviderCsv, FormulaNamesAreNeutralisedAndReadBackExactly) {
  Provider formula;
  formula.name = "=HYPERLINK(\"http://x\",\"Click\")";
  formula.type = ProviderType::kIndependentSpecial;
  formula.local_authority = "@SUM(A1:A9)";
  formula.location = geo::LatLon{51.5, -0.1226};
  formula.source = "-2+3";
  const std::string text = write_provider_csv({formula});
  const std::string row = text.substr(text.find('\n') + 1);
  EXPECT_EQ(row,
            ",,\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\",independent-special,,"
            "\"'@SUM(A1:A9)\",,51.5,-0.1226,,,,day,no,,0,0,,,no,\"'-2+3\"\n");

  const Checked<std::vector<Provider>> read = read_provider_csv(text, "providers.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 1u);
  expect_same(read.value()[0], formula);
  EXPECT_EQ(write_provider_csv(read.value()), text);
}

// Regression: a cell of 19 MB was echoed whole into a 422 body; a problem quotes 80 characters.
TEST(ProviderCsv, AHugeCellIsQuotedShort) {
  const Checked<std::vector<Provider>> read = read_provider_csv(
      "name,type\nHill House," + std::string(1 << 20, 'z') + "\n", "providers.csv");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.problems().size(), 1u);
  EXPECT_LT(read.problems()[0].message.size(), 300u);
  EXPECT_NE(read.problems()[0].message.find("unknown provider type '" + std::string(80, 'z') +
                                            "\xE2\x80\xA6' (1048576 characters)"),
            std::string::npos)
      << read.problems()[0].message;
}

// Regression: a register saved as UTF-16 or Latin-1 is named as such, not misread.
TEST(ProviderCsv, FilesThatAreNotUtf8AreRefusedClearly) {
  const Checked<std::vector<Provider>> latin1 = read_provider_csv(
      "name,type\nSt Ren\xE9"
      "e,independent-special\n",
      "providers.csv");
  ASSERT_FALSE(latin1.ok());
  ASSERT_EQ(latin1.problems().size(), 1u);
  EXPECT_EQ(latin1.problems()[0].to_string(),
            "providers.csv:2:7: file is not UTF-8 (byte 0xE9 at line 2, column 7; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("name,type\nHill,independent-special\n")) utf16 += std::string{c, '\0'};
  const Checked<std::vector<Provider>> wide = read_provider_csv(utf16, "providers.csv");
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.problems()[0].message,
            "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
}

}  // namespace
}  // namespace sendplan::placements
