// A hostile day, the parts that live in the store (both backends): password guessing, accounts
// an administrator runs, oversized plans, one borough's queue, and the shared register.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "server/credentials.h"
#include "server/test_server.h"

namespace sendplan::testing {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

class HostileStore : public ::testing::TestWithParam<std::string> {
 protected:
  void start(TestServerOptions options = {}) {
    // Locks of 10 s, 20 s, ...: long enough that a slow machine's loop cannot outrun them.
    options.api.sign_in.base_delay = 10s;
    server_ = std::make_unique<TestServer>(GetParam(), std::move(options));
    server_->add_user("admin", "admin");
    server_->add_user("hackney.officer", "officer", "Hackney");
    server_->add_user("camden.officer", "officer", "Camden");
    admin_ = std::make_unique<Agent>(server_->port());
    ASSERT_TRUE(admin_->sign_in("admin"));
  }

  httplib::Result login(const std::string& username, const std::string& password) {
    httplib::Client client("127.0.0.1", server_->port());
    return client.Post("/api/login",
                       nlohmann::json{{"username", username}, {"password", password}}.dump(),
                       "application/json");
  }

  std::int64_t user_id(const std::string& username) {
    for (const nlohmann::json& u : json_of(admin_->get("/api/users")))
      if (u["username"] == username) return u["id"].get<std::int64_t>();
    return 0;
  }

  std::vector<std::string> audit_actions() {
    std::vector<std::string> actions;
    for (const nlohmann::json& e : json_of(admin_->get("/api/audit?limit=1000")))
      actions.push_back(e["action"].get<std::string>() + " " + e["username"].get<std::string>() +
                        " " + e["detail"].get<std::string>());
    return actions;
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Agent> admin_;
};

// --- 4. Password guessing -------------------------------------------------------------------

TEST_P(HostileStore, GuessingIsThrottledPerAccountAndTheRightPasswordWaitsToo) {
  start();
  int refused = 0;
  int wrong = 0;
  std::string retry_after;
  const auto start_time = Clock::now();
  for (int i = 0; i < 30; ++i) {
    auto answer = login("hackney.officer", "guess number " + std::to_string(i));
    ASSERT_TRUE(answer);
    if (answer->status == 429) {
      ++refused;
      retry_after = answer->get_header_value("Retry-After");
    } else {
      EXPECT_EQ(answer->status, 401);
      ++wrong;
    }
  }
  // Five free failures, then each further one locks the account for longer.
  EXPECT_EQ(wrong, 6);
  EXPECT_EQ(refused, 24);
  EXPECT_FALSE(retry_after.empty());
  EXPECT_GE(std::stoi(retry_after), 1);
  EXPECT_LT(Clock::now() - start_time, 20s) << "refusals cost no password check";
  // Locked: the right password gets no session either.
  auto right = login("hackney.officer", kPassword);
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 429);
  // Another account is not locked by this one's failures (but the address counts them all).
  auto other = login("camden.officer", kPassword);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  // Every attempt is in the audit log with the account tried, never the password.
  const std::vector<std::string> actions = audit_actions();
  int failed = 0;
  int throttled = 0;
  for (const std::string& a : actions) {
    EXPECT_EQ(a.find("guess number"), std::string::npos) << a;
    failed += a.rfind("sign-in failed", 0) == 0 && a.find(" hackney.officer ") != std::string::npos;
    throttled += a.rfind("sign-in failed; locked for 10 s hackney.officer", 0) == 0;
  }
  EXPECT_EQ(failed, 6);
  EXPECT_EQ(throttled, 1) << "the failure that set the lock says so; refusals are not logged";
  // An administrator's reset clears the lock at once.
  auto reset =
      admin_->post("/api/users/" + std::to_string(user_id("hackney.officer")) + "/reset-password",
                   R"({"password":"a fresh temporary one"})");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 204);
  auto after_reset = login("hackney.officer", "a fresh temporary one");
  ASSERT_TRUE(after_reset);
  EXPECT_EQ(after_reset->status, 200);
  EXPECT_EQ(json_of(after_reset)["must_change_password"], true);
}

