// Plans as versions through the API, on both backends: an edit previewed (nothing stored) and
// saved as a new version with its parent and kind; two versions compared; a re-plan around a
// locked route that keeps the route's rows byte for byte; an update that takes in a new child;
// and the walls: another borough's officer, an analyst, no session, no CSRF token.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

// routes.csv's lines by route id (column 2), in file order.
std::map<std::string, std::vector<std::string>> route_lines(const std::string& csv) {
  std::map<std::string, std::vector<std::string>> lines;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::size_t first = line.find(',');
    const std::size_t second = line.find(',', first + 1);
    lines[line.substr(first + 1, second - first - 1)].push_back(line);
  }
  return lines;
}

// One stop row of routes.csv.
struct StopRow {
  std::string run, route_id, pupil_id, action;
};
std::vector<StopRow> stop_rows(const std::string& csv) {
  std::vector<StopRow> rows;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream cellsin(line);
    std::string cell;
    while (std::getline(cellsin, cell, ',')) cells.push_back(cell);
    if (cells.size() >= 6) rows.push_back({cells[0], cells[1], cells[4], cells[5]});
  }
  return rows;
}

// pupils.csv's route of a child on a run ("" when not carried; "?" when the row is missing).
std::string route_in_pupils_csv(const std::string& csv, const std::string& pupil,
                                const std::string& run) {
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(pupil + "," + run + ",", 0) != 0) continue;
    const std::size_t start = pupil.size() + run.size() + 2;
    return line.substr(start, line.find(',', start) - start);
  }
  return "?";
}

class VersionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    server_->add_user("officer", "officer", "Hackney");
    officer_ = std::make_unique<Agent>(server_->port());
    ASSERT_TRUE(officer_->sign_in("officer"));
  }

  // A done Hackney plan of `pupils` generated children (1 s of search per run).
  std::int64_t done_plan(int pupils = 16) {
    files_ = generated_borough(server_->atlas(), "Hackney", pupils, 7);
    upload_all(*officer_, "Hackney", files_);
    auto created = officer_->post("/api/boroughs/Hackney/plans", R"({"time_limit_seconds":1})");
    EXPECT_TRUE(created);
    if (!created) return 0;
    EXPECT_EQ(created->status, 202) << created->body;
    const std::int64_t id = json_of(created)["plan"].value("id", std::int64_t{0});
    const nlohmann::json plan = wait_for_plan(*officer_, id);
    EXPECT_EQ(plan["status"], "done") << plan.dump();
    return id;
  }

  std::string file(std::int64_t plan, const std::string& name) {
    auto result = officer_->get("/api/plans/" + std::to_string(plan) + "/files/" + name);
    EXPECT_TRUE(result);
    if (!result) return "";
    EXPECT_EQ(result->status, 200) << name << ": " << result->body;
    return result->body;
  }

  // A child picked up on one morning route and another morning route to move them to.
  struct Move {
    std::string pupil, from, to;
  };
  Move a_move(std::int64_t plan) {
    const std::vector<StopRow> rows = stop_rows(file(plan, "routes.csv"));
    std::vector<std::string> am_routes;
    for (const StopRow& row : rows)
      if (row.run == "AM" && (am_routes.empty() || am_routes.back() != row.route_id))
        am_routes.push_back(row.route_id);
    EXPECT_GE(am_routes.size(), 2u) << "the test needs two morning routes";
    if (am_routes.size() < 2) return {};
    for (const StopRow& row : rows)
      if (row.route_id == am_routes[0] && row.action == "pickup")
        return {row.pupil_id, am_routes[0], am_routes[1]};
    return {};
  }

  static std::string move_body(const Move& move) {
    return nlohmann::json{
        {"moves", {{{"pupil_id", move.pupil}, {"run", "AM"}, {"to_route", move.to}}}}}
        .dump();
  }

  bool audited(const std::string& action) {
    const std::vector<store::AuditEntry> entries = server_->store().list_audit(200, 0).value();
    for (const store::AuditEntry& entry : entries)
      if (entry.action == action && entry.username == "officer" && entry.borough == "Hackney")
        return true;
    return false;
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Agent> officer_;
  BoroughFiles files_;
};

