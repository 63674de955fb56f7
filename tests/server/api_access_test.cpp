// Who may do what: signing in and out, CSRF, and the three roles, on both store backends.
#include <gtest/gtest.h>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

class AccessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    server_->add_user("hackney.officer", "officer", "Hackney");
    server_->add_user("camden.officer", "officer", "camden");  // any spelling; stored canonical
    server_->add_user("analyst", "analyst");
    server_->add_user("admin", "admin");
  }

  Agent agent() { return Agent(server_->port()); }

  std::unique_ptr<TestServer> server_;
};

TEST_P(AccessTest, SignInSetsAHardenedCookieAndSignOutEndsTheSession) {
  httplib::Client client("127.0.0.1", server_->port());
  auto result = client.Post("/api/login",
                            R"({"username":"hackney.officer","password":"correct horse battery"})",
                            "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const std::string cookie = result->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  const nlohmann::json body = json_of(result);
  EXPECT_EQ(body["user"]["role"], "officer");
  EXPECT_EQ(body["user"]["borough"], "Hackney");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
  // The password hash is argon2id and never leaves the store.
  EXPECT_EQ(result->body.find("argon2"), std::string::npos);
  EXPECT_EQ(
      server_->store().find_user("hackney.officer").value()->password_hash.rfind("$argon2id$", 0),
      0u);

  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  EXPECT_EQ(officer.get("/api/me")->status, 200);
  auto out = officer.post("/api/logout", "");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  // The old cookie is dead even if a client keeps sending it.
  EXPECT_EQ(officer.get("/api/me")->status, 401);
}

TEST_P(AccessTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Agent a = agent();
  EXPECT_FALSE(a.sign_in("hackney.officer", "wrong password!"));
  EXPECT_FALSE(a.sign_in("nobody.at.all", "wrong password!"));
  httplib::Client client("127.0.0.1", server_->port());
  auto wrong = client.Post("/api/login", R"({"username":"hackney.officer","password":"x"})",
                           "application/json");
  auto unknown =
      client.Post("/api/login", R"({"username":"nobody","password":"x"})", "application/json");
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(wrong->body, unknown->body);
  EXPECT_TRUE(wrong->get_header_value("Set-Cookie").empty());
}

TEST_P(AccessTest, EveryApiCallButHealthNeedsASession) {
  httplib::Client client("127.0.0.1", server_->port());
  for (const char* path : {"/api/me", "/api/boroughs", "/api/boroughs/Hackney/pupils",
                           "/api/boroughs/Hackney/datasets", "/api/plans/1", "/api/region/summary",
                           "/api/audit", "/api/users", "/api/boroughs/Hackney/boundary"}) {
    auto result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 401) << path;
    EXPECT_EQ(json_of(result)["error"], "unauthenticated") << path;
  }
  auto forged = client.Get(
      "/api/me", {{"Cookie", std::string(server::kSessionCookie) + "=" + std::string(64, 'a')}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
  EXPECT_EQ(client.Get("/api/health")->status, 200);
}

// Regression (found by fuzzing): httplib applied Range to API answers, cutting the JSON.
TEST_P(AccessTest, RangeHeadersDoNotCutApiAnswers) {
  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  httplib::Client client("127.0.0.1", server_->port());
  auto result = client.Get("/api/me", {{"Cookie", officer.cookie()}, {"Range", "bytes=0-7"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(json_of(result)["user"]["username"], "hackney.officer");
}

TEST_P(AccessTest, ChangesWithoutTheCsrfTokenAreRefused) {
  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  auto result = officer.post_without_csrf("/api/boroughs/Hackney/plans", "{}");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403);
  EXPECT_EQ(json_of(result)["error"], "csrf");
  // A token of another session does not do either.
  Agent other = agent();
  ASSERT_TRUE(other.sign_in("hackney.officer"));
  httplib::Client client("127.0.0.1", server_->port());
  auto crossed =
      client.Post("/api/logout", {{"Cookie", officer.cookie()}, {"X-CSRF-Token", other.csrf()}}, "",
                  "application/json");
  ASSERT_TRUE(crossed);
  EXPECT_EQ(crossed->status, 403);
  EXPECT_EQ(officer.get("/api/me")->status, 200);  // still signed in
}

TEST_P(AccessTest, OfficersSeeOnlyTheirOwnBoroughsChildren) {
  const BoroughFiles hackney = generated_borough(server_->atlas(), "Hackney", 12);
  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  upload_all(officer, "Hackney", hackney);
  auto own = officer.get("/api/boroughs/Hackney/pupils");
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_EQ(json_of(own)["pupils"].size(), 12u);

  Agent camden = agent();
  ASSERT_TRUE(camden.sign_in("camden.officer"));
  for (const char* path : {"/api/boroughs/Hackney/pupils", "/api/boroughs/hackney/pupils",
                           "/api/boroughs/E09000012/pupils", "/api/boroughs/Hackney/datasets",
                           "/api/boroughs/Hackney/plans"}) {
    auto result = camden.get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 403) << path;
    EXPECT_EQ(result->body.find("\"pupil_id\""), std::string::npos);
  }
  auto upload = camden.put("/api/boroughs/Hackney/inputs/pupils", hackney.pupils);
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload->status, 403);

  Agent analyst = agent();
  ASSERT_TRUE(analyst.sign_in("analyst"));
  EXPECT_EQ(analyst.get("/api/boroughs/Hackney/pupils")->status, 403);
  EXPECT_EQ(analyst.get("/api/audit")->status, 403);
  EXPECT_EQ(analyst.get("/api/region/summary")->status, 200);

  Agent admin = agent();
  ASSERT_TRUE(admin.sign_in("admin"));
  EXPECT_EQ(admin.get("/api/boroughs/Hackney/pupils")->status, 200);
}

TEST_P(AccessTest, EveryReadOfChildrensRecordsIsAudited) {
  const BoroughFiles hackney = generated_borough(server_->atlas(), "Hackney", 6);
  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  upload_all(officer, "Hackney", hackney);
  const size_t before = server_->store().list_audit(1000, 0).value().size();
  ASSERT_EQ(officer.get("/api/boroughs/Hackney/pupils")->status, 200);
  ASSERT_EQ(officer.get("/api/boroughs/Hackney/pupils")->status, 200);
  // Refused reads leave no "read" entry.
  Agent camden = agent();
  ASSERT_TRUE(camden.sign_in("camden.officer"));
  ASSERT_EQ(camden.get("/api/boroughs/Hackney/pupils")->status, 403);

  Agent admin = agent();
  ASSERT_TRUE(admin.sign_in("admin"));
  nlohmann::json log = json_of(admin.get("/api/audit?limit=1000"));
  ASSERT_TRUE(log.is_array());
  // Sign-ins are audited too (issue 18); the reads are what this test counts.
  const std::size_t signed_in = 2;  // camden.officer and admin, after `before`
  EXPECT_EQ(log.size(), before + 2 + signed_in);
  nlohmann::json reads = nlohmann::json::array();
  for (const nlohmann::json& entry : log)
    if (entry["action"] != "signed in") reads.push_back(entry);
  log = reads;
  EXPECT_EQ(log[0]["username"], "hackney.officer");
  EXPECT_EQ(log[0]["action"], "read pupils");
  EXPECT_EQ(log[0]["borough"], "Hackney");
  // The audit log names what was read, never the children.
  for (const auto& entry : log)
    EXPECT_EQ(entry["detail"].get<std::string>().find("P0"), std::string::npos);
  EXPECT_EQ(json_of(admin.get("/api/audit?limit=0"))["error"], "bad_request");
}

TEST_P(AccessTest, AdministratorsAddAccountsWithTheSameRulesAsTheCli) {
  Agent admin = agent();
  ASSERT_TRUE(admin.sign_in("admin"));
  auto added = admin.post("/api/users", R"({"username":"new.officer","password":"long enough pw",
                                           "role":"officer","borough":"Tower Hamlets"})");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  Agent newcomer = agent();
  EXPECT_TRUE(newcomer.sign_in("new.officer", "long enough pw"));
  EXPECT_EQ(json_of(newcomer.get("/api/me"))["user"]["borough"], "Tower Hamlets");

  auto duplicate =
      admin.post("/api/users", R"({"username":"new.officer","password":"long enough pw",
                                               "role":"analyst"})");
  EXPECT_EQ(duplicate->status, 409);
  auto short_password =
      admin.post("/api/users", R"({"username":"x.y.z","password":"short","role":"analyst"})");
  EXPECT_EQ(short_password->status, 400);
  auto bad_role = admin.post("/api/users", R"({"username":"x.y.z","password":"long enough pw",
                                              "role":"boss"})");
  EXPECT_EQ(bad_role->status, 400);
  auto no_borough = admin.post("/api/users", R"({"username":"x.y.z","password":"long enough pw",
                                                "role":"officer"})");
  EXPECT_EQ(no_borough->status, 400);
  Agent officer = agent();
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  EXPECT_EQ(officer
                .post("/api/users", R"({"username":"sneaky","password":"long enough pw",
                                          "role":"admin"})")
                ->status,
            403);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
