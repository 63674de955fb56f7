// FuzzServer (see fuzz_server.h). WebServer::http_server() gives the configured httplib::Server;
// httplib::Server::process_request is protected, so a pointer to it is taken through a derived
// class, which may name it ([class.protected]); it then applies to any httplib::Server.
#include "fuzz_server.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <tuple>

#include "fixtures.h"
#include "fuzz_stream.h"
#include "server/accounts.h"
#include "server/api.h"
#include "server/credentials.h"
#include "server/sessions.h"
#include "server/web_server.h"
#include "travel/london_model.h"

namespace sendplan::fuzz {
namespace {

// --- httplib::Server::process_request -----------------------------------------------------------
struct RequestProcessor : httplib::Server {
  using Function = bool (httplib::Server::*)(httplib::Stream&, bool, bool&,
                                             const std::function<void(httplib::Request&)>&);
  static Function function() { return &RequestProcessor::process_request; }
};

constexpr int kMaxRequestsPerInput = 8;
// The body limit (WebServerOptions::max_body_bytes) is made small here so that a fuzz input
// (a few KB) can reach it; the server's own default is 20 MB.
constexpr size_t kMaxBodyBytes = 64 * 1024;

[[noreturn]] void broken(const httplib::Request& request, const httplib::Response& response,
                         const std::string& what, const std::string& log) {
  std::fprintf(stderr,
               "fuzz_http_request: %s\n  request: %s %s\n  response: %d, Content-Type '%s', "
               "%zu body bytes: %.300s\n  server log: %s\n",
               what.c_str(), request.method.c_str(), request.path.c_str(), response.status,
               response.get_header_value("Content-Type").c_str(), response.body.size(),
               response.body.c_str(), log.empty() ? "(nothing)" : log.c_str());
  std::abort();
}

// SENDPLAN_FUZZ_IGNORE: '|'-separated pieces of text; a broken promise whose description or
// server log holds one of them is a known bug, not reported again.
std::vector<std::string> known_bugs() {
  std::vector<std::string> pieces;
  const char* text = std::getenv("SENDPLAN_FUZZ_IGNORE");
  std::string_view rest = text == nullptr ? "" : text;
  while (!rest.empty()) {
    const size_t bar = rest.find('|');
    if (bar != 0) pieces.emplace_back(rest.substr(0, bar));
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  return pieces;
}

constexpr const char* kFarFuture = "2099-01-01T00:00:00Z";

bool is_plan_file(const std::string& path) {
  return path.starts_with("/api/plans/") && path.find("/files/") != std::string::npos;
}

}  // namespace

void FuzzServer::check(const httplib::Request& request, const httplib::Response& response) const {
  const std::string log = log_.str();
  auto fail = [&](const std::string& what) {
    const std::string seen = what + "\n" + log;
    for (const std::string& piece : known_bugs_)
      if (seen.find(piece) != std::string::npos) return;
    broken(request, response, what, log);
  };
  if (response.status < 100 || response.status > 599) fail("status outside 100..599");
  if (response.status == 500 && !allow_500_) fail("500: an exception or a store failure");
  if (request.body.size() > kMaxBodyBytes)
    fail("a request body of " + std::to_string(request.body.size()) + " bytes passed the " +
         std::to_string(kMaxBodyBytes) + "-byte limit (Content-Encoding '" +
         request.get_header_value("Content-Encoding") + "')");
  // Bodies httplib rewrote on the way out (a byte range, compression) are not ours to check.
  if (request.has_header("Range") || response.has_header("Content-Encoding")) return;
  const bool api = request.path == "/api" || request.path.starts_with("/api/");
  if (api && response.status == 204) {
    if (!response.body.empty()) fail("a 204 with a body");
    return;
  }
  const bool error = response.status >= 400;
  if (!error && (!api || is_plan_file(request.path))) return;
  if (!response.get_header_value("Content-Type").starts_with("application/json"))
    fail("an API answer or error that is not application/json");
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded()) fail("a JSON answer that does not parse");
  if (error && !(body.is_object() && body.contains("error") && body["error"].is_string() &&
                 body.contains("message")))
    fail("an error body without \"error\" and \"message\"");
}

FuzzServer::FuzzServer() {
  // The server's log goes to log_ (shown with a broken promise), not to the terminal.
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("sendplan", std::move(sink)));
  spdlog::set_level(spdlog::level::warn);
  if (!server::init_crypto()) std::abort();
  const char* allow = std::getenv("SENDPLAN_FUZZ_ALLOW_500");
  allow_500_ = allow != nullptr && std::string(allow) == "1";
  known_bugs_ = known_bugs();
  for (const FixtureAccount& account : kFixtureAccounts) {
    Result<store::User> user = server::make_user(account.username, kFixturePassword, account.role,
                                                 account.borough, atlas());
    if (!user) {
      std::fprintf(stderr, "fuzz: fixture account: %s\n", user.error().message.c_str());
      std::abort();
    }
    users_.push_back(std::move(user).value());
  }
  Result<std::unique_ptr<travel::TravelSource>> travel = travel::make_london_model();
  if (!travel) std::abort();
  travel_ = std::move(travel).value();
  template_path_ = scratch_path("template.db");
  work_path_ = scratch_path("work.db");
  write_template();
  fresh_store();
  jobs_ = std::make_unique<server::PlanJobs>(store_, *travel_, server::PlanJobLimits{1, 3, 100});
  jobs_->stop();  // submitted plans now fail at once, in the request
  sessions_ = std::make_unique<server::Sessions>(store_, 8, true);
  api_.emplace(store_, atlas(), *sessions_, *jobs_, api_settings());
  server::WebServerOptions options;
  options.web_dir = SENDPLAN_SOURCE_DIR "/web";
  options.vendor_dir = SENDPLAN_SOURCE_DIR "/node_modules";
  options.max_body_bytes = kMaxBodyBytes;
  web_ = std::make_unique<server::WebServer>(*api_, options);
  http_ = &web_->http_server();
  http_->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    check(request, response);
  });
}

