// Pools through the API, on both store backends: only an administrator starts one, the boroughs
// are checked (2 to 8, known, each once, each with its inputs), a small real pool runs to the
// end in the background, and each role sees what it may: an officer every borough's share but
// only their own children's stops (also on the routes both boroughs' children ride), an analyst
// the totals, an officer of another borough nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

// Quick pools: the first plans stop after a few hundred engine iterations (well before the
// 10-second limit), the seam clusters after 100.
TestServerOptions quick_pools() {
  TestServerOptions options;
  options.api.pool_first_plan_iterations = 300;
  options.api.pool_cluster_iterations = 100;
  return options;
}

class PoolsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { start(quick_pools()); }

  void start(TestServerOptions options) {
    server_ = std::make_unique<TestServer>(GetParam(), std::move(options));
    server_->add_user("admin", "admin");
    server_->add_user("hackney", "officer", "Hackney");
    server_->add_user("camden", "officer", "Camden");
    server_->add_user("islington", "officer", "Islington");
    server_->add_user("analyst", "analyst");
    for (const char* name : {"admin", "hackney", "camden", "islington", "analyst"}) {
      agents_[name] = std::make_unique<Agent>(server_->port());
      ASSERT_TRUE(agents_[name]->sign_in(name)) << name;
    }
  }

  Agent& as(const std::string& name) { return *agents_.at(name); }

  // Hackney's and Islington's officers upload their files: neighbours generated together, 20
  // children each, some at the other borough's schools (so some pooled routes carry both).
  void upload_inputs() {
    const auto region = generated_region({"Hackney", "Islington"}, 20, 1);
    upload_all(as("hackney"), "Hackney", region.at("Hackney"));
    upload_all(as("islington"), "Islington", region.at("Islington"));
  }

  httplib::Result start_pool(const nlohmann::json& body, const std::string& who = "admin") {
    return as(who).post("/api/pools", body.dump());
  }

  // Polls GET /api/pools/{id} as the administrator until done or failed; progress must never
  // go backwards.
  nlohmann::json wait_for_pool(std::int64_t id, double seconds = 120) {
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    nlohmann::json pool;
    double last = -1;
    while (std::chrono::steady_clock::now() < until) {
      pool = json_of(as("admin").get("/api/pools/" + std::to_string(id)));
      const double progress = pool.value("progress", -1.0);
      EXPECT_GE(progress, last) << pool.dump();
      last = progress;
      const std::string status = pool.value("status", "");
      if (status == "done" || status == "failed") return pool;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "pool " << id << " did not finish in " << seconds << " s";
    return pool;
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<Agent>> agents_;
};

// A pooled pupil id of Islington's ("Islington/P0007"; its route ids, "Islington/PM-004", are
// not children).
bool names_an_islington_child(const std::string& text) {
  return std::regex_search(text, std::regex(R"(Islington/P\d)"));
}

std::string pool_path(std::int64_t id, const std::string& rest = "") {
  return "/api/pools/" + std::to_string(id) + rest;
}

TEST_P(PoolsTest, OnlyAnAdministratorStartsAPool) {
  upload_inputs();
  const nlohmann::json body = {{"boroughs", {"Hackney", "Islington"}}, {"time_limit_seconds", 10}};
  for (const char* who : {"hackney", "analyst"}) {
    auto refused = start_pool(body, who);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << who;
    EXPECT_EQ(json_of(refused)["error"], "forbidden");
  }
  EXPECT_EQ(as("admin").post_without_csrf("/api/pools", body.dump())->status, 403);
  Agent nobody(server_->port());
  EXPECT_EQ(nobody.post("/api/pools", body.dump())->status, 401);
  EXPECT_TRUE(server_->store().list_pools("").value().empty());
  // Cancelling is the administrator's too.
  EXPECT_EQ(as("hackney").post("/api/pools/1/cancel", "")->status, 403);
}

TEST_P(PoolsTest, TheBoroughsAndSettingsAreChecked) {
  upload_all(as("hackney"), "Hackney", generated_borough(server_->atlas(), "Hackney", 6, 2));
  auto answer = [&](const nlohmann::json& body) {
    auto result = start_pool(body);
    EXPECT_TRUE(result);
    return std::pair{result ? result->status : 0, json_of(result)};
  };
  auto [one, one_body] = answer({{"boroughs", {"Hackney"}}});
  EXPECT_EQ(one, 400);
  EXPECT_NE(one_body["message"].get<std::string>().find("2 to 8"), std::string::npos);
  const nlohmann::json nine = {"Hackney", "Camden", "Islington", "Haringey", "Enfield",
                               "Barnet",  "Brent",  "Ealing",    "Harrow"};
  EXPECT_EQ(answer({{"boroughs", nine}}).first, 400);
  auto [unknown, unknown_body] = answer({{"boroughs", {"Hackney", "Gotham"}}});
  EXPECT_EQ(unknown, 400);
  EXPECT_NE(unknown_body["message"].get<std::string>().find("Gotham"), std::string::npos);
  EXPECT_EQ(answer({{"boroughs", {"Hackney", "hackney"}}}).first, 400) << "listed twice";
  EXPECT_EQ(answer({{"boroughs", "Hackney,Camden"}}).first, 400);
  EXPECT_EQ(answer({{"boroughs", {"Hackney", 7}}}).first, 400);
  EXPECT_EQ(answer(nlohmann::json::object()).first, 400);
  for (double seconds : {5.0, 301.0})
    EXPECT_EQ(answer({{"boroughs", {"Hackney", "Camden"}}, {"time_limit_seconds", seconds}}).first,
              400)
        << seconds;
  EXPECT_EQ(answer({{"boroughs", {"Hackney", "Camden"}}, {"sharing", "equal"}}).first, 400);

  // Camden and Islington have uploaded nothing: named, nothing stored.
  auto [missing, missing_body] = answer({{"boroughs", {"Hackney", "Camden", "Islington"}}});
  EXPECT_EQ(missing, 422);
  EXPECT_EQ(missing_body["error"], "invalid_input");
  EXPECT_EQ(missing_body["boroughs_without_inputs"], nlohmann::json({"Camden", "Islington"}));
  EXPECT_NE(missing_body["message"].get<std::string>().find("Camden, Islington"),
            std::string::npos);
  EXPECT_TRUE(server_->store().list_pools("").value().empty());
}

TEST_P(PoolsTest, APoolRunsToTheEndAndEachRoleSeesWhatItMay) {
  upload_inputs();
  const auto asked = std::chrono::steady_clock::now();
  auto started = start_pool({{"boroughs", {"Hackney", "islington"}}, {"time_limit_seconds", 10}});
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(1500));
  const nlohmann::json queued = json_of(started)["pool"];
  const std::int64_t id = queued["id"];
  EXPECT_EQ(started->get_header_value("Location"), pool_path(id));
  EXPECT_EQ(queued["boroughs"], nlohmann::json({"Hackney", "Islington"}));
  EXPECT_EQ(queued["sharing"], "shapley");
  EXPECT_EQ(queued["time_limit_seconds"], 10);
  EXPECT_EQ(queued["created_by"], "admin");

  const nlohmann::json pool = wait_for_pool(id);
  ASSERT_EQ(pool["status"], "done") << pool.dump();
  EXPECT_EQ(pool["progress"], 1.0);
  const nlohmann::json& totals = pool["totals"];
  EXPECT_EQ(totals["pupils"], 40);
  EXPECT_GT(totals["standalone_per_day_pence"].get<std::int64_t>(), 0);
  EXPECT_LE(totals["pooled_per_day_pence"], totals["standalone_per_day_pence"])
      << "a pool never costs more than planning alone";
  EXPECT_EQ(totals["saving_per_day_pence"].get<std::int64_t>(),
            totals["standalone_per_day_pence"].get<std::int64_t>() -
                totals["pooled_per_day_pence"].get<std::int64_t>());
  ASSERT_EQ(pool["shares"].size(), 2u);
  std::int64_t shares = 0;
  for (const nlohmann::json& part : pool["shares"]) {
    shares += part["share_per_day_pence"].get<std::int64_t>();
    EXPECT_LE(part["share_per_day_pence"], part["standalone_per_day_pence"]) << part.dump();
    EXPECT_EQ(part["pupils"], 20);
    EXPECT_NE(part["explanation"].get<std::string>().find(part["borough"].get<std::string>()),
              std::string::npos);
  }
  EXPECT_EQ(shares, totals["pooled_per_day_pence"].get<std::int64_t>());
  EXPECT_EQ(pool["shares"][0]["borough"], "Hackney");
  EXPECT_FALSE(pool["core_check"]["text"].get<std::string>().empty());

  // The administrator: every borough's children, each stop with its borough.
  auto all = as("admin").get(pool_path(id, "/routes.geojson"));
  ASSERT_TRUE(all);
  ASSERT_EQ(all->status, 200);
  const nlohmann::json everything = json_of(all);
  std::set<std::string> boroughs_seen;
  std::set<std::string> islington_homes;  // positions of Islington's children's homes
  int hackney_stops = 0;
  int shared_routes = 0;  // carrying children of both boroughs
  for (const nlohmann::json& f : everything["features"]) {
    if (f["geometry"]["type"] != "Point") {
      EXPECT_FALSE(f["properties"]["boroughs"].empty());
      shared_routes += f["properties"]["boroughs"].size() > 1;
      continue;
    }
    const std::string borough = f["properties"]["borough"];
    boroughs_seen.insert(borough);
    EXPECT_EQ(f["properties"]["pupil_id"].get<std::string>().rfind(borough + "/", 0), 0u);
    if (borough == "Hackney") ++hackney_stops;
    if (borough == "Islington" && f["properties"]["place"] == "home")
      islington_homes.insert(f["geometry"]["coordinates"].dump());
  }
  EXPECT_EQ(boroughs_seen, (std::set<std::string>{"Hackney", "Islington"}));
  ASSERT_FALSE(islington_homes.empty());
  EXPECT_GT(shared_routes, 0)
      << "the filter below is tested on routes both boroughs' children ride";
  auto all_csv = as("admin").get(pool_path(id, "/routes.csv"));
  ASSERT_EQ(all_csv->status, 200);
  EXPECT_EQ(all_csv->body.rfind("run,route_id", 0), 0u);
  EXPECT_TRUE(names_an_islington_child(all_csv->body));

  // Hackney's officer: both boroughs' shares, only Hackney's children on the routes.
  const nlohmann::json listed = json_of(as("hackney").get("/api/pools"));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["id"], id);
  const nlohmann::json seen = json_of(as("hackney").get(pool_path(id)));
  EXPECT_EQ(seen["shares"].size(), 2u);
  EXPECT_EQ(seen["your_borough"], "Hackney");
  auto own = as("hackney").get(pool_path(id, "/routes.geojson"));
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200) << own->body;
  EXPECT_FALSE(names_an_islington_child(own->body)) << "no Islington child's id";
  const nlohmann::json mine = json_of(own);
  int points = 0;
  for (const nlohmann::json& f : mine["features"]) {
    const auto& coordinates = f["geometry"]["coordinates"];
    if (f["geometry"]["type"] == "Point") {
      ++points;
      EXPECT_EQ(f["properties"]["borough"], "Hackney");
      EXPECT_FALSE(islington_homes.count(coordinates.dump())) << "an Islington home on the map";
    } else {
      for (const auto& position : coordinates)
        EXPECT_FALSE(islington_homes.count(position.dump())) << "a line through their homes";
    }
  }
  EXPECT_EQ(points, hackney_stops) << "every stop of Hackney's children, and no other";
  EXPECT_GT(points, 0);
  auto own_csv = as("hackney").get(pool_path(id, "/routes.csv"));
  ASSERT_EQ(own_csv->status, 200);
  EXPECT_FALSE(names_an_islington_child(own_csv->body));
  EXPECT_NE(own_csv->body.find("Hackney/P"), std::string::npos);
  EXPECT_NE(own_csv->get_header_value("Content-Disposition").find("hackney"), std::string::npos);
  auto shares_csv = as("hackney").get(pool_path(id, "/shares.csv"));
  ASSERT_EQ(shares_csv->status, 200);
  EXPECT_EQ(shares_csv->body.rfind("borough,pupils,standalone_per_day", 0), 0u);
  auto pool_json = as("hackney").get(pool_path(id, "/pool.json"));
  ASSERT_EQ(pool_json->status, 200);
  EXPECT_EQ(json_of(pool_json)["boroughs"].size(), 2u);

  // Reading the routes is audited, for each borough whose children are in the answer.
  std::multiset<std::string> audited;
  for (const nlohmann::json& e : json_of(as("admin").get("/api/audit?limit=100")))
    if (e["action"].get<std::string>().rfind("read pooled", 0) == 0)
      audited.insert(e["username"].get<std::string>() + ":" + e["borough"].get<std::string>());
  EXPECT_EQ(audited,
            (std::multiset<std::string>{"admin:Hackney", "admin:Hackney", "admin:Islington",
                                        "admin:Islington", "hackney:Hackney", "hackney:Hackney"}));

  // An officer of a borough not in the pool: nothing.
  EXPECT_TRUE(json_of(as("camden").get("/api/pools")).empty());
  for (const char* rest : {"", "/routes.geojson", "/routes.csv", "/shares.csv", "/pool.json"})
    EXPECT_EQ(as("camden").get(pool_path(id, rest))->status, 403) << rest;

  // The analyst: the totals only.
  const nlohmann::json analyst_list = json_of(as("analyst").get("/api/pools"));
  ASSERT_EQ(analyst_list.size(), 1u);
  EXPECT_EQ(analyst_list[0]["totals"], totals);
  const nlohmann::json analyst_view = json_of(as("analyst").get(pool_path(id)));
  EXPECT_EQ(analyst_view["totals"], totals);
  EXPECT_FALSE(analyst_view.contains("shares"));
  for (const char* rest : {"/routes.geojson", "/routes.csv", "/shares.csv", "/pool.json"})
    EXPECT_EQ(as("analyst").get(pool_path(id, rest))->status, 403) << rest;

  EXPECT_EQ(as("admin").get(pool_path(id + 100))->status, 404);
  EXPECT_EQ(as("admin").post(pool_path(id, "/cancel"), "")->status, 409) << "it is done";
}

