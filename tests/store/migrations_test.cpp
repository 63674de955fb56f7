// Migrations: a fresh store is at the newest version, reopening applies nothing, a database made
// by an older program gets the missing migrations, a failing migration leaves no trace, and a
// database made by a newer program is refused.
#include "store/migrations.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <thread>

#include "store/sql_store.h"
#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StoreMigrationTest = StoreTest;

int newest() {
  return migrations().back().version;
}

// This program's migrations plus one more (the next program's), which adds a table and copies
// the usernames into it.
std::vector<Migration> with_next_migration() {
  std::vector<Migration> list = migrations();
  list.push_back({newest() + 1, "test: nicknames",
                  "CREATE TABLE nicknames (id {id}, nickname TEXT NOT NULL);\n"
                  "INSERT INTO nicknames (nickname) SELECT username FROM users;"});
  return list;
}

TEST_P(StoreMigrationTest, FreshStoreIsAtTheNewestVersion) {
  EXPECT_EQ(store().schema_version(), newest());
  EXPECT_EQ(store().backend(), GetParam() == Backend::kSqlite ? "sqlite" : "postgresql");
  const SqlRows rows =
      must(connect(url())->query("SELECT version, description, applied_at FROM schema_migrations "
                                 "ORDER BY version"),
           "schema_migrations");
  ASSERT_EQ(rows.size(), migrations().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].integer(0), migrations()[i].version);
    EXPECT_EQ(rows[i].text(1), migrations()[i].description);
    EXPECT_EQ(rows[i].text(2).size(), 20u) << rows[i].text(2);  // 2026-11-23T18:16:00Z
  }
  // Every table the store uses is there and empty.
  for (const char* table :
       {"users", "sessions", "audit_log", "datasets", "plans", "plan_files", "pools",
        "pool_boroughs", "pool_files", "practice_calls", "practice_entries",
        "practice_entry_boroughs", "practice_facets", "practice_attachments", "practice_events",
        "practice_reviews", "practice_search"}) {
    EXPECT_EQ(count_rows(url(), table), 0) << table;
  }
}

TEST_P(StoreMigrationTest, ReopeningAppliesNothingAndKeepsTheData) {
  const std::int64_t id = must(store().add_user(make_user("amina")), "add user");
  const SqlRows before = must(
      connect(url())->query("SELECT version, applied_at FROM schema_migrations ORDER BY version"),
      "before");

  std::unique_ptr<SqlConnection> connection = connect(url());
  const MigrationReport report = must(migrate(*connection, migrations()), "migrate");
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(report.version, newest());

  store_.reset();
  store_ = must(open_store(url()), "reopen");
  EXPECT_EQ(store().schema_version(), newest());
  const std::optional<User> user = must(store().user_by_id(id), "user_by_id");
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->username, "amina");
  const SqlRows after = must(
      connect(url())->query("SELECT version, applied_at FROM schema_migrations ORDER BY version"),
      "after");
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].text(1), before[i].text(1));
}

TEST_P(StoreMigrationTest, DatabaseOfAnOlderProgramGetsTheMissingMigrations) {
  // A database left at each older version (0 = made by a program before the store existed)
  // is brought up to this program's version by open_store.
  for (int version = 0; version < newest(); ++version) {
    const std::string older = another_database();
    std::unique_ptr<SqlConnection> connection = connect(older);
    const std::vector<Migration> list(migrations().begin(), migrations().begin() + version);
    EXPECT_EQ(must(migrate(*connection, list), "older").version, version);
    connection.reset();
    std::unique_ptr<Store> upgraded = must(open_store(older), "open older");
    EXPECT_EQ(upgraded->schema_version(), newest()) << "from version " << version;
    EXPECT_TRUE(upgraded->add_user(make_user("after-upgrade")).ok());
  }

  // This program's database opened by the next program: only the new migration runs, on the
  // existing data, and only once.
  must(store().add_user(make_user("amina")), "amina");
  must(store().add_user(make_user("bilal")), "bilal");
  std::unique_ptr<SqlConnection> connection = connect(url());
  const MigrationReport report = must(migrate(*connection, with_next_migration()), "next");
  EXPECT_EQ(report.applied, std::vector<int>{newest() + 1});
  EXPECT_EQ(report.version, newest() + 1);
  EXPECT_EQ(count_rows(url(), "nicknames"), 2);
  EXPECT_EQ(count_rows(url(), "schema_migrations"), newest() + 1);
  const MigrationReport again = must(migrate(*connection, with_next_migration()), "again");
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(count_rows(url(), "nicknames"), 2);
}

