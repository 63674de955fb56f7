// The store tests' fixture: a fresh database per test, on each backend.
#include "store/store_test_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "store/sql_store.h"
#include "support/postgres_server.h"

namespace sendplan::store::testing {

namespace fs = std::filesystem;

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

void must(const Status& status, const std::string& what) {
  if (!status.ok()) throw std::runtime_error(what + ": " + status.error().to_string());
}

void StoreTest::SetUp() {
  if (GetParam() == Backend::kSqlite) {
    folder_ = std::make_unique<sendplan::testing::TempDir>("store-test");
  }
  url_ = another_database();
  ASSERT_FALSE(url_.empty());
  Result<std::unique_ptr<Store>> opened = open_store(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  store_ = std::move(opened).value();
}

void StoreTest::TearDown() {
  store_.reset();
  folder_.reset();
}

std::string StoreTest::another_database() {
  if (GetParam() == Backend::kSqlite) {
    return "sqlite:" + folder_->file(fmt::format("store{}.db", ++databases_));
  }
  Result<std::string> url = sendplan::testing::fresh_postgres_database();
  // Not a skip: the PostgreSQL half of the suite must run (scripts/install-deps.sh).
  EXPECT_TRUE(url.ok()) << url.error().to_string();
  return url.ok() ? url.value() : std::string();
}

std::unique_ptr<SqlConnection> StoreTest::connect(const std::string& url) {
  return must(connect_database(url), "connect");
}

std::int64_t StoreTest::count_rows(const std::string& url, const std::string& table) {
  const SqlRows rows = must(connect(url)->query("SELECT COUNT(*) FROM " + table), "count " + table);
  return rows.at(0).integer(0);
}

User make_user(const std::string& username, Role role, const std::string& borough) {
  User user;
  user.username = username;
  user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  user.role = role;
  user.borough = role == Role::kBoroughOfficer ? borough : "";
  user.created_at = "2026-11-23T18:16:00Z";
  return user;
}

Dataset make_dataset(const std::string& borough, const std::string& kind,
                     const std::string& content, std::int64_t uploaded_by) {
  Dataset dataset;
  dataset.borough = borough;
  dataset.kind = kind;
  dataset.file_name = kind + ".csv";
  dataset.content = content;
  dataset.rows = 1;
  dataset.uploaded_by = uploaded_by;
  dataset.uploaded_at = "2026-11-23T18:16:00Z";
  return dataset;
}

PlanRecord make_plan(const std::string& borough, std::int64_t pupils, std::int64_t schools,
                     std::int64_t fleet) {
  PlanRecord plan;
  plan.borough = borough;
  plan.created_at = "2026-11-23T18:20:00Z";
  plan.settings_json = R"({"time_limit":30})";
  plan.pupils_dataset = pupils;
  plan.schools_dataset = schools;
  plan.fleet_dataset = fleet;
  return plan;
}

PlanFixture add_plan_fixture(Store& store, const std::string& borough,
                             const std::string& username) {
  PlanFixture fixture;
  fixture.user = must(store.add_user(make_user(username, Role::kBoroughOfficer, borough)), "user");
  fixture.pupils =
      must(store.add_dataset(make_dataset(borough, "pupils", "id\nP1\n", fixture.user)), "pupils");
  fixture.schools = must(
      store.add_dataset(make_dataset(borough, "schools", "id\nS1\n", fixture.user)), "schools");
  fixture.fleet =
      must(store.add_dataset(make_dataset(borough, "fleet", "id\nV1\n", fixture.user)), "fleet");
  PlanRecord plan = make_plan(borough, fixture.pupils, fixture.schools, fixture.fleet);
  plan.created_by = fixture.user;
  fixture.plan = must(store.add_plan(plan), "plan");
  return fixture;
}

}  // namespace sendplan::store::testing
