// Api: pools of several boroughs planned together (transport/pool_search.h) with the cost shared
// between them (pool_sharing.h). An administrator starts a pool; it runs in the background
// (pool_jobs.h). Officers of a pooled borough see every borough's share (shares are not personal
// data) but only their own children's stops on the pooled routes (pool_outputs.h); regional
// analysts see a pool's totals only.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/text.h"
#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"
#include "server/pool_jobs.h"
#include "server/pool_outputs.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kMinPoolBoroughs = 2;
constexpr std::size_t kMaxPoolBoroughs = 8;
constexpr double kMinPoolTimeLimit = 10;
constexpr double kMaxPoolTimeLimit = 300;

bool sees_everything(const Principal& who) {
  return who.user.role == store::Role::kAdministrator;
}
bool sees_totals_only(const Principal& who) {
  return who.user.role == store::Role::kRegionalAnalyst;
}

// The pool's message for `who`. A planner's reason for a failure may name a child of another
// borough ("Camden/P0007"): officers then get the reason without it.
std::string message_for(const store::PoolRecord& pool, const Principal& who) {
  if (sees_everything(who) || pool.status != store::PlanStatus::kFailed) return pool.message;
  for (const store::PoolBorough& member : pool.boroughs) {
    if (member.borough == who.user.borough) continue;
    if (pool.message.find(member.borough + "/") != std::string::npos)
      return "the pool could not be planned (the administrator can see why)";
  }
  return pool.message;
}

// The day's figures of a done pool from its pool.json: no borough's own figures.
nlohmann::json totals_json(const nlohmann::json& result) {
  const int days = result.value("school_days_per_year", 0);
  const std::int64_t saving = result.value("saving_per_day_pence", std::int64_t{0});
  int pupils = 0, vehicles_alone = 0;
  for (const nlohmann::json& part : result.value("boroughs", nlohmann::json::array())) {
    pupils += part.value("pupils", 0);
    vehicles_alone += part.value("vehicles_alone", 0);
  }
  return {
      {"standalone_per_day_pence", result.value("standalone_total_per_day_pence", std::int64_t{0})},
      {"pooled_per_day_pence", result.value("pooled_per_day_pence", std::int64_t{0})},
      {"saving_per_day_pence", saving},
      {"saving_per_year_pence", saving * days},
      {"saving_percent", result.value("saving_percent", 0.0)},
      {"school_days_per_year", days},
      {"pupils", pupils},
      {"vehicles_alone", vehicles_alone},
      {"pooled_vehicles", result.value("pooled_vehicles", 0)},
      {"shared_schools", result.value("shared_schools", 0)}};
}

// The core check in words.
std::string core_text(const nlohmann::json& core) {
  const int checked = core.value("coalitions_checked", 0);
  const bool exact = core.value("exact", true);
  const int found = core.value("objections_found", 0);
  if (found == 0)
    return fmt::format(
        "The shares are stable: no group of boroughs would pay less by leaving the pool ({}).",
        exact ? fmt::format("all {} possible group{} checked", checked, checked == 1 ? "" : "s")
              : fmt::format("a sample of {} groups checked", checked));
  std::string text =
      fmt::format("The shares are not stable: {} group{} of boroughs would pay less on their own",
                  found, found == 1 ? "" : "s");
  const nlohmann::json objections = core.value("objections", nlohmann::json::array());
  if (!objections.empty()) {
    const nlohmann::json& first = objections.front();
    std::string names;
    for (const nlohmann::json& name : first.value("boroughs", nlohmann::json::array()))
      names += (names.empty() ? "" : " and ") + name.get<std::string>();
    text += fmt::format(", e.g. {} would save {} a day by leaving", names,
                        pounds_text(first.value("would_save_per_day_pence", std::int64_t{0})));
  }
  return text + ".";
}

