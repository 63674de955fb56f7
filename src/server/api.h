// The JSON API (docs/reference/api.md; OpenAPI at /api/openapi.json): who may do what, and every
// handler. Access rules, in one place (Api::may_see_children / may_change):
//   - borough officer: child-level data and uploads of their own borough only;
//   - regional analyst: aggregates only (region summary, counts below 5 suppressed);
//   - administrator: everything, including the audit log and accounts.
// Every response carrying child-level data is written to the audit log first (no audit entry,
// no data). Thread-safe: handlers run on the server's thread pool.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "dfe/profile.h"
#include "geo/postcode.h"
#include "placements/analysis.h"
#include "practice/workflow.h"
#include "report/routes_csv_reader.h"
#include "server/borough_atlas.h"
#include "server/input_checks.h"
#include "server/plan_jobs.h"
#include "server/sessions.h"
#include "server/sign_in_guard.h"
#include "store/store.h"
#include "transport/inputs.h"
#include "transport/plan_edits.h"
#include "transport/pool.h"
#include "transport/pool_search.h"

namespace sendplan::server {

struct ApiSettings {
  transport::Policy policy;                           // the planner's rules for uploads and plans
  const geo::PostcodeDirectory* postcodes = nullptr;  // for inputs placed by postcode
  double default_time_limit_seconds = 30;
  double max_time_limit_seconds = 600;
  // Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry
  // (for sign-in throttling and the audit log). Off: the connection's address.
  bool trust_forwarded_for = false;
  SignInGuardSettings sign_in;
  // Plans: pupils in one upload and in one plan (the engine's matrices grow with the square),
  // and the memory one plan may be estimated to need before it is refused.
  int max_pupils = 5000;
  std::size_t max_plan_memory_bytes = std::size_t{3} << 30;
  // Pools (several boroughs planned together, api_pools.cpp): each borough's first plan's time
  // limit per run when the administrator gives none (they may choose 10 to 300 s), the engine
  // iterations per seam cluster, and a cap on the first plans' iterations (0 = none: they run to
  // the time limit; tests set one to finish in moments).
  double pool_default_time_limit_seconds = 30;
  std::int64_t pool_cluster_iterations = transport::PoolSearchSettings{}.cluster_iterations;
  std::int64_t pool_first_plan_iterations = 0;
};

// Counts of one pupils dataset, for aggregate views (kept per dataset id: datasets never change).
struct PupilCounts {
  int pupils = 0;
  int wheelchair = 0;
  int passenger_assistant = 0;
  int travel_alone = 0;
};

class Api {
 public:
  Api(store::Store& store, const BoroughAtlas& atlas, Sessions& sessions, PlanJobs& jobs,
      ApiSettings settings)
      : store_(store),
        atlas_(atlas),
        sessions_(sessions),
        jobs_(jobs),
        settings_(settings),
        guard_(settings.sign_in) {}

  void register_routes(httplib::Server& server);

 private:
  // --- who is asking (each writes the error response and returns nullopt/false when refused)
  std::optional<Principal> signed_in(const httplib::Request& request, httplib::Response& response);
  // Signed in and carrying the session's CSRF token (for POST/PUT/DELETE).
  std::optional<Principal> changing(const httplib::Request& request, httplib::Response& response);
  std::optional<std::string> borough(const std::string& raw, httplib::Response& response) const;
  bool may_see_children(const Principal& who, const std::string& borough,
                        httplib::Response& response) const;
  // The start of every borough handler: signed in (with the CSRF token when `changing`), the
  // path's borough known (request.matches[1]), and its children's records open to the user.
  struct BoroughAccess {
    Principal who;
    std::string borough;
  };
  std::optional<BoroughAccess> children_of(const httplib::Request& request,
                                           httplib::Response& response, bool changing);
  bool is_admin(const Principal& who, httplib::Response& response) const;
  // Writes the audit entry; false (and a 500) when it could not be written.
  bool audit(const Principal& who, const std::string& action, const std::string& borough,
             const std::string& detail, httplib::Response& response);
  // Logs a store failure (never data) and answers 500.
  void store_failed(const Error& error, httplib::Response& response) const;

