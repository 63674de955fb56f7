// The practice repository through the API, on both store backends (issue 14): a borough drafts,
// attaches and submits an entry into a call before its deadline; a reviewer of another borough
// scores it; an administrator shortlists, crowns and publishes it; every role finds it by
// search. And the access rules: drafts stay with their borough, scores with the reviewers and
// administrators, a reviewer never reviews their own borough; bad input is named by field and
// nothing half written.
#include <gtest/gtest.h>

#include <set>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

class PracticeApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    server_->add_user("admin", "admin");
    server_->add_user("camden", "officer", "Camden");
    server_->add_user("camden2", "officer", "Camden");
    server_->add_user("hackney", "officer", "Hackney");
    server_->add_user("analyst", "analyst");
    for (const char* name : {"admin", "camden", "camden2", "hackney", "analyst"}) {
      agents_[name] = std::make_unique<Agent>(server_->port());
      ASSERT_TRUE(agents_[name]->sign_in(name)) << name;
    }
  }

  Agent& as(const std::string& name) { return *agents_.at(name); }

  std::int64_t user_id(const std::string& name) {
    return server_->store().find_user(name).value()->id;
  }

  // A call open from yesterday, closing `deadline_local` (London time).
  std::int64_t open_call(const std::string& deadline_local = "2099-03-31T23:59") {
    auto made =
        as("admin").post("/api/practice/calls", nlohmann::json{{"name", "Practice Spotlight 2027"},
                                                               {"opens_local", "2026-01-01T09:00"},
                                                               {"deadline_local", deadline_local},
                                                               {"guidance", "Tell us what worked."}}
                                                    .dump());
    EXPECT_EQ(made->status, 201) << made->body;
    return json_of(made)["id"].get<std::int64_t>();
  }

  static nlohmann::json full_entry(std::int64_t call_id) {
    return {{"title", "Twenty-week assessments on time"},
            {"summary", "A weekly panel cleared the backlog of EHC needs assessment requests."},
            {"lead_borough", "Camden"},
            {"partner_boroughs", {"Islington"}},
            {"categories", {"send-impact"}},
            {"problem", "Assessments took 30 weeks on average."},
            {"actions", "A weekly multi-agency panel and a tracker shared with health."},
            {"impact",
             {{{"measure", "Assessments finished within 20 weeks"},
               {"before", "41 %"},
               {"after", "78 %"},
               {"period", "2022 to 2024"},
               {"source", "SEN2"}}}},
            {"how_to_adopt", "Start with the tracker; the panel follows."},
            {"contact_name", "Example Lead Officer"},
            {"contact_role", "Head of SEND"},
            {"indicators", nlohmann::json::array()},
            {"call_id", call_id}};
  }

  // A Camden draft; its id.
  std::int64_t draft(std::int64_t call_id) {
    auto made = as("camden").post("/api/practice/entries", full_entry(call_id).dump());
    EXPECT_EQ(made->status, 201) << made->body;
    return json_of(made)["id"].get<std::int64_t>();
  }

  httplib::Result move(const std::string& who, std::int64_t id, const std::string& to,
                       const std::string& winner = "") {
    nlohmann::json body = {{"to", to}};
    if (!winner.empty()) body["winner_category"] = winner;
    return as(who).post(entry_path(id, "/state"), body.dump());
  }

  static std::string entry_path(std::int64_t id, const std::string& rest = "") {
    return "/api/practice/entries/" + std::to_string(id) + rest;
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<Agent>> agents_;
};

