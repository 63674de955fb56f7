// The placements register's API on both backends: the shared provider register (read by all,
// kept by officers and administrators), a borough's placements (its officers only, audited; a
// CSV all or nothing; fee changes kept), regional analyses with small numbers suppressed and
// child-level rows only for those entitled, gaps, and the matching tool.
#include <gtest/gtest.h>

#include "placements/london_boroughs.h"
#include "placements/register.h"
#include "server/test_server.h"

namespace sendplan::testing {
namespace {

class PlacementsApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    Result<std::vector<placements::GeneratorBorough>> boroughs = placements::read_london_boroughs(
        std::string(SENDPLAN_SHARED_DIR) + "/data/boundaries/london_boroughs.csv");
    ASSERT_TRUE(boroughs.ok()) << boroughs.error().to_string();
    for (placements::GeneratorBorough& borough : boroughs.value()) {
      borough.children[static_cast<std::size_t>(placements::Need::kAsd)] = 60;
      borough.children[static_cast<std::size_t>(placements::Need::kSemh)] = 20;
      // One child with a rare need per borough: its London-wide figures are suppressed.
      borough.children[static_cast<std::size_t>(placements::Need::kVi)] =
          borough.info.name == "Hackney" ? 10 : 0;
    }
    placements::PlacementGeneratorOptions options;
    options.scale = 0.1;
    Result<placements::SyntheticLoad> loaded =
        placements::load_synthetic_placements(server_->store(), boroughs.value(), 3, options);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    server_->add_user("hackney", "officer", "Hackney");
    server_->add_user("camden", "officer", "Camden");
    server_->add_user("analyst", "analyst");
    for (const char* name : {"hackney", "camden", "analyst"}) {
      agents_[name] = std::make_unique<Agent>(server_->port());
      ASSERT_TRUE(agents_[name]->sign_in(name));
    }
  }

  Agent& as(const std::string& name) { return *agents_[name]; }

  nlohmann::json get(const std::string& who, const std::string& path, int status = 200) {
    auto result = as(who).get(path);
    EXPECT_TRUE(result);
    if (!result) return {};
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<Agent>> agents_;
};

TEST_P(PlacementsApiTest, AnOfficerSeesOnlyHerBoroughsPlacementsAndEveryReadIsAudited) {
  const nlohmann::json mine = get("hackney", "/api/boroughs/Hackney/placements");
  ASSERT_EQ(mine["placements"].size(), 9u);  // 6 + 2 + 1 at scale 0.1
  for (const nlohmann::json& p : mine["placements"]) {
    EXPECT_EQ(p["child_ref"].get<std::string>().substr(0, 2), "HC");
    EXPECT_EQ(p["annual_cost"],
              p["fee_total"].get<std::int64_t>() + p["transport_cost"].get<std::int64_t>());
  }
  get("camden", "/api/boroughs/Hackney/placements", 403);
  get("analyst", "/api/boroughs/Hackney/placements", 403);
  get("camden", "/api/boroughs/Hackney/placements.csv", 403);
  Result<std::vector<store::AuditEntry>> audit = server_->store().list_audit(10, 0);
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit.value().empty());
  EXPECT_EQ(audit.value().front().action, "read placements");
  EXPECT_EQ(audit.value().front().borough, "Hackney");
}

TEST_P(PlacementsApiTest, APlacementsFileIsAllOrNothingAndFeeChangesKeepTheirHistory) {
  const nlohmann::json providers = get("hackney", "/api/providers");
  const std::int64_t provider = providers["providers"][0]["id"];
  const std::string header =
      "placement_id,borough,child_ref,need,age,provider_id,provider_urn,start_date,end_date,"
      "residential,fee_from,fee_education,fee_care,fee_therapy,fee_other,transport_cost,"
      "distance_km\n";
  const std::string row = ",Hackney,HK-9001,asd,12," + std::to_string(provider) +
                          ",,2025-09-01,,no,2025-09-01,50000,0,8000,0,9000,12.5\n";
  auto refused = as("hackney").put("/api/boroughs/Hackney/placements?file_name=x.csv",
                                   header + row +
                                       ",Hackney,Jane Smith,asd,12,1,,2025-09-01,,no,"
                                       "2025-09-01,1,0,0,0,0,1\n");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("never a child's name"), std::string::npos) << refused->body;
  EXPECT_EQ(get("hackney", "/api/boroughs/Hackney/placements")["placements"].size(), 9u);

  auto added = as("hackney").put("/api/boroughs/Hackney/placements?file_name=x.csv", header + row);
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  std::int64_t id = 0;
  const nlohmann::json listed = get("hackney", "/api/boroughs/Hackney/placements");
  for (const nlohmann::json& p : listed["placements"]) {
    if (p["child_ref"] == "HK-9001") id = p["id"];
  }
  ASSERT_GT(id, 0);
  const std::string fees_path = "/api/placements/" + std::to_string(id) + "/fees";
  auto camden = as("camden").post(fees_path, R"({"from":"2026-04-01","education":52000})");
  ASSERT_TRUE(camden);
  EXPECT_EQ(camden->status, 403);
  auto rise =
      as("hackney").post(fees_path, R"({"from":"2026-04-01","education":52000,"therapy":8400})");
  ASSERT_TRUE(rise);
  ASSERT_EQ(rise->status, 201) << rise->body;
  const nlohmann::json placement = json_of(rise)["placement"];
  ASSERT_EQ(placement["fees"].size(), 2u);
  EXPECT_EQ(placement["fees"][0]["education"], 50000);
  EXPECT_EQ(placement["fees"][1]["total"], 60400);
  auto earlier = as("hackney").post(fees_path, R"({"from":"2025-01-01","education":1})");
  ASSERT_TRUE(earlier);
  EXPECT_EQ(earlier->status, 400);
}

