// Api: the routes, and the access checks every handler starts with.
#include "server/api.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "server/http_json.h"
#include "server/openapi.h"

namespace sendplan::server {

void Api::register_routes(httplib::Server& server) {
  using httplib::Request;
  using httplib::Response;
  auto bind = [this](void (Api::*handler)(const Request&, Response&)) {
    return [this, handler](const Request& request, Response& response) {
      (this->*handler)(request, response);
    };
  };
  constexpr const char* kBorough = R"(/api/boroughs/([^/]+))";
  server.Get("/api/health", bind(&Api::health));
  server.Get("/api/openapi.json", [](const Request&, Response& response) {
    response.set_content(openapi_json(), "application/json; charset=utf-8");
  });
  server.Post("/api/login", bind(&Api::login));
  server.Post("/api/logout", bind(&Api::logout));
  server.Get("/api/me", bind(&Api::me));
  server.Post("/api/me/password", bind(&Api::change_own_password));
  server.Get("/api/boroughs", bind(&Api::boroughs));
  server.Get(fmt::format("{}/boundary", kBorough), bind(&Api::boundary));
  server.Put(fmt::format("{}/inputs/([^/]+)", kBorough), bind(&Api::upload));
  server.Get(fmt::format("{}/datasets", kBorough), bind(&Api::datasets));
  server.Get(fmt::format("{}/pupils", kBorough), bind(&Api::pupils));
  server.Post(fmt::format("{}/plans", kBorough), bind(&Api::create_plan));
  server.Get(fmt::format("{}/plans", kBorough), bind(&Api::list_plans));
  server.Get(R"(/api/plans/(\d{1,18}))", bind(&Api::get_plan));
  server.Get(R"(/api/plans/(\d{1,18})/files/([^/]+))", bind(&Api::plan_file));
  server.Post(R"(/api/plans/(\d{1,18})/cancel)", bind(&Api::cancel_plan));
  server.Delete(R"(/api/plans/(\d{1,18}))", bind(&Api::cancel_plan));
  server.Get(R"(/api/plans/(\d{1,18})/compare/(\d{1,18}))", bind(&Api::compare_plans));
  server.Post(R"(/api/plans/(\d{1,18})/preview)", bind(&Api::preview_edit));
  server.Post(R"(/api/plans/(\d{1,18})/save-edit)", bind(&Api::save_edit));
  server.Post(R"(/api/plans/(\d{1,18})/replan)", bind(&Api::replan));
  server.Post(R"(/api/plans/(\d{1,18})/update)", bind(&Api::update_plan));
  server.Post("/api/pools", bind(&Api::create_pool));
  server.Get("/api/pools", bind(&Api::list_pools));
  server.Get(R"(/api/pools/(\d{1,18}))", bind(&Api::get_pool));
  server.Get(R"(/api/pools/(\d{1,18})/routes\.(geojson|csv))", bind(&Api::pool_routes));
  server.Get(R"(/api/pools/(\d{1,18})/(shares\.csv|pool\.json))", bind(&Api::pool_download));
  server.Post(R"(/api/pools/(\d{1,18})/cancel)", bind(&Api::cancel_pool));
  server.Get("/api/region/summary", bind(&Api::region_summary));
  server.Get("/api/audit", bind(&Api::audit_log));
  server.Get("/api/users", bind(&Api::users));
  server.Post("/api/users", bind(&Api::add_user));
  server.Patch(R"(/api/users/(\d{1,18}))", bind(&Api::change_user));
  server.Delete(R"(/api/users/(\d{1,18}))", bind(&Api::delete_user));
  server.Post(R"(/api/users/(\d{1,18})/reset-password)", bind(&Api::reset_password));
  server.Post(R"(/api/users/(\d{1,18})/revoke-sessions)", bind(&Api::revoke_sessions));
  server.Get("/api/stats/indicators", bind(&Api::stats_indicators));
  server.Get(R"(/api/stats/indicators/([a-z0-9-]{1,80}))", bind(&Api::stats_indicator));
  server.Get("/api/stats/areas", bind(&Api::stats_areas));
  server.Get(R"(/api/stats/profile/([^/]{1,80}))", bind(&Api::stats_profile));
  server.Get(R"(/api/stats/profile/([^/]{1,80})/figures/([a-z0-9-]{1,80})\.csv)",
             bind(&Api::stats_figure_csv));
  server.Get(R"(/api/stats/profile/([^/]{1,80})/report\.html)", bind(&Api::stats_report));
  server.Get("/api/stats/inspections", bind(&Api::stats_inspections));
  server.Get("/api/stats/releases", bind(&Api::stats_releases));
  server.Get("/api/placements/meta", bind(&Api::placements_meta));
  server.Get("/api/providers", bind(&Api::providers));
  server.Get("/api/providers.csv", bind(&Api::providers_csv));
  server.Post("/api/providers", bind(&Api::save_provider));
  server.Put("/api/providers/import", bind(&Api::import_providers));
  server.Put(R"(/api/providers/(\d{1,18}))", bind(&Api::save_provider));
  server.Get(R"(/api/providers/(\d{1,18})/history)", bind(&Api::provider_history));
  server.Get(fmt::format("{}/placements", kBorough), bind(&Api::borough_placements));
  server.Get(fmt::format("{}/placements\\.csv", kBorough), bind(&Api::borough_placements_csv));
  server.Put(fmt::format("{}/placements", kBorough), bind(&Api::upload_placements));
  server.Post(R"(/api/placements/(\d{1,18})/fees)", bind(&Api::add_fees));
  server.Get("/api/placements/analysis", bind(&Api::placements_analysis));
  server.Get("/api/placements/gaps", bind(&Api::placements_gaps));
  server.Post("/api/placements/match", bind(&Api::match));
  server.Get("/api/practice/meta", bind(&Api::practice_meta));
  server.Get("/api/practice/entries", bind(&Api::practice_search));
  server.Get(R"(/api/practice/entries\.(csv|json))", bind(&Api::practice_export));
  server.Post("/api/practice/entries", bind(&Api::create_practice_entry));
  server.Put("/api/practice/import", bind(&Api::import_practice));
  server.Get(R"(/api/practice/entries/(\d{1,18}))", bind(&Api::practice_entry));
  server.Put(R"(/api/practice/entries/(\d{1,18}))", bind(&Api::save_practice_entry));
  server.Post(R"(/api/practice/entries/(\d{1,18})/state)", bind(&Api::move_practice_entry));
  server.Post(R"(/api/practice/entries/(\d{1,18})/evidence)", bind(&Api::rate_practice_entry));
  server.Post(R"(/api/practice/entries/(\d{1,18})/attachments)",
              bind(&Api::add_practice_attachment));
  server.Post(R"(/api/practice/entries/(\d{1,18})/reviewers)",
              bind(&Api::assign_practice_reviewer));
  server.Delete(R"(/api/practice/entries/(\d{1,18})/reviewers/(\d{1,18}))",
                bind(&Api::unassign_practice_reviewer));
  server.Put(R"(/api/practice/entries/(\d{1,18})/review)", bind(&Api::score_practice_entry));
  server.Get(R"(/api/practice/attachments/(\d{1,18}))", bind(&Api::practice_attachment));
  server.Delete(R"(/api/practice/attachments/(\d{1,18}))", bind(&Api::delete_practice_attachment));
  server.Get("/api/practice/reviews", bind(&Api::my_practice_reviews));
  server.Get("/api/practice/calls", bind(&Api::practice_calls));
  server.Post("/api/practice/calls", bind(&Api::save_practice_call));
  server.Patch(R"(/api/practice/calls/(\d{1,18}))", bind(&Api::save_practice_call));
  server.Get(R"(/api/practice/calls/(\d{1,18})/panel)", bind(&Api::practice_panel));
  server.Get(R"(/api/practice/calls/(\d{1,18})/submissions\.csv)",
             bind(&Api::practice_submissions_csv));
  server.Get(R"(/api/practice/calls/(\d{1,18})/booklet\.html)", bind(&Api::practice_booklet));
  server.Get(R"(/api/practice/boroughs/([^/]{1,80}))", bind(&Api::practice_borough));
}

std::optional<Principal> Api::signed_in(const httplib::Request& request,
                                        httplib::Response& response) {
  Result<std::optional<Principal>> who = sessions_.who(request);
  if (!who) {
    store_failed(who.error(), response);
    return std::nullopt;
  }
  if (!who.value()) {
    send_error(response, 401, "unauthenticated", "sign in first");
    return std::nullopt;
  }
  // After an administrator's reset, nothing but choosing a new password (and signing out).
  if (who.value()->user.must_change_password && request.path != "/api/me" &&
      request.path != "/api/me/password" && request.path != "/api/logout") {
    send_error(response, 403, "password_change_required",
               "choose a new password first (your administrator reset it)");
    return std::nullopt;
  }
  return who.value();
}

std::optional<Principal> Api::changing(const httplib::Request& request,
                                       httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (who && !Sessions::csrf_ok(request, *who)) {
    send_error(response, 403, "csrf",
               "missing or wrong X-CSRF-Token header (reload the page and try again)");
    return std::nullopt;
  }
  return who;
}

std::optional<std::string> Api::borough(const std::string& raw, httplib::Response& response) const {
  std::optional<std::string> name = atlas_.canonical(raw);
  if (!name) send_error(response, 404, "not_found", "no London borough of that name");
  return name;
}

bool Api::may_see_children(const Principal& who, const std::string& borough,
                           httplib::Response& response) const {
  const store::User& user = who.user;
  if (user.role == store::Role::kAdministrator) return true;
  if (user.role == store::Role::kBoroughOfficer && user.borough == borough) return true;
  send_error(response, 403, "forbidden",
             user.role == store::Role::kRegionalAnalyst
                 ? "regional analysts see aggregates only, not children's records"
                 : "officers see their own borough's children only");
  return false;
}

std::optional<Api::BoroughAccess> Api::children_of(const httplib::Request& request,
                                                   httplib::Response& response, bool change) {
  std::optional<Principal> who =
      change ? changing(request, response) : signed_in(request, response);
  if (!who) return std::nullopt;
  std::optional<std::string> name = borough(request.matches[1], response);
  if (!name || !may_see_children(*who, *name, response)) return std::nullopt;
  return BoroughAccess{std::move(*who), std::move(*name)};
}

bool Api::is_admin(const Principal& who, httplib::Response& response) const {
  if (who.user.role == store::Role::kAdministrator) return true;
  send_error(response, 403, "forbidden", "administrators only");
  return false;
}

bool Api::audit(const Principal& who, const std::string& action, const std::string& borough,
                const std::string& detail, httplib::Response& response) {
  const store::AuditEntry entry{0,      store::utc_now(), who.user.id, who.user.username,
                                action, borough,          detail};
  if (Status written = store_.append_audit(entry); !written) {
    store_failed(written.error(), response);
    return false;
  }
  return true;
}

void Api::store_failed(const Error& error, httplib::Response& response) const {
  spdlog::error("store: {}", error.message);
  send_error(response, 500, "internal", "the server's database failed; try again");
}

}  // namespace sendplan::server