TEST_P(StoreMigrationTest, FailingMigrationLeavesNoTrace) {
  std::vector<Migration> list = migrations();
  // Its first statement works, its second fails (the table exists): neither may stay.
  list.push_back({newest() + 1, "test: broken",
                  "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE users (x INTEGER);"});
  std::unique_ptr<SqlConnection> connection = connect(url());
  Result<MigrationReport> report = migrate(*connection, list);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kIo);
  EXPECT_NE(report.error().message.find(fmt::format("migration {}", newest() + 1)),
            std::string::npos)
      << report.error().message;
  EXPECT_EQ(count_rows(url(), "schema_migrations"), newest());
  EXPECT_FALSE(connection->query("SELECT COUNT(*) FROM half_done").ok());
  // The connection is usable and the store opens as before.
  EXPECT_TRUE(connection->query("SELECT COUNT(*) FROM users").ok());
  store_.reset();
  store_ = must(open_store(url()), "reopen");
  EXPECT_EQ(store().schema_version(), newest());
}

TEST_P(StoreMigrationTest, DatabaseOfANewerProgramIsRefused) {
  std::unique_ptr<SqlConnection> connection = connect(url());
  must(migrate(*connection, with_next_migration()), "next");
  Result<std::unique_ptr<Store>> opened = open_store(url());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kIo);
  EXPECT_NE(opened.error().message.find("newer"), std::string::npos) << opened.error().message;
}

TEST_P(StoreMigrationTest, StoresOpenedTogetherMigrateOnce) {
  const std::string fresh = another_database();
  constexpr int kStores = 4;
  std::vector<std::optional<Result<std::unique_ptr<Store>>>> opened(kStores);
  std::vector<std::thread> threads;
  for (int i = 0; i < kStores; ++i) {
    threads.emplace_back(
        [&, i] { opened[static_cast<std::size_t>(i)].emplace(open_store(fresh)); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& store : opened) {
    ASSERT_TRUE(store->ok()) << store->error().to_string();
    EXPECT_EQ(store->value()->schema_version(), newest());
  }
  EXPECT_EQ(count_rows(fresh, "schema_migrations"), newest());
}

TEST_P(StoreMigrationTest, MigrationListMustBeNumberedInOrder) {
  std::vector<Migration> list = migrations();
  list.push_back({newest() + 2, "test: gap", "CREATE TABLE gap (x INTEGER)"});
  std::unique_ptr<SqlConnection> connection = connect(url());
  Result<MigrationReport> report = migrate(*connection, list);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInternal);
}

TEST_P(StoreMigrationTest, PlansOfAVersionThreeDatabaseBecomeFreshPlans) {
  // A database left at version 3 with a plan in it, as the program before plan versions made it.
  const std::string older = another_database();
  std::unique_ptr<SqlConnection> connection = connect(older);
  const std::vector<Migration> list(migrations().begin(), migrations().begin() + 3);
  ASSERT_EQ(must(migrate(*connection, list), "version 3").version, 3);
  std::int64_t datasets[3] = {0, 0, 0};
  const char* kinds[3] = {"pupils", "schools", "fleet"};
  for (int k = 0; k < 3; ++k) {
    datasets[k] =
        must(connection->query("INSERT INTO datasets (borough, kind, file_name, content, "
                               "row_count, uploaded_at) VALUES ('Hackney', ?, 'x.csv', ?, 1, "
                               "'2026-11-23T18:16:00Z') RETURNING id",
                               {kinds[k], SqlParam::blob("id\nP1\n")}),
             "dataset")
            .at(0)
            .integer(0);
  }
  const std::int64_t plan =
      must(connection->query(
               "INSERT INTO plans (borough, created_at, status, progress, message, settings_json, "
               "summary_json, pupils_dataset, schools_dataset, fleet_dataset, finished_at) "
               "VALUES ('Hackney', '2026-11-23T18:20:00Z', 'done', 1, '', '{}', '{}', ?, ?, ?, "
               "'2026-11-23T18:21:00Z') RETURNING id",
               {datasets[0], datasets[1], datasets[2]}),
           "plan")
          .at(0)
          .integer(0);
  connection.reset();

  std::unique_ptr<Store> upgraded = must(open_store(older), "open");
  const std::optional<PlanRecord> record = must(upgraded->get_plan(plan), "get");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->parent_plan, 0);
  EXPECT_EQ(record->kind, PlanKind::kPlanned);
  EXPECT_EQ(record->note, "");
  EXPECT_EQ(record->status, PlanStatus::kDone);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreMigrationTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
