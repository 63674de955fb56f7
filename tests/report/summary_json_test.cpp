// Tests for summary.json: the day's figures, the issues list, settings, and the comparison with
// a baseline.
#include "report/summary_json.h"

#include <gtest/gtest.h>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

using nlohmann::json;

TEST(SummaryJson, DayFiguresInPoundsAndPence) {
  const json summary = summary_json(testing::sample_plan(), nullptr, json::object());
  const json expected = {
      {"cost_per_day", 500.0},
      {"cost_per_day_pence", 50000},
      {"cost_per_year", 95000.0},
      {"cost_per_year_pence", 9500000},
      {"school_days_per_year", 190},
      {"cost_per_day_breakdown_pence",
       {{"vehicles", 30500}, {"assistants", 9000}, {"mileage", 6123}, {"hours", 4377}}},
      {"vehicles", 2},
      {"vehicles_by_type", {{"Minibus, 8 seat", 1}, {"car", 1}}},
      {"routes", {{"AM", 2}, {"PM", 1}}},
      {"assistants", 1},
      {"miles", 33.85},
      {"mean_ride_minutes", 30.5},
      {"max_ride_minutes", 52.0},
      {"pupils", 3},
      {"over_limit", 1},
      {"unserved", 1},
      {"journey_time",
       {{"within_guidance", 4},
        {"over_guidance_unavoidable", 0},
        {"over_guidance_avoidable", 1},
        {"max_unavoidable_excess_minutes", 0.0},
        {"mean_unavoidable_excess_minutes", 0.0}}},
  };
  EXPECT_EQ(summary["summary"], expected) << summary["summary"].dump(2);
  EXPECT_EQ(summary["plan"], "planned");
  EXPECT_FALSE(summary.contains("current"));
  EXPECT_FALSE(summary.contains("comparison"));
}

TEST(SummaryJson, PenceAmountsPrintAsPoundsWithTwoDecimals) {
  transport::DaySummary summary;
  summary.cost = {12345, 0, 0, 1};  // £123.46
  summary.school_days_per_year = 3;
  const json figures = day_summary_json(summary);
  EXPECT_EQ(figures["cost_per_day"].dump(), "123.46");
  EXPECT_EQ(figures["cost_per_year"].dump(), "370.38");
  EXPECT_EQ(figures["cost_per_year_pence"], 37038);
}

TEST(SummaryJson, EveryUnservedOrNonCompliantChildRunWithItsReason) {
  const json summary = summary_json(testing::sample_plan(), nullptr, json::object());
  const json expected = json::array({
      {{"pupil_id", "P1"},
       {"run", "PM"},
       {"status", "not_compliant"},
       {"route_id", "PM-001"},
       {"ride_minutes", 52.0},
       {"limit_minutes", 45},
       {"reason", "ride 52.0 minutes is over the limit of 45"}},
      {{"pupil_id", testing::kScriptId},
       {"run", "PM"},
       {"status", "unserved"},
       {"route_id", nullptr},
       {"ride_minutes", nullptr},
       {"limit_minutes", 75},
       {"reason", "no vehicle is free to take them alone (\"car\": all 1 in use)"}},
  });
  EXPECT_EQ(summary["issues"], expected) << summary["issues"].dump(2);
}

TEST(SummaryJson, SettingsArePassedThrough) {
  const json settings = {{"travel_model", "road"}, {"time_limit_seconds", 30}, {"seed", 7}};
  EXPECT_EQ(summary_json(testing::sample_plan(), nullptr, settings)["settings"], settings);
  EXPECT_EQ(summary_json(testing::sample_plan(), nullptr, json())["settings"], json::object());
}

TEST(SummaryJson, ComparisonWithTheCurrentRoutes) {
  const transport::DayPlan current = testing::sample_current();
  const json summary = summary_json(testing::sample_plan(), &current, json::object());
  EXPECT_EQ(summary["current"]["plan"], "current");
  EXPECT_EQ(summary["current"]["summary"]["cost_per_day_pence"], 62500);
  EXPECT_EQ(summary["current"]["summary"]["vehicles_by_type"], json({{"car", 3}}));
  const json expected = {
      {"cost_per_day_difference", -125.0},
      {"cost_per_day_difference_pence", -12500},
      {"cost_per_day_difference_percent", -20.0},
      {"cost_per_year_difference", -23750.0},
      {"cost_per_year_difference_pence", -2375000},
      {"cost_per_year_difference_percent", -20.0},
      {"vehicles_difference", -1},
      {"over_limit_difference", -3},
  };
  EXPECT_EQ(summary["comparison"], expected) << summary["comparison"].dump(2);
}

TEST(SummaryJson, PercentIsNullWhenTheCurrentCostIsZero) {
  const transport::DayPlan current;  // nothing costed
  const json summary = summary_json(testing::sample_plan(), &current, json::object());
  EXPECT_TRUE(summary["comparison"]["cost_per_day_difference_percent"].is_null());
  EXPECT_EQ(summary["comparison"]["cost_per_day_difference_pence"], 50000);
}

TEST(SummaryJson, TextParsesBackAndSurvivesInvalidUtf8) {
  transport::DayPlan plan = testing::sample_plan();
  plan.name = "bad \xFF byte";
  const std::string text = summary_json_text(plan, nullptr, json::object());
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const json parsed = json::parse(text);
  EXPECT_EQ(parsed["plan"], "bad \xEF\xBF\xBD byte");  // U+FFFD
  EXPECT_EQ(parsed["summary"]["cost_per_day_pence"], 50000);
}

}  // namespace
}  // namespace sendplan::report