TEST_P(VersionsTest, APreviewShowsTheChangeAndStoresNothing) {
  const std::int64_t id = done_plan();
  ASSERT_GT(id, 0);
  const Move move = a_move(id);
  ASSERT_FALSE(move.pupil.empty());
  const std::string routes_before = file(id, "routes.csv");
  const std::string base = "/api/plans/" + std::to_string(id);

  auto preview = officer_->post(base + "/preview", move_body(move));
  ASSERT_TRUE(preview);
  ASSERT_EQ(preview->status, 200) << preview->body;
  const nlohmann::json body = json_of(preview);
  EXPECT_EQ(body["from_plan"], id);
  EXPECT_EQ(body["note"], "moved 1 child (to " + move.to + ")");
  EXPECT_GT(body["summary"]["cost_per_day_pence"].get<std::int64_t>(), 0);
  EXPECT_GT(body["before"]["cost_per_day_pence"].get<std::int64_t>(), 0);
  EXPECT_EQ(body["difference"]["cost_per_day_change_pence"].get<std::int64_t>(),
            body["summary"]["cost_per_day_pence"].get<std::int64_t>() -
                body["before"]["cost_per_day_pence"].get<std::int64_t>());
  bool listed = false;
  for (const nlohmann::json& child : body["children"]) {
    if (child["pupil_id"] != move.pupil || child["run"] != "AM") continue;
    listed = true;
    EXPECT_EQ(child["before_route"], move.from);
    EXPECT_EQ(child["after_route"], move.to);
    EXPECT_EQ(child["change"], "new route");
    EXPECT_TRUE(child["before_pickup"].is_string());
    EXPECT_TRUE(child["after_pickup"].is_string());
    EXPECT_TRUE(child["pickup_shift_minutes"].is_number());
    EXPECT_TRUE(child["after_ride_minutes"].is_number());
  }
  EXPECT_TRUE(listed) << body["children"].dump();
  EXPECT_TRUE(audited("preview plan edit"));

  // Nothing was stored: one plan, its files as they were.
  EXPECT_EQ(server_->store().list_plans("").value().size(), 1u);
  EXPECT_EQ(file(id, "routes.csv"), routes_before);

  // Edits that cannot be made are refused with the reason.
  const std::pair<std::string, int> refused[] = {
      {"{}", 400},
      {R"({"moves":"P0001"})", 400},
      {R"({"moves":[{"pupil_id":"P0001","run":"XM","to_route":"AM-001"}]})", 400},
      {R"({"removed_routes":[7]})", 400},
      {nlohmann::json{
           {"moves", {{{"pupil_id", move.pupil}, {"run", "AM"}, {"to_route", "AM-999"}}}}}
           .dump(),
       422},
      {nlohmann::json{{"moves", {{{"pupil_id", "NOBODY"}, {"run", "AM"}, {"to_route", move.to}}}}}
           .dump(),
       422},
      {nlohmann::json{{"moves", {{{"pupil_id", move.pupil}, {"run", "PM"}, {"to_route", move.to}}}}}
           .dump(),
       422},
      {R"({"removed_routes":["PM-999"]})", 422},
      {"not json", 400},
  };
  for (const auto& [edit, status] : refused) {
    auto result = officer_->post(base + "/preview", edit);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << edit << ": " << result->body;
    EXPECT_FALSE(json_of(result).value("message", "").empty()) << edit;
  }
  EXPECT_EQ(server_->store().list_plans("").value().size(), 1u);
}

