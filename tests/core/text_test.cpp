// CSV cells safe from spreadsheet formulas (the security review's CSV injection finding),
// excerpts of huge values for messages, and the other text helpers.
#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace sendplan {
namespace {

TEST(CsvCell, PlainTextIsUnchangedAndSpecialTextQuoted) {
  EXPECT_EQ(csv_cell("Example School"), "Example School");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell(" padded"), "\" padded\"");
}

// Regression: a provider named =HYPERLINK(...) was exported verbatim, and a spreadsheet ran it.
TEST(CsvCell, FormulaIsNeutralisedWithAnApostropheAndQuoted) {
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\",\"Click\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"Click\"\")\"");
  EXPECT_EQ(csv_cell("+1+2"), "\"'+1+2\"");
  EXPECT_EQ(csv_cell("-2+3+cmd|' /C calc'!A0"), "\"'-2+3+cmd|' /C calc'!A0\"");
  EXPECT_EQ(csv_cell("@SUM(A1:A2)"), "\"'@SUM(A1:A2)\"");
  EXPECT_EQ(csv_cell("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(csv_cell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv_cell("-1-1"), "\"'-1-1\"");
  EXPECT_EQ(csv_line({"1", "=1+1", "x"}), "1,\"'=1+1\",x\n");
}

TEST(CsvCell, NegativeAndSignedNumbersStayNumbers) {
  for (const char* number : {"-3.5", "-3", "+2", "-0.1226", "-.5", "-1e-05", "+1.5E+20", "12"}) {
    EXPECT_TRUE(is_plain_number(number)) << number;
    EXPECT_EQ(csv_cell(number), number);
  }
  for (const char* text : {"", "-", "+", ".", "-e5", "1e", "--1", "-1-1", "-1,5", "- 1", "1.2.3"}) {
    EXPECT_FALSE(is_plain_number(text)) << text;
  }
}

TEST(CsvCell, ASignAloneIsLeftAsItIs) {
  // "-" is DfE's symbol for nil in published tables; on its own it computes nothing.
  for (const char* sign : {"-", "+", "=", "@"}) EXPECT_EQ(csv_cell(sign), sign);
}

TEST(SpreadsheetSafe, ReadingUndoesWritingExactly) {
  for (const char* text : {"=1+1", "'=1+1", "''=1+1", "'", "'-3.5", "-3.5", "it's", "'quoted'", "@",
                           "plain", "", "-"}) {
    const std::string written = spreadsheet_safe(text);
    EXPECT_EQ(from_spreadsheet_safe(written), text) << text;
  }
  EXPECT_EQ(spreadsheet_safe("=1+1"), "'=1+1");
  EXPECT_EQ(spreadsheet_safe("'=1+1"), "''=1+1");
  EXPECT_EQ(spreadsheet_safe("it's"), "it's");
  EXPECT_EQ(from_spreadsheet_safe("'plain"), "'plain");  // not written by us: kept as it is
}

TEST(Excerpt, ShortValuesAreQuotedWhole) {
  EXPECT_EQ(quoted_excerpt("maybe"), "'maybe'");
  EXPECT_EQ(quoted_excerpt(""), "''");
  EXPECT_EQ(excerpt(std::string(80, 'x')), std::string(80, 'x'));
}

// Regression: a 1 GB cell was echoed whole into stderr and a 19 MB cell into a 422 body.
TEST(Excerpt, AHugeValueIsCutToEightyCharactersAndCounted) {
  const std::string huge(1 << 20, 'x');
  EXPECT_EQ(quoted_excerpt(huge),
            "'" + std::string(80, 'x') + "\xE2\x80\xA6' (1048576 characters)");
  EXPECT_EQ(excerpt(huge), std::string(80, 'x') + "\xE2\x80\xA6 (1048576 characters)");
  EXPECT_LT(quoted_excerpt(huge).size(), 120u);
}

TEST(Excerpt, NeverSplitsAUtf8Character) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "\xC3\xA9";  // é
  EXPECT_EQ(excerpt(text, 3), "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6 (100 characters)");
  std::string euros;
  for (int i = 0; i < 81; ++i) euros += "\xE2\x82\xAC";  // €
  const std::string cut = excerpt(euros);
  EXPECT_EQ(cut.substr(0, 240), euros.substr(0, 240));
  EXPECT_EQ(cut.substr(240), "\xE2\x80\xA6 (81 characters)");
}

TEST(Text, TrimAndLower) {
  EXPECT_EQ(trim("  a b \r\n"), "a b");
  EXPECT_EQ(to_lower("AbC\xC3\x89"), "abc\xC3\x89");
}

}  // namespace
}  // namespace sendplan
