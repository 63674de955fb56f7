// Api: a borough's plans as versions. Two versions compared from their stored files; an edit
// (children moved between routes, routes removed) previewed, then saved as a new version; a
// plan re-planned around its locked routes, or updated with the borough's latest inputs, in the
// background like a new plan. Access is as for the other plan routes: the officers of the
// plan's borough and administrators only; every POST needs the CSRF token; every response that
// names children is audited first.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <set>

#include "report/changes_csv.h"
#include "report/report_files.h"
#include "report/settings_json.h"
#include "report/summary_json.h"
#include "server/api.h"
#include "server/http_json.h"
#include "server/plan_versions.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kMaxLocked = 1000;
constexpr std::size_t kMaxRouteIdLength = 100;
constexpr double kMaxTimeShiftMinutes = 120;

std::string today() {
  return store::utc_now().substr(0, 10);
}

// The plan's settings_json as an object ({} when it is not one).
nlohmann::json settings_of(const store::PlanRecord& plan) {
  nlohmann::json settings = nlohmann::json::parse(plan.settings_json, nullptr, false);
  return settings.is_object() ? settings : nlohmann::json::object();
}

std::string title_of(const store::PlanRecord& plan) {
  return plan.borough + " SEN transport";
}

void send_problems(httplib::Response& response, const std::string& message,
                   const std::vector<transport::Problem>& problems) {
  send_json(
      response, 422,
      {{"error", "invalid_input"}, {"message", message}, {"problems", problems_json(problems)}});
}

// A routes.csv with a header and no rows: a plan that carried no child (nothing to read).
bool header_only(const std::string& text) {
  const std::size_t end = text.find('\n');
  return end == std::string::npos || text.find_first_not_of("\r\n", end) == std::string::npos;
}

}  // namespace

std::optional<store::PlanRecord> Api::done_plan(const Principal& who, const std::string& raw_id,
                                                httplib::Response& response) {
  Result<std::optional<store::PlanRecord>> plan = store_.get_plan(std::stoll(raw_id));
  if (!plan) {
    store_failed(plan.error(), response);
    return std::nullopt;
  }
  if (!plan.value()) {
    send_error(response, 404, "not_found", "no such plan");
    return std::nullopt;
  }
  if (!may_see_children(who, plan.value()->borough, response)) return std::nullopt;
  if (plan.value()->status != store::PlanStatus::kDone) {
    send_error(response, 409, "conflict",
               fmt::format("plan {} is {}: only a finished plan can be compared or changed",
                           plan.value()->id, store::plan_status_name(plan.value()->status)));
    return std::nullopt;
  }
  return std::move(plan).value();
}

transport::PlannerSettings Api::planner_settings(const store::PlanRecord& plan) const {
  transport::PlannerSettings settings;
  settings.policy = settings_.policy;
  settings.solver.time_limit_seconds = settings_.default_time_limit_seconds;
  const nlohmann::json stored = settings_of(plan);
  const auto limit = stored.find("time_limit_seconds");
  if (limit != stored.end() && limit->is_number()) {
    const double seconds = limit->get<double>();
    if (seconds >= 1 && seconds <= settings_.max_time_limit_seconds)
      settings.solver.time_limit_seconds = seconds;
  }
  return settings;
}

std::optional<Api::PlanBasis> Api::plan_basis(const store::PlanRecord& plan,
                                              httplib::Response& response) {
  const std::int64_t ids[4] = {plan.pupils_dataset, plan.schools_dataset, plan.fleet_dataset,
                               plan.current_dataset};
  std::optional<store::Dataset> datasets[4];
  for (int k = 0; k < 4; ++k) {
    if (ids[k] == 0) continue;
    Result<std::optional<store::Dataset>> found = store_.get_dataset(ids[k]);
    if (!found) {
      store_failed(found.error(), response);
      return std::nullopt;
    }
    datasets[k] = std::move(found).value();
    if (!datasets[k]) {
      send_error(response, 409, "conflict",
                 fmt::format("plan {}'s input files are no longer stored", plan.id));
      return std::nullopt;
    }
  }
  auto read = read_borough_inputs(*datasets[0], *datasets[1], *datasets[2],
                                  datasets[3] ? &*datasets[3] : nullptr, settings_.policy,
                                  settings_.postcodes);
  if (!read) {
    send_problems(
        response,
        fmt::format("plan {}'s input files no longer read with this server's rules", plan.id),
        read.problems());
    return std::nullopt;
  }
  Result<std::optional<std::string>> routes_csv = store_.plan_file(plan.id, "routes.csv");
  if (!routes_csv) {
    store_failed(routes_csv.error(), response);
    return std::nullopt;
  }
  if (!routes_csv.value() || header_only(*routes_csv.value())) {
    send_error(response, 409, "conflict", fmt::format("plan {} has no routes to change", plan.id));
    return std::nullopt;
  }
  const std::string file = fmt::format("plan {} routes.csv", plan.id);
  auto parsed = report::parse_current_routes(*routes_csv.value(), file);
  if (!parsed) {
    send_problems(response, fmt::format("plan {}'s routes.csv cannot be read", plan.id),
                  parsed.problems());
    return std::nullopt;
  }
  auto resolved = report::resolve_current_routes(parsed.value(), read.value().inputs, file);
  if (!resolved) {
    send_problems(response, fmt::format("plan {}'s routes do not fit its input files", plan.id),
                  resolved.problems());
    return std::nullopt;
  }
  return PlanBasis{std::move(read).value(), std::move(parsed).value(), std::move(resolved).value(),
                   planner_settings(plan)};
}

