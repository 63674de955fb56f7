#include "server/plan_versions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "report/text_format.h"
#include "transport/input_table.h"

namespace sendplan::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEditItems = 500;
constexpr std::size_t kMaxIdLength = 100;

json or_null(const std::string& text) {
  return text.empty() ? json() : json(text);
}

json pounds(std::int64_t pence) {
  return report::detail::rounded(static_cast<double>(pence) / 100.0, 2);
}

// "08:05" (hours may pass 23) as minutes since midnight; nullopt for anything else.
std::optional<int> clock_minutes(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  int hours = 0, minutes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    int& part = i < colon ? hours : minutes;
    part = part * 10 + (text[i] - '0');
  }
  if (minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

// One row of pupils.csv.
struct ChildRun {
  std::string pupil_id;
  std::string run;
  std::string route_id;
  std::string pickup, dropoff;  // HH:MM or ""
};

Result<std::vector<ChildRun>> read_pupils_csv(const std::string& text, std::int64_t plan) {
  transport::detail::ProblemList problems(fmt::format("plan {} pupils.csv", plan));
  const transport::detail::InputTable table = transport::detail::read_input_table(text, problems);
  if (!table.require_columns({"pupil_id", "run", "route_id", "pickup_time", "dropoff_time"},
                             problems) ||
      !problems.empty())
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("plan {}'s stored pupils.csv cannot be read", plan));
  std::vector<ChildRun> rows;
  rows.reserve(table.rows.size());
  for (const csv::Record& row : table.rows) {
    rows.push_back({std::string(table.cell(row, "pupil_id")), std::string(table.cell(row, "run")),
                    std::string(table.cell(row, "route_id")),
                    std::string(table.cell(row, "pickup_time")),
                    std::string(table.cell(row, "dropoff_time"))});
  }
  return rows;
}

Result<std::vector<report::CurrentRoute>> read_routes_csv(const std::string& text,
                                                          std::int64_t plan) {
  auto routes = report::parse_current_routes(text, fmt::format("plan {} routes.csv", plan));
  // A plan with no routes at all has a header-only routes.csv: no routes, not a problem.
  if (!routes) {
    if (text.find('\n') == std::string::npos || text.find('\n') + 1 >= text.size())
      return std::vector<report::CurrentRoute>{};
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("plan {}'s stored routes.csv cannot be read", plan));
  }
  return std::move(routes).value();
}

// The version's header: who it is and its day figures from summary.json.
json version_json(const store::PlanRecord& plan, const json& summary) {
  const json figures =
      summary.is_object() && summary.contains("summary") && summary["summary"].is_object()
          ? summary["summary"]
          : json::object();
  return {{"id", plan.id},
          {"kind", store::plan_kind_name(plan.kind)},
          {"note", plan.note},
          {"created_at", plan.created_at},
          {"cost_per_day", figures.value("cost_per_day", 0.0)},
          {"cost_per_day_pence", figures.value("cost_per_day_pence", std::int64_t{0})},
          {"vehicles", figures.value("vehicles", 0)},
          {"routes", figures.value("routes", json::object())}};
}

// A route's vehicle and stops as text, to compare.
std::string route_signature(const report::CurrentRoute& route) {
  std::string text = route.vehicle_type;
  for (const report::CurrentStop& stop : route.stops)
    text += fmt::format("|{}{}{}", stop.pupil_id, stop.pickup ? '^' : 'v', stop.place);
  return text;
}

std::string route_key(const report::CurrentRoute& route) {
  return std::string(transport::run_name(route.run)) + "/" + route.route_id;
}

json shift(const std::string& before, const std::string& after) {
  const std::optional<int> was = clock_minutes(before), now = clock_minutes(after);
  if (!was || !now) return json();
  return *now - *was;
}