TEST_P(VersionsTest, ASavedEditIsANewVersionThatComparesWithItsParent) {
  const std::int64_t id = done_plan();
  ASSERT_GT(id, 0);
  const Move move = a_move(id);
  ASSERT_FALSE(move.pupil.empty());
  const std::string routes_before = file(id, "routes.csv");

  auto saved = officer_->post("/api/plans/" + std::to_string(id) + "/save-edit", move_body(move));
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 201) << saved->body;
  const nlohmann::json plan = json_of(saved)["plan"];
  const std::int64_t edited = plan["id"].get<std::int64_t>();
  EXPECT_EQ(saved->get_header_value("Location"), "/api/plans/" + std::to_string(edited));
  EXPECT_EQ(plan["status"], "done");
  EXPECT_EQ(plan["kind"], "edited");
  EXPECT_EQ(plan["parent_plan"], id);
  EXPECT_EQ(plan["note"], "moved 1 child (to " + move.to + ")");
  EXPECT_EQ(plan["created_by"], "officer");
  EXPECT_TRUE(audited("save plan edit"));

  // The record in the store, with the parent's inputs.
  const store::PlanRecord record = *server_->store().get_plan(edited).value();
  const store::PlanRecord parent = *server_->store().get_plan(id).value();
  EXPECT_EQ(record.parent_plan, id);
  EXPECT_EQ(record.kind, store::PlanKind::kEdited);
  EXPECT_EQ(record.pupils_dataset, parent.pupils_dataset);
  EXPECT_EQ(record.fleet_dataset, parent.fleet_dataset);

  // Its files are a plan's, with the child on the new route; the parent's are untouched.
  EXPECT_EQ(route_in_pupils_csv(file(edited, "pupils.csv"), move.pupil, "AM"), move.to);
  EXPECT_EQ(route_in_pupils_csv(file(id, "pupils.csv"), move.pupil, "AM"), move.from);
  EXPECT_EQ(file(id, "routes.csv"), routes_before);
  for (const char* name : {"routes.geojson", "route_sheets.html", "summary.json", "changes.csv"})
    EXPECT_FALSE(file(edited, name).empty()) << name;
  EXPECT_NE(file(edited, "changes.csv").find(move.pupil + ",AM,new route"), std::string::npos);

  // The borough's plans are its versions, newest first.
  const nlohmann::json list = json_of(officer_->get("/api/boroughs/Hackney/plans"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], edited);
  EXPECT_EQ(list[0]["kind"], "edited");
  EXPECT_EQ(list[0]["parent_plan"], id);
  EXPECT_EQ(list[1]["kind"], "planned");
  EXPECT_TRUE(list[1]["parent_plan"].is_null());
  EXPECT_EQ(list[1]["created_by"], "officer");
  EXPECT_TRUE(list[0]["cost_per_day_pence"].is_number());

  // Compared: the moved child, both routes changed, the cost change.
  auto compared =
      officer_->get("/api/plans/" + std::to_string(id) + "/compare/" + std::to_string(edited));
  ASSERT_TRUE(compared);
  ASSERT_EQ(compared->status, 200) << compared->body;
  const nlohmann::json difference = json_of(compared);
  EXPECT_EQ(difference["a"]["id"], id);
  EXPECT_EQ(difference["b"]["id"], edited);
  EXPECT_EQ(difference["b"]["kind"], "edited");
  EXPECT_EQ(difference["cost_per_day_change_pence"].get<std::int64_t>(),
            difference["b"]["cost_per_day_pence"].get<std::int64_t>() -
                difference["a"]["cost_per_day_pence"].get<std::int64_t>());
  auto has = [](const nlohmann::json& list_of_ids, const std::string& route) {
    return std::find(list_of_ids.begin(), list_of_ids.end(), route) != list_of_ids.end();
  };
  EXPECT_TRUE(has(difference["routes_changed"], move.from)) << difference.dump();
  EXPECT_TRUE(has(difference["routes_changed"], move.to)) << difference.dump();
  bool moved = false;
  for (const nlohmann::json& child : difference["children"]) {
    if (child["pupil_id"] != move.pupil || child["run"] != "AM") continue;
    moved = true;
    EXPECT_EQ(child["change"], "new route");
    EXPECT_EQ(child["before_route"], move.from);
    EXPECT_EQ(child["after_route"], move.to);
    EXPECT_TRUE(child["pickup_shift_minutes"].is_number());
  }
  EXPECT_TRUE(moved) << difference["children"].dump();
  EXPECT_TRUE(audited("compare plans"));

  // A plan compared with itself: nothing differs.
  const nlohmann::json same =
      json_of(officer_->get("/api/plans/" + std::to_string(id) + "/compare/" + std::to_string(id)));
  EXPECT_TRUE(same["children"].empty());
  EXPECT_TRUE(same["routes_changed"].empty());
  EXPECT_EQ(same["cost_per_day_change_pence"], 0);
}