std::optional<Api::EditedDay> Api::edited_day(const httplib::Request& request,
                                              const store::PlanRecord& plan,
                                              httplib::Response& response) {
  Result<nlohmann::json> body = parse_object(request);
  if (!body) {
    send_error(response, body.error());
    return std::nullopt;
  }
  Result<transport::PlanEdit> edit = parse_plan_edit(body.value());
  if (!edit) {
    send_error(response, edit.error());
    return std::nullopt;
  }
  std::optional<PlanBasis> basis = plan_basis(plan, response);
  if (!basis) return std::nullopt;
  const transport::TransportInputs& inputs = basis->inputs.inputs;
  Result<transport::DayMatrices> matrices = transport::day_matrices(inputs, jobs_.travel());
  if (!matrices) {
    // The reason may name places: it stays out of the log.
    spdlog::error("plan {}: the travel times for an edit could not be worked out", plan.id);
    send_error(response, 500, "internal", "the travel times could not be worked out; try again");
    return std::nullopt;
  }
  transport::DayPlan before =
      transport::cost_current_routes(inputs, matrices.value(), basis->routes, basis->settings);
  Result<transport::DayPlan> after =
      transport::apply_edit(inputs, matrices.value(), basis->settings, basis->routes, edit.value());
  if (!after) {
    send_error(response, 422, "invalid_input", after.error().message);
    return std::nullopt;
  }
  transport::PlanDifference difference = transport::compare_days(before, after.value());
  return EditedDay{std::move(edit).value(), std::move(*basis),        std::move(matrices).value(),
                   std::move(before),       std::move(after).value(), std::move(difference)};
}

namespace {

// What an edit does to the day, as preview and save-edit answer it.
nlohmann::json edit_json(const store::PlanRecord& plan, const transport::PlanEdit& edit,
                         const transport::DayPlan& before, const transport::DayPlan& after,
                         const transport::PlanDifference& difference) {
  return {{"from_plan", plan.id},
          {"note", edit_note(edit)},
          {"summary", report::day_summary_json(after.summary)},
          {"before", report::day_summary_json(before.summary)},
          {"difference", difference_json(difference)},
          {"children", child_changes_json(difference)},
          {"issues", report::summary_json(after, nullptr, nlohmann::json::object())["issues"]}};
}

}  // namespace

void Api::compare_plans(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  std::optional<store::PlanRecord> a = done_plan(*who, request.matches[1], response);
  if (!a) return;
  std::optional<store::PlanRecord> b = done_plan(*who, request.matches[2], response);
  if (!b) return;
  if (a->borough != b->borough)
    return send_error(response, 400, "bad_request",
                      fmt::format("plans {} and {} are of different boroughs: compare versions of "
                                  "one borough's plan",
                                  a->id, b->id));
  std::string files[4];
  const std::pair<std::int64_t, const char*> wanted[4] = {
      {a->id, "routes.csv"}, {a->id, "pupils.csv"}, {b->id, "routes.csv"}, {b->id, "pupils.csv"}};
  for (int i = 0; i < 4; ++i) {
    Result<std::optional<std::string>> file = store_.plan_file(wanted[i].first, wanted[i].second);
    if (!file) return store_failed(file.error(), response);
    if (!file.value())
      return send_error(response, 409, "conflict",
                        fmt::format("plan {} has no {}", wanted[i].first, wanted[i].second));
    files[i] = std::move(*file.value());
  }
  Result<nlohmann::json> compared =
      server::compare_plans({*a, files[0], files[1]}, {*b, files[2], files[3]});
  if (!compared) {
    spdlog::error("compare plans {} and {}: {}", a->id, b->id, compared.error().message);
    return send_error(response, 500, "internal", "the plans' stored files could not be read");
  }
  if (!audit(*who, "compare plans", a->borough, fmt::format("plans {} and {}", a->id, b->id),
             response))
    return;
  send_json(response, 200, compared.value());
}