// Each borough's part of a done pool, as the API shows it ("label" becomes "borough").
nlohmann::json shares_json(const nlohmann::json& result) {
  nlohmann::json shares = nlohmann::json::array();
  for (nlohmann::json part : result.value("boroughs", nlohmann::json::array())) {
    part["borough"] = part.value("label", "");
    part.erase("label");
    shares.push_back(std::move(part));
  }
  return shares;
}

// The API's pool object for `who` (docs/reference/api.md): `detail` adds the shares and the core
// check of a done pool (not for analysts).
nlohmann::json pool_object(const store::PoolRecord& pool, const std::string& created_by,
                           const Principal& who, bool detail) {
  nlohmann::json names = nlohmann::json::array();
  for (const store::PoolBorough& member : pool.boroughs) names.push_back(member.borough);
  const nlohmann::json settings = nlohmann::json::parse(pool.settings_json, nullptr, false);
  nlohmann::json out = {{"id", pool.id},
                        {"status", store::plan_status_name(pool.status)},
                        {"progress", pool_progress(pool)},
                        {"step", pool.step},
                        {"steps_done", pool.steps_done},
                        {"steps_total", pool.steps_total},
                        {"message", message_for(pool, who)},
                        {"created_at", pool.created_at},
                        {"finished_at", pool.finished_at},
                        {"created_by", created_by},
                        {"boroughs", names},
                        {"time_limit_seconds",
                         settings.is_object() ? settings.value("time_limit_seconds", 0.0) : 0.0},
                        {"sharing", settings.is_object() ? settings.value("sharing", "") : ""},
                        {"totals", nullptr}};
  if (who.user.role == store::Role::kBoroughOfficer) out["your_borough"] = who.user.borough;
  if (pool.status != store::PlanStatus::kDone || pool.pool_json.empty()) return out;
  const nlohmann::json result = nlohmann::json::parse(pool.pool_json, nullptr, false);
  if (!result.is_object()) return out;
  out["totals"] = totals_json(result);
  if (!detail || sees_totals_only(who)) return out;
  out["shares"] = shares_json(result);
  nlohmann::json core = result.value("core_check", nlohmann::json::object());
  core["text"] = core_text(core);
  out["core_check"] = std::move(core);
  out["shapley"] = result.value("shapley", nlohmann::json::object());
  nlohmann::json search = result.value("search", nlohmann::json::object());
  out["search"] = {{"clusters", search.value("clusters", 0)},
                   {"cluster_solves", search.value("cluster_solves", 0)},
                   {"clusters_in_pooled_plan", search.value("clusters_in_pooled_plan", 0)},
                   {"cluster_iterations", search.value("cluster_iterations", 0)},
                   {"seconds", search.value("seconds", nlohmann::json::object())}};
  return out;
}

std::string slug(const std::string& name) {
  std::string out;
  for (char c : name)
    out += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void send_attachment(httplib::Response& response, const std::string& file_name,
                     const std::string& content, const char* type) {
  response.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", file_name));
  response.set_content(content, type);
}

}  // namespace

