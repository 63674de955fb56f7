// summary.json: a plan's day figures, its issues, and the comparison with a baseline.
#include "report/summary_json.h"

#include <cstdint>

#include "report/text_format.h"

namespace sendplan::report {
namespace {

using nlohmann::json;

json pounds(std::int64_t pence) {
  return detail::rounded(static_cast<double>(pence) / 100.0, 2);
}

// (planned - current) as a percentage of current, 1 decimal; null when current is 0.
json percent_change(double planned, double current) {
  if (current == 0) return nullptr;
  return detail::rounded((planned - current) / current * 100.0, 1);
}

json issues_json(const transport::DayPlan& plan) {
  json issues = json::array();
  for (const transport::PupilRun& child : plan.pupil_runs) {
    if (child.compliant) continue;
    const bool served = !child.route_id.empty();
    issues.push_back({
        {"pupil_id", child.pupil_id},
        {"run", transport::run_name(child.run)},
        {"status", served ? "not_compliant" : "unserved"},
        {"route_id", served ? json(child.route_id) : json(nullptr)},
        {"ride_minutes", served ? json(detail::rounded(child.ride_minutes, 1)) : json(nullptr)},
        {"limit_minutes", child.limit_minutes},
        {"reason", child.reason},
    });
  }
  return issues;
}

// Every child-run over guidance but unavoidably so: the officer needs to see these cases.
json unavoidable_json(const transport::DayPlan& plan) {
  json rows = json::array();
  for (const transport::PupilRun& child : plan.pupil_runs) {
    if (child.route_id.empty() || child.group != transport::LimitGroup::kUnavoidable) continue;
    rows.push_back({
        {"pupil_id", child.pupil_id},
        {"run", transport::run_name(child.run)},
        {"route_id", child.route_id},
        {"ride_minutes", detail::rounded(child.ride_minutes, 1)},
        {"limit_minutes", child.limit_minutes},
        {"direct_minutes", detail::rounded(child.direct_minutes, 1)},
        {"allowed_minutes", detail::rounded(child.allowed_minutes, 1)},
        {"excess_minutes", detail::rounded(child.excess_minutes, 1)},
        {"note", child.note},
    });
  }
  return rows;
}

json fleet_advice_json(const transport::FleetAdvice& advice) {
  json extra = json::object();
  for (const auto& [type, count] : advice.extra_vehicles) extra[type] = count;
  return {{"children", advice.children},
          {"children_served", advice.children_served},
          {"extra_vehicles", std::move(extra)},
          {"extra_cost_per_day", pounds(advice.extra_cost_per_day_pence)},
          {"extra_cost_per_day_pence", advice.extra_cost_per_day_pence},
          {"text", advice.text}};
}

json comparison_json(const transport::DaySummary& planned, const transport::DaySummary& current) {
  const std::int64_t day = planned.cost.total_pence() - current.cost.total_pence();
  const std::int64_t year = planned.cost_per_year_pence() - current.cost_per_year_pence();
  return {
      {"cost_per_day_difference", pounds(day)},
      {"cost_per_day_difference_pence", day},
      {"cost_per_day_difference_percent",
       percent_change(static_cast<double>(planned.cost.total_pence()),
                      static_cast<double>(current.cost.total_pence()))},
      {"cost_per_year_difference", pounds(year)},
      {"cost_per_year_difference_pence", year},
      {"cost_per_year_difference_percent",
       percent_change(static_cast<double>(planned.cost_per_year_pence()),
                      static_cast<double>(current.cost_per_year_pence()))},
      {"vehicles_difference", planned.vehicles - current.vehicles},
      {"over_limit_difference", planned.over_limit - current.over_limit},
  };
}

}  // namespace

json day_summary_json(const transport::DaySummary& summary) {
  json by_type = json::object();
  for (const auto& [type, count] : summary.vehicles_by_type) by_type[type] = count;
  return {
      {"cost_per_day", pounds(summary.cost.total_pence())},
      {"cost_per_day_pence", summary.cost.total_pence()},
      {"cost_per_year", pounds(summary.cost_per_year_pence())},
      {"cost_per_year_pence", summary.cost_per_year_pence()},
      {"school_days_per_year", summary.school_days_per_year},
      {"cost_per_day_breakdown_pence",
       {{"vehicles", summary.cost.vehicles_pence},
        {"assistants", summary.cost.assistants_pence},
        {"mileage", summary.cost.mileage_pence},
        {"hours", summary.cost.hours_pence}}},
      {"vehicles", summary.vehicles},
      {"vehicles_by_type", std::move(by_type)},
      {"routes", {{"AM", summary.routes_am}, {"PM", summary.routes_pm}}},
      {"assistants", summary.assistants},
      {"miles", detail::rounded(summary.total_miles, 2)},
      {"mean_ride_minutes", detail::rounded(summary.mean_ride_minutes, 1)},
      {"max_ride_minutes", detail::rounded(summary.max_ride_minutes, 1)},
      {"pupils", summary.pupils},
      {"over_limit", summary.over_limit},
      {"unserved", summary.unserved},
      {"journey_time",
       {{"within_guidance", summary.within_guidance},
        {"over_guidance_unavoidable", summary.over_guidance_unavoidable},
        {"over_guidance_avoidable", summary.over_guidance_avoidable},
        {"max_unavoidable_excess_minutes",
         detail::rounded(summary.max_unavoidable_excess_minutes, 1)},
        {"mean_unavoidable_excess_minutes",
         detail::rounded(summary.mean_unavoidable_excess_minutes, 1)}}},
  };
}

json summary_json(const transport::DayPlan& plan, const transport::DayPlan* current,
                  const json& settings) {
  json summary = {
      {"plan", plan.name},
      {"settings", settings.is_null() ? json::object() : settings},
      {"summary", day_summary_json(plan.summary)},
      {"issues", issues_json(plan)},
      {"over_guidance_unavoidable", unavoidable_json(plan)},
  };
  if (plan.fleet_advice) summary["fleet_advice"] = fleet_advice_json(*plan.fleet_advice);
  if (current != nullptr) {
    summary["current"] = {{"plan", current->name}, {"summary", day_summary_json(current->summary)}};
    summary["comparison"] = comparison_json(plan.summary, current->summary);
  }
  return summary;
}

std::string summary_json_text(const transport::DayPlan& plan, const transport::DayPlan* current,
                              const nlohmann::json& settings) {
  return summary_json(plan, current, settings)
             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         '\n';
}

}  // namespace sendplan::report