void Api::preview_edit(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  std::optional<store::PlanRecord> plan = done_plan(*who, request.matches[1], response);
  if (!plan) return;
  std::optional<EditedDay> edited = edited_day(request, *plan, response);
  if (!edited) return;
  if (!audit(*who, "preview plan edit", plan->borough,
             fmt::format("plan {}: {}", plan->id, edit_note(edited->edit)), response))
    return;
  send_json(response, 200,
            edit_json(*plan, edited->edit, edited->before, edited->after, edited->difference));
}

void Api::save_edit(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  std::optional<store::PlanRecord> plan = done_plan(*who, request.matches[1], response);
  if (!plan) return;
  std::optional<EditedDay> edited = edited_day(request, *plan, response);
  if (!edited) return;

  store::PlanRecord version;
  version.borough = plan->borough;
  version.created_by = who->user.id;
  version.created_at = store::utc_now();
  version.status = store::PlanStatus::kRunning;
  version.progress = 0.5;
  version.message = "Saving the edited plan";
  version.settings_json = plan->settings_json;
  version.pupils_dataset = plan->pupils_dataset;
  version.schools_dataset = plan->schools_dataset;
  version.fleet_dataset = plan->fleet_dataset;
  version.current_dataset = plan->current_dataset;
  version.parent_plan = plan->id;
  version.kind = store::PlanKind::kEdited;
  version.note = edit_note(edited->edit);
  Result<std::int64_t> id = store_.add_plan(version);
  if (!id) return store_failed(id.error(), response);

  const PlanBasis& basis = edited->basis;
  std::optional<transport::DayPlan> current;
  if (basis.inputs.current)
    current = transport::cost_current_routes(basis.inputs.inputs, edited->matrices,
                                             *basis.inputs.current, basis.settings);
  const report::ReportInputs report_inputs{
      edited->after,
      current ? &*current : nullptr,
      basis.inputs.inputs.pupils,
      basis.inputs.inputs.schools,
      report::settings_json(basis.settings, jobs_.travel(), ""),
      {title_of(*plan), today(), jobs_.travel().description()}};
  std::map<std::string, std::string> files;
  std::string summary;
  for (auto& [name, text] : report::render_report_files(report_inputs)) {
    if (name == "summary.json") summary = text;
    files.emplace(name, std::move(text));
  }
  files.emplace("changes.csv", report::changes_csv(edited->difference, nullptr));
  files.emplace("changes.json",
                changes_json(edited->difference, nullptr)
                        .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                    "\n");
  if (Status stored = store_.finish_plan(id.value(), summary, files, store::utc_now()); !stored) {
    (void)store_.fail_plan(id.value(), "the edited plan could not be stored", store::utc_now());
    return store_failed(stored.error(), response);
  }
  Result<std::optional<store::PlanRecord>> saved = store_.get_plan(id.value());
  if (!saved) return store_failed(saved.error(), response);
  if (!saved.value()) return send_error(response, 500, "internal", "the saved plan is gone");
  if (!audit(*who, "save plan edit", plan->borough,
             fmt::format("plan {} from plan {}: {}", id.value(), plan->id, version.note), response))
    return;
  nlohmann::json out =
      edit_json(*plan, edited->edit, edited->before, edited->after, edited->difference);
  out["plan"] = plan_json(*saved.value(), false, who->user.username);
  response.set_header("Location", fmt::format("/api/plans/{}", id.value()));
  send_json(response, 201, out);
}

void Api::replan(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  std::optional<store::PlanRecord> plan = done_plan(*who, request.matches[1], response);
  if (!plan) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  const auto listed = body.value().find("locked");
  if (listed == body.value().end() || !listed->is_array() || listed->empty())
    return send_error(response, 400, "bad_request",
                      "'locked' must list the route ids to keep, at least one");
  if (listed->size() > kMaxLocked)
    return send_error(response, 400, "bad_request",
                      fmt::format("at most {} locked routes", kMaxLocked));
  std::vector<std::string> locked_ids;
  for (std::size_t i = 0; i < listed->size(); ++i) {
    const nlohmann::json& id = (*listed)[i];
    if (!id.is_string() || id.get<std::string>().empty() ||
        id.get<std::string>().size() > kMaxRouteIdLength)
      return send_error(response, 400, "bad_request",
                        fmt::format("locked[{}] must be a route id", i));
    if (std::find(locked_ids.begin(), locked_ids.end(), id.get<std::string>()) == locked_ids.end())
      locked_ids.push_back(id.get<std::string>());
  }
  std::optional<PlanBasis> basis = plan_basis(*plan, response);
  if (!basis) return;
  std::vector<transport::CurrentRoute> locked;
  for (const std::string& id : locked_ids) {
    bool found = false;
    for (const transport::CurrentRoute& route : basis->routes) {
      if (route.route_id != id) continue;
      locked.push_back(route);  // both runs of a mixed route
      found = true;
    }
    if (!found)
      return send_error(response, 422, "invalid_input",
                        fmt::format("there is no route {} in plan {}", id, plan->id));
  }

  if (!plan_admitted(plan->borough, basis->inputs.inputs, response)) return;
  nlohmann::json settings = settings_of(*plan);
  settings["locked"] = locked_ids;
  store::PlanRecord version = waiting_plan(plan->borough, *who);
  version.settings_json = settings.dump();
  version.pupils_dataset = plan->pupils_dataset;
  version.schools_dataset = plan->schools_dataset;
  version.fleet_dataset = plan->fleet_dataset;
  version.current_dataset = plan->current_dataset;
  version.parent_plan = plan->id;
  version.kind = store::PlanKind::kReplanned;
  version.note = locked_note(locked_ids);

  PlanJob job;
  job.kind = PlanJobKind::kPlanAround;
  job.settings = basis->settings;
  job.title = title_of(*plan);
  job.has_current = basis->inputs.current.has_value();
  if (basis->inputs.current) job.current = std::move(*basis->inputs.current);
  job.inputs = std::move(basis->inputs.inputs);
  job.locked = std::move(locked);
  queue_plan(std::move(version), std::move(job), *who, response);
}

