// The PostgreSQL test server itself (support/postgres_server.h): it starts, serves databases
// that are fresh and separate, is shared within a process, and is gone after it stops.
#include "support/postgres_server.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.h"
#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using sendplan::testing::PostgresServer;

TEST(PostgresTestServer, StartsServesFreshDatabasesAndStops) {
  std::unique_ptr<PostgresServer> server = must(PostgresServer::start(), "start");
  EXPECT_EQ(server->url(),
            fmt::format("postgresql://{}@127.0.0.1:{}/sendplan", server->user(), server->port()));
  EXPECT_TRUE(std::filesystem::exists(server->directory()));
  const std::string directory = server->directory();

  // The initial database works.
  EXPECT_TRUE(open_store(server->url()).ok());
  // Two new databases are separate.
  const std::string first = must(server->create_database(), "first");
  const std::string second = must(server->create_database("my_db"), "named");
  EXPECT_NE(first, second);
  EXPECT_EQ(second, server->url_for("my_db"));
  std::unique_ptr<Store> a = must(open_store(first), "a");
  std::unique_ptr<Store> b = must(open_store(second), "b");
  must(a->add_user(make_user("amina")), "add");
  EXPECT_FALSE(must(b->find_user("amina"), "find").has_value());
  EXPECT_FALSE(server->create_database("bad-name; DROP").ok());
  a.reset();
  b.reset();

  const std::string url = server->url();
  server.reset();
  EXPECT_FALSE(std::filesystem::exists(directory));
  Result<std::unique_ptr<Store>> after = open_store(url + "?connect_timeout=3");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kIo);
}

TEST(PostgresTestServer, SharedServerIsOnePerProcess) {
  sendplan::testing::PostgresServer* first = must(sendplan::testing::shared_postgres_server(), "1");
  sendplan::testing::PostgresServer* second =
      must(sendplan::testing::shared_postgres_server(), "2");
  EXPECT_EQ(first, second);
  const std::string one = must(sendplan::testing::fresh_postgres_database(), "one");
  const std::string two = must(sendplan::testing::fresh_postgres_database(), "two");
  EXPECT_NE(one, two);
  EXPECT_EQ(
      one.rfind(fmt::format("postgresql://{}@127.0.0.1:{}/", first->user(), first->port()), 0), 0u)
      << one;
}

}  // namespace
}  // namespace sendplan::store::testing