TEST_P(PracticeApiTest, AnEntryGoesFromDraftToPublishedAndIsFoundBySearch) {
  const std::int64_t call = open_call();
  const std::int64_t id = draft(call);
  // Only Camden (lead) and its partner see the draft; not Hackney, not the administrator.
  EXPECT_EQ(as("camden2").get(entry_path(id))->status, 200);
  for (const char* who : {"hackney", "admin", "analyst"})
    EXPECT_EQ(as(who).get(entry_path(id))->status, 404) << who;
  // ... nor change it, attach to it or submit it.
  EXPECT_EQ(as("hackney")
                .send("PUT", entry_path(id), nlohmann::json{{"title", "x"}, {"revision", 1}}.dump())
                ->status,
            404);
  EXPECT_EQ(as("hackney")
                .post(entry_path(id, "/attachments?name=a.pdf"), "%PDF-1.4\n", "application/pdf")
                ->status,
            404);
  EXPECT_EQ(move("hackney", id, "submitted")->status, 404);
  EXPECT_EQ(json_of(as("camden").get(entry_path(id)))["title"], "Twenty-week assessments on time");

  const std::string pdf = std::string("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
  auto attached =
      as("camden").post(entry_path(id, "/attachments?name=evaluation.pdf"), pdf, "application/pdf");
  ASSERT_EQ(attached->status, 201) << attached->body;
  const std::int64_t document = json_of(attached)["id"].get<std::int64_t>();

  ASSERT_EQ(move("camden", id, "submitted")->status, 200);
  // Submitted: the administrator sees it now, Hackney still not; nobody edits it.
  EXPECT_EQ(as("admin").get(entry_path(id))->status, 200);
  EXPECT_EQ(as("hackney").get(entry_path(id))->status, 404);
  nlohmann::json entry = json_of(as("camden").get(entry_path(id)));
  EXPECT_EQ(entry["state"], "submitted");
  auto edit =
      as("camden").send("PUT", entry_path(id),
                        nlohmann::json{{"title", "New"}, {"revision", entry["revision"]}}.dump());
  EXPECT_EQ(edit->status, 403);

  // Reviewers: never of the entry's own boroughs; Hackney's officer may.
  auto own = as("admin").post(entry_path(id, "/reviewers"),
                              nlohmann::json{{"user_id", user_id("camden2")}}.dump());
  EXPECT_EQ(own->status, 422);
  EXPECT_NE(json_of(own)["message"].get<std::string>().find("own borough"), std::string::npos);
  ASSERT_EQ(as("admin")
                .post(entry_path(id, "/reviewers"),
                      nlohmann::json{{"user_id", user_id("hackney")}}.dump())
                ->status,
            200);
  // The first reviewer puts it under review; the reviewer now reads it.
  entry = json_of(as("hackney").get(entry_path(id)));
  EXPECT_EQ(entry["state"], "under-review");
  EXPECT_TRUE(entry["may"]["review"].get<bool>());
  EXPECT_EQ(json_of(as("hackney").get("/api/practice/reviews"))["reviews"].size(), 1u);
  EXPECT_TRUE(json_of(as("camden").get("/api/practice/reviews"))["reviews"].empty());

  // Scores: every criterion 1 to 5, named when wrong.
  auto bad = as("hackney").send("PUT", entry_path(id, "/review"),
                                nlohmann::json{{"scores", {{"innovation", 9}}}}.dump());
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("impact"), std::string::npos);
  const nlohmann::json scores = {
      {"innovation", 4}, {"impact", 5}, {"evidence", 4}, {"transferability", 3}};
  ASSERT_EQ(as("hackney")
                .send("PUT", entry_path(id, "/review"),
                      nlohmann::json{{"scores", scores}, {"comment", "Clear figures."}}.dump())
                ->status,
            200);
  EXPECT_EQ(as("camden")
                .send("PUT", entry_path(id, "/review"), nlohmann::json{{"scores", scores}}.dump())
                ->status,
            403);
  // The borough never sees its scores; the administrator does.
  EXPECT_TRUE(json_of(as("camden").get(entry_path(id)))["reviews"]["visible"].empty());
  EXPECT_EQ(json_of(as("admin").get(entry_path(id)))["reviews"]["visible"].size(), 1u);
  const nlohmann::json panel =
      json_of(as("admin").get("/api/practice/calls/" + std::to_string(call) + "/panel"));
  bool ranked = false;
  for (const nlohmann::json& category : panel["categories"])
    for (const nlohmann::json& row : category["entries"])
      if (row["entry_id"] == id) ranked = row["mean"].get<double>() == 4.0;
  EXPECT_TRUE(ranked) << panel.dump();
  EXPECT_EQ(as("camden").get("/api/practice/calls/" + std::to_string(call) + "/panel")->status,
            403);

  // The administrator moves it on; a reviewer rates its evidence.
  ASSERT_EQ(
      as("hackney").post(entry_path(id, "/evidence"), nlohmann::json{{"level", 3}}.dump())->status,
      200);
  EXPECT_EQ(move("camden", id, "shortlisted")->status, 409);
  ASSERT_EQ(move("admin", id, "shortlisted")->status, 200);
  EXPECT_EQ(move("admin", id, "winner", "early-intervention")->status, 409)
      << "a winner of a category the entry is not in";
  ASSERT_EQ(move("admin", id, "winner", "send-impact")->status, 200);
  const std::string booklet =
      as("admin")
          .get("/api/practice/calls/" + std::to_string(call) + "/booklet.html?entries=winners")
          ->body;
  EXPECT_NE(booklet.find("Twenty-week assessments on time"), std::string::npos);
  ASSERT_EQ(move("admin", id, "published")->status, 200);

  // Published: every role reads it and finds it, by a word's other form too.
  for (const char* who : {"hackney", "analyst", "admin", "camden"}) {
    EXPECT_EQ(as(who).get(entry_path(id))->status, 200) << who;
    const nlohmann::json found = json_of(as(who).get("/api/practice/entries?q=assessment"));
    ASSERT_EQ(found["total"], 1) << who << found.dump();
    EXPECT_EQ(found["hits"][0]["id"], id);
    bool marked = false;
    for (const nlohmann::json& segment : found["hits"][0]["snippet"])
      marked = marked || segment["mark"].get<bool>();
    EXPECT_TRUE(marked) << found["hits"][0]["snippet"].dump();
  }
  const nlohmann::json facet =
      json_of(as("analyst").get("/api/practice/entries?category=send-impact"));
  EXPECT_EQ(facet["total"], 1);
  EXPECT_EQ(json_of(as("analyst").get("/api/practice/entries?borough=Hackney"))["total"], 0);
  EXPECT_EQ(as("analyst").get("/api/practice/attachments/" + std::to_string(document))->body, pdf);
  // Its history: who did what, for its borough and the administrator only.
  const nlohmann::json history = json_of(as("camden").get(entry_path(id)));
  EXPECT_GE(history["events"].size(), 6u);
  EXPECT_FALSE(json_of(as("analyst").get(entry_path(id))).contains("events"));
}

