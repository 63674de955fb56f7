// summary.json: the day's figures of a DayPlan, every child-run that is unserved or not
// compliant, and optionally the same figures for the borough's current routes and the
// difference. Money is given twice: pounds (a number rounded to 2 decimals, e.g. 1234.5 for
// £1,234.50) and exact integer pence (the *_pence keys). Miles 2 decimals, minutes 1 decimal.
//
// {"plan": "planned",
//  "settings": {...},                       // as the caller passed it (travel model, seed, ...)
//  "summary": {"cost_per_day": 812.4, "cost_per_day_pence": 81240,
//              "cost_per_year": 154356, "cost_per_year_pence": 15435600,
//              "school_days_per_year": 190,
//              "cost_per_day_breakdown_pence": {"vehicles": .., "assistants": .., "mileage": ..,
//                                               "hours": ..},
//              "vehicles": 3, "vehicles_by_type": {"minibus": 2, "taxi": 1},
//              "routes": {"AM": 2, "PM": 1}, "assistants": 1, "miles": 41.27,
//              "mean_ride_minutes": 23.4, "max_ride_minutes": 52.0,
//              "pupils": 3, "over_limit": 1, "unserved": 1,
//              "journey_time": {"within_guidance": 4, "over_guidance_unavoidable": 1,
//                               "over_guidance_avoidable": 0,
//                               "max_unavoidable_excess_minutes": 8.0,
//                               "mean_unavoidable_excess_minutes": 8.0}},
//  "issues": [{"pupil_id": "P3", "run": "PM", "status": "unserved", "route_id": null,
//              "ride_minutes": null, "limit_minutes": 45, "reason": "..."}, ...],
//  "over_guidance_unavoidable": [{"pupil_id": "P1", "run": "AM", "route_id": "AM-001",
//              "ride_minutes": 53.0, "limit_minutes": 45, "direct_minutes": 48.2,
//              "allowed_minutes": 54, "excess_minutes": 8.0,
//              "note": "over guidance: unavoidable (direct journey 49 min)"}, ...],
//  "fleet_advice": {"children": 6, "children_served": 6, "extra_vehicles": {"wav": 2},
//                   "extra_cost_per_day": 160.0, "extra_cost_per_day_pence": 16000,
//                   "text": "2 more wav would serve the 6 unplanned children (+£160.00 a day)"},
//                                          // only when the fleet left children unplanned
//  "current": {"plan": "current", "summary": {...}},                   // only with a baseline
//  "comparison": {"cost_per_day_difference": -120.5, "cost_per_day_difference_pence": -12050,
//                 "cost_per_day_difference_percent": -12.9, "cost_per_year_difference": ..,
//                 "cost_per_year_difference_pence": .., "cost_per_year_difference_percent": ..,
//                 "vehicles_difference": -1, "over_limit_difference": -4}}  // only with a baseline
//
// status is "unserved" or "not_compliant". Differences are planned minus current (negative is
// a saving); a percentage is of the current figure, rounded to 1 decimal, and null when the
// current figure is 0.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

// The "summary" object of one plan.
nlohmann::json day_summary_json(const transport::DaySummary& summary);
// `current` may be null (no baseline: no "current" or "comparison"). A null `settings` is
// written as {}.
nlohmann::json summary_json(const transport::DayPlan& plan, const transport::DayPlan* current,
                            const nlohmann::json& settings);
// summary_json as text: indented by 2, ending in "\n". Text that is not valid UTF-8 is
// replaced by U+FFFD rather than throwing.
std::string summary_json_text(const transport::DayPlan& plan, const transport::DayPlan* current,
                              const nlohmann::json& settings);

}  // namespace sendplan::report