TEST_P(VersionsTest, AReplanKeepsTheLockedRouteExactly) {
  const std::int64_t id = done_plan();
  ASSERT_GT(id, 0);
  const Move move = a_move(id);
  ASSERT_FALSE(move.from.empty());
  const auto before = route_lines(file(id, "routes.csv"));

  auto unknown =
      officer_->post("/api/plans/" + std::to_string(id) + "/replan", R"({"locked":["AM-999"]})");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 422) << unknown->body;
  for (const char* bad : {"{}", R"({"locked":[]})", R"({"locked":"AM-001"})", R"({"locked":[1]})"})
    EXPECT_EQ(officer_->post("/api/plans/" + std::to_string(id) + "/replan", bad)->status, 400)
        << bad;

  auto started = officer_->post("/api/plans/" + std::to_string(id) + "/replan",
                                nlohmann::json{{"locked", {move.from}}}.dump());
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t replanned = json_of(started)["plan"]["id"].get<std::int64_t>();
  const nlohmann::json plan = wait_for_plan(*officer_, replanned);
  ASSERT_EQ(plan["status"], "done") << plan.dump();
  EXPECT_EQ(plan["kind"], "re-planned around locked routes");
  EXPECT_EQ(plan["parent_plan"], id);
  EXPECT_EQ(plan["note"], "locked " + move.from);
  EXPECT_EQ(plan["summary"]["summary"]["pupils"], files_.pupil_count);

  const auto after = route_lines(file(replanned, "routes.csv"));
  ASSERT_TRUE(after.count(move.from));
  EXPECT_EQ(after.at(move.from), before.at(move.from)) << "the locked route's rows, byte for byte";
}

TEST_P(VersionsTest, AnUpdateTakesInANewChild) {
  const std::int64_t id = done_plan();
  ASSERT_GT(id, 0);
  // The same children and one more: a copy of the last child under a new id.
  std::string pupils = files_.pupils;
  if (!pupils.empty() && pupils.back() != '\n') pupils += '\n';
  const std::size_t last = pupils.rfind('\n', pupils.size() - 2);
  std::string row = pupils.substr(last + 1);
  row = "P9999" + row.substr(row.find(','));
  pupils += row;
  ASSERT_EQ(
      officer_->put("/api/boroughs/Hackney/inputs/pupils?file_name=pupils.csv", pupils)->status,
      201);

  const std::string base = "/api/plans/" + std::to_string(id) + "/update";
  EXPECT_EQ(officer_->post(base, R"({"max_time_shift_minutes":-1})")->status, 400);
  EXPECT_EQ(officer_->post(base, R"({"max_time_shift_minutes":"ten"})")->status, 400);
  auto started = officer_->post(base, R"({"max_time_shift_minutes":10})");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t updated = json_of(started)["plan"]["id"].get<std::int64_t>();
  const nlohmann::json plan = wait_for_plan(*officer_, updated);
  ASSERT_EQ(plan["status"], "done") << plan.dump();
  EXPECT_EQ(plan["kind"], "updated");
  EXPECT_EQ(plan["parent_plan"], id);
  EXPECT_EQ(plan["note"].get<std::string>().rfind("1 joined, 0 left, 0 moved; ", 0), 0u)
      << plan["note"];
  EXPECT_EQ(plan["summary"]["summary"]["pupils"], files_.pupil_count + 1);

  const store::PlanRecord record = *server_->store().get_plan(updated).value();
  EXPECT_EQ(record.pupils_dataset,
            server_->store().latest_dataset("Hackney", "pupils").value()->id);
  const std::string new_route = route_in_pupils_csv(file(updated, "pupils.csv"), "P9999", "AM");
  EXPECT_NE(new_route, "?");
  EXPECT_FALSE(new_route.empty()) << "the new child is carried";
  EXPECT_NE(file(updated, "changes.csv").find("P9999,AM,joined"), std::string::npos);
  const nlohmann::json changes = nlohmann::json::parse(file(updated, "changes.json"));
  EXPECT_EQ(changes["joined"], nlohmann::json::array({"P9999"}));
  EXPECT_TRUE(changes["left"].empty());
  EXPECT_TRUE(changes["children"].is_array());
  // Every child who stayed keeps their collection time within the limit.
  for (const nlohmann::json& child : changes["children"]) {
    if (child["change"] != "re-timed") continue;
    EXPECT_LE(std::abs(child["pickup_shift_minutes"].get<double>()), 10.5) << child.dump();
  }
}