  // --- handlers (api_session.cpp)
  void health(const httplib::Request&, httplib::Response&);
  void login(const httplib::Request&, httplib::Response&);
  void logout(const httplib::Request&, httplib::Response&);
  void me(const httplib::Request&, httplib::Response&);
  void change_own_password(const httplib::Request&, httplib::Response&);
  // Before a password is checked: 429 with Retry-After while `username` or `address` is locked,
  // 503 when no check slot comes free; else the slot to check it in.
  std::optional<SignInGuard::Slot> password_check(const std::string& username,
                                                  const std::string& address,
                                                  httplib::Response& response);
  // The client's address (the proxy's X-Forwarded-For entry when trusted).
  std::string client_address(const httplib::Request& request) const;
  void boroughs(const httplib::Request&, httplib::Response&);
  void boundary(const httplib::Request&, httplib::Response&);
  // (api_inputs.cpp)
  void upload(const httplib::Request&, httplib::Response&);
  void datasets(const httplib::Request&, httplib::Response&);
  void pupils(const httplib::Request&, httplib::Response&);
  // (api_plans.cpp)
  void create_plan(const httplib::Request&, httplib::Response&);
  void list_plans(const httplib::Request&, httplib::Response&);
  void get_plan(const httplib::Request&, httplib::Response&);
  void plan_file(const httplib::Request&, httplib::Response&);
  void cancel_plan(const httplib::Request&, httplib::Response&);
  // A new plan record of `borough` by `who`, waiting to start (the caller adds what it is).
  store::PlanRecord waiting_plan(const std::string& borough, const Principal& who) const;
  // Stores `plan`, queues `job` for it (its plan id and borough set here) and answers 202 with
  // the plan and its Location.
  void queue_plan(store::PlanRecord plan, PlanJob job, const Principal& who,
                  httplib::Response& response);
  // A new plan of `inputs` for `borough` may be queued: within the size and memory limits
  // (413) and the borough's share of the queue (429); else the response says why.
  bool plan_admitted(const std::string& borough, const transport::TransportInputs& inputs,
                     httplib::Response& response);
  std::string username_of(std::int64_t user_id);  // "" when unknown
  // (api_pools.cpp): several boroughs planned together, and the cost shared
  void create_pool(const httplib::Request&, httplib::Response&);
  void list_pools(const httplib::Request&, httplib::Response&);
  void get_pool(const httplib::Request&, httplib::Response&);
  void pool_routes(const httplib::Request&, httplib::Response&);
  void pool_download(const httplib::Request&, httplib::Response&);
  void cancel_pool(const httplib::Request&, httplib::Response&);
  // The pool request.matches[1] names when it exists (404) and `who` may see it (403: an
  // officer whose borough is not in it).
  std::optional<store::PoolRecord> visible_pool(const Principal& who, httplib::Response& response,
                                                const httplib::Request& request);
  // The pool request.matches[1] names for a signed-in user who may see it (as visible_pool),
  // done (409) and not for analysts (403: they see its totals only, not `what`).
  struct PoolAccess {
    Principal who;
    store::PoolRecord pool;
  };
  std::optional<PoolAccess> finished_pool(const httplib::Request& request,
                                          httplib::Response& response, const char* what);
  // The inputs of a new pool's boroughs (the latest uploads, read and cross-checked), or the
  // error response (422 naming the boroughs without inputs, or a borough's problems).
  std::optional<std::vector<std::pair<transport::BoroughInputs, store::PoolBorough>>> pool_inputs(
      const std::vector<std::string>& boroughs, httplib::Response& response);
  // (api_versions.cpp): plans as versions, compared, edited, re-planned and updated
  void compare_plans(const httplib::Request&, httplib::Response&);
  void preview_edit(const httplib::Request&, httplib::Response&);
  void save_edit(const httplib::Request&, httplib::Response&);
  void replan(const httplib::Request&, httplib::Response&);
  void update_plan(const httplib::Request&, httplib::Response&);
  // The plan `raw_id` names when it exists (404), its borough's children are open to `who`
  // (403) and it is done (409).
  std::optional<store::PlanRecord> done_plan(const Principal& who, const std::string& raw_id,
                                             httplib::Response& response);
  // What a change of a plan starts from: its own inputs read again (with its current routes,
  // when it had them), its stored routes.csv as read and as resolved against those inputs, and
  // the planner settings it was made with.
  struct PlanBasis {
    BoroughInputs inputs;
    std::vector<report::CurrentRoute> stored_routes;
    std::vector<transport::CurrentRoute> routes;
    transport::PlannerSettings settings;
  };
  std::optional<PlanBasis> plan_basis(const store::PlanRecord& plan, httplib::Response& response);
  transport::PlannerSettings planner_settings(const store::PlanRecord& plan) const;
  // The edit of a preview or save-edit request, applied to the plan: the day before (its routes
  // re-timed as they are) and after, and what differs.
  struct EditedDay {
    transport::PlanEdit edit;
    PlanBasis basis;
    transport::DayMatrices matrices;
    transport::DayPlan before, after;
    transport::PlanDifference difference;
  };
  std::optional<EditedDay> edited_day(const httplib::Request& request,
                                      const store::PlanRecord& plan, httplib::Response& response);
  // (api_region.cpp)
  void region_summary(const httplib::Request&, httplib::Response&);
  Result<PupilCounts> pupil_counts(std::int64_t dataset_id);
  // (api_admin.cpp)
  void audit_log(const httplib::Request&, httplib::Response&);
  void users(const httplib::Request&, httplib::Response&);
  void add_user(const httplib::Request&, httplib::Response&);
  void change_user(const httplib::Request&, httplib::Response&);
  void delete_user(const httplib::Request&, httplib::Response&);
  void reset_password(const httplib::Request&, httplib::Response&);
  void revoke_sessions(const httplib::Request&, httplib::Response&);
  // The start of every account change: an administrator with the CSRF token, and the account
  // request.matches[1] names (404 when unknown or deleted).
  struct AccountChangeAccess {
    Principal who;
    store::User user;
  };
  std::optional<AccountChangeAccess> account_to_change(const httplib::Request& request,
                                                       httplib::Response& response);
  // (api_stats.cpp)
  void stats_indicators(const httplib::Request&, httplib::Response&);
  void stats_areas(const httplib::Request&, httplib::Response&);
  void stats_indicator(const httplib::Request&, httplib::Response&);
  void stats_profile(const httplib::Request&, httplib::Response&);
  void stats_figure_csv(const httplib::Request&, httplib::Response&);
  void stats_report(const httplib::Request&, httplib::Response&);
  void stats_inspections(const httplib::Request&, httplib::Response&);
  void stats_releases(const httplib::Request&, httplib::Response&);
  std::optional<dfe::Profile> profile_of(const httplib::Request&, httplib::Response&);
  // (api_placements.cpp): the register's vocabularies and a borough's placements
  void placements_meta(const httplib::Request&, httplib::Response&);
  void borough_placements(const httplib::Request&, httplib::Response&);
  void borough_placements_csv(const httplib::Request&, httplib::Response&);
  void upload_placements(const httplib::Request&, httplib::Response&);
  void add_fees(const httplib::Request&, httplib::Response&);
  // (api_placements_providers.cpp): the shared provider register
  void providers(const httplib::Request&, httplib::Response&);
  void providers_csv(const httplib::Request&, httplib::Response&);
  void save_provider(const httplib::Request&, httplib::Response&);
  void provider_history(const httplib::Request&, httplib::Response&);
  void import_providers(const httplib::Request&, httplib::Response&);
  // (api_placements_analysis.cpp): the regional analyses and gaps
  void placements_analysis(const httplib::Request&, httplib::Response&);
  void placements_gaps(const httplib::Request&, httplib::Response&);
  // What both read: the request's date (today when none) and the whole register, or nullopt
  // (answered: 400 when the date is not YYYY-MM-DD, or the store's failure).
  struct RegisterOnDate {
    std::string date;
    std::vector<placements::Placement> placements;
    std::vector<placements::Provider> providers;
    std::vector<placements::BoroughInfo> boroughs;
  };
  std::optional<RegisterOnDate> register_on_date(const httplib::Request& request,
                                                 httplib::Response& response);
  // (api_placements_matching.cpp): the matching tool
  void match(const httplib::Request&, httplib::Response&);
  // (api_practice.cpp): the practice repository's entries, search and attachments
  void practice_meta(const httplib::Request&, httplib::Response&);
  void practice_search(const httplib::Request&, httplib::Response&);
  void practice_entry(const httplib::Request&, httplib::Response&);
  void create_practice_entry(const httplib::Request&, httplib::Response&);
  void save_practice_entry(const httplib::Request&, httplib::Response&);
  void move_practice_entry(const httplib::Request&, httplib::Response&);
  void rate_practice_entry(const httplib::Request&, httplib::Response&);
  void add_practice_attachment(const httplib::Request&, httplib::Response&);
  void practice_attachment(const httplib::Request&, httplib::Response&);
  void delete_practice_attachment(const httplib::Request&, httplib::Response&);
  void practice_export(const httplib::Request&, httplib::Response&);
  void import_practice(const httplib::Request&, httplib::Response&);
  void practice_borough(const httplib::Request&, httplib::Response&);
  // (api_practice_calls.cpp): calls for submissions, reviews, the panel and exports
  void practice_calls(const httplib::Request&, httplib::Response&);
  void save_practice_call(const httplib::Request&, httplib::Response&);
  void assign_practice_reviewer(const httplib::Request&, httplib::Response&);
  void unassign_practice_reviewer(const httplib::Request&, httplib::Response&);
  void score_practice_entry(const httplib::Request&, httplib::Response&);
  void my_practice_reviews(const httplib::Request&, httplib::Response&);
  void practice_panel(const httplib::Request&, httplib::Response&);
  void practice_submissions_csv(const httplib::Request&, httplib::Response&);
  void practice_booklet(const httplib::Request&, httplib::Response&);
  // The entry request.matches[1] names, for `who`: 404 when there is none or `who` may not
  // read it (an entry's existence is not told to those who may not see it).
  struct PracticeAccess {
    Principal who;
    practice::Actor actor;
    store::PracticeEntry entry;
    std::optional<store::PracticeCall> call;  // the entry's call, when it has one
    bool assigned = false;                    // `who` reviews it
  };
  std::optional<PracticeAccess> readable_entry(const httplib::Request& request,
                                               httplib::Response& response, bool change);
  // Writes the entry (its facets from the atlas's sub-regions) and its event and audit entry;
  // answers 409 when someone changed it meanwhile. The stored entry, or nullopt (answered).
  std::optional<store::PracticeEntry> write_practice_entry(const Principal& who,
                                                           store::PracticeEntry entry,
                                                           const store::PracticeEvent& event,
                                                           httplib::Response& response);
  // The call request.matches[1] names, for an administrator (403 for others, 404 when none).
  std::optional<store::PracticeCall> call_for_admin(const httplib::Request& request,
                                                    httplib::Response& response);
  std::map<std::string, std::string> subregions() const;
  std::vector<std::string> borough_names() const;
  std::vector<placements::BoroughInfo> placement_boroughs() const;
  std::map<std::int64_t, std::string> provider_names();
  bool may_edit_register(const Principal& who, httplib::Response& response) const;

  store::Store& store_;
  const BoroughAtlas& atlas_;
  Sessions& sessions_;
  PlanJobs& jobs_;
  ApiSettings settings_;
  SignInGuard guard_;
  std::mutex counts_mutex_;
  std::map<std::int64_t, PupilCounts> counts_;
};

}  // namespace sendplan::server
