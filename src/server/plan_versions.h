// Plans as versions: what differs between two stored plans of a borough (read from their stored
// summary.json, routes.csv and pupils.csv), the edits the API accepts, the changes a plan change
// made per child as JSON, and the short notes a version list shows. Pure functions, no I/O;
// thread-safe. Times in JSON are "HH:MM", shifts whole or 1-decimal minutes, money pounds (2
// decimals) and exact pence (*_pence).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/routes_csv_reader.h"
#include "store/store.h"
#include "transport/plan_edits.h"

namespace sendplan::server {

// The API's plan object: {"id","borough","status","progress","message","created_at",
// "finished_at","has_current","parent_plan" (null for none),"kind","note","created_by"
// (username, "" when unknown)} and, `with_summary`, "summary" (summary.json or null).
nlohmann::json plan_json(const store::PlanRecord& plan, bool with_summary,
                         const std::string& created_by);

// One stored plan's files, as compare_plans reads them.
struct StoredPlan {
  const store::PlanRecord& record;
  std::string routes_csv;  // routes.csv (routes_csv.h)
  std::string pupils_csv;  // pupils.csv (pupils_csv.h)
};

// What differs from `a` (before) to `b` (after):
// {"a": {"id","kind","note","created_at","cost_per_day","cost_per_day_pence","vehicles",
//        "routes":{"AM","PM"}}, "b": {...},
//  "cost_per_day_change", "cost_per_day_change_pence", "vehicles_change",
//  "routes_changed": [ids], "routes_added": [ids], "routes_removed": [ids],
//  "children": [{"pupil_id","run","change","before_route","after_route","before_pickup",
//                "after_pickup","pickup_shift_minutes","before_dropoff","after_dropoff",
//                "dropoff_shift_minutes"}]}
// A route changed when its vehicle type or its stops (child, pick-up or drop-off, place, in
// order) differ; a child is listed when their route, collection or drop-off time differs (in
// b's pupils.csv order, then children only in a). change is "re-timed", "new route",
// "not carried" (no route after), "newly carried" (no route before), "joined" or "left" (in
// one plan only). kInvalidInput when a file does not parse (the stored files are the
// planner's own, so this means the store was changed by hand).
Result<nlohmann::json> compare_plans(const StoredPlan& a, const StoredPlan& b);

// {"moves":[{"pupil_id","run":"AM|PM","to_route"}], "removed_routes":[ids]} (both optional, not
// both empty; at most 500 of each). kInvalidArgument naming the field otherwise.
Result<transport::PlanEdit> parse_plan_edit(const nlohmann::json& body);

// The per-child changes of a plan change, as the web page shows them: [{"pupil_id","run",
// "change","before_route","after_route","before_pickup","after_pickup","pickup_shift_minutes",
// "before_ride_minutes","after_ride_minutes"}] (absent values null). With an update's report,
// change says who joined, moved or was re-fitted, and each child who left is listed once with
// run null.
nlohmann::json child_changes_json(const transport::PlanDifference& difference,
                                  const transport::UpdateReport* report = nullptr);

// The difference's day figures: {"cost_per_day_change","cost_per_day_change_pence",
// "vehicles_change","routes_changed","routes_added","routes_removed"}.
nlohmann::json difference_json(const transport::PlanDifference& difference);

// changes.json of an update (or an edit, without `report`): difference_json plus "children"
// (child_changes_json) and, for an update, "joined","left","moved","refitted" (pupil ids) and
// "routes_kept".
nlohmann::json changes_json(const transport::PlanDifference& difference,
                            const transport::UpdateReport* report);

// The notes a version list shows (never a child's id): "moved 2 children (to AM-003);
// removed AM-010", "locked AM-003, AM-007", "3 joined, 1 left, 0 moved; 4 routes changed".
std::string edit_note(const transport::PlanEdit& edit);
std::string locked_note(const std::vector<std::string>& locked);
std::string update_note(const transport::UpdateReport& report);

// The plan in force as update_day takes it (from its routes.csv).
std::vector<transport::PreviousRoute> previous_routes(
    const std::vector<report::CurrentRoute>& routes);

}  // namespace sendplan::server
