// open_store's URLs and failures, the names stored for roles and plan states, the clock, and
// the pieces under the backends (placeholders, migration SQL per dialect).
#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>

#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/sql_store.h"
#include "store/store.h"
#include "store/store_test_support.h"
#include "support/temp_dir.h"

namespace sendplan::store::testing {
namespace {

namespace fs = std::filesystem;

// A temp folder removed at the end of the test.
class Folder : public sendplan::testing::TempDir {
 public:
  Folder() : TempDir("open-store") {}
};

void expect_invalid_url(const std::string& url, const std::string& mentions) {
  Result<std::unique_ptr<Store>> opened = open_store(url);
  ASSERT_FALSE(opened.ok()) << url;
  EXPECT_EQ(opened.error().code, ErrorCode::kInvalidArgument) << url;
  EXPECT_NE(opened.error().message.find(mentions), std::string::npos) << opened.error().message;
  EXPECT_NE(opened.error().message.find("sqlite:PATH"), std::string::npos)
      << "says which forms work: " << opened.error().message;
}

TEST(OpenStore, RejectsEmptyAndUnknownUrls) {
  expect_invalid_url("", "no database URL");
  expect_invalid_url("mysql://amina:secret@db.example/sendplan", "\"mysql\"");
  expect_invalid_url("sqlite:", "needs a path");
  expect_invalid_url("sqlite://relative.db", "needs a path");
  Result<std::unique_ptr<Store>> opened = open_store("mysql://amina:secret@db.example/sendplan");
  EXPECT_EQ(opened.error().message.find("secret"), std::string::npos) << opened.error().message;
}

TEST(OpenStore, OpensInMemorySqlite) {
  std::unique_ptr<Store> store = must(open_store("sqlite::memory:"), "memory");
  EXPECT_EQ(store->backend(), "sqlite");
  EXPECT_EQ(store->schema_version(), migrations().back().version);
  const std::int64_t id = must(store->add_user(make_user("amina")), "add");
  EXPECT_EQ(must(store->user_by_id(id), "get")->username, "amina");
  // Each in-memory store is its own database.
  std::unique_ptr<Store> other = must(open_store("sqlite::memory:"), "other");
  EXPECT_TRUE(must(other->list_users(), "list").empty());
}

TEST(OpenStore, OpensSqliteFilesByPathOrSqliteUrlAndKeepsTheData) {
  const Folder folder;
  const std::string plain = (folder / "plain.db").string();
  {
    std::unique_ptr<Store> store = must(open_store(plain), "plain path");
    EXPECT_EQ(store->backend(), "sqlite");
    must(store->add_user(make_user("amina")), "add");
  }
  EXPECT_TRUE(fs::exists(plain));
  // The same file through a sqlite: URL.
  std::unique_ptr<Store> again = must(open_store("sqlite:" + plain), "sqlite: url");
  EXPECT_TRUE(must(again->find_user("amina"), "find").has_value());
  // The write-ahead log is on.
  const SqlRows mode =
      must(must(connect_database(plain), "connect")->query("PRAGMA journal_mode"), "journal mode");
  EXPECT_EQ(mode.at(0).text(0), "wal");
}

TEST(OpenStore, UnopenableSqliteFilesAreIoErrors) {
  const Folder folder;
  Result<std::unique_ptr<Store>> missing = open_store((folder / "no-such-folder/x.db").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIo);
  EXPECT_NE(missing.error().message.find("cannot open SQLite database"), std::string::npos)
      << missing.error().message;

  const fs::path text = folder / "notes.db";
  std::ofstream(text) << "This is a text file, not a database, and it is long enough to have a "
                         "header that SQLite reads and rejects.\n";
  Result<std::unique_ptr<Store>> not_db = open_store(text.string());
  ASSERT_FALSE(not_db.ok());
  EXPECT_EQ(not_db.error().code, ErrorCode::kIo);
  EXPECT_NE(not_db.error().message.find("not a database"), std::string::npos)
      << not_db.error().message;
}

TEST(OpenStore, PostgresqlOnAClosedPortIsAQuickIoError) {
  // A port bound but not listening: connections to it are refused.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int port = ntohs(address.sin_port);

  for (const char* scheme : {"postgresql", "postgres"}) {
    const auto start = std::chrono::steady_clock::now();
    Result<std::unique_ptr<Store>> opened = open_store(
        fmt::format("{}://amina:secret-pw@127.0.0.1:{}/sendplan?connect_timeout=3", scheme, port));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::kIo);
    EXPECT_LT(seconds.count(), 5.0);
    EXPECT_NE(opened.error().message.find("cannot connect to PostgreSQL"), std::string::npos)
        << opened.error().message;
    EXPECT_EQ(opened.error().message.find("secret-pw"), std::string::npos)
        << opened.error().message;
  }
  ::close(fd);
}

TEST(OpenStore, PostgresqlUnreachableHostTimesOut) {
  // A documentation-only address (TEST-NET-1): nothing answers. connect_timeout (added when the
  // URL has none: 10 s; here 2 s) bounds the wait.
  const auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Store>> opened =
      open_store("postgresql://amina@192.0.2.1:5432/sendplan?connect_timeout=2");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kIo);
  EXPECT_LT(seconds.count(), 8.0);
}