void Api::create_pool(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());

  const auto list = body.value().find("boroughs");
  if (list == body.value().end() || !list->is_array())
    return send_error(response, 400, "bad_request",
                      fmt::format("'boroughs' must be a list of {} to {} borough names",
                                  kMinPoolBoroughs, kMaxPoolBoroughs));
  if (list->size() < kMinPoolBoroughs || list->size() > kMaxPoolBoroughs)
    return send_error(response, 400, "bad_request",
                      fmt::format("a pool needs {} to {} boroughs; {} given", kMinPoolBoroughs,
                                  kMaxPoolBoroughs, list->size()));
  std::vector<std::string> names;
  std::vector<std::string> unknown;
  for (const nlohmann::json& item : *list) {
    if (!item.is_string())
      return send_error(response, 400, "bad_request", "'boroughs' must be a list of borough names");
    const std::optional<std::string> name = atlas_.canonical(item.get<std::string>());
    if (!name) {
      unknown.push_back(quoted_excerpt(item.get<std::string>(), 40));
      continue;
    }
    if (std::find(names.begin(), names.end(), *name) != names.end())
      return send_error(response, 400, "bad_request",
                        fmt::format("{} is listed twice; list each borough once", *name));
    names.push_back(*name);
  }
  if (!unknown.empty())
    return send_error(response, 400, "bad_request",
                      fmt::format("no London borough of the name {} (names as in /api/boroughs)",
                                  fmt::join(unknown, ", ")));

  double time_limit = settings_.pool_default_time_limit_seconds;
  Result<std::optional<double>> limit = number_field(body.value(), "time_limit_seconds");
  if (!limit) return send_error(response, limit.error());
  if (limit.value()) time_limit = *limit.value();
  if (!(time_limit >= kMinPoolTimeLimit && time_limit <= kMaxPoolTimeLimit))
    return send_error(
        response, 400, "bad_request",
        fmt::format("'time_limit_seconds' must be {} to {}", kMinPoolTimeLimit, kMaxPoolTimeLimit));
  Result<std::optional<std::string>> sharing = string_field(body.value(), "sharing");
  if (!sharing) return send_error(response, sharing.error());
  const std::string method = sharing.value().value_or("shapley");
  if (method != "shapley" && method != "proportional")
    return send_error(response, 400, "bad_request",
                      "'sharing' must be \"shapley\" or \"proportional\"");

  auto inputs = pool_inputs(names, response);
  if (!inputs) return;
  std::vector<transport::BoroughInputs> boroughs;
  store::PoolRecord pool;
  int pupils = 0;
  for (auto& [borough, member] : *inputs) {
    pupils += static_cast<int>(borough.inputs.pupils.size());
    boroughs.push_back(std::move(borough));
    pool.boroughs.push_back(member);
  }
  if (pupils > settings_.max_pupils)
    return send_error(response, 413, "too_large",
                      fmt::format("a pool may have at most {} pupils (this one has {}); pool "
                                  "fewer boroughs",
                                  settings_.max_pupils, pupils));
  const std::size_t bytes = estimated_plan_bytes(transport::merge_boroughs(boroughs).inputs);
  if (bytes > settings_.max_plan_memory_bytes)
    return send_error(
        response, 413, "too_large",
        fmt::format("this pool would need about {:.1f} GB of memory, more than the {:.1f} GB a "
                    "plan may use here; pool fewer boroughs",
                    static_cast<double>(bytes) / (1 << 30),
                    static_cast<double>(settings_.max_plan_memory_bytes) / (1 << 30)));
  if (std::optional<std::string> refused = jobs_.pools().refusal()) {
    response.set_header("Retry-After", "60");
    return send_error(response, 429, "too_many_plans", *refused);
  }

  pool.created_by = who->user.id;
  pool.created_at = store::utc_now();
  pool.message = "Waiting to start";
  pool.settings_json = nlohmann::json({{"time_limit_seconds", time_limit},
                                       {"sharing", method},
                                       {"cluster_iterations", settings_.pool_cluster_iterations}})
                           .dump();
  Result<std::int64_t> id = store_.add_pool(pool);
  if (!id) return store_failed(id.error(), response);
  pool.id = id.value();

  PoolJob job;
  job.pool_id = pool.id;
  job.boroughs = std::move(boroughs);
  job.settings.policy = settings_.policy;
  job.settings.solver.time_limit_seconds = time_limit;
  job.settings.solver.max_iterations = settings_.pool_first_plan_iterations;
  job.search.cluster_iterations = settings_.pool_cluster_iterations;
  job.sharing.method = method == "shapley" ? transport::CostSharing::kShapley
                                           : transport::CostSharing::kProportional;
  jobs_.pools().submit(std::move(job));
  response.set_header("Location", fmt::format("/api/pools/{}", pool.id));
  send_json(response, 202, {{"pool", pool_object(pool, who->user.username, *who, false)}});
}

