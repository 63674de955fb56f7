// Tests for the report text helpers: clock times, CSV cells, HTML escaping, rounding.
#include "report/text_format.h"

#include <gtest/gtest.h>

namespace sendplan::report::detail {
namespace {

TEST(TextFormat, ClockTimeRoundsToTheNearestMinute) {
  EXPECT_EQ(clock_time(0), "00:00");
  EXPECT_EQ(clock_time(450.2), "07:30");
  EXPECT_EQ(clock_time(478.5), "07:59");  // halves round up
  EXPECT_EQ(clock_time(479.49), "07:59");
  EXPECT_EQ(clock_time(59.6), "01:00");
  EXPECT_EQ(clock_time(1450), "24:10");  // past midnight keeps counting
  EXPECT_EQ(clock_time(-3), "00:00");
}

TEST(TextFormat, CsvCellQuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_cell("plain text"), "plain text");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_line({"", "a,b", "c"}), ",\"a,b\",c\n");
}

TEST(TextFormat, HtmlEscapeCoversTextAndAttributes) {
  EXPECT_EQ(html_escape("<b>\"Tom\" & 'Jo'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;");
  EXPECT_EQ(html_escape("plain"), "plain");
}

TEST(TextFormat, Rounded) {
  EXPECT_DOUBLE_EQ(rounded(33.8456, 2), 33.85);
  EXPECT_DOUBLE_EQ(rounded(-0.123456, 5), -0.12346);
  EXPECT_DOUBLE_EQ(rounded(30.52, 1), 30.5);
}

}  // namespace
}  // namespace sendplan::report::detail
