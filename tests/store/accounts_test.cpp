// Accounts, sessions and the audit log on both backends.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StoreAccountsTest = StoreTest;

TEST_P(StoreAccountsTest, UsersRoundTripWithTheirRoles) {
  const std::int64_t officer =
      must(store().add_user(make_user("amina", Role::kBoroughOfficer, "Hackney")), "officer");
  const std::int64_t analyst =
      must(store().add_user(make_user("bilal", Role::kRegionalAnalyst)), "analyst");
  User admin = make_user("Ceri Jones-Ó'Brien", Role::kAdministrator);
  admin.created_at = "";  // the store fills in the time
  const std::int64_t admin_id = must(store().add_user(admin), "admin");
  EXPECT_GT(officer, 0);
  EXPECT_NE(officer, analyst);
  EXPECT_NE(analyst, admin_id);

  const std::optional<User> found = must(store().find_user("amina"), "find");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, officer);
  EXPECT_EQ(found->role, Role::kBoroughOfficer);
  EXPECT_EQ(found->borough, "Hackney");
  EXPECT_EQ(found->password_hash, make_user("amina").password_hash);
  EXPECT_EQ(found->created_at, "2026-11-23T18:16:00Z");

  const std::optional<User> by_id = must(store().user_by_id(admin_id), "by id");
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->username, "Ceri Jones-Ó'Brien");
  EXPECT_EQ(by_id->role, Role::kAdministrator);
  EXPECT_EQ(by_id->borough, "");
  EXPECT_EQ(by_id->created_at.size(), 20u) << by_id->created_at;

  EXPECT_FALSE(must(store().find_user("nobody"), "nobody").has_value());
  // Usernames are one account in any case (issue 18: "Admin" and "admin" were two).
  const std::optional<User> upper = must(store().find_user("AMINA"), "case");
  ASSERT_TRUE(upper.has_value());
  EXPECT_EQ(upper->username, "amina");
  EXPECT_FALSE(must(store().user_by_id(admin_id + 100), "no id").has_value());

  const std::vector<User> users = must(store().list_users(), "list");
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0].username, "amina");
  EXPECT_EQ(users[1].username, "bilal");
  EXPECT_EQ(users[1].role, Role::kRegionalAnalyst);
  EXPECT_EQ(users[2].username, "Ceri Jones-Ó'Brien");
}

TEST_P(StoreAccountsTest, DuplicateUsernameIsInvalidArgumentWithoutTheName) {
  must(store().add_user(make_user("amina.khan")), "first");
  Result<std::int64_t> again = store().add_user(make_user("amina.khan", Role::kAdministrator));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(again.error().message.find("add user"), std::string::npos) << again.error().message;
  EXPECT_EQ(again.error().message.find("amina"), std::string::npos) << again.error().message;
  EXPECT_EQ(must(store().list_users(), "list").size(), 1u);
}