std::optional<std::vector<std::pair<transport::BoroughInputs, store::PoolBorough>>>
Api::pool_inputs(const std::vector<std::string>& boroughs, httplib::Response& response) {
  std::vector<std::pair<transport::BoroughInputs, store::PoolBorough>> out;
  std::vector<std::string> without;
  std::vector<std::array<store::Dataset, 3>> latest;
  for (const std::string& name : boroughs) {
    std::array<store::Dataset, 3> files;
    bool complete = true;
    int k = 0;
    for (const char* kind : {"pupils", "schools", "fleet"}) {
      Result<std::optional<store::Dataset>> found = store_.latest_dataset(name, kind);
      if (!found) {
        store_failed(found.error(), response);
        return std::nullopt;
      }
      if (!found.value())
        complete = false;
      else
        files[k] = std::move(*found.value());
      ++k;
    }
    if (!complete) without.push_back(name);
    latest.push_back(std::move(files));
  }
  if (!without.empty()) {
    send_json(response, 422,
              {{"error", "invalid_input"},
               {"message", fmt::format("every borough of a pool needs its pupils, schools and "
                                       "fleet files; not uploaded yet for {}",
                                       fmt::join(without, ", "))},
               {"boroughs_without_inputs", without},
               {"problems", nlohmann::json::array()}});
    return std::nullopt;
  }
  for (std::size_t b = 0; b < boroughs.size(); ++b) {
    const auto& [pupils, schools, fleet] = latest[b];
    auto read =
        read_borough_inputs(pupils, schools, fleet, nullptr, settings_.policy, settings_.postcodes);
    if (!read) {
      send_json(response, 422,
                {{"error", "invalid_input"},
                 {"message", fmt::format("{}'s uploaded files do not fit together: nothing was "
                                         "pooled",
                                         boroughs[b])},
                 {"boroughs_without_inputs", nlohmann::json::array()},
                 {"problems", problems_json(read.problems())}});
      return std::nullopt;
    }
    BoroughInputs inputs = std::move(read).value();
    out.push_back({transport::BoroughInputs{boroughs[b], std::move(inputs.inputs)},
                   store::PoolBorough{boroughs[b], inputs.pupils_dataset, inputs.schools_dataset,
                                      inputs.fleet_dataset}});
  }
  return out;
}

void Api::list_pools(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  const bool officer = who->user.role == store::Role::kBoroughOfficer;
  Result<std::vector<store::PoolRecord>> pools =
      store_.list_pools(officer ? who->user.borough : "");
  if (!pools) return store_failed(pools.error(), response);
  nlohmann::json out = nlohmann::json::array();
  std::map<std::int64_t, std::string> names;  // user id -> username, looked up once each
  for (const store::PoolRecord& pool : pools.value()) {
    if (!names.count(pool.created_by)) names[pool.created_by] = username_of(pool.created_by);
    out.push_back(pool_object(pool, names[pool.created_by], *who, false));
  }
  send_json(response, 200, out);
}

std::optional<store::PoolRecord> Api::visible_pool(const Principal& who,
                                                   httplib::Response& response,
                                                   const httplib::Request& request) {
  Result<std::optional<store::PoolRecord>> pool = store_.get_pool(std::stoll(request.matches[1]));
  if (!pool) {
    store_failed(pool.error(), response);
    return std::nullopt;
  }
  if (!pool.value()) {
    send_error(response, 404, "not_found", "no such pool");
    return std::nullopt;
  }
  if (who.user.role == store::Role::kBoroughOfficer && !pool.value()->includes(who.user.borough)) {
    send_error(response, 403, "forbidden", "officers see the pools their own borough is in");
    return std::nullopt;
  }
  return pool.value();
}

void Api::get_pool(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  std::optional<store::PoolRecord> pool = visible_pool(*who, response, request);
  if (!pool) return;
  send_json(response, 200, pool_object(*pool, username_of(pool->created_by), *who, true));
}

