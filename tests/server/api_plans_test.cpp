// Plans through the API: queued, run in the background with progress, stored with their files;
// stopped cleanly when the server shuts down; the regional summary with small numbers suppressed.
#include <gtest/gtest.h>

#include <chrono>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

class PlansTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    server_->add_user("officer", "officer", "Hackney");
    officer_ = std::make_unique<Agent>(server_->port());
    ASSERT_TRUE(officer_->sign_in("officer"));
  }

  std::int64_t start_plan(double seconds) {
    auto result = officer_->post("/api/boroughs/Hackney/plans",
                                 nlohmann::json{{"time_limit_seconds", seconds}}.dump());
    EXPECT_TRUE(result);
    if (!result) return 0;
    EXPECT_EQ(result->status, 202) << result->body;
    return json_of(result)["plan"].value("id", std::int64_t{0});
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Agent> officer_;
};

TEST_P(PlansTest, APlanRunsInTheBackgroundAndKeepsItsFiles) {
  const BoroughFiles files = generated_borough(server_->atlas(), "Hackney", 20, 3);
  upload_all(*officer_, "Hackney", files);
  const auto asked = std::chrono::steady_clock::now();
  const std::int64_t id = start_plan(1);
  ASSERT_GT(id, 0);
  // The request answers at once; the plan goes on without it.
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::milliseconds(1500));

  double last_progress = -1;
  nlohmann::json plan;
  for (int i = 0; i < 600; ++i) {
    plan = json_of(officer_->get("/api/plans/" + std::to_string(id)));
    const double progress = plan.value("progress", -1.0);
    EXPECT_GE(progress, last_progress);  // never goes backwards
    last_progress = progress;
    if (plan["status"] == "done" || plan["status"] == "failed") break;
    EXPECT_TRUE(plan["summary"].is_null());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(plan["status"], "done") << plan.dump();
  EXPECT_EQ(plan["progress"], 1.0);
  const nlohmann::json& summary = plan["summary"]["summary"];
  EXPECT_EQ(summary["pupils"], files.pupil_count);
  EXPECT_GT(summary["cost_per_day"].get<double>(), 0);

  const std::string base = "/api/plans/" + std::to_string(id) + "/files/";
  auto routes = officer_->get(base + "routes.csv");
  ASSERT_TRUE(routes);
  EXPECT_EQ(routes->status, 200);
  EXPECT_EQ(routes->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_NE(routes->get_header_value("Content-Disposition").find("hackney-plan-"),
            std::string::npos);
  EXPECT_EQ(routes->body.rfind("run,route_id", 0), 0u) << routes->body.substr(0, 80);
  auto geojson = officer_->get(base + "routes.geojson");
  ASSERT_TRUE(geojson);
  EXPECT_EQ(json_of(geojson)["type"], "FeatureCollection");
  auto sheets = officer_->get(base + "route_sheets.html");
  ASSERT_TRUE(sheets);
  EXPECT_NE(sheets->body.find("<html"), std::string::npos);
  EXPECT_EQ(json_of(officer_->get(base + "summary.json")), plan["summary"])
      << "the summary in the plan object is summary.json";
  EXPECT_EQ(officer_->get(base + "secrets.txt")->status, 404);

  const nlohmann::json list = json_of(officer_->get("/api/boroughs/Hackney/plans"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["cost_per_day"], summary["cost_per_day"]);
}

TEST_P(PlansTest, PlanningNeedsAllThreeFilesAndFilesThatFitTogether) {
  const BoroughFiles files = generated_borough(server_->atlas(), "Hackney", 8);
  auto missing = officer_->post("/api/boroughs/Hackney/plans", "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 409);
  EXPECT_NE(json_of(missing)["message"].get<std::string>().find("pupils"), std::string::npos);

  upload_all(*officer_, "Hackney", files);
  // Schools that are not the pupils' schools: every pupil's school_id is a problem.
  const std::string other_schools = generated_borough(server_->atlas(), "Hackney", 8, 99).schools;
  std::string renamed;
  for (size_t i = 0; i < other_schools.size(); ++i) renamed += other_schools[i];
  size_t at = 0;
  while ((at = renamed.find("\nS", at)) != std::string::npos) renamed.replace(at, 2, "\nX"), ++at;
  ASSERT_EQ(officer_->put("/api/boroughs/Hackney/inputs/schools", renamed)->status, 201);
  auto result = officer_->post("/api/boroughs/Hackney/plans", "{}");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422) << result->body;
  EXPECT_EQ(json_of(result)["problems"][0]["column"], "school_id");
  EXPECT_TRUE(server_->store().list_plans("").value().empty());
}

TEST_P(PlansTest, CurrentRoutesAreCostedAndCompared) {
  const BoroughFiles files = generated_borough(server_->atlas(), "Hackney", 12, 5);
  upload_all(*officer_, "Hackney", files);
  const nlohmann::json first = wait_for_plan(*officer_, start_plan(1));
  ASSERT_EQ(first["status"], "done");
  // Today's routes are the first plan's routes: costed the same, so no saving.
  const std::string routes =
      officer_
          ->get("/api/plans/" + std::to_string(first["id"].get<std::int64_t>()) +
                "/files/routes.csv")
          ->body;
  ASSERT_EQ(officer_->put("/api/boroughs/Hackney/inputs/current", routes)->status, 201);
  const nlohmann::json second = wait_for_plan(*officer_, start_plan(1));
  ASSERT_EQ(second["status"], "done") << second.dump();
  EXPECT_TRUE(second["has_current"].get<bool>());
  ASSERT_TRUE(second["summary"].contains("comparison"));
  EXPECT_EQ(second["summary"]["current"]["summary"]["cost_per_day_pence"],
            first["summary"]["summary"]["cost_per_day_pence"]);
}

TEST_P(PlansTest, ShuttingDownStopsARunningPlanAndSaysSo) {
  upload_all(*officer_, "Hackney", generated_borough(server_->atlas(), "Hackney", 30));
  const std::int64_t id = start_plan(120);
  for (int i = 0; i < 200; ++i) {
    if (server_->store().get_plan(id).value()->status == store::PlanStatus::kRunning) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto stopping = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(20));
  const store::PlanRecord plan = *server_->store().get_plan(id).value();
  EXPECT_EQ(plan.status, store::PlanStatus::kFailed);
  EXPECT_NE(plan.message.find("stopped"), std::string::npos) << plan.message;
  EXPECT_FALSE(plan.finished_at.empty());
}

TEST_P(PlansTest, ARestartFailsPlansTheLastRunLeftUnfinished) {
  upload_all(*officer_, "Hackney", generated_borough(server_->atlas(), "Hackney", 5));
  store::PlanRecord orphan;
  orphan.borough = "Hackney";
  orphan.pupils_dataset = server_->store().latest_dataset("Hackney", "pupils").value()->id;
  orphan.schools_dataset = server_->store().latest_dataset("Hackney", "schools").value()->id;
  orphan.fleet_dataset = server_->store().latest_dataset("Hackney", "fleet").value()->id;
  orphan.created_by = server_->store().find_user("officer").value()->id;
  orphan.created_at = store::utc_now();
  orphan.status = store::PlanStatus::kRunning;
  const std::int64_t id = server_->store().add_plan(orphan).value();
  const std::string url = server_->url();
  server_.reset();
  TestServer restarted(url, true);
  const store::PlanRecord plan = *restarted.store().get_plan(id).value();
  EXPECT_EQ(plan.status, store::PlanStatus::kFailed);
  EXPECT_NE(plan.message.find("restarted"), std::string::npos);
}

TEST_P(PlansTest, TheRegionalSummarySuppressesCountsBelowFive) {
  server_->add_user("camden", "officer", "Camden");
  server_->add_user("analyst", "analyst");
  upload_all(*officer_, "Hackney", generated_borough(server_->atlas(), "Hackney", 3));
  Agent camden(server_->port());
  ASSERT_TRUE(camden.sign_in("camden"));
  const BoroughFiles camden_files = generated_borough(server_->atlas(), "Camden", 12);
  upload_all(camden, "Camden", camden_files);
  ASSERT_EQ(wait_for_plan(camden,
                          [&] {
                            auto r = camden.post("/api/boroughs/Camden/plans",
                                                 R"({"time_limit_seconds":1})");
                            return json_of(r)["plan"]["id"].get<std::int64_t>();
                          }())["status"],
            "done");

  Agent analyst(server_->port());
  ASSERT_TRUE(analyst.sign_in("analyst"));
  const nlohmann::json region = json_of(analyst.get("/api/region/summary"));
  ASSERT_EQ(region["boroughs"].size(), 33u);
  nlohmann::json hackney, camden_row, bexley;
  for (const auto& row : region["boroughs"]) {
    if (row["borough"] == "Hackney") hackney = row;
    if (row["borough"] == "Camden") camden_row = row;
    if (row["borough"] == "Bexley") bexley = row;
  }
  EXPECT_TRUE(hackney["pupils"].is_null());
  EXPECT_NE(std::find(hackney["suppressed"].begin(), hackney["suppressed"].end(), "pupils"),
            hackney["suppressed"].end());
  EXPECT_EQ(camden_row["pupils"], 12);
  EXPECT_EQ(camden_row["plans"], 1);
  ASSERT_TRUE(camden_row["latest_plan"].is_object());
  EXPECT_GT(camden_row["latest_plan"]["cost_per_day"].get<double>(), 0);
  EXPECT_EQ(bexley["pupils"], 0);  // nothing uploaded is not a small number
  // Hackney's count alone is hidden, so the London total would reveal it: hidden too.
  EXPECT_TRUE(region["totals"]["pupils"].is_null());
  EXPECT_EQ(region["totals"]["plans"], 1);
  // The region view never carries a child's id.
  EXPECT_EQ(region.dump().find("pupil_id"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlansTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
