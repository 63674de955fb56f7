// Api: planning a borough's day in the background, following its progress, its files, and the
// borough's plans as a list of versions.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"
#include "server/plan_versions.h"

namespace sendplan::server {
namespace {

const char* content_type(const std::string& name) {
  if (name.ends_with(".csv")) return "text/csv; charset=utf-8";
  if (name.ends_with(".geojson")) return "application/geo+json";
  if (name.ends_with(".json")) return "application/json; charset=utf-8";
  return "text/html; charset=utf-8";
}

}  // namespace

void Api::create_plan(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, true);
  if (!access) return;
  const Principal& who = access->who;
  const std::string& name = access->borough;

  double time_limit = settings_.default_time_limit_seconds;
  bool use_current = true;
  if (!request.body.empty()) {
    Result<nlohmann::json> body = parse_object(request);
    if (!body) return send_error(response, body.error());
    Result<std::optional<double>> limit = number_field(body.value(), "time_limit_seconds");
    if (!limit) return send_error(response, limit.error());
    if (limit.value()) time_limit = *limit.value();
    if (!(time_limit >= 1 && time_limit <= settings_.max_time_limit_seconds))
      return send_error(
          response, 400, "bad_request",
          fmt::format("'time_limit_seconds' must be 1 to {}", settings_.max_time_limit_seconds));
    const auto current = body.value().find("use_current");
    if (current != body.value().end() && !current->is_null()) {
      if (!current->is_boolean())
        return send_error(response, 400, "bad_request", "'use_current' must be true or false");
      use_current = current->get<bool>();
    }
  }

  std::optional<store::Dataset> latest[4];
  const char* kinds[4] = {"pupils", "schools", "fleet", "current"};
  for (int k = 0; k < 4; ++k) {
    Result<std::optional<store::Dataset>> found = store_.latest_dataset(name, kinds[k]);
    if (!found) return store_failed(found.error(), response);
    latest[k] = std::move(found).value();
  }
  for (int k = 0; k < 3; ++k) {
    if (!latest[k])
      return send_error(
          response, 409, "conflict",
          fmt::format("upload {}.csv first (pupils, schools and fleet are needed)", kinds[k]));
  }
  auto read = read_borough_inputs(*latest[0], *latest[1], *latest[2],
                                  use_current && latest[3] ? &*latest[3] : nullptr,
                                  settings_.policy, settings_.postcodes);
  if (!read) {
    return send_json(response, 422,
                     {{"error", "invalid_input"},
                      {"message", "the uploaded files do not fit together: nothing was planned"},
                      {"problems", problems_json(read.problems())}});
  }
  BoroughInputs inputs = std::move(read).value();
  if (!plan_admitted(name, inputs.inputs, response)) return;

  store::PlanRecord plan = waiting_plan(name, who);
  plan.settings_json = nlohmann::json({{"time_limit_seconds", time_limit},
                                       {"use_current", inputs.current.has_value()}})
                           .dump();
  plan.pupils_dataset = inputs.pupils_dataset;
  plan.schools_dataset = inputs.schools_dataset;
  plan.fleet_dataset = inputs.fleet_dataset;
  plan.current_dataset = inputs.current_dataset;

  PlanJob job;
  job.settings.policy = settings_.policy;
  job.settings.solver.time_limit_seconds = time_limit;
  job.title = name + " SEN transport";
  job.inputs = std::move(inputs.inputs);
  job.has_current = inputs.current.has_value();
  if (inputs.current) job.current = std::move(*inputs.current);
  queue_plan(std::move(plan), std::move(job), who, response);
}

store::PlanRecord Api::waiting_plan(const std::string& borough, const Principal& who) const {
  store::PlanRecord plan;
  plan.borough = borough;
  plan.created_by = who.user.id;
  plan.created_at = store::utc_now();
  plan.message = "Waiting to start";
  return plan;
}

void Api::queue_plan(store::PlanRecord plan, PlanJob job, const Principal& who,
                     httplib::Response& response) {
  Result<std::int64_t> id = store_.add_plan(plan);
  if (!id) return store_failed(id.error(), response);
  plan.id = id.value();
  job.plan_id = plan.id;
  job.borough = plan.borough;
  jobs_.submit(std::move(job));
  response.set_header("Location", fmt::format("/api/plans/{}", plan.id));
  send_json(response, 202, {{"plan", plan_json(plan, false, who.user.username)}});
}

bool Api::plan_admitted(const std::string& borough, const transport::TransportInputs& inputs,
                        httplib::Response& response) {
  const int pupils = static_cast<int>(inputs.pupils.size());
  if (pupils > settings_.max_pupils) {
    send_error(response, 413, "too_large",
               fmt::format("a plan may have at most {} pupils (this one has {}); split the "
                           "borough into areas, or ask the administrator to raise --max-pupils",
                           settings_.max_pupils, pupils));
    return false;
  }
  const std::size_t bytes = estimated_plan_bytes(inputs);
  if (bytes > settings_.max_plan_memory_bytes) {
    send_error(response, 413, "too_large",
               fmt::format("this plan would need about {:.1f} GB of memory, more than the {:.1f} "
                           "GB a plan may use here; plan fewer children at a time",
                           static_cast<double>(bytes) / (1 << 30),
                           static_cast<double>(settings_.max_plan_memory_bytes) / (1 << 30)));
    return false;
  }
  if (std::optional<std::string> refused = jobs_.refusal(borough)) {
    response.set_header("Retry-After", "60");
    send_error(response, 429, "too_many_plans", *refused);
    return false;
  }
  return true;
}