std::optional<Api::PoolAccess> Api::finished_pool(const httplib::Request& request,
                                                  httplib::Response& response, const char* what) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return std::nullopt;
  std::optional<store::PoolRecord> pool = visible_pool(*who, response, request);
  if (!pool) return std::nullopt;
  if (sees_totals_only(*who)) {
    send_error(response, 403, "forbidden",
               fmt::format("regional analysts see a pool's totals only, not {}", what));
    return std::nullopt;
  }
  if (pool->status != store::PlanStatus::kDone) {
    send_error(response, 409, "conflict", "the pool is not finished");
    return std::nullopt;
  }
  return PoolAccess{std::move(*who), std::move(*pool)};
}

void Api::pool_routes(const httplib::Request& request, httplib::Response& response) {
  std::optional<PoolAccess> access = finished_pool(request, response, "its routes");
  if (!access) return;
  const Principal& who = access->who;
  const store::PoolRecord& pool = access->pool;
  const std::string name = "routes." + std::string(request.matches[2]);
  const bool everyone = sees_everything(who);
  Result<std::optional<std::string>> file =
      store_.pool_file(pool.id, everyone ? name : borough_file_name(who.user.borough, name));
  if (!file) return store_failed(file.error(), response);
  if (!file.value()) return send_error(response, 404, "not_found", "no such file for this pool");
  // Audited first, for each borough whose children's stops are in the answer.
  for (const store::PoolBorough& member : pool.boroughs) {
    if (!everyone && member.borough != who.user.borough) continue;
    if (!audit(who, "read pooled " + name, member.borough,
               fmt::format("pool {} ({})", pool.id,
                           everyone ? "every pooled borough's children" : "own children only"),
               response))
      return;
  }
  send_attachment(response,
                  everyone ? fmt::format("pool-{}-{}", pool.id, name)
                           : fmt::format("pool-{}-{}-{}", pool.id, slug(who.user.borough), name),
                  *file.value(),
                  name.ends_with(".csv") ? "text/csv; charset=utf-8" : "application/geo+json");
}

void Api::pool_download(const httplib::Request& request, httplib::Response& response) {
  std::optional<PoolAccess> access = finished_pool(request, response, "each borough's share");
  if (!access) return;
  const store::PoolRecord& pool = access->pool;
  const std::string name = request.matches[2];
  if (name == "pool.json")
    return send_attachment(response, fmt::format("pool-{}.json", pool.id), pool.pool_json,
                           "application/json; charset=utf-8");
  Result<std::optional<std::string>> file = store_.pool_file(pool.id, "pool.csv");
  if (!file) return store_failed(file.error(), response);
  if (!file.value()) return send_error(response, 404, "not_found", "no such file for this pool");
  send_attachment(response, fmt::format("pool-{}-shares.csv", pool.id), *file.value(),
                  "text/csv; charset=utf-8");
}

void Api::cancel_pool(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return;
  std::optional<store::PoolRecord> pool = visible_pool(*who, response, request);
  if (!pool) return;
  const PoolCancelOutcome outcome =
      jobs_.pools().cancel(pool->id, fmt::format("cancelled by {}", who->user.username));
  if (outcome == PoolCancelOutcome::kNotPending)
    return send_error(response, 409, "conflict", "only a waiting or running pool can be cancelled");
  const bool stopping = outcome == PoolCancelOutcome::kStopping;
  std::string boroughs;
  for (const store::PoolBorough& member : pool->boroughs)
    boroughs += (boroughs.empty() ? "" : ", ") + member.borough;
  if (!audit(*who, "cancel pool", boroughs,
             fmt::format("pool {} ({})", pool->id, stopping ? "was running" : "was waiting"),
             response))
    return;
  send_json(response, 202,
            {{"pool", pool->id}, {"cancelled", stopping ? "stopping" : "cancelled"}});
}

}  // namespace sendplan::server
