// The placements readers' file through the one CSV reader (placements/csv_file.h): the header
// checks they always made (a repeated name, a value under a column with no name, extra cells),
// now with names found ignoring case, quoted values over two lines, and Windows-1252 on request.
#include "placements/csv_file.h"

#include <gtest/gtest.h>

#include "placements/problem_expectations.h"
#include "placements/provider_csv.h"

namespace sendplan::placements {
namespace {

using testing::expect_problems;

TEST(PlacementsCsvFile, HeaderNamesAreFoundIgnoringCase) {
  const Checked<std::vector<Provider>> read =
      read_provider_csv(" Name ,TYPE\nHill School,independent-special\n", "case.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read.value()[0].name, "Hill School");
}

TEST(PlacementsCsvFile, ARepeatIgnoringCaseIsReportedAtTheRepeat) {
  const Checked<std::vector<Provider>> read =
      read_provider_csv("name,type,Name\nA,independent-special,B\n", "repeat.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "repeat.csv",
                  {{1, 11, "repeated column 'Name' (first as column 1)"}});
}

TEST(PlacementsCsvFile, AColumnWithNoNameMattersOnlyWithAValue) {
  EXPECT_TRUE(read_provider_csv("name,type,\nA,independent-special,\n", "blank.csv").ok());
  const Checked<std::vector<Provider>> read =
      read_provider_csv("name,type,\nA,independent-special,\nB,independent-special,x\n", "v.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "v.csv",
                  {{1, 11, "column 3 has no name but line 3 has a value in it"}});
}

TEST(PlacementsCsvFile, AQuotedValueMaySpanLines) {
  const Checked<std::vector<Provider>> read = read_provider_csv(
      "name,type,source\n\"Hill\nSchool\",independent-special,x\nB,independent-special,bad\"\n",
      "span.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 2u);
  EXPECT_EQ(read.value()[0].name, "Hill\nSchool");
  EXPECT_EQ(read.value()[1].source, "bad\"");  // a quote inside an unquoted value is kept
}

TEST(PlacementsCsvFile, ReadsWindows1252WhenAskedAndPointsAtCharacters) {
  Result<detail::CsvFile> file = detail::CsvFile::read(
      "name,fee\nCaf\xE9,\xA3"
      "12\n",
      "w.csv", csv::Encoding::kWindows1252);
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  const csv::Record& row = file.value().rows().at(0);
  EXPECT_EQ(file.value().columns().cell(row, "NAME"), "Caf\xC3\xA9");
  EXPECT_EQ(file.value().columns().cell(row, "fee"),
            "\xC2\xA3"
            "12");
  EXPECT_EQ(file.value().columns().where(row, "fee").column, 6);
  // Asked for UTF-8, the same bytes are one problem naming the byte.
  EXPECT_FALSE(detail::CsvFile::read("name,fee\nCaf\xE9,1\n", "w.csv").ok());
}

TEST(PlacementsCsvFile, AnEmptyFileIsOneProblem) {
  Result<detail::CsvFile> file = detail::CsvFile::read("\r\n\r\n", "e.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().to_string(), "e.csv:1:1: the file is empty (expected a header row)");
}

}  // namespace
}  // namespace sendplan::placements
