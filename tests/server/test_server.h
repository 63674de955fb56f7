// A real sendplan server for tests: the store (SQLite file or a throw-away PostgreSQL database),
// the API and the HTTP server on a free loopback port, in this process; and a signed-in HTTP
// client that keeps its session cookie and CSRF token like the web app does.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "server/api.h"
#include "server/borough_atlas.h"
#include "server/plan_jobs.h"
#include "server/sessions.h"
#include "server/web_server.h"
#include "store/store.h"
#include "travel/travel_source.h"

namespace sendplan::testing {

inline constexpr const char* kPassword = "correct horse battery";

// The boundaries file in ../shared (tests need it).
std::string boundaries_path();
// A fresh database URL for `backend` ("sqlite" or "postgresql"); FAILs the test when none.
std::string fresh_database(const std::string& backend);

// What a test may change about the server (the defaults are the API tests').
struct TestServerOptions {
  server::PlanJobLimits plans{1, 3, 100};
  server::ApiSettings api{};
  server::FrontLimits front{};
  std::size_t max_body_bytes = 1 << 20;  // 1 MB: small enough to test the limit cheaply
};

class TestServer {
 public:
  // A server on a fresh database of `backend`.
  explicit TestServer(const std::string& backend);
  TestServer(const std::string& backend, TestServerOptions options);
  // A server on an existing database (e.g. to restart on the same store).
  TestServer(const std::string& url, bool /*existing*/);
  ~TestServer();

  int port() const { return port_; }
  const std::string& url() const { return url_; }
  store::Store& store() { return *store_; }
  const server::BoroughAtlas& atlas() const { return *atlas_; }
  server::PlanJobs& jobs() { return *jobs_; }
  server::WebServer& web() { return *web_; }
  // Adds an account with kPassword.
  void add_user(const std::string& username, const std::string& role,
                const std::string& borough = "");
  // Stops the HTTP server and the plan workers (as on SIGTERM).
  void stop();

 private:
  void start();

  std::string url_;
  TestServerOptions options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<server::BoroughAtlas> atlas_;
  std::unique_ptr<travel::TravelSource> travel_;
  std::unique_ptr<server::PlanJobs> jobs_;
  std::unique_ptr<server::Sessions> sessions_;
  std::unique_ptr<server::Api> api_;
  std::unique_ptr<server::WebServer> web_;
  std::thread thread_;
  int port_ = 0;
  bool stopped_ = false;
};

// An HTTP client with a session, like a browser tab.
class Agent {
 public:
  explicit Agent(int port);
  // POST /api/login; true on 200 (keeps the cookie and CSRF token).
  bool sign_in(const std::string& username, const std::string& password = kPassword);

  httplib::Result get(const std::string& path);
  httplib::Result post(const std::string& path, const std::string& body,
                       const std::string& content_type = "application/json");
  httplib::Result put(const std::string& path, const std::string& body,
                      const std::string& content_type = "text/csv");
  // Any method (PATCH, DELETE, ...), with the CSRF header.
  httplib::Result send(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& content_type = "application/json");
  // The same without the CSRF header.
  httplib::Result post_without_csrf(const std::string& path, const std::string& body);

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }
  void forget_session() { cookie_.clear(); }

 private:
  httplib::Headers headers(bool with_csrf) const;

  httplib::Client client_;
  std::string cookie_;  // "sendplan_session=..."
  std::string csrf_;
};

// The body as JSON (null json when it does not parse).
nlohmann::json json_of(const httplib::Result& result);

// Synthetic inputs of `borough` (the project's generator): pupils.csv, schools.csv, fleet.csv.
struct BoroughFiles {
  std::string pupils, schools, fleet;
  int pupil_count = 0;
};
BoroughFiles generated_borough(const server::BoroughAtlas& atlas, const std::string& borough,
                               int pupils, std::uint64_t seed = 1);

// Neighbouring boroughs generated together, sharing schools (transport::generate_region), by
// name in the order given.
std::map<std::string, BoroughFiles> generated_region(const std::vector<std::string>& boroughs,
                                                     int pupils_each, std::uint64_t seed = 1);

// Uploads the three files as `agent`; EXPECTs 201 for each.
void upload_all(Agent& agent, const std::string& borough, const BoroughFiles& files);
// Polls GET /api/plans/{id} until done or failed (at most `seconds`); the last plan object.
nlohmann::json wait_for_plan(Agent& agent, std::int64_t id, double seconds = 60);

}  // namespace sendplan::testing