TEST_P(HostileStore, OneAddressGuessingManyAccountsIsThrottled) {
  start();
  int refused = 0;
  for (int i = 0; i < 30; ++i) {
    auto answer = login("nobody" + std::to_string(i), "wrong password here");
    ASSERT_TRUE(answer);
    refused += answer->status == 429;
  }
  EXPECT_EQ(refused, 9) << "20 free failures from one address, then backoff";
}

TEST_P(HostileStore, SignInOnlyTakesJson) {
  start();
  httplib::Client client("127.0.0.1", server_->port());
  auto form = client.Post("/api/login",
                          nlohmann::json{{"username", "admin"}, {"password", kPassword}}.dump(),
                          "text/plain");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415) << "a cross-site form could sign a victim in as the attacker";
  EXPECT_TRUE(form->get_header_value("Set-Cookie").empty());
}

// --- 8. Accounts ----------------------------------------------------------------------------

TEST_P(HostileStore, ADisabledAccountsOpenSessionIsRefusedAndItCannotSignIn) {
  start();
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  EXPECT_EQ(officer.get("/api/boroughs/Hackney/datasets")->status, 200);
  const std::string path = "/api/users/" + std::to_string(user_id("hackney.officer"));
  auto disabled = admin_->send("PATCH", path, R"({"disabled":true})");
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->status, 200) << disabled->body;
  EXPECT_EQ(officer.get("/api/boroughs/Hackney/datasets")->status, 401);
  EXPECT_EQ(login("hackney.officer", kPassword)->status, 401);
  EXPECT_EQ(admin_->send("PATCH", path, R"({"disabled":false})")->status, 200);
  EXPECT_EQ(login("Hackney.Officer", kPassword)->status, 200) << "usernames ignore case";

  // Role and borough: an officer needs a borough; an analyst has none.
  EXPECT_EQ(admin_->send("PATCH", path, R"({"role":"analyst"})")->status, 200);
  nlohmann::json users = json_of(admin_->get("/api/users"));
  for (const nlohmann::json& u : users)
    if (u["username"] == "hackney.officer") {
      EXPECT_TRUE(u["borough"].is_null()) << u.dump();
    }
  EXPECT_EQ(admin_->send("PATCH", path, R"({"role":"officer"})")->status, 400);
  EXPECT_EQ(admin_->send("PATCH", path, R"({"role":"officer","borough":"Camden"})")->status, 200);
  // Nobody locks themselves out.
  const std::string me = "/api/users/" + std::to_string(user_id("admin"));
  EXPECT_EQ(admin_->send("PATCH", me, R"({"disabled":true})")->status, 409);
  EXPECT_EQ(admin_->send("DELETE", me, "")->status, 409);

  // Sign out everywhere, then delete: gone from the list, kept in the audit log.
  Agent again(server_->port());
  ASSERT_TRUE(again.sign_in("hackney.officer"));
  auto revoked = admin_->post(path + "/revoke-sessions", "{}");
  ASSERT_TRUE(revoked);
  EXPECT_GE(json_of(revoked)["sessions_ended"].get<int>(), 1);
  EXPECT_EQ(again.get("/api/me")->status, 401);
  EXPECT_EQ(admin_->send("DELETE", path, "")->status, 204);
  EXPECT_EQ(user_id("hackney.officer"), 0);
  EXPECT_EQ(login("hackney.officer", kPassword)->status, 401);
  bool named = false;
  for (const std::string& a : audit_actions()) named |= a.find("delete account") == 0;
  EXPECT_TRUE(named);
  // Its name stays taken (the audit log names it).
  EXPECT_EQ(admin_
                ->post("/api/users", R"({"username":"HACKNEY.officer","password":"another good one",
                                           "role":"analyst"})")
                ->status,
            409);
}

TEST_P(HostileStore, AResetPasswordMustBeChangedBeforeAnythingElse) {
  start();
  const std::string path = "/api/users/" + std::to_string(user_id("camden.officer"));
  Agent before(server_->port());
  ASSERT_TRUE(before.sign_in("camden.officer"));
  ASSERT_EQ(
      admin_->post(path + "/reset-password", R"({"password":"temporary words here"})")->status,
      204);
  EXPECT_EQ(before.get("/api/me")->status, 401) << "a reset ends every session";
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("camden.officer", "temporary words here"));
  auto blocked = officer.get("/api/boroughs/Camden/datasets");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 403);
  EXPECT_EQ(json_of(blocked)["error"], "password_change_required");
  EXPECT_EQ(officer
                .post("/api/me/password",
                      R"({"current_password":"temporary words here","new_password":"1234567890"})")
                ->status,
            400);
  auto changed = officer.post(
      "/api/me/password",
      R"({"current_password":"temporary words here","new_password":"my own three words"})");
  ASSERT_TRUE(changed);
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(login("camden.officer", "my own three words")->status, 200);
  EXPECT_EQ(login("camden.officer", "temporary words here")->status, 401);
}