TEST_P(PracticeApiTest, TheDeadlineClosesTheCallUntilExtended) {
  const std::int64_t call = open_call("2026-02-01T12:00");
  const std::int64_t id = draft(call);
  auto late = move("camden", id, "submitted");
  EXPECT_EQ(late->status, 409);
  EXPECT_NE(json_of(late)["message"].get<std::string>().find("1 February 2026, 12:00"),
            std::string::npos)
      << late->body;
  auto extended = as("admin").send("PATCH", "/api/practice/calls/" + std::to_string(call),
                                   nlohmann::json{{"deadline_local", "2099-06-30T17:00"}}.dump());
  ASSERT_EQ(extended->status, 200) << extended->body;
  EXPECT_TRUE(json_of(extended)["open"].get<bool>());
  EXPECT_EQ(move("camden", id, "submitted")->status, 200);
  // Only administrators open or change calls.
  EXPECT_EQ(as("camden")
                .send("PATCH", "/api/practice/calls/" + std::to_string(call),
                      nlohmann::json{{"deadline_local", "2100-01-01T00:00"}}.dump())
                ->status,
            403);
}

TEST_P(PracticeApiTest, BadInputIsNamedByFieldAndNothingIsHalfWritten) {
  const std::int64_t call = open_call();
  nlohmann::json entry = full_entry(call);
  entry["categories"] = {"not-a-category"};
  entry["age_from"] = 30;
  entry["links"] = {"javascript:alert(1)"};
  auto refused = as("camden").post("/api/practice/entries", entry.dump());
  ASSERT_EQ(refused->status, 422);
  std::set<std::string> fields;
  const nlohmann::json refusal = json_of(refused);
  for (const nlohmann::json& problem : refusal["problems"])
    fields.insert(problem["column"].get<std::string>());
  for (const char* field : {"categories", "age_from", "links"})
    EXPECT_TRUE(fields.count(field)) << field << " in " << refused->body;
  // A child's details are refused with the reason.
  entry = full_entry(call);
  entry["actions"] = "We met the child, Amara Okafor, and her UPN A123456789012.";
  auto child = as("camden").post("/api/practice/entries", entry.dump());
  EXPECT_EQ(child->status, 422);
  EXPECT_EQ(child->body.find("Okafor"), std::string::npos) << "the reason must not repeat it";
  EXPECT_EQ(child->body.find("123456789012"), std::string::npos);
  // Another borough's entry cannot be started by an officer.
  entry = full_entry(call);
  entry["lead_borough"] = "Hackney";
  EXPECT_EQ(as("camden").post("/api/practice/entries", entry.dump())->status, 422);
  EXPECT_EQ(as("analyst").post("/api/practice/entries", full_entry(call).dump())->status, 403);
  EXPECT_TRUE(server_->store().list_practice_entries().value().empty());

  // A disguised or oversized document is refused; the entry keeps what it had.
  const std::int64_t id = draft(call);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0');
  auto disguised =
      as("camden").post(entry_path(id, "/attachments?name=report.pdf"), png, "application/pdf");
  EXPECT_EQ(disguised->status, 422);
  EXPECT_NE(disguised->body.find("PNG"), std::string::npos) << disguised->body;
  auto unknown = as("camden").post(entry_path(id, "/attachments?name=run.exe"),
                                   std::string("MZ\x90\0", 4) + std::string(100, 'x'),
                                   "application/octet-stream");
  EXPECT_EQ(unknown->status, 422);
  EXPECT_TRUE(server_->store().list_practice_attachments(id).value().empty());

  // A stale revision is a conflict; the entry is unchanged.
  const nlohmann::json read = json_of(as("camden").get(entry_path(id)));
  ASSERT_EQ(
      as("camden")
          .send("PUT", entry_path(id),
                nlohmann::json{{"title", "First edit"}, {"revision", read["revision"]}}.dump())
          ->status,
      200);
  auto stale = as("camden2").send(
      "PUT", entry_path(id),
      nlohmann::json{{"title", "Second edit"}, {"revision", read["revision"]}}.dump());
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(json_of(as("camden").get(entry_path(id)))["title"], "First edit");
  // Submitting an incomplete draft names what is missing.
  nlohmann::json thin = {{"title", "Just a title"}, {"lead_borough", "Camden"}};
  auto made = as("camden").post("/api/practice/entries", thin.dump());
  ASSERT_EQ(made->status, 201) << made->body;
  auto incomplete = move("camden", json_of(made)["id"].get<std::int64_t>(), "submitted");
  EXPECT_EQ(incomplete->status, 422);
  EXPECT_NE(incomplete->body.find("how_to_adopt"), std::string::npos) << incomplete->body;
}

