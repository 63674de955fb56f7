#include "cli/serve_command.h"

#include <fmt/format.h>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/install_paths.h"
#include "cli/planner_setup.h"
#include "cli/terminal.h"
#include "server/accounts.h"
#include "server/api.h"
#include "server/borough_atlas.h"
#include "server/credentials.h"
#include "server/plan_jobs.h"
#include "server/sessions.h"
#include "server/web_server.h"
#include "store/store.h"
#include "travel/london_model.h"
#include "travel/london_zone_model.h"

namespace sendplan::cli {
namespace {

std::string boundaries_path(const std::string& shared) {
  return shared_or_default(shared) + "/data/boundaries/london_boroughs_gla.geojson";
}

// The password for a new account: the first line of stdin, or asked twice on the terminal.
Result<std::string> read_new_password(bool from_stdin) {
  std::string password;
  if (from_stdin) {
    if (!std::getline(std::cin, password))
      return make_error(ErrorCode::kInvalidArgument, "no password on standard input");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  if (!isatty(STDIN_FILENO))
    return make_error(ErrorCode::kInvalidArgument,
                      "give --password-stdin to read the password from standard input");
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~tcflag_t(ECHO);
  std::string again;
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::fprintf(stderr, "Password: ");
  std::getline(std::cin, password);
  std::fprintf(stderr, "\nAgain: ");
  std::getline(std::cin, again);
  std::fprintf(stderr, "\n");
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  if (password != again) return make_error(ErrorCode::kInvalidArgument, "the passwords differ");
  return password;
}

}  // namespace

int run_serve(const ServeOptions& options) {
  if (options.port < 0 || options.port > 65535)
    return report_error(make_error(ErrorCode::kInvalidArgument, "--port must be 0 to 65535"));
  if (options.workers < 1 || options.workers > 16)
    return report_error(make_error(ErrorCode::kInvalidArgument, "--workers must be 1 to 16"));
  if (options.max_plans_per_borough < 1 || options.max_plans_per_borough > 100)
    return report_error(
        make_error(ErrorCode::kInvalidArgument, "--max-plans-per-borough must be 1 to 100"));
  if (options.max_pupils < 1 || options.max_pupils > 100000)
    return report_error(
        make_error(ErrorCode::kInvalidArgument, "--max-pupils must be 1 to 100,000"));
  if (Status crypto = server::init_crypto(); !crypto) return report_error(crypto.error());
  Result<server::BoroughAtlas> atlas = server::BoroughAtlas::read(boundaries_path(options.shared));
  if (!atlas) return report_error(atlas.error());
  Result<std::unique_ptr<store::Store>> opened = store::open_store(options.database);
  if (!opened) return report_error(opened.error());
  store::Store& store = *opened.value();
  Result<int> interrupted = store.fail_unfinished_plans(
      "stopped: the server was restarted before the plan finished; plan again", store::utc_now());
  if (!interrupted) return report_error(interrupted.error());
  if (interrupted.value() > 0)
    spdlog::warn("{} plan(s) left unfinished by the last run are marked failed",
                 interrupted.value());
  Result<std::optional<geo::PostcodeDirectory>> postcodes = load_postcodes(options.postcodes);
  if (!postcodes) return report_error(postcodes.error());
  // Travel times: the zone model on the same boundaries the atlas was read from.
  Result<travel::LondonZoneMap> zones =
      travel::LondonZoneMap::read(boundaries_path(options.shared));
  if (!zones) return report_error(zones.error());
  Result<std::unique_ptr<travel::TravelSource>> travel = travel::make_london_zone_model(
      std::make_shared<const travel::LondonZoneMap>(std::move(zones).value()));
  if (!travel) return report_error(travel.error());
  spdlog::info("travel times: {}", travel.value()->description());

  // SIGINT and SIGTERM are taken by one watcher thread (sigwait); every thread started from
  // here on inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ApiSettings settings;
  settings.postcodes = postcodes.value() ? &*postcodes.value() : nullptr;
  settings.default_time_limit_seconds = options.default_time_limit;
  settings.max_pupils = options.max_pupils;
  settings.trust_forwarded_for = options.trust_forwarded_for;
  server::PlanJobs jobs(store, *travel.value(),
                        server::PlanJobLimits{options.workers, options.max_plans_per_borough, 100});
  server::Sessions sessions(store, 8, !options.insecure_cookies);
  server::Api api(store, atlas.value(), sessions, jobs, settings);
  server::WebServerOptions web;
  web.host = options.host;
  web.port = options.port;
  web.web_dir = options.web.empty() ? data_paths().web : options.web;
  web.vendor_dir = data_paths().vendor;
  web.log_requests = options.log_requests;
  server::WebServer http(api, web);
  Result<int> port = http.bind();
  if (!port) return report_error(port.error());

  std::thread watcher([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    spdlog::info("stopping: finishing requests in progress");
    http.stop();
  });
  spdlog::info("store: {} (schema version {})", store.backend(), store.schema_version());
  spdlog::info("web app: {} (libraries: {})", web.web_dir, web.vendor_dir);
  fmt::print("sendplan: listening on http://{}:{}\n", options.host, port.value());
  std::fflush(stdout);
  http.serve();
  // serve() returns after stop(); wake the watcher if something else ended it.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  jobs.stop();
  fmt::print("sendplan: stopped\n");
  std::fflush(stdout);
  return 0;
}

int run_user_add(const UserOptions& options) {
  if (Status crypto = server::init_crypto(); !crypto) return report_error(crypto.error());
  Result<server::BoroughAtlas> atlas = server::BoroughAtlas::read(boundaries_path(options.shared));
  if (!atlas) return report_error(atlas.error());
  Result<std::string> password = read_new_password(options.password_stdin);
  if (!password) return report_error(password.error());
  Result<store::User> user = server::make_user(options.username, password.value(), options.role,
                                               options.borough, atlas.value());
  if (!user) return report_error(user.error());
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store) return report_error(store.error());
  Result<std::int64_t> id = store.value()->add_user(user.value());
  if (!id) return report_error(id.error());
  fmt::print("Added {} ({}{}), id {}.\n", user.value().username, options.role,
             user.value().borough.empty() ? "" : ", " + user.value().borough, id.value());
  return 0;
}

int run_user_change(const UserOptions& options, const std::string& action) {
  Result<std::unique_ptr<store::Store>> opened = store::open_store(options.database);
  if (!opened) return report_error(opened.error());
  store::Store& store = *opened.value();
  Result<std::optional<store::User>> found = store.find_user(options.username);
  if (!found) return report_error(found.error());
  if (!found.value())
    return report_error(
        make_error(ErrorCode::kNotFound, fmt::format("no account named '{}'", options.username)));
  const store::User user = *found.value();
  std::string detail;
  Status done = Status::success();
  if (action == "disable" || action == "enable") {
    store::User changed = user;
    changed.disabled = action == "disable";
    done = store.update_user(changed);
    detail = action == "disable" ? "disabled" : "enabled";
  } else if (action == "delete") {
    done = store.delete_user(user.id, store::utc_now());
    detail = "deleted";
  } else if (action == "sign-out") {
    Result<int> ended = store.delete_sessions_of(user.id);
    if (!ended) return report_error(ended.error());
    detail = fmt::format("{} sessions ended", ended.value());
  } else if (action == "reset-password") {
    if (Status crypto = server::init_crypto(); !crypto) return report_error(crypto.error());
    Result<std::string> password = read_new_password(options.password_stdin);
    if (!password) return report_error(password.error());
    if (Status rules = server::check_password_rules(password.value(), user.username); !rules)
      return report_error(rules.error());
    Result<std::string> hash = server::hash_password(password.value());
    if (!hash) return report_error(hash.error());
    done = store.set_password_hash(user.id, hash.value(), true);
    detail = "password reset: must change it at the next sign-in";
  } else {  // change
    Result<server::BoroughAtlas> atlas =
        server::BoroughAtlas::read(boundaries_path(options.shared));
    if (!atlas) return report_error(atlas.error());
    server::AccountChange change;
    if (!options.role.empty()) change.role = options.role;
    if (!options.borough.empty()) change.borough = options.borough == "none" ? "" : options.borough;
    if (!change.role && !change.borough)
      return report_error(
          make_error(ErrorCode::kInvalidArgument, "give --role and/or --borough to change"));
    Result<store::User> changed = server::changed_user(user, change, atlas.value());
    if (!changed) return report_error(changed.error());
    done = store.update_user(changed.value());
    detail = server::account_difference(user, changed.value());
  }
  if (!done) return report_error(done.error());
  const store::AuditEntry entry{0,
                                store::utc_now(),
                                0,
                                "cli",
                                "account " + action,
                                user.borough,
                                fmt::format("user {} ({}): {}", user.id, user.username, detail)};
  if (Status audited = store.append_audit(entry); !audited) return report_error(audited.error());
  fmt::print("{}: {}.\n", user.username, detail);
  return 0;
}

int run_user_list(const UserOptions& options) {
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store) return report_error(store.error());
  Result<std::vector<store::User>> users = store.value()->list_users();
  if (!users) return report_error(users.error());
  fmt::print("{:<6} {:<24} {:<8} {:<24} {:<21} {}\n", "id", "username", "role", "borough",
             "created", "status");
  for (const store::User& u : users.value())
    fmt::print("{:<6} {:<24} {:<8} {:<24} {:<21} {}\n", u.id, u.username, store::role_name(u.role),
               u.borough, u.created_at,
               u.disabled               ? "disabled"
               : u.must_change_password ? "must change password"
                                        : "active");
  return 0;
}

}  // namespace sendplan::cli