TEST_P(HostileStore, WeakPasswordsAndNamesTakenInAnotherCaseAreRefused) {
  start();
  for (const char* password : {"          ", "1234567890", "aaaaaaaaaaaa", "password123",
                               "Qwertyuiop", "abcdefghijkl", "short"}) {
    auto added = admin_->post(
        "/api/users",
        nlohmann::json{{"username", "new.person"}, {"password", password}, {"role", "analyst"}}
            .dump());
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 400) << "'" << password << "' was accepted";
  }
  auto taken = admin_->post("/api/users", nlohmann::json{{"username", "ADMIN"},
                                                         {"password", "a perfectly fine one"},
                                                         {"role", "analyst"}}
                                              .dump());
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->status, 409);
  EXPECT_TRUE(server::check_password_rules("correct horse battery staple").ok());
}

TEST_P(HostileStore, SignOutWithoutABodyEndsTheSession) {
  start();
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("camden.officer"));
  auto out = officer.send("POST", "/api/logout", "", "");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  EXPECT_EQ(officer.get("/api/me")->status, 401);
}

// --- 5, 6. Plans ------------------------------------------------------------------------------

TEST_P(HostileStore, AnOversizedPlanIsRefusedWithTheReasonAndTheServerStaysUp) {
  TestServerOptions options;
  options.api.max_pupils = 30;
  start(options);
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("hackney.officer"));
  const BoroughFiles big = generated_borough(server_->atlas(), "Hackney", 40, 1);
  auto refused = officer.put("/api/boroughs/Hackney/inputs/pupils", big.pupils);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  EXPECT_NE(json_of(refused)["message"].get<std::string>().find("at most 30"), std::string::npos)
      << refused->body;
  EXPECT_TRUE(json_of(officer.get("/api/boroughs/Hackney/datasets")).empty());

  // Within the pupil limit but over the memory a plan may use.
  server_->stop();
  options.api.max_pupils = 5000;
  options.api.max_plan_memory_bytes = 100 << 20;
  start(options);
  Agent second(server_->port());
  ASSERT_TRUE(second.sign_in("hackney.officer"));
  upload_all(second, "Hackney", generated_borough(server_->atlas(), "Hackney", 20, 1));
  auto plan = second.post("/api/boroughs/Hackney/plans", R"({"time_limit_seconds":1})");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->status, 413);
  EXPECT_NE(json_of(plan)["message"].get<std::string>().find("GB of memory"), std::string::npos);
  EXPECT_EQ(second.get("/api/health")->status, 200);
}

