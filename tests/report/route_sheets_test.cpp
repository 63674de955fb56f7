// Tests for route_sheets.html: one printable page per route, everything escaped, only the
// non-medical travel flags, self-contained.
#include "report/route_sheets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

const SheetHeading kHeading{"Camden <test> & planned", "2025-03-14"};

std::string sample_html() {
  return route_sheets_html(testing::sample_plan(), testing::sample_pupils(),
                           testing::sample_schools(), kHeading);
}

size_t count(const std::string& text, const std::string& part) {
  size_t found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

// The text of the section for route `index` (0-based).
std::string section(const std::string& html, size_t index) {
  size_t start = html.find("<section class=\"route\">");
  for (size_t i = 0; i < index; ++i) start = html.find("<section class=\"route\">", start + 1);
  return html.substr(start, html.find("</section>", start) - start);
}

TEST(RouteSheets, OnePrintedPagePerRoute) {
  const std::string html = sample_html();
  EXPECT_EQ(count(html, "<section class=\"route\">"), 3u);
  EXPECT_EQ(count(html, "</section>"), 3u);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("break-after: page"), std::string::npos);
  EXPECT_NE(html.find("page-break-after: always"), std::string::npos);
  EXPECT_TRUE(
      html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
  EXPECT_TRUE(html.ends_with("</body>\n</html>\n"));
}

TEST(RouteSheets, SelfContained) {
  const std::string html = sample_html();
  for (const char* external : {"http:", "https:", "<link", "src=", "<script", "@import", "url("})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
}

TEST(RouteSheets, TitleAndDateOnEveryPage) {
  const std::string html = sample_html();
  EXPECT_NE(html.find("<title>Route sheets: Camden &lt;test&gt; &amp; planned</title>"),
            std::string::npos);
  EXPECT_EQ(count(html, "Camden &lt;test&gt; &amp; planned &middot; generated 2025-03-14"), 3u);
}

TEST(RouteSheets, RouteHeader) {
  const std::string first = section(sample_html(), 0);
  EXPECT_NE(first.find("<h2>Route AM-001</h2>"), std::string::npos);
  EXPECT_NE(first.find("<dt>Run</dt><dd>AM (home to school)</dd>"), std::string::npos);
  EXPECT_NE(first.find("<dt>Vehicle type</dt><dd>Minibus, 8 seat</dd>"), std::string::npos);
  EXPECT_NE(first.find("<dt>Passenger assistant</dt><dd>with passenger assistant</dd>"),
            std::string::npos);
  EXPECT_NE(first.find("<dt>Leaves depot</dt><dd>07:30</dd>"), std::string::npos);
  EXPECT_NE(first.find("<dt>Back at depot</dt><dd>09:06</dd>"), std::string::npos);
  EXPECT_NE(first.find("<dt>Miles</dt><dd>12.3</dd>"), std::string::npos);
  const std::string second = section(sample_html(), 1);
  EXPECT_NE(second.find("<dd>without passenger assistant</dd>"), std::string::npos);
  EXPECT_NE(section(sample_html(), 2).find("<dd>PM (school to home)</dd>"), std::string::npos);
}

TEST(RouteSheets, StopRowsInOrderWithPlacesAndFlags) {
  const std::string first = section(sample_html(), 0);
  const std::string rows[] = {
      "<tr><td>07:46</td><td>collect</td><td>P1</td><td>home, N1 9GU</td>"
      "<td>wheelchair space</td><td></td></tr>",
      "<tr><td>07:59</td><td>collect</td><td>P2</td><td>home (51.52001, -0.12002)</td>"
      "<td>passenger assistant; must not travel with P9, P12</td><td></td></tr>",
      "<tr><td>08:20</td><td>drop off</td><td>P1</td><td>St Mary&#39;s &amp; St John&#39;s</td>"
      "<td>wheelchair space</td><td>34 min (limit 45)</td></tr>",
      "<tr><td>08:22</td><td>drop off</td><td>P2</td><td>St Mary&#39;s &amp; St John&#39;s</td>"
      "<td>passenger assistant; must not travel with P9, P12</td><td>24 min (limit 45)</td></tr>",
  };
  size_t previous = 0;
  for (const std::string& row : rows) {
    const size_t at = first.find(row);
    ASSERT_NE(at, std::string::npos) << row << "\n---\n" << first;
    EXPECT_GT(at, previous);
    previous = at;
  }
  EXPECT_EQ(count(first, "<tr><td>"), 4u);
}

TEST(RouteSheets, IdsAreEscaped) {
  const std::string second = section(sample_html(), 1);
  EXPECT_NE(second.find("<tr><td>08:10</td><td>collect</td>"
                        "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>"
                        "<td>home, N7 6AA</td><td>travels alone</td><td></td></tr>"),
            std::string::npos)
      << second;
  EXPECT_EQ(sample_html().find("<script"), std::string::npos);
}

TEST(RouteSheets, NothingMedicalOrPersonalBeyondTheFlags) {
  std::string html = sample_html();
  std::transform(html.begin(), html.end(), html.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* word : {"medical", "medication", "diagnos", "condition", "epilep", "allerg",
                           "seizure", "phase", "secondary", "primary", "boarding", "years old"}) {
    EXPECT_EQ(html.find(word), std::string::npos) << word;
  }
}

TEST(RouteSheets, UnknownPupilAndSchoolStillShowSomething) {
  transport::DayPlan plan = testing::sample_plan();
  plan.routes[0].stops[0].pupil_id = "P99";
  plan.routes[0].stops[2].place = "S9";
  const std::string html =
      route_sheets_html(plan, testing::sample_pupils(), testing::sample_schools(), kHeading);
  EXPECT_NE(html.find("<td>P99</td><td>home (51.53210, -0.10570)</td>"
                      "<td>travel needs not known: check with the borough</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>S9</td>"), std::string::npos);
}

// Issue 12: the sheets say which model timed the plan, count the three journey-time groups,
// and flag a child over guidance on the drop-off row.
TEST(RouteSheets, TravelModelAndOverGuidanceAreShown) {
  transport::DayPlan plan = testing::sample_plan();
  plan.pupil_runs[0].note = "over guidance: unavoidable (direct journey 49 min)";
  plan.summary.over_guidance_unavoidable = 1;
  plan.summary.within_guidance = 3;
  const SheetHeading heading{"Camden", "2025-03-14", "London zone model <AM>"};
  const std::string html =
      route_sheets_html(plan, testing::sample_pupils(), testing::sample_schools(), heading);
  EXPECT_NE(html.find("<dt>Travel times</dt><dd>London zone model &lt;AM&gt;</dd>"),
            std::string::npos);
  EXPECT_NE(html.find("3 child-runs within their limit, 1 over guidance but unavoidable"),
            std::string::npos);
  EXPECT_NE(html.find("<td>34 min (limit 45); over guidance: unavoidable (direct journey 49 "
                      "min)</td>"),
            std::string::npos);
  // A non-compliant ride says why on the sheet (P1's afternoon ride is over its limit).
  EXPECT_NE(html.find("52 min (limit 45); ride 52.0 minutes is over the limit of 45"),
            std::string::npos);
}

TEST(RouteSheets, NoRoutes) {
  const std::string html = route_sheets_html(transport::DayPlan{}, {}, {}, kHeading);
  EXPECT_EQ(count(html, "<section class=\"route\">"), 0u);
  EXPECT_NE(html.find("<p>No routes in this plan.</p>"), std::string::npos);
}

}  // namespace
}  // namespace sendplan::report
