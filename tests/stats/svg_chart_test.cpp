// Tests for the SVG charts: a complete <svg> with an escaped <title>, one path per line series,
// gaps for missing values, the band as a shaded area, bars per value, round ticks and labels.
#include "stats/svg_chart.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace sendplan::stats {
namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

Point year_point(int year, std::optional<double> value, std::string symbol = "") {
  return {std::to_string(year), year, value, std::move(symbol)};
}

Series yearly(std::string name, std::string role, int first_year,
              const std::vector<std::optional<double>>& values) {
  Series series{std::move(name), std::move(role), {}};
  for (size_t i = 0; i < values.size(); ++i) {
    series.points.push_back(year_point(first_year + static_cast<int>(i), values[i]));
  }
  return series;
}

Figure line_figure(std::vector<Series> series) {
  Figure figure;
  figure.id = "plans-over-time";
  figure.title = "EHC plans in place in January";
  figure.series = std::move(series);
  return figure;
}

// The d attributes of every <path class="series">.
std::vector<std::string> series_paths(const std::string& svg) {
  std::vector<std::string> paths;
  const std::regex path(R"re(<path class="series" d="([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), path); it != std::sregex_iterator();
       ++it) {
    paths.push_back((*it)[1]);
  }
  return paths;
}

// The x attribute of every <rect class="bar">.
std::vector<std::string> bar_xs(const std::string& svg) {
  std::vector<std::string> xs;
  const std::regex bar(R"re(<rect class="bar" x="([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator();
       ++it) {
    xs.push_back((*it)[1]);
  }
  return xs;
}

TEST(NiceTicks, RoundStepsOfOneTwoOrFive) {
  EXPECT_EQ(nice_ticks(0, 3512), (std::vector<double>{0, 1000, 2000, 3000, 4000}));
  EXPECT_EQ(nice_ticks(0, 3000), (std::vector<double>{0, 1000, 2000, 3000}));
  EXPECT_EQ(nice_ticks(-120, 480), (std::vector<double>{-200, 0, 200, 400, 600}));
  EXPECT_EQ(nice_ticks(0, 0.37), (std::vector<double>{0, 0.1, 0.2, 0.3, 0.4}));
  EXPECT_EQ(nice_ticks(0, 0), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1}));
  EXPECT_EQ(nice_ticks(45, 45), (std::vector<double>{0, 10, 20, 30, 40, 50}));
  EXPECT_EQ(nice_ticks(3512, 0, 3), (std::vector<double>{0, 2000, 4000}));
}

TEST(AxisLabels, UnitsAndAbbreviations) {
  EXPECT_EQ(axis_labels({0, 1000, 2000}, Unit::kCount),
            (std::vector<std::string>{"0", "1,000", "2,000"}));
  EXPECT_EQ(axis_labels({0, 20, 40}, Unit::kPercent),
            (std::vector<std::string>{"0%", "20%", "40%"}));
  EXPECT_EQ(axis_labels({0, 500000, 1000000, 1500000}, Unit::kPounds),
            (std::vector<std::string>{"£0", "£0.5m", "£1m", "£1.5m"}));
  EXPECT_EQ(axis_labels({0, 20000, 40000}, Unit::kPounds),
            (std::vector<std::string>{"£0", "£20k", "£40k"}));
  EXPECT_EQ(axis_labels({0, 2000, 4000}, Unit::kPounds),
            (std::vector<std::string>{"£0", "£2,000", "£4,000"}));
  EXPECT_EQ(axis_labels({0, 0.1, 0.2, 0.30000000000000004}, Unit::kRate),
            (std::vector<std::string>{"0", "0.1", "0.2", "0.3"}));
}

TEST(SvgChart, IsACompleteSvgWithAnEscapedTitle) {
  Figure figure = line_figure({yearly("Hackney", "area", 2019, {3000, 3200, 3512})});
  figure.title = "Plans <&> \"so far\"";
  const std::string svg = render_svg_chart(figure, {640, 320});
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
  EXPECT_NE(svg.find(">Plans &lt;&amp;&gt; &quot;so far&quot;</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<&>"), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 640 320\""), std::string::npos);
  // Value axis 0..4,000 in steps of 1,000; year labels.
  EXPECT_NE(svg.find(">4,000</text>"), std::string::npos);
  EXPECT_NE(svg.find(">2021</text>"), std::string::npos);
  EXPECT_EQ(count(svg, "<svg"), 1u);
  EXPECT_EQ(count(svg, "<title"), count(svg, "</title>"));
  EXPECT_EQ(count(svg, "<g"), count(svg, "</g>"));
}

TEST(SvgChart, OnePathPerLineSeriesEachInItsOwnColour) {
  const Figure figure = line_figure({yearly("Hackney", "area", 2019, {10, 12, 14}),
                                     yearly("London", "london", 2019, {20, 21, 22}),
                                     yearly("England", "england", 2019, {15, 16, 18})});
  const std::string svg = render_svg_chart(figure);
  const std::vector<std::string> paths = series_paths(svg);
  ASSERT_EQ(paths.size(), 3u);
  for (const std::string& d : paths) {
    EXPECT_EQ(count(d, "M"), 1u);
    EXPECT_EQ(count(d, "L"), 2u);
  }
  const std::regex stroke(R"re(<path class="series" [^>]*stroke="(#[0-9A-F]{6})")re");
  std::set<std::string> colours;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), stroke); it != std::sregex_iterator();
       ++it) {
    colours.insert((*it)[1]);
  }
  EXPECT_EQ(colours.size(), 3u);
  EXPECT_NE(svg.find(">England</text>"), std::string::npos);  // legend
}