void Api::update_plan(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  std::optional<store::PlanRecord> plan = done_plan(*who, request.matches[1], response);
  if (!plan) return;
  transport::UpdateSettings update;
  if (!request.body.empty()) {
    Result<nlohmann::json> body = parse_object(request);
    if (!body) return send_error(response, body.error());
    Result<std::optional<double>> shift = number_field(body.value(), "max_time_shift_minutes");
    if (!shift) return send_error(response, shift.error());
    if (shift.value()) update.max_time_shift_minutes = *shift.value();
    if (!(update.max_time_shift_minutes >= 0 &&
          update.max_time_shift_minutes <= kMaxTimeShiftMinutes))
      return send_error(
          response, 400, "bad_request",
          fmt::format("'max_time_shift_minutes' must be 0 to {}", kMaxTimeShiftMinutes));
  }

  std::optional<store::Dataset> latest[3];
  const char* kinds[3] = {"pupils", "schools", "fleet"};
  for (int k = 0; k < 3; ++k) {
    Result<std::optional<store::Dataset>> found = store_.latest_dataset(plan->borough, kinds[k]);
    if (!found) return store_failed(found.error(), response);
    latest[k] = std::move(found).value();
    if (!latest[k])
      return send_error(
          response, 409, "conflict",
          fmt::format("upload {}.csv first (pupils, schools and fleet are needed)", kinds[k]));
  }
  // An update compares with the plan in force (changes.csv), not with the current routes.
  auto read = read_borough_inputs(*latest[0], *latest[1], *latest[2], nullptr, settings_.policy,
                                  settings_.postcodes);
  if (!read)
    return send_problems(response,
                         "the latest uploaded files do not fit together: nothing was updated",
                         read.problems());
  Result<std::optional<std::string>> routes_csv = store_.plan_file(plan->id, "routes.csv");
  if (!routes_csv) return store_failed(routes_csv.error(), response);
  std::vector<transport::PreviousRoute> in_force;
  if (routes_csv.value() && !header_only(*routes_csv.value())) {
    auto parsed = report::parse_current_routes(*routes_csv.value(),
                                               fmt::format("plan {} routes.csv", plan->id));
    if (!parsed)
      return send_problems(response, fmt::format("plan {}'s routes.csv cannot be read", plan->id),
                           parsed.problems());
    in_force = previous_routes(parsed.value());
  }

  nlohmann::json settings = settings_of(*plan);
  settings["use_current"] = false;
  settings["max_time_shift_minutes"] = update.max_time_shift_minutes;
  BoroughInputs inputs = std::move(read).value();
  if (!plan_admitted(plan->borough, inputs.inputs, response)) return;
  store::PlanRecord version = waiting_plan(plan->borough, *who);
  version.settings_json = settings.dump();
  version.pupils_dataset = inputs.pupils_dataset;
  version.schools_dataset = inputs.schools_dataset;
  version.fleet_dataset = inputs.fleet_dataset;
  version.parent_plan = plan->id;
  version.kind = store::PlanKind::kUpdated;
  version.note = "";  // known when the update has run

  PlanJob job;
  job.kind = PlanJobKind::kUpdate;
  job.settings = planner_settings(*plan);
  job.title = title_of(*plan);
  job.inputs = std::move(inputs.inputs);
  job.in_force = std::move(in_force);
  job.update = update;
  queue_plan(std::move(version), std::move(job), *who, response);
}

}  // namespace sendplan::server
