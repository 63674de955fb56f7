// Tests for a Figure as CSV: the exact rows, RFC 4180 quoting, missing values with their
// symbol, empty years, and values that read back exactly.
#include "stats/figure_csv.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace sendplan::stats {
namespace {

TEST(FigureCsv, OneRowPerPointWithQuotingAndSymbols) {
  Figure figure;
  figure.id = "plans-over-time";
  figure.unit = Unit::kCount;
  figure.source = "DfE, \"SEN2\", 2025 release";
  figure.series = {
      {"Hackney", "area", {{"2024", 2024, 3512, ""}, {"2025", 2025, std::nullopt, "c"}}},
      {"Neighbours, mean", "neighbours", {{"2024", 2024, 2987.5, ""}}},
      {"Need\nline", "area", {{"ASD", 0, 0.1, ""}}}};
  const std::string expected =
      "figure,series,period,year,value,symbol,unit,source\n"
      "plans-over-time,Hackney,2024,2024,3512,,count,\"DfE, \"\"SEN2\"\", 2025 release\"\n"
      "plans-over-time,Hackney,2025,2025,,c,count,\"DfE, \"\"SEN2\"\", 2025 release\"\n"
      "plans-over-time,\"Neighbours, mean\",2024,2024,2987.5,,count,"
      "\"DfE, \"\"SEN2\"\", 2025 release\"\n"
      "plans-over-time,\"Need\nline\",ASD,,0.1,,count,\"DfE, \"\"SEN2\"\", 2025 release\"\n";
  EXPECT_EQ(figure_csv(figure), expected);
}

TEST(FigureCsv, ValuesReadBackExactly) {
  const double values[] = {1.0 / 3, 12.345, 1e-7, 123456789012.0, -4.25, 1e20, 0.1 + 0.2};
  Figure figure;
  figure.id = "f";
  figure.unit = Unit::kRate;
  Series series{"s", "area", {}};
  for (double value : values) series.points.push_back({"p", 0, value, ""});
  figure.series = {series};
  std::istringstream lines(figure_csv(figure));
  std::string line;
  std::getline(lines, line);  // header
  for (double value : values) {
    ASSERT_TRUE(std::getline(lines, line));
    // figure,series,period,year,value,... -> the fifth field.
    size_t start = 0;
    for (int field = 0; field < 4; ++field) start = line.find(',', start) + 1;
    const std::string text = line.substr(start, line.find(',', start) - start);
    EXPECT_EQ(std::stod(text), value) << text;
    EXPECT_EQ(text.find(".0,"), std::string::npos);
  }
  EXPECT_NE(figure_csv(figure).find(",123456789012,"), std::string::npos);  // no ".0", no "e"
  EXPECT_NE(figure_csv(figure).find(",rate,"), std::string::npos);
}

TEST(FigureCsv, EmptyFigureIsTheHeaderOnly) {
  EXPECT_EQ(figure_csv(Figure{}), "figure,series,period,year,value,symbol,unit,source\n");
}

// Regression (security review): a series or source that a spreadsheet would run as a formula is
// neutralised (leading apostrophe, quoted); negative values and DfE's "-" symbol stay as they are.
TEST(FigureCsv, FormulaTextIsNeutralisedAndNumbersKept) {
  Figure figure;
  figure.id = "balance";
  figure.unit = Unit::kPercent;
  figure.source = "@SUM(1+1)*cmd|' /C calc'!A0";
  figure.series = {{"=HYPERLINK(\"http://x\",\"Click\")",
                    "area",
                    {{"2023-24", 2023, -3.5, ""}, {"2024-25", 2024, std::nullopt, "-"}}}};
  EXPECT_EQ(figure_csv(figure),
            "figure,series,period,year,value,symbol,unit,source\n"
            "balance,\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\",2023-24,2023,-3.5,,percent,"
            "\"'@SUM(1+1)*cmd|' /C calc'!A0\"\n"
            "balance,\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\",2024-25,2024,,-,percent,"
            "\"'@SUM(1+1)*cmd|' /C calc'!A0\"\n");
}

}  // namespace
}  // namespace sendplan::stats