TEST_P(PracticeApiTest, ImportIsAllOrNothingAndExportReadsBack) {
  const std::string header = "title,summary,lead_borough,categories,problem,actions,state\n";
  const std::string good =
      "Travel training,Children learn to travel alone.,Hackney,early-intervention,"
      "Long taxi journeys,Trainers ride with them,draft\n";
  const std::string bad = "Broken,Bad borough,Gotham,early-intervention,x,y,draft\n";
  auto refused = as("admin").put("/api/practice/import?format=csv", header + good + bad);
  ASSERT_EQ(refused->status, 422) << refused->body;
  EXPECT_NE(refused->body.find("\"row\":3"), std::string::npos) << refused->body;
  EXPECT_TRUE(server_->store().list_practice_entries().value().empty());
  EXPECT_EQ(as("camden").put("/api/practice/import?format=csv", header + good)->status, 403);
  auto imported = as("admin").put("/api/practice/import?format=csv", header + good);
  ASSERT_EQ(imported->status, 201) << imported->body;
  EXPECT_EQ(json_of(imported)["imported"], 1);
  // Hackney's draft: Hackney exports it; the analyst's export (published only) is empty.
  const std::string mine = as("hackney").get("/api/practice/entries.csv?state=any")->body;
  EXPECT_NE(mine.find("Travel training"), std::string::npos);
  EXPECT_EQ(as("analyst").get("/api/practice/entries.csv?state=any")->body.find("Travel training"),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, PracticeApiTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