TEST_P(VersionsTest, OnlyTheBoroughsOwnOfficersAndAdminsReachItsVersions) {
  const std::int64_t id = done_plan(8);
  ASSERT_GT(id, 0);
  server_->add_user("camden", "officer", "Camden");
  server_->add_user("analyst", "analyst");
  server_->add_user("admin", "admin");
  const std::string plan = "/api/plans/" + std::to_string(id);
  const std::string edit = R"({"moves":[{"pupil_id":"P0001","run":"AM","to_route":"AM-001"}]})";
  const std::pair<std::string, std::string> posts[] = {
      {plan + "/preview", edit},
      {plan + "/save-edit", edit},
      {plan + "/replan", R"({"locked":["AM-001"]})"},
      {plan + "/update", "{}"},
  };
  const std::size_t plans_before = server_->store().list_plans("").value().size();
  for (const char* who : {"camden", "analyst"}) {
    Agent other(server_->port());
    ASSERT_TRUE(other.sign_in(who));
    auto compare = other.get(plan + "/compare/" + std::to_string(id));
    ASSERT_TRUE(compare);
    EXPECT_EQ(compare->status, 403) << who;
    EXPECT_EQ(json_of(compare)["error"], "forbidden");
    EXPECT_EQ(compare->body.find("P0"), std::string::npos) << "no child's id in the refusal";
    for (const auto& [path, body] : posts) {
      auto result = other.post(path, body);
      ASSERT_TRUE(result);
      EXPECT_EQ(result->status, 403) << who << " " << path;
      EXPECT_EQ(result->body.find("P0"), std::string::npos);
    }
    // A plan that does not exist is not found, for anyone.
    EXPECT_EQ(other.get("/api/plans/999999/compare/" + std::to_string(id))->status, 404);
    EXPECT_EQ(other.post("/api/plans/999999/preview", edit)->status, 404);
  }
  // No session: 401; no CSRF token: 403 csrf, on every POST.
  Agent nobody(server_->port());
  EXPECT_EQ(nobody.get(plan + "/compare/" + std::to_string(id))->status, 401);
  for (const auto& [path, body] : posts) {
    EXPECT_EQ(nobody.post(path, body)->status, 401) << path;
    auto no_csrf = officer_->post_without_csrf(path, body);
    ASSERT_TRUE(no_csrf);
    EXPECT_EQ(no_csrf->status, 403) << path;
    EXPECT_EQ(json_of(no_csrf)["error"], "csrf") << path;
  }
  EXPECT_EQ(server_->store().list_plans("").value().size(), plans_before) << "nothing was made";

  // A plan that is not finished can be neither compared nor changed.
  store::PlanRecord queued = *server_->store().get_plan(id).value();
  queued.status = store::PlanStatus::kQueued;
  queued.summary_json.clear();
  queued.finished_at.clear();
  const std::int64_t unfinished = server_->store().add_plan(queued).value();
  EXPECT_EQ(officer_->get(plan + "/compare/" + std::to_string(unfinished))->status, 409);
  EXPECT_EQ(officer_->post("/api/plans/" + std::to_string(unfinished) + "/preview", edit)->status,
            409);

  // The admin may compare and change any borough's plans, but not compare two boroughs.
  Agent admin(server_->port());
  ASSERT_TRUE(admin.sign_in("admin"));
  EXPECT_EQ(admin.get(plan + "/compare/" + std::to_string(id))->status, 200);
  store::PlanRecord camden = *server_->store().get_plan(id).value();
  camden.borough = "Camden";
  const std::int64_t camden_id = server_->store().add_plan(camden).value();
  ASSERT_TRUE(
      server_->store()
          .finish_plan(
              camden_id, camden.summary_json,
              {{"routes.csv", file(id, "routes.csv")}, {"pupils.csv", file(id, "pupils.csv")}}, "")
          .ok());
  auto across = admin.get(plan + "/compare/" + std::to_string(camden_id));
  ASSERT_TRUE(across);
  EXPECT_EQ(across->status, 400) << across->body;
  // ... and Hackney's officer may not see the Camden one at all.
  EXPECT_EQ(officer_->get(plan + "/compare/" + std::to_string(camden_id))->status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, VersionsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