FuzzServer::~FuzzServer() {
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("sendplan"));  // log_ goes
  web_.reset();
  api_.reset();
  store_.reset(nullptr);
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(work_path_ + suffix, ignored);
}

server::ApiSettings FuzzServer::api_settings() {
  server::ApiSettings settings;
  settings.postcodes = &postcodes();
  return settings;
}

void FuzzServer::write_template() {
  std::filesystem::remove(template_path_);
  Result<std::unique_ptr<store::Store>> opened = store::open_store("sqlite:" + template_path_);
  if (!opened) {
    std::fprintf(stderr, "fuzz: store: %s\n", opened.error().message.c_str());
    std::abort();
  }
  store::Store& db = *opened.value();
  bool ok = true;
  const std::string now = store::utc_now();
  for (size_t i = 0; i < users_.size(); ++i) {
    Result<std::int64_t> id = db.add_user(users_[i]);
    ok = ok && id.ok();
    if (!id) break;
    const FixtureAccount& account = kFixtureAccounts[i];
    ok = ok && db.add_session({server::token_hash(account.session_token), id.value(),
                               account.csrf_token, now, kFarFuture})
                   .ok();
  }
  const transport::GeneratedBorough& hackney = hackney_files();
  const int fleet_rows = static_cast<int>(hackney_inputs().fleet.size());
  const std::tuple<const char*, const std::string*, int> inputs[] = {
      {"pupils", &hackney.pupils_csv, hackney.pupils},
      {"schools", &hackney.schools_csv, hackney.schools},
      {"fleet", &hackney.fleet_csv, fleet_rows}};
  for (const auto& [kind, text, rows] : inputs) {
    ok = ok &&
         db.add_dataset({0, "Hackney", kind, std::string(kind) + ".csv", *text, rows, 1, now}).ok();
  }
  store::PlanRecord plan;
  plan.borough = "Hackney";
  plan.created_by = 1;
  plan.created_at = now;
  plan.settings_json = R"({"time_limit_seconds":5,"use_current":false})";
  plan.pupils_dataset = 1;
  plan.schools_dataset = 2;
  plan.fleet_dataset = 3;
  Result<std::int64_t> done = db.add_plan(plan);
  Result<std::int64_t> failed = db.add_plan(plan);
  ok = ok && done.ok() && failed.ok();
  if (ok) {
    const std::string summary =
        R"({"summary":{"cost_per_day":812.5,"vehicles":4,"unserved":0,"over_limit":1}})";
    ok = db.finish_plan(done.value(), summary,
                        {{"summary.json", summary},
                         {"routes.csv",
                          "run,route_id,vehicle_type,seq,pupil_id,action,time\n"
                          "AM,R1,taxi,1,P0001,pickup,07:50\n"
                          "AM,R1,taxi,2,P0001,dropoff,08:20\n"},
                         {"route_sheets.html", "<!doctype html><title>Routes</title>"},
                         {"routes.geojson", R"({"type":"FeatureCollection","features":[]})"}},
                        now)
             .ok() &&
         db.fail_plan(failed.value(), "the planner gave up", now).ok();
  }
  if (!ok) {
    std::fprintf(stderr, "fuzz: the store's fixtures could not be written\n");
    std::abort();
  }
  opened.value().reset();  // closed: the WAL is checkpointed into the file
  std::ifstream in(template_path_, std::ios::binary);
  template_bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::error_code ignored;
  std::filesystem::remove(template_path_, ignored);
  if (template_bytes_.empty()) {
    std::fprintf(stderr, "fuzz: the template database is empty\n");
    std::abort();
  }
}

void FuzzServer::fresh_store() {
  store_.reset(nullptr);  // closes the previous input's database
  // Written with a stream, not std::filesystem::copy_file: libFuzzer's timers interrupt system
  // calls, and copy_file gives up on EINTR where the stream's writes retry.
  std::error_code ignored;
  std::filesystem::remove(work_path_ + "-wal", ignored);
  std::filesystem::remove(work_path_ + "-shm", ignored);
  {
    std::ofstream out(work_path_, std::ios::binary | std::ios::trunc);
    out.write(template_bytes_.data(), static_cast<std::streamsize>(template_bytes_.size()));
    if (!out.flush()) {
      std::fprintf(stderr, "fuzz: cannot write %s\n", work_path_.c_str());
      std::abort();
    }
  }
  Result<std::unique_ptr<store::Store>> opened = store::open_store("sqlite:" + work_path_);
  if (!opened) {
    std::fprintf(stderr, "fuzz: store: %s\n", opened.error().message.c_str());
    std::abort();
  }
  store_.reset(std::move(opened).value());
}

void FuzzServer::serve(std::string_view input) {
  log_.str("");
  fresh_store();
  // A new Api in the same storage: the routes WebServer registered call it through the old
  // object's address, which refers to the new one ([basic.life]/8), so no state of Api (its
  // pupil-count cache) carries over from the input before.
  api_.emplace(store_, atlas(), *sessions_, *jobs_, api_settings());

  FuzzStream stream(input);
  const RequestProcessor::Function process = RequestProcessor::function();
  bool connection_closed = false;
  for (int i = 0; i < kMaxRequestsPerInput && !stream.at_end() && !connection_closed; ++i) {
    const bool last = i + 1 == kMaxRequestsPerInput;
    if (!(http_->*process)(stream, last, connection_closed, nullptr)) break;
  }
}

}  // namespace sendplan::fuzz
