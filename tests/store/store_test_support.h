// Helpers for the store tests: every test runs against both backends, each on a fresh, empty
// database (SQLite: a file in a new temp folder; PostgreSQL: a new database on the process's
// shared test server, see support/postgres_server.h).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "core/result.h"
#include "store/sql_connection.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace sendplan::store::testing {

enum class Backend { kSqlite, kPostgres };

// "sqlite" / "postgresql", for test names and messages.
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

// The value, or an exception (the test fails with `what` and the error) for setup steps.
template <typename T>
T must(Result<T> result, const std::string& what) {
  if (!result.ok()) throw std::runtime_error(what + ": " + result.error().to_string());
  return std::move(result).value();
}
void must(const Status& status, const std::string& what);

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  Store& store() { return *store_; }
  // The URL of this test's database (store() is open on it).
  const std::string& url() const { return url_; }
  // The URL of another fresh, empty database of the same backend.
  std::string another_database();
  // A plain connection to `url`, for looking at the tables.
  std::unique_ptr<SqlConnection> connect(const std::string& url);
  // SELECT COUNT(*) FROM `table` in `url`'s database.
  std::int64_t count_rows(const std::string& url, const std::string& table);

  std::unique_ptr<Store> store_;

 private:
  std::unique_ptr<sendplan::testing::TempDir> folder_;  // SQLite's temp folder
  std::string url_;
  int databases_ = 0;
};

// Records with the fields the tests do not care about filled in.
User make_user(const std::string& username, Role role = Role::kBoroughOfficer,
               const std::string& borough = "Hackney");
Dataset make_dataset(const std::string& borough, const std::string& kind,
                     const std::string& content = "id\nP1\n", std::int64_t uploaded_by = 0);
// A plan on the three datasets.
PlanRecord make_plan(const std::string& borough, std::int64_t pupils, std::int64_t schools,
                     std::int64_t fleet);

// A user and a pupils, schools and fleet dataset for `borough`; then a queued plan on them.
struct PlanFixture {
  std::int64_t user = 0;
  std::int64_t pupils = 0;
  std::int64_t schools = 0;
  std::int64_t fleet = 0;
  std::int64_t plan = 0;
};
PlanFixture add_plan_fixture(Store& store, const std::string& borough,
                             const std::string& username = "planner");

}  // namespace sendplan::store::testing
