// Tests for the HTML profile: one self-contained document, escaped text, one chart and one
// table per figure, source and period shown, and footnotes only for the symbols used.
#include "stats/report_html.h"

#include <gtest/gtest.h>

namespace sendplan::stats {
namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

Figure plans_figure() {
  Figure figure;
  figure.id = "plans-over-time";
  figure.title = "EHC plans in place in January";
  figure.subtitle = "Hackney against London & England";
  figure.source = "DfE, Education, health and care plans (SEN2), 2025 release";
  figure.period = "January 2019 to January 2025";
  figure.note = "Counts are as published.";
  // Given out of year order: the table sorts by year.
  figure.series = {
      {"Hackney",
       "area",
       {{"2025", 2025, 3512, ""}, {"2023", 2023, 3100, ""}, {"2024", 2024, std::nullopt, "c"}}},
      {"London", "london", {{"2023", 2023, std::nullopt, "x"}, {"2025", 2025, 98000, ""}}}};
  return figure;
}

Figure need_figure() {
  Figure figure;
  figure.id = "primary-need";
  figure.title = "Primary need";
  figure.kind = ChartKind::kBar;
  figure.unit = Unit::kPercent;
  figure.source = "DfE SEN2";
  figure.period = "January 2025";
  figure.series = {{"Hackney", "area", {{"ASD", 0, 31.5, ""}, {"SEMH", 0, 18, ""}}}};
  return figure;
}

ProfileReport sample_report() {
  ProfileReport report;
  report.title = "SEND profile: Hackney";
  report.area_name = "Hackney";
  report.generated_at = "2026-12-03";
  report.facts = {
      {"EHC plans, January 2025", "3,512", "+142% since January 2015", "DfE SEN2 2025"}};
  report.figures = {plans_figure(), need_figure()};
  report.notes = {"Forecasts use a log-linear trend."};
  report.attribution = "Contains public sector information licensed under the OGL v3.0";
  return report;
}

TEST(ReportHtml, OneSelfContainedDocument) {
  const std::string html = render_profile_html(sample_report());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("https:"), std::string::npos);
  EXPECT_NE(html.find("<title>SEND profile: Hackney</title>"), std::string::npos);
  EXPECT_NE(html.find("2026-12-03"), std::string::npos);
  EXPECT_NE(html.find("+142% since January 2015"), std::string::npos);
  EXPECT_NE(html.find("Forecasts use a log-linear trend."), std::string::npos);
  EXPECT_NE(html.find("licensed under the OGL v3.0"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(ReportHtml, EachFigureHasItsSectionChartTableSourceAndPeriod) {
  const std::string html = render_profile_html(sample_report());
  EXPECT_EQ(count(html, "<svg"), 2u);
  EXPECT_EQ(count(html, "</svg>"), 2u);
  EXPECT_EQ(count(html, "<table"), 2u);
  EXPECT_NE(html.find("<section class=\"figure\" id=\"figure-plans-over-time\">"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"figure-primary-need\""), std::string::npos);
  EXPECT_NE(html.find("Source: DfE, Education, health and care plans (SEN2), 2025 release"),
            std::string::npos);
  EXPECT_NE(html.find("Period: January 2019 to January 2025"), std::string::npos);
  EXPECT_NE(html.find("Counts are as published."), std::string::npos);
  EXPECT_NE(html.find("Hackney against London &amp; England"), std::string::npos);
  // Rows in year order, values formatted for the unit.
  const size_t row_2023 = html.find("<th scope=\"row\">2023</th>");
  const size_t row_2024 = html.find("<th scope=\"row\">2024</th>");
  const size_t row_2025 = html.find("<th scope=\"row\">2025</th>");
  ASSERT_NE(row_2023, std::string::npos);
  EXPECT_LT(row_2023, row_2024);
  EXPECT_LT(row_2024, row_2025);
  EXPECT_NE(html.find(">3,512</td>"), std::string::npos);
  EXPECT_NE(html.find(">98,000</td>"), std::string::npos);
  EXPECT_NE(html.find(">31.5%</td>"), std::string::npos);
  // London has no 2024 point: an empty cell, not a symbol.
  EXPECT_NE(html.find("<th scope=\"row\">2024</th><td class=\"num\"><abbr title=\"confidential "
                      "(suppressed)\">c</abbr></td><td class=\"num\"></td></tr>"),
            std::string::npos);
}

TEST(ReportHtml, FootnotesListOnlyTheSymbolsUsed) {
  const std::string html = render_profile_html(sample_report());
  EXPECT_EQ(count(html, "<ul class=\"symbols\""), 1u);  // the bar figure uses none
  const size_t x = html.find("<li><b>x</b> = not available</li>");
  const size_t c = html.find("<li><b>c</b> = confidential (suppressed)</li>");
  ASSERT_NE(x, std::string::npos);
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(x, c);  // in DfE's order
  EXPECT_EQ(html.find("<b>z</b>"), std::string::npos);
  EXPECT_EQ(html.find("<b>~</b>"), std::string::npos);
  EXPECT_EQ(html.find("<b>low</b>"), std::string::npos);
}

TEST(ReportHtml, MissingWithoutSymbolAndUnknownSymbols) {
  ProfileReport report = sample_report();
  report.figures = {need_figure()};
  report.figures[0].series[0].points.push_back({"MLD", 0, std::nullopt, ""});
  report.figures[0].series[0].points.push_back({"PD", 0, std::nullopt, "u"});
  const std::string html = render_profile_html(report);
  EXPECT_NE(html.find("<li><b>-</b> = missing</li>"), std::string::npos);
  EXPECT_NE(html.find("<li><b>u</b> = as published in the source</li>"), std::string::npos);
  EXPECT_EQ(html.find("<nav"), std::string::npos);  // no contents for a single figure
}

TEST(ReportHtml, EscapesEveryText) {
  ProfileReport report = sample_report();
  report.title = "<script>alert('x')</script> & co";
  report.figures[0].title = "Plans <b>bold</b>";
  report.figures[0].series[0].name = "Hackney \"A&B\"";
  report.facts[0].value = "<i>3,512</i>";
  report.notes = {"1 < 2 & 3 > 2"};
  const std::string html = render_profile_html(report);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"),
            std::string::npos);
  EXPECT_EQ(html.find("<b>bold"), std::string::npos);
  EXPECT_NE(html.find("Plans &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Hackney &quot;A&amp;B&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("1 &lt; 2 &amp; 3 &gt; 2"), std::string::npos);
}

}  // namespace
}  // namespace sendplan::stats
