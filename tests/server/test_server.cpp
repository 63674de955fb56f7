#include "server/test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "server/accounts.h"
#include "server/credentials.h"
#include "support/postgres_server.h"
#include "support/temp_dir.h"
#include "transport/borough_boundaries.h"
#include "transport/generator.h"
#include "travel/london_model.h"

namespace sendplan::testing {

std::string boundaries_path() {
  return std::string(SENDPLAN_SHARED_DIR) + "/data/boundaries/london_boroughs_gla.geojson";
}

std::string fresh_database(const std::string& backend) {
  if (backend == "postgresql") {
    Result<std::string> url = fresh_postgres_database();
    EXPECT_TRUE(url.ok()) << url.error().message;
    return url.ok() ? url.value() : "";
  }
  // One folder per test process, removed when it exits.
  static const TempDir folder("server-test");
  static int counter = 0;
  return "sqlite:" + folder.file("db" + std::to_string(++counter) + ".sqlite");
}

TestServer::TestServer(const std::string& backend) : url_(fresh_database(backend)) {
  start();
}

TestServer::TestServer(const std::string& backend, TestServerOptions options)
    : url_(fresh_database(backend)), options_(std::move(options)) {
  start();
}

TestServer::TestServer(const std::string& url, bool) : url_(url) {
  start();
}

void TestServer::start() {
  EXPECT_TRUE(server::init_crypto().ok());
  Result<std::unique_ptr<store::Store>> opened = store::open_store(url_);
  if (!opened) {
    ADD_FAILURE() << opened.error().message;
    return;
  }
  store_ = std::move(opened).value();
  (void)store_->fail_unfinished_plans("stopped: the server was restarted", store::utc_now());
  Result<server::BoroughAtlas> atlas = server::BoroughAtlas::read(boundaries_path());
  if (!atlas) {
    ADD_FAILURE() << atlas.error().message;
    return;
  }
  atlas_ = std::make_unique<server::BoroughAtlas>(std::move(atlas).value());
  travel_ = travel::make_london_model().value();
  jobs_ = std::make_unique<server::PlanJobs>(*store_, *travel_, options_.plans);
  sessions_ = std::make_unique<server::Sessions>(*store_, 8, true);
  api_ = std::make_unique<server::Api>(*store_, *atlas_, *sessions_, *jobs_, options_.api);
  server::WebServerOptions options;
  options.port = 0;
  options.web_dir = std::string(SENDPLAN_SOURCE_DIR) + "/web";
  options.vendor_dir = std::string(SENDPLAN_SOURCE_DIR) + "/node_modules";
  options.max_body_bytes = options_.max_body_bytes;
  options.front = options_.front;
  web_ = std::make_unique<server::WebServer>(*api_, options);
  Result<int> port = web_->bind();
  if (!port) {
    ADD_FAILURE() << port.error().message;
    return;
  }
  port_ = port.value();
  thread_ = std::thread([this] { web_->serve(); });
}

void TestServer::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (web_) web_->stop();
  if (thread_.joinable()) thread_.join();
  if (jobs_) jobs_->stop();
}

TestServer::~TestServer() {
  stop();
}

void TestServer::add_user(const std::string& username, const std::string& role,
                          const std::string& borough) {
  Result<store::User> user = server::make_user(username, kPassword, role, borough, *atlas_);
  ASSERT_TRUE(user.ok()) << user.error().message;
  Result<std::int64_t> id = store_->add_user(user.value());
  ASSERT_TRUE(id.ok()) << id.error().message;
}

Agent::Agent(int port) : client_("127.0.0.1", port) {
  client_.set_keep_alive(true);
  client_.set_read_timeout(30, 0);
}