json compared_child(const ChildRun* before, const ChildRun* after, const char* change) {
  const ChildRun& any = after != nullptr ? *after : *before;
  const std::string none;
  const std::string& before_pickup = before != nullptr ? before->pickup : none;
  const std::string& after_pickup = after != nullptr ? after->pickup : none;
  const std::string& before_dropoff = before != nullptr ? before->dropoff : none;
  const std::string& after_dropoff = after != nullptr ? after->dropoff : none;
  return {{"pupil_id", any.pupil_id},
          {"run", any.run},
          {"change", change},
          {"before_route", before != nullptr ? or_null(before->route_id) : json()},
          {"after_route", after != nullptr ? or_null(after->route_id) : json()},
          {"before_pickup", or_null(before_pickup)},
          {"after_pickup", or_null(after_pickup)},
          {"pickup_shift_minutes", shift(before_pickup, after_pickup)},
          {"before_dropoff", or_null(before_dropoff)},
          {"after_dropoff", or_null(after_dropoff)},
          {"dropoff_shift_minutes", shift(before_dropoff, after_dropoff)}};
}

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string joined(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text;
}

}  // namespace

json plan_json(const store::PlanRecord& plan, bool with_summary, const std::string& created_by) {
  json out = {{"id", plan.id},
              {"borough", plan.borough},
              {"status", store::plan_status_name(plan.status)},
              {"progress", plan.progress},
              {"message", plan.message},
              {"created_at", plan.created_at},
              {"finished_at", or_null(plan.finished_at)},
              {"has_current", plan.current_dataset != 0},
              {"parent_plan", plan.parent_plan == 0 ? json() : json(plan.parent_plan)},
              {"kind", store::plan_kind_name(plan.kind)},
              {"note", plan.note},
              {"created_by", created_by}};
  if (with_summary) {
    out["summary"] =
        plan.summary_json.empty() ? json() : json::parse(plan.summary_json, nullptr, false);
  }
  return out;
}

Result<json> compare_plans(const StoredPlan& a, const StoredPlan& b) {
  Result<std::vector<report::CurrentRoute>> routes_a = read_routes_csv(a.routes_csv, a.record.id);
  if (!routes_a) return routes_a.error();
  Result<std::vector<report::CurrentRoute>> routes_b = read_routes_csv(b.routes_csv, b.record.id);
  if (!routes_b) return routes_b.error();
  Result<std::vector<ChildRun>> children_a = read_pupils_csv(a.pupils_csv, a.record.id);
  if (!children_a) return children_a.error();
  Result<std::vector<ChildRun>> children_b = read_pupils_csv(b.pupils_csv, b.record.id);
  if (!children_b) return children_b.error();

  const json summary_a = json::parse(a.record.summary_json, nullptr, false);
  const json summary_b = json::parse(b.record.summary_json, nullptr, false);
  json out = {{"a", version_json(a.record, summary_a)}, {"b", version_json(b.record, summary_b)}};
  const std::int64_t pence_a = out["a"]["cost_per_day_pence"].get<std::int64_t>();
  const std::int64_t pence_b = out["b"]["cost_per_day_pence"].get<std::int64_t>();
  out["cost_per_day_change_pence"] = pence_b - pence_a;
  out["cost_per_day_change"] = pounds(pence_b - pence_a);
  out["vehicles_change"] = out["b"]["vehicles"].get<int>() - out["a"]["vehicles"].get<int>();

  std::map<std::string, std::string> was;
  for (const report::CurrentRoute& route : routes_a.value())
    was[route_key(route)] = route_signature(route);
  std::set<std::string> in_b;
  json changed = json::array(), added = json::array(), removed = json::array();
  for (const report::CurrentRoute& route : routes_b.value()) {
    in_b.insert(route_key(route));
    const auto found = was.find(route_key(route));
    if (found == was.end())
      added.push_back(route.route_id);
    else if (found->second != route_signature(route))
      changed.push_back(route.route_id);
  }
  for (const report::CurrentRoute& route : routes_a.value())
    if (!in_b.count(route_key(route))) removed.push_back(route.route_id);
  out["routes_changed"] = std::move(changed);
  out["routes_added"] = std::move(added);
  out["routes_removed"] = std::move(removed);

  std::map<std::pair<std::string, std::string>, const ChildRun*> before;
  std::set<std::string> pupils_a, pupils_b;
  for (const ChildRun& row : children_a.value()) {
    before[{row.pupil_id, row.run}] = &row;
    pupils_a.insert(row.pupil_id);
  }
  for (const ChildRun& row : children_b.value()) pupils_b.insert(row.pupil_id);
  json children = json::array();
  std::set<std::pair<std::string, std::string>> seen;
  for (const ChildRun& now : children_b.value()) {
    seen.insert({now.pupil_id, now.run});
    const auto found = before.find({now.pupil_id, now.run});
    if (found == before.end()) {
      if (!now.route_id.empty() || !pupils_a.count(now.pupil_id))
        children.push_back(compared_child(
            nullptr, &now, pupils_a.count(now.pupil_id) ? "newly carried" : "joined"));
      continue;
    }
    const ChildRun& old = *found->second;
    const char* change = nullptr;
    if (old.route_id.empty() && now.route_id.empty()) continue;
    if (old.route_id.empty())
      change = "newly carried";
    else if (now.route_id.empty())
      change = "not carried";
    else if (old.route_id != now.route_id)
      change = "new route";
    else if (old.pickup != now.pickup || old.dropoff != now.dropoff)
      change = "re-timed";
    if (change != nullptr) children.push_back(compared_child(&old, &now, change));
  }
  for (const ChildRun& old : children_a.value()) {
    if (seen.count({old.pupil_id, old.run})) continue;
    children.push_back(
        compared_child(&old, nullptr, pupils_b.count(old.pupil_id) ? "not carried" : "left"));
  }
  out["children"] = std::move(children);
  return out;
}

