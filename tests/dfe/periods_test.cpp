// Periods as DfE files write them: academic, calendar and financial years, outturn years and ISO
// dates, normalised to one label and the year they end in; anything else is refused.
#include "dfe/periods.h"

#include <gtest/gtest.h>

namespace sendplan::dfe {
namespace {

void expect_period(std::string_view text, const std::string& label, int year) {
  Result<Period> period = parse_period(text);
  ASSERT_TRUE(period.ok()) << "'" << text << "': " << period.error().to_string();
  EXPECT_EQ(period.value().label, label) << "'" << text << "'";
  EXPECT_EQ(period.value().year, year) << "'" << text << "'";
}

void expect_refused(std::string_view text) {
  Result<Period> period = parse_period(text);
  ASSERT_FALSE(period.ok()) << "'" << text << "' read as " << period.value().label;
  EXPECT_EQ(period.error().code, ErrorCode::kParse);
  // The caller adds the file, line and column; the message quotes the text.
  EXPECT_EQ(period.error().where.line, 0);
  if (text.find_first_not_of(' ') != std::string_view::npos) {
    EXPECT_NE(period.error().message.find("'" + std::string(text) + "'"), std::string::npos)
        << period.error().message;
  }
}

TEST(PeriodsTest, AcademicYearsEndInTheirJanuary) {
  expect_period("202425", "2024/25", 2025);
  expect_period("2024/25", "2024/25", 2025);
  expect_period("201819", "2018/19", 2019);
  expect_period("2022/23", "2022/23", 2023);
}

TEST(PeriodsTest, AcademicYearAcrossACentury) {
  expect_period("199900", "1999/00", 2000);
  expect_period("1999/00", "1999/00", 2000);
}

TEST(PeriodsTest, CalendarYears) {
  expect_period("2024", "2024", 2024);
  expect_period("2010", "2010", 2010);
}

TEST(PeriodsTest, FinancialYearsAndOutturn) {
  expect_period("2023-24", "2023-24", 2024);
  expect_period("2020-21", "2020-21", 2021);
  expect_period("2023-24 (OT)", "2023-24 (outturn)", 2024);
  expect_period("2016-17 (OT)", "2016-17 (outturn)", 2017);
}

TEST(PeriodsTest, IsoDatesAreTheirOwnLabel) {
  expect_period("2024-11-18", "2024-11-18", 2024);
  expect_period("2017-03-27", "2017-03-27", 2017);
}

TEST(PeriodsTest, SurroundingSpacesAreIgnored) {
  expect_period(" 2024 ", "2024", 2024);
  expect_period("202425 ", "2024/25", 2025);
}

TEST(PeriodsTest, RefusesYearsThatDoNotFollowEachOther) {
  expect_refused("2024/26");
  expect_refused("202426");
  expect_refused("2023-25");
  expect_refused("2024/24");
}

TEST(PeriodsTest, RefusesWhatIsNoPeriod) {
  expect_refused("abc");
  expect_refused("");
  expect_refused("   ");
  expect_refused("20245");
  expect_refused("0999");
  expect_refused("2023-24 (XX)");
  expect_refused("2024-11");
  expect_refused("27/03/2023");
  expect_refused("Academic year");
}

// Regression (security review): the refusal quotes at most 80 characters of a huge cell.
TEST(PeriodsTest, RefusalQuotesAHugeCellShort) {
  const Result<Period> period = parse_period(std::string(1 << 20, '7'));
  ASSERT_FALSE(period.ok());
  EXPECT_EQ(
      period.error().message.rfind(
          "'" + std::string(80, '7') + "\xE2\x80\xA6' (1048576 characters) is not a period", 0),
      0u);
}

// Regression (fixed): parse_period accepts any two digits as month and day ("2024-13-45" reads as a
// 2024 date), though periods.h says it accepts ISO dates; an impossible date should be refused.
TEST(PeriodsTest, RefusesImpossibleDates) {
  expect_refused("2024-13-01");
  expect_refused("2024-00-10");
  expect_refused("2024-11-45");
}

}  // namespace
}  // namespace sendplan::dfe