TEST_P(PoolsTest, CancellingOrStoppingTheServerFailsThePoolWithTheReason) {
  // Without an iteration cap the first plans run to their 10-second limit.
  TestServerOptions slow;
  slow.api.pool_cluster_iterations = 100;
  server_.reset();
  agents_.clear();
  start(slow);
  upload_inputs();
  const nlohmann::json body = {{"boroughs", {"Hackney", "Islington"}}, {"time_limit_seconds", 10}};
  const std::int64_t cancelled = json_of(start_pool(body))["pool"]["id"];
  const std::int64_t waiting = json_of(start_pool(body))["pool"]["id"];
  // Its routes are not there before it is done.
  EXPECT_EQ(as("admin").get(pool_path(waiting, "/routes.csv"))->status, 409);
  auto cancel = as("admin").post(pool_path(waiting, "/cancel"), "");
  ASSERT_TRUE(cancel);
  EXPECT_EQ(cancel->status, 202);
  EXPECT_EQ(json_of(cancel)["cancelled"], "cancelled");
  for (int i = 0; i < 100 && json_of(as("admin").get(pool_path(cancelled)))["status"] != "running";
       ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto asked = std::chrono::steady_clock::now();
  EXPECT_EQ(json_of(as("admin").post(pool_path(cancelled, "/cancel"), ""))["cancelled"],
            "stopping");
  const nlohmann::json stopped = wait_for_pool(cancelled, 30);
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(8));
  EXPECT_EQ(stopped["status"], "failed");
  EXPECT_EQ(stopped["message"], "cancelled by admin");
  EXPECT_EQ(json_of(as("admin").get(pool_path(waiting)))["message"], "cancelled by admin");

  const std::int64_t running = json_of(start_pool(body))["pool"]["id"];
  for (int i = 0; i < 100 && json_of(as("admin").get(pool_path(running)))["status"] != "running";
       ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto stopping = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(20));
  const store::PoolRecord pool = *server_->store().get_pool(running).value();
  EXPECT_EQ(pool.status, store::PlanStatus::kFailed);
  EXPECT_NE(pool.message.find("stopped"), std::string::npos) << pool.message;
  EXPECT_FALSE(pool.finished_at.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, PoolsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