Result<transport::PlanEdit> parse_plan_edit(const json& body) {
  auto invalid = [](const std::string& message) {
    return make_error(ErrorCode::kInvalidArgument, message);
  };
  auto id_text = [](const json& value) {
    return value.is_string() && !value.get<std::string>().empty() &&
           value.get<std::string>().size() <= kMaxIdLength;
  };
  transport::PlanEdit edit;
  if (const auto moves = body.find("moves"); moves != body.end() && !moves->is_null()) {
    if (!moves->is_array()) return invalid("'moves' must be a list of moves");
    if (moves->size() > kMaxEditItems)
      return invalid(fmt::format("at most {} moves at once", kMaxEditItems));
    for (std::size_t i = 0; i < moves->size(); ++i) {
      const json& move = (*moves)[i];
      if (!move.is_object())
        return invalid(
            fmt::format("moves[{}] must be an object {{\"pupil_id\", \"run\", \"to_route\"}}", i));
      const auto pupil = move.find("pupil_id");
      const auto run = move.find("run");
      const auto to = move.find("to_route");
      if (pupil == move.end() || !id_text(*pupil))
        return invalid(fmt::format("moves[{}].pupil_id must be a child's id", i));
      if (run == move.end() || !run->is_string() ||
          (run->get<std::string>() != "AM" && run->get<std::string>() != "PM"))
        return invalid(fmt::format("moves[{}].run must be \"AM\" or \"PM\"", i));
      if (to == move.end() || !id_text(*to))
        return invalid(fmt::format("moves[{}].to_route must be a route id", i));
      edit.moves.push_back(
          {pupil->get<std::string>(),
           run->get<std::string>() == "AM" ? transport::Run::kMorning : transport::Run::kAfternoon,
           to->get<std::string>()});
    }
  }
  if (const auto removed = body.find("removed_routes");
      removed != body.end() && !removed->is_null()) {
    if (!removed->is_array()) return invalid("'removed_routes' must be a list of route ids");
    if (removed->size() > kMaxEditItems)
      return invalid(fmt::format("at most {} removed routes at once", kMaxEditItems));
    for (std::size_t i = 0; i < removed->size(); ++i) {
      if (!id_text((*removed)[i]))
        return invalid(fmt::format("removed_routes[{}] must be a route id", i));
      edit.removed_routes.push_back((*removed)[i].get<std::string>());
    }
  }
  if (edit.moves.empty() && edit.removed_routes.empty())
    return invalid("nothing to change: give 'moves' or 'removed_routes'");
  return edit;
}