TEST(StoreNames, RolesAndPlanStatesRoundTrip) {
  for (Role role : {Role::kBoroughOfficer, Role::kRegionalAnalyst, Role::kAdministrator}) {
    EXPECT_EQ(parse_role(role_name(role)), role);
  }
  EXPECT_STREQ(role_name(Role::kBoroughOfficer), "officer");
  EXPECT_STREQ(role_name(Role::kRegionalAnalyst), "analyst");
  EXPECT_STREQ(role_name(Role::kAdministrator), "admin");
  EXPECT_FALSE(parse_role("Admin").has_value());
  for (PlanStatus status :
       {PlanStatus::kQueued, PlanStatus::kRunning, PlanStatus::kDone, PlanStatus::kFailed}) {
    EXPECT_EQ(parse_plan_status(plan_status_name(status)), status);
  }
  EXPECT_STREQ(plan_status_name(PlanStatus::kDone), "done");
  EXPECT_FALSE(parse_plan_status("finished").has_value());
}

TEST(StoreClock, UtcNowIsIsoUtcToTheSecond) {
  const std::string now = utc_now();
  EXPECT_TRUE(
      std::regex_match(now, std::regex(R"(20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\dZ)")))
      << now;
  const std::time_t seconds = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  EXPECT_EQ(now.substr(0, 4), std::to_string(parts.tm_year + 1900));
}

TEST(StorePostgresPlaceholders, NumberedInOrderOutsideQuotes) {
  EXPECT_EQ(number_placeholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? LIMIT ?"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 LIMIT $3");
  EXPECT_EQ(number_placeholders("UPDATE t SET s = 'it''s ?', n = ?"),
            "UPDATE t SET s = 'it''s ?', n = $1");
  EXPECT_EQ(number_placeholders("SELECT 1"), "SELECT 1");
}

TEST(StoreMigrationSql, EachDialectGetsItsOwnTypes) {
  ASSERT_FALSE(migrations().empty());
  for (std::size_t i = 0; i < migrations().size(); ++i) {
    EXPECT_EQ(migrations()[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations()[i].description.empty());
  }
  const std::string sqlite = migration_sql(migrations().front(), Dialect::kSqlite);
  const std::string postgres = migration_sql(migrations().front(), Dialect::kPostgres);
  for (const std::string& sql : {sqlite, postgres}) {
    EXPECT_EQ(sql.find('{'), std::string::npos);
    EXPECT_EQ(sql.find('}'), std::string::npos);
  }
  EXPECT_NE(sqlite.find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  EXPECT_NE(sqlite.find("BLOB"), std::string::npos);
  EXPECT_NE(postgres.find("GENERATED BY DEFAULT AS IDENTITY"), std::string::npos);
  EXPECT_NE(postgres.find("BYTEA"), std::string::npos);
}

}  // namespace
}  // namespace sendplan::store::testing