void Api::cancel_plan(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  Result<std::optional<store::PlanRecord>> plan = store_.get_plan(std::stoll(request.matches[1]));
  if (!plan) return store_failed(plan.error(), response);
  if (!plan.value()) return send_error(response, 404, "not_found", "no such plan");
  if (!may_see_children(*who, plan.value()->borough, response)) return;
  const std::string reason = fmt::format("cancelled by {}", who->user.username);
  const CancelOutcome outcome = jobs_.cancel(plan.value()->id, reason);
  if (outcome == CancelOutcome::kNotPending)
    return send_error(response, 409, "conflict",
                      "only a waiting or running plan can be cancelled (a finished plan is kept "
                      "as a version)");
  if (!audit(*who, "cancel plan", plan.value()->borough,
             fmt::format("plan {} ({})", plan.value()->id,
                         outcome == CancelOutcome::kStopping ? "was running" : "was waiting"),
             response))
    return;
  send_json(response, 202,
            {{"plan", plan.value()->id},
             {"cancelled", outcome == CancelOutcome::kStopping ? "stopping" : "cancelled"}});
}

void Api::list_plans(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, false);
  if (!access) return;
  const std::string& name = access->borough;
  Result<std::vector<store::PlanRecord>> plans = store_.list_plans(name);
  if (!plans) return store_failed(plans.error(), response);
  nlohmann::json out = nlohmann::json::array();
  std::map<std::int64_t, std::string> names;  // user id -> username, looked up once each
  for (const store::PlanRecord& plan : plans.value()) {
    if (!names.count(plan.created_by)) names[plan.created_by] = username_of(plan.created_by);
    nlohmann::json item = plan_json(plan, false, names[plan.created_by]);
    // The day's figures without any child's details, for the list.
    if (!plan.summary_json.empty()) {
      const nlohmann::json summary = nlohmann::json::parse(plan.summary_json, nullptr, false);
      if (summary.is_object() && summary.contains("summary")) {
        item["cost_per_day"] = summary["summary"].value("cost_per_day", 0.0);
        item["cost_per_day_pence"] =
            summary["summary"].value("cost_per_day_pence", std::int64_t{0});
        item["vehicles"] = summary["summary"].value("vehicles", 0);
      }
    }
    out.push_back(std::move(item));
  }
  send_json(response, 200, out);
}

std::string Api::username_of(std::int64_t user_id) {
  if (user_id == 0) return "";
  Result<std::optional<store::User>> user = store_.user_by_id(user_id);
  return user && user.value() ? user.value()->username : "";
}

void Api::get_plan(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  Result<std::optional<store::PlanRecord>> plan = store_.get_plan(std::stoll(request.matches[1]));
  if (!plan) return store_failed(plan.error(), response);
  if (!plan.value()) return send_error(response, 404, "not_found", "no such plan");
  const store::PlanRecord& record = *plan.value();
  if (!may_see_children(*who, record.borough, response)) return;
  // The summary lists children's issues: reading it is audited.
  if (!record.summary_json.empty() && !audit(*who, "read plan summary", record.borough,
                                             fmt::format("plan {}", record.id), response))
    return;
  send_json(response, 200, plan_json(record, true, username_of(record.created_by)));
}

void Api::plan_file(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  const std::int64_t id = std::stoll(request.matches[1]);
  const std::string name = request.matches[2];
  Result<std::optional<store::PlanRecord>> plan = store_.get_plan(id);
  if (!plan) return store_failed(plan.error(), response);
  if (!plan.value()) return send_error(response, 404, "not_found", "no such plan");
  const std::string borough_name = plan.value()->borough;
  if (!may_see_children(*who, borough_name, response)) return;
  Result<std::optional<std::string>> file = store_.plan_file(id, name);
  if (!file) return store_failed(file.error(), response);
  if (!file.value())
    return send_error(response, 404, "not_found",
                      "no such file for this plan (is the plan finished?)");
  if (!audit(*who, "download " + name, borough_name, fmt::format("plan {}", id), response)) return;
  std::string slug;
  for (char c : borough_name) slug += c == ' ' ? '-' : char(std::tolower((unsigned char)c));
  response.set_header(
      "Content-Disposition",
      fmt::format("{}; filename=\"{}-plan-{}-{}\"",
                  name.ends_with(".html") ? "inline" : "attachment", slug, id, name));
  response.set_content(*file.value(), content_type(name));
}

}  // namespace sendplan::server