httplib::Headers Agent::headers(bool with_csrf) const {
  httplib::Headers h;
  if (!cookie_.empty()) h.emplace("Cookie", cookie_);
  if (with_csrf && !csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
  return h;
}

bool Agent::sign_in(const std::string& username, const std::string& password) {
  const nlohmann::json body = {{"username", username}, {"password", password}};
  httplib::Result result = client_.Post("/api/login", body.dump(), "application/json");
  if (!result || result->status != 200) return false;
  const std::string set_cookie = result->get_header_value("Set-Cookie");
  cookie_ = set_cookie.substr(0, set_cookie.find(';'));
  csrf_ = json_of(result).value("csrf_token", "");
  return true;
}

httplib::Result Agent::get(const std::string& path) {
  return client_.Get(path, headers(false));
}

httplib::Result Agent::post(const std::string& path, const std::string& body,
                            const std::string& content_type) {
  return client_.Post(path, headers(true), body, content_type);
}

httplib::Result Agent::put(const std::string& path, const std::string& body,
                           const std::string& content_type) {
  return client_.Put(path, headers(true), body, content_type);
}

httplib::Result Agent::send(const std::string& method, const std::string& path,
                            const std::string& body, const std::string& content_type) {
  if (method == "PATCH") return client_.Patch(path, headers(true), body, content_type);
  if (method == "DELETE") return client_.Delete(path, headers(true), body, content_type);
  if (method == "PUT") return client_.Put(path, headers(true), body, content_type);
  if (content_type.empty()) return client_.Post(path, headers(true));  // no body at all
  return client_.Post(path, headers(true), body, content_type);
}

httplib::Result Agent::post_without_csrf(const std::string& path, const std::string& body) {
  return client_.Post(path, headers(false), body, "application/json");
}

nlohmann::json json_of(const httplib::Result& result) {
  if (!result) return nlohmann::json();
  return nlohmann::json::parse(result->body, nullptr, false);
}

BoroughFiles generated_borough(const server::BoroughAtlas& atlas, const std::string& borough,
                               int pupils, std::uint64_t seed) {
  static const std::vector<transport::BoroughBoundary> boundaries =
      transport::read_borough_boundaries(boundaries_path()).value();
  (void)atlas;
  const transport::BoroughBoundary found = transport::find_borough(boundaries, borough).value();
  transport::GeneratedBorough made =
      transport::generate_borough(found, pupils, seed, transport::Policy{}, &boundaries);
  return {made.pupils_csv, made.schools_csv, made.fleet_csv, made.pupils};
}

std::map<std::string, BoroughFiles> generated_region(const std::vector<std::string>& boroughs,
                                                     int pupils_each, std::uint64_t seed) {
  static const std::vector<transport::BoroughBoundary> all =
      transport::read_borough_boundaries(boundaries_path()).value();
  std::vector<transport::BoroughBoundary> region;
  for (const std::string& name : boroughs)
    region.push_back(transport::find_borough(all, name).value());
  std::map<std::string, BoroughFiles> out;
  for (transport::RegionBorough& made :
       transport::generate_region(region, pupils_each, seed, transport::Policy{}))
    out[made.name] = {made.files.pupils_csv, made.files.schools_csv, made.files.fleet_csv,
                      made.files.pupils};
  return out;
}

void upload_all(Agent& agent, const std::string& borough, const BoroughFiles& files) {
  const std::string base = "/api/boroughs/" + borough + "/inputs/";
  for (const auto& [kind, text] :
       {std::pair{"pupils", &files.pupils}, std::pair{"schools", &files.schools},
        std::pair{"fleet", &files.fleet}}) {
    httplib::Result result = agent.put(base + kind + "?file_name=" + kind + ".csv", *text);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 201) << kind << ": " << result->body;
  }
}

nlohmann::json wait_for_plan(Agent& agent, std::int64_t id, double seconds) {
  const auto until = std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  nlohmann::json plan;
  while (std::chrono::steady_clock::now() < until) {
    plan = json_of(agent.get("/api/plans/" + std::to_string(id)));
    const std::string status = plan.value("status", "");
    if (status == "done" || status == "failed") return plan;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "plan " << id << " did not finish in " << seconds << " s";
  return plan;
}

}  // namespace sendplan::testing