json child_changes_json(const transport::PlanDifference& difference,
                        const transport::UpdateReport* report) {
  using report::detail::clock_time;
  using report::detail::rounded;
  json rows = json::array();
  for (const transport::ChildChange& change : difference.children) {
    const bool before = !change.before_route.empty();
    const bool after = !change.after_route.empty();
    std::string what = !after                                      ? "not carried"
                       : !before                                   ? "newly carried"
                       : change.before_route == change.after_route ? "re-timed"
                                                                   : "new route";
    if (report != nullptr) {
      if (listed(report->joined, change.pupil_id)) what = "joined";
      if (listed(report->moved, change.pupil_id)) what = "moved";
      if (listed(report->refitted, change.pupil_id)) what = "refitted";
    }
    rows.push_back({{"pupil_id", change.pupil_id},
                    {"run", transport::run_name(change.run)},
                    {"change", what},
                    {"before_route", or_null(change.before_route)},
                    {"after_route", or_null(change.after_route)},
                    {"before_pickup", before ? json(clock_time(change.before_pickup)) : json()},
                    {"after_pickup", after ? json(clock_time(change.after_pickup)) : json()},
                    {"pickup_shift_minutes",
                     before && after ? json(rounded(change.pickup_shift_minutes(), 1)) : json()},
                    {"before_ride_minutes", before ? json(rounded(change.before_ride, 1)) : json()},
                    {"after_ride_minutes", after ? json(rounded(change.after_ride, 1)) : json()}});
  }
  if (report != nullptr) {
    for (const std::string& id : report->left)
      rows.push_back({{"pupil_id", id},
                      {"run", nullptr},
                      {"change", "left"},
                      {"before_route", nullptr},
                      {"after_route", nullptr},
                      {"before_pickup", nullptr},
                      {"after_pickup", nullptr},
                      {"pickup_shift_minutes", nullptr},
                      {"before_ride_minutes", nullptr},
                      {"after_ride_minutes", nullptr}});
  }
  return rows;
}

json difference_json(const transport::PlanDifference& difference) {
  return {{"cost_per_day_change", pounds(difference.cost_per_day_change_pence)},
          {"cost_per_day_change_pence", difference.cost_per_day_change_pence},
          {"vehicles_change", difference.vehicles_change},
          {"routes_changed", difference.routes_changed},
          {"routes_added", difference.routes_added},
          {"routes_removed", difference.routes_removed}};
}

json changes_json(const transport::PlanDifference& difference,
                  const transport::UpdateReport* report) {
  json out = difference_json(difference);
  out["children"] = child_changes_json(difference, report);
  if (report != nullptr) {
    out["joined"] = report->joined;
    out["left"] = report->left;
    out["moved"] = report->moved;
    out["refitted"] = report->refitted;
    out["routes_kept"] = report->routes_kept;
  }
  return out;
}

std::string edit_note(const transport::PlanEdit& edit) {
  std::vector<std::string> parts;
  if (!edit.moves.empty()) {
    std::vector<std::string> targets;
    for (const transport::ChildMove& move : edit.moves)
      if (!listed(targets, move.to_route_id)) targets.push_back(move.to_route_id);
    parts.push_back(fmt::format("moved {} {} (to {})", edit.moves.size(),
                                edit.moves.size() == 1 ? "child" : "children", joined(targets)));
  }
  if (!edit.removed_routes.empty()) parts.push_back("removed " + joined(edit.removed_routes));
  std::string note;
  for (const std::string& part : parts) note += (note.empty() ? "" : "; ") + part;
  return note;
}

std::string locked_note(const std::vector<std::string>& locked) {
  return "locked " + joined(locked);
}

std::string update_note(const transport::UpdateReport& report) {
  const transport::PlanDifference& d = report.difference;
  const std::size_t routes =
      d.routes_changed.size() + d.routes_added.size() + d.routes_removed.size();
  return fmt::format("{} joined, {} left, {} moved; {} {} changed", report.joined.size(),
                     report.left.size(), report.moved.size(), routes,
                     routes == 1 ? "route" : "routes");
}

std::vector<transport::PreviousRoute> previous_routes(
    const std::vector<report::CurrentRoute>& routes) {
  std::vector<transport::PreviousRoute> out;
  out.reserve(routes.size());
  for (const report::CurrentRoute& route : routes) {
    transport::PreviousRoute previous{route.run, route.route_id, route.vehicle_type, {}};
    for (const report::CurrentStop& stop : route.stops)
      previous.stops.push_back({stop.pupil_id, stop.pickup, stop.place, stop.location, stop.time});
    out.push_back(std::move(previous));
  }
  return out;
}

}  // namespace sendplan::server