TEST_P(StoreAccountsTest, EmptyUsernameIsRejectedByTheSchema) {
  Result<std::int64_t> added = store().add_user(make_user(""));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(StoreAccountsTest, SetPasswordHash) {
  const std::int64_t id = must(store().add_user(make_user("amina")), "add");
  ASSERT_TRUE(store().set_password_hash(id, "$argon2id$new").ok());
  EXPECT_EQ(must(store().user_by_id(id), "get")->password_hash, "$argon2id$new");
  const Status missing = store().set_password_hash(id + 1, "$argon2id$other");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

Session make_session(const std::string& token_hash, std::int64_t user, const std::string& expires) {
  return Session{token_hash, user, "csrf-" + token_hash, "2026-11-23T10:00:00Z", expires};
}

TEST_P(StoreAccountsTest, SessionsAreFoundDeletedAndExpired) {
  const std::int64_t user = must(store().add_user(make_user("amina")), "user");
  must(store().add_session(make_session("aa01", user, "2026-11-23T11:00:00Z")), "aa01");
  must(store().add_session(make_session("bb02", user, "2026-11-23T12:00:00Z")), "bb02");
  must(store().add_session(make_session("cc03", user, "2026-11-23T13:00:00Z")), "cc03");

  const std::optional<Session> found = must(store().find_session("bb02"), "find");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->csrf_token, "csrf-bb02");
  EXPECT_EQ(found->created_at, "2026-11-23T10:00:00Z");
  EXPECT_EQ(found->expires_at, "2026-11-23T12:00:00Z");
  EXPECT_FALSE(must(store().find_session("zz99"), "missing").has_value());

  // expires_at <= now goes: exactly at 12:00 the second one is gone too.
  EXPECT_EQ(must(store().delete_expired_sessions("2026-11-23T12:00:00Z"), "expire"), 2);
  EXPECT_FALSE(must(store().find_session("aa01"), "aa01").has_value());
  EXPECT_FALSE(must(store().find_session("bb02"), "bb02").has_value());
  EXPECT_TRUE(must(store().find_session("cc03"), "cc03").has_value());
  EXPECT_EQ(must(store().delete_expired_sessions("2026-11-23T12:00:00Z"), "again"), 0);

  ASSERT_TRUE(store().delete_session("cc03").ok());
  EXPECT_FALSE(must(store().find_session("cc03"), "deleted").has_value());
  EXPECT_TRUE(store().delete_session("cc03").ok());  // deleting twice is fine
}

TEST_P(StoreAccountsTest, SessionNeedsAnExistingUserAndAUniqueToken) {
  const std::int64_t user = must(store().add_user(make_user("amina")), "user");
  const Status orphan = store().add_session(make_session("aa01", user + 7, "2026-11-24T00:00:00Z"));
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidArgument);
  must(store().add_session(make_session("aa01", user, "2026-11-24T00:00:00Z")), "first");
  const Status twice = store().add_session(make_session("aa01", user, "2026-11-25T00:00:00Z"));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(twice.error().message.find("aa01"), std::string::npos) << twice.error().message;
}

TEST_P(StoreAccountsTest, AuditLogIsNewestFirstWithLimitAndOffset) {
  const std::int64_t user = must(store().add_user(make_user("amina")), "user");
  for (int i = 0; i < 7; ++i) {
    AuditEntry entry;
    entry.at = fmt::format("2026-11-23T18:{:02}:00Z", i);
    entry.user_id = i == 6 ? 0 : user;  // 0: no account (e.g. a failed sign-in)
    entry.username = "amina";
    entry.action = i % 2 == 0 ? "read pupils" : "download routes.csv";
    entry.borough = "Hackney";
    entry.detail = fmt::format("dataset {} (200 rows)", i);
    ASSERT_TRUE(store().append_audit(entry).ok()) << i;
  }
  const std::vector<AuditEntry> all = must(store().list_audit(100, 0), "all");
  ASSERT_EQ(all.size(), 7u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].detail, fmt::format("dataset {} (200 rows)", 6 - i));
    if (i > 0) {
      EXPECT_LT(all[i].id, all[i - 1].id);
    }
  }
  EXPECT_EQ(all[0].user_id, 0);
  EXPECT_EQ(all[1].user_id, user);
  EXPECT_EQ(all[1].at, "2026-11-23T18:05:00Z");
  EXPECT_EQ(all[1].action, "download routes.csv");
  EXPECT_EQ(all[1].username, "amina");
  EXPECT_EQ(all[1].borough, "Hackney");

  const std::vector<AuditEntry> page = must(store().list_audit(3, 2), "page");
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].id, all[2].id);
  EXPECT_EQ(page[2].id, all[4].id);
  EXPECT_EQ(must(store().list_audit(3, 6), "last").size(), 1u);
  EXPECT_TRUE(must(store().list_audit(3, 7), "past the end").empty());
  EXPECT_TRUE(must(store().list_audit(0, 0), "none").empty());
  Result<std::vector<AuditEntry>> negative = store().list_audit(-1, 0);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreAccountsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