TEST_P(PlacementsApiTest, RegionalAnalysesSuppressSmallNumbersAndShowChildRowsOnlyToTheEntitled) {
  const nlohmann::json analyst = get("analyst", "/api/placements/analysis?date=2025-12-01");
  EXPECT_TRUE(analyst["most_expensive"].empty());
  const nlohmann::json& by_need = analyst["fee_by_need"];
  const std::size_t vi = std::find(by_need["columns"].begin(), by_need["columns"].end(), "vi") -
                         by_need["columns"].begin();
  // Hackney's one VI child: the cell, and London's VI figure that would equal it, are hidden.
  for (const nlohmann::json& row : by_need["rows"]) {
    if (row["borough"] == "Hackney") {
      EXPECT_TRUE(row["cells"][vi].is_null());
    }
  }
  EXPECT_TRUE(by_need["london"]["cells"][vi].is_null());
  const nlohmann::json officer = get("hackney", "/api/placements/analysis?date=2025-12-01");
  EXPECT_EQ(officer["most_expensive_scope"], "own borough");
  ASSERT_FALSE(officer["most_expensive"].empty());
  for (const nlohmann::json& row : officer["most_expensive"]) {
    EXPECT_EQ(row["borough"], "Hackney");
  }
  get("analyst", "/api/placements/analysis?date=yesterday", 400);
}

TEST_P(PlacementsApiTest, TheRegisterIsReadByAllAndKeptByOfficers) {
  const std::size_t before = get("analyst", "/api/providers")["providers"].size();
  const std::string body =
      R"({"name":"Test Brook School","type":"independent-special","needs":["asd","semh"],)"
      R"("boarding":"day","age_low":5,"age_high":16,"capacity":40,"vacancies":3,)"
      R"("latitude":51.55,"longitude":-0.06})";
  auto refused = as("analyst").post("/api/providers", body);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  auto bad =
      as("hackney").post("/api/providers", R"({"name":"X","type":"spaceship","boarding":"day"})");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  auto added = as("hackney").post("/api/providers", body);
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  const nlohmann::json provider = json_of(added)["provider"];
  EXPECT_EQ(provider["needs"], nlohmann::json::array({"asd", "semh"}));
  EXPECT_EQ(get("analyst", "/api/providers")["providers"].size(), before + 1);
  auto csv = as("analyst").get("/api/providers.csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("Test Brook School"), std::string::npos);
}

TEST_P(PlacementsApiTest, MatchingRanksEligibleProvidersAndExplainsEachPair) {
  auto result = as("hackney").post(
      "/api/placements/match",
      R"({"need":"asd","age":11,"latitude":51.545,"longitude":-0.055,"boarding":"day"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const nlohmann::json body = json_of(result);
  ASSERT_GE(body["eligible"].size(), 2u);
  EXPECT_EQ(body["explanations"].size(), body["eligible"].size() - 1);
  for (const nlohmann::json& m : body["eligible"]) {
    EXPECT_TRUE(m["reasons"].empty());
    EXPECT_EQ(m["total_annual_cost"],
              m["annual_fee"].get<std::int64_t>() + m["transport_cost"].get<std::int64_t>());
  }
  for (const nlohmann::json& m : body["not_eligible"]) {
    EXPECT_FALSE(m["reasons"].empty());
  }
  auto bad = as("hackney").post("/api/placements/match", R"({"need":"zzz","age":11})");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_P(PlacementsApiTest, GapsCompareDemandWithLocalCapacity) {
  const nlohmann::json gaps = get("analyst", "/api/placements/gaps");
  EXPECT_EQ(gaps["sub_regions"].size(), 4u);
  for (const nlohmann::json& cell : gaps["cells"]) {
    EXPECT_DOUBLE_EQ(cell["gap"].get<double>(),
                     cell["demand"].get<double>() - cell["capacity"].get<double>());
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PlacementsApiTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