TEST_P(HostileStore, OneBoroughsLongPlansDoNotHoldUpAnothersShortOne) {
  TestServerOptions options;
  options.plans = {1, 3, 100};  // one worker: the hardest case
  start(options);
  Agent camden(server_->port());
  ASSERT_TRUE(camden.sign_in("camden.officer"));
  Agent hackney(server_->port());
  ASSERT_TRUE(hackney.sign_in("hackney.officer"));
  upload_all(camden, "Camden", generated_borough(server_->atlas(), "Camden", 30, 2));
  upload_all(hackney, "Hackney", generated_borough(server_->atlas(), "Hackney", 10, 3));
  std::vector<std::int64_t> long_plans;
  for (int i = 0; i < 3; ++i) {
    auto plan = camden.post("/api/boroughs/Camden/plans", R"({"time_limit_seconds":60})");
    ASSERT_TRUE(plan);
    ASSERT_EQ(plan->status, 202) << plan->body;
    long_plans.push_back(json_of(plan)["plan"]["id"].get<std::int64_t>());
  }
  auto fourth = camden.post("/api/boroughs/Camden/plans", R"({"time_limit_seconds":60})");
  ASSERT_TRUE(fourth);
  EXPECT_EQ(fourth->status, 429) << "at most 3 waiting or running per borough";
  auto quick = hackney.post("/api/boroughs/Hackney/plans", R"({"time_limit_seconds":1})");
  ASSERT_TRUE(quick);
  ASSERT_EQ(quick->status, 202);
  const std::int64_t short_plan = json_of(quick)["plan"]["id"].get<std::int64_t>();
  // Hackney's plan is next: behind the one Camden plan running, not all three.
  EXPECT_EQ(server_->jobs().next_to_start(), std::optional<std::int64_t>(short_plan));
  // The running Camden plan is cancelled from the API (the button's route); Hackney's starts.
  auto cancelled = camden.post("/api/plans/" + std::to_string(long_plans[0]) + "/cancel", "{}");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, 202) << cancelled->body;
  nlohmann::json plan;
  for (int i = 0; i < 300; ++i) {
    plan = json_of(hackney.get("/api/plans/" + std::to_string(short_plan)));
    if (plan["status"] == "done" || plan["status"] == "failed") break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(plan["status"], "done") << plan.dump();
  nlohmann::json first = json_of(camden.get("/api/plans/" + std::to_string(long_plans[0])));
  EXPECT_EQ(first["status"], "failed");
  EXPECT_EQ(first["message"], "cancelled by camden.officer");
  // A waiting plan is cancelled at once (DELETE works too); Hackney cannot cancel Camden's.
  EXPECT_EQ(hackney.send("DELETE", "/api/plans/" + std::to_string(long_plans[2]), "")->status, 403);
  EXPECT_EQ(camden.send("DELETE", "/api/plans/" + std::to_string(long_plans[2]), "")->status, 202);
  EXPECT_EQ(json_of(camden.get("/api/plans/" + std::to_string(long_plans[2])))["status"], "failed");
  camden.post("/api/plans/" + std::to_string(long_plans[1]) + "/cancel", "{}");
  EXPECT_EQ(camden.post("/api/plans/" + std::to_string(short_plan) + "/cancel", "{}")->status, 403);
}

// --- 7. The shared register -------------------------------------------------------------------

TEST_P(HostileStore, TheRegisterKeepsHistoryAndNeutralisesFormulaCells) {
  start();
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("camden.officer"));
  const nlohmann::json body = {{"name", "=HYPERLINK(\"http://example.invalid\",\"Click\")"},
                               {"type", "independent-special"},
                               {"local_authority", "Camden"},
                               {"source", "DfE section 41 list"},
                               {"capacity", 40},
                               {"vacancies", 3},
                               {"age_low", 5},
                               {"age_high", 16},
                               {"boarding", "day"}};
  auto added = officer.post("/api/providers", body.dump());
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  const nlohmann::json provider = json_of(added)["provider"];
  EXPECT_EQ(provider["source"], "entered by camden.officer")
      << "the server says where it came from";
  const std::string id = std::to_string(provider["id"].get<std::int64_t>());

  nlohmann::json edited = provider;
  edited["vacancies"] = 1;
  edited["source"] = "DfE section 41 list";
  auto put = officer.send("PUT", "/api/providers/" + id, edited.dump());
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(json_of(put)["provider"]["source"], "entered by camden.officer");
  auto history = json_of(officer.get("/api/providers/" + id + "/history"));
  ASSERT_EQ(history["history"].size(), 2u) << history.dump();
  EXPECT_EQ(history["history"][0]["change"], "added");
  EXPECT_EQ(history["history"][1]["change"], "edited");
  EXPECT_EQ(history["history"][1]["before"]["vacancies"], 3);
  EXPECT_EQ(history["history"][1]["after"]["vacancies"], 1);
  EXPECT_EQ(history["history"][1]["username"], "camden.officer");
  bool audited = false;
  for (const std::string& a : audit_actions())
    audited |=
        a.rfind("edit provider camden.officer", 0) == 0 && a.find("vacancies") != std::string::npos;
  EXPECT_TRUE(audited);

  auto csv = officer.get("/api/providers.csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.find(",=HYPERLINK"), std::string::npos) << "a formula cell went out as is";
  EXPECT_EQ(csv->body.find(",\"=HYPERLINK"), std::string::npos) << "a formula cell went out as is";
  EXPECT_NE(csv->body.find("'=HYPERLINK"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