TEST(SvgChart, MissingValueIsAGapNotZero) {
  const Figure figure =
      line_figure({yearly("Hackney", "area", 2019, {100, 110, std::nullopt, 130, 140})});
  const std::vector<std::string> paths = series_paths(render_svg_chart(figure));
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(count(paths[0], "M"), 2u);  // two runs: 2019-2020 and 2022-2023
  EXPECT_EQ(count(paths[0], "L"), 2u);  // four points drawn, none for 2021

  // The same series with 0 instead of the gap is one run of five points.
  const Figure zero = line_figure({yearly("Hackney", "area", 2019, {100, 110, 0, 130, 140})});
  const std::vector<std::string> zero_paths = series_paths(render_svg_chart(zero));
  ASSERT_EQ(zero_paths.size(), 1u);
  EXPECT_EQ(count(zero_paths[0], "M"), 1u);
  EXPECT_EQ(count(zero_paths[0], "L"), 4u);
}

TEST(SvgChart, IsolatedPointIsACircle) {
  const Figure figure =
      line_figure({yearly("Hackney", "area", 2019, {100, std::nullopt, 120, 125})});
  const std::string svg = render_svg_chart(figure);
  EXPECT_EQ(count(svg, "<circle"), 1u);
  const std::vector<std::string> paths = series_paths(svg);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(count(paths[0], "M"), 1u);
}

TEST(SvgChart, LowAndHighAreOneShadedBandAndForecastIsDashed) {
  const Figure figure = line_figure({yearly("Hackney", "area", 2019, {100, 110, 120}),
                                     yearly("Forecast", "forecast", 2021, {120, 130, 140}),
                                     yearly("Low", "low", 2022, {125, 130}),
                                     yearly("High", "high", 2022, {135, 150})});
  const std::string svg = render_svg_chart(figure);
  EXPECT_EQ(series_paths(svg).size(), 2u);  // the bounds are not lines
  EXPECT_EQ(count(svg, "<path class=\"band\""), 1u);
  EXPECT_EQ(count(svg, "stroke-dasharray=\"6 4\""), 1u);
  EXPECT_NE(svg.find(">Low to High</text>"), std::string::npos);  // one legend entry
  // The band is filled in the forecast's colour (the second series: vermillion).
  EXPECT_NE(svg.find("<path class=\"band\" d=\"M"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#D55E00\" fill-opacity=\"0.25\""), std::string::npos);
}

TEST(SvgChart, GroupedBarsOnePerValueAndMissingShowsItsSymbol) {
  Figure figure;
  figure.title = "Primary need";
  figure.kind = ChartKind::kBar;
  figure.unit = Unit::kPercent;
  Series area{"Hackney",
              "area",
              {{"ASD", 0, 31.5, ""}, {"SEMH", 0, std::nullopt, "c"}, {"SLCN", 0, 20, ""}}};
  Series england{
      "England", "england", {{"ASD", 0, 30, ""}, {"SEMH", 0, 15, ""}, {"SLCN", 0, 22, ""}}};
  figure.series = {area, england};
  const std::string svg = render_svg_chart(figure);
  const std::vector<std::string> xs = bar_xs(svg);
  EXPECT_EQ(xs.size(), 5u);
  EXPECT_EQ(std::set<std::string>(xs.begin(), xs.end()).size(), 5u);  // side by side
  EXPECT_NE(svg.find(">c</text>"), std::string::npos);
  EXPECT_NE(svg.find(">40%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">SEMH</text>"), std::string::npos);
}

TEST(SvgChart, StackedBarsShareOneColumnPerCategory) {
  Figure figure;
  figure.title = "Placements";
  figure.kind = ChartKind::kStackedBar;
  figure.series = {{"Mainstream", "area", {{"2024", 0, 10, ""}, {"2025", 0, 12, ""}}},
                   {"Special", "area", {{"2024", 0, 5, ""}, {"2025", 0, std::nullopt, "x"}}},
                   {"Independent", "area", {{"2024", 0, 2, ""}, {"2025", 0, 3, ""}}}};
  const std::string svg = render_svg_chart(figure);
  const std::vector<std::string> xs = bar_xs(svg);
  EXPECT_EQ(xs.size(), 5u);
  EXPECT_EQ(std::set<std::string>(xs.begin(), xs.end()).size(), 2u);
  EXPECT_NE(svg.find(">20</text>"), std::string::npos);  // axis up to the stack of 17
}

TEST(SvgChart, EmptyFigureSaysNoData) {
  Figure figure;
  figure.title = "Nothing & nobody";
  for (const std::string& svg :
       {render_svg_chart(figure),
        render_svg_chart(line_figure({yearly("Hackney", "area", 2019, {std::nullopt})}))}) {
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
    EXPECT_NE(svg.find(">No data</text>"), std::string::npos);
    EXPECT_EQ(svg.find("<path"), std::string::npos);
  }
  EXPECT_NE(render_svg_chart(figure).find("Nothing &amp; nobody"), std::string::npos);
}

}  // namespace
}  // namespace sendplan::stats
